"""This PC's identity: first-run set-up and what the status bar and login dialog show."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.db import Database
from app.domain.ids import new_id
from app.domain.offices import MAX_DEVICE_NO, OFFICES_BY_CODE
from app.domain.passwords import normalize_username, password_problem, username_problem
from app.domain.roles import Role
from app.errors import StateError, ValidationError
from app.models import Device, Office, Staff
from app.services.actor import Actor
from app.services.passwords import hash_password
from app.services.uow import unit_of_work
from app.texts import Text

ALREADY_SET_UP = Text(
    "Kantor ini sudah disiapkan ({office}, perangkat {device}).",
    "This office is already set up ({office}, device {device}).",
)
NOT_SET_UP = Text(
    "Kantor belum disiapkan. Jalankan program atau `loket init` dulu.",
    "The office is not set up yet. Start the program or run `loket init` first.",
)
UNKNOWN_OFFICE = Text("Kode kantor tidak dikenal: {code}.", "Unknown office code: {code}.")
BAD_DEVICE = Text("Nomor perangkat harus 1 sampai {max}.", "The device number must be 1 to {max}.")
NAME_REQUIRED = Text("Nama lengkap wajib diisi.", "The full name is required.")


@dataclass(frozen=True)
class DeviceInfo:
    device_id: str
    office_code: str
    office_name: str
    region_code: str
    device_no: int
    is_demo: bool


def device_info(db: Database) -> DeviceInfo | None:
    """This PC's office and counter number, or None before the first-run set-up."""
    with db.read() as session:
        device = session.scalars(select(Device)).one_or_none()
        if device is None:
            return None
        office = session.scalars(select(Office).where(Office.code == device.office_code)).one()
        return DeviceInfo(
            device.device_id,
            device.office_code,
            office.name,
            office.region_code,
            device.device_no,
            device.is_demo,
        )


def require_device(db: Database) -> DeviceInfo:
    info = device_info(db)
    if info is None:
        raise StateError(NOT_SET_UP)
    return info


def initialise(
    db: Database,
    *,
    office_code: str,
    device_no: int,
    admin_username: str,
    admin_full_name: str,
    admin_password: str,
    actor_label: str,
    min_password_length: int = 8,
) -> DeviceInfo:
    """First-run set-up: which office and counter this is, and its first admin account."""
    office_code = office_code.strip().upper()
    username = normalize_username(admin_username)
    if office_code not in OFFICES_BY_CODE:
        raise ValidationError(UNKNOWN_OFFICE, field="office", code=office_code)
    if not 1 <= device_no <= MAX_DEVICE_NO:
        raise ValidationError(BAD_DEVICE, field="device", max=MAX_DEVICE_NO)
    if problem := username_problem(username):
        raise ValidationError(problem, field="username")
    if not admin_full_name.strip():
        raise ValidationError(NAME_REQUIRED, field="full_name")
    if pw := password_problem(admin_password, username, min_password_length):
        raise ValidationError(pw[0], field="password", n=pw[1])
    existing = device_info(db)
    if existing is not None:
        raise StateError(ALREADY_SET_UP, office=existing.office_code, device=existing.device_no)
    actor = Actor(username=actor_label, role=Role.ADMIN, office_code=office_code)
    with unit_of_work(db, actor) as uow:
        device = Device(
            id=1,
            device_id=new_id(),
            office_code=office_code,
            device_no=device_no,
            is_demo=False,
            created_at=uow.now,
        )
        uow.session.add(device)
        uow.session.flush()
        admin = Staff(
            username=username,
            full_name=admin_full_name.strip(),
            role=Role.ADMIN.value,
            password_hash=hash_password(admin_password),
            active=True,
            must_change_password=False,
            password_changed_at=uow.now,
        )
        uow.session.add(admin)
        uow.session.flush()
        uow.audit(
            "office.initialise",
            "device",
            device.device_id,
            office=office_code,
            device_no=device_no,
            admin=username,
        )
        uow.audit("staff.create", "staff", admin.id, username=username, role=Role.ADMIN.value)
    info = device_info(db)
    assert info is not None
    return info
