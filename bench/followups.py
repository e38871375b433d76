"""Follow-up, matching and supply and demand at the programme's target scale (issue #13).

An office set up in a temporary LOKET_HOME (migrations applied, `initialise`), then filled
with one transaction of bulk inserts through SQLAlchemy Core on the app's own tables, so
every value is stored by the same column types the services write with (the sync columns
id, office_code, created_at, updated_at, version, hlc, deleted_at included; stable ids
where the services make them):

- 20,000 participants of the office (JKT): names from bench/participants.py's generator,
  regions (districts) across the five areas' provinces 31, 32, 36, 52 and 64, NIKs that
  agree with the district and birth date, phones (80% with WhatsApp), training choices
  (module codes), last wages; statuses that follow their enrolments and follow-ups;
- 40 providers, 500 cohorts (most finished, ending over the past 8 months so that
  follow-ups are due at 1, 3 and 6 months; some running, a few planned) in the eight
  catalogue modules, 12,000 enrolments (most passed, some failed, some withdrawn);
- 8,000 follow-up records with mixed outcomes, the older milestones done more often;
- 1,000 vacancies (shared: recorded at six offices; one to three modules; regencies of the
  five provinces and elsewhere; some closed, some past their closing date), 2,000 referrals.

Then measured through the services as the window calls them, each next to a floor in the
same run on the same file: the very SELECTs the service sent (caught from SQLAlchemy),
replayed through plain sqlite3 with the app's pragmas and every row fetched: what SQLite
must do anyway to read the same rows. For the call list and the rates also a second
floor: the same rows with only the columns a list row needs (FOLLOWED_COLUMNS,
RECORD_COLUMNS). Service and floors alternate, run by run.

1. the call list `followups.due(db, today)` (what the Pemantauan page loads) and its rows;
2. `vacancy_matching.matches_for_participant` for 50 random graduates (p50, p95);
3. `vacancy_matching.matches_for_vacancy` for 20 random open vacancies (p50, p95);
4. `supply_demand.supply_demand(db, today)`;
5. `followup_rates.followup_rates(db, group, today)` for cohort, provider and module;
6. `vacancies.list_vacancies(db)` (the open list).

    python bench/followups.py [--participants 20000] [--runs 9] [--profile]

`--profile` also runs cProfile over the call list, supply and demand and one person's
matches, and prints the top functions by cumulative time. Prints the figures and, as the
last line, one JSON object.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for where in (ROOT, HERE):
    if str(where) not in sys.path:
        sys.path.insert(0, str(where))

from participants import make_namer  # noqa: E402  (bench/participants.py)

OFFICE = "JKT"
ADMIN, ADMIN_PASSWORD = "admin", "Bench2026x!"
CLERKS = ("loket.rina", "loket.budi", "loket.sari")
PROVINCES = ("31", "32", "36", "52", "64")  # Jakarta, Jabar, Banten, NTB, Kaltim
OFFICES = ("JKT", "TNG", "BTN", "JBR", "BPN", "LOM")
EMPLOYERS = (
    "Maju",
    "Jaya",
    "Sentosa",
    "Abadi",
    "Makmur",
    "Sejahtera",
    "Indo",
    "Nusantara",
    "Karya",
    "Mandiri",
    "Prima",
    "Sinar",
    "Mulia",
    "Gemilang",
    "Perkasa",
    "Utama",
)
POSITIONS = (
    "Operator Produksi",
    "Juru Las",
    "Penjahit",
    "Operator Forklift",
    "Staf Gudang",
    "Tukang Bangunan",
    "Pramusaji",
    "Room Attendant",
    "Programmer Junior",
    "Desainer Grafis",
    "Pengasuh Lansia",
    "Mandor Kebun",
)
OUTCOMES = (
    ("working", 38),
    ("self_employed", 9),
    ("looking", 27),
    ("education", 4),
    ("unreachable", 22),
)


# --- building -----------------------------------------------------------------------------


def at(day: date, hour: int = 3) -> datetime:
    return datetime.combine(day, dtime(hour, 0), tzinfo=UTC)


class Stamper:
    """Sync columns as the unit of work writes them: times, version 1, an hlc of the
    device, no tombstone."""

    def __init__(self, device_id: str) -> None:
        self.node = device_id
        self.counter = 0

    def __call__(self, office: str, moment: datetime, row_id: str) -> dict[str, Any]:
        self.counter = (self.counter + 1) % 100_000
        ms = int(moment.timestamp() * 1000)
        return {
            "id": row_id,
            "office_code": office,
            "created_at": moment,
            "updated_at": moment,
            "version": 1,
            "hlc": f"{ms:013d}-{self.counter:05d}-{self.node}",
            "deleted_at": None,
        }


def pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def build(db: Any, args: argparse.Namespace, today: date) -> dict[str, Any]:
    """Every row of the programme at scale, in one write transaction. Returns what the
    measuring needs (graduates, open vacancies) and the counts."""
    from sqlalchemy import insert, select

    from app.domain.followups import schedule
    from app.domain.ids import new_id, stable_id
    from app.domain.names import name_key
    from app.models import (
        Cohort,
        Device,
        Enrollment,
        FollowUp,
        Participant,
        Referral,
        TrainingModule,
        TrainingProvider,
        Vacancy,
    )
    from app.resources import regions

    rng = random.Random(args.seed)
    namer = make_namer(rng)
    index = regions()
    districts = [c for c in index.districts if c[:2] in PROVINCES]
    regencies = [c for c in index.regencies if c[:2] in PROVINCES]
    elsewhere = [c for c in index.regencies if c[:2] not in PROVINCES]
    with db.read() as s:
        device_id = s.scalar(select(Device.device_id))
        modules = list(s.scalars(select(TrainingModule.code).order_by(TrainingModule.code)))
    stamp = Stamper(device_id)
    now = at(today)

    # participants (statuses are set once enrolments and follow-ups are known)
    people: list[dict[str, Any]] = []
    serials: dict[str, int] = {}
    for i in range(args.participants):
        sex = "L" if rng.random() < 0.56 else "P"
        name = namer(sex)
        born = date(1968, 1, 1) + timedelta(days=rng.randrange(365 * 38))
        district = rng.choice(districts)
        stem = district.replace(".", "") + (
            f"{born.day + (40 if sex == 'P' else 0):02d}{born.month:02d}{born.year % 100:02d}"
        )
        serials[stem] = serials.get(stem, 0) + 1
        registered = now - timedelta(days=rng.randrange(30, 720), minutes=i % 600)
        phone = (
            None
            if rng.random() < 0.06
            else f"+628{rng.randrange(11, 99)}{rng.randrange(10**7, 10**8)}"
        )
        choice_1 = rng.choice(modules) if rng.random() < 0.85 else None
        phk = registered.date() - timedelta(days=rng.randrange(20, 200))
        people.append(
            stamp(OFFICE, registered, new_id())
            | {
                "nik": f"{stem}{serials[stem]:04d}",
                "full_name": name,
                "name_key": name_key(name),
                "birth_place": "Bekasi",
                "birth_date": born,
                "sex": sex,
                "ktp_address": f"Jl. Melati No. {rng.randrange(1, 200)}",
                "region_code": district if rng.random() < 0.9 else None,
                "phone": phone,
                "whatsapp": phone is not None and rng.random() < 0.85,
                "education": rng.choice(("SMP", "SMA", "SMK", "SMK", "D3", "S1")),
                "kpj": f"{rng.randrange(10**10, 9 * 10**10):011d}",
                "last_employer": f"PT {rng.choice(EMPLOYERS)} {rng.choice(EMPLOYERS)}",
                "job_title": rng.choice(POSITIONS),
                "contract_type": rng.choice(("PKWT", "PKWTT")),
                "work_start": phk - timedelta(days=rng.randrange(400, 4000)),
                "phk_date": phk,
                "phk_reason": "efficiency",
                "last_wage": rng.randrange(2_500, 9_000) * 1000,
                "jht_claimed": rng.random() < 0.4,
                "training_choice_1": choice_1,
                "training_choice_2": rng.choice(modules)
                if choice_1 and rng.random() < 0.4
                else None,
                "status": "verified" if rng.random() < 0.6 else "registered",
                "eligibility_preset": "vokasi_2019",
                "eligibility_status": rng.choice(("met", "unknown")),
                "registered_by": rng.choice(CLERKS),
                "registered_at": registered,
            }
        )

    providers = []
    for i in range(args.providers):
        name = f"LPK {rng.choice(EMPLOYERS)} {rng.choice(EMPLOYERS)} {i:02d}"
        providers.append(
            stamp(OFFICE, now - timedelta(days=900), new_id())
            | {
                "provider_type": "lpk",
                "name": name,
                "name_key": name.lower(),
                "region_code": rng.choice(regencies),
                "registered_by": ADMIN,
            }
        )

    # cohorts: most finished, ending over the past 8 months; some running, a few planned
    n_running = max(1, args.cohorts * 8 // 100)
    n_planned = max(1, args.cohorts * 4 // 100)
    n_finished = args.cohorts - n_running - n_planned
    plans = []
    for _ in range(n_finished):
        end = today - timedelta(days=rng.randrange(1, 245))
        plans.append(("selesai", end - timedelta(days=rng.randrange(25, 60)), end))
    for _ in range(n_running):
        start = today - timedelta(days=rng.randrange(1, 40))
        plans.append(("berjalan", start, start + timedelta(days=rng.randrange(42, 60))))
    for _ in range(n_planned):
        start = today + timedelta(days=rng.randrange(7, 45))
        plans.append(("direncanakan", start, start + timedelta(days=rng.randrange(25, 60))))
    plans.sort(key=lambda p: p[1])
    cohorts = []
    for seq, (status, start, end) in enumerate(plans, start=1):
        made = at(start - timedelta(days=30))
        cohorts.append(
            stamp(OFFICE, made, new_id())
            | {
                "code": f"ANG/{OFFICE}-1/{start.year}/{seq:04d}",
                "provider_id": rng.choice(providers)["id"],
                "module_code": rng.choice(modules),
                "location_region_code": rng.choice(regencies),
                "start_date": start,
                "end_date": end,
                "pattern": "mon,tue,wed,thu,fri",
                "capacity": 30,
                "transport_rate": 50_000,
                "pocket_rate": 100_000,
                "status": status,
                "created_by": ADMIN,
            }
        )

    # enrolments: each slot the next person; the last few hundred are second courses
    order = list(range(len(people)))
    rng.shuffle(order)
    distinct = min(len(people), args.enrolments * 96 // 100)
    per_cohort = args.enrolments // len(cohorts)
    extra = args.enrolments - per_cohort * len(cohorts)
    enrolments = []
    slot = 0
    last_course: dict[int, tuple[str, str | None]] = {}
    for k, c in enumerate(cohorts):
        for _ in range(per_cohort + (1 if k < extra else 0)):
            who = order[slot % distinct]
            slot += 1
            person = people[who]
            row = stamp(OFFICE, at(c["start_date"] - timedelta(days=20)), "")
            row.update(
                id=stable_id("enrollment", c["id"], person["id"]),
                cohort_id=c["id"],
                participant_id=person["id"],
                status="enrolled",
                queued_at=row["created_at"],
                enrolled_by=rng.choice(CLERKS),
                eligibility_confirmed_by=None,
                withdraw_reason=None,
                withdrawn_at=None,
                score=None,
                result=None,
                result_reason=None,
                result_by=None,
                result_at=None,
            )
            if c["status"] == "selesai":
                r = rng.random()
                if r < 0.06:
                    row.update(
                        status="withdrawn",
                        withdraw_reason="Sudah bekerja",
                        withdrawn_at=at(c["start_date"] + timedelta(days=5)),
                    )
                    last_course[who] = ("withdrawn", None)
                else:
                    passed = r >= 0.14
                    row.update(
                        score=rng.randrange(70, 100) if passed else rng.randrange(30, 70),
                        result="lulus" if passed else "tidak_lulus",
                        result_by=ADMIN,
                        result_at=at(c["end_date"]),
                    )
                    last_course[who] = ("completed", row["result"])
            else:
                last_course[who] = ("in_training", None)
            enrolments.append(row)

    # follow-ups: the due milestones of graduates and withdrawn people, older ones done more
    by_cohort = {c["id"]: c for c in cohorts}
    due_items = []
    for e in enrolments:
        c = by_cohort[e["cohort_id"]]
        if c["status"] != "selesai" or not (e["result"] == "lulus" or e["status"] == "withdrawn"):
            continue
        for d in schedule(c["end_date"]):
            if d.due_on <= today:
                weight = 0.95 if (today - d.due_on).days > 21 else 0.25
                due_items.append((rng.random() < weight, d, e, c))
    chosen = [x for x in due_items if x[0]]
    rest = [x for x in due_items if not x[0]]
    rng.shuffle(chosen)
    rng.shuffle(rest)
    chosen = (chosen + rest)[: args.followups]
    followups = []
    latest: dict[str, tuple[datetime, str]] = {}
    for _, d, e, c in chosen:
        outcome = pick(rng, OUTCOMES)
        called = at(
            min(today, d.due_on + timedelta(days=rng.randrange(0, 14))), 2 + rng.randrange(8)
        )
        working = outcome == "working"
        row = stamp(OFFICE, called, stable_id("follow_up", e["id"], str(d.milestone)))
        row.update(
            participant_id=e["participant_id"],
            enrollment_id=e["id"],
            cohort_id=c["id"],
            milestone=d.milestone,
            due_on=d.due_on,
            attempts=rng.randrange(1, 6) if outcome == "unreachable" else 0,
            outcome=outcome,
            employer=f"PT {rng.choice(EMPLOYERS)} {rng.choice(EMPLOYERS)}" if working else None,
            npp=f"{rng.randrange(10**7, 10**8)}" if working and rng.random() < 0.6 else None,
            position=rng.choice(POSITIONS) if working else None,
            started_on=d.due_on - timedelta(days=rng.randrange(1, 25)) if working else None,
            wage=rng.randrange(3_000, 8_000) * 1000 if working else None,
            formal=rng.random() < 0.7 if working else None,
            business_type="Warung makan" if outcome == "self_employed" else None,
            note=None,
            called_by=rng.choice(CLERKS),
            called_at=called,
        )
        followups.append(row)
        pid = e["participant_id"]
        if pid not in latest or latest[pid][0] < called:
            latest[pid] = (called, outcome)

    index_of = {p["id"]: i for i, p in enumerate(people)}
    for who, (status, _result) in last_course.items():
        people[who]["status"] = status
    for pid, (_at, outcome) in latest.items():
        person = people[index_of[pid]]
        if person["status"] != "in_training":
            person["status"] = "employed" if outcome == "working" else person["status"]
    for p in people:
        if p["status"] in ("verified", "registered") and rng.random() < 0.04:
            p["status"] = "ineligible"

    # vacancies, shared: six offices; some closed, some past their closing date
    vacancies = []
    for _ in range(args.vacancies):
        made = now - timedelta(days=rng.randrange(0, 150), minutes=rng.randrange(600))
        r = rng.random()
        closes = (
            today - timedelta(days=rng.randrange(1, 60))
            if r < 0.15
            else None
            if r < 0.35
            else today + timedelta(days=rng.randrange(0, 90))
        )
        wage_min = rng.randrange(3_000, 6_000) * 1000
        closed = made + timedelta(days=rng.randrange(1, 30)) if rng.random() < 0.10 else None
        vacancies.append(
            stamp(rng.choice(OFFICES), made, new_id())
            | {
                "employer": f"PT {rng.choice(EMPLOYERS)} {rng.choice(EMPLOYERS)}",
                "npp": f"{rng.randrange(10**7, 10**8)}",
                "sector": "Industri pengolahan",
                "position": rng.choice(POSITIONS),
                "region_code": rng.choice(regencies if rng.random() < 0.85 else elsewhere),
                "modules": " ".join(rng.sample(modules, rng.choice((1, 1, 1, 2, 2, 3)))),
                "skills": "Sertifikat pelatihan; siap kerja shift",
                "openings": rng.randrange(1, 21),
                "wage_min": wage_min,
                "wage_max": wage_min + rng.randrange(0, 3_000) * 1000
                if rng.random() < 0.8
                else None,
                "closes_on": closes,
                "contact": "HRD 021-555-0101",
                "source": "Surat perusahaan",
                "registered_by": ADMIN,
                "closed_at": min(closed, now) if closed else None,
                "closed_by": ADMIN if closed else None,
            }
        )

    graduates = sorted({e["participant_id"] for e in enrolments if e["result"] == "lulus"})
    referrals, pairs = [], set()
    while len(referrals) < args.referrals:
        pid, v = rng.choice(graduates), rng.choice(vacancies)
        if (pid, v["id"]) in pairs:
            continue
        pairs.add((pid, v["id"]))
        on = max(v["created_at"].date(), today - timedelta(days=rng.randrange(0, 120)))
        r = rng.random()
        hired = True if r < 0.25 else False if r < 0.5 else None
        referrals.append(
            stamp(OFFICE, at(on), stable_id("referral", pid, v["id"]))
            | {
                "participant_id": pid,
                "vacancy_id": v["id"],
                "referred_on": on,
                "referred_by": rng.choice(CLERKS),
                "hired": hired,
                "hired_on": min(today, on + timedelta(days=rng.randrange(3, 30)))
                if hired
                else None,
                "outcome_by": ADMIN if hired is not None else None,
                "note": None,
            }
        )

    with db.write() as s:
        for model, rows in (
            (Participant, people),
            (TrainingProvider, providers),
            (Cohort, cohorts),
            (Enrollment, enrolments),
            (FollowUp, followups),
            (Vacancy, vacancies),
            (Referral, referrals),
        ):
            for chunk in range(0, len(rows), 5000):
                s.execute(insert(model.__table__), rows[chunk : chunk + 5000])
    open_ids = [
        v["id"]
        for v in vacancies
        if v["closed_at"] is None and (v["closes_on"] is None or v["closes_on"] >= today)
    ]
    return {
        "graduates": graduates,
        "open_vacancies": open_ids,
        "counts": {
            "participants": len(people),
            "providers": len(providers),
            "cohorts": len(cohorts),
            "cohorts_finished": n_finished,
            "cohorts_running": n_running,
            "cohorts_planned": n_planned,
            "enrolments": len(enrolments),
            "passed": sum(e["result"] == "lulus" for e in enrolments),
            "failed": sum(e["result"] == "tidak_lulus" for e in enrolments),
            "withdrawn": sum(e["status"] == "withdrawn" for e in enrolments),
            "followups_due_by_today": len(due_items),
            "followup_records": len(followups),
            "vacancies": len(vacancies),
            "vacancies_open": len(open_ids),
            "referrals": len(referrals),
        },
    }


# --- measuring ----------------------------------------------------------------------------


def ms_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def p50(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[94]


def floor_connection(path: Path) -> sqlite3.Connection:
    """Plain sqlite3 with the app's pragmas (app.db._pragmas)."""
    con = sqlite3.connect(path, isolation_level=None)
    for pragma in (
        "busy_timeout = 10000",
        "journal_mode = WAL",
        "synchronous = FULL",
        "foreign_keys = ON",
    ):
        con.execute(f"PRAGMA {pragma}")
    return con


class SqlCatcher:
    """The SELECTs a service sends to SQLite, with their parameters, to replay bare."""

    def __init__(self, engine: Any) -> None:
        from sqlalchemy import event

        self.caught: list[tuple[str, Any]] = []
        self.on = False
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn: Any, _cur: Any, statement: str, params: Any, *_: Any) -> None:
        if self.on and statement.lstrip().upper().startswith(("SELECT", "WITH")):
            self.caught.append((statement, params))

    def run(self, action: Callable[[], Any]) -> tuple[float, Any, list[tuple[str, Any]]]:
        self.caught, self.on = [], True
        try:
            start = time.perf_counter()
            result = action()
            elapsed = ms_since(start)
        finally:
            self.on = False
        return elapsed, result, self.caught


def replay(con: sqlite3.Connection, statements: list[tuple[str, Any]]) -> tuple[float, int]:
    """The service's SELECTs through plain sqlite3, every row fetched: (ms, rows)."""
    rows = 0
    start = time.perf_counter()
    for sql, params in statements:
        rows += len(con.execute(sql, params).fetchall())
    return ms_since(start), rows


def paired(
    catcher: SqlCatcher,
    con: sqlite3.Connection,
    actions: list[Callable[[], Any]],
    extra: Callable[[], float] | None = None,
) -> tuple[list[float], list[float], list[Any], int, int, list[float]]:
    """Each action through the service, then its SQL replayed bare (then `extra`, a second
    floor, when given), alternating."""
    svc, flo, results, more = [], [], [], []
    statements = rows = 0
    for action in actions:
        took, result, caught = catcher.run(action)
        bare, rows = replay(con, caught)
        svc.append(took)
        flo.append(bare)
        results.append(result)
        statements = len(caught)
        if extra is not None:
            more.append(extra())
    return svc, flo, results, statements, rows, more


# The rows the call list and the rates need, as bare SQL: the same followed people (the
# same filters as followups.followed_people) with only the columns a list row shows, and
# the office's follow-up records. What a column-only service would still have to read.
FOLLOWED_COLUMNS = """
SELECT e.id, e.status, p.id, p.full_name, p.nik, p.phone, p.whatsapp, c.code, c.end_date
FROM enrollment e JOIN participant p ON p.id = e.participant_id
JOIN cohort c ON c.id = e.cohort_id
WHERE c.office_code = ? AND c.status = 'selesai' AND c.deleted_at IS NULL
  AND e.deleted_at IS NULL AND p.deleted_at IS NULL
  AND ((e.status = 'enrolled' AND e.result = 'lulus') OR e.status = 'withdrawn')
"""
RECORD_COLUMNS = """
SELECT f.enrollment_id, f.milestone, f.outcome, f.attempts
FROM follow_up f JOIN cohort c ON c.id = f.cohort_id
WHERE f.deleted_at IS NULL AND c.office_code = ? AND c.status = 'selesai'
"""


def call_list_columns(con: sqlite3.Connection) -> float:
    start = time.perf_counter()
    con.execute(FOLLOWED_COLUMNS, (OFFICE,)).fetchall()
    con.execute(RECORD_COLUMNS, (OFFICE,)).fetchall()
    return ms_since(start)


def profile(label: str, action: Callable[[], Any], top: int = 18) -> str:
    prof = cProfile.Profile()
    prof.enable()
    action()
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out).strip_dirs().sort_stats("cumulative")
    stats.print_stats(top)
    text = out.getvalue()
    print(f"\n--- cProfile: {label} (cumulative) ---")
    print(text[text.find("   ncalls") :].rstrip())
    out = io.StringIO()
    pstats.Stats(prof, stream=out).strip_dirs().sort_stats("tottime").print_stats(12)
    text = out.getvalue()
    print(f"--- cProfile: {label} (own time) ---")
    print(text[text.find("   ncalls") :].rstrip())
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=20_000)
    parser.add_argument("--providers", type=int, default=40)
    parser.add_argument("--cohorts", type=int, default=500)
    parser.add_argument("--enrolments", type=int, default=12_000)
    parser.add_argument("--followups", type=int, default=8_000)
    parser.add_argument("--vacancies", type=int, default=1_000)
    parser.add_argument("--referrals", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=9, help="repeats of each whole-list call")
    parser.add_argument("--people", type=int, default=50, help="graduates to match")
    parser.add_argument("--jobs", type=int, default=20, help="open vacancies to match")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    today: date = args.today
    load_before = os.getloadavg()

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["LOKET_HOME"] = tmp
        from app import config
        from app.db import Database, upgrade
        from app.services.followup_rates import GROUPS, followup_rates
        from app.services.followups import due
        from app.services.office import initialise
        from app.services.supply_demand import supply_demand
        from app.services.vacancies import list_vacancies
        from app.services.vacancy_matching import matches_for_participant, matches_for_vacancy

        path = Path(config.db_path())
        upgrade(path, config.backups_dir())
        db = Database(path)
        initialise(
            db,
            office_code=OFFICE,
            device_no=1,
            admin_username=ADMIN,
            admin_full_name="Admin Kantor",
            admin_password=ADMIN_PASSWORD,
            actor_label="cli:bench",
        )
        start = time.perf_counter()
        built = build(db, args, today)
        build_s = ms_since(start) / 1000
        counts = built["counts"]
        size_mb = path.stat().st_size / 2**20
        print(f"built in {build_s:.1f} s, file {size_mb:.1f} MB (+ WAL), today {today}")
        print("  " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))

        catcher = SqlCatcher(db.engine)
        con = floor_connection(path)
        rng = random.Random(args.seed + 1)
        # warm: the OS cache, SQLAlchemy's statement cache, the regions index
        due(db, today)
        supply_demand(db, today)
        list_vacancies(db, today=today)
        matches_for_participant(db, built["graduates"][0], today)
        matches_for_vacancy(db, built["open_vacancies"][0], today)
        for g in GROUPS:
            followup_rates(db, g, today)

        out: dict[str, Any] = {"benchmark": "followups", **counts, "build_s": round(build_s, 1)}
        figures: list[tuple[str, list[float], list[float], bool, str]] = []  # svc [] : floor

        def measure(
            key: str,
            label: str,
            actions: list[Callable[[], Any]],
            note: Callable[[list[Any]], str],
            per_request: bool,
            columns: bool = False,
        ) -> None:
            """Service and floor, alternating; per request: p50 and p95 over the requests,
            else p50 and max over the repeats of the whole list. `columns`: also the
            column-only floor of the call list's rows."""
            extra = (lambda: call_list_columns(con)) if columns else None
            svc, flo, results, statements, rows, more = paired(catcher, con, actions, extra)
            spread = "p95" if per_request else "max"
            spread_of = p95 if per_request else max
            out[f"{key}_p50_ms"] = round(p50(svc), 1)
            out[f"{key}_{spread}_ms"] = round(spread_of(svc), 1)
            out[f"{key}_floor_p50_ms"] = round(p50(flo), 1)
            out[f"{key}_floor_{spread}_ms"] = round(spread_of(flo), 1)
            text = f"{note(results)}; {statements} SELECTs, {rows:,} rows read (last)"
            figures.append((label, svc, flo, per_request, text))
            if more:
                out[f"{key}_floor_columns_p50_ms"] = round(p50(more), 1)
                out[f"{key}_floor_columns_max_ms"] = round(max(more), 1)
                figures.append(("  its rows, needed columns only", [], more, False, "floor only"))

        def whole(
            key: str,
            label: str,
            action: Callable[[], Any],
            note: Callable[[Any], str],
            columns: bool = False,
        ) -> None:
            measure(key, label, [action] * args.runs, lambda r: note(r[-1]), False, columns)

        whole(
            "due",
            "call list due(today)",
            lambda: due(db, today),
            lambda r: f"{len(r):,} rows",
            columns=True,
        )
        out["due_rows"] = len(due(db, today))
        whole(
            "supply_demand",
            "supply_demand(today)",
            lambda: supply_demand(db, today),
            lambda r: f"{len(r.rows)} module x province rows",
        )
        for g in GROUPS:
            whole(
                f"rates_{g}",
                f"followup_rates({g})",
                lambda g=g: followup_rates(db, g, today),
                lambda r: f"{len(r)} rows",
                columns=g == "cohort",
            )
        whole(
            "list_vacancies",
            "list_vacancies (open)",
            lambda: list_vacancies(db, today=today),
            lambda r: f"{len(r)} vacancies",
        )
        people = rng.sample(built["graduates"], min(args.people, len(built["graduates"])))
        measure(
            "person_matches",
            f"matches_for_participant x{len(people)}",
            [lambda p=p: matches_for_participant(db, p, today) for p in people],
            lambda r: f"{statistics.mean(len(m) for m in r):.1f} vacancies a person",
            True,
        )
        jobs = rng.sample(built["open_vacancies"], min(args.jobs, len(built["open_vacancies"])))
        measure(
            "vacancy_matches",
            f"matches_for_vacancy x{len(jobs)}",
            [lambda v=v: matches_for_vacancy(db, v, today) for v in jobs],
            lambda r: f"{statistics.mean(len(m[1]) for m in r):.1f} people a vacancy",
            True,
        )

        load_after = os.getloadavg()
        print(
            f"\nload average before {load_before[0]:.2f}, after {load_after[0]:.2f} "
            f"({os.cpu_count()} cores); {args.runs} runs of each whole list, service and "
            "floor alternating"
        )
        print(f"{'figure':<34} {'p50':>9} {'p95|max':>13} {'floor p50':>9} {'p95|max':>13}  ratio")
        for label, svc, flo, per_request, note in figures:
            tag, spread = ("p95", p95) if per_request else ("max", max)
            if not svc:
                print(f"{label:<34} {'':>23} {p50(flo):7.1f}ms {tag} {spread(flo):7.1f}ms")
                continue
            ratio = p50(svc) / max(p50(flo), 0.01)
            print(
                f"{label:<34} {p50(svc):7.1f}ms {tag} {spread(svc):7.1f}ms "
                f"{p50(flo):7.1f}ms {tag} {spread(flo):7.1f}ms {ratio:5.1f}x  {note}"
            )

        if args.profile:
            profile("due(today)", lambda: due(db, today))
            profile("supply_demand(today)", lambda: supply_demand(db, today))
            profile("followup_rates(cohort)", lambda: followup_rates(db, "cohort", today))
            profile(
                "matches_for_participant", lambda: matches_for_participant(db, people[0], today)
            )
            profile("matches_for_vacancy", lambda: matches_for_vacancy(db, jobs[0], today))
        con.close()
        db.dispose()
    out["load_before"] = round(load_before[0], 2)
    out["load_after"] = round(load_after[0], 2)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
