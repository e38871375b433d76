"""Password rules for staff accounts (hashing itself is argon2, in the service)."""

from __future__ import annotations

import re

from app.texts import Text

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")

USERNAME_INVALID = Text(
    "Nama pengguna 3–32 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.",
    "Username: 3–32 characters of lower-case letters, digits, dot, underscore or hyphen.",
)
PASSWORD_TOO_SHORT = Text(
    "Kata sandi minimal {n} karakter.", "The password needs at least {n} characters."
)
PASSWORD_TOO_WEAK = Text(
    "Kata sandi harus berisi huruf dan angka.", "The password needs letters and digits."
)
PASSWORD_SAME_AS_USER = Text(
    "Kata sandi tidak boleh sama dengan nama pengguna.",
    "The password must not equal the username.",
)


def normalize_username(raw: str) -> str:
    return raw.strip().lower()


def username_problem(username: str) -> Text | None:
    return None if USERNAME_RE.match(username) else USERNAME_INVALID


def password_problem(password: str, username: str, min_length: int) -> tuple[Text, int] | None:
    """The first rule the password breaks (with the number to show), or None."""
    if len(password) < min_length:
        return PASSWORD_TOO_SHORT, min_length
    if not (re.search(r"[A-Za-z]", password) and re.search(r"\d", password)):
        return PASSWORD_TOO_WEAK, 0
    if password.lower() == username.lower():
        return PASSWORD_SAME_AS_USER, 0
    return None
