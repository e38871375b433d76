"""Staff tab: the table of accounts and the admin actions, through the real services."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QPoint

from app.services.staff import list_staff
from app.ui.dialogs.staff_dialogs import AddStaffDialog
from app.ui.main_window import MainWindow
from tests.ui.helpers import click, type_into, wait_for_box


def _staff_page(qtbot, ctx, admin):
    window = MainWindow(ctx, admin, ctx.startup_info())
    qtbot.addWidget(window)
    window.show()
    settings = window.open("settings")
    assert settings.show_staff()
    page = settings.staff
    page.window_ref = window  # the main window has no parent: keep it alive
    return page


def test_table_lists_staff(qtbot, ctx, admin):
    page = _staff_page(qtbot, ctx, admin)
    model = page.model
    assert model.rowCount() == 1
    assert [model.index(0, c).data() for c in range(4)] == [
        "admin",
        "Admin Kantor",
        "Admin",
        "Aktif",
    ]
    assert model.headers() == ["Nama pengguna", "Nama lengkap", "Peran", "Status"]


def _figures(page) -> dict[str, str]:
    return {key: tile.value.text() for key, tile in page.tiles.items()}


def test_the_staff_and_todays_figures_are_above_the_table(qtbot, ctx, admin):
    """What Beranda showed before it became the programme's dashboard (issue #14): the
    active staff by role and today's figures of this computer, from home_counts."""
    from app.errors import AuthError
    from app.services.auth import login
    from app.services.home import home_counts
    from app.services.staff import add_staff

    add_staff(ctx.db, admin, username="loket.sari", full_name="Sari", role="counter",
              password="Sementara1")  # fmt: skip
    with pytest.raises(AuthError):
        login(ctx.db, "loket.sari", "salah-sekali-1")
    page = _staff_page(qtbot, ctx, admin)

    def want() -> dict[str, str]:
        counts = home_counts(ctx.db, "JKT")  # read now: the window records actions too
        number = QLocale().toString
        return {
            "staff_active": "2",
            "counter": "1",
            "supervisor": "0",
            "admin": "1",
            "logins_today": number(counts.logins_today),
            "failed_logins_today": "1",
            "events_today": number(counts.events_today),
            "pending_changes": number(counts.pending_changes),
        }

    qtbot.waitUntil(lambda: _figures(page) == want(), timeout=10_000)
    captions = [tile.caption.text() for tile in page.tiles.values()]
    assert captions == [
        "Staf aktif",
        "Petugas loket",
        "Supervisor",
        "Admin",
        "Berhasil masuk",
        "Gagal masuk",
        "Aktivitas tercatat",
        "Menunggu sinkronisasi",
    ]
    assert all(tile.isVisible() for tile in page.tiles.values())
    strip = page.tiles["staff_active"].mapTo(page, QPoint(0, 0)).y()
    assert strip < page.table.mapTo(page, QPoint(0, 0)).y()  # a strip above the table


def test_add_staff_through_dialog(qtbot, ctx, admin):
    page = _staff_page(qtbot, ctx, admin)
    click(qtbot, page.add_button)
    dialog = page.findChild(AddStaffDialog)
    assert dialog is not None and dialog.isVisible()
    type_into(qtbot, dialog.username, "X")
    type_into(qtbot, dialog.full_name, "Rina Lestari")
    dialog.role.setCurrentIndex(dialog.role.findData("counter"))
    type_into(qtbot, dialog.password, "Sementara1")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.errors.label("username").isVisible(), timeout=10_000)
    assert dialog.errors.label("username").text().startswith("Nama pengguna 3–32 karakter")
    assert dialog.isVisible()

    type_into(qtbot, dialog.username, "loket.rina")
    with qtbot.waitSignal(dialog.succeeded, timeout=10_000):
        click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    rows = {r.username: r for r in list_staff(ctx.db, admin)}
    assert rows["loket.rina"].must_change_password
    selected = page.selected()
    assert selected is not None and selected.username == "loket.rina"
    status = page.model.index(page.model.rows.index(selected), 3).data()
    assert status == "Aktif · Wajib ganti kata sandi"


def test_deactivate_and_refusal_for_own_account(qtbot, ctx, admin):
    page = _staff_page(qtbot, ctx, admin)
    page.select_username("admin")
    click(qtbot, page.toggle_button)
    box = wait_for_box(qtbot)
    assert box.text() == "Anda tidak dapat menonaktifkan akun Anda sendiri."
    assert box.windowTitle() == "Tidak dapat dilanjutkan"
    box.close()


def test_unlock_reset_and_deactivate(qtbot, ctx, admin):
    from app.errors import AuthError
    from app.services.auth import login
    from app.services.staff import add_staff
    from app.ui.dialogs.staff_dialogs import ResetPasswordDialog

    add_staff(
        ctx.db,
        admin,
        username="loket.rina",
        full_name="Rina Lestari",
        role="counter",
        password="Sementara1",
    )
    for _ in range(5):
        with pytest.raises(AuthError):
            login(ctx.db, "loket.rina", "salah-sekali-1")
    page = _staff_page(qtbot, ctx, admin)
    page.select_username("loket.rina")

    def status() -> str:
        row = page.model.rows.index(page.selected())
        return page.model.index(row, 3).data()

    assert status().startswith("Aktif · Terkunci s.d. ")
    assert page.unlock_button.isEnabled()
    click(qtbot, page.unlock_button)
    qtbot.waitUntil(lambda: "Terkunci" not in status(), timeout=10_000)
    assert not page.unlock_button.isEnabled()

    dialog = page.reset_password()
    assert isinstance(dialog, ResetPasswordDialog) and "Rina Lestari" in dialog.intro.text()
    type_into(qtbot, dialog.password, "GantiLagi7")
    with qtbot.waitSignal(dialog.succeeded, timeout=10_000):
        click(qtbot, dialog.ok_button)
    box = wait_for_box(qtbot)
    assert box.text() == "Rina Lestari wajib membuat kata sandi baru saat masuk berikutnya."
    box.close()
    assert login(ctx.db, "loket.rina", "GantiLagi7").must_change_password

    assert page.toggle_button.text() == "Nonaktifkan"
    click(qtbot, page.toggle_button)
    qtbot.waitUntil(lambda: status().startswith("Nonaktif"), timeout=10_000)
    assert page.toggle_button.text() == "Aktifkan"
