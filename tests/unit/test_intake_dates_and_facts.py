"""The intake fixes a clerk hits first (issue #8 part 8), in the domain: dates typed the ways
clerks type them, the membership facts the eligibility rules ask for, and an empty or
partial record that is "not yet certain", never "not eligible"."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import eligibility
from app.domain.eligibility import PRESETS, Status, evaluate, facts_of
from app.domain.findings import Severity
from app.domain.intake import check_intake
from app.domain.parsing import ParseError, parse_date
from app.domain.participant_fields import BY_KEY
from app.resources import regions

TODAY = date(2026, 11, 28)
COMPLETE = {  # a complete intake of someone who meets every vocational rule
    "nik": "3171011708900001",
    "nama": "Budi Santoso",
    "tanggal_lahir": "17/08/1990",
    "jenis_kelamin": "L",
    "tanggal_phk": "15/06/2026",
    "alasan_phk": "Efisiensi",
    "lama_kepesertaan": "60",
    "iuran_24_bulan": "24",
    "masih_peserta_aktif": "T",
    "pernah_ikut_program": "T",
    "persetujuan": "Y",
}


def check(raw):
    return check_intake(raw, TODAY, regions())


@pytest.mark.parametrize(
    "typed",
    ["06051993", "6-5-1993", "06/05/1993", "6/5/1993", "06.05.1993", "6 5 1993", " 06/05/1993 ",
     "1993-05-06", "06-05-1993"],
)  # fmt: skip
def test_dates_as_clerks_type_them(typed):
    assert parse_date(typed) == date(1993, 5, 6)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("29/02/1992", date(1992, 2, 29)),  # a leap year
        ("29021992", date(1992, 2, 29)),
        ("29/02/2000", date(2000, 2, 29)),  # divisible by 400: leap
        ("28/02/1993", date(1993, 2, 28)),
        ("30/04/1990", date(1990, 4, 30)),
        ("31/12/1990", date(1990, 12, 31)),
        ("01/01/1990", date(1990, 1, 1)),
    ],
)
def test_the_last_and_first_days_that_exist_are_accepted(typed, day):
    assert parse_date(typed) == day


@pytest.mark.parametrize(
    "typed",
    ["31/02/1990", "31021990", "29/02/1993", "29021993", "29/02/1900", "31/04/1990",
     "00/01/1990", "32/01/1990", "01/00/1990", "01/13/1990", "0605199", "060519930",
     "06/05/93", "6-5-1993x", "060593"],
)  # fmt: skip
def test_days_that_do_not_exist_and_other_shapes_are_refused(typed):
    with pytest.raises(ParseError):
        parse_date(typed)


def test_a_date_typed_without_separators_passes_the_intake_check():
    result = check({**COMPLETE, "tanggal_lahir": "17081990", "tanggal_phk": "15062026"})
    assert result.ok, [f.message() for f in result.findings]
    assert result.values["birth_date"] == date(1990, 8, 17)
    assert result.values["phk_date"] == date(2026, 6, 15)
    refused = check({**COMPLETE, "tanggal_lahir": "31021990"})
    assert [f.message("id") for f in refused.findings if f.field == "tanggal_lahir"] == [
        "Tanggal tidak valid: 31021990. Tulis HH/BB/TTTT, mis. 17/08/1990 atau 17081990."
    ]


def test_a_complete_intake_can_say_eligible():
    result = check(COMPLETE)
    assert result.ok
    values = result.values
    assert (values["membership_months"], values["contribution_months_last_24"]) == (60, 24)
    assert (values["still_active_member"], values["previous_participation"]) == (False, False)
    verdict = evaluate(facts_of(values, TODAY), PRESETS["vokasi_2019"])
    assert verdict.status is Status.MET, [r.message() for r in verdict.results]
    jkp = evaluate(facts_of(values, TODAY), PRESETS["jkp"])
    assert jkp.status is Status.MET, [r.message() for r in jkp.results]


@pytest.mark.parametrize(
    ("key", "rule", "preset"),
    [
        ("lama_kepesertaan", "min_membership", "vokasi_2019"),
        ("masih_peserta_aktif", "not_active_member", "vokasi_2019"),
        ("pernah_ikut_program", "once_only", "vokasi_2019"),
        ("iuran_24_bulan", "contributions_recent", "jkp"),
    ],
)
def test_each_membership_fact_left_blank_is_that_rule_unknown_alone(key, rule, preset):
    values = check({**COMPLETE, key: ""}).values
    results = {r.key: r.status for r in evaluate(facts_of(values, TODAY), PRESETS[preset]).results}
    assert results[rule] is Status.UNKNOWN
    assert {k for k, status in results.items() if status is not Status.MET} == {rule}


@pytest.mark.parametrize(
    ("key", "value", "rule", "preset", "status"),
    [
        ("lama_kepesertaan", "12", "min_membership", "vokasi_2019", Status.MET),
        ("lama_kepesertaan", "11", "min_membership", "vokasi_2019", Status.NOT_MET),
        ("iuran_24_bulan", "12", "contributions_recent", "jkp", Status.MET),
        ("iuran_24_bulan", "11", "contributions_recent", "jkp", Status.NOT_MET),
        ("masih_peserta_aktif", "Y", "not_active_member", "vokasi_2019", Status.NOT_MET),
        ("pernah_ikut_program", "ya", "once_only", "vokasi_2019", Status.NOT_MET),
    ],
)
def test_the_typed_facts_reach_their_rules_at_the_boundary(key, value, rule, preset, status):
    values = check({**COMPLETE, key: value}).values
    results = {r.key: r.status for r in evaluate(facts_of(values, TODAY), PRESETS[preset]).results}
    assert results[rule] is status


@pytest.mark.parametrize(
    ("key", "typed", "kept"),
    [
        ("lama_kepesertaan", "0", 0),
        ("lama_kepesertaan", "600", 600),
        ("lama_kepesertaan", "60 bulan", 60),
        ("lama_kepesertaan", 36, 36),  # a spreadsheet number
        ("iuran_24_bulan", "24", 24),
        ("iuran_24_bulan", "0", 0),
    ],
)
def test_months_within_their_range_are_kept(key, typed, kept):
    values = check({**COMPLETE, "lama_kepesertaan": "600", key: typed}).values
    assert values[BY_KEY[key].attribute] == kept


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        ("lama_kepesertaan", "601"),
        ("lama_kepesertaan", "-1"),
        ("lama_kepesertaan", "1,5"),
        ("lama_kepesertaan", "enam"),
        ("iuran_24_bulan", "25"),
        ("masih_peserta_aktif", "mungkin"),
        ("pernah_ikut_program", "2"),
    ],
)
def test_months_out_of_range_and_unreadable_answers_are_errors_next_to_their_field(key, typed):
    result = check({**COMPLETE, key: typed})
    assert [f.field for f in result.findings if f.severity is Severity.ERROR] == [key]


def test_more_months_paid_than_months_of_membership_is_a_warning():
    result = check({**COMPLETE, "lama_kepesertaan": "10", "iuran_24_bulan": "11"})
    assert [(f.field, f.severity) for f in result.findings] == [
        ("iuran_24_bulan", Severity.WARNING)
    ]
    assert not check({**COMPLETE, "lama_kepesertaan": "11", "iuran_24_bulan": "11"}).findings


def test_an_empty_record_is_not_yet_certain_never_not_eligible():
    for preset in PRESETS:
        verdict = evaluate(facts_of(check({}).values, TODAY), PRESETS[preset])
        assert verdict.status is Status.UNKNOWN, preset
        assert all(r.status is Status.UNKNOWN for r in verdict.results), preset
    typed_wrong = evaluate(facts_of(check({"nik": "123"}).values, TODAY), PRESETS["jkp"])
    assert {r.key: r.status for r in typed_wrong.results}["valid_nik"] is Status.NOT_MET


def test_an_unknown_fact_is_named_in_the_language_asked():
    verdict = evaluate(facts_of(check({}).values, TODAY), PRESETS["vokasi_2019"])
    by_key = {r.key: r for r in verdict.results}
    assert by_key["min_membership"].message("id") == "Data belum ada: lama kepesertaan."
    assert by_key["min_membership"].message("en") == "Not known yet: months of membership."
    reason = eligibility.Facts(TODAY, phk_reason=eligibility.PhkReason.RESIGNATION)
    excluded = eligibility.phk_reason_allowed(reason, {})
    assert excluded.message("en") == 'Reason "Resignation" is excluded.'
    assert excluded.message("id") == 'Alasan "Mengundurkan diri" tidak termasuk.'


def test_the_nik_date_and_sex_warnings_name_the_form_inputs():
    result = check({**COMPLETE, "tanggal_lahir": "18/08/1990", "jenis_kelamin": "P"})
    assert {f.field for f in result.findings if f.severity is Severity.WARNING} >= {
        "tanggal_lahir",
        "jenis_kelamin",
    }
    assert not {f.field for f in result.findings} & {"birth_date", "sex"}
