"""Checking an XLSX from a user before openpyxl reads it: zip bombs, giant sheets, XML bombs.

openpyxl trusts the file. In read-only mode it fills every empty row and column up to the
sheet's declared dimension (a 1.7 KB file with one cell at XFD1048576 exhausted memory), it
holds a whole row's cells and a whole text node while parsing (1 MB of XLSX unpacking to
1 GB of spaces took 1.1 GB), and it parses some parts whole into a tree. So, before it
parses anything large, this module:

1. counts the zip's entries from its end record, before zipfile builds an object per entry;
2. bounds the unpacked size of the whole zip and of each part: only the first worksheet and
   the shared strings (both streamed by openpyxl) may be large; every part openpyxl parses
   whole (content types, workbook, relationships, styles, properties, theme, chartsheets)
   must be small;
3. streams the first worksheet and the shared strings through expat, keeping only counts:
   no DTD (so no entity bomb), the declared dimension, the row and column of every cell
   holding a value, cells per row and in all, and the length of every run of text.

Every refusal says what to do: copy the participants into a new workbook or save as CSV.
The limits and why: app.services.table_limits.
"""

from __future__ import annotations

import math
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.parsers import expat

from openpyxl.utils.cell import column_index_from_string, range_boundaries

from app.errors import ValidationError
from app.services.table_limits import Limits
from app.texts import Text

_SAVE_AGAIN_ID = (
    "Salin data peserta saja ke buku kerja baru (atau simpan sebagai CSV UTF-8), lalu impor "
    "berkas itu."
)
_SAVE_AGAIN_EN = (
    "Copy only the participants into a new workbook (or save as CSV UTF-8), then import that file."
)
NOT_XLSX = Text(
    "Berkas ini bukan XLSX yang utuh ({why}). Buka di Excel lalu simpan ulang sebagai XLSX "
    "atau CSV UTF-8.",
    "This file is not a complete XLSX ({why}). Open it in Excel and save it again as XLSX or "
    "CSV UTF-8.",
)
TOO_MANY_PARTS = Text(
    f"Berkas XLSX ini berisi {{parts}} bagian; paling banyak {{limit}}. {_SAVE_AGAIN_ID}",
    f"This XLSX holds {{parts}} parts; at most {{limit}}. {_SAVE_AGAIN_EN}",
)
PART_TOO_BIG = Text(
    f"Berkas XLSX ini terlalu besar setelah dibuka ({{part}}: {{size}} MB, batas {{limit}} MB). "
    f"{_SAVE_AGAIN_ID}",
    f"This XLSX is too large once unpacked ({{part}}: {{size}} MB, limit {{limit}} MB). "
    f"{_SAVE_AGAIN_EN}",
)
UNPACKED_TOO_BIG = Text(
    f"Berkas XLSX ini terlalu besar setelah dibuka ({{size}} MB, batas {{limit}} MB). "
    f"{_SAVE_AGAIN_ID}",
    f"This XLSX is too large once unpacked ({{size}} MB, limit {{limit}} MB). {_SAVE_AGAIN_EN}",
)
DIMENSION_TOO_BIG = Text(
    f"Lembar kerja menyatakan ukuran {{ref}}, melebihi batas {{rows}} baris × {{columns}} "
    f"kolom (biasanya karena format sel yang diterapkan ke seluruh lembar). {_SAVE_AGAIN_ID}",
    f"The worksheet declares a size of {{ref}}, beyond the limit of {{rows}} rows × "
    f"{{columns}} columns (usually formatting applied to the whole sheet). {_SAVE_AGAIN_EN}",
)
TOO_MANY_ROWS = Text(
    "Berkas berisi data sampai baris {row}; paling banyak {limit} baris (termasuk judul) per "
    "impor. Bagi data menjadi beberapa berkas, lalu impor satu per satu.",
    "The file holds data down to row {row}; at most {limit} rows (header included) per "
    "import. Split the data into several files and import them one by one.",
)
TOO_MANY_COLUMNS = Text(
    "Berkas berisi data di kolom ke-{column}; paling banyak {limit} kolom. Hapus kolom yang "
    "tidak perlu, atau salin data peserta saja ke buku kerja baru.",
    "The file holds data in column {column}; at most {limit} columns. Delete the columns not "
    "needed, or copy only the participants into a new workbook.",
)
TOO_MANY_CELLS = Text(
    f"Berkas XLSX berisi lebih dari {{limit}} sel ({{part}}). {_SAVE_AGAIN_ID}",
    f"The XLSX holds more than {{limit}} cells ({{part}}). {_SAVE_AGAIN_EN}",
)
TEXT_TOO_LONG = Text(
    f"Berkas XLSX berisi teks lebih dari {{limit}} karakter di satu tempat ({{part}}), lebih "
    f"dari yang muat di satu sel Excel. {_SAVE_AGAIN_ID}",
    f"The XLSX holds more than {{limit}} characters of text in one place ({{part}}), more than "
    f"one Excel cell holds. {_SAVE_AGAIN_EN}",
)
NO_SHEET = Text("Berkas XLSX ini tidak berisi lembar kerja.", "This XLSX contains no worksheet.")

_MB = 1024 * 1024


def _mb(size: int) -> str:
    """Whole megabytes, rounded up: the same in both languages."""
    return str(math.ceil(size / _MB))


def declared_entries(path: Path) -> int | None:
    """Entries the zip's end record declares, read before zipfile builds one object per entry
    (400,000 empty entries fit in 35 MB and cost zipfile 220 MB). Uses zipfile's own reader
    of that record, so both agree; None if this Python lacks it (then the count is checked
    after opening, within the file-size limit)."""
    end_record = getattr(zipfile, "_EndRecData", None)
    if end_record is None:
        return None
    with path.open("rb") as fh:
        record = end_record(fh)
    return None if record is None else int(record[4])


class _Scan:
    """Streams one XML part through expat keeping only counts (constant memory), and raises
    at the first rule broken. This base checks what every part must respect: no DTD (so no
    entity bomb), no run of text longer than one Excel cell holds, and a bounded number of
    cells (`_count`); the handlers run once per element, so they are kept lean."""

    def __init__(self, part: str, limits: Limits) -> None:
        self.part, self.limits = part, limits
        self.cells = self.run = 0
        parser = expat.ParserCreate()
        parser.buffer_text = True
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.text
        parser.StartDoctypeDeclHandler = self.doctype
        self.parser = parser

    def doctype(self, *_args: Any) -> None:
        raise ValidationError(NOT_XLSX, field="file", why=f"DTD in {self.part}")

    def text(self, data: str) -> None:
        self.run += len(data)
        if self.run > self.limits.xml_text_chars:
            raise ValidationError(
                TEXT_TOO_LONG, field="file", limit=self.limits.xml_text_chars, part=self.part
            )

    def end(self, _name: str) -> None:
        self.run = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        raise NotImplementedError

    def _count(self) -> None:
        self.cells += 1
        if self.cells > self.limits.cells:
            raise ValidationError(
                TOO_MANY_CELLS, field="file", limit=self.limits.cells, part=self.part
            )

    def run_over(self, archive: zipfile.ZipFile) -> None:
        try:
            with archive.open(self.part) as fh:
                while chunk := fh.read(1 << 16):
                    self.parser.Parse(chunk, False)
            self.parser.Parse(b"", True)
        except expat.ExpatError as exc:
            raise ValidationError(NOT_XLSX, field="file", why=f"{self.part}: {exc}") from exc
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise ValidationError(NOT_XLSX, field="file", why=short_reason(exc)) from exc


class _StringsScan(_Scan):
    """The shared-string table: each `<si>` is one string openpyxl will hold in memory."""

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.run = 0
        if name == "si" or name.endswith(":si"):
            self._count()


class _SheetScan(_Scan):
    """The first worksheet: its declared dimension, the row and column of every cell that
    holds a value (`<v>` or an inline string), cells per row and in all (formatted empty
    cells count there, not for the row and column limits). Rows are numbered as openpyxl's
    read-only reader numbers them: by the row's `r`, or one after the previous row."""

    def __init__(self, part: str, limits: Limits) -> None:
        super().__init__(part, limits)
        self.in_row = self.row = self.column = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.run = 0
        if ":" in name:
            name = name.rpartition(":")[2]
        if name == "v" or name == "is":
            if self.row > self.limits.rows or self.column > self.limits.columns:
                self._refuse_place()
        elif name == "c":
            self._count()
            self.in_row += 1
            if self.in_row > self.limits.cells_in_row:
                why = f"row {self.row}: more than {self.limits.cells_in_row} cells"
                raise ValidationError(NOT_XLSX, field="file", why=why)
            ref = attrs.get("r")
            self.column = self.column + 1 if ref is None else self._column(ref)
        elif name == "row":
            row = attrs.get("r")
            self.row = self.row + 1 if row is None else self._row(row)
            self.in_row = self.column = 0
        elif name == "dimension":
            self._dimension(attrs.get("ref", "A1"))

    def _row(self, text: str) -> int:
        """A row's number, as openpyxl's reader numbers the rows it yields."""
        try:
            number = float(text)  # some writers put "5.0"; openpyxl accepts it too
        except ValueError:
            number = 0.5  # not a number at all
        if not number.is_integer():
            raise ValidationError(NOT_XLSX, field="file", why=f"row {text[:20]!r}")
        return int(number)

    def _column(self, ref: str) -> int:
        """The column of a cell reference such as `XFD1048576` (its row is the row's)."""
        try:
            return int(column_index_from_string(ref.rstrip("0123456789")))
        except ValueError:
            raise ValidationError(NOT_XLSX, field="file", why=f"cell {ref[:20]!r}") from None

    def _refuse_place(self) -> None:
        if self.row > self.limits.rows:
            raise ValidationError(TOO_MANY_ROWS, field="file", row=self.row, limit=self.limits.rows)
        raise ValidationError(
            TOO_MANY_COLUMNS, field="file", column=self.column, limit=self.limits.columns
        )

    def _dimension(self, ref: str) -> None:
        try:
            _c1, _r1, max_col, max_row = range_boundaries(ref.upper())
        except Exception:  # a bad reference: openpyxl ignores it, and so do we
            return
        if (max_row or 0) > self.limits.rows or (max_col or 0) > self.limits.columns:
            raise ValidationError(
                DIMENSION_TOO_BIG,
                field="file",
                ref=ref[:30],
                rows=self.limits.rows,
                columns=self.limits.columns,
            )


def _too_big(part: str, size: int, limit: int) -> ValidationError:
    return ValidationError(PART_TOO_BIG, field="file", part=part, size=_mb(size), limit=_mb(limit))


def _first_sheet(reader: Any) -> tuple[str | None, set[str]]:
    """The part openpyxl will read as `worksheets[0]` (same order and filter as its
    ExcelReader.read_worksheets), and the chartsheets, which it parses whole."""
    first: str | None = None
    charts: set[str] = set()
    for _sheet, rel in reader.parser.find_sheets():
        target = str(rel.target)
        if target not in reader.valid_files:
            continue
        if "chartsheet" in str(rel.Type):
            charts.add(target)
        elif first is None:
            first = target
    return first, charts


def short_reason(exc: BaseException) -> str:
    """openpyxl's reason, short and on one line (it may name the path over several)."""
    lines = str(exc).strip().splitlines()
    return lines[0][:200] if lines else type(exc).__name__


def _check_sizes(infos: list[zipfile.ZipInfo], limits: Limits) -> dict[str, int]:
    """Refuses too many parts, too much in all, or any part larger than a sheet may be;
    returns the parts larger than `other_part_bytes` (name -> unpacked size)."""
    if len(infos) > limits.xlsx_parts:
        raise ValidationError(
            TOO_MANY_PARTS, field="file", parts=len(infos), limit=limits.xlsx_parts
        )
    total = sum(i.file_size for i in infos)
    if total > limits.xlsx_unpacked_bytes:
        raise ValidationError(
            UNPACKED_TOO_BIG,
            field="file",
            size=_mb(total),
            limit=_mb(limits.xlsx_unpacked_bytes),
        )
    big = {i.filename: i.file_size for i in infos if i.file_size > limits.other_part_bytes}
    for name, size in big.items():
        if size > limits.sheet_xml_bytes:
            raise _too_big(name, size, limits.sheet_xml_bytes)
    return big


def _workbook_part(reader: Any) -> str:
    """Where the workbook part is, found with openpyxl's own lookup (a private function:
    if a later openpyxl drops it, the standard place is assumed)."""
    try:
        from openpyxl.reader.excel import _find_workbook_part
    except ImportError:
        return "xl/workbook.xml"
    return str(_find_workbook_part(reader.package).PartName[1:])


def _streamed_parts(reader: Any, big: dict[str, int], limits: Limits) -> tuple[str, str | None]:
    """The first worksheet and the shared strings, found the way openpyxl finds them; every
    part openpyxl parses whole on the way must be small, and only these two may be large."""
    from openpyxl.packaging.relationship import get_rels_path
    from openpyxl.xml.constants import (
        ARC_CONTENT_TYPES,
        ARC_CORE,
        ARC_CUSTOM,
        ARC_STYLE,
        ARC_THEME,
        SHARED_STRINGS,
    )

    whole = {ARC_CONTENT_TYPES, ARC_STYLE, ARC_CORE, ARC_CUSTOM, ARC_THEME}
    _refuse_big(big, whole | {name for name in big if name.endswith(".rels")}, limits)
    try:
        reader.read_manifest()
        workbook = _workbook_part(reader)
        _refuse_big(big, {workbook, get_rels_path(workbook)}, limits)
        reader.read_workbook()
        sheet, charts = _first_sheet(reader)
        found = reader.package.find(SHARED_STRINGS)
    except ValidationError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged package
        raise ValidationError(NOT_XLSX, field="file", why=short_reason(exc)) from exc
    strings = None if found is None else str(found.PartName[1:])
    if sheet is None:
        raise ValidationError(NO_SHEET, field="file")
    if sheet == strings:
        raise ValidationError(NOT_XLSX, field="file", why=f"{sheet} is sheet and strings")
    _refuse_big(big, charts | (set(big) - {sheet, strings}), limits)
    if strings is not None and big.get(strings, 0) > limits.shared_strings_xml_bytes:
        raise _too_big(strings, big[strings], limits.shared_strings_xml_bytes)
    return sheet, strings if strings in reader.valid_files else None


def open_checked(path: Path, limits: Limits) -> Any:
    """The workbook (openpyxl, read-only, values only) once every check above has passed.
    The caller closes it."""
    from openpyxl.reader.excel import ExcelReader

    entries = declared_entries(path)
    if entries is not None and entries > limits.xlsx_parts:
        raise ValidationError(TOO_MANY_PARTS, field="file", parts=entries, limit=limits.xlsx_parts)
    try:
        reader = ExcelReader(str(path), read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # not a zip, or a zip openpyxl refuses
        raise ValidationError(NOT_XLSX, field="file", why=short_reason(exc)) from exc
    archive: zipfile.ZipFile = reader.archive
    try:
        big = _check_sizes(archive.infolist(), limits)
        sheet, strings = _streamed_parts(reader, big, limits)
        if strings is not None:
            _StringsScan(strings, limits).run_over(archive)
        _SheetScan(sheet, limits).run_over(archive)
        try:
            reader.read()
        except Exception as exc:
            raise ValidationError(NOT_XLSX, field="file", why=short_reason(exc)) from exc
        return reader.wb
    except BaseException:
        archive.close()
        raise


def _refuse_big(big: dict[str, int], names: Iterable[str | None], limits: Limits) -> None:
    """Parts openpyxl parses whole must stay within the small limit."""
    for name in sorted(n for n in names if n is not None and n in big):
        raise _too_big(name, big[name], limits.other_part_bytes)
