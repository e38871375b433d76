"""Entitlements, payments, reversals, recoveries and the cash close through the services on a
real office database (issue #11): each rule at its boundary and on both sides, and the
database's own refusals (the unique payment round, the append-only triggers)."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from app.errors import StateError, ValidationError
from app.services import cash_close, entitlements, payments
from app.services.attendance import lock_day, mark
from tests.unit.cohort_support import at
from tests.unit.helpers import count, execute, rows
from tests.unit.stipend_support import WEEK1, attend, running_cohort, week_one

MONDAY_14 = date(2026, 12, 14)


@pytest.fixture
def office(staffed):
    return staffed


def _refused(call, kind=StateError) -> str:
    with pytest.raises(kind) as refused:
        call()
    return refused.value.message("id")


def _by(office, cid) -> dict[tuple[str, str, str], object]:
    return {
        (r.name.split()[0], r.kind, r.period): r
        for r in entitlements.list_entitlements(office.db, cid)
    }


def _approved(office):
    c = week_one(office)
    entitlements.approve(office.db, office.actors["supervisor"], c.id, "W1")
    return c, _by(office, c.id)


def test_attendance_earns_per_day_present_and_recomputing_unchanged_writes_nothing(office):
    c = week_one(office)
    report = entitlements.compute(office.db, office.actors["counter"], c.id)
    assert (report.created, report.changed, report.unchanged) == (4, 0, 0)
    got = {k: (r.days, r.amount, r.state) for k, r in _by(office, c.id).items()}
    assert got == {
        ("Budi", "transport", "W1"): (5, 250_000, "dihitung"),
        ("Budi", "pocket", "W1"): (5, 500_000, "dihitung"),
        ("Siti", "transport", "W1"): (4, 200_000, "dihitung"),
        ("Siti", "pocket", "W1"): (4, 400_000, "dihitung"),
    }
    events = count(office.path, "audit_event", "action='stipend.compute'")
    outbox = count(office.path, "outbox")
    again = entitlements.compute(office.db, office.actors["counter"], c.id)
    assert (again.created, again.changed, again.unchanged) == (0, 0, 4)
    assert count(office.path, "audit_event", "action='stipend.compute'") == events
    assert count(office.path, "outbox") == outbox


def test_a_correction_before_payment_changes_the_amount_and_says_what_changed(office):
    c = week_one(office)
    entitlements.compute(office.db, office.actors["counter"], c.id)
    mark(office.db, office.actors["counter"], c.id, date(2026, 12, 11), {c.siti: "H"},
         approver=office.actors["supervisor"])  # fmt: skip
    report = entitlements.compute(office.db, office.actors["counter"], c.id)
    changed = {(ch.name, ch.kind): (ch.old, ch.new, ch.note) for ch in report.changes}
    assert changed == {
        ("Siti Aminah", "transport"): (200_000, 250_000, ""),
        ("Siti Aminah", "pocket"): (400_000, 500_000, ""),
    }
    assert report.overpaid == ()


def test_approval_waits_for_every_day_of_the_period_to_be_approved_and_held(office):
    c = running_cohort(office)
    attend(office, c, WEEK1[:4])  # Monday to Thursday, each approved
    at(office, date(2026, 12, 10), hour=12)
    totals = entitlements.period_totals(office.db, c.id, "W1")
    assert totals.future_days == (date(2026, 12, 11),)
    message = _refused(
        lambda: entitlements.approve(office.db, office.actors["supervisor"], c.id, "W1")
    )
    assert message == "Periode W1 belum selesai: hari pelatihan 11/12 belum tiba."
    # Friday held and marked but not yet approved: refused naming the day
    at(office, date(2026, 12, 11), hour=10)
    mark(office.db, office.actors["counter"], c.id, date(2026, 12, 11), {c.budi: "H", c.siti: "H"})
    message = _refused(
        lambda: entitlements.approve(office.db, office.actors["supervisor"], c.id, "W1")
    )
    assert "11/12" in message and "belum disetujui" in message
    assert count(office.path, "entitlement", "approved_amount IS NOT NULL") == 0
    lock_day(office.db, office.actors["supervisor"], c.id, date(2026, 12, 11))
    done = entitlements.approve(office.db, office.actors["supervisor"], c.id, "W1")
    assert (done.people, done.count, done.transport, done.pocket, done.total) == (
        2, 4, 500_000, 1_000_000, 1_500_000)  # fmt: skip
    assert {r.state for r in _by(office, c.id).values()} == {"disetujui"}
    assert (
        _refused(lambda: entitlements.approve(office.db, office.actors["supervisor"], c.id, "W1"))
        == "Tidak ada hak yang menunggu persetujuan."
    )


def test_a_period_the_cohort_does_not_have_is_refused_by_name(office):
    c = week_one(office)
    message = _refused(
        lambda: entitlements.approve(office.db, office.actors["supervisor"], c.id, "W3"),
        ValidationError,
    )
    assert "W3" in message
    with pytest.raises(ValidationError):
        entitlements.period_key("bulan-1")
    assert entitlements.period_key("2") == "W2"


def test_pay_takes_the_next_receipt_number_and_refuses_a_second_payment_naming_it(office):
    c, by = _approved(office)
    first = payments.pay(
        office.db, office.actors["counter"], by[("Budi", "transport", "W1")].id, "cash"
    )
    second = payments.pay(office.db, office.actors["counter"], by[("Siti", "transport", "W1")].id,
                          "transfer", " BRI-0042 ")  # fmt: skip
    assert (first.receipt_number, second.receipt_number) == (
        "KW/JKT-1/2026/0001",
        "KW/JKT-1/2026/0002",
    )
    assert (first.amount, first.deduction, first.cash) == (250_000, 0, 250_000)
    assert rows(office.path, "SELECT reference FROM payment WHERE receipt_number=?",
                second.receipt_number) == [("BRI-0042",)]  # fmt: skip
    before = count(office.path, "payment"), count(office.path, "outbox")
    message = _refused(
        lambda: payments.pay(
            office.db, office.actors["counter"], by[("Budi", "transport", "W1")].id, "cash"
        )
    )
    assert "KW/JKT-1/2026/0001" in message and "14/12/2026" in message and "loket.budi" in message
    assert (count(office.path, "payment"), count(office.path, "outbox")) == before
    row = {r.id: r for r in entitlements.list_entitlements(office.db, c.id)}[first.entitlement_id]
    assert (row.state, row.receipt, row.paid, row.to_pay) == (
        "dibayar",
        first.receipt_number,
        250_000,
        0,
    )


def test_an_unapproved_entitlement_and_a_transfer_without_reference_are_refused(office):
    c = week_one(office)
    entitlements.compute(office.db, office.actors["counter"], c.id)
    eid = _by(office, c.id)[("Budi", "transport", "W1")].id
    assert "belum disetujui" in _refused(
        lambda: payments.pay(office.db, office.actors["counter"], eid, "cash")
    )
    entitlements.approve(office.db, office.actors["supervisor"], c.id, "W1")
    with pytest.raises(ValidationError) as bad:
        payments.pay(office.db, office.actors["counter"], eid, "transfer", "  ")
    assert bad.value.field == "reference"
    with pytest.raises(ValidationError) as bad:
        payments.pay(office.db, office.actors["counter"], eid, "cheque")
    assert bad.value.field == "method"
    with pytest.raises(ValidationError):
        payments.pay(office.db, office.actors["counter"], eid, "transfer", "X" * 65)
    payments.pay(office.db, office.actors["counter"], eid, "transfer", "X" * 64)
    assert count(office.path, "payment") == 1


def test_the_database_itself_refuses_a_second_payment_of_the_same_round_at_one_counter(office):
    _c, by = _approved(office)
    payments.pay(office.db, office.actors["counter"], by[("Budi", "transport", "W1")].id, "cash")
    con = sqlite3.connect(office.path)
    try:
        cols = [r[1] for r in con.execute("PRAGMA table_info(payment)")]

        def copy(**over: str) -> str:
            chosen = ", ".join(f"'{over[c]}'" if c in over else c for c in cols)
            return f"INSERT INTO payment ({', '.join(cols)}) SELECT {chosen} FROM payment LIMIT 1"

        with pytest.raises(sqlite3.IntegrityError, match=r"UNIQUE.*round"):
            con.execute(copy(id="copy", receipt_number="KW/JKT-1/2026/0099"))
        # the same round from ANOTHER counter is stored: a double payment to flag, not to drop
        con.execute(copy(id="other", receipt_number="KW/JKT-2/2026/0001", device_id="device-2"))
        con.commit()
    finally:
        con.close()
    (flag,) = payments.recoveries(office.db)
    assert (flag.double, flag.outstanding, flag.name) == (True, 250_000, "Budi Santoso")
    assert set(flag.receipts) == {"KW/JKT-1/2026/0001", "KW/JKT-2/2026/0001"}


def test_money_rows_cannot_be_changed_or_deleted_but_their_sync_stamp_can(office):
    _c, by = _approved(office)
    done = payments.pay(
        office.db, office.actors["counter"], by[("Budi", "transport", "W1")].id, "cash"
    )
    for sql in (
        "UPDATE payment SET amount = 1",
        "UPDATE payment SET receipt_number = 'KW/JKT-1/2026/0005'",
        "UPDATE payment SET deleted_at = '2026-12-14 00:00:00'",
        "DELETE FROM payment",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            execute(office.path, sql)
    execute(office.path, "UPDATE payment SET version = 2, hlc = 'x'")  # a push answer's stamp
    assert rows(office.path, "SELECT receipt_number, amount FROM payment") == [
        (done.receipt_number, 250_000)
    ]


def test_a_reversal_needs_a_reason_restores_the_balance_and_voids_the_receipt(office):
    c, by = _approved(office)
    eid = by[("Budi", "pocket", "W1")].id
    done = payments.pay(office.db, office.actors["counter"], eid, "cash")
    spv = office.actors["supervisor"]
    with pytest.raises(ValidationError) as bad:
        payments.reverse(office.db, office.actors["counter"], spv, done.receipt_number, " sala ")
    assert bad.value.field == "reason"
    out = payments.reverse(office.db, office.actors["counter"], spv, done.receipt_number, "salah")
    assert (out.amount, out.cash_returned, out.approved_by) == (500_000, 500_000, "spv.rina")
    row = {r.id: r for r in entitlements.list_entitlements(office.db, c.id)}[eid]
    assert (row.state, row.paid, row.to_pay, row.receipt) == ("disetujui", 0, 500_000, None)
    assert "sudah dibatalkan" in _refused(
        lambda: payments.reverse(
            office.db, office.actors["counter"], spv, done.receipt_number, "lagi-lagi"
        )
    )
    again = payments.pay(office.db, office.actors["counter"], eid, "cash")
    assert again.receipt_number == "KW/JKT-1/2026/0002"
    series = payments.receipt_series(office.db, 2026)
    assert [(e.number, e.state) for e in series.entries] == [
        ("KW/JKT-1/2026/0001", "void"),
        ("KW/JKT-1/2026/0002", "issued"),
    ]
    assert (series.issued, series.void, series.missing) == (1, 1, 0)


def test_the_series_report_shows_a_gap(office):
    _c, by = _approved(office)
    for key in (("Budi", "transport", "W1"), ("Siti", "transport", "W1")):
        payments.pay(office.db, office.actors["counter"], by[key].id, "cash")
    # a number lost (a PC restored from an old backup before sync): the report shows it
    execute(office.path, "DROP TRIGGER trg_payment_no_delete")
    execute(office.path, "DELETE FROM payment WHERE receipt_number = 'KW/JKT-1/2026/0001'")
    series = payments.receipt_series(office.db, 2026)
    assert [(e.number, e.state) for e in series.entries] == [
        ("KW/JKT-1/2026/0001", "missing"),
        ("KW/JKT-1/2026/0002", "issued"),
    ]
    assert payments.receipt_series(office.db, 2026, "JKT-2").entries == ()


def test_a_paid_entitlement_found_too_high_becomes_an_overpayment_the_next_payment_keeps_back(
    office,
):
    c, by = _approved(office)
    spv, clerk = office.actors["supervisor"], office.actors["counter"]
    payments.pay(office.db, clerk, by[("Budi", "transport", "W1")].id, "cash")
    # Monday corrected to absent after payment: 50.000 transport paid too much
    mark(office.db, clerk, c.id, date(2026, 12, 7), {c.budi: "A"}, approver=spv)
    report = entitlements.compute(office.db, clerk, c.id)
    over = {(ch.name, ch.kind): ch.note for ch in report.overpaid}
    assert over == {("Budi Santoso", "transport"): "kelebihan bayar Rp50.000"}
    (item,) = payments.recoveries(office.db)
    assert (item.kind, item.amount, item.paid, item.outstanding, item.double) == (
        "transport", 200_000, 250_000, 50_000, False)  # fmt: skip
    # the pocket money of the same week (recomputed to 4 days, approved again) pays net
    entitlements.approve(office.db, spv, c.id, "W1")
    done = payments.pay(office.db, clerk, by[("Budi", "pocket", "W1")].id, "cash")
    assert (done.amount, done.deduction, done.cash) == (400_000, 50_000, 350_000)
    assert payments.recoveries(office.db) == []
    # reversing that payment makes the overpayment owed again
    payments.reverse(office.db, clerk, spv, done.receipt_number, "uang dikembalikan")
    assert [r.outstanding for r in payments.recoveries(office.db)] == [50_000]


def test_a_deduction_never_exceeds_the_payment(office):
    c, by = _approved(office)
    spv, clerk = office.actors["supervisor"], office.actors["counter"]
    payments.pay(office.db, clerk, by[("Budi", "pocket", "W1")].id, "cash")  # 500.000
    for day in WEEK1[:4]:  # four days corrected to absent: 400.000 too much
        mark(office.db, clerk, c.id, day, {c.budi: "A"}, approver=spv)
    entitlements.approve(office.db, spv, c.id, "W1")  # transport now 50.000
    done = payments.pay(office.db, clerk, by[("Budi", "transport", "W1")].id, "cash")
    assert (done.amount, done.deduction, done.cash) == (50_000, 50_000, 0)
    assert [r.outstanding for r in payments.recoveries(office.db)] == [350_000]


def test_a_top_up_after_a_correction_upwards_is_approved_then_paid_as_the_rest(office):
    c, by = _approved(office)
    spv, clerk = office.actors["supervisor"], office.actors["counter"]
    eid = by[("Siti", "transport", "W1")].id
    payments.pay(office.db, clerk, eid, "cash")  # 200.000 for four days
    mark(office.db, clerk, c.id, date(2026, 12, 11), {c.siti: "H"}, approver=spv)
    report = entitlements.compute(office.db, clerk, c.id)
    notes = {(ch.name, ch.kind): ch.note for ch in report.changes}
    assert notes[("Siti Aminah", "transport")] == "kurang bayar Rp50.000"
    assert "belum disetujui" in _refused(lambda: payments.pay(office.db, clerk, eid, "cash"))
    entitlements.approve(office.db, spv, c.id, "W1")
    rest = payments.pay(office.db, clerk, eid, "cash")
    assert rest.amount == 50_000
    rounds = rows(office.path, "SELECT round FROM payment WHERE entitlement_id=? ORDER BY 1", eid)
    assert rounds == [(1,), (2,)]
    row = {r.id: r for r in entitlements.list_entitlements(office.db, c.id)}[eid]
    assert (row.state, row.paid, row.double, row.overpaid) == ("dibayar", 250_000, False, 0)


def test_a_supervisor_writes_off_what_is_left_with_a_reason(office):
    c, by = _approved(office)
    spv, clerk = office.actors["supervisor"], office.actors["counter"]
    eid = by[("Budi", "transport", "W1")].id
    assert "tidak memiliki kelebihan" in _refused(
        lambda: payments.write_off(office.db, spv, eid, "tidak ada")
    )
    payments.pay(office.db, clerk, eid, "cash")
    mark(office.db, clerk, c.id, date(2026, 12, 7), {c.budi: "A"}, approver=spv)
    entitlements.compute(office.db, clerk, c.id)
    with pytest.raises(ValidationError):
        payments.write_off(office.db, spv, eid, "")
    assert payments.write_off(office.db, spv, eid, "peserta meninggal dunia") == 50_000
    assert payments.recoveries(office.db) == []
    assert rows(office.path, "SELECT kind, amount, approved_by FROM recovery_settlement") == [
        ("write_off", 50_000, "spv.rina")
    ]


def test_the_cash_close_totals_equal_the_payments_of_the_day(office):
    _c, by = _approved(office)
    spv, clerk = office.actors["supervisor"], office.actors["counter"]
    paid = [
        payments.pay(office.db, clerk, by[("Budi", "transport", "W1")].id, "cash"),
        payments.pay(office.db, clerk, by[("Budi", "pocket", "W1")].id, "cash"),
        payments.pay(office.db, clerk, by[("Siti", "pocket", "W1")].id, "transfer", "BNI-9"),
    ]
    payments.reverse(office.db, clerk, spv, paid[0].receipt_number, "uang dikembalikan")
    day = cash_close.cash_day(office.db, MONDAY_14)
    assert day.totals == (
        ("pocket", "cash", 1, 500_000),
        ("pocket", "transfer", 1, 400_000),
        ("transport", "cash", 1, 250_000),
    )
    assert sum(t[3] for t in day.totals) == sum(p.cash for p in paid)
    assert (day.receipts, day.cash_paid, day.cash_returned, day.transfer_total) == (
        3, 750_000, 250_000, 400_000)  # fmt: skip
    assert (day.first_number, day.last_number, day.voids) == (
        "KW/JKT-1/2026/0001", "KW/JKT-1/2026/0003", ("KW/JKT-1/2026/0001",))  # fmt: skip
    assert cash_close.opening_default(office.db, MONDAY_14) == 0
    closed = cash_close.close_day(office.db, clerk, spv, MONDAY_14, 2_000_000, 1_490_000)
    assert (closed.expected, closed.counted, closed.difference) == (1_500_000, 1_490_000, -10_000)
    assert "sudah ditutup" in _refused(
        lambda: cash_close.close_day(office.db, clerk, spv, MONDAY_14, 0, 0)
    )
    # after the close nothing more is paid or reversed at this counter that day
    before = count(office.path, "payment"), count(office.path, "payment_reversal")
    assert "sudah ditutup" in _refused(
        lambda: payments.pay(office.db, clerk, by[("Siti", "transport", "W1")].id, "cash")
    )
    assert "sudah ditutup" in _refused(
        lambda: payments.reverse(office.db, clerk, spv, paid[1].receipt_number, "uang kembali")
    )
    assert (count(office.path, "payment"), count(office.path, "payment_reversal")) == before
    # the next day opens with what was counted, and pays again
    at(office, date(2026, 12, 15), hour=2)
    assert cash_close.opening_default(office.db, date(2026, 12, 15)) == 1_490_000
    payments.pay(office.db, clerk, by[("Siti", "transport", "W1")].id, "cash")


def test_a_day_to_come_and_a_negative_count_are_refused(office):
    _approved(office)
    spv, clerk = office.actors["supervisor"], office.actors["counter"]
    with pytest.raises(ValidationError) as bad:
        cash_close.close_day(office.db, clerk, spv, date(2026, 12, 15), 0, 0)
    assert bad.value.field == "day"
    with pytest.raises(ValidationError) as bad:
        cash_close.close_day(office.db, clerk, spv, MONDAY_14, 0, -1)
    assert bad.value.field == "counted"
    assert count(office.path, "cash_close") == 0


def test_the_series_goes_past_9999_without_reusing_a_number(office):
    _c, by = _approved(office)
    clerk = office.actors["counter"]
    payments.pay(office.db, clerk, by[("Budi", "transport", "W1")].id, "cash")
    con = sqlite3.connect(office.path)
    try:  # as if this counter had paid 9,999 receipts this year
        cols = [r[1] for r in con.execute("PRAGMA table_info(payment)")]
        chosen = ", ".join(
            {"id": "'n9999'", "receipt_number": "'KW/JKT-1/2026/9999'", "round": "7"}.get(c, c)
            for c in cols
        )
        con.execute(f"INSERT INTO payment ({', '.join(cols)}) SELECT {chosen} FROM payment")
        con.commit()
    finally:
        con.close()
    first = payments.pay(office.db, clerk, by[("Budi", "pocket", "W1")].id, "cash")
    second = payments.pay(office.db, clerk, by[("Siti", "pocket", "W1")].id, "cash")
    assert (first.receipt_number, second.receipt_number) == (
        "KW/JKT-1/2026/10000", "KW/JKT-1/2026/10001")  # fmt: skip


def test_a_restored_pc_pays_only_after_the_sync_that_brings_its_receipts_back(office):
    _c, by = _approved(office)
    eid = by[("Budi", "transport", "W1")].id
    for key in ("sync_recovery", "sync_full_pull"):
        execute(office.path, "INSERT INTO local_setting (key, value) VALUES (?, 'true')", key)
        message = _refused(lambda: payments.pay(office.db, office.actors["counter"], eid, "cash"))
        assert "dipulihkan dari cadangan" in message and count(office.path, "payment") == 0
        execute(office.path, "DELETE FROM local_setting WHERE key = ?", key)
    assert payments.pay(office.db, office.actors["counter"], eid, "cash").receipt_number.endswith(
        "/0001"
    )


def test_a_reversal_of_the_same_payment_from_another_counter_is_kept_and_counts_once(office):
    c, by = _approved(office)
    clerk, spv = office.actors["counter"], office.actors["supervisor"]
    eid = by[("Budi", "transport", "W1")].id
    done = payments.pay(office.db, clerk, eid, "cash")
    payments.reverse(office.db, clerk, spv, done.receipt_number, "uang dikembalikan")
    con = sqlite3.connect(office.path)
    try:  # counter 2 reversed it too while offline; its row arrives with the pull
        cols = [r[1] for r in con.execute("PRAGMA table_info(payment_reversal)")]
        chosen = ", ".join({"id": "'r2'", "device_id": "'device-2'"}.get(x, x) for x in cols)
        con.execute(
            f"INSERT INTO payment_reversal ({', '.join(cols)}) SELECT {chosen} "
            "FROM payment_reversal"
        )
        con.commit()
    finally:
        con.close()
    assert count(office.path, "payment_reversal") == 2
    row = {r.id: r for r in entitlements.list_entitlements(office.db, c.id)}[eid]
    assert (row.state, row.paid, row.to_pay) == ("disetujui", 0, 250_000)
    series = payments.receipt_series(office.db, 2026)
    assert [(e.number, e.state) for e in series.entries] == [(done.receipt_number, "void")]


def test_the_cash_close_pdf_names_the_weekday_and_carries_the_signed_figures(office, tmp_path):
    from pypdf import PdfReader

    from app.services.receipt_documents import cash_close_pdf

    _c, by = _approved(office)
    clerk, spv = office.actors["counter"], office.actors["supervisor"]
    payments.pay(office.db, clerk, by[("Budi", "pocket", "W1")].id, "cash")
    with pytest.raises(StateError):  # not closed yet: nothing to print
        cash_close_pdf(office.db, clerk, MONDAY_14, tmp_path / "kas.pdf")
    cash_close.close_day(office.db, clerk, spv, MONDAY_14, 1_000_000, 500_000)
    out = cash_close_pdf(office.db, clerk, MONDAY_14, tmp_path / "kas.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Senin, 14 Desember 2026" in text
    assert "Rp1.000.000" in text and "Rp500.000" in text and "sesuai" in text
    assert "spv.rina" in text and "KW/JKT-1/2026/0001" in text
