"""Each published eligibility rule at its boundary, on both sides, and each rule's unknown alone.

The facts come the way a saved record gives them: a checked intake's values through
`app.services.participants.facts_from`. Registration day REG; every rule counts completed
years and months (app.domain.dates): "at most 40" holds up to the day before the 41st
birthday, "1–24 months" from the day one month has passed until the day before the 25th
month is complete, and JKP's "within 6 months" ends on the day six months are complete.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from app.domain.eligibility import (
    JKP_EXCLUDED,
    PRESET_LABELS,
    PRESETS,
    RULES,
    Facts,
    PhkReason,
    RuleConfig,
    Status,
    Verdict,
    evaluate,
)
from app.domain.intake import check_intake
from app.resources import regions
from app.services.participants import facts_from

REG = date(2026, 11, 28)
DAY = timedelta(days=1)


def years_before(years: int, day: date = REG) -> date:
    return day.replace(year=day.year - years)


def months_before(months: int, day: date = REG) -> date:
    total = day.year * 12 + day.month - 1 - months
    return day.replace(year=total // 12, month=total % 12 + 1)


# A laid-off worker who meets every rule of both presets: 36 years old, laid off two months
# ago for efficiency, 60 months a member, 20 paid in the last 24, no longer active, first time.
COMPLETE: dict[str, Any] = {
    "nik": "3171011708900001",
    "nik_valid": True,
    "birth_date": date(1990, 8, 17),
    "phk_date": months_before(2),
    "phk_reason": "efficiency",
    "membership_months": 60,
    "contribution_months_last_24": 20,
    "still_active_member": False,
    "previous_participation": False,
    "last_wage": 5_000_000,
    "jht_claimed": False,
}


def verdict(preset: str, **changes: Any) -> Verdict:
    return evaluate(facts_from({**COMPLETE, **changes}, REG), PRESETS[preset])


def result(preset: str, key: str, **changes: Any) -> tuple[Status, str, str]:
    (found,) = [r for r in verdict(preset, **changes).results if r.key == key]
    return found.status, found.message("id"), found.message("en")


def test_the_complete_record_meets_every_rule_of_both_presets():
    for preset in PRESETS:
        v = verdict(preset)
        assert v.status is Status.MET, [(r.key, r.message("en")) for r in v.results]
        assert all(r.status is Status.MET for r in v.results)
    assert [r.key for r in verdict("vokasi_2019").results] == [
        "valid_nik", "min_membership", "phk_window", "not_active_member", "max_age", "once_only",
    ]  # fmt: skip
    assert [r.key for r in verdict("jkp").results] == [
        "valid_nik", "max_age", "contributions_recent", "phk_reason_allowed", "claim_window",
    ]  # fmt: skip


TITLES = {
    # (preset, rule): (Indonesian, English), as the intake panel shows them
    ("vokasi_2019", "valid_nik"): ("WNI dengan NIK valid", "Citizen with a valid NIK"),
    ("vokasi_2019", "min_membership"): (
        "Kepesertaan paling sedikit 12 bulan",
        "Member for at least 12 months",
    ),
    ("vokasi_2019", "phk_window"): (
        "PHK 1–24 bulan sebelum mendaftar",
        "Laid off 1–24 months before",
    ),
    ("vokasi_2019", "not_active_member"): (
        "Tidak lagi peserta aktif",
        "No longer an active member",
    ),
    ("vokasi_2019", "max_age"): ("Usia paling tinggi 40 tahun", "Age at most 40"),
    ("vokasi_2019", "once_only"): ("Belum pernah ikut program", "Never joined before"),
    ("jkp", "valid_nik"): ("WNI dengan NIK valid", "Citizen with a valid NIK"),
    ("jkp", "max_age"): ("Usia di bawah 54 tahun", "Age under 54"),
    ("jkp", "contributions_recent"): (
        "Iuran 12 bulan dalam 24 bulan terakhir",
        "12 months paid in the last 24",
    ),
    ("jkp", "phk_reason_allowed"): ("Alasan PHK memenuhi syarat", "PHK reason qualifies"),
    ("jkp", "claim_window"): (
        "Mendaftar paling lambat 6 bulan setelah PHK",
        "Within 6 months of PHK",
    ),
}


def test_each_rule_is_titled_with_its_published_number():
    for preset in PRESETS:
        for r in verdict(preset).results:
            params = {k: v for k, v in r.params.items() if k in ("n", "lo", "hi")}
            titles = (r.label.render("id", **params), r.label.render("en", **params))
            assert titles == TITLES[(preset, r.key)]
    assert PRESET_LABELS["vokasi_2019"].render("id") == "Program vokasi 2019"
    assert PRESET_LABELS["jkp"].render("en") == "JKP (PP 37/2021 as amended by PP 6/2025)"


# -- age --
@pytest.mark.parametrize(
    ("birth", "status", "id_text"),
    [
        (years_before(40), Status.MET, "Usia 40 tahun."),  # 40th birthday today
        (years_before(41) + DAY, Status.MET, "Usia 40 tahun."),  # 41 tomorrow
        (years_before(41), Status.NOT_MET, "Usia 41 tahun, melewati batas 40."),  # 41 today
        (years_before(41) - DAY, Status.NOT_MET, "Usia 41 tahun, melewati batas 40."),
    ],
)
def test_vocational_age_is_at_most_40_on_the_registration_day(birth, status, id_text):
    assert result("vokasi_2019", "max_age", birth_date=birth)[:2] == (status, id_text)


@pytest.mark.parametrize(
    ("birth", "status", "en_text"),
    [
        (years_before(54) + DAY, Status.MET, "Age 53."),  # 54 tomorrow
        (years_before(54), Status.NOT_MET, "Age 54, over the limit 54."),  # 54 today
        (years_before(54) - DAY, Status.NOT_MET, "Age 54, over the limit 54."),
        (years_before(53), Status.MET, "Age 53."),
    ],
)
def test_jkp_age_is_under_54_on_the_registration_day(birth, status, en_text):
    found = result("jkp", "max_age", birth_date=birth)
    assert (found[0], found[2]) == (status, en_text)


def test_a_leap_day_birthday_comes_on_the_first_of_march():
    reg = date(2029, 3, 1)
    facts = facts_from({**COMPLETE, "birth_date": date(1988, 2, 29)}, reg - DAY)
    ages = [r.params["age"] for r in evaluate(facts, PRESETS["vokasi_2019"]).results
            if r.key == "max_age"]  # fmt: skip
    assert ages == [40]
    facts = facts_from({**COMPLETE, "birth_date": date(1988, 2, 29)}, reg)
    (age_rule,) = [r for r in evaluate(facts, PRESETS["vokasi_2019"]).results if r.key == "max_age"]
    assert (age_rule.status, age_rule.params["age"]) == (Status.NOT_MET, 41)


# -- months of membership and of contributions --
@pytest.mark.parametrize(
    ("months", "status", "id_text"),
    [
        (11, Status.NOT_MET, "Baru 11 bulan; perlu 12."),
        (12, Status.MET, "Peserta 12 bulan."),
        (13, Status.MET, "Peserta 13 bulan."),
        (0, Status.NOT_MET, "Baru 0 bulan; perlu 12."),
    ],
)
def test_vocational_membership_is_at_least_12_months(months, status, id_text):
    assert result("vokasi_2019", "min_membership", membership_months=months)[:2] == (
        status,
        id_text,
    )


@pytest.mark.parametrize(
    ("months", "status", "en_text"),
    [
        (11, Status.NOT_MET, "11 months paid; 12 needed."),
        (12, Status.MET, "12 months paid."),
        (24, Status.MET, "24 months paid."),
    ],
)
def test_jkp_needs_12_months_paid_of_the_last_24(months, status, en_text):
    found = result("jkp", "contributions_recent", contribution_months_last_24=months)
    assert (found[0], found[2]) == (status, en_text)


def test_jkp_looks_at_the_last_24_months_not_at_the_whole_membership():
    # A long membership does not make up for too few recent months, nor the reverse.
    assert verdict("jkp", membership_months=300, contribution_months_last_24=11).status is (
        Status.NOT_MET
    )
    assert verdict("jkp", membership_months=None, contribution_months_last_24=12).status is (
        Status.MET
    )


# -- the PHK date --
@pytest.mark.parametrize(
    ("phk", "status", "id_text"),
    [
        (REG + DAY, Status.NOT_MET, "Tanggal PHK di masa depan."),
        (REG, Status.NOT_MET, "PHK 0 bulan lalu; harus 1–24 bulan."),
        (months_before(1) + DAY, Status.NOT_MET, "PHK 0 bulan lalu; harus 1–24 bulan."),
        (months_before(1), Status.MET, "PHK 1 bulan lalu."),  # one month ago today
        (months_before(1) - DAY, Status.MET, "PHK 1 bulan lalu."),
        (months_before(24) + DAY, Status.MET, "PHK 23 bulan lalu."),
        (months_before(24), Status.MET, "PHK 24 bulan lalu."),  # 24 months ago today
        (months_before(25) + DAY, Status.MET, "PHK 24 bulan lalu."),  # the 24th month's last day
        (months_before(25), Status.NOT_MET, "PHK 25 bulan lalu; harus 1–24 bulan."),
        (months_before(25) - DAY, Status.NOT_MET, "PHK 25 bulan lalu; harus 1–24 bulan."),
    ],
)
def test_vocational_phk_is_1_to_24_months_before_registering(phk, status, id_text):
    assert result("vokasi_2019", "phk_window", phk_date=phk)[:2] == (status, id_text)


@pytest.mark.parametrize(
    ("phk", "status", "en_text"),
    [
        (REG + DAY, Status.NOT_MET, "The PHK date is in the future."),
        (REG + 12 * DAY, Status.NOT_MET, "The PHK date is in the future."),
        (months_before(-1), Status.NOT_MET, "The PHK date is in the future."),
        (REG, Status.MET, "0 months since PHK."),
        (months_before(6) + DAY, Status.MET, "5 months since PHK."),  # the last day
        (months_before(6), Status.NOT_MET, "6 months since PHK; lapsed."),  # six months today
        (months_before(6) - DAY, Status.NOT_MET, "6 months since PHK; lapsed."),
    ],
)
def test_a_jkp_claim_lapses_six_months_after_the_phk(phk, status, en_text):
    found = result("jkp", "claim_window", phk_date=phk)
    assert (found[0], found[2]) == (status, en_text)


def test_month_ends_count_whole_months():
    # 31 January to 28 February is not a month yet; to 1 March it is.
    facts = Facts(date(2027, 2, 28), phk_date=date(2027, 1, 31))
    assert RULES["phk_window"](facts, {}).params["m"] == 0
    facts = Facts(date(2027, 3, 1), phk_date=date(2027, 1, 31))
    assert RULES["phk_window"](facts, {}).params["m"] == 1


# -- the PHK reason --
@pytest.mark.parametrize("reason", list(PhkReason))
def test_jkp_excludes_exactly_the_four_published_phk_reasons(reason):
    excluded = {"resignation", "retirement", "death", "permanent_disability"}
    status, id_text, en_text = result("jkp", "phk_reason_allowed", phk_reason=reason.value)
    assert status is (Status.NOT_MET if reason.value in excluded else Status.MET)
    assert {r.value for r in JKP_EXCLUDED} == excluded
    if reason is PhkReason.RESIGNATION:
        assert (id_text, en_text) == (
            'Alasan "Mengundurkan diri" tidak termasuk.',
            'Reason "Resignation" is excluded.',
        )
    if reason is PhkReason.EFFICIENCY:
        assert (id_text, en_text) == (
            "Alasan: Efisiensi / pengurangan karyawan.",
            "Reason: Efficiency / downsizing.",
        )


def test_the_vocational_preset_asks_no_phk_reason():
    assert verdict("vokasi_2019", phk_reason="resignation").status is Status.MET


# -- yes/no facts --
@pytest.mark.parametrize(
    ("key", "changes", "id_text", "en_text"),
    [
        ("valid_nik", {"nik_valid": False}, "NIK tidak valid atau bukan WNI.",
         "The NIK is invalid or not a citizen."),
        ("not_active_member", {"still_active_member": True}, "Masih peserta aktif.",
         "Still an active member."),
        ("once_only", {"previous_participation": True}, "Sudah pernah ikut program.",
         "Joined the programme before."),
    ],
)  # fmt: skip
def test_each_yes_no_rule_refuses_on_its_own(key, changes, id_text, en_text):
    v = verdict("vokasi_2019", **changes)
    assert v.status is Status.NOT_MET
    assert [r.key for r in v.results if r.status is not Status.MET] == [key]
    assert result("vokasi_2019", key, **changes) == (Status.NOT_MET, id_text, en_text)


def test_the_met_reasons_read_as_a_clerk_says_them():
    vokasi = {r.key: (r.message("id"), r.message("en")) for r in verdict("vokasi_2019").results}
    assert vokasi == {
        "valid_nik": ("NIK valid.", "The NIK is valid."),
        "min_membership": ("Peserta 60 bulan.", "Member 60 months."),
        "phk_window": ("PHK 2 bulan lalu.", "Laid off 2 months ago."),
        "not_active_member": ("Sudah tidak aktif.", "No longer active."),
        "max_age": ("Usia 36 tahun.", "Age 36."),
        "once_only": ("Belum pernah ikut.", "First time."),
    }
    jkp = {r.key: (r.message("id"), r.message("en")) for r in verdict("jkp").results}
    assert jkp["contributions_recent"] == ("Iuran 20 bulan.", "20 months paid.")
    assert jkp["claim_window"] == ("2 bulan sejak PHK.", "2 months since PHK.")
    assert jkp["max_age"] == ("Usia 36 tahun.", "Age 36.")


# -- each rule's unknown alone --
UNKNOWN_ALONE = [
    # (preset, rule, the fact left blank, how the reason names it in id / en)
    ("vokasi_2019", "valid_nik", "nik_valid", "NIK", "NIK"),
    ("vokasi_2019", "min_membership", "membership_months", "lama kepesertaan",
     "months of membership"),
    ("vokasi_2019", "phk_window", "phk_date", "tanggal PHK", "PHK date"),
    ("vokasi_2019", "not_active_member", "still_active_member", "status kepesertaan",
     "membership status"),
    ("vokasi_2019", "max_age", "birth_date", "tanggal lahir", "date of birth"),
    ("vokasi_2019", "once_only", "previous_participation", "riwayat program",
     "earlier participation"),
    ("jkp", "valid_nik", "nik_valid", "NIK", "NIK"),
    ("jkp", "max_age", "birth_date", "tanggal lahir", "date of birth"),
    ("jkp", "contributions_recent", "contribution_months_last_24", "riwayat iuran",
     "contribution history"),
    ("jkp", "phk_reason_allowed", "phk_reason", "alasan PHK", "PHK reason"),
    ("jkp", "claim_window", "phk_date", "tanggal PHK", "PHK date"),
]  # fmt: skip


@pytest.mark.parametrize(("preset", "key", "fact", "what_id", "what_en"), UNKNOWN_ALONE)
def test_one_missing_fact_makes_only_its_rule_unknown(preset, key, fact, what_id, what_en):
    v = verdict(preset, **{fact: None})
    assert v.status is Status.UNKNOWN  # not eligible, not ineligible: not yet certain
    assert [(r.key, r.status) for r in v.results if r.status is not Status.MET] == [
        (key, Status.UNKNOWN)
    ]
    assert result(preset, key, **{fact: None}) == (
        Status.UNKNOWN,
        f"Data belum ada: {what_id}.",
        f"Not known yet: {what_en}.",
    )


def test_every_rule_of_each_preset_has_its_unknown_case():
    assert {(p, k) for p, k, *_ in UNKNOWN_ALONE} == {
        (preset, c.key) for preset, rules in PRESETS.items() for c in rules if c.enabled
    }


def test_a_nik_not_typed_is_unknown_and_a_bad_one_is_not_met():
    values = {k: v for k, v in COMPLETE.items() if k != "nik_valid"}
    # A saved record: its NIK was checked when it was saved.
    assert evaluate(facts_from(values, REG), PRESETS["vokasi_2019"]).status is Status.MET
    assert evaluate(facts_from(values, REG, nik_ok=False), PRESETS["jkp"]).status is (
        Status.NOT_MET
    )
    assert evaluate(facts_from(values, REG, nik_ok=True), PRESETS["jkp"]).status is Status.MET
    # The form before a NIK is typed (check_intake: nik_valid None).
    unknown = facts_from({**values, "nik": None, "nik_valid": None}, REG)
    assert evaluate(unknown, PRESETS["jkp"]).status is Status.UNKNOWN


def test_not_met_outweighs_unknown():
    v = verdict("vokasi_2019", birth_date=None, previous_participation=True)
    assert v.status is Status.NOT_MET


# -- through the intake form: what a clerk types, each membership fact left blank --
FORM = {
    "nik": "3171011708900001",
    "nama": "Budi Santoso",
    "tanggal_lahir": "17/08/1990",
    "jenis_kelamin": "L",
    "tanggal_phk": "28/09/2026",
    "alasan_phk": "Efisiensi",
    "lama_kepesertaan": "60",
    "iuran_24_bulan": "20",
    "masih_peserta_aktif": "T",
    "pernah_ikut_program": "T",
    "persetujuan": "Y",
}


def form_verdict(preset: str, **changes: str) -> Verdict:
    checked = check_intake({**FORM, **changes}, REG, regions())
    # A blank NIK is an error that blocks saving; the form still shows its verdict.
    problems = [f.field for f in checked.findings if f.severity.value == "error"]
    assert problems == (["nik"] if changes.get("nik") == "" else []), problems
    return evaluate(facts_from(checked.values, REG), PRESETS[preset])


@pytest.mark.parametrize(
    ("preset", "blank", "key"),
    [
        ("vokasi_2019", "lama_kepesertaan", "min_membership"),
        ("vokasi_2019", "masih_peserta_aktif", "not_active_member"),
        ("vokasi_2019", "pernah_ikut_program", "once_only"),
        ("vokasi_2019", "tanggal_phk", "phk_window"),
        ("vokasi_2019", "nik", "valid_nik"),
        ("jkp", "iuran_24_bulan", "contributions_recent"),
        ("jkp", "alasan_phk", "phk_reason_allowed"),
        ("jkp", "tanggal_phk", "claim_window"),
    ],
)
def test_a_complete_form_is_eligible_and_a_blank_fact_only_unknown(preset, blank, key):
    assert form_verdict(preset).status is Status.MET
    v = form_verdict(preset, **{blank: ""})
    assert v.status is Status.UNKNOWN
    assert [r.key for r in v.results if r.status is not Status.MET] == [key]


def test_the_form_facts_reach_their_rules():
    assert form_verdict("vokasi_2019", masih_peserta_aktif="Y").status is Status.NOT_MET
    assert form_verdict("vokasi_2019", pernah_ikut_program="Y").status is Status.NOT_MET
    assert form_verdict("vokasi_2019", lama_kepesertaan="11").status is Status.NOT_MET
    assert form_verdict("jkp", iuran_24_bulan="11").status is Status.NOT_MET
    assert form_verdict("jkp", alasan_phk="Pensiun").status is Status.NOT_MET


# -- the rules' own defaults and the switched-off rules --
def test_each_rule_without_parameters_uses_the_vocational_numbers():
    facts = facts_from(
        {**COMPLETE, "birth_date": years_before(41), "phk_date": months_before(25)}, REG
    )
    got = {key: RULES[key](facts, {}) for key in RULES}
    assert got["max_age"].params == {"age": 41, "n": 40}
    assert got["phk_window"].params == {"m": 25, "lo": 1, "hi": 24}
    assert got["claim_window"].params == {"m": 25, "n": 6}
    low = facts_from({**COMPLETE, "membership_months": 11, "contribution_months_last_24": 11}, REG)
    assert RULES["min_membership"](low, {}).status is Status.NOT_MET
    assert RULES["contributions_recent"](low, {}).status is Status.NOT_MET
    enough = facts_from(
        {**COMPLETE, "membership_months": 12, "contribution_months_last_24": 12}, REG
    )
    assert RULES["min_membership"](enough, {}).status is Status.MET
    assert RULES["contributions_recent"](enough, {}).status is Status.MET
    retired = facts_from({**COMPLETE, "phk_reason": "retirement"}, REG)
    assert RULES["phk_reason_allowed"](retired, {}).status is Status.NOT_MET
    strict_40 = facts_from({**COMPLETE, "birth_date": years_before(40)}, REG)
    assert RULES["max_age"](strict_40, {}).status is Status.MET
    assert RULES["max_age"](strict_40, {"strictly_below": True}).status is Status.NOT_MET


def test_switched_off_rules_are_not_asked_and_can_be_switched_on():
    vokasi = {c.key: c for c in PRESETS["vokasi_2019"]}
    assert not vokasi["min_wage"].enabled and not vokasi["jht_unclaimed"].enabled
    assert verdict("vokasi_2019", last_wage=None, jht_claimed=True).status is Status.MET
    wage = (RuleConfig("min_wage", params={"rupiah": 3_000_000}),)
    assert evaluate(facts_from({**COMPLETE, "last_wage": 3_000_000}, REG), wage).status is (
        Status.MET
    )
    low = evaluate(facts_from({**COMPLETE, "last_wage": 2_999_999}, REG), wage).results[0]
    assert (low.status, low.message("id")) == (Status.NOT_MET, "Upah di bawah batas.")
    unknown = evaluate(facts_from({**COMPLETE, "last_wage": None}, REG), wage).results[0]
    assert unknown.message("en") == "Not known yet: last wage."
    jht = (RuleConfig("jht_unclaimed"),)
    claimed = evaluate(facts_from({**COMPLETE, "jht_claimed": True}, REG), jht).results[0]
    assert (claimed.status, claimed.message("en")) == (Status.NOT_MET, "JHT already claimed.")
    assert evaluate(facts_from(COMPLETE, REG), jht).status is Status.MET
    assert evaluate(facts_from({**COMPLETE, "jht_claimed": None}, REG), jht).status is (
        Status.UNKNOWN
    )
