"""Edges of the server's merge policy the mutation run found unpinned (docs/testing.md): what a
supervisor reads in a conflict, a change that repeats some held values, a refused change that
must not count as a change, and a body digest that does not depend on the order of keys.
"""

from __future__ import annotations

from app.server.policy import Mutation, set_fields
from tests.unit.test_server_policy import A, B, h, m, run, stored


def test_a_conflict_shows_the_values_as_typed_not_as_escape_codes():
    """The conflict list shows both values to a supervisor: names with accents or in another
    script must read as typed ("Zoë Ñoño", not "Zo\\u00eb")."""
    rec = stored()
    set_fields(rec, {"full_name": "Zoë Ñoño"}, "dev-a", h(2))
    _s, _r, _after, _c, conflicts = run(rec, B, m(base=1, hlc=h(3), full_name="Siti Zulaikhā"))
    (row,) = conflicts
    assert row["server_value"] == '"Zoë Ñoño"'
    assert row["device_value"] == '"Siti Zulaikhā"'


def test_every_conflicting_field_is_named_in_the_reason_in_order():
    rec = stored()
    set_fields(rec, {"full_name": "Budi Santoso", "phone": "+62813"}, "dev-a", h(2))
    status, reason, _after, changed, conflicts = run(
        rec, B, m(base=1, hlc=h(3), full_name="Budi S.", nik="3171011708900002", phone="+62814")
    )
    assert (status, reason, changed) == ("conflict", "full_name,nik,phone", False)
    assert [(c["field"], c["reason"]) for c in conflicts] == [
        ("full_name", "same_field"),
        ("nik", "supervised_field"),
        ("phone", "same_field"),
    ]


def test_a_field_repeating_the_held_value_does_not_stop_the_fields_after_it():
    rec = stored()
    status, reason, after, changed, conflicts = run(
        rec, B, m(base=1, hlc=h(3), full_name="Budi", phone="+62815")
    )
    assert (status, reason, changed, conflicts) == ("applied", "", True, [])
    assert after is not None and after.data["phone"] == "+62815" and after.version == 2


def test_a_refused_change_to_reference_data_is_not_a_change():
    rec = stored("office", name="Jakarta")
    assert run(rec, A, m(entity="office", hlc=h(9), name="Lain"))[3] is False


def test_the_body_digest_does_not_depend_on_the_order_of_the_fields():
    """A PC resending the same change (after a lost answer) may serialise its fields in
    another order: the server must see the same body, not a different one under a used id."""
    one: Mutation = m(full_name="Budi", phone="+62811", email="b@x.id")
    two: Mutation = m(email="b@x.id", phone="+62811", full_name="Budi")
    assert list(one.changes) != list(two.changes)
    assert one.body_sha256() == two.body_sha256()
    assert one.body_sha256() != m(full_name="Budi").body_sha256()


# -- records with deterministic ids (converges=True): made at two devices, one record --------


def test_a_converging_insert_with_a_newer_stamp_wins_as_last_writer():
    rec = stored("provider_check", status="tidak_sesuai", note="tutup", created_at="2026-12-01")
    status, reason, after, changed, _c = run(
        rec,
        B,
        m(
            "insert",
            "provider_check",
            base=0,
            hlc=h(5),
            status="sesuai",
            note="buka",
            created_at="2026-12-02",
        ),
    )
    assert (status, reason, changed) == ("applied", "", True)
    assert after is not None
    assert (after.data["status"], after.data["note"]) == ("sesuai", "buka")
    assert after.data["created_at"] == "2026-12-01"  # the first creation time stays
    assert after.version == 2


def test_a_converging_insert_with_an_older_stamp_is_superseded():
    rec = stored("provider_check", hlc=h(5), status="sesuai", note="buka")
    status, reason, after, changed, _c = run(
        rec, B, m("insert", "provider_check", base=0, hlc=h(3), status="tidak_sesuai")
    )
    assert (status, reason, changed) == ("applied", "superseded by a newer change", False)
    assert after is not None and after.data["status"] == "sesuai"


def test_a_converging_field_merge_insert_sends_a_differing_field_to_a_supervisor():
    """Two supervisors add module LAS-PIPA offline with different names: one module, and the
    name another device set goes to the conflict queue instead of being overwritten."""
    rec = stored("training_module", code="LAS-PIPA", name="Las pipa 6G", hours=120)
    status, reason, after, _changed, conflicts = run(
        rec, B, m("insert", "training_module", base=0, code="LAS-PIPA", name="Las pipa", hours=120)
    )
    assert (status, reason) == ("conflict", "name")
    assert [(c["field"], c["reason"]) for c in conflicts] == [("name", "same_field")]
    assert after is not None and after.data["name"] == "Las pipa 6G"
    same = run(
        rec,
        B,
        m("insert", "training_module", base=0, code="LAS-PIPA", name="Las pipa 6G", hours=120),
    )
    assert same[:2] == ("applied", "no change")


def test_a_non_converging_insert_under_a_used_id_is_still_refused():
    rec = stored("provider_evidence", original_name="a.pdf")
    status, reason, *_ = run(
        rec, B, m("insert", "provider_evidence", base=0, original_name="b.pdf")
    )
    assert (status, reason) == ("rejected", "id already used by another record")
