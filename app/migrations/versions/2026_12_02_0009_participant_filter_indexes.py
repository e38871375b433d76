"""participant filter indexes

Revision ID: 0009
Revises: 0008

The list's and the enrolment picker's filters at a million participants (issue #10 item 6,
bench/participants.py, docs/benchmarks.md): partial indexes over live rows in name order for
the office, the province (the region code's first two digits, an index on the expression
`substr(region_code, 1, 2)`, which a query must write the same way) and each training
choice (rows without one left out), so a filtered first page walks its own rows and a
capped count reads only the index (app/services/participant_search.py). Plain CREATE INDEX:
no table rebuild, so rowids (and participant_fts) stay as they are.
Create Date: 2026-12-02 09:10:41.984538
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = 'deleted_at IS NULL'


def upgrade() -> None:
    op.create_index('ix_participant_live_office', 'participant',
                    ['office_code', 'name_key', 'id'], sqlite_where=sa.text(LIVE))
    op.create_index('ix_participant_live_province', 'participant',
                    [sa.text('substr(region_code, 1, 2)'), 'name_key', 'id'],
                    sqlite_where=sa.text(LIVE))
    for n in (1, 2):
        op.create_index(f'ix_participant_live_choice_{n}', 'participant',
                        [f'training_choice_{n}', 'name_key', 'id'],
                        sqlite_where=sa.text(f'{LIVE} AND training_choice_{n} IS NOT NULL'))


def downgrade() -> None:
    for name in ('ix_participant_live_choice_2', 'ix_participant_live_choice_1',
                 'ix_participant_live_province', 'ix_participant_live_office'):
        op.drop_index(name, table_name='participant')
