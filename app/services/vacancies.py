"""Job vacancies: record one, close it, list them (issue #13).

Vacancies are shared by every office (scope shared): recorded at any counter from an
employer's call or letter, seen everywhere, because an employer in Balikpapan may hire a
Lombok graduate. Closing keeps the row (closed_at) so reports still count it; matching and
the open list skip it, as they skip one whose closing date has passed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.domain.findings import Finding
from app.domain.roles import Permission
from app.domain.vacancy_fields import check_vacancy
from app.errors import NotFound, StateError
from app.models import Referral, TrainingModule, Vacancy
from app.resources import regions
from app.services.access import require
from app.services.actor import Actor
from app.services.modules import module_pairs, raise_first_error
from app.services.uow import unit_of_work
from app.texts import Text

NO_VACANCY = Text("Lowongan tidak ditemukan: {who}.", "Vacancy not found: {who}.")
ALREADY_CLOSED = Text("Lowongan ini sudah ditutup.", "This vacancy is already closed.")
EDITABLE = (
    "employer",
    "npp",
    "sector",
    "position",
    "region_code",
    "skills",
    "openings",
    "wage_min",
    "wage_max",
    "closes_on",
    "contact",
    "source",
)


@dataclass(frozen=True)
class VacancyRow:
    """One vacancy as the window, the CLI and the vacancy sheet show it."""

    id: str
    employer: str
    npp: str | None
    sector: str | None
    position: str
    region_code: str
    region_name: str
    modules: tuple[str, ...]  # codes
    module_names: tuple[str, ...]
    skills: str | None
    openings: int
    wage_min: int | None
    wage_max: int | None
    closes_on: date | None
    contact: str | None
    source: str | None
    office_code: str
    is_open: bool  # not closed and the closing date not passed
    closed: bool
    referred: int
    hired: int


def short_id(vacancy_id: str) -> str:
    """What the CLI prints and accepts for a vacancy: the id's random tail."""
    return vacancy_id[-8:]


def today_of(db: Database) -> date:
    return db.clock().astimezone().date()


def region_name(code: str) -> str:
    """`Kota Balikpapan, Kalimantan Timur`: the regency (or district) and its province."""
    index = regions()
    found = index.get(code)
    if found is None:
        return code
    province = index.get(code[:2])
    if province is None or province.code == found.code:
        return found.name
    return f"{found.name}, {province.name}"


def module_names(session: Session) -> dict[str, str]:
    rows = session.execute(select(TrainingModule.code, TrainingModule.name))
    return {code: name for code, name in rows}


def codes_of(v: Vacancy) -> tuple[str, ...]:
    return tuple(v.modules.split())


def _referral_counts(session: Session) -> tuple[Counter[str], Counter[str]]:
    referred: Counter[str] = Counter()
    hired: Counter[str] = Counter()
    rows = session.execute(
        select(Referral.vacancy_id, Referral.hired, func.count())
        .where(Referral.deleted_at.is_(None))
        .group_by(Referral.vacancy_id, Referral.hired)
    )
    for vacancy_id, was_hired, n in rows:
        referred[vacancy_id] += n
        if was_hired:
            hired[vacancy_id] += n
    return referred, hired


def row_of(
    v: Vacancy,
    today: date,
    names: dict[str, str],
    counts: tuple[Counter[str], Counter[str]] | None = None,
) -> VacancyRow:
    referred, hired = counts or (Counter(), Counter())
    codes = codes_of(v)
    return VacancyRow(
        id=v.id,
        employer=v.employer,
        npp=v.npp,
        sector=v.sector,
        position=v.position,
        region_code=v.region_code,
        region_name=region_name(v.region_code),
        modules=codes,
        module_names=tuple(names.get(c, c) for c in codes),
        skills=v.skills,
        openings=v.openings,
        wage_min=v.wage_min,
        wage_max=v.wage_max,
        closes_on=v.closes_on,
        contact=v.contact,
        source=v.source,
        office_code=v.office_code,
        is_open=v.closed_at is None and (v.closes_on is None or v.closes_on >= today),
        closed=v.closed_at is not None,
        referred=referred[v.id],
        hired=hired[v.id],
    )


def check_values(
    db: Database, session: Session, values: dict[str, Any]
) -> tuple[dict[str, Any], list[Finding]]:
    """The form's or a row's values checked: (clean values, findings)."""
    res = check_vacancy(
        values, today_of(db), lambda c: regions().get(c) is not None, module_pairs(session)
    )
    return res.values, res.findings


def add_vacancy_in(session: Session, clean: dict[str, Any], actor: Actor) -> Vacancy:
    """Add a checked vacancy inside the caller's unit of work (the import adds many)."""
    v = Vacancy(registered_by=actor.username, modules=" ".join(clean["modules"]))
    for key in EDITABLE:
        setattr(v, key, clean.get(key))
    session.add(v)
    session.flush()
    return v


def add_vacancy(db: Database, actor: Actor, values: dict[str, Any]) -> VacancyRow:
    """Record one vacancy; a refused value names its field and nothing is written."""
    require(db, actor, Permission.VACANCY_EDIT)
    with db.read() as session:
        clean, findings = check_values(db, session, values)
    raise_first_error(findings)
    with unit_of_work(db, actor) as uow:
        v = add_vacancy_in(uow.session, clean, actor)
        uow.audit("vacancy.add", "vacancy", v.id, employer=v.employer, position=v.position)
        return row_of(v, today_of(db), module_names(uow.session))


def load_vacancy(session: Session, vacancy_id: str) -> Vacancy:
    v = session.get(Vacancy, vacancy_id)
    if v is None or v.deleted_at is not None:
        # The CLI shows a vacancy's id shortened to its last 8 characters (short_id): the
        # first ones of a UUIDv7 are its creation time, alike for a minute's vacancies.
        found: list[Vacancy] = []
        if len(vacancy_id) >= 6:
            found = list(
                session.scalars(
                    select(Vacancy).where(
                        Vacancy.id.endswith(vacancy_id.lower()), Vacancy.deleted_at.is_(None)
                    )
                )
            )
        if len(found) != 1:
            raise NotFound(NO_VACANCY, field="vacancy", who=vacancy_id)
        v = found[0]
    return v


def values_for_edit(db: Database, vacancy_id: str) -> dict[str, Any]:
    """The stored values as the form shows them (modules as `code | code`)."""
    with db.read() as session:
        v = load_vacancy(session, vacancy_id)
        values: dict[str, Any] = {key: getattr(v, key) for key in EDITABLE}
        values["modules"] = " | ".join(codes_of(v))
        return values


def update_vacancy(
    db: Database, actor: Actor, vacancy_id: str, values: dict[str, Any]
) -> VacancyRow:
    """Correct a recorded vacancy (a typo in the contact, more openings, a later closing
    date). Checked as a new one; a refused value names its field and nothing is written."""
    require(db, actor, Permission.VACANCY_EDIT)
    with db.read() as session:
        clean, findings = check_values(db, session, values)
    raise_first_error(findings)
    with unit_of_work(db, actor) as uow:
        v = load_vacancy(uow.session, vacancy_id)
        changed = [key for key in EDITABLE if getattr(v, key) != clean.get(key)]
        for key in changed:
            setattr(v, key, clean.get(key))
        modules = " ".join(clean["modules"])
        if v.modules != modules:
            v.modules = modules
            changed.append("modules")
        if changed:
            uow.audit("vacancy.update", "vacancy", v.id, fields=sorted(changed))
        uow.session.flush()
        return row_of(v, today_of(db), module_names(uow.session))


def close_vacancy(db: Database, actor: Actor, vacancy_id: str) -> VacancyRow:
    """The employer filled it or withdrew it: it leaves matching, stays in the reports."""
    require(db, actor, Permission.VACANCY_EDIT)
    with unit_of_work(db, actor) as uow:
        v = load_vacancy(uow.session, vacancy_id)
        if v.closed_at is not None:
            raise StateError(ALREADY_CLOSED)
        v.closed_at = uow.now
        v.closed_by = actor.username
        uow.audit("vacancy.close", "vacancy", v.id)
        uow.session.flush()
        return row_of(v, today_of(db), module_names(uow.session))


def list_vacancies(
    db: Database, *, include_closed: bool = False, today: date | None = None
) -> list[VacancyRow]:
    """Open vacancies (or all), closing soonest first, then employer."""
    day = today or today_of(db)
    with db.read() as session:
        names = module_names(session)
        counts = _referral_counts(session)
        rows = [
            row_of(v, day, names, counts)
            for v in session.scalars(select(Vacancy).where(Vacancy.deleted_at.is_(None)))
        ]
    if not include_closed:
        rows = [r for r in rows if r.is_open]
    return sorted(
        rows, key=lambda r: (not r.is_open, r.closes_on or date.max, r.employer, r.position)
    )


def open_vacancies(session: Session, today: date) -> list[Vacancy]:
    """The vacancies matching may offer today (not closed, closing date not passed)."""
    return list(
        session.scalars(
            select(Vacancy).where(
                Vacancy.deleted_at.is_(None),
                Vacancy.closed_at.is_(None),
                (Vacancy.closes_on.is_(None)) | (Vacancy.closes_on >= today),
            )
        )
    )
