"""`loket modules list` and `loket providers import|list|assess|decide|checklist`.

Same conventions as the participant commands: `--json` prints one object, exit 0 done, 1
refused or failed, 2 a usage error. A decision is signed by a supervisor who signs in with
`--supervisor USER --password-stdin` (the CLI itself acts as the office's admin, who may not
decide).
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date
from pathlib import Path

from app import formats
from app.cli.context import open_office
from app.cli.output import Report, read_password
from app.domain.parsing import ParseError, parse_date
from app.domain.provider_checks import PROVIDER_TYPE_LABELS, RESULT_LABELS, ProviderType, Result
from app.errors import ValidationError
from app.texts import Text

BAD_DATE = Text(
    "Tanggal tidak terbaca: {raw}. Pakai YYYY-MM-DD atau DD/MM/YYYY.",
    "Unreadable date: {raw}. Use YYYY-MM-DD or DD/MM/YYYY.",
)
NO_MODULES = Text("Belum ada modul.", "No modules yet.")
NO_PROVIDERS = Text("Belum ada lembaga.", "No providers yet.")
NEVER_DECIDED = Text("belum diputuskan", "not decided")
ASSESSED = Text("Penilaian {name} pada {day}:", "Assessment of {name} on {day}:")
DECIDED = Text(
    "Keputusan dicatat: {result} (penilaian {day}, penilaian ulang {recheck}).",
    "Decision recorded: {result} (assessed {day}, re-check {recheck}).",
)
OPEN_NAMED = Text("Butir yang masih terbuka: {items}.", "Items still open: {items}.")
INACTIVE = Text("nonaktif", "inactive")
MARKS = {True: "✓", False: "✗", None: "·"}


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    modules = sub.add_parser("modules", help="the training module catalogue")
    msub = modules.add_subparsers(dest="modules_command", metavar="ACTION", required=True)
    mlist = msub.add_parser("list", parents=[common], help="list the modules")
    mlist.add_argument("--active", action="store_true", help="active modules only")
    mlist.set_defaults(handler=cmd_modules_list)

    group = sub.add_parser("providers", help="training providers and their assessment")
    psub = group.add_subparsers(dest="providers_command", metavar="ACTION", required=True)

    imp = psub.add_parser(
        "import",
        parents=[common],
        help="import providers from CSV or XLSX",
        description="Columns: nama, jenis (BLK, LPK, PERUSAHAAN), kode_wilayah, alamat, "
        "telepon, nomor_izin, penerbit_izin, tanggal_izin, izin_berlaku_sampai, "
        "beroperasi_sejak, modul (codes or names separated by |). Nothing is written if a "
        "row has an error (unless --skip-invalid). Exit 1 when a row has an error.",
    )
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="check only, write nothing")
    imp.add_argument("--report", type=Path, help="write row,status,field,message to this CSV")
    imp.add_argument("--skip-invalid", action="store_true", help="import the valid rows anyway")
    imp.set_defaults(handler=cmd_import)

    plist = psub.add_parser("list", parents=[common], help="list providers")
    plist.add_argument("--search", default="", help="part of the name")
    plist.add_argument("--type", choices=[t.value for t in ProviderType])
    plist.add_argument("--region", help="Kemendagri code of a province, regency or district")
    plist.add_argument("--result", choices=[*(r.value for r in Result), "none"])
    plist.add_argument(
        "--expiring", action="store_true", help="licence or accreditation ending within 60 days"
    )
    plist.set_defaults(handler=cmd_list)

    assess = psub.add_parser("assess", parents=[common], help="the checklist on a date")
    assess.add_argument("provider", metavar="NAME_OR_ID")
    assess.add_argument("--date", help="assessment date (default today)")
    assess.set_defaults(handler=cmd_assess)

    decide = psub.add_parser(
        "decide",
        parents=[common],
        help="sign a decision (supervisor)",
        description="Record the supervisor's decision. --date is the assessment's date "
        "(default today); layak is refused while an automatic check fails on that date.",
    )
    decide.add_argument("provider", metavar="NAME_OR_ID")
    decide.add_argument("--result", required=True, choices=[r.value for r in Result])
    decide.add_argument("--reason", required=True)
    decide.add_argument("--date", help="assessment date (default today)")
    decide.add_argument("--recheck", help="re-check date (default a year after --date)")
    decide.add_argument("--supervisor", required=True, help="supervisor username")
    decide.add_argument("--password-stdin", action="store_true")
    decide.set_defaults(handler=cmd_decide)

    sheet = psub.add_parser(
        "checklist", parents=[common], help="print the checklist as a PDF for the office file"
    )
    sheet.add_argument("provider", metavar="NAME_OR_ID")
    sheet.add_argument("--out", type=Path, required=True, help="the PDF to write")
    sheet.add_argument("--date", help="assessment date (default today)")
    sheet.set_defaults(handler=cmd_checklist)


def _date(raw: str | None, field: str) -> date | None:
    if raw is None:
        return None
    try:
        return parse_date(raw)
    except ParseError:
        raise ValidationError(BAD_DATE, field=field, raw=raw) from None


def cmd_modules_list(args: argparse.Namespace) -> Report:
    from app.services.modules import list_modules

    db, _actor = open_office()
    try:
        rows = list_modules(db, active_only=args.active)
    finally:
        db.dispose()
    lines = [
        f"{m.code:<12} {m.name:<36} {m.hours:>4} JP"
        + ("" if m.active else f"  ({INACTIVE.render()})")
        for m in rows
    ] or [NO_MODULES.render()]
    return Report(data={"modules": [asdict(m) for m in rows]}, lines=lines)


def cmd_import(args: argparse.Namespace) -> Report:
    from app.cli.participant_cmds import import_report
    from app.services.provider_import import run_provider_import, write_report

    db, actor = open_office()
    try:
        result = run_provider_import(
            db, actor, args.file.resolve(), dry_run=args.dry_run, skip_invalid=args.skip_invalid
        )
    finally:
        db.dispose()
    if args.report:
        write_report(result, args.report)
    return import_report(result, Text("lembaga", "providers"), label=lambda column: column)


def cmd_list(args: argparse.Namespace) -> Report:
    from app.services.providers import list_providers

    db, _actor = open_office()
    try:
        rows = list_providers(
            db,
            text=args.search,
            provider_type=args.type,
            region=args.region,
            result=args.result,
            expiring_only=args.expiring,
        )
    finally:
        db.dispose()
    lines = []
    for r in rows:
        kind = PROVIDER_TYPE_LABELS[ProviderType(r.provider_type)].render()
        result = RESULT_LABELS[Result(r.result)].render() if r.result else NEVER_DECIDED.render()
        soon = "  !" if r.expiring else ""
        lines.append(f"{r.name:<40} {kind:<16} {r.region_name or '-':<24} {result}{soon}")
    return Report(
        data={"providers": [asdict(r) for r in rows]}, lines=lines or [NO_PROVIDERS.render()]
    )


def cmd_assess(args: argparse.Namespace) -> Report:
    from app.services.provider_assessment import assess
    from app.services.providers import find_provider_id

    db, _actor = open_office()
    try:
        provider_id = find_provider_id(db, args.provider)
        a = assess(db, provider_id, _date(args.date, "date"))
    finally:
        db.dispose()
    checks = [
        {"key": c.key, "passed": c.passed, "reason": c.message, "automatic": c.automatic}
        for c in a.checks
    ]
    lines = [ASSESSED.render(name=a.provider.name, day=formats.date_text(a.on))]
    lines += [f"  {MARKS[c.passed]} {c.label}: {c.message}" for c in a.checks]
    return Report(
        data={
            "provider": {"id": a.provider.id, "name": a.provider.name},
            "date": a.on.isoformat(),
            "checks": checks,
            "result": a.decision.result if a.decision else None,
            "automatic_ok": a.automatic_ok,
            "open_items": a.open_items,
        },
        lines=lines,
    )


def cmd_decide(args: argparse.Namespace) -> Report:
    from app.services.auth import login
    from app.services.provider_assessment import decide
    from app.services.providers import find_provider_id

    db, _actor = open_office()
    try:
        supervisor = login(db, args.supervisor, read_password(args.password_stdin)).actor
        provider_id = find_provider_id(db, args.provider)
        d = decide(
            db,
            supervisor,
            provider_id,
            args.result,
            args.reason,
            on=_date(args.date, "date"),
            recheck_on=_date(args.recheck, "recheck"),
        )
    finally:
        db.dispose()
    lines = [
        DECIDED.render(
            result=RESULT_LABELS[Result(d.result)].render(),
            day=formats.date_text(d.assessed_on),
            recheck=formats.date_text(d.recheck_on),
        )
    ]
    if d.open_items:
        lines.append(OPEN_NAMED.render(items=", ".join(d.open_items)))
    return Report(data={"decision": asdict(d)}, lines=lines)


PRINTED = Text("Daftar periksa ditulis ke {path}.", "Checklist written to {path}.")


def cmd_checklist(args: argparse.Namespace) -> Report:
    from app.services.provider_documents import checklist_pdf
    from app.services.providers import find_provider_id

    db, actor = open_office()
    try:
        provider_id = find_provider_id(db, args.provider)
        out = checklist_pdf(db, actor, provider_id, args.out.resolve(), _date(args.date, "date"))
    finally:
        db.dispose()
    return Report(data={"file": str(out)}, lines=[PRINTED.render(path=out)])
