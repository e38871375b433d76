"""Registering, finding and editing participants through the services (issue #3)."""

from __future__ import annotations

import pytest

from app.errors import PermissionDenied
from app.services import participant_records as records
from app.services.auth import login
from app.services.participant_search import ParticipantQuery, count, search
from app.services.participants import register
from app.services.staff import add_staff
from tests.unit.helpers import count as count_rows
from tests.unit.helpers import rows

BUDI = {
    "nik": "3171011708900001",
    "nama": "Budi Santoso",
    "tempat_lahir": "Jakarta",
    "tanggal_lahir": "17/08/1990",
    "jenis_kelamin": "L",
    "telepon": "0812-3456-7890",
    "kpj": "12345678901",
    "kode_wilayah": "31.71.01",
    "tanggal_phk": "15/06/2026",
    "alasan_phk": "efisiensi",
    "upah_terakhir": "5.200.000",
    "bank": "bri",
    "nomor_rekening": "0123456789012",
    "nama_pemilik_rekening": "BUDI SANTOSO",
    "persetujuan": "Y",
}


def test_register_saves_participant_consent_outbox_and_audit(office, admin):
    out = register(office, admin, BUDI)
    assert out.saved is not None, [f.message() for f in out.findings]
    assert out.saved.nik_masked == "3171********0001"
    p = rows(
        office.path, "SELECT phone, last_wage, region_code, eligibility_status FROM participant"
    )
    assert p == [("+6281234567890", 5200000, "31.71.01", "unknown")]
    assert count_rows(office.path, "consent", "notice_version='2026-01'") == 1
    assert count_rows(office.path, "outbox", "entity='participant'") == 1
    assert count_rows(office.path, "audit_event", "action='participant.register'") == 1


def test_errors_block_and_name_their_fields(office, admin):
    out = register(office, admin, {**BUDI, "tanggal_lahir": "31/02/1990", "telepon": "12"})
    assert out.saved is None
    assert {f.field for f in out.errors} >= {"tanggal_lahir", "telepon"}
    assert count_rows(office.path, "participant") == 0


def test_warnings_must_be_confirmed(office, admin):
    odd = {**BUDI, "kpj": "12345", "nama_pemilik_rekening": "Siti Aminah"}
    out = register(office, admin, odd)
    assert out.saved is None and {f.field for f in out.warnings} == {"kpj", "nama_pemilik_rekening"}
    assert register(office, admin, odd, confirm_warnings=True).saved is not None


def test_same_nik_points_to_the_existing_record(office, admin):
    first = register(office, admin, BUDI).saved
    again = register(office, admin, {**BUDI, "nama": "Budi S."}, confirm_warnings=True)
    assert again.saved is None and again.existing_id == first.id
    assert "sudah terdaftar" in again.errors[0].message("id")


def test_similar_name_same_birth_date_must_be_acknowledged(office, admin):
    first = register(
        office, admin, {**BUDI, "nama": "Muhammad Rizki", "nama_pemilik_rekening": "Muhammad Rizki"}
    ).saved
    other = {
        **BUDI,
        "nik": "3171011708900002",
        "kpj": "",
        "nama": "Moch. Rizki",
        "nama_pemilik_rekening": "Moch. Rizki",
    }
    out = register(office, admin, other)
    assert out.saved is None and [(d.id, d.reason) for d in out.duplicates] == [(first.id, "name")]
    out = register(office, admin, other, acknowledged=frozenset({first.id}))
    assert out.saved is not None


def test_search_by_name_fragment_variant_nik_prefix_and_phone(office, admin):
    register(office, admin, {**BUDI, "nama": "Mochammad Hatta", "nama_pemilik_rekening": ""})
    register(
        office,
        admin,
        {
            **BUDI,
            "nik": "3273015708900002",
            "nama": "Siti Aminah",
            "jenis_kelamin": "P",
            "kpj": "",
            "telepon": "0813 1111 2222",
            "nama_pemilik_rekening": "Siti Aminah",
        },
    )
    names = lambda q: [r.full_name for r in search(office, ParticipantQuery(text=q))]  # noqa: E731
    assert names("hat") == ["Mochammad Hatta"]
    assert names("muh hat") == ["Mochammad Hatta"]  # Muhammad variant
    assert names("sit ami") == ["Siti Aminah"]
    assert names("3273") == ["Siti Aminah"]
    assert names("0813-1111") == ["Siti Aminah"]
    assert count(office, ParticipantQuery(status="registered")) == 2
    assert names("zzz") == []


def test_edit_is_checked_and_kept_in_history(office, admin):
    pid = register(office, admin, BUDI).saved.id
    findings = records.update(office, admin, pid, {**BUDI, "telepon": "0812 9999 8888"})
    assert findings == []
    detail = records.detail(office, pid)
    assert detail.values["phone"] == "+6281299998888"
    assert detail.values["nik"] == "3171********0001"
    change = next(h for h in detail.history if h.action == "participant.update")
    assert change.actor == "admin" and change.changes["phone"] == [
        "+6281234567890",
        "+6281299998888",
    ]


def test_reveal_full_nik_is_audited(office, admin):
    pid = register(office, admin, BUDI).saved.id
    assert records.reveal(office, admin, pid, "nik") == "3171011708900001"
    assert count_rows(office.path, "audit_event", "action='participant.reveal'") == 1


def test_draft_survives_and_is_private_to_its_clerk(office, admin):
    add_staff(
        office,
        admin,
        username="loket.sari",
        full_name="Sari",
        role="counter",
        password="sementara1",
    )
    sari = login(office, "loket.sari", "sementara1").actor
    records.save_draft(office, sari, {"nama": "Setengah Jadi", "nik": "3171"})
    data, _when = records.load_draft(office, sari)
    assert data["nama"] == "Setengah Jadi"
    assert records.load_draft(office, admin) is None
    records.discard_draft(office, sari)
    assert records.load_draft(office, sari) is None


def test_status_change_needs_a_reason_for_ineligible(office, admin):
    from app.errors import ValidationError

    pid = register(office, admin, BUDI).saved.id
    with pytest.raises(ValidationError):
        records.set_status(office, admin, pid, "ineligible")
    records.set_status(office, admin, pid, "ineligible", "Usia di atas batas")
    assert records.detail(office, pid).row.status == "ineligible"


def test_counter_cannot_import(office, admin):
    from app.domain.roles import Permission
    from app.services.access import require

    add_staff(
        office, admin, username="loket.eko", full_name="Eko", role="counter", password="sementara1"
    )
    eko = login(office, "loket.eko", "sementara1").actor
    with pytest.raises(PermissionDenied):
        require(office, eko, Permission.PARTICIPANT_IMPORT)


def test_values_for_edit_round_trip_and_are_audited(office, admin):
    raw = {**BUDI, "persetujuan": "Y"}
    pid = register(office, admin, raw).saved.id
    values = records.values_for_edit(office, admin, pid)
    assert values["nik"] == "3171011708900001" and values["nomor_rekening"] == "0123456789012"
    assert values["tanggal_lahir"] == "17/08/1990" and values["persetujuan"] == "Y"
    assert records.update(office, admin, pid, values) == []  # unchanged form saves cleanly
    assert count_rows(office.path, "audit_event", "action='participant.open_for_edit'") == 1


def test_consent_after_registration_and_history_detail(office, admin):
    pid = register(office, admin, {**BUDI, "persetujuan": ""}, confirm_warnings=True).saved.id
    assert records.detail(office, pid).consent_version is None
    records.record_consent(office, admin, pid, "2026-01")
    records.reveal(office, admin, pid, "bank_account")
    detail = records.detail(office, pid)
    assert detail.consent_version == "2026-01"
    reveal = next(h for h in detail.history if h.action == "participant.reveal")
    assert reveal.detail == {"field": "bank_account"}
