"""`loket cohorts create|enrol|withdraw|result|finish|cancel|list|show` and
`loket attendance mark|lock`, so office IT can script a cohort (issue #10 item 7).

Same conventions as the other commands: `--json` prints one object, exit 0 done, 1 refused
or failed (`cohorts enrol` exits 1 when any NIK was refused), 2 a usage error. The CLI acts
as the office's admin; approving a day (`attendance lock`) and changing a mark of an
approved day need a supervisor who signs in with `--supervisor USER --password-stdin`.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from app import formats
from app.cli.context import open_office
from app.cli.output import Report, read_password
from app.cli.provider_cmds import _date
from app.domain import cohorts as rules
from app.errors import ValidationError
from app.texts import Text

CREATED = Text(
    "Angkatan {code} dibuat: {days} hari pelatihan, {start} s.d. {end}.",
    "Cohort {code} created: {days} training days, {start} to {end}.",
)
NO_COHORTS = Text("Belum ada angkatan.", "No cohorts yet.")
ENROLLED_LINE = Text("{nik} {name}: {status}", "{nik} {name}: {status}")
REFUSED_LINE = Text("{nik} {name}: DITOLAK — {why}", "{nik} {name}: REFUSED — {why}")
UNKNOWN_NIK = Text("{nik}: tidak ditemukan di kantor ini", "{nik}: not found at this office")
MARKED = Text(
    "{n} tanda kehadiran ditulis ({same} sudah sama).",
    "{n} attendance marks written ({same} already so).",
)
STARTED = Text("Angkatan mulai berjalan.", "The cohort is now running.")
LOCKED = Text("Hari {day} disetujui dan dikunci.", "Day {day} approved and locked.")
RESULT_SAVED = Text("Hasil dicatat.", "Result recorded.")
STATUS_NOW = Text("Angkatan {code}: {status}.", "Cohort {code}: {status}.")
PROMOTED = Text("Naik dari daftar tunggu: {names}.", "Moved up from the waiting list: {names}.")
NEED_MARK = Text(
    "Sebutkan --all-present, atau --nik dengan --mark.",
    "Give --all-present, or --nik with --mark.",
)
REQUIRED_DATE = Text("Tanggal wajib diisi.", "The date is required.")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    group = sub.add_parser("cohorts", help="training cohorts (angkatan)")
    csub = group.add_subparsers(dest="cohorts_command", metavar="ACTION", required=True)

    create = csub.add_parser(
        "create",
        parents=[common],
        help="create a cohort",
        description="Refused while the provider may not train the module on the start date "
        "(its assessment decision, licence, offered modules).",
    )
    create.add_argument("--provider", required=True, metavar="NAME_OR_ID")
    create.add_argument("--module", required=True, metavar="CODE")
    create.add_argument("--start", required=True, metavar="YYYY-MM-DD")
    create.add_argument("--end", required=True, metavar="YYYY-MM-DD")
    create.add_argument("--days", default="mon,tue,wed,thu,fri", help="weekdays of training")
    create.add_argument("--capacity", type=int, default=25)
    create.add_argument("--transport", type=int, default=0, metavar="RP", help="per day attended")
    create.add_argument("--pocket", type=int, default=0, metavar="RP", help="pocket money")
    create.add_argument("--pocket-mode", choices=("per_day", "lump_sum"), default="per_day")
    create.add_argument(
        "--stipend-period",
        choices=("week", "cohort"),
        default="week",
        help="stipends paid per training week (default) or once for the whole cohort",
    )
    create.add_argument("--min-rate", type=int, default=80, metavar="PERCENT")
    create.add_argument("--excused-counts", action="store_true", help="I and S count as present")
    create.add_argument("--pass-score", type=int, default=70, help="-1: no assessment score")
    create.add_argument("--location", help="training location")
    create.add_argument("--code", help="own code instead of ANG/<OFFICE>-<DEVICE>/<YEAR>/<SEQ>")
    create.set_defaults(handler=cmd_create)

    enrol = csub.add_parser(
        "enrol",
        parents=[common],
        help="enrol participants by NIK",
        description="One line per NIK: enrolled, on the waiting list, or refused with the "
        "reason. Someone whose eligibility is unknown is enrolled with a warning. Exit 1 if "
        "any NIK was refused.",
    )
    enrol.add_argument("cohort", metavar="CODE")
    enrol.add_argument("niks", nargs="+", metavar="NIK")
    enrol.set_defaults(handler=cmd_enrol)

    withdraw = csub.add_parser("withdraw", parents=[common], help="withdraw a participant")
    withdraw.add_argument("cohort", metavar="CODE")
    withdraw.add_argument("--nik", required=True)
    withdraw.add_argument("--reason", required=True)
    withdraw.set_defaults(handler=cmd_withdraw)

    result = csub.add_parser(
        "result",
        parents=[common],
        help="record a score and result",
        description="A result that contradicts the cohort's completion rule is refused with "
        "the reason, unless --reason says why.",
    )
    result.add_argument("cohort", metavar="CODE")
    result.add_argument("--nik", required=True)
    result.add_argument("--score", type=int)
    result.add_argument("--result", required=True, choices=(rules.PASSED, rules.FAILED))
    result.add_argument("--reason", default="")
    result.set_defaults(handler=cmd_result)

    finish = csub.add_parser(
        "finish", parents=[common], help="finish a cohort (refused while a result is missing)"
    )
    finish.add_argument("cohort", metavar="CODE")
    finish.set_defaults(handler=cmd_finish)

    cancel = csub.add_parser("cancel", parents=[common], help="cancel a cohort")
    cancel.add_argument("cohort", metavar="CODE")
    cancel.add_argument("--reason", required=True)
    cancel.set_defaults(handler=cmd_cancel)

    clist = csub.add_parser("list", parents=[common], help="list cohorts")
    clist.add_argument("--status", choices=[s.value for s in rules.Status])
    clist.add_argument("--search", default="", help="part of the code, provider or module")
    clist.set_defaults(handler=cmd_list)

    show = csub.add_parser("show", parents=[common], help="a cohort with days and people")
    show.add_argument("cohort", metavar="CODE")
    show.set_defaults(handler=cmd_show)

    att = sub.add_parser("attendance", help="attendance of a cohort's training days")
    asub = att.add_subparsers(dest="attendance_command", metavar="ACTION", required=True)
    mark = asub.add_parser(
        "mark",
        parents=[common],
        help="mark a day",
        description="--all-present marks H for everyone without a mark that day. A day a "
        "supervisor approved needs --supervisor USER --password-stdin.",
    )
    mark.add_argument("cohort", metavar="CODE")
    mark.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    mark.add_argument("--all-present", action="store_true")
    mark.add_argument("--nik")
    mark.add_argument("--mark", choices=[m.value for m in rules.Mark])
    mark.add_argument("--supervisor", help="supervisor username (approved day)")
    mark.add_argument("--password-stdin", action="store_true")
    mark.set_defaults(handler=cmd_mark)

    lock = asub.add_parser("lock", parents=[common], help="approve and lock a day (supervisor)")
    lock.add_argument("cohort", metavar="CODE")
    lock.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    lock.add_argument("--supervisor", required=True, help="supervisor username")
    lock.add_argument("--password-stdin", action="store_true")
    lock.set_defaults(handler=cmd_lock)


def _day(raw: str, field: str) -> date:
    found = _date(raw, field)
    if found is None:
        raise ValidationError(REQUIRED_DATE, field=field)
    return found


def _person(db: Any, nik: str) -> str:
    from app.errors import NotFound
    from app.services.enrolment import NO_PERSON, participant_ids_by_nik

    pid = participant_ids_by_nik(db, [nik])[nik.strip()]
    if pid is None:
        raise NotFound(NO_PERSON, nik=nik)
    return pid


def cmd_create(args: argparse.Namespace) -> Report:
    from app.services.cohorts import CohortPlan, create_cohort, plan_days

    plan = CohortPlan(
        provider=args.provider,
        module_code=args.module,
        start_date=_day(args.start, "start"),
        end_date=_day(args.end, "end"),
        pattern=tuple(d.strip() for d in args.days.split(",") if d.strip()),
        capacity=args.capacity,
        transport_rate=args.transport,
        pocket_rate=args.pocket,
        pocket_mode=args.pocket_mode,
        stipend_period=args.stipend_period,
        min_rate_percent=args.min_rate,
        excused_counts=args.excused_counts,
        pass_score=None if args.pass_score == -1 else args.pass_score,
        location=args.location,
        code=args.code,
    )
    db, actor = open_office()
    try:
        row = create_cohort(db, actor, plan)
    finally:
        db.dispose()
    days = len(plan_days(plan))
    line = CREATED.render(
        code=row.code,
        days=days,
        start=formats.date_text(row.start_date),
        end=formats.date_text(row.end_date),
    )
    return Report(data={"code": row.code, "id": row.id, "days": days}, lines=[line])


def cmd_enrol(args: argparse.Namespace) -> Report:
    from app.services.cohort_lists import find_cohort_id
    from app.services.enrolment import enrol, participant_ids_by_nik

    db, actor = open_office()
    try:
        cohort_id = find_cohort_id(db, args.cohort)
        ids = participant_ids_by_nik(db, args.niks)
        known = [pid for pid in ids.values() if pid is not None]
        outcomes = enrol(db, actor, cohort_id, known, confirm_unknown=True) if known else []
    finally:
        db.dispose()
    by_id = {o.participant_id: o for o in outcomes}
    items: list[dict[str, Any]] = []
    lines: list[str] = []
    for nik, pid in ids.items():
        o = by_id.get(pid) if pid is not None else None
        if o is None:
            items.append({"nik": nik, "status": "refused", "reasons": [UNKNOWN_NIK.render(nik="")]})
            lines.append(UNKNOWN_NIK.render(nik=nik))
            continue
        status = o.status or "refused"
        items.append(
            {"nik": nik, "name": o.name, "participant_id": pid, "status": status,
             "reasons": list(o.reasons)}
        )  # fmt: skip
        if o.status is None:
            lines.append(REFUSED_LINE.render(nik=nik, name=o.name, why=" ".join(o.reasons)))
        else:
            shown = rules.ENROLMENT_LABELS[o.status].render()
            lines.append(
                ENROLLED_LINE.render(nik=nik, name=o.name, status=shown)
                + "".join(f" — {r}" for r in o.reasons)
            )
    ok = all(i["status"] != "refused" for i in items)
    return Report(data={"enrolments": items}, lines=lines, ok=ok)


def cmd_withdraw(args: argparse.Namespace) -> Report:
    from app.services.cohort_lists import find_cohort_id
    from app.services.enrolment import withdraw

    db, actor = open_office()
    try:
        cohort_id = find_cohort_id(db, args.cohort)
        moved = withdraw(db, actor, cohort_id, _person(db, args.nik), args.reason)
    finally:
        db.dispose()
    lines = [
        STATUS_NOW.render(code=args.cohort, status=rules.ENROLMENT_LABELS["withdrawn"].render())
    ]
    if moved:
        lines.append(PROMOTED.render(names=moved))
    return Report(data={"promoted": moved}, lines=lines)


def cmd_result(args: argparse.Namespace) -> Report:
    from app.services.cohort_lists import find_cohort_id
    from app.services.cohort_results import record_result

    db, actor = open_office()
    try:
        cohort_id = find_cohort_id(db, args.cohort)
        said = record_result(
            db, actor, cohort_id, _person(db, args.nik), args.score, args.result, args.reason
        )
    finally:
        db.dispose()
    lines = [RESULT_SAVED.render()] + ([said] if said else [])
    return Report(data={"contradiction": said}, lines=lines)


def _status(args: argparse.Namespace, to: str, reason: str = "") -> Report:
    from app.services.cohort_lists import find_cohort_id
    from app.services.cohorts import set_status

    db, actor = open_office()
    try:
        row = set_status(db, actor, find_cohort_id(db, args.cohort), to, reason)
    finally:
        db.dispose()
    shown = rules.STATUS_LABELS[rules.Status(row.status)].render()
    return Report(
        data={"code": row.code, "status": row.status},
        lines=[STATUS_NOW.render(code=row.code, status=shown)],
    )


def cmd_finish(args: argparse.Namespace) -> Report:
    return _status(args, rules.Status.FINISHED.value)


def cmd_cancel(args: argparse.Namespace) -> Report:
    return _status(args, rules.Status.CANCELLED.value, args.reason)


def cmd_list(args: argparse.Namespace) -> Report:
    from app.services.cohort_lists import list_cohorts

    db, _actor = open_office()
    try:
        rows = list_cohorts(db, status=args.status, text=args.search)
    finally:
        db.dispose()
    data = [
        {
            "id": r.id,
            "code": r.code,
            "status": r.status,
            "provider": r.provider,
            "module": r.module_code,
            "module_name": r.module,
            "office": r.office_code,
            "start": r.start_date,
            "end": r.end_date,
            "capacity": r.capacity,
            "enrolled": r.enrolled,
            "waiting": r.waiting,
            "recorded_after": r.recorded_after,
        }
        for r in rows
    ]
    lines = [
        f"{r.code:<24} {rules.STATUS_LABELS[rules.Status(r.status)].render():<13} "
        f"{r.module_code:<10} {formats.date_text(r.start_date)}–{formats.date_text(r.end_date)} "
        f"{r.enrolled}/{r.capacity}  {r.provider}"
        for r in rows
    ] or [NO_COHORTS.render()]
    return Report(data={"cohorts": data}, lines=lines)


def _rate(value: Any) -> float | None:
    return None if value is None else round(float(value), 4)


def cmd_show(args: argparse.Namespace) -> Report:
    from app.services.cohort_lists import cohort_detail, find_cohort_id

    db, _actor = open_office()
    try:
        d = cohort_detail(db, find_cohort_id(db, args.cohort))
    finally:
        db.dispose()
    r = d.row
    data = {
        "code": r.code,
        "status": r.status,
        "provider": r.provider,
        "module": r.module_code,
        "office": r.office_code,
        "start": r.start_date,
        "end": r.end_date,
        "capacity": r.capacity,
        "recorded_after": r.recorded_after,
        "stipends": {
            "transport_rate": d.transport_rate,
            "pocket_rate": d.pocket_rate,
            "pocket_mode": d.pocket_mode,
            "period": d.stipend_period,
        },
        "rule": {
            "min_rate_percent": d.min_rate_percent,
            "excused_counts": d.excused_counts,
            "pass_score": d.pass_score,
        },
        "sessions": [{"date": s.day, "locked": s.locked, "makeup": s.makeup} for s in d.sessions],
        "enrollments": [
            {
                "participant_id": e.participant_id,
                "nik": e.nik,
                "name": e.name,
                "status": e.status,
                "attendance": e.counts,
                "attendance_rate": _rate(e.rate),
                "score": e.score,
                "result": e.result,
                "meets_rule": e.verdict_passes,
            }
            for e in d.enrolments
        ],
    }
    status = rules.STATUS_LABELS[rules.Status(r.status)].render()
    lines = [
        f"{r.code} — {status} — {r.module} ({r.module_code}) — {r.provider}",
        f"{formats.date_text(r.start_date)}–{formats.date_text(r.end_date)}, "
        f"{len(d.sessions)} hari, {r.enrolled}/{r.capacity} + {r.waiting}",
    ]
    for e in d.enrolments:
        rate = "-" if e.rate is None else rules.percent(e.rate)
        lines.append(
            f"  {e.nik_masked} {e.name:<30} {rules.ENROLMENT_LABELS[e.status].render():<18} "
            f"H{e.counts['H']} I{e.counts['I']} S{e.counts['S']} A{e.counts['A']} {rate:>5} "
            f"{e.result or ''}"
        )
    return Report(data=data, lines=lines)


def cmd_mark(args: argparse.Namespace) -> Report:
    from app.services.attendance import all_present, mark
    from app.services.auth import login
    from app.services.cohort_lists import find_cohort_id

    if not args.all_present and not (args.nik and args.mark):
        raise ValidationError(NEED_MARK, field="mark")
    db, actor = open_office()
    try:
        approver = (
            login(db, args.supervisor, read_password(args.password_stdin)).actor
            if args.supervisor
            else None
        )
        cohort_id = find_cohort_id(db, args.cohort)
        day = _day(args.date, "date")
        if args.all_present:
            out = all_present(db, actor, cohort_id, day, approver=approver)
        else:
            out = mark(
                db, actor, cohort_id, day, {_person(db, args.nik): args.mark}, approver=approver
            )
    finally:
        db.dispose()
    lines = [MARKED.render(n=out.marked, same=out.unchanged)] + (
        [STARTED.render()] if out.started else []
    )
    return Report(
        data={"marked": out.marked, "unchanged": out.unchanged, "started": out.started},
        lines=lines,
    )


def cmd_lock(args: argparse.Namespace) -> Report:
    from app.services.attendance import lock_day
    from app.services.auth import login
    from app.services.cohort_lists import find_cohort_id

    db, _actor = open_office()
    try:
        supervisor = login(db, args.supervisor, read_password(args.password_stdin)).actor
        day = _day(args.date, "date")
        lock_day(db, supervisor, find_cohort_id(db, args.cohort), day)
    finally:
        db.dispose()
    return Report(
        data={"date": day, "locked": True}, lines=[LOCKED.render(day=formats.date_text(day))]
    )
