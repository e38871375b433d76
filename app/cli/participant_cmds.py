"""`loket participants import|export|search|person-export|erase`.

Result lines are `Text` in the configured language, like the services' sentences; numbers
have Indonesian separators and fields are named by their labels (app.formats,
app.domain.participant_fields), as the window shows them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from app import formats
from app.cli.context import open_office
from app.cli.output import Report, read_password
from app.db import Database
from app.domain.participant_fields import BY_KEY, label_of
from app.services.actor import Actor
from app.texts import Text

if TYPE_CHECKING:
    from app.services.participant_import import ImportResult

IMPORT_SUMMARY = Text(
    "Baris data: {total} — baik {ok}, peringatan {warnings}, galat {errors}.",
    "Data rows: {total} — good {ok}, warnings {warnings}, errors {errors}.",
)
IMPORT_ROW = Text(
    "  baris {row}: {status} [{fields}] {message}", "  row {row}: {status} [{fields}] {message}"
)
MORE_ERRORS = Text(
    "  … dan {n} baris bergalat lagi (lihat --report).",
    "  … and {n} more rows with errors (see --report).",
)
ROW_STATUS = {"error": Text("galat", "error"), "warning": Text("peringatan", "warning")}
DRY_RUN = Text(
    "Uji coba (--dry-run): tidak ada yang ditulis.", "Trial run (--dry-run): nothing written."
)
WRITTEN = Text("Ditulis: {n} {what}.", "Written: {n} {what}.")
PARTICIPANTS = Text("peserta", "participants")
NOTHING_WRITTEN = Text(
    "Tidak ada yang ditulis: perbaiki baris bergalat atau pakai --skip-invalid.",
    "Nothing written: correct the rows with errors or use --skip-invalid.",
)
EXPORTED_FULL = Text(
    "{n} peserta diekspor ke {path}, lengkap.", "{n} participants exported to {path}, in full."
)
EXPORTED_MASKED = Text(
    "{n} peserta diekspor ke {path}, tersamar (NIK dan rekening disamarkan).",
    "{n} participants exported to {path}, masked (NIK and account numbers hidden).",
)
NOT_FOUND = Text("Tidak ditemukan.", "Nothing found.")
PERSON_EXPORTED = Text("Data pribadi ditulis ke {path}.", "Personal data written to {path}.")
ERASED = Text(
    "Data pribadi peserta {id} dianonimkan.", "Personal data of participant {id} anonymised."
)
SHOWN_ERRORS = 50


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    group = sub.add_parser("participants", help="import, export and search participants")
    psub = group.add_subparsers(dest="participants_command", metavar="ACTION", required=True)

    imp = psub.add_parser(
        "import",
        parents=[common],
        help="import participants from CSV or XLSX",
        description="Import participants. Every row is checked like the intake form; nothing "
        "is written if any row has an error (unless --skip-invalid). Exit 1 when a row has "
        "an error.",
    )
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="check only, write nothing")
    imp.add_argument("--report", type=Path, help="write row,status,field,message to this CSV")
    imp.add_argument("--skip-invalid", action="store_true", help="import the valid rows anyway")
    imp.set_defaults(handler=cmd_import)

    exp = psub.add_parser(
        "export",
        parents=[common],
        help="export participants to CSV or XLSX (masked)",
        description="Export all participants. NIK and account numbers are masked unless "
        "--full is given by a supervisor (--supervisor USER --password-stdin).",
    )
    exp.add_argument("file", type=Path)
    _supervisor_args(exp, "--full", "unmasked NIK and account numbers")
    exp.set_defaults(handler=cmd_export)

    srch = psub.add_parser("search", parents=[common], help="search by name, NIK, KPJ, phone")
    srch.add_argument("text")
    srch.add_argument("--limit", type=int, default=20)
    srch.set_defaults(handler=cmd_search)

    person = psub.add_parser(
        "person-export",
        parents=[common],
        help="everything held on one person, as JSON (supervisor)",
    )
    person.add_argument("participant_id")
    person.add_argument("file", type=Path)
    _supervisor_args(person)
    person.set_defaults(handler=cmd_person_export)

    erase = psub.add_parser(
        "erase", parents=[common], help="anonymise a person who withdrew consent (supervisor)"
    )
    erase.add_argument("participant_id")
    erase.add_argument("--reason", required=True)
    _supervisor_args(erase)
    erase.set_defaults(handler=cmd_erase)


def _supervisor_args(p: argparse.ArgumentParser, flag: str | None = None, what: str = "") -> None:
    if flag:
        p.add_argument(flag, action="store_true", help=what)
    p.add_argument("--supervisor", help="supervisor username (signs in with the password)")
    p.add_argument("--password-stdin", action="store_true")


def _as_supervisor(db: Database, actor: Actor, args: argparse.Namespace) -> Actor:
    """Personal-data actions act as a signed-in supervisor, not as the CLI's admin."""
    if not args.supervisor:
        return actor
    from app.services.auth import login

    return login(db, args.supervisor, read_password(args.password_stdin)).actor


def cmd_import(args: argparse.Namespace) -> Report:
    from app.services.participant_import import run_import, write_report

    db, actor = open_office()
    try:
        result = run_import(
            db, actor, args.file.resolve(), dry_run=args.dry_run, skip_invalid=args.skip_invalid
        )
    finally:
        db.dispose()
    if args.report:
        write_report(result, args.report)
    return import_report(result)


def import_report(
    result: ImportResult,
    what: Text = PARTICIPANTS,
    label: Callable[[str], str] = label_of,
) -> Report:
    """The lines and --json data of an import (participants, providers): the counts, the
    rows with errors (the first SHOWN_ERRORS), and what was written."""
    n = formats.number
    lines = [
        IMPORT_SUMMARY.render(
            total=n(result.total),
            ok=n(result.ok),
            warnings=n(result.warnings),
            errors=n(result.errors),
        )
    ]
    failed = [r for r in result.reports if r.status == "error"]
    lines += [
        IMPORT_ROW.render(
            row=r.row,
            status=ROW_STATUS[r.status].render(),
            fields=", ".join(label(f) for f in r.field.split(";") if f),
            message=r.message,
        )
        for r in failed[:SHOWN_ERRORS]
    ]
    if len(failed) > SHOWN_ERRORS:
        lines.append(MORE_ERRORS.render(n=n(len(failed) - SHOWN_ERRORS)))
    if result.dry_run:
        lines.append(DRY_RUN.render())
    elif result.written:
        lines.append(WRITTEN.render(n=n(result.written), what=what.render()))
    else:
        lines.append(NOTHING_WRITTEN.render())
    data = {k: v for k, v in asdict(result).items() if k != "reports"}
    data["rows"] = [asdict(r) for r in result.reports if r.status != "ok"]
    return Report(data=data, lines=lines, ok=result.errors == 0)


def cmd_export(args: argparse.Namespace) -> Report:
    from app.services.participant_export import export_participants

    db, actor = open_office()
    try:
        actor = _as_supervisor(db, actor, args)
        result = export_participants(db, actor, args.file.resolve(), full=args.full)
    finally:
        db.dispose()
    sentence = EXPORTED_FULL if result.full else EXPORTED_MASKED
    return Report(
        data={"file": str(result.path), "rows": result.rows, "full": result.full},
        lines=[sentence.render(n=formats.number(result.rows), path=result.path)],
    )


def cmd_search(args: argparse.Namespace) -> Report:
    from app.services.participant_search import ParticipantQuery, search

    db, _actor = open_office()
    try:
        rows = search(db, ParticipantQuery(text=args.text), limit=args.limit)
    finally:
        db.dispose()
    status = BY_KEY["status"]
    lines = [
        f"{r.nik_masked}  {r.full_name:<32} {formats.date_text(r.birth_date)}  "
        f"{formats.field_text(status, r.status)}"
        for r in rows
    ] or [NOT_FOUND.render()]
    return Report(data={"results": [asdict(r) for r in rows]}, lines=lines)


def cmd_person_export(args: argparse.Namespace) -> Report:
    from app.services.participant_export import export_person

    db, actor = open_office()
    try:
        actor = _as_supervisor(db, actor, args)
        path = export_person(db, actor, args.participant_id, args.file.resolve())
    finally:
        db.dispose()
    return Report(data={"file": str(path)}, lines=[PERSON_EXPORTED.render(path=path)])


def cmd_erase(args: argparse.Namespace) -> Report:
    from app.services.personal_data import erase_person

    db, actor = open_office()
    try:
        actor = _as_supervisor(db, actor, args)
        erase_person(db, actor, args.participant_id, args.reason)
    finally:
        db.dispose()
    return Report(
        data={"erased": args.participant_id},
        lines=[ERASED.render(id=args.participant_id)],
    )
