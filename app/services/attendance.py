"""The attendance grid's writes: a mark, "all present" for a day, approving (locking) a day.

A mark's id is stable_id("attendance", day, person): two counters marking the same day
offline write the same records, and the newest stamp wins after sync (every change stays in
the change log and the audit log). A day a supervisor has approved is locked: changing a
mark then needs a supervisor again, whose name and the time go into the mark's `approval`
(a new value each time, so the server can tell an approved change from a late one); a mark
for a locked day arriving from a counter that did not know goes to the supervisor as a
conflict (app.protocol.entities.LockRule, app.server.policy.held_by_lock).

Marking a cohort that is still direncanakan starts it (berjalan): its first day has come.
A day that has not come yet cannot be marked; a cohort entered afterwards from a
spreadsheet is marked like any other, and its audit events say so.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy import select

from app.db import Database
from app.domain import cohorts as rules
from app.domain.ids import stable_id
from app.domain.roles import Permission, can
from app.errors import PermissionDenied, StateError, ValidationError
from app.models import Attendance, Cohort, CohortSession, Enrollment
from app.services.access import DENIED, require
from app.services.actor import Actor
from app.services.cohort_records import audit, closed_refusal, editable, move_status
from app.services.cohort_views import MarkOutcome
from app.services.providers import today_of
from app.services.uow import UnitOfWork, unit_of_work
from app.texts import Text

NO_DAY = Text(
    "{day} bukan hari pelatihan angkatan ini.", "{day} is not a training day of this cohort."
)
NOT_YET = Text("Hari {day} belum tiba.", "Day {day} has not come yet.")
BAD_MARK = Text("Tanda kehadiran: H, I, S atau A.", "Attendance mark: H, I, S or A.")
NOT_IN_COHORT = Text(
    "{name} tidak terdaftar aktif di angkatan ini.", "{name} is not enrolled in this cohort."
)
UNMARKED = Text(
    "{n} peserta belum ditandai pada {day}; isi dulu sebelum disetujui.",
    "{n} participants are not marked on {day}; mark them before approving.",
)
ALREADY_LOCKED = Text("Hari {day} sudah disetujui.", "Day {day} is already approved.")


def _day(uow: UnitOfWork, cohort: Cohort, day: date, today: date) -> CohortSession:
    s = uow.session.get(CohortSession, stable_id("cohort_session", cohort.id, day.isoformat()))
    shown = day.strftime("%d/%m/%Y")
    if s is None or s.cancelled or s.deleted_at is not None:
        raise ValidationError(NO_DAY, field="day", day=shown)
    if day > today:
        raise ValidationError(NOT_YET, field="day", day=shown)
    return s


def _open_for_marks(uow: UnitOfWork, cohort: Cohort) -> bool:
    """Whether marking starts the cohort (direncanakan -> berjalan); refused once closed."""
    closed_refusal(cohort)
    if cohort.status == rules.Status.PLANNED.value:
        move_status(uow, cohort, rules.Status.RUNNING)
        return True
    return False


def _approval(s: CohortSession, approver: Actor | None, uow: UnitOfWork) -> str | None:
    """None for an open day; for a locked one, the approving supervisor's stamp (refused
    without one)."""
    if s.locked_at is None:
        return None
    if approver is None:
        raise StateError(rules.LOCKED_DAY, day=s.day.strftime("%d/%m/%Y"))
    if not can(approver.role, Permission.ATTENDANCE_APPROVE):
        raise PermissionDenied(DENIED, role=approver.role.value)
    return f"{approver.username} {uow.now.isoformat()}"[:120]


def mark(
    db: Database,
    actor: Actor,
    cohort_id: str,
    day: date,
    marks: Mapping[str, str],
    *,
    approver: Actor | None = None,
) -> MarkOutcome:
    """Write marks for one day ({participant id: H/I/S/A}) in one transaction. A locked
    day needs `approver`, a supervisor who has signed in for it."""
    require(db, actor, Permission.ATTENDANCE_MARK)
    for value in marks.values():
        if value not in {m.value for m in rules.Mark}:
            raise ValidationError(BAD_MARK, field="mark")
    today = today_of(db)
    with unit_of_work(db, actor) as uow:
        cohort = editable(uow, cohort_id)
        s = _day(uow, cohort, day, today)
        started = _open_for_marks(uow, cohort)
        approval = _approval(s, approver, uow)
        enrolled = _enrolled(uow, cohort.id)
        written = unchanged = 0
        for pid, value in marks.items():
            if pid not in enrolled:
                raise ValidationError(NOT_IN_COHORT, field="participant", name=pid)
            if _put(uow, cohort, s, pid, value, actor, approval):
                written += 1
            else:
                unchanged += 1
        if written:
            audit(
                uow,
                cohort,
                "attendance.mark",
                day=day,
                marks=dict(marks),
                approved_by=approver.username if approval and approver else None,
            )
        return MarkOutcome(written, unchanged, started)


def all_present(
    db: Database, actor: Actor, cohort_id: str, day: date, *, approver: Actor | None = None
) -> MarkOutcome:
    """Mark H for everyone enrolled who has no mark yet that day (marks already typed, an
    I, S or A, stay)."""
    require(db, actor, Permission.ATTENDANCE_MARK)
    with db.read() as session:
        s_id = stable_id("cohort_session", cohort_id, day.isoformat())
        have = set(
            session.scalars(
                select(Attendance.participant_id).where(
                    Attendance.session_id == s_id,
                    Attendance.mark.is_not(None),
                    Attendance.deleted_at.is_(None),
                )
            )
        )
        people = [
            pid
            for pid in session.scalars(
                select(Enrollment.participant_id).where(
                    Enrollment.cohort_id == cohort_id,
                    Enrollment.status == rules.ENROLLED,
                    Enrollment.deleted_at.is_(None),
                )
            )
            if pid not in have
        ]
    return mark(
        db,
        actor,
        cohort_id,
        day,
        dict.fromkeys(people, rules.Mark.PRESENT.value),
        approver=approver,
    )


def _enrolled(uow: UnitOfWork, cohort_id: str) -> set[str]:
    return set(
        uow.session.scalars(
            select(Enrollment.participant_id).where(
                Enrollment.cohort_id == cohort_id,
                Enrollment.status == rules.ENROLLED,
                Enrollment.deleted_at.is_(None),
            )
        )
    )


def _put(
    uow: UnitOfWork,
    cohort: Cohort,
    s: CohortSession,
    participant_id: str,
    value: str,
    actor: Actor,
    approval: str | None,
) -> bool:
    aid = stable_id("attendance", s.id, participant_id)
    a = uow.session.get(Attendance, aid)
    if a is None:
        uow.session.add(
            Attendance(
                id=aid,
                office_code=cohort.office_code,
                cohort_id=cohort.id,
                session_id=s.id,
                participant_id=participant_id,
                mark=value,
                marked_by=actor.username,
                marked_at=uow.now,
                approval=approval,
            )
        )
        return True
    if a.mark == value and a.deleted_at is None:
        return False
    a.mark, a.marked_by, a.marked_at, a.approval = value, actor.username, uow.now, approval
    a.deleted_at = None
    return True


def lock_day(db: Database, supervisor: Actor, cohort_id: str, day: date) -> None:
    """A supervisor approves a day's attendance: the day is locked (every enrolled person
    must have a mark)."""
    require(db, supervisor, Permission.ATTENDANCE_APPROVE)
    today = today_of(db)
    with unit_of_work(db, supervisor) as uow:
        cohort = editable(uow, cohort_id)
        s = _day(uow, cohort, day, today)
        shown = day.strftime("%d/%m/%Y")
        if s.locked_at is not None:
            raise StateError(ALREADY_LOCKED, day=shown)
        marked = set(
            uow.session.scalars(
                select(Attendance.participant_id).where(
                    Attendance.session_id == s.id,
                    Attendance.mark.is_not(None),
                    Attendance.deleted_at.is_(None),
                )
            )
        )
        missing = _enrolled(uow, cohort.id) - marked
        if missing:
            raise ValidationError(UNMARKED, field="day", n=len(missing), day=shown)
        s.locked_at, s.locked_by = uow.now, supervisor.username
        audit(uow, cohort, "attendance.lock", day=day)
