"""Issue #7, case 6: no raw database error, and no secret in one, reaches a person.

Seen before: `loket sync run` on a second PC set up with the same admin name printed a raw
IntegrityError holding the other PC's argon2 hash, and bad pulled rows were reported as
raw SQLAlchemy text."""

from __future__ import annotations

import json

from tests.sync.conftest import both_backends, enrolled, loket, make_office, sync

# Issue #7: every case against a real server on SQLite and on PostgreSQL (CI).
pytestmark = both_backends()

SECRETS = ("$argon2", "IntegrityError", "INSERT", "[SQL", "parameters")
SENTENCE = "nama pengguna itu sudah dipakai akun lain di komputer ini"


def test_pcs_set_up_with_the_same_admin_name_get_a_sentence(server, tmp_path):
    a = enrolled(server, make_office(tmp_path, "a", "JKT", 1), "JKT")
    b = enrolled(server, make_office(tmp_path, "b", "JKT", 2), "JKT")
    c = enrolled(server, make_office(tmp_path, "c", "JKT", 3), "JKT")
    assert sync(a)["ok"]
    shown = loket(b, "sync", "run")
    assert shown.returncode == 0, shown.stderr
    text = shown.stdout + shown.stderr
    assert not [s for s in SECRETS if s in text], text
    assert SENTENCE in shown.stdout and "Masalah: staff " in shown.stdout
    as_json = loket(c, "sync", "run", "--json")
    report = json.loads(as_json.stdout)
    assert report["ok"] and not [s for s in SECRETS if s in as_json.stdout]
    problems = report["pull_problems"]
    assert problems and all(p.startswith("staff ") and SENTENCE in p for p in problems)
