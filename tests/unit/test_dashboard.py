"""The dashboard's figures (app.services.dashboard, issue #14 item 1) against counts computed
independently here by plain SQL over the tables, as an auditor would, and against the
lists behind the tiles (the call list, the rates, the recoveries, the provider list).

Two offices, each built once per module through the real services:

- the demo office (`create_demo_office`, on the test clock's Monday 2 November 2026): five
  offices' people, cohorts in every state, marks, stipends with an overpayment, follow-ups
  at 1, 3 and 6 months, providers with a licence ending soon; plus a participant erased, one
  merged and one tombstoned (as a pull from the server writes them: those two happen only
  on the server), a free-text and an empty training choice, and licences ending in exactly
  60 and 61 days;
- a small office for the boundaries: payments on 30 November, 1, 15 (reversed on the 16th)
  and 31 December 2026 read on the 31st; training days yesterday and today not approved;
  licences and accreditations ending on the edges of the 60 days.

Every figure of each office is compared with the SQL below (`counted`); the boundary tests
then say what each edge must give.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from app.domain.roles import Role
from app.services.actor import Actor
from app.services.dashboard import dashboard, month_of, review_counts, with_review
from app.services.dashboard_views import Dashboard, Link, ReviewCounts
from tests.conftest import FakeClock
from tests.unit.cohort_support import PROVIDER, at, cohort, fit_provider, person
from tests.unit.helpers import execute, rows

DEMO_DAY = date(2026, 11, 2)
NEW_YEARS_EVE = date(2026, 12, 31)
MILESTONES = (1, 3, 6)


@dataclass
class Office:
    db: Any
    clock: FakeClock
    actors: dict[str, Any]
    ids: dict[str, str]

    @property
    def path(self) -> Path:
        return Path(self.db.path)


def _copy(built: tuple[Path, Office], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Office:
    from app.db import Database

    path, made = built
    home = tmp_path / "loket-home"
    home.mkdir()
    monkeypatch.setenv("LOKET_HOME", str(home))
    shutil.copyfile(path, home / "loket.db")
    clock = FakeClock(made.clock.now)
    return Office(Database(home / "loket.db", clock=clock), clock, made.actors, made.ids)


# --- the demo office ------------------------------------------------------------------------


def _provider(office: Any, name: str, **dates: str) -> str:
    from app.services.providers import register_provider

    values = dict(PROVIDER, name=name, **dates)
    return register_provider(office.db, office.actors["counter"], values).id


def _build_demo(home: Path) -> Office:
    from app.db import Database, upgrade
    from app.services.demo import create_demo_office
    from app.services.personal_data import erase_person

    upgrade(home / "loket.db", home / "backups")
    clock = FakeClock(datetime(2026, 11, 2, 2, 0, tzinfo=UTC))
    db = Database(home / "loket.db", clock=clock)
    create_demo_office(db)
    actors = {
        "admin": Actor("admin", Role.ADMIN, "JKT"),
        "supervisor": Actor("spv.demo", Role.SUPERVISOR, "JKT"),
        "counter": Actor("loket.demo", Role.COUNTER, "JKT"),
    }
    office = Office(db, clock, actors, {})
    jkt = [str(r[0]) for r in rows(office.path, "SELECT id FROM participant WHERE office_code = "
                                   "'JKT' AND status = 'registered' ORDER BY id")]  # fmt: skip
    erase_person(db, actors["supervisor"], jkt[0], "permintaan peserta")
    # Merged and tombstoned records arrive from the server (a merge of duplicates, a
    # deletion there); written here as a pull writes them.
    execute(office.path, "UPDATE participant SET status = 'merged' WHERE id = ?", jkt[1])
    graduate = rows(
        office.path,
        "SELECT e.participant_id FROM enrollment e JOIN cohort c ON c.id = e.cohort_id "
        "WHERE c.office_code = 'JKT' AND c.status = 'selesai' AND e.result = 'lulus' "
        "ORDER BY e.id LIMIT 1",
    )[0][0]
    execute(
        office.path,
        "UPDATE participant SET deleted_at = '2026-11-01 03:00:00.000000' WHERE id = ?",
        graduate,
    )
    # Intake takes catalogue modules only since issue #9; older registrations and imports
    # hold free text, written here as they stand in such a file.
    # The same entitlement paid at counter 2 while offline, as its payment arrives by sync.
    columns = ("entitlement_id, cohort_id, round, amount, deduction, method, reference, "
               "paid_by, paid_by_name, paid_at, paid_on, office_code, created_at, updated_at, "
               "version, hlc")  # fmt: skip
    execute(
        office.path,
        f"INSERT INTO payment ({columns}, receipt_number, device_id, id) "
        f"SELECT {columns}, 'KW/JKT-2/2026/0001', 'counter-2', 'paid-twice' FROM payment "
        "WHERE id NOT IN (SELECT payment_id FROM payment_reversal) AND amount > 0 "
        "ORDER BY receipt_number LIMIT 1",
    )
    office.ids["free_text"] = person(office, 9001, "Ani Barista")
    execute(office.path, "UPDATE participant SET training_choice_1 = 'Barista' WHERE id = ?",
            office.ids["free_text"])  # fmt: skip
    office.ids["lower_case"] = person(office, 9004, "Rudi Kecil")
    execute(office.path, "UPDATE participant SET training_choice_1 = ' las ' WHERE id = ?",
            office.ids["lower_case"])  # fmt: skip
    office.ids["no_choice"] = person(office, 9002, "Tono Tanpa", pilihan_pelatihan_1="")
    office.ids["by_name"] = person(
        office, 9003, "Lia Nama", pilihan_pelatihan_1="operator forklift"
    )
    for days in (60, 61):
        ends = (DEMO_DAY + timedelta(days=days)).isoformat()
        office.ids[f"licence_{days}"] = _provider(office, f"LPK Batas {days}",
                                                  licence_expires_on=ends)  # fmt: skip
    at(office, DEMO_DAY, hour=2)
    return office


@pytest.fixture(scope="module")
def _demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Office]]:
    home = tmp_path_factory.mktemp("dashboard-demo")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LOKET_HOME", str(home))
        office = _build_demo(home)
        office.db.dispose()
    yield home / "loket.db", office


@pytest.fixture
def demo(_demo, tmp_path, monkeypatch) -> Iterator[Office]:
    office = _copy(_demo, tmp_path, monkeypatch)
    yield office
    office.db.dispose()


# --- the office of the boundaries -----------------------------------------------------------


def _pay_on(office: Office, day: date, entitlement_id: str) -> str:
    from app.services.payments import pay

    at(office, day)
    return pay(office.db, office.actors["counter"], entitlement_id, "cash").receipt_number


def _finish(office: Office, cohort_id: str, passed: list[str], day: date) -> None:
    from app.services.cohort_results import finish_cohort, record_result

    at(office, day)
    for pid in passed:
        record_result(office.db, office.actors["admin"], cohort_id, pid, 80, "lulus", reason="uji")
    finish_cohort(office.db, office.actors["admin"], cohort_id)


def _build_edges(office: Office) -> None:
    """A cohort of 16-20/11/2026 (Budi, Siti) with its week approved; payments on 30/11
    (Budi transport), 1/12 (Budi pocket), 15/12 (Siti transport, reversed on the 16th) and
    31/12 (Siti pocket); finished on the 31st, both passed: their first follow-up is due on
    Sunday 20/12. A cohort of 30/11-4/12 (Rina, Joko), finished on the 7th: due on Monday
    4/1/2027. A cohort from Wednesday 30/12 (Agus, Dewi): the 30th and the 31st marked,
    neither approved. Providers whose licence or accreditation ends on the edges."""
    from app.services import entitlements
    from app.services.attendance import all_present, lock_day
    from app.services.enrolment import enrol
    from app.services.payments import reverse

    counter, spv = office.actors["counter"], office.actors["supervisor"]
    provider = fit_provider(office)
    at(office, date(2026, 11, 9))
    first = cohort(office, provider, start=date(2026, 11, 16), end=date(2026, 11, 20),
                   transport_rate=50_000, pocket_rate=100_000)  # fmt: skip
    budi, siti = person(office, 1, "Budi Santoso"), person(office, 2, "Siti Aminah")
    enrol(office.db, counter, first, [budi, siti])
    for n in range(16, 21):
        at(office, date(2026, 11, n))
        all_present(office.db, counter, first, date(2026, 11, n))
        lock_day(office.db, spv, first, date(2026, 11, n))
    at(office, date(2026, 11, 23))
    entitlements.compute(office.db, counter, first)
    entitlements.approve(office.db, spv, first, "W1")
    by = {
        (r.participant_id, r.kind): r.id for r in entitlements.list_entitlements(office.db, first)
    }
    short = cohort(office, provider, start=date(2026, 11, 30), end=date(2026, 12, 4))
    rina, joko = person(office, 5, "Rina Wati"), person(office, 6, "Joko Susilo")
    enrol(office.db, counter, short, [rina, joko])
    _pay_on(office, date(2026, 11, 30), by[(budi, "transport")])
    _pay_on(office, date(2026, 12, 1), by[(budi, "pocket")])
    undone = _pay_on(office, date(2026, 12, 15), by[(siti, "transport")])
    at(office, date(2026, 12, 16))
    reverse(office.db, counter, spv, undone, "uang kembali ke kas")
    _pay_on(office, NEW_YEARS_EVE, by[(siti, "pocket")])
    for n in range(30, 35):
        day = date(2026, 11, 30) + timedelta(days=n - 30)
        at(office, day)
        all_present(office.db, counter, short, day)
        lock_day(office.db, spv, short, day)
    _finish(office, short, [rina, joko], date(2026, 12, 7))

    at(office, date(2026, 12, 21))
    second = cohort(office, provider, start=date(2026, 12, 30), end=date(2027, 1, 8),
                    transport_rate=50_000, pocket_rate=100_000)  # fmt: skip
    agus, dewi = person(office, 3, "Agus Salim"), person(office, 4, "Dewi Sartika")
    enrol(office.db, counter, second, [agus, dewi])
    for day in (date(2026, 12, 30), NEW_YEARS_EVE):
        at(office, day)
        all_present(office.db, counter, second, day)
    entitlements.compute(office.db, counter, second)
    _finish(office, first, [budi, siti], NEW_YEARS_EVE)
    office.ids.update(first=first, second=second, short=short)

    today = NEW_YEARS_EVE
    for name, field, days in (
        ("LPK Enam Puluh", "licence_expires_on", 60),
        ("LPK Enam Puluh Satu", "licence_expires_on", 61),
        ("LPK Hari Ini", "accreditation_expires_on", 0),
        ("LPK Kemarin", "accreditation_expires_on", -1),
    ):
        extra = {"accreditation_status": "terakreditasi"} if field.startswith("accr") else {}
        office.ids[name] = _provider(
            office, name, **{field: (today + timedelta(days=days)).isoformat()}, **extra
        )


@pytest.fixture(scope="module")
def _edges(_staffed_template, tmp_path_factory) -> Iterator[tuple[Path, Office]]:
    from app.db import Database

    template, actors = _staffed_template
    home = tmp_path_factory.mktemp("dashboard-edges")
    shutil.copyfile(template, home / "loket.db")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LOKET_HOME", str(home))
        clock = FakeClock()
        office = Office(Database(home / "loket.db", clock=clock), clock, actors, {})
        try:
            _build_edges(office)
            at(office, NEW_YEARS_EVE)
        finally:
            office.db.dispose()
    yield home / "loket.db", office


@pytest.fixture
def edges(_edges, tmp_path, monkeypatch) -> Iterator[Office]:
    office = _copy(_edges, tmp_path, monkeypatch)
    yield office
    office.db.dispose()


# --- the independent count ------------------------------------------------------------------


def _one(path: Path, sql: str, *params: object) -> Any:
    return rows(path, sql, *params)[0][0]


def counted(path: Path, today: date) -> dict[str, Any]:
    """Every figure of the dashboard by plain SQL (sqlite3) over the tables themselves,
    written apart from the service (which reads tallies and other shapes of query): NOT
    EXISTS for reversals, SQLite's own month arithmetic (clamped to the month's end) for the
    follow-up due dates, the catalogue matched by code or name in SQL."""
    office = _one(path, "SELECT office_code FROM device")
    day = today.isoformat()
    out: dict[str, Any] = {}
    live = "deleted_at IS NULL AND status NOT IN ('erased', 'merged')"
    out["registered"] = _one(path, f"SELECT count(*) FROM participant WHERE {live}")
    out["office"] = _one(path, f"SELECT count(*) FROM participant WHERE {live} AND office_code=?",
                         office)  # fmt: skip
    out["target"] = 20_000
    for status, n in rows(path, f"SELECT status, count(*) FROM participant WHERE {live} "
                          "GROUP BY status"):  # fmt: skip
        out[f"status:{status}"] = n
    for code, n in rows(path, f"SELECT office_code, count(*) FROM participant WHERE {live} "
                        "GROUP BY office_code"):  # fmt: skip
        out[f"office:{code}"] = n
    first_choice = """
        SELECT (SELECT m.code FROM training_module m
                WHERE upper(m.code) = upper(trim(p.training_choice_1))
                   OR lower(m.name) = lower(trim(p.training_choice_1))), count(*)
        FROM participant p WHERE p.deleted_at IS NULL AND p.status NOT IN ('erased', 'merged')
        GROUP BY 1
    """
    for code, n in rows(path, first_choice):
        out[f"module:{code}:chosen"] = n
    for code, n in rows(
        path,
        "SELECT c.module_code, count(*) FROM enrollment e JOIN cohort c ON c.id = e.cohort_id "
        "WHERE e.status = 'enrolled' AND e.deleted_at IS NULL AND c.deleted_at IS NULL "
        "AND c.status <> 'dibatalkan' GROUP BY c.module_code",
    ):
        out[f"module:{code}:places"] = n
    mine = ("SELECT id FROM cohort WHERE office_code = ? AND deleted_at IS NULL "
            "AND status IN ('berjalan', 'selesai')")  # fmt: skip
    marks = (f"SELECT mark, count(*) FROM attendance WHERE deleted_at IS NULL "
             f"AND mark IS NOT NULL AND cohort_id IN ({mine}) GROUP BY mark")  # fmt: skip
    for mark, n in rows(path, marks, office):
        out[f"mark:{mark}"] = n
    for status, n in rows(path, "SELECT status, count(*) FROM cohort WHERE office_code = ? AND "
                          "deleted_at IS NULL GROUP BY status", office):  # fmt: skip
        out[f"cohorts:{status}"] = n
    finished = (
        "SELECT id FROM cohort WHERE office_code = ? AND status = 'selesai' AND deleted_at IS NULL"
    )
    for status, result, n in rows(path, f"SELECT status, result, count(*) FROM enrollment WHERE "
                                  f"deleted_at IS NULL AND cohort_id IN ({finished}) "
                                  "GROUP BY status, result", office):  # fmt: skip
        out[f"places:{status}:{result if status == 'enrolled' else None}"] = (
            out.get(f"places:{status}:{result if status == 'enrolled' else None}", 0) + n
        )
    for kind, n, amount in rows(
        path,
        "SELECT e.kind, count(*), sum(p.amount) FROM payment p JOIN entitlement e "
        "ON e.id = p.entitlement_id WHERE p.office_code = ? "
        "AND p.paid_on >= date(?, 'start of month') "
        "AND p.paid_on <= date(?, 'start of month', '+1 month', '-1 day') "
        "AND NOT EXISTS (SELECT 1 FROM payment_reversal r WHERE r.payment_id = p.id) "
        "GROUP BY e.kind",
        office, day, day,
    ):  # fmt: skip
        out[f"paid:{kind}"] = (n, amount)
    out |= _followups_counted(path, office, day)
    for pid, what, ends in rows(
        path,
        "SELECT id, 'licence', licence_expires_on FROM training_provider WHERE deleted_at IS "
        "NULL AND licence_expires_on BETWEEN ? AND date(?, '+60 days') UNION ALL "
        "SELECT id, 'accreditation', accreditation_expires_on FROM training_provider WHERE "
        "deleted_at IS NULL AND accreditation_expires_on BETWEEN ? AND date(?, '+60 days')",
        day, day, day, day,
    ):  # fmt: skip
        out[f"expiring:{pid}:{what}"] = ends
    out |= _money_counted(path, office)
    for code, n in rows(
        path,
        "SELECT c.code, count(*) FROM cohort_session s JOIN cohort c ON c.id = s.cohort_id "
        "WHERE c.office_code = ? AND c.status IN ('berjalan', 'selesai') AND c.deleted_at IS "
        "NULL AND s.deleted_at IS NULL AND s.cancelled = 0 AND s.locked_at IS NULL AND s.day < ? "
        "GROUP BY c.code",
        office, day,
    ):  # fmt: skip
        out[f"to_lock:{code}"] = n
    out["pending"] = _one(path, "SELECT count(*) FROM outbox WHERE status = 'pending'")
    out["failed"] = _one(
        path, "SELECT count(*) FROM outbox WHERE status IN ('rejected', 'conflict')"
    )
    return {k: v for k, v in out.items() if v not in (0, (0, 0), (0, 0, 0, 0, 0))}


def _followups_counted(path: Path, office: str, day: str) -> dict[str, Any]:
    """Each followed person at each milestone, due the same day N months after the
    cohort's end or that month's last day (SQLite's date() overflows into the next month:
    the smaller of the two is right); its outcome if recorded."""
    slots = f"""
        WITH m(milestone) AS (VALUES {", ".join(f"({n})" for n in MILESTONES)}),
        followed AS (
            SELECT e.id AS eid, c.end_date AS end_date FROM enrollment e
            JOIN cohort c ON c.id = e.cohort_id JOIN participant p ON p.id = e.participant_id
            WHERE c.office_code = ? AND c.status = 'selesai' AND c.deleted_at IS NULL
              AND e.deleted_at IS NULL AND p.deleted_at IS NULL
              AND ((e.status = 'enrolled' AND e.result = 'lulus') OR e.status = 'withdrawn')
        ), slot AS (
            SELECT m.milestone AS milestone,
                   min(date(f.end_date, '+' || m.milestone || ' months'),
                       date(f.end_date, 'start of month', '+' || (m.milestone + 1) || ' months',
                            '-1 day')) AS due_on,
                   (SELECT fu.outcome FROM follow_up fu WHERE fu.enrollment_id = f.eid
                      AND fu.milestone = m.milestone AND fu.deleted_at IS NULL) AS outcome
            FROM followed f CROSS JOIN m
        )
    """
    out: dict[str, Any] = {}
    monday = "date(?, 'weekday 0', '-6 days')"
    overdue, this_week = rows(
        path,
        slots + f"SELECT sum(outcome IS NULL AND due_on < {monday}), "
        f"sum(outcome IS NULL AND due_on BETWEEN {monday} AND date({monday}, '+6 days')) "
        "FROM slot",
        office, day, day, day,
    )[0]  # fmt: skip
    out["due:overdue"], out["due:this_week"] = overdue or 0, this_week or 0
    for milestone, *counts in rows(
        path,
        slots + "SELECT milestone, sum(outcome IS NOT NULL AND outcome <> 'unreachable'), "
        "sum(outcome = 'unreachable'), sum(outcome IS NULL), sum(outcome = 'working'), "
        "sum(outcome = 'self_employed') FROM slot WHERE due_on <= ? OR outcome IS NOT NULL "
        "GROUP BY milestone",
        office, day,
    ):  # fmt: skip
        out[f"rate:{milestone}"] = tuple(int(n or 0) for n in counts)
    return out


def _money_counted(path: Path, office: str) -> dict[str, Any]:
    """Each entitlement of the office with its live payments and settlements."""
    out: dict[str, Any] = {}
    found = rows(
        path,
        """
        WITH live AS (
            SELECT p.entitlement_id AS eid, sum(p.amount) AS paid, count(*) AS n FROM payment p
            WHERE NOT EXISTS (SELECT 1 FROM payment_reversal r WHERE r.payment_id = p.id)
            GROUP BY p.entitlement_id
        ), settled AS (
            SELECT entitlement_id AS eid, sum(amount) AS amount FROM recovery_settlement
            GROUP BY entitlement_id
        )
        SELECT c.code, e.amount, e.approved_amount IS NOT e.amount, coalesce(l.paid, 0),
               coalesce(l.n, 0), coalesce(s.amount, 0)
        FROM entitlement e JOIN cohort c ON c.id = e.cohort_id
        LEFT JOIN live l ON l.eid = e.id LEFT JOIN settled s ON s.eid = e.id
        WHERE e.deleted_at IS NULL AND c.office_code = ?
        """,
        office,
    )
    for code, amount, unapproved, paid, n, settled in found:
        if unapproved and amount > paid:
            out[f"approve:{code}"] = out.get(f"approve:{code}", 0) + 1
            out["approve:amount"] = out.get("approve:amount", 0) + amount
        if n >= 2 and paid > amount:
            out["double"] = out.get("double", 0) + 1
        if paid - amount - settled > 0:
            out["overpaid"] = out.get("overpaid", 0) + 1
            out["overpaid:amount"] = out.get("overpaid:amount", 0) + paid - amount - settled
    return out


def shown(board: Dashboard) -> dict[str, Any]:
    """The dashboard's figures under the same keys as `counted`."""
    out: dict[str, Any] = {
        "registered": board.progress.registered,
        "office": board.progress.office,
        "target": board.progress.target,
    }
    out |= {f"status:{c.key}": c.count for c in board.participants.by_status}
    out |= {f"office:{c.key}": c.count for c in board.participants.by_office}
    for m in board.participants.by_module:
        out[f"module:{m.code}:chosen"] = m.chosen
        out[f"module:{m.code}:places"] = m.places
    t = board.training
    out |= {"mark:H": t.present, "mark:I": t.excused, "mark:S": t.sick, "mark:A": t.absent}
    out |= {"cohorts:berjalan": t.running, "cohorts:selesai": t.finished}
    out |= {
        "places:enrolled:lulus": t.passed,
        "places:enrolled:tidak_lulus": t.failed,
        "places:enrolled:None": t.no_result,
        "places:withdrawn:None": t.withdrawn,
    }
    out |= {f"paid:{k.kind}": (k.count, k.amount) for k in board.stipends.by_kind}
    out["due:overdue"], out["due:this_week"] = board.followups.overdue, board.followups.this_week
    for m in board.outcomes.by_milestone:
        r = m.rate
        out[f"rate:{m.milestone}"] = (r.reached, r.unreachable, r.open, r.working, r.self_employed)
    out |= {f"expiring:{i.provider_id}:{i.what}": i.expires_on.isoformat()
            for i in board.licences.items}  # fmt: skip
    w = board.waiting
    out |= {f"approve:{c.code}": c.count for c in w.entitlements.cohorts}
    out["approve:amount"] = w.entitlements.amount
    out |= {f"to_lock:{c.code}": c.count for c in w.days_to_lock.cohorts}
    out["double"] = w.double_payments.count
    out["overpaid"], out["overpaid:amount"] = w.overpayments.count, w.overpayments.amount
    out["pending"], out["failed"] = board.sync.pending, board.sync.failed
    return {k: v for k, v in out.items() if v not in (0, (0, 0), (0, 0, 0, 0, 0))}


# --- every figure -----------------------------------------------------------------------------


def _cohort_statuses(counted_: dict[str, Any]) -> dict[str, Any]:
    """`counted` holds every cohort status and every place; the dashboard shows running
    and finished cohorts, and no waiting list of a finished one."""
    return {k: v for k, v in counted_.items()
            if not (k.startswith("cohorts:") or k.startswith("places:waiting"))
            or k in ("cohorts:berjalan", "cohorts:selesai")}  # fmt: skip


def test_every_figure_of_the_demo_office_equals_its_count_in_sql(demo):
    board = dashboard(demo.db, DEMO_DAY)
    assert shown(board) == _cohort_statuses(counted(demo.path, DEMO_DAY))
    # and the office is rich enough for that to mean something
    assert board.progress.registered > 400 and board.progress.office > 100
    assert board.training.marked > 500 and board.training.enrolled > 20
    assert board.stipends.count > 0 and board.waiting.overpayments.count
    assert board.waiting.double_payments.count == 1
    assert board.followups.total > 0 and board.outcomes.overall.reached > 0


@pytest.mark.parametrize("later", [9, 40, 120, 200])
def test_every_figure_equals_its_count_on_later_days_too(demo, later):
    """The same office read on other days: the month, the week, the due dates and the
    60 days move; the counts still agree."""
    day = DEMO_DAY + timedelta(days=later)
    at(demo, day)
    assert shown(dashboard(demo.db, day)) == _cohort_statuses(counted(demo.path, day))


def test_every_figure_of_the_edges_office_equals_its_count_in_sql(edges):
    board = dashboard(edges.db)
    assert board.today == NEW_YEARS_EVE
    assert shown(board) == _cohort_statuses(counted(edges.path, NEW_YEARS_EVE))


def test_the_gone_and_the_tombstoned_are_not_counted_and_modules_read_choices(demo):
    board = dashboard(demo.db, DEMO_DAY)
    statuses = {c.key for c in board.participants.by_status}
    assert not statuses & {"erased", "merged"}
    assert sum(c.count for c in board.participants.by_status) == board.progress.registered
    assert sum(c.count for c in board.participants.by_office) == board.progress.registered
    assert sum(m.chosen for m in board.participants.by_module) == board.progress.registered
    every = _one(demo.path, "SELECT count(*) FROM participant")
    assert board.progress.registered == every - 3  # erased, merged, tombstoned
    by_code = {m.code: m for m in board.participants.by_module}
    assert (by_code[None].chosen, by_code[None].places) == (2, 0)  # "Barista", no choice
    assert by_code[None].link == Link("participants")
    assert by_code["FORKLIFT"].link == Link(
        "participants", (("training_choice", "FORKLIFT"), ("first_choice", "1"))
    )
    assert board.participants.by_module[-1].code is None  # "none of them" comes last


def test_the_shares_of_the_target(demo):
    from app.services.settings import update_settings

    board = dashboard(demo.db, DEMO_DAY)
    p = board.progress
    assert (p.target, p.office_code) == (20_000, "JKT")
    assert p.office_share == Fraction(p.office, 20_000)
    assert p.registered_share == Fraction(p.registered, 20_000)
    assert p.office_part == Fraction(p.office, p.registered)
    update_settings(demo.db, demo.actors["admin"], {"programme_target": "500"})
    assert dashboard(demo.db, DEMO_DAY).progress.target == 500


# --- the lists behind the tiles -------------------------------------------------------------


def test_follow_ups_due_and_rates_equal_the_call_list_and_the_rates_page(demo):
    from app.services.followup_rates import followup_rates
    from app.services.followups import due

    for later in (0, 30, 95):
        day = DEMO_DAY + timedelta(days=later)
        board = dashboard(demo.db, day)
        listed = due(demo.db, day)
        assert board.followups.overdue == sum(r.urgency == "overdue" for r in listed)
        assert board.followups.this_week == sum(r.urgency == "this_week" for r in listed)
        assert board.followups.total == len(listed)
        for m in board.outcomes.by_milestone:
            per_module = [
                r for r in followup_rates(demo.db, "module", day) if r.milestone == m.milestone
            ]
            for field in ("reached", "unreachable", "open", "working", "self_employed"):
                assert getattr(m.rate, field) == sum(getattr(r, field) for r in per_module)
    overall = board.outcomes.overall
    assert overall.reached == sum(m.rate.reached for m in board.outcomes.by_milestone)
    assert overall.working_rate == Fraction(overall.working, overall.reached)


def test_recoveries_and_expiring_providers_equal_their_lists(demo):
    from app.services.payments import recoveries
    from app.services.providers import list_providers

    board = dashboard(demo.db, DEMO_DAY)
    listed = recoveries(demo.db)
    assert board.waiting.double_payments.count == sum(r.double for r in listed)
    assert board.waiting.overpayments.count == sum(r.outstanding > 0 for r in listed)
    assert board.waiting.overpayments.amount == sum(r.outstanding for r in listed)
    expiring = {r.id for r in list_providers(demo.db, expiring_only=True)}
    assert {i.provider_id for i in board.licences.items} == expiring
    assert board.licences.providers == len(expiring)


def test_entitlements_to_approve_equal_what_an_approval_would_sign(edges):
    from app.services.entitlements import period_totals

    board = dashboard(edges.db)
    second = edges.ids["second"]
    totals = period_totals(edges.db, second)
    [waiting] = board.waiting.entitlements.cohorts
    assert (waiting.cohort_id, waiting.count) == (second, totals.count)
    assert board.waiting.entitlements.amount == totals.total > 0
    assert waiting.link == Link("cohorts", (("cohort", waiting.code),))


# --- the boundaries ---------------------------------------------------------------------------


def test_paid_this_month_counts_its_first_and_last_day_not_the_day_before_nor_a_reversal(edges):
    board = dashboard(edges.db)
    s = board.stipends
    assert (s.first_day, s.last_day) == (date(2026, 12, 1), NEW_YEARS_EVE)
    by_kind = {k.kind: (k.count, k.amount) for k in s.by_kind}
    # pocket money 1/12 (Budi) and 31/12 (Siti), 5 days x Rp100.000 each; transport: 30/11
    # is November, 15/12 was reversed
    assert by_kind == {"pocket": (2, 1_000_000), "transport": (0, 0)}
    assert (s.count, s.amount) == (2, 1_000_000)
    assert [k.kind for k in s.by_kind] == ["transport", "pocket"]
    november = dashboard(edges.db, date(2026, 11, 30)).stipends
    assert {k.kind: (k.count, k.amount) for k in november.by_kind} == {
        "transport": (1, 250_000),
        "pocket": (0, 0),
    }


def test_the_month_of_a_day(edges):
    assert month_of(date(2026, 12, 31)) == (date(2026, 12, 1), date(2026, 12, 31))
    assert month_of(date(2027, 2, 1)) == (date(2027, 2, 1), date(2027, 2, 28))
    assert month_of(date(2028, 2, 29)) == (date(2028, 2, 1), date(2028, 2, 29))


def test_a_licence_ending_in_60_days_counts_61_does_not_nor_one_already_ended(edges):
    board = dashboard(edges.db)
    found = {(i.name, i.what, i.days_left) for i in board.licences.items}
    assert found == {
        ("LPK Enam Puluh", "licence", 60),
        ("LPK Hari Ini", "accreditation", 0),
    }
    assert [i.days_left for i in board.licences.items] == [0, 60]  # soonest first
    assert board.licences.link == Link("providers", (("expiring_only", "1"),))


def test_today_is_not_a_day_to_lock_yesterday_unapproved_is(edges):
    from app.services.attendance import lock_day

    board = dashboard(edges.db)
    [days] = board.waiting.days_to_lock.cohorts
    assert (days.cohort_id, days.count) == (edges.ids["second"], 1)  # the 30th, not the 31st
    assert board.waiting.days_to_lock.count == 1
    lock_day(edges.db, edges.actors["supervisor"], edges.ids["second"], date(2026, 12, 30))
    assert dashboard(edges.db).waiting.days_to_lock.count == 0
    tomorrow = dashboard(edges.db, date(2027, 1, 1)).waiting.days_to_lock
    assert tomorrow.count == 1  # the 31st has become yesterday


@pytest.mark.parametrize(
    ("day", "overdue", "this_week"),
    [
        (date(2026, 12, 14), 0, 2),  # Monday: Budi and Siti due on Sunday the 20th
        (date(2026, 12, 20), 0, 2),  # Sunday, the day itself: still this week
        (date(2026, 12, 21), 2, 0),  # the next Monday: overdue
        (date(2027, 1, 3), 2, 0),  # Rina and Joko, due Monday 4/1, are next week's
        (date(2027, 1, 4), 2, 2),  # ... and this week's on that Monday
        (date(2027, 1, 10), 2, 2),
        (date(2027, 1, 11), 4, 0),
    ],
)
def test_a_follow_up_due_on_this_weeks_monday_or_sunday_is_this_weeks(
    edges, day, overdue, this_week
):
    from app.services.followups import due

    at(edges, day)
    board = dashboard(edges.db)
    assert (board.followups.overdue, board.followups.this_week) == (overdue, this_week)
    assert board.followups.week_start <= day <= board.followups.week_end
    assert board.followups.week_start.weekday() == 0
    listed = due(edges.db, day)
    assert sorted(r.urgency for r in listed) == ["overdue"] * overdue + ["this_week"] * this_week
    assert shown(board) == _cohort_statuses(counted(edges.path, day))


def test_rates_are_none_without_a_denominator(staffed):
    board = dashboard(staffed.db)
    assert board.progress.registered == 0 and board.progress.office_part is None
    assert board.training.attendance_rate is None and board.training.completion_rate is None
    assert board.outcomes.overall.working_rate is None
    assert board.waiting.total == 0
    assert board.participants.by_module == ()
    assert [c.count for c in board.participants.by_status] == [0] * 7


def test_attendance_and_completion_rates(demo):
    t = dashboard(demo.db, DEMO_DAY).training
    assert t.attendance_rate == Fraction(t.present, t.present + t.excused + t.sick + t.absent)
    assert t.completion_rate == Fraction(t.passed, t.enrolled)
    assert t.enrolled == t.passed + t.failed + t.no_result


# --- what the server keeps, and the sync state ----------------------------------------------


def test_conflicts_and_duplicates_are_unknown_until_the_server_is_asked(demo, monkeypatch):
    from app.services import sync_review

    board = dashboard(demo.db, DEMO_DAY)
    assert (board.waiting.conflicts.count, board.waiting.duplicates.count) == (None, None)
    monkeypatch.setattr(sync_review, "conflicts", lambda db: [{"id": 1}, {"id": 2}])
    monkeypatch.setattr(sync_review, "duplicates", lambda db: [{"id": 7}])
    asked = review_counts(demo.db)
    assert asked == ReviewCounts(conflicts=2, duplicates=1)
    filled = with_review(board, asked)
    assert (filled.waiting.conflicts.count, filled.waiting.duplicates.count) == (2, 1)
    assert filled.waiting.total == board.waiting.total + 3
    assert filled.waiting.conflicts.link == Link("sync", (("tab", "conflicts"),))


def test_review_counts_refuse_when_this_pc_is_not_linked(demo):
    from app.errors import StateError

    with pytest.raises(StateError):
        review_counts(demo.db)


def test_the_sync_state_says_what_waits_and_the_last_error_in_plain_words(demo):
    from app.models import SyncLink

    board = dashboard(demo.db, DEMO_DAY)
    assert (board.sync.enrolled, board.sync.last_success) == (False, None)
    assert board.sync.pending == _one(demo.path, "SELECT count(*) FROM outbox WHERE status = "
                                      "'pending'") > 0  # fmt: skip
    with demo.db.write() as session:
        session.add(
            SyncLink(
                id=1,
                server_url="https://vokasi.example.id",
                device_id="d",
                token="t",
                office_code="JKT",
                enrolled_at=demo.clock.now,
                last_error="Server tidak dapat dihubungi ([Errno 111] Connection refused).",
            )
        )
    linked = dashboard(demo.db, DEMO_DAY).sync
    assert linked.enrolled and linked.server_url == "https://vokasi.example.id"
    assert linked.last_error is not None and "Errno" not in linked.last_error


# --- the tallies the triggers keep (migration 0015) -------------------------------------------

PARTICIPANT_TALLY = (
    "SELECT office_code, status, training_choice_1, n FROM participant_tally WHERE n <> 0",
    "SELECT office_code, status, coalesce(training_choice_1, ''), count(*) FROM participant "
    "WHERE deleted_at IS NULL GROUP BY 1, 2, 3",
)
ATTENDANCE_TALLY = (
    "SELECT cohort_id, mark, n FROM attendance_tally WHERE n <> 0",
    "SELECT cohort_id, mark, count(*) FROM attendance WHERE deleted_at IS NULL "
    "AND mark IS NOT NULL GROUP BY 1, 2",
)


def _agree(path: Path, tally: tuple[str, str]) -> list[tuple[object, ...]]:
    kept, counted_ = (sorted(rows(path, sql)) for sql in tally)
    assert kept == counted_
    return kept


def test_the_participant_tally_follows_a_pull_an_edit_a_tombstone_and_a_delete(staffed):
    from app.services.participant_records import set_status
    from app.sync.local_apply import ServerRecord, write_records

    siti = "01a23500-0000-7000-8000-000000000001"

    def pulled(version: int, **over: object) -> None:
        data = {
            "office_code": "BTN", "nik": "3171014508900002", "full_name": "Siti Aminah",
            "name_key": "siti aminah", "birth_date": "1990-08-05", "sex": "P",
            "whatsapp": False, "status": "registered", "training_choice_1": "LAS",
            "registered_by": "loket.budi", "registered_at": "2026-11-02T03:00:00+00:00",
            "created_at": "2026-11-02T03:00:00+00:00", "deleted_at": None, **over,
        }  # fmt: skip
        record = ServerRecord("participant", siti, version,
                              f"{1793600000000 + version:013d}-00000-other", data)  # fmt: skip
        with staffed.db.write() as session:
            write_records(session, [record], datetime(2026, 11, 3, 4, tzinfo=UTC), pulled=True)

    assert _agree(staffed.path, PARTICIPANT_TALLY) == []
    pulled(1)
    assert _agree(staffed.path, PARTICIPANT_TALLY) == [("BTN", "registered", "LAS", 1)]
    pulled(2, status="verified", training_choice_1=None)
    assert _agree(staffed.path, PARTICIPANT_TALLY) == [("BTN", "verified", "", 1)]
    budi = person(staffed, 1, "Budi Santoso", pilihan_pelatihan_1="GARMEN")
    set_status(staffed.db, staffed.actors["counter"], budi, "ineligible", "umur")
    assert _agree(staffed.path, PARTICIPANT_TALLY) == [
        ("BTN", "verified", "", 1),
        ("JKT", "ineligible", "GARMEN", 1),
    ]
    pulled(3, deleted_at="2026-11-03T03:00:00+00:00")  # tombstoned on the server
    assert _agree(staffed.path, PARTICIPANT_TALLY) == [("JKT", "ineligible", "GARMEN", 1)]
    pulled(4, deleted_at=None, office_code="JKT")  # and back (as a merge may do)
    execute(staffed.path, "UPDATE participant SET training_choice_1 = 'LAS' WHERE id = ?", budi)
    execute(staffed.path, "DELETE FROM consent WHERE participant_id = ?", budi)
    execute(staffed.path, "DELETE FROM participant WHERE id = ?", budi)
    assert _agree(staffed.path, PARTICIPANT_TALLY) == [("JKT", "registered", "LAS", 1)]
    assert dashboard(staffed.db).progress.registered == 1


def test_the_attendance_tally_follows_marks_changed_tombstoned_and_deleted(edges):
    from app.services.attendance import mark

    second = edges.ids["second"]
    before = dict(((c, m), n) for c, m, n in _agree(edges.path, ATTENDANCE_TALLY))
    assert before[(second, "H")] == 4  # Agus and Dewi, 30 and 31 December
    agus = rows(edges.path, "SELECT participant_id FROM enrollment WHERE cohort_id = ? "
                "ORDER BY participant_id", second)[0][0]  # fmt: skip
    mark(edges.db, edges.actors["counter"], second, NEW_YEARS_EVE, {agus: "S"})
    tally = dict(((c, m), n) for c, m, n in _agree(edges.path, ATTENDANCE_TALLY))
    assert (tally[(second, "H")], tally[(second, "S")]) == (3, 1)
    execute(edges.path, "UPDATE attendance SET deleted_at = '2026-12-31 05:00:00.000000' "
            "WHERE cohort_id = ? AND mark = 'S'", second)  # fmt: skip
    execute(edges.path, "UPDATE attendance SET mark = NULL WHERE cohort_id = ? AND mark = 'H' "
            "AND participant_id = ?", second, agus)  # fmt: skip
    execute(edges.path, "DELETE FROM attendance WHERE cohort_id = ? AND mark = 'H'", second)
    assert not [k for k in (dict(((c, m), n) for c, m, n in _agree(edges.path, ATTENDANCE_TALLY)))
                if k[0] == second]  # fmt: skip
    board = dashboard(edges.db)
    assert board.training.marked == _one(
        edges.path,
        ATTENDANCE_TALLY[1]
        .replace("SELECT cohort_id, mark, count(*)", "SELECT count(*)")
        .replace(" GROUP BY 1, 2", ""),
    )
