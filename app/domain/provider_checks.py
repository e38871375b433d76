"""Whether a training provider may train the programme's participants: the agency's three
parameters, the manual checklist, the supervisor's decision and what follows from it.

The agency's parameters (../shared/DOMAIN.md, "Training providers"): licensed, operating at
least six months, offering at least two training modules. They are computed for an
assessment date, so an office recording a paper assessment made last month gets last
month's answer, and a cohort starting next month asks about next month:

- licence: a number is recorded, it was issued on or before the date, and it has not
  expired on that date (valid through its expiry day; a licence with no expiry recorded is
  valid);
- operating months: six calendar months from "operating since" have passed on that date
  (2026-01-31 + 6 months is 2026-07-31; 2025-08-31 + 6 months is 2026-02-28: the day is
  clamped to the month's end);
- modules: at least two modules that are active in the catalogue are offered.

The manual items (facilities, instructors, site visit, documents) are marked by staff with
evidence. They do not block a decision of layak while still open, but the decision names
them. Plain functions only: the services feed them facts read from the database.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from app.texts import Text

MIN_OPERATING_MONTHS = 6
MIN_MODULES = 2
EXPIRY_WARNING_DAYS = 60
DEFAULT_RECHECK_MONTHS = 12


class ProviderType(StrEnum):
    BLK = "blk"  # Balai Latihan Kerja (government)
    LPK = "lpk"  # private Lembaga Pelatihan Kerja
    COMPANY = "perusahaan"  # a company's training unit (LPK perusahaan)


PROVIDER_TYPE_LABELS: dict[ProviderType, Text] = {
    ProviderType.BLK: Text("BLK pemerintah", "Government BLK"),
    ProviderType.LPK: Text("LPK swasta", "Private LPK"),
    ProviderType.COMPANY: Text("LPK perusahaan", "Company training unit"),
}


class Result(StrEnum):
    """The supervisor's decision on a provider."""

    FIT = "layak"
    UNFIT = "tidak_layak"
    FOLLOW_UP = "tindak_lanjut"


RESULT_LABELS: dict[Result, Text] = {
    Result.FIT: Text("Layak", "Fit"),
    Result.UNFIT: Text("Tidak layak", "Not fit"),
    Result.FOLLOW_UP: Text("Perlu tindak lanjut", "Follow-up needed"),
}


class ItemStatus(StrEnum):
    """A manual checklist item as staff marked it."""

    OPEN = "belum"
    MET = "sesuai"
    NOT_MET = "tidak_sesuai"


ITEM_STATUS_LABELS: dict[ItemStatus, Text] = {
    ItemStatus.OPEN: Text("Belum diperiksa", "Not checked"),
    ItemStatus.MET: Text("Sesuai", "Met"),
    ItemStatus.NOT_MET: Text("Tidak sesuai", "Not met"),
}

AUTOMATIC = ("licence", "operating_months", "modules")
MANUAL = ("facilities", "instructors", "site_visit", "documents")

CHECK_LABELS: dict[str, Text] = {
    "licence": Text("Izin / tanda daftar berlaku", "Valid licence or registration"),
    "operating_months": Text("Beroperasi minimal 6 bulan", "Operating at least 6 months"),
    "modules": Text("Minimal 2 modul pelatihan aktif", "At least 2 active training modules"),
    "facilities": Text("Sarana sesuai tiap modul", "Facilities fit each module"),
    "instructors": Text("Instruktur bersertifikat", "Instructors certified"),
    "site_visit": Text("Kunjungan lapangan dilakukan", "Site visit done"),
    "documents": Text("Dokumen diperiksa", "Documents checked"),
}


@dataclass(frozen=True)
class Check:
    """One item's verdict: passed True/False, or None for a manual item still open."""

    key: str
    passed: bool | None
    reason: Text
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def automatic(self) -> bool:
        return self.key in AUTOMATIC

    def label(self, lang: str | None = None) -> str:
        return CHECK_LABELS[self.key].render(lang)

    def message(self, lang: str | None = None) -> str:
        params = {k: v.render(lang) if isinstance(v, Text) else v for k, v in self.params.items()}
        return self.reason.render(lang, **params)


@dataclass(frozen=True)
class ProviderFacts:
    """What the three parameters are computed from (as stored for the provider)."""

    licence_number: str | None = None
    licence_issued_on: date | None = None
    licence_expires_on: date | None = None
    operating_since: date | None = None
    active_modules: tuple[str, ...] = ()  # codes of offered modules active in the catalogue


def add_months(day: date, months: int) -> date:
    """`day` plus whole calendar months, the day clamped to the month's last day."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def licence_check(facts: ProviderFacts, on: date) -> Check:
    if not (facts.licence_number or "").strip():
        return Check(
            "licence",
            False,
            Text("Nomor izin / tanda daftar belum ada.", "No licence or registration number."),
        )
    if facts.licence_issued_on is not None and facts.licence_issued_on > on:
        return Check(
            "licence",
            False,
            Text("Izin baru terbit pada {day}.", "The licence was issued only on {day}."),
            {"day": _d(facts.licence_issued_on)},
        )
    expires = facts.licence_expires_on
    if expires is not None and expires < on:
        return Check(
            "licence",
            False,
            Text("Izin berakhir pada {day}.", "The licence expired on {day}."),
            {"day": _d(expires)},
        )
    if expires is None:
        return Check(
            "licence",
            True,
            Text("Izin {number} tanpa tanggal berakhir.", "Licence {number}, no expiry date."),
            {"number": facts.licence_number},
        )
    return Check(
        "licence",
        True,
        Text("Izin {number} berlaku sampai {day}.", "Licence {number} valid until {day}."),
        {"number": facts.licence_number, "day": _d(expires)},
    )


def operating_check(facts: ProviderFacts, on: date) -> Check:
    since = facts.operating_since
    if since is None:
        return Check(
            "operating_months",
            False,
            Text("Tanggal mulai beroperasi belum diisi.", "The date operations began is missing."),
        )
    reached = add_months(since, MIN_OPERATING_MONTHS)
    if reached > on:
        return Check(
            "operating_months",
            False,
            Text(
                "Beroperasi sejak {since}: enam bulan baru tercapai pada {day}.",
                "Operating since {since}: six months are reached only on {day}.",
            ),
            {"since": _d(since), "day": _d(reached)},
        )
    return Check(
        "operating_months",
        True,
        Text("Beroperasi sejak {since}.", "Operating since {since}."),
        {"since": _d(since)},
    )


def modules_check(facts: ProviderFacts) -> Check:
    count = len(set(facts.active_modules))
    params = {"count": count, "least": MIN_MODULES}
    if count < MIN_MODULES:
        return Check(
            "modules",
            False,
            Text(
                "Hanya {count} modul aktif; minimal {least}.",
                "Only {count} active modules; at least {least} needed.",
            ),
            params,
        )
    return Check("modules", True, Text("{count} modul aktif.", "{count} active modules."), params)


def automatic_checks(facts: ProviderFacts, on: date) -> list[Check]:
    """The agency's three parameters on date `on`, in the order of AUTOMATIC."""
    return [licence_check(facts, on), operating_check(facts, on), modules_check(facts)]


def manual_check(key: str, status: str | None, note: str | None = None) -> Check:
    """A manual item as marked: met, not met, or still open (None)."""
    if key not in MANUAL:
        raise ValueError(f"not a manual checklist item: {key}")
    marked = ItemStatus(status) if status else ItemStatus.OPEN
    passed = {ItemStatus.MET: True, ItemStatus.NOT_MET: False}.get(marked)
    text = ITEM_STATUS_LABELS[marked]
    if note:
        return Check(
            key,
            passed,
            Text("{status}: {note}", "{status}: {note}"),
            {"status": text, "note": note},
        )
    return Check(key, passed, text)


def decision_refusal(result: Result, checks: list[Check]) -> Text | None:
    """Why this decision may not be signed (None: it may): layak while an automatic check
    fails is refused, naming the failing checks."""
    if result is not Result.FIT:
        return None
    failing = [c for c in checks if c.automatic and c.passed is not True]
    if not failing:
        return None
    id_names = "; ".join(f"{CHECK_LABELS[c.key].id} ({c.message('id')})" for c in failing)
    en_names = "; ".join(f"{CHECK_LABELS[c.key].en} ({c.message('en')})" for c in failing)
    return Text(  # no placeholders: rendered as is, whatever the reasons contain
        "Tidak dapat diputuskan layak: " + id_names, "Cannot be decided fit: " + en_names
    )


def open_items(checks: list[Check]) -> list[str]:
    """Keys of manual items still open: named in a decision, never blocking it."""
    return [c.key for c in checks if not c.automatic and c.passed is None]


def default_recheck(assessed_on: date) -> date:
    return add_months(assessed_on, DEFAULT_RECHECK_MONTHS)


def expiring_soon(expires_on: date | None, today: date, days: int = EXPIRY_WARNING_DAYS) -> bool:
    """A licence or accreditation that ends within `days` days from today (today included;
    one already expired is not "expiring", it fails the check)."""
    return expires_on is not None and today <= expires_on <= today + timedelta(days=days)


@dataclass(frozen=True)
class Decision:
    result: Result
    assessed_on: date
    recheck_on: date


def fit_reasons(
    decision: Decision | None,
    facts: ProviderFacts,
    offered: tuple[str, ...],
    module_code: str,
    on: date,
) -> list[Text]:
    """Why a cohort of `module_code` may not start with this provider on `on` (empty: it
    may). `offered` is every module code the provider offers, active or not."""
    reasons: list[Text] = []
    if decision is None:
        reasons.append(
            Text("Belum ada keputusan kelayakan.", "No fitness decision has been made yet.")
        )
    elif decision.result is not Result.FIT:
        label = RESULT_LABELS[decision.result]
        reasons.append(Text(f"Keputusan terakhir: {label.id}.", f"Latest decision: {label.en}."))
    elif on > decision.recheck_on:
        reasons.append(
            Text(
                f"Penilaian harus diperbarui sejak {_d(decision.recheck_on)}.",
                f"The assessment was due for a re-check on {_d(decision.recheck_on)}.",
            )
        )
    for check in automatic_checks(facts, on):
        if not check.passed:
            reasons.append(Text(check.message("id"), check.message("en")))
    if module_code not in offered:
        reasons.append(
            Text(
                f"Modul {module_code} tidak ditawarkan lembaga ini.",
                f"Module {module_code} is not offered by this provider.",
            )
        )
    elif module_code not in facts.active_modules:
        reasons.append(
            Text(
                f"Modul {module_code} tidak aktif dalam katalog.",
                f"Module {module_code} is not active in the catalogue.",
            )
        )
    return reasons
