"""A merge of duplicates moves linked records (consents, documents) without taking their
last-writer stamp: a counter's consent withdrawal made offline before the merge and pushed
after it still counts (found in review: it was dropped as "superseded")."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from app.server.apply import Mutation, apply_batch
from app.server.db import create_schema, make_server_engine
from app.server.models import Device, DuplicateFlag, RecordState
from app.server.review import merge_duplicate

NIK = "3171011708900001"


def test_withdrawal_made_before_the_merge_survives_it(tmp_path):
    engine = make_server_engine(str(tmp_path / "server.db"))
    try:
        create_schema(engine)
        with Session(engine, expire_on_commit=False) as session, session.begin():
            device = Device(
                id="dev-a",
                office_code="JKT",
                device_no=1,
                name="JKT-1",
                token_hash="x",
                enrolled_at=datetime.now(UTC),
            )
            session.add(device)
        t0 = int(time.time() * 1000) - 60_000
        seq = iter(range(1, 100))

        def mutation(entity, entity_id, op, changes, at_ms, base=0, version=1):
            n = next(seq)
            return Mutation(
                n, f"m{n}", entity, entity_id, op, base, version, f"{at_ms}-00000-dev-a", "JKT",
                changes,
            )  # fmt: skip

        applied = apply_batch(
            engine,
            device,
            [
                mutation("participant", "p1", "insert", {"nik": NIK, "full_name": "Budi"}, t0),
                mutation("participant", "p2", "insert", {"nik": NIK, "full_name": "Budi S"}, t0),
                mutation("consent", "c2", "insert", {"participant_id": "p2"}, t0 + 2),
            ],
        )
        assert [r["status"] for r in applied] == ["applied"] * 3
        withdrawn = "2026-12-01T10:00:00+00:00"  # at the counter, offline, at t0 + 10 s
        withdrawal = mutation(
            "consent", "c2", "update", {"withdrawn_at": withdrawn}, t0 + 10_000, 1, 2
        )
        with Session(engine) as session:
            flag = session.query(DuplicateFlag).one()
            keep = "a" if flag.record_a == "p1" else "b"
        assert merge_duplicate(engine, device, flag.id, keep, "spv.rina")["moved"] == 1
        (answer,) = apply_batch(engine, device, [withdrawal])
        assert answer["status"] == "applied" and answer["reason"] == ""
        with Session(engine) as session:
            consent = session.get(RecordState, ("consent", "c2"))
            assert consent is not None
            assert consent.data["withdrawn_at"] == withdrawn  # the withdrawal counts
            assert consent.data["participant_id"] == "p1"  # and the consent moved
    finally:
        engine.dispose()
