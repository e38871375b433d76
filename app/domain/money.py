"""Rupiah rules the receipts and the cash close share: the amount in words (terbilang), when
a meterai is needed, and the receipt number of a counter's series (issue #11, DESIGN §6).

Rupiah are whole numbers everywhere (DOMAIN.md: babel rounds half to even, another reason
to keep integers).
"""

from __future__ import annotations

import re

from num2words import num2words

# UU 10/2020 art. 3(2)(g): a document stating an amount ABOVE Rp5.000.000 bears the
# Rp10.000 meterai; exactly Rp5.000.000 needs none.
METERAI_THRESHOLD = 5_000_000
METERAI_TEXT = "Meterai Rp10.000"
MAX_AMOUNT = 1_000_000_000  # one receipt; far above any stipend, below num2words' limits

RECEIPT_PREFIX = "KW"
_NUMBER = re.compile(
    r"^(?P<kind>[A-Z]+)/(?P<office>[A-Z0-9]{2,8})-(?P<device>\d{1,3})/(?P<year>\d{4})/(?P<seq>\d{4,})$"
)


def terbilang(amount: int) -> str:
    """`1500000` -> "Satu Juta Lima Ratus Ribu Rupiah": num2words' Indonesian words, each
    word capitalised as a kuitansi writes them."""
    if amount < 0:
        raise ValueError("amount below zero")
    words = num2words(amount, lang="id")
    return " ".join(w.capitalize() for w in words.split()) + " Rupiah"


def needs_meterai(amount: int) -> bool:
    return amount > METERAI_THRESHOLD


def series_prefix(kind: str, office: str, device_no: int, year: int) -> str:
    """`KW/JKT-1/2026/`: a counter's series for a year; the office and the counter make it
    unique without a network (DESIGN §3)."""
    return f"{kind}/{office}-{device_no}/{year}/"


def document_number(kind: str, office: str, device_no: int, year: int, seq: int) -> str:
    """`KW/JKT-1/2026/0007`."""
    return f"{series_prefix(kind, office, device_no, year)}{seq:04d}"


def receipt_number(office: str, device_no: int, year: int, seq: int) -> str:
    return document_number(RECEIPT_PREFIX, office, device_no, year, seq)


def parse_number(number: str) -> tuple[str, str, int, int, int] | None:
    """(kind, office, device no, year, seq) of a document number, None if it is not one."""
    m = _NUMBER.match(number.strip().upper())
    if m is None:
        return None
    return (
        m["kind"],
        m["office"],
        int(m["device"]),
        int(m["year"]),
        int(m["seq"]),
    )
