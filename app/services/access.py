"""Permission checks inside services. A refusal is itself audited, in its own transaction,
because the refused action's transaction never starts."""

from __future__ import annotations

from app.db import Database
from app.domain.roles import Permission, can
from app.errors import PermissionDenied
from app.services.actor import Actor
from app.services.uow import unit_of_work
from app.texts import Text

DENIED = Text(
    "Peran Anda ({role}) tidak berwenang untuk tindakan ini. Minta bantuan admin kantor.",
    "Your role ({role}) may not do this. Ask the office administrator.",
)


def require(db: Database, actor: Actor, permission: Permission) -> None:
    if can(actor.role, permission):
        return
    with unit_of_work(db, actor) as uow:
        uow.audit("auth.permission_denied", permission=permission.value, role=actor.role.value)
    raise PermissionDenied(DENIED, role=actor.role.value)
