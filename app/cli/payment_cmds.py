"""`loket entitlements compute|approve`, `loket payments list|pay|reverse|recoveries|
write-off|register`, `loket receipts print|series` and `loket cash close|show`, so office IT
can script the stipends (issue #11 item 5).

Same conventions as the other commands: `--json` prints one object, exit 0 done, 1 refused
or failed (paying an entitlement already paid names the earlier receipt), 2 a usage error.
The CLI acts as the office's admin; approving a period, reversing a payment, writing off an
overpayment and signing a cash close need a supervisor who signs in with `--supervisor USER
--password-stdin`. Amounts are whole rupiah, typed `1.500.000` or `1500000`.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from app import formats
from app.cli.context import open_office
from app.cli.output import Report, aligned, read_password
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


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    ent = sub.add_parser("entitlements", help="stipend entitlements (hak uang transport/saku)")
    esub = ent.add_subparsers(dest="entitlements_command", metavar="ACTION", required=True)
    compute = esub.add_parser(
        "compute",
        parents=[common],
        help="compute a cohort's entitlements from its attendance",
        description="Recomputing after an attendance correction changes only what is unpaid "
        "and prints what changed; a paid entitlement now too high is an overpayment.",
    )
    compute.add_argument("--cohort", required=True, metavar="CODE")
    compute.set_defaults(handler=cmd_compute)
    approve = esub.add_parser(
        "approve",
        parents=[common],
        help="approve a period's entitlements as one batch (supervisor)",
        description="Every held day of the period must be approved in the attendance grid "
        "and the period over. Without --period: every period that is ready.",
    )
    approve.add_argument("--cohort", required=True, metavar="CODE")
    approve.add_argument("--period", metavar="P", help='"1", "W1" or "ALL"')
    approve.add_argument("--supervisor", required=True, help="supervisor username")
    approve.add_argument("--password-stdin", action="store_true")
    approve.set_defaults(handler=cmd_approve)

    pay = sub.add_parser("payments", help="stipend payments, reversals and overpayments")
    psub = pay.add_subparsers(dest="payments_command", metavar="ACTION", required=True)
    plist = psub.add_parser("list", parents=[common], help="a cohort's entitlements and payments")
    plist.add_argument("--cohort", required=True, metavar="CODE")
    plist.add_argument("--period", metavar="P", help='"1", "W1" or "ALL"')
    plist.set_defaults(handler=cmd_list)
    one = psub.add_parser(
        "pay",
        parents=[common],
        help="pay an approved entitlement and take its receipt number",
        description="Refused for an entitlement not approved, or already paid (naming the "
        "earlier receipt). Earlier overpayments of the person are kept back.",
    )
    one.add_argument("entitlement", metavar="ENTITLEMENT_ID")
    one.add_argument("--method", required=True, choices=[m.value for m in rules.Method])
    one.add_argument("--reference", metavar="REF", help="bank transfer reference")
    one.set_defaults(handler=cmd_pay)
    rev = psub.add_parser(
        "reverse",
        parents=[common],
        help="reverse a payment (supervisor); its receipt stays, BATAL",
    )
    rev.add_argument("receipt", metavar="RECEIPT_NUMBER")
    rev.add_argument("--reason", required=True)
    rev.add_argument("--supervisor", required=True, help="supervisor username")
    rev.add_argument("--password-stdin", action="store_true")
    rev.set_defaults(handler=cmd_reverse)
    rec = psub.add_parser(
        "recoveries", parents=[common], help="overpayments to recover and double payments"
    )
    rec.set_defaults(handler=cmd_recoveries)
    off = psub.add_parser(
        "write-off", parents=[common], help="write off an overpayment (supervisor)"
    )
    off.add_argument("entitlement", metavar="ENTITLEMENT_ID")
    off.add_argument("--reason", required=True)
    off.add_argument("--supervisor", required=True, help="supervisor username")
    off.add_argument("--password-stdin", action="store_true")
    off.set_defaults(handler=cmd_write_off)
    reg = psub.add_parser(
        "register", parents=[common], help="the payment register of a cohort as XLSX"
    )
    reg.add_argument("--cohort", required=True, metavar="CODE")
    reg.add_argument("--period", metavar="P", help='"1", "W1" or "ALL"')
    reg.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")
    reg.set_defaults(handler=cmd_register)

    receipts = sub.add_parser("receipts", help="receipts (kuitansi): print, number series")
    rsub = receipts.add_subparsers(dest="receipts_command", metavar="ACTION", required=True)
    prn = rsub.add_parser(
        "print",
        parents=[common],
        help="print receipts as PDF (every print recorded; SALINAN after the first)",
        description="--cohort: one PDF per receipt into the folder --out (--one-file: all in "
        "the file --out). --receipt: that receipt into the file --out.",
    )
    src = prn.add_mutually_exclusive_group(required=True)
    src.add_argument("--cohort", metavar="CODE")
    src.add_argument("--receipt", metavar="NUMBER")
    prn.add_argument("--out", type=Path, required=True, metavar="DIR_OR_FILE")
    prn.add_argument("--period", metavar="P", help='"1", "W1" or "ALL" (with --cohort)')
    prn.add_argument("--one-file", action="store_true")
    prn.add_argument("--paper", choices=("a5", "a4"))
    prn.set_defaults(handler=cmd_print)
    series = rsub.add_parser(
        "series", parents=[common], help="every number of a counter's series: issued/void/missing"
    )
    series.add_argument("--year", type=int, metavar="YYYY")
    series.add_argument("--counter", metavar="JKT-1", help="another counter's series")
    series.set_defaults(handler=cmd_series)

    cash = sub.add_parser("cash", help="the counter's daily cash close (tutup kas)")
    csub = cash.add_subparsers(dest="cash_command", metavar="ACTION", required=True)
    close = csub.add_parser(
        "close",
        parents=[common],
        help="close a day's cash with the cash counted (supervisor) and write the PDF",
        description="--opening defaults to the cash counted at the previous close. After "
        "the close this counter records no more payments that day.",
    )
    close.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    close.add_argument("--counted", required=True, metavar="RP")
    close.add_argument("--opening", metavar="RP")
    close.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    close.add_argument("--supervisor", required=True, help="supervisor username")
    close.add_argument("--password-stdin", action="store_true")
    close.set_defaults(handler=cmd_cash_close)
    show = csub.add_parser(
        "show", parents=[common], help="a day's receipts and cash (default: today)"
    )
    show.add_argument("--date", metavar="YYYY-MM-DD")
    show.add_argument("--out", type=Path, metavar="FILE.pdf", help="the closed day's PDF again")
    show.set_defaults(handler=cmd_cash_show)


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


def cmd_compute(args: argparse.Namespace) -> Report:
    from app.services.cohort_lists import find_cohort_id
    from app.services.entitlements import compute

    db, actor = open_office()
    try:
        out = compute(db, actor, find_cohort_id(db, args.cohort))
    finally:
        db.dispose()

    def item(c: Any) -> dict[str, Any]:
        return {"id": c.entitlement_id, "participant": c.name, "kind": c.kind,
                "period": c.period, "old": c.old, "new": c.new, "note": c.note}  # fmt: skip

    lines = [
        COMPUTED.render(
            code=out.cohort_code, created=out.created, changed=out.changed, unchanged=out.unchanged
        )
    ]
    for c in out.changes:
        old = "-" if c.old is None else formats.rupiah(c.old)
        line = CHANGE_LINE.render(
            name=c.name, kind=_kind(c.kind), period=c.period, old=old, new=formats.rupiah(c.new)
        )
        lines.append(line + (f" ({c.note})" if c.note else ""))
    for c in out.overpaid:
        lines.append(
            OVERPAID_LINE.render(name=c.name, kind=_kind(c.kind), period=c.period, note=c.note)
        )
    data = {
        "cohort": out.cohort_code,
        "created": out.created,
        "changed": out.changed,
        "unchanged": out.unchanged,
        "changes": [item(c) for c in out.changes],
        "overpaid": [item(c) for c in out.overpaid],
    }
    return Report(data=data, lines=lines)


def cmd_approve(args: argparse.Namespace) -> Report:
    from app.services.cohort_lists import find_cohort_id
    from app.services.entitlements import approve

    period = _period(args.period)
    db, _actor = open_office()
    try:
        supervisor = _supervisor(db, args)
        t = approve(db, supervisor, find_cohort_id(db, args.cohort), period)
    finally:
        db.dispose()
    line = APPROVED.render(
        by=supervisor.username,
        count=t.count,
        people=t.people,
        transport=formats.rupiah(t.transport),
        pocket=formats.rupiah(t.pocket),
        total=formats.rupiah(t.total),
    )
    data = {"cohort": t.cohort_code, "period": t.period, "approved_by": supervisor.username,
            "people": t.people, "count": t.count, "transport": t.transport,
            "pocket": t.pocket, "total": t.total}  # fmt: skip
    return Report(data=data, lines=[line])


def cmd_list(args: argparse.Namespace) -> Report:
    from app.services.cohort_lists import find_cohort_id
    from app.services.entitlements import list_entitlements

    period = _period(args.period)
    db, _actor = open_office()
    try:
        rows = list_entitlements(db, find_cohort_id(db, args.cohort), period)
    finally:
        db.dispose()
    data = [
        {
            "id": r.id,
            "participant": r.name,
            "nik": r.nik,
            "kind": r.kind,
            "period": r.period,
            "days": r.days,
            "rate": r.rate,
            "amount": r.amount,
            "state": r.state,
            "receipt": r.receipt,
            "receipts": list(r.receipts),
            "paid": r.paid,
            "to_pay": r.to_pay,
            "overpaid": r.overpaid,
            "double": r.double,
        }
        for r in rows
    ]
    lines = [
        f"{r.id}  {r.nik_masked}  {r.name[:28]:<28} {_kind(r.kind):<15} {r.period:<4} "
        f"{formats.rupiah(r.amount):>12}  {_state(r.state):<10} {r.receipt or '-'}"
        + (f"  {DOUBLE.render()}" if r.double else "")
        for r in rows
    ]
    if rows:
        lines.append(
            LIST_TOTAL.render(
                count=len(rows),
                amount=formats.rupiah(sum(r.amount for r in rows)),
                paid=formats.rupiah(sum(r.paid for r in rows)),
                to_pay=formats.rupiah(sum(max(0, r.amount - r.paid) for r in rows)),
            )
        )
    else:
        lines = [NO_ENTITLEMENTS.render()]
    return Report(data={"entitlements": data}, lines=lines)


def cmd_pay(args: argparse.Namespace) -> Report:
    from app.services.payments import pay

    db, actor = open_office()
    try:
        done = pay(db, actor, args.entitlement.strip(), args.method, args.reference)
    finally:
        db.dispose()
    method = rules.METHOD_LABELS[rules.Method(done.method)].render()
    lines = [
        PAID.render(
            number=done.receipt_number,
            name=done.name,
            cash=formats.rupiah(done.cash),
            method=method,
        )
    ]
    if done.deduction:
        lines.append(
            DEDUCTED.render(
                amount=formats.rupiah(done.amount), deduction=formats.rupiah(done.deduction)
            )
        )
    data = {"receipt": done.receipt_number, "entitlement": done.entitlement_id,
            "participant": done.name, "amount": done.amount, "deduction": done.deduction,
            "cash": done.cash, "method": done.method, "paid_at": done.paid_at}  # fmt: skip
    return Report(data=data, lines=lines)


def cmd_reverse(args: argparse.Namespace) -> Report:
    from app.services.payments import reverse

    db, actor = open_office()
    try:
        done = reverse(db, actor, _supervisor(db, args), args.receipt, args.reason)
    finally:
        db.dispose()
    lines = [
        REVERSED.render(
            number=done.receipt_number, by=done.approved_by, amount=formats.rupiah(done.amount)
        )
    ]
    if done.cash_returned:
        lines.append(CASH_BACK.render(amount=formats.rupiah(done.cash_returned)))
    data = {"receipt": done.receipt_number, "amount": done.amount,
            "cash_returned": done.cash_returned, "approved_by": done.approved_by}  # fmt: skip
    return Report(data=data, lines=lines)


def cmd_recoveries(args: argparse.Namespace) -> Report:
    from app.services.payments import recoveries

    db, _actor = open_office()
    try:
        rows = recoveries(db)
    finally:
        db.dispose()
    data = [
        {"entitlement": r.entitlement_id, "cohort": r.cohort_code, "participant": r.name,
         "kind": r.kind, "period": r.period, "amount": r.amount, "paid": r.paid,
         "outstanding": r.outstanding, "double": r.double, "receipts": list(r.receipts)}
        for r in rows
    ]  # fmt: skip
    lines = [
        f"{r.entitlement_id}  {r.cohort_code:<20} {r.name[:28]:<28} {_kind(r.kind):<15} "
        f"{r.period:<4} {formats.rupiah(r.outstanding):>12}"
        + (f"  {DOUBLE.render()}" if r.double else "")
        + f"  {', '.join(r.receipts)}"
        for r in rows
    ] or [NO_RECOVERIES.render()]
    return Report(data={"recoveries": data}, lines=lines)


def cmd_write_off(args: argparse.Namespace) -> Report:
    from app.services.payments import write_off

    db, _actor = open_office()
    try:
        supervisor = _supervisor(db, args)
        amount = write_off(db, supervisor, args.entitlement.strip(), args.reason)
    finally:
        db.dispose()
    return Report(
        data={"entitlement": args.entitlement.strip(), "written_off": amount,
              "approved_by": supervisor.username},
        lines=[WRITTEN_OFF.render(amount=formats.rupiah(amount), by=supervisor.username)],
    )  # fmt: skip


def cmd_register(args: argparse.Namespace) -> Report:
    from app.services.cohort_lists import find_cohort_id
    from app.services.payment_register import payment_register

    period = _period(args.period)
    db, actor = open_office()
    try:
        out = payment_register(
            db, actor, find_cohort_id(db, args.cohort), args.out.resolve(), period
        )
    finally:
        db.dispose()
    line = REGISTER_WRITTEN.render(
        rows=out.rows, path=out.path, amount=formats.rupiah(out.amount),
        paid=formats.rupiah(out.paid),
    )  # fmt: skip
    data = {"file": str(out.path), "cohort": out.cohort_code, "period": out.period,
            "rows": out.rows, "amount": out.amount, "paid": out.paid}  # fmt: skip
    return Report(data=data, lines=[line])


def cmd_print(args: argparse.Namespace) -> Report:
    from app.services.cohort_lists import find_cohort_id
    from app.services.receipt_documents import print_cohort_receipts, print_receipt

    period = _period(args.period)
    out_path: Path = args.out.resolve()
    db, actor = open_office()
    try:
        if args.receipt:
            printed = print_receipt(db, actor, args.receipt, out_path, args.paper)
        else:
            printed = print_cohort_receipts(
                db, actor, find_cohort_id(db, args.cohort), out_path,
                one_file=args.one_file, period=period, paper=args.paper,
            )  # fmt: skip
    finally:
        db.dispose()
    line = PRINTED.render(n=len(printed.numbers), path=out_path, copies=printed.copies)
    data = {"files": [str(p) for p in printed.paths], "receipts": list(printed.numbers),
            "printed": len(printed.numbers), "copies": printed.copies}  # fmt: skip
    return Report(data=data, lines=[line])


def cmd_series(args: argparse.Namespace) -> Report:
    from app.services.payments import receipt_series
    from app.services.providers import today_of

    db, _actor = open_office()
    try:
        year = args.year or today_of(db).year
        report = receipt_series(db, year, args.counter)
    finally:
        db.dispose()
    entries = [
        {"number": e.number, "state": e.state, "amount": e.amount, "paid_on": e.paid_on}
        for e in report.entries
    ]
    lines = [
        f"{e.number:<24} {SERIES_STATES[e.state].render():<8} "
        f"{formats.rupiah(e.amount):>12} {formats.date_text(e.paid_on)}"
        for e in report.entries
    ]
    total = SERIES_TOTAL if report.entries else SERIES_EMPTY
    lines.append(
        total.render(
            prefix=report.prefix.rstrip("/"),
            issued=report.issued,
            void=report.void,
            missing=report.missing,
        )
    )
    data = {"prefix": report.prefix, "year": year, "issued": report.issued,
            "void": report.void, "missing": report.missing, "entries": entries}  # fmt: skip
    return Report(data=data, lines=lines)


def _cash_data(day: Any) -> dict[str, Any]:
    closed = day.closed
    return {
        "date": day.day,
        "counter": day.counter,
        "receipts": day.receipts,
        "first_receipt": day.first_number,
        "last_receipt": day.last_number,
        "voids": list(day.voids),
        "cash_paid": day.cash_paid,
        "cash_returned": day.cash_returned,
        "transfer_total": day.transfer_total,
        "totals": [
            {"kind": k, "method": m, "receipts": n, "amount": a} for k, m, n, a in day.totals
        ],
        "closed": None
        if closed is None
        else {"opening": closed.opening, "expected": closed.expected, "counted": closed.counted,
              "difference": closed.difference, "closed_by": closed.closed_by,
              "approved_by": closed.approved_by, "closed_at": closed.closed_at},
    }  # fmt: skip


def _cash_lines(day: Any) -> list[str]:
    facts: list[tuple[Text, str]] = [
        (L_DAY, formats.date_text(day.day)),
        (L_COUNTER, day.counter),
        (L_RECEIPTS, str(day.receipts)),
        (L_CASH_PAID, formats.rupiah(day.cash_paid)),
        (L_CASH_BACK, formats.rupiah(day.cash_returned)),
        (L_TRANSFER, formats.rupiah(day.transfer_total)),
    ]
    c = day.closed
    if c is not None:
        facts += [
            (L_OPENING, formats.rupiah(c.opening)),
            (L_EXPECTED, formats.rupiah(c.expected)),
            (L_COUNTED, formats.rupiah(c.counted)),
            (L_DIFFERENCE, ("+" if c.difference > 0 else "") + formats.rupiah(c.difference)),
            (L_CLOSED, CLOSED_BY.render(by=c.closed_by, spv=c.approved_by,
                                        at=formats.datetime_text(c.closed_at))),
        ]  # fmt: skip
    lines = aligned(facts)
    for kind, method, n, amount in day.totals:
        label = rules.METHOD_LABELS[rules.Method(method)].render()
        lines.append(f"  {_kind(kind):<15} {label:<14} {n:>4}  {formats.rupiah(amount):>14}")
    if c is None:
        lines.append(NOT_CLOSED_YET.render())
    return lines


OPENING_NEEDED = Text(
    "Ini tutup kas pertama loket ini: tuliskan saldo awal dengan --opening RP (uang tunai "
    "yang diterima loket pagi itu).",
    "This counter's first cash close: give the opening cash with --opening RP (the cash the "
    "counter received that morning).",
)


def cmd_cash_close(args: argparse.Namespace) -> Report:
    from app.services.cash_close import cash_day, close_day, previous_counted
    from app.services.receipt_documents import cash_close_pdf

    day = _day(args.date, "date")
    counted = _rupiah(args.counted, "counted")
    opening_given = None if args.opening is None else _rupiah(args.opening, "opening")
    db, actor = open_office()
    try:
        supervisor = _supervisor(db, args)
        opening = previous_counted(db, day) if opening_given is None else opening_given
        if opening is None:
            raise ValidationError(OPENING_NEEDED, field="opening")
        close_day(db, actor, supervisor, day, opening, counted)
        path = cash_close_pdf(db, actor, day, args.out.resolve())
        summary = cash_day(db, day)
    finally:
        db.dispose()
    data = {**_cash_data(summary), "file": str(path)}
    closed = data["closed"]
    data.update(
        opening=closed["opening"],
        expected=closed["expected"],
        counted=closed["counted"],
        difference=closed["difference"],
    )
    return Report(data=data, lines=[*_cash_lines(summary), CASH_WRITTEN.render(path=path)])


def cmd_cash_show(args: argparse.Namespace) -> Report:
    from app.services.cash_close import cash_day
    from app.services.providers import today_of
    from app.services.receipt_documents import cash_close_pdf

    db, actor = open_office()
    try:
        day = _day(args.date, "date") if args.date else today_of(db)
        summary = cash_day(db, day)
        path = cash_close_pdf(db, actor, day, args.out.resolve()) if args.out else None
    finally:
        db.dispose()
    data = {**_cash_data(summary), "file": None if path is None else str(path)}
    lines = _cash_lines(summary) + ([CASH_WRITTEN.render(path=path)] if path else [])
    return Report(data=data, lines=lines)
