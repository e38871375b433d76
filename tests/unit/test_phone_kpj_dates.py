"""Phones (E.164), KPJ/NPP shapes, and the date arithmetic the eligibility rules use."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.dates import age_on, months_between
from app.domain.findings import Severity
from app.domain.membership import check_kpj, check_npp
from app.domain.phone import display_phone, normalize_phone


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("0812-3456-7890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),  # bare 62: not a Kabanjahe landline
        ("(021) 765 4321", "+62217654321"),
        ("", None),
    ],
)
def test_phones_normalise_to_e164(raw, e164):
    value, findings = normalize_phone(raw)
    assert value == e164 and findings == []


@pytest.mark.parametrize("raw", ["0812", "12345", "telepon saya", "+1 202 555 0143"])
def test_impossible_phones_are_errors(raw):
    value, findings = normalize_phone(raw)
    assert value is None and findings[0].severity is Severity.ERROR


def test_display_phone_is_national():
    assert display_phone("+6281234567890").startswith("0812")


def test_kpj_and_npp_shapes():
    assert check_kpj("123 4567 8901") == ("12345678901", [])
    value, findings = check_kpj("123456789")
    assert value == "123456789" and findings[0].severity is Severity.WARNING
    assert check_kpj("12A45678901")[1][0].severity is Severity.ERROR
    assert check_npp("12345678") == ("12345678", [])
    assert check_npp("1234")[1][0].severity is Severity.WARNING


def test_age_and_months():
    assert age_on(date(1986, 11, 28), date(2026, 11, 27)) == 39
    assert age_on(date(1986, 11, 28), date(2026, 11, 28)) == 40
    assert age_on(date(2000, 2, 29), date(2026, 2, 28)) == 25
    assert months_between(date(2026, 1, 31), date(2026, 2, 28)) == 0
    assert months_between(date(2026, 1, 31), date(2026, 3, 1)) == 1
    assert months_between(date(2024, 11, 28), date(2026, 11, 28)) == 24


def test_a_kpj_in_other_digits_is_stored_in_ascii_and_a_superscript_refused():
    """A KPJ typed with full-width (or Arabic-Indic) digits is the same number: stored as
    ASCII, so a search for it finds the record; a superscript is not a digit of a KPJ."""
    assert check_kpj("１２３４５６７８９０１") == ("12345678901", [])
    assert check_kpj("١٢٣٤٥٦٧٨٩٠١") == ("12345678901", [])
    value, findings = check_kpj("1234567890²")
    assert value is None
    assert [(f.field, f.severity) for f in findings] == [("kpj", Severity.ERROR)]
