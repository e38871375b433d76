"""BPJAMSOSTEK numbers: KPJ (membership card) and NPP (employer registration).

Neither has a published check digit, so both are text and only their shape is checked:
KPJ is 11 digits in practice, NPP 8; another length is a warning, letters an error.
"""

from __future__ import annotations

import unicodedata

from app.domain.findings import Finding, error, warning
from app.texts import Text

KPJ_DIGITS = Text("KPJ hanya berisi angka.", "The KPJ holds digits only.")
KPJ_LENGTH = Text(
    "KPJ biasanya 11 angka (ini {n}). Periksa kartu peserta.",
    "A KPJ usually has 11 digits (this has {n}). Check the membership card.",
)
NPP_LENGTH = Text(
    "NPP biasanya 8 karakter (ini {n}). Periksa dokumen perusahaan.",
    "An NPP usually has 8 characters (this has {n}). Check the employer's papers.",
)


def check_kpj(raw: str, field_name: str = "kpj") -> tuple[str | None, list[Finding]]:
    text = "".join((raw or "").split()).replace("-", "").replace(".", "")
    # full-width or other script digits are stored as ASCII (a search for the KPJ finds
    # them); a superscript or other digit-like sign is refused
    text = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)
    if not text:
        return None, []
    if not (text.isascii() and text.isdigit()):
        return None, [error(field_name, KPJ_DIGITS)]
    if len(text) != 11:
        return text, [warning(field_name, KPJ_LENGTH, n=len(text))]
    return text, []


def check_npp(raw: str, field_name: str = "npp") -> tuple[str | None, list[Finding]]:
    text = "".join((raw or "").split()).upper()
    if not text:
        return None, []
    if len(text) != 8:
        return text, [warning(field_name, NPP_LENGTH, n=len(text))]
    return text, []
