"""participant list indexes

Revision ID: 0004
Revises: 0003

The participant list at a million rows (bench/participants.py, docs/benchmarks.md): partial
indexes over live rows (`deleted_at IS NULL`) in each order the list offers, so a page and a
count read only the index, never the table, to skip tombstones; names sort by `name_key`.
(status, name_key, id) replaces (status, full_name). A tiny index of the tombstones lets the
unfiltered count be the table's count minus them. Plain CREATE/DROP INDEX, no table rebuild,
so rowids (and participant_fts) stay as they are.
Create Date: 2026-11-28 01:35:50.106137
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = sa.text('deleted_at IS NULL')


def upgrade() -> None:
    op.drop_index('ix_participant_status_full_name', table_name='participant')
    op.create_index('ix_participant_live_name', 'participant', ['name_key', 'id'],
                    sqlite_where=LIVE)
    op.create_index('ix_participant_live_registered', 'participant', ['registered_at', 'id'],
                    sqlite_where=LIVE)
    op.create_index('ix_participant_live_status', 'participant', ['status', 'name_key', 'id'],
                    sqlite_where=LIVE)
    op.create_index('ix_participant_tombstones', 'participant', ['deleted_at'],
                    sqlite_where=sa.text('deleted_at IS NOT NULL'))


def downgrade() -> None:
    for name in ('ix_participant_tombstones', 'ix_participant_live_status',
                 'ix_participant_live_registered', 'ix_participant_live_name'):
        op.drop_index(name, table_name='participant')
    op.create_index('ix_participant_status_full_name', 'participant', ['status', 'full_name'])
