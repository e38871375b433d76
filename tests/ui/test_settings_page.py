"""Settings page: generated from app.config.SETTINGS, saved through the service, admin only."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QSpinBox

from app.domain.roles import Role
from app.services.actor import Actor
from app.services.settings import get_settings
from app.services.staff import add_staff
from app.ui.main_window import MainWindow
from tests.ui.helpers import click


def _window(qtbot, ctx, actor) -> MainWindow:
    window = MainWindow(ctx, actor, ctx.startup_info())
    qtbot.addWidget(window)
    window.show()
    return window


def test_admin_changes_settings_and_they_are_stored(qtbot, ctx, admin):
    window = _window(qtbot, ctx, admin)
    form = window.open("settings").general
    assert isinstance(form.inputs["language"], QComboBox)
    idle = form.inputs["idle_lock_minutes"]
    assert isinstance(idle, QSpinBox) and (idle.minimum(), idle.maximum()) == (0, 240)
    assert idle.value() == 10
    idle.setValue(3)
    form.inputs["max_failed_logins"].setValue(7)
    assert window.sync.timer.interval() == 5 * 60_000 and window.sync.timer.isActive()
    form.inputs["sync_interval_minutes"].setValue(0)
    click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: form.status.text() == "Pengaturan disimpan.", timeout=10_000)
    stored = get_settings(ctx.db)
    assert stored["idle_lock_minutes"] == 3
    assert stored["max_failed_logins"] == 7
    assert window.idle.interval_ms == 3 * 60_000  # the lock follows the new setting at once
    assert stored["sync_interval_minutes"] == 0
    assert not window.sync.timer.isActive()  # background sync off: only "Sync now"


def test_settings_error_is_shown_next_to_its_field(qtbot, ctx, admin):
    window = _window(qtbot, ctx, admin)
    form = window.open("settings").general
    form.inputs["language"].addItem("Klingon", "tlh")  # a value the service refuses
    form.inputs["language"].setCurrentIndex(2)
    click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: form.errors.label("language").isVisible(), timeout=10_000)
    assert form.errors.label("language").text() == "Pilihan tidak dikenal."
    assert get_settings(ctx.db)["language"] == "id"


def test_non_admin_sees_settings_read_only_and_no_staff_tab(qtbot, ctx, admin):
    row = add_staff(
        ctx.db,
        admin,
        username="spv.sari",
        full_name="Sari Saputra",
        role="supervisor",
        password="Sementara1",
    )
    supervisor = Actor(row.username, Role.SUPERVISOR, admin.office_code, row.id, row.full_name)
    window = _window(qtbot, ctx, supervisor)
    page = window.open("settings")
    assert page.tabs.count() == 1 and page.staff is None
    assert not page.show_staff()
    form = page.general
    assert not form.save_button.isEnabled()
    assert all(not w.isEnabled() for w in form.inputs.values())
    assert "Hanya admin" in form.findChild(type(form.status), "notice").text()
    assert window.status_user.text() == "Sari Saputra (Supervisor)"
