"""Files shipped in `resources/`: where they are and loaders for the data ones."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from app.domain.regions import Region, RegionIndex

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
# The user guide (docs/panduan.md) and the screenshots it shows, read by the program's F1
# window: beside `resources/` in the source tree, and where a frozen build puts them
# (packaging/loket.spec copies them to docs/ beside resources/).
DOCS = RESOURCES.parent / "docs"


def resource_path(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)


def docs_path(*parts: str) -> Path:
    return DOCS.joinpath(*parts)


@cache
def regions() -> RegionIndex:
    """The Kemendagri list (38 provinces, 514 regencies, 7,285 districts), loaded once."""
    index = RegionIndex()
    folder = resource_path("regions")
    with (folder / "provinces.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            index.provinces[row["code"]] = Region(row["code"], row["name"], None)
    with (folder / "regencies.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            index.regencies[row["code"]] = Region(row["code"], row["name"], row["province_code"])
    with (folder / "districts.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            index.districts[row["code"]] = Region(row["code"], row["name"], row["regency_code"])
    return index
