"""`loket staff ...`: account rescue for the office IT (forgotten admin password, lock-out).

Result lines are `Text` in the configured language; roles are shown by the codes that
`staff add --role` takes.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict

from app import formats
from app.cli.context import open_office
from app.cli.output import Report, read_password
from app.texts import Text

HEADER = (
    Text("PENGGUNA", "USERNAME"),
    Text("PERAN", "ROLE"),
    Text("STATUS", "STATUS"),
    Text("NAMA", "NAME"),
)
ACTIVE = Text("aktif", "active")
INACTIVE = Text("nonaktif", "inactive")
LOCKED = Text("terkunci", "locked")
LOCKED_UNTIL = Text("(terkunci sampai {when})", "(locked until {when})")
ADDED = Text(
    "Akun {username} dibuat; wajib ganti kata sandi saat masuk.",
    "Account {username} created; the password must be changed at the first sign-in.",
)
DONE = Text("Akun {username}: {what}.", "Account {username}: {what}.")
DONE_WHAT = {
    "reset": Text("kata sandi diatur ulang", "password reset"),
    "unlock": Text("kunci dibuka", "unlocked"),
    "activate": Text("diaktifkan", "activated"),
    "deactivate": Text("dinonaktifkan", "deactivated"),
}


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    staff = sub.add_parser("staff", help="list staff, add, reset a password, unlock, (de)activate")
    ssub = staff.add_subparsers(dest="staff_command", metavar="ACTION", required=True)

    ls = ssub.add_parser("list", parents=[common], help="list the office's staff accounts")
    ls.set_defaults(handler=cmd_list)

    add = ssub.add_parser("add", parents=[common], help="add an account (must change password)")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="full name")
    add.add_argument("--role", required=True, choices=["counter", "supervisor", "admin"])
    add.add_argument("--password-stdin", action="store_true")
    add.set_defaults(handler=cmd_add)

    reset = ssub.add_parser(
        "reset-password", parents=[common], help="set a temporary password (must change)"
    )
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true")
    reset.set_defaults(handler=cmd_reset)

    for name, helptext, handler in (
        ("unlock", "lift a lock-out after wrong passwords", cmd_unlock),
        ("deactivate", "stop an account from signing in", cmd_deactivate),
        ("activate", "allow a deactivated account again", cmd_activate),
    ):
        p = ssub.add_parser(name, parents=[common], help=helptext)
        p.add_argument("username")
        p.set_defaults(handler=handler)


def cmd_list(args: argparse.Namespace) -> Report:
    from app.services.staff import list_staff

    db, actor = open_office()
    try:
        rows = list_staff(db, actor)
    finally:
        db.dispose()
    user, role, status, name = (t.render() for t in HEADER)
    lines = [f"{user:<16} {role:<11} {status:<10} {name}"]
    for r in rows:
        state = (LOCKED if r.locked_until else ACTIVE if r.active else INACTIVE).render()
        line = f"{r.username:<16} {r.role.value:<11} {state:<10} {r.full_name}"
        if r.locked_until:
            line += " " + LOCKED_UNTIL.render(when=formats.datetime_text(r.locked_until))
        lines.append(line)
    return Report(data={"staff": [asdict(r) for r in rows]}, lines=lines)


def cmd_add(args: argparse.Namespace) -> Report:
    from app.services.staff import add_staff

    password = read_password(args.password_stdin)
    db, actor = open_office()
    try:
        row = add_staff(
            db,
            actor,
            username=args.username,
            full_name=args.name,
            role=args.role,
            password=password,
        )
    finally:
        db.dispose()
    return Report(
        data={"staff": asdict(row)},
        lines=[ADDED.render(username=row.username)],
    )


def _by_username(args: argparse.Namespace, action: str) -> Report:
    from app.services import staff as svc

    db, actor = open_office()
    try:
        staff_id = svc.find_staff_id(db, actor, args.username)
        if action == "reset":
            svc.reset_password(db, actor, staff_id, read_password(args.password_stdin))
        elif action == "unlock":
            svc.unlock(db, actor, staff_id)
        else:
            svc.set_active(db, actor, staff_id, action == "activate")
    finally:
        db.dispose()
    return Report(
        data={"username": args.username, "action": action},
        lines=[DONE.render(username=args.username, what=DONE_WHAT[action].render())],
    )


def cmd_reset(args: argparse.Namespace) -> Report:
    return _by_username(args, "reset")


def cmd_unlock(args: argparse.Namespace) -> Report:
    return _by_username(args, "unlock")


def cmd_deactivate(args: argparse.Namespace) -> Report:
    return _by_username(args, "deactivate")


def cmd_activate(args: argparse.Namespace) -> Report:
    return _by_username(args, "activate")
