"""How constraints and indexes are named, in the office database and the server's alike.

Alembic needs stable names to alter a constraint later (SQLite batch mode rebuilds tables
by name). Both databases follow this convention; it lives outside either side so the
server does not import the office models for it.
"""

from __future__ import annotations

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
