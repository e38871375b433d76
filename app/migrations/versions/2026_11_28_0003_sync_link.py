"""sync link and outbox office

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 01:40:00

The office PC's link to the central server (`sync_link`, local only) and the owning office
of each outbox row, which the server checks against the pushing device's office.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("server_url", sa.String(length=300), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("token", sa.String(length=200), nullable=False),
        sa.Column("office_code", sa.String(length=8), nullable=False),
        sa.Column("is_hq", sa.Boolean(), nullable=False),
        sa.Column("cursor", sa.Integer(), nullable=False),
        sa.Column("enrolled_at", app.models.base.UtcDateTime(), nullable=False),
        sa.Column("last_success_at", app.models.base.UtcDateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_error_at", app.models.base.UtcDateTime(), nullable=True),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_link")),
    )
    # Plain ADD COLUMN (no table rebuild); existing rows take the device's office.
    op.add_column(
        "outbox", sa.Column("office_code", sa.String(length=8), nullable=False, server_default="")
    )
    op.execute("UPDATE outbox SET office_code = (SELECT office_code FROM device LIMIT 1)"
               " WHERE EXISTS (SELECT 1 FROM device)")


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.drop_column("office_code")
    op.drop_table("sync_link")
