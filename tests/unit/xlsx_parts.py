"""Writing XLSX files part by part with zipfile, for the hostile files openpyxl cannot make
(a cell at XFD1048576, a sheet of a gigabyte of spaces, a DTD, thousands of parts)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl.utils.cell import get_column_letter

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{CT}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{CT}.worksheet+xml"/>'
    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{CT}.sharedStrings+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats.org'
    '/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
    '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="{REL}/worksheet"/>'
    f'<Relationship Id="rId2" Target="sharedStrings.xml" Type="{REL}/sharedStrings"/>'
    "</Relationships>"
)


def _openpyxl_styles() -> str:
    """A complete styles part, as openpyxl writes it (for tests that size that part)."""
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    with zipfile.ZipFile(buffer) as zf:
        return zf.read("xl/styles.xml").decode("utf-8")


STYLES = _openpyxl_styles()


def cell(ref: str, value: str | int) -> str:
    """An inline-string cell, or a number cell for an int."""
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def rows_xml(rows: Iterable[list[str | int]], first_row: int = 1) -> Iterator[str]:
    for r, values in enumerate(rows, start=first_row):
        cells = "".join(cell(f"{get_column_letter(c)}{r}", v) for c, v in enumerate(values, 1))
        yield f'<row r="{r}">{cells}</row>'


def sheet_xml(body: str, dimension: str | None = None) -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{dim}'
        f"<sheetData>{body}</sheetData></worksheet>"
    )


def write_xlsx(
    path: Path,
    sheet: str | Iterable[bytes],
    shared_strings: str | None = None,
    extra: dict[str, bytes] | None = None,
    workbook: str = WORKBOOK,
) -> Path:
    """A minimal workbook whose first sheet is `sheet` (text, or chunks of bytes streamed
    into the zip so a huge part never sits in memory)."""
    strings = shared_strings or f'<sst xmlns="{MAIN}" count="0" uniqueCount="0"/>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("xl/workbook.xml", workbook)
        zf.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        zf.writestr("xl/sharedStrings.xml", strings)
        if isinstance(sheet, str):
            zf.writestr("xl/worksheets/sheet1.xml", sheet)
        else:
            with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
                for chunk in sheet:
                    fh.write(chunk)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return path


def table_xlsx(path: Path, rows: list[list[str | int]], dimension: str | None = None) -> Path:
    return write_xlsx(path, sheet_xml("".join(rows_xml(rows)), dimension))
