"""Writing cells of a report workbook (openpyxl) that stay what they are.

A text cell is always text: openpyxl would make a string starting with "=" a formula, and
a name or an employer typed by a user must never run in the branch head's Excel. Numbers
stay numbers so the sheet can be summed.
"""

from __future__ import annotations

from typing import Any

from app.domain.safe_text import xml_text

MONEY_FORMAT = "#,##0"


def text_cell(sheet: Any, row: int, column: int, value: object, bold: bool = False) -> None:
    from openpyxl.styles import Font

    text = "" if value is None else str(value)
    if not text:
        return
    cell = sheet.cell(row=row, column=column)
    cell.value = xml_text(text)
    cell.data_type = "s"  # openpyxl makes a str starting with "=" a formula
    if bold:
        cell.font = Font(bold=True)


def number_cell(
    sheet: Any, row: int, column: int, value: int, bold: bool = False, fmt: str = MONEY_FORMAT
) -> None:
    from openpyxl.styles import Font

    cell = sheet.cell(row=row, column=column, value=int(value))
    cell.number_format = fmt
    if bold:
        cell.font = Font(bold=True)
