"""The rupiah rules the receipts share (app/domain/money.py, issue #11): the amount in words as
a kuitansi writes it, the meterai threshold of UU 10/2020 (above Rp5.000.000, not at it),
and the receipt numbers of a counter's series, read back as they were made."""

from __future__ import annotations

import pytest

from app.domain.money import (
    METERAI_TEXT,
    METERAI_THRESHOLD,
    needs_meterai,
    parse_number,
    receipt_number,
    series_prefix,
    terbilang,
)


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "Nol Rupiah"),
        (1, "Satu Rupiah"),
        (11, "Sebelas Rupiah"),
        (100, "Seratus Rupiah"),
        (1_000, "Seribu Rupiah"),
        (11_000, "Sebelas Ribu Rupiah"),
        (50_000, "Lima Puluh Ribu Rupiah"),
        (111_111, "Seratus Sebelas Ribu Seratus Sebelas Rupiah"),
        (1_500_000, "Satu Juta Lima Ratus Ribu Rupiah"),
        (5_000_001, "Lima Juta Satu Rupiah"),
        (1_000_000_000, "Satu Miliar Rupiah"),
    ],
)
def test_terbilang_writes_the_words_of_a_kuitansi(amount, words):
    assert terbilang(amount) == words


def test_terbilang_refuses_a_negative_amount():
    with pytest.raises(ValueError):
        terbilang(-1)


def test_the_meterai_is_due_above_five_million_not_at_it():
    assert METERAI_THRESHOLD == 5_000_000
    assert METERAI_TEXT == "Meterai Rp10.000"
    assert not needs_meterai(4_999_999)
    assert not needs_meterai(5_000_000)
    assert needs_meterai(5_000_001)
    assert needs_meterai(1_000_000_000)


@pytest.mark.parametrize(
    ("office", "device", "year", "seq", "number"),
    [
        ("JKT", 1, 2026, 7, "KW/JKT-1/2026/0007"),
        ("SBY2", 12, 2027, 12_345, "KW/SBY2-12/2027/12345"),
    ],
)
def test_a_receipt_number_reads_back_as_it_was_made(office, device, year, seq, number):
    assert receipt_number(office, device, year, seq) == number
    assert number.startswith(series_prefix("KW", office, device, year))
    assert parse_number(number) == ("KW", office, device, year, seq)
    assert parse_number(f"  {number.lower()} ") == ("KW", office, device, year, seq)


@pytest.mark.parametrize(
    "text",
    ["", "KW/JKT-1/2026/7", "KW/JKT/2026/0007", "KW/J-1/2026/0007", "KW JKT-1 2026 0007", "x"],
)
def test_what_is_not_a_document_number_parses_to_none(text):
    assert parse_number(text) is None
