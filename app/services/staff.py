"""Admin work on staff accounts: list, add, deactivate, reactivate, reset password, unlock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.domain import lockout
from app.domain.passwords import normalize_username, password_problem, username_problem
from app.domain.roles import Permission, Role
from app.errors import NotFound, StateError, ValidationError
from app.models import LoginGuard, Staff
from app.services.access import require
from app.services.actor import Actor
from app.services.auth import find_staff
from app.services.passwords import hash_password
from app.services.settings import get_settings
from app.services.uow import ChangeSummary, unit_of_work
from app.texts import Text

USERNAME_TAKEN = Text(
    "Nama pengguna {username} sudah dipakai di kantor ini.",
    "The username {username} is already used at this office.",
)
NAME_REQUIRED = Text("Nama lengkap wajib diisi.", "The full name is required.")
BAD_ROLE = Text("Peran tidak dikenal.", "Unknown role.")
NO_SUCH_STAFF = Text("Akun staf tidak ditemukan.", "Staff account not found.")
NOT_YOURSELF = Text(
    "Anda tidak dapat menonaktifkan akun Anda sendiri.", "You cannot deactivate your own account."
)
LAST_ADMIN = Text(
    "Harus ada paling sedikit satu admin aktif.", "At least one active administrator must remain."
)


@dataclass(frozen=True)
class StaffRow:
    id: str
    username: str
    full_name: str
    role: Role
    active: bool
    must_change_password: bool
    locked_until: datetime | None


def list_staff(db: Database, actor: Actor) -> list[StaffRow]:
    require(db, actor, Permission.STAFF_MANAGE)
    now = db.clock()
    with db.read() as session:
        rows = session.execute(
            select(Staff, LoginGuard)
            .outerjoin(LoginGuard, LoginGuard.staff_id == Staff.id)
            .where(Staff.office_code == actor.office_code, Staff.deleted_at.is_(None))
            .order_by(Staff.active.desc(), Staff.full_name)
        ).all()
        result = []
        for staff, guard in rows:
            state = lockout.GuardState(
                guard.failures if guard else 0, guard.locked_until if guard else None
            )
            result.append(
                StaffRow(
                    staff.id,
                    staff.username,
                    staff.full_name,
                    Role(staff.role),
                    staff.active,
                    staff.must_change_password,
                    state.locked_until if lockout.is_locked(state, now) else None,
                )
            )
        return result


def _check_password(db: Database, username: str, password: str) -> None:
    min_len = int(get_settings(db)["min_password_length"])
    if pw := password_problem(password, username, min_len):
        raise ValidationError(pw[0], field="password", n=pw[1])


def add_staff(
    db: Database, actor: Actor, *, username: str, full_name: str, role: str, password: str
) -> StaffRow:
    """New account; the person must choose their own password at first sign-in."""
    require(db, actor, Permission.STAFF_MANAGE)
    name = normalize_username(username)
    if problem := username_problem(name):
        raise ValidationError(problem, field="username")
    if not full_name.strip():
        raise ValidationError(NAME_REQUIRED, field="full_name")
    if role not in {r.value for r in Role}:
        raise ValidationError(BAD_ROLE, field="role")
    _check_password(db, name, password)
    with unit_of_work(db, actor) as uow:
        if find_staff(uow.session, actor.office_code, name) is not None:
            raise ValidationError(USERNAME_TAKEN, field="username", username=name)
        staff = Staff(
            office_code=actor.office_code,
            username=name,
            full_name=" ".join(full_name.split()),
            role=role,
            password_hash=hash_password(password),
            active=True,
            must_change_password=True,
        )
        uow.session.add(staff)
        uow.session.flush()
        uow.audit("staff.create", "staff", staff.id, username=name, role=role)
        return StaffRow(staff.id, name, staff.full_name, Role(role), True, True, None)


def _get(session: Session, staff_id: str, actor: Actor) -> Staff:
    staff = session.get(Staff, staff_id)
    if staff is None or staff.office_code != actor.office_code or staff.deleted_at is not None:
        raise NotFound(NO_SUCH_STAFF)
    return staff


def set_active(db: Database, actor: Actor, staff_id: str, active: bool) -> ChangeSummary:
    require(db, actor, Permission.STAFF_MANAGE)
    with unit_of_work(db, actor) as uow:
        staff = _get(uow.session, staff_id, actor)
        if not active and staff.id == actor.staff_id:
            raise StateError(NOT_YOURSELF)
        if not active and staff.role == Role.ADMIN.value:
            admins = uow.session.scalar(
                select(func.count())
                .select_from(Staff)
                .where(
                    Staff.office_code == actor.office_code,
                    Staff.role == Role.ADMIN.value,
                    Staff.active.is_(True),
                    Staff.deleted_at.is_(None),
                )
            )
            if (admins or 0) <= 1:
                raise StateError(LAST_ADMIN)
        if staff.active != active:
            staff.active = active
            uow.audit("staff.activate" if active else "staff.deactivate", "staff", staff.id)
    return uow.summary


def reset_password(db: Database, actor: Actor, staff_id: str, new_password: str) -> None:
    """Give a temporary password; the person must change it at the next sign-in."""
    require(db, actor, Permission.STAFF_MANAGE)
    with db.read() as session:
        username = _get(session, staff_id, actor).username
    _check_password(db, username, new_password)
    with unit_of_work(db, actor) as uow:
        staff = _get(uow.session, staff_id, actor)
        staff.password_hash = hash_password(new_password)
        staff.must_change_password = True
        guard = uow.session.get(LoginGuard, staff.id)
        if guard is not None:
            guard.failures, guard.locked_until = 0, None
        uow.audit("staff.reset_password", "staff", staff.id)


def unlock(db: Database, actor: Actor, staff_id: str) -> None:
    require(db, actor, Permission.STAFF_MANAGE)
    with unit_of_work(db, actor) as uow:
        staff = _get(uow.session, staff_id, actor)
        guard = uow.session.get(LoginGuard, staff.id)
        if guard is not None:
            guard.failures, guard.locked_until = 0, None
        uow.audit("staff.unlock", "staff", staff.id)


def find_staff_id(db: Database, actor: Actor, username: str) -> str:
    """The id of a username of the actor's office (for the CLI)."""
    with db.read() as session:
        staff = find_staff(session, actor.office_code, normalize_username(username))
        if staff is None:
            raise NotFound(NO_SUCH_STAFF)
        return staff.id
