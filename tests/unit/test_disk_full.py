"""A full disk: one clear sentence, and the database stays exactly as it was.

The data folder is a small tmpfs filled up for real (tests.unit.mounts); skipped with the
reason where mounting is refused.
"""

from __future__ import annotations

import pytest

from app.errors import LoketError
from app.services.maintenance import check
from tests.unit.helpers import count
from tests.unit.mounts import fill, tmpfs
from tests.unit.test_bad_environment import PASSWORD, init_office, loket, one_sentence

FULL = ("Disk penuh", "kosongkan ruang", "data yang sudah tersimpan aman")


def test_cli_write_on_a_full_disk_is_refused_and_writes_nothing(tmp_path):
    with tmpfs(tmp_path / "data", size="4m") as home:
        init_office(home)
        db = home / "loket.db"
        staff, events = count(db, "staff"), count(db, "audit_event")
        filler = fill(home)
        out = loket(
            home,
            "staff",
            "add",
            "budi",
            "--name",
            "Budi",
            "--role",
            "counter",
            "--password-stdin",
            stdin="Sementara1\n",
        )
        one_sentence(out, *FULL)
        filler.unlink()
        assert count(db, "staff") == staff and count(db, "audit_event") == events
        assert check(db).ok
        again = loket(home, *out.args[3:], stdin="Sementara1\n")  # the same, with room
        assert again.returncode == 0, again.stderr


def test_registering_a_participant_on_a_full_disk_is_a_clear_refusal(tmp_path):
    from app.db import Database, upgrade
    from app.services.auth import login
    from app.services.office import initialise
    from app.services.participants import register

    with tmpfs(tmp_path / "data", size="4m") as home:
        path = home / "loket.db"
        upgrade(path, home / "backups")
        db = Database(path)
        try:
            initialise(
                db,
                office_code="JKT",
                device_no=1,
                admin_username="admin",
                admin_full_name="Admin Kantor",
                admin_password=PASSWORD,
                actor_label="cli:test",
            )
            actor = login(db, "admin", PASSWORD).actor
            events, changes = count(path, "audit_event"), count(path, "outbox")
            filler = fill(home)
            with pytest.raises(LoketError) as refused:
                register(
                    db,
                    actor,
                    {
                        "nik": "3171011708900001",
                        "nama": "Budi Santoso",
                        "tanggal_lahir": "17/08/1990",
                        "jenis_kelamin": "L",
                        "persetujuan": "Y",
                    },
                )
            for words in FULL:
                assert words in refused.value.message()
            filler.unlink()
        finally:
            db.dispose()
        assert count(path, "participant") == 0 and count(path, "outbox") == changes
        assert count(path, "audit_event") == events
        assert check(path).ok
