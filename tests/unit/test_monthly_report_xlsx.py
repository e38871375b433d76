"""The monthly report's workbook (issue #14 item 2) read back with openpyxl: one sheet per
table of `report_tables.tables`, in order, named as the table says (within Excel's 31
characters); each sheet's heading, its header row (bold, panes frozen under it), every
figure of every row and of the total with its type (counts and rupiah as int, a rate as
the float of its fraction shown "0%", a day as a date), the note; text never a formula.

The demo office is made once for the module on the test clock (Monday 2 November 2026);
each test reads a copy. The empty month is an office set up with nothing in it.
"""

# ruff: noqa: F811 - the fixtures imported from report_support are used by name

from __future__ import annotations

import zipfile
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app.services.monthly_report import monthly_report
from app.services.report_tables import ReportTable, tables
from app.services.report_views import MonthlyReport
from app.services.report_xlsx import HEADER_ROW, sheet_name, write_monthly_report_xlsx
from tests.unit.helpers import execute, rows
from tests.unit.report_support import DEMO_CLOCK, _built, demo  # noqa: F401

CURRENT, PREVIOUS = date(2026, 11, 1), date(2026, 10, 1)
FORMULA = '=HYPERLINK("http://x")'
MARKUP = "<b>&amp;"
NO_ROWS = "Tidak ada data pada bulan ini."


def _book(report: MonthlyReport, tmp_path: Path) -> tuple[Path, Any]:
    # written under the name report_files gives it (not ending in .xlsx), then renamed
    part = tmp_path / "laporan.xlsx.part"
    write_monthly_report_xlsx(report, part)
    out = part.replace(tmp_path / "laporan.xlsx")
    return out, openpyxl.load_workbook(out)


def _same(cell: Any, value: object, where: str) -> None:
    """`cell` holds `value` as what it is."""
    if value is None:
        assert cell.value is None, where
    elif isinstance(value, bool) or not isinstance(value, int | Fraction | date | str):
        raise AssertionError(f"unexpected cell {value!r} at {where}")
    elif isinstance(value, int):
        assert type(cell.value) is int and cell.value == value, where
        assert cell.data_type == "n" and cell.number_format == "#,##0", where
    elif isinstance(value, Fraction):  # 100% reads back as the int 1
        assert isinstance(cell.value, int | float) and cell.data_type == "n", where
        assert cell.value == pytest.approx(float(value)), where
        assert cell.number_format == "0%", where
    elif isinstance(value, date):
        assert cell.is_date and cell.value.date() == value, where
        assert cell.number_format == "dd/mm/yyyy", where
    else:
        assert cell.data_type == "s" and cell.value == value, where


def _check_sheet(sheet: Any, table: ReportTable) -> None:
    header = [c.value for c in sheet[HEADER_ROW]][: len(table.columns)]
    assert header == [c.title for c in table.columns], table.key
    assert all(c.font.b for c in sheet[HEADER_ROW] if c.value), table.key
    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
    assert sheet.cell(row=HEADER_ROW - 2, column=1).value == table.title
    r = HEADER_ROW
    for r, line in enumerate(table.rows, start=HEADER_ROW + 1):
        for j, value in enumerate(line, start=1):
            _same(sheet.cell(row=r, column=j), value, f"{table.key} row {r} column {j}")
    if not table.rows:
        r += 1
        assert sheet.cell(row=r, column=1).value == NO_ROWS, table.key
    elif table.total:
        r += 1
        for j, value in enumerate(table.total, start=1):
            cell = sheet.cell(row=r, column=j)
            _same(cell, value, f"{table.key} total column {j}")
            assert value is None or cell.font.b, table.key
    assert sheet.cell(row=r + 2, column=1).value == table.note
    assert sheet.max_row == r + 2, table.key  # nothing else below
    assert sheet.max_column == len(table.columns), table.key


@pytest.mark.parametrize(
    ("month", "office", "name"),
    [(PREVIOUS, "JKT", "Oktober 2026"), (CURRENT, "JKT", "November 2026"),
     (PREVIOUS, None, "Oktober 2026")],
    ids=["previous", "current", "every-office"],
)  # fmt: skip
def test_one_sheet_per_table_with_the_same_figures(demo, tmp_path, month, office, name):
    report = monthly_report(demo, month, office)
    _path, book = _book(report, tmp_path)
    made = tables(report)
    assert book.sheetnames == [t.sheet for t in made]
    assert all(len(n) <= 31 for n in book.sheetnames)
    label = "DKI Jakarta (JKT)" if office else "Semua kantor"
    day = "31 Oktober 2026" if month == PREVIOUS else "2 November 2026 (bulan berjalan)"
    figures = 0
    for table, sheet in zip(made, book.worksheets, strict=True):
        assert sheet["A1"].value == "LAPORAN BULANAN PROGRAM PELATIHAN VOKASI"
        assert sheet["A1"].font.b
        assert sheet["A2"].value == f"Kantor: {label}"
        assert sheet["A3"].value == f"Bulan: {name}"
        assert sheet["A4"].value.startswith(f"Data s.d. {day} · Dibuat ")
        _check_sheet(sheet, table)
        figures += sum(isinstance(v, int | Fraction) for row in table.rows for v in row)
    assert figures >= 40  # the demo's months have figures in most tables


def test_counts_money_and_rates_are_numbers_a_branch_head_can_sum(demo, tmp_path):
    report = monthly_report(demo, PREVIOUS, "JKT")
    _path, book = _book(report, tmp_path)
    stipends = book["Uang saku"]
    amounts = [stipends.cell(row=r, column=4).value for r in range(HEADER_ROW + 1, HEADER_ROW + 5)]
    assert sum(amounts) == report.paid_amount > 0
    assert stipends.cell(row=HEADER_ROW + 5, column=4).value == report.paid_amount
    scores = book["Kinerja lembaga"]
    for r, card in enumerate(report.scorecards, start=HEADER_ROW + 1):
        assert scores.cell(row=r, column=1).value == card.name
        placement = scores.cell(row=r, column=9).value
        assert placement == (
            None if card.placement is None else pytest.approx(float(card.placement))
        )
    assert any(card.placement is None for card in report.scorecards)  # an empty cell, not 0
    summary = {
        book["Ringkasan"].cell(row=r, column=1).value: book["Ringkasan"].cell(row=r, column=2)
        for r in range(HEADER_ROW + 1, HEADER_ROW + 13)
    }
    assert summary["Jumlah dibayar"].value == report.paid_amount  # a number, not "Rp…"
    assert summary["Pembayaran (tanda terima)"].data_type == "n"
    assert summary["Kelulusan angkatan yang selesai"].number_format == "0%"


def test_names_typed_by_users_are_strings_never_formulas(demo, tmp_path):
    provider = rows(demo.path, "SELECT id FROM training_provider WHERE name = 'BLK Jakarta Timur'")
    execute(demo.path, "UPDATE training_provider SET name = ? WHERE id = ?", FORMULA,
            provider[0][0])  # fmt: skip
    execute(demo.path, "UPDATE training_module SET name = ? WHERE code = 'FORKLIFT'", MARKUP)
    report = monthly_report(demo, PREVIOUS, "JKT")
    path, book = _book(report, tmp_path)
    found = {FORMULA: 0, MARKUP: 0}
    for sheet in book.worksheets:
        for line in sheet.iter_rows():
            for cell in line:
                if cell.value in found:
                    assert cell.data_type == "s", (sheet.title, cell.coordinate)
                    found[cell.value] += 1
    assert found[FORMULA] >= 2 and found[MARKUP] >= 2, found  # completions, scorecards...
    with zipfile.ZipFile(path) as parts:
        sheets = [parts.read(p).decode() for p in parts.namelist() if p.startswith("xl/work")]
    assert not any("<f>" in xml or "<f " in xml for xml in sheets)
    assert any("&lt;b&gt;&amp;amp;" in xml for xml in sheets)


def test_an_empty_month_still_makes_a_whole_workbook(office, tmp_path):
    report = monthly_report(office, date(2025, 11, 1), "JKT")
    _path, book = _book(report, tmp_path)
    made = tables(report)
    assert book.sheetnames == [t.sheet for t in made]
    for table, sheet in zip(made, book.worksheets, strict=True):
        _check_sheet(sheet, table)
    empty = [t.sheet for t in made if not t.rows]
    assert len(empty) == 8
    assert all(book[n].cell(row=HEADER_ROW + 1, column=1).value == NO_ROWS for n in empty)
    stipends = book["Uang saku"]
    assert stipends.cell(row=HEADER_ROW + 1, column=4).value == 0  # a zero, not a blank


def test_sheet_names_are_what_excel_accepts():
    taken: set[str] = set()
    long = sheet_name("Hasil pemantauan per lembaga pelatihan kerja", taken)
    assert long == "Hasil pemantauan per lembaga pe" and len(long) == 31
    again = sheet_name("Hasil pemantauan per lembaga pelatihan kerja", taken)
    assert again == "Hasil pemantauan per lembag (2)" and len(again) == 31
    assert sheet_name("RINGKASAN", {"ringkasan"}) == "RINGKASAN (2)"
    assert sheet_name("Uang [saku]: 1/2?", taken) == "Uang -saku-- 1-2-"
    assert sheet_name("", taken) == "Sheet"


def test_columns_are_wide_enough_to_read(demo, tmp_path):
    report = monthly_report(demo, PREVIOUS, "JKT")
    _path, book = _book(report, tmp_path)
    for table, sheet in zip(tables(report), book.worksheets, strict=True):
        for j, column in enumerate(table.columns, start=1):
            width = sheet.column_dimensions[openpyxl.utils.get_column_letter(j)].width
            assert 8 <= width <= 48
            assert width >= min(48, len(column.title) + 2), (table.key, column.title)
