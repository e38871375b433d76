"""Checking a job vacancy's form or import row: each field's sentence next to it.

The same words as the provider and intake forms for the same problems (a required field,
a date or an amount that cannot be read, a value that would run as a spreadsheet formula).
Module names and the region list come from the caller, so this module stays pure. A
closing date already past is only a warning: an old vacancy may be recorded for the
reports, and matching skips it by its date anyway.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.domain.findings import Finding, error, has_errors, warning
from app.domain.intake import BAD_DATE, BAD_MONEY, REQUIRED
from app.domain.membership import check_npp
from app.domain.modules import find_module, split_list
from app.domain.parsing import ParseError, parse_date, parse_rupiah
from app.domain.provider_fields import UNKNOWN_REGION, checked_text
from app.domain.regions import dotted_code
from app.texts import Text

TEXT_FIELDS: dict[str, int] = {
    "employer": 200,
    "sector": 120,
    "position": 120,
    "skills": 1000,
    "contact": 200,
    "source": 120,
}
REQUIRED_FIELDS = ("employer", "position", "contact")
MAX_OPENINGS = 10_000

UNKNOWN_MODULE = Text(
    "Modul tidak dikenal: {name}. Pakai kode atau nama dari `loket modules list`.",
    "Unknown module: {name}. Use a code or name from `loket modules list`.",
)
NO_MODULE = Text(
    "Isi paling sedikit satu modul yang dicari (kode atau nama, dipisah |).",
    "Give at least one wanted module (code or name, separated by |).",
)
BAD_OPENINGS = Text("Jumlah lowongan: bilangan bulat 1–{n}.", "Openings: a whole number 1–{n}.")
WAGE_ORDER = Text(
    "Upah maksimum lebih kecil dari upah minimum.", "The maximum wage is below the minimum."
)
PAST_CLOSING = Text(
    "Batas lamaran sudah lewat: lowongan ini tidak ikut dicocokkan.",
    "The closing date has passed: this vacancy will not be matched.",
)


@dataclass
class VacancyInput:
    values: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.findings)


def _openings(raw: Any) -> int | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return 1
    if isinstance(raw, bool):
        return None
    if isinstance(raw, float):
        return int(raw) if raw.is_integer() else None
    if isinstance(raw, int):
        return raw
    text = str(raw).strip()
    if not re.fullmatch(r"\d{1,3}(\.\d{3})+|\d+", text, flags=re.ASCII):
        return None  # "3.0" is not thirty; "1.000" is a thousand, as Indonesians write it
    return int(text.replace(".", ""))


def _money(raw: dict[str, Any], key: str, res: VacancyInput) -> int | None:
    value = raw.get(key)
    try:
        return parse_rupiah(value.strip() if isinstance(value, str) else value)
    except ParseError:
        res.findings.append(error(key, BAD_MONEY, raw=str(value).strip()))
        return None


def check_vacancy(
    raw: dict[str, Any],
    today: date,
    region_known: Callable[[str], bool],
    modules: Iterable[tuple[str, str]],
) -> VacancyInput:
    """Clean values for a Vacancy from a form or an import row, with findings.
    `raw["modules"]` is a `|`-separated text or a list of codes or names; `modules` the
    (code, name) pairs known."""
    res = VacancyInput()
    for key, limit in TEXT_FIELDS.items():
        res.values[key] = checked_text(raw, key, res.findings, limit)
    for key in REQUIRED_FIELDS:
        if not res.values[key] and not any(f.field == key for f in res.findings):
            res.findings.append(error(key, REQUIRED))
    npp, found = check_npp(str(raw.get("npp") or ""))
    res.values["npp"] = npp
    res.findings += found
    region = " ".join(str(raw.get("region_code") or "").split())
    if not region:
        res.findings.append(error("region_code", REQUIRED))
    elif not region_known(region):
        res.findings.append(error("region_code", UNKNOWN_REGION, code=region))
    res.values["region_code"] = dotted_code(region) if region else None
    given = raw.get("modules")
    names = split_list(given) if isinstance(given, str) or given is None else list(given)
    pairs = list(modules)
    codes: list[str] = []
    for name in names:
        code = find_module(str(name), pairs)
        if code is None:
            res.findings.append(error("modules", UNKNOWN_MODULE, name=name))
        elif code not in codes:
            codes.append(code)
    if not names:
        res.findings.append(error("modules", NO_MODULE))
    res.values["modules"] = codes
    openings = _openings(raw.get("openings"))
    if openings is None or not 1 <= openings <= MAX_OPENINGS:
        res.findings.append(error("openings", BAD_OPENINGS, n=MAX_OPENINGS))
    res.values["openings"] = openings
    res.values["wage_min"] = _money(raw, "wage_min", res)
    res.values["wage_max"] = _money(raw, "wage_max", res)
    low, high = res.values["wage_min"], res.values["wage_max"]
    if low is not None and high is not None and high < low:
        res.findings.append(error("wage_max", WAGE_ORDER))
    value = raw.get("closes_on")
    try:
        closes = parse_date(value.strip() if isinstance(value, str) else value)
    except ParseError:
        res.findings.append(error("closes_on", BAD_DATE, raw=str(value).strip()))
        closes = None
    if closes is not None and closes < today:
        res.findings.append(warning("closes_on", PAST_CLOSING))
    res.values["closes_on"] = closes
    return res
