"""Eligibility as a configurable rule set, with the two published presets (DESIGN §1).

Each rule looks at the applicant's facts and says met / not met / unknown, with the reason
in words a clerk can read to the person. Unknown is honest: a fact the office does not have
(contribution months before the membership check) is not guessed. The presets are data: an
office setting can switch a rule off or change its number without code changes, because
several of these rules are uncertain in the sources (DOMAIN.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from app.domain.dates import age_on, months_between
from app.texts import Text


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


class PhkReason(StrEnum):
    EFFICIENCY = "efficiency"  # efisiensi / pengurangan karyawan
    COMPANY_CLOSED = "company_closed"
    CONTRACT_ENDED = "contract_ended"  # PKWT selesai
    BANKRUPTCY = "bankruptcy"
    MERGER = "merger"
    MISCONDUCT = "misconduct"
    FORCE_MAJEURE = "force_majeure"
    OTHER = "other"
    RESIGNATION = "resignation"
    RETIREMENT = "retirement"
    DEATH = "death"
    PERMANENT_DISABILITY = "permanent_disability"


PHK_REASON_LABELS: dict[PhkReason, Text] = {
    PhkReason.EFFICIENCY: Text("Efisiensi / pengurangan karyawan", "Efficiency / downsizing"),
    PhkReason.COMPANY_CLOSED: Text("Perusahaan tutup", "Company closed"),
    PhkReason.CONTRACT_ENDED: Text("Kontrak (PKWT) berakhir", "Fixed-term contract ended"),
    PhkReason.BANKRUPTCY: Text("Perusahaan pailit", "Bankruptcy"),
    PhkReason.MERGER: Text("Penggabungan / pengambilalihan", "Merger / takeover"),
    PhkReason.MISCONDUCT: Text("Pelanggaran", "Misconduct"),
    PhkReason.FORCE_MAJEURE: Text("Keadaan memaksa", "Force majeure"),
    PhkReason.OTHER: Text("Lainnya", "Other"),
    PhkReason.RESIGNATION: Text("Mengundurkan diri", "Resignation"),
    PhkReason.RETIREMENT: Text("Pensiun", "Retirement"),
    PhkReason.DEATH: Text("Meninggal dunia", "Death"),
    PhkReason.PERMANENT_DISABILITY: Text("Cacat total tetap", "Permanent total disability"),
}

JKP_EXCLUDED = (
    PhkReason.RESIGNATION,
    PhkReason.RETIREMENT,
    PhkReason.DEATH,
    PhkReason.PERMANENT_DISABILITY,
)


@dataclass(frozen=True)
class Facts:
    """What the office knows about an applicant on the registration day (None = unknown)."""

    registered_on: date
    nik_valid: bool | None = None
    citizen: bool | None = True
    birth_date: date | None = None
    phk_date: date | None = None
    phk_reason: PhkReason | None = None
    contribution_months: int | None = None  # total membership months
    contribution_months_last_24: int | None = None
    still_active_member: bool | None = None
    last_wage: int | None = None
    jht_claimed: bool | None = None
    previous_participation: bool | None = None


def facts_of(values: Mapping[str, Any], registered_on: date) -> Facts:
    """The facts in a checked intake record (app.domain.intake: stored attribute names).

    Every fact the record leaves blank stays unknown; so does the NIK's validity until a NIK
    is typed (`nik_valid` None), so an empty form is "not yet certain", never "not eligible".
    """
    reason = values.get("phk_reason")
    return Facts(
        registered_on=registered_on,
        nik_valid=values.get("nik_valid", values.get("nik") is not None),
        birth_date=values.get("birth_date"),
        phk_date=values.get("phk_date"),
        phk_reason=PhkReason(reason) if reason else None,
        contribution_months=values.get("membership_months"),
        contribution_months_last_24=values.get("contribution_months_last_24"),
        still_active_member=values.get("still_active_member"),
        last_wage=values.get("last_wage"),
        jht_claimed=values.get("jht_claimed"),
        previous_participation=values.get("previous_participation"),
    )


@dataclass(frozen=True)
class RuleResult:
    key: str
    status: Status
    label: Text
    reason: Text
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        """The reason in `lang`; a parameter that is itself a `Text` (the name of a missing
        fact, a PHK reason) is rendered in the same language."""
        params = {k: v.render(lang) if isinstance(v, Text) else v for k, v in self.params.items()}
        return self.reason.render(lang, **params)


@dataclass(frozen=True)
class RuleConfig:
    key: str
    enabled: bool = True
    params: dict[str, Any] = field(default_factory=dict)


UNKNOWN_FACT = Text("Data belum ada: {what}.", "Not known yet: {what}.")
PHK_IN_FUTURE = Text("Tanggal PHK di masa depan.", "The PHK date is in the future.")
RuleFn = Callable[[Facts, dict[str, Any]], RuleResult]


def _r(key: str, label: Text, ok: bool, yes: Text, no: Text, **params: Any) -> RuleResult:
    return RuleResult(key, Status.MET if ok else Status.NOT_MET, label, yes if ok else no, params)


def _unknown(key: str, label: Text, what: Text) -> RuleResult:
    return RuleResult(key, Status.UNKNOWN, label, UNKNOWN_FACT, {"what": what})


def valid_nik(f: Facts, p: dict[str, Any]) -> RuleResult:
    label = Text("WNI dengan NIK valid", "Citizen with a valid NIK")
    if f.nik_valid is None or f.citizen is None:
        return _unknown("valid_nik", label, Text("NIK", "NIK"))
    return _r(
        "valid_nik",
        label,
        bool(f.nik_valid and f.citizen),
        Text("NIK valid.", "The NIK is valid."),
        Text("NIK tidak valid atau bukan WNI.", "The NIK is invalid or not a citizen."),
    )


def max_age(f: Facts, p: dict[str, Any]) -> RuleResult:
    limit, strict = int(p.get("years", 40)), bool(p.get("strictly_below", False))
    label = (
        Text("Usia paling tinggi {n} tahun", "Age at most {n}")
        if not strict
        else Text("Usia di bawah {n} tahun", "Age under {n}")
    )
    if f.birth_date is None:
        return _unknown("max_age", label, Text("tanggal lahir", "date of birth"))
    age = age_on(f.birth_date, f.registered_on)
    ok = age < limit if strict else age <= limit
    res = _r(
        "max_age",
        label,
        ok,
        Text("Usia {age} tahun.", "Age {age}."),
        Text("Usia {age} tahun, melewati batas {n}.", "Age {age}, over the limit {n}."),
        age=age,
        n=limit,
    )
    return res


def phk_window(f: Facts, p: dict[str, Any]) -> RuleResult:
    lo, hi = int(p.get("min_months", 1)), int(p.get("max_months", 24))
    label = Text("PHK {lo}–{hi} bulan sebelum mendaftar", "Laid off {lo}–{hi} months before")
    if f.phk_date is None:
        return _unknown("phk_window", label, Text("tanggal PHK", "PHK date"))
    if f.phk_date > f.registered_on:
        return RuleResult("phk_window", Status.NOT_MET, label, PHK_IN_FUTURE)
    months = months_between(f.phk_date, f.registered_on)
    return _r(
        "phk_window",
        label,
        lo <= months <= hi,
        Text("PHK {m} bulan lalu.", "Laid off {m} months ago."),
        Text(
            "PHK {m} bulan lalu; harus {lo}–{hi} bulan.",
            "Laid off {m} months ago; must be {lo}–{hi}.",
        ),
        m=months,
        lo=lo,
        hi=hi,
    )


def min_membership(f: Facts, p: dict[str, Any]) -> RuleResult:
    need = int(p.get("months", 12))
    label = Text("Kepesertaan paling sedikit {n} bulan", "Member for at least {n} months")
    if f.contribution_months is None:
        return _unknown("min_membership", label, Text("lama kepesertaan", "months of membership"))
    return _r(
        "min_membership",
        label,
        f.contribution_months >= need,
        Text("Peserta {m} bulan.", "Member {m} months."),
        Text("Baru {m} bulan; perlu {n}.", "Only {m} months; {n} needed."),
        m=f.contribution_months,
        n=need,
    )


def contributions_recent(f: Facts, p: dict[str, Any]) -> RuleResult:
    need = int(p.get("months", 12))
    label = Text("Iuran {n} bulan dalam 24 bulan terakhir", "{n} months paid in the last 24")
    if f.contribution_months_last_24 is None:
        what = Text("riwayat iuran", "contribution history")
        return _unknown("contributions_recent", label, what)
    return _r(
        "contributions_recent",
        label,
        f.contribution_months_last_24 >= need,
        Text("Iuran {m} bulan.", "{m} months paid."),
        Text("Iuran {m} bulan; perlu {n}.", "{m} months paid; {n} needed."),
        m=f.contribution_months_last_24,
        n=need,
    )


def not_active_member(f: Facts, p: dict[str, Any]) -> RuleResult:
    label = Text("Tidak lagi peserta aktif", "No longer an active member")
    if f.still_active_member is None:
        return _unknown("not_active_member", label, Text("status kepesertaan", "membership status"))
    return _r(
        "not_active_member",
        label,
        not f.still_active_member,
        Text("Sudah tidak aktif.", "No longer active."),
        Text("Masih peserta aktif.", "Still an active member."),
    )


def phk_reason_allowed(f: Facts, p: dict[str, Any]) -> RuleResult:
    excluded = {PhkReason(x) for x in p.get("excluded", [r.value for r in JKP_EXCLUDED])}
    label = Text("Alasan PHK memenuhi syarat", "PHK reason qualifies")
    if f.phk_reason is None:
        return _unknown("phk_reason_allowed", label, Text("alasan PHK", "PHK reason"))
    reason = PHK_REASON_LABELS[f.phk_reason]
    return _r(
        "phk_reason_allowed",
        label,
        f.phk_reason not in excluded,
        Text("Alasan: {r}.", "Reason: {r}."),
        Text('Alasan "{r}" tidak termasuk.', 'Reason "{r}" is excluded.'),
        r=reason,
    )


def min_wage(f: Facts, p: dict[str, Any]) -> RuleResult:
    floor = int(p.get("rupiah", 0))
    label = Text("Upah terakhir paling sedikit UMR terendah", "Last wage at least the minimum")
    if f.last_wage is None:
        return _unknown("min_wage", label, Text("upah terakhir", "last wage"))
    return _r(
        "min_wage",
        label,
        f.last_wage >= floor,
        Text("Upah cukup.", "Wage sufficient."),
        Text("Upah di bawah batas.", "Wage below the floor."),
    )


def jht_unclaimed(f: Facts, p: dict[str, Any]) -> RuleResult:
    label = Text("JHT belum dicairkan", "JHT not yet claimed")
    if f.jht_claimed is None:
        return _unknown("jht_unclaimed", label, Text("klaim JHT", "JHT claim"))
    return _r(
        "jht_unclaimed",
        label,
        not f.jht_claimed,
        Text("JHT belum dicairkan.", "JHT not claimed."),
        Text("JHT sudah dicairkan.", "JHT already claimed."),
    )


def once_only(f: Facts, p: dict[str, Any]) -> RuleResult:
    label = Text("Belum pernah ikut program", "Never joined before")
    if f.previous_participation is None:
        return _unknown("once_only", label, Text("riwayat program", "earlier participation"))
    return _r(
        "once_only",
        label,
        not f.previous_participation,
        Text("Belum pernah ikut.", "First time."),
        Text("Sudah pernah ikut program.", "Joined the programme before."),
    )


def claim_window(f: Facts, p: dict[str, Any]) -> RuleResult:
    limit = int(p.get("months", 6))
    label = Text("Mendaftar paling lambat {n} bulan setelah PHK", "Within {n} months of PHK")
    if f.phk_date is None:
        return _unknown("claim_window", label, Text("tanggal PHK", "PHK date"))
    if f.phk_date > f.registered_on:  # not "-1 months since PHK; lapsed"
        return RuleResult("claim_window", Status.NOT_MET, label, PHK_IN_FUTURE)
    months = months_between(f.phk_date, f.registered_on)
    return _r(
        "claim_window",
        label,
        months < limit,
        Text("{m} bulan sejak PHK.", "{m} months since PHK."),
        Text("Sudah {m} bulan sejak PHK; hak gugur.", "{m} months since PHK; lapsed."),
        m=months,
        n=limit,
    )


RULES: dict[str, RuleFn] = {
    fn.__name__: fn
    for fn in (
        valid_nik,
        max_age,
        phk_window,
        min_membership,
        contributions_recent,
        not_active_member,
        phk_reason_allowed,
        min_wage,
        jht_unclaimed,
        once_only,
        claim_window,
    )
}

PRESETS: dict[str, tuple[RuleConfig, ...]] = {
    # Vocational programme 2019 (agency statements): citizen, member >= 12 months, laid off
    # 1-24 months before, not active, age <= 40, once only; JHT rule disputed -> off.
    "vokasi_2019": (
        RuleConfig("valid_nik"),
        RuleConfig("min_membership", params={"months": 12}),
        RuleConfig("phk_window", params={"min_months": 1, "max_months": 24}),
        RuleConfig("not_active_member"),
        RuleConfig("max_age", params={"years": 40}),
        RuleConfig("once_only"),
        RuleConfig("min_wage", enabled=False, params={"rupiah": 0}),
        RuleConfig("jht_unclaimed", enabled=False),
    ),
    # JKP, PP 37/2021 as amended by PP 6/2025.
    "jkp": (
        RuleConfig("valid_nik"),
        RuleConfig("max_age", params={"years": 54, "strictly_below": True}),
        RuleConfig("contributions_recent", params={"months": 12}),
        RuleConfig("phk_reason_allowed", params={"excluded": [r.value for r in JKP_EXCLUDED]}),
        RuleConfig("claim_window", params={"months": 6}),
    ),
}

PRESET_LABELS = {
    "vokasi_2019": Text("Program vokasi 2019", "Vocational programme 2019"),
    "jkp": Text("JKP (PP 37/2021 jo. PP 6/2025)", "JKP (PP 37/2021 as amended by PP 6/2025)"),
}


@dataclass(frozen=True)
class Verdict:
    results: list[RuleResult]

    @property
    def status(self) -> Status:
        if any(r.status is Status.NOT_MET for r in self.results):
            return Status.NOT_MET
        if any(r.status is Status.UNKNOWN for r in self.results):
            return Status.UNKNOWN
        return Status.MET


def evaluate(facts: Facts, rules: tuple[RuleConfig, ...]) -> Verdict:
    return Verdict([RULES[c.key](facts, c.params) for c in rules if c.enabled])
