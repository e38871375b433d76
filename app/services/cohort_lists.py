"""Reading cohorts for the window and the CLI: find one by code, the list (this office's
first), and one cohort's detail with its days, people, marks, rates, verdicts and results.
Plain data out (app.services.cohort_views)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.domain import cohorts as rules
from app.domain.nik import mask_nik
from app.errors import NotFound
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
from app.services.cohort_records import (
    NO_COHORT,
    load_cohort,
    rule_of,
    sessions_of,
)
from app.services.cohort_views import CohortDetail, CohortRow, EnrolmentView, SessionView
from app.services.providers import today_of


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
            stipend_period=cohort.stipend_period,
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
