"""The keyboard works (issue #8, part 7): Ctrl+1…Ctrl+9 (and Ctrl+0 for Pengaturan, the
tenth page) switch pages and show on the navigation, Ctrl+N opens a new registration from
every page wherever the cursor is, and a clerk registers a participant from Beranda without
touching the mouse.

Shortcuts reach the active window only: each test activates the main window and waits for
it. Keys go to whatever widget has the focus (QApplication.focusWidget()), as on a real
keyboard; the only setFocus calls put the cursor where a clerk might have clicked before
pressing Ctrl+N.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from app.ui.main_window import MainWindow
from app.ui.navigation import hint_shown
from tests.ui.participant_helpers import settle
from tests.unit.helpers import rows

CTRL = Qt.KeyboardModifier.ControlModifier

# What the clerk types, field by field, as the Tab key reaches it; the rest is left empty.
TYPED = {
    "nik": "3171011708900001",
    "nama": "Budi Santoso",
    "tanggal_lahir": "17081990",
    "jenis_kelamin": "L",  # a letter picks "Laki-laki (L)" in the list
}


def _keys(window: MainWindow, row: int) -> str:
    """The page's shortcut: its position (Ctrl+1…9), or its own (Pengaturan, the tenth:
    Ctrl+0)."""
    return window.page_specs[row].shortcut or f"Ctrl+{row + 1}"


def _digit(window: MainWindow, row: int) -> Qt.Key:
    key: Qt.Key = getattr(Qt.Key, f"Key_{_keys(window, row).split('+')[-1]}")
    return key


def _modifiers(window: MainWindow, row: int) -> Qt.KeyboardModifier:
    """Ctrl, and Shift for a page whose own shortcut has it (Laporan: Ctrl+Shift+L)."""
    found = Qt.KeyboardModifier.ControlModifier
    if "Shift+" in _keys(window, row):
        found |= Qt.KeyboardModifier.ShiftModifier
    return found


class StrayWindows(QObject):
    """Notes every widget shown as a window of its own that is no window: one made visible
    before it had a parent flashes up on the desktop and takes the keyboard from the main
    window (the detail page's "Tampilkan" did, right after a save)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and not isinstance(watched, (QMainWindow, QDialog))
            and watched.windowType() in (Qt.WindowType.Widget, Qt.WindowType.Window)
        ):
            text = getattr(watched, "text", lambda: "")()
            self.seen.append(f"{type(watched).__name__} {watched.objectName()!r} {text!r}")
        return False


@pytest.fixture(autouse=True)
def no_stray_windows(qapp) -> Iterator[None]:
    spy = StrayWindows()
    qapp.installEventFilter(spy)
    yield
    qapp.removeEventFilter(spy)
    assert spy.seen == [], "widgets shown as windows of their own"


def _window(qtbot, ctx, actor) -> MainWindow:
    window = MainWindow(ctx, actor, ctx.startup_info(), sync_interval_ms=0)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    settle(qtbot)
    return window


def _press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key on the keyboard: it goes to the widget with the focus."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    QTest.keyClick(target, key, modifier)


def _type(text: str) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None
    QTest.keyClicks(focus, text)


def _focus_in(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


def test_ctrl_number_switches_every_page_and_the_navigation_shows_it(qtbot, ctx, admin):
    window = _window(qtbot, ctx, admin)
    keys = [_keys(window, row) for row in range(len(window.page_specs))]
    # by position, Ctrl+1…9; a page past the ninth or out of place has its own (Ctrl+0,
    # Ctrl+Shift+L), never one of another page
    assert len(set(keys)) == len(keys)
    assert all(k[-1].isdigit() or window.page_specs[r].shortcut for r, k in enumerate(keys))
    for row, spec in enumerate(window.page_specs):
        item = window.nav.item(row)
        assert item.text() == spec.title.render()  # the entry's text is the page's title
        assert item.toolTip() == keys[row]
        assert hint_shown(window.nav, row), f"{item.text()}: no room for its shortcut"
    for row in [*reversed(range(len(window.page_specs))), 0]:
        _press(_digit(window, row), _modifiers(window, row))
        assert window.pages.currentWidget() is window.page(window.page_specs[row].key)
        assert window.nav.currentRow() == row


def _cursor_targets(page: QWidget) -> list[QWidget]:
    """Where a clerk's cursor may be on `page`: its first text box and first table."""
    found: list[QWidget] = []
    for kind in (QLineEdit, QAbstractItemView):
        shown = [
            w
            for w in page.findChildren(kind)
            if w.isVisible()
            and w.isEnabled()
            and w.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))
        ]
        found += shown[:1]
    return found


def test_ctrl_n_opens_a_new_registration_from_every_page_and_any_input(qtbot, ctx, admin):
    window = _window(qtbot, ctx, admin)
    participants = window.page("participants")
    tried = 0
    for row, spec in enumerate(window.page_specs):
        _press(_digit(window, row), _modifiers(window, row))
        page = window.page(spec.key)
        assert window.pages.currentWidget() is page
        settle(qtbot)
        targets = [None, *_cursor_targets(page)]
        for target in targets:
            if target is not None:
                _press(
                    _digit(window, row), _modifiers(window, row)
                )  # back to the page (the form may be open)
                settle(qtbot)
                if not target.isVisible():
                    continue
                target.setFocus()  # as if the clerk had clicked into it
                assert _focus_in(target)
            _press(Qt.Key.Key_N, CTRL)
            assert window.pages.currentWidget() is participants, (spec.key, target)
            view = participants.intake
            assert view is not None and participants.stack.currentWidget() is view
            qtbot.waitUntil(lambda v=view: _focus_in(v.form.widget_of("nik")), timeout=5_000)
            tried += 1
    # Beranda without a cursor; a text box and a table on Peserta, Sinkronisasi, Pengaturan
    assert tried >= len(window.page_specs) + 3


def _answer_boxes_by_keyboard() -> None:
    """The warning box on save ("Save with warnings?"): Enter takes its default answer,
    "Checked, save"."""
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox) and box.isVisible():
            assert QApplication.activeWindow() is box
            default = box.defaultButton()
            assert default is not None and _focus_in(default)
            _press(Qt.Key.Key_Return)


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_a_whole_intake_by_keyboard_alone_from_beranda(qtbot, ctx, admin):
    window = _window(qtbot, ctx, admin)
    assert window.pages.currentWidget() is window.page("home")
    _press(Qt.Key.Key_N, CTRL)
    page = window.page("participants")
    view = page.intake
    assert view is not None
    qtbot.waitUntil(lambda: _focus_in(view.form.widget_of("nik")), timeout=5_000)

    names = {}
    for name, binding in view.form.bindings.items():
        names[id(binding.widget)] = name
    consent = view.form.widget_of("persetujuan")
    typed: list[str] = []
    for _ in range(200):  # Tab through the form until the consent box
        focus = QApplication.focusWidget()
        assert focus is not None and view.isAncestorOf(focus), "Tab left the form"
        owner = focus
        while owner is not None and id(owner) not in names:
            owner = owner.parentWidget()
        name = names.get(id(owner)) if owner is not None else None
        if focus is consent:
            _press(Qt.Key.Key_Space)
            break
        if name in TYPED and name not in typed:
            _type(TYPED[name])
            typed.append(name)
        _press(Qt.Key.Key_Tab)
    else:
        pytest.fail("Tab never reached the consent box")
    assert typed == list(TYPED)
    assert consent.isChecked()
    settle(qtbot)

    _press(Qt.Key.Key_S, CTRL)
    for _ in range(3):  # a warning box, perhaps; then the saved record opens
        settle(qtbot)
        if page.detail is not None:
            break
        _answer_boxes_by_keyboard()
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    saved = rows(
        ctx.db.path, "SELECT nik, full_name, birth_date, sex, office_code FROM participant"
    )
    assert saved == [("3171011708900001", "Budi Santoso", "1990-08-17", "L", "JKT")]
    assert rows(ctx.db.path, "SELECT count(*) FROM consent") == [(1,)]

    for row in range(len(window.page_specs)):  # and every page still answers its shortcut
        _press(_digit(window, row), _modifiers(window, row))
        assert window.nav.currentRow() == row
