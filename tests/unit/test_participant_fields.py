"""One vocabulary (issue #8 part 4): the participant field table and the Qt-free formats that
the form, the detail page, the import, the export and the CLI share."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app import formats
from app.domain.intake import check_intake
from app.domain.participant_fields import (
    BY_KEY,
    PARTICIPANT_FIELDS,
    TYPED_KEYS,
    Kind,
    choice_code,
    field_of,
    key_of,
    label_of,
)
from app.models import Participant
from app.resources import regions
from app.services.participant_import import suggest_mapping
from app.services.table_headers import normalize_header

# Columns no clerk types or reads as a field: sync envelope, derived values, the verdict.
# (The office is a field: a record-only one, shown and exported.)
NOT_FIELDS = {
    "id",
    "created_at",
    "updated_at",
    "version",
    "hlc",
    "deleted_at",
    "name_key",
    "status_reason",
    "merged_into",
    "eligibility_preset",
    "eligibility_status",
    "eligibility_detail",
    "registered_by",
}


def test_every_participant_column_is_a_field_or_named_as_not_one():
    columns = {c.name for c in Participant.__table__.columns}
    attributes = {f.attribute for f in PARTICIPANT_FIELDS if f.attribute}
    assert columns - attributes == NOT_FIELDS, "add the new column to participant_fields"
    assert attributes <= columns


def test_keys_attributes_and_labels_are_unique_and_in_both_languages():
    keys = [f.key for f in PARTICIPANT_FIELDS]
    attributes = [f.attribute for f in PARTICIPANT_FIELDS if f.attribute]
    assert len(keys) == len(set(keys)) and len(attributes) == len(set(attributes))
    for lang in ("id", "en"):
        labels = [f.label.render(lang) for f in PARTICIPANT_FIELDS]
        assert all(labels) and len(labels) == len(set(labels)), lang
    first = [f.key for f in PARTICIPANT_FIELDS[:4]]
    assert first == ["nik", "nama", "tempat_lahir", "tanggal_lahir"]  # offices' column order


def test_a_field_is_named_by_its_label_whichever_name_is_used():
    assert label_of("birth_date") == label_of("tanggal_lahir") == "Tanggal lahir"
    assert label_of("still_active_member", "en") == "Still an active member"
    assert key_of("birth_date") == "tanggal_lahir" and key_of("nama") == "nama"
    assert label_of("something_else") == "something_else"
    assert field_of("registered_at") is BY_KEY["didaftarkan"]


def test_no_heading_an_import_recognises_means_two_fields():
    seen: dict[str, str] = {}
    for f in PARTICIPANT_FIELDS:
        if not f.typed:
            continue
        for name in (f.key, *f.aliases, f.label.id, f.label.en):
            heading = normalize_header(name)
            assert seen.setdefault(heading, f.key) == f.key, (heading, f.key, seen[heading])
    headings = ["Tanggal lahir", "Date of birth", "Lama kepesertaan (bulan)", "status"]
    mapping = suggest_mapping(headings)
    assert mapping == {
        "Tanggal lahir": "tanggal_lahir",
        "Date of birth": "tanggal_lahir",
        "Lama kepesertaan (bulan)": "lama_kepesertaan",
        "status": None,  # shown and exported, never imported
    }


def test_the_intake_check_knows_every_typed_key():
    """A control character in any typed field is refused under that field's key, so the
    check reads every key of the table (and no other list of fields)."""
    for key in TYPED_KEYS:
        result = check_intake({key: "a\x00b"}, date(2026, 11, 2), regions())
        assert key in {f.field for f in result.findings if f.text.id.startswith("Berisi")}, key


def test_choice_codes_read_from_their_labels_in_either_language():
    reason = BY_KEY["alasan_phk"]
    assert choice_code(reason, "Efisiensi / pengurangan karyawan") == "efficiency"
    assert choice_code(reason, " efficiency / DOWNSIZING ") == "efficiency"
    assert choice_code(reason, "efficiency") == "efficiency"
    assert choice_code(reason, "Efisiensi") is None  # a word: the intake check's own rule
    assert choice_code(BY_KEY["jenis_kelamin"], "perempuan") == "P"


@pytest.mark.parametrize(
    ("lang", "money", "number", "long"),
    [
        ("id", "Rp1.500.000", "1.500.000", "1 Desember 2026"),
        ("en", "Rp1.500.000", "1.500.000", "1 December 2026"),
    ],
)
def test_money_numbers_and_dates(lang, money, number, long):
    assert formats.rupiah(1_500_000, lang) == money
    assert formats.rupiah(0, lang) == "Rp0" and formats.rupiah(None, lang) == ""
    assert formats.number(1_500_000, lang) == number
    assert formats.number(999, lang) == "999" and formats.number(1000, lang) == "1.000"
    assert formats.long_date(date(2026, 12, 1), lang) == long
    assert formats.date_text(date(2026, 12, 1)) == "01/12/2026"
    assert formats.file_size(1536 * 1024, lang) == "1,5 MB"


def test_phones_read_as_clerks_write_them():
    assert formats.phone("+6281234567890") == "0812-3456-7890"
    assert formats.phone("+62217654321") == "(021) 7654321"
    assert formats.phone(None) == "" and formats.phone("12") == "12"


def test_field_text_reads_codes_by_their_labels_and_form_text_keeps_them():
    status, sex, wage = BY_KEY["status"], BY_KEY["jenis_kelamin"], BY_KEY["upah_terakhir"]
    assert formats.field_text(status, "registered", "id") == "Terdaftar"
    assert formats.field_text(status, "registered", "en") == "Registered"
    assert formats.field_text(sex, "P", "id") == "Perempuan"
    assert formats.field_text(BY_KEY["masih_peserta_aktif"], False, "id") == "Tidak"
    assert formats.field_text(BY_KEY["masih_peserta_aktif"], None, "id") == ""
    assert formats.field_text(wage, 5_200_000, "id") == "Rp5.200.000"
    assert formats.field_text(BY_KEY["lama_kepesertaan"], 1200, "id") == "1.200"
    moment = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
    assert formats.field_text(BY_KEY["didaftarkan"], moment) == formats.datetime_text(moment)
    assert formats.form_text(sex, "P") == "P"
    assert formats.form_text(wage, 5_200_000) == "5.200.000"
    assert formats.form_text(BY_KEY["pernah_ikut_program"], False) == "T"
    assert formats.form_text(BY_KEY["telepon"], "+6281234567890") == "0812-3456-7890"
    assert {f.kind for f in PARTICIPANT_FIELDS} == set(Kind)
