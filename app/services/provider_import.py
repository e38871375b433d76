"""Importing training providers from CSV or XLSX: the participant import's rules and report.

Columns (issue #9): `nama, jenis, kode_wilayah, alamat, telepon, nomor_izin, penerbit_izin,
tanggal_izin, izin_berlaku_sampai, beroperasi_sejak, modul` — `jenis` BLK, LPK or
PERUSAHAAN; `modul` a `|`-separated list of module codes or names; dates YYYY-MM-DD or
DD/MM/YYYY. Each row is checked as the provider form checks it, plus what only a file can
get wrong: an unknown module, the same provider twice in the file or already registered.
A provider without a licence number is accepted (it then fails the licence check).
All or nothing: without `dry_run`, nothing is written while a row has an error, unless
`skip_invalid`; the valid rows go in ONE transaction with one audit event. The report is
the participant import's (`row,status,field,message`, app.services.participant_import).
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.db import Database
from app.domain.findings import error
from app.domain.ids import stable_id
from app.domain.modules import find_module, split_list
from app.domain.roles import Permission
from app.domain.safe_text import strip_export_quote
from app.errors import LoketError
from app.models import ProviderModule, TrainingProvider
from app.services.access import require
from app.services.actor import Actor
from app.services.modules import module_pairs
from app.services.participant_import import ImportResult, summarise, write_report
from app.services.providers import add_provider, check_values
from app.services.table_headers import Cell, normalize_header
from app.services.tables import read_table
from app.services.uow import unit_of_work
from app.texts import Text

__all__ = ["COLUMNS", "run_provider_import", "write_report"]

# import column -> provider field
COLUMNS: dict[str, str] = {
    "nama": "name",
    "jenis": "provider_type",
    "kode_wilayah": "region_code",
    "alamat": "address",
    "telepon": "phone",
    "nomor_izin": "licence_number",
    "penerbit_izin": "licence_issuer",
    "tanggal_izin": "licence_issued_on",
    "izin_berlaku_sampai": "licence_expires_on",
    "beroperasi_sejak": "operating_since",
    "modul": "modules",
}
FIELD_COLUMN = {field: column for column, field in COLUMNS.items()}
REQUIRED_COLUMNS = ("nama", "jenis")

MISSING_COLUMNS = Text(
    "Kolom wajib tidak ada: {columns}. Kolom yang dikenal: {known}.",
    "Required columns missing: {columns}. Known columns: {known}.",
)
UNKNOWN_MODULE = Text(
    "Modul tidak dikenal: {name}. Pakai kode atau nama dari `loket modules list`.",
    "Unknown module: {name}. Use a code or name from `loket modules list`.",
)
SAME_IN_FILE = Text(
    "Lembaga yang sama dengan baris {row} di berkas ini.",
    "The same provider as row {row} of this file.",
)
ALREADY_REGISTERED = Text(
    "Lembaga {name} sudah terdaftar.", "Provider {name} is already registered."
)


def cell_value(value: Cell) -> Any:
    """A spreadsheet cell as the provider check reads it: numbers as their digits (a
    region code typed as 3171 or a phone as 81234567890), dates as dates."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return strip_export_quote(value)
    return None if value is None else str(value)


def run_provider_import(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
) -> ImportResult:
    require(db, actor, Permission.PROVIDER_IMPORT)
    table = read_table(path)
    keys = [COLUMNS.get(normalize_header(h)) for h in table.headers]
    missing = [c for c in REQUIRED_COLUMNS if COLUMNS[c] not in keys]
    if missing:
        raise LoketError(
            MISSING_COLUMNS, field="mapping", columns=", ".join(missing), known=", ".join(COLUMNS)
        )
    result = ImportResult(dry_run=dry_run, sha256=hashlib.sha256(path.read_bytes()).hexdigest())
    with db.read() as session:
        pairs = module_pairs(session)
        registered = set(
            session.scalars(
                select(TrainingProvider.name_key).where(TrainingProvider.deleted_at.is_(None))
            )
        )
    seen: dict[str, int] = {}
    valid: list[tuple[dict[str, Any], list[str]]] = []
    for number, cells in zip(table.row_numbers, table.rows, strict=True):
        raw = {k: cell_value(v) for k, v in zip(keys, cells, strict=False) if k}
        clean, findings = check_values(db, raw)
        codes: list[str] = []
        for name in split_list(str(raw.get("modules") or "")):
            code = find_module(name, pairs)
            if code is None:
                findings.append(error("modules", UNKNOWN_MODULE, name=name))
            elif code not in codes:
                codes.append(code)
        key = clean.get("name_key")
        if key:
            if key in seen:
                findings.append(error("name", SAME_IN_FILE, row=seen[key]))
            elif key in registered:
                findings.append(error("name", ALREADY_REGISTERED, name=clean["name"]))
            seen.setdefault(key, number)
        report = summarise(number, findings, lambda f: FIELD_COLUMN.get(f, f))
        result.reports.append(report)
        result.total += 1
        if report.status == "error":
            result.errors += 1
            continue
        result.ok += report.status == "ok"
        result.warnings += report.status == "warning"
        valid.append((clean, codes))
    if dry_run or not valid or (result.errors and not skip_invalid):
        return result
    with unit_of_work(db, actor) as uow:
        for clean, codes in valid:
            provider = add_provider(uow.session, clean, actor)
            for code in codes:
                uow.session.add(
                    ProviderModule(
                        id=stable_id("provider_module", provider.id, code),
                        office_code=provider.office_code,
                        provider_id=provider.id,
                        module_code=code,
                        instructors="[]",
                        offered=True,
                    )
                )
        uow.audit(
            "provider.import",
            file=path.name,
            sha256=result.sha256,
            rows=len(valid),
            skipped=result.errors,
        )
    result.written = len(valid)
    return result
