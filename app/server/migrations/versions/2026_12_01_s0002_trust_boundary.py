"""trust boundary: audit anchors per device, device-bound enrolment codes

Revision ID: s0002
Revises: s0001
Create Date: 2026-12-01 23:30:00

Each device's newest audit event (number and hash) is taken from the events the server
already holds, so a device that synced before this upgrade goes on from where it was.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0002"
down_revision: str | None = "s0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS = "0" * 64


def upgrade() -> None:
    with op.batch_alter_table("device") as batch:
        batch.add_column(sa.Column("audit_seq", sa.BigInteger(), nullable=False, server_default="0"))
        batch.add_column(
            sa.Column("audit_hash", sa.String(length=64), nullable=False, server_default=GENESIS)
        )
    with op.batch_alter_table("enroll_code") as batch:
        batch.add_column(sa.Column("for_device", sa.String(length=36), nullable=True))

    conn = op.get_bind()
    record = sa.table(
        "record_state",
        sa.column("entity", sa.String),
        sa.column("data", sa.JSON),
    )
    newest: dict[str, tuple[int, str]] = {}
    rows = conn.execute(
        sa.select(record.c.data).where(record.c.entity == "audit_event")
    )
    for (data,) in rows:
        if not isinstance(data, dict):
            continue
        device, seq, digest = data.get("device_id"), data.get("seq"), data.get("hash")
        if not isinstance(device, str) or not isinstance(seq, int) or not isinstance(digest, str):
            continue
        if seq > newest.get(device, (0, GENESIS))[0]:
            newest[device] = (seq, digest)
    device = sa.table(
        "device",
        sa.column("id", sa.String),
        sa.column("audit_seq", sa.BigInteger),
        sa.column("audit_hash", sa.String),
    )
    for device_id, (seq, digest) in newest.items():
        conn.execute(
            sa.update(device)
            .where(device.c.id == device_id)
            .values(audit_seq=seq, audit_hash=digest)
        )


def downgrade() -> None:
    with op.batch_alter_table("enroll_code") as batch:
        batch.drop_column("for_device")
    with op.batch_alter_table("device") as batch:
        batch.drop_column("audit_hash")
        batch.drop_column("audit_seq")
