"""A bad environment gets one clear sentence from every `loket` command, never a traceback:
LOKET_HOME pointing to a file, a read-only data folder, a damaged database file.

Each case is made for real (a file, a read-only mount, bytes overwritten in loket.db) and
the CLI runs as a new process, as the office IT person runs it.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.mounts import read_only_home

PASSWORD = "Kantor2026"


def loket(home: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, "LOKET_HOME": str(home)},
        timeout=120,
    )


def init_office(home: Path) -> None:
    out = loket(
        home,
        "init",
        "--office",
        "JKT",
        "--device",
        "1",
        "--admin",
        "admin",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert out.returncode == 0, out.stderr


def commands(tmp_path: Path) -> list[tuple[str, ...]]:
    """A command of every group that touches the data folder or the database."""
    csv = tmp_path / "peserta.csv"
    csv.write_text("nik;nama;tanggal_lahir;jenis_kelamin;persetujuan\n", encoding="utf-8")
    return [
        ("check",),
        ("staff", "list"),
        ("staff", "unlock", "admin"),
        ("backup", str(tmp_path / "salinan.db")),
        ("participants", "search", "Budi"),
        ("participants", "import", str(csv), "--dry-run"),
        ("sync", "status"),
        ("demo",),
    ]


def one_sentence(out: subprocess.CompletedProcess[str], *words: str) -> str:
    """Exit 1, no traceback anywhere, one line on stderr holding `words`; returns it."""
    assert out.returncode == 1, out.stdout + out.stderr
    assert "Traceback" not in out.stdout + out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("loket: "), out.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_loket_home_that_is_a_file_is_named_by_every_command(tmp_path):
    home = tmp_path / "bukan-folder"
    home.write_text("ini sebuah berkas", encoding="utf-8")
    init = ("init", "--office", "JKT", "--device", "1", "--admin", "admin", "--password-stdin")
    for args in [*commands(tmp_path), init]:
        one_sentence(loket(home, *args, stdin=PASSWORD + "\n"), str(home), "bukan folder")
    out = loket(home, "staff", "list", "--json")
    data = json.loads(out.stdout)
    assert data["ok"] is False and "bukan folder" in data["error"]
    assert data["kind"] == "not_a_folder"
    assert home.read_text(encoding="utf-8") == "ini sebuah berkas"


def test_read_only_data_folder_is_named_by_every_command(tmp_path):
    with read_only_home(tmp_path / "ro", init_office) as home:
        before = (home / "loket.db").read_bytes()
        for args in commands(tmp_path):
            one_sentence(loket(home, *args), "tidak dapat ditulisi", str(home))
        assert (home / "loket.db").read_bytes() == before


def _overwrite_middle(db: Path) -> None:
    """Every page between the first (the schema) and the last one becomes garbage."""
    data = bytearray(db.read_bytes())
    page = 4096
    data[page : len(data) - page] = bytes([0xA5]) * (len(data) - 2 * page)
    db.write_bytes(bytes(data))


def _random_bytes(db: Path) -> None:
    db.write_bytes(random.Random(7).randbytes(200_000))


@pytest.mark.parametrize("damage", [_overwrite_middle, _random_bytes], ids=["middle", "random"])
def test_damaged_database_says_so_and_how_to_restore(tmp_path, damage):
    home = tmp_path / "kantor"
    init_office(home)
    backup = tmp_path / "cadangan.db"
    assert loket(home, "backup", str(backup)).returncode == 0
    db = home / "loket.db"
    assert not Path(f"{db}-wal").exists()  # everything is in the file itself
    damage(db)
    backups = home / "backups"

    check = loket(home, "check")
    assert check.returncode == 1 and "Traceback" not in check.stdout + check.stderr
    assert "loket restore" in check.stdout and str(backups) in check.stdout
    hint = json.loads(loket(home, "check", "--json").stdout)["hint"]
    assert "rusak" in hint and "--force" in hint

    for args in commands(tmp_path)[1:]:
        sentence = one_sentence(loket(home, *args), "rusak", "loket restore", str(backups))
        assert "SELECT" not in sentence and "sqlalche" not in sentence

    # the advice works: the damaged file is kept aside, the backup comes back sound
    restored = loket(home, "restore", str(backup), "--force", "--json")
    assert restored.returncode == 0, restored.stdout + restored.stderr
    kept = Path(json.loads(restored.stdout)["replaced_copy"])
    assert kept.parent == backups and kept.stat().st_size > 0
    assert loket(home, "check").returncode == 0
    assert loket(home, "staff", "list").returncode == 0


def test_an_output_file_in_a_folder_that_is_not_there_is_named(tmp_path):
    """`--out` into a folder nobody made: one sentence naming the folder, not an
    "unexpected error (FileNotFoundError)"; nothing is written anywhere."""
    home = tmp_path / "kantor"
    init_office(home)
    missing = tmp_path / "laporan-belum-ada"
    for args in (
        ("supply-demand", "--out", str(missing / "kebutuhan.xlsx")),
        ("participants", "export", str(missing / "peserta.csv")),
    ):
        one_sentence(loket(home, *args), str(missing), "tidak ada")
    assert not missing.exists()
