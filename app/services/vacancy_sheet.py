"""The vacancy sheet handed to a participant (issue #13 item 3): their best-fitting open
vacancies with contacts, gathered as plain data for app.documents.vacancy_sheet, always in
Indonesian (the person reads it at home).

Printing changes no record, so, like the provider checklist and the receipt preview, it
needs no permission beyond being signed in. It is still recorded (`vacancy.sheet`, with
the vacancies shown) in its own transaction before the file is written (DESIGN §4: print
only after commit), because the sheet carries personal data out of the office and because
a later "was this person told about that vacancy?" must have an answer. Handing over a
sheet is not a referral: the clerk records that separately (`refer`), when the person is
actually sent to an employer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import formats
from app.db import Database
from app.documents.vacancy_sheet import VacancySheetDocument, VacancySheetItem, build
from app.domain.cohorts import GONE_STATUSES
from app.domain.nik import mask_nik
from app.errors import NotFound, ValidationError
from app.models import Device, Office, Participant
from app.services.actor import Actor
from app.services.uow import unit_of_work
from app.services.vacancies import VacancyRow, today_of
from app.services.vacancy_matching import NO_PERSON, VacancyMatch, matches_for_participant
from app.texts import Text

MAX_LIMIT = 20  # four pages; past that it is a list, not "the best few"
BAD_LIMIT = Text(
    "Jumlah lowongan di lembar: bilangan bulat 1–{n}.",
    "Vacancies on the sheet: a whole number 1–{n}.",
)
NO_FOLDER = Text("Folder tidak ditemukan: {path}.", "Folder not found: {path}.")


def wage_text(low: int | None, high: int | None) -> str:
    """`Rp4.000.000 – Rp5.000.000`, `mulai Rp4.000.000`, `sampai Rp5.000.000`."""
    if low is None and high is None:
        return "Tidak disebutkan"
    if low is None:
        return f"sampai {formats.rupiah(high, 'id')}"
    if high is None:
        return f"mulai {formats.rupiah(low, 'id')}"
    if high == low:
        return formats.rupiah(low, "id")
    return f"{formats.rupiah(low, 'id')} – {formats.rupiah(high, 'id')}"


def item_of(v: VacancyRow, reasons: tuple[str, ...]) -> VacancySheetItem:
    """A vacancy in the words of the sheet (Indonesian whatever the window's language)."""
    return VacancySheetItem(
        position=v.position,
        employer=v.employer,
        npp=v.npp or "",
        sector=v.sector or "",
        region=v.region_name,
        modules=", ".join(v.module_names) or "-",
        skills=v.skills or "",
        openings=f"{formats.number(v.openings, 'id')} orang",
        wage=wage_text(v.wage_min, v.wage_max),
        closes=formats.long_date(v.closes_on, "id") if v.closes_on else "Tidak ditentukan",
        contact=v.contact or "",
        reasons=reasons,
    )


def _office_name(session: Session) -> str:
    device = session.scalars(select(Device)).one()
    office = session.scalar(select(Office).where(Office.code == device.office_code))
    return office.name if office else device.office_code


def _items(found: list[VacancyMatch]) -> tuple[VacancySheetItem, ...]:
    return tuple(item_of(m.vacancy, m.reasons) for m in found)


@dataclass(frozen=True)
class PrintedSheet:
    path: Path
    name: str
    vacancy_ids: tuple[str, ...]  # as printed, best first; () when none fitted


def print_vacancy_sheet(
    db: Database,
    actor: Actor,
    participant_id: str,
    out: Path,
    limit: int = 5,
    today: date | None = None,
) -> Path:
    """Write the person's `limit` best-fitting open vacancies on `today` to `out` (a sheet
    saying none fits now when there is none), recording the print first."""
    return write_vacancy_sheet(db, actor, participant_id, out, limit, today).path


def write_vacancy_sheet(
    db: Database,
    actor: Actor,
    participant_id: str,
    out: Path,
    limit: int = 5,
    today: date | None = None,
) -> PrintedSheet:
    """`print_vacancy_sheet`, also saying whose sheet and which vacancies it shows (the
    CLI reports them; matching again could rank differently a moment later)."""
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError(BAD_LIMIT, field="limit", n=MAX_LIMIT)
    if not out.parent.is_dir():  # before the print is recorded, not after
        raise ValidationError(NO_FOLDER, field="out", path=out.parent)
    day = today or today_of(db)
    found = matches_for_participant(db, participant_id, today=day, limit=limit, lang="id")
    with unit_of_work(db, actor) as uow:
        s = uow.session
        p = s.get(Participant, participant_id)
        if p is None or p.deleted_at is not None or p.status in GONE_STATUSES:
            raise NotFound(NO_PERSON, field="participant", who=participant_id)
        name, nik, office = p.full_name, mask_nik(p.nik), _office_name(s)
        uow.audit(
            "vacancy.sheet",
            "participant",
            p.id,
            vacancies=[m.vacancy.id for m in found],
            on=day,
        )
        printed = f"Dicetak {formats.datetime_text(uow.now)} oleh {actor.username} — Loket Vokasi"
    doc = VacancySheetDocument(
        office_line=f"BPJS Ketenagakerjaan — Kantor Cabang {office}",
        name=name,
        nik_masked=nik,
        day_text=formats.long_date(day, "id"),
        items=_items(found),
        printed=printed,
    )
    path = build(doc, out)
    return PrintedSheet(path, name, tuple(m.vacancy.id for m in found))
