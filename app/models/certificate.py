"""Certificates (issue #12): the signing keys of each PC, the certificates issued, their
prints and revocations.

A PC signs certificates with its own Ed25519 key. The private half lives in `SigningKey`,
a table of this PC only (never synced, in no export; a backup of the database holds it, so a
restored PC keeps signing with the same key). The public half is a `DeviceKey` record that
travels to every office and the server (scope published), so anyone can check any office's
certificates offline. Certificates, prints and revocations are insert-only: a certificate
is never edited (a wrong one is revoked and a new one issued), and a revocation reaches
every office and the server's public page.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, UtcDateTime


class SigningKey(Base):
    """This PC's private signing key (32 raw bytes). One live row; a PC whose server link
    was revoked signs nothing new (app.services.signing_keys)."""

    __tablename__ = "signing_key"

    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    private_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class DeviceKey(SyncMixin, Base):
    """The public key of one PC, id = stable_id("device_key", key_id): every office and
    the server look a certificate's key up by the id in its QR code."""

    __tablename__ = "device_key"
    __sync_entity__ = "device_key"

    key_id: Mapped[str] = mapped_column(String(16), unique=True)
    public_key: Mapped[str] = mapped_column(String(64))  # hex of the 32 raw bytes
    device_id: Mapped[str] = mapped_column(String(36))
    device_no: Mapped[int] = mapped_column(Integer)
    made_at: Mapped[datetime] = mapped_column(UtcDateTime())


class Certificate(SyncMixin, Base):
    """One certificate issued to a graduate, with its signed token (the QR's content).

    `round` is the n-th certificate of the enrolment this PC knew of (a revoked one is
    followed by a new one): the unique index (enrollment, round, device) is the database's
    own refusal of a second certificate issued side by side at one PC, while one issued at
    another PC offline is kept when it arrives (both are genuine signed documents) and the
    list shows two."""

    __tablename__ = "certificate"
    __sync_entity__ = "certificate"
    __table_args__ = (
        Index("ix_certificate_round", "enrollment_id", "round", "device_id", unique=True),
    )

    number: Mapped[str] = mapped_column(String(40), unique=True)
    enrollment_id: Mapped[str] = mapped_column(ForeignKey("enrollment.id"), index=True)
    round: Mapped[int] = mapped_column(Integer)
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    cohort_id: Mapped[str] = mapped_column(ForeignKey("cohort.id"), index=True)
    token: Mapped[str] = mapped_column(Text)
    key_id: Mapped[str] = mapped_column(String(16))
    issued_on: Mapped[date] = mapped_column(Date)
    issued_by: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime())
    device_id: Mapped[str] = mapped_column(String(36))


class CertificatePrint(SyncMixin, Base):
    """One print of a certificate: copy 0 is the original, every later one says SALINAN."""

    __tablename__ = "certificate_print"
    __sync_entity__ = "certificate_print"

    certificate_id: Mapped[str] = mapped_column(ForeignKey("certificate.id"), index=True)
    copy_no: Mapped[int] = mapped_column(Integer)
    printed_by: Mapped[str] = mapped_column(String(64))
    printed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    device_id: Mapped[str] = mapped_column(String(36))


class CertificateRevocation(SyncMixin, Base):
    """A certificate withdrawn, with the reason and the supervisor who signed it off.

    It reaches every office (scope published: an employer may show the paper anywhere), so
    `certificate_id` is not a foreign key — other offices do not hold the certificate —
    and the number is kept for the lookup. id = stable_id("certificate_revocation",
    number, device): the server finds a number's revocations by id."""

    __tablename__ = "certificate_revocation"
    __sync_entity__ = "certificate_revocation"

    certificate_id: Mapped[str] = mapped_column(String(36), index=True)
    number: Mapped[str] = mapped_column(String(40), index=True)
    reason: Mapped[str] = mapped_column(Text)
    revoked_on: Mapped[date] = mapped_column(Date)
    revoked_at: Mapped[datetime] = mapped_column(UtcDateTime())
    requested_by: Mapped[str] = mapped_column(String(64))
    approved_by: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(36))
