"""`loket server run|enroll-code|devices|revoke`: the central sync server and its admin.

Result lines are `Text` in the language of this PC's office setting (Indonesian without
one); the enrolment code is the last word of its line, for scripts.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from app import formats
from app.cli.output import Report
from app.texts import Text

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from app.server.admin import DeviceRow

ENROLL_CODE = Text(
    "Kode pendaftaran untuk {office} (berlaku {hours} jam, sekali pakai): {code}",
    "Enrolment code for {office} (valid {hours} hours, single use): {code}",
)
ENROLL_CODE_DEVICE = Text(
    "Kode pendaftaran untuk {office} perangkat {device} (berlaku {hours} jam, sekali pakai): "
    "{code}",
    "Enrolment code for {office} device {device} (valid {hours} hours, single use): {code}",
)
REVOKED = Text("DICABUT", "REVOKED")
ACTIVE = Text("aktif", "active")
LAST_SEEN = Text("terakhir tersambung {when}", "last connected {when}")
NEVER_SEEN = Text("belum pernah tersambung", "never connected")
NO_DEVICES = Text("Belum ada perangkat.", "No devices yet.")
REVOKE_DONE = Text(
    "Perangkat {device} dicabut; permintaannya kini ditolak (401).",
    "Device {device} revoked; its requests are now refused (401).",
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    server = sub.add_parser("server", help="central sync server: run it, enrol and revoke devices")
    ssub = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    db_help = "database URL: an SQLite file path, or postgresql://user:pass@host/db"

    run = ssub.add_parser("run", help="serve the sync API over HTTP (put HTTPS in front)")
    run.add_argument("--db", required=True, help=db_help)
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8765)
    run.add_argument(
        "--name",
        default=None,
        help="the name at the top of the public certificate verification page "
        '(default: "Loket Vokasi — BPJS Ketenagakerjaan")',
    )
    run.set_defaults(handler=cmd_run)

    code = ssub.add_parser(
        "enroll-code",
        parents=[common],
        help="make a one-time enrolment code for an office's device",
    )
    code.add_argument("--db", required=True, help=db_help)
    code.add_argument("--office", required=True, help="JKT, BTN, JBR, LOM, BPN, TNG or HQ")
    code.add_argument("--hours", type=int, default=72, help="valid for this many hours")
    code.add_argument(
        "--device",
        metavar="DEVICE_ID",
        help="a code for this one revoked device to enrol again (see `devices`)",
    )
    code.set_defaults(handler=cmd_enroll_code)

    devices = ssub.add_parser("devices", parents=[common], help="list enrolled devices")
    devices.add_argument("--db", required=True, help=db_help)
    devices.set_defaults(handler=cmd_devices)

    revoke = ssub.add_parser("revoke", parents=[common], help="revoke a device's token")
    revoke.add_argument("--db", required=True, help=db_help)
    revoke.add_argument("device_id")
    revoke.set_defaults(handler=cmd_revoke)

    report = ssub.add_parser("report", help="reports over every office's synced records")
    rsub = report.add_subparsers(dest="server_report", metavar="ACTION", required=True)
    monthly = rsub.add_parser(
        "monthly", parents=[common], help="the monthly programme report (PDF or XLSX)"
    )
    monthly.add_argument("--db", required=True, help=db_help)
    from app.cli.report_cmds import add_monthly_arguments, server_monthly

    add_monthly_arguments(monthly, office_help="one office's code (default: every office)")
    monthly.set_defaults(handler=server_monthly)


def _engine(url: str) -> Engine:
    from app.server.db import create_schema, make_server_engine

    engine = make_server_engine(url)
    create_schema(engine)
    return engine


def cmd_run(args: argparse.Namespace) -> Report:
    import uvicorn

    from app.server.api import create_app
    from app.server.verify_page import DEFAULT_SERVER_NAME

    engine = _engine(args.db)
    app = create_app(engine, server_name=args.name or DEFAULT_SERVER_NAME)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return Report()


def cmd_enroll_code(args: argparse.Namespace) -> Report:
    from app.server.admin import make_enroll_code

    engine = _engine(args.db)
    try:
        code = make_enroll_code(engine, args.office, valid_hours=args.hours, for_device=args.device)
    finally:
        engine.dispose()
    return Report(
        data={
            "office": args.office.upper(),
            "code": code,
            "valid_hours": args.hours,
            "device": args.device,
        },
        lines=[
            (ENROLL_CODE_DEVICE if args.device else ENROLL_CODE).render(
                office=args.office.upper(),
                device=args.device,
                hours=formats.number(args.hours),
                code=code,
            )
        ],
    )


def cmd_devices(args: argparse.Namespace) -> Report:
    from app.server.admin import list_devices

    engine = _engine(args.db)
    try:
        rows = list_devices(engine)
    finally:
        engine.dispose()
    lines = [_device_line(r) for r in rows] or [NO_DEVICES.render()]
    return Report(data={"devices": [asdict(r) for r in rows]}, lines=lines)


def _device_line(row: DeviceRow) -> str:
    state = (REVOKED if row.revoked_at else ACTIVE).render()
    seen = (
        LAST_SEEN.render(when=formats.datetime_text(_utc(row.last_seen_at)))
        if row.last_seen_at
        else NEVER_SEEN.render()
    )
    return f"{row.id}  {row.office_code}-{row.device_no:<3} {state:<8} {row.name} — {seen}"


def _utc(moment: datetime) -> datetime:
    """The server's moments are UTC; SQLite gives them back without their zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def cmd_revoke(args: argparse.Namespace) -> Report:
    from app.server.admin import revoke

    engine = _engine(args.db)
    try:
        revoke(engine, args.device_id)
    finally:
        engine.dispose()
    return Report(
        data={"revoked": args.device_id}, lines=[REVOKE_DONE.render(device=args.device_id)]
    )
