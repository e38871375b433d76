"""participant.merged_into

Revision ID: 0005
Revises: 0004

A participant record found to be the same person as another (same NIK at two offices or two
counters) is merged by a supervisor: it keeps its linked records where its office needs
them, gets status "merged" and points at the record that stays (app/server/review.py).
Create Date: 2026-12-01 14:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN: no table rebuild, so rowids (and participant_fts) stay as they are.
    op.add_column('participant', sa.Column('merged_into', sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('participant') as batch:
        batch.drop_column('merged_into')
