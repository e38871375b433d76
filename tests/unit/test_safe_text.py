"""Formula-looking values and control characters (issue #7 part 7): the pure rules, and the
intake check that the form and the import share refusing them next to the field."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.intake import MAX_CHARS, check_intake
from app.domain.participant_fields import DEFAULT_MAX_CHARS
from app.domain.safe_text import (
    csv_cell,
    first_control_char,
    looks_like_formula,
    strip_export_quote,
    xml_text,
)
from app.resources import regions

TODAY = date(2026, 11, 2)
BUDI = {
    "nik": "3171011708900001",
    "nama": "Budi Santoso",
    "tanggal_lahir": "17/08/1990",
    "jenis_kelamin": "L",
    "persetujuan": "Y",
}

FORMULAS = [
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "-2+3",
    "  =1+1",
    "\t=1+1",
    "\r\n@A1",
    "- SUM(A1)",
    "+62a",
    "=",
]
PLAIN = [
    "+62 812-3456-7890",
    "+62 (21) 765 4321",
    "+6281234567890",
    "-",
    "-1.500.000",
    "+",
    "Budi = Santoso",
    "Jl. Merdeka No. 5 - Blok A",
    "O'Neil",
    "",
    "   ",
]


@pytest.mark.parametrize("text", FORMULAS)
def test_what_a_spreadsheet_would_compute_looks_like_a_formula(text):
    assert looks_like_formula(text)


@pytest.mark.parametrize("text", PLAIN)
def test_phone_numbers_negative_numbers_and_text_do_not(text):
    assert not looks_like_formula(text)


@pytest.mark.parametrize(
    "char", ["\x00", "\x08", "\x0b", "\x0c", "\x0e", "\x1f", "\x7f", "\x80", "\x9f", "\ud800"]
)
def test_control_characters_are_found_with_their_position(char):
    assert first_control_char(f"Bu{char}di") == (3, char)


@pytest.mark.parametrize("char", ["\t", "\n", "\r", " ", "~", "\xa0", "é", "\u200b"])
def test_tab_line_breaks_and_printable_text_are_not_control_characters(char):
    assert first_control_char(f"Bu{char}di") is None


def test_noncharacters_xml_cannot_hold_are_refused_too():
    assert first_control_char("a\ufffe") == (2, "\ufffe")
    assert first_control_char("a\uffff") == (2, "\uffff")
    assert first_control_char("a\ufffd") is None


def test_csv_cells_starting_like_a_formula_get_a_quote_and_control_characters_go():
    assert csv_cell("=1+1") == "'=1+1"
    for start in ("+", "-", "@", "\t", "\r"):
        assert csv_cell(f"{start}x") == f"'{start}x"
    assert csv_cell("+6281234567890") == "'+6281234567890"
    assert csv_cell("Budi") == "Budi" and csv_cell("'Budi") == "'Budi"
    assert csv_cell("a\x00b\x1bc") == "a\ufffdb\ufffdc"
    assert xml_text("a\x00b\ud800c\ufffe\td") == "a\ufffdb\ufffdc\ufffd\td"


def test_our_own_quote_is_stripped_and_nothing_else():
    for text in ("=1", "+62812", "-2", "@A1", "\tx", "\rx"):
        assert strip_export_quote(csv_cell(text)) == text
    assert strip_export_quote("'Budi") == "'Budi"
    assert strip_export_quote("O'Neil") == "O'Neil"
    assert strip_export_quote("'") == "'"
    assert strip_export_quote("''=1") == "''=1"


def _check(**changes):
    return check_intake({**BUDI, **changes}, TODAY, regions())


def test_intake_refuses_a_formula_next_to_its_field_and_keeps_the_phone_with_plus():
    res = _check(nama='=HYPERLINK("http://x","y")', telepon="+62 812-3456-7890")
    errors = [(f.field, f.message("id")) for f in res.findings if f.severity == "error"]
    assert errors == [
        (
            "nama",
            "Nilai ini tampak seperti rumus Excel (diawali =); rumus bisa berjalan saat data "
            "dibuka di Excel. Hapus tanda = di awal nilai.",
        )
    ]
    assert res.values["phone"] == "+6281234567890"


def test_intake_refuses_a_control_character_and_says_where_it_is():
    res = _check(alamat="Jl. Merdeka\x00 5")
    assert not res.ok
    [finding] = [f for f in res.findings if f.field == "alamat"]
    assert finding.message("id") == (
        "Berisi karakter tak terlihat (U+0000) pada huruf ke-12. Ketik ulang nilai ini."
    )


def test_other_rules_say_nothing_more_about_a_refused_value():
    res = _check(telepon="=1+1", tanggal_lahir="17/08/1990\x07")
    by_field = {f.field: f.message("en") for f in res.findings if f.severity == "error"}
    assert by_field["telepon"].startswith("This value looks like an Excel formula")
    assert by_field["tanggal_lahir"].startswith("Contains an invisible character (U+0007)")
    assert len([f for f in res.findings if f.field in ("telepon", "tanggal_lahir")]) == 2


@pytest.mark.parametrize(("field", "limit"), [("nama", 150), ("alamat", 300), ("nik", 100)])
def test_values_longer_than_their_input_allows_are_refused(field, limit):
    ok = _check(**{field: "A" * limit})
    assert not [f for f in ok.findings if f.message("en").startswith("Too long")]
    long = _check(**{field: "A" * (limit + 1)})
    assert [f.message("en") for f in long.findings if f.field == field] == [
        f"Too long: {limit + 1} characters, at most {limit}."
    ]


def test_length_limits_fit_the_database_columns():
    from app.models import Participant

    column = {
        "nama": "full_name",
        "tempat_lahir": "birth_place",
        "email": "email",
        "perusahaan_terakhir": "last_employer",
        "jabatan": "job_title",
        "pilihan_pelatihan_1": "training_choice_1",
        "pilihan_pelatihan_2": "training_choice_2",
        "bank": "bank_name",
        "nama_pemilik_rekening": "bank_account_holder",
    }
    for field, limit in MAX_CHARS.items():
        if field in column:
            assert limit <= Participant.__table__.c[column[field]].type.length, field
    assert DEFAULT_MAX_CHARS >= 20  # a NIK with spaces, a phone, a date fit easily
