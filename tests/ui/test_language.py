"""Language: Indonesian by default; "en" switches widgets and service messages together."""

from __future__ import annotations

from app.services.settings import update_settings
from app.ui.dialogs.login import LoginDialog
from tests.ui.helpers import sign_in


def test_indonesian_by_default(qtbot, flow):
    login = flow.start()
    assert login.login_button.text() == "Masuk"
    assert login.windowTitle() == "Loket Vokasi — masuk"


def test_english_after_the_setting_changes(qtbot, flow, ctx, admin):
    update_settings(ctx.db, admin, {"language": "en"})
    login = flow.show_login()  # a freshly built login dialog, as after signing out
    assert isinstance(login, LoginDialog)
    assert login.login_button.text() == "Sign in"
    assert login.quit_button.text() == "Quit"
    assert login.windowTitle() == "Loket Vokasi — sign in"
    sign_in(qtbot, login, "admin", "wrong-password-1")
    assert login.error.text() == (
        "Wrong username or password. 4 more tries before the account is locked."
    )
