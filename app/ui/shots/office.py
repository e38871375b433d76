"""The office's own screens: set-up (before any office exists), sign-in, and the account
dialogs over the main window."""

from __future__ import annotations

from app.ui.shots.session import ShotSession


def setup(session: ShotSession) -> None:
    from app.ui.dialogs.setup_wizard import SetupWizard

    wizard = SetupWizard(session.ctx)
    wizard.show()
    session.save("setup", wizard)
    wizard.close()
    wizard.deleteLater()


def login(session: ShotSession) -> None:
    from app.ui.dialogs.login import LoginDialog

    session.demo_office()
    dialog = LoginDialog(session.ctx, session.ctx.startup_info())
    dialog.show()
    session.save("login", dialog)
    dialog.close()
    dialog.deleteLater()


def change_password(session: ShotSession) -> None:
    window = session.window
    window.nav.setCurrentRow(0)
    dialog = window.change_password()
    session.save("change_password", dialog, window)
    dialog.reject()


def lock(session: ShotSession) -> None:
    window = session.window
    window.lock_now()
    if window.lock_dialog is not None:
        session.save("lock", window.lock_dialog, window)
