"""Peserta list: search as you type, masked NIK, filters, sorting, lazy fetching; drafts."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.ui.pages.participant_model import COLUMNS, PAGE
from tests.ui.helpers import click
from tests.ui.participant_helpers import BUDI, box_button, insert_many, participants_page, settle
from tests.unit.helpers import count

SITI = {
    **BUDI,
    "nik": "3273015708900002",
    "nama": "Siti Aminah",
    "jenis_kelamin": "P",
    "kpj": "",
    "telepon": "0813 1111 2222",
    "kode_wilayah": "32.73.01",
    "nama_pemilik_rekening": "Siti Aminah",
}


def _names(page) -> list[str]:
    return [row.full_name for row in page.list.model.rows]


def _cell(page, row: int, column: str) -> str:
    return page.list.model.index(row, COLUMNS.index(column)).data()


def test_search_as_you_type_shows_matches_with_masked_nik(qtbot, ctx, admin):
    from app.services.participants import register

    register(ctx.db, admin, BUDI)
    register(ctx.db, admin, SITI)
    page = participants_page(qtbot, ctx, admin)
    assert _names(page) == ["Budi Santoso", "Siti Aminah"]
    assert page.list.count_label.text() == "2 peserta"
    qtbot.keyClicks(page.list.search, "sit ami")
    qtbot.waitUntil(lambda: _names(page) == ["Siti Aminah"], timeout=10_000)
    assert _cell(page, 0, "nik") == "3273********0002"
    assert _cell(page, 0, "phone") == "0813-1111-2222"
    assert _cell(page, 0, "region") == "Kota Bandung"
    assert page.list.count_label.text() == "1 peserta"
    assert "3273015708900002" not in [_cell(page, 0, c) for c in COLUMNS]

    page.list.search.clear()
    qtbot.keyClicks(page.list.search, "0812-3456")
    qtbot.waitUntil(lambda: _names(page) == ["Budi Santoso"], timeout=10_000)
    qtbot.keyClick(page.list.search, Qt.Key.Key_Return)
    assert page.list.table.currentIndex().row() == 0


def test_filters_and_sorting(qtbot, ctx, admin):
    from app.services.participants import register

    register(ctx.db, admin, BUDI)
    register(ctx.db, admin, SITI)
    page = participants_page(qtbot, ctx, admin)
    region = page.list.region
    region.setCurrentIndex(region.findData("32"))
    qtbot.waitUntil(lambda: _names(page) == ["Siti Aminah"], timeout=10_000)
    region.setCurrentIndex(0)
    header = page.list.table.horizontalHeader()
    header.setSortIndicator(COLUMNS.index("name"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: _names(page) == ["Siti Aminah", "Budi Santoso"], timeout=10_000)
    header.setSortIndicator(COLUMNS.index("phone"), Qt.SortOrder.AscendingOrder)  # no index
    assert header.sortIndicatorSection() == COLUMNS.index("name")
    status = page.list.status
    status.setCurrentIndex(status.findData("verified"))
    qtbot.waitUntil(lambda: page.list.count_label.text() == "0 peserta", timeout=10_000)


def test_the_list_fetches_more_rows_as_it_scrolls(qtbot, ctx, admin):
    insert_many(ctx.db, admin, 2100)
    page = participants_page(qtbot, ctx, admin)
    model = page.list.model
    assert model.total == 2100 and model.rowCount() == PAGE
    assert page.list.count_label.text() == "2.100 peserta"
    bar = page.list.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=10_000)  # laid out
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE, timeout=10_000)
    assert _names(page)[PAGE] == "Peserta Uji 0200"

    qtbot.keyClicks(page.list.search, "peserta uji")  # matches more than the search looks at
    qtbot.waitUntil(lambda: page.list.count_label.text().startswith("Lebih dari"), timeout=10_000)
    assert page.list.count_label.text() == "Lebih dari 2.000 cocok: ketik lebih lengkap"

    page.list.search.clear()  # a filter alone is counted to 1,000, then "more than"
    region = page.list.region
    region.setCurrentIndex(region.findData("31"))
    qtbot.waitUntil(lambda: "peserta" in page.list.count_label.text(), timeout=10_000)
    assert page.list.count_label.text() == "Lebih dari 1.000 peserta: ketik nama untuk mempersempit"
    assert model.total == 1000 and _names(page)[:2] == ["Peserta Uji 0000", "Peserta Uji 0001"]


def test_an_unfinished_intake_is_offered_back_at_the_next_sign_in(qtbot, ctx, admin):
    from app.ui.main_window import MainWindow

    page = participants_page(qtbot, ctx, admin)
    click(qtbot, page.list.new_button)
    view = page.intake
    qtbot.keyClicks(view.form.widget_of("nik"), BUDI["nik"])
    qtbot.keyClicks(view.form.widget_of("nama"), "Budi Santoso")
    view.documents.add("ktp", "/tmp/ktp-budi.jpg")
    assert view.draft.timer.isActive()
    view.draft.timer.timeout.emit()  # the autosave timer fires
    settle(qtbot)
    assert view.draft_note.text().startswith("Draf tersimpan ")
    view.draft.enabled = False  # the power goes: the form is gone, nothing more is written
    page.intake = None
    view.deleteLater()
    page.window_ref.hide()
    settle(qtbot)

    window = MainWindow(ctx, admin, ctx.startup_info())  # the next sign-in
    qtbot.addWidget(window)
    window.show()
    click(qtbot, box_button(qtbot, "Lanjutkan draf"))
    again = window.page("participants").intake
    assert again is not None and window.page("participants").isVisible()
    assert again.values()["nama"] == "Budi Santoso" and again.values()["nik"] == BUDI["nik"]
    assert again.documents.documents() == [("ktp", "/tmp/ktp-budi.jpg")]
    again.clear()
    settle(qtbot)
    assert count(ctx.db.path, "intake_draft") == 0
