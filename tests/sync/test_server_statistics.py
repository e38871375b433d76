"""The server refreshes PostgreSQL's statistics as its tables double (see
app/server/statistics.py: without them a bulk first sync's lookups scan every record)."""

from __future__ import annotations

import os

from sqlalchemy import text

from app.server.db import create_schema, make_server_engine
from app.server.statistics import GrowthWatch
from tests.sync.conftest import server_db_url


def test_analyze_runs_when_the_written_rows_double(tmp_path):
    url = server_db_url(tmp_path)
    engine = make_server_engine(url)
    try:
        create_schema(engine)
        watch = GrowthWatch(first_at=100)
        if not url.startswith("postgresql"):
            assert not watch.wrote(engine, 1_000)  # SQLite plans without such statistics
            return

        def analyzed() -> bool:
            with engine.connect() as conn:
                return bool(
                    conn.execute(
                        text(
                            "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables "
                            "WHERE relname = 'record_state'"
                        )
                    ).scalar()
                )

        assert not watch.wrote(engine, 60) and not analyzed()
        assert watch.wrote(engine, 60) and analyzed()  # 120 rows: past the first mark
        assert watch.next_at == 240
        assert not watch.wrote(engine, 100)  # 220: not yet doubled again
        assert watch.wrote(engine, 20)
    finally:
        engine.dispose()
        if url.startswith("postgresql"):
            import psycopg

            with psycopg.connect(os.environ["LOKET_TEST_PG"], autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')
