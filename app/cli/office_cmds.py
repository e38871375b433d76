"""`loket init` and `loket demo`. Result lines are `Text` in the configured language."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from app.cli.context import open_db, open_office
from app.cli.output import Report, read_password
from app.services.actor import cli_actor
from app.texts import Text

READY = Text(
    "Kantor {office} ({name}), perangkat {device} siap.",
    "Office {office} ({name}), device {device} ready.",
)
FIRST_ADMIN = Text("Admin pertama: {username}", "First admin: {username}")
DATABASE = Text("Basis data: {path}", "Database: {path}")
DEMO_DONE = Text(
    "Data demo (seed {seed}) dibuat. Akun demo:", "Demo data (seed {seed}) created. Demo accounts:"
)
DEMO_LOGIN = Text(
    "  {username:<16} {role:<11} kata sandi: {password}",
    "  {username:<16} {role:<11} password: {password}",
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "init",
        parents=[common],
        help="first-run set-up without a window: office, device number, first admin",
        description="Set up this PC for an office: which office, which counter, first admin.",
    )
    p.add_argument("--office", required=True, help="office code: JKT, BTN, JBR, LOM, BPN, TNG")
    p.add_argument("--device", required=True, type=int, help="counter number at the office (1-99)")
    p.add_argument("--admin", required=True, help="username of the first admin account")
    p.add_argument("--admin-name", default="Administrator", help="full name of that admin")
    p.add_argument(
        "--password-stdin", action="store_true", help="read the admin password from stdin"
    )
    p.set_defaults(handler=cmd_init)

    d = sub.add_parser(
        "demo",
        parents=[common],
        help="fill a freshly set-up office with demo data (marked DEMO)",
        description="Fill a freshly initialised office with realistic demo data. "
        "The same seed gives the same data.",
    )
    d.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    d.set_defaults(handler=cmd_demo)


def cmd_init(args: argparse.Namespace) -> Report:
    from app.services.office import initialise

    password = read_password(args.password_stdin)
    db = open_db()
    try:
        info = initialise(
            db,
            office_code=args.office,
            device_no=args.device,
            admin_username=args.admin,
            admin_full_name=args.admin_name,
            admin_password=password,
            actor_label=cli_actor(args.office).label,
        )
    finally:
        db.dispose()
    admin = args.admin.strip().lower()
    return Report(
        data={
            "office": info.office_code,
            "device": info.device_no,
            "device_id": info.device_id,
            "admin": admin,
            "database": str(db.path),
        },
        lines=[
            READY.render(office=info.office_code, name=info.office_name, device=info.device_no),
            FIRST_ADMIN.render(username=admin),
            DATABASE.render(path=db.path),
        ],
    )


def cmd_demo(args: argparse.Namespace) -> Report:
    from app.services.demo import fill_demo

    db, actor = open_office()
    try:
        result = fill_demo(db, actor, seed=args.seed)
    finally:
        db.dispose()
    lines = [DEMO_DONE.render(seed=result.seed)]
    lines += [
        DEMO_LOGIN.render(username=lg.username, role=lg.role, password=lg.password)
        for lg in result.logins
    ]
    return Report(
        data={"seed": result.seed, "logins": [asdict(lg) for lg in result.logins]}, lines=lines
    )
