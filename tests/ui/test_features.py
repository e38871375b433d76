"""One registration point per feature (issue #8): a feature that only declares itself
(tests/ui/feature_probe.py) appears in the navigation with its shortcut, on the sync page
with its record type's label, in `loket --help` and in the demo office — none of which was
edited for it. (Its screenshot: tests/ui/test_screenshots.py.)"""

from __future__ import annotations

import json
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.cli import build_parser
from app.services.actor import cli_actor
from app.services.demo import fill_demo
from app.ui.main_window import MainWindow


def _window(qtbot, ctx, actor):
    window = MainWindow(ctx, actor, ctx.startup_info(), sync_interval_ms=0)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    return window


def test_pages_come_from_the_features_in_order_with_their_shortcuts(qtbot, ctx, admin):
    window = _window(qtbot, ctx, admin)
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels == [
        "Beranda",
        "Peserta",
        "Lembaga",
        "Modul",
        "Angkatan",
        "Pembayaran",
        "Sertifikat",
        "Pemantauan",
        "Laporan",
        "Sinkronisasi",
        "Pengaturan",
    ]
    assert window.nav.item(1).toolTip() == "Ctrl+2"
    assert window.nav.item(8).toolTip() == "Ctrl+Shift+L"
    assert window.nav.item(9).toolTip() == "Ctrl+9" and window.nav.item(10).toolTip() == "Ctrl+0"
    QTest.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.page("sync")
    QTest.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.page("settings")
    assert window.nav.currentRow() == 10
    QTest.keyClick(
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.pages.currentWidget() is window.page("reports")
    QTest.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.page("followups")
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.page("home")


def test_a_declared_feature_appears_everywhere(qtbot, ctx, admin, office, probe_feature):
    window = _window(qtbot, ctx, admin)
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels == [
        "Beranda",
        "Peserta",
        "Lembaga",
        "Modul",
        "Angkatan",
        "Pembayaran",
        "Percobaan",
        "Sertifikat",
        "Pemantauan",
        "Laporan",
        "Sinkronisasi",
        "Pengaturan",
    ]
    QTest.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.pages.currentWidget(), probe_feature.ProbePage)

    # its record type, waiting to be sent, named on the sync page by its declaration
    con = sqlite3.connect(office.path)
    with con:
        con.execute(
            "INSERT INTO outbox (mutation_id, entity, entity_id, office_code, op, base_version, "
            "version, hlc, changes, created_at, status) VALUES ('probe-1', 'probe_note', 'n-1', "
            "'JKT', 'insert', 0, 1, '1764288000000-00000-x', '{}', '2026-12-01 08:00:00', "
            "'pending')"
        )
    con.close()
    page = window.open("sync")
    page.refresh()
    qtbot.waitUntil(lambda: page.pending_model.rowCount() > 0, timeout=10_000)
    kinds = {page.pending_model.index(r, 1).data() for r in range(page.pending_model.rowCount())}
    assert "Catatan percobaan" in kinds

    # its command, in `loket --help` and parsed
    assert build_parser().parse_args(["probe"]).command == "probe"

    # its demo step runs in the demo office's one transaction
    window.close()
    fill_demo(office, cli_actor("JKT"), seed=3)
    con = sqlite3.connect(office.path)
    try:
        (detail,) = con.execute(
            "SELECT detail FROM audit_event WHERE action = 'demo.fill'"
        ).fetchone()
    finally:
        con.close()
    counts = json.loads(detail)
    assert counts["probe_notes"] >= 1 and counts["participants"] > 0


def test_ctrl_n_opens_a_new_registration_from_any_page(qtbot, ctx, admin):
    window = _window(qtbot, ctx, admin)
    window.open("settings")
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    page = window.page("participants")
    assert window.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.intake is not None and page.stack.currentWidget() is page.intake)
