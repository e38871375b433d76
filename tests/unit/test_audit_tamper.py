"""Each field of an audit event, changed alone in a real database, is reported by `loket check`
(app.services.maintenance.check), and the chain rules themselves (app.domain.audit_chain)
name the event and why.
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime, timedelta

import pytest

from app.domain.audit_chain import GENESIS, ChainBreak, ChainedEvent, event_hash, verify_chain
from app.services.maintenance import check
from tests.unit.helpers import execute, rows

FIELDS = (
    "device_id", "seq", "at", "actor", "action", "entity", "entity_id", "detail", "prev_hash",
    "hash",
)  # fmt: skip


def _other(field: str, value: object) -> object:
    """A different value of the same kind, as someone editing the file would write it."""
    if field == "seq":
        return int(value) + 100  # type: ignore[call-overload]
    if field == "at":
        raw = str(value)
        return (datetime.fromisoformat(raw) + timedelta(seconds=1)).isoformat(sep=raw[10])
    if field in ("device_id", "entity_id"):
        return str(uuid.uuid4())
    if field in ("prev_hash", "hash"):
        return ("f" if str(value)[0] != "f" else "e") * 64
    if field == "detail":
        return '{"changed": true}'
    return f"{value}.x"


def _events(path):
    return rows(path, f"SELECT {', '.join(FIELDS)} FROM audit_event ORDER BY device_id, seq")


@pytest.mark.parametrize("where", ["middle", "newest"])
@pytest.mark.parametrize("field", FIELDS)
def test_each_audit_field_changed_alone_is_reported_by_check(staffed, field, where):
    path = staffed.path
    assert check(path).ok, check(path).problems
    events = _events(path)
    assert len(events) >= 6
    target = events[len(events) // 2] if where == "middle" else events[-1]
    device_id, seq = target[0], target[1]
    value = target[FIELDS.index(field)]
    execute(
        path,
        f"UPDATE audit_event SET {field}=? WHERE device_id=? AND seq=?",
        _other(field, value),
        device_id,
        seq,
    )
    report = check(path)
    assert not report.ok
    assert report.problems and all("Rantai audit rusak" in p for p in report.problems)
    if field == "device_id":  # moved to a chain of its own, which does not start at 1
        assert any("expected seq 1" in p for p in report.problems), report.problems
    elif field == "seq":
        assert any(f"#{seq + 100}" in p for p in report.problems), report.problems
    else:
        assert any(f"{device_id} #{seq}:" in p for p in report.problems), report.problems


def test_an_untouched_office_passes_check_with_its_numbers(staffed):
    report = check(staffed.path)
    assert report.ok and report.problems == []
    assert report.audit_events == len(_events(staffed.path)) and report.devices == 1


def test_a_second_device_chain_is_checked_on_its_own(staffed):
    """Events pulled from another counter of the office: each device has its own chain."""
    other = str(uuid.uuid4())
    prev = GENESIS
    for seq in (1, 2, 3):
        fields = dict(
            device_id=other,
            seq=seq,
            at=f"2026-11-02T0{seq}:00:00+00:00",
            actor="loket.sari",
            action="auth.login",
            entity=None,
            entity_id=None,
            detail="{}",
            prev_hash=prev,
        )
        prev = event_hash(**fields)  # type: ignore[arg-type]
        execute(
            staffed.path,
            "INSERT INTO audit_event (device_id, seq, at, actor, action, entity, entity_id,"
            " detail, prev_hash, hash, id, office_code, created_at, updated_at, version, hlc)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'JKT', ?, ?, 1, 'x')",
            other,
            seq,
            f"2026-11-02 0{seq}:00:00.000000",
            "loket.sari",
            "auth.login",
            None,
            None,
            "{}",
            fields["prev_hash"],
            prev,
            str(uuid.uuid4()),
            "2026-11-02 00:00:00.000000",
            "2026-11-02 00:00:00.000000",
        )
    report = check(staffed.path)
    assert report.ok, report.problems
    assert report.devices == 2
    execute(staffed.path, "UPDATE audit_event SET actor='x' WHERE device_id=? AND seq=2", other)
    problems = check(staffed.path).problems
    assert problems == [
        f"Rantai audit rusak: audit {other} #2: content changed after writing",
    ]


# -- the chain rules --
def _chain(n: int, device: str = "d") -> list[ChainedEvent]:
    out: list[ChainedEvent] = []
    prev = GENESIS
    for seq in range(1, n + 1):
        fields = dict(
            device_id=device,
            seq=seq,
            at=f"2026-11-0{seq}T02:00:00+00:00",
            actor="admin",
            action="auth.login",
            entity="staff",
            entity_id="s1",
            detail=f'{{"n": {seq}}}',
            prev_hash=prev,
        )
        event = ChainedEvent(**fields, hash=event_hash(**fields))  # type: ignore[arg-type]
        out.append(event)
        prev = event.hash
    return out


def test_an_intact_chain_has_no_breaks():
    assert verify_chain(_chain(4)) == []
    assert verify_chain([]) == []


@pytest.mark.parametrize("field", [f for f in FIELDS if f not in ("seq", "prev_hash", "hash")])
def test_a_changed_field_is_content_changed_at_that_event_only(field):
    chain = _chain(4)
    value = getattr(chain[1], field)
    chain[1] = dataclasses.replace(chain[1], **{field: _other(field, value or "x")})
    assert verify_chain(chain) == [
        ChainBreak(chain[1].device_id, 2, "content changed after writing")
    ]


def test_each_field_is_covered_by_the_hash():
    fields = dict(
        device_id="d", seq=1, at="t", actor="a", action="b", entity="e", entity_id="i",
        detail="{}", prev_hash=GENESIS,
    )  # fmt: skip
    digest = event_hash(**fields)  # type: ignore[arg-type]
    assert len(digest) == 64 and int(digest, 16) >= 0
    for name, value in fields.items():
        changed = {**fields, name: (value + 1) if isinstance(value, int) else f"{value}x"}
        assert event_hash(**changed) != digest, name  # type: ignore[arg-type]
    # Fields are kept apart: moving text from one into the next changes the hash.
    assert event_hash(**{**fields, "actor": "ab", "action": ""}) != digest  # type: ignore[arg-type]


def test_the_hash_is_sha256_of_the_fields_in_order():
    import hashlib
    import json

    values = ["d", 1, "t", "a", "b", None, None, "{}", GENESIS]
    expected = hashlib.sha256(
        json.dumps(values, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    ).hexdigest()
    assert event_hash(
        device_id="d", seq=1, at="t", actor="a", action="b", entity=None, entity_id=None,
        detail="{}", prev_hash=GENESIS,
    ) == expected  # fmt: skip
    # Non-ASCII text is hashed as UTF-8 of the text itself, as stored.
    values[3] = "Ibu Ání"
    expected = hashlib.sha256(
        json.dumps(values, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    ).hexdigest()
    assert event_hash(
        device_id="d", seq=1, at="t", actor="Ibu Ání", action="b", entity=None, entity_id=None,
        detail="{}", prev_hash=GENESIS,
    ) == expected  # fmt: skip


def test_a_changed_previous_hash_breaks_its_own_link_and_content():
    chain = _chain(3)
    chain[1] = dataclasses.replace(chain[1], prev_hash="f" * 64)
    assert verify_chain(chain) == [
        ChainBreak("d", 2, "previous hash does not match"),
        ChainBreak("d", 2, "content changed after writing"),
    ]


def test_a_changed_hash_breaks_it_and_the_next_link():
    chain = _chain(3)
    chain[1] = dataclasses.replace(chain[1], hash="f" * 64)
    assert verify_chain(chain) == [
        ChainBreak("d", 2, "content changed after writing"),
        ChainBreak("d", 3, "previous hash does not match"),
    ]


def test_a_deleted_event_is_named_once_at_the_gap():
    chain = _chain(4)
    del chain[1]
    assert verify_chain(chain) == [
        ChainBreak("d", 3, "expected seq 2"),
        ChainBreak("d", 3, "previous hash does not match"),
    ]


def test_a_chain_must_start_at_one_from_genesis():
    chain = _chain(3)[1:]
    assert verify_chain(chain) == [
        ChainBreak("d", 2, "expected seq 1"),
        ChainBreak("d", 2, "previous hash does not match"),
    ]


def test_a_renumbered_event_is_named_by_its_new_number():
    chain = _chain(3)
    chain[2] = dataclasses.replace(chain[2], seq=7)
    assert verify_chain(chain) == [
        ChainBreak("d", 7, "expected seq 3"),
        ChainBreak("d", 7, "content changed after writing"),
    ]


def test_two_events_swapped_are_found():
    chain = _chain(3)
    chain[1], chain[2] = chain[2], chain[1]
    breaks = verify_chain(chain)
    assert ChainBreak("d", 3, "expected seq 2") in breaks
    assert ChainBreak("d", 2, "expected seq 4") in breaks
