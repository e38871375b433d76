"""Eligibility presets: each rule met / not met / unknown with its reason."""

from __future__ import annotations

from datetime import date

from app.domain.eligibility import PRESETS, Facts, PhkReason, RuleConfig, Status, evaluate

REG = date(2026, 11, 28)


def by_key(verdict):
    return {r.key: r for r in verdict.results}


def test_typical_vocational_applicant_is_eligible():
    facts = Facts(
        REG,
        nik_valid=True,
        birth_date=date(1990, 5, 1),
        phk_date=date(2026, 6, 15),
        contribution_months=60,
        still_active_member=False,
        previous_participation=False,
    )
    verdict = evaluate(facts, PRESETS["vokasi_2019"])
    assert verdict.status is Status.MET, [r.message() for r in verdict.results]


def test_age_41_and_phk_25_months_ago_fail_vocational_with_reasons():
    facts = Facts(
        REG,
        nik_valid=True,
        birth_date=date(1985, 1, 1),
        phk_date=date(2024, 10, 1),
        contribution_months=60,
        still_active_member=False,
        previous_participation=False,
    )
    results = by_key(evaluate(facts, PRESETS["vokasi_2019"]))
    assert results["max_age"].status is Status.NOT_MET
    assert results["max_age"].message("id") == "Usia 41 tahun, melewati batas 40."
    assert results["phk_window"].status is Status.NOT_MET
    assert "25 bulan" in results["phk_window"].message("id")


def test_missing_facts_are_unknown_not_guessed():
    verdict = evaluate(Facts(REG, nik_valid=True), PRESETS["vokasi_2019"])
    assert verdict.status is Status.UNKNOWN
    assert by_key(verdict)["min_membership"].message("id") == "Data belum ada: lama kepesertaan."


def test_jkp_excludes_resignation_and_lapses_after_six_months():
    base = dict(nik_valid=True, birth_date=date(1975, 1, 1), contribution_months_last_24=20)
    resigned = evaluate(
        Facts(REG, phk_date=date(2026, 9, 1), phk_reason=PhkReason.RESIGNATION, **base),
        PRESETS["jkp"],
    )
    assert by_key(resigned)["phk_reason_allowed"].status is Status.NOT_MET
    late = evaluate(
        Facts(REG, phk_date=date(2026, 4, 1), phk_reason=PhkReason.EFFICIENCY, **base),
        PRESETS["jkp"],
    )
    assert by_key(late)["claim_window"].status is Status.NOT_MET
    ok = evaluate(
        Facts(REG, phk_date=date(2026, 9, 1), phk_reason=PhkReason.EFFICIENCY, **base),
        PRESETS["jkp"],
    )
    assert ok.status is Status.MET


def test_jkp_age_is_strictly_under_54():
    facts = Facts(REG, nik_valid=True, birth_date=date(1972, 11, 28))  # 54 today
    assert by_key(evaluate(facts, PRESETS["jkp"]))["max_age"].status is Status.NOT_MET


def test_rules_are_configurable():
    facts = Facts(REG, birth_date=date(1980, 1, 1))
    rules = (RuleConfig("max_age", params={"years": 50}),)
    assert evaluate(facts, rules).status is Status.MET
    assert evaluate(facts, (RuleConfig("max_age", enabled=False),)).results == []
