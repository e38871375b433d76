"""The branch offices that run the programme, each with its Kemendagri region code.

Region codes are the Ministry of Home Affairs codes (the ones in a NIK), checked against
`resources/regions` by a test. An office's code appears in receipt and certificate numbers
(`KW/<OFFICE>-<DEVICE>/...`), so it never changes once used.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OfficeInfo:
    code: str
    name: str
    region_code: str
    region_name: str
    utc_offset: int = 7  # hours: WIB (+7), WITA (+8); the office's local day in reports


OFFICES: tuple[OfficeInfo, ...] = (
    OfficeInfo("JKT", "DKI Jakarta", "31", "Daerah Khusus Ibukota Jakarta"),
    OfficeInfo("BTN", "Banten", "36", "Banten"),
    OfficeInfo("JBR", "Jawa Barat", "32", "Jawa Barat"),
    OfficeInfo("LOM", "Lombok / NTB", "52", "Nusa Tenggara Barat", utc_offset=8),
    OfficeInfo("BPN", "Balikpapan", "64.71", "Kota Balikpapan", utc_offset=8),
    OfficeInfo("TNG", "Tangerang", "36.71", "Kota Tangerang"),
)

OFFICES_BY_CODE: dict[str, OfficeInfo] = {o.code: o for o in OFFICES}

MAX_DEVICE_NO = 99
