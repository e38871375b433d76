"""Follow-up calls after training: the call list and recording an outcome (issue #13).

Who is followed up: every graduate of a finished cohort of this office and everyone who
withdrew from one, at 1, 3 and 6 months after the cohort's last day
(app.domain.followups.schedule). What is due is computed from the cohorts and enrolments;
a FollowUp record is written only when a call is recorded (id from the enrolment and the
milestone, so two counters calling the same person write one record, last writer wins).
The participant's status follows the latest outcome.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.domain import cohorts as cohort_rules
from app.domain import followups as rules
from app.domain.ids import stable_id
from app.domain.nik import mask_nik
from app.domain.roles import Permission, Role
from app.errors import NotFound, StateError, ValidationError
from app.models import Cohort, Device, Enrollment, FollowUp, Participant
from app.services.access import require
from app.services.actor import Actor
from app.services.uow import unit_of_work
from app.texts import Text

NOTHING_OPEN = Text(
    "{name} tidak memiliki pemantauan yang masih terbuka.",
    "{name} has no open follow-up.",
)
NO_PERSON = Text("Peserta tidak ditemukan: {who}.", "Participant not found: {who}.")
NEEDS = Text("Wajib diisi untuk hasil ini.", "Required for this outcome.")
BAD_WAGE = Text("Upah tidak boleh negatif.", "The wage cannot be negative.")
BAD_ATTEMPTS = Text(
    "Isi berapa kali dihubungi tanpa jawaban (1–{n}).",
    "Enter how many calls went unanswered (1–{n}).",
)
BAD_OUTCOME = Text("Hasil pemantauan tidak dikenal.", "Unknown follow-up outcome.")
TOO_LONG = Text("Paling banyak {n} karakter.", "At most {n} characters.")
FUTURE = Text("Tanggal tidak boleh setelah hari ini.", "The date cannot be after today.")


@dataclass(frozen=True)
class DueRow:
    """One follow-up on the call list: plain data for the window and the CLI."""

    participant_id: str
    enrollment_id: str
    name: str
    nik_masked: str
    phone: str | None  # E.164
    whatsapp: str | None  # https://wa.me/62… where the person uses WhatsApp
    cohort_code: str
    milestone: int
    due_on: date
    urgency: str  # overdue | this_week | later
    attempts: int
    withdrawn: bool


def whatsapp_link(phone: str | None, uses_whatsapp: bool) -> str | None:
    """A wa.me link opens a chat with the number on the clerk's phone or WhatsApp Web."""
    if not phone or not uses_whatsapp:
        return None
    digits = "".join(ch for ch in phone if ch.isdigit())
    return f"https://wa.me/{digits}" if digits else None


class Followed(NamedTuple):
    """One followed person in one cohort: only the columns the call list, the rates and
    recording need (whole rows cost 5× more at 20,000 people, bench/followups.py)."""

    enrollment_id: str
    enrollment_status: str
    participant_id: str
    name: str
    nik: str
    phone: str | None
    whatsapp: bool
    cohort_id: str
    cohort_code: str
    cohort_office: str
    provider_id: str
    module_code: str
    end_date: date

    @property
    def withdrawn(self) -> bool:
        return self.enrollment_status == cohort_rules.WITHDRAWN


def followed_people(
    session: Session, office: str, participant_id: str | None = None
) -> list[Followed]:
    """Graduates and people who withdrew, of this office's finished cohorts (one person's
    with `participant_id`)."""
    query = (
        select(
            Enrollment.id,
            Enrollment.status,
            Participant.id,
            Participant.full_name,
            Participant.nik,
            Participant.phone,
            Participant.whatsapp,
            Cohort.id,
            Cohort.code,
            Cohort.office_code,
            Cohort.provider_id,
            Cohort.module_code,
            Cohort.end_date,
        )
        .join(Participant, Participant.id == Enrollment.participant_id)
        .join(Cohort, Cohort.id == Enrollment.cohort_id)
        .where(
            Cohort.office_code == office,
            Cohort.status == cohort_rules.Status.FINISHED.value,
            Cohort.deleted_at.is_(None),
            Enrollment.deleted_at.is_(None),
            Participant.deleted_at.is_(None),
            (
                (Enrollment.status == cohort_rules.ENROLLED)
                & (Enrollment.result == cohort_rules.PASSED)
            )
            | (Enrollment.status == cohort_rules.WITHDRAWN),
        )
    )
    if participant_id is not None:
        query = query.where(Participant.id == participant_id)
    return [Followed._make(row) for row in session.execute(query)]


def followup_states(session: Session, office: str) -> dict[tuple[str, int], tuple[str | None, int]]:
    """(outcome, attempts) of every follow-up record of this office's finished cohorts, by
    (enrolment, milestone): one query, plain columns."""
    rows = session.execute(
        select(FollowUp.enrollment_id, FollowUp.milestone, FollowUp.outcome, FollowUp.attempts)
        .join(Cohort, Cohort.id == FollowUp.cohort_id)
        .where(
            Cohort.office_code == office,
            Cohort.status == cohort_rules.Status.FINISHED.value,
            FollowUp.deleted_at.is_(None),
        )
    )
    return {(eid, milestone): (outcome, attempts) for eid, milestone, outcome, attempts in rows}


def followup_records(
    session: Session, enrollment_ids: list[str]
) -> dict[tuple[str, int], FollowUp]:
    found: dict[tuple[str, int], FollowUp] = {}
    for chunk in range(0, len(enrollment_ids), 500):
        for f in session.scalars(
            select(FollowUp).where(
                FollowUp.enrollment_id.in_(enrollment_ids[chunk : chunk + 500]),
                FollowUp.deleted_at.is_(None),
            )
        ):
            found[(f.enrollment_id, f.milestone)] = f
    return found


def due(db: Database, today: date, until: date | None = None) -> list[DueRow]:
    """The open follow-ups due up to `until` (default: the end of this week), overdue
    first, then by due date and name."""
    last = until or rules.week_of(today)[1]
    with db.read() as session:
        office = session.scalar(select(Device.office_code)) or ""
        people = followed_people(session, office)
        done = followup_states(session, office)
    rows = []
    for f in people:
        for d in rules.schedule(f.end_date):
            outcome, attempts = done.get((f.enrollment_id, d.milestone), (None, 0))
            if d.due_on > last or outcome is not None:
                continue
            rows.append(
                DueRow(
                    participant_id=f.participant_id,
                    enrollment_id=f.enrollment_id,
                    name=f.name,
                    nik_masked=mask_nik(f.nik),
                    phone=f.phone,
                    whatsapp=whatsapp_link(f.phone, f.whatsapp),
                    cohort_code=f.cohort_code,
                    milestone=d.milestone,
                    due_on=d.due_on,
                    urgency=rules.urgency(d.due_on, today).value,
                    attempts=attempts,
                    withdrawn=f.withdrawn,
                )
            )
    return sorted(rows, key=lambda r: (r.due_on, r.name, r.milestone))


@dataclass(frozen=True)
class Call:
    """What the clerk heard. Which fields are required depends on the outcome."""

    outcome: str
    employer: str | None = None
    npp: str | None = None
    position: str | None = None
    started_on: date | None = None
    wage: int | None = None
    formal: bool | None = None
    business_type: str | None = None
    attempts: int | None = None  # unreachable: how many calls went unanswered
    note: str | None = None


def _text(value: str | None, field: str, limit: int) -> str | None:
    text = " ".join((value or "").split()) or None
    if text is not None and len(text) > limit:
        raise ValidationError(TOO_LONG, field=field, n=limit)
    return text


def _checked(call: Call, today: date) -> Call:
    try:
        outcome = rules.Outcome(call.outcome)
    except ValueError:
        raise ValidationError(BAD_OUTCOME, field="outcome") from None
    employer = _text(call.employer, "employer", 200)
    business = _text(call.business_type, "business_type", 120)
    if outcome is rules.Outcome.WORKING and employer is None:
        raise ValidationError(NEEDS, field="employer")
    if outcome is rules.Outcome.SELF_EMPLOYED and business is None:
        raise ValidationError(NEEDS, field="business_type")
    if call.wage is not None and call.wage < 0:
        raise ValidationError(BAD_WAGE, field="wage")
    if call.started_on is not None and call.started_on > today:
        raise ValidationError(FUTURE, field="started_on")
    attempts = call.attempts
    if outcome is rules.Outcome.UNREACHABLE and (
        attempts is None or not 1 <= attempts <= rules.MAX_ATTEMPTS
    ):
        raise ValidationError(BAD_ATTEMPTS, field="attempts", n=rules.MAX_ATTEMPTS)
    return Call(
        outcome=outcome.value,
        employer=employer,
        npp=_text(call.npp, "npp", 20),
        position=_text(call.position, "position", 120),
        started_on=call.started_on,
        wage=call.wage,
        formal=call.formal,
        business_type=business,
        attempts=attempts,
        note=_text(call.note, "note", 1000),
    )


def record(db: Database, actor: Actor, participant_id: str, call: Call) -> FollowUp:
    """Record the outcome of the person's earliest open follow-up that is due (within this
    week); their status follows it. Nothing is written when a value is refused."""
    require(db, actor, Permission.FOLLOWUP_RECORD)
    with unit_of_work(db, actor) as uow:
        s = uow.session
        today = uow.now.astimezone().date()
        clean = _checked(call, today)
        person = s.get(Participant, participant_id)
        if person is None or person.deleted_at is not None:
            raise NotFound(NO_PERSON, who=participant_id)
        office = uow.device.office_code
        mine = followed_people(s, office, participant_id)
        done = followup_records(s, [m.enrollment_id for m in mine])
        horizon = rules.week_of(today)[1]
        open_ = sorted(
            (d.due_on, d.milestone, m.enrollment_id, m)
            for m in mine
            for d in rules.schedule(m.end_date)
            if d.due_on <= horizon
            and ((held := done.get((m.enrollment_id, d.milestone))) is None or held.outcome is None)
        )
        if not open_:
            raise StateError(NOTHING_OPEN, name=person.full_name)
        due_on, milestone, _eid, m = open_[0]
        fid = stable_id("follow_up", m.enrollment_id, str(milestone))
        f = s.get(FollowUp, fid)
        if f is None:
            f = FollowUp(
                id=fid,
                office_code=m.cohort_office,
                participant_id=person.id,
                enrollment_id=m.enrollment_id,
                cohort_id=m.cohort_id,
                milestone=milestone,
                due_on=due_on,
            )
            s.add(f)
        f.outcome = clean.outcome
        f.attempts = clean.attempts or 0
        for name in ("employer", "npp", "position", "started_on", "wage", "formal",
                     "business_type", "note"):  # fmt: skip
            setattr(f, name, getattr(clean, name))
        f.called_by = actor.username
        f.called_at = uow.now
        before = person.status
        after = rules.status_after(rules.Outcome(clean.outcome), before)
        if after != before:
            person.status = after
        uow.audit(
            "followup.record",
            "participant",
            person.id,
            milestone=milestone,
            outcome=clean.outcome,
            status=[before, after],
        )
        s.flush()
        s.expunge(f)
        return f


SETTLER = "sync"  # the audit log's name for a status settled after a sync


def settle_statuses(db: Database) -> int:
    """After a sync: each followed person's status as their latest outcome leaves it.

    Two counters can call the same person offline: the follow-up converges on the later
    call (last writer), but each counter changed the status from what IT knew — one made
    the person employed, the other, later, heard "still looking" from someone it never
    saw employed and changed nothing. Once both calls are here, the status is set from the
    latest outcome (by call time, then stamp); every counter of the office settles on the
    same value, so their changes agree. Returns how many people changed."""
    with db.read() as session:
        office = session.scalar(select(Device.office_code)) or ""
        latest: dict[str, tuple[datetime, str, str]] = {}
        for pid, called_at, hlc, outcome in session.execute(
            select(
                FollowUp.participant_id, FollowUp.called_at, FollowUp.hlc, FollowUp.outcome
            ).where(
                FollowUp.office_code == office,
                FollowUp.outcome.is_not(None),
                FollowUp.deleted_at.is_(None),
            )
        ):
            if called_at is None or outcome is None:
                continue
            if pid not in latest or latest[pid][:2] < (called_at, hlc):
                latest[pid] = (called_at, hlc, outcome)
        if not latest:
            return 0
        statuses = {
            pid: status
            for pid, status in session.execute(
                select(Participant.id, Participant.status).where(
                    Participant.status.in_((rules.EMPLOYED, "completed")),
                    Participant.deleted_at.is_(None),
                )
            )
            if pid in latest
        }
    wrong = {
        pid: after
        for pid, status in statuses.items()
        if status in (rules.EMPLOYED, "completed")
        and (after := rules.status_after(rules.Outcome(latest[pid][2]), status)) != status
    }
    if not wrong:
        return 0
    with unit_of_work(db, Actor(SETTLER, Role.ADMIN, office)) as uow:
        for pid, after in wrong.items():
            person = uow.session.get(Participant, pid)
            if person is None or person.status not in (rules.EMPLOYED, "completed"):
                continue
            before, person.status = person.status, after
            uow.audit("followup.settle", "participant", pid, status=[before, after])
    return len(wrong)
