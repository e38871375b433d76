"""A push batch that clashes in PostgreSQL with another transaction is decided again, not
answered with a 500: COPY raises the driver's own errors, which the retry must catch."""

from __future__ import annotations

import os
import threading
import time
import uuid

import pytest
from sqlalchemy import insert, select

from app.server.admin import enroll, make_enroll_code
from app.server.apply import apply_batch
from app.server.db import create_schema, make_server_engine
from app.server.models import MutationLog, RecordState
from app.server.policy import Mutation
from tests.sync.conftest import server_db_url
from tests.sync.hostile import participant_row

pytestmark = pytest.mark.skipif(
    not os.environ.get("LOKET_TEST_PG"),
    reason="needs PostgreSQL: on SQLite a push holds the write lock from its first read",
)


def test_same_new_record_committed_by_another_transaction_meanwhile(tmp_path):
    url = server_db_url(tmp_path)
    engine = make_server_engine(url)
    try:
        create_schema(engine)
        device, _token = enroll(
            engine, make_enroll_code(engine, "JKT"), str(uuid.uuid4()), 1, "JKT-1", "JKT"
        )
        record_id = str(uuid.uuid4())
        changes = participant_row("JKT", "3171011708900001", "Budi Santoso")
        other = engine.connect()
        rival = other.begin()
        other.execute(  # another device's push of the same new id, not committed yet
            insert(RecordState.__table__).values(
                entity="participant",
                entity_id=record_id,
                office_code="JKT",
                version=1,
                hlc="1764288000000-00000-other",
                data=changes,
                field_versions={k: [1, "other"] for k in changes},
                deleted=False,
                natural_key="3171011708900001",
            )
        )
        mutation = Mutation(
            seq=1,
            mutation_id=str(uuid.uuid4()),
            entity="participant",
            entity_id=record_id,
            op="insert",
            base_version=0,
            version=1,
            hlc="1764288000001-00000-dev",
            office_code="JKT",
            changes=changes,
        )
        answers: list[object] = []
        push = threading.Thread(
            target=lambda: answers.append(apply_batch(engine, device, [mutation]))
        )
        push.start()
        time.sleep(1.0)  # the push has decided "new record" and waits on the unique key
        rival.commit()
        other.close()
        push.join(timeout=60)
        assert not push.is_alive()
        (results,) = answers
        assert isinstance(results, list)
        # Decided again on what is committed: the same values, so a duplicate insert.
        assert results[0]["status"] == "applied" and results[0]["reason"] == "duplicate insert"
        with engine.connect() as conn:
            logged = conn.execute(select(MutationLog.status)).scalars().all()
        assert logged == ["applied"]
    finally:
        engine.dispose()
        import psycopg

        with psycopg.connect(os.environ["LOKET_TEST_PG"], autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')
