"""`loket vacancies import|list|add|close|match|sheet|refer|hired` and `loket supply-demand`:
job vacancies, matching them with people, and the supply-and-demand table (issue #13,
docs/followups.md)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app import formats
from app.cli.context import open_office
from app.cli.output import Report
from app.cli.stipend_cli import _day
from app.services.vacancies import VacancyRow, short_id
from app.texts import Text

NO_VACANCIES = Text("Tidak ada lowongan terbuka.", "No open vacancy.")
VACANCY_TOTAL = Text(
    "{n} lowongan, {openings} orang dibutuhkan.", "{n} vacancies, {openings} openings."
)
ADDED = Text(
    "Lowongan dicatat: {id}  {position} — {employer}.",
    "Vacancy recorded: {id}  {position} — {employer}.",
)
CLOSED = Text(
    "Lowongan ditutup: {id}  {position} — {employer}.",
    "Vacancy closed: {id}  {position} — {employer}.",
)
NO_MATCH = Text("Tidak ada lowongan terbuka yang cocok.", "No open vacancy fits.")
NO_PEOPLE = Text(
    "Tidak ada lulusan atau peserta pelatihan yang cocok.", "No graduate or trainee fits."
)
REFERRED = Text(
    "{name} dirujuk ke {position} — {employer} ({day}).",
    "{name} referred to {position} — {employer} ({day}).",
)
HIRED = Text(
    "Dicatat: {name} diterima di {employer} sejak {day}.",
    "Recorded: {name} hired by {employer} from {day}.",
)
NOT_HIRED = Text(
    "Dicatat: {name} tidak diterima di {employer}.", "Recorded: {name} not hired by {employer}."
)
SD_TOTAL = Text(
    "Lowongan terbuka {vacancies} ({openings} orang); sedang pelatihan {training}; "
    "lulusan masih mencari {looking}.",
    "Open vacancies {vacancies} ({openings} openings); in training {training}; "
    "graduates still looking {looking}.",
)
SHEET_WRITTEN = Text(
    "Lembar lowongan untuk {name} ditulis ke {path} ({n} lowongan).",
    "Vacancy sheet for {name} written to {path} ({n} vacancies).",
)
SD_WRITTEN = Text("Tabel ditulis ke {path}.", "Table written to {path}.")
NOT_XLSX = Text("Berkas keluaran harus .xlsx.", "The output file must be .xlsx.")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    group = sub.add_parser("vacancies", help="job vacancies and matching them with people")
    vsub = group.add_subparsers(dest="vacancies_command", metavar="ACTION", required=True)

    imp = vsub.add_parser(
        "import",
        parents=[common],
        help="import vacancies from CSV or XLSX",
        description="Columns: perusahaan, npp, posisi, kode_wilayah, modul (codes or names "
        "separated by |), jumlah, upah_min, upah_maks, batas_lamaran, kontak; optional "
        "sektor, keterampilan, sumber. Nothing is written if a row has an error (unless "
        "--skip-invalid). Exit 1 when a row has an error.",
    )
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="check only, write nothing")
    imp.add_argument("--report", type=Path, help="write row,status,field,message to this CSV")
    imp.add_argument("--skip-invalid", action="store_true", help="import the valid rows anyway")
    imp.set_defaults(handler=cmd_import)

    vlist = vsub.add_parser("list", parents=[common], help="open vacancies, closing soonest first")
    vlist.add_argument("--all", action="store_true", help="closed and past ones too")
    vlist.set_defaults(handler=cmd_list)

    add = vsub.add_parser("add", parents=[common], help="record one vacancy")
    add.add_argument("--employer", required=True)
    add.add_argument("--position", required=True)
    add.add_argument("--region", required=True, help="Kemendagri code, e.g. 64.71")
    add.add_argument("--modules", required=True, help="codes or names separated by |")
    add.add_argument("--contact", required=True)
    add.add_argument("--openings", default="1")
    add.add_argument("--npp")
    add.add_argument("--sector")
    add.add_argument("--skills")
    add.add_argument("--wage-min", metavar="RP")
    add.add_argument("--wage-max", metavar="RP")
    add.add_argument("--closes", metavar="YYYY-MM-DD", help="closing date for applications")
    add.add_argument("--source", help="where the vacancy came from")
    add.set_defaults(handler=cmd_add)

    close = vsub.add_parser("close", parents=[common], help="close a filled or withdrawn vacancy")
    close.add_argument("vacancy", metavar="ID")
    close.set_defaults(handler=cmd_close)

    match = vsub.add_parser(
        "match",
        parents=[common],
        help="the open vacancies that fit a person (NIK), or the people who fit a vacancy",
    )
    target = match.add_mutually_exclusive_group(required=True)
    target.add_argument("participant", nargs="?", metavar="NIK")
    target.add_argument("--vacancy", metavar="ID", help="the people who fit this vacancy")
    match.add_argument("--limit", type=int, default=None, help="at most this many")
    match.set_defaults(handler=cmd_match)

    sheet = vsub.add_parser(
        "sheet",
        parents=[common],
        help="the vacancy sheet PDF to hand to a person (their best-fitting open vacancies)",
        description="A sheet is written even when no vacancy fits: it says so and asks the "
        "person to come back. Recorded in the audit trail (vacancy.sheet).",
    )
    sheet.add_argument("participant", metavar="NIK")
    sheet.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    sheet.add_argument("--limit", type=int, default=5, help="at most this many (default 5)")
    sheet.set_defaults(handler=cmd_sheet)

    refer = vsub.add_parser("refer", parents=[common], help="record that a person was referred")
    refer.add_argument("participant", metavar="NIK")
    refer.add_argument("vacancy", metavar="ID")
    refer.set_defaults(handler=cmd_refer)

    hired = vsub.add_parser("hired", parents=[common], help="record whether a referral was hired")
    hired.add_argument("participant", metavar="NIK")
    hired.add_argument("vacancy", metavar="ID")
    hired.add_argument("--no", action="store_true", help="not hired")
    hired.add_argument("--date", metavar="YYYY-MM-DD", help="hired from (default today)")
    hired.set_defaults(handler=cmd_hired)

    sd = sub.add_parser(
        "supply-demand",
        parents=[common],
        help="open vacancies against people in training and graduates still looking",
    )
    sd.add_argument("--out", type=Path, metavar="FILE.xlsx", help="also write the table")
    sd.set_defaults(handler=cmd_supply_demand)


def _rp(amount: int | None) -> str:
    return formats.rupiah(amount) if amount is not None else "-"


def wage_text(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return "-"
    if low is None:
        return f"s.d. {_rp(high)}"
    if high is None:
        return f"mulai {_rp(low)}"
    return f"{_rp(low)}–{_rp(high)}"


def vacancy_data(v: VacancyRow) -> dict[str, Any]:
    return asdict(v)


def _line(v: VacancyRow) -> str:
    closes = formats.date_text(v.closes_on) if v.closes_on else "-"
    state = "" if v.is_open else "  (tutup)"
    wage = wage_text(v.wage_min, v.wage_max)
    return (
        f"{short_id(v.id)}  {closes:<10}  {v.position[:28]:<28} {v.employer[:28]:<28} "
        f"{v.openings:>3}  {v.region_name.split(',')[0][:24]:<24} {wage}{state}"
    )


def cmd_import(args: argparse.Namespace) -> Report:
    from app.cli.participant_cmds import import_report
    from app.services.vacancy_import import run_vacancy_import, write_report

    db, actor = open_office()
    try:
        result = run_vacancy_import(
            db, actor, args.file.resolve(), dry_run=args.dry_run, skip_invalid=args.skip_invalid
        )
    finally:
        db.dispose()
    if args.report:
        write_report(result, args.report)
    return import_report(result, Text("lowongan", "vacancies"), label=lambda column: column)


def cmd_list(args: argparse.Namespace) -> Report:
    from app.services.vacancies import list_vacancies

    db, _actor = open_office()
    try:
        rows = list_vacancies(db, include_closed=args.all)
    finally:
        db.dispose()
    lines = [_line(v) for v in rows]
    lines.append(
        VACANCY_TOTAL.render(n=len(rows), openings=sum(v.openings for v in rows if v.is_open))
        if rows
        else NO_VACANCIES.render()
    )
    return Report(data={"vacancies": [vacancy_data(v) for v in rows]}, lines=lines)


def cmd_add(args: argparse.Namespace) -> Report:
    from app.services.vacancies import add_vacancy

    values = {
        "employer": args.employer,
        "position": args.position,
        "region_code": args.region,
        "modules": args.modules,
        "contact": args.contact,
        "openings": args.openings,
        "npp": args.npp,
        "sector": args.sector,
        "skills": args.skills,
        "wage_min": args.wage_min,
        "wage_max": args.wage_max,
        "closes_on": args.closes,
        "source": args.source,
    }
    db, actor = open_office()
    try:
        v = add_vacancy(db, actor, values)
    finally:
        db.dispose()
    return Report(
        data={"vacancy": vacancy_data(v)},
        lines=[ADDED.render(id=short_id(v.id), position=v.position, employer=v.employer)],
    )


def cmd_close(args: argparse.Namespace) -> Report:
    from app.services.vacancies import close_vacancy

    db, actor = open_office()
    try:
        v = close_vacancy(db, actor, args.vacancy)
    finally:
        db.dispose()
    return Report(
        data={"vacancy": vacancy_data(v)},
        lines=[CLOSED.render(id=short_id(v.id), position=v.position, employer=v.employer)],
    )


def cmd_match(args: argparse.Namespace) -> Report:
    from app.cli.cohort_cmds import _person
    from app.services.vacancy_matching import matches_for_participant, matches_for_vacancy

    db, _actor = open_office()
    try:
        if args.vacancy:
            vacancy, people = matches_for_vacancy(db, args.vacancy)
            people = people[: args.limit] if args.limit else people
            lines = [
                f"{p.score:>4}  {p.name[:30]:<30} {p.nik_masked}  {formats.phone(p.phone):<16} "
                f"{'; '.join(p.reasons)}"
                for p in people
            ] or [NO_PEOPLE.render()]
            return Report(
                data={"vacancy": vacancy_data(vacancy), "people": [asdict(p) for p in people]},
                lines=[_line(vacancy), *lines],
            )
        pid = _person(db, args.participant)
        found = matches_for_participant(db, pid, limit=args.limit)
    finally:
        db.dispose()
    lines = []
    for m in found:
        lines.append(f"{m.score:>4}  {_line(m.vacancy)}")
        lines += [f"        - {reason}" for reason in m.reasons]
    data = {
        "participant_id": pid,
        "matches": [
            {
                "vacancy_id": m.vacancy.id,
                "score": m.score,
                "reasons": list(m.reasons),
                "referred_on": m.referred_on,
                "hired": m.hired,
                "vacancy": vacancy_data(m.vacancy),
            }
            for m in found
        ],
    }
    return Report(data=data, lines=lines or [NO_MATCH.render()])


def cmd_sheet(args: argparse.Namespace) -> Report:
    from app.cli.cohort_cmds import _person
    from app.services.vacancy_sheet import write_vacancy_sheet

    out_path: Path = args.out.resolve()
    db, actor = open_office()
    try:
        pid = _person(db, args.participant)
        sheet = write_vacancy_sheet(db, actor, pid, out_path, limit=args.limit)
    finally:
        db.dispose()
    n = len(sheet.vacancy_ids)
    lines = [SHEET_WRITTEN.render(name=sheet.name, path=sheet.path, n=n)]
    if not n:
        lines.append(NO_MATCH.render())
    data = {"file": str(sheet.path), "participant_id": pid, "vacancies": list(sheet.vacancy_ids)}
    return Report(data=data, lines=lines)


def _name(db: Any, pid: str) -> str:
    from app.models import Participant

    with db.read() as session:
        person = session.get(Participant, pid)
        return person.full_name if person else pid


def cmd_refer(args: argparse.Namespace) -> Report:
    from app.cli.cohort_cmds import _person
    from app.services.vacancy_matching import refer

    db, actor = open_office()
    try:
        pid = _person(db, args.participant)
        r = refer(db, actor, pid, args.vacancy)
        name = _name(db, pid)
    finally:
        db.dispose()
    line = REFERRED.render(
        name=name, position=r.position, employer=r.employer, day=formats.date_text(r.referred_on)
    )
    return Report(data={"referral": asdict(r)}, lines=[line])


def cmd_hired(args: argparse.Namespace) -> Report:
    from app.cli.cohort_cmds import _person
    from app.services.vacancy_matching import record_hire

    db, actor = open_office()
    try:
        pid = _person(db, args.participant)
        day = _day(args.date, "date") if args.date else None
        r = record_hire(db, actor, pid, args.vacancy, not args.no, day)
        name = _name(db, pid)
    finally:
        db.dispose()
    if r.hired:
        line = HIRED.render(name=name, employer=r.employer, day=formats.date_text(r.hired_on))
    else:
        line = NOT_HIRED.render(name=name, employer=r.employer)
    return Report(data={"referral": asdict(r)}, lines=[line])


def cmd_supply_demand(args: argparse.Namespace) -> Report:
    from app.errors import ValidationError
    from app.services.supply_demand import supply_demand, write_supply_demand_xlsx

    if args.out is not None and args.out.suffix.lower() != ".xlsx":
        raise ValidationError(NOT_XLSX, field="out")
    db, _actor = open_office()
    try:
        report = supply_demand(db)
        if args.out is not None:
            from app.models import Device

            with db.read() as session:
                device = session.query(Device).first()
                office = device.office_code if device else ""
            write_supply_demand_xlsx(report, args.out, office)
    finally:
        db.dispose()
    lines = [
        f"{r.module_name[:32]:<32} {r.province_name[:26]:<26} {r.vacancies:>4} {r.openings:>5} "
        f"{r.in_training:>5} {r.looking:>5} {r.gap:>+6}"
        for r in report.rows
    ]
    lines.append(
        SD_TOTAL.render(
            vacancies=report.vacancies,
            openings=report.openings,
            training=report.in_training,
            looking=report.looking,
        )
    )
    if args.out is not None:
        lines.append(SD_WRITTEN.render(path=args.out))
    data = {
        "day": report.day,
        "rows": [{**asdict(r), "gap": r.gap} for r in report.rows],
        "totals": {
            "vacancies": report.vacancies,
            "openings": report.openings,
            "in_training": report.in_training,
            "looking": report.looking,
        },
    }
    return Report(data=data, lines=lines)
