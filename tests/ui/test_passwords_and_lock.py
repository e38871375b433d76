"""Changing one's password, and the screen lock after idle time."""

from __future__ import annotations

import pytest

from app.errors import AuthError
from app.services.auth import login
from app.ui.dialogs.login import LoginDialog
from app.ui.main_window import MainWindow
from tests.ui.helpers import click, type_into, wait_for_box


@pytest.fixture
def window(qtbot, ctx, admin):
    w = MainWindow(ctx, admin, ctx.startup_info())
    qtbot.addWidget(w)
    w.show()
    return w


def test_change_password_dialog(qtbot, ctx, window, admin_password):
    dialog = window.change_password()
    assert dialog.isVisible() and not dialog.forced
    type_into(qtbot, dialog.current, "bukan-ini-1")
    type_into(qtbot, dialog.new, "BaruSekali9")
    type_into(qtbot, dialog.confirm, "BaruSekali8")
    click(qtbot, dialog.ok_button)
    assert dialog.errors.label("confirm").text() == "Kedua kata sandi baru tidak sama."

    type_into(qtbot, dialog.confirm, "BaruSekali9")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.errors.label("current_password").isVisible(), timeout=10_000)
    assert dialog.errors.label("current_password").text() == "Kata sandi lama salah."
    assert not dialog.errors.label("confirm").isVisible()

    type_into(qtbot, dialog.current, admin_password)
    with qtbot.waitSignal(dialog.succeeded, timeout=10_000):
        click(qtbot, dialog.ok_button)
    box = wait_for_box(qtbot)
    assert box.windowTitle() == "Kata sandi diganti"
    box.close()
    assert login(ctx.db, "admin", "BaruSekali9").actor.username == "admin"
    with pytest.raises(AuthError):
        login(ctx.db, "admin", admin_password)


def test_idle_time_locks_and_the_password_unlocks(qtbot, window, admin_password):
    assert window.idle.interval_ms == 10 * 60_000  # from the setting
    window.idle.interval_ms = 50
    qtbot.waitUntil(lambda: window.lock_dialog is not None, timeout=5_000)
    lock = window.lock_dialog
    assert lock.isVisible() and lock.windowTitle() == "Layar terkunci"
    assert window.screens.currentIndex() == 1  # the work area is covered
    lock.reject()  # Escape does not open it
    assert lock.isVisible()

    type_into(qtbot, lock.password, "salah-sekali-1")
    click(qtbot, lock.unlock_button)
    qtbot.waitUntil(lambda: lock.error.isVisible(), timeout=10_000)
    assert "Sisa 4 kali percobaan" in lock.error.text()  # counts toward the lock-out

    window.idle.interval_ms = 60_000  # no second lock while the test finishes
    type_into(qtbot, lock.password, admin_password)
    click(qtbot, lock.unlock_button)
    qtbot.waitUntil(lambda: window.lock_dialog is None, timeout=10_000)
    assert window.screens.currentIndex() == 0
    assert window.idle.active()


def test_lock_button_and_sign_out_from_lock(qtbot, flow, admin_password):
    from tests.ui.helpers import sign_in

    sign_in(qtbot, flow.start(), "admin", admin_password)
    qtbot.waitUntil(lambda: isinstance(flow.window, MainWindow), timeout=10_000)
    main = flow.window
    click(qtbot, main.lock_button)
    assert main.lock_dialog is not None
    click(qtbot, main.lock_dialog.sign_out_button)
    assert isinstance(flow.window, LoginDialog)
    assert flow.quits == []


def test_idle_zero_means_never(qtbot, window):
    window.idle.set_minutes(0)
    assert not window.idle.active()
    qtbot.wait(30)
    assert window.lock_dialog is None


def test_lock_and_sign_out_are_in_the_audit_trail(qtbot, flow, ctx, admin_password):
    from tests.ui.helpers import sign_in
    from tests.unit.helpers import rows

    sign_in(qtbot, flow.start(), "admin", admin_password)
    qtbot.waitUntil(lambda: isinstance(flow.window, MainWindow), timeout=10_000)
    main = flow.window
    main.idle.interval_ms = 30
    qtbot.waitUntil(lambda: main.lock_dialog is not None, timeout=5_000)
    click(qtbot, main.lock_dialog.sign_out_button)
    qtbot.waitUntil(lambda: isinstance(flow.window, LoginDialog), timeout=5_000)
    from app.ui import tasks

    tasks.wait_all()
    actions = rows(ctx.db.path, "SELECT action, detail FROM audit_event ORDER BY seq")
    assert actions[-3:] == [
        ("auth.login", "{}"),
        ("auth.screen_lock", '{"reason": "idle"}'),
        ("auth.logout", "{}"),
    ]
