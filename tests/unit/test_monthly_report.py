"""The monthly report's figures (app.services.monthly_report, issue #14 item 2) against
counts made here from the raw rows in Python, as an auditor with the database would; against
the dashboard of the same day; and against the lists (the rates page). Then each edge: the
office's local midnight (WIB and WITA), a month's first and last day, a reversal, a cohort
ending on the last day, the running month read "up to today".

The offices are those of tests/unit/test_dashboard.py (the demo office on Monday 2
November 2026 with five offices' people, an erased, a merged and a tombstoned person; the
office of the boundaries read on 31 December 2026).
"""

# ruff: noqa: F811 - the fixtures imported from another test module are used by name

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from app.domain.followups import add_months
from app.errors import PermissionDenied, ValidationError
from app.services.dashboard import dashboard
from app.services.monthly_report import check_office, monthly_report, parse_month, report_for
from app.services.report_views import MonthlyReport
from tests.unit.cohort_support import at
from tests.unit.helpers import execute, rows
from tests.unit.test_dashboard import (  # noqa: F401 - fixtures
    DEMO_DAY,
    NEW_YEARS_EVE,
    _demo,
    _edges,
    demo,
    edges,
)

ZONES = {"LOM": "Asia/Makassar", "BPN": "Asia/Makassar"}  # WITA; the others WIB
NOVEMBER, DECEMBER, OCTOBER = date(2026, 11, 1), date(2026, 12, 1), date(2026, 10, 1)


def _local_day(office: str, stored: str) -> date:
    moment = datetime.fromisoformat(stored).replace(tzinfo=UTC)
    return moment.astimezone(ZoneInfo(ZONES.get(office, "Asia/Jakarta"))).date()


def _d(value: object) -> date:
    return date.fromisoformat(str(value))


def _in(value: object, first: date, last: date) -> bool:
    return first <= _d(value) <= last


def counted(path: Path, office: str | None, first: date, last: date) -> dict[str, Any]:
    """Every month figure of the report, from the rows, in Python."""
    mine = (lambda code: True) if office is None else (lambda code: code == office)
    people = rows(path, "SELECT office_code, registered_at, status, deleted_at, "
                  "eligibility_status FROM participant")  # fmt: skip
    registered: Counter[tuple[str, str]] = Counter()
    to_date: Counter[str] = Counter()
    for code, at_, status, deleted, eligibility in people:
        if deleted is not None or status in ("erased", "merged") or not mine(code):
            continue
        day = _local_day(str(code), str(at_))
        if day <= last:
            to_date[str(code)] += 1
        if first <= day <= last:
            kind = eligibility if eligibility in ("met", "not_met") else "unknown"
            registered[(str(code), str(kind))] += 1
    cohorts = {
        r[0]: r
        for r in rows(
            path,
            "SELECT id, office_code, status, start_date, end_date, module_code, "
            "provider_id, deleted_at, code FROM cohort",
        )
    }
    live = {cid: c for cid, c in cohorts.items() if mine(c[1]) and c[7] is None}
    enrolments = rows(path, "SELECT cohort_id, status, result FROM enrollment "
                      "WHERE deleted_at IS NULL")  # fmt: skip
    started: Counter[str] = Counter()
    finished: Counter[str] = Counter()
    for cid, status, result in enrolments:
        c = live.get(cid)
        if c is None:
            continue
        if c[2] != "dibatalkan" and _in(c[3], first, last):
            started[status] += 1
        if c[2] == "selesai" and _in(c[4], first, last):
            finished[status if status != "enrolled" else f"enrolled:{result}"] += 1
    days = {
        r[0]: (r[1], r[2])
        for r in rows(
            path, "SELECT id, cohort_id, day FROM cohort_session WHERE deleted_at IS NULL"
        )
    }
    marks: Counter[str] = Counter()
    for session_id, mark in rows(path, "SELECT session_id, mark FROM attendance "
                                 "WHERE deleted_at IS NULL AND mark IS NOT NULL"):  # fmt: skip
        found = days.get(session_id)
        if found is None or found[0] not in live:
            continue
        if live[found[0]][2] in ("berjalan", "selesai") and _in(found[1], first, last):
            marks[str(mark)] += 1
    reversed_ = {r[0]: r[1] for r in rows(path, "SELECT payment_id, min(reversed_on) FROM "
                                          "payment_reversal GROUP BY payment_id")}  # fmt: skip
    kinds = dict(rows(path, "SELECT id, kind FROM entitlement"))
    paid: Counter[tuple[str, str]] = Counter()
    amount: Counter[tuple[str, str]] = Counter()
    undone = [0, 0]
    for pid, eid, code, method, amount_, day in rows(
        path, "SELECT id, entitlement_id, office_code, method, amount, paid_on FROM payment"
    ):
        if not mine(code):
            continue
        if pid in reversed_:
            if _in(reversed_[pid], first, last):
                undone[0] += 1
                undone[1] += int(str(amount_))
            continue
        if _in(day, first, last):
            paid[(str(kinds[eid]), str(method))] += 1
            amount[(str(kinds[eid]), str(method))] += int(str(amount_))
    issued = sum(
        1
        for cid, day in rows(
            path, "SELECT cohort_id, issued_on FROM certificate WHERE deleted_at IS NULL"
        )
        if cid in cohorts and mine(cohorts[cid][1]) and _in(day, first, last)
    )
    return {
        "registered": dict(registered),
        "to_date": dict(to_date),
        "started": dict(started),
        "cohorts_started": sum(
            1 for c in live.values() if c[2] != "dibatalkan" and _in(c[3], first, last)
        ),
        "finished": dict(finished),
        "cohorts_finished": sum(
            1 for c in live.values() if c[2] == "selesai" and _in(c[4], first, last)
        ),
        "marks": dict(marks),
        "paid": {k: (paid[k], amount[k]) for k in paid},
        "reversed": tuple(undone),
        "issued": issued,
    }


def shown(report: MonthlyReport) -> dict[str, Any]:
    """The same figures as the report holds them."""
    registered: dict[tuple[str, str], int] = {}
    for r in report.registrations:
        for kind, n in (("met", r.met), ("not_met", r.not_met), ("unknown", r.unknown)):
            if n:
                registered[(r.office_code, kind)] = n
        assert r.registered == r.met + r.not_met + r.unknown
    started = Counter[str]()
    for e in report.enrolments:
        started.update({"enrolled": e.enrolled, "withdrawn": e.withdrawn, "waiting": e.waiting})
    finished = Counter[str]()
    for c in report.completions:
        finished.update(
            {
                "enrolled:lulus": c.passed,
                "enrolled:tidak_lulus": c.failed,
                "enrolled:None": c.enrolled - c.passed - c.failed,
                "withdrawn": c.withdrawn,
            }
        )
    m = report.marks
    return {
        "registered": registered,
        "to_date": {r.office_code: r.to_date for r in report.registrations},
        "started": {k: v for k, v in started.items() if v},
        "cohorts_started": sum(e.cohorts for e in report.enrolments),
        "finished": {k: v for k, v in finished.items() if v},
        "cohorts_finished": len(report.completions),
        "marks": {
            k: v for k, v in zip("HISA", (m.present, m.excused, m.sick, m.absent), strict=True) if v
        },
        "paid": {(s.kind, s.method): (s.count, s.amount) for s in report.stipends if s.count},
        "reversed": (report.reversed_count, report.reversed_amount),
        "issued": sum(c.issued for c in report.certificates),
    }


# --- every figure against the rows ------------------------------------------------------------


@pytest.mark.parametrize("office", ["JKT", None, "BTN"])
@pytest.mark.parametrize("month", [OCTOBER, NOVEMBER])
def test_every_figure_of_the_demo_office_equals_its_count_from_the_rows(demo, office, month):
    report = monthly_report(demo.db, month, office, today=DEMO_DAY)
    last = min(DEMO_DAY, (month + timedelta(days=32)).replace(day=1) - timedelta(days=1))
    assert shown(report) == counted(demo.path, office, month, last)


@pytest.mark.parametrize("month", [NOVEMBER, DECEMBER])
def test_every_figure_of_the_edges_office_equals_its_count_from_the_rows(edges, month):
    report = monthly_report(edges.db, month, None, today=NEW_YEARS_EVE)
    last = (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    assert shown(report) == counted(edges.path, None, month, last)


def test_the_demo_office_is_rich_enough_for_the_comparison_to_mean_something(demo):
    october = monthly_report(demo.db, OCTOBER, "JKT", today=DEMO_DAY)
    everyone = monthly_report(demo.db, NOVEMBER, None, today=DEMO_DAY)
    assert everyone.registered > 100 and len(everyone.registrations) == 5
    assert october.paid_count > 0 and october.marks.marked > 100
    assert october.completions and october.scorecards and october.outcomes_by_module


# --- the same figures as the dashboard and the lists ----------------------------------------


def test_the_running_month_equals_the_dashboard_of_the_same_day(demo):
    board = dashboard(demo.db, DEMO_DAY)
    report = monthly_report(demo.db, NOVEMBER, "JKT", today=DEMO_DAY)
    assert report.as_of == DEMO_DAY
    by_kind = Counter[str]()
    amounts = Counter[str]()
    for s in report.stipends:
        by_kind[s.kind] += s.count
        amounts[s.kind] += s.amount
    assert {k.kind: (k.count, k.amount) for k in board.stipends.by_kind} == {
        k: (by_kind[k], amounts[k]) for k in ("transport", "pocket")
    }
    assert report.registered_to_date == board.progress.office
    cards = report.scorecards
    t = board.training
    assert sum(c.cohorts for c in cards) == t.finished
    assert sum(c.enrolled for c in cards) == t.enrolled
    assert sum(c.passed for c in cards) == t.passed
    assert sum(c.withdrawn for c in cards) == t.withdrawn
    assert sum(c.present for c in cards) == t.present
    assert sum(c.marked for c in cards) == t.marked
    assert report.outcomes == board.outcomes.overall
    everyone = monthly_report(demo.db, NOVEMBER, None, today=DEMO_DAY)
    assert everyone.registered_to_date == board.progress.registered


@pytest.mark.parametrize("group", ["module", "provider"])
def test_outcomes_equal_the_rates_page_on_the_reports_day(demo, group):
    from app.services.followup_rates import followup_rates

    for month, day in ((OCTOBER, date(2026, 10, 31)), (NOVEMBER, DEMO_DAY)):
        report = monthly_report(demo.db, month, "JKT", today=DEMO_DAY)
        mine = report.outcomes_by_module if group == "module" else report.outcomes_by_provider
        listed = followup_rates(demo.db, group, today=day)
        assert [
            (r.key, r.milestone, r.rate.reached, r.rate.unreachable, r.rate.open, r.rate.working,
             r.rate.self_employed)
            for r in mine
        ] == [
            (r.key, r.milestone, r.reached, r.unreachable, r.open, r.working, r.self_employed)
            for r in listed
        ]  # fmt: skip
        assert mine, month


def test_a_scorecards_placement_is_its_providers_outcomes_together(demo):
    report = monthly_report(demo.db, NOVEMBER, "JKT", today=DEMO_DAY)
    for card in report.scorecards:
        rows_ = [r for r in report.outcomes_by_provider if r.key == card.provider_id]
        assert card.reached == sum(r.rate.reached for r in rows_)
        assert card.placed == sum(r.rate.working + r.rate.self_employed for r in rows_)
        assert card.placement == (Fraction(card.placed, card.reached) if card.reached else None)


# --- the edges --------------------------------------------------------------------------------


def test_a_payment_counts_in_the_month_of_its_counter_day_and_a_reversal_never(edges):
    """30/11 (Budi transport 250,000) is November's; 1/12 and 31/12 are December's; the
    15/12 payment reversed on the 16th is in neither month's payments, and December says
    one reversal."""
    nov = monthly_report(edges.db, NOVEMBER, None, today=NEW_YEARS_EVE)
    dec = monthly_report(edges.db, DECEMBER, None, today=NEW_YEARS_EVE)
    assert nov.paid_count == 1 and nov.reversed_count == 0
    assert dec.paid_count == 2 and dec.reversed_count == 1
    paid_rows = rows(edges.path, "SELECT paid_on, amount FROM payment ORDER BY paid_on")
    by_day = {str(d): int(str(a)) for d, a in paid_rows}
    assert nov.paid_amount == by_day["2026-11-30"]
    assert dec.paid_amount == by_day["2026-12-01"] + by_day["2026-12-31"]
    assert dec.reversed_amount == by_day["2026-12-15"]


@pytest.mark.parametrize(
    ("office", "utc", "month"),
    [
        ("JKT", "2026-11-30 16:59:59.999999", NOVEMBER),  # 23:59:59 WIB
        ("JKT", "2026-11-30 17:00:00.000000", DECEMBER),  # 00:00 WIB, 1 December
        ("LOM", "2026-11-30 15:59:59.999999", NOVEMBER),  # 23:59:59 WITA
        ("LOM", "2026-11-30 16:00:00.000000", DECEMBER),  # 00:00 WITA
        ("BPN", "2026-10-31 16:00:00.000000", NOVEMBER),
        ("JKT", "2026-10-31 16:30:00.000000", OCTOBER),  # 23:30 WIB on the 31st
    ],
)
def test_a_registration_belongs_to_the_month_of_its_offices_local_day(edges, office, utc, month):
    pid = rows(edges.path, "SELECT id FROM participant ORDER BY id LIMIT 1")[0][0]
    execute(edges.path, "UPDATE participant SET office_code = 'TNG'")  # the others away
    execute(
        edges.path,
        "UPDATE participant SET office_code = ?, registered_at = ? WHERE id = ?",
        office,
        utc,
        pid,
    )
    for first in (OCTOBER, NOVEMBER, DECEMBER):
        report = monthly_report(edges.db, first, office, today=NEW_YEARS_EVE)
        assert report.registered == (1 if first == month else 0), first
        # and "registered to the month's end" includes it from its month on
        assert report.registered_to_date == (1 if first >= month else 0), first


def test_a_cohort_ending_on_the_months_last_day_is_that_months_the_next_day_is_not(edges):
    short = edges.ids["short"]
    for end, month in (("2026-11-30", NOVEMBER), ("2026-12-01", DECEMBER)):
        execute(edges.path, "UPDATE cohort SET end_date = ? WHERE id = ?", end, short)
        nov = monthly_report(edges.db, NOVEMBER, None, today=NEW_YEARS_EVE)
        dec = monthly_report(edges.db, DECEMBER, None, today=NEW_YEARS_EVE)
        code = rows(edges.path, "SELECT code FROM cohort WHERE id = ?", short)[0][0]
        assert (code in {c.cohort_code for c in nov.completions}) is (month == NOVEMBER)
        assert (code in {c.cohort_code for c in dec.completions}) is (month == DECEMBER)


def test_the_running_month_is_read_up_to_today_and_a_past_month_to_its_end(edges):
    """The first follow-up of the cohort finished on 7/12 (last day 4/12) is due 4/1/2027:
    not in December's report; the first cohort's (last day 20/11) due 20/12 is."""
    at(edges, NEW_YEARS_EVE)
    dec = monthly_report(edges.db, DECEMBER, None, today=date(2026, 12, 19))
    assert dec.as_of == date(2026, 12, 19)
    assert dec.outcomes.open == 0
    later = monthly_report(edges.db, DECEMBER, None, today=date(2027, 1, 5))
    assert later.as_of == NEW_YEARS_EVE
    assert later.outcomes.open == 2  # Budi and Siti at 1 month, due 20/12
    assert add_months(date(2026, 12, 4), 1) > NEW_YEARS_EVE
    nov = monthly_report(edges.db, NOVEMBER, None, today=NEW_YEARS_EVE)
    assert nov.as_of == date(2026, 11, 30)


def test_an_empty_month_has_empty_tables_and_no_rates(edges):
    report = monthly_report(edges.db, date(2025, 1, 1), None, today=NEW_YEARS_EVE)
    assert (report.registered, report.paid_count, report.reversed_count) == (0, 0, 0)
    assert not (report.enrolments or report.attendance or report.completions)
    assert not report.certificates and not report.outcomes_by_module
    assert report.marks.rate is None and report.completed.rate is None
    assert len(report.stipends) == 4  # every kind and method, at zero
    assert all(s.count == 0 and s.amount == 0 for s in report.stipends)


def test_the_gone_and_the_tombstoned_are_not_counted(demo):
    everyone = monthly_report(demo.db, NOVEMBER, None, today=DEMO_DAY)
    total = rows(demo.path, "SELECT count(*) FROM participant")[0][0]
    assert everyone.registered_to_date == int(str(total)) - 3  # erased, merged, tombstoned


# --- the month, the office, who may ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first"),
    [("2026-12", DECEMBER), (" 2026-11 ", NOVEMBER), ("2025-01", date(2025, 1, 1))],
)
def test_a_month_is_read_up_to_the_running_one(text, first):
    assert parse_month(text, NEW_YEARS_EVE) == first


@pytest.mark.parametrize("text", ["2027-01", "2026-13", "2026-1", "26-11", "2026/11", "", "nov"])
def test_a_month_not_begun_or_not_a_month_is_refused_in_indonesian(text):
    with pytest.raises(ValidationError) as refused:
        parse_month(text, NEW_YEARS_EVE)
    assert "Bulan" in str(refused.value.message())


def test_the_first_of_the_month_is_its_own_month():
    assert parse_month("2027-01", date(2027, 1, 1)) == date(2027, 1, 1)


def test_an_office_code_is_checked():
    assert check_office(" lom ") == "LOM"
    assert check_office(None) is None
    with pytest.raises(ValidationError):
        check_office("XYZ")


@pytest.mark.parametrize("role", ["counter", "supervisor", "admin"])
def test_only_a_supervisor_or_an_admin_makes_the_report(demo, role):
    if role == "counter":
        with pytest.raises(PermissionDenied):
            report_for(demo.db, demo.actors[role], NOVEMBER, "JKT", today=DEMO_DAY)
        refused = rows(demo.path, "SELECT count(*) FROM audit_event WHERE action = "
                       "'auth.permission_denied'")  # fmt: skip
        assert refused[0][0] == 1
    else:
        report = report_for(demo.db, demo.actors[role], NOVEMBER, "JKT", today=DEMO_DAY)
        assert report.office_label == "DKI Jakarta (JKT)"


@pytest.mark.parametrize("office", ["BTN", None])
def test_a_signed_in_report_is_of_the_persons_own_office(demo, office):
    with pytest.raises(ValidationError) as refused:
        report_for(demo.db, demo.actors["supervisor"], NOVEMBER, office, today=DEMO_DAY)
    assert "hanya memegang data kantor JKT" in str(refused.value.message())
