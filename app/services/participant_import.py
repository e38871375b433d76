"""Importing participants from CSV or XLSX, all or nothing, with a row-by-row report.

Every data row is checked exactly as the intake form checks it (app.domain.intake), plus
what only a file can get wrong: a NIK repeated further down the file, a NIK already in the
database, and NIK cells that Excel stored as numbers (15 significant digits: the 16th is
lost and reads 0). Row numbers are the spreadsheet's (header = row 1, blank rows counted).
Without `dry_run`, nothing is written if any row has an error, unless `skip_invalid`; the
valid rows go in ONE transaction with one audit event, so a failure half-way leaves the
database as it was.

Columns are taken by position (app.services.table_headers refuses a header row that names
two columns alike); two columns mapped to the same field are refused, since one would
silently win. The `'` our own CSV export puts before a value starting with = + - @ is
removed first, so an export imports again.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.db import Database
from app.domain import eligibility
from app.domain.findings import Finding, Severity, error, warning
from app.domain.intake import check_intake
from app.domain.participant_fields import REQUIRED_KEYS, TYPED, key_of
from app.domain.roles import Permission
from app.domain.safe_text import csv_cell, strip_export_quote
from app.errors import LoketError, ValidationError
from app.resources import regions
from app.services.access import require
from app.services.actor import Actor
from app.services.modules import choose_modules
from app.services.participants import add_participant, facts_from, find_duplicates
from app.services.settings import get_settings
from app.services.table_headers import Cell, normalize_header
from app.services.tables import RawTable, read_table
from app.services.uow import unit_of_work
from app.texts import Text


def _header_names() -> dict[str, str]:
    """Every heading an import recognises (normalised) -> the field's key: the key itself,
    its aliases, and its label in either language (so a sheet headed "Tanggal lahir" or
    "Date of birth" maps too). Built from app.domain.participant_fields, once."""
    names: dict[str, str] = {}
    for f in TYPED:
        for name in (f.label.id, f.label.en, *f.aliases, f.key):  # the key wins a tie
            names[normalize_header(name)] = f.key
    return names


HEADER_NAMES = _header_names()

NIK_IN_FILE = Text(
    "NIK sama dengan baris {row} di berkas ini.", "Same NIK as row {row} of this file."
)
NIK_IN_DB = Text(
    "NIK sudah terdaftar atas nama {name} ({office}).",
    "NIK already registered for {name} ({office}).",
)
NIK_AS_NUMBER = Text(
    "NIK tersimpan sebagai angka di Excel ({value}); Excel hanya menyimpan 15 digit sehingga "
    "digit terakhir hilang. Format kolom sebagai Teks dan ketik ulang dari KTP.",
    "The NIK is stored as a number in Excel ({value}); Excel keeps only 15 digits, so the "
    "last digit is lost. Format the column as Text and type it again from the KTP.",
)
NIK_NUMBER_RISK = Text(
    "NIK tersimpan sebagai angka di Excel; format kolom sebagai Teks agar digit tidak hilang.",
    "The NIK is stored as a number in Excel; format the column as Text so no digit is lost.",
)
POSSIBLE_DUPLICATE = Text(
    "Mungkin orang yang sama dengan {name} ({reason}). Periksa setelah impor.",
    "Possibly the same person as {name} ({reason}). Check after the import.",
)
DUPLICATE_REASONS = {
    "kpj": Text("KPJ sama", "same KPJ"),
    "name": Text("nama mirip, tanggal lahir sama", "similar name, same birth date"),
}
MISSING_COLUMNS = Text(
    "Kolom wajib tidak ada: {columns}. Petakan kolom berkas ke nama baku.",
    "Required columns missing: {columns}. Map the file's columns to the canonical names.",
)
MAPPED_TWICE = Text(
    "Kolom {columns} sama-sama dipetakan ke {target}. Pilih satu kolom untuk {target} dan "
    "abaikan yang lain.",
    "Columns {columns} are all mapped to {target}. Choose one column for {target} and ignore "
    "the others.",
)
CANCELLED = Text(
    "Impor dibatalkan; tidak ada data yang ditulis.", "Import cancelled; nothing written."
)


@dataclass(frozen=True)
class RowReport:
    row: int
    status: str  # ok | warning | error
    field: str
    message: str


@dataclass
class ImportResult:
    total: int = 0
    ok: int = 0
    warnings: int = 0
    errors: int = 0
    written: int = 0
    dry_run: bool = True
    reports: list[RowReport] = field(default_factory=list)
    sha256: str = ""


def suggest_mapping(headers: list[str]) -> dict[str, str | None]:
    """Each file header -> the canonical column it most likely is (None = ignore)."""
    mapping: dict[str, str | None] = {}
    for header in headers:
        mapping[header] = HEADER_NAMES.get(normalize_header(header))
    return mapping


def _cell_text(key: str, value: Cell, findings: list[Finding]) -> Any:
    """Spreadsheet cell -> what the intake check expects; flags NIKs Excel made numeric."""
    if key == "nik" and isinstance(value, int | float) and not isinstance(value, bool):
        digits = f"{int(value)}" if float(value).is_integer() else repr(value)
        if (len(digits) == 16 and digits.endswith("0")) or not float(value).is_integer():
            findings.append(error("nik", NIK_AS_NUMBER, value=f"{value:.5E}"))
            return None
        findings.append(warning("nik", NIK_NUMBER_RISK))
        return digits
    if isinstance(value, float) and value.is_integer() and key != "upah_terakhir":
        return str(int(value))
    if isinstance(value, int) and not isinstance(value, bool) and key != "upah_terakhir":
        return str(value)
    if isinstance(value, str):
        return strip_export_quote(value)
    return value


def summarise(
    row: int, findings: list[Finding], name_of: Callable[[str], str] = key_of
) -> RowReport:
    """One report line for a data row: its worst finding, the fields (as `name_of` names
    them for the file: the participant import's column keys by default), errors first."""
    if not findings:
        return RowReport(row, "ok", "", "")
    worst = "error" if any(f.severity is Severity.ERROR for f in findings) else "warning"
    ordered = sorted(findings, key=lambda f: f.severity is not Severity.ERROR)
    fields = ";".join(dict.fromkeys(name_of(f.field) for f in ordered))
    return RowReport(row, worst, fields, " | ".join(f.message() for f in ordered))


def _column_keys(table: RawTable, mapping: dict[str, str | None]) -> list[str | None]:
    """The field of each column, by position; refuses two columns mapped to one field and a
    mapping without the required fields."""
    keys = [mapping.get(header) for header in table.headers]
    for key in dict.fromkeys(k for k in keys if k):
        places = [j for j, k in enumerate(keys) if k == key]
        if len(places) > 1:
            columns = ", ".join(f"{table.letter(j)} ({table.headers[j]})" for j in places)
            raise ValidationError(MAPPED_TWICE, field="mapping", columns=columns, target=key)
    missing = [c for c in REQUIRED_KEYS if c not in keys]
    if missing:
        raise LoketError(MISSING_COLUMNS, field="mapping", columns=", ".join(missing))
    return keys


def run_import(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    mapping: dict[str, str | None] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    require(db, actor, Permission.PARTICIPANT_IMPORT)
    table: RawTable = read_table(path)
    keys = _column_keys(table, mapping or suggest_mapping(table.headers))
    with path.open("rb") as fh:
        sha256 = hashlib.file_digest(fh, "sha256").hexdigest()
    result = ImportResult(total=len(table.rows), dry_run=dry_run, sha256=sha256)
    today = db.clock().astimezone().date()
    index = regions()
    seen: dict[str, int] = {}
    valid: list[dict[str, Any]] = []
    with db.read() as session:
        for i, cells in enumerate(table.rows):
            row_no = table.row_numbers[i]
            findings: list[Finding] = []
            raw = {key: _cell_text(key, cells[j], findings) for j, key in enumerate(keys) if key}
            checked = check_intake(raw, today, index)
            findings += checked.findings
            findings += choose_modules(session, checked.values)
            nik = checked.values.get("nik")
            if nik and nik in seen:
                findings.append(error("nik", NIK_IN_FILE, row=seen[nik]))
            elif nik:
                seen[nik] = row_no
            if nik or checked.values.get("kpj"):
                for dup in find_duplicates(
                    session,
                    nik=nik,
                    kpj=checked.values.get("kpj"),
                    full_name=checked.values.get("full_name", ""),
                    birth_date=checked.values.get("birth_date"),
                ):
                    if dup.reason == "nik":
                        findings.append(
                            error("nik", NIK_IN_DB, name=dup.full_name, office=dup.office_code)
                        )
                    else:
                        findings.append(
                            warning(
                                key_of({"name": "full_name"}.get(dup.reason, dup.reason)),
                                POSSIBLE_DUPLICATE,
                                name=dup.full_name,
                                reason=DUPLICATE_REASONS[dup.reason].render(),
                            )
                        )
            report = summarise(row_no, findings)
            result.reports.append(report)
            if report.status == "error":
                result.errors += 1
            else:
                result.warnings += report.status == "warning"
                result.ok += report.status == "ok"
                valid.append(checked.values)
            if progress is not None and (i % 50 == 0 or i == len(table.rows) - 1):
                progress(i + 1, len(table.rows))
            if cancelled is not None and cancelled():
                raise LoketError(CANCELLED)
    if dry_run or (result.errors and not skip_invalid) or not valid:
        return result
    settings = get_settings(db)
    preset, notice = str(settings["eligibility_preset"]), str(settings["consent_notice_version"])
    rules = eligibility.PRESETS.get(preset, eligibility.PRESETS["vokasi_2019"])
    verdicts = [eligibility.evaluate(facts_from(values, today), rules) for values in valid]
    with unit_of_work(db, actor) as uow:
        for values, verdict in zip(valid, verdicts, strict=True):
            add_participant(uow, values, verdict, preset, notice)
        uow.audit(
            "participant.import",
            "participant",
            None,
            file=path.name,
            sha256=result.sha256,
            rows=result.total,
            written=len(valid),
            skipped=result.errors,
        )
    result.written = len(valid)
    return result


def write_report(result: ImportResult, out: Path) -> None:
    """`row,status,field,message`, one line per data row (UTF-8 with BOM for Excel). A
    message may quote a value from the file, so it is made safe like any exported cell."""
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["row", "status", "field", "message"])
        for r in result.reports:
            writer.writerow([r.row, r.status, r.field, csv_cell(r.message)])
