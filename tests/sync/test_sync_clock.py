"""Clocks lie (DESIGN §5): a change stamped far ahead of the server clock is held, not
applied and not dropped; the device's later changes wait behind it."""

from __future__ import annotations

import random
import sqlite3
import time

from tests.sync.conftest import enrolled, make_office, sync
from tests.sync.helpers import add_people, pending, people, snapshot


def test_change_from_a_clock_in_the_future_is_held_not_lost(server, tmp_path):
    a = enrolled(server, make_office(tmp_path, "a", "JKT", 1), "JKT")
    assert sync(a)["ok"]
    add_people(a, 2, random.Random(5), 0)
    ahead = int((time.time() + 3600) * 1000)  # the PC's clock is an hour fast
    con = sqlite3.connect(a / "loket.db")
    first = con.execute("SELECT min(seq) FROM outbox WHERE status='pending'").fetchone()[0]
    con.execute(
        "UPDATE outbox SET hlc = ? || substr(hlc, 14) WHERE seq = ?", (f"{ahead:013d}", first)
    )
    con.commit()
    waiting = pending(a)

    report = sync(a)
    assert report["held"] == 1 and pending(a) == waiting  # nothing dropped, nothing skipped
    b = enrolled(server, make_office(tmp_path, "b", "JKT", 2), "JKT")
    assert sync(b)["ok"] and snapshot(b) == []  # and nothing applied ahead of its turn

    con.execute(
        "UPDATE outbox SET hlc = ? || substr(hlc, 14) WHERE seq = ?",
        (f"{int(time.time() * 1000):013d}", first),
    )  # the clock was put right
    con.commit()
    con.close()
    assert sync(a)["ok"] and pending(a) == 0
    assert sync(b)["ok"] and snapshot(b) == snapshot(a) and people(b) == 2
