"""`loket check`, `loket backup FILE`, `loket restore FILE [--force] [--other-pc]`.

Result lines are `Text` in the configured language; counts and sizes have Indonesian
separators (app.formats). The --json data keeps plain numbers.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from app import config, formats
from app.cli.context import open_office
from app.cli.output import Report, aligned
from app.texts import Text

DATABASE = Text("Basis data", "Database")
INTEGRITY = Text("Integritas", "Integrity")
SCHEMA = Text("Skema", "Schema")
SCHEMA_VALUE = Text("{rev} (terbaru {head})", "{rev} (newest {head})")
AUDIT = Text("Audit", "Audit")
AUDIT_VALUE = Text(
    "{events} peristiwa dari {devices} perangkat", "{events} events from {devices} devices"
)
AUDIT_VALUE_ONE = Text("{events} peristiwa dari 1 perangkat", "{events} events from 1 device")
ANCHOR = Text("Jangkar", "Anchor")
ANCHOR_VALUE = Text("peristiwa audit {seq}, {source}", "audit event {seq}, {source}")
PROBLEM = Text("MASALAH: {what}", "PROBLEM: {what}")
HINT = Text("PETUNJUK: {what}", "HINT: {what}")
RESULT_OK = Text("Hasil: BAIK", "Result: GOOD")
RESULT_BAD = Text("Hasil: ADA MASALAH", "Result: PROBLEMS FOUND")
BACKUP_WRITTEN = Text(
    "Cadangan ditulis: {path} ({size} byte)", "Backup written: {path} ({size} bytes)"
)
SHA256 = Text("SHA-256: {digest}", "SHA-256: {digest}")
RESTORED = Text("Dipulihkan dari {path} (skema {rev}).", "Restored from {path} (schema {rev}).")
NOW_DEVICE = Text("Komputer ini sekarang perangkat {device}.", "This PC is now device {device}.")
OLD_KEPT = Text("Basis data lama disimpan di {path}", "The old database was kept at {path}")
LINK_DROPPED = Text(
    "Tautan sinkronisasi dari cadangan dihapus: tokennya milik komputer asal. Minta admin "
    "server mencabut perangkat {device_id} (loket server revoke) dan membuat kode untuknya "
    "(loket server enroll-code --office {office} --device {device_id}), lalu jalankan "
    "loket sync enroll di komputer ini; sinkronisasi pertama memulihkan data dari server.",
    "The backup's sync link was removed: its token belongs to the original PC. Ask the "
    "server admin to revoke device {device_id} (loket server revoke) and to make a code for "
    "it (loket server enroll-code --office {office} --device {device_id}), then run "
    "loket sync enroll on this PC; the first sync brings the data back from the server.",
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    c = sub.add_parser(
        "check",
        parents=[common],
        help="integrity check, schema at head, audit chain intact",
        description="Check the database: SQLite integrity, migrations at head, audit chain.",
    )
    c.add_argument(
        "--offline",
        action="store_true",
        help="do not ask the sync server for this PC's audit anchor (use the last sync's)",
    )
    c.set_defaults(handler=cmd_check)

    b = sub.add_parser(
        "backup",
        parents=[common],
        help="consistent online backup to FILE",
        description="Write a consistent copy of the live database to FILE.",
    )
    b.add_argument("file", type=Path)
    b.set_defaults(handler=cmd_backup)

    r = sub.add_parser(
        "restore",
        parents=[common],
        help="restore the database from a backup FILE",
        description="Replace this PC's database with a backup. Refuses a file that is not a "
        "Loket database; replacing an existing database needs --force and first saves a copy; "
        "a backup of another office or PC needs --other-pc.",
    )
    r.add_argument("file", type=Path)
    r.add_argument("--force", action="store_true", help="replace an existing database")
    r.add_argument(
        "--other-pc",
        action="store_true",
        help="accept a backup of another office or PC: this PC becomes that device and its "
        "sync link is removed (enrol again)",
    )
    r.set_defaults(handler=cmd_restore)


def cmd_check(args: argparse.Namespace) -> Report:
    from app.services.maintenance import check

    path = config.db_path()
    report = check(path)
    n = formats.number
    audit = AUDIT_VALUE_ONE if report.devices == 1 else AUDIT_VALUE
    facts = [
        (DATABASE, str(path)),
        (INTEGRITY, report.integrity or "-"),
        (SCHEMA, SCHEMA_VALUE.render(rev=report.revision or "-", head=report.head)),
        (AUDIT, audit.render(events=n(report.audit_events), devices=n(report.devices))),
    ]
    data = asdict(report)
    if report.revision is not None and report.integrity == "ok":
        from app.sync.anchor import check_anchor

        anchor = check_anchor(path, ask_server=not args.offline)
        if anchor.compared:
            # an audit event's number, like the anchor's sentences: no thousands separator
            facts.append((ANCHOR, ANCHOR_VALUE.render(seq=anchor.seq, source=anchor.source)))
        report.problems += anchor.problems
        report.ok = report.ok and not anchor.problems
        data = asdict(report)
        data["anchor"] = asdict(anchor)
    lines = aligned(facts)
    lines += [PROBLEM.render(what=p) for p in report.problems]
    if path.exists() and report.integrity != "ok":  # damaged, or not a database at all
        from app.storage_errors import DAMAGED_HINT

        data["hint"] = DAMAGED_HINT.render(backups=path.parent / "backups")
        lines.append(HINT.render(what=data["hint"]))
    lines.append((RESULT_OK if report.ok else RESULT_BAD).render())
    data["database"] = str(path)
    return Report(data=data, lines=lines, ok=report.ok)


def cmd_backup(args: argparse.Namespace) -> Report:
    from app.services.maintenance import backup

    db, actor = open_office()
    try:
        result = backup(db, actor, args.file.resolve())
    finally:
        db.dispose()
    return Report(
        data={"file": str(result.path), "size_bytes": result.size_bytes, "sha256": result.sha256},
        lines=[
            BACKUP_WRITTEN.render(path=result.path, size=formats.number(result.size_bytes)),
            SHA256.render(digest=result.sha256),
        ],
    )


def cmd_restore(args: argparse.Namespace) -> Report:
    from app.services.actor import cli_actor
    from app.services.maintenance import restore

    result = restore(
        args.file.resolve(),
        config.db_path(),
        config.backups_dir(),
        force=args.force,
        other_pc=args.other_pc,
        actor=cli_actor(""),
    )
    lines = [RESTORED.render(path=result.restored_from, rev=result.revision)]
    if result.device:
        lines.append(NOW_DEVICE.render(device=result.device))
    if result.replaced_copy:
        lines.append(OLD_KEPT.render(path=result.replaced_copy))
    if result.sync_link_dropped:
        office = result.device.split("-")[0]
        lines.append(LINK_DROPPED.render(device_id=result.device_id, office=office))
    return Report(
        data={
            "restored_from": str(result.restored_from),
            "replaced_copy": str(result.replaced_copy) if result.replaced_copy else None,
            "revision": result.revision,
            "device": result.device,
            "device_id": result.device_id,
            "sync_link_dropped": result.sync_link_dropped,
            "database": str(config.db_path()),
        },
        lines=lines,
    )
