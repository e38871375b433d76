"""Render every main screen with demo data to PNG files (`loket screenshots DIR`).

Used to look at the program as a clerk would, and for the user guide. Works without a
display (offscreen platform) and never touches this PC's data: it sets up a demo office
in a temporary LOKET_HOME. Dialogs are drawn over their dimmed main window, as on screen.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import (
    QMessageLogContext,
    QPoint,
    QRect,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from app import config
from app.services.actor import Actor
from app.ui import i18n, style, tasks
from app.ui.app import ensure_application
from app.ui.context import AppContext

MAIN_SIZE = (1280, 800)
TITLE_BAR_HEIGHT = 30
OFFSCREEN_NOTE = "This plugin does not support"
Save = Callable[[QWidget, str, QWidget | None], None]


def _choose_platform() -> None:
    """Offscreen unless a platform is named or a display is there (must precede QApplication)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if sys.platform != "linux" or not has_display:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


@contextmanager
def _quiet_offscreen_notes() -> Iterator[None]:
    """Drop the offscreen platform's "does not support ..." notes; pass on the rest."""

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if OFFSCREEN_NOTE in message:
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


@contextmanager
def _temporary_home() -> Iterator[Path]:
    old = os.environ.get("LOKET_HOME")
    with tempfile.TemporaryDirectory(prefix="loket-screens-") as home:
        os.environ["LOKET_HOME"] = home
        try:
            yield Path(home)
        finally:
            if old is None:
                os.environ.pop("LOKET_HOME", None)
            else:
                os.environ["LOKET_HOME"] = old


def render_all(out_dir: Path, lang: str = "id") -> list[Path]:
    """Write setup, login, home, settings, staff, the participant screens (list, intake,
    detail, history, import), sync, sync_problems, sync_conflicts, sync_duplicates,
    change_password and lock PNGs to out_dir."""
    _choose_platform()
    app = ensure_application([])
    style.apply(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    previous_language = i18n.current_language()
    written: list[Path] = []

    def save(widget: QWidget, name: str, over: QWidget | None = None) -> None:
        for _ in range(3):
            QApplication.processEvents()
        pixmap = _composite(over, widget) if over is not None else widget.grab()
        path = out_dir / f"{name}.png"
        if not pixmap.save(str(path)):
            raise OSError(f"could not write {path}")
        written.append(path)

    with _temporary_home(), _quiet_offscreen_notes():
        ctx = AppContext(config.db_path(), config.backups_dir())
        try:
            i18n.apply_language(lang)
            _render(ctx, save)
        finally:
            tasks.wait_all()
            QApplication.processEvents()
            ctx.close()
            i18n.apply_language(previous_language)
    return written


def _render(ctx: AppContext, save: Save) -> None:
    from app.services import auth
    from app.services.demo import DEMO_ADMIN, DEMO_PASSWORD, create_demo_office
    from app.ui.dialogs.login import LoginDialog
    from app.ui.dialogs.setup_wizard import SetupWizard
    from app.ui.main_window import MainWindow

    wizard = SetupWizard(ctx)
    wizard.show()
    save(wizard, "setup", None)
    wizard.close()
    wizard.deleteLater()

    create_demo_office(ctx.db)
    info = ctx.startup_info()
    login = LoginDialog(ctx, info)
    login.show()
    save(login, "login", None)
    login.close()
    login.deleteLater()

    signed = auth.login(ctx.db, DEMO_ADMIN[0], DEMO_PASSWORD)
    _vary_staff(ctx, signed.actor)
    from app.ui.screenshots_sync import link_demo, render_sync

    link_demo(ctx)
    window = MainWindow(ctx, signed.actor, info, sync_interval_ms=0)
    window.resize(*MAIN_SIZE)
    window.show()
    try:
        save(window, "home", None)
        window.open_settings()
        save(window, "settings", None)
        window.open_settings(staff_tab=True)
        if window.settings.staff is not None:
            window.settings.staff.table.selectRow(1)
        save(window, "staff", None)
        from app.ui.screenshots_participants import render_participants

        render_participants(ctx, window, signed.actor, save)
        render_sync(window, save)
        from app.ui.screenshots_sync import render_review

        render_review(ctx, window, save, ctx.db.path.parent)
        window.nav.setCurrentRow(0)
        dialog = window.change_password()
        save(dialog, "change_password", window)
        dialog.reject()
        window.lock_now()
        if window.lock_dialog is not None:
            save(window.lock_dialog, "lock", window)
    finally:
        window.idle.stop()
        window.close()
        window.deleteLater()


def _vary_staff(ctx: AppContext, admin: Actor) -> None:
    """Give the staff table the states a real office has: a locked account, and one that
    must change its password (only in the temporary demo database)."""
    from app.errors import AuthError
    from app.services import auth, staff

    rows = [r for r in staff.list_staff(ctx.db, admin) if r.role.value == "counter"]
    if len(rows) < 2:
        return
    for _ in range(10):
        try:
            auth.login(ctx.db, rows[0].username, "wrong-password-1")
        except AuthError as exc:
            if exc.text is auth.LOCKED:
                break
    staff.reset_password(ctx.db, admin, rows[1].id, "Sementara123")


def _composite(window: QWidget, dialog: QWidget) -> QPixmap:
    """The main window, dimmed, with the dialog and a plain title bar centred over it."""
    base = window.grab()
    top = dialog.grab()
    bar = TITLE_BAR_HEIGHT
    x = (base.width() - top.width()) // 2
    y = (base.height() - top.height() - bar) // 3
    painter = QPainter(base)
    painter.fillRect(base.rect(), QColor(10, 25, 40, 110))
    frame = QRect(x - 1, y - 1, top.width() + 2, top.height() + bar + 2)
    painter.fillRect(frame, QColor("#8a96a3"))
    painter.fillRect(QRect(x, y, top.width(), bar), QColor("#e4e9ef"))
    painter.setPen(QColor("#17324d"))
    painter.drawText(
        QRect(x + 12, y, top.width() - 24, bar),
        int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
        dialog.windowTitle(),
    )
    painter.drawPixmap(QPoint(x, y + bar), top)
    painter.end()
    return base
