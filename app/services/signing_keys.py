"""This PC's certificate signing key, and the public keys of every PC (issue #12).

The key pair is made at first need (the first certificate, or `loket demo`): the private
key goes to the local `signing_key` table (never synced, in no export, in every backup of
the database, so a restored PC signs on with the same key), the public key to a
`device_key` record that sync carries to every office and the server. A PC whose server
link was revoked signs nothing new: its old certificates stay valid, since the key stays
known everywhere.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import certificates as rules
from app.domain.ids import stable_id
from app.errors import StateError
from app.models import CertificateRevocation, DeviceKey, SigningKey, SyncLink
from app.services.uow import UnitOfWork
from app.texts import Text

LINK_REVOKED = Text(
    "Komputer ini sudah dicabut dari server pusat, sehingga tidak boleh menerbitkan "
    "sertifikat baru. Hubungi admin TI kantor.",
    "This PC was revoked at the central server, so it may not issue new certificates. "
    "Ask the office's IT admin.",
)


def device_key_id(key_id: str) -> str:
    """The record id of a public key: found by the key id a QR code carries."""
    return stable_id("device_key", key_id)


def own_key(uow: UnitOfWork) -> tuple[str, bytes]:
    """(key id, private key) of this PC, made now if it has none (inside the caller's
    transaction, with its public key record)."""
    s = uow.session
    link = s.scalars(select(SyncLink)).first()
    if link is not None and link.revoked:
        raise StateError(LINK_REVOKED)
    found = s.scalars(select(SigningKey).order_by(SigningKey.created_at.desc())).first()
    if found is not None:
        return found.key_id, found.private_key
    private = rules.new_private_key()
    public = rules.public_key_of(private)
    kid = rules.key_id(public)
    device = uow.device
    s.add(SigningKey(key_id=kid, private_key=private, created_at=uow.now))
    s.add(
        DeviceKey(
            id=device_key_id(kid),
            office_code=device.office_code,
            key_id=kid,
            public_key=public.hex(),
            device_id=device.device_id,
            device_no=device.device_no,
            made_at=uow.now,
        )
    )
    uow.audit("certificate.key_made", "device_key", device_key_id(kid), key_id=kid)
    return kid, private


def known_key(session: Session, kid: str) -> rules.KnownKey | None:
    """A public key this office holds (its own, or another office's through sync)."""
    row = session.get(DeviceKey, device_key_id(kid))
    if row is None:
        return None
    try:
        public = bytes.fromhex(row.public_key)
    except ValueError:
        return None
    return rules.KnownKey(public_key=public, office_code=row.office_code, device_no=row.device_no)


def revoked_on(session: Session, number: str) -> date | None:
    """The first day `number` was revoked, at any office this one has heard from."""
    return session.scalar(
        select(CertificateRevocation.revoked_on)
        .where(CertificateRevocation.number == number)
        .order_by(CertificateRevocation.revoked_on)
        .limit(1)
    )
