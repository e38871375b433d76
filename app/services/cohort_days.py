"""Editing a cohort's training days: a holiday taken off (kept as a cancelled day, so its
id and history stay) and a make-up day added between the dates."""

from __future__ import annotations

from datetime import date

from app.db import Database
from app.domain import cohorts as rules
from app.domain.ids import stable_id
from app.domain.roles import Permission
from app.errors import ValidationError
from app.models import (
    CohortSession,
)
from app.services.access import require
from app.services.actor import Actor
from app.services.cohort_records import (
    audit,
    closed_refusal,
    editable,
    marked_days,
    session_row,
    sessions_of,
)
from app.services.uow import unit_of_work
from app.texts import Text

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
        if s.id in marked_days(uow.session, cohort.id):
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
            uow.session.add(session_row(cohort, day, makeup=True))
        else:
            s.cancelled, s.makeup = False, True
        audit(uow, cohort, "cohort.day_added", day=day)
