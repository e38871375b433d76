"""Background sync while the clerk works (issue #8, part 6: one writer).

The window runs a sync cycle on the read pool, not on its single writer thread: a cycle
waits on the network, and a clerk's save must not queue behind a slow line. So the cycle's
short write transactions and the clerk's actions meet only in the database, which
serialises them (BEGIN IMMEDIATE, writers wait up to 180 s for each other). This test shows
that is enough: sync cycles pulling thousands of changes run again and again while, at the
same time, a clerk registers people one by one and a supervisor imports a file — and no
action fails with "database is locked", none is lost, and sync still brings everything.
(Payments will join this test when they exist.)
"""

from __future__ import annotations

import random
import sqlite3
import threading
from pathlib import Path

from app.db import Database
from app.services.auth import login
from app.services.participant_import import run_import
from app.sync import client
from tests.sync.conftest import PASSWORD, enrolled, loket, make_office, sync
from tests.sync.helpers import add_people

OTHER_COUNTER = 1_200  # people registered at the other counter: 3,600 changes to pull
AT_THE_COUNTER = 30  # registered one by one here during the sync cycles
IN_THE_FILE = 400  # imported here during the sync cycles


def _csv(path: Path) -> Path:
    lines = ["nik;nama;tanggal_lahir;jenis_kelamin;persetujuan"]
    for n in range(1, IN_THE_FILE + 1):
        day = 1 + n % 28
        lines.append(f"317101{day:02d}0889{n:04d};Impor Peserta {n};{day:02d}/08/1989;L;Y")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _count(home: Path, where: str) -> int:
    con = sqlite3.connect(home / "loket.db")
    try:
        return int(con.execute(f"SELECT count(*) FROM participant WHERE {where}").fetchone()[0])
    finally:
        con.close()


def test_sync_cycles_during_intake_and_import_lose_nothing(server, tmp_path):
    here = enrolled(server, make_office(tmp_path, "here", "JKT", 1), "JKT")
    other = enrolled(server, make_office(tmp_path, "other", "JKT", 2), "JKT")
    add_people(other, OTHER_COUNTER, random.Random(7), start=20_000)
    assert sync(other)["ok"]
    csv = _csv(tmp_path / "impor.csv")

    db = Database(here / "loket.db")  # one database object, as the window shares one
    actor = login(db, "admin", PASSWORD).actor
    errors: list[BaseException] = []
    working = threading.Event()
    working.set()
    cycles: list[bool] = []
    in_cycle = threading.Event()
    overlapped: list[str] = []  # the clerk actions that began while a cycle was running

    def guarded(work):
        def run():
            try:
                work()
            except BaseException as exc:  # collected for the assertion below
                errors.append(exc)

        return threading.Thread(target=run)

    def keep_syncing():
        while working.is_set() or not cycles:
            in_cycle.set()
            cycles.append(client.run_cycle(db).ok)
            in_cycle.clear()

    def intake():
        in_cycle.wait(30)
        if in_cycle.is_set():
            overlapped.append("intake")
        add_people(here, AT_THE_COUNTER, random.Random(3), start=40_000)

    def importing():
        in_cycle.wait(30)
        if in_cycle.is_set():
            overlapped.append("import")
        result = run_import(db, actor, csv)
        assert result.written == IN_THE_FILE, result.reports[:3]

    syncer = guarded(keep_syncing)
    clerks = [guarded(intake), guarded(importing)]
    syncer.start()
    for clerk in clerks:
        clerk.start()
    for clerk in clerks:
        clerk.join(timeout=600)
    working.clear()
    syncer.join(timeout=600)
    db.dispose()

    assert errors == [], [repr(e) for e in errors]
    assert cycles and all(cycles), cycles
    assert sorted(overlapped) == ["import", "intake"]  # both began during a cycle
    assert _count(here, "full_name LIKE 'Peserta %' AND office_code = 'JKT'") == (
        OTHER_COUNTER + AT_THE_COUNTER
    )
    assert _count(here, "full_name LIKE 'Impor Peserta %'") == IN_THE_FILE
    # and what was done here during the cycles reaches the other counter
    assert sync(here)["ok"] and sync(other)["ok"]
    assert _count(other, "1") == OTHER_COUNTER + AT_THE_COUNTER + IN_THE_FILE
    assert loket(here, "check").returncode == 0
