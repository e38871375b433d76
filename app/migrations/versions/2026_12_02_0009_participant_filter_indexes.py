"""participant filter indexes

Revision ID: 0009
Revises: 0008

The list's and the enrolment picker's filters at a million participants (issue #10 item 6,
bench/participants.py, docs/benchmarks.md): a partial index over live rows in name order for
the office, the status (replacing 0004's (status, name_key, id)), the province (the region
code's first two digits, an index on the expression `substr(region_code, 1, 2)`, which a
query must write the same way) and each training choice (rows without one left out). Each
also holds the office, status and province it is not keyed by (the province's, the whole
region code), so a filtered page walks its own rows and tests the other filters on the index
entry, and a capped count never reads the table (app/services/participant_search.py).
Plain CREATE/DROP INDEX: no table rebuild, so rowids stay as they are.

And the name search index `participant_fts` (0002) gains prefixes of 4 and 5 letters: a word
of four letters typed ("agus", "putr") was gathered from every word it starts, 3-10 ms at a
million rows, now read as one entry. FTS5 cannot change its prefixes in place, so the table
is made again with the same name, columns and content (its triggers on participant stay)
and rebuilt from participant: about 6 s at a million rows.
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
PROVINCE = 'substr(region_code, 1, 2)'
HELD = {'office': 'office_code', 'status': 'status', 'province': PROVINCE}


def _create(name: str, key: str, where: str = LIVE) -> None:
    held = [column for column in HELD.values() if column != key]
    if key == PROVINCE:  # and the whole code, for a regency within it
        held.append('region_code')
    columns = [sa.text(c) if c == PROVINCE else c for c in (key, 'name_key', 'id', *held)]
    op.create_index(name, 'participant', columns, sqlite_where=sa.text(where))


def _name_index(prefix: str) -> None:
    op.execute('DROP TABLE participant_fts')
    op.execute(
        "CREATE VIRTUAL TABLE participant_fts USING fts5("
        "full_name, name_key, content='participant', content_rowid='rowid', "
        f"tokenize='unicode61 remove_diacritics 2', prefix='{prefix}')"
    )
    op.execute("INSERT INTO participant_fts(participant_fts) VALUES ('rebuild')")


def upgrade() -> None:
    _name_index('2 3 4 5')
    op.drop_index('ix_participant_live_status', table_name='participant')
    _create('ix_participant_live_status', 'status')
    _create('ix_participant_live_office', 'office_code')
    _create('ix_participant_live_province', PROVINCE)
    for n in (1, 2):
        _create(f'ix_participant_live_choice_{n}', f'training_choice_{n}',
                f'{LIVE} AND training_choice_{n} IS NOT NULL')


def downgrade() -> None:
    for name in ('ix_participant_live_choice_2', 'ix_participant_live_choice_1',
                 'ix_participant_live_province', 'ix_participant_live_office',
                 'ix_participant_live_status'):
        op.drop_index(name, table_name='participant')
    op.create_index('ix_participant_live_status', 'participant', ['status', 'name_key', 'id'],
                    sqlite_where=sa.text(LIVE))
    _name_index('2 3')
