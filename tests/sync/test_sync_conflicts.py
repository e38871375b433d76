"""Two counters editing one participant offline: merged by field, same field -> a conflict a
supervisor resolves once for everyone; the same NIK at two offices is flagged at both."""

from __future__ import annotations

import json

from app.db import Database
from app.models import Participant
from app.services.auth import login
from app.services.uow import unit_of_work
from tests.sync.conftest import PASSWORD, enrolled, loket, make_office, sync
from tests.sync.helpers import snapshot

BUDI = (
    "nik;nama;tanggal_lahir;jenis_kelamin;telepon;persetujuan\n"
    "3171011708900001;Budi Santoso;17/08/1990;L;081234567890;Y\n"
)


def edit(home, **fields) -> None:
    db = Database(home / "loket.db")
    try:
        actor = login(db, "admin", PASSWORD).actor
        with unit_of_work(db, actor) as uow:
            p = uow.session.query(Participant).one()
            for name, value in fields.items():
                setattr(p, name, value)
            uow.audit("participant.update", "participant", p.id, changes=list(fields))
    finally:
        db.dispose()


def field(home, name: str) -> object:
    import sqlite3

    con = sqlite3.connect(home / "loket.db")
    try:
        return con.execute(f"SELECT {name} FROM participant").fetchone()[0]
    finally:
        con.close()


def two_counters(server, tmp_path):
    a = enrolled(server, make_office(tmp_path, "a", "JKT", 1), "JKT")
    b = enrolled(server, make_office(tmp_path, "b", "JKT", 2), "JKT")
    f = tmp_path / "budi.csv"
    f.write_text(BUDI, encoding="utf-8")
    assert loket(a, "participants", "import", str(f)).returncode == 0
    assert sync(a)["ok"] and sync(b)["ok"]
    return a, b


def test_different_fields_are_merged(server, tmp_path):
    a, b = two_counters(server, tmp_path)
    edit(a, phone="+6281111111111")
    edit(b, email="budi@contoh.id")
    assert sync(a)["ok"]
    report = sync(b)
    assert report["ok"] and report["conflicts"] == []
    assert sync(a)["ok"]
    for home in (a, b):
        assert field(home, "phone") == "+6281111111111"
        assert field(home, "email") == "budi@contoh.id"
    assert snapshot(a) == snapshot(b)


def test_same_field_goes_to_a_supervisor_and_nothing_is_lost(server, tmp_path):
    a, b = two_counters(server, tmp_path)
    edit(a, phone="+6281111111111")
    edit(b, phone="+6282222222222")
    assert sync(a)["ok"]
    report = sync(b)
    assert [c["reason"] for c in report["conflicts"]] == ["phone"]
    assert sync(a)["ok"]
    assert field(a, "phone") == field(b, "phone") == "+6281111111111"  # converged

    listed = json.loads(loket(b, "sync", "conflicts", "--json").stdout)["conflicts"]
    assert [(c["field"], c["server_value"], c["device_value"]) for c in listed] == [
        ("phone", "+6281111111111", "+6282222222222")
    ]  # B's value is kept, side by side

    refused = loket(
        b,
        "sync",
        "resolve",
        str(listed[0]["id"]),
        "--keep",
        "device",
        "--supervisor",
        "admin",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert refused.returncode == 1 and "tidak berwenang" in refused.stderr  # admin != spv
    add_supervisor(a)
    assert sync(a)["ok"] and sync(b)["ok"]  # the supervisor account reaches counter B
    out = loket(
        b,
        "sync",
        "resolve",
        str(listed[0]["id"]),
        "--keep",
        "device",
        "--supervisor",
        "spv.rina",
        "--password-stdin",
        stdin="Sementara1\n",
    )
    assert out.returncode == 0, out.stderr
    assert sync(a)["ok"] and sync(b)["ok"]
    assert field(a, "phone") == field(b, "phone") == "+6282222222222"
    assert json.loads(loket(a, "sync", "conflicts", "--json").stdout)["conflicts"] == []


def test_nik_change_always_needs_a_supervisor(server, tmp_path):
    _a, b = two_counters(server, tmp_path)
    edit(b, nik="3171011708900009")
    report = sync(b)
    assert [c["reason"] for c in report["conflicts"]] == ["nik"]
    assert field(b, "nik") == "3171011708900001"  # unchanged until a supervisor decides


def test_same_nik_at_two_offices_is_flagged_at_both(server, tmp_path):
    jkt = enrolled(server, make_office(tmp_path, "jkt", "JKT", 1), "JKT")
    btn = enrolled(server, make_office(tmp_path, "btn", "BTN", 1), "BTN")
    for home in (jkt, btn):
        f = home / "budi.csv"
        f.write_text(BUDI, encoding="utf-8")
        assert loket(home, "participants", "import", str(f)).returncode == 0
        assert sync(home)["ok"]
    for home in (jkt, btn):
        flags = json.loads(loket(home, "sync", "duplicates", "--json").stdout)["duplicates"]
        assert len(flags) == 1 and flags[0]["nik_masked"] == "3171********0001"
        assert {flags[0]["a"]["office"], flags[0]["b"]["office"]} == {"JKT", "BTN"}


def add_supervisor(home) -> None:
    out = loket(
        home,
        "staff",
        "add",
        "spv.rina",
        "--name",
        "Rina",
        "--role",
        "supervisor",
        "--password-stdin",
        stdin="Sementara1\n",
    )
    assert out.returncode == 0, out.stderr


def merge(home, flag_id: int, keep: str):
    return loket(
        home,
        "sync",
        "merge",
        str(flag_id),
        "--keep",
        keep,
        "--supervisor",
        "spv.rina",
        "--password-stdin",
        stdin="Sementara1\n",
    )


def rows(home, sql: str) -> list[tuple]:
    import sqlite3

    con = sqlite3.connect(home / "loket.db")
    try:
        return sorted(con.execute(sql).fetchall())
    finally:
        con.close()


def test_merging_a_duplicate_across_offices_keeps_every_linked_record(server, tmp_path):
    jkt = enrolled(server, make_office(tmp_path, "jkt", "JKT", 1), "JKT")
    btn = enrolled(server, make_office(tmp_path, "btn", "BTN", 1), "BTN")
    for home in (jkt, btn):
        f = home / "budi.csv"
        f.write_text(BUDI, encoding="utf-8")
        assert loket(home, "participants", "import", str(f)).returncode == 0
        assert sync(home)["ok"]
    add_supervisor(btn)
    assert sync(btn)["ok"]
    (flag,) = json.loads(loket(btn, "sync", "duplicates", "--json").stdout)["duplicates"]
    keep = "a" if flag["a"]["office"] == "JKT" else "b"  # Jakarta's record stays
    # Jakarta's record id is not in Banten's list (issue #7: another office's ids stay on
    # the server); each PC knows its own.
    assert flag[keep]["id"] is None
    kept_id = rows(jkt, "SELECT id FROM participant")[0][0]
    gone_id = flag["b" if keep == "a" else "a"]["id"]
    assert gone_id == rows(btn, "SELECT id FROM participant")[0][0]
    out = merge(btn, flag["id"], keep)
    assert out.returncode == 0, out.stderr
    again = merge(btn, flag["id"], keep)
    assert again.returncode == 1 and "already decided" in again.stderr
    assert sync(btn)["ok"] and sync(jkt)["ok"]
    # Banten's record stays in Banten, marked merged into Jakarta's, with its consent.
    assert rows(btn, "SELECT id, status, merged_into, deleted_at FROM participant") == [
        (gone_id, "merged", kept_id, None)
    ]
    assert rows(btn, "SELECT participant_id FROM consent") == [(gone_id,)]
    assert rows(jkt, "SELECT id, status, merged_into FROM participant") == [
        (kept_id, "registered", None)
    ]
    assert rows(jkt, "SELECT participant_id FROM consent") == [(kept_id,)]
    for home in (jkt, btn):
        assert json.loads(loket(home, "sync", "duplicates", "--json").stdout)["duplicates"] == []
    # A later edit of the merged record does not raise the flag again.
    edit(btn, phone="+6281333333333")
    assert sync(btn)["ok"]
    assert json.loads(loket(jkt, "sync", "duplicates", "--json").stdout)["duplicates"] == []


def test_merging_a_duplicate_of_one_office_moves_its_linked_records(server, tmp_path):
    """Two counters of one office registered the same person offline: after the merge both
    counters hold one live record with both consents."""
    a = enrolled(server, make_office(tmp_path, "a", "JKT", 1), "JKT")
    b = enrolled(server, make_office(tmp_path, "b", "JKT", 2), "JKT")
    for home in (a, b):
        f = home / "budi.csv"
        f.write_text(BUDI, encoding="utf-8")
        assert loket(home, "participants", "import", str(f)).returncode == 0
    add_supervisor(a)
    assert sync(a)["ok"] and sync(b)["ok"] and sync(a)["ok"]
    (flag,) = json.loads(loket(a, "sync", "duplicates", "--json").stdout)["duplicates"]
    refused = loket(
        a, "sync", "merge", str(flag["id"]), "--keep", "a", "--supervisor", "admin",
        "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert refused.returncode == 1 and "tidak berwenang" in refused.stderr
    out = merge(a, flag["id"], "a")
    assert out.returncode == 0, out.stderr
    assert sync(a)["ok"] and sync(b)["ok"]
    kept_id, gone_id = flag["a"]["id"], flag["b"]["id"]
    for home in (a, b):
        assert rows(home, "SELECT id, status, merged_into FROM participant") == sorted(
            [(kept_id, "registered", None), (gone_id, "merged", kept_id)]
        )
        assert rows(home, "SELECT participant_id FROM consent") == [(kept_id,), (kept_id,)]
    assert snapshot(a) == snapshot(b)


def test_a_refused_change_then_a_clean_one_keeps_the_clean_one(server, tmp_path):
    """A's bank-account change waits for a supervisor (the server stays at B's v2), then A's
    phone change applies cleanly: A must keep its phone, not the v2 the first answer
    carried (found in review: a record left out of the second answer)."""
    a, b = two_counters(server, tmp_path)
    edit(b, email="budi@contoh.id")
    assert sync(b)["ok"]
    edit(a, bank_account="1234567890")
    edit(a, phone="+6281111111111")
    assert sync(a)["ok"]
    assert field(a, "phone") == "+6281111111111"
    for _ in range(2):
        assert sync(a)["ok"] and sync(b)["ok"]
    assert field(b, "phone") == "+6281111111111"
    assert snapshot(a) == snapshot(b)


def test_a_value_already_on_the_server_then_a_clean_edit_converges(server, tmp_path):
    a, b = two_counters(server, tmp_path)
    edit(b, email="budi@contoh.id")
    assert sync(b)["ok"]
    edit(a, email="budi@contoh.id")  # the same value: "no change" on the server
    edit(a, phone="+6281111111111")
    assert sync(a)["ok"] and sync(b)["ok"] and sync(a)["ok"]
    assert field(a, "phone") == "+6281111111111"
    assert snapshot(a) == snapshot(b)
