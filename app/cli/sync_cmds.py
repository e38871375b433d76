"""`loket sync …`: link this PC to the central server, sync, and the supervisor's review
(conflicts, duplicate NIKs and their merge)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from typing import TYPE_CHECKING, TypeVar

from app.cli.context import open_office
from app.cli.output import Report

if TYPE_CHECKING:
    from app.db import Database
    from app.services.actor import Actor

T = TypeVar("T")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    sync = sub.add_parser("sync", help="link to the central server and sync (push, then pull)")
    ssub = sync.add_subparsers(dest="sync_command", metavar="ACTION", required=True)

    enroll = ssub.add_parser("enroll", parents=[common], help="link this PC with a one-time code")
    enroll.add_argument("--server", required=True, help="server URL, e.g. https://sync.example")
    enroll.add_argument(
        "--code", required=True, help="one-time code from `loket server enroll-code`"
    )
    enroll.set_defaults(handler=cmd_enroll)

    run = ssub.add_parser("run", parents=[common], help="one sync cycle: push, then pull")
    run.set_defaults(handler=cmd_run)

    status = ssub.add_parser("status", parents=[common], help="pending changes, last sync")
    status.set_defaults(handler=cmd_status)

    conflicts = ssub.add_parser(
        "conflicts", parents=[common], help="field conflicts waiting for a supervisor"
    )
    conflicts.set_defaults(handler=cmd_conflicts)

    duplicates = ssub.add_parser(
        "duplicates", parents=[common], help="the same NIK registered twice"
    )
    duplicates.set_defaults(handler=cmd_duplicates)

    resolve = ssub.add_parser(
        "resolve",
        parents=[common],
        help="resolve a conflict (supervisor): keep server or device value",
    )
    resolve.add_argument("conflict_id", type=int)
    resolve.add_argument("--keep", required=True, choices=["server", "device"])
    resolve.add_argument("--supervisor", required=True, help="supervisor username")
    resolve.add_argument("--password-stdin", action="store_true")
    resolve.set_defaults(handler=cmd_resolve)

    merge = ssub.add_parser(
        "merge",
        parents=[common],
        help="merge a same-NIK pair (supervisor): record a or b stays, nothing is deleted",
    )
    merge.add_argument("duplicate_id", type=int)
    merge.add_argument("--keep", required=True, choices=["a", "b"])
    merge.add_argument("--supervisor", required=True, help="supervisor username")
    merge.add_argument("--password-stdin", action="store_true")
    merge.set_defaults(handler=cmd_merge)


def cmd_enroll(args: argparse.Namespace) -> Report:
    from app.sync.client import enroll

    db, _actor = open_office()
    try:
        found = enroll(db, args.server, args.code)
    finally:
        db.dispose()
    return Report(
        data={
            "server": found.server_url,
            "device_id": found.device_id,
            "office": found.office_code,
        },
        lines=[
            f"Terhubung ke {found.server_url} sebagai perangkat {found.device_id} "
            f"(kantor {found.office_code})."
        ],
    )


def cmd_run(args: argparse.Namespace) -> Report:
    from app.sync.client import run_cycle

    db, _actor = open_office()
    try:
        report = run_cycle(db)
    finally:
        db.dispose()
    lines = [
        f"Dikirim: {report.pushed} (diterapkan {report.applied}, konflik "
        f"{len(report.conflicts)}, ditolak {len(report.rejected)}, ditahan {report.held}).",
        f"Diterima: {report.pulled} (dilewati karena ada perubahan lokal: "
        f"{report.skipped_pending}).",
    ]
    lines += [f"Masalah: {p}" for p in report.pull_problems]
    lines.append("Sinkronisasi selesai." if report.ok else f"GAGAL: {report.error}")
    return Report(data=asdict(report), lines=lines, ok=report.ok)


def cmd_status(args: argparse.Namespace) -> Report:
    from app.sync.client import status

    db, _actor = open_office()
    try:
        found = status(db)
    finally:
        db.dispose()
    when = (
        found.last_success.astimezone().strftime("%d/%m/%Y %H:%M")
        if found.last_success
        else "belum pernah"
    )
    lines = [
        f"Server: {found.server_url or 'belum terhubung'}",
        f"Menunggu dikirim: {found.pending}; bermasalah: {found.failed}",
        f"Terakhir berhasil: {when}",
    ]
    if found.last_error:
        lines.append(f"Galat terakhir: {found.last_error}")
    return Report(data=asdict(found), lines=lines)


def cmd_conflicts(args: argparse.Namespace) -> Report:
    from app.services.sync_review import conflicts

    db, _actor = open_office()
    try:
        rows = conflicts(db)
    finally:
        db.dispose()
    lines = [
        f"#{c['id']} {c['label']} — {c['field']}: server {c['server_value']!r} / "
        f"perangkat {c['device_value']!r} ({c['reason']})"
        for c in rows
    ]
    return Report(data={"conflicts": rows}, lines=lines or ["Tidak ada konflik."])


def cmd_duplicates(args: argparse.Namespace) -> Report:
    from app.services.sync_review import duplicates

    db, _actor = open_office()
    try:
        rows = duplicates(db)
    finally:
        db.dispose()
    lines = [
        f"#{d['id']} NIK {d['nik_masked']}: {d['a']['name']} ({d['a']['office']}) dan "
        f"{d['b']['name']} ({d['b']['office']})"
        for d in rows
    ]
    return Report(data={"duplicates": rows}, lines=lines or ["Tidak ada NIK ganda."])


def _as_supervisor(args: argparse.Namespace, action: Callable[[Database, Actor, str], T]) -> T:
    """Run a supervisor's decision at this office, signed in as `--supervisor`: unlike the
    other commands, these are the person's, not the office IT's (`cli:<user>`). The
    password also goes to the server, which checks it again (app.server.proof)."""
    from app.cli.output import read_password
    from app.services.auth import login

    db, _actor = open_office()
    try:
        password = read_password(args.password_stdin)
        actor = login(db, args.supervisor, password).actor
        return action(db, actor, password)
    finally:
        db.dispose()


def cmd_resolve(args: argparse.Namespace) -> Report:
    from app.services.sync_review import resolve

    result = _as_supervisor(
        args, lambda db, actor, pw: resolve(db, actor, args.conflict_id, args.keep, pw)
    )
    return Report(
        data=result,
        lines=[f"Konflik #{args.conflict_id} diselesaikan (dipakai nilai {args.keep})."],
    )


def cmd_merge(args: argparse.Namespace) -> Report:
    from app.services.sync_review import merge

    result = _as_supervisor(
        args, lambda db, actor, pw: merge(db, actor, args.duplicate_id, args.keep, pw)
    )
    return Report(
        data=result,
        lines=[
            f"NIK ganda #{args.duplicate_id} digabung: peserta {result['merged']} digabung ke "
            f"{result['kept']}; {result['moved']} data terkait dipindahkan."
        ],
    )
