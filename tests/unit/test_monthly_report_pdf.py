"""The monthly report's PDF (issue #14 item 2) read back with pypdf: every table's title, the
office, the month, each summary figure and each row's and total's figures as
`report_tables` formats them, the charts (their titles, legends and axes; a line instead
of an empty one), "Halaman n dari N", only embedded fonts, and names typed by users
printed literally.

The demo office is made once for the module on the test clock (Monday 2 November 2026), so
November is the running month (data up to the 2nd) and October the previous one; each test
reads a copy. The empty month is an office set up with nothing in it.
"""

# ruff: noqa: F811 - the fixtures imported from report_support are used by name

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.documents.monthly_report_charts import PERCENT, BarChart, Series
from app.documents.monthly_report_tables import WIDTH, DocTable, column_widths
from app.services.monthly_report import monthly_report
from app.services.report_pdf import charts, doc_table, write_monthly_report_pdf
from app.services.report_tables import TEXT, cell_text, tables
from app.services.report_views import MonthlyReport, Scorecard
from tests.unit.helpers import execute, rows
from tests.unit.report_support import DEMO_CLOCK, _built, demo  # noqa: F401

CURRENT, PREVIOUS = date(2026, 11, 1), date(2026, 10, 1)
FORMULA = '=HYPERLINK("http://x")'
MARKUP = "<b>&amp;"
NO_CHART = "Tidak ada data bulan ini"
NO_ROWS = "Tidak ada data pada bulan ini."
CHART_TITLE = re.compile(r"^Grafik \d+\. ")


def _pdf(report: MonthlyReport, tmp_path: Path, lang: str | None = None) -> Path:
    out = tmp_path / f"laporan-{report.first_day:%Y-%m}-{report.office_code or 'semua'}.pdf"
    write_monthly_report_pdf(report, out, lang)
    return out


def _pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def _lines(path: Path) -> list[str]:
    """Every line of text, trimmed: pypdf gives each table cell and chart label its own."""
    return [line.strip() for text in _pages(path) for line in text.splitlines() if line.strip()]


def _follows(lines: Sequence[str], run: Sequence[str]) -> bool:
    """`run` appears as consecutive lines."""
    n = len(run)
    return any(list(lines[i : i + n]) == list(run) for i in range(len(lines) - n + 1))


def _figures(line: tuple[Any, ...], kinds: list[str], lang: str | None = None) -> list[str]:
    """The printed text of a row's figures (the columns after its text columns)."""
    first = max(i for i, k in enumerate(kinds) if k == TEXT) + 1
    return [cell_text(v, k, lang) for v, k in zip(line[first:], kinds[first:], strict=True)
            if v is not None]  # fmt: skip


@pytest.mark.parametrize("month", [PREVIOUS, CURRENT], ids=["previous", "current"])
def test_every_title_and_figure_is_printed_as_the_tables_format_it(demo, tmp_path, month):
    report = monthly_report(demo, month, "JKT")
    lines = _lines(_pdf(report, tmp_path))
    text = "\n".join(lines)

    assert "LAPORAN BULANAN PROGRAM PELATIHAN VOKASI" in lines
    assert "BPJS Ketenagakerjaan — Kantor Cabang DKI Jakarta (JKT)" in lines
    assert {PREVIOUS: "Oktober 2026", CURRENT: "November 2026"}[month] in lines
    day = {PREVIOUS: "Data s.d. 31 Oktober 2026 ·",
           CURRENT: "Data s.d. 2 November 2026 (bulan berjalan) ·"}[month]  # fmt: skip
    assert day in text
    made = tables(report)
    assert len(made) == 10
    for table in made:
        assert table.title in lines, table.title
    summary, *rest = made
    assert len(summary.rows) == 12
    for n, (label, value) in enumerate(summary.rows):
        shown = cell_text(value, summary.kind_at(n, 1))
        assert _follows(lines, [label, shown]), (label, shown)
    checked = 0
    for table in rest:
        kinds = [c.kind for c in table.columns]
        for row in table.rows:
            assert _follows(lines, _figures(row, kinds)), (table.key, row)
            checked += 1
        if table.rows and table.total:
            total = [cell_text(v, k) for v, k in zip(table.total, kinds, strict=True)
                     if v is not None]  # fmt: skip
            assert total[0] == "Jumlah"
            assert _follows(lines, total), (table.key, total)
    assert checked >= 15  # the demo's month has rows in most tables


def test_the_summary_says_what_the_month_holds(demo, tmp_path):
    """The figures themselves, so a change in `tables` cannot pass unseen."""
    report = monthly_report(demo, PREVIOUS, "JKT")
    lines = _lines(_pdf(report, tmp_path))
    paid = sum(s.amount for s in report.stipends)
    assert paid > 0
    assert _follows(lines, ["Jumlah dibayar", f"Rp{paid:,}".replace(",", ".")])
    assert _follows(lines, ["Pembayaran (tanda terima)", str(report.paid_count)])
    assert _follows(lines, ["Angkatan selesai", str(len(report.completions))])


def test_every_page_is_numbered_and_the_file_says_what_it_is(demo, tmp_path):
    report = monthly_report(demo, PREVIOUS, "JKT")
    path = _pdf(report, tmp_path)
    pages = _pages(path)
    assert len(pages) >= 2
    for n, text in enumerate(pages, start=1):
        assert f"Halaman {n} dari {len(pages)}" in text
    meta = PdfReader(path).metadata
    assert meta is not None
    title = "Laporan Bulanan Program Pelatihan Vokasi — DKI Jakarta (JKT) — Oktober 2026"
    assert meta.title == title
    assert meta.author == "Loket Vokasi"
    last = _lines(path)
    assert "Dibuat oleh," in last
    assert _follows(last, ["Mengetahui,", "Kepala Kantor Cabang"])


def test_the_charts_are_drawn_with_their_legends_and_axes(demo, tmp_path):
    report = monthly_report(demo, PREVIOUS, "JKT")
    made = charts(report)
    assert [c.key for c in made] == ["stipends", "outcomes", "scorecards"]
    assert not any(c.empty for c in made)
    lines = _lines(_pdf(report, tmp_path))
    titles = [line for line in lines if CHART_TITLE.match(line)]
    assert titles == [f"Grafik {n}. {c.title}" for n, c in enumerate(made, start=1)]
    assert NO_CHART not in lines
    for chart in made:
        assert chart.axis_title in lines, chart.key
        for series in chart.series:
            assert series.name in lines, (chart.key, series.name)
    for category in ("Bulan ke-1", "Bulan ke-3", "Bulan ke-6", "Juta rupiah", "Persen", "Orang"):
        assert category in lines
    # each amount paid stands in the table and beside its bar
    for stipend in report.stipends:
        if stipend.amount:
            assert lines.count(cell_text(stipend.amount, "money")) >= 2


def test_the_charts_hold_the_reports_figures(demo):
    report = monthly_report(demo, PREVIOUS, "JKT")
    stipends, outcomes, scores = charts(report)
    assert sum(v or 0 for s in stipends.series for v in s.values) == report.paid_amount
    assert [s.name for s in stipends.series] == ["Tunai", "Transfer bank"]
    assert stipends.categories == ("Uang transport", "Uang saku")
    reached = {m: 0 for m in (1, 3, 6)}
    for row in report.outcomes_by_module:
        reached[row.milestone] += row.rate.reached + row.rate.unreachable + row.rate.open
    drawn = [sum(s.values[i] or 0 for s in outcomes.series) for i in range(3)]
    assert drawn == [reached[1], reached[3], reached[6]]
    assert outcomes.stacked and outcomes.categories == ("Bulan ke-1", "Bulan ke-3", "Bulan ke-6")
    assert scores.categories == tuple(s.name for s in report.scorecards)
    completion, attendance, placement = scores.series
    for i, card in enumerate(report.scorecards):
        for series, rate in ((completion, card.completion), (attendance, card.attendance),
                             (placement, card.placement)):  # fmt: skip
            assert series.values[i] == (None if rate is None else float(rate * 100))


def test_the_report_of_every_office_charts_registrations_by_office(demo, tmp_path):
    report = monthly_report(demo, CURRENT, None)
    made = charts(report)
    assert [c.key for c in made] == ["stipends", "outcomes", "scorecards", "registrations"]
    offices = made[-1]
    assert offices.categories == tuple(r.label for r in report.registrations)
    assert sum(v or 0 for s in offices.series for v in s.values) == report.registered
    lines = _lines(_pdf(report, tmp_path))
    assert "BPJS Ketenagakerjaan — Semua kantor" in lines
    assert len([line for line in lines if CHART_TITLE.match(line)]) == 4
    assert lines.count(NO_CHART) == sum(c.empty for c in made)
    for row in report.registrations:
        assert row.label in lines


def test_an_empty_month_still_makes_a_whole_report(office, tmp_path):
    """An office set up a year ago with nothing in it: every chart and every table but the
    summary and the stipends' fixed lines says there is nothing."""
    report = monthly_report(office, date(2025, 11, 1), "JKT")
    assert not report.registrations and not report.scorecards and not report.paid_amount
    path = _pdf(report, tmp_path)
    assert len(PdfReader(path).pages) >= 1
    lines = _lines(path)
    assert lines.count(NO_CHART) == 3
    made = tables(report)
    empty = [t for t in made if not t.rows]
    assert len(empty) == 8
    assert lines.count(NO_ROWS) == len(empty)
    for table in made:
        assert table.title in lines
    assert _follows(lines, ["Jumlah dibayar", "Rp0"])
    assert _follows(lines, ["Kelulusan angkatan yang selesai", "–"])


def test_names_typed_by_users_print_literally(demo, tmp_path):
    """A provider named like a formula and a module named like markup, as a pull from the
    server could write them: the PDF prints the characters, in the tables and the chart."""
    provider = rows(demo.path, "SELECT id FROM training_provider WHERE name = 'BLK Jakarta Timur'")
    execute(demo.path, "UPDATE training_provider SET name = ? WHERE id = ?", FORMULA,
            provider[0][0])  # fmt: skip
    execute(demo.path, "UPDATE training_module SET name = ? WHERE code = 'FORKLIFT'", MARKUP)
    report = monthly_report(demo, PREVIOUS, "JKT")
    assert FORMULA in [s.name for s in report.scorecards]
    assert MARKUP in [r.label for r in report.completions + report.enrolments]
    text = "\n".join(_pages(_pdf(report, tmp_path)))
    assert text.count(FORMULA) >= 3  # completions, scorecards and the scorecard chart
    assert text.count(MARKUP) >= 2
    assert "&lt;" not in text and "&amp;amp;" not in text


def test_a_long_name_wraps_inside_the_page_and_figures_keep_their_width():
    name = "Lembaga Pelatihan Kerja " * 8
    table = DocTable(
        "scorecards", "Kinerja", ("Lembaga", *(f"Kolom {n}" for n in range(8))),
        (False, *([True] * 8)), ((name, "12", "1.234", "100%", "Rp10.900.000", "–", "1", "2",
                                 "3"),), None, "",
    )  # fmt: skip
    widths = column_widths(table)  # before any PDF of this process registered the fonts
    assert sum(widths) == pytest.approx(WIDTH)
    assert WIDTH / 3 < widths[0] < WIDTH / 2  # the name takes the room the figures leave
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.documents.fonts import REGULAR

    assert widths[4] > stringWidth("Rp10.900.000", REGULAR, 7.5) + 5  # never broken
    assert widths[1] > stringWidth("Kolom", REGULAR, 7.5)
    unbroken = replace(table, rows=((("x" * 400), *table.rows[0][1:]),))
    assert sum(column_widths(unbroken)) == pytest.approx(WIDTH)


def test_many_providers_and_long_names_still_fit(demo, tmp_path):
    report = monthly_report(demo, PREVIOUS, "JKT")
    cards = tuple(
        Scorecard(f"p{n}", f"{MARKUP} Lembaga Pelatihan Kerja Nomor {n} " + "Sejahtera " * 6,
                  n % 3, 10, 5, 0, n, 20, 4, n % 5)
        for n in range(30)
    )  # fmt: skip
    big = replace(report, scorecards=cards)
    chart = charts(big)[2]
    assert len(chart.categories) == 12
    assert "Menampilkan 12 dari 30 lembaga" in chart.note
    text = "\n".join(_pages(_pdf(big, tmp_path)))
    assert "Menampilkan 12 dari 30 lembaga" in text
    assert "Nomor 29" in text  # the table lists every one


def test_a_chart_of_zeros_or_unknown_rates_is_empty_but_a_zero_rate_is_not():
    def chart(unit: str, *values: float | None) -> BarChart:
        labels = tuple(str(v) for v in values)
        return BarChart("k", "t", tuple("abc"[: len(values)]),
                        (Series("s", values, labels, "#000000"),), unit, "")  # fmt: skip

    assert chart("money", 0, 0).empty
    assert chart(PERCENT, None, None).empty
    assert not chart(PERCENT, 0.0, None).empty
    assert not chart("count", 0, 3).empty
    assert BarChart("k", "t", (), (), "count", "").empty


def test_summary_values_and_figures_are_right_aligned(demo):
    report = monthly_report(demo, PREVIOUS, "JKT")
    summary, registrations, *_ = (doc_table(t) for t in tables(report))
    assert summary.right == (False, True)
    assert registrations.right == (False, True, True, True, True, True)
    attendance = doc_table(tables(report)[3])
    assert attendance.total is not None and attendance.total[1] == ""  # blank, not "–"
    assert cell_text(Fraction(1, 8), "percent") == "13%"


def test_only_embedded_fonts(demo, tmp_path):
    path = _pdf(monthly_report(demo, PREVIOUS, None), tmp_path)
    fonts = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object().get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            fonts.add((str(font.get_object()["/BaseFont"]), embedded))
    assert fonts and all(embedded and "DejaVuSans" in name for name, embedded in fonts), fonts


def test_in_english(demo, tmp_path):
    report = monthly_report(demo, PREVIOUS, "JKT", lang="en")
    path = _pdf(report, tmp_path, "en")
    lines = _lines(path)
    assert "MONTHLY VOCATIONAL TRAINING REPORT" in lines
    assert "October 2026" in lines
    assert any(line.startswith("Chart 1. ") for line in lines)
    assert "Page 1 of" in _pages(path)[0]
    for table in tables(report, "en"):
        assert table.title in lines
