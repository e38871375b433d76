"""`loket followups due|record`: the follow-up call list and recording what a call found
(issue #13, docs/followups.md)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from fractions import Fraction

from app import formats
from app.cli.context import open_office
from app.cli.output import Report
from app.cli.stipend_cli import _day, _rupiah
from app.domain.followups import OUTCOME_LABELS, Outcome
from app.texts import Text

DUE_NONE = Text("Tidak ada pemantauan yang jatuh tempo.", "No follow-up is due.")
DUE_TOTAL = Text(
    "{n} pemantauan jatuh tempo sampai {until} ({overdue} terlambat).",
    "{n} follow-ups due up to {until} ({overdue} overdue).",
)
RECORDED = Text(
    "Pemantauan bulan ke-{m} {name} dicatat: {outcome}.",
    "Follow-up at month {m} of {name} recorded: {outcome}.",
)
RATE_LINE = Text(
    "bekerja {working}, usaha sendiri {self_employed} dari {reached} terhubungi "
    "(belum {open}, tak terhubungi {unreachable})",
    "working {working}, self-employed {self_employed} of {reached} reached "
    "(open {open}, unreachable {unreachable})",
)
NO_RATES = Text("Belum ada pemantauan yang jatuh tempo.", "No follow-up is due yet.")
URGENCY = {
    "overdue": Text("terlambat", "overdue"),
    "this_week": Text("minggu ini", "this week"),
    "later": Text("nanti", "later"),
}


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    followups = sub.add_parser("followups", help="follow-up calls after training")
    fsub = followups.add_subparsers(dest="followups_command", metavar="ACTION", required=True)
    due = fsub.add_parser(
        "due",
        parents=[common],
        help="follow-ups due up to a day (default: the end of this week), overdue first",
    )
    due.add_argument("--until", metavar="YYYY-MM-DD")
    due.set_defaults(handler=cmd_due)
    rec = fsub.add_parser(
        "record",
        parents=[common],
        help="record what a call found (closes the person's earliest open follow-up)",
    )
    rec.add_argument("participant", metavar="NIK")
    rec.add_argument("--outcome", required=True, choices=[o.value for o in Outcome])
    rec.add_argument("--employer")
    rec.add_argument("--npp")
    rec.add_argument("--position")
    rec.add_argument("--start", metavar="YYYY-MM-DD", help="working since")
    rec.add_argument("--wage", metavar="RP")
    rec.add_argument("--formal", choices=("ya", "tidak"))
    rec.add_argument("--business", metavar="TYPE", help="self-employed: the business")
    rec.add_argument("--attempts", type=int, help="unreachable: calls not answered")
    rec.add_argument("--note")
    rec.set_defaults(handler=cmd_record)
    rates = fsub.add_parser(
        "rates",
        parents=[common],
        help="re-employment and self-employment at 1, 3 and 6 months, over follow-ups done",
    )
    rates.add_argument("--by", choices=("cohort", "provider", "module"), default="cohort")
    rates.set_defaults(handler=cmd_rates)


def cmd_due(args: argparse.Namespace) -> Report:
    from app.domain.followups import week_of
    from app.services.followups import due
    from app.services.providers import today_of

    db, _actor = open_office()
    try:
        today = today_of(db)
        until = _day(args.until, "until") if args.until else week_of(today)[1]
        found = due(db, today, until)
    finally:
        db.dispose()
    rows = [
        {
            "participant_id": r.participant_id, "name": r.name, "nik": r.nik_masked,
            "phone": r.phone, "whatsapp": r.whatsapp, "cohort": r.cohort_code,
            "milestone": r.milestone, "due_on": r.due_on, "urgency": r.urgency,
            "attempts": r.attempts, "withdrawn": r.withdrawn,
        }
        for r in found
    ]  # fmt: skip
    lines = [
        f"{formats.date_text(r.due_on)}  {URGENCY[r.urgency].render():<10} bln {r.milestone}  "
        f"{r.name:<30} {formats.phone(r.phone):<16} {r.cohort_code}"
        for r in found
    ]
    overdue = sum(1 for r in found if r.urgency == "overdue")
    summary = DUE_TOTAL if found else DUE_NONE
    lines.append(summary.render(n=len(found), until=formats.date_text(until), overdue=overdue))
    return Report(data={"until": until, "due": rows}, lines=lines)


def cmd_record(args: argparse.Namespace) -> Report:
    from app.cli.cohort_cmds import _person
    from app.services.followups import Call, record

    db, actor = open_office()
    try:
        pid = _person(db, args.participant)
        call = Call(
            outcome=args.outcome,
            employer=args.employer,
            npp=args.npp,
            position=args.position,
            started_on=_day(args.start, "start") if args.start else None,
            wage=_rupiah(args.wage, "wage") if args.wage else None,
            formal=None if args.formal is None else args.formal == "ya",
            business_type=args.business,
            attempts=args.attempts,
            note=args.note,
        )
        saved = record(db, actor, pid, call)
        with db.read() as session:
            from app.models import Participant

            person = session.get(Participant, pid)
            name, status = (person.full_name, person.status) if person else ("?", "?")
    finally:
        db.dispose()
    outcome = OUTCOME_LABELS[Outcome(saved.outcome or "")].render()
    data = {"participant_id": pid, "milestone": saved.milestone, "outcome": saved.outcome,
            "due_on": saved.due_on, "status": status}  # fmt: skip
    return Report(data=data, lines=[RECORDED.render(m=saved.milestone, name=name, outcome=outcome)])


def _percent(value: Fraction | None) -> str:
    return formats.percent(value, none="-")


def cmd_rates(args: argparse.Namespace) -> Report:
    from app.services.followup_rates import followup_rates

    db, _actor = open_office()
    try:
        rows = followup_rates(db, args.by)
    finally:
        db.dispose()
    lines = [
        f"{r.label[:36]:<36} bln {r.milestone}  "
        + RATE_LINE.render(
            working=_percent(r.working_rate),
            self_employed=_percent(r.self_employed_rate),
            reached=r.reached,
            open=r.open,
            unreachable=r.unreachable,
        )
        for r in rows
    ] or [NO_RATES.render()]
    data = {
        "by": args.by,
        "rates": [
            {
                **asdict(r),
                "working_rate": None if r.working_rate is None else float(r.working_rate),
                "self_employed_rate": (
                    None if r.self_employed_rate is None else float(r.self_employed_rate)
                ),
            }
            for r in rows
        ],
    }
    return Report(data=data, lines=lines)
