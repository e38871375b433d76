"""dashboard tallies and indexes

Revision ID: 0015
Revises: 0014

The dashboard's figures at a million participants (issue #14 item 1, app/services/
dashboard_sql.py, bench/dashboard.py, docs/benchmarks.md): each figure is a count or a sum,
and none may read a million rows to make it.

- Two tallies kept by triggers, in the same transaction as the change that moves them:
  live participants by office, status and first training choice (`participant_tally`),
  and live attendance marks by cohort and mark (`attendance_tally`). Counting them from
  the rows, even from a narrow index, walks every row: 0.2-0.4 s for a million people and
  0.1-0.3 s for 377,000 marks on this project's machine, which is most of the second the
  dashboard may take. A tally row is touched by an INSERT, a DELETE or an UPDATE of the
  columns it counts (a sync's upsert included); it holds no personal data. Like the name
  search index (participant_fts, 0002), these are hand-made SQL that the models do not
  declare (app.migrations.HAND_MADE leaves them out of the comparison with the models).
- Four indexes for the money figures, each holding every column its statement reads: a
  month's payments of an office; each entitlement's payments summed and set against its
  amount, both in entitlement order (double payments, overpayments); the entitlements not
  approved at their current amount, which are few (a partial index whose condition
  compares two columns of the row).

Plain CREATE statements: no table rebuild, rowids stay as they are.
Create Date: 2026-12-02 22:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ('ix_payment_office_day', 'payment', ['office_code', 'paid_on'], None),
    ('ix_payment_entitlement_amount', 'payment', ['entitlement_id', 'office_code', 'amount'],
     None),
    ('ix_entitlement_live_amount', 'entitlement', ['id', 'amount'],
     sa.text('deleted_at IS NULL')),
    ('ix_entitlement_unapproved', 'entitlement', ['office_code', 'cohort_id', 'amount'],
     sa.text('deleted_at IS NULL AND approved_amount IS NOT amount')),
)


def _tally(table: str, source: str, keys: dict[str, str], counted: str) -> None:
    """A table of counts of `source`'s rows where `counted` holds, by `keys` (tally column
    -> the source's expression, written for NEW./OLD.), kept by three triggers and filled
    from the rows there are now."""
    columns = ', '.join(keys)
    op.execute(
        f"CREATE TABLE {table} ("
        + ''.join(f"{k} TEXT NOT NULL, " for k in keys)
        + f"n INTEGER NOT NULL, PRIMARY KEY ({columns})) WITHOUT ROWID"
    )

    def values(row: str) -> str:
        return ', '.join(e.format(row=row) for e in keys.values())

    def add(row: str) -> str:
        return (
            f"INSERT INTO {table} ({columns}, n) SELECT {values(row)}, 1 "
            f"WHERE {counted.format(row=row)} "
            f"ON CONFLICT ({columns}) DO UPDATE SET n = n + 1;"
        )

    def remove(row: str) -> str:
        match = ' AND '.join(f"{k} = {e.format(row=row)}" for k, e in keys.items())
        return f"UPDATE {table} SET n = n - 1 WHERE {counted.format(row=row)} AND {match};"

    watched = sorted({c for e in keys.values() for c in _columns(e)} | _columns(counted))
    changed = ' OR '.join(f"OLD.{c} IS NOT NEW.{c}" for c in watched)
    op.execute(f"CREATE TRIGGER {table}_ai AFTER INSERT ON {source} BEGIN {add('NEW')} END")
    op.execute(f"CREATE TRIGGER {table}_ad AFTER DELETE ON {source} BEGIN {remove('OLD')} END")
    op.execute(
        f"CREATE TRIGGER {table}_au AFTER UPDATE OF {', '.join(watched)} ON {source} "
        f"WHEN {changed} BEGIN {remove('OLD')} {add('NEW')} END"
    )
    plain = {k: e.format(row=source) for k, e in keys.items()}
    op.execute(
        f"INSERT INTO {table} ({columns}, n) SELECT {', '.join(plain.values())}, count(*) "
        f"FROM {source} WHERE {counted.format(row=source)} GROUP BY {', '.join(plain.values())}"
    )


def _columns(expression: str) -> set[str]:
    import re

    return set(re.findall(r"\{row\}\.(\w+)", expression))


def upgrade() -> None:
    _tally(
        'participant_tally',
        'participant',
        {
            'office_code': '{row}.office_code',
            'status': '{row}.status',
            'training_choice_1': "coalesce({row}.training_choice_1, '')",
        },
        '{row}.deleted_at IS NULL',
    )
    _tally(
        'attendance_tally',
        'attendance',
        {'cohort_id': '{row}.cohort_id', 'mark': '{row}.mark'},
        '{row}.deleted_at IS NULL AND {row}.mark IS NOT NULL',
    )
    for name, table, columns, where in INDEXES:
        op.create_index(name, table, columns, sqlite_where=where)


def downgrade() -> None:
    for name, table, _columns, _where in reversed(INDEXES):
        op.drop_index(name, table_name=table)
    for table in ('attendance_tally', 'participant_tally'):
        for suffix in ('ai', 'ad', 'au'):
            op.execute(f'DROP TRIGGER IF EXISTS {table}_{suffix}')
        op.execute(f'DROP TABLE IF EXISTS {table}')
