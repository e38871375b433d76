"""The monthly programme report (Laporan, issue #14): one office's month, or every office's.

`monthly_report(db, first_day, office)` counts, from the database it is given, what HQ asks
each month: registrations and eligibility, cohorts started and their places, attendance,
completions, certificates, stipends paid by kind and method, follow-up outcomes by module
and provider, and each provider's scorecard. The office PC runs it over its own database;
the server runs the very same function over its records copied into a database of the
same shape (app.cli.server_report), so the two reports cannot drift apart.

Why it counts the way it does:

- **The dashboard's and the lists' definitions** (app.services.report_sql says each): for
  the running month the report is "up to today", and its payments, registrations, results,
  attendance and outcomes then equal the Beranda's figures and the lists behind them
  (tests/unit/test_monthly_report.py checks all three against counts of its own).
- **The office's local day.** A registration belongs to the month of the office's own
  calendar (WIB or WITA: app.domain.offices), whoever runs the report and wherever: the
  server in another zone gives the same answer. Every other figure is already a local day
  (the counter's payment day, a training day, a cohort's last day).
- **Statuses are today's.** A person's eligibility is shown as it stands when the report
  is made (the record keeps no history of it); the report says so under the table.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.domain import followups as followup_rules
from app.domain import stipends as stipend_rules
from app.domain.eligibility import Status as Eligibility
from app.domain.offices import OFFICES_BY_CODE
from app.domain.roles import Permission
from app.errors import ValidationError
from app.models import TrainingModule, TrainingProvider
from app.services import report_sql as sql
from app.services.access import require
from app.services.actor import Actor
from app.services.dashboard import month_of, office_name
from app.services.report_views import (
    AttendanceRow,
    CertificateRow,
    CompletionRow,
    EnrolmentRow,
    MonthlyReport,
    OutcomeRow,
    RegistrationRow,
    Scorecard,
    StipendRow,
)
from app.texts import Text

# The record types the report counts, parents before children: what the page watches for
# changes and what the server copies for its report (app.cli.server_report).
COUNTED = (
    "training_module",
    "training_provider",
    "participant",
    "cohort",
    "cohort_session",
    "enrollment",
    "attendance",
    "entitlement",
    "payment",
    "payment_reversal",
    "certificate",
    "certificate_revocation",
    "follow_up",
)
ALL_OFFICES = Text("Semua kantor", "All offices")
BAD_MONTH = Text(
    "Bulan '{value}' tidak dikenal. Tulis tahun dan bulan seperti 2026-11.",
    "Month '{value}' not recognised. Write the year and month like 2026-11.",
)
FUTURE_MONTH = Text(
    "Bulan {value} belum dimulai: laporan hanya untuk bulan yang sudah berjalan.",
    "Month {value} has not begun: a report is only for a month that has started.",
)
UNKNOWN_OFFICE = Text("Kantor '{value}' tidak dikenal.", "Office '{value}' is not known.")
ONLY_THIS_OFFICE = Text(
    "Komputer ini hanya memegang data kantor {own}; laporan kantor lain dan semua kantor "
    "dibuat di server (loket server report monthly).",
    "This computer holds the data of office {own} only; the report of another office or of "
    "every office is made on the server (loket server report monthly).",
)


def parse_month(value: str, today: date) -> date:
    """The first day of a month written YYYY-MM (the CLI's --month), not after `today`'s."""
    text = value.strip()
    try:
        year, month = text.split("-")
        if len(year) != 4 or len(month) != 2:
            raise ValueError(text)
        first = date(int(year), int(month), 1)
    except ValueError:
        raise ValidationError(BAD_MONTH, field="month", value=value) from None
    if first > today:
        raise ValidationError(FUTURE_MONTH, field="month", value=text)
    return first


def office_label(code: str | None, lang: str | None = None) -> str:
    return ALL_OFFICES.render(lang) if code is None else office_name(code)


def check_office(code: str | None) -> str | None:
    """An office code as given on the command line, upper-cased; refused when unknown."""
    if code is None:
        return None
    found = code.strip().upper()
    if found not in OFFICES_BY_CODE:
        raise ValidationError(UNKNOWN_OFFICE, field="office", value=code)
    return found


def report_for(
    db: Database,
    actor: Actor,
    first_day: date,
    office: str | None,
    today: date | None = None,
    lang: str | None = None,
) -> MonthlyReport:
    """`monthly_report` for someone signed in: a supervisor's or an admin's, of their own
    office (`only_own_office`)."""
    require(db, actor, Permission.REPORT_VIEW)
    only_own_office(actor, office)
    return monthly_report(db, first_day, office, today=today, lang=lang)


def only_own_office(actor: Actor, office: str | None) -> None:
    """An office PC holds its own office's people, enrolments and payments, and of the
    others only what every office shares (their cohorts, providers, vacancies): a report of
    another office, or of all, would count their cohorts without their people. Those are
    the server's report, over every office's records."""
    if office != actor.office_code:
        raise ValidationError(ONLY_THIS_OFFICE, field="office", own=actor.office_code)


def monthly_report(
    db: Database,
    first_day: date,
    office: str | None,
    today: date | None = None,
    lang: str | None = None,
) -> MonthlyReport:
    """The report of `first_day`'s month for `office` (None: every office this database
    holds), as of the month's last day or `today` (default: this computer's date) while
    the month runs. Reads only."""
    first, last = month_of(first_day)
    day = today or db.clock().astimezone().date()
    as_of = min(last, day)
    # While the month runs, its figures are those up to today: a cohort planned to start
    # next week has not started.
    month = {"office": office, "first": first.isoformat(), "last": as_of.isoformat()}
    with db.read() as session:
        modules = dict(session.execute(select(TrainingModule.code, TrainingModule.name)).all())
        providers = dict(session.execute(select(TrainingProvider.id, TrainingProvider.name)).all())
        reversed_count, reversed_amount = session.execute(sql.REVERSED, month).one()
        by_module, by_provider, placed = _outcomes(session, office, as_of, modules, providers)
        return MonthlyReport(
            first_day=first,
            last_day=last,
            as_of=as_of,
            office_code=office,
            office_label=office_label(office, lang),
            made_at=db.clock().astimezone(UTC),
            registrations=_registrations(session, office, first, as_of),
            enrolments=_enrolments(session, month, modules),
            attendance=_attendance(session, month, modules),
            completions=_completions(session, month, modules, providers),
            certificates=_certificates(session, month, modules),
            stipends=_stipends(session, month, lang),
            reversed_count=int(reversed_count),
            reversed_amount=int(reversed_amount),
            outcomes_by_module=by_module,
            outcomes_by_provider=by_provider,
            scorecards=_scorecards(session, office, as_of, providers, placed),
        )


# --- registrations ------------------------------------------------------------------------


def _registrations(
    session: Session, office: str | None, first: date, last: date
) -> tuple[RegistrationRow, ...]:
    """Read around the month in UTC (a day wider each side), then each person's local day
    at their office decides."""
    lo = datetime.combine(first - timedelta(days=1), datetime.min.time())
    hi = datetime.combine(last + timedelta(days=2), datetime.min.time())
    params = {"office": office, "lo": _stored(lo), "hi": _stored(hi)}
    to_date: Counter[str] = Counter(dict(session.execute(sql.REGISTERED_BEFORE, params).all()))
    month: dict[str, Counter[str]] = defaultdict(Counter)
    for code, at, eligibility in session.execute(sql.REGISTERED_NEAR, params):
        local = _local_day(code, at)
        if local > last:
            continue
        to_date[code] += 1
        if local >= first:
            month[code][_eligibility(eligibility)] += 1
    rows = [
        RegistrationRow(
            code,
            office_label(code),
            sum(month[code].values()),
            month[code][Eligibility.MET.value],
            month[code][Eligibility.NOT_MET.value],
            month[code][Eligibility.UNKNOWN.value],
            n,
        )
        for code, n in to_date.items()
        if n
    ]
    return tuple(sorted(rows, key=lambda r: r.office_code))


def _stored(moment: datetime) -> str:
    """A naive UTC time as SQLite holds a UtcDateTime column (SQLAlchemy's DateTime)."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def _local_day(office: str, at: Any) -> date:
    moment = at if isinstance(at, datetime) else datetime.fromisoformat(str(at))
    info = OFFICES_BY_CODE.get(office)
    return (moment + timedelta(hours=info.utc_offset if info else 7)).date()


def _eligibility(value: str | None) -> str:
    if value in (Eligibility.MET.value, Eligibility.NOT_MET.value):
        return value
    return Eligibility.UNKNOWN.value


# --- training -----------------------------------------------------------------------------


def _enrolments(
    session: Session, month: dict[str, Any], modules: dict[str, str]
) -> tuple[EnrolmentRow, ...]:
    rows = [
        EnrolmentRow(code, modules.get(code, code), int(c), int(n), int(w), int(q))
        for code, c, n, w, q in session.execute(sql.STARTED, month)
    ]
    return tuple(sorted(rows, key=lambda r: (-r.enrolled, r.label.casefold())))


def _attendance(
    session: Session, month: dict[str, Any], modules: dict[str, str]
) -> tuple[AttendanceRow, ...]:
    marks: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for code, module, mark, n in session.execute(sql.MARKS, month):
        marks[(code, module)][mark] += int(n)
    rows = [
        AttendanceRow(code, modules.get(module, module), m["H"], m["I"], m["S"], m["A"])
        for (code, module), m in marks.items()
    ]
    return tuple(sorted(rows, key=lambda r: r.cohort_code))


def _completions(
    session: Session,
    month: dict[str, Any],
    modules: dict[str, str],
    providers: dict[str, str],
) -> tuple[CompletionRow, ...]:
    rows = [
        CompletionRow(
            code,
            modules.get(module, module),
            providers.get(provider, provider),
            _as_date(end),
            int(enrolled),
            int(passed),
            int(failed),
            int(withdrawn),
        )
        for code, module, provider, end, enrolled, passed, failed, withdrawn in session.execute(
            sql.FINISHED, month
        )
    ]
    return tuple(sorted(rows, key=lambda r: (r.end_date, r.cohort_code)))


def _certificates(
    session: Session, month: dict[str, Any], modules: dict[str, str]
) -> tuple[CertificateRow, ...]:
    issued: Counter[str] = Counter(dict(session.execute(sql.ISSUED, month).all()))
    revoked: Counter[str] = Counter(dict(session.execute(sql.REVOKED, month).all()))
    rows = [
        CertificateRow(code, modules.get(code, code), int(issued[code]), int(revoked[code]))
        for code in {*issued, *revoked}
    ]
    return tuple(sorted(rows, key=lambda r: r.label.casefold()))


def _stipends(session: Session, month: dict[str, Any], lang: str | None) -> tuple[StipendRow, ...]:
    """Every kind and method, in their order, zero where nothing was paid (the table has
    the same lines every month)."""
    paid = {(k, m): (int(n), int(a)) for k, m, n, a in session.execute(sql.PAID, month)}
    return tuple(
        StipendRow(
            kind.value,
            kl.render(lang),
            method.value,
            ml.render(lang),
            *paid.get((kind.value, method.value), (0, 0)),
        )
        for kind, kl in stipend_rules.KIND_LABELS.items()
        for method, ml in stipend_rules.METHOD_LABELS.items()
    )


def _as_date(raw: Any) -> date:
    return raw if isinstance(raw, date) else date.fromisoformat(str(raw))


# --- follow-up and providers ----------------------------------------------------------------

_Key = tuple[str, str]  # module code, provider id


def _outcomes(
    session: Session,
    office: str | None,
    as_of: date,
    modules: dict[str, str],
    providers: dict[str, str],
) -> tuple[tuple[OutcomeRow, ...], tuple[OutcomeRow, ...], dict[str, tuple[int, int]]]:
    """Outcomes by module and by provider per milestone, and per provider (reached,
    placed): each follow-up due by `as_of` or already recorded, as the rates list counts."""
    params = {"office": office}
    followed: dict[tuple[Any, str, str], int] = {
        (end, module, provider): int(n)
        for end, module, provider, n in session.execute(sql.FOLLOWED, params)
    }
    recorded: dict[tuple[Any, str, str, int], Counter[str]] = defaultdict(Counter)
    for end, module, provider, milestone, outcome, n in session.execute(sql.CALLS, params):
        recorded[(end, module, provider, int(milestone))][outcome] += int(n)
    # (group key, milestone) -> reached, unreachable, open, working, self-employed
    by_module: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0] * 5)
    by_provider: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0] * 5)
    for (end, module, provider), people in followed.items():
        for due in followup_rules.schedule(_as_date(end)):
            calls = recorded.get((end, module, provider, due.milestone), Counter())
            done = sum(calls.values())
            if due.due_on > as_of and not done:
                continue
            counts = [0, 0, people - done if due.due_on <= as_of else 0, 0, 0]
            for outcome, n in calls.items():
                if outcome == followup_rules.Outcome.UNREACHABLE.value:
                    counts[1] += n
                else:
                    counts[0] += n
                    counts[3] += n if outcome == followup_rules.Outcome.WORKING.value else 0
                    counts[4] += n if outcome == followup_rules.Outcome.SELF_EMPLOYED.value else 0
            for target, key in ((by_module, module), (by_provider, provider)):
                row = target[(key, due.milestone)]
                for i, n in enumerate(counts):
                    row[i] += n
    placed: dict[str, tuple[int, int]] = {}
    for (provider, _m), c in by_provider.items():
        reached, got = placed.get(provider, (0, 0))
        placed[provider] = (reached + c[0], got + c[3] + c[4])
    return (
        _outcome_rows("module", by_module, modules),
        _outcome_rows("provider", by_provider, providers),
        placed,
    )


def _outcome_rows(
    group: str, counts: dict[tuple[str, int], list[int]], names: dict[str, str]
) -> tuple[OutcomeRow, ...]:
    rows = [
        OutcomeRow(group, key, names.get(key, key), milestone, followup_rules.Rate(*c))
        for (key, milestone), c in counts.items()
    ]
    return tuple(sorted(rows, key=lambda r: (r.label.casefold(), r.key, r.milestone)))


def _scorecards(
    session: Session,
    office: str | None,
    as_of: date,
    providers: dict[str, str],
    placed: dict[str, tuple[int, int]],
) -> tuple[Scorecard, ...]:
    params = {"office": office, "as_of": as_of.isoformat()}
    results = {
        pid: (int(c), int(e), int(p), int(w))
        for pid, c, e, p, w in session.execute(sql.PROVIDER_RESULTS, params)
    }
    marks = {pid: (int(h), int(n)) for pid, h, n in session.execute(sql.PROVIDER_MARKS, params)}
    rows = []
    for pid in {*results, *marks, *placed}:
        cohorts, enrolled, passed, withdrawn = results.get(pid, (0, 0, 0, 0))
        present, marked = marks.get(pid, (0, 0))
        reached, got = placed.get(pid, (0, 0))
        rows.append(
            Scorecard(
                pid,
                providers.get(pid, pid),
                cohorts,
                enrolled,
                passed,
                withdrawn,
                present,
                marked,
                reached,
                got,
            )
        )
    return tuple(sorted(rows, key=lambda r: r.name.casefold()))
