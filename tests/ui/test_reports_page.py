"""The Laporan page with real widgets on a real office (issue #14 item 2): it shows the
month's figures as the service counts them, with the two charts; a table chosen shows its
rows and total; a change saved elsewhere recounts the page; the PDF and the workbook are
written and the export recorded; a wrong file name is refused in Indonesian and nothing is
written; and only a supervisor or an admin has the page.

The office is the one of tests/ui/test_followups_page.py: a welding cohort of 7-8/12/2026
(Budi and Siti passed, Agus failed, Dewi withdrew), finished on the 9th; the clock stands
on Wednesday 6/1/2027.
"""

# ruff: noqa: F811 - the fixtures imported from another test module are used by name

from __future__ import annotations

from datetime import date
from typing import Any

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services.monthly_report import monthly_report
from app.ui import tasks
from tests.ui.helpers import wait_for_box
from tests.ui.test_followups_page import TODAY, finished, staffed  # noqa: F401 - fixtures
from tests.unit.helpers import count

DECEMBER = date(2026, 12, 1)


def _settle(qtbot: Any) -> None:
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=30_000)
    QApplication.processEvents()


def _page(qtbot: Any, ctx: Any, actor: Any) -> Any:
    from app.ui.pages.reports import ReportsPage

    page = ReportsPage(ctx, actor)
    qtbot.addWidget(page)
    page.resize(1136, 660)
    page.show()
    qtbot.waitUntil(lambda: page.report is not None, timeout=30_000)
    _settle(qtbot)
    return page


def _month(qtbot: Any, page: Any, first: date) -> None:
    page.choose_month(first)
    qtbot.waitUntil(lambda: page.report is not None and page.report.first_day == first)
    _settle(qtbot)


def _shown(view: Any) -> list[list[str]]:
    model = view.view.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _summary(page: Any) -> dict[str, str]:
    return {label: value for label, value in _shown(page.summary_table)}


def test_the_page_shows_the_months_figures_and_its_charts(qtbot, ctx, finished):
    page = _page(qtbot, ctx, finished.actors["supervisor"])
    assert page.report.first_day == date(2027, 1, 1)  # the running month first
    assert page.month.currentText() == "Januari 2027 (s.d. hari ini)"
    _month(qtbot, page, DECEMBER)
    counted = monthly_report(finished.db, DECEMBER, "JKT", today=TODAY)
    summary = _summary(page)
    assert summary["Angkatan selesai"] == "1" == str(len(counted.completions))
    assert summary["Kelulusan angkatan yang selesai"] == "67%"  # 2 of the 3 who stayed
    assert summary["Angkatan dimulai"] == "1"
    assert summary["Kehadiran pada hari pelatihan bulan ini"] == "100%"
    assert "DKI Jakarta (JKT)" in page.state.text() and "Desember 2026" in page.state.text()
    assert "31 Desember 2026" in page.state.text()  # a past month: up to its last day
    providers = page.charts.providers.chart()
    categories = providers.axes(Qt.Orientation.Vertical)[0].categories()
    assert next(c.name for c in counted.scorecards).startswith(categories[0].rstrip("…"))
    money = page.charts.money.chart().series()[0]
    assert [b.label() for b in money.barSets()] == ["Tunai", "Transfer bank"]


def test_a_table_chosen_shows_its_rows_and_total(qtbot, ctx, finished):
    page = _page(qtbot, ctx, finished.actors["admin"])
    _month(qtbot, page, DECEMBER)
    page.show_section("completions")
    assert page.stack.currentWidget() is page.table_view
    rows = _shown(page.table_view)
    header = [
        page.table_view.view.model().headerData(c, Qt.Orientation.Horizontal)
        for c in range(len(rows[0]))
    ]
    first = dict(zip(header, rows[0], strict=True))
    assert (first["Peserta"], first["Lulus"], first["Tidak lulus"], first["Mundur"]) == (
        "3", "2", "1", "1"
    )  # fmt: skip
    assert rows[-1][0] == "Jumlah" and rows[-1][-1] == "67%"
    page.show_section("certificates")
    assert page.table_view.empty.isVisible()  # no certificate in December: said so


def test_a_change_saved_elsewhere_recounts_the_page(qtbot, ctx, finished):
    from app.services.followups import Call, record

    page = _page(qtbot, ctx, finished.actors["supervisor"])
    assert page.report.outcomes.reached == 0
    budi = finished.people["Budi Santoso"]
    tasks.run_task(
        lambda _p, _c: record(
            finished.db, finished.actors["counter"], budi, Call("looking", note="melamar")
        ),
        write=True,
    )
    qtbot.waitUntil(lambda: page.report.outcomes.reached == 1, timeout=30_000)


def test_the_pdf_and_the_workbook_are_written_and_the_export_recorded(
    qtbot, ctx, finished, tmp_path
):
    page = _page(qtbot, ctx, finished.actors["supervisor"])
    _month(qtbot, page, DECEMBER)
    pdf = tmp_path / "laporan.pdf"
    page.save_to(pdf)
    box = wait_for_box(qtbot)
    assert str(pdf) in box.text()
    box.accept()
    text = "\n".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "Desember 2026" in text and "DKI Jakarta" in text
    xlsx = tmp_path / "laporan.xlsx"
    page.save_to(xlsx)
    wait_for_box(qtbot).accept()
    book = load_workbook(xlsx)
    assert book.sheetnames[0] == "Ringkasan" and len(book.sheetnames) == len(page.tables)
    assert count(finished.db.path, "audit_event", "action = 'report.export'") == 2
    assert not list(tmp_path.glob("*.part"))


def test_a_wrong_file_name_is_refused_in_indonesian_and_nothing_is_written(
    qtbot, ctx, finished, tmp_path
):
    page = _page(qtbot, ctx, finished.actors["supervisor"])
    folder = tmp_path / "keluar"
    folder.mkdir()
    out = folder / "laporan.docx"
    page.save_to(out)
    box = wait_for_box(qtbot)
    assert "harus berakhiran .pdf atau .xlsx" in box.text()
    box.accept()
    assert not out.exists() and not list(folder.iterdir())
    assert count(finished.db.path, "audit_event", "action = 'report.export'") == 0


def test_only_a_supervisor_or_an_admin_has_the_page(qtbot, ctx, finished):
    from app.ui.main_window import MainWindow

    for role, has in (("counter", False), ("supervisor", True), ("admin", True)):
        window = MainWindow(ctx, finished.actors[role], ctx.startup_info(), sync_interval_ms=0)
        qtbot.addWidget(window)
        keys = [spec.key for spec in window.page_specs]
        assert ("reports" in keys) is has, role
        window.close()
