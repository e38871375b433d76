"""A replacement PC restored from the broken PC's backup: it does not inherit the old PC's
sync token; enrolled again (the old device revoked), its first sync recovers what the
server holds, including work sent after the backup. Real server, real `loket` processes.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.sync.conftest import enrolled, loket, make_office, sync

BUDI = (
    "nik;nama;tanggal_lahir;jenis_kelamin;telepon;persetujuan\n"
    "3171011708900001;Budi Santoso;17/08/1990;L;081234567890;Y\n"
)
SITI = (
    "nik;nama;tanggal_lahir;jenis_kelamin;telepon;persetujuan\n"
    "3273015708920002;Siti Aminah;17/08/1992;P;;Y\n"
)


def names(home: Path) -> list[str]:
    con = sqlite3.connect(home / "loket.db")
    try:
        return sorted(r[0] for r in con.execute("SELECT full_name FROM participant"))
    finally:
        con.close()


def import_text(home: Path, text: str, file: Path) -> None:
    file.write_text(text, encoding="utf-8")
    out = loket(home, "participants", "import", str(file))
    assert out.returncode == 0, out.stdout + out.stderr


def test_replacement_pc_enrols_again_and_recovers_everything(server, tmp_path):
    old = enrolled(server, make_office(tmp_path, "lama", "JKT", 1), "JKT")
    import_text(old, BUDI, tmp_path / "budi.csv")
    assert sync(old)["ok"]
    backup = tmp_path / "cadangan-lama.db"
    assert loket(old, "backup", str(backup)).returncode == 0
    import_text(old, SITI, tmp_path / "siti.csv")  # sent, but not in the backup
    assert sync(old)["ok"]

    new = tmp_path / "pengganti"  # a fresh PC: no database yet
    out = loket(new, "restore", str(backup), "--json")
    assert out.returncode == 0, out.stdout + out.stderr
    restored = json.loads(out.stdout)
    assert restored["sync_link_dropped"] is True and restored["device"] == "JKT-1"
    status = json.loads(loket(new, "sync", "status", "--json").stdout)
    assert status["enrolled"] is False  # the old PC's token did not come along
    assert names(new) == ["Budi Santoso"]

    device_id = restored["device_id"]
    revoked = loket(None, "server", "revoke", "--db", server.db, device_id)
    assert revoked.returncode == 0, revoked.stderr
    code = loket(
        None, "server", "enroll-code", "--db", server.db, "--office", "JKT", "--device", device_id
    )
    assert code.returncode == 0, code.stderr
    enrol = loket(new, "sync", "enroll", "--server", server.url, "--code", code.stdout.split()[-1])
    assert enrol.returncode == 0, enrol.stdout + enrol.stderr
    report = sync(new)
    assert report["ok"], report
    assert names(new) == ["Budi Santoso", "Siti Aminah"]  # recovered from the server
    assert sync(old)["ok"] is False  # and the broken PC's token is no longer good
