"""The programme's dashboard (Beranda, issue #14): where the programme stands, in one call.

`dashboard(db, today)` returns every figure the branch head's page shows as plain data
(app.services.dashboard_views): progress toward the national target, participants by
status, office and module, attendance and completion, stipends paid this month by kind,
re-employment and self-employment, follow-ups due, licences expiring, what waits for a
supervisor, and the sync state.

Why it is written this way:

- **Counted by SQLite, never loaded.** At a million participants, loading rows to count
  them in Python takes seconds, and even SQLite walking a million index entries takes a
  fifth of a second or more; every figure here is a COUNT/SUM whose answer is a few dozen
  rows, the two over the largest tables read from tallies that triggers keep (migration
  0015), the others from indexes that hold what they need (app.services.dashboard_sql
  holds the statements and why each is shaped as it is). bench/dashboard.py measures the
  whole call at 1,000,000 participants against a bare COUNT(*) of the same tables.
- **The same definitions as the lists behind the tiles.** Follow-ups due and the rates
  count exactly what app.services.followups.due and app.services.followup_rates list (the
  same people, the same schedule: app.domain.followups), the double payments and
  overpayments what app.services.payments.recoveries lists, the entitlements to approve
  what app.services.entitlements would sign. Those services read rows to build their
  lists; this one counts the same rows in SQL, then applies the same domain rules to the
  few grouped rows (a follow-up's due date is a month count SQLite's date() gets wrong at
  month ends, so the schedule is computed per distinct end date in Python).
- **Offline.** Sync conflicts and duplicate NIKs are kept on the server; asking it could
  take seconds or fail, so `dashboard` leaves them unknown (None) and `review_counts` asks
  the server apart, for the page to run in the background and add with `with_review`.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.domain import followups as followup_rules
from app.domain import stipends as stipend_rules
from app.domain.cohorts import GONE_STATUSES
from app.domain.modules import find_module
from app.domain.offices import OFFICES_BY_CODE
from app.domain.participant_fields import STATUS_LABELS
from app.domain.provider_checks import EXPIRY_WARNING_DAYS
from app.models import Device, TrainingModule
from app.services import dashboard_sql as sql
from app.services.dashboard_views import (
    CohortCount,
    Count,
    Dashboard,
    Expiring,
    FollowupsDue,
    KindTotal,
    Licences,
    Link,
    MilestoneRate,
    ModuleCount,
    Outcomes,
    Participants,
    Progress,
    ReviewCounts,
    Stipends,
    SyncState,
    Task,
    Training,
    Waiting,
)
from app.services.settings import read_all
from app.texts import Text

NO_MODULE = Text("Belum memilih / di luar katalog", "No choice / not in the catalogue")
# Record types (and local names) whose change moves a figure here: the page refreshes when
# a committed change announces one of them (app.changes).
WATCHED = frozenset(
    {
        "participant",
        "cohort",
        "cohort_session",
        "enrollment",
        "attendance",
        "entitlement",
        "payment",
        "payment_reversal",
        "recovery_settlement",
        "follow_up",
        "training_provider",
        "training_module",
        "settings",
        "sync",
    }
)


def dashboard(db: Database, today: date | None = None, lang: str | None = None) -> Dashboard:
    """Every figure of the dashboard as of `today` (default: this PC's local date), labels
    in `lang` (default: the chosen language). Reads only: one read session for the
    figures, and the sync state as the sync page reads it (app.sync.client.status)."""
    day = today or db.clock().astimezone().date()
    with db.read() as session:
        office = session.scalar(select(Device.office_code)) or ""
        target = int(read_all(session)["programme_target"])
        progress, participants = _people(session, office, target, lang)
        training = _training(session, office)
        stipends = _stipends(session, office, day, lang)
        outcomes, due = _followups(session, office, day)
        licences = _licences(session, day)
        waiting = _waiting(session, office, day)
    return Dashboard(
        today=day,
        office_code=office,
        progress=progress,
        participants=participants,
        training=training,
        stipends=stipends,
        outcomes=outcomes,
        followups=due,
        licences=licences,
        waiting=waiting,
        sync=_sync(db),
    )


# --- participants -------------------------------------------------------------------------


def _people(
    session: Session, office: str, target: int, lang: str | None
) -> tuple[Progress, Participants]:
    """Everyone live and not erased or merged (a merged record is the same person as the
    one it was merged into): the target's progress, by status, office and module."""
    by_status: Counter[str] = Counter()
    by_office: Counter[str] = Counter()
    by_choice: Counter[str | None] = Counter()
    for office_code, status, choice, n in session.execute(sql.PEOPLE):
        if status in GONE_STATUSES or not n:
            continue
        by_status[status] += n
        by_office[office_code] += n
        by_choice[choice or None] += n
    registered = sum(by_status.values())
    progress = Progress(
        target=target,
        registered=registered,
        office_code=office,
        office=by_office.get(office, 0),
        link=Link("participants"),
    )
    statuses = tuple(
        Count(code, label.render(lang), by_status.get(code, 0), _people_link("status", code))
        for code, label in STATUS_LABELS.items()
        if code not in GONE_STATUSES
    )
    offices = tuple(
        Count(code, office_name(code), n, _people_link("office_code", code))
        for code, n in sorted(by_office.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    modules = _modules(session, by_choice, lang)
    return progress, Participants(statuses, offices, modules)


def _people_link(key: str, value: str | None) -> Link:
    return Link("participants", ((key, value),) if value else ())


def office_name(code: str) -> str:
    """`DKI Jakarta (JKT)`; an unknown code as it is."""
    info = OFFICES_BY_CODE.get(code)
    return f"{info.name} ({code})" if info else code


def _modules(
    session: Session, by_choice: Counter[str | None], lang: str | None
) -> tuple[ModuleCount, ...]:
    """Each module with the registered people whose first choice it is (read as a module
    of the catalogue by code or name, as intake reads it; anything else is "no module")
    and the places held in its cohorts."""
    names = dict(session.execute(select(TrainingModule.code, TrainingModule.name)).all())
    pairs = list(names.items())
    chosen: Counter[str | None] = Counter()
    for choice, n in by_choice.items():
        chosen[find_module(choice, pairs) if choice else None] += n
    places: Counter[str | None] = Counter(dict(session.execute(sql.PLACES).all()))
    codes = {c for c in (*chosen, *places) if c is not None and (chosen[c] or places[c])}
    rows = [
        ModuleCount(
            code,
            names.get(code, code),
            chosen[code],
            places[code],
            Link("participants", (("training_choice", code), ("first_choice", "1"))),
        )
        for code in codes
    ]
    rows.sort(key=lambda r: (-r.chosen, -r.places, r.label.casefold()))
    if chosen[None]:
        rows.append(
            ModuleCount(None, NO_MODULE.render(lang), chosen[None], 0, Link("participants"))
        )
    return tuple(rows)


# --- cohorts ------------------------------------------------------------------------------


def _training(session: Session, office: str) -> Training:
    """This office's cohorts only: the others' are here read-only, their people are
    counted at their own office."""
    params = {"office": office}
    cohorts: dict[str, int] = {s: int(n) for s, n in session.execute(sql.COHORTS, params)}
    marks = {mark: int(n) for mark, n in session.execute(sql.MARKS, params)}
    enrolled, passed, failed, withdrawn = session.execute(sql.RESULTS, params).one()
    return Training(
        running=cohorts.get("berjalan", 0),
        finished=cohorts.get("selesai", 0),
        present=marks.get("H", 0),
        excused=marks.get("I", 0),
        sick=marks.get("S", 0),
        absent=marks.get("A", 0),
        enrolled=enrolled,
        passed=passed,
        failed=failed,
        withdrawn=withdrawn,
        link=Link("cohorts", (("status", "selesai"),)),
    )


# --- stipends -----------------------------------------------------------------------------


def month_of(day: date) -> tuple[date, date]:
    """The first and last day of `day`'s month."""
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def _stipends(session: Session, office: str, day: date, lang: str | None) -> Stipends:
    """By the counter's day of each payment (`paid_on`, the cash close's day), so a
    payment counts in the month its receipt and its cash close say."""
    first, last = month_of(day)
    paid = {
        kind: (int(n), int(amount))
        for kind, n, amount in session.execute(
            sql.PAID, {"office": office, "first": first.isoformat(), "last": last.isoformat()}
        )
    }
    kinds = tuple(
        KindTotal(kind.value, label.render(lang), *paid.get(kind.value, (0, 0)))
        for kind, label in stipend_rules.KIND_LABELS.items()
    )
    return Stipends(first, last, kinds, Link("payments"))


# --- follow-up ----------------------------------------------------------------------------


def _followups(session: Session, office: str, today: date) -> tuple[Outcomes, FollowupsDue]:
    """Each (end date, milestone) of the followed people once: how many are followed, and
    the outcomes recorded. A follow-up is due `add_months(end, milestone)` later; it is
    open until an outcome is recorded."""
    params = {"office": office}
    followed = {end: int(n) for end, n in session.execute(sql.FOLLOWED, params)}
    recorded: dict[tuple[Any, int], Counter[str]] = {}
    for end, milestone, outcome, n in session.execute(sql.CALLS, params):
        recorded.setdefault((end, int(milestone)), Counter())[outcome] += n
    monday, sunday = followup_rules.week_of(today)
    overdue = this_week = 0
    per_milestone: dict[int, list[int]] = {m: [0, 0, 0, 0, 0] for m in followup_rules.MILESTONES}
    for end, people in followed.items():
        last_day = end if isinstance(end, date) else date.fromisoformat(str(end))
        for d in followup_rules.schedule(last_day):
            calls = recorded.get((end, d.milestone), Counter())
            done = sum(n for outcome, n in calls.items() if outcome is not None)
            open_ = people - done
            if d.due_on <= sunday:
                if d.due_on < monday:
                    overdue += open_
                else:
                    this_week += open_
            counts = per_milestone[d.milestone]  # reached, unreachable, open, working, self
            if d.due_on <= today:
                counts[2] += open_
            for outcome, n in calls.items():
                if outcome is None:
                    continue
                if outcome == followup_rules.Outcome.UNREACHABLE.value:
                    counts[1] += n
                else:
                    counts[0] += n
                    counts[3] += n if outcome == followup_rules.Outcome.WORKING.value else 0
                    counts[4] += n if outcome == followup_rules.Outcome.SELF_EMPLOYED.value else 0
    rates = tuple(
        MilestoneRate(m, followup_rules.Rate(*counts)) for m, counts in per_milestone.items()
    )
    overall = followup_rules.Rate(*(sum(getattr(r.rate, f) for r in rates) for f in _RATE_FIELDS))
    link = Link("followups")
    return (
        Outcomes(rates, overall, Link("followups", (("view", "rates"),))),
        FollowupsDue(monday, sunday, overdue, this_week, link),
    )


_RATE_FIELDS = ("reached", "unreachable", "open", "working", "self_employed")


# --- providers ----------------------------------------------------------------------------


def _licences(session: Session, today: date) -> Licences:
    """The provider list's "expiring" (app.domain.provider_checks.expiring_soon): from
    today to 60 days ahead, both included; one already ended is not expiring, it fails the
    provider's check instead."""
    until = today + timedelta(days=EXPIRY_WARNING_DAYS)
    items: list[Expiring] = []
    params = {"today": today.isoformat(), "until": until.isoformat()}
    for pid, name, licence, accreditation in session.execute(sql.EXPIRING, params):
        for what, raw in (("licence", licence), ("accreditation", accreditation)):
            ends = _as_date(raw)
            if ends is not None and today <= ends <= until:
                items.append(Expiring(pid, name, what, ends, (ends - today).days))
    items.sort(key=lambda i: (i.expires_on, i.name.casefold(), i.what))
    return Licences(EXPIRY_WARNING_DAYS, tuple(items), Link("providers", (("expiring_only", "1"),)))


def _as_date(raw: Any) -> date | None:
    if raw is None or isinstance(raw, date):
        return raw
    return date.fromisoformat(str(raw))


# --- waiting for a supervisor ---------------------------------------------------------------


def _waiting(session: Session, office: str, today: date) -> Waiting:
    """What a supervisor of this office has to do: the same entitlements an approval would
    sign, the training days their lock waits for, and the entitlements the recoveries
    list shows (app.domain.stipends.Balance says which is a double payment and which an
    overpayment still to recover). Conflicts and duplicates are the server's: None here."""
    params = {"office": office}
    approve = [
        (cid, code, int(n), int(amount))
        for cid, code, n, amount in session.execute(sql.TO_APPROVE, params)
    ]
    days = [
        (cid, code, int(n))
        for cid, code, n in session.execute(sql.TO_LOCK, params | {"today": today.isoformat()})
    ]
    doubles = overpaid = overpaid_amount = 0
    for amount, approved, paid, n, settled in session.execute(sql.PAID_TOO_MUCH, params):
        b = stipend_rules.Balance(amount, approved, int(paid), int(n), int(settled))
        doubles += b.double
        if b.overpaid > 0:
            overpaid += 1
            overpaid_amount += b.overpaid
    recoveries = Link("payments", (("view", "recoveries"),))
    return Waiting(
        entitlements=Task(
            sum(n for _c, _k, n, _a in approve),
            Link("payments", (("view", "approve"),)),
            amount=sum(a for _c, _k, _n, a in approve),
            cohorts=_by_cohort((cid, code, n) for cid, code, n, _a in approve),
        ),
        days_to_lock=Task(sum(n for _c, _k, n in days), Link("cohorts"), cohorts=_by_cohort(days)),
        conflicts=Task(None, Link("sync", (("tab", "conflicts"),))),
        duplicates=Task(None, Link("sync", (("tab", "duplicates"),))),
        double_payments=Task(doubles, recoveries),
        overpayments=Task(overpaid, recoveries, amount=overpaid_amount),
    )


def _by_cohort(rows: Any) -> tuple[CohortCount, ...]:
    found = [
        CohortCount(cid, code, n, Link("cohorts", (("cohort", code),))) for cid, code, n in rows
    ]
    return tuple(sorted(found, key=lambda c: (-c.count, c.code)))


# --- sync ---------------------------------------------------------------------------------


def _sync(db: Database) -> SyncState:
    from app.sync.client import status
    from app.sync.outbox_view import plain_error

    s = status(db)
    return SyncState(
        enrolled=s.enrolled,
        server_url=s.server_url,
        last_success=s.last_success,
        pending=s.pending,
        failed=s.failed,
        last_error=plain_error(s.last_error),
        revoked=s.revoked,
        link=Link("sync"),
    )


def review_counts(db: Database) -> ReviewCounts:
    """Open conflicts and duplicate NIKs, asked of the server (app.services.sync_review):
    raises StateError when this PC is not linked or the server cannot be reached. Run it in
    the background; never inside `dashboard`."""
    from app.services import sync_review

    return ReviewCounts(len(sync_review.conflicts(db)), len(sync_review.duplicates(db)))


def with_review(board: Dashboard, review: ReviewCounts) -> Dashboard:
    """The dashboard with the server's counts of conflicts and duplicates filled in."""
    waiting = dataclasses.replace(
        board.waiting,
        conflicts=dataclasses.replace(board.waiting.conflicts, count=review.conflicts),
        duplicates=dataclasses.replace(board.waiting.duplicates, count=review.duplicates),
    )
    return dataclasses.replace(board, waiting=waiting)
