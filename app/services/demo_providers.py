"""Demo training providers: a dozen across the five areas, each case of the checklist shown.

Some pass everything and are decided layak; one has no licence number, one an expired
licence, one opened less than six months ago, one offers a single module, one counts an
inactive module, one's licence ends within 60 days, and one waits for its site visit.
Dates are relative to the demo's day, so the cases stay true whenever the demo is made.
Built through the same provider check as the form (app.domain.provider_fields).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from app.domain import provider_checks as rules
from app.domain.ids import stable_id
from app.domain.provider_fields import check_provider
from app.domain.roles import Role
from app.features import DemoRows
from app.models import ProviderCheck, ProviderDecision, ProviderModule, Staff, TrainingModule
from app.resources import regions
from app.services.providers import add_provider, facts_of
from app.services.uow import UnitOfWork


@dataclass(frozen=True)
class DemoProvider:
    name: str
    kind: str
    region: str
    address: str
    modules: tuple[str, ...]
    licence: str | None = "auto"
    licence_ends_in_days: int | None = 900
    opened_days_ago: int = 1500
    decision: str | None = "layak"  # or None: not decided yet
    marks: dict[str, str] = field(default_factory=dict)
    reason: str = "Memenuhi ketiga parameter; kunjungan lapangan baik."


ALL_MET = {k: "sesuai" for k in rules.MANUAL}

PROVIDERS = (
    DemoProvider(
        "BLK Jakarta Timur",
        "BLK",
        "31.75",
        "Jl. Raya Bekasi Km 18, Pulo Gadung",
        ("LAS", "FORKLIFT", "KONSTRUKSI"),
        marks=ALL_MET,
    ),
    DemoProvider(
        "LPK Digital Kreatif Nusantara",
        "LPK",
        "31.74",
        "Jl. TB Simatupang 12, Cilandak",
        ("DIG-PROG", "PERHOTELAN"),
        marks=ALL_MET,
    ),
    DemoProvider(
        "LPK Busana Mandiri",
        "LPK",
        "31.72",
        "Jl. Pluit Raya 5, Penjaringan",
        ("GARMEN",),
        decision="tidak_layak",
        marks={"facilities": "sesuai"},
        reason="Baru satu modul pelatihan.",
    ),
    DemoProvider(
        "BLK Kota Serang",
        "BLK",
        "36.73",
        "Jl. Ciwaru Raya 3, Cipocok Jaya",
        ("LAS", "KONSTRUKSI"),
        marks=ALL_MET,
    ),
    DemoProvider(
        "LPK Cilegon Teknik",
        "LPK",
        "36.72",
        "Jl. Sultan Ageng Tirtayasa 40",
        ("LAS", "FORKLIFT"),
        licence_ends_in_days=-20,
        decision=None,
    ),
    DemoProvider(
        "Pusat Pelatihan PT Krakatau Karya",
        "PERUSAHAAN",
        "36.72",
        "Kawasan Industri Krakatau, Cilegon",
        ("LAS", "FORKLIFT"),
        licence_ends_in_days=45,
        marks=ALL_MET,
    ),
    DemoProvider(
        "BLK Kabupaten Bekasi",
        "BLK",
        "32.16",
        "Jl. Raya Cikarang-Cibarusah 8",
        ("GARMEN", "FORKLIFT", "LAS"),
        marks=ALL_MET,
    ),
    DemoProvider(
        "LPK Bandung Kreatif",
        "LPK",
        "32.73",
        "Jl. Dipatiukur 80, Coblong",
        ("DIG-PROG", "JASA-KOM"),
        opened_days_ago=100,
        decision=None,
    ),
    DemoProvider(
        "LPK Garut Sejahtera",
        "LPK",
        "32.05",
        "Jl. Cimanuk 21, Tarogong Kidul",
        ("PERKEBUNAN", "JASA-KOM"),
        licence=None,
        decision=None,
    ),
    DemoProvider(
        "BLK Lombok Timur",
        "BLK",
        "52.03",
        "Jl. Raya Selong-Labuhan Haji",
        ("PERHOTELAN", "PERKEBUNAN"),
        decision="tindak_lanjut",
        marks={"facilities": "sesuai", "instructors": "tidak_sesuai"},
        reason="Instruktur perhotelan belum bersertifikat; periksa ulang.",
    ),
    DemoProvider(
        "LPK Senggigi Hospitality",
        "LPK",
        "52.01",
        "Jl. Raya Senggigi Km 8, Batu Layar",
        ("PERHOTELAN", "MEBEL"),
        decision=None,
        marks={"documents": "sesuai"},
    ),
    DemoProvider(
        "BLK Balikpapan",
        "BLK",
        "64.71",
        "Jl. Soekarno-Hatta Km 3, Balikpapan Utara",
        ("LAS", "FORKLIFT", "KONSTRUKSI"),
        marks=ALL_MET,
    ),
)


def _values(p: DemoProvider, today: date, n: int) -> dict[str, Any]:
    ends = today + timedelta(days=p.licence_ends_in_days) if p.licence_ends_in_days else None
    issued = (ends or today) - timedelta(days=365 * 3)
    return {
        "name": p.name,
        "provider_type": p.kind,
        "region_code": p.region,
        "address": p.address,
        "phone": f"021-55{n:02d}{n * 37 % 1000:03d}1",
        "contact_person": "Kepala " + p.name.split()[0],
        "licence_number": (f"{560 + n}/LPK/{issued.year}" if p.licence == "auto" else p.licence),
        "licence_issuer": "Dinas Tenaga Kerja setempat",
        "licence_issued_on": issued,
        "licence_expires_on": ends,
        "operating_since": today - timedelta(days=p.opened_days_ago),
        "accreditation_status": "terakreditasi" if n % 3 == 0 else "belum",
        "accreditation_grade": "B" if n % 3 == 0 else None,
        "accreditation_expires_on": today + timedelta(days=400) if n % 3 == 0 else None,
    }


def demo_providers(uow: UnitOfWork, rng: random.Random) -> DemoRows:
    """The providers feature's demo step (app.features.providers)."""
    today = uow.now.astimezone().date()
    session = uow.session
    supervisor = (
        session.scalar(select(Staff.username).where(Staff.role == Role.SUPERVISOR.value).limit(1))
        or uow.actor.username
    )
    # One module the catalogue retired: a provider still offering it counts one fewer.
    retired = TrainingModule(
        id=stable_id("training_module", "MEBEL"),
        code="MEBEL",
        name="Mebel Kayu (lama)",
        sector="Industri pengolahan",
        hours=160,
        active=False,
    )
    session.add(retired)
    decisions = 0
    for n, p in enumerate(PROVIDERS, start=1):
        checked = check_provider(
            _values(p, today, n), today, lambda c: regions().get(c) is not None
        )
        assert checked.ok, (p.name, [f.message() for f in checked.findings])
        provider = add_provider(session, checked.values, uow.actor)
        for code in p.modules:
            session.add(
                ProviderModule(
                    id=stable_id("provider_module", provider.id, code),
                    office_code=provider.office_code,
                    provider_id=provider.id,
                    module_code=code,
                    capacity=rng.choice((16, 20, 24, 30)),
                    instructors=json.dumps(
                        [{"name": f"Instruktur {code.title()}", "certification": "BNSP"}]
                    ),
                    offered=True,
                )
            )
        for key, status in p.marks.items():
            session.add(
                ProviderCheck(
                    id=stable_id("provider_check", provider.id, key),
                    office_code=provider.office_code,
                    provider_id=provider.id,
                    key=key,
                    status=status,
                    checked_by=supervisor,
                    checked_at=uow.now,
                    note="Diperiksa saat kunjungan" if status == "sesuai" else "Perlu perbaikan",
                )
            )
        session.flush()
        if p.decision is None:
            continue
        assessed = today - timedelta(days=30)
        automatic = rules.automatic_checks(facts_of(session, provider), assessed)
        assert rules.decision_refusal(rules.Result(p.decision), automatic) is None, p.name
        open_items = [k for k in rules.MANUAL if k not in p.marks]
        session.add(
            ProviderDecision(
                office_code=provider.office_code,
                provider_id=provider.id,
                result=p.decision,
                reason=p.reason,
                assessed_on=assessed,
                recheck_on=rules.default_recheck(assessed),
                checks=json.dumps(
                    [
                        {"key": c.key, "passed": c.passed, "reason": c.message("id")}
                        for c in automatic
                    ],
                    ensure_ascii=False,
                ),
                open_items=json.dumps(open_items),
                decided_by=supervisor,
                recorded_at=uow.now,
            )
        )
        decisions += 1
    return DemoRows(counts={"providers": len(PROVIDERS), "provider_decisions": decisions})
