"""The shell fits a 1366×768 screen (issue #8, part 7): the main window opens inside the
screen's available area (maximised when its preferred size does not fit), comes back where
it was left, and no page pushes it past the screen, so the status bar, the sidebar's Keluar
and the intake form's Simpan stay on screen; the set-up screen's fields and messages do not
overlap at its smallest size.

The offscreen platform has one 800×600 screen: the tests give the placement a 1366×768
screen with a 40-pixel taskbar instead (app.ui.placement.available_area).
"""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date
from itertools import combinations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.errors import ValidationError
from app.services.participant_views import DuplicateCandidate
from app.services.window_state import WindowState
from app.texts import Text
from app.ui import placement, tasks
from app.ui.main_window import MainWindow
from app.ui.placement import initial_placement
from app.ui.shots.session import MAIN_SIZE
from tests.ui.participant_helpers import settle

SMALL_SCREEN = QRect(0, 0, 1366, 768 - 40)  # 1366×768 less the taskbar
LARGE_SCREEN = QRect(0, 0, 1920, 1080 - 40)


@pytest.fixture
def small_screen(monkeypatch):
    monkeypatch.setattr(placement, "available_area", lambda _point=None: SMALL_SCREEN)


def _window(qtbot, ctx, actor, demo: bool = False) -> MainWindow:
    info = ctx.startup_info()
    window = MainWindow(ctx, actor, dataclasses.replace(info, is_demo=demo), sync_interval_ms=0)
    qtbot.addWidget(window)
    return window


def _inside(widget: QWidget, window: QWidget) -> bool:
    """`widget` is shown and lies wholly inside `window`'s inner area."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    return widget.isVisible() and window.rect().contains(QRect(top_left, widget.size()))


# --- where the window opens ---------------------------------------------------------------


def test_without_a_kept_place_it_opens_maximised_on_a_small_screen_centred_on_a_large_one():
    rect, maximised = initial_placement(SMALL_SCREEN, None)
    assert maximised  # 1280×800 and a title bar do not fit in 728 pixels
    assert SMALL_SCREEN.contains(rect)  # and "restore" gives a window that fits too
    rect, maximised = initial_placement(LARGE_SCREEN, None)
    assert not maximised
    assert (rect.width(), rect.height()) == (1280, 800)
    assert rect.center().x() in range(955, 966) and LARGE_SCREEN.contains(rect)


def test_a_kept_place_comes_back_moved_and_shrunk_into_the_screen():
    kept = WindowState(140, 90, 1000, 560, maximized=False)
    assert initial_placement(SMALL_SCREEN, kept) == (QRect(140, 90, 1000, 560), False)
    # left on a second screen that is gone, and taller than this one
    rect, maximised = initial_placement(SMALL_SCREEN, WindowState(1900, -50, 1200, 900, True))
    assert maximised
    assert SMALL_SCREEN.contains(rect) and rect.width() == 1200 and rect.top() > 0


def test_the_window_remembers_size_place_and_maximised_state(
    qtbot, ctx, admin, office, small_screen
):
    first = _window(qtbot, ctx, admin)
    first.show()
    assert first.isMaximized()  # nothing kept yet, and 1280×800 does not fit
    first.setWindowState(Qt.WindowState.WindowNoState)
    first.setGeometry(QRect(120, 70, 1100, 600))
    first.close()  # closing the window ends the session: its place is kept
    tasks.wait_all()

    second = _window(qtbot, ctx, admin)
    assert second.geometry() == QRect(120, 70, 1100, 600)
    assert not second.windowState() & Qt.WindowState.WindowMaximized
    second.show()
    second.showMaximized()
    second.sign_out()  # signing out keeps it too
    tasks.wait_all()

    third = _window(qtbot, ctx, admin)
    assert third.windowState() & Qt.WindowState.WindowMaximized
    third.show()
    third.showNormal()
    assert third.geometry() == QRect(120, 70, 1100, 600)  # "restore" goes back there
    # kept in the office's database, so a backup carries it (not the Windows registry)
    con = sqlite3.connect(office.path)
    try:
        (value,) = con.execute(
            "SELECT value FROM local_setting WHERE key = 'window_geometry'"
        ).fetchone()
    finally:
        con.close()
    assert '"maximized": true' in value


# --- nothing off screen ------------------------------------------------------------------


def _candidates(n: int) -> list[DuplicateCandidate]:
    return [
        DuplicateCandidate(
            f"p-{i}", "name", "Sri Wahyuni Ningsih", "3171********0001", date(1993, 5, 5),
            "JKT", "registered",
        )
        for i in range(n)
    ]


def test_every_page_fits_a_1366x768_screen(qtbot, ctx, admin):
    """At the inner size of a maximised window on 1366×768 (taskbar, title bar, DEMO
    strip), every page and the intake's worst case keep the window at that size, with the
    status bar, Keluar and Simpan inside it."""
    window = _window(qtbot, ctx, admin, demo=True)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(*MAIN_SIZE)
    window.show()
    settle(qtbot)

    def fits(where: str) -> None:
        settle(qtbot)
        assert (window.width(), window.height()) == MAIN_SIZE, where
        assert window.minimumSizeHint().height() <= MAIN_SIZE[1], where
        for part in (window.statusBar(), window.sign_out_button, window.nav):
            assert _inside(part, window), (where, part)

    for spec in window.page_specs:
        window.open(spec.key)
        fits(spec.key)
    window.open("settings").show_staff()
    fits("settings: staff")
    sync = window.open("sync")
    for tab in range(sync.tabs.count()):
        sync.tabs.setCurrentIndex(tab)
        fits(f"sync: {sync.tabs.tabText(tab)}")

    page = window.open("participants")
    view = page.new_intake(offer_draft=False)
    settle(qtbot)
    view.panel.show_duplicates(_candidates(4))  # four cards grew the window by 200 pixels
    view.flow.save()  # an empty form: an error under every required input
    fits("intake with errors and four possible duplicates")
    assert _inside(view.save_button, window)
    assert view.form.errors.first_error()
    # and no input of the form is squeezed below its own height (Kecamatan was cut off
    # beside Telepon's two-line error)
    view.load({"telepon": "0812-55", "kode_wilayah": "31.73.01"})
    view.attempted = True
    view.run_check()
    settle(qtbot)
    assert view.form.errors.label("telepon").isVisible()
    qtbot.wait(100)  # layouts settle over several rounds of the event loop
    squeezed = _squeezed(view.form.body)
    assert squeezed == [], "\n".join(squeezed)


def _section(widget: QWidget) -> str:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QGroupBox):
        parent = parent.parentWidget()
    return parent.title() if parent is not None else ""


def _squeezed(body: QWidget) -> list[str]:
    """Visible inputs of `body` lower than they need to be drawn whole."""
    return [
        f"{type(w).__name__} in {_section(w)!r}: {w.height()} < {w.minimumSizeHint().height()}"
        for w in body.findChildren(QWidget)
        if isinstance(w, (QLineEdit, QComboBox, QAbstractSpinBox))
        and w.isVisible()
        and not isinstance(w.parentWidget(), (QComboBox, QAbstractSpinBox))
        and w.height() < w.minimumSizeHint().height()
    ]


# --- the set-up screen at its smallest -----------------------------------------------------

FIELDS = ("office", "device", "username", "full_name", "password", "confirm")
LONG = (
    "Nama pengguna hanya boleh berisi huruf kecil, angka, titik, garis bawah atau tanda "
    "hubung, 3 sampai 32 karakter."
)


def _overlaps(window: QWidget) -> list[str]:
    """Pairs of visible labels, inputs and buttons of `window` that cover each other."""
    kinds = (QLabel, QLineEdit, QComboBox, QAbstractSpinBox, QPushButton)
    parts = [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, kinds)
        and w.isVisible()
        and not isinstance(w.parentWidget(), (QComboBox, QAbstractSpinBox))
    ]

    def rect(w: QWidget) -> QRect:
        return QRect(w.mapTo(window, QPoint(0, 0)), w.size())

    return [
        f"{type(a).__name__} {rect(a)} × {type(b).__name__} {rect(b)}"
        for a, b in combinations(parts, 2)
        if rect(a).intersects(rect(b))
    ]


def test_setup_fields_and_messages_do_not_overlap_at_its_smallest_size(qtbot, empty_ctx):
    from app.ui.dialogs.setup_wizard import SetupWizard

    wizard = SetupWizard(empty_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.resize(1, 1)  # as small as it lets itself be made
    QApplication.processEvents()
    assert _overlaps(wizard) == []
    assert wizard.width() <= 800 and wizard.height() <= 768 - 40 - 30

    for field in FIELDS:  # the worst case: a two-line message under every input
        wizard.errors.set(field, LONG)
    wizard.errors.show(ValidationError(Text(LONG, LONG)))
    QApplication.processEvents()
    wizard.resize(1, 1)
    QApplication.processEvents()
    assert wizard.errors.label("device").height() < 3 * wizard.errors.label("office").height()
    assert _overlaps(wizard) == []
