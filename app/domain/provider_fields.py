"""Checking a training provider's form or import row: each field's sentence next to it.

The same words as the intake form (app.domain.intake) for what is the same problem: a
required field, a date that cannot be read, an invisible character, a value that would run
as an Excel formula. The region is checked by the caller's `region_known` (the Kemendagri
list is a resource file, not a rule), so this module stays pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from stdnum.id import npwp as stdnum_npwp

from app.domain.findings import Finding, error, has_errors
from app.domain.intake import (
    BAD_DATE,
    BAD_EMAIL,
    CONTROL_CHAR,
    FUTURE,
    LOOKS_LIKE_FORMULA,
    REQUIRED,
    TOO_LONG,
)
from app.domain.names import name_key
from app.domain.parsing import ParseError, parse_date
from app.domain.phone import normalize_phone
from app.domain.provider_checks import ProviderType
from app.domain.regions import dotted_code
from app.domain.safe_text import char_code, first_control_char, looks_like_formula
from app.texts import Text

# field -> longest text (the model's column sizes)
TEXT_FIELDS: dict[str, int] = {
    "name": 200,
    "address": 500,
    "contact_person": 150,
    "licence_number": 80,
    "licence_issuer": 150,
    "partner_lsp": 200,
    "bank_name": 60,
    "bank_account_holder": 150,
    "accreditation_grade": 4,
}
DATE_FIELDS = (
    "licence_issued_on",
    "licence_expires_on",
    "operating_since",
    "accreditation_expires_on",
)
ACCREDITATION = ("belum", "terakreditasi")
GRADES = ("A", "B", "C")

BAD_TYPE = Text(
    "Jenis lembaga: BLK, LPK atau PERUSAHAAN.", "Provider type: BLK, LPK or PERUSAHAAN."
)
UNKNOWN_REGION = Text(
    "Kode wilayah {code} tidak ada dalam daftar Kemendagri.",
    "Region code {code} is not in the Kemendagri list.",
)
BAD_NPWP = Text(
    "NPWP tidak valid: 15 atau 16 angka (contoh 01.300.066.6-091.000).",
    "Invalid NPWP: 15 or 16 digits (e.g. 01.300.066.6-091.000).",
)
EXPIRY_BEFORE_ISSUE = Text(
    "Tanggal berakhir izin sebelum tanggal terbit.", "The licence expires before it was issued."
)
BAD_ACCREDITATION = Text(
    "Status akreditasi: belum atau terakreditasi.", "Accreditation: belum or terakreditasi."
)
BAD_GRADE = Text("Peringkat akreditasi: A, B atau C.", "Accreditation grade: A, B or C.")
BAD_ACCOUNT = Text(
    "Nomor rekening hanya angka, 5–34 digit.", "Account number: digits only, 5–34 of them."
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

TYPE_WORDS: dict[str, ProviderType] = {
    "blk": ProviderType.BLK,
    "blk pemerintah": ProviderType.BLK,
    "lpk": ProviderType.LPK,
    "lpk swasta": ProviderType.LPK,
    "perusahaan": ProviderType.COMPANY,
    "lpk perusahaan": ProviderType.COMPANY,
    "company": ProviderType.COMPANY,
}


def parse_type(raw: str | None) -> ProviderType | None:
    return TYPE_WORDS.get(" ".join((raw or "").split()).casefold())


@dataclass
class ProviderInput:
    values: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.findings)


def checked_text(raw: dict[str, Any], key: str, findings: list[Finding], limit: int) -> str | None:
    """A free-text field folded to single spaces; a control character, a leading formula
    sign or too many characters adds its finding (the vacancy form uses the same words)."""
    value = raw.get(key)
    if value is None:
        return None
    text = str(value)
    control = first_control_char(text)
    folded = " ".join(text.split())
    if control is not None:
        findings.append(error(key, CONTROL_CHAR, code=char_code(control[1]), position=control[0]))
    elif looks_like_formula(text):
        findings.append(error(key, LOOKS_LIKE_FORMULA, start=text.lstrip()[0]))
    elif len(folded) > limit:
        findings.append(error(key, TOO_LONG, length=len(folded), limit=limit))
    return folded or None


def _date(raw: dict[str, Any], key: str, res: ProviderInput) -> date | None:
    value = raw.get(key)
    try:
        return parse_date(value.strip() if isinstance(value, str) else value)
    except ParseError:
        res.findings.append(error(key, BAD_DATE, raw=str(value).strip()))
        return None


def check_provider(
    raw: dict[str, Any], today: date, region_known: Callable[[str], bool]
) -> ProviderInput:
    """Clean values for a TrainingProvider from a form or an import row, with findings."""
    res = ProviderInput()
    for key, limit in TEXT_FIELDS.items():
        res.values[key] = checked_text(raw, key, res.findings, limit)
    if not res.values["name"]:
        res.findings.append(error("name", REQUIRED))
    else:
        res.values["name_key"] = name_key(res.values["name"])
    kind = parse_type(str(raw.get("provider_type") or ""))
    if kind is None:
        res.findings.append(error("provider_type", BAD_TYPE))
    res.values["provider_type"] = kind.value if kind else None
    region = " ".join(str(raw.get("region_code") or "").split())
    if region and not region_known(region):
        res.findings.append(error("region_code", UNKNOWN_REGION, code=region))
    res.values["region_code"] = dotted_code(region) if region else None
    phone, found = normalize_phone(str(raw.get("phone") or ""))
    res.findings += found
    res.values["phone"] = phone
    email = " ".join(str(raw.get("email") or "").split())
    if email and not _EMAIL.match(email):
        res.findings.append(error("email", BAD_EMAIL))
    res.values["email"] = email or None
    tax = re.sub(r"[\s.\-]", "", str(raw.get("npwp") or ""))
    if tax and not (tax.isdigit() and len(tax) in (15, 16) and _npwp_ok(tax)):
        res.findings.append(error("npwp", BAD_NPWP))
    res.values["npwp"] = tax or None
    account = re.sub(r"[\s.\-]", "", str(raw.get("bank_account") or ""))
    if account and not (account.isascii() and account.isdigit() and 5 <= len(account) <= 34):
        res.findings.append(error("bank_account", BAD_ACCOUNT))
    res.values["bank_account"] = account or None
    for key in DATE_FIELDS:
        res.values[key] = _date(raw, key, res)
    for key in ("licence_issued_on", "operating_since"):
        if res.values[key] is not None and res.values[key] > today:
            res.findings.append(error(key, FUTURE))
    issued, expires = res.values["licence_issued_on"], res.values["licence_expires_on"]
    if issued and expires and expires < issued:
        res.findings.append(error("licence_expires_on", EXPIRY_BEFORE_ISSUE))
    status = " ".join(str(raw.get("accreditation_status") or "").split()).casefold()
    if status and status not in ACCREDITATION:
        res.findings.append(error("accreditation_status", BAD_ACCREDITATION))
    res.values["accreditation_status"] = status or None
    grade = res.values["accreditation_grade"]
    if grade and grade.upper() not in GRADES:
        res.findings.append(error("accreditation_grade", BAD_GRADE))
    res.values["accreditation_grade"] = grade.upper() if grade else None
    return res


def _npwp_ok(digits: str) -> bool:
    """By python-stdnum's check digit, except a 16-digit NPWP that is a person's NIK (since
    2024): stdnum checks those against an old province list (DESIGN §7), so the length
    is enough there."""
    return (len(digits) == 16 and digits[0] != "0") or stdnum_npwp.is_valid(digits)
