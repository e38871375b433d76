"""Beranda for `loket screenshots`."""

from __future__ import annotations

from app.ui.shots.session import ShotSession, settle


def home(session: ShotSession) -> None:
    session.window.open("home")
    settle()
    session.save("home")
