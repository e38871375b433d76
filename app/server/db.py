"""Server database: PostgreSQL in production, an SQLite file for one office or a demo.

On SQLite, writes take BEGIN IMMEDIATE (as on the office PCs) so concurrent requests queue
on the lock. On PostgreSQL, change-log numbers are allocated under a transaction-level
advisory lock (see apply.py).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event


def normalize_url(url: str) -> str:
    """`postgresql://` -> psycopg 3 driver; a bare path -> an SQLite file."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        return f"sqlite:///{url}"
    return url


def make_server_engine(url: str) -> Engine:
    url = normalize_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url)

        def on_connect(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None
            cur = dbapi_connection.cursor()
            cur.execute("PRAGMA busy_timeout = 30000")
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = FULL")
            cur.close()

        def on_begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        event.listen(engine, "connect", on_connect)
        event.listen(engine, "begin", on_begin)
        return engine
    # No server-side prepared statements: psycopg prepares a query after five runs, and
    # PostgreSQL may then keep a generic plan chosen while a table was small; the lookup of a
    # push batch's mutation ids turned into a sequential scan that grew with the log
    # (0.1 s per batch at 20,000 rows, measured in bench/sync.py).
    return create_engine(
        url,
        pool_size=10,
        max_overflow=20,
        pool_pre_ping=True,
        connect_args={"prepare_threshold": None},
    )


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def create_schema(engine: Engine) -> None:
    """Bring the server schema to the newest Alembic revision."""
    from app.server.migrations import run_upgrade

    with engine.connect() as conn:
        run_upgrade(conn)
        conn.commit()
