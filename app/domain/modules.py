"""The training module catalogue (Modul Pelatihan): its seed, its codes, and finding a module
from what a person typed or a file holds.

The programme's modules follow employer demand (../shared/DESIGN.md §1): programming and
digital creative, construction, community services, garment, plantation, forklift operator,
welder, hospitality. Hours are in JP (jam pelajaran, 45 minutes). A code is what files and
the CLI use: short, upper case, letters, digits and dashes, never reused for another module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.findings import Finding, error
from app.texts import Text

CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,15}$")
MAX_HOURS = 2000


@dataclass(frozen=True)
class ModuleSeed:
    code: str
    name: str
    sector: str
    hours: int
    description: str


SEED: tuple[ModuleSeed, ...] = (
    ModuleSeed(
        "DIG-PROG",
        "Pemrograman dan Kreatif Digital",
        "Teknologi informasi",
        240,
        "Dasar pemrograman web, desain grafis dan konten digital.",
    ),
    ModuleSeed(
        "KONSTRUKSI",
        "Konstruksi Bangunan",
        "Konstruksi",
        200,
        "Pekerjaan batu, beton, kayu dan membaca gambar kerja.",
    ),
    ModuleSeed(
        "JASA-KOM",
        "Jasa Kemasyarakatan",
        "Jasa",
        160,
        "Pengasuhan, perawatan lansia dan layanan rumah tangga.",
    ),
    ModuleSeed(
        "GARMEN",
        "Garmen dan Menjahit",
        "Industri pengolahan",
        200,
        "Menjahit dengan mesin industri, pola dan kendali mutu.",
    ),
    ModuleSeed(
        "PERKEBUNAN",
        "Perkebunan",
        "Pertanian",
        160,
        "Budidaya sawit, karet dan kopi; panen dan pascapanen.",
    ),
    ModuleSeed(
        "FORKLIFT",
        "Operator Forklift",
        "Logistik",
        120,
        "Mengoperasikan forklift dengan aman, perawatan harian, K3.",
    ),
    ModuleSeed(
        "LAS",
        "Juru Las (SMAW)",
        "Manufaktur",
        240,
        "Pengelasan busur manual pelat dan pipa, K3 pengelasan.",
    ),
    ModuleSeed(
        "PERHOTELAN", "Perhotelan", "Pariwisata", 200, "Tata graha, tata hidangan dan kantor depan."
    ),
)


def normalise_code(raw: str) -> str:
    return re.sub(r"\s+", "", raw or "").upper()


def code_findings(code: str) -> list[Finding]:
    if not CODE_PATTERN.match(code):
        return [
            error(
                "code",
                Text(
                    "Kode 2–16 karakter: huruf besar, angka dan tanda minus (contoh: LAS-PIPA).",
                    "Code of 2–16 characters: capitals, digits and dashes (e.g. LAS-PIPA).",
                ),
            )
        ]
    return []


def hours_findings(hours: int | None) -> list[Finding]:
    if hours is None or not 1 <= hours <= MAX_HOURS:
        return [
            error(
                "hours",
                Text(
                    "Isi jumlah jam pelajaran (JP) antara 1 dan {most}.",
                    "Enter the hours (JP) between 1 and {most}.",
                ),
                most=MAX_HOURS,
            )
        ]
    return []


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def find_module(text: str, modules: Iterable[tuple[str, str]]) -> str | None:
    """The code of the module `text` names, by code or by name (case and spacing ignored);
    `modules` are (code, name) pairs. None when nothing or more than one matches."""
    wanted = _key(text)
    if not wanted:
        return None
    pairs = list(modules)
    by_code = [code for code, _ in pairs if _key(code) == wanted]
    if by_code:
        return by_code[0]
    by_name = {code for code, name in pairs if _key(name) == wanted}
    return by_name.pop() if len(by_name) == 1 else None


def split_list(raw: str | None) -> list[str]:
    """`a | b|c` -> ["a", "b", "c"]: the `modul` column of the import files."""
    return [part.strip() for part in (raw or "").split("|") if part.strip()]


# The seed is written by a migration on every PC and on the server alike (same ids, same
# stamp), like the offices: an office set up later has it before its first sync, and a
# change to a seeded module is an ordinary change from version 1 on both sides.
SEED_OFFICE = "HQ"
SEED_HLC = "0000000000000-00000-seed"
SEED_CREATED_AT = "2026-12-02T00:00:00+00:00"


def seed_rows() -> list[dict[str, object]]:
    """The seeded modules as wire data (what the server's record holds)."""
    from app.domain.ids import stable_id

    return [
        {
            "id": stable_id("training_module", m.code),
            "code": m.code,
            "name": m.name,
            "sector": m.sector,
            "hours": m.hours,
            "description": m.description,
            "active": True,
            "office_code": SEED_OFFICE,
            "created_at": SEED_CREATED_AT,
            "deleted_at": None,
        }
        for m in SEED
    ]
