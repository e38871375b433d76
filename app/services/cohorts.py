"""Cohorts (angkatan): create, move, start, finish, cancel, find and show (issue #10).

A cohort is created only where the provider check of the providers feature
(`provider_assessment.provider_fit`) passes on its start date, and moved only to dates where
it passes again; the refusal names every reason. Its training days are CohortSession rows
made from the weekly pattern; a holiday removed stays as a cancelled day, a make-up day is
added. A cohort entered afterwards from an office's spreadsheet (its dates already past) is
`recorded_after`, and every action on it says so in the audit log.

Enrolment, attendance and results live in app.services.enrolment, app.services.attendance
and app.services.cohort_results; the detail shown here brings them together.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.domain import cohorts as rules
from app.domain.ids import stable_id
from app.domain.nik import mask_nik
from app.domain.roles import Permission
from app.errors import NotFound, StateError, ValidationError
from app.models import (
    Attendance,
    Cohort,
    CohortSession,
    Device,
    Enrollment,
    Participant,
    TrainingModule,
    TrainingProvider,
)
from app.services.access import require
from app.services.actor import Actor
from app.services.cohort_views import CohortDetail, CohortRow, EnrolmentView, SessionView
from app.services.provider_assessment import provider_fit
from app.services.providers import find_provider_id, today_of
from app.services.uow import UnitOfWork, unit_of_work
from app.texts import Text

NO_COHORT = Text("Angkatan tidak ditemukan: {code}.", "Cohort not found: {code}.")
NOT_MINE = Text(
    "Angkatan {code} milik kantor {office}; hanya kantor itu yang mengubahnya.",
    "Cohort {code} belongs to office {office}; only that office changes it.",
)
CODE_TAKEN = Text("Kode angkatan {code} sudah dipakai.", "Cohort code {code} is already used.")
BAD_CODE = Text(
    "Kode angkatan 3–40 huruf, angka, '/', '-' atau '.'.",
    "A cohort code is 3–40 letters, digits, '/', '-' or '.'.",
)
PROVIDER_UNFIT = Text(
    "Lembaga tidak dapat melatih modul ini mulai {day}: {why}",
    "The provider may not train this module from {day}: {why}",
)
BAD_CAPACITY = Text("Kapasitas 1–500 orang.", "Capacity: 1–500 people.")
BAD_RATE = Text(
    "Tarif dalam rupiah utuh, 0 sampai 10.000.000.",
    "A rate is whole rupiah, 0 to 10,000,000.",
)
BAD_POCKET_MODE = Text(
    "Uang saku per hari hadir atau sekaligus.", "Pocket money: per attended day or lump sum."
)
BAD_MIN_RATE = Text("Batas kehadiran 1–100%.", "Attendance needed: 1–100%.")
BAD_PASS_SCORE = Text("Nilai lulus 0–100 (kosong: tanpa asesmen).", "Pass mark 0–100 (or none).")
BAD_MOVE = Text(
    "Angkatan {status} tidak dapat diubah menjadi {to}.",
    "A cohort that is {status} cannot become {to}.",
)
BAD_STATUS = Text("Status angkatan tidak dikenal: {status}.", "Unknown cohort status: {status}.")
REASON_NEEDED = Text("Tuliskan alasan pembatalan.", "Write the reason for the cancellation.")
MARKED_DAY_DROPS = Text(
    "Hari {day} sudah berisi kehadiran; tanggal tidak dapat diubah sehingga hari itu hilang.",
    "Day {day} already has attendance; the dates cannot change so that it drops out.",
)
MAX_CAPACITY = 500
MAX_RATE = 10_000_000
CODE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-.")


@dataclass(frozen=True)
class CohortPlan:
    """What a clerk types to create or move a cohort."""

    provider: str  # id or name
    module_code: str
    start_date: date
    end_date: date
    pattern: tuple[str, ...] = rules.DEFAULT_PATTERN
    capacity: int = 25
    transport_rate: int = 0
    pocket_rate: int = 0
    pocket_mode: str = "per_day"
    min_rate_percent: int = 80
    excused_counts: bool = False
    pass_score: int | None = 70
    location: str | None = None
    location_region_code: str | None = None
    code: str | None = None  # default: the next ANG/<OFFICE>-<DEVICE>/<YEAR>/<SEQ>


def _check_plan(plan: CohortPlan) -> None:
    if not 1 <= plan.capacity <= MAX_CAPACITY:
        raise ValidationError(BAD_CAPACITY, field="capacity")
    for name in ("transport_rate", "pocket_rate"):
        if not 0 <= getattr(plan, name) <= MAX_RATE:
            raise ValidationError(BAD_RATE, field=name)
    if plan.pocket_mode not in ("per_day", "lump_sum"):
        raise ValidationError(BAD_POCKET_MODE, field="pocket_mode")
    if not 1 <= plan.min_rate_percent <= 100:
        raise ValidationError(BAD_MIN_RATE, field="min_rate_percent")
    if plan.pass_score is not None and not 0 <= plan.pass_score <= 100:
        raise ValidationError(BAD_PASS_SCORE, field="pass_score")


def plan_days(plan: CohortPlan) -> list[date]:
    try:
        return rules.training_days(plan.start_date, plan.end_date, plan.pattern)
    except rules.DaysError as exc:
        raise ValidationError(exc.text, field="dates", **exc.params) from exc


def _check_fit(db: Database, provider_id: str, module_code: str, start: date) -> None:
    answer = provider_fit(db, provider_id, module_code, start)
    if answer.reasons:
        why = " ".join(r.render() for r in answer.reasons)
        why_en = " ".join(r.render("en") for r in answer.reasons)
        raise ValidationError(
            Text(
                PROVIDER_UNFIT.id.replace("{why}", why), PROVIDER_UNFIT.en.replace("{why}", why_en)
            ),
            field="provider",
            day=start.strftime("%d/%m/%Y"),
        )


def next_code(session: Session, device: Device, year: int) -> str:
    """The next number of this PC's series for `year`: one past the highest it holds (its
    own cohorts come back with every pull, so a restored PC does not reuse a number)."""
    prefix = rules.cohort_number(device.office_code, device.device_no, year, 0)[:-4]
    codes = session.scalars(select(Cohort.code).where(Cohort.code.like(f"{prefix}%"))).all()
    seqs = [int(c[len(prefix) :]) for c in codes if c[len(prefix) :].isdigit()]
    return rules.cohort_number(device.office_code, device.device_no, year, max(seqs, default=0) + 1)


def _clean_code(session: Session, code: str) -> str:
    code = code.strip().upper()
    if not 3 <= len(code) <= 40 or not set(code) <= CODE_CHARS:
        raise ValidationError(BAD_CODE, field="code")
    if session.scalar(select(func.count()).where(Cohort.code == code)):
        raise ValidationError(CODE_TAKEN, field="code", code=code)
    return code


def create_cohort(db: Database, actor: Actor, plan: CohortPlan) -> CohortRow:
    """A new cohort with its training days, refused while its provider may not train the
    module on its start date."""
    require(db, actor, Permission.COHORT_EDIT)
    _check_plan(plan)
    days = plan_days(plan)
    provider_id = find_provider_id(db, plan.provider)
    module_code = plan.module_code.strip().upper()
    _check_fit(db, provider_id, module_code, plan.start_date)
    today = today_of(db)
    with unit_of_work(db, actor) as uow:
        code = (
            _clean_code(uow.session, plan.code)
            if plan.code
            else next_code(uow.session, uow.device, plan.start_date.year)
        )
        cohort = Cohort(
            code=code,
            provider_id=provider_id,
            module_code=module_code,
            location=(plan.location or "").strip() or None,
            location_region_code=plan.location_region_code or None,
            start_date=plan.start_date,
            end_date=plan.end_date,
            pattern=",".join(plan.pattern),
            capacity=plan.capacity,
            transport_rate=plan.transport_rate,
            pocket_rate=plan.pocket_rate,
            pocket_mode=plan.pocket_mode,
            min_rate_percent=plan.min_rate_percent,
            excused_counts=plan.excused_counts,
            pass_score=plan.pass_score,
            status=rules.Status.PLANNED.value,
            recorded_after=plan.end_date < today,
            created_by=actor.username,
        )
        uow.session.add(cohort)
        uow.session.flush()
        for day in days:
            uow.session.add(_session_row(cohort, day, makeup=False))
        audit(
            uow,
            cohort,
            "cohort.create",
            provider=provider_id,
            module=module_code,
            start=plan.start_date,
            end=plan.end_date,
            days=len(days),
        )
        uow.session.flush()
        return row_of(uow.session, cohort, uow.device.office_code)


def _session_row(cohort: Cohort, day: date, makeup: bool) -> CohortSession:
    return CohortSession(
        id=stable_id("cohort_session", cohort.id, day.isoformat()),
        office_code=cohort.office_code,
        cohort_id=cohort.id,
        day=day,
        makeup=makeup,
        cancelled=False,
    )


def audit(uow: UnitOfWork, cohort: Cohort, action: str, **detail: Any) -> None:
    """An audit event about a cohort; one entered afterwards is marked so in every event."""
    if cohort.recorded_after:
        detail["recorded_after"] = True
    uow.audit(action, "cohort", cohort.id, code=cohort.code, **detail)


def move_cohort(
    db: Database, actor: Actor, cohort_id: str, start: date, end: date, pattern: Iterable[str]
) -> CohortRow:
    """New dates or weekdays: the provider check is asked again for the new start; days that
    drop out are cancelled (refused where one already has attendance), new ones added."""
    require(db, actor, Permission.COHORT_EDIT)
    pattern = tuple(pattern)
    with db.read() as session:
        c = load_cohort(session, cohort_id)
        provider_id, module_code = c.provider_id, c.module_code
    try:
        days = set(rules.training_days(start, end, pattern))
    except rules.DaysError as exc:
        raise ValidationError(exc.text, field="dates", **exc.params) from exc
    _check_fit(db, provider_id, module_code, start)
    with unit_of_work(db, actor) as uow:
        cohort = editable(uow, cohort_id)
        closed_refusal(cohort)
        existing = {s.day: s for s in sessions_of(uow.session, cohort.id, cancelled=True)}
        marked = _marked_days(uow.session, cohort.id)
        for day, s in sorted(existing.items()):
            keep = day in days or (s.makeup and start <= day <= end)
            if not keep and not s.cancelled:
                if s.id in marked:
                    raise ValidationError(
                        MARKED_DAY_DROPS, field="dates", day=day.strftime("%d/%m/%Y")
                    )
                s.cancelled = True
            elif keep and s.cancelled and day in days:
                s.cancelled = False
        for day in sorted(days - existing.keys()):
            uow.session.add(_session_row(cohort, day, makeup=False))
        before = (cohort.start_date, cohort.end_date, cohort.pattern)
        cohort.start_date, cohort.end_date, cohort.pattern = start, end, ",".join(pattern)
        audit(uow, cohort, "cohort.move", before=[str(v) for v in before], start=start, end=end)
        uow.session.flush()
        return row_of(uow.session, cohort, uow.device.office_code)


CLOSED = Text(
    "Angkatan {status}: tidak dapat diubah lagi.", "The cohort is {status}: it cannot change."
)


def closed_refusal(cohort: Cohort) -> None:
    """Refuse a change to a finished or cancelled cohort."""
    status = rules.Status(cohort.status)
    if status not in rules.ACTIVE_COHORT:
        raise StateError(CLOSED, status=rules.STATUS_LABELS[status].render())


def _marked_days(session: Session, cohort_id: str) -> set[str]:
    return set(
        session.scalars(
            select(Attendance.session_id).where(
                Attendance.cohort_id == cohort_id,
                Attendance.mark.is_not(None),
                Attendance.deleted_at.is_(None),
            )
        )
    )


def set_status(db: Database, actor: Actor, cohort_id: str, to: str, reason: str = "") -> CohortRow:
    """Start (berjalan) or cancel (dibatalkan, with a reason). Finishing is
    `cohort_results.finish_cohort`, which first checks every result is in."""
    try:
        target = rules.Status(to)
    except ValueError:
        raise ValidationError(BAD_STATUS, field="status", status=to) from None
    if target is rules.Status.FINISHED:
        from app.services.cohort_results import finish_cohort

        return finish_cohort(db, actor, cohort_id)
    if target is rules.Status.CANCELLED:
        require(db, actor, Permission.COHORT_CLOSE)
    else:
        require(db, actor, Permission.COHORT_EDIT)
    if target is rules.Status.CANCELLED and not reason.strip():
        raise ValidationError(REASON_NEEDED, field="reason")
    with unit_of_work(db, actor) as uow:
        cohort = editable(uow, cohort_id)
        move_status(uow, cohort, target, reason.strip())
        uow.session.flush()
        return row_of(uow.session, cohort, uow.device.office_code)


def move_status(uow: UnitOfWork, cohort: Cohort, to: rules.Status, reason: str = "") -> None:
    current = rules.Status(cohort.status)
    if not rules.may_move(current, to):
        raise StateError(BAD_MOVE, status=current.value, to=to.value)
    cohort.status = to.value
    if to is rules.Status.CANCELLED:
        cohort.cancel_reason = reason
    audit(
        uow, cohort, "cohort.status", changes={"status": [current.value, to.value]}, reason=reason
    )


# -- finding --------------------------------------------------------------------------------
def load_cohort(session: Session, cohort_id: str) -> Cohort:
    cohort = session.get(Cohort, cohort_id)
    if cohort is None or cohort.deleted_at is not None:
        raise NotFound(NO_COHORT, code=cohort_id)
    return cohort


def editable(uow: UnitOfWork, cohort_id: str) -> Cohort:
    """The cohort, if this PC's office runs it (another office's is read-only here; the
    server refuses its changes too, app.server.authorize)."""
    cohort = load_cohort(uow.session, cohort_id)
    if cohort.office_code != uow.device.office_code:
        raise StateError(NOT_MINE, code=cohort.code, office=cohort.office_code)
    return cohort


def find_cohort_id(db: Database, code_or_id: str) -> str:
    """A cohort by its id or its code (case ignored); this office's first where two
    offices typed the same code by hand."""
    text = code_or_id.strip()
    with db.read() as session:
        if session.get(Cohort, text) is not None:
            return text
        office = session.scalar(select(Device.office_code))
        found = session.execute(
            select(Cohort.id, Cohort.office_code).where(
                Cohort.code == text.upper(), Cohort.deleted_at.is_(None)
            )
        ).all()
    if not found:
        raise NotFound(NO_COHORT, code=text)
    return str(sorted(found, key=lambda r: r.office_code != office)[0].id)


def sessions_of(
    session: Session, cohort_id: str, *, cancelled: bool = False
) -> list[CohortSession]:
    stmt = select(CohortSession).where(
        CohortSession.cohort_id == cohort_id, CohortSession.deleted_at.is_(None)
    )
    if not cancelled:
        stmt = stmt.where(CohortSession.cancelled.is_(False))
    return list(session.scalars(stmt.order_by(CohortSession.day)))


def _names(session: Session, cohort: Cohort) -> tuple[str, str]:
    provider = session.get(TrainingProvider, cohort.provider_id)
    module = session.scalar(
        select(TrainingModule.name).where(TrainingModule.code == cohort.module_code)
    )
    return (provider.name if provider else cohort.provider_id, module or cohort.module_code)


def _counts(session: Session, cohort_ids: list[str]) -> dict[tuple[str, str], int]:
    rows = session.execute(
        select(Enrollment.cohort_id, Enrollment.status, func.count())
        .where(Enrollment.cohort_id.in_(cohort_ids), Enrollment.deleted_at.is_(None))
        .group_by(Enrollment.cohort_id, Enrollment.status)
    )
    return {(r[0], r[1]): int(r[2]) for r in rows}


def row_of(session: Session, cohort: Cohort, office: str) -> CohortRow:
    provider, module = _names(session, cohort)
    counts = _counts(session, [cohort.id])
    return _row(cohort, provider, module, counts, office)


def _row(
    c: Cohort, provider: str, module: str, counts: dict[tuple[str, str], int], office: str
) -> CohortRow:
    return CohortRow(
        id=c.id,
        code=c.code,
        status=c.status,
        provider_id=c.provider_id,
        provider=provider,
        module_code=c.module_code,
        module=module,
        office_code=c.office_code,
        location=c.location,
        start_date=c.start_date,
        end_date=c.end_date,
        capacity=c.capacity,
        enrolled=counts.get((c.id, rules.ENROLLED), 0),
        waiting=counts.get((c.id, rules.WAITING), 0),
        recorded_after=c.recorded_after,
        mine=c.office_code == office,
    )


def list_cohorts(
    db: Database, *, status: str | None = None, text: str = "", mine_only: bool = False
) -> list[CohortRow]:
    """This office's cohorts, then (unless `mine_only`) the others' it received; newest
    first in each."""
    with db.read() as session:
        office = session.scalar(select(Device.office_code)) or ""
        stmt = (
            select(Cohort, TrainingProvider.name, TrainingModule.name)
            .join(TrainingProvider, TrainingProvider.id == Cohort.provider_id)
            .outerjoin(TrainingModule, TrainingModule.code == Cohort.module_code)
            .where(Cohort.deleted_at.is_(None))
        )
        if status:
            stmt = stmt.where(Cohort.status == status)
        if mine_only:
            stmt = stmt.where(Cohort.office_code == office)
        if text.strip():
            like = f"%{text.strip().upper()}%"
            stmt = stmt.where(
                func.upper(Cohort.code).like(like)
                | func.upper(TrainingProvider.name).like(like)
                | func.upper(Cohort.module_code).like(like)
            )
        # this office's first (the others' are read-only here), newest first
        found = session.execute(
            stmt.order_by(Cohort.office_code != office, Cohort.start_date.desc(), Cohort.code)
        ).all()
        counts = _counts(session, [c.id for c, _p, _m in found])
        return [_row(c, p, m or c.module_code, counts, office) for c, p, m in found]


def rule_of(cohort: Cohort) -> rules.CompletionRule:
    return rules.CompletionRule(
        min_rate=Fraction(cohort.min_rate_percent, 100),
        excused_counts=cohort.excused_counts,
        pass_score=cohort.pass_score,
    )


def cohort_detail(db: Database, cohort_id: str, lang: str = "id") -> CohortDetail:
    """The cohort with its days, its people, their marks, rates, verdicts and results."""
    today = today_of(db)
    with db.read() as session:
        cohort = load_cohort(session, cohort_id)
        office = session.scalar(select(Device.office_code)) or ""
        row = row_of(session, cohort, office)
        days = sessions_of(session, cohort.id)
        views = [
            SessionView(s.id, s.day, s.makeup, s.locked_at is not None, s.locked_by, s.day <= today)
            for s in days
        ]
        rule = rule_of(cohort)
        marks: dict[str, dict[str, str]] = {}
        for a in session.scalars(
            select(Attendance).where(
                Attendance.cohort_id == cohort.id, Attendance.deleted_at.is_(None)
            )
        ):
            if a.mark:
                marks.setdefault(a.participant_id, {})[a.session_id] = a.mark
        people = session.execute(
            select(Enrollment, Participant)
            .join(Participant, Participant.id == Enrollment.participant_id)
            .where(Enrollment.cohort_id == cohort.id, Enrollment.deleted_at.is_(None))
            .order_by(Enrollment.status, Participant.name_key, Participant.id)
        ).all()
        enrolments = [
            _enrolment_view(e, p, marks.get(p.id, {}), days, today, rule, lang) for e, p in people
        ]
        order = {rules.ENROLLED: 0, rules.WAITING: 1, rules.WITHDRAWN: 2}
        enrolments.sort(
            key=lambda v: (
                order.get(v.status, 3),
                v.queued_at if v.status == rules.WAITING else "",
                v.name.lower(),
            )
        )
        return CohortDetail(
            row=row,
            pattern=tuple(p for p in cohort.pattern.split(",") if p),
            transport_rate=cohort.transport_rate,
            pocket_rate=cohort.pocket_rate,
            pocket_mode=cohort.pocket_mode,
            min_rate_percent=cohort.min_rate_percent,
            excused_counts=cohort.excused_counts,
            pass_score=cohort.pass_score,
            cancel_reason=cohort.cancel_reason,
            location_region_code=cohort.location_region_code,
            sessions=views,
            enrolments=enrolments,
        )


def _enrolment_view(
    e: Enrollment,
    p: Participant,
    marks: dict[str, str],
    days: list[CohortSession],
    today: date,
    rule: rules.CompletionRule,
    lang: str,
) -> EnrolmentView:
    by_day = {s.day: marks[s.id] for s in days if s.id in marks}
    held = [s for s in days if s.day <= today]
    counts = {m.value: 0 for m in rules.Mark}
    for s in held:
        mark = marks.get(s.id)
        if mark in counts:
            counts[mark] += 1
    rate = rules.attendance_rate(by_day, [s.day for s in days], today, rule)
    verdict = rules.completion(rate, e.score, rule)
    return EnrolmentView(
        id=e.id,
        participant_id=p.id,
        nik_masked=mask_nik(p.nik),
        nik=p.nik,
        name=p.full_name,
        status=e.status,
        queued_at=e.queued_at.isoformat(),
        withdraw_reason=e.withdraw_reason,
        marks={s_id: m for s_id, m in marks.items()},
        counts=counts,
        rate=rate,
        score=e.score,
        result=e.result,
        result_reason=e.result_reason,
        verdict_passes=verdict.passes,
        verdict_reasons=tuple(r.render(lang) for r in verdict.reasons),
        contradiction=rules.contradiction(e.result, verdict, lang) if e.result else None,
    )


# -- days -----------------------------------------------------------------------------------
DAY_MARKED = Text(
    "Hari {day} sudah berisi kehadiran; tidak dapat dihapus.",
    "Day {day} already has attendance; it cannot be removed.",
)
DAY_EXISTS = Text("{day} sudah hari pelatihan.", "{day} is already a training day.")
LAST_DAY = Text("Hari pelatihan terakhir tidak dapat dihapus.", "The last training day cannot go.")


def remove_day(db: Database, actor: Actor, cohort_id: str, day: date) -> None:
    """Take a day off the plan (a holiday): kept as a cancelled day, refused once marked."""
    require(db, actor, Permission.COHORT_EDIT)
    shown = day.strftime("%d/%m/%Y")
    with unit_of_work(db, actor) as uow:
        cohort = editable(uow, cohort_id)
        closed_refusal(cohort)
        live = {s.day: s for s in sessions_of(uow.session, cohort.id)}
        s = live.get(day)
        if s is None:
            from app.services.attendance import NO_DAY

            raise ValidationError(NO_DAY, field="day", day=shown)
        if s.id in _marked_days(uow.session, cohort.id):
            raise ValidationError(DAY_MARKED, field="day", day=shown)
        if len(live) == 1:
            raise ValidationError(LAST_DAY, field="day")
        s.cancelled = True
        audit(uow, cohort, "cohort.day_removed", day=day)


def add_day(db: Database, actor: Actor, cohort_id: str, day: date) -> None:
    """Add a make-up day between the cohort's dates (a day removed before comes back)."""
    require(db, actor, Permission.COHORT_EDIT)
    shown = day.strftime("%d/%m/%Y")
    with unit_of_work(db, actor) as uow:
        cohort = editable(uow, cohort_id)
        closed_refusal(cohort)
        if not cohort.start_date <= day <= cohort.end_date:
            raise ValidationError(rules.OUTSIDE, field="day", day=shown)
        s = uow.session.get(CohortSession, stable_id("cohort_session", cohort.id, day.isoformat()))
        if s is not None and not s.cancelled:
            raise ValidationError(DAY_EXISTS, field="day", day=shown)
        if s is None:
            uow.session.add(_session_row(cohort, day, makeup=True))
        else:
            s.cancelled, s.makeup = False, True
        audit(uow, cohort, "cohort.day_added", day=day)
