"""Server administration: one-time enrolment codes, device list, revocation.

Only hashes of codes and tokens are stored; the code is shown once when made and the token
once when a device enrols.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.domain.offices import OFFICES_BY_CODE
from app.errors import StateError
from app.server.models import Device, EnrollCode
from app.texts import Text

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over a phone


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class AdminError(StateError):
    """A refused admin action, with a (bilingual) sentence for the person at the console."""

    def __init__(self, message: str) -> None:
        super().__init__(Text(message, message))


def make_enroll_code(
    engine: Engine,
    office_code: str,
    *,
    hq: bool = False,
    valid_hours: int = 72,
    for_device: str | None = None,
) -> str:
    """A one-time code for a new device of `office_code`, or, with `for_device`, for that
    one revoked device to come back (its office and identity stay what they were)."""
    office_code = office_code.upper()
    if office_code not in OFFICES_BY_CODE and office_code != "HQ":
        raise AdminError(f"Kode kantor tidak dikenal / unknown office code: {office_code}")
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    code = "-".join(raw[i : i + 4] for i in range(0, 12, 4))
    now = datetime.now(UTC)
    with Session(engine) as session, session.begin():
        if for_device is not None:
            device = session.get(Device, for_device)
            if device is None:
                raise AdminError(f"Perangkat tidak ada / no such device: {for_device}")
            if device.office_code != office_code:
                raise AdminError(
                    f"Perangkat {for_device} milik kantor {device.office_code}, bukan "
                    f"{office_code} / the device belongs to office {device.office_code}"
                )
            if device.revoked_at is None:
                raise AdminError(
                    "Perangkat ini masih aktif; cabut dulu (loket server revoke) / "
                    "the device is still enrolled: revoke it first"
                )
        session.add(
            EnrollCode(
                code_hash=sha256(code),
                office_code=office_code,
                is_hq=hq or office_code == "HQ",
                created_at=now,
                expires_at=now + timedelta(hours=valid_hours),
                for_device=for_device,
            )
        )
    return code


@dataclass(frozen=True)
class DeviceRow:
    id: str
    office_code: str
    device_no: int
    name: str
    is_hq: bool
    enrolled_at: datetime
    last_seen_at: datetime | None
    revoked_at: datetime | None


def list_devices(engine: Engine) -> list[DeviceRow]:
    with Session(engine) as session:
        return [
            DeviceRow(
                d.id,
                d.office_code,
                d.device_no,
                d.name,
                d.is_hq,
                d.enrolled_at,
                d.last_seen_at,
                d.revoked_at,
            )
            for d in session.scalars(select(Device).order_by(Device.office_code, Device.device_no))
        ]


def revoke(engine: Engine, device_id: str) -> None:
    with Session(engine) as session, session.begin():
        device = session.get(Device, device_id)
        if device is None:
            raise AdminError(f"Perangkat tidak ada / no such device: {device_id}")
        device.revoked_at = device.revoked_at or datetime.now(UTC)


def enroll(
    engine: Engine, code: str, device_id: str, device_no: int, name: str, office_code: str = ""
) -> tuple[Device, str]:
    """Use a one-time code: the device gets a token (returned once, stored hashed)."""
    now = datetime.now(UTC)
    token = secrets.token_urlsafe(32)
    with Session(engine, expire_on_commit=False) as session, session.begin():
        entry = session.get(EnrollCode, sha256(code.strip().upper()))
        expires = entry.expires_at if entry else None
        if expires is not None and expires.tzinfo is None:
            expires = expires.replace(tzinfo=UTC)
        if entry is None or entry.used_by is not None or (expires and expires < now):
            raise AdminError("Kode pendaftaran tidak berlaku / enrolment code not valid")
        if office_code and not entry.is_hq and office_code.upper() != entry.office_code:
            raise AdminError(
                f"Kode ini untuk kantor {entry.office_code}, bukan {office_code.upper()} / "
                f"this code is for office {entry.office_code}"
            )
        existing = session.get(Device, device_id)
        if entry.for_device is not None and entry.for_device != device_id:
            raise AdminError(
                "Kode ini dibuat untuk perangkat lain / this code was made for another device"
            )
        if existing is not None:
            if existing.revoked_at is None:
                raise AdminError("Perangkat sudah terdaftar / device already enrolled")
            # A device id is bound to its office for ever, and a revoked device comes back
            # only with a code made for it: an id seen in a record's stamp is no key.
            if entry.for_device != device_id or entry.office_code != existing.office_code:
                raise AdminError(
                    "Perangkat ini pernah dicabut; minta kode khusus untuknya dari admin "
                    f"server (loket server enroll-code --office {existing.office_code} "
                    f"--device {device_id}) / this device was revoked: it needs a code "
                    "made for it"
                )
            # A revoked device enrolled again keeps its identity and change numbering.
            existing.token_hash, existing.revoked_at = sha256(token), None
            entry.used_by = device_id
            return existing, token
        # A device's number is part of every receipt number it issues (KW/JKT-2/...):
        # two PCs of one office with the same number would hand out the same numbers, so
        # a number once given (even to a device revoked since) is never given again.
        taken = session.scalar(
            select(Device.id).where(
                Device.office_code == entry.office_code, Device.device_no == device_no
            )
        )
        if taken is not None:
            raise AdminError(
                f"Nomor perangkat {device_no} sudah dipakai di kantor {entry.office_code}; "
                f"pilih nomor lain saat menyiapkan PC ini / device number {device_no} is "
                f"already used at office {entry.office_code}"
            )
        device = Device(
            id=device_id,
            office_code=entry.office_code,
            device_no=device_no,
            name=name or f"{entry.office_code}-{device_no}",
            token_hash=sha256(token),
            is_hq=entry.is_hq,
            enrolled_at=now,
        )
        session.add(device)
        entry.used_by = device_id
    return device, token
