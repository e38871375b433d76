"""The printed provider checklist: the assessment and the decision in force, gathered as
plain data for app.documents.checklist, always in Indonesian (it goes in the office file).

Printing changes nothing, so it needs no permission beyond being signed in; whoever prints
is named on the page.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app import formats
from app.db import Database
from app.documents.checklist import ChecklistDocument, ChecklistItem, build
from app.domain.offices import OFFICES_BY_CODE
from app.domain.provider_checks import (
    CHECK_LABELS,
    PROVIDER_TYPE_LABELS,
    RESULT_LABELS,
    ProviderType,
    Result,
)
from app.services.actor import Actor
from app.services.provider_assessment import assess
from app.services.provider_views import CheckRow
from app.services.providers import provider_detail, today_of

AUTOMATIC_RESULT = {True: "Memenuhi", False: "Tidak memenuhi"}
MANUAL_RESULT = {True: "Sesuai", False: "Tidak sesuai", None: "Belum diperiksa"}


def _result(check: CheckRow) -> str:
    if check.automatic:
        return AUTOMATIC_RESULT[bool(check.passed)]
    return MANUAL_RESULT[check.passed]


def _evidence(check: CheckRow) -> str:
    return "\n".join(f"{e.original_name} (SHA-256 {e.sha256[:12]}…)" for e in check.evidence) or "-"


def _explanation(check: CheckRow) -> str:
    """Automatic: the reason; manual: the note and who checked (the result has its column)."""
    if check.automatic:
        return check.message
    parts = [check.note or "", f"({check.checked_by})" if check.checked_by else ""]
    return " ".join(p for p in parts if p) or "-"


def _d(value: object) -> str:
    return formats.long_date(value, "id") if isinstance(value, date) else str(value or "-")


def checklist_pdf(
    db: Database, actor: Actor, provider_id: str, out: Path, on: date | None = None
) -> Path:
    """Write the provider's checklist on date `on` (default today) to `out`."""
    detail = provider_detail(db, provider_id)
    a = assess(db, provider_id, on, lang="id")
    v = detail.values
    row = detail.row
    office = OFFICES_BY_CODE.get(actor.office_code)
    office_name = office.name if office else actor.office_code
    provider = (
        ("Nama lembaga", row.name),
        ("Jenis", PROVIDER_TYPE_LABELS[ProviderType(row.provider_type)].render("id")),
        ("Alamat", " ".join(str(x) for x in (v["address"], row.region_name) if x)),
        ("Narahubung / telepon", " / ".join(
            str(x) for x in (v["contact_person"], formats.phone(str(v["phone"] or ""))) if x)),
        ("Izin / tanda daftar", " — ".join(
            str(x) for x in (v["licence_number"], v["licence_issuer"]) if x)),
        ("Berlaku sampai", _d(v["licence_expires_on"])),
        ("Beroperasi sejak", _d(v["operating_since"])),
        ("Modul yang ditawarkan", ", ".join(
            f"{o.module_code} ({o.module_name})" for o in detail.offers) or "-"),
    )  # fmt: skip
    items = tuple(
        ChecklistItem(
            number=i,
            label=c.label,
            kind="Otomatis" if c.automatic else "Manual",
            result=_result(c),
            explanation=_explanation(c),
            evidence=_evidence(c),
        )
        for i, c in enumerate(a.checks, start=1)
    )
    decision: tuple[tuple[str, str], ...] = ()
    decided_by = "................................"
    open_names = ", ".join(CHECK_LABELS[k].render("id") for k in a.open_items)
    if a.decision is not None:
        d = a.decision
        decided_by = d.decided_by
        decision = (
            ("Keputusan", RESULT_LABELS[Result(d.result)].render("id").upper()),
            ("Alasan", d.reason),
            ("Tanggal penilaian", _d(d.assessed_on)),
            ("Penilaian ulang paling lambat", _d(d.recheck_on)),
            ("Diputuskan oleh", d.decided_by),
        )
        if d.open_items:
            decision += (
                ("Terbuka saat diputuskan", ", ".join(
                    CHECK_LABELS[k].render("id") for k in d.open_items)),
            )  # fmt: skip
    checked = sorted({c.checked_by for c in a.checks if c.checked_by})
    now = db.clock()
    doc = ChecklistDocument(
        office_line=f"BPJS Ketenagakerjaan — Kantor Cabang {office_name}",
        provider=provider,
        assessed_on=formats.long_date(a.on, "id"),
        items=items,
        decision=decision,
        open_items=open_names,
        checked_by=", ".join(checked) or "................................",
        decided_by=decided_by,
        place_and_date=f"{office_name}, {formats.long_date(today_of(db), 'id')}",
        printed=f"Dicetak {formats.datetime_text(now)} oleh {actor.username} — Loket Vokasi",
    )
    return build(doc, out)
