"""Each eligibility rule's whole answer (status, title, reason and its numbers) in each of
its states, with the numbers a rule uses when its configuration leaves them out; the facts of
a checked record and the verdict (written against the survivors of the mutation run,
scripts/mutation.sh). The intake check is in test_domain_edges.py, the parsers and the small
rules in test_domain_edges_parsers.py."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.domain import eligibility as el
from app.domain.eligibility import Facts, PhkReason, RuleResult, Status
from app.texts import Text

REG = date(2026, 11, 28)
MET, NOT_MET, UNKNOWN = Status.MET, Status.NOT_MET, Status.UNKNOWN
T = Text


def unknown(key: str, label: Text, what_id: str, what_en: str) -> RuleResult:
    return RuleResult(key, UNKNOWN, label, el.UNKNOWN_FACT, {"what": T(what_id, what_en)})


def facts(**known: Any) -> Facts:
    return Facts(REG, **known)


# -- every rule in every state, with the parameters the presets leave out --
VALID_NIK = T("WNI dengan NIK valid", "Citizen with a valid NIK")
AT_MOST = T("Usia paling tinggi {n} tahun", "Age at most {n}")
UNDER = T("Usia di bawah {n} tahun", "Age under {n}")
WINDOW = T("PHK {lo}–{hi} bulan sebelum mendaftar", "Laid off {lo}–{hi} months before")
MEMBER = T("Kepesertaan paling sedikit {n} bulan", "Member for at least {n} months")
RECENT = T("Iuran {n} bulan dalam 24 bulan terakhir", "{n} months paid in the last 24")
INACTIVE = T("Tidak lagi peserta aktif", "No longer an active member")
REASON = T("Alasan PHK memenuhi syarat", "PHK reason qualifies")
WAGE = T("Upah terakhir paling sedikit UMR terendah", "Last wage at least the minimum")
JHT = T("JHT belum dicairkan", "JHT not yet claimed")
ONCE = T("Belum pernah ikut program", "Never joined before")
CLAIM = T("Mendaftar paling lambat {n} bulan setelah PHK", "Within {n} months of PHK")

CASES: list[tuple[str, Facts, dict[str, Any], RuleResult]] = [
    # valid_nik
    ("valid_nik", facts(nik_valid=True), {},
     RuleResult("valid_nik", MET, VALID_NIK, T("NIK valid.", "The NIK is valid."), {})),
    ("valid_nik", facts(nik_valid=False), {},
     RuleResult("valid_nik", NOT_MET, VALID_NIK,
                T("NIK tidak valid atau bukan WNI.", "The NIK is invalid or not a citizen."), {})),
    ("valid_nik", facts(nik_valid=True, citizen=False), {},
     RuleResult("valid_nik", NOT_MET, VALID_NIK,
                T("NIK tidak valid atau bukan WNI.", "The NIK is invalid or not a citizen."), {})),
    ("valid_nik", facts(nik_valid=None), {}, unknown("valid_nik", VALID_NIK, "NIK", "NIK")),
    ("valid_nik", facts(nik_valid=True, citizen=None), {},
     unknown("valid_nik", VALID_NIK, "NIK", "NIK")),
    # max_age: 40 by default, "at most"; strictly below when asked
    ("max_age", facts(birth_date=date(1986, 11, 28)), {},
     RuleResult("max_age", MET, AT_MOST, T("Usia {age} tahun.", "Age {age}."),
                {"age": 40, "n": 40})),
    ("max_age", facts(birth_date=date(1985, 11, 28)), {},
     RuleResult("max_age", NOT_MET, AT_MOST,
                T("Usia {age} tahun, melewati batas {n}.", "Age {age}, over the limit {n}."),
                {"age": 41, "n": 40})),
    ("max_age", facts(birth_date=date(1986, 11, 28)), {"years": 40, "strictly_below": True},
     RuleResult("max_age", NOT_MET, UNDER,
                T("Usia {age} tahun, melewati batas {n}.", "Age {age}, over the limit {n}."),
                {"age": 40, "n": 40})),
    ("max_age", facts(birth_date=date(1986, 11, 29)), {"years": "40", "strictly_below": 1},
     RuleResult("max_age", MET, UNDER, T("Usia {age} tahun.", "Age {age}."),
                {"age": 39, "n": 40})),
    ("max_age", facts(), {}, unknown("max_age", AT_MOST, "tanggal lahir", "date of birth")),
    ("max_age", facts(), {"strictly_below": True},
     unknown("max_age", UNDER, "tanggal lahir", "date of birth")),
    # phk_window: 1-24 months by default
    ("phk_window", facts(phk_date=date(2026, 10, 28)), {},
     RuleResult("phk_window", MET, WINDOW, T("PHK {m} bulan lalu.", "Laid off {m} months ago."),
                {"m": 1, "lo": 1, "hi": 24})),
    ("phk_window", facts(phk_date=date(2024, 11, 28)), {},
     RuleResult("phk_window", MET, WINDOW, T("PHK {m} bulan lalu.", "Laid off {m} months ago."),
                {"m": 24, "lo": 1, "hi": 24})),
    ("phk_window", facts(phk_date=date(2026, 10, 29)), {},
     RuleResult("phk_window", NOT_MET, WINDOW,
                T("PHK {m} bulan lalu; harus {lo}–{hi} bulan.",
                  "Laid off {m} months ago; must be {lo}–{hi}."),
                {"m": 0, "lo": 1, "hi": 24})),
    ("phk_window", facts(phk_date=date(2024, 10, 28)), {},
     RuleResult("phk_window", NOT_MET, WINDOW,
                T("PHK {m} bulan lalu; harus {lo}–{hi} bulan.",
                  "Laid off {m} months ago; must be {lo}–{hi}."),
                {"m": 25, "lo": 1, "hi": 24})),
    ("phk_window", facts(phk_date=date(2026, 8, 28)), {"min_months": "3", "max_months": "5"},
     RuleResult("phk_window", MET, WINDOW, T("PHK {m} bulan lalu.", "Laid off {m} months ago."),
                {"m": 3, "lo": 3, "hi": 5})),
    ("phk_window", facts(phk_date=date(2026, 6, 28)), {"min_months": 3, "max_months": 5},
     RuleResult("phk_window", MET, WINDOW, T("PHK {m} bulan lalu.", "Laid off {m} months ago."),
                {"m": 5, "lo": 3, "hi": 5})),
    ("phk_window", facts(phk_date=date(2026, 11, 29)), {},
     RuleResult("phk_window", NOT_MET, WINDOW, el.PHK_IN_FUTURE, {})),
    ("phk_window", facts(phk_date=REG), {"min_months": 0},
     RuleResult("phk_window", MET, WINDOW, T("PHK {m} bulan lalu.", "Laid off {m} months ago."),
                {"m": 0, "lo": 0, "hi": 24})),
    ("phk_window", facts(), {}, unknown("phk_window", WINDOW, "tanggal PHK", "PHK date")),
    # min_membership: 12 months by default
    ("min_membership", facts(contribution_months=12), {},
     RuleResult("min_membership", MET, MEMBER, T("Peserta {m} bulan.", "Member {m} months."),
                {"m": 12, "n": 12})),
    ("min_membership", facts(contribution_months=11), {},
     RuleResult("min_membership", NOT_MET, MEMBER,
                T("Baru {m} bulan; perlu {n}.", "Only {m} months; {n} needed."),
                {"m": 11, "n": 12})),
    ("min_membership", facts(contribution_months=6), {"months": "6"},
     RuleResult("min_membership", MET, MEMBER, T("Peserta {m} bulan.", "Member {m} months."),
                {"m": 6, "n": 6})),
    ("min_membership", facts(), {},
     unknown("min_membership", MEMBER, "lama kepesertaan", "months of membership")),
    # contributions_recent: 12 months by default
    ("contributions_recent", facts(contribution_months_last_24=12), {},
     RuleResult("contributions_recent", MET, RECENT, T("Iuran {m} bulan.", "{m} months paid."),
                {"m": 12, "n": 12})),
    ("contributions_recent", facts(contribution_months_last_24=11), {},
     RuleResult("contributions_recent", NOT_MET, RECENT,
                T("Iuran {m} bulan; perlu {n}.", "{m} months paid; {n} needed."),
                {"m": 11, "n": 12})),
    ("contributions_recent", facts(contribution_months_last_24=6), {"months": "6"},
     RuleResult("contributions_recent", MET, RECENT, T("Iuran {m} bulan.", "{m} months paid."),
                {"m": 6, "n": 6})),
    ("contributions_recent", facts(), {},
     unknown("contributions_recent", RECENT, "riwayat iuran", "contribution history")),
    # not_active_member
    ("not_active_member", facts(still_active_member=False), {},
     RuleResult("not_active_member", MET, INACTIVE,
                T("Sudah tidak aktif.", "No longer active."), {})),
    ("not_active_member", facts(still_active_member=True), {},
     RuleResult("not_active_member", NOT_MET, INACTIVE,
                T("Masih peserta aktif.", "Still an active member."), {})),
    ("not_active_member", facts(), {},
     unknown("not_active_member", INACTIVE, "status kepesertaan", "membership status")),
    # phk_reason_allowed: the four JKP exclusions by default
    ("phk_reason_allowed", facts(phk_reason=PhkReason.MERGER), {},
     RuleResult("phk_reason_allowed", MET, REASON, T("Alasan: {r}.", "Reason: {r}."),
                {"r": T("Penggabungan / pengambilalihan", "Merger / takeover")})),
    ("phk_reason_allowed", facts(phk_reason=PhkReason.DEATH), {},
     RuleResult("phk_reason_allowed", NOT_MET, REASON,
                T('Alasan "{r}" tidak termasuk.', 'Reason "{r}" is excluded.'),
                {"r": T("Meninggal dunia", "Death")})),
    ("phk_reason_allowed", facts(phk_reason=PhkReason.MERGER), {"excluded": ["merger"]},
     RuleResult("phk_reason_allowed", NOT_MET, REASON,
                T('Alasan "{r}" tidak termasuk.', 'Reason "{r}" is excluded.'),
                {"r": T("Penggabungan / pengambilalihan", "Merger / takeover")})),
    ("phk_reason_allowed", facts(phk_reason=PhkReason.DEATH), {"excluded": []},
     RuleResult("phk_reason_allowed", MET, REASON, T("Alasan: {r}.", "Reason: {r}."),
                {"r": T("Meninggal dunia", "Death")})),
    ("phk_reason_allowed", facts(), {},
     unknown("phk_reason_allowed", REASON, "alasan PHK", "PHK reason")),
    # min_wage: no floor by default
    ("min_wage", facts(last_wage=0), {},
     RuleResult("min_wage", MET, WAGE, T("Upah cukup.", "Wage sufficient."), {})),
    ("min_wage", facts(last_wage=-1), {},
     RuleResult("min_wage", NOT_MET, WAGE, T("Upah di bawah batas.", "Wage below the floor."), {})),
    ("min_wage", facts(last_wage=3_000_000), {"rupiah": "3000000"},
     RuleResult("min_wage", MET, WAGE, T("Upah cukup.", "Wage sufficient."), {})),
    ("min_wage", facts(last_wage=2_999_999), {"rupiah": 3_000_000},
     RuleResult("min_wage", NOT_MET, WAGE, T("Upah di bawah batas.", "Wage below the floor."), {})),
    ("min_wage", facts(), {}, unknown("min_wage", WAGE, "upah terakhir", "last wage")),
    # jht_unclaimed
    ("jht_unclaimed", facts(jht_claimed=False), {},
     RuleResult("jht_unclaimed", MET, JHT, T("JHT belum dicairkan.", "JHT not claimed."), {})),
    ("jht_unclaimed", facts(jht_claimed=True), {},
     RuleResult("jht_unclaimed", NOT_MET, JHT,
                T("JHT sudah dicairkan.", "JHT already claimed."), {})),
    ("jht_unclaimed", facts(), {}, unknown("jht_unclaimed", JHT, "klaim JHT", "JHT claim")),
    # once_only
    ("once_only", facts(previous_participation=False), {},
     RuleResult("once_only", MET, ONCE, T("Belum pernah ikut.", "First time."), {})),
    ("once_only", facts(previous_participation=True), {},
     RuleResult("once_only", NOT_MET, ONCE,
                T("Sudah pernah ikut program.", "Joined the programme before."), {})),
    ("once_only", facts(), {},
     unknown("once_only", ONCE, "riwayat program", "earlier participation")),
    # claim_window: 6 months by default
    ("claim_window", facts(phk_date=date(2026, 5, 29)), {},
     RuleResult("claim_window", MET, CLAIM,
                T("{m} bulan sejak PHK.", "{m} months since PHK."), {"m": 5, "n": 6})),
    ("claim_window", facts(phk_date=REG), {},
     RuleResult("claim_window", MET, CLAIM,
                T("{m} bulan sejak PHK.", "{m} months since PHK."), {"m": 0, "n": 6})),
    ("claim_window", facts(phk_date=date(2026, 5, 28)), {},
     RuleResult("claim_window", NOT_MET, CLAIM,
                T("Sudah {m} bulan sejak PHK; hak gugur.", "{m} months since PHK; lapsed."),
                {"m": 6, "n": 6})),
    ("claim_window", facts(phk_date=date(2026, 8, 28)), {"months": "3"},
     RuleResult("claim_window", NOT_MET, CLAIM,
                T("Sudah {m} bulan sejak PHK; hak gugur.", "{m} months since PHK; lapsed."),
                {"m": 3, "n": 3})),
    ("claim_window", facts(phk_date=date(2026, 11, 29)), {},
     RuleResult("claim_window", NOT_MET, CLAIM, el.PHK_IN_FUTURE, {})),
    ("claim_window", facts(), {}, unknown("claim_window", CLAIM, "tanggal PHK", "PHK date")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rule", "known", "params", "expected"),
    CASES,
    ids=[f"{c[0]}-{c[3].status.value}-{i}" for i, c in enumerate(CASES)],
)
def test_each_rule_answers_with_its_title_reason_and_numbers(
    rule: str, known: Facts, params: dict[str, Any], expected: RuleResult
) -> None:
    got = el.RULES[rule](known, params)
    assert got == expected
    assert got.message("id") == expected.message("id")


def test_every_rule_has_its_met_not_met_and_unknown_cases() -> None:
    covered = {(rule, expected.status) for rule, _, _, expected in CASES}
    assert covered == {(rule, status) for rule in el.RULES for status in Status}


def test_a_reason_names_what_is_missing_in_the_language_asked() -> None:
    missing = el.RULES["jht_unclaimed"](facts(), {})
    assert missing.message("id") == "Data belum ada: klaim JHT."
    assert missing.message("en") == "Not known yet: JHT claim."
    reason = el.RULES["phk_reason_allowed"](facts(phk_reason=PhkReason.DEATH), {})
    assert reason.message("en") == 'Reason "Death" is excluded.'


def test_the_disabled_rules_read_as_a_clerk_says_them() -> None:
    wage = el.RULES["min_wage"](facts(last_wage=1), {"rupiah": 2})
    assert (wage.label.render("en"), wage.message("en")) == (
        "Last wage at least the minimum",
        "Wage below the floor.",
    )
    jht = el.RULES["jht_unclaimed"](facts(jht_claimed=False), {})
    assert (jht.label.render("id"), jht.message("id")) == (
        "JHT belum dicairkan",
        "JHT belum dicairkan.",
    )


def test_the_facts_of_a_checked_record() -> None:
    values = {
        "nik": "3171011708900001",
        "birth_date": date(1990, 8, 17),
        "phk_date": date(2026, 6, 15),
        "phk_reason": "merger",
        "membership_months": 60,
        "contribution_months_last_24": 20,
        "still_active_member": False,
        "last_wage": 5_000_000,
        "jht_claimed": True,
        "previous_participation": False,
    }
    assert el.facts_of(values, REG) == Facts(
        registered_on=REG,
        nik_valid=True,
        citizen=True,
        birth_date=date(1990, 8, 17),
        phk_date=date(2026, 6, 15),
        phk_reason=PhkReason.MERGER,
        contribution_months=60,
        contribution_months_last_24=20,
        still_active_member=False,
        last_wage=5_000_000,
        jht_claimed=True,
        previous_participation=False,
    )
    assert el.facts_of({}, REG) == Facts(REG, nik_valid=False)
    assert el.facts_of({"nik_valid": None, "nik": "x", "phk_reason": ""}, REG) == Facts(REG)


def test_the_verdict_is_the_worst_answer() -> None:
    met = RuleResult("a", MET, VALID_NIK, VALID_NIK)
    no = RuleResult("b", NOT_MET, VALID_NIK, VALID_NIK)
    unsure = RuleResult("c", UNKNOWN, VALID_NIK, VALID_NIK)
    assert el.Verdict([met, met]).status is MET
    assert el.Verdict([met, unsure]).status is UNKNOWN
    assert el.Verdict([unsure, no, met]).status is NOT_MET
    assert el.Verdict([]).status is MET
