"""A merge of duplicates moves linked records (consents, documents) without taking their
last-writer stamp: a counter's consent withdrawal made offline before the merge and pushed
after it still counts (found in review: it was dropped as "superseded")."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from app.server.apply import apply_batch
from app.server.db import create_schema, make_server_engine
from app.server.models import Device, DuplicateFlag, RecordState
from app.server.policy import Mutation
from app.server.review import merge_duplicate
from tests.sync.hostile import consent_row, participant_row, staff_row

NIK = "3171011708900001"
PASSWORD = "Supervisor2026"
SUPERVISOR = staff_row("JKT", "spv.rina", "supervisor", PASSWORD)


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
                mutation("participant", "p1", "insert", participant_row("JKT", NIK, "Budi"), t0),
                mutation("participant", "p2", "insert", participant_row("JKT", NIK, "Budi S"), t0),
                mutation("consent", "c2", "insert", consent_row("JKT", "p2"), t0 + 2),
                mutation("staff", "s1", "insert", SUPERVISOR, t0 + 3),
            ],
        )
        assert [r["status"] for r in applied] == ["applied"] * 4
        withdrawn = "2026-12-01T10:00:00+00:00"  # at the counter, offline, at t0 + 10 s
        withdrawal = mutation(
            "consent", "c2", "update", {"withdrawn_at": withdrawn}, t0 + 10_000, 1, 2
        )
        with Session(engine) as session:
            flag = session.query(DuplicateFlag).one()
            keep = "a" if flag.record_a == "p1" else "b"
        moved = merge_duplicate(engine, device, flag.id, keep, "spv.rina", PASSWORD)["moved"]
        assert moved == 1
        (answer,) = apply_batch(engine, device, [withdrawal])
        assert answer["status"] == "applied" and answer["reason"] == ""
        with Session(engine) as session:
            consent = session.get(RecordState, ("consent", "c2"))
            assert consent is not None
            assert consent.data["withdrawn_at"] == withdrawn  # the withdrawal counts
            assert consent.data["participant_id"] == "p1"  # and the consent moved
    finally:
        engine.dispose()


def _device(engine, device_id: str, office: str) -> Device:
    with Session(engine, expire_on_commit=False) as session, session.begin():
        device = Device(
            id=device_id,
            office_code=office,
            device_no=1,
            name=f"{office}-1",
            token_hash=device_id,
            enrolled_at=datetime.now(UTC),
        )
        session.add(device)
    return device


def _insert(n: int, entity: str, entity_id: str, office: str, changes: dict) -> Mutation:
    at = int(time.time() * 1000) - 60_000 + n
    return Mutation(n, f"m-{office}-{n}", entity, entity_id, "insert", 0, 1,
                    f"{at}-00000-dev", office, changes)  # fmt: skip


def test_a_consent_arriving_after_the_merge_follows_the_record_that_stayed(tmp_path):
    """Two counters of one office registered Budi twice; a supervisor merged p2 into p1.
    Counter 2, still offline, records a consent for p2 and syncs afterwards: the consent
    ends up on p1, and counter 2 is told so in its answer. A consent for a record merged
    into another office's record stays where it was put, as the merge itself leaves it."""
    engine = make_server_engine(str(tmp_path / "server.db"))
    try:
        create_schema(engine)
        one, two = _device(engine, "jkt-1", "JKT"), _device(engine, "jkt-2", "JKT")
        banten = _device(engine, "btn-1", "BTN")
        apply_batch(
            engine,
            one,
            [
                _insert(1, "participant", "p1", "JKT", participant_row("JKT", NIK, "Budi")),
                _insert(2, "staff", "s1", "JKT", SUPERVISOR),
            ],
        )
        apply_batch(
            engine, two, [_insert(1, "participant", "p2", "JKT", participant_row("JKT", NIK))]
        )
        apply_batch(
            engine, banten, [_insert(1, "participant", "b1", "BTN", participant_row("BTN", NIK))]
        )
        with Session(engine) as session:
            flags = {(f.record_a, f.record_b): f.id for f in session.query(DuplicateFlag)}
        for pair, keep in ((("p1", "p2"), "a"), (("b1", "p1"), "b")):
            merged = merge_duplicate(engine, one, flags[pair], keep, "spv.rina", PASSWORD)
            assert merged["kept"] == "p1"

        (answer,) = apply_batch(
            engine, two, [_insert(2, "consent", "c2", "JKT", consent_row("JKT", "p2"))]
        )
        assert answer["status"] == "applied"
        assert answer["record"]["data"]["participant_id"] == "p1"  # the device learns it
        (late,) = apply_batch(
            engine, banten, [_insert(2, "consent", "cb", "BTN", consent_row("BTN", "b1"))]
        )
        assert late["status"] == "applied"
        with Session(engine) as session:
            moved = session.get(RecordState, ("consent", "c2"))
            kept = session.get(RecordState, ("consent", "cb"))
            assert moved is not None and moved.data["participant_id"] == "p1"
            assert kept is not None and kept.data["participant_id"] == "b1"  # other office
    finally:
        engine.dispose()
