"""`loket payments list|pay|reverse|recoveries|write-off|register`: who is owed what, paying
against a receipt, reversals, overpayments and the register (issue #11, docs/stipends.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app import formats
from app.cli.context import open_office
from app.cli.output import Report
from app.cli.stipend_cli import (
    CASH_BACK,
    DEDUCTED,
    DOUBLE,
    LIST_TOTAL,
    NO_ENTITLEMENTS,
    NO_RECOVERIES,
    PAID,
    REGISTER_WRITTEN,
    REVERSED,
    WRITTEN_OFF,
    _kind,
    _period,
    _state,
    _supervisor,
)
from app.domain import stipends as rules


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
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
