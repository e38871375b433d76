"""Roles and what each may do. Services check these; the window only mirrors them.

A permission names an action, not a screen, so a later feature adds its own line here and
its service calls `require(...)`. Admin is the office's IT and account keeper; supervisor
signs off money and resolves conflicts; counter (petugas loket) serves participants.
"""

from __future__ import annotations

from enum import StrEnum

from app.texts import Text


class Role(StrEnum):
    COUNTER = "counter"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


ROLE_LABELS: dict[Role, Text] = {
    Role.COUNTER: Text("Petugas loket", "Counter clerk"),
    Role.SUPERVISOR: Text("Supervisor", "Supervisor"),
    Role.ADMIN: Text("Admin", "Administrator"),
}


class Permission(StrEnum):
    STAFF_MANAGE = "staff.manage"
    SETTINGS_EDIT = "settings.edit"
    AUDIT_VIEW = "audit.view"


GRANTS: dict[Permission, frozenset[Role]] = {
    Permission.STAFF_MANAGE: frozenset({Role.ADMIN}),
    Permission.SETTINGS_EDIT: frozenset({Role.ADMIN}),
    Permission.AUDIT_VIEW: frozenset({Role.SUPERVISOR, Role.ADMIN}),
}


def can(role: Role | str, permission: Permission) -> bool:
    return Role(role) in GRANTS[permission]
