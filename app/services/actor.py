"""Who is acting: a signed-in staff member in the window, or the office IT at the CLI."""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from app.domain.roles import Role


@dataclass(frozen=True)
class Actor:
    username: str
    role: Role
    office_code: str
    staff_id: str | None = None
    full_name: str = ""

    @property
    def label(self) -> str:
        """How the actor appears in the audit log."""
        return self.username


def cli_actor(office_code: str) -> Actor:
    """Whoever runs `loket` can already read the database file, so the CLI acts as admin,
    recorded as `cli:<os user>` (issue #2)."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment (some service accounts)
        user = "unknown"
    return Actor(username=f"cli:{user}", role=Role.ADMIN, office_code=office_code)


SYSTEM = Actor(username="system", role=Role.ADMIN, office_code="")
