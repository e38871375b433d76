"""`loket cash close|show`: the counter's daily cash close (issue #11, docs/stipends.md)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app import formats
from app.cli.context import open_office
from app.cli.output import Report, aligned
from app.cli.stipend_cli import (
    CASH_WRITTEN,
    CLOSED_BY,
    L_CASH_BACK,
    L_CASH_PAID,
    L_CLOSED,
    L_COUNTED,
    L_COUNTER,
    L_DAY,
    L_DIFFERENCE,
    L_EXPECTED,
    L_OPENING,
    L_RECEIPTS,
    L_TRANSFER,
    NOT_CLOSED_YET,
    _day,
    _kind,
    _rupiah,
    _supervisor,
)
from app.domain import stipends as rules
from app.errors import ValidationError
from app.texts import Text

OPENING_NEEDED = Text(
    "Ini tutup kas pertama loket ini: tuliskan saldo awal dengan --opening RP (uang tunai "
    "yang diterima loket pagi itu).",
    "This counter's first cash close: give the opening cash with --opening RP (the cash the "
    "counter received that morning).",
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
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
