"""Reading what people type or what spreadsheets hold: dates, rupiah, months, yes/no, sex."""

from __future__ import annotations

import math
import re
from datetime import date, datetime

_DMY = re.compile(r"^\s*(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4})\s*$")
_DMY_DIGITS = re.compile(r"^\s*(\d{2})(\d{2})(\d{4})\s*$")  # 06051993, typed without separators
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+)?\s*$")

YES = {"y", "ya", "yes", "1", "true", "benar", "setuju", "sudah", "x", "v"}
NO = {"n", "t", "tidak", "no", "0", "false", "belum"}


class ParseError(ValueError):
    """The text cannot be read as the wanted type (the caller words the message)."""


def parse_date(text: str | date | datetime | None) -> date | None:
    """DD/MM/YYYY as clerks type it: `06/05/1993`, `6-5-1993`, `6.5.1993`, `6 5 1993` or
    `06051993` (eight digits, day first); ISO YYYY-MM-DD; a spreadsheet date as is. The day
    must exist (31/02 does not; 29/02 does in a leap year)."""
    if text is None:
        return None
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    if not text.strip():
        return None
    if (m := _DMY.match(text)) or (m := _DMY_DIGITS.match(text)):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
    elif m := _ISO.match(text):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    else:
        raise ParseError(text)
    try:
        return date(year, month, day)
    except ValueError:
        raise ParseError(text) from None


def parse_rupiah(text: str | int | float | None) -> int | None:
    """`1.500.000`, `1500000`, `Rp 1.500.000,00` -> 1500000; whole rupiah only, never below
    zero. A spreadsheet number is held to the same rule as typed text: a negative amount, a
    fraction, infinity or NaN is a ParseError (a negative wage in an XLSX cell was stored
    as it was, while the same value in a CSV was refused)."""
    if text is None:
        return None
    if isinstance(text, bool):
        raise ParseError(str(text))
    if isinstance(text, float):
        if not math.isfinite(text) or text != int(text):
            raise ParseError(str(text))
        text = int(text)
    if isinstance(text, int):
        if text < 0:
            raise ParseError(str(text))
        return text
    cleaned = re.sub(r"(?i)\s|rp", "", text)
    if not cleaned:
        return None
    cleaned = re.sub(r",0{1,2}$", "", cleaned)
    if not re.fullmatch(r"\d{1,3}(\.\d{3})+|\d+", cleaned):
        raise ParseError(text)
    return int(cleaned.replace(".", ""))


def parse_months(text: str | int | float | None, most: int) -> int | None:
    """A whole number of months from 0 to `most`: `60`, `60 bulan`, `60 bln`; a spreadsheet
    number as is."""
    if text is None:
        return None
    if isinstance(text, bool):
        raise ParseError(str(text))
    if isinstance(text, int | float):
        if text != int(text):
            raise ParseError(str(text))
        value = int(text)
    else:
        cleaned = re.sub(r"(?i)\s*(bulan|bln|months?)\s*$", "", text.strip())
        if not cleaned:
            return None
        if not cleaned.isdecimal() or not cleaned.isascii():
            raise ParseError(text)
        value = int(cleaned)
    if not 0 <= value <= most:
        raise ParseError(str(text))
    return value


def parse_yes_no(text: str | bool | None) -> bool | None:
    if text is None or isinstance(text, bool):
        return text
    value = text.strip().lower()
    if not value:
        return None
    if value in YES:
        return True
    if value in NO:
        return False
    raise ParseError(text)


def parse_sex(text: str | None) -> str | None:
    """L (laki-laki) or P (perempuan)."""
    value = (text or "").strip().upper()
    if not value:
        return None
    if value in ("L", "LK", "LAKI-LAKI", "LAKI LAKI", "PRIA", "M"):
        return "L"
    if value in ("P", "PR", "PEREMPUAN", "WANITA", "F", "W"):
        return "P"
    raise ParseError(text or "")
