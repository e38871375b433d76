"""The server's policy per record type (app.server.policy.decide), change by change: insert-only,
server wins, last writer by stamp, and the participant's field-by-field merge with its
supervised fields. Pure: a stored record's state (`Draft`) and a server `Device` row in memory.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.protocol.entities import ENTITIES
from app.server.models import Device
from app.server.policy import Draft, Mutation, decide, field_origin, natural_key, set_fields

NOW = datetime(2026, 11, 28, 3, 0, tzinfo=UTC)


def h(n: int) -> str:
    """A hybrid logical clock stamp, the n-th millisecond of the test."""
    return f"{1764298800000 + n}-00000-dev"


A = Device(id="dev-a", office_code="JKT", is_hq=False)
B = Device(id="dev-b", office_code="JKT", is_hq=False)
HQ = Device(id="dev-hq", office_code="PST", is_hq=True)


def m(op: str = "update", entity: str = "participant", base: int = 1, hlc: str = h(2), **changes):
    return Mutation(
        seq=1,
        mutation_id="m1",
        entity=entity,
        entity_id="r1",
        op=op,
        base_version=base,
        version=base + 1,
        hlc=hlc,
        office_code="JKT",
        changes=changes,
    )


def stored(entity: str = "participant", version: int = 1, hlc: str = h(1), **data) -> Draft:
    data = data or {"full_name": "Budi", "nik": "3171011708900001", "phone": "+62811"}
    return Draft(
        entity=entity,
        entity_id="r1",
        office_code="JKT",
        version=version,
        hlc=hlc,
        data=dict(data),
        field_versions={k: field_origin(1, "dev-a") for k in data},
        natural_key=natural_key(entity, data),
    )


def run(rec, device, mutation):
    return decide(rec, device, mutation, ENTITIES[mutation.entity], NOW)


# -- inserts --
def test_a_new_record_is_stored_as_version_one_with_its_origins():
    status, reason, rec, changed, conflicts = run(None, A, m("insert", base=0, full_name="Budi",
                                                              nik="3171011708900001"))  # fmt: skip
    assert (status, reason, changed, conflicts) == ("applied", "", True, [])
    assert rec is not None
    assert (rec.entity, rec.entity_id, rec.office_code, rec.version, rec.hlc) == (
        "participant", "r1", "JKT", 1, h(2),
    )  # fmt: skip
    assert rec.data == {"full_name": "Budi", "nik": "3171011708900001"}
    assert rec.field_versions == {"full_name": [1, "dev-a"], "nik": [1, "dev-a"]}
    assert rec.natural_key == "3171011708900001" and rec.deleted is False


def test_a_new_record_born_deleted_is_a_tombstone():
    _s, _r, rec, _c, _x = run(None, A, m("insert", base=0, full_name="X", deleted_at="2026-11-28"))
    assert rec is not None and rec.deleted is True


def test_the_same_insert_again_is_answered_not_applied():
    rec = stored()
    status, reason, after, changed, _x = run(rec, A, m("insert", base=0, **rec.data))
    assert (status, reason, after, changed) == ("applied", "duplicate insert", rec, False)


def test_another_record_under_a_used_id_is_refused():
    rec = stored()
    status, reason, after, changed, _x = run(rec, A, m("insert", base=0, full_name="Lain"))
    assert (status, reason, after, changed) == (
        "rejected", "id already used by another record", rec, False,
    )  # fmt: skip
    assert rec.data["full_name"] == "Budi"


def test_a_change_to_a_record_the_server_does_not_hold_is_refused():
    assert run(None, A, m(full_name="X"))[:4] == ("rejected", "unknown record", None, False)


# -- insert-only, server wins, last writer --
def test_an_audit_event_is_never_changed():
    rec = stored("audit_event", actor="admin")
    status, reason, after, changed, _x = run(rec, A, m(entity="audit_event", actor="orang.lain"))
    assert (status, reason, changed) == ("rejected", "this record type cannot be changed", False)
    assert after is rec and rec.data == {"actor": "admin"}


def test_reference_data_is_changed_only_by_head_office():
    rec = stored("office", name="Jakarta")
    refused = run(rec, A, m(entity="office", hlc=h(9), name="Lain"))
    assert refused[:2] == ("rejected", "reference data is changed only by HQ")
    assert rec.data == {"name": "Jakarta"} and rec.version == 1
    status, reason, after, changed, _x = run(rec, HQ, m(entity="office", hlc=h(9), name="Baru"))
    assert (status, reason, changed) == ("applied", "", True)
    assert after is not None and after.data == {"name": "Baru"} and after.version == 2


@pytest.mark.parametrize("entity", ["staff", "consent", "participant_document"])
def test_last_writer_wins_by_stamp(entity):
    rec = stored(entity, hlc=h(5), note="lama")
    older = run(rec, B, m(entity=entity, hlc=h(4), note="lebih lama"))
    assert older[:4] == ("applied", "superseded by a newer change", rec, False)
    same = run(rec, B, m(entity=entity, hlc=h(5), note="sama"))
    assert same[1] == "superseded by a newer change" and rec.data == {"note": "lama"}
    status, reason, after, changed, _x = run(rec, B, m(entity=entity, hlc=h(6), note="baru"))
    assert (status, reason, changed) == ("applied", "", True)
    assert after is not None
    assert (after.data, after.version, after.hlc) == ({"note": "baru"}, 2, h(6))
    assert after.field_versions["note"] == [2, "dev-b"]


# -- the participant's field merge --
def test_a_clean_field_change_is_merged():
    rec = stored()
    status, reason, after, changed, conflicts = run(rec, B, m(phone="+62812"))
    assert (status, reason, changed, conflicts) == ("applied", "", True, [])
    assert after is not None and after.data["phone"] == "+62812" and after.version == 2
    assert after.field_versions["phone"] == [2, "dev-b"]
    assert after.field_versions["full_name"] == [1, "dev-a"]


def test_a_change_to_the_value_already_held_is_no_change():
    rec = stored()
    status, reason, after, changed, conflicts = run(rec, B, m(full_name="Budi"))
    assert (status, reason, changed, conflicts) == ("applied", "no change", False, [])
    assert after is rec and rec.version == 1


def test_the_same_field_changed_elsewhere_since_the_base_is_a_conflict():
    rec = stored()
    set_fields(rec, {"full_name": "Budi Santoso"}, "dev-a", h(2))  # A's change: version 2
    status, reason, after, changed, conflicts = run(
        rec, B, m(base=1, hlc=h(3), full_name="Budi S.", phone="+62812")
    )
    assert (status, reason, changed) == ("conflict", "full_name", True)
    assert after is not None
    assert after.data["full_name"] == "Budi Santoso"  # kept until a supervisor decides
    assert after.data["phone"] == "+62812"  # the clean field is merged
    assert after.version == 3 and after.hlc == h(3)
    (row,) = conflicts
    assert row == {
        "entity": "participant",
        "entity_id": "r1",
        "office_code": "JKT",
        "field": "full_name",
        "server_value": '"Budi Santoso"',
        "device_value": '"Budi S."',
        "device_id": "dev-b",
        "mutation_id": "m1",
        "reason": "same_field",
        "status": "open",
        "created_at": NOW,
    }


def test_a_change_built_on_the_newest_version_is_not_a_conflict():
    rec = stored()
    set_fields(rec, {"full_name": "Budi Santoso"}, "dev-a", h(2))
    status, _r, after, changed, conflicts = run(rec, B, m(base=2, hlc=h(3), full_name="Budi S."))
    assert (status, changed, conflicts) == ("applied", True, [])
    assert after is not None and after.data["full_name"] == "Budi S."


def test_a_device_building_on_its_own_unsent_changes_does_not_conflict_with_itself():
    rec = stored()
    set_fields(rec, {"full_name": "Budi Santoso"}, "dev-b", h(2))  # B's first change
    status, _r, after, _c, conflicts = run(rec, B, m(base=1, hlc=h(3), full_name="Budi S."))
    assert (status, conflicts) == ("applied", [])
    assert after is not None and after.data["full_name"] == "Budi S."


@pytest.mark.parametrize("field", ["nik", "bank_account"])
def test_a_supervised_field_always_goes_to_a_supervisor(field):
    rec = stored(full_name="Budi", nik="3171011708900001", bank_account="1234567")
    status, reason, after, changed, conflicts = run(rec, A, m(base=1, **{field: "9999999"}))
    assert (status, reason, changed) == ("conflict", field, False)
    assert after is not None and after.data[field] == rec.data[field] and after.version == 1
    assert [(c["field"], c["reason"]) for c in conflicts] == [(field, "supervised_field")]


def test_the_merged_stamp_never_goes_back():
    rec = stored(hlc=h(9))
    _s, _r, after, _c, _x = run(rec, B, m(hlc=h(3), phone="+62812"))
    assert after is not None and after.hlc == h(9)


# -- the record's keys --
def test_the_natural_key_is_a_live_participant_nik():
    assert natural_key("participant", {"nik": "3171011708900001"}) == "3171011708900001"
    assert natural_key("participant", {"nik": ""}) is None
    assert natural_key("participant", {"nik": "317", "merged_into": "r2"}) is None
    assert natural_key("consent", {"nik": "3171011708900001"}) is None
    rec = stored()
    set_fields(rec, {"merged_into": "r2"}, "dev-a", h(2))
    assert rec.natural_key is None
    set_fields(rec, {"deleted_at": "2026-11-28T00:00:00"}, "dev-a", h(3))
    assert rec.deleted is True and rec.version == 3


def test_set_fields_makes_new_dicts_so_earlier_views_keep_theirs():
    rec = stored()
    data, origins = rec.data, rec.field_versions
    set_fields(rec, {"phone": "+62812"}, "dev-b", h(2))
    assert data["phone"] == "+62811" and origins["phone"] == [1, "dev-a"]
    assert rec.row() == {
        "entity": "participant",
        "entity_id": "r1",
        "office_code": "JKT",
        "version": 2,
        "hlc": h(2),
        "data": {"full_name": "Budi", "nik": "3171011708900001", "phone": "+62812"},
        "field_versions": {
            "full_name": [1, "dev-a"],
            "nik": [1, "dev-a"],
            "phone": [2, "dev-b"],
        },
        "deleted": False,
        "natural_key": "3171011708900001",
    }


def test_a_mutation_body_digest_covers_every_part():
    base = m(full_name="Budi")
    assert base.body_sha256() == m(full_name="Budi").body_sha256()
    assert len(base.body_sha256()) == 64
    for other in (
        m(full_name="Budi S."),
        m(base=2, full_name="Budi"),
        m(hlc=h(9), full_name="Budi"),
    ):
        assert other.body_sha256() != base.body_sha256()
    # A hostile lone surrogate does not crash the digest (the change is refused later).
    assert len(m(full_name="\ud800").body_sha256()) == 64
