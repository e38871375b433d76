"""Indonesian phone numbers, stored as E.164 (`+6281234567890`), through `phonenumbers`.

A bare leading `62` without `+` would be read as a local number (a landline in Kabanjahe),
so it gets its `+` first. Mobile and landline numbers are both accepted; an impossible
number is an error.
"""

from __future__ import annotations

import re

import phonenumbers

from app.domain.findings import Finding, error
from app.texts import Text

INVALID = Text(
    "Nomor telepon tidak valid: {raw}. Contoh: 0812-3456-7890 atau (021) 765 4321.",
    "Invalid phone number: {raw}. Example: 0812-3456-7890 or (021) 765 4321.",
)


def normalize_phone(raw: str, field_name: str = "phone") -> tuple[str | None, list[Finding]]:
    """E.164 text, or None with an error; blank input gives (None, [])."""
    text = (raw or "").strip()
    if not text:
        return None, []
    digits = re.sub(r"[\s\-().]", "", text)
    if digits.startswith("62") and not digits.startswith("+"):
        digits = "+" + digits
    try:
        parsed = phonenumbers.parse(digits, "ID")
    except phonenumbers.NumberParseException:
        return None, [error(field_name, INVALID, raw=text)]
    if not phonenumbers.is_valid_number(parsed) or parsed.country_code != 62:
        return None, [error(field_name, INVALID, raw=text)]
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164), []


def display_phone(e164: str) -> str:
    """`+6281234567890` -> `0812-3456-7890`-like national form for screens and prints."""
    try:
        parsed = phonenumbers.parse(e164, "ID")
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
