"""Reading and writing the spreadsheets offices exchange: CSV and XLSX.

Reading: CSV separated by `,`, `;` or TAB, in UTF-8 (with or without BOM), Windows-1252 or
UTF-16 (app.services.table_encoding), and XLSX after app.services.xlsx_guard has checked it.
Files come from users and are treated as hostile: every size is bounded
(app.services.table_limits), every refusal is a ValidationError with a sentence that says
what to do, and the header row must name every column holding data
(app.services.table_headers). Cells come back as text, except XLSX numbers and dates, which
stay typed so the caller can tell a NIK that Excel turned into a number from one typed as
text. Row numbers are the spreadsheet's (header = row 1), blank rows included.

Writing: CSV (`;`, UTF-8 with BOM) or XLSX whose every cell is a text cell; values that
would start a formula are neutralised and control characters replaced
(app.domain.safe_text), so an export can neither run a formula nor fail on a stored value.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.safe_text import csv_cell, xml_text
from app.errors import ValidationError
from app.services.table_encoding import decode_csv
from app.services.table_headers import Cell, check_headers, column_letter, is_blank
from app.services.table_limits import LIMITS, Limits
from app.services.xlsx_guard import (
    NOT_XLSX,
    TOO_MANY_COLUMNS,
    TOO_MANY_ROWS,
    open_checked,
    short_reason,
)
from app.texts import Text

EMPTY = Text("Berkas kosong atau tanpa baris judul.", "The file is empty or has no header row.")
CANNOT_OPEN = Text(
    "Berkas tidak bisa dibuka ({why}). Pastikan berkas ada dan tidak sedang dibuka di Excel.",
    "The file cannot be opened ({why}). Make sure it exists and is not open in Excel.",
)
UNSUPPORTED = Text(
    "Jenis berkas tidak didukung: {suffix}. Gunakan CSV atau XLSX.",
    "Unsupported file type: {suffix}. Use CSV or XLSX.",
)
FILE_TOO_BIG = Text(
    "Berkas terlalu besar: {size} MB, paling besar {limit} MB. Bagi data menjadi beberapa "
    "berkas, lalu impor satu per satu.",
    "The file is too large: {size} MB, at most {limit} MB. Split the data into several files "
    "and import them one by one.",
)
RECORD_TOO_LONG = Text(
    "Baris data yang mulai di baris {line} berkas lebih dari {limit} karakter. Biasanya ada "
    'tanda kutip (") yang dibuka tetapi tidak ditutup di baris itu, sehingga sisa berkas '
    "terbaca sebagai satu sel. Tutup atau hapus tanda kutip itu, lalu impor lagi.",
    "The data row starting on line {line} of the file is longer than {limit} characters. "
    'Usually a quote (") is opened but never closed on that line, so the rest of the file '
    "reads as one cell. Close or delete that quote, then import again.",
)
BROKEN_CSV = Text(
    "Berkas CSV rusak di baris {line}: {why}. Buka di Excel lalu simpan ulang sebagai CSV UTF-8.",
    "The CSV is damaged on line {line}: {why}. Open it in Excel and save it again as CSV UTF-8.",
)
TOO_MANY_CELLS = Text(
    "Berkas berisi lebih dari {limit} sel berisi. Bagi data menjadi beberapa berkas.",
    "The file holds more than {limit} filled cells. Split the data into several files.",
)
DELIMITERS = (",", ";", "\t")


@dataclass
class RawTable:
    """A file's header and data rows, the columns aligned with `headers`.

    `row_numbers[i]` is the spreadsheet row of `rows[i]`; `columns[j]` is where `headers[j]`
    was in the file (0-based: unnamed empty columns are dropped), for messages."""

    headers: list[str]
    rows: list[list[Cell]]
    encoding: str
    delimiter: str
    row_numbers: list[int]
    columns: list[int]

    def letter(self, j: int) -> str:
        """The spreadsheet letter of column `j` of this table."""
        return column_letter(self.columns[j])


def _trimmed(cells: Any) -> list[Cell]:
    """The cells up to the last one holding something."""
    values = list(cells)
    while values and is_blank(values[-1]):
        values.pop()
    return values


class _Body:
    """Data rows as they are read, refusing the file at the first limit passed."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.header: list[Cell] | None = None
        self.rows: list[tuple[int, list[Cell]]] = []
        self.cells = 0

    def add(self, row: int, cells: Any) -> None:
        values = _trimmed(cells)
        if self.header is None:
            self.header = values
            return
        if not values:
            return
        if row > self.limits.rows:
            raise ValidationError(TOO_MANY_ROWS, field="file", row=row, limit=self.limits.rows)
        if len(values) > self.limits.columns:
            raise ValidationError(
                TOO_MANY_COLUMNS, field="file", column=len(values), limit=self.limits.columns
            )
        self.cells += len(values)
        if self.cells > self.limits.cells:
            raise ValidationError(TOO_MANY_CELLS, field="file", limit=self.limits.cells)
        self.rows.append((row, values))

    def table(self, encoding: str, delimiter: str) -> RawTable:
        if not self.header:
            raise ValidationError(EMPTY, field="file")
        if len(self.header) > self.limits.columns:
            raise ValidationError(
                TOO_MANY_COLUMNS, field="file", column=len(self.header), limit=self.limits.columns
            )
        columns = check_headers(self.header, self.rows)
        rows = [
            [cells[p] if p < len(cells) else None for p in columns.positions]
            for _r, cells in self.rows
        ]
        return RawTable(
            columns.headers,
            rows,
            encoding,
            delimiter,
            [row for row, _cells in self.rows],
            columns.positions,
        )


class _Lines:
    """The lines of a CSV for csv.reader, refusing a record that grows past the limit (an
    unclosed quote) before csv.reader builds it; `record_done` marks each record's end."""

    def __init__(self, text: str, limit: int) -> None:
        self.lines = io.StringIO(text, newline="")
        self.limit = limit
        self.line = 0  # lines handed out
        self.record_start = 1
        self.pending = 0

    def record_done(self) -> None:
        self.record_start, self.pending = self.line + 1, 0

    def __iter__(self) -> Iterator[str]:
        for line in self.lines:
            self.line += 1
            self.pending += len(line)
            if self.pending > self.limit:
                raise ValidationError(
                    RECORD_TOO_LONG, field="file", line=self.record_start, limit=self.limit
                )
            yield line


def _read_csv(data: bytes, limits: Limits) -> RawTable:
    text, encoding = decode_csv(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first_line.count)  # ties: the first, ","
    lines = _Lines(text, limits.csv_record_chars)
    reader = csv.reader(lines, delimiter=delimiter)
    body = _Body(limits)
    try:
        for row, record in enumerate(reader, start=1):
            lines.record_done()
            body.add(row, record)
    except csv.Error as exc:
        raise ValidationError(
            BROKEN_CSV, field="file", line=lines.record_start, why=str(exc)
        ) from exc
    return body.table(encoding, delimiter)


def _read_xlsx(path: Path, limits: Limits) -> RawTable:
    workbook = open_checked(path, limits)
    body = _Body(limits)
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(
            min_row=1, max_row=limits.rows, max_col=limits.columns, values_only=True
        )
        for row, cells in enumerate(rows, start=1):
            body.add(row, cells)
    except ValidationError:
        raise
    except Exception as exc:  # a cell openpyxl cannot read (a bad number, date, type)
        raise ValidationError(NOT_XLSX, field="file", why=short_reason(exc)) from exc
    finally:
        workbook.close()
    return body.table("xlsx", "")


def read_table(path: Path, limits: Limits = LIMITS) -> RawTable:
    """The header and data rows of a CSV or XLSX; see the module docstring."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".txt", ".xlsx", ".xlsm"):
        raise ValidationError(UNSUPPORTED, field="file", suffix=suffix or "?")
    try:
        size = path.stat().st_size
        if size > limits.file_bytes:
            raise ValidationError(
                FILE_TOO_BIG,
                field="file",
                size=math.ceil(size / 2**20),
                limit=limits.file_bytes // 2**20,
            )
        if suffix in (".xlsx", ".xlsm"):
            return _read_xlsx(path, limits)
        return _read_csv(path.read_bytes(), limits)
    except OSError as exc:  # gone, locked by Excel, no permission
        raise ValidationError(CANNOT_OPEN, field="file", why=exc.strerror or str(exc)) from exc


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def write_table(path: Path, headers: list[str], rows: list[list[Any]]) -> None:
    """CSV (`;`, UTF-8 with BOM, what Excel in Indonesia opens cleanly) or XLSX with every
    cell a text cell, so NIKs and account numbers keep all their digits and nothing stored
    becomes a formula (see the module docstring)."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Data")

        def text_cell(value: Any) -> Any:
            cell = WriteOnlyCell(sheet, value=xml_text(_text(value)))
            cell.data_type = "s"  # openpyxl makes a str starting with "=" a formula
            return cell

        sheet.append([text_cell(h) for h in headers])
        for row in rows:
            sheet.append([text_cell(v) for v in row])
        workbook.save(path)
        return
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow([csv_cell(h) for h in headers])
        writer.writerows(
            [[csv_cell(v) if isinstance(v, str) else _text(v) for v in row] for row in rows]
        )
