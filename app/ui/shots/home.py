"""Beranda for `loket screenshots`: the dashboard of the demo office, drawn only once its
figures have arrived from the background task (a PNG of "loading…" would show nothing)."""

from __future__ import annotations

from app.ui.shots.session import ShotSession, settle, wait_until


def home(session: ShotSession) -> None:
    page = session.window.open("home")
    settle()
    wait_until(lambda: page.board is not None and not page.loading)
    session.save("home")
