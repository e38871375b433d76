"""The one place that tells the user something: errors, information, questions.

A `LoketError` is a refusal the user can act on: its Indonesian (or English) sentence is
shown as is; so is a storage problem (damaged database, full disk, read-only or unusable
data folder, database busy), turned into one by app.storage_errors. Anything else is a bug:
it is logged with its traceback and the user gets a calm generic sentence plus where the
log file is, for the office IT. Boxes are opened window-modal without blocking (`open()`),
so a running task or a test is never stuck. Qt's `Qt` namespace and QMessageBox are
imported on first use: creating the Python side of the `Qt` namespace costs about 20 ms,
which the first window must not pay (see app.ui.app).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.errors import AuthError, LoketError, NotFound, PermissionDenied, StateError, StorageError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)


def log_file() -> Path | None:
    """The program's log file (set up by app.logging_setup), if logging is set up."""
    from app.logging_setup import current_log_file

    for handler in logging.getLogger().handlers:
        name = getattr(handler, "baseFilename", None)
        if getattr(handler, "_loket", False) and name:
            return Path(name)
    return current_log_file()


def as_refusal(exc: BaseException) -> BaseException:
    """`exc`, or the StorageError that says what it means when it is a storage problem."""
    if isinstance(exc, LoketError):
        return exc
    from app.storage_errors import translate

    return translate(exc) or exc


def error_text(exc: BaseException) -> str:
    """What to tell the user about `exc`, in the current language."""
    exc = as_refusal(exc)
    if isinstance(exc, LoketError):
        return exc.message()
    where = log_file()
    text = QCoreApplication.translate(
        "messages",
        "Something went wrong and the action may not have been completed. "
        "Try again; if it happens again, call the office IT.",
    )
    if where is not None:
        text += " " + QCoreApplication.translate(
            "messages", "Details are in the log file: {path}"
        ).format(path=where)
    return text


def error_title(exc: BaseException) -> str:
    exc = as_refusal(exc)
    if isinstance(exc, PermissionDenied):
        return QCoreApplication.translate("messages", "Not allowed")
    if isinstance(exc, AuthError):
        return QCoreApplication.translate("messages", "Sign-in refused")
    if isinstance(exc, NotFound):
        return QCoreApplication.translate("messages", "Not found")
    if isinstance(exc, StateError):
        return QCoreApplication.translate("messages", "Cannot continue")
    if isinstance(exc, LoketError):
        return QCoreApplication.translate("messages", "Please check")
    return QCoreApplication.translate("messages", "Unexpected error")


def report(exc: BaseException) -> None:
    """Log a bug with its traceback; a refusal is normal and only noted; a storage problem
    is logged with the error underneath, for the office IT."""
    refusal = as_refusal(exc)
    if isinstance(refusal, StorageError):
        cause = exc if refusal is not exc else exc.__cause__
        log.warning("storage problem: %s", refusal, exc_info=cause)
    elif isinstance(exc, LoketError):
        log.info("refused: %s", exc)
    else:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """Tell the user about a refusal or a bug (see the module docstring)."""
    from PySide6.QtWidgets import QMessageBox

    report(exc)
    refusal = as_refusal(exc)
    icon = (
        QMessageBox.Icon.Warning if isinstance(refusal, LoketError) else QMessageBox.Icon.Critical
    )
    return _box(parent, icon, error_title(refusal), error_text(refusal))


def show_info(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """A short confirmation that something was done (e.g. a password was reset)."""
    from PySide6.QtWidgets import QMessageBox

    return _box(parent, QMessageBox.Icon.Information, title, text)


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    yes: str,
    no: str,
    on_yes: Callable[[], None],
    on_no: Callable[[], None] | None = None,
) -> QMessageBox:
    """A question with two answers; `on_yes` or `on_no` runs once the user answers (the
    box does not block, like the others). Escape or closing the box counts as `no`."""
    from PySide6.QtWidgets import QMessageBox, QPushButton

    roles = QMessageBox.ButtonRole
    box = _box(
        parent,
        QMessageBox.Icon.Question,
        title,
        text,
        [(yes, roles.AcceptRole), (no, roles.RejectRole)],
    )
    yes_button = next(b for b in box.buttons() if box.buttonRole(b) == roles.AcceptRole)
    no_button = next(b for b in box.buttons() if box.buttonRole(b) == roles.RejectRole)
    if isinstance(yes_button, QPushButton):
        box.setDefaultButton(yes_button)
    box.setEscapeButton(no_button)

    def answered(button: object) -> None:
        if button is yes_button:
            on_yes()
        elif on_no is not None:
            on_no()

    box.buttonClicked.connect(answered)
    return box


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: list[tuple[str, QMessageBox.ButtonRole]] | None = None,
) -> QMessageBox:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("messageBox")
    ok = [(QCoreApplication.translate("messages", "OK"), QMessageBox.ButtonRole.AcceptRole)]
    for label, role in buttons or ok:
        box.addButton(label, role)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    modal = Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal
    box.setWindowModality(modal)
    box.open()
    return box
