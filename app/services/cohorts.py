"""Cohorts (angkatan): create, move, start and cancel (issue #10).

A cohort is created only where the provider check of the providers feature
(`provider_assessment.provider_fit`) passes on its start date, and moved only to dates where
it passes again; the refusal names every reason. Its training days are CohortSession rows
made from the weekly pattern; a holiday removed stays as a cancelled day, a make-up day is
added. A cohort entered afterwards from an office's spreadsheet (its dates already past) is
`recorded_after`, and every action on it says so in the audit log.

Shared record helpers: app.services.cohort_records; the list and the detail:
cohort_lists; the days: cohort_days; enrolment, attendance and results: enrolment,
attendance, cohort_results.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.domain import cohorts as rules
from app.domain.roles import Permission
from app.errors import ValidationError
from app.models import (
    Cohort,
    Device,
)
from app.services.access import require
from app.services.actor import Actor
from app.services.cohort_lists import row_of
from app.services.cohort_records import (
    audit,
    closed_refusal,
    editable,
    load_cohort,
    marked_days,
    move_status,
    session_row,
    sessions_of,
)
from app.services.cohort_views import CohortRow
from app.services.provider_assessment import provider_fit
from app.services.providers import find_provider_id, today_of
from app.services.uow import unit_of_work
from app.texts import Text

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
BAD_STIPEND_PERIOD = Text(
    "Uang saku dan transport dibayar per minggu atau sekali untuk seluruh angkatan.",
    "Stipends are paid per week or once for the whole cohort.",
)
BAD_MIN_RATE = Text("Batas kehadiran 1–100%.", "Attendance needed: 1–100%.")
BAD_PASS_SCORE = Text("Nilai lulus 0–100 (kosong: tanpa asesmen).", "Pass mark 0–100 (or none).")
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
    stipend_period: str = "week"  # week | cohort (app.domain.stipends.PeriodMode)
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
    if plan.stipend_period not in ("week", "cohort"):
        raise ValidationError(BAD_STIPEND_PERIOD, field="stipend_period")
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
            stipend_period=plan.stipend_period,
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
            uow.session.add(session_row(cohort, day, makeup=False))
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
        marked = marked_days(uow.session, cohort.id)
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
            uow.session.add(session_row(cohort, day, makeup=False))
        before = (cohort.start_date, cohort.end_date, cohort.pattern)
        cohort.start_date, cohort.end_date, cohort.pattern = start, end, ",".join(pattern)
        audit(uow, cohort, "cohort.move", before=[str(v) for v in before], start=start, end=end)
        uow.session.flush()
        return row_of(uow.session, cohort, uow.device.office_code)


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
