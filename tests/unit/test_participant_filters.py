"""The list's and the enrolment picker's filters without a text (issue #10 item 6): office,
province (or regency), status and training choice, alone, together and with a text, in
every order; the capped count; and the indexes the first pages walk (migration 0009).

Rows are written straight into a real office's file (plain sqlite3, the FTS triggers fire),
so a test can put people in other offices, other provinces and the tombstones."""

from __future__ import annotations

import itertools
import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from app.domain.names import name_key
from app.services import participant_search as ps
from app.services.participant_search import SORTS, ParticipantQuery, count, search, truncated

STAMP = "2026-11-01 08:00:00.000000"


def _put(path: Path, rows: list[dict[str, Any]]) -> None:
    """Participants as the table holds them; each dict names what differs from a default."""
    con = sqlite3.connect(path)
    try:
        for n, given in enumerate(rows, start=1):
            row: dict[str, Any] = {
                "id": f"00000000-0000-7000-8000-{n:012d}",
                "office_code": "JKT",
                "created_at": STAMP,
                "updated_at": STAMP,
                "version": 1,
                "hlc": f"{n:013d}-00000-test",
                "deleted_at": None,
                "nik": f"3171011708{n:06d}",
                "full_name": f"Peserta {n}",
                "birth_date": "1990-08-17",
                "sex": "L",
                "whatsapp": 0,
                "region_code": "31.71.01.1001",
                "status": "registered",
                "training_choice_1": None,
                "training_choice_2": None,
                "registered_by": "loket.test",
                "registered_at": f"2026-11-01 08:{n // 60:02d}:{n % 60:02d}.000000",
            }
            row |= given
            row["name_key"] = name_key(row["full_name"])
            columns = ", ".join(row)
            marks = ", ".join("?" * len(row))
            con.execute(f"INSERT INTO participant ({columns}) VALUES ({marks})", list(row.values()))
        con.commit()
    finally:
        con.close()


def names(db: Any, **query: Any) -> list[str]:
    return [r.full_name for r in search(db, ParticipantQuery(**query), limit=500)]


def test_each_filter_takes_exactly_its_rows(office):
    _put(
        office.path,
        [
            {"full_name": "Ani JKT Jabar", "region_code": "32.01.01.2001"},
            {"full_name": "Budi BTN Jabar", "office_code": "BTN", "region_code": "32.73.01.1001"},
            {"full_name": "Citra JKT Jateng", "region_code": "33.01.01.2001"},
            {"full_name": "Dedi JKT tanpa wilayah", "region_code": None},
            {
                "full_name": "Eka JKT Jabar dihapus",
                "region_code": "32.01.01.2001",
                "deleted_at": STAMP,
            },
            {
                "full_name": "Fajar JKT Banten",
                "region_code": "36.01.01.2001",
                "status": "verified",
            },
            {"full_name": "Gita LAS pertama", "training_choice_1": "LAS"},
            {
                "full_name": "Hadi LAS kedua",
                "training_choice_1": "GARMEN",
                "training_choice_2": "LAS",
            },
            {
                "full_name": "Indah LAS dua kali",
                "training_choice_1": "LAS",
                "training_choice_2": "LAS",
            },
            {"full_name": "Joko LAS dihapus", "training_choice_1": "LAS", "deleted_at": STAMP},
            {"full_name": "Kiki Las teks lama", "training_choice_1": "Las SMAW"},
            {"full_name": "Lina LASX", "training_choice_2": "LASX"},
            {
                "full_name": "Made Jabar 32.74",
                "region_code": "32.74.01.1001",
                "status": "verified",
                "office_code": "BTN",
            },
        ],
    )
    db = office
    # office: another office's people and the tombstones are not in it
    assert names(db, office_code="BTN") == ["Budi BTN Jabar", "Made Jabar 32.74"]
    assert "Eka JKT Jabar dihapus" not in names(db, office_code="JKT")
    assert len(names(db, office_code="JKT")) == 9
    assert names(db, office_code="LOM") == []
    # province: the first two digits, not the 33 next door, not a missing code, no tombstone
    assert names(db, region_prefix="32") == [
        "Ani JKT Jabar",
        "Budi BTN Jabar",
        "Made Jabar 32.74",
    ]
    assert names(db, region_prefix="33") == ["Citra JKT Jateng"]
    assert names(db, region_prefix="31") == [
        "Gita LAS pertama",
        "Hadi LAS kedua",
        "Indah LAS dua kali",
        "Kiki Las teks lama",
        "Lina LASX",
    ]
    # a regency within the province
    assert names(db, region_prefix="32.73") == ["Budi BTN Jabar"]
    assert names(db, region_prefix="32.74") == ["Made Jabar 32.74"]
    # status
    assert names(db, status="verified") == ["Fajar JKT Banten", "Made Jabar 32.74"]
    # training choice: in the first or the second column, once when in both, exactly
    assert names(db, training_choice="LAS") == [
        "Gita LAS pertama",
        "Hadi LAS kedua",
        "Indah LAS dua kali",
    ]
    assert names(db, training_choice="GARMEN") == ["Hadi LAS kedua"]
    # the first choice only (Beranda's module bars count first choices)
    assert names(db, training_choice="LAS", first_choice_only=True) == [
        "Gita LAS pertama",
        "Indah LAS dua kali",
    ]
    assert names(db, training_choice="LASX", first_choice_only=True) == []
    assert count(db, ParticipantQuery(training_choice="LAS", first_choice_only=True)) == 2
    assert names(db, training_choice="Las SMAW") == ["Kiki Las teks lama"]
    assert names(db, training_choice="LASX") == ["Lina LASX"]
    assert names(db, training_choice="las") == []
    # together
    assert names(db, office_code="BTN", region_prefix="32", status="verified") == [
        "Made Jabar 32.74"
    ]
    assert names(db, office_code="JKT", training_choice="LAS", region_prefix="31") == [
        "Gita LAS pertama",
        "Hadi LAS kedua",
        "Indah LAS dua kali",
    ]
    assert names(db, office_code="BTN", training_choice="LAS") == []
    # counts agree, and are exact under the cap
    assert count(db, ParticipantQuery(training_choice="LAS")) == 3
    assert count(db, ParticipantQuery(region_prefix="32")) == 3
    assert count(db, ParticipantQuery(office_code="JKT")) == 9
    assert count(db, ParticipantQuery(office_code="BTN", status="verified")) == 1
    assert not truncated(db, ParticipantQuery(office_code="JKT"))
    # with a text: the text's matches, then the filters on them
    assert names(db, text="las", training_choice="LAS") == [
        "Gita LAS pertama",
        "Hadi LAS kedua",
        "Indah LAS dua kali",
    ]
    assert names(db, text="jabar", region_prefix="32", office_code="JKT") == ["Ani JKT Jabar"]
    assert names(db, text="jabar", region_prefix="32.74") == ["Made Jabar 32.74"]
    assert count(db, ParticipantQuery(text="jabar", office_code="BTN")) == 2
    # a text's count leaves out the tombstones it matched
    assert count(db, ParticipantQuery(text="dihapus")) == 0
    assert count(db, ParticipantQuery(text="jabar")) == 3


def test_a_broad_filter_counts_to_the_cap_and_says_there_are_more(office, monkeypatch):
    _put(office.path, [{"full_name": f"Orang {n:02d}", "status": "verified"} for n in range(7)])
    monkeypatch.setattr(ps, "COUNT_CAP", 5)
    broad = ParticipantQuery(status="verified")
    assert count(office, broad) == 5
    assert truncated(office, broad)
    assert len(search(office, broad, limit=100)) == 7  # pages go on past the count
    monkeypatch.setattr(ps, "COUNT_CAP", 7)
    assert count(office, broad) == 7
    assert not truncated(office, broad)
    monkeypatch.setattr(ps, "COUNT_CAP", 6)
    assert count(office, broad) == 6
    assert truncated(office, broad)


OFFICES = ["JKT", "JKT", "JKT", "BTN", "LOM"]
REGIONS = ["31.71.01.1001", "31.74.02.1003", "32.01.01.2001", "32.73.05.1002", "33.01.01.2001",
           "3", None]  # fmt: skip
STATUSES = ["registered", "registered", "verified", "withdrawn"]
CHOICES = ["LAS", "GARMEN", "Las SMAW", None, None]
FIRST = ["Agus", "Budi", "agus", "Siti", "M.", "Muhammad", "Dewi", "BUDI"]
LAST = ["Santoso", "Wijaya", "Saputra", ""]


@pytest.fixture
def crowd(office):
    """150 people in offices, provinces, statuses and choices at random, 1 in 10 erased,
    names that tie on their key, registered at times that tie."""
    rng = random.Random(10)
    rows = []
    for n in range(150):
        rows.append(
            {
                "full_name": f"{rng.choice(FIRST)} {rng.choice(LAST)}".strip(),
                "office_code": rng.choice(OFFICES),
                "region_code": rng.choice(REGIONS),
                "status": rng.choice(STATUSES),
                "training_choice_1": rng.choice(CHOICES),
                "training_choice_2": rng.choice(CHOICES),
                "birth_date": f"19{rng.randrange(80, 99)}-0{rng.randrange(1, 9)}-1{n % 9}",
                "registered_at": f"2026-11-0{rng.randrange(1, 4)} 08:00:00.000000",
                "deleted_at": STAMP if rng.random() < 0.1 else None,
                "nik": f"3171011708{n:06d}",
            }
        )
    _put(office.path, rows)
    return office


def _plainly(path: Path, query: ParticipantQuery, offset: int, limit: int) -> tuple[list, int]:
    """The same question asked the plainest way: no index, every row read (the oracle)."""
    where, params = ["deleted_at IS NULL"], []
    if query.office_code:
        where.append("office_code = ?")
        params.append(query.office_code)
    if query.status:
        where.append("status = ?")
        params.append(query.status)
    if query.region_prefix:
        where.append("substr(region_code, 1, ?) = ?")
        params += [len(query.region_prefix), query.region_prefix]
    if query.training_choice and query.first_choice_only:
        where.append("training_choice_1 = ?")
        params.append(query.training_choice)
    elif query.training_choice:
        where.append("(training_choice_1 = ? OR training_choice_2 = ?)")
        params += [query.training_choice] * 2
    order = ", ".join(f"{c.name}{' DESC' if query.descending else ''}" for c in SORTS[query.sort])
    con = sqlite3.connect(path)
    try:
        sql = f"FROM participant NOT INDEXED WHERE {' AND '.join(where)}"
        ids = [
            r[0]
            for r in con.execute(
                f"SELECT id {sql} ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset]
            )
        ]
        return ids, con.execute(f"SELECT count(*) {sql}", params).fetchone()[0]
    finally:
        con.close()


FILTERS = {
    "office_code": ["JKT", "LOM", "BPN"],
    "region_prefix": ["31", "32.73", "33", "3"],
    "status": ["verified", "withdrawn"],
    "training_choice": ["LAS", "Las SMAW"],
}


def _queries(rng: random.Random) -> list[ParticipantQuery]:
    out = []
    for size in range(1, 5):
        for keys in itertools.combinations(FILTERS, size):
            for sort, descending in itertools.product(SORTS, (False, True)):
                values: dict[str, Any] = {k: rng.choice(FILTERS[k]) for k in keys}
                if "training_choice" in values:
                    values["first_choice_only"] = rng.random() < 0.5
                out.append(ParticipantQuery(sort=sort, descending=descending, **values))
    return out


@pytest.mark.parametrize(
    "caps",
    [
        {},  # as shipped: one filter drives, the others are read in its index
        {"PROBE_CAP": 4, "SORT_CAP": 6, "COUNT_CAP": 5},  # every plan: sets, walks, sorts
        {"PROBE_CAP": 1000, "SORT_CAP": 0, "COUNT_CAP": 1},  # other orders walk their index
    ],
)
def test_every_plan_finds_what_a_plain_reading_finds(crowd, monkeypatch, caps):
    for name, value in caps.items():
        monkeypatch.setattr(ps, name, value)
    rng = random.Random(5)
    for query in _queries(rng):
        for offset, limit in ((0, 200), (0, 7), (7, 7), (30, 11)):
            got = [r.id for r in search(crowd, query, offset=offset, limit=limit)]
            want, total = _plainly(crowd.path, query, offset, limit)
            assert got == want, (query, offset, limit)
        assert count(crowd, query) == min(total, ps.COUNT_CAP), query
        assert truncated(crowd, query) == (total > ps.COUNT_CAP), query


def _plans(db: Any, query: ParticipantQuery) -> list[str]:
    """EXPLAIN QUERY PLAN of the page query `search` sends (its last statement)."""
    sent: list[tuple[str, Any]] = []

    def seen(_c: Any, _cur: Any, statement: str, params: Any, *_: Any) -> None:
        sent.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        search(db, query, limit=200)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    statement, params = sent[-1]
    con = sqlite3.connect(db.path)
    try:
        return [r[3] for r in con.execute(f"EXPLAIN QUERY PLAN {statement}", params)]
    finally:
        con.close()


@pytest.mark.parametrize(
    ("query", "index"),
    [
        (ParticipantQuery(office_code="JKT"), "ix_participant_live_office"),
        (ParticipantQuery(region_prefix="32"), "ix_participant_live_province"),
        (ParticipantQuery(status="verified"), "ix_participant_live_status"),
        (ParticipantQuery(office_code="JKT", descending=True), "ix_participant_live_office"),
        (ParticipantQuery(training_choice="LAS"), "ix_participant_live_choice_1"),
        (ParticipantQuery(training_choice="LAS"), "ix_participant_live_choice_2"),
    ],
)
def test_a_filtered_first_page_walks_its_index_in_name_order(crowd, query, index):
    plan = _plans(crowd, query)
    assert any(index in step for step in plan), plan
    if not query.training_choice:  # one index in name order: nothing left to sort
        assert not any("TEMP B-TREE" in step for step in plan), plan


def test_other_filters_are_read_in_the_walked_index_not_the_row(crowd):
    """Office, status and province are held by each other's indexes: a first page of two
    of them is one SEARCH of an index, with no lookup of the table for the other."""
    plan = _plans(crowd, ParticipantQuery(office_code="JKT", status="verified"))
    assert len(plan) == 1 and "ix_participant_live_" in plan[0], plan


def test_a_spelling_of_muhammad_typed_whole_finds_the_folded_name_only(office):
    _put(
        office.path,
        [
            {"full_name": "Muhammad Rizal"},
            {"full_name": "M. Rizki"},
            {"full_name": "Mochammad Yusuf"},
            {"full_name": "Muhtar Lubis"},
            {"full_name": "Nurul Aini"},
            {"full_name": "Noor Hasanah"},
            {"full_name": "Nurhayati"},
        ],
    )
    assert sorted(names(office, text="moch")) == ["M. Rizki", "Mochammad Yusuf", "Muhammad Rizal"]
    assert sorted(names(office, text="muh")) == [
        "M. Rizki",
        "Mochammad Yusuf",
        "Muhammad Rizal",
        "Muhtar Lubis",
    ]
    # "nurul" is Nurul or Noor (one key, nur), not every name that starts with nur
    assert sorted(names(office, text="nurul")) == ["Noor Hasanah", "Nurul Aini"]
    assert sorted(names(office, text="nur")) == ["Nurhayati", "Nurul Aini"]  # a start
