"""participant membership facts and the NIK's last four digits

Revision ID: 0007
Revises: 0006

The eligibility rules ask for facts the intake form did not hold: months of membership,
months paid in the last 24 (JKP), whether the person is still an active member, and whether
they joined the programme before (app/domain/eligibility.py). Each is NULL when not known,
so the rule stays "unknown". And an index on the NIK's last four digits, which a masked NIK
shows (`3171********0001`), so the list's search finds them without reading the table
(app/services/participant_search.py). Plain ADD COLUMN and CREATE INDEX: no table rebuild,
so rowids (and participant_fts) stay as they are.
Create Date: 2026-12-02 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    ('membership_months', sa.Integer()),
    ('contribution_months_last_24', sa.Integer()),
    ('still_active_member', sa.Boolean()),
    ('previous_participation', sa.Boolean()),
)


def upgrade() -> None:
    for name, kind in COLUMNS:
        op.add_column('participant', sa.Column(name, kind, nullable=True))
    op.create_index('ix_participant_nik_tail', 'participant', [sa.text('substr(nik, -4)')])


def downgrade() -> None:
    op.drop_index('ix_participant_nik_tail', table_name='participant')
    with op.batch_alter_table('participant') as batch:
        for name, _kind in reversed(COLUMNS):
            batch.drop_column(name)
