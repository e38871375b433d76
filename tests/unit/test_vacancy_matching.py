"""Matching vacancies to a person (app.domain.vacancies): by module, then region, then
wage; closed vacancies never; each reason given."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import vacancies as rules
from app.domain.vacancies import Person, Vacancy

TODAY = date(2026, 12, 2)
WELDER = Person(
    trained=frozenset({"LAS"}),
    chosen=frozenset({"AC"}),
    regions=("31.71.01", "320101"),  # domicile Jakarta Pusat, KTP Kab. Bogor
    last_wage=4_500_000,
)


def vacancy(vid: str = "v", **changes: object) -> Vacancy:
    base: dict[str, object] = {
        "id": vid,
        "modules": frozenset({"LAS"}),
        "region": "36.71",
        "wage_min": 4_000_000,
        "wage_max": 5_000_000,
        "closes_on": date(2026, 12, 31),
    }
    base.update(changes)
    return Vacancy(**base)  # type: ignore[arg-type]


def keys(m: rules.Match | None) -> list[str]:
    assert m is not None
    return [r.key for r in m.reasons]


def test_the_trained_module_fits_and_says_so():
    m = rules.match(vacancy(), WELDER, TODAY, {"LAS": "Juru Las"})
    assert m is not None and m.score == rules.TRAINED + rules.WAGE_MEETS
    assert m.reasons[0].text("id") == "Sesuai pelatihan yang diikuti: Juru Las"


def test_a_chosen_module_fits_below_a_trained_one():
    m = rules.match(vacancy(modules=frozenset({"AC"})), WELDER, TODAY)
    assert keys(m)[0] == "chosen" and m is not None and m.score < rules.TRAINED


def test_no_module_of_the_persons_is_no_match_whatever_else_fits():
    assert rules.match(vacancy(modules=frozenset({"FORK"}), region="31.71"), WELDER, TODAY) is None


@pytest.mark.parametrize(
    ("region", "key"),
    [("31.71", "regency"), ("31.71.05", "regency"), ("32.01", "regency"), ("31.74", "province"),
     ("31", "province"), ("36.71", None)],
)  # fmt: skip
def test_the_region_of_domicile_or_ktp_ranks_a_fit(region, key):
    found = keys(rules.match(vacancy(region=region, wage_max=None), WELDER, TODAY))
    assert found[1:] == ([key] if key else [])


@pytest.mark.parametrize(
    ("wage_max", "meets"), [(4_500_000, True), (4_499_999, False), (None, False)]
)
def test_the_wage_meets_the_last_wage_at_its_boundary(wage_max, meets):
    found = keys(rules.match(vacancy(wage_max=wage_max), WELDER, TODAY))
    assert ("wage" in found) is meets


def test_closed_vacancies_drop_out_and_the_closing_day_still_counts():
    assert rules.match(vacancy(closed=True), WELDER, TODAY) is None
    assert rules.match(vacancy(closes_on=date(2026, 12, 1)), WELDER, TODAY) is None
    assert rules.match(vacancy(closes_on=TODAY), WELDER, TODAY) is not None
    assert rules.match(vacancy(closes_on=None), WELDER, TODAY) is not None


def test_ranked_best_first_then_closing_soonest():
    ranked = rules.rank(
        [
            vacancy("far", region="36.71"),
            vacancy("near", region="31.71"),
            vacancy("near-sooner", region="31.71", closes_on=date(2026, 12, 10)),
            vacancy("closed", region="31.71", closed=True),
            vacancy("other", modules=frozenset({"FORK"})),
        ],
        WELDER,
        TODAY,
    )
    assert [m.vacancy_id for m in ranked] == ["near-sooner", "near", "far"]


def test_the_ktp_region_is_the_niks_issuing_district():
    assert rules.ktp_region("3171011708900001") == "317101"
