"""Importing job vacancies from CSV or XLSX: the participant import's rules and report.

Columns (issue #13): `perusahaan, npp, posisi, kode_wilayah, modul, jumlah, upah_min,
upah_maks, batas_lamaran, kontak`, and optionally `sektor, keterampilan, sumber` — `modul`
a `|`-separated list of module codes or names, dates YYYY-MM-DD or DD/MM/YYYY, amounts
`1.500.000` or a spreadsheet number. Each row is checked as the vacancy form checks it,
plus what only a file can get wrong: the same vacancy twice in the file or already
recorded (same employer, position, region and closing date). All or nothing: without
`dry_run`, nothing is written while a row has an error, unless `skip_invalid`; the valid
rows go in ONE transaction with one audit event. The report is the participant import's
(`row,status,field,message`).
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.db import Database
from app.domain.findings import error
from app.domain.names import name_key
from app.domain.roles import Permission
from app.errors import LoketError
from app.models import Vacancy
from app.services.access import require
from app.services.actor import Actor
from app.services.participant_import import ImportResult, summarise, write_report
from app.services.provider_import import cell_value
from app.services.table_headers import normalize_header
from app.services.tables import read_table
from app.services.uow import unit_of_work
from app.services.vacancies import add_vacancy_in, check_values
from app.texts import Text

__all__ = ["COLUMNS", "run_vacancy_import", "write_report"]

# import column -> vacancy field
COLUMNS: dict[str, str] = {
    "perusahaan": "employer",
    "npp": "npp",
    "posisi": "position",
    "kode_wilayah": "region_code",
    "modul": "modules",
    "jumlah": "openings",
    "upah_min": "wage_min",
    "upah_maks": "wage_max",
    "batas_lamaran": "closes_on",
    "kontak": "contact",
    "sektor": "sector",
    "keterampilan": "skills",
    "sumber": "source",
}
FIELD_COLUMN = {field: column for column, field in COLUMNS.items()}
REQUIRED_COLUMNS = ("perusahaan", "posisi", "kode_wilayah", "modul", "kontak")

MISSING_COLUMNS = Text(
    "Kolom wajib tidak ada: {columns}. Kolom yang dikenal: {known}.",
    "Required columns missing: {columns}. Known columns: {known}.",
)
SAME_IN_FILE = Text(
    "Lowongan yang sama dengan baris {row} di berkas ini.",
    "The same vacancy as row {row} of this file.",
)
ALREADY_RECORDED = Text(
    "Lowongan {position} di {employer} sudah tercatat.",
    "Vacancy {position} at {employer} is already recorded.",
)


def _key(employer: str | None, position: str | None, region: str | None, closes: Any) -> str:
    return "|".join((name_key(employer or ""), name_key(position or ""), region or "", str(closes)))


def run_vacancy_import(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
) -> ImportResult:
    require(db, actor, Permission.VACANCY_IMPORT)
    table = read_table(path)
    keys = [COLUMNS.get(normalize_header(h)) for h in table.headers]
    missing = [c for c in REQUIRED_COLUMNS if COLUMNS[c] not in keys]
    if missing:
        raise LoketError(
            MISSING_COLUMNS, field="mapping", columns=", ".join(missing), known=", ".join(COLUMNS)
        )
    result = ImportResult(dry_run=dry_run, sha256=hashlib.sha256(path.read_bytes()).hexdigest())
    seen: dict[str, int] = {}
    valid: list[dict[str, Any]] = []
    with db.read() as session:
        recorded = {
            _key(v.employer, v.position, v.region_code, v.closes_on or "")
            for v in session.scalars(select(Vacancy).where(Vacancy.deleted_at.is_(None)))
        }
        for number, cells in zip(table.row_numbers, table.rows, strict=True):
            raw = {k: cell_value(v) for k, v in zip(keys, cells, strict=False) if k}
            clean, findings = check_values(db, session, raw)
            closes: date | str = clean.get("closes_on") or ""
            if clean.get("employer") and clean.get("position"):
                key = _key(clean["employer"], clean["position"], clean["region_code"], closes)
                if key in seen:
                    findings.append(error("position", SAME_IN_FILE, row=seen[key]))
                elif key in recorded:
                    findings.append(
                        error(
                            "position",
                            ALREADY_RECORDED,
                            position=clean["position"],
                            employer=clean["employer"],
                        )
                    )
                seen.setdefault(key, number)
            report = summarise(number, findings, lambda f: FIELD_COLUMN.get(f, f))
            result.reports.append(report)
            result.total += 1
            if report.status == "error":
                result.errors += 1
                continue
            result.ok += report.status == "ok"
            result.warnings += report.status == "warning"
            valid.append(clean)
    if dry_run or not valid or (result.errors and not skip_invalid):
        return result
    with unit_of_work(db, actor) as uow:
        for clean in valid:
            add_vacancy_in(uow.session, clean, actor)
        uow.audit(
            "vacancy.import",
            file=path.name,
            sha256=result.sha256,
            rows=len(valid),
            skipped=result.errors,
        )
    result.written = len(valid)
    return result
