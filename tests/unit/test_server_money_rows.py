"""A payment as the server judges it (app.server.judge), in memory: it names its device like
an audit event does, but it is no link of the device's audit chain; and a money row links
only to records of its own office (rule 6 of app.server.authorize). The same cases run over
real HTTP in tests/sync/test_sync_payments.py."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from app.server.judge import BatchOutcome, judge, owner_links
from app.server.models import Device
from app.server.policy import Draft, Mutation

NOW = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)
STAMP = f"{int(NOW.timestamp() * 1000) - 1000}-00000-dev-a"
A = Device(id="dev-a", office_code="JKT", device_no=1, is_hq=False)
ANCHOR = (4, "a" * 64)  # the newest audit event the server holds from dev-a


def payment(office: str = "JKT", **over: Any) -> Mutation:
    changes = {
        "entitlement_id": "e1",
        "cohort_id": "c1",
        "round": 1,
        "amount": 250_000,
        "deduction": 0,
        "method": "cash",
        "reference": None,
        "receipt_number": "KW/JKT-1/2026/0001",
        "paid_by": "loket.budi",
        "paid_by_name": "Budi",
        "paid_at": "2026-12-02T02:00:00+00:00",
        "paid_on": "2026-12-02",
        "device_id": "dev-a",
        "office_code": office,
        "created_at": "2026-12-02T02:00:00+00:00",
        **over,
    }
    return Mutation(5, "m5", "payment", "p1", "insert", 0, 1, STAMP, office, changes)


def entitlement(office: str) -> Draft:
    return Draft("entitlement", "e1", office, 1, STAMP, {"amount": 250_000}, {})


def decided(m: Mutation, records: dict[tuple[str, str], Draft | None]) -> tuple[Any, ...]:
    out = BatchOutcome(anchor=ANCHOR)
    result = judge(m, None, records, A, {}, NOW, out)
    assert result is not None
    return result["status"], result["reason"], out.anchor, len(out.change_rows)


def test_a_payment_is_applied_without_touching_the_devices_audit_chain():
    # before the fix: refused as "audit chain: expected event 5" (every record type with a
    # device field was taken for an audit event), and its anchor would have moved
    records = {("payment", "p1"): None, ("entitlement", "e1"): entitlement("JKT")}
    assert decided(payment(), records) == ("applied", "", ANCHOR, 1)


def test_an_audit_event_is_still_a_link_of_the_chain():
    event = Mutation(
        5, "m5", "audit_event", "ev", "insert", 0, 1, STAMP, "JKT",
        {"device_id": "dev-a", "seq": 9, "prev_hash": "a" * 64, "hash": "b" * 64,
         "office_code": "JKT"},
    )  # fmt: skip
    status, reason, anchor, changes = decided(event, {("audit_event", "ev"): None})
    assert (status, reason, anchor, changes) == (
        "rejected",
        "audit chain: expected event 5",
        ANCHOR,
        0,
    )


def test_a_money_row_links_only_to_records_of_its_own_office():
    other = {("payment", "p1"): None, ("entitlement", "e1"): entitlement("JBR")}
    assert decided(payment(), other)[:2] == ("rejected", "not permitted")
    # a JBR device's payment of a JKT entitlement, under JBR's name
    jbr = Device(id="dev-a", office_code="JBR", device_no=1, is_hq=False)
    out = BatchOutcome(anchor=ANCHOR)
    m = payment("JBR", receipt_number="KW/JBR-1/2026/0001")
    own = {("payment", "p1"): None, ("entitlement", "e1"): entitlement("JKT")}
    result = judge(m, None, own, jbr, {}, NOW, out)
    assert result is not None and (result["status"], result["reason"]) == (
        "rejected",
        "not permitted",
    )
    # a linked record the server does not hold says nothing either way
    assert decided(payment(), {("payment", "p1"): None})[:2] == ("applied", "")


def test_the_records_a_money_row_links_to_are_read_with_the_batch():
    assert owner_links([payment()]) == {("entitlement", "e1")}
    participant = Mutation(1, "m1", "participant", "x", "insert", 0, 1, STAMP, "JKT", {})
    assert owner_links([participant]) == set()
