"""Kemendagri region codes (province PP, regency PP.KK, district PP.KK.CC) as a lookup.

Pure data structure; `app.resources.regions()` loads the shipped CSV files into it. A NIK
keeps the code of the region where it was first issued, even after that region was split,
so an unknown regency or district is only ever a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Region:
    code: str  # dotted: "31", "31.71", "31.71.01"
    name: str
    parent: str | None


@dataclass
class RegionIndex:
    provinces: dict[str, Region] = field(default_factory=dict)
    regencies: dict[str, Region] = field(default_factory=dict)
    districts: dict[str, Region] = field(default_factory=dict)

    def get(self, code: str) -> Region | None:
        dotted = dotted_code(code)
        for table in (self.provinces, self.regencies, self.districts):
            if dotted in table:
                return table[dotted]
        return None

    def regencies_of(self, province: str) -> list[Region]:
        return [r for r in self.regencies.values() if r.parent == province]

    def districts_of(self, regency: str) -> list[Region]:
        return [r for r in self.districts.values() if r.parent == regency]


def dotted_code(code: str) -> str:
    """`317101` or `31.71.01` -> `31.71.01`; `3171` -> `31.71`; spaces ignored."""
    digits = "".join(ch for ch in code if ch.isdigit())
    return ".".join(digits[i : i + 2] for i in range(0, len(digits), 2))
