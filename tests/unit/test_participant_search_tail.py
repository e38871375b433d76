"""Search by what a masked NIK shows (issue #8 part 8): its last four digits, or the whole
masked text `3171********0001` typed or pasted from the list."""

from __future__ import annotations

import sqlite3

import pytest

from app.services import participant_search as ps
from app.services.participant_search import ParticipantQuery, count, search, truncated
from app.services.participant_text import text_matches
from app.services.participants import register
from tests.unit.test_participants import BUDI

PEOPLE = [  # (name, NIK, KPJ)
    ("Budi Santoso", "3171011708900001", "00011234567"),
    ("Siti Aminah", "3273015708920002", ""),
    ("Ni Luh Ayu", "5201014101950001", ""),
    ("Agus Salim", "3171010101850007", ""),
]


@pytest.fixture
def people(office, admin):
    for name, nik, kpj in PEOPLE:
        born = f"{int(nik[6:8]) % 40:02d}/{nik[8:10]}/19{nik[10:12]}"
        raw = {
            **BUDI,
            "nama": name,
            "nik": nik,
            "kpj": kpj,
            "tanggal_lahir": born,
            "jenis_kelamin": "P" if int(nik[6:8]) > 40 else "L",
            "telepon": "",
            "nama_pemilik_rekening": "",
        }
        out = register(office, admin, raw, confirm_warnings=True)
        assert out.saved, [f.message() for f in out.findings]
    return office


def names(db, text, **filters):
    return sorted(r.full_name for r in search(db, ParticipantQuery(text=text, **filters)))


def test_the_last_four_digits_find_the_nik_as_the_list_masks_it(people):
    assert names(people, "0001") == ["Budi Santoso", "Ni Luh Ayu"]  # and Budi's KPJ start
    assert names(people, "0002") == ["Siti Aminah"]
    assert names(people, "0007") == ["Agus Salim"]
    assert names(people, "0003") == []
    assert names(people, "3171") == ["Agus Salim", "Budi Santoso"]  # still a NIK start
    assert names(people, "000") == ["Budi Santoso"]  # three digits: starts only (his KPJ)
    assert names(people, "001") == []
    assert names(people, "00001") == []  # five digits: no NIK ends that way in the mask
    assert count(people, ParticipantQuery(text="0001")) == 2


def test_a_masked_nik_typed_or_pasted_finds_its_person(people):
    assert names(people, "3171********0001") == ["Budi Santoso"]
    assert names(people, "5201 **** **** 0001") == ["Ni Luh Ayu"]
    assert names(people, "*0001") == ["Budi Santoso", "Ni Luh Ayu"]
    assert names(people, "3171*") == ["Agus Salim", "Budi Santoso"]
    assert names(people, "3273********0001") == []
    assert names(people, "3171********0001", office_code="BTN") == []
    assert len(names(people, "****")) == 4  # asks for nothing, like an empty box


def test_the_cap_and_truncated_hold_for_the_last_four_digits(people, monkeypatch):
    monkeypatch.setattr(ps, "MATCH_CAP", 1)
    assert names(people, "0001") == ["Ni Luh Ayu"]  # the newest match only
    assert truncated(people, ParticipantQuery(text="0001"))
    assert truncated(people, ParticipantQuery(text="*0001"))
    assert not truncated(people, ParticipantQuery(text="0002"))
    assert not truncated(people, ParticipantQuery(text="3171********0001"))


def test_the_last_four_digits_are_read_from_their_index(people):
    """The tail lookup must not scan the table (a million rows: bench/participants.py)."""
    sql, params = text_matches("0001")
    con = sqlite3.connect(people.path)
    query = sql.replace(":cap", "2000")
    plan = " | ".join(row[3] for row in con.execute(f"EXPLAIN QUERY PLAN {query}", params))
    con.close()
    assert "ix_participant_nik_tail" in plan, plan
    assert "SCAN participant" not in plan.replace("SCAN participant USING", ""), plan
