"""`loket receipts print|series`: receipts (kuitansi) as PDFs and a counter's number series
(issue #11, docs/stipends.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app import formats
from app.cli.context import open_office
from app.cli.output import Report
from app.cli.stipend_cli import (
    PRINTED,
    SERIES_EMPTY,
    SERIES_STATES,
    SERIES_TOTAL,
    _period,
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
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
