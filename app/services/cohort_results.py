"""Results at the end of a cohort, and finishing it (issue #10 item 4).

The completion rule is the cohort's own (app.domain.cohorts.CompletionRule: attendance over
the days held, I and S counted only if the cohort says so, and a pass mark). A recorded
result that contradicts the rule is refused with the sentence that says why, unless the
clerk writes a reason (a provider's judgement the rule does not know); the reason stays on
the enrolment and in the audit log. A graduate (lulus) of a finished cohort is ready for a
certificate. Finishing is refused while anyone enrolled has no result.
"""

from __future__ import annotations

from sqlalchemy import select

from app.db import Database
from app.domain import cohorts as rules
from app.domain.ids import stable_id
from app.domain.roles import Permission
from app.errors import NotFound, StateError, ValidationError
from app.models import Attendance, Enrollment, Participant
from app.services.access import require
from app.services.actor import Actor
from app.services.cohort_lists import row_of
from app.services.cohort_records import (
    audit,
    closed_refusal,
    editable,
    move_status,
    rule_of,
    sessions_of,
)
from app.services.cohort_views import CohortRow
from app.services.enrolment import NOT_ENROLLED
from app.services.providers import today_of
from app.services.uow import unit_of_work
from app.texts import Text

BAD_RESULT = Text("Hasil: lulus atau tidak_lulus.", "Result: lulus or tidak_lulus.")
BAD_SCORE = Text("Nilai 0–100.", "Score 0–100.")
NOT_ACTIVE = Text(
    "Hasil hanya untuk peserta yang terdaftar (bukan daftar tunggu atau mundur).",
    "Results are for enrolled people only (not waiting or withdrawn).",
)
MISSING = Text(
    "{n} peserta belum punya hasil (mis. {name}); isi dulu sebelum angkatan selesai.",
    "{n} participants have no result yet (e.g. {name}); record them before finishing.",
)
TOO_EARLY = Text(
    "Angkatan baru selesai setelah hari terakhirnya ({day}).",
    "A cohort finishes only after its last day ({day}).",
)


def record_result(
    db: Database,
    actor: Actor,
    cohort_id: str,
    participant_id: str,
    score: int | None,
    result: str,
    reason: str = "",
) -> str | None:
    """Record a person's score and result. Returns the contradiction sentence when the
    result goes against the rule and a reason was written; without a reason such a result
    is refused with that sentence."""
    require(db, actor, Permission.COHORT_RESULT)
    if result not in (rules.PASSED, rules.FAILED):
        raise ValidationError(BAD_RESULT, field="result")
    if score is not None and not 0 <= score <= 100:
        raise ValidationError(BAD_SCORE, field="score")
    today = today_of(db)
    with unit_of_work(db, actor) as uow:
        cohort = editable(uow, cohort_id)
        closed_refusal(cohort)
        e = uow.session.get(Enrollment, stable_id("enrollment", cohort.id, participant_id))
        if e is None or e.deleted_at is not None:
            raise NotFound(NOT_ENROLLED)
        if e.status != rules.ENROLLED:
            raise StateError(NOT_ACTIVE)
        days = sessions_of(uow.session, cohort.id)
        marks = {
            a.session_id: a.mark
            for a in uow.session.scalars(
                select(Attendance).where(
                    Attendance.cohort_id == cohort.id,
                    Attendance.participant_id == participant_id,
                    Attendance.deleted_at.is_(None),
                )
            )
            if a.mark
        }
        by_day = {s.day: marks[s.id] for s in days if s.id in marks}
        rule = rule_of(cohort)
        rate = rules.attendance_rate(by_day, [s.day for s in days], today, rule)
        verdict = rules.completion(rate, score, rule)
        said = rules.contradiction(result, verdict, "id")
        if said is not None and not reason.strip():
            raise ValidationError(
                Text(said, rules.contradiction(result, verdict, "en") or said), field="result"
            )
        e.score, e.result = score, result
        e.result_reason = reason.strip() or None
        e.result_by, e.result_at = actor.username, uow.now
        audit(
            uow,
            cohort,
            "cohort.result",
            participant=participant_id,
            score=score,
            result=result,
            reason=reason.strip(),
            contradicts_rule=said is not None,
        )
        return said


def finish_cohort(db: Database, actor: Actor, cohort_id: str) -> CohortRow:
    """selesai: refused before its last day and while anyone enrolled has no result. Every
    enrolled person's status becomes selesai pelatihan."""
    require(db, actor, Permission.COHORT_CLOSE)
    today = today_of(db)
    with unit_of_work(db, actor) as uow:
        cohort = editable(uow, cohort_id)
        days = sessions_of(uow.session, cohort.id)
        last = days[-1].day if days else cohort.end_date
        if last > today:
            raise StateError(TOO_EARLY, day=last.strftime("%d/%m/%Y"))
        people = uow.session.execute(
            select(Enrollment, Participant)
            .join(Participant, Participant.id == Enrollment.participant_id)
            .where(
                Enrollment.cohort_id == cohort.id,
                Enrollment.status == rules.ENROLLED,
                Enrollment.deleted_at.is_(None),
            )
            .order_by(Participant.name_key)
        ).all()
        missing = [p.full_name for e, p in people if e.result is None]
        if missing:
            raise StateError(MISSING, n=len(missing), name=missing[0])
        move_status(uow, cohort, rules.Status.FINISHED)
        for e, p in people:
            if p.status != "completed":
                uow.audit(
                    "participant.status",
                    "participant",
                    p.id,
                    changes={"status": [p.status, "completed"]},
                    reason=e.result or "",
                )
                p.status = "completed"
                p.status_reason = None if e.result == rules.PASSED else "tidak lulus"
        uow.session.flush()
        return row_of(uow.session, cohort, uow.device.office_code)


def graduates(db: Database, cohort_id: str) -> list[str]:
    """Participant ids ready for a certificate: lulus in a finished cohort (the
    certificates feature asks this)."""
    with db.read() as session:
        from app.models import Cohort

        cohort = session.get(Cohort, cohort_id)
        if cohort is None or cohort.status != rules.Status.FINISHED.value:
            return []
        return list(
            session.scalars(
                select(Enrollment.participant_id).where(
                    Enrollment.cohort_id == cohort_id,
                    Enrollment.status == rules.ENROLLED,
                    Enrollment.result == rules.PASSED,
                    Enrollment.deleted_at.is_(None),
                )
            )
        )
