"""NIK (Nomor Induk Kependudukan): `PP KK CC DDMMYY SSSS`, checked against Kemendagri codes.

python-stdnum's `stdnum.id.nik` cleans the number well but checks the province against an
old list (it rejects Kalimantan Utara 65 and the new Papua provinces 91–96) and puts 2005
births in 1905. So cleaning comes from stdnum and the rest is here: the province must be in
the Kemendagri list; an unknown regency or district is only a warning (a NIK keeps the code
of a region later split); the century comes from the registration date; women have 40 added
to the day; a NIK whose date or sex differs from the form is a warning to confirm, because
the NIK never changes while a KTP date may have been corrected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from stdnum.id.nik import compact

from app.domain.findings import Finding, error, warning
from app.domain.regions import RegionIndex
from app.texts import Text

EXCEL_NUMBER = re.compile(r"^\s*\d(?:[.,]\d+)?[eE]\+?\d+\s*$")

REQUIRED = Text("NIK wajib diisi.", "The NIK is required.")
EXCEL_DESTROYED = Text(
    "NIK rusak oleh Excel ({raw}): angka terakhirnya hilang. Format kolom sebagai Teks dan "
    "ketik ulang dari KTP.",
    "NIK destroyed by Excel ({raw}): its last digits are lost. Format the column as Text and "
    "type it again from the KTP.",
)
NOT_DIGITS = Text("NIK hanya berisi angka.", "The NIK holds digits only.")
WRONG_LENGTH = Text("NIK harus 16 angka (sekarang {n}).", "The NIK must have 16 digits (now {n}).")
BAD_PROVINCE = Text(
    "Kode provinsi {code} pada NIK tidak ada dalam daftar Kemendagri.",
    "Province code {code} in the NIK is not in the Kemendagri list.",
)
UNKNOWN_REGENCY = Text(
    "Kode kabupaten/kota {code} tidak dikenal (mungkin kode lama sebelum pemekaran). Periksa KTP.",
    "Regency code {code} is unknown (perhaps an old code from before a split). Check the KTP.",
)
UNKNOWN_DISTRICT = Text(
    "Kode kecamatan {code} tidak dikenal (mungkin kode lama). Periksa KTP.",
    "District code {code} is unknown (perhaps an old code). Check the KTP.",
)
BAD_DATE = Text(
    "Tanggal lahir pada NIK ({ddmmyy}) bukan tanggal yang ada.",
    "The birth date in the NIK ({ddmmyy}) is not a real date.",
)
BAD_SERIAL = Text("Nomor urut NIK tidak boleh 0000.", "The NIK serial cannot be 0000.")
DATE_DIFFERS = Text(
    "Tanggal lahir pada NIK ({nik_date}) berbeda dengan tanggal lahir di formulir. Pastikan "
    "sesuai KTP.",
    "The birth date in the NIK ({nik_date}) differs from the form. Make sure it matches the KTP.",
)
SEX_DIFFERS = Text(
    "Jenis kelamin menurut NIK ({nik_sex}) berbeda dengan formulir. Pastikan sesuai KTP.",
    "The sex according to the NIK ({nik_sex}) differs from the form. Check the KTP.",
)


@dataclass(frozen=True)
class NikInfo:
    nik: str
    province: str  # dotted Kemendagri codes
    regency: str
    district: str
    birth_date: date
    sex: str  # "L" or "P"
    serial: int


def birth_date_from(ddmmyy: str, registered_on: date) -> date | None:
    """The real birth date, with the century that puts it on or before registration."""
    day, month, yy = int(ddmmyy[0:2]), int(ddmmyy[2:4]), int(ddmmyy[4:6])
    if day > 40:
        day -= 40
    for century in (2000, 1900):
        try:
            candidate = date(century + yy, month, day)
        except ValueError:
            continue
        if candidate <= registered_on:
            return candidate
    return None


def check_nik(
    raw: str,
    registered_on: date,
    regions: RegionIndex,
    *,
    form_birth_date: date | None = None,
    form_sex: str | None = None,
    field_name: str = "nik",
) -> tuple[NikInfo | None, list[Finding]]:
    """Errors and warnings for one NIK; the decoded parts when it is usable."""
    text = (raw or "").strip()
    if not text:
        return None, [error(field_name, REQUIRED)]
    if EXCEL_NUMBER.match(text):
        return None, [error(field_name, EXCEL_DESTROYED, raw=text)]
    number = compact(text)  # full-width digits become ASCII here, superscripts do not
    if not (number.isascii() and number.isdigit()):
        return None, [error(field_name, NOT_DIGITS)]
    if len(number) != 16:
        return None, [error(field_name, WRONG_LENGTH, n=len(number))]
    findings: list[Finding] = []
    province, regency, district = (
        number[0:2],
        f"{number[0:2]}.{number[2:4]}",
        (f"{number[0:2]}.{number[2:4]}.{number[4:6]}"),
    )
    if province not in regions.provinces:
        findings.append(error(field_name, BAD_PROVINCE, code=province))
    elif regency not in regions.regencies:
        findings.append(warning(field_name, UNKNOWN_REGENCY, code=regency))
    elif district not in regions.districts:
        findings.append(warning(field_name, UNKNOWN_DISTRICT, code=district))
    born = birth_date_from(number[6:12], registered_on)
    if born is None:  # with two centuries to choose from, only an impossible date fails
        findings.append(error(field_name, BAD_DATE, ddmmyy=number[6:12]))
    serial = int(number[12:16])
    if serial == 0:
        findings.append(error(field_name, BAD_SERIAL))
    if born is None or any(f.severity == "error" for f in findings):
        return None, findings
    sex = "P" if int(number[6:8]) > 40 else "L"
    if form_birth_date is not None and form_birth_date != born:
        findings.append(warning("birth_date", DATE_DIFFERS, nik_date=born.strftime("%d/%m/%Y")))
    if form_sex is not None and form_sex.upper() in ("L", "P") and form_sex.upper() != sex:
        findings.append(
            warning("sex", SEX_DIFFERS, nik_sex="perempuan" if sex == "P" else "laki-laki")
        )
    return NikInfo(number, province, regency, district, born, sex, serial), findings


def mask_nik(nik: str) -> str:
    """`3171********0001`: region and serial visible, the birth date hidden (UU 27/2022)."""
    return nik[:4] + "*" * 8 + nik[12:] if len(nik) == 16 else "*" * len(nik)
