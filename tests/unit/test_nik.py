"""NIK rules with real-shaped examples (DESIGN §7, issue #3)."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.findings import Severity
from app.domain.nik import birth_date_from, check_nik, mask_nik
from app.resources import regions

REG = date(2026, 11, 28)


def errors(findings):
    return [f for f in findings if f.severity is Severity.ERROR]


def test_man_from_jakarta_pusat():
    info, findings = check_nik("3171011708750001", REG, regions())
    assert findings == []
    assert info.birth_date == date(1975, 8, 17) and info.sex == "L"
    assert (info.province, info.regency, info.district) == ("31", "31.71", "31.71.01")


def test_woman_has_forty_added_to_the_day():
    info, findings = check_nik("3273015708900002", REG, regions())
    assert errors(findings) == []
    assert info.birth_date == date(1990, 8, 17) and info.sex == "P"


def test_born_after_2000_is_not_put_in_the_1900s():
    info, _ = check_nik("3603120505050003", REG, regions())
    assert info.birth_date == date(2005, 5, 5)
    info, _ = check_nik("3603120505300003", REG, regions())
    assert info.birth_date == date(1930, 5, 5)


@pytest.mark.parametrize("nik", ["6501010101900001", "9101010101900001", "9601010101900001"])
def test_new_provinces_are_accepted(nik):
    info, findings = check_nik(nik, REG, regions())
    assert errors(findings) == [], [f.message() for f in findings]
    assert info is not None


def test_unknown_province_is_an_error_unknown_regency_only_a_warning():
    _, findings = check_nik("9901010101900001", REG, regions())
    assert [f.severity for f in findings] == [Severity.ERROR]
    info, findings = check_nik("3199010101900001", REG, regions())
    assert info is not None and [f.severity for f in findings] == [Severity.WARNING]
    assert "pemekaran" in findings[0].message("id")


def test_excel_destroyed_nik_is_rejected_with_a_reason():
    _, findings = check_nik("3.17101E+15", REG, regions())
    assert len(findings) == 1 and "Excel" in findings[0].message("id")


@pytest.mark.parametrize(
    ("nik", "word"),
    [("317101170875", "16 angka"), ("3171011708750000", "0000"),
     ("3171013102900001", "bukan tanggal"), ("31710117087500AB", "hanya berisi angka"),
     ("3171010101300001", None)],
)
def test_broken_niks(nik, word):
    info, findings = check_nik(nik, REG, regions())
    if word is None:  # 01/01/30 -> 1930, a real past date
        assert info is not None
        return
    assert info is None and word in " ".join(f.message("id") for f in findings)


def test_date_and_sex_differing_from_the_form_are_warnings_to_confirm():
    info, findings = check_nik(
        "3171015708900002", REG, regions(), form_birth_date=date(1990, 8, 18), form_sex="L"
    )
    assert info is not None
    assert {(f.field, f.severity) for f in findings} == {
        ("birth_date", Severity.WARNING),
        ("sex", Severity.WARNING),
    }


def test_century_follows_the_registration_date():
    assert birth_date_from("010126", date(2026, 6, 1)) == date(2026, 1, 1)
    assert birth_date_from("010726", date(2026, 6, 1)) == date(1926, 7, 1)


def test_mask():
    assert mask_nik("3171011708750001") == "3171********0001"


@pytest.mark.parametrize("sign", ["²", "¹", "⁰"])
def test_a_superscript_digit_is_refused_as_not_digits_not_a_crash(sign):
    """isdigit() takes superscripts, int() does not: the check used to raise ValueError
    (a crash at the counter) instead of saying the NIK holds digits only."""
    info, findings = check_nik("317101170875000" + sign, REG, regions())
    assert info is None
    assert [(f.field, f.message().startswith("NIK hanya")) for f in findings] == [("nik", True)]
    info, findings = check_nik("31710117087" + sign + "0001", REG, regions())
    assert info is None and len(findings) == 1


def test_full_width_digits_are_read_as_digits():
    info, findings = check_nik("３１７１０１１７０８７５０００１", REG, regions())
    assert findings == [] and info is not None and info.nik == "3171011708750001"
