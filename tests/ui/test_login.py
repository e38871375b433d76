"""Sign-in: wrong password with tries left, success into the main window, lock-out, and the
forced password change after an admin reset."""

from __future__ import annotations

from app.services.staff import add_staff
from app.ui.dialogs.change_password import ChangePasswordDialog
from app.ui.dialogs.login import LoginDialog
from app.ui.main_window import MainWindow
from tests.ui.helpers import click, sign_in, type_into


def test_wrong_password_then_success_opens_main_window(qtbot, flow, admin_password):
    login = flow.start()
    assert isinstance(login, LoginDialog)
    assert "DKI Jakarta (JKT)" in login.findChild(type(login.error), "subheading").text()
    sign_in(qtbot, login, "admin", "salah-sekali-1")
    assert login.error.isVisible()
    assert login.error.text() == (
        "Nama pengguna atau kata sandi salah. Sisa 4 kali percobaan sebelum akun dikunci."
    )
    assert flow.window is login

    sign_in(qtbot, login, "admin", admin_password)
    qtbot.waitUntil(lambda: isinstance(flow.window, MainWindow), timeout=10_000)
    window = flow.window
    assert window.windowTitle() == "Loket Vokasi — DKI Jakarta"
    assert window.status_office.text() == "Kantor JKT"
    assert window.status_office.toolTip() == "DKI Jakarta"
    assert window.status_device.text() == "Perangkat 1"
    assert window.status_user.text() == "Admin Kantor (Admin)"
    assert window.page("home").greeting.text().endswith("Admin Kantor")
    staff = window.page("settings").staff  # the sign-in is counted on the Staf tab
    qtbot.waitUntil(lambda: staff.tiles["logins_today"].value.text() == "1", timeout=10_000)


def test_empty_fields_are_caught_before_the_service(qtbot, flow):
    login = flow.start()
    click(qtbot, login.login_button)
    assert login.error.text() == "Masukkan nama pengguna Anda."
    type_into(qtbot, login.username, "admin")
    click(qtbot, login.login_button)
    assert login.error.text() == "Masukkan kata sandi Anda."


def test_five_wrong_passwords_lock_the_account(qtbot, flow, admin_password):
    login = flow.start()
    for _ in range(5):
        sign_in(qtbot, login, "admin", "salah-sekali-1")
    assert login.error.text().startswith("Akun dikunci karena terlalu sering salah kata sandi.")
    assert "15 menit" in login.error.text()
    sign_in(qtbot, login, "admin", admin_password)  # the right password does not help now
    assert login.error.text().startswith("Akun dikunci")
    assert flow.window is login


def test_escape_on_login_quits(qtbot, flow):
    login = flow.start()
    login.reject()
    assert flow.quits == [True]


def test_temporary_password_must_be_changed_first(qtbot, flow, ctx, admin):
    add_staff(
        ctx.db,
        admin,
        username="loket.rina",
        full_name="Rina Lestari",
        role="counter",
        password="Sementara1",
    )
    login = flow.start()
    sign_in(qtbot, login, "loket.rina", "Sementara1")
    qtbot.waitUntil(lambda: isinstance(flow.window, ChangePasswordDialog), timeout=10_000)
    dialog = flow.window
    assert dialog.forced and dialog.cancel_button.text() == "Keluar"
    type_into(qtbot, dialog.current, "Sementara1")
    type_into(qtbot, dialog.new, "RinaBaru2026")
    type_into(qtbot, dialog.confirm, "RinaBaru2026")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: isinstance(flow.window, MainWindow), timeout=10_000)
    assert flow.window.status_user.text() == "Rina Lestari (Petugas loket)"
    assert flow.window.page("settings").staff is None
