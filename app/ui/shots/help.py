"""The user guide for `loket screenshots`: opened with F1's command from the Pembayaran
page, so it shows the payment section, over the main window."""

from __future__ import annotations

from app.ui.shots.session import ShotSession, settle


def guide(session: ShotSession) -> None:
    from app.ui.dialogs.user_guide import show_guide

    window = session.window
    window.open("payments")
    settle()
    dialog = show_guide(window)
    settle()
    session.save("panduan", dialog, window)
    dialog.close()
