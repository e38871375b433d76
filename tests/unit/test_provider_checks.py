"""The agency's provider parameters at every boundary issue #9 names (app.domain.provider_checks),
the manual items, the decision rule, `fit_reasons` and the expiry alert."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain import provider_checks as rules
from app.domain.provider_checks import Decision, ProviderFacts, Result, add_months

D = date


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2026, 1, 31), 6, D(2026, 7, 31)),  # the example
        (D(2025, 8, 31), 6, D(2026, 2, 28)),  # the example: clamped to February
        (D(2023, 8, 31), 6, D(2024, 2, 29)),  # leap year
        (D(2026, 3, 31), 6, D(2026, 9, 30)),  # 30-day month
        (D(2026, 7, 15), 6, D(2027, 1, 15)),  # across the year
        (D(2026, 12, 31), 1, D(2027, 1, 31)),
        (D(2026, 1, 1), 12, D(2027, 1, 1)),
    ],
)
def test_add_months_clamps_to_the_months_end(start, months, expected):
    assert add_months(start, months) == expected


def _operating(since: date | None, on: date) -> rules.Check:
    return rules.operating_check(ProviderFacts(operating_since=since), on)


@pytest.mark.parametrize(
    ("since", "on", "passed"),
    [
        (D(2026, 1, 31), D(2026, 7, 31), True),  # exactly six months
        (D(2026, 1, 31), D(2026, 7, 30), False),  # one day short
        (D(2025, 8, 31), D(2026, 2, 28), True),  # month end: six months on 28 February
        (D(2025, 8, 31), D(2026, 2, 27), False),
        (D(2026, 6, 2), D(2026, 12, 2), True),
        (D(2026, 6, 3), D(2026, 12, 2), False),
    ],
)
def test_operating_six_calendar_months_at_the_boundary(since, on, passed):
    assert _operating(since, on).passed is passed


def test_operating_since_missing_fails_with_its_reason():
    check = _operating(None, D(2026, 12, 2))
    assert check.passed is False
    assert "belum diisi" in check.message("id")


def test_operating_short_names_the_day_six_months_are_reached():
    check = _operating(D(2026, 9, 1), D(2026, 12, 2))
    assert check.message("id") == (
        "Beroperasi sejak 01/09/2026: enam bulan baru tercapai pada 01/03/2027."
    )


def _licence(**facts: object) -> rules.Check:
    on = facts.pop("on", D(2026, 12, 2))
    assert isinstance(on, date)
    return rules.licence_check(ProviderFacts(**facts), on)  # type: ignore[arg-type]


def test_licence_expiring_today_is_valid_and_yesterday_is_not():
    today = D(2026, 12, 2)
    assert _licence(licence_number="X-1", licence_expires_on=today, on=today).passed is True
    expired = _licence(licence_number="X-1", licence_expires_on=today - timedelta(days=1), on=today)
    assert expired.passed is False
    assert expired.message("id") == "Izin berakhir pada 01/12/2026."


@pytest.mark.parametrize("number", [None, "", "   "])
def test_no_licence_number_fails(number):
    check = _licence(licence_number=number, licence_expires_on=D(2030, 1, 1))
    assert check.passed is False
    assert check.message("en") == "No licence or registration number."


def test_licence_issued_after_the_assessment_date_was_not_there_yet():
    on = D(2026, 12, 2)
    assert _licence(licence_number="X", licence_issued_on=on, on=on).passed is True
    later = _licence(licence_number="X", licence_issued_on=on + timedelta(days=1), on=on)
    assert later.passed is False
    assert "03/12/2026" in later.message("id")


def test_licence_without_expiry_date_is_valid():
    check = _licence(licence_number="TD-9")
    assert check.passed is True
    assert check.message("id") == "Izin TD-9 tanpa tanggal berakhir."


def test_one_module_is_too_few_and_two_are_enough():
    one = rules.modules_check(ProviderFacts(active_modules=("LAS",)))
    assert one.passed is False
    assert one.message("id") == "Hanya 1 modul aktif; minimal 2."
    assert rules.modules_check(ProviderFacts(active_modules=("LAS", "GARMEN"))).passed is True
    # the same module named twice is still one module
    assert rules.modules_check(ProviderFacts(active_modules=("LAS", "LAS"))).passed is False
    assert rules.modules_check(ProviderFacts()).passed is False


GOOD = ProviderFacts(
    licence_number="TD-1",
    licence_expires_on=D(2027, 12, 31),
    operating_since=D(2020, 1, 1),
    active_modules=("LAS", "GARMEN"),
)


def test_automatic_checks_are_the_three_parameters_in_order():
    checks = rules.automatic_checks(GOOD, D(2026, 12, 2))
    assert [c.key for c in checks] == ["licence", "operating_months", "modules"]
    assert all(c.passed for c in checks) and all(c.automatic for c in checks)


@pytest.mark.parametrize(
    ("status", "passed"), [(None, None), ("belum", None), ("sesuai", True), ("tidak_sesuai", False)]
)
def test_manual_items_as_marked(status, passed):
    check = rules.manual_check("site_visit", status)
    assert check.passed is passed and not check.automatic


def test_manual_item_note_is_shown_with_its_status_in_both_languages():
    check = rules.manual_check("facilities", "tidak_sesuai", "bengkel las belum ada")
    assert check.message("id") == "Tidak sesuai: bengkel las belum ada"
    assert check.message("en") == "Not met: bengkel las belum ada"


def test_a_manual_check_for_an_automatic_key_is_a_bug():
    with pytest.raises(ValueError):
        rules.manual_check("licence", "sesuai")


def test_layak_is_refused_while_an_automatic_check_fails_naming_it():
    on = D(2026, 12, 2)
    short = ProviderFacts(
        licence_number="TD-1", operating_since=D(2026, 9, 1), active_modules=("LAS", "GARMEN")
    )
    refusal = rules.decision_refusal(Result.FIT, rules.automatic_checks(short, on))
    assert refusal is not None
    assert refusal.id.startswith("Tidak dapat diputuskan layak: Beroperasi minimal 6 bulan")
    assert "Izin" not in refusal.id  # only the failing one is named
    assert refusal.en.startswith("Cannot be decided fit: Operating at least 6 months")
    # the other decisions are never refused on the parameters
    for other in (Result.UNFIT, Result.FOLLOW_UP):
        assert rules.decision_refusal(other, rules.automatic_checks(short, on)) is None


def test_layak_with_open_manual_items_is_allowed_and_names_them():
    checks = [*rules.automatic_checks(GOOD, D(2026, 12, 2))]
    checks += [rules.manual_check(k, None) for k in rules.MANUAL]
    checks[-1] = rules.manual_check("documents", "sesuai")
    assert rules.decision_refusal(Result.FIT, checks) is None
    assert rules.open_items(checks) == ["facilities", "instructors", "site_visit"]


def test_open_items_never_names_a_failing_manual_item_or_an_automatic_check():
    checks = [
        rules.manual_check("facilities", "tidak_sesuai"),
        *rules.automatic_checks(ProviderFacts(), D(2026, 12, 2)),
    ]
    assert rules.open_items(checks) == []


def test_recheck_defaults_to_a_year_later():
    assert rules.default_recheck(D(2024, 2, 29)) == D(2025, 2, 28)
    assert rules.default_recheck(D(2026, 12, 2)) == D(2027, 12, 2)


@pytest.mark.parametrize(
    ("expires", "soon"),
    [
        (D(2026, 12, 2), True),  # today
        (D(2027, 1, 31), True),  # today + 60
        (D(2027, 2, 1), False),  # today + 61
        (D(2026, 12, 1), False),  # already expired: it fails the check instead
        (None, False),
    ],
)
def test_expiring_within_sixty_days(expires, soon):
    assert rules.expiring_soon(expires, D(2026, 12, 2)) is soon


FIT = Decision(Result.FIT, D(2026, 1, 10), D(2027, 1, 10))


def _fit(
    decision: Decision | None,
    on: date,
    module: str = "LAS",
    facts: ProviderFacts = GOOD,
    offered: tuple[str, ...] = ("LAS", "GARMEN"),
) -> list[str]:
    return [t.id for t in rules.fit_reasons(decision, facts, offered, module, on)]


def test_fit_when_decided_layak_within_its_recheck_date():
    assert _fit(FIT, D(2027, 1, 10)) == []  # the re-check day itself still counts


def test_not_fit_the_day_after_the_recheck_date():
    assert _fit(FIT, D(2027, 1, 11)) == ["Penilaian harus diperbarui sejak 10/01/2027."]


def test_not_fit_without_a_decision_or_with_another_result():
    assert _fit(None, D(2026, 6, 1)) == ["Belum ada keputusan kelayakan."]
    unfit = Decision(Result.UNFIT, D(2026, 1, 10), D(2027, 1, 10))
    assert _fit(unfit, D(2026, 6, 1)) == ["Keputusan terakhir: Tidak layak."]


def test_not_fit_when_a_parameter_fails_on_the_start_date():
    # the licence ends before the cohort would start
    facts = ProviderFacts(
        licence_number="TD-1",
        licence_expires_on=D(2026, 6, 30),
        operating_since=D(2020, 1, 1),
        active_modules=("LAS", "GARMEN"),
    )
    assert _fit(FIT, D(2026, 6, 30), facts=facts) == []
    assert _fit(FIT, D(2026, 7, 1), facts=facts) == ["Izin berakhir pada 30/06/2026."]


def test_not_fit_for_a_module_not_offered_or_not_active():
    assert _fit(FIT, D(2026, 6, 1), module="FORKLIFT") == [
        "Modul FORKLIFT tidak ditawarkan lembaga ini."
    ]
    facts = ProviderFacts(
        licence_number="TD-1",
        operating_since=D(2020, 1, 1),
        active_modules=("LAS", "GARMEN"),
    )
    offered = ("LAS", "GARMEN", "KONSTRUKSI")  # KONSTRUKSI offered, but inactive
    assert _fit(FIT, D(2026, 6, 1), module="KONSTRUKSI", facts=facts, offered=offered) == [
        "Modul KONSTRUKSI tidak aktif dalam katalog."
    ]


def test_every_reason_is_given_at_once():
    reasons = _fit(None, D(2026, 6, 1), module="FORKLIFT", facts=ProviderFacts())
    assert len(reasons) == 5  # no decision, three parameters, module not offered
