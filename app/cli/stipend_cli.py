"""What the stipend commands share: reading dates, rupiah and periods as typed, the labels
of kinds and states, and signing a supervisor in (entitlement_cmds, payment_cmds,
receipt_cmds, cash_cmds)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from app.cli.output import read_password
from app.cli.provider_cmds import _date
from app.domain import stipends as rules
from app.domain.parsing import ParseError, parse_rupiah
from app.errors import ValidationError
from app.texts import Text

COMPUTED = Text(
    "Angkatan {code}: {created} hak baru, {changed} berubah, {unchanged} tetap.",
    "Cohort {code}: {created} new entitlements, {changed} changed, {unchanged} unchanged.",
)


CHANGE_LINE = Text(
    "  {name} — {kind} {period}: {old} → {new}", "  {name} — {kind} {period}: {old} → {new}"
)


OVERPAID_LINE = Text(
    "  KELEBIHAN BAYAR: {name} — {kind} {period}: {note}",
    "  OVERPAID: {name} — {kind} {period}: {note}",
)


APPROVED = Text(
    "Disetujui oleh {by}: {count} hak untuk {people} orang — transport {transport}, uang saku "
    "{pocket}, jumlah {total}.",
    "Approved by {by}: {count} entitlements for {people} people — transport {transport}, "
    "pocket money {pocket}, total {total}.",
)


NO_ENTITLEMENTS = Text(
    "Belum ada hak; jalankan dulu loket entitlements compute.",
    "No entitlements yet; run loket entitlements compute first.",
)


LIST_TOTAL = Text(
    "{count} hak, jumlah {amount}, dibayar {paid}, belum dibayar {to_pay}.",
    "{count} entitlements, total {amount}, paid {paid}, still to pay {to_pay}.",
)


PAID = Text(
    "Dibayar: kuitansi {number} — {name}, {cash} ({method}).",
    "Paid: receipt {number} — {name}, {cash} ({method}).",
)


DEDUCTED = Text(
    "  Hak {amount}, dipotong kelebihan bayar sebelumnya {deduction}.",
    "  Entitlement {amount}, less an earlier overpayment {deduction}.",
)


REVERSED = Text(
    "Kuitansi {number} dibatalkan (BATAL), disetujui {by}; hak {amount} kembali terutang.",
    "Receipt {number} reversed (void), approved by {by}; {amount} is owed again.",
)


CASH_BACK = Text("  Uang tunai kembali ke kas: {amount}.", "  Cash back in the till: {amount}.")


NO_RECOVERIES = Text(
    "Tidak ada kelebihan bayar atau pembayaran ganda.", "No overpayment or double payment."
)


DOUBLE = Text("GANDA", "DOUBLE")


WRITTEN_OFF = Text(
    "Kelebihan bayar {amount} dihapusbukukan oleh {by}.",
    "Overpayment {amount} written off by {by}.",
)


REGISTER_WRITTEN = Text(
    "Register {rows} hak ditulis ke {path} (jumlah {amount}, dibayar {paid}).",
    "Register of {rows} entitlements written to {path} (total {amount}, paid {paid}).",
)


PRINTED = Text(
    "{n} kuitansi dicetak ke {path} ({copies} di antaranya SALINAN).",
    "{n} receipts printed to {path} ({copies} of them copies, SALINAN).",
)


SERIES_TOTAL = Text(
    "{prefix}: {issued} terbit, {void} batal, {missing} hilang.",
    "{prefix}: {issued} issued, {void} void, {missing} missing.",
)


SERIES_EMPTY = Text("{prefix}: belum ada kuitansi.", "{prefix}: no receipts yet.")


SERIES_STATES = {
    "issued": Text("terbit", "issued"),
    "void": Text("BATAL", "void"),
    "missing": Text("HILANG", "missing"),
}


BAD_AMOUNT = Text(
    "Jumlah uang tidak terbaca: {raw}. Tulis rupiah utuh, misalnya 1.500.000 atau 1500000.",
    "The amount cannot be read: {raw}. Write whole rupiah, e.g. 1.500.000 or 1500000.",
)


REQUIRED_DATE = Text("Tanggal wajib diisi.", "The date is required.")


CASH_WRITTEN = Text("Berita acara tutup kas ditulis ke {path}.", "Cash close written to {path}.")


NOT_CLOSED_YET = Text("Kas hari ini belum ditutup.", "This day's cash is not closed yet.")


L_DAY = Text("Tanggal", "Date")


L_COUNTER = Text("Loket", "Counter")


L_RECEIPTS = Text("Kuitansi", "Receipts")


L_OPENING = Text("Saldo awal", "Opening cash")


L_CASH_PAID = Text("Dibayar tunai", "Paid in cash")


L_CASH_BACK = Text("Tunai kembali", "Cash returned")


L_EXPECTED = Text("Seharusnya ada", "Expected")


L_COUNTED = Text("Dihitung", "Counted")


L_DIFFERENCE = Text("Selisih", "Difference")


L_TRANSFER = Text("Transfer", "Transfer")


L_CLOSED = Text("Ditutup", "Closed")


CLOSED_BY = Text("{by}, disetujui {spv}, {at}", "{by}, approved by {spv}, {at}")


def _day(raw: str, field: str) -> date:
    found = _date(raw, field)
    if found is None:
        raise ValidationError(REQUIRED_DATE, field=field)
    return found


def _rupiah(raw: str, field: str) -> int:
    try:
        found = parse_rupiah(raw)
    except ParseError:
        found = None
    if found is None:
        raise ValidationError(BAD_AMOUNT, field=field, raw=raw)
    return found


def _period(raw: str | None) -> str | None:
    from app.services.entitlements import period_key

    return None if raw is None else period_key(raw)


def _kind(kind: str) -> str:
    return rules.KIND_LABELS[rules.Kind(kind)].render()


def _state(state: str) -> str:
    return rules.STATE_LABELS[rules.State(state)].render()


def _supervisor(db: Any, args: argparse.Namespace) -> Any:
    from app.services.auth import login

    return login(db, args.supervisor, read_password(args.password_stdin)).actor
