"""Entitlements (hak uang transport / uang saku): computed from attendance, approved by a
supervisor per cohort and period (issue #11).

An entitlement's id is stable_id("entitlement", enrollment, kind, period), so two counters
computing the same cohort offline write one record. Recomputing after an attendance
correction changes the amounts and says what changed. Money already paid is never touched
(payments are append-only): when a paid entitlement turns out too high, its amount falls
below what was paid and the difference is an overpayment (kelebihan bayar) to recover;
when it turns out too low, the rest is owed again and needs approval like any other amount.

Approval is for a whole period at once, after every held day of it has been approved in the
attendance grid and the period has ended: the supervisor signs the totals, not person by
person. It recomputes first, in the same transaction, so what is approved is what the
attendance says at that moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app import formats
from app.db import Database
from app.domain import cohorts as cohort_rules
from app.domain import stipends as rules
from app.domain.ids import stable_id
from app.domain.roles import Permission
from app.errors import StateError, ValidationError
from app.models import Attendance, Cohort, CohortSession, Enrollment, Entitlement, Participant
from app.services.access import require
from app.services.actor import Actor
from app.services.cohort_records import audit, editable, load_cohort, rule_of, sessions_of
from app.services.providers import today_of
from app.services.stipend_records import Money, entitlement_rows, money_for
from app.services.stipend_views import Change, ComputeReport, EntitlementRow, PeriodTotals
from app.services.uow import UnitOfWork, unit_of_work
from app.texts import Text

BAD_PERIOD = Text(
    "Periode tidak dikenal: {period}. Pakai nomor minggu (1, 2, …) atau ALL.",
    "Unknown period: {period}. Use a week number (1, 2, …) or ALL.",
)
NOT_A_PERIOD = Text(
    "Angkatan ini tidak memiliki periode {period}.", "This cohort has no period {period}."
)
DAYS_UNLOCKED = Text(
    "Kehadiran {days} belum disetujui; setujui dulu di daftar hadir.",
    "Attendance of {days} is not approved yet; approve it in the attendance grid first.",
)
PERIOD_OPEN = Text(
    "Periode {period} belum selesai: hari pelatihan {days} belum tiba.",
    "Period {period} has not ended yet: training days {days} are still to come.",
)
NOTHING_TO_APPROVE = Text(
    "Tidak ada hak yang menunggu persetujuan.", "No entitlement is waiting for approval."
)
OVERPAID_NOTE = Text("kelebihan bayar {amount}", "overpaid by {amount}")
UNDERPAID_NOTE = Text("kurang bayar {amount}", "underpaid by {amount}")


def _dates(days: list[date]) -> str:
    return ", ".join(d.strftime("%d/%m") for d in days)


def period_key(text: str) -> str:
    key = rules.parse_period(text)
    if key is None:
        raise ValidationError(BAD_PERIOD, field="period", period=text)
    return key


def cohort_periods(cohort: Cohort) -> list[rules.Period]:
    plan = rules.periods(cohort.start_date, cohort.end_date, cohort.stipend_period)
    if cohort.pocket_mode == "lump_sum" and plan[-1].key != rules.WHOLE:
        plan.append(rules.whole(cohort.start_date, cohort.end_date))
    return plan


def periods_of(db: Database, cohort_id: str) -> list[rules.Period]:
    """The periods a cohort pays in (W1, W2, ... and ALL for a lump sum), for a chooser."""
    with db.read() as session:
        return cohort_periods(load_cohort(session, cohort_id))


def _rates(cohort: Cohort) -> rules.Rates:
    return rules.Rates(
        transport=cohort.transport_rate,
        pocket=cohort.pocket_rate,
        pocket_lump_sum=cohort.pocket_mode == "lump_sum",
        min_rate=rule_of(cohort).min_rate,
    )


@dataclass
class _Run:
    created: int = 0
    changed: int = 0
    unchanged: int = 0


def recompute_in(uow: UnitOfWork, cohort: Cohort, today: date) -> ComputeReport:
    """Bring every entitlement of the cohort in line with its attendance (see the module
    docstring); the caller audits."""
    session = uow.session
    held = [s for s in sessions_of(session, cohort.id) if s.day <= today]
    day_of = {s.id: s.day for s in held}
    present: dict[str, list[date]] = {}
    for pid, sid in session.execute(
        select(Attendance.participant_id, Attendance.session_id).where(
            Attendance.cohort_id == cohort.id,
            Attendance.mark == cohort_rules.Mark.PRESENT.value,
            Attendance.deleted_at.is_(None),
        )
    ):
        if sid in day_of:
            present.setdefault(pid, []).append(day_of[sid])
    enrolments = list(
        session.scalars(
            select(Enrollment).where(
                Enrollment.cohort_id == cohort.id,
                Enrollment.status != cohort_rules.WAITING,
                Enrollment.deleted_at.is_(None),
            )
        )
    )
    names = {
        pid: name
        for pid, name in session.execute(
            select(Participant.id, Participant.full_name).where(
                Participant.id.in_([e.participant_id for e in enrolments])
            )
        )
    }
    existing = {
        e.id: e
        for e in session.scalars(select(Entitlement).where(Entitlement.cohort_id == cohort.id))
    }
    money = money_for(session, list(existing))
    plan = [p for p in cohort_periods(cohort) if p.start <= today]
    held_days = [s.day for s in held]
    run = _Run()
    changes: list[Change] = []
    overpaid: list[Change] = []
    for enr in enrolments:
        dues = rules.dues(plan, held_days, present.get(enr.participant_id, []), _rates(cohort))
        for due in dues:
            eid = stable_id("entitlement", enr.id, due.kind.value, due.period.key)
            e = existing.get(eid)
            name = names.get(enr.participant_id, "?")
            if e is None:
                if due.amount == 0:
                    continue
                session.add(
                    Entitlement(
                        id=eid,
                        office_code=cohort.office_code,
                        cohort_id=cohort.id,
                        enrollment_id=enr.id,
                        participant_id=enr.participant_id,
                        kind=due.kind.value,
                        period=due.period.key,
                        period_start=due.period.start,
                        period_end=due.period.end,
                        days=due.days,
                        rate=due.rate,
                        amount=due.amount,
                        computed_by=uow.actor.username,
                        computed_at=uow.now,
                    )
                )
                run.created += 1
                changes.append(
                    Change(eid, name, due.kind.value, due.period.key, None, due.amount, "")
                )
                continue
            m = money[eid]
            paid = sum(p.amount for p in m.live)
            same = (
                e.amount == due.amount
                and e.days == due.days
                and e.rate == due.rate
                and e.period_end == due.period.end
            )
            gone = e.deleted_at is not None
            if same and not gone:
                run.unchanged += 1
                continue
            if due.amount == 0 and paid == 0:
                if not gone:
                    uow.tombstone(e)
                    run.changed += 1
                    changes.append(Change(eid, name, e.kind, e.period, e.amount, 0, ""))
                else:
                    run.unchanged += 1
                continue
            old = None if gone else e.amount
            e.deleted_at = None
            e.amount, e.days, e.rate = due.amount, due.days, due.rate
            e.period_start, e.period_end = due.period.start, due.period.end
            e.computed_by, e.computed_at = uow.actor.username, uow.now
            run.changed += 1
            note = ""
            if paid > due.amount:
                note = OVERPAID_NOTE.render(amount=formats.rupiah(paid - due.amount))
            elif paid and paid < due.amount:
                note = UNDERPAID_NOTE.render(amount=formats.rupiah(due.amount - paid))
            change = Change(eid, name, e.kind, e.period, old, due.amount, note)
            changes.append(change)
            if paid > due.amount:
                overpaid.append(change)
    return ComputeReport(
        cohort_code=cohort.code,
        created=run.created,
        changed=run.changed,
        unchanged=run.unchanged,
        changes=tuple(changes),
        overpaid=tuple(overpaid),
    )


def compute(db: Database, actor: Actor, cohort_id: str) -> ComputeReport:
    """Compute (or recompute) a cohort's entitlements from its attendance so far."""
    require(db, actor, Permission.STIPEND_COMPUTE)
    today = today_of(db)
    with unit_of_work(db, actor) as uow:
        cohort = editable(uow, cohort_id)
        report = recompute_in(uow, cohort, today)
        if report.created or report.changed:
            audit(
                uow,
                cohort,
                "stipend.compute",
                created=report.created,
                changed=report.changed,
                overpaid=[c.entitlement_id for c in report.overpaid],
            )
        return report


def _waiting(rows: list[Entitlement], money: dict[str, Money]) -> list[Entitlement]:
    """What an approval would sign: computed entitlements still owed something."""
    return [
        e
        for e in rows
        if money[e.id].balance(e).state is rules.State.COMPUTED
        and e.amount > money[e.id].balance(e).paid
    ]


def _readiness(
    session_days: list[CohortSession], period: rules.Period, today: date
) -> tuple[list[date], list[date]]:
    """(held days of the period not yet approved, days of the period still to come)."""
    days = [s for s in session_days if period.start <= s.day <= period.end]
    unlocked = [s.day for s in days if s.day <= today and s.locked_at is None]
    future = [s.day for s in days if s.day > today]
    return unlocked, future


def _pending(
    db: Database, cohort_id: str, period: str | None
) -> tuple[Cohort, list[Entitlement], dict[str, tuple[list[date], list[date]]]]:
    today = today_of(db)
    with db.read() as session:
        cohort = load_cohort(session, cohort_id)
        plan = {p.key: p for p in cohort_periods(cohort)}
        if period is not None and period not in plan:
            raise ValidationError(NOT_A_PERIOD, field="period", period=period)
        days = sessions_of(session, cohort.id)
        ready = {key: _readiness(days, p, today) for key, p in plan.items()}
        stmt = select(Entitlement).where(
            Entitlement.cohort_id == cohort.id, Entitlement.deleted_at.is_(None)
        )
        if period is not None:
            stmt = stmt.where(Entitlement.period == period)
        rows = list(session.scalars(stmt))
        money = money_for(session, [e.id for e in rows])
        waiting = _waiting(rows, money)
        session.expunge_all()
    return cohort, waiting, ready


def period_totals(db: Database, cohort_id: str, period: str | None = None) -> PeriodTotals:
    """What approving `period` (every period: None) would sign: people, count and totals
    by kind, and the days that still stop it."""
    cohort, waiting, ready = _pending(db, cohort_id, period)
    keys = [period] if period is not None else sorted({e.period for e in waiting})
    unlocked = sorted({d for k in keys for d in ready.get(k, ([], []))[0]})
    future = sorted({d for k in keys for d in ready.get(k, ([], []))[1]})
    transport = sum(e.amount for e in waiting if e.kind == rules.Kind.TRANSPORT.value)
    pocket = sum(e.amount for e in waiting if e.kind == rules.Kind.POCKET.value)
    return PeriodTotals(
        cohort_code=cohort.code,
        period=period,
        people=len({e.participant_id for e in waiting}),
        count=len(waiting),
        transport=transport,
        pocket=pocket,
        total=transport + pocket,
        unlocked_days=tuple(unlocked),
        future_days=tuple(future),
    )


def approve(
    db: Database, supervisor: Actor, cohort_id: str, period: str | None = None
) -> PeriodTotals:
    """Approve the entitlements waiting in a period (every ready period: None) as one batch,
    after recomputing them; refused while a day of the period is unapproved or to come."""
    require(db, supervisor, Permission.STIPEND_APPROVE)
    today = today_of(db)
    with unit_of_work(db, supervisor) as uow:
        cohort = editable(uow, cohort_id)
        recompute_in(uow, cohort, today)
        uow.session.flush()
        plan = {p.key: p for p in cohort_periods(cohort)}
        if period is not None and period not in plan:
            raise ValidationError(NOT_A_PERIOD, field="period", period=period)
        days = sessions_of(uow.session, cohort.id)
        keys = [period] if period is not None else list(plan)
        ready: list[str] = []
        first_refusal: tuple[Text, dict[str, str]] | None = None
        for key in keys:
            unlocked, future = _readiness(days, plan[key], today)
            if future:
                first_refusal = first_refusal or (
                    PERIOD_OPEN,
                    {"period": key, "days": _dates(future)},
                )
            elif unlocked:
                first_refusal = first_refusal or (DAYS_UNLOCKED, {"days": _dates(unlocked)})
            else:
                ready.append(key)
        rows = list(
            uow.session.scalars(
                select(Entitlement).where(
                    Entitlement.cohort_id == cohort.id,
                    Entitlement.deleted_at.is_(None),
                    Entitlement.period.in_(ready),
                )
            )
        )
        money = money_for(uow.session, [e.id for e in rows])
        chosen = _waiting(rows, money)
        if not chosen:
            if first_refusal is not None:
                raise StateError(first_refusal[0], **first_refusal[1])
            raise StateError(NOTHING_TO_APPROVE)
        for e in chosen:
            e.approved_amount, e.approved_by, e.approved_at = e.amount, supervisor.username, uow.now
        transport = sum(e.amount for e in chosen if e.kind == rules.Kind.TRANSPORT.value)
        pocket = sum(e.amount for e in chosen if e.kind == rules.Kind.POCKET.value)
        audit(
            uow,
            cohort,
            "stipend.approve",
            periods=sorted({e.period for e in chosen}),
            count=len(chosen),
            total=transport + pocket,
        )
        return PeriodTotals(
            cohort_code=cohort.code,
            period=period,
            people=len({e.participant_id for e in chosen}),
            count=len(chosen),
            transport=transport,
            pocket=pocket,
            total=transport + pocket,
            unlocked_days=(),
            future_days=(),
        )


def list_entitlements(
    db: Database, cohort_id: str, period: str | None = None, lang: str | None = None
) -> list[EntitlementRow]:
    """A cohort's entitlements (one period: `period`), by name, kind and period."""
    with db.read() as session:
        load_cohort(session, cohort_id)
        stmt = select(Entitlement).where(
            Entitlement.cohort_id == cohort_id, Entitlement.deleted_at.is_(None)
        )
        if period is not None:
            stmt = stmt.where(Entitlement.period == period)
        rows = entitlement_rows(session, list(session.scalars(stmt)), lang)
    return sorted(rows, key=lambda r: (r.name.casefold(), period_order(r.period), r.kind))


def period_order(key: str) -> int:
    """W1 < W2 < ... < W10 < ALL."""
    return 10_000 if key == rules.WHOLE else int(key[1:])
