"""Sign-in, lock-out after wrong passwords, and changing one's own password.

Every attempt is an audit event: a good login, a wrong password, a try on a locked or
deactivated account. The failure is committed before the refusal is raised, so the count
survives even when the caller stops right there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.domain import lockout
from app.domain.passwords import normalize_username, password_problem
from app.domain.roles import Role
from app.errors import AuthError, LoketError, ValidationError
from app.models import LoginGuard, Staff
from app.services import passwords
from app.services.actor import Actor
from app.services.office import require_device
from app.services.settings import get_settings
from app.services.uow import unit_of_work
from app.texts import Text

WRONG = Text("Nama pengguna atau kata sandi salah.", "Wrong username or password.")
WRONG_LEFT = Text(
    "Nama pengguna atau kata sandi salah. Sisa {left} kali percobaan sebelum akun dikunci.",
    "Wrong username or password. {left} more tries before the account is locked.",
)
LOCKED = Text(
    "Akun dikunci karena terlalu sering salah kata sandi. Coba lagi dalam {minutes} menit "
    "(pukul {until}) atau minta admin membukanya.",
    "The account is locked after too many wrong passwords. Try again in {minutes} minutes "
    "(at {until}) or ask an administrator to unlock it.",
)
# An admin is not told to ask the admin: another admin, or the office IT at the PC.
LOCKED_ADMIN = Text(
    "Akun dikunci karena terlalu sering salah kata sandi. Coba lagi dalam {minutes} menit "
    "(pukul {until}), atau minta admin lain membukanya, atau TI kantor dengan perintah "
    "`loket staff unlock {username}`.",
    "The account is locked after too many wrong passwords. Try again in {minutes} minutes "
    "(at {until}), or ask another administrator to unlock it, or the office IT with "
    "`loket staff unlock {username}`.",
)
INACTIVE = Text(
    "Akun ini sudah dinonaktifkan. Hubungi admin kantor.",
    "This account has been deactivated. Contact the office administrator.",
)
INACTIVE_ADMIN = Text(
    "Akun ini sudah dinonaktifkan. Minta admin lain mengaktifkannya, atau TI kantor dengan "
    "perintah `loket staff activate {username}`.",
    "This account has been deactivated. Ask another administrator to activate it, or the "
    "office IT with `loket staff activate {username}`.",
)
OLD_PASSWORD_WRONG = Text("Kata sandi lama salah.", "The current password is wrong.")
SAME_PASSWORD = Text(
    "Kata sandi baru harus berbeda dari yang lama.",
    "The new password must differ from the current one.",
)


@dataclass(frozen=True)
class SignedIn:
    actor: Actor
    must_change_password: bool


def _local_hhmm(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M")


def find_staff(session: Session, office_code: str, username: str) -> Staff | None:
    return session.scalars(
        select(Staff).where(
            Staff.office_code == office_code,
            Staff.username == username,
            Staff.deleted_at.is_(None),
        )
    ).one_or_none()


def actor_of(staff: Staff) -> Actor:
    return Actor(
        username=staff.username,
        role=Role(staff.role),
        office_code=staff.office_code,
        staff_id=staff.id,
        full_name=staff.full_name,
    )


def login(db: Database, username: str, password: str) -> SignedIn:
    """Check a username and password of this office; raise AuthError with the reason."""
    device = require_device(db)
    settings = get_settings(db)
    max_failures = int(settings["max_failed_logins"])
    lock_for = timedelta(minutes=int(settings["lockout_minutes"]))
    name = normalize_username(username)[:32]
    refusal: LoketError | None = None
    result: SignedIn | None = None
    attempt = Actor(username=name or "?", role=Role.COUNTER, office_code=device.office_code)
    with unit_of_work(db, attempt) as uow:
        now = uow.now
        staff = find_staff(uow.session, device.office_code, name)
        if staff is None:
            passwords.verify_password(_dummy_hash(), password)  # same time as a real check
            uow.audit("auth.login_failed", reason="unknown_user")
            refusal = AuthError(WRONG, field="password")
        else:
            guard = uow.session.get(LoginGuard, staff.id) or LoginGuard(staff_id=staff.id)
            uow.session.add(guard)
            state = lockout.GuardState(guard.failures or 0, guard.locked_until)
            admin = staff.role == Role.ADMIN.value
            if lockout.is_locked(state, now):
                uow.audit("auth.login_locked", "staff", staff.id)
                refusal = AuthError(
                    LOCKED_ADMIN if admin else LOCKED,
                    field="password",
                    minutes=lockout.minutes_left(state, now),
                    until=_local_hhmm(state.locked_until or now),
                    username=staff.username,
                )
            elif not staff.active:
                uow.audit("auth.login_failed", "staff", staff.id, reason="inactive")
                refusal = AuthError(
                    INACTIVE_ADMIN if admin else INACTIVE,
                    field="username",
                    username=staff.username,
                )
            elif not passwords.verify_password(staff.password_hash, password):
                state = lockout.after_failure(state, now, max_failures, lock_for)
                guard.failures, guard.locked_until = state.failures, state.locked_until
                uow.audit(
                    "auth.login_failed",
                    "staff",
                    staff.id,
                    reason="wrong_password",
                    failures=state.failures,
                )
                if lockout.is_locked(state, now):
                    uow.audit("auth.account_locked", "staff", staff.id, until=state.locked_until)
                    refusal = AuthError(
                        LOCKED_ADMIN if admin else LOCKED,
                        field="password",
                        minutes=lockout.minutes_left(state, now),
                        until=_local_hhmm(state.locked_until or now),
                        username=staff.username,
                    )
                else:
                    refusal = AuthError(
                        WRONG_LEFT, field="password", left=max_failures - state.failures
                    )
            else:
                guard.failures, guard.locked_until = 0, None
                if passwords.needs_rehash(staff.password_hash):
                    staff.password_hash = passwords.hash_password(password)
                uow.audit("auth.login", "staff", staff.id)
                result = SignedIn(actor_of(staff), staff.must_change_password)
    if refusal is not None:
        raise refusal
    assert result is not None
    return result


def change_password(db: Database, actor: Actor, current_password: str, new_password: str) -> None:
    """The signed-in person changes their own password (also after an admin reset)."""
    min_len = int(get_settings(db)["min_password_length"])
    if pw := password_problem(new_password, actor.username, min_len):
        raise ValidationError(pw[0], field="new_password", n=pw[1])
    if new_password == current_password:
        raise ValidationError(SAME_PASSWORD, field="new_password")
    refusal: LoketError | None = None
    with unit_of_work(db, actor) as uow:
        staff = uow.session.get(Staff, actor.staff_id) if actor.staff_id else None
        if staff is None or not passwords.verify_password(staff.password_hash, current_password):
            uow.audit("auth.password_change_failed", "staff", actor.staff_id)
            refusal = ValidationError(OLD_PASSWORD_WRONG, field="current_password")
        else:
            staff.password_hash = passwords.hash_password(new_password)
            staff.must_change_password = False
            staff.password_changed_at = uow.now
            uow.audit("auth.password_change", "staff", staff.id)
    if refusal is not None:
        raise refusal


@cache
def _dummy_hash() -> str:
    return passwords.hash_password("loket-vokasi-dummy-password-1")


def record_logout(db: Database, actor: Actor) -> None:
    """Sign-out is part of the trail: who was at the counter until when."""
    with unit_of_work(db, actor) as uow:
        uow.audit("auth.logout", "staff", actor.staff_id)


def record_screen_lock(db: Database, actor: Actor, reason: str) -> None:
    """The screen was locked (`idle` or `manual`); unlocking is a normal `auth.login`."""
    with unit_of_work(db, actor) as uow:
        uow.audit("auth.screen_lock", "staff", actor.staff_id, reason=reason)
