"""Sync throughput: 100,000 changes from counter A through the server (PostgreSQL) to counter B.

Set-up (not timed): a fresh PostgreSQL database; the sync server as a subprocess
(`loket server run --db URL --port N`, as tests/sync/conftest.py starts it); two counters of
office JKT (A and B) made like `loket init` does. A gets its changes through the real unit of
work in transactions of 1,000 registrations: each registration is `add_participant` (a
participant and its consent) plus its `participant.register` audit event, so 3 outbox rows,
and each registration comes from a realistic intake form (bench/participants.py's generator)
checked by `check_intake`. Generation runs in child processes, its time is printed, and it is
kept out of every timed figure.

Timed, each next to a floor measured in the same run:

- end to end: `run_cycle` at A (push every change, then pull its own changes back), then
  `run_cycle` at B (pull all of them). Wall time of the two, and changes per second. Floor:
  the same rows (A's outbox, as the server's change_log rows: seq, entity, id, office, scope,
  op, version, hlc, data JSON) written straight into PostgreSQL in one transaction, with COPY
  and with psycopg's executemany. Goal: end to end within 3x of the COPY floor's rate.
- a no-op sync: `run_cycle` at B when nothing is pending and nothing is new, as the window
  calls it (one HTTP client kept for every cycle, app.ui.sync_runner), p50/p95 over
  --noop-runs; also with a new client each cycle, as `loket sync run` does. Floor: GET
  /health over a kept connection. Goal: under 50 ms.
- 20 offices at once: 20 counters, each of its own office (the program knows 6 office codes;
  the bench adds made-up ones, which the server treats like any other), each with
  --per-office changes, all starting `run_cycle` together as separate processes (imported
  and waiting before the clock starts). Wall time from the start signal to the last report.

Prints the figures and, as the last line, one JSON object.

    python bench/sync.py [--changes 100000] [--offices 20] [--per-office 2000]
                         [--pg postgresql://loket:loket@127.0.0.1:5432/postgres]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ADMIN = "admin"
PASSWORD = "Bench2026x!"
PG_DEFAULT = "postgresql://loket:loket@127.0.0.1:5432/postgres"
REGISTRATIONS_PER_TRANSACTION = 1000
GOALS = {"ratio_to_floor": 3.0, "noop_ms": 50.0}


def ms_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- offices ------------------------------------------------------------------------------


def allow_office(code: str) -> None:
    """Let the set-up accept a made-up office code (for 20 distinct offices)."""
    from app.domain.offices import OFFICES_BY_CODE, OfficeInfo

    if code not in OFFICES_BY_CODE:
        OFFICES_BY_CODE[code] = OfficeInfo(code, f"Bench {code}", "31", "DKI Jakarta")


def set_up_office(home: Path, office: str, device_no: int) -> None:
    from app.db import Database, upgrade
    from app.services.office import initialise

    allow_office(office)
    home.mkdir(parents=True, exist_ok=True)
    upgrade(home / "loket.db", home / "backups")
    con = sqlite3.connect(home / "loket.db")
    with con:  # a made-up office is reference data, seeded like the migration seeds the six
        con.execute(
            "INSERT OR IGNORE INTO office (id, office_code, code, name, region_code, created_at, "
            "updated_at, version, hlc) VALUES (?, ?, ?, ?, '31', '2026-01-01 00:00:00.000000', "
            "'2026-01-01 00:00:00.000000', 1, '1767225600000-00000-seed')",
            (f"bench-office-{office}", office, office, f"Bench {office}"),
        )
    con.close()
    db = Database(home / "loket.db")
    try:
        initialise(
            db,
            office_code=office,
            device_no=device_no,
            admin_username=ADMIN,
            admin_full_name="Admin Kantor",
            admin_password=PASSWORD,
            actor_label="cli:bench",
        )
    finally:
        db.dispose()


def _participants_bench() -> Any:
    path = ROOT / "bench" / "participants.py"
    spec = importlib.util.spec_from_file_location("bench_participants", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generate(home: Path, office: str, changes: int, seed: int) -> dict[str, Any]:
    """Registrations through the real unit of work until the outbox holds `changes` rows."""
    from app.db import Database
    from app.domain import eligibility
    from app.domain.intake import check_intake
    from app.domain.roles import Role
    from app.resources import regions
    from app.services.actor import Actor
    from app.services.participants import add_participant, facts_from
    from app.services.settings import get_settings
    from app.services.uow import unit_of_work

    start = time.perf_counter()
    db = Database(home / "loket.db")
    rng = random.Random(seed)
    try:
        con = sqlite3.connect(home / "loket.db")
        existing = int(con.execute("SELECT count(*) FROM outbox").fetchone()[0])
        con.close()
        wanted = max(0, math.ceil((changes - existing) / 3))
        scratch = sqlite3.connect(":memory:")
        scratch.execute("CREATE TABLE participant (nik TEXT PRIMARY KEY)")
        forms = _participants_bench().intake_forms(scratch, wanted + wanted // 20 + 10, rng)
        today = date.today()
        index = regions()
        checked = []
        for raw in forms:
            if len(checked) == wanted:
                break
            result = check_intake(raw, today, index)
            if not any(f.severity.value == "error" for f in result.findings):
                checked.append(result.values)
        assert len(checked) == wanted, (len(checked), wanted)
        settings = get_settings(db)
        preset = str(settings["eligibility_preset"])
        notice = str(settings["consent_notice_version"])
        rules = eligibility.PRESETS.get(preset, eligibility.PRESETS["vokasi_2019"])
        actor = Actor(username=ADMIN, role=Role.ADMIN, office_code=office)
        forms_s = time.perf_counter() - start
        for first in range(0, wanted, REGISTRATIONS_PER_TRANSACTION):
            with unit_of_work(db, actor) as uow:
                for values in checked[first : first + REGISTRATIONS_PER_TRANSACTION]:
                    verdict = eligibility.evaluate(facts_from(values, today, True), rules)
                    p = add_participant(uow, values, verdict, preset, notice)
                    uow.audit(
                        "participant.register",
                        "participant",
                        p.id,
                        eligibility=verdict.status.value,
                    )
    finally:
        db.dispose()
    con = sqlite3.connect(home / "loket.db")
    total = int(con.execute("SELECT count(*) FROM outbox WHERE status='pending'").fetchone()[0])
    con.close()
    return {
        "home": str(home),
        "registrations": wanted,
        "changes": total,
        "forms_s": round(forms_s, 1),
        "seconds": round(time.perf_counter() - start, 1),
    }


def generate_in_child(jobs: list[tuple[Path, str, int, int, int]]) -> subprocess.Popen[str]:
    """Set up and fill offices in a child process: [(home, office, device, changes, seed)]."""
    spec = json.dumps([[str(h), o, d, c, s] for h, o, d, c, s in jobs])
    return subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--generate", spec],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def run_generate(spec: str) -> int:
    out = []
    for home, office, device, changes, seed in json.loads(spec):
        set_up_office(Path(home), office, device)
        out.append(generate(Path(home), office, changes, seed))
    print(json.dumps(out))
    return 0


def collect(proc: subprocess.Popen[str]) -> list[dict[str, Any]]:
    out, _ = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError("generation failed")
    result: list[dict[str, Any]] = json.loads(out.strip().splitlines()[-1])
    return result


# --- server -------------------------------------------------------------------------------


def create_database(admin_url: str, name: str) -> str:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin_url.rsplit("/", 1)[0] + "/" + name


def drop_database(admin_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def spawn_server(db_url: str, port: int) -> subprocess.Popen[bytes]:
    import httpx

    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "server", "run", "--db", db_url, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("sync server did not start")


def enroll_office(home: Path, server_url: str, db_url: str, office: str) -> None:
    from app.db import Database
    from app.server.admin import make_enroll_code
    from app.server.db import make_server_engine
    from app.sync.client import enroll

    allow_office(office)
    engine = make_server_engine(db_url)
    try:
        code = make_enroll_code(engine, office)
    finally:
        engine.dispose()
    db = Database(home / "loket.db")
    try:
        enroll(db, server_url, code)
    finally:
        db.dispose()


def server_facts(db_url: str) -> dict[str, Any]:
    import psycopg

    with psycopg.connect(db_url) as conn:
        seqs = [r[0] for r in conn.execute("SELECT seq FROM change_log ORDER BY seq")]
        mutations = conn.execute(
            "SELECT count(*), count(DISTINCT (device_id, mutation_id)) FROM mutation_log"
        ).fetchone()
    assert mutations is not None
    return {
        "changes": len(seqs),
        "gap_free": seqs == list(range(1, len(seqs) + 1)),
        "mutations": mutations[0],
        "distinct_mutations": mutations[1],
    }


# --- floor --------------------------------------------------------------------------------

FLOOR_TABLE = """
CREATE TABLE floor_change (
    seq BIGINT PRIMARY KEY, entity VARCHAR(32) NOT NULL, entity_id VARCHAR(36) NOT NULL,
    office_code VARCHAR(8) NOT NULL, scope VARCHAR(16) NOT NULL, op VARCHAR(8) NOT NULL,
    version INTEGER NOT NULL, hlc VARCHAR(64) NOT NULL, data JSON NOT NULL,
    origin_device VARCHAR(36))
"""


def floor_rows(home: Path) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(home / "loket.db")
    try:
        device = con.execute("SELECT device_id FROM device").fetchone()[0]
        return [
            (seq, entity, entity_id, office, "office", op, version, hlc, changes, device)
            for seq, entity, entity_id, office, op, version, hlc, changes in con.execute(
                "SELECT seq, entity, entity_id, office_code, op, version, hlc, changes "
                "FROM outbox ORDER BY seq"
            )
        ]
    finally:
        con.close()


def measure_floor(db_url: str, rows: list[tuple[Any, ...]]) -> dict[str, float]:
    """The same rows straight into PostgreSQL, one transaction: COPY, then executemany."""
    import psycopg

    out = {}
    with psycopg.connect(db_url) as conn:
        conn.execute(FLOOR_TABLE)
        conn.commit()
        start = time.perf_counter()
        with (
            conn.cursor() as cur,
            cur.copy(
                "COPY floor_change (seq, entity, entity_id, office_code, scope, op, version, hlc, "
                "data, origin_device) FROM STDIN"
            ) as copy,
        ):
            for row in rows:
                copy.write_row(row)
        conn.commit()
        out["copy_s"] = time.perf_counter() - start
        conn.execute("TRUNCATE floor_change")
        conn.commit()
        start = time.perf_counter()
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO floor_change (seq, entity, entity_id, office_code, scope, op, "
                "version, hlc, data, origin_device) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, "
                "%s, %s)",
                rows,
            )
        conn.commit()
        out["executemany_s"] = time.perf_counter() - start
        conn.execute("DROP TABLE floor_change")
        conn.commit()
    return out


# --- clients ------------------------------------------------------------------------------


def timed_cycle(home: Path) -> tuple[float, Any, dict[str, float]]:
    """One run_cycle as the window runs it; push and pull timed apart (wrapped, not changed)."""
    from app.db import Database
    from app.sync import client
    from app.sync import pull as pull_module
    from app.sync import push as push_module

    phases = {"push_s": 0.0, "pull_s": 0.0}
    original_push, original_pull = push_module.push_changes, pull_module.pull_changes

    def push(*args: Any) -> None:
        start = time.perf_counter()
        try:
            original_push(*args)
        finally:
            phases["push_s"] += time.perf_counter() - start

    def pull(*args: Any) -> None:
        start = time.perf_counter()
        try:
            original_pull(*args)
        finally:
            phases["pull_s"] += time.perf_counter() - start

    db = Database(home / "loket.db")
    push_module.push_changes, pull_module.pull_changes = push, pull  # type: ignore[assignment]
    try:
        start = time.perf_counter()
        report = client.run_cycle(db)
        seconds = time.perf_counter() - start
    finally:
        push_module.push_changes = original_push  # type: ignore[assignment]
        pull_module.pull_changes = original_pull  # type: ignore[assignment]
        db.dispose()
    return seconds, report, phases


def pending(home: Path) -> int:
    con = sqlite3.connect(home / "loket.db")
    try:
        return int(con.execute("SELECT count(*) FROM outbox WHERE status='pending'").fetchone()[0])
    finally:
        con.close()


def participants(home: Path) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(home / "loket.db")
    try:
        return sorted(
            con.execute(
                "SELECT id, nik, full_name, birth_date, phone, status, office_code, version, hlc "
                "FROM participant"
            ).fetchall()
        )
    finally:
        con.close()


def measure_noop(home: Path, server_url: str, runs: int) -> dict[str, float]:
    import httpx

    from app.db import Database
    from app.sync.client import Transport, run_cycle

    db = Database(home / "loket.db")
    fresh: list[float] = []
    kept: list[float] = []
    health: list[float] = []
    transport = Transport(server_url)
    bare = httpx.Client()
    try:
        for _ in range(5):  # warm-up: imports, statement caches, connections
            assert run_cycle(db).ok
            run_cycle(db, transport)
            bare.get(server_url + "/health")
        for _ in range(runs):
            start = time.perf_counter()
            report = run_cycle(db)
            fresh.append(ms_since(start))
            assert report.ok and report.pushed == 0 and report.pulled == 0, report
            start = time.perf_counter()
            run_cycle(db, transport)
            kept.append(ms_since(start))
            start = time.perf_counter()
            bare.get(server_url + "/health")
            health.append(ms_since(start))
    finally:
        transport.close()
        bare.close()
        db.dispose()
    return {
        "noop_p50_ms": statistics.median(fresh),
        "noop_p95_ms": pct(fresh, 0.95),
        "noop_kept_p50_ms": statistics.median(kept),
        "noop_kept_p95_ms": pct(kept, 0.95),
        "health_p50_ms": statistics.median(health),
    }


def run_worker(home: str) -> int:
    """A counter waiting for the start signal on stdin, then one run_cycle."""
    from app.db import Database
    from app.sync.client import run_cycle

    db = Database(Path(home) / "loket.db")
    print("ready", flush=True)
    sys.stdin.readline()
    start = time.perf_counter()
    report = run_cycle(db)
    seconds = time.perf_counter() - start
    db.dispose()
    print(
        json.dumps(
            {
                "ok": report.ok,
                "pushed": report.pushed,
                "pulled": report.pulled,
                "error": report.error,
                "seconds": seconds,
            }
        ),
        flush=True,
    )
    return 0


def many_offices(homes: list[Path]) -> dict[str, Any]:
    workers = [
        subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--worker", str(home)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for home in homes
    ]
    for w in workers:
        assert w.stdout is not None and w.stdout.readline().strip() == "ready"
    start = time.perf_counter()
    for w in workers:
        assert w.stdin is not None
        w.stdin.write("go\n")
        w.stdin.flush()
    reports = []
    for w in workers:
        out, _ = w.communicate(timeout=3600)
        reports.append(json.loads(out.strip().splitlines()[-1]))
    wall = time.perf_counter() - start
    return {"wall_s": wall, "reports": reports}


# --- main ---------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=100_000)
    parser.add_argument("--offices", type=int, default=20)
    parser.add_argument("--per-office", type=int, default=2000)
    parser.add_argument("--noop-runs", type=int, default=50)
    parser.add_argument("--pg", default=os.environ.get("LOKET_TEST_PG", PG_DEFAULT))
    parser.add_argument("--keep", action="store_true", help="keep the database and folders")
    parser.add_argument("--generate", help=argparse.SUPPRESS)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        return run_generate(args.generate)
    if args.worker:
        return run_worker(args.worker)

    tmp = Path(tempfile.mkdtemp(prefix="loket-bench-sync-"))
    name = f"loket_bench_sync_{os.getpid()}"
    db_url = create_database(args.pg, name)
    server = None
    out: dict[str, Any] = {"benchmark": "sync"}
    try:
        a, b = tmp / "a", tmp / "b"
        homes = [tmp / f"k{n:02d}" for n in range(1, args.offices + 1)]
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # office codes are letters (app.protocol.validate)
        codes = [f"K{letters[n // 26]}{letters[n % 26]}" for n in range(args.offices)]
        start = time.perf_counter()
        # Two children on two cores: A's changes; B and the other offices.
        gen_a = generate_in_child([(a, "JKT", 1, args.changes, 1)])
        gen_rest = generate_in_child(
            [(b, "JKT", 2, 0, 2)]
            + [
                (h, c, 1, args.per_office, 100 + i)
                for i, (h, c) in enumerate(zip(homes, codes, strict=True))
            ]
        )
        made_a = collect(gen_a)[0]
        made_rest = collect(gen_rest)
        gen_s = time.perf_counter() - start
        changes = int(made_a["changes"])
        print(
            f"generated           : A {changes:,} changes ({made_a['registrations']:,} "
            f"registrations) in {made_a['seconds']} s ({made_a['forms_s']} s of it forms); "
            f"{args.offices} offices x ~{args.per_office:,}; all in {gen_s:.1f} s (not timed)"
        )

        port = free_port()
        server_url = f"http://127.0.0.1:{port}"
        server = spawn_server(db_url, port)
        for home, code in [(a, "JKT"), (b, "JKT"), *zip(homes, codes, strict=True)]:
            enroll_office(home, server_url, db_url, code)

        floor = measure_floor(db_url, floor_rows(a))
        a_s, a_report, a_phases = timed_cycle(a)
        b_s, b_report, b_phases = timed_cycle(b)
        total_s = a_s + b_s
        assert a_report.ok and b_report.ok, (a_report.error, b_report.error)
        assert pending(a) == 0 and a_report.pushed == changes, (pending(a), a_report.pushed)
        same = participants(a) == participants(b)
        facts = server_facts(db_url)
        assert same and facts["gap_free"], (same, facts)
        assert facts["mutations"] == facts["distinct_mutations"] >= changes, facts

        rate = changes / total_s
        floor_rate = changes / floor["copy_s"]
        em_rate = changes / floor["executemany_s"]
        print(f"floor: COPY         : {floor['copy_s']:7.2f} s  {floor_rate:9,.0f} changes/s")
        print(f"floor: executemany  : {floor['executemany_s']:7.2f} s  {em_rate:9,.0f} changes/s")
        print(
            f"A run_cycle         : {a_s:7.2f} s  (push {a_phases['push_s']:.2f} s, pull back "
            f"{a_phases['pull_s']:.2f} s: {a_report.pulled:,} written)"
        )
        print(
            f"B run_cycle         : {b_s:7.2f} s  (pull {b_phases['pull_s']:.2f} s: "
            f"{b_report.pulled:,} written)"
        )
        print(
            f"end to end A -> B   : {total_s:7.2f} s  {rate:9,.0f} changes/s  "
            f"= floor / {floor_rate / rate:.1f}  (goal: within {GOALS['ratio_to_floor']:.0f}x)"
        )
        print(
            f"push alone          : {changes / a_phases['push_s']:9,.0f} changes/s; B's pull "
            f"alone {changes / b_phases['pull_s']:,.0f} changes/s"
        )

        noop = measure_noop(b, server_url, args.noop_runs)
        print(
            f"no-op run_cycle     : as the window runs it (one kept HTTP client) p50 "
            f"{noop['noop_kept_p50_ms']:.1f} ms, p95 {noop['noop_kept_p95_ms']:.1f} "
            f"(goal < {GOALS['noop_ms']:.0f}); a new client each time (`loket sync run`) p50 "
            f"{noop['noop_p50_ms']:.1f}, p95 {noop['noop_p95_ms']:.1f}"
            f"; floor GET /health {noop['health_p50_ms']:.1f} ms"
        )

        offices: dict[str, Any] = {"wall_s": 0.0, "reports": []}
        if args.offices:
            offices = many_offices(homes)
            reports = offices["reports"]
            assert all(r["ok"] for r in reports), [r["error"] for r in reports if not r["ok"]]
            assert all(pending(h) == 0 for h in homes)
            pushed = sum(r["pushed"] for r in reports)
            slowest = max(r["seconds"] for r in reports)
            print(
                f"{args.offices} offices at once  : {offices['wall_s']:7.2f} s wall for "
                f"{pushed:,} changes ({pushed / offices['wall_s']:,.0f} changes/s); slowest "
                f"office {slowest:.2f} s, fastest {min(r['seconds'] for r in reports):.2f} s"
            )
        facts = server_facts(db_url)
        assert facts["gap_free"], facts

        out.update(
            {
                "changes": changes,
                "generation_s": round(made_a["seconds"], 1),
                "end_to_end_s": round(total_s, 2),
                "changes_per_s": round(rate),
                "floor_changes_per_s": round(floor_rate),
                "floor_executemany_changes_per_s": round(em_rate),
                "ratio_to_floor": round(floor_rate / rate, 2),
                "a_cycle_s": round(a_s, 2),
                "push_s": round(a_phases["push_s"], 2),
                "a_pull_back_s": round(a_phases["pull_s"], 2),
                "b_cycle_s": round(b_s, 2),
                "noop_ms": round(noop["noop_kept_p50_ms"], 1),  # the window keeps its client
                "noop_p95_ms": round(noop["noop_kept_p95_ms"], 1),
                "noop_new_client_p50_ms": round(noop["noop_p50_ms"], 1),
                "health_floor_ms": round(noop["health_p50_ms"], 1),
                "offices": args.offices,
                "per_office_changes": round(
                    sum(r["changes"] for r in made_rest[1:]) / max(1, args.offices)
                ),
                "offices20_s": round(offices["wall_s"], 2),
                "goals": GOALS,
            }
        )
        print(json.dumps(out))
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if not args.keep:
            drop_database(args.pg, name)
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"kept: {db_url} and {tmp}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
