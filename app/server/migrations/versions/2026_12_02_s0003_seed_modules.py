"""seed the training module catalogue

Revision ID: s0003
Revises: s0002
Create Date: 2026-12-02 06:00:00

The same eight modules the office migration 0008 seeds on every PC (app.domain.modules),
with the same ids and stamp, so a change to a seeded module made at any office is an
ordinary change from version 1 here. Not in the change log: every PC has them already.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.domain.modules import SEED_HLC, SEED_OFFICE, seed_rows

revision: str = "s0003"
down_revision: str | None = "s0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEED_ORIGIN = "seed"


def upgrade() -> None:
    record = sa.table(
        "record_state",
        sa.column("entity", sa.String),
        sa.column("entity_id", sa.String),
        sa.column("office_code", sa.String),
        sa.column("version", sa.Integer),
        sa.column("hlc", sa.String),
        sa.column("data", sa.JSON),
        sa.column("field_versions", sa.JSON),
        sa.column("deleted", sa.Boolean),
        sa.column("natural_key", sa.String),
    )
    rows = []
    for data in seed_rows():
        fields = {k: v for k, v in data.items() if k != "id"}
        rows.append(
            {
                "entity": "training_module",
                "entity_id": data["id"],
                "office_code": SEED_OFFICE,
                "version": 1,
                "hlc": SEED_HLC,
                "data": fields,
                "field_versions": {k: [1, SEED_ORIGIN] for k in fields},
                "deleted": False,
                "natural_key": None,
            }
        )
    op.bulk_insert(record, rows)


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("DELETE FROM record_state WHERE entity = 'training_module'"))
