"""The Laporan screens for `loket screenshots`, as the demo office's supervisor (the branch
head) sees them: the running month's summary with its two charts, and the provider
scorecards."""

from __future__ import annotations

from typing import Any

from app.ui.shots.followups import _window
from app.ui.shots.session import ShotSession, settle, wait_until


def _page(session: ShotSession) -> Any:
    window = _window(session, "supervisor")
    page = window.open("reports")
    settle()
    wait_until(lambda: page.report is not None and page.save_pdf.isEnabled())
    settle()
    return page


def summary(session: ShotSession) -> None:
    page = _page(session)
    page.show_section("summary")
    settle()
    session.save("reports", page.window())


def table(session: ShotSession) -> None:
    page = _page(session)
    page.show_section("scorecards")
    settle()
    session.save("reports_table", page.window())
