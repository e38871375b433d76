"""The `loket` command as an office IT person uses it: a new process each time, real files."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

PASSWORD = "Kantor2026"


def loket(home: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LOKET_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def office_home(tmp_path: Path) -> Path:
    home = tmp_path / "kantor"
    out = loket(
        home,
        "init",
        "--office",
        "LOM",
        "--device",
        "3",
        "--admin",
        "admin",
        "--password-stdin",
        "--json",
        stdin=PASSWORD + "\n",
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["ok"] and data["office"] == "LOM" and data["device"] == 3
    return home


def test_help_lists_every_command(tmp_path):
    out = loket(tmp_path, "--help")
    assert out.returncode == 0
    for command in ("init", "demo", "check", "backup", "restore", "screenshots", "staff"):
        assert command in out.stdout


def test_usage_error_exits_2(tmp_path):
    assert loket(tmp_path, "check", "--bogus").returncode == 2
    assert loket(tmp_path, "nothing-like-this").returncode == 2


def test_init_twice_is_refused_with_a_reason(office_home):
    out = loket(
        office_home,
        "init",
        "--office",
        "JKT",
        "--device",
        "1",
        "--admin",
        "x.admin",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert out.returncode == 1
    assert "sudah disiapkan" in out.stderr


def test_bad_init_input_is_a_clear_refusal(tmp_path):
    out = loket(
        tmp_path / "h",
        "init",
        "--office",
        "SBY",
        "--device",
        "1",
        "--admin",
        "admin",
        "--password-stdin",
        "--json",
        stdin=PASSWORD + "\n",
    )
    assert out.returncode == 1
    assert json.loads(out.stdout) == {
        "ok": False,
        "error": "Kode kantor tidak dikenal: SBY.",
        "field": "office",
    }


def test_demo_check_backup_restore_from_new_shells(office_home, tmp_path):
    demo = loket(office_home, "demo", "--seed", "5", "--json")
    assert demo.returncode == 0, demo.stderr
    logins = json.loads(demo.stdout)["logins"]
    assert {lg["role"] for lg in logins} == {"supervisor", "counter"}

    check = loket(office_home, "check", "--json")
    assert check.returncode == 0, check.stdout
    report = json.loads(check.stdout)
    assert report["ok"] and report["integrity"] == "ok" and report["revision"] == report["head"]

    backup_file = tmp_path / "cadangan.db"
    out = loket(office_home, "backup", str(backup_file), "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["size_bytes"] == backup_file.stat().st_size

    # a change after the backup, then restore brings back the earlier state
    out = loket(
        office_home,
        "staff",
        "add",
        "baru.sekali",
        "--name",
        "Baru",
        "--role",
        "counter",
        "--password-stdin",
        stdin="Sementara1\n",
    )
    assert out.returncode == 0, out.stderr
    refused = loket(office_home, "restore", str(backup_file))
    assert refused.returncode == 1 and "--force" in refused.stderr
    out = loket(office_home, "restore", str(backup_file), "--force", "--json")
    assert out.returncode == 0, out.stderr
    assert Path(json.loads(out.stdout)["replaced_copy"]).exists()
    staff = json.loads(loket(office_home, "staff", "list", "--json").stdout)["staff"]
    assert "baru.sekali" not in {s["username"] for s in staff}
    assert loket(office_home, "check").returncode == 0


def test_check_fails_with_a_reason_when_the_audit_log_was_edited(office_home):
    con = sqlite3.connect(office_home / "loket.db")
    con.execute("UPDATE audit_event SET action='nothing.happened' WHERE seq=1")
    con.commit()
    con.close()
    out = loket(office_home, "check")
    assert out.returncode == 1
    assert "Rantai audit rusak" in out.stdout


def test_restore_refuses_a_file_that_is_not_a_loket_database(office_home, tmp_path):
    csv = tmp_path / "peserta.csv"
    csv.write_text("nik;nama\n", encoding="utf-8")
    out = loket(office_home, "restore", str(csv), "--force")
    assert out.returncode == 1 and "bukan basis data SQLite" in out.stderr


def test_staff_rescue_unlocks_and_resets(office_home):
    from app.db import Database
    from app.errors import AuthError
    from app.services.auth import login

    db = Database(office_home / "loket.db")
    for _ in range(5):
        with pytest.raises(AuthError):
            login(db, "admin", "lupa")
    db.dispose()
    out = loket(office_home, "staff", "list", "--json")
    (row,) = json.loads(out.stdout)["staff"]
    assert row["locked_until"] is not None
    assert (
        loket(
            office_home,
            "staff",
            "reset-password",
            "admin",
            "--password-stdin",
            stdin="Darurat2026\n",
        ).returncode
        == 0
    )
    db = Database(office_home / "loket.db")
    assert login(db, "admin", "Darurat2026").must_change_password
    db.dispose()
    audit = (
        sqlite3.connect(office_home / "loket.db")
        .execute("SELECT actor FROM audit_event WHERE action='staff.reset_password'")
        .fetchall()
    )
    assert audit and audit[0][0].startswith("cli:")


def _set_language(home: Path, lang: str) -> None:
    """The office's language setting, changed as the Pengaturan page changes it."""
    from app.db import Database
    from app.services.actor import cli_actor
    from app.services.settings import update_settings

    db = Database(home / "loket.db")
    try:
        update_settings(db, cli_actor("LOM"), {"language": lang})
    finally:
        db.dispose()


def _dotted(value: int) -> str:
    """What an Indonesian reader expects: a dot between thousands."""
    return f"{value:,}".replace(",", ".")


def test_result_lines_follow_the_office_language(office_home):
    from app.migrations import HEAD

    said = loket(office_home, "staff", "unlock", "admin")
    assert said.stdout == "Akun admin: kunci dibuka.\n", said.stderr
    assert loket(office_home, "staff", "list").stdout.split()[:4] == [
        "PENGGUNA",
        "PERAN",
        "STATUS",
        "NAMA",
    ]
    assert loket(office_home, "sync", "status").stdout.splitlines()[0] == "Server: belum terhubung"

    _set_language(office_home, "en")
    said = loket(office_home, "staff", "unlock", "admin")
    assert said.stdout == "Account admin: unlocked.\n", said.stderr
    assert loket(office_home, "sync", "status").stdout.splitlines()[0] == "Server: not linked"
    events = json.loads(loket(office_home, "check", "--json").stdout)["audit_events"]
    check = loket(office_home, "check")
    assert check.returncode == 0, check.stdout
    assert check.stdout.splitlines() == [
        f"Database  : {office_home / 'loket.db'}",
        "Integrity : ok",
        f"Schema    : {HEAD} (newest {HEAD})",
        f"Audit     : {events} events from 1 device",
        "Result: GOOD",
    ]
    refused = loket(office_home, "staff", "unlock", "nobody")  # a service's refusal too
    assert (refused.returncode, refused.stderr) == (1, "loket: Staff account not found.\n")

    _set_language(office_home, "id")
    assert loket(office_home, "check").stdout.splitlines()[-1] == "Hasil: BAIK"


def test_counts_and_sizes_have_indonesian_thousands_separators(office_home, tmp_path):
    assert loket(office_home, "demo").returncode == 0
    pending = json.loads(loket(office_home, "sync", "status", "--json").stdout)["pending"]
    assert pending >= 1000  # the demo office's changes wait for a server
    status = loket(office_home, "sync", "status").stdout.splitlines()
    assert status[1] == f"Menunggu dikirim: {_dotted(pending)}; bermasalah: 0"

    backup_file = tmp_path / "cadangan.db"
    out = loket(office_home, "backup", str(backup_file))
    assert out.returncode == 0, out.stderr
    size = backup_file.stat().st_size
    assert size >= 1_000_000
    assert out.stdout.splitlines()[0] == f"Cadangan ditulis: {backup_file} ({_dotted(size)} byte)"

    _set_language(office_home, "en")  # English as written in Indonesia: the same dots
    out = loket(office_home, "backup", str(tmp_path / "backup.db"))
    size = (tmp_path / "backup.db").stat().st_size
    assert out.stdout.splitlines()[0] == (
        f"Backup written: {tmp_path / 'backup.db'} ({_dotted(size)} bytes)"
    )
