"""`loket sync …`: link this PC to the central server, sync, and the supervisor's review
(conflicts, duplicate NIKs and their merge).

Result lines are `Text` in the configured language; counts have Indonesian separators and
moments read DD/MM/YYYY HH:MM in local time (app.formats). The --json data is the
services' own: plain numbers, ISO moments.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, TypeVar

from app import formats
from app.cli.context import open_office
from app.cli.output import Report
from app.texts import Text

if TYPE_CHECKING:
    from app.db import Database
    from app.services.actor import Actor

T = TypeVar("T")

LINKED = Text(
    "Terhubung ke {server} sebagai perangkat {device} (kantor {office}).",
    "Linked to {server} as device {device} (office {office}).",
)
PUSHED = Text(
    "Dikirim: {pushed} (diterapkan {applied}, konflik {conflicts}, ditolak {rejected}, "
    "ditahan {held}).",
    "Sent: {pushed} (applied {applied}, conflicts {conflicts}, refused {rejected}, held {held}).",
)
PULLED = Text(
    "Diterima: {pulled} (dilewati karena ada perubahan lokal: {skipped}).",
    "Received: {pulled} (skipped for local changes not yet sent: {skipped}).",
)
PULL_PROBLEM = Text("Masalah: {what}", "Problem: {what}")
SYNC_DONE = Text("Sinkronisasi selesai.", "Sync finished.")
SYNC_FAILED = Text("GAGAL: {why}", "FAILED: {why}")
SERVER = Text("Server", "Server")
NOT_LINKED = Text("belum terhubung", "not linked")
WAITING = Text("Menunggu dikirim", "Waiting to be sent")
WAITING_VALUE = Text("{pending}; bermasalah: {failed}", "{pending}; with problems: {failed}")
LAST_SUCCESS = Text("Terakhir berhasil", "Last success")
NEVER = Text("belum pernah", "never")
LAST_ERROR = Text("Galat terakhir", "Last error")
CONFLICT = Text(
    "#{id} {label} — {field}: server {server} / perangkat {device} ({why})",
    "#{id} {label} — {field}: server {server} / device {device} ({why})",
)
CONFLICT_WHY = {
    "supervised_field": Text(
        "NIK dan rekening selalu diperiksa supervisor",
        "NIK and account numbers are always checked by a supervisor",
    ),
    "same_field": Text(
        "diubah di dua komputer sebelum sinkron", "changed on two PCs before they synced"
    ),
    "locked": Text(
        "ditandai di komputer lain setelah hari itu disetujui supervisor",
        "marked at another PC after a supervisor approved the day",
    ),
}
NO_CONFLICTS = Text("Tidak ada konflik.", "No conflicts.")
DUPLICATE = Text(
    "#{id} NIK {nik}: {name_a} ({office_a}) dan {name_b} ({office_b})",
    "#{id} NIK {nik}: {name_a} ({office_a}) and {name_b} ({office_b})",
)
NO_DUPLICATES = Text("Tidak ada NIK ganda.", "No duplicate NIKs.")
KEPT_SIDE = {"server": Text("server", "server"), "device": Text("perangkat", "device")}
RESOLVED = Text(
    "Konflik #{id} diselesaikan (dipakai nilai {side}).",
    "Conflict #{id} resolved (the {side} value is kept).",
)
MERGED = Text(
    "NIK ganda #{id} digabung: peserta {merged} digabung ke {kept}; {moved} data terkait "
    "dipindahkan.",
    "Duplicate NIK #{id} merged: participant {merged} merged into {kept}; {moved} related "
    "records moved.",
)


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
            LINKED.render(server=found.server_url, device=found.device_id, office=found.office_code)
        ],
    )


def cmd_run(args: argparse.Namespace) -> Report:
    from app.services.sync_now import sync_now

    db, _actor = open_office()
    try:
        report = sync_now(db)
    finally:
        db.dispose()
    n = formats.number
    lines = [
        PUSHED.render(
            pushed=n(report.pushed),
            applied=n(report.applied),
            conflicts=n(len(report.conflicts)),
            rejected=n(len(report.rejected)),
            held=n(report.held),
        ),
        PULLED.render(pulled=n(report.pulled), skipped=n(report.skipped_pending)),
    ]
    lines += [PULL_PROBLEM.render(what=p) for p in report.pull_problems]
    lines.append(SYNC_DONE.render() if report.ok else SYNC_FAILED.render(why=report.error))
    return Report(data=asdict(report), lines=lines, ok=report.ok)


def cmd_status(args: argparse.Namespace) -> Report:
    from app.sync.client import status

    db, _actor = open_office()
    try:
        found = status(db)
    finally:
        db.dispose()
    n = formats.number
    facts = [
        (SERVER, found.server_url or NOT_LINKED.render()),
        (WAITING, WAITING_VALUE.render(pending=n(found.pending), failed=n(found.failed))),
        (LAST_SUCCESS, formats.datetime_text(found.last_success) or NEVER.render()),
    ]
    if found.last_error:
        facts.append((LAST_ERROR, found.last_error))
    lines = [f"{label.render()}: {value}" for label, value in facts]
    return Report(data=asdict(found), lines=lines)


def cmd_conflicts(args: argparse.Namespace) -> Report:
    from app.services.sync_review import conflicts

    db, _actor = open_office()
    try:
        rows = conflicts(db)
    finally:
        db.dispose()
    lines = [_conflict_line(c) for c in rows]
    return Report(data={"conflicts": rows}, lines=lines or [NO_CONFLICTS.render()])


def _conflict_line(c: dict[str, Any]) -> str:
    from app.domain.participant_fields import label_of

    why = CONFLICT_WHY.get(c.get("reason") or "")
    return CONFLICT.render(
        id=c["id"],
        label=c.get("label") or c["entity_id"],
        field=label_of(c["field"]),
        server=repr(c["server_value"]),
        device=repr(c["device_value"]),
        why=why.render() if why else c.get("reason") or "-",
    )


def cmd_duplicates(args: argparse.Namespace) -> Report:
    from app.services.sync_review import duplicates

    db, _actor = open_office()
    try:
        rows = duplicates(db)
    finally:
        db.dispose()
    lines = [
        DUPLICATE.render(
            id=d["id"],
            nik=d["nik_masked"],
            name_a=d["a"]["name"] or "-",
            office_a=d["a"]["office"],
            name_b=d["b"]["name"] or "-",
            office_b=d["b"]["office"],
        )
        for d in rows
    ]
    return Report(data={"duplicates": rows}, lines=lines or [NO_DUPLICATES.render()])


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
        lines=[RESOLVED.render(id=args.conflict_id, side=KEPT_SIDE[args.keep].render())],
    )


def cmd_merge(args: argparse.Namespace) -> Report:
    from app.services.sync_review import merge

    result = _as_supervisor(
        args, lambda db, actor, pw: merge(db, actor, args.duplicate_id, args.keep, pw)
    )
    return Report(
        data=result,
        lines=[
            MERGED.render(
                id=args.duplicate_id,
                merged=result["merged"],
                kept=result["kept"],
                moved=formats.number(int(result["moved"])),
            )
        ],
    )
