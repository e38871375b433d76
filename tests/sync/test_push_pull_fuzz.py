"""Property-based fuzz of push and pull with hostile strings and nesting (issue #7).

schemathesis (test_api_fuzz.py) fuzzes every endpoint from the OpenAPI document, but it
encodes strings as UTF-8, so it never sends a lone surrogate, and it rarely nests deep.
Here hypothesis builds pushes from a sound change with one to three parts replaced by
something hostile — NUL, lone surrogates, control and bidi characters, formulas, strings
beyond every column, values nested thousands deep, wrong types, unknown fields — and sends
them as raw JSON to a real server. Properties, for every example:

- the server never answers 5xx (only 200, or 400/413/422 for a body it cannot take);
- a 200 answer has one result per change, each a known status, and a refused one carries
  no record;
- the office's pulls keep working;

and at the end every record the server holds passes the wire checks (app.protocol.validate)
and a real office PC pulls everything into SQLite.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.protocol.validate import check_changes
from tests.sync.conftest import both_backends, enrolled, make_office, sync
from tests.sync.hostile import participant_row, raw_device

# Issue #7: every case against a real server on SQLite and on PostgreSQL (CI).
pytestmark = both_backends()

HOSTILE_TEXT = [
    "\x00",
    "a\x00b",
    "\ud800",
    "x\udfffy",
    "\x1b[31m",
    "\u202egnp.exe",
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "'; DROP TABLE record_state; --",
    "x" * 300,
    "é" * 25_000,
    "",
    " ",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
]
STATUSES = {"applied", "rejected", "held", "conflict"}
ENVELOPE = ("entity", "entity_id", "op", "hlc", "office_code", "base_version", "version")

texts = st.one_of(
    st.sampled_from(HOSTILE_TEXT),
    st.text(st.characters(exclude_categories=()), max_size=40),  # surrogates included
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(allow_nan=False, allow_infinity=False),
    texts,
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=8,
)


def nested(depth: int) -> Any:
    value: Any = "x"
    for n in range(depth):
        value = [value] if n % 2 else {"k": value}
    return value


class Deep(int):
    """A nesting depth: the nested value is built in the test, so hypothesis never has to
    print a value thousands of levels deep."""


hostile = st.one_of(values, st.integers(min_value=30, max_value=900).map(Deep))
FIELDS = sorted(participant_row("JKT"))
corruptions = st.lists(
    st.tuples(
        st.sampled_from(["envelope", "field", "new field"]),
        st.sampled_from(ENVELOPE),
        st.sampled_from(FIELDS),
        texts,
        hostile,
    ),
    min_size=1,
    max_size=3,
)


def corrupt(m: dict[str, Any], how: list[tuple[str, str, str, str, Any]]) -> dict[str, Any]:
    m = {**m, "changes": dict(m["changes"])}
    for where, key, field, new_field, raw in how:
        value = nested(raw) if isinstance(raw, Deep) else raw
        if where == "envelope":
            m[key] = value
        elif where == "field":
            m["changes"][field] = value
        elif isinstance(new_field, str):
            m["changes"][new_field] = value
    return m


def test_a_body_nested_beyond_the_parser_is_a_400(server):
    attacker = raw_device(server, "JKT")
    depth = 100_000
    r = attacker.push_raw('{"mutations": ' + "[" * depth + "]" * depth + "}")
    assert r.status_code == 400
    assert attacker.get("/v1/pull", after=0).status_code == 200


def test_hostile_pushes_never_break_the_server_or_the_office(server, tmp_path):
    attacker = raw_device(server, "JKT")
    reader = raw_device(server, "JKT")
    seen = {"200": 0, "400": 0, "413": 0, "422": 0}

    @settings(
        max_examples=150,
        derandomize=True,
        deadline=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )
    @given(how=corruptions)
    def one_push(how):
        attacker.seq = int(attacker.get("/v1/device").json()["last_seq"])
        bad = corrupt(
            attacker.mutation("participant", str(uuid.uuid4()), "insert", participant_row("JKT")),
            how,
        )
        good = attacker.mutation("participant", str(uuid.uuid4()), "insert", participant_row("JKT"))
        body = json.dumps({"mutations": [bad, good]})  # ASCII: surrogates travel escaped
        r = attacker.push_raw(body)
        assert r.status_code in (200, 400, 413, 422), (r.status_code, r.text[:300])
        seen[str(r.status_code)] += 1
        if r.status_code == 200:
            results = r.json()["results"]
            assert len(results) == 2
            assert {x["status"] for x in results} <= STATUSES
            assert all(x["record"] is None for x in results if x["status"] == "rejected")
        pulled = reader.get("/v1/pull", after=0, limit=5000)
        assert pulled.status_code == 200

    one_push()
    assert seen["200"] > 0 and seen["422"] > 0  # both kinds of refusal were reached
    # whatever was taken is sound, and a real office PC takes all of it
    records = [c for c in reader.pull_all() if c["entity"] == "participant" and c["op"] != "delete"]
    assert records
    for change in records:
        assert check_changes("participant", "insert", change["data"]) is None, change
    peer = enrolled(server, make_office(tmp_path, "peer", "JKT", 1), "JKT")
    report = sync(peer)
    assert report["ok"] and report["pull_problems"] == [], report
    con = sqlite3.connect(peer / "loket.db")
    try:
        held = con.execute("SELECT count(*) FROM participant").fetchone()[0]
    finally:
        con.close()
    assert held == len({c["entity_id"] for c in records})
