"""sync_link: the server's audit anchor for this PC

Revision ID: 0006
Revises: 0005

The newest audit event of this PC that the server holds (its number and hash), as the last
push answer gave it: `loket check` verifies that this PC's own chain still reaches it, so
deleting the newest events or re-hashing an edited chain is noticed (app/sync/anchor.py).
Create Date: 2026-12-02 00:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        'sync_link',
        sa.Column('anchor_seq', sa.Integer(), nullable=False, server_default='0'),
    )
    op.add_column(
        'sync_link',
        sa.Column('anchor_hash', sa.String(length=64), nullable=False, server_default='0' * 64),
    )


def downgrade() -> None:
    with op.batch_alter_table('sync_link') as batch:
        batch.drop_column('anchor_hash')
        batch.drop_column('anchor_seq')
