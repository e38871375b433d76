"""The server checks pushed values against app/protocol/wire_fields.py, written from the models
by `python -m app.sync.fields`: the two must agree, and every synced record type must be
declared in the registry (else the server would refuse its changes as an unknown type)."""

from __future__ import annotations

from app.protocol.entities import ENTITIES
from app.protocol.validate import check_changes
from app.protocol.wire_fields import FIELDS
from app.sync import fields


def test_wire_fields_match_the_models():
    current = fields.TARGET.read_text(encoding="utf-8")
    assert current == fields.render(), "run: python -m app.sync.fields"


def test_every_synced_record_type_is_in_the_registry_and_back():
    assert set(FIELDS) == set(ENTITIES)


def test_a_value_is_checked_at_its_size_on_both_sides():
    row = {"full_name": "x" * 150}
    assert check_changes("participant", "update", row) is None
    row = {"full_name": "x" * 151}
    assert check_changes("participant", "update", row) == "invalid value: full_name (too long)"


def test_strings_that_would_break_a_database_or_a_spreadsheet_are_refused():
    for bad, why in (("a\x00b", "NUL character"), ("a\ud800", "broken character"),
                     ("a\x1bb", "control character")):  # fmt: skip
        assert check_changes("participant", "update", {"full_name": bad}) == (
            f"invalid value: full_name ({why})"
        )
    ok = "Jl. Merdeka 1\nRT 01/RW 02\tBlok A"  # line breaks and tabs in an address are fine
    assert check_changes("participant", "update", {"ktp_address": ok}) is None


def test_kinds_are_checked():
    cases = {
        "birth_date": ("1990-08-17", "17/08/1990"),
        "last_wage": (5_000_000, "5000000"),
        "whatsapp": (True, 1),
        "registered_at": ("2026-12-01T08:00:00+00:00", "2026-12-01T08:00:00"),
    }
    for field, (good, bad) in cases.items():
        assert check_changes("participant", "update", {field: good}) is None
        assert check_changes("participant", "update", {field: bad}).startswith(
            f"invalid value: {field}"
        )
    assert check_changes("participant", "update", {"last_wage": 2**63}) == (
        "invalid value: last_wage (out of range)"
    )
    assert check_changes("participant", "update", {"full_name": ["nested"]}) == (
        "invalid value: full_name (not text)"
    )
    assert check_changes("participant", "update", {"nope": 1}) == "unknown field"


def test_a_new_record_carries_every_field_that_cannot_be_empty():
    assert check_changes("participant", "insert", {"full_name": "Budi"}) == "missing value: nik"


def test_every_record_type_belongs_to_exactly_one_feature():
    from app import features

    owned = features.entities()
    assert sorted(owned) == sorted(set(owned)), "a record type is claimed twice"
    assert set(owned) == set(ENTITIES)


def test_every_synced_model_is_declared():
    from app.models import Base

    synced = {
        m.class_.__sync_entity__
        for m in Base.registry.mappers
        if getattr(m.class_, "__sync_entity__", None)
    }
    assert synced == set(ENTITIES) == set(FIELDS)


def test_a_day_travels_in_one_spelling_only():
    """Python reads "2026-W49-3" and "20261202xx"-like texts as a day too; a training day or
    a cash close, whose id is derived from its day (rule 7), must not arrive twice under
    two spellings of the same day."""
    assert check_changes("cohort_session", "update", {"day": "2026-12-02"}) is None
    for other in ("2026-W49-3", "2026-336  ", "20261202xx", "2026-12-2 "):
        assert check_changes("cohort_session", "update", {"day": other}) == (
            "invalid value: day (not a date)"
        ), other
