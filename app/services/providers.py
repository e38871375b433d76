"""The provider registry: register, edit, the modules each offers, find and list.

Providers are shared by every office (scope `shared`, app.protocol.entities): edited at any
office, merged field by field like participants. A provider's offered module has the id
stable_id("provider_module", provider, code), so the same offer recorded at two counters is
one row; withdrawing an offer keeps the row with `offered` false, so its history stays.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.domain import provider_checks as rules
from app.domain.findings import Finding
from app.domain.ids import stable_id
from app.domain.provider_fields import check_provider
from app.domain.roles import Permission
from app.errors import NotFound, ValidationError
from app.models import ProviderDecision, ProviderModule, TrainingModule, TrainingProvider
from app.resources import regions
from app.services.access import require
from app.services.actor import Actor
from app.services.modules import raise_first_error, resolve_module
from app.services.provider_views import Instructor, Offer, ProviderDetail, ProviderRow
from app.services.uow import unit_of_work
from app.texts import Text

NO_PROVIDER = Text("Lembaga tidak ditemukan: {name}.", "Provider not found: {name}.")
AMBIGUOUS = Text(
    "Ada {n} lembaga bernama {name}; sebut dengan ID-nya.",
    "{n} providers are named {name}; give its id.",
)
BAD_CAPACITY = Text("Kapasitas per angkatan 1–500 orang.", "Capacity per cohort: 1–500 people.")
MAX_CAPACITY = 500
EDITABLE = (
    "provider_type",
    "name",
    "name_key",
    "address",
    "region_code",
    "contact_person",
    "phone",
    "email",
    "npwp",
    "licence_number",
    "licence_issuer",
    "licence_issued_on",
    "licence_expires_on",
    "operating_since",
    "accreditation_status",
    "accreditation_grade",
    "accreditation_expires_on",
    "partner_lsp",
    "bank_name",
    "bank_account",
    "bank_account_holder",
)


def today_of(db: Database) -> date:
    return db.clock().astimezone().date()


def _region_known(code: str) -> bool:
    return regions().get(code) is not None


def check_values(db: Database, values: dict[str, Any]) -> tuple[dict[str, Any], list[Finding]]:
    """The form's or a row's values checked: (clean values, findings)."""
    res = check_provider(values, today_of(db), _region_known)
    return res.values, res.findings


def add_provider(session: Session, clean: dict[str, Any], actor: Actor) -> TrainingProvider:
    """Add a checked provider inside the caller's unit of work (the import adds many)."""
    provider = TrainingProvider(registered_by=actor.username)
    for key in EDITABLE:
        setattr(provider, key, clean.get(key))
    session.add(provider)
    session.flush()
    return provider


def register_provider(db: Database, actor: Actor, values: dict[str, Any]) -> ProviderRow:
    require(db, actor, Permission.PROVIDER_EDIT)
    clean, findings = check_values(db, values)
    raise_first_error(findings)
    with unit_of_work(db, actor) as uow:
        provider = add_provider(uow.session, clean, actor)
        uow.audit("provider.register", "training_provider", provider.id, name=provider.name)
        return provider_row(uow.session, provider, today_of(db))


def update_provider(
    db: Database, actor: Actor, provider_id: str, values: dict[str, Any]
) -> ProviderRow:
    """Save the form over the stored provider; only fields that changed are written."""
    require(db, actor, Permission.PROVIDER_EDIT)
    clean, findings = check_values(db, values)
    raise_first_error(findings)
    with unit_of_work(db, actor) as uow:
        provider = load_provider(uow.session, provider_id)
        changed = sorted(k for k in EDITABLE if getattr(provider, k) != clean.get(k))
        for key in changed:
            setattr(provider, key, clean.get(key))
        if changed:
            uow.audit("provider.update", "training_provider", provider.id, fields=changed)
        return provider_row(uow.session, provider, today_of(db))


def set_offers(db: Database, actor: Actor, provider_id: str, offers: list[Offer]) -> ProviderRow:
    """The modules the provider offers, as a whole list: offers not in it are withdrawn."""
    require(db, actor, Permission.PROVIDER_EDIT)
    for offer in offers:
        if offer.capacity is not None and not 1 <= offer.capacity <= MAX_CAPACITY:
            raise ValidationError(BAD_CAPACITY, field="capacity")
    with unit_of_work(db, actor) as uow:
        provider = load_provider(uow.session, provider_id)
        wanted = {resolve_module(uow.session, o.module_code): o for o in offers}
        existing = {
            m.module_code: m
            for m in uow.session.scalars(
                select(ProviderModule).where(ProviderModule.provider_id == provider.id)
            )
        }
        changed: list[str] = []
        for code, offer in wanted.items():
            instructors = json.dumps(
                [asdict(i) for i in offer.instructors], ensure_ascii=False, sort_keys=True
            )
            row = existing.get(code)
            if row is None:
                row = ProviderModule(
                    id=stable_id("provider_module", provider.id, code),
                    office_code=provider.office_code,
                    provider_id=provider.id,
                    module_code=code,
                )
                uow.session.add(row)
            new = {"capacity": offer.capacity, "instructors": instructors, "offered": True}
            if any(getattr(row, k, None) != v for k, v in new.items()):
                for key, value in new.items():
                    setattr(row, key, value)
                changed.append(code)
        for code, row in existing.items():
            if code not in wanted and row.offered:
                row.offered = False
                changed.append(code)
        if changed:
            uow.audit("provider.offers", "training_provider", provider.id, modules=sorted(changed))
        return provider_row(uow.session, provider, today_of(db))


def load_provider(session: Session, provider_id: str) -> TrainingProvider:
    provider = session.get(TrainingProvider, provider_id)
    if provider is None or provider.deleted_at is not None:
        raise NotFound(NO_PROVIDER, name=provider_id)
    return provider


def find_provider_id(db: Database, name_or_id: str) -> str:
    """A provider by its id or by its name (case and spacing ignored)."""
    from app.domain.names import name_key

    with db.read() as session:
        if session.get(TrainingProvider, name_or_id.strip()) is not None:
            return name_or_id.strip()
        ids = list(
            session.scalars(
                select(TrainingProvider.id).where(
                    TrainingProvider.name_key == name_key(name_or_id),
                    TrainingProvider.deleted_at.is_(None),
                )
            )
        )
    if not ids:
        raise NotFound(NO_PROVIDER, name=name_or_id)
    if len(ids) > 1:
        raise ValidationError(AMBIGUOUS, n=len(ids), name=name_or_id)
    return ids[0]


def offers_of(session: Session, provider_id: str) -> list[Offer]:
    rows = session.execute(
        select(ProviderModule, TrainingModule)
        .join(TrainingModule, TrainingModule.code == ProviderModule.module_code, isouter=True)
        .where(ProviderModule.provider_id == provider_id, ProviderModule.offered.is_(True))
        .order_by(ProviderModule.module_code)
    )
    offers = []
    for pm, module in rows:
        people = tuple(
            Instructor(str(i.get("name", "")), i.get("certification"))
            for i in json.loads(pm.instructors or "[]")
        )
        offers.append(
            Offer(
                pm.module_code,
                pm.capacity,
                people,
                module.name if module else pm.module_code,
                bool(module and module.active and module.deleted_at is None),
            )
        )
    return offers


def facts_of(session: Session, provider: TrainingProvider) -> rules.ProviderFacts:
    active = tuple(o.module_code for o in offers_of(session, provider.id) if o.module_active)
    return rules.ProviderFacts(
        licence_number=provider.licence_number,
        licence_issued_on=provider.licence_issued_on,
        licence_expires_on=provider.licence_expires_on,
        operating_since=provider.operating_since,
        active_modules=active,
    )


def decision_in_force(session: Session, provider_id: str) -> ProviderDecision | None:
    """The latest decision by assessment date (then by when it was recorded)."""
    return session.scalar(
        select(ProviderDecision)
        .where(ProviderDecision.provider_id == provider_id, ProviderDecision.deleted_at.is_(None))
        .order_by(
            ProviderDecision.assessed_on.desc(),
            ProviderDecision.recorded_at.desc(),
            ProviderDecision.id.desc(),
        )
        .limit(1)
    )


def provider_row(session: Session, p: TrainingProvider, today: date) -> ProviderRow:
    """The list's line for a provider: its decision in force and whether it expires soon."""
    return provider_rows(session, [p], today)[0]


def provider_rows(
    session: Session, providers: list[TrainingProvider], today: date
) -> list[ProviderRow]:
    """The lines of many providers in three queries, not three per provider: a list of
    1,000 providers took 0.7 s to refresh on every search keystroke that way."""
    ids = [p.id for p in providers]
    decisions: dict[str, ProviderDecision] = {}
    for d in session.scalars(
        select(ProviderDecision)
        .where(ProviderDecision.provider_id.in_(ids), ProviderDecision.deleted_at.is_(None))
        .order_by(
            ProviderDecision.assessed_on.desc(),
            ProviderDecision.recorded_at.desc(),
            ProviderDecision.id.desc(),
        )
    ):
        decisions.setdefault(d.provider_id, d)  # the first is the one in force
    active: dict[str, set[str]] = {}
    for provider_id, code in session.execute(
        select(ProviderModule.provider_id, ProviderModule.module_code)
        .join(TrainingModule, TrainingModule.code == ProviderModule.module_code)
        .where(
            ProviderModule.provider_id.in_(ids),
            ProviderModule.offered.is_(True),
            TrainingModule.active.is_(True),
            TrainingModule.deleted_at.is_(None),
        )
    ):
        active.setdefault(provider_id, set()).add(code)
    rows = []
    for p in providers:
        decision = decisions.get(p.id)
        region = regions().get(p.region_code) if p.region_code else None
        rows.append(
            ProviderRow(
                id=p.id,
                name=p.name,
                provider_type=p.provider_type,
                region_code=p.region_code,
                region_name=region.name if region else None,
                office_code=p.office_code,
                licence_number=p.licence_number,
                licence_expires_on=p.licence_expires_on,
                accreditation_expires_on=p.accreditation_expires_on,
                active_modules=len(active.get(p.id, ())),
                result=decision.result if decision else None,
                recheck_on=decision.recheck_on if decision else None,
                expiring=rules.expiring_soon(p.licence_expires_on, today)
                or rules.expiring_soon(p.accreditation_expires_on, today),
            )
        )
    return rows


def list_providers(
    db: Database,
    *,
    text: str = "",
    provider_type: str | None = None,
    region: str | None = None,
    result: str | None = None,
    expiring_only: bool = False,
) -> list[ProviderRow]:
    """Providers by name, filtered: type, region (a province or regency code matches every
    region under it), decision in force (`none` = never decided), expiring within 60 days."""
    from app.domain.names import name_key
    from app.domain.regions import dotted_code

    today = today_of(db)
    wanted = name_key(text) if text.strip() else ""
    prefix = dotted_code(region) if region else ""
    with db.read() as session:
        stmt = select(TrainingProvider).where(TrainingProvider.deleted_at.is_(None))
        if provider_type:
            stmt = stmt.where(TrainingProvider.provider_type == provider_type)
        found = [
            p
            for p in session.scalars(stmt.order_by(TrainingProvider.name_key))
            if (not wanted or wanted in p.name_key)
            and (
                not prefix
                or (p.region_code or "") == prefix
                or (p.region_code or "").startswith(prefix + ".")
            )
        ]
        rows = provider_rows(session, found, today)
    if result:
        rows = [r for r in rows if (r.result or "none") == result]
    if expiring_only:
        rows = [r for r in rows if r.expiring]
    return rows


def provider_detail(db: Database, provider_id: str) -> ProviderDetail:
    with db.read() as session:
        p = load_provider(session, provider_id)
        values = {k: getattr(p, k) for k in EDITABLE}
        return ProviderDetail(
            provider_row(session, p, today_of(db)), values, tuple(offers_of(session, p.id))
        )
