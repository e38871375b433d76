"""Enrolling participants in a cohort: who can be, why not, the waiting list, withdrawal.

An enrolment's id is stable_id("enrollment", cohort, participant): the same person enrolled
at two counters offline is ONE enrolment after sync (last writer by hlc). The rules are in
app.domain.cohorts (`enrol_refusals`, `needs_confirmation`): another active cohort, trained
before (the programme is once only), not eligible, another office's person. A person whose
eligibility is only unknown is enrolled once the clerk confirms (the confirmation is kept on
the enrolment and in the audit log). A full cohort puts people on its waiting list, in the
order they came; a place freed by a withdrawal (or a larger capacity) goes to the first.

The participant's status follows: mengikuti pelatihan while enrolled, mengundurkan diri
after a withdrawal, selesai pelatihan once the cohort is finished (app.services.cohort_results).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.domain import cohorts as rules
from app.domain.ids import stable_id
from app.domain.nik import mask_nik
from app.domain.roles import Permission
from app.errors import NotFound, StateError, ValidationError
from app.models import Cohort, Enrollment, Participant
from app.services.access import require
from app.services.actor import Actor
from app.services.cohort_records import audit, closed_refusal, editable, load_cohort
from app.services.cohort_views import Candidate, EnrolOutcome
from app.services.uow import UnitOfWork, unit_of_work
from app.texts import Text

NO_PERSON = Text("Peserta dengan NIK {nik} tidak ditemukan.", "No participant with NIK {nik}.")
NOT_ENROLLED = Text("Peserta tidak ada di angkatan ini.", "The participant is not in this cohort.")
WITHDRAW_REASON = Text("Tuliskan alasan pengunduran diri.", "Write the reason for the withdrawal.")
ALREADY_WITHDRAWN = Text("Peserta sudah mengundurkan diri.", "The participant already withdrew.")
PICKER_LIMIT = 200
ACTIVE = (rules.ENROLLED, rules.WAITING)


@dataclass(frozen=True)
class PickerQuery:
    """The enrolment picker's search: text (name or NIK digits) and filters."""

    text: str = ""
    training_choice: str | None = None  # a module code, in either choice
    province: str | None = None  # the first two digits of the region code
    status: str | None = None
    eligibility: str | None = None
    limit: int = PICKER_LIMIT


def _facts(session: Session, cohort: Cohort, p: Participant, office: str) -> rules.EnrolFacts:
    """What the rules need about `p` for `cohort`, read from the enrolments it has."""
    rows = session.execute(
        select(Enrollment.cohort_id, Enrollment.status, Cohort.code, Cohort.status)
        .join(Cohort, Cohort.id == Enrollment.cohort_id)
        .where(
            Enrollment.participant_id == p.id,
            Enrollment.deleted_at.is_(None),
            Cohort.deleted_at.is_(None),
        )
    ).all()
    here = next((r[1] for r in rows if r[0] == cohort.id and r[1] in ACTIVE), None)
    elsewhere = next(
        (
            r[2]
            for r in rows
            if r[0] != cohort.id and r[1] in ACTIVE and r[3] in rules.ACTIVE_COHORT
        ),
        None,
    )
    trained = next(
        (
            r[2]
            for r in rows
            if r[0] != cohort.id and r[1] == rules.ENROLLED and r[3] == rules.Status.FINISHED
        ),
        None,
    )
    return rules.EnrolFacts(
        participant_status=p.status,
        eligibility=p.eligibility_status,
        same_office=p.office_code == cohort.office_code == office,
        previous_participation=p.previous_participation,
        here=here,
        active_elsewhere=elsewhere,
        trained_in=trained,
        cohort_open=rules.Status(cohort.status) in rules.ACTIVE_COHORT,
    )


def candidates(db: Database, cohort_id: str, q: PickerQuery, lang: str = "id") -> list[Candidate]:
    """People of the registry for the picker, each with why they cannot be enrolled."""
    from app.services.participant_search import ParticipantQuery, search

    with db.read() as session:
        cohort = load_cohort(session, cohort_id)
        office = cohort.office_code
    found = search(
        db,
        ParticipantQuery(
            text=q.text,
            office_code=office,
            region_prefix=q.province,
            status=q.status,
            training_choice=q.training_choice,
        ),
        limit=q.limit if q.eligibility is None else q.limit * 5,
    )
    out: list[Candidate] = []
    with db.read() as session:
        cohort = load_cohort(session, cohort_id)
        for row in found:
            p = session.get(Participant, row.id)
            if p is None or (q.eligibility is not None and p.eligibility_status != q.eligibility):
                continue
            f = _facts(session, cohort, p, office)
            out.append(
                Candidate(
                    participant_id=p.id,
                    nik_masked=mask_nik(p.nik),
                    name=p.full_name,
                    status=p.status,
                    office_code=p.office_code,
                    region_code=p.region_code,
                    training_choice=p.training_choice_1,
                    eligibility=p.eligibility_status,
                    refusals=tuple(t.render(lang) for t in rules.enrol_refusals(f)),
                    needs_confirmation=rules.needs_confirmation(f),
                )
            )
    return out[: q.limit]


def _enrolled_count(session: Session, cohort_id: str) -> int:
    return int(
        session.scalar(
            select(func.count()).where(
                Enrollment.cohort_id == cohort_id,
                Enrollment.status == rules.ENROLLED,
                Enrollment.deleted_at.is_(None),
            )
        )
        or 0
    )


def enrol(
    db: Database,
    actor: Actor,
    cohort_id: str,
    participant_ids: Iterable[str],
    *,
    confirm_unknown: bool = False,
    lang: str = "id",
) -> list[EnrolOutcome]:
    """Enrol each person (in one transaction): enrolled while places are free, then on the
    waiting list; refused with every reason. Someone whose eligibility is unknown is
    refused unless `confirm_unknown` (the clerk has checked)."""
    require(db, actor, Permission.COHORT_ENROL)
    outcomes: list[EnrolOutcome] = []
    with unit_of_work(db, actor) as uow:
        cohort = editable(uow, cohort_id)
        taken = _enrolled_count(uow.session, cohort.id)
        for pid in participant_ids:
            p = uow.session.get(Participant, pid)
            if p is None or p.deleted_at is not None:
                raise NotFound(NO_PERSON, nik=pid)
            f = _facts(uow.session, cohort, p, uow.device.office_code)
            reasons = list(rules.enrol_refusals(f))
            unknown = rules.needs_confirmation(f)
            if not reasons and unknown and not confirm_unknown:
                reasons.append(rules.UNKNOWN_ELIGIBILITY)
            if reasons:
                outcomes.append(
                    EnrolOutcome(
                        p.id, p.nik, p.full_name, None, tuple(r.render(lang) for r in reasons)
                    )
                )
                continue
            notices: list[Text] = []
            status = rules.ENROLLED if taken < cohort.capacity else rules.WAITING
            if status == rules.WAITING:
                notices.append(rules.full_text(cohort.capacity))
            if unknown:
                notices.append(rules.UNKNOWN_ELIGIBILITY)
            _put(uow, cohort, p, status, actor, confirmed=unknown)
            taken += status == rules.ENROLLED
            outcomes.append(
                EnrolOutcome(
                    p.id, p.nik, p.full_name, status, tuple(n.render(lang) for n in notices)
                )
            )
    return outcomes


def _put(
    uow: UnitOfWork, cohort: Cohort, p: Participant, status: str, actor: Actor, confirmed: bool
) -> None:
    eid = stable_id("enrollment", cohort.id, p.id)
    e = uow.session.get(Enrollment, eid)
    if e is None:
        e = Enrollment(
            id=eid,
            office_code=cohort.office_code,
            cohort_id=cohort.id,
            participant_id=p.id,
            status=status,
            queued_at=uow.now,
            enrolled_by=actor.username,
        )
        uow.session.add(e)
    else:  # enrolled again after a withdrawal: same record, back in the queue
        e.status, e.queued_at, e.enrolled_by = status, uow.now, actor.username
        e.withdraw_reason = e.withdrawn_at = None
        e.deleted_at = None
    e.eligibility_confirmed_by = actor.username if confirmed else None
    audit(
        uow,
        cohort,
        "cohort.enrol",
        participant=p.id,
        status=status,
        eligibility_confirmed=confirmed,
    )
    if status == rules.ENROLLED:
        _person_status(uow, p, "in_training", None)


def _person_status(uow: UnitOfWork, p: Participant, status: str, reason: str | None) -> None:
    if p.status != status:
        uow.audit(
            "participant.status",
            "participant",
            p.id,
            changes={"status": [p.status, status]},
            reason=reason or "",
        )
        p.status, p.status_reason = status, reason


def withdraw(
    db: Database, actor: Actor, cohort_id: str, participant_id: str, reason: str
) -> str | None:
    """Take a person out of the cohort (or its waiting list) with a reason; a place freed
    goes to the first on the waiting list, whose id is returned."""
    require(db, actor, Permission.COHORT_ENROL)
    if not reason.strip():
        raise ValidationError(WITHDRAW_REASON, field="reason")
    with unit_of_work(db, actor) as uow:
        cohort = editable(uow, cohort_id)
        closed_refusal(cohort)
        e = uow.session.get(Enrollment, stable_id("enrollment", cohort.id, participant_id))
        if e is None or e.deleted_at is not None:
            raise NotFound(NOT_ENROLLED)
        if e.status == rules.WITHDRAWN:
            raise StateError(ALREADY_WITHDRAWN)
        held_place = e.status == rules.ENROLLED
        e.status, e.withdraw_reason, e.withdrawn_at = rules.WITHDRAWN, reason.strip(), uow.now
        audit(uow, cohort, "cohort.withdraw", participant=participant_id, reason=reason.strip())
        p = uow.session.get(Participant, participant_id)
        if held_place and p is not None:
            _person_status(uow, p, "withdrawn", reason.strip())
        uow.session.flush()
        return fill_places(uow, cohort)[0] if held_place and fill_places_due(uow, cohort) else None


def fill_places_due(uow: UnitOfWork, cohort: Cohort) -> bool:
    return _enrolled_count(uow.session, cohort.id) < cohort.capacity and bool(
        _waiting(uow.session, cohort.id)
    )


def _waiting(session: Session, cohort_id: str) -> list[Enrollment]:
    return list(
        session.scalars(
            select(Enrollment)
            .where(
                Enrollment.cohort_id == cohort_id,
                Enrollment.status == rules.WAITING,
                Enrollment.deleted_at.is_(None),
            )
            .order_by(Enrollment.queued_at, Enrollment.id)
        )
    )


def fill_places(uow: UnitOfWork, cohort: Cohort) -> list[str]:
    """Move people from the waiting list into free places, first come first; their ids."""
    free = cohort.capacity - _enrolled_count(uow.session, cohort.id)
    moved: list[str] = []
    for e in _waiting(uow.session, cohort.id)[: max(free, 0)]:
        e.status = rules.ENROLLED
        audit(uow, cohort, "cohort.promote", participant=e.participant_id)
        p = uow.session.get(Participant, e.participant_id)
        if p is not None:
            _person_status(uow, p, "in_training", None)
        moved.append(e.participant_id)
    return moved


def set_capacity(db: Database, actor: Actor, cohort_id: str, capacity: int) -> list[str]:
    """A new capacity (not below the people enrolled); free places go to the waiting list."""
    from app.services.cohorts import BAD_CAPACITY, MAX_CAPACITY

    require(db, actor, Permission.COHORT_EDIT)
    with unit_of_work(db, actor) as uow:
        cohort = editable(uow, cohort_id)
        if not max(1, _enrolled_count(uow.session, cohort.id)) <= capacity <= MAX_CAPACITY:
            raise ValidationError(BAD_CAPACITY, field="capacity")
        audit(uow, cohort, "cohort.capacity", changes={"capacity": [cohort.capacity, capacity]})
        cohort.capacity = capacity
        uow.session.flush()
        return fill_places(uow, cohort)


def participant_ids_by_nik(db: Database, niks: Iterable[str]) -> dict[str, str | None]:
    """Each NIK's live participant of this office (None: not found), for the CLI."""
    wanted = [n.strip() for n in niks]
    with db.read() as session:
        rows = session.execute(
            select(Participant.nik, Participant.id).where(
                Participant.nik.in_(wanted),
                Participant.deleted_at.is_(None),
                Participant.status != "merged",
            )
        ).all()
    found = {nik: pid for nik, pid in rows}
    return {n: found.get(n) for n in wanted}
