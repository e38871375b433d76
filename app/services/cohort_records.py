"""What every cohort service needs of a stored cohort: loading it, refusing another office's
or a closed one, its audit events (marked when entered afterwards), its days and its rule.
Shared by app.services.cohorts, cohort_days, cohort_lists, enrolment, attendance and
cohort_results, so each holds only its own actions."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import cohorts as rules
from app.domain.ids import stable_id
from app.errors import NotFound, StateError
from app.models import (
    Attendance,
    Cohort,
    CohortSession,
)
from app.services.uow import UnitOfWork
from app.texts import Text

NO_COHORT = Text("Angkatan tidak ditemukan: {code}.", "Cohort not found: {code}.")
BAD_MOVE = Text(
    "Angkatan {status} tidak dapat diubah menjadi {to}.",
    "A cohort that is {status} cannot become {to}.",
)
NOT_MINE = Text(
    "Angkatan {code} milik kantor {office}; hanya kantor itu yang mengubahnya.",
    "Cohort {code} belongs to office {office}; only that office changes it.",
)


def session_row(cohort: Cohort, day: date, makeup: bool) -> CohortSession:
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


CLOSED = Text(
    "Angkatan {status}: tidak dapat diubah lagi.", "The cohort is {status}: it cannot change."
)


def closed_refusal(cohort: Cohort) -> None:
    """Refuse a change to a finished or cancelled cohort."""
    status = rules.Status(cohort.status)
    if status not in rules.ACTIVE_COHORT:
        raise StateError(CLOSED, status=rules.STATUS_LABELS[status].render())


def marked_days(session: Session, cohort_id: str) -> set[str]:
    return set(
        session.scalars(
            select(Attendance.session_id).where(
                Attendance.cohort_id == cohort_id,
                Attendance.mark.is_not(None),
                Attendance.deleted_at.is_(None),
            )
        )
    )


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


def sessions_of(
    session: Session, cohort_id: str, *, cancelled: bool = False
) -> list[CohortSession]:
    stmt = select(CohortSession).where(
        CohortSession.cohort_id == cohort_id, CohortSession.deleted_at.is_(None)
    )
    if not cancelled:
        stmt = stmt.where(CohortSession.cancelled.is_(False))
    return list(session.scalars(stmt.order_by(CohortSession.day)))


def rule_of(cohort: Cohort) -> rules.CompletionRule:
    return rules.CompletionRule(
        min_rate=Fraction(cohort.min_rate_percent, 100),
        excused_counts=cohort.excused_counts,
        pass_score=cohort.pass_score,
    )


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
