"""Reading and writing the spreadsheets offices exchange: CSV (`,` or `;`, UTF-8 with or
without BOM, or Windows-1252, as Excel in an Indonesian locale saves them) and XLSX.

Cells come back as text, except XLSX numbers and dates, which stay typed so the caller can
tell a NIK that Excel turned into a number from one typed as text.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.errors import ValidationError
from app.texts import Text

EMPTY = Text("Berkas kosong atau tanpa baris judul.", "The file is empty or has no header row.")
UNSUPPORTED = Text(
    "Jenis berkas tidak didukung: {suffix}. Gunakan CSV atau XLSX.",
    "Unsupported file type: {suffix}. Use CSV or XLSX.",
)
UNREADABLE = Text("Berkas tidak bisa dibaca: {why}", "The file cannot be read: {why}")

Cell = str | int | float | date | datetime | None


@dataclass
class RawTable:
    headers: list[str]
    rows: list[list[Cell]]
    encoding: str
    delimiter: str


def normalize_header(text: str) -> str:
    """`Tanggal Lahir ` -> `tanggal_lahir`."""
    return re.sub(r"[^a-z0-9]+", "_", text.strip().lower()).strip("_")


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def _read_csv(path: Path) -> RawTable:
    text, encoding = _decode(path.read_bytes())
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[Cell]] = [list(r) for r in reader]
    if not rows or not any(cell.strip() for cell in rows[0] if isinstance(cell, str)):
        raise ValidationError(EMPTY, field="file")
    headers = [str(h) for h in rows[0]]
    body = [r for r in rows[1:] if any(str(c).strip() for c in r)]
    return RawTable(headers, body, encoding, delimiter)


def _read_xlsx(path: Path) -> RawTable:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a bad file
        raise ValidationError(UNREADABLE, field="file", why=str(exc)) from exc
    try:
        sheet = workbook.worksheets[0]
        all_rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    if not all_rows or not any(c not in (None, "") for c in all_rows[0]):
        raise ValidationError(EMPTY, field="file")
    headers = ["" if c is None else str(c) for c in all_rows[0]]
    body: list[list[Cell]] = [list(r) for r in all_rows[1:] if any(c not in (None, "") for c in r)]
    return RawTable(headers, body, "xlsx", "")


def read_table(path: Path) -> RawTable:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    raise ValidationError(UNSUPPORTED, field="file", suffix=suffix or "?")


def write_table(path: Path, headers: list[str], rows: list[list[Any]]) -> None:
    """CSV (`;`, UTF-8 with BOM, what Excel in Indonesia opens cleanly) or XLSX with every
    cell as text, so NIKs and account numbers keep all their digits."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Data")
        sheet.append(headers)
        for row in rows:
            sheet.append(["" if v is None else str(v) for v in row])
        workbook.save(path)
        return
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(headers)
        writer.writerows([["" if v is None else v for v in row] for row in rows])
