"""Last line of defence: an exception nobody caught is logged and shown, never swallowed.

PySide6 does not end the program when a slot raises; without this hook the traceback would
go to a console the clerk never sees, and the screen would just not react. The dialog says
what happened, where the log is, and lets the user go on or close the program. A storage
problem (app.storage_errors) is not a bug: it gets its one-sentence message box instead.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.ui.messages import log_file, show_error

log = logging.getLogger(__name__)

_showing = False


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook: log the traceback, then show the crash dialog (once at a time)."""
    global _showing
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    from app.storage_errors import translate

    storage = translate(exc)
    if storage is not None and QApplication.instance() is not None:
        # not a bug: a damaged database, a full disk... said in one sentence, as anywhere
        show_error(QApplication.activeWindow(), exc)
        return
    log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
    if _showing or QApplication.instance() is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    _showing = True
    try:
        if show_crash_dialog(exc_type, exc, tb):
            QApplication.quit()
    except Exception:  # the dialog itself failed: at least the log and stderr have it
        log.exception("crash dialog failed")
        sys.__excepthook__(exc_type, exc, tb)
    finally:
        _showing = False


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    log.critical(
        "uncaught exception in thread %s",
        args.thread.name if args.thread else "?",
        exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
    )


def install() -> None:
    sys.excepthook = excepthook
    threading.excepthook = _thread_hook


def show_crash_dialog(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> bool:
    """Show the crash dialog modally; True when the user chose to close the program."""
    from PySide6.QtWidgets import QMessageBox  # not at import: keeps start-up quick

    box = QMessageBox(QApplication.activeWindow())
    box.setObjectName("crashDialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("crash", "Loket Vokasi — error"))
    box.setText(
        QCoreApplication.translate(
            "crash",
            "An unexpected error occurred. The last action may not have been saved. "
            "You can continue working or close the program.",
        )
    )
    where = log_file()
    if where is not None:
        box.setInformativeText(
            QCoreApplication.translate(
                "crash", "The details were written to the log file:\n{path}"
            ).format(path=where)
        )
    box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
    box.addButton(
        QCoreApplication.translate("crash", "Continue"), QMessageBox.ButtonRole.RejectRole
    )
    close = box.addButton(
        QCoreApplication.translate("crash", "Close the program"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.exec()
    return box.clickedButton() is close
