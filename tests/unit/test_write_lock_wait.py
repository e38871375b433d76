"""Writers wait for each other: a clerk's action is not lost because a big import holds the
write lock, and if the wait is ever exceeded the clerk reads a sentence, not SQL.

Two real processes: one holds BEGIN IMMEDIATE (as an all-or-nothing import does for its
whole transaction) for longer than the old 10-second busy timeout, the other is `loket`.
Outcomes are asserted (still waiting, then done), never durations.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from app.errors import LoketError
from app.services.staff import add_staff
from tests.unit.helpers import count, rows
from tests.unit.test_bad_environment import init_office

HOLDER = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
con.execute("INSERT INTO local_setting(key, value) VALUES ('pemegang_kunci', '1')")
print("locked", flush=True)
sys.stdin.readline()
con.execute("COMMIT")
"""
OLD_LIMIT_S = 10


def test_a_write_waits_for_a_long_write_transaction_of_another_process(tmp_path):
    home = tmp_path / "kantor"
    init_office(home)
    db = home / "loket.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "locked"
        password = tmp_path / "sandi.txt"
        password.write_text("Sementara1\n", encoding="utf-8")
        with password.open("rb") as typed:
            clerk = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "app.cli",
                    *("staff", "add", "kasir2", "--name", "Kasir Dua", "--role", "counter"),
                    "--password-stdin",
                ],
                stdin=typed,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, "LOKET_HOME": str(home)},
            )
        time.sleep(OLD_LIMIT_S + 6)  # the condition: held well past the old limit
        assert clerk.poll() is None, clerk.communicate()  # still waiting, not refused
        assert count(db, "staff", "username='kasir2'") == 0
        holder.stdin.write("go\n")
        holder.stdin.flush()
        assert holder.wait(timeout=60) == 0
        out, err = clerk.communicate(timeout=120)
    finally:
        if holder.poll() is None:
            holder.kill()
    assert clerk.returncode == 0, out + err
    assert count(db, "staff", "username='kasir2'") == 1
    assert rows(db, "SELECT value FROM local_setting WHERE key='pemegang_kunci'") == [("1",)]


def test_a_wait_that_is_still_exceeded_is_a_clear_sentence(office, admin):
    import sqlite3

    from app.db import Database

    impatient = Database(office.path, busy_timeout_ms=200)
    holder = sqlite3.connect(office.path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(LoketError) as busy:
            add_staff(
                impatient,
                admin,
                username="kasir3",
                full_name="Kasir Tiga",
                role="counter",
                password="Sementara1",
            )
        assert "sedang dipakai proses lain" in busy.value.message()
        assert "isian Anda tidak hilang" in busy.value.message()
        holder.execute("ROLLBACK")
        add_staff(
            impatient,
            admin,
            username="kasir3",
            full_name="Kasir Tiga",
            role="counter",
            password="Sementara1",
        )
    finally:
        holder.close()
        impatient.dispose()
    assert count(office.path, "staff", "username='kasir3'") == 1
