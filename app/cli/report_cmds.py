"""`loket report monthly` (an office's report, as a signed-in admin would make it) and the
work behind `loket server report monthly` (every office's synced records on the server):
the monthly programme report as PDF or XLSX (issue #14, docs/reports.md)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from app import formats
from app.cli.context import open_office
from app.cli.output import Report
from app.services.report_views import MonthlyReport
from app.texts import Text

WRITTEN = Text(
    "Laporan bulanan {month} untuk {office} ditulis ke {path}.",
    "Monthly report {month} for {office} written to {path}.",
)
SUMMARY = Text(
    "Pendaftar baru {registered} (terdaftar s.d. akhir bulan {to_date}); angkatan selesai "
    "{finished}; pembayaran {payments} sebesar {amount}.",
    "New registrations {registered} (registered to the month's end {to_date}); cohorts "
    "finished {finished}; {payments} payments, {amount} in all.",
)
COPIED = Text(
    "{records} data dari server dihitung ({refused} tidak dapat dibaca).",
    "{records} records from the server counted ({refused} unreadable).",
)
MONTH_HELP = "the month, YYYY-MM (the running month: up to today)"
OUT_HELP = "the file to write: .pdf (with charts) or .xlsx (one sheet per table)"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    report = sub.add_parser("report", help="the monthly programme report (PDF or XLSX)")
    rsub = report.add_subparsers(dest="report_command", metavar="ACTION", required=True)
    monthly = rsub.add_parser(
        "monthly", parents=[common], help="registrations to follow-up of one month"
    )
    add_monthly_arguments(
        monthly,
        office_help="this PC's office code (the default); another office's report, or every "
        "office's, is the server's",
    )
    monthly.set_defaults(handler=cmd_monthly)


def add_monthly_arguments(parser: argparse.ArgumentParser, office_help: str) -> None:
    parser.add_argument("--month", required=True, metavar="YYYY-MM", help=MONTH_HELP)
    parser.add_argument("--office", metavar="CODE", help=office_help)
    parser.add_argument("--out", required=True, type=Path, metavar="FILE", help=OUT_HELP)


def _office(value: str | None, default: str | None) -> str | None:
    from app.services.monthly_report import check_office

    if value is None:
        return default
    if value.strip().upper() in ("ALL", "SEMUA"):
        return None
    return check_office(value)


def cmd_monthly(args: argparse.Namespace) -> Report:
    from app.services.monthly_report import parse_month
    from app.services.report_files import check_target, export_monthly_report

    check_target(args.out)
    db, actor = open_office()
    try:
        today = db.clock().astimezone().date()
        first = parse_month(args.month, today)
        office = _office(args.office, actor.office_code)
        report = export_monthly_report(db, actor, first, office, args.out, today=today)
    finally:
        db.dispose()
    return _written(report, args.out)


def server_monthly(args: argparse.Namespace) -> Report:
    """`loket server report monthly --db URL`: every office by default, or --office CODE."""
    from app.cli.server_report import snapshot
    from app.server.db import make_server_engine
    from app.services.monthly_report import monthly_report, parse_month
    from app.services.report_files import check_target, write_report

    check_target(args.out)
    today = datetime.now(UTC).astimezone().date()
    first = parse_month(args.month, today)
    office = _office(args.office, None)
    engine = make_server_engine(args.db)
    try:
        with snapshot(engine, office) as (db, copied):
            report = monthly_report(db, first, office, today=today)
            write_report(report, args.out)
    finally:
        engine.dispose()
    out = _written(report, args.out)
    out.lines.insert(
        0,
        COPIED.render(
            records=formats.number(copied.records), refused=formats.number(copied.refused)
        ),
    )
    out.data["records"] = copied.records
    out.data["refused"] = copied.refused
    return out


def _written(report: MonthlyReport, out: Path) -> Report:
    month = formats.month_text(report.first_day)
    return Report(
        data={
            "month": report.first_day.isoformat()[:7],
            "office": report.office_code,
            "as_of": report.as_of.isoformat(),
            "file": str(out),
            "registered": report.registered,
            "registered_to_date": report.registered_to_date,
            "cohorts_finished": len(report.completions),
            "payments": report.paid_count,
            "paid": report.paid_amount,
        },
        lines=[
            WRITTEN.render(month=month, office=report.office_label, path=out),
            SUMMARY.render(
                registered=formats.number(report.registered),
                to_date=formats.number(report.registered_to_date),
                finished=formats.number(len(report.completions)),
                payments=formats.number(report.paid_count),
                amount=formats.rupiah(report.paid_amount),
            ),
        ],
    )
