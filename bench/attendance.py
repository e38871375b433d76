"""Marking a day for 30 people (issue #10: "a clerk marks a day for 30 people in under a
minute with the keyboard"): how much of that minute the program takes.

A demo office in a temporary LOKET_HOME; a cohort from yesterday (every weekday) with 30 of
its people enrolled. Measured, each next to a floor in the same run on the same file:

- the service: `attendance.mark` for one person, 30 times (yesterday's column), one
  transaction each, as the grid writes a key press. Floor: one bare INSERT + COMMIT through
  plain sqlite3 with the app's pragmas (WAL, synchronous=FULL), 30 times.
- the window: the attendance grid offscreen, 30 key presses (H, I, S, A) on today's column,
  from the first press until the thirtieth mark is stored and shown (Qt events processed
  between presses, as a person types).

    QT_QPA_PLATFORM=offscreen python bench/attendance.py [--people 30]

Prints the figures and, as the last line, one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def _floor(path: Path, n: int) -> list[float]:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("CREATE TABLE IF NOT EXISTS bench_floor (id TEXT PRIMARY KEY, mark TEXT)")
    times = []
    for i in range(n):
        start = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT INTO bench_floor VALUES (?, ?)", (f"{time.time_ns()}-{i}", "H"))
        con.execute("COMMIT")
        times.append((time.perf_counter() - start) * 1000)
    con.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["LOKET_HOME"] = tmp
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        from app import config
        from app.db import Database, upgrade
        from app.services.attendance import mark
        from app.services.auth import login
        from app.services.cohorts import CohortPlan, create_cohort
        from app.services.demo import DEMO_PASSWORD, create_demo_office
        from app.services.enrolment import PickerQuery, candidates, enrol
        from app.services.participants import register
        from app.ui import tasks
        from app.ui.app import ensure_application
        from app.ui.context import AppContext
        from app.ui.pages.cohorts import CohortsPage

        upgrade(config.db_path(), config.backups_dir())
        db = Database(config.db_path())
        demo = create_demo_office(db)
        clerk = next(lg for lg in demo.logins if lg.role == "counter")
        actor = login(db, clerk.username, DEMO_PASSWORD).actor
        today = db.clock().astimezone().date()
        week = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
        plan = CohortPlan(
            "BLK Jakarta Timur", "LAS", today - timedelta(days=1), today + timedelta(days=12), week,
            capacity=args.people,
        )  # fmt: skip
        cid = create_cohort(db, actor, plan).id
        for n in range(args.people):  # their own people: the demo's are in its cohorts
            day, month = 1 + n % 28, 1 + (n // 28) % 12
            raw = {
                "nik": f"317101{day:02d}{month:02d}91{n + 1:04d}",
                "nama": f"Peserta Uji {n + 1}",
                "tanggal_lahir": f"{day:02d}/{month:02d}/1991",
                "jenis_kelamin": "L" if n % 2 else "P",
                "telepon": f"0813-5555-{n + 1:04d}",
                "persetujuan": "Y",
            }
            register(db, actor, raw, confirm_warnings=True)
        free = [
            c.participant_id for c in candidates(db, cid, PickerQuery(limit=1000)) if not c.refusals
        ][: args.people]
        enrol(db, actor, cid, free, confirm_unknown=True)
        people = len(free)

        service: list[float] = []
        floor: list[float] = []
        yesterday = today - timedelta(days=1)
        for n, pid in enumerate(free):  # alternate with the floor, mark by mark
            start = time.perf_counter()
            mark(db, actor, cid, yesterday, {pid: "HISA"[n % 4]})
            service.append((time.perf_counter() - start) * 1000)
            floor += _floor(config.db_path(), 1)

        app = ensure_application([])
        ctx = AppContext(config.db_path(), config.backups_dir(), db=db)
        page = CohortsPage(ctx, actor)
        page.resize(1300, 700)
        page.show()
        grid = page.open_cohort(cid, tab=1).grid
        app.processEvents()
        keys = [Qt.Key.Key_H, Qt.Key.Key_I, Qt.Key.Key_S, Qt.Key.Key_A]
        start = time.perf_counter()
        for n in range(people):
            QTest.keyClick(grid.table, keys[n % 4])
            app.processEvents()
        while tasks.busy():
            tasks.wait_all()
            app.processEvents()
        window_ms = (time.perf_counter() - start) * 1000
        stored = db.path
        con = sqlite3.connect(stored)
        marked = con.execute(
            "SELECT count(*) FROM attendance a JOIN cohort_session s ON s.id = a.session_id "
            "WHERE s.day = ? AND a.cohort_id = ?",
            (today.isoformat(), cid),
        ).fetchone()[0]
        con.close()
        page.close()
        tasks.wait_all()
        ctx.close()
        QApplication.processEvents()

    result = {
        "people": people,
        "mark_p50_ms": round(statistics.median(service), 1),
        "mark_p95_ms": round(_p95(service), 1),
        "floor_p50_ms": round(statistics.median(floor), 1),
        "floor_p95_ms": round(_p95(floor), 1),
        "window_day_ms": round(window_ms, 1),
        "window_marks_stored": marked,
    }
    print(f"one mark through the service: p50 {result['mark_p50_ms']} ms, "
          f"p95 {result['mark_p95_ms']} ms (floor: bare insert + commit p50 "
          f"{result['floor_p50_ms']} ms, p95 {result['floor_p95_ms']} ms)")  # fmt: skip
    print(f"a day of {people} people typed in the grid: {result['window_day_ms']} ms "
          f"until all {marked} marks are stored")  # fmt: skip
    print(json.dumps(result))
    return 0 if marked == people else 1


if __name__ == "__main__":
    raise SystemExit(main())
