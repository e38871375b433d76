"""How dates, money, numbers and phone numbers read, in Indonesian or English, without Qt.

The window, the CLI and the printed documents show the same values, so they format them in
one place. Indonesian (`id_ID`): `17/08/1990`, "1 Desember 2026", `Rp1.500.000`,
`1.500.000`, `0812-3456-7890`. English is English as written in Indonesia (CLDR `en_ID`):
the same numbers and rupiah, "1 December 2026". Short dates are DD/MM/YYYY in both, as the
forms accept them. Money is whole rupiah (DESIGN §7): babel's ",00" is never shown.

`field_text` reads a stored value of a record field (app.domain.participant_fields) as people
read it; `form_text` gives the text an input holds for it (codes stay codes).
"""

from __future__ import annotations

import math
from datetime import date, datetime
from fractions import Fraction
from functools import cache
from typing import TYPE_CHECKING, Any

from app.domain.participant_fields import NO, YES, Field, Kind
from app.texts import current_language

if TYPE_CHECKING:
    from babel import Locale


@cache
def _locale(lang: str) -> Locale:
    from babel import Locale

    return Locale.parse("en_ID" if lang == "en" else "id_ID")


def _lang(lang: str | None) -> str:
    return lang or current_language()


def date_text(value: date | None) -> str:
    """`17/08/1990` (both languages; what the forms accept)."""
    return value.strftime("%d/%m/%Y") if value else ""


def long_date(value: date | None, lang: str | None = None) -> str:
    """ "1 Desember 2026" / "1 December 2026", for letters, receipts and certificates."""
    if value is None:
        return ""
    from babel.dates import format_date

    return str(format_date(value, "long", locale=_locale(_lang(lang))))


def day_date(value: date, lang: str | None = None) -> str:
    """ "Selasa, 1 Desember 2026": the day of a daily report."""
    from babel.dates import format_date

    return str(format_date(value, "EEEE, d MMMM y", locale=_locale(_lang(lang))))


def month_text(value: date, lang: str | None = None) -> str:
    """ "November 2026": the month of a monthly report (standalone month name)."""
    from babel.dates import format_date

    return str(format_date(value, "LLLL y", locale=_locale(_lang(lang))))


def datetime_text(value: datetime | None) -> str:
    """A stored (UTC) moment in the office's local time: `17/08/2026 14:05`."""
    return value.astimezone().strftime("%d/%m/%Y %H:%M") if value else ""


def time_text(value: datetime) -> str:
    return value.astimezone().strftime("%H:%M")


def number(value: int | float, lang: str | None = None) -> str:
    """`1.500.000` (a dot between thousands; a decimal comma: `1,5`)."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=_locale(_lang(lang))))


def rupiah(amount: int | None, lang: str | None = None) -> str:
    """`Rp1.500.000`; whole rupiah, so a ",00" some babel versions add is dropped."""
    if amount is None:
        return ""
    from babel.numbers import format_currency

    text = str(format_currency(amount, "IDR", locale=_locale(_lang(lang))))
    for cents in (",00", ".00"):
        text = text.removesuffix(cents)
    return text


def phone(e164: str | None) -> str:
    """`+6281234567890` -> `0812-3456-7890`, `+62217654321` -> `(021) 7654321`, as people
    write them; anything phonenumbers cannot read stays as stored."""
    if not e164:
        return ""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(e164, "ID")
    except phonenumbers.NumberParseException:
        return e164
    if parsed.country_code != 62:
        return e164
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL))


def yes_no(value: bool | None, lang: str | None = None) -> str:
    if value is None:
        return ""
    return (YES if value else NO).render(_lang(lang))


def file_size(size: int, lang: str | None = None) -> str:
    """`12 KB`, `1,5 MB`."""
    if size < 1024 * 1024:
        return f"{number(max(1, round(size / 1024)), lang)} KB"
    return f"{number(round(size / 1024 / 1024, 1), lang)} MB"


def field_text(fld: Field, value: Any, lang: str | None = None) -> str:
    """A stored value of `fld` as people read it (window, CLI, export); "" when empty."""
    if value is None or value == "":
        return ""
    kind = fld.kind
    if kind is Kind.DATE:
        return date_text(value)
    if kind is Kind.DATETIME:
        return datetime_text(value)
    if kind is Kind.MONEY:
        return rupiah(int(value), lang)
    if kind is Kind.MONTHS:
        return number(int(value), lang)
    if kind is Kind.PHONE:
        return phone(str(value))
    if kind is Kind.YES_NO:
        return yes_no(bool(value), lang)
    if kind is Kind.CHOICE:
        label = fld.choice_label(str(value))
        return label.render(_lang(lang)) if label else str(value)
    return str(value)


def form_text(fld: Field, value: Any) -> str:
    """A stored value of `fld` as its input holds it: codes stay codes (the form's lists
    and check boxes hold codes), yes/no is Y or T, money `5.200.000` without "Rp"."""
    if value is None or value == "":
        return ""
    kind = fld.kind
    if kind is Kind.YES_NO:
        return "Y" if value else "T"
    if kind is Kind.MONEY:
        return number(int(value), "id")
    if kind is Kind.MONTHS:
        return str(int(value))
    if kind in (Kind.CHOICE, Kind.REGION, Kind.TEXT):
        return str(value)
    return field_text(fld, value, "id")


def percent(rate: Fraction | None, none: str = "–") -> str:
    """`13%` for 1 of 8: a whole percent rounded half up (round() would give 12, as Python
    rounds halves to even, and a branch head recounting by hand gets 13); `none` while
    there is no rate (nobody reached yet)."""
    if rate is None:
        return none
    return f"{math.floor(rate * 100 + Fraction(1, 2))}%"
