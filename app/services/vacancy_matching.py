"""Matching people and open vacancies, and referring a person to one (issue #13).

The rules are app.domain.vacancies; this module gathers what they need from the database:
the modules a person trained in (passed in a finished cohort, or enrolled in one planned or
running), the modules chosen at intake (training_choice_1/2, a code or a name), the
domicile and KTP regions and the last wage. For a vacancy, the people considered are the
graduates and the people in training of a module it wants, not those already working.

A referral records that a person was sent to a vacancy (id from the person and the
vacancy: the same referral at two counters is one record) and, later, whether they were
hired; a hire also closes nothing by itself (an employer may hire several).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.domain import cohorts as cohort_rules
from app.domain import vacancies as rules
from app.domain.ids import stable_id
from app.domain.modules import find_module
from app.domain.nik import mask_nik
from app.domain.roles import Permission
from app.errors import NotFound, StateError, ValidationError
from app.models import Cohort, Enrollment, Participant, Referral, Vacancy
from app.resources import regions
from app.services.access import require
from app.services.actor import Actor
from app.services.modules import module_pairs
from app.services.uow import unit_of_work
from app.services.vacancies import (
    VacancyRow,
    codes_of,
    load_vacancy,
    module_names,
    open_vacancies,
    row_of,
    today_of,
)
from app.texts import Text

NO_PERSON = Text("Peserta tidak ditemukan: {who}.", "Participant not found: {who}.")
CLOSED = Text(
    "Lowongan ini sudah ditutup atau lewat batas lamaran.",
    "This vacancy is closed or past its closing date.",
)
NO_REFERRAL = Text(
    "{name} belum dirujuk ke lowongan ini.", "{name} was not referred to this vacancy."
)
HIRED_BEFORE = Text(
    "Tanggal diterima tidak boleh sebelum tanggal rujukan ({day}).",
    "The hiring date cannot be before the referral ({day}).",
)
FUTURE = Text("Tanggal tidak boleh setelah hari ini.", "The date cannot be after today.")
NOT_SEEKING = ("employed", "erased", "merged")


@dataclass(frozen=True)
class VacancyMatch:
    """An open vacancy that fits a person: why, and whether they were referred."""

    vacancy: VacancyRow
    score: int
    reasons: tuple[str, ...]
    referred_on: date | None
    hired: bool | None


@dataclass(frozen=True)
class PersonMatch:
    """A person who fits a vacancy."""

    participant_id: str
    name: str
    nik_masked: str
    phone: str | None
    status: str
    score: int
    reasons: tuple[str, ...]
    referred_on: date | None


@cache
def _region_names() -> dict[str, str]:
    """Region names by their digits, for the reasons (the region list never changes while
    the program runs)."""
    index = regions()
    names = {r.code.replace(".", ""): r.name for r in index.provinces.values()}
    names.update({r.code.replace(".", ""): r.name for r in index.regencies.values()})
    return names


def _trained(session: Session, participant_ids: list[str]) -> dict[str, set[str]]:
    """Module codes each person passed (finished cohort) or is training in now."""
    found: dict[str, set[str]] = defaultdict(set)
    for chunk in range(0, len(participant_ids), 500):
        rows = session.execute(
            select(Enrollment.participant_id, Cohort.module_code, Cohort.status, Enrollment.result)
            .join(Cohort, Cohort.id == Enrollment.cohort_id)
            .where(
                Enrollment.participant_id.in_(participant_ids[chunk : chunk + 500]),
                Enrollment.status == cohort_rules.ENROLLED,
                Enrollment.deleted_at.is_(None),
                Cohort.deleted_at.is_(None),
            )
        )
        for pid, code, status, result in rows:
            if (status == cohort_rules.Status.FINISHED.value and result == cohort_rules.PASSED) or (
                status in {s.value for s in cohort_rules.ACTIVE_COHORT}
            ):
                found[pid].add(code)
    return found


def person_of(
    p: Participant,
    trained: set[str],
    pairs: list[tuple[str, str]],
    known: dict[str, str | None] | None = None,
) -> rules.Person:
    """`known` remembers what a training choice's text named (a dozen texts recur among
    thousands of people)."""
    seen = {} if known is None else known
    chosen = set()
    for text in (p.training_choice_1, p.training_choice_2):
        if not text:
            continue
        if text not in seen:
            seen[text] = find_module(text, pairs)
        if (code := seen[text]) is not None:
            chosen.add(code)
    return rules.Person(
        trained=frozenset(trained),
        chosen=frozenset(chosen),
        regions=(p.region_code or "", rules.ktp_region(p.nik)),
        last_wage=p.last_wage,
    )


def domain_vacancy(v: Vacancy) -> rules.Vacancy:
    return rules.Vacancy(
        id=v.id,
        modules=frozenset(codes_of(v)),
        region=v.region_code,
        wage_min=v.wage_min,
        wage_max=v.wage_max,
        closes_on=v.closes_on,
        closed=v.closed_at is not None,
        openings=v.openings,
    )


def _person(session: Session, participant_id: str) -> Participant:
    p = session.get(Participant, participant_id)
    if p is None or p.deleted_at is not None:
        raise NotFound(NO_PERSON, field="participant", who=participant_id)
    return p


def _referrals(session: Session, **where: str) -> dict[tuple[str, str], Referral]:
    query = select(Referral).where(Referral.deleted_at.is_(None))
    for column, value in where.items():
        query = query.where(getattr(Referral, column) == value)
    return {(r.participant_id, r.vacancy_id): r for r in session.scalars(query)}


def matches_for_participant(
    db: Database,
    participant_id: str,
    today: date | None = None,
    limit: int | None = None,
    lang: str | None = None,
) -> list[VacancyMatch]:
    """The open vacancies that fit the person, best first, each with why (in `lang`, by
    default the program's: the printed sheet asks for Indonesian whatever the window
    speaks)."""
    day = today or today_of(db)
    with db.read() as session:
        p = _person(session, participant_id)
        pairs = module_pairs(session)
        names = dict(pairs)
        person = person_of(p, _trained(session, [p.id]).get(p.id, set()), pairs)
        held = {v.id: v for v in open_vacancies(session, day)}
        ranked = rules.rank(
            (domain_vacancy(v) for v in held.values()), person, day, names, _region_names()
        )
        referred = _referrals(session, participant_id=p.id)
        out = []
        for m in ranked[:limit] if limit else ranked:
            r = referred.get((p.id, m.vacancy_id))
            out.append(
                VacancyMatch(
                    vacancy=row_of(held[m.vacancy_id], day, names),
                    score=m.score,
                    reasons=tuple(reason.text(lang) for reason in m.reasons),
                    referred_on=r.referred_on if r else None,
                    hired=r.hired if r else None,
                )
            )
    return out


def matches_for_vacancy(
    db: Database, vacancy_id: str, today: date | None = None
) -> tuple[VacancyRow, list[PersonMatch]]:
    """The graduates and people in training who fit an open vacancy, best first."""
    day = today or today_of(db)
    with db.read() as session:
        v = load_vacancy(session, vacancy_id)
        names = module_names(session)
        pairs = list(names.items())
        wanted = codes_of(v)
        ids = list(
            session.scalars(
                select(Enrollment.participant_id)
                .join(Cohort, Cohort.id == Enrollment.cohort_id)
                .where(
                    Cohort.module_code.in_(wanted),
                    Cohort.deleted_at.is_(None),
                    Enrollment.deleted_at.is_(None),
                    Enrollment.status == cohort_rules.ENROLLED,
                )
                .distinct()
            )
        )
        trained = _trained(session, ids)
        target = domain_vacancy(v)
        referred = _referrals(session, vacancy_id=v.id)
        found: list[PersonMatch] = []
        known: dict[str, str | None] = {}
        region_names = _region_names()
        for chunk in range(0, len(ids), 500):
            for p in session.scalars(
                select(Participant).where(
                    Participant.id.in_(ids[chunk : chunk + 500]),
                    Participant.deleted_at.is_(None),
                    Participant.status.not_in(NOT_SEEKING),
                )
            ):
                have = trained.get(p.id, set())
                if not have & set(wanted):
                    continue
                person = person_of(p, have, pairs, known)
                m = rules.match(target, person, day, names, region_names)
                if m is None:
                    continue
                r = referred.get((p.id, v.id))
                found.append(
                    PersonMatch(
                        participant_id=p.id,
                        name=p.full_name,
                        nik_masked=mask_nik(p.nik),
                        phone=p.phone,
                        status=p.status,
                        score=m.score,
                        reasons=tuple(reason.text() for reason in m.reasons),
                        referred_on=r.referred_on if r else None,
                    )
                )
        row = row_of(v, day, names)
    return row, sorted(found, key=lambda m: (-m.score, m.name, m.participant_id))


@dataclass(frozen=True)
class ReferralRow:
    id: str
    participant_id: str
    vacancy_id: str
    employer: str
    position: str
    referred_on: date
    referred_by: str
    hired: bool | None
    hired_on: date | None


def _referral_row(r: Referral, v: Vacancy) -> ReferralRow:
    return ReferralRow(
        id=r.id,
        participant_id=r.participant_id,
        vacancy_id=v.id,
        employer=v.employer,
        position=v.position,
        referred_on=r.referred_on,
        referred_by=r.referred_by,
        hired=r.hired,
        hired_on=r.hired_on,
    )


def refer(db: Database, actor: Actor, participant_id: str, vacancy_id: str) -> ReferralRow:
    """Record that the person was given this open vacancy. Referring again is harmless:
    the same record (id from the person and the vacancy) keeps its first date."""
    require(db, actor, Permission.FOLLOWUP_RECORD)
    with unit_of_work(db, actor) as uow:
        s = uow.session
        p = _person(s, participant_id)
        v = load_vacancy(s, vacancy_id)
        today = uow.now.astimezone().date()
        rid = stable_id("referral", p.id, v.id)
        r = s.get(Referral, rid)
        if r is None:
            if not domain_vacancy(v).open_on(today):
                raise StateError(CLOSED)
            r = Referral(
                id=rid,
                office_code=p.office_code,
                participant_id=p.id,
                vacancy_id=v.id,
                referred_on=today,
                referred_by=actor.username,
            )
            s.add(r)
            uow.audit("vacancy.refer", "participant", p.id, vacancy=v.id)
        s.flush()
        return _referral_row(r, v)


def record_hire(
    db: Database,
    actor: Actor,
    participant_id: str,
    vacancy_id: str,
    hired: bool,
    hired_on: date | None = None,
) -> ReferralRow:
    """Whether the employer took the referred person (and from when)."""
    require(db, actor, Permission.FOLLOWUP_RECORD)
    with unit_of_work(db, actor) as uow:
        s = uow.session
        p = _person(s, participant_id)
        v = load_vacancy(s, vacancy_id)
        today = uow.now.astimezone().date()
        r = s.get(Referral, stable_id("referral", p.id, v.id))
        if r is None or r.deleted_at is not None:
            raise StateError(NO_REFERRAL, name=p.full_name)
        day = (hired_on or today) if hired else None
        if day is not None and day > today:
            raise ValidationError(FUTURE, field="hired_on")
        if day is not None and day < r.referred_on:
            raise ValidationError(
                HIRED_BEFORE, field="hired_on", day=r.referred_on.strftime("%d/%m/%Y")
            )
        r.hired, r.hired_on, r.outcome_by = hired, day, actor.username
        uow.audit("vacancy.hire", "participant", p.id, vacancy=v.id, hired=hired)
        s.flush()
        return _referral_row(r, v)


def referrals_of(db: Database, participant_id: str) -> list[ReferralRow]:
    with db.read() as session:
        rows = session.execute(
            select(Referral, Vacancy)
            .join(Vacancy, Vacancy.id == Referral.vacancy_id)
            .where(Referral.participant_id == participant_id, Referral.deleted_at.is_(None))
            .order_by(Referral.referred_on.desc())
        )
        return [_referral_row(r, v) for r, v in rows]
