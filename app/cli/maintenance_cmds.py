"""`loket check`, `loket backup FILE`, `loket restore FILE [--force] [--other-pc]`."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from app import config
from app.cli.context import open_office
from app.cli.output import Report


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
    lines = [
        f"Basis data : {path}",
        f"Integritas : {report.integrity or '-'}",
        f"Skema      : {report.revision} (terbaru {report.head})",
        f"Audit      : {report.audit_events} peristiwa dari {report.devices} perangkat",
    ]
    data = asdict(report)
    if report.revision is not None and report.integrity == "ok":
        from app.sync.anchor import check_anchor

        anchor = check_anchor(path, ask_server=not args.offline)
        if anchor.compared:
            lines.append(f"Jangkar    : peristiwa audit {anchor.seq}, {anchor.source}")
        report.problems += anchor.problems
        report.ok = report.ok and not anchor.problems
        data = asdict(report)
        data["anchor"] = asdict(anchor)
    lines += [f"MASALAH: {p}" for p in report.problems]
    if path.exists() and report.integrity != "ok":  # damaged, or not a database at all
        from app.storage_errors import DAMAGED_HINT

        data["hint"] = DAMAGED_HINT.render(backups=path.parent / "backups")
        lines.append(f"PETUNJUK: {data['hint']}")
    lines.append("Hasil: BAIK" if report.ok else "Hasil: ADA MASALAH")
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
            f"Cadangan ditulis: {result.path} ({result.size_bytes:,} byte)",
            f"SHA-256: {result.sha256}",
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
    lines = [f"Dipulihkan dari {result.restored_from} (skema {result.revision})."]
    if result.device:
        lines.append(f"Komputer ini sekarang perangkat {result.device}.")
    if result.replaced_copy:
        lines.append(f"Basis data lama disimpan di {result.replaced_copy}")
    if result.sync_link_dropped:
        office = result.device.split("-")[0]
        lines.append(
            "Tautan sinkronisasi dari cadangan dihapus: tokennya milik komputer asal. Minta admin "
            f"server mencabut perangkat {result.device_id} (loket server revoke) dan membuat "
            f"kode untuknya (loket server enroll-code --office {office} --device "
            f"{result.device_id}), lalu jalankan loket sync enroll di komputer ini; "
            "sinkronisasi pertama memulihkan data dari server."
        )
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
