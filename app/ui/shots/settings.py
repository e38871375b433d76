"""Pengaturan for `loket screenshots`: the settings, and the staff table with the states a
real office has (a locked account, one that must change its password)."""

from __future__ import annotations

from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.shots.session import ShotSession, settle


def settings(session: ShotSession) -> None:
    session.window.open("settings")
    settle()
    session.save("settings")


def staff(session: ShotSession) -> None:
    window = session.window
    _vary_staff(session.ctx, window.actor)
    page = window.open("settings")
    page.show_staff()
    settle()
    if page.staff is not None:
        page.staff.refresh()
        settle()
        page.staff.table.selectRow(1)
    session.save("staff")


def _vary_staff(ctx: AppContext, admin: Actor) -> None:
    """A locked account and one that must change its password (only in the temporary demo
    database)."""
    from app.errors import AuthError
    from app.services import auth
    from app.services import staff as staff_service

    rows = [r for r in staff_service.list_staff(ctx.db, admin) if r.role.value == "counter"]
    if len(rows) < 2:
        return
    for _ in range(10):
        try:
            auth.login(ctx.db, rows[0].username, "wrong-password-1")
        except AuthError as exc:
            if exc.text is auth.LOCKED:
                break
    staff_service.reset_password(ctx.db, admin, rows[1].id, "Sementara123")
