"""`loket server run|enroll-code|devices|revoke`: the central sync server and its admin."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import TYPE_CHECKING

from app.cli.output import Report

if TYPE_CHECKING:
    from sqlalchemy import Engine


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    server = sub.add_parser("server", help="central sync server: run it, enrol and revoke devices")
    ssub = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    db_help = "database URL: an SQLite file path, or postgresql://user:pass@host/db"

    run = ssub.add_parser("run", help="serve the sync API over HTTP (put HTTPS in front)")
    run.add_argument("--db", required=True, help=db_help)
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8765)
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


def _engine(url: str) -> Engine:
    from app.server.db import create_schema, make_server_engine

    engine = make_server_engine(url)
    create_schema(engine)
    return engine


def cmd_run(args: argparse.Namespace) -> Report:
    import uvicorn

    from app.server.api import create_app

    engine = _engine(args.db)
    uvicorn.run(create_app(engine), host=args.host, port=args.port, log_level="info")
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
            f"Kode pendaftaran untuk {args.office.upper()}"
            + (f" perangkat {args.device}" if args.device else "")
            + f" (berlaku {args.hours} jam, sekali pakai): {code}"
        ],
    )


def cmd_devices(args: argparse.Namespace) -> Report:
    from app.server.admin import list_devices

    engine = _engine(args.db)
    rows = list_devices(engine)
    engine.dispose()
    lines = [
        f"{r.id}  {r.office_code}-{r.device_no:<3} {'DICABUT' if r.revoked_at else 'aktif':<8}"
        f" {r.name}"
        for r in rows
    ] or ["Belum ada perangkat."]
    return Report(data={"devices": [asdict(r) for r in rows]}, lines=lines)


def cmd_revoke(args: argparse.Namespace) -> Report:
    from app.server.admin import revoke

    engine = _engine(args.db)
    revoke(engine, args.device_id)
    engine.dispose()
    return Report(
        data={"revoked": args.device_id},
        lines=[f"Perangkat {args.device_id} dicabut; permintaannya kini ditolak (401)."],
    )
