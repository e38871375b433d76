"""The monthly report as a workbook (issue #14): one sheet per table of
app.services.report_tables, in the PDF's order, for the branch head who sums, sorts and
pastes the figures into HQ's own sheets.

Each sheet opens with what it is (the report, the office, the month, the day the data runs
to, the table's title), then the header row (bold, the panes frozen under it so it stays
in view), the rows, the total (bold) and the table's note. A cell keeps its type: counts
and rupiah are numbers ("#,##0"), a rate is its fraction as a number shown "0%" (empty
when nothing is under it), a day a real date ("dd/mm/yyyy"). Text goes through
`xlsx_cells.text_cell`, so a provider named `=HYPERLINK(...)` stays a string in Excel.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from app import formats
from app.documents.monthly_report import (
    AS_OF,
    AUTHOR,
    RUNNING,
    RUNNING_MONTH,
    TITLE,
    made_at_text,
)
from app.documents.monthly_report_tables import NO_ROWS
from app.services.report_tables import (
    DAY,
    MONEY,
    NUMBER,
    PERCENT,
    TEXT,
    Cell,
    ReportTable,
    cell_text,
    tables,
)
from app.services.report_views import MonthlyReport
from app.services.xlsx_cells import MONEY_FORMAT, number_cell, text_cell
from app.texts import Text

OFFICE = Text("Kantor: {office}", "Office: {office}")
MONTH = Text("Bulan: {month}", "Month: {month}")
COUNT_FORMAT = "#,##0"
PERCENT_FORMAT = "0%"
DATE_FORMAT = "dd/mm/yyyy"
SHEET_LIMIT = 31  # characters in a sheet's name (Excel)
HEADER_ROW = 7  # rows 1-5 say what the sheet is, row 6 is blank
GREY = "5B6570"
HEAD_FILL = "E8EEF4"
MIN_WIDTH, MAX_WIDTH = 8, 48  # characters


def write_monthly_report_xlsx(report: MonthlyReport, out: Path, lang: str | None = None) -> None:
    """Write `report` as a workbook to `out` (app.services.report_files renames it into
    place once whole)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    month = formats.month_text(report.first_day, lang)
    heading = _heading(report, month, lang)
    names: set[str] = set()
    for table in tables(report, lang):
        sheet = book.create_sheet(sheet_name(table.sheet, names))
        _write(sheet, table, heading, lang)
    book.properties.title = f"{RUNNING.render(lang)} — {report.office_label} — {month}"
    book.properties.creator = AUTHOR
    book.save(out)


def sheet_name(wanted: str, taken: set[str]) -> str:
    """`wanted` as Excel accepts it: none of []:*?/\\, at most 31 characters, not a name
    already used (compared as Excel does, ignoring case)."""
    base = "".join("-" if c in "[]:*?/\\" else c for c in wanted).strip("'") or "Sheet"
    name, n = base[:SHEET_LIMIT], 1
    while name.casefold() in taken:
        n += 1
        suffix = f" ({n})"
        name = base[: SHEET_LIMIT - len(suffix)] + suffix
    taken.add(name.casefold())
    return name


def _heading(report: MonthlyReport, month: str, lang: str | None) -> tuple[str, ...]:
    as_of = AS_OF.render(lang, day=formats.long_date(report.as_of, lang))
    if report.as_of < report.last_day:
        as_of += RUNNING_MONTH.render(lang)
    made = made_at_text(report.made_at, report.office_code, lang)
    return (
        TITLE.render(lang),
        OFFICE.render(lang, office=report.office_label),
        MONTH.render(lang, month=month),
        f"{as_of} · {made}",
    )


def _write(sheet: Any, table: ReportTable, heading: tuple[str, ...], lang: str | None) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    for r, line in enumerate(heading, start=1):
        text_cell(sheet, r, 1, line, bold=r == 1)
    sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
    text_cell(sheet, len(heading) + 1, 1, table.title)
    sheet.cell(row=len(heading) + 1, column=1).font = Font(bold=True, size=11)
    fill = PatternFill("solid", fgColor=HEAD_FILL)
    kinds = [c.kind for c in table.columns]
    for j, column in enumerate(table.columns, start=1):
        text_cell(sheet, HEADER_ROW, j, column.title, bold=True)
        cell = sheet.cell(row=HEADER_ROW, column=j)
        cell.fill = fill
        cell.alignment = Alignment(horizontal="left" if column.kind == TEXT else "right")
    r = HEADER_ROW
    for n, row in enumerate(table.rows):
        r = HEADER_ROW + 1 + n
        for j, value in enumerate(row):
            _cell(sheet, r, j + 1, value, table.kind_at(n, j))
    if not table.rows:
        r += 1
        text_cell(sheet, r, 1, NO_ROWS.render(lang))
        sheet.cell(row=r, column=1).font = Font(italic=True, color=GREY)
    elif table.total:
        r += 1
        for j, (value, kind) in enumerate(zip(table.total, kinds, strict=True), start=1):
            _cell(sheet, r, j, value, kind, bold=True)
    if table.note:
        text_cell(sheet, r + 2, 1, table.note)
        sheet.cell(row=r + 2, column=1).font = Font(italic=True, color=GREY, size=9)
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)
    _widths(sheet, table, lang)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def _cell(sheet: Any, row: int, column: int, value: Cell, kind: str, bold: bool = False) -> None:
    """One figure as what it is: a number, a fraction shown as a percent, a date or text;
    an empty cell for None (a rate with nothing under it, a total's text column)."""
    from openpyxl.styles import Font

    if value is None:
        return
    if kind in (NUMBER, MONEY) and isinstance(value, int):
        number_cell(
            sheet, row, column, value, bold, MONEY_FORMAT if kind == MONEY else COUNT_FORMAT
        )
        return
    if kind == PERCENT and isinstance(value, Fraction):
        cell = sheet.cell(row=row, column=column, value=float(value))
        cell.number_format = PERCENT_FORMAT
    elif kind == DAY and isinstance(value, date):
        cell = sheet.cell(row=row, column=column, value=value)
        cell.number_format = DATE_FORMAT
    else:
        text_cell(sheet, row, column, value, bold)
        return
    if bold:
        cell.font = Font(bold=True)


def _widths(sheet: Any, table: ReportTable, lang: str | None) -> None:
    """Each column as wide as its header or its widest cell as shown, within reason (a
    very long name runs past its column rather than make the sheet a screen wide)."""
    from openpyxl.utils import get_column_letter

    lines = [*table.rows, *([table.total] if table.total else [])]
    for j, column in enumerate(table.columns):
        shown = [cell_text(line[j], column.kind, lang) for line in lines if line[j] is not None]
        longest = max((len(t) for t in shown), default=0)
        width = min(MAX_WIDTH, max(MIN_WIDTH, longest + 2, len(column.title) + 2))
        sheet.column_dimensions[get_column_letter(j + 1)].width = width
