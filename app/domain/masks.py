"""Masking personal numbers for lists and prints (UU 27/2022): enough to recognise a record,
not enough to use the number. Used by the office's lists and by the server's review lists."""

from __future__ import annotations

from app.domain.nik import mask_nik


def mask_account(account: str | None) -> str | None:
    """`1234567890` -> `12******90`: enough to recognise, not enough to use."""
    if not account:
        return None
    if len(account) <= 4:
        return "*" * len(account)
    return account[:2] + "*" * (len(account) - 4) + account[-2:]


def mask_field(field: str, value: object) -> object:
    """A NIK or a bank account masked; any other field's value as it is."""
    if not isinstance(value, str):
        return value
    if field == "nik":
        return mask_nik(value)
    if field == "bank_account":
        return mask_account(value)
    return value
