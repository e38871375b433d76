"""An attendance mark held back by its approved day (app.server.policy.held_by_lock), change
by change and in memory: the stored day's lock, the change's own approval, a new mark on a
locked day, a change that does not touch the mark, and an open or removed day."""

from __future__ import annotations

from app.protocol.entities import ENTITIES
from app.server.policy import Draft, field_origin, held_by_lock
from tests.unit.test_server_policy import NOW, A, h, m

SPEC = ENTITIES["attendance"]


def day(locked: bool = True, deleted: bool = False) -> Draft:
    data = {"cohort_id": "c1", "day": "2026-12-07", "locked_at": "2026-12-07T09:00:00"}
    if not locked:
        data["locked_at"] = None
    return Draft("cohort_session", "s1", "JKT", 2, h(1), data, {}, deleted=deleted)


def mark_record(value: str = "H") -> Draft:
    data = {"session_id": "s1", "participant_id": "p1", "mark": value, "approval": None}
    return Draft(
        "attendance", "r1", "JKT", 1, h(1), data, {k: field_origin(1, "dev-a") for k in data}
    )


def held(rec, change, days=None):
    records = {("cohort_session", "s1"): day() if days is None else days}
    return held_by_lock(rec, records, A, change, SPEC, NOW)


def test_a_change_of_a_locked_days_mark_without_approval_is_a_conflict():
    rec = mark_record("H")
    status, reason, after, changed, rows = held(rec, m(entity="attendance", hlc=h(5), mark="S"))
    assert (status, reason, changed) == ("conflict", "mark", False)
    assert after is rec and rec.data["mark"] == "H"
    assert [(r["field"], r["server_value"], r["device_value"], r["reason"]) for r in rows] == [
        ("mark", '"H"', '"S"', "locked")
    ]


def test_an_approved_change_or_one_that_leaves_the_mark_alone_is_not_held():
    rec = mark_record("H")
    approved = m(entity="attendance", mark="S", approval="spv.rina 2026-12-07T10:00:00")
    assert held(rec, approved) is None
    assert held(rec, m(entity="attendance", mark="H")) is None  # the same value
    assert held(rec, m(entity="attendance", marked_by="loket.budi")) is None


def test_an_open_or_removed_day_or_an_unknown_one_holds_nothing():
    rec = mark_record("H")
    change = m(entity="attendance", mark="S")
    assert held(rec, change, day(locked=False)) is None
    assert held(rec, change, day(deleted=True)) is None
    assert held_by_lock(rec, {}, A, change, SPEC, NOW) is None


def test_a_new_mark_on_a_locked_day_is_kept_empty_for_the_supervisor():
    insert = m(
        op="insert",
        entity="attendance",
        base=0,
        session_id="s1",
        participant_id="p2",
        mark="H",
        approval=None,
    )
    status, _reason, after, changed, rows = held(None, insert)
    assert (status, changed) == ("conflict", True)
    assert after is not None and after.data["mark"] is None
    assert after.data["participant_id"] == "p2" and after.version == 1
    assert [(r["field"], r["server_value"], r["device_value"]) for r in rows] == [
        ("mark", "null", '"H"')
    ]


def test_other_record_types_have_no_lock():
    assert held_by_lock(None, {}, A, m(mark="S"), ENTITIES["participant"], NOW) is None
