"""Online backup and restore: round trip, and refusals that touch nothing."""

from __future__ import annotations

import sqlite3

import pytest

from app.errors import StateError, ValidationError
from app.services.actor import cli_actor
from app.services.maintenance import backup, check, restore
from app.services.staff import add_staff
from tests.unit.helpers import count, rows


def test_round_trip_restores_exactly_what_was_backed_up(office, admin, tmp_path):
    add_staff(
        office,
        admin,
        username="sebelum",
        full_name="Sebelum Cadangan",
        role="counter",
        password="sementara1",
    )
    result = backup(office, admin, tmp_path / "cadangan.db")
    assert result.size_bytes > 0 and len(result.sha256) == 64
    add_staff(
        office,
        admin,
        username="sesudah",
        full_name="Sesudah Cadangan",
        role="counter",
        password="sementara1",
    )
    office.dispose()

    backups = tmp_path / "backups"
    with pytest.raises(StateError):  # an existing database needs --force
        restore(tmp_path / "cadangan.db", office.path, backups, force=False, actor=cli_actor(""))
    assert count(office.path, "staff", "username='sesudah'") == 1

    done = restore(tmp_path / "cadangan.db", office.path, backups, force=True, actor=cli_actor(""))
    assert count(office.path, "staff", "username='sebelum'") == 1
    assert count(office.path, "staff", "username='sesudah'") == 0
    # what was replaced is kept, complete
    assert done.replaced_copy is not None
    assert count(done.replaced_copy, "staff", "username='sesudah'") == 1
    assert rows(office.path, "SELECT action FROM audit_event ORDER BY seq DESC LIMIT 1") == [
        ("maintenance.restore",)
    ]
    assert check(office.path).ok
    # restored again at once (the same second): the first copy stays, the second has its own
    again = restore(tmp_path / "cadangan.db", office.path, backups, force=True, actor=cli_actor(""))
    assert again.replaced_copy is not None and again.replaced_copy != done.replaced_copy
    assert count(done.replaced_copy, "staff", "username='sesudah'") == 1
    assert count(again.replaced_copy, "staff", "username='sesudah'") == 0


def test_backup_refuses_to_overwrite_a_file(office, admin, tmp_path):
    target = tmp_path / "ada.db"
    target.write_bytes(b"jangan ditimpa")
    with pytest.raises(ValidationError):
        backup(office, admin, target)
    assert target.read_bytes() == b"jangan ditimpa"


@pytest.mark.parametrize("kind", ["text", "foreign_sqlite", "empty", "damaged"])
def test_restore_refuses_what_is_not_a_sound_loket_database(office, admin, tmp_path, kind):
    bad = tmp_path / f"{kind}.db"
    if kind == "text":
        bad.write_text("nik;nama\n3171;Budi\n", encoding="utf-8")
    elif kind == "empty":
        bad.write_bytes(b"")
    elif kind == "foreign_sqlite":
        con = sqlite3.connect(bad)
        con.execute("CREATE TABLE catatan (isi TEXT)")
        con.commit()
        con.close()
    else:
        backup(office, admin, bad)
        data = bytearray(bad.read_bytes())
        page = 4096
        for n in range(1, 6):  # scribble over the b-tree headers of a few pages
            data[page * n : page * n + 12] = b"\x0d\xff" * 6
        bad.write_bytes(bytes(data))
    office.dispose()  # closing checkpoints the WAL into the file
    before = office.path.read_bytes()
    with pytest.raises(ValidationError) as err:
        restore(bad, office.path, tmp_path / "bk", force=True, actor=cli_actor(""))
    assert err.value.field == "file"
    assert office.path.read_bytes() == before
    assert not (tmp_path / "bk").exists()


def test_check_notices_a_search_index_out_of_step(office, admin):
    from app.services.participants import register

    register(
        office,
        admin,
        {
            "nik": "3171011708900001",
            "nama": "Budi Santoso",
            "tanggal_lahir": "17/08/1990",
            "jenis_kelamin": "L",
            "persetujuan": "Y",
        },
    )
    assert check(office.path).ok
    office.dispose()
    import sqlite3 as sq

    con = sq.connect(office.path)  # the index forgets Budi while his row stays
    con.execute(
        "INSERT INTO participant_fts(participant_fts, rowid, full_name, name_key) "
        "VALUES('delete', 1, 'Budi Santoso', 'budi santoso')"
    )
    con.commit()
    con.close()
    report = check(office.path)
    assert not report.ok and any("pencarian" in p for p in report.problems)
