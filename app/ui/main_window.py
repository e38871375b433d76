"""The main window after sign-in: sidebar, pages, status bar (with the sync state), background
sync, screen lock and sign-out.

It opens inside the screen's available area, where it was left last time
(app.ui.placement); every page must fit at 1366×768 with a taskbar
(tests/ui/test_window_geometry.py), scrolling inside itself where it is taller.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import features
from app.domain.roles import ROLE_LABELS, can
from app.services import auth
from app.services.actor import Actor
from app.services.startup import StartupInfo
from app.texts import Text
from app.ui.context import AppContext
from app.ui.dialogs.change_password import ChangePasswordDialog
from app.ui.dialogs.lock import LockDialog
from app.ui.idle import IdleWatcher
from app.ui.messages import report, show_info
from app.ui.navigation import install as install_nav_delegate
from app.ui.navigation import nav_item
from app.ui.sync_runner import SyncRunner, SyncStatusBar
from app.ui.tasks import run_task
from app.ui.widgets import demo_banner

if TYPE_CHECKING:
    from app.db import Database
    from app.services.window_state import WindowState


class MainWindow(QMainWindow):
    """Everything a signed-in person works in.

    Signals:
        signed_out(): the person signed out (button, or from the lock dialog).
    """

    signed_out = Signal()

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        info: StartupInfo,
        sync_interval_ms: int | None = None,
    ) -> None:
        """`sync_interval_ms` None: the setting `sync_interval_minutes`; 0 turns background
        sync off (screenshots, tests)."""
        super().__init__()
        self.ctx = ctx
        self.actor = actor
        self.info = info
        self.lock_dialog: LockDialog | None = None
        self._signing_out = False
        self.setObjectName("mainWindow")
        title = self.tr("Loket Vokasi — {office}").format(office=info.office_name)
        self.setWindowTitle(f"{title} [DEMO]" if info.is_demo else title)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        if info.is_demo:
            outer.addWidget(demo_banner(central))
        # While locked, a plain cover replaces the work area so no personal data shows
        # behind the lock dialog.
        self.screens = QStackedWidget()
        outer.addWidget(self.screens, 1)
        self.content = QWidget()
        body = QHBoxLayout(self.content)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        self.screens.addWidget(self.content)
        self.screens.addWidget(self._lock_cover())
        self.pages = QStackedWidget()
        from app.services.settings import get_settings

        settings = get_settings(ctx.db)
        self._fixed_interval = sync_interval_ms is not None
        self.sync = SyncRunner(
            ctx, sync_interval_ms if sync_interval_ms is not None else _interval(settings), self
        )
        # The pages come from the features (app.features), in their order; a role without a
        # page's permission does not see it.
        self.page_specs = [
            spec
            for spec in features.pages()
            if spec.permission is None or can(actor.role, spec.permission)
        ]
        self.page_widgets: dict[str, QWidget] = {}
        body.addWidget(self._sidebar())
        body.addWidget(self.pages, 1)
        for position, spec in enumerate(self.page_specs, start=1):
            widget = features.load(spec.factory)(self)
            self.page_widgets[spec.key] = widget
            self.pages.addWidget(widget)
            shortcut = QAction(spec.title.render(), self)
            shortcut.setShortcut(QKeySequence(spec.shortcut or f"Ctrl+{position}"))
            shortcut.triggered.connect(lambda _c=False, key=spec.key: self.open(key))
            self.addAction(shortcut)
        commands: list[tuple[features.ActionSpec, QAction]] = []
        for action in features.actions():
            if action.permission is not None and not can(actor.role, action.permission):
                continue
            command = QAction(action.title.render(), self)
            command.setShortcut(QKeySequence(action.shortcut))
            command.triggered.connect(lambda _c=False, run=action.run: features.load(run)(self))
            self.addAction(command)
            commands.append((action, command))
        self._menus(commands)
        self.nav.setCurrentRow(0)
        self.setCentralWidget(central)
        self._status_bar()
        self.idle = IdleWatcher(int(settings["idle_lock_minutes"]), self)
        self.idle.idle.connect(self._show_lock)
        ctx.data_changed.connect(self.on_data_changed)
        lock = QAction(self.tr("Lock screen"), self)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.lock_now)
        self.addAction(lock)
        self.sync.refresh_status()
        self._place()

    def _place(self) -> None:
        """Open where the window was left (or fitted to this screen); see app.ui.placement."""
        from app.services.window_state import load_window_state
        from app.ui.placement import place

        self._kept_state: WindowState | None
        try:
            self._kept_state = load_window_state(self.ctx.db)
        except Exception as exc:  # a place on screen is not worth a failed sign-in
            report(exc)
            self._kept_state = None
        place(self, self._kept_state)

    def _keep_place(self) -> None:
        """Remember size, position and maximised state for the next session (on the
        writer thread; nothing is written when they did not change)."""
        from app.services.window_state import save_window_state
        from app.ui.placement import current_state

        state = current_state(self)
        if state == self._kept_state:
            return
        self._kept_state = state
        self._audit(lambda db: save_window_state(db, state))

    def _sidebar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("sidebar")
        bar.setFixedWidth(230)
        column = QVBoxLayout(bar)
        column.setContentsMargins(0, 18, 0, 14)
        column.setSpacing(6)
        name = QLabel(self.tr("Loket Vokasi"))
        name.setObjectName("appName")
        column.addWidget(name)
        office = QLabel(f"{self.info.office_name} · {self.info.office_code}")
        office.setObjectName("sidebarOffice")
        column.addWidget(office)
        column.addSpacing(14)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        for position, spec in enumerate(self.page_specs, start=1):
            self.nav.addItem(nav_item(spec.title.render(), spec.shortcut or f"Ctrl+{position}"))
        install_nav_delegate(self.nav, self)
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.nav.currentRowChanged.connect(self.show_page)
        column.addWidget(self.nav, 1)
        who = QLabel(f"{self.actor.full_name or self.actor.username}\n{self.role_label()}")
        who.setObjectName("sidebarUser")
        column.addWidget(who)
        self.password_button = QPushButton(self.tr("Change password"))
        self.lock_button = QPushButton(self.tr("Lock screen"))
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.password_button.clicked.connect(self.change_password)
        self.lock_button.clicked.connect(self.lock_now)
        self.sign_out_button.clicked.connect(self.sign_out)
        for button in (self.password_button, self.lock_button, self.sign_out_button):
            button.setObjectName("sidebarButton")
            column.addWidget(button)
        return bar

    def _menus(self, commands: list[tuple[features.ActionSpec, QAction]]) -> None:
        """The commands that name a menu (ActionSpec.menu: Bantuan holds the guide, F1),
        under it, by their order. A menu opens from its button at the right end of the
        status bar: a menu bar would take a row from every page, and the sidebar's last
        entries would no longer fit on 1366×768."""
        self.menus: dict[Text, QMenu] = {}
        for spec, command in sorted(commands, key=lambda c: (c[0].order, c[0].key)):
            if spec.menu is None:
                continue
            if spec.menu not in self.menus:
                self.menus[spec.menu] = QMenu(spec.menu.render(), self)
            self.menus[spec.menu].addAction(command)

    def _lock_cover(self) -> QWidget:
        cover = QWidget()
        cover.setObjectName("lockCover")
        cover.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        column = QVBoxLayout(cover)
        text = QLabel(self.tr("Screen locked"))
        text.setObjectName("lockCoverText")
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
        column.addWidget(text)
        column.addStretch(1)
        return cover

    def is_locked(self) -> bool:
        return self.lock_dialog is not None

    def _status_bar(self) -> None:
        bar = self.statusBar()
        # The office's name is at the top of the sidebar; here its code leaves the sync
        # line room (it ended in "…" at 1280 pixels).
        self.status_office = QLabel(self.tr("Office {code}").format(code=self.info.office_code))
        self.status_office.setToolTip(self.info.office_name)
        self.status_device = QLabel(self.tr("Device {n}").format(n=self.info.device_no))
        self.status_user = QLabel(
            f"{self.actor.full_name or self.actor.username} ({self.role_label()})"
        )
        self.sync_status = SyncStatusBar(bar, self.sync)
        self.sync_status.indicator.clicked.connect(lambda: self.open("sync"))
        for label in (self.status_office, self.status_device, self.status_user):
            label.setObjectName("statusItem")
            bar.addPermanentWidget(label)
        if self.info.is_demo:
            demo = QLabel("DEMO")
            demo.setObjectName("statusDemo")
            bar.addPermanentWidget(demo)
        self.menu_buttons: list[QToolButton] = []
        for menu in self.menus.values():
            # a flat button as tall as the items beside it, opening its menu above it
            button = QToolButton()
            button.setObjectName("statusMenu")
            button.setText(f"{menu.title()} ▴")
            button.setToolTip(
                "\n".join(f"{a.text()}: {a.shortcut().toString()}" for a in menu.actions())
            )
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setFixedHeight(self.status_office.sizeHint().height())
            button.clicked.connect(lambda _c=False, b=button, m=menu: _pop_up(m, b))
            bar.addPermanentWidget(button)
            self.menu_buttons.append(button)

    def role_label(self) -> str:
        return ROLE_LABELS[self.actor.role].render()

    def show_page(self, row: int) -> None:
        self.pages.setCurrentIndex(row)

    def page(self, key: str) -> Any:
        """The page widget of `key` (a PageSpec key), without showing it."""
        return self.page_widgets[key]

    def open(self, key: str) -> Any:
        """Show the page `key`, as its navigation entry or shortcut would, and return it."""
        widget = self.page_widgets[key]
        self.nav.setCurrentRow(self.pages.indexOf(widget))
        return widget

    def on_data_changed(self, entities: frozenset[str]) -> None:
        if "sync" not in entities:  # a local change adds waiting changes; a cycle reads its own
            self.sync.refresh_status()
        if "settings" in entities:
            from app.services.settings import get_settings

            settings = get_settings(self.ctx.db)
            self.idle.set_minutes(int(settings["idle_lock_minutes"]))
            if not self._fixed_interval:
                self.sync.set_interval(_interval(settings))

    # --- account ------------------------------------------------------------------------
    def change_password(self) -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(self.ctx, self.actor, self)
        dialog.succeeded.connect(
            lambda _r: show_info(
                self, self.tr("Password changed"), self.tr("Your new password is in use.")
            )
        )
        dialog.open()
        return dialog

    def lock_now(self) -> None:
        self.idle.lock_now()

    def _show_lock(self, reason: str) -> None:
        if self.lock_dialog is not None:
            return
        self._audit(lambda db: auth.record_screen_lock(db, self.actor, reason))
        for child in self.findChildren(QDialog):  # e.g. a half-filled dialog: hide it too
            if child.isVisible():
                child.reject()
        self.screens.setCurrentIndex(1)
        dialog = LockDialog(self.ctx, self.actor, self)
        dialog.unlocked.connect(self._unlocked)
        dialog.sign_out_requested.connect(self.sign_out)
        self.lock_dialog = dialog
        dialog.open()

    def _unlocked(self) -> None:
        if self.lock_dialog is not None:
            self.lock_dialog.deleteLater()
            self.lock_dialog = None
        self.screens.setCurrentIndex(0)
        self.idle.resume()

    def sign_out(self) -> None:
        if self._signing_out:
            return
        self._signing_out = True
        self.idle.stop()
        self.sync.stop()
        self._flush_pages()
        self._keep_place()
        self._audit(lambda db: auth.record_logout(db, self.actor))
        self.signed_out.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window ends the session too, so it is recorded as a sign-out."""
        self.idle.stop()
        self.sync.stop()
        if not self._signing_out:
            self._signing_out = True
            self._flush_pages()
            self._keep_place()
            self._audit(lambda db: auth.record_logout(db, self.actor))
        super().closeEvent(event)

    def _flush_pages(self) -> None:
        """Let every page keep what it must before the session ends (an intake's draft): a
        page with a `flush()` method is asked."""
        for widget in self.page_widgets.values():
            flush = getattr(widget, "flush", None)
            if callable(flush):
                flush()

    def _audit(self, record: Callable[[Database], None]) -> None:
        """Write a session event (or the window's place) on the writer thread; a failure
        is logged, never blocks."""
        ctx = self.ctx
        run_task(lambda _p, _c: record(ctx.db), on_error=report, write=True)


def _pop_up(menu: QMenu, button: QWidget) -> None:
    """`menu` just above `button` (at the bottom of the window), its right edge on the
    button's."""
    size = menu.sizeHint()
    corner = button.mapToGlobal(button.rect().topRight())
    menu.popup(corner - QPoint(size.width(), size.height()))


def _interval(settings: dict[str, Any]) -> int:
    """The background sync interval in milliseconds (0: only on demand)."""
    return int(settings["sync_interval_minutes"]) * 60_000
