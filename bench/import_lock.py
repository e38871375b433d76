"""How long a real participant import holds the database's write lock (issue #7, part 8).

An import is one all-or-nothing transaction (BEGIN IMMEDIATE): while it writes, every other
writer waits, up to app.db.BUSY_TIMEOUT_MS. This runs `loket participants import` of N
generated participants (valid NIKs) in a fresh office, and from a second connection tries
BEGIN IMMEDIATE without waiting every 20 ms: the longest stretch in which that fails is
the lock-hold time. The busy timeout must stay well above it.

    .venv/bin/python bench/import_lock.py [--rows 20000]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSWORD = "Rahasia2026"


def loket(home: Path, *args: str, stdin: str | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "app.cli", *args],
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "LOKET_HOME": str(home)},
    )


def write_csv(path: Path, rows: int) -> None:
    """NIKs as tests/sync/helpers.py makes them: district 317101, birth date in January
    1990 (day 1-28), serial 1-9999; unique for fewer than 279,972 rows."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write("nik;nama;tanggal_lahir;jenis_kelamin;persetujuan\n")
        for n in range(rows):
            day = 1 + n % 28
            nik = f"317101{day:02d}0190{1 + n % 9999:04d}"
            fh.write(f"{nik};Peserta Nomor {n};{day:02d}/01/1990;L;Y\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="loket-bench-") as tmp:
        home = Path(tmp) / "kantor"
        init = loket(
            home,
            *("init", "--office", "JKT", "--device", "1", "--admin", "admin"),
            "--password-stdin",
            stdin=PASSWORD + "\n",
        )
        init.communicate(PASSWORD + "\n")
        assert init.returncode == 0, "init failed"
        csv = Path(tmp) / "peserta.csv"
        write_csv(csv, args.rows)
        start = time.monotonic()
        importer = loket(home, "participants", "import", str(csv))
        probe = sqlite3.connect(home / "loket.db", isolation_level=None, timeout=0)
        held_since: float | None = None
        longest = 0.0
        while importer.poll() is None:
            now = time.monotonic()
            try:
                probe.execute("BEGIN IMMEDIATE")
                probe.execute("ROLLBACK")
                if held_since is not None:
                    longest = max(longest, now - held_since)
                    held_since = None
            except sqlite3.OperationalError:
                held_since = held_since if held_since is not None else now
            time.sleep(0.02)
        out, err = importer.communicate()
        total = time.monotonic() - start
        probe.close()
        assert importer.returncode == 0, out + err
    from app.db import BUSY_TIMEOUT_MS

    print(f"import of {args.rows:,} participants: {total:.1f} s in all")
    print(f"write lock held for {longest:.1f} s; busy timeout {BUSY_TIMEOUT_MS / 1000:.0f} s")
    print(json.dumps({"rows": args.rows, "total_s": round(total, 1), "lock_s": round(longest, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
