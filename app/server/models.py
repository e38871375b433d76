"""Server tables: devices and enrolment codes, the mutation record that makes delivery
exactly-once, the gap-free change log, each record's current state, and the conflict queue.

Records are kept as JSON documents per (entity, id) so every record type syncs through the
same tables; `field_versions` remembers, per field, the version and device of its last
change, which the field-by-field merge needs.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.db_naming import NAMING


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Device(ServerBase):
    __tablename__ = "device"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    office_code: Mapped[str] = mapped_column(String(8), index=True)
    device_no: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(120))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    is_hq: Mapped[bool] = mapped_column(Boolean, default=False)
    enrolled_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    # The outbox number of the last mutation taken from this device: the next must be +1.
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    # The newest audit event taken from this device (its number and hash): the next must
    # follow it, and the device's own chain must still reach it (app.server.audit_chain).
    audit_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    audit_hash: Mapped[str] = mapped_column(String(64), default="0" * 64)


class EnrollCode(ServerBase):
    __tablename__ = "enroll_code"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    office_code: Mapped[str] = mapped_column(String(8))
    is_hq: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_by: Mapped[str | None] = mapped_column(String(36), default=None)
    # A code made to enrol one known device again (after a revocation): no other device
    # may use it, and a revoked device comes back only with such a code.
    for_device: Mapped[str | None] = mapped_column(String(36), default=None)


class MutationLog(ServerBase):
    __tablename__ = "mutation_log"
    __table_args__ = (UniqueConstraint("device_id", "mutation_id"),)

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    device_id: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(BigInteger)
    mutation_id: Mapped[str] = mapped_column(String(36))
    body_sha256: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    result: Mapped[dict[str, object]] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ChangeLog(ServerBase):
    __tablename__ = "change_log"

    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False
    )
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36))
    office_code: Mapped[str] = mapped_column(String(8), index=True)
    scope: Mapped[str] = mapped_column(String(16))
    op: Mapped[str] = mapped_column(String(8))
    version: Mapped[int] = mapped_column(Integer)
    hlc: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, object]] = mapped_column(JSON)
    origin_device: Mapped[str | None] = mapped_column(String(36), default=None)


class RecordState(ServerBase):
    __tablename__ = "record_state"

    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    office_code: Mapped[str] = mapped_column(String(8))
    version: Mapped[int] = mapped_column(Integer)
    hlc: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, object]] = mapped_column(JSON)
    field_versions: Mapped[dict[str, list[object]]] = mapped_column(JSON)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    # The NIK for participants: finds the same person registered at two offices.
    natural_key: Mapped[str | None] = mapped_column(String(64), default=None, index=True)


class Conflict(ServerBase):
    __tablename__ = "conflict"

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    office_code: Mapped[str] = mapped_column(String(8), index=True)
    field: Mapped[str] = mapped_column(String(64))
    server_value: Mapped[str | None] = mapped_column(Text)  # JSON text
    device_value: Mapped[str | None] = mapped_column(Text)  # JSON text
    device_id: Mapped[str] = mapped_column(String(36))
    mutation_id: Mapped[str] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(String(32))  # same_field | supervised_field
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    resolved_by: Mapped[str | None] = mapped_column(String(80), default=None)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    resolution: Mapped[str | None] = mapped_column(String(16), default=None)  # server|device


class DuplicateFlag(ServerBase):
    """The same NIK registered twice (two offices, or two counters offline)."""

    __tablename__ = "duplicate_flag"
    __table_args__ = (UniqueConstraint("record_a", "record_b"),)

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    nik: Mapped[str] = mapped_column(String(16), index=True)
    record_a: Mapped[str] = mapped_column(String(36))
    office_a: Mapped[str] = mapped_column(String(8), index=True)
    record_b: Mapped[str] = mapped_column(String(36))
    office_b: Mapped[str] = mapped_column(String(8), index=True)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open/merged/closed
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    kept: Mapped[str | None] = mapped_column(String(36), default=None)  # the surviving record
    resolved_by: Mapped[str | None] = mapped_column(String(80), default=None)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)


class ServerAudit(ServerBase):
    """Refusals and admin actions on the server (wrong-office pushes, revoked tokens...)."""

    __tablename__ = "server_audit"

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    device_id: Mapped[str | None] = mapped_column(String(36), default=None)
    action: Mapped[str] = mapped_column(String(64))
    detail: Mapped[dict[str, object]] = mapped_column(JSON)
