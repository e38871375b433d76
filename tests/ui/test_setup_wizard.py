"""First run: the set-up screen typed through, errors next to fields, and the demo office."""

from __future__ import annotations

from app import config
from app.services.startup import read_startup_info
from app.ui.dialogs.login import LoginDialog
from app.ui.dialogs.setup_wizard import SetupWizard
from tests.ui.helpers import click, type_into


def test_setup_shows_error_next_to_field_then_sets_up(qtbot, empty_ctx):
    wizard = SetupWizard(empty_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.office.setCurrentIndex(wizard.office.findData("BTN"))
    wizard.device.setValue(2)
    type_into(qtbot, wizard.username, "admin.budi")
    type_into(qtbot, wizard.password, "Rahasia123")
    type_into(qtbot, wizard.confirm, "Rahasia123")
    click(qtbot, wizard.ok_button)  # full name left empty
    qtbot.waitUntil(lambda: wizard.errors.label("full_name").isVisible(), timeout=10_000)
    assert wizard.errors.label("full_name").text() == "Nama lengkap wajib diisi."
    assert not wizard.errors.label("username").isVisible()
    assert read_startup_info(config.db_path()).set_up is False  # nothing written

    type_into(qtbot, wizard.full_name, "Budi Santoso")
    with qtbot.waitSignal(wizard.completed, timeout=10_000):
        click(qtbot, wizard.ok_button)
    assert not wizard.errors.label("full_name").isVisible()
    info = read_startup_info(config.db_path())
    assert (info.set_up, info.office_code, info.device_no, info.is_demo) == (True, "BTN", 2, False)


def test_setup_refuses_different_passwords_and_weak_password(qtbot, empty_ctx):
    wizard = SetupWizard(empty_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    type_into(qtbot, wizard.username, "admin")
    type_into(qtbot, wizard.full_name, "Admin Kantor")
    type_into(qtbot, wizard.password, "Rahasia123")
    type_into(qtbot, wizard.confirm, "Rahasia124")
    click(qtbot, wizard.ok_button)
    assert wizard.errors.label("confirm").text() == "Kedua kata sandi tidak sama."

    type_into(qtbot, wizard.password, "pendek")
    type_into(qtbot, wizard.confirm, "pendek")
    click(qtbot, wizard.ok_button)
    qtbot.waitUntil(lambda: wizard.errors.label("password").isVisible(), timeout=10_000)
    assert "minimal 8 karakter" in wizard.errors.label("password").text()
    assert not wizard.errors.label("confirm").isVisible()


def test_office_list_shows_region_codes(qtbot, empty_ctx):
    wizard = SetupWizard(empty_ctx)
    qtbot.addWidget(wizard)
    items = [wizard.office.itemText(i) for i in range(wizard.office.count())]
    assert [wizard.office.itemData(i) for i in range(len(items))] == [
        "JKT",
        "BTN",
        "JBR",
        "LOM",
        "BPN",
        "TNG",
    ]
    assert "Balikpapan (BPN) — wilayah 64.71, Kota Balikpapan" in items
    assert wizard.device.maximum() == 99


def test_demo_office_goes_to_login_with_demo_accounts(qtbot, empty_ctx):
    from app.ui.flow import Flow

    flow = Flow(empty_ctx, on_quit=lambda: None)
    wizard = flow.start()
    assert isinstance(wizard, SetupWizard)
    click(qtbot, wizard.demo_button)
    qtbot.waitUntil(lambda: isinstance(flow.window, LoginDialog), timeout=20_000)
    login = flow.window
    assert login.info.is_demo and login.info.office_code == "JKT"
    assert "[DEMO]" in login.windowTitle()
    table = login.demo_table
    assert table is not None
    users = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert users[0] == "admin" and len(users) == 5
    assert table.item(0, 2).text() == "Admin"
    assert "Petugas loket" in [table.item(r, 2).text() for r in range(table.rowCount())]
    login.use_demo_login(1)
    assert login.username.text() == users[1]
    assert login.password.text() == "demo1234"
