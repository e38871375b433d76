"""The providers and modules pages with real widgets on a demo office (issue #9): the list
and its filters, a provider opened by keyboard, what each role sees, marking an item,
evidence, the refusal of layak next to its field, the new-provider form, the catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services.actor import cli_actor
from app.services.auth import login
from app.services.demo import DEMO_PASSWORD, fill_demo
from tests.unit.helpers import count


@pytest.fixture
def demo(ctx, office):
    result = fill_demo(office, cli_actor("JKT"), seed=5)
    by_role = {}
    for lg in result.logins:
        by_role.setdefault(lg.role, login(office, lg.username, DEMO_PASSWORD).actor)
    return ctx, by_role


def _page(qtbot, ctx, actor):
    from app.ui.pages.providers import ProvidersPage

    page = ProvidersPage(ctx, actor)
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    page.list.refresh()
    return page


def _names(page) -> list[str]:
    return [r.name for r in page.list.model.rows]


def test_list_shows_the_demo_providers_and_filters_them(qtbot, demo):
    ctx, actors = demo
    page = _page(qtbot, ctx, actors["counter"])
    assert len(_names(page)) == 12
    assert page.list.count.text() == "12 lembaga"
    page.list.expiring.setChecked(True)
    assert _names(page) == ["Pusat Pelatihan PT Krakatau Karya"]
    page.list.expiring.setChecked(False)
    page.list.kind.setCurrentIndex(page.list.kind.findData("perusahaan"))
    assert _names(page) == ["Pusat Pelatihan PT Krakatau Karya"]
    page.list.kind.setCurrentIndex(0)
    page.list.province.setCurrentIndex(page.list.province.findData("52"))
    assert _names(page) == ["BLK Lombok Timur", "LPK Senggigi Hospitality"]
    page.list.province.setCurrentIndex(0)
    page.list.result.setCurrentIndex(page.list.result.findData("tidak_layak"))
    assert _names(page) == ["LPK Busana Mandiri"]
    page.list.result.setCurrentIndex(0)
    krakatau = _names(page).index("Pusat Pelatihan PT Krakatau Karya")
    licence = page.list.model.index(krakatau, 5).data()
    assert licence.endswith("(segera berakhir)")


def test_enter_on_a_row_opens_the_provider_and_back_returns(qtbot, demo):
    ctx, actors = demo
    page = _page(qtbot, ctx, actors["counter"])
    page.list.table.setFocus()
    page.list.table.selectRow(4)
    qtbot.keyClick(page.list.table, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.view
    assert page.view.title.text() == "BLK Lombok Timur"
    page.view.tabs.setCurrentIndex(2)
    labels = [page.view.checks_table.item(i, 0).text() for i in range(7)]
    assert labels[0] == "Izin / tanda daftar berlaku (otomatis)"
    assert page.view.checks_table.item(4, 1).text() == "✗"  # instructors: not met
    page.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=5000)
    page.view.checks_table.setFocus()
    qtbot.keyClick(page.view.checks_table, Qt.Key.Key_Escape)  # Esc: back to the list
    assert page.stack.currentWidget() is page.list


def test_a_counter_clerk_marks_items_but_cannot_decide(qtbot, demo):
    ctx, actors = demo
    page = _page(qtbot, ctx, actors["counter"])
    view = page.open_provider(page.list.model.rows[5].id)  # LPK Bandung Kreatif
    view.tabs.setCurrentIndex(2)
    assert not view.decide_button.isVisible() and view.decide() is None
    view.checks_table.selectRow(0)
    assert not view.mark_button.isEnabled()  # an automatic check is not marked by hand
    view.checks_table.selectRow(5)
    dialog = view.mark()
    assert dialog is not None
    dialog.status.setCurrentIndex(dialog.status.findData("sesuai"))
    dialog.note.setText("Dikunjungi 1 Des, bengkel lengkap")
    dialog.submit()
    qtbot.waitUntil(lambda: view.checks_table.item(5, 1).text() == "✓", timeout=10000)
    assert "Dikunjungi 1 Des" in view.checks_table.item(5, 2).text()


def test_evidence_is_attached_to_the_selected_item(qtbot, demo, tmp_path):
    ctx, actors = demo
    page = _page(qtbot, ctx, actors["counter"])
    view = page.open_provider(page.list.model.rows[0].id)
    view.tabs.setCurrentIndex(2)
    scan = tmp_path / "izin-operasional.pdf"
    scan.write_bytes(b"%PDF-1.4 izin")
    view.attach("licence", scan)
    qtbot.waitUntil(
        lambda: view.checks_table.item(0, 3).text() == "izin-operasional.pdf", timeout=10000
    )


def test_layak_is_refused_next_to_the_decision_field(qtbot, demo):
    ctx, actors = demo
    page = _page(qtbot, ctx, actors["supervisor"])
    senggigi = next(r for r in page.list.model.rows if r.name == "LPK Senggigi Hospitality")
    view = page.open_provider(senggigi.id)
    view.tabs.setCurrentIndex(2)
    before = count(ctx.db.path, "provider_decision")
    dialog = view.decide()
    assert dialog is not None
    dialog.reason.setPlainText("Kunjungan lapangan baik")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.errors.first_error() != "", timeout=10000)
    assert dialog.errors.label("result").text().startswith("Tidak dapat diputuskan layak")
    assert dialog.isVisible()
    assert count(ctx.db.path, "provider_decision") == before
    dialog.verdict.setCurrentIndex(dialog.verdict.findData("tidak_layak"))
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: "Tidak layak" in view.decision_label.text(), timeout=10000)


def test_new_provider_form_shows_errors_at_their_fields_then_saves(qtbot, demo):
    ctx, actors = demo
    page = _page(qtbot, ctx, actors["counter"])
    dialog = page.new_provider()
    dialog.load(
        {
            "name": "LPK Tangerang Mandiri",
            "provider_type": "lpk",
            "region_code": "36.71",
            "operating_since": "31/02/2024",
        }
    )
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.errors.first_error() != "", timeout=10000)
    assert dialog.errors.label("operating_since").text().startswith("Tanggal tidak valid")
    dialog.inputs["operating_since"].setText("01/02/2024")
    dialog.submit()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.view, timeout=10000)
    assert page.view.title.text() == "LPK Tangerang Mandiri"


def test_the_catalogue_is_read_by_all_and_changed_by_a_supervisor(qtbot, demo):
    from app.ui.pages.modules import ModulesPage

    ctx, actors = demo
    clerk = ModulesPage(ctx, actors["counter"])
    qtbot.addWidget(clerk)
    clerk.show()
    clerk.refresh()
    assert clerk.table.rowCount() == 9  # eight seeded and the retired demo module
    assert not clerk.add_button.isVisible() and clerk.add() is None
    supervisor = ModulesPage(ctx, actors["supervisor"])
    qtbot.addWidget(supervisor)
    supervisor.show()
    supervisor.refresh()
    row = [supervisor.table.item(i, 0).text() for i in range(9)].index("LAS")
    supervisor.table.selectRow(row)
    supervisor.toggle()
    qtbot.waitUntil(lambda: supervisor.table.item(row, 4).text() == "Nonaktif", timeout=10000)
    assert supervisor.toggle_button.text() == "Aktifkan"


def test_print_writes_the_checklist_pdf_and_hands_it_to_the_viewer(
    qtbot, demo, tmp_path, monkeypatch
):
    """The PC's PDF viewer is outside the program: the test records the hand-over instead
    of starting one."""
    from PySide6.QtGui import QDesktopServices

    from app.ui.pages.provider_print import write_checklist

    ctx, actors = demo
    page = _page(qtbot, ctx, actors["supervisor"])
    out = tmp_path / "daftar.pdf"
    opened: list[Path] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile()))
    )
    write_checklist(page, ctx, page.list.model.rows[0].id, actors["supervisor"], out)
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    assert opened == [out] and out.read_bytes().startswith(b"%PDF")
