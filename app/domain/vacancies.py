"""Which open job vacancies fit a person, ranked, each with why (issue #13).

A vacancy fits a person when it is open on the day (not closed, closing date not passed)
and wants a module the person trained in or chose; the region and the wage then rank the
fitting ones. The reasons are kept with the score so the clerk can say to the person why
this vacancy is on their sheet, and so a test can check each rule on its own.

Regions are Kemendagri codes at any depth ("31", "31.71", "31.71.01"): two codes share a
regency when their first four digits agree, a province when their first two do. The KTP
region is the NIK's first six digits (where the card was issued), the domicile the region
the person gave; either may fit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from app.texts import Text

# Points, so the order reads as the clerk would rank by hand: the trained module first,
# then where the work is, then the wage.
TRAINED = 100
CHOSEN = 60
SAME_REGENCY = 40
SAME_PROVINCE = 20
WAGE_MEETS = 15

REASONS = {
    "trained": Text("Sesuai pelatihan yang diikuti: {module}", "Matches training taken: {module}"),
    "chosen": Text("Sesuai pilihan pelatihan: {module}", "Matches chosen training: {module}"),
    "regency": Text("Di kabupaten/kota yang sama ({where})", "In the same regency ({where})"),
    "province": Text("Di provinsi yang sama ({where})", "In the same province ({where})"),
    "wage": Text(
        "Upah sesuai harapan (upah terakhir {wage})", "Wage meets expectation (last {wage})"
    ),
}


def digits(code: str | None) -> str:
    return "".join(ch for ch in code or "" if ch.isdigit())


def ktp_region(nik: str) -> str:
    """The district where the NIK was issued (its first six digits)."""
    return digits(nik)[:6]


@dataclass(frozen=True)
class Vacancy:
    id: str
    modules: frozenset[str]  # module codes
    region: str  # a region code at any depth
    wage_min: int | None
    wage_max: int | None
    closes_on: date | None
    closed: bool = False
    openings: int = 1

    def open_on(self, day: date) -> bool:
        return not self.closed and (self.closes_on is None or self.closes_on >= day)


@dataclass(frozen=True)
class Person:
    trained: frozenset[str]  # module codes of training passed (or under way)
    chosen: frozenset[str]  # module codes chosen at intake
    regions: tuple[str, ...]  # domicile and KTP region codes (either may be empty)
    last_wage: int | None = None


@dataclass(frozen=True)
class Reason:
    key: str
    params: tuple[tuple[str, str], ...] = ()

    def text(self, lang: str | None = None) -> str:
        return REASONS[self.key].render(lang, **dict(self.params))


@dataclass(frozen=True)
class Match:
    vacancy_id: str
    score: int
    reasons: tuple[Reason, ...] = field(default=())


def _region_points(vacancy: str, person: Iterable[str]) -> tuple[int, str | None]:
    want = digits(vacancy)
    best, key = 0, None
    for code in person:
        have = digits(code)
        if len(want) >= 4 and len(have) >= 4 and want[:4] == have[:4]:
            return SAME_REGENCY, "regency"
        if len(want) >= 2 and len(have) >= 2 and want[:2] == have[:2] and best < SAME_PROVINCE:
            best, key = SAME_PROVINCE, "province"
    return best, key


def match(
    vacancy: Vacancy,
    person: Person,
    day: date,
    module_names: dict[str, str] | None = None,
    region_names: dict[str, str] | None = None,
) -> Match | None:
    """How well an open vacancy fits; None when it does not (closed, or no module of the
    person's). `module_names`/`region_names` only make the reasons readable."""
    if not vacancy.open_on(day):
        return None
    names = module_names or {}
    reasons: list[Reason] = []
    score = 0
    trained = sorted(vacancy.modules & person.trained)
    chosen = sorted((vacancy.modules & person.chosen) - person.trained)
    if trained:
        score += TRAINED
        reasons.append(Reason("trained", (("module", names.get(trained[0], trained[0])),)))
    elif chosen:
        score += CHOSEN
        reasons.append(Reason("chosen", (("module", names.get(chosen[0], chosen[0])),)))
    else:
        return None
    points, key = _region_points(vacancy.region, person.regions)
    if key is not None:
        score += points
        code = digits(vacancy.region)[: 4 if key == "regency" else 2]
        where = (region_names or {}).get(code, code)
        reasons.append(Reason(key, (("where", where),)))
    wage = person.last_wage
    if wage is not None and vacancy.wage_max is not None and vacancy.wage_max >= wage:
        score += WAGE_MEETS
        reasons.append(Reason("wage", (("wage", f"Rp{wage:,}".replace(",", ".")),)))
    return Match(vacancy.id, score, tuple(reasons))


def rank(
    vacancies: Iterable[Vacancy],
    person: Person,
    day: date,
    module_names: dict[str, str] | None = None,
    region_names: dict[str, str] | None = None,
) -> list[Match]:
    """The fitting vacancies, best first; ties by the vacancy closing soonest, then id."""
    held = list(vacancies)
    closes = {v.id: v.closes_on or date.max for v in held}
    found = [
        m for v in held if (m := match(v, person, day, module_names, region_names)) is not None
    ]
    return sorted(found, key=lambda m: (-m.score, closes.get(m.vacancy_id, date.max), m.vacancy_id))
