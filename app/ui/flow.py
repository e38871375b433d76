"""Which window is on screen: set-up on an empty database, then sign-in, then the main
window; signing out returns to sign-in (in the language then set).

Only one top-level window is shown at a time. The next window is shown before the previous
one closes, so Qt never sees "the last window closed" and quits in between.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from app.services.startup import StartupInfo
from app.ui import i18n
from app.ui.context import AppContext
from app.ui.dialogs.login import LoginDialog

if TYPE_CHECKING:
    from app.services.actor import Actor
    from app.ui.dialogs.setup_wizard import SetupWizard
    from app.ui.main_window import MainWindow


class Flow(QObject):
    """Moves the user between set-up, sign-in and the main window.

    Signals:
        window_changed(object): the top-level window now on screen.
    """

    window_changed = Signal(object)

    def __init__(self, ctx: AppContext, on_quit: Callable[[], None] = QApplication.quit) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.on_quit = on_quit
        self.window: QWidget | None = None
        self.info: StartupInfo | None = None

    def start(self, info: StartupInfo | None = None) -> QWidget:
        """Show the first window and return it."""
        info = info or self.ctx.startup_info()
        if info.set_up:
            return self.show_login(info)
        return self.show_setup()

    def show_setup(self) -> SetupWizard:
        from app.ui.dialogs.setup_wizard import SetupWizard

        wizard = SetupWizard(self.ctx)
        wizard.completed.connect(lambda _result: self.show_login())
        wizard.rejected.connect(lambda: self._closed_by_user(wizard))
        self._switch(wizard)
        return wizard

    def show_login(self, info: StartupInfo | None = None) -> LoginDialog:
        self.info = info or self.ctx.startup_info()
        i18n.apply_language(self.info.language)
        dialog = LoginDialog(self.ctx, self.info)
        dialog.signed_in.connect(self._signed_in)
        dialog.rejected.connect(lambda: self._closed_by_user(dialog))
        self._switch(dialog)
        return dialog

    def _signed_in(self, signed: object) -> None:
        from app.services.auth import SignedIn

        assert isinstance(signed, SignedIn)
        if signed.must_change_password:
            self.force_password_change(signed.actor)
        else:
            self.open_main(signed.actor)

    def force_password_change(self, actor: Actor) -> QWidget:
        from app.ui.dialogs.change_password import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.ctx, actor, forced=True)
        dialog.succeeded.connect(lambda _r: self.open_main(actor))
        dialog.rejected.connect(lambda: self._back_to_login(dialog))
        self._switch(dialog)
        return dialog

    def open_main(self, actor: Actor) -> MainWindow:
        from app.ui.main_window import MainWindow

        info = self.info or self.ctx.startup_info()
        window = MainWindow(self.ctx, actor, info)
        window.signed_out.connect(self.show_login)
        self._switch(window)
        return window

    def _switch(self, new: QWidget) -> None:
        old, self.window = self.window, new
        new.show()
        new.raise_()
        new.activateWindow()
        if old is not None:
            old.close()
            old.deleteLater()
        self.window_changed.emit(new)

    def _back_to_login(self, dialog: QWidget) -> None:
        if self.window is dialog:
            self.show_login()

    def _closed_by_user(self, window: QWidget) -> None:
        """The user closed the current window (Quit, Escape, the title bar's ×)."""
        if self.window is window:
            self.on_quit()
