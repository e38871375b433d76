"""How large a CSV or XLSX from a user may be before the import refuses it, and why.

The programme targets 20,000 participants per office. An office file of 20,000 rows by about
30 columns must pass with room to spare; a file far beyond that is a mistake (a sheet with
a million formatted rows) or an attack, and must be refused before it is read, not by
running out of memory. Two such files were seen: an XLSX of 1.7 KB with one cell at
XFD1048576 (openpyxl's read-only reader fills every empty row and column up to the sheet's
dimension), and 1 MB of XLSX holding 1 GB of spaces (1.1 GB of memory).

Measured for the legitimate case: 20,000 rows x 30 columns of 10–45 characters, saved by
openpyxl, is a 2.9 MB XLSX whose sheet XML unpacks to 51 MB (inline strings; Excel's shared
strings make the sheet smaller and add a string table of similar size), about 600,000 cells.

`Limits` bundles them so a test can check a rule at its boundary with small numbers; the
program always uses `LIMITS`.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_FILE_BYTES = 32 * 1024 * 1024
"""Size of the file on disk (CSV or XLSX). The legitimate XLSX above is 2.9 MB and its CSV
about 20 MB; the whole file is read into memory (and hashed), so it must be bounded."""

MAX_ROWS = 50_000
"""Last row that may hold data, header included, as the spreadsheet numbers it: 2.5 times
the programme's 20,000 participants. A larger office list is split into several files."""

MAX_COLUMNS = 100
"""Last column (CV) that may hold data: the import knows 30 columns; an office file with
its own extras stays well below 100."""

MAX_CELLS = 2_000_000
"""Cells in the sheet (XLSX: every `<c>` element, even an empty formatted one; CSV: values):
20,000 x 30 = 600,000, so more than three times that passes."""

MAX_XLSX_PARTS = 1_000
"""Entries in the XLSX zip. A workbook has 10–50 parts; zipfile builds one object per entry
before anything can be checked (400,000 empty entries fit in 35 MB and cost 220 MB)."""

MAX_XLSX_UNPACKED_BYTES = 320 * 1024 * 1024
"""All parts of the XLSX together, unpacked (zip bombs): the sheet and shared-string limits
below, plus the rest."""

MAX_SHEET_XML_BYTES = 200 * 1024 * 1024
"""One worksheet part, unpacked: four times the 51 MB of the legitimate sheet. Parsed as a
stream, so this bounds time; the memory is bounded by the element rules below."""

MAX_SHARED_STRINGS_XML_BYTES = 100 * 1024 * 1024
"""The shared-string table, unpacked. openpyxl holds all of it in memory, so it is bounded
more tightly than the streamed sheet."""

MAX_OTHER_PART_BYTES = 4 * 1024 * 1024
"""Any other part (styles, workbook, properties, images...), unpacked. openpyxl parses some
of them whole into a tree; the styles of a heavily formatted workbook are a few hundred KB."""

MAX_XML_TEXT_CHARS = 32_767
"""Text between two tags of the sheet or the string table: Excel's own maximum for one
cell, so no file Excel wrote has more, while a whitespace bomb has billions."""

MAX_CELLS_IN_ROW = 16_384
"""`<c>` elements in one row: Excel's column count (XFD). openpyxl holds a row in memory
while it reads it, so a crafted row of millions of cells is refused first."""

MAX_CSV_RECORD_CHARS = 131_072
"""Characters in one CSV record (one spreadsheet row, possibly over several lines), which is
also Python's csv field limit. A real row is 1–2 KB; more means a quote that was opened and
never closed, which swallows the rest of the file into one cell."""


@dataclass(frozen=True)
class Limits:
    """The limits above, together (see the module docstring)."""

    file_bytes: int = MAX_FILE_BYTES
    rows: int = MAX_ROWS
    columns: int = MAX_COLUMNS
    cells: int = MAX_CELLS
    xlsx_parts: int = MAX_XLSX_PARTS
    xlsx_unpacked_bytes: int = MAX_XLSX_UNPACKED_BYTES
    sheet_xml_bytes: int = MAX_SHEET_XML_BYTES
    shared_strings_xml_bytes: int = MAX_SHARED_STRINGS_XML_BYTES
    other_part_bytes: int = MAX_OTHER_PART_BYTES
    xml_text_chars: int = MAX_XML_TEXT_CHARS
    cells_in_row: int = MAX_CELLS_IN_ROW
    csv_record_chars: int = MAX_CSV_RECORD_CHARS


LIMITS = Limits()
