"""The module catalogue: list it, and (supervisor) add, edit, deactivate or reactivate.

A module's id comes from its code (app.domain.ids.stable_id), so the same code added at two
offices offline is one module after sync; the code never changes once saved (files, the
CLI and providers' offers name modules by it). Deactivating keeps the module for what
already refers to it but drops it from new picks and from the providers' module count.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.domain.findings import Finding, error, has_errors
from app.domain.ids import stable_id
from app.domain.intake import REQUIRED
from app.domain.modules import code_findings, find_module, hours_findings, normalise_code
from app.domain.roles import Permission
from app.domain.safe_text import first_control_char, looks_like_formula
from app.errors import NotFound, ValidationError
from app.models import TrainingModule
from app.services.access import require
from app.services.actor import Actor
from app.services.provider_views import ModuleRow
from app.services.uow import unit_of_work
from app.texts import Text

CODE_TAKEN = Text("Kode {code} sudah dipakai modul lain.", "Code {code} is already used.")
UNKNOWN_MODULE = Text("Modul tidak dikenal: {name}.", "Unknown module: {name}.")
UNKNOWN_CHOICE = Text(
    "Pilihan pelatihan tidak ada di katalog modul: {name}. Pakai kode atau nama modul aktif "
    "(lihat halaman Modul).",
    "The training choice is not in the module catalogue: {name}. Use the code or name of an "
    "active module (see the Modules page).",
)
CHOICES = (
    ("training_choice_1", "pilihan_pelatihan_1"),
    ("training_choice_2", "pilihan_pelatihan_2"),
)
UNSAFE = Text(
    "Berisi karakter tak terlihat atau tampak seperti rumus Excel.",
    "Contains an invisible character or looks like an Excel formula.",
)


def row_of(m: TrainingModule) -> ModuleRow:
    return ModuleRow(m.id, m.code, m.name, m.sector, m.hours, m.description, m.active)


def list_modules(db: Database, *, active_only: bool = False) -> list[ModuleRow]:
    with db.read() as session:
        stmt = select(TrainingModule).where(TrainingModule.deleted_at.is_(None))
        if active_only:
            stmt = stmt.where(TrainingModule.active.is_(True))
        return [row_of(m) for m in session.scalars(stmt.order_by(TrainingModule.name))]


def module_pairs(session: Session) -> list[tuple[str, str]]:
    """(code, name) of every live module: what `find_module` matches a typed name against."""
    rows = session.execute(
        select(TrainingModule.code, TrainingModule.name).where(TrainingModule.deleted_at.is_(None))
    )
    return [(str(code), str(name)) for code, name in rows]


def choose_modules(
    session: Session, values: dict[str, Any], keep: frozenset[str] = frozenset()
) -> list[Finding]:
    """A participant's two training choices as module codes (issue #9): a code or the name
    of an active module is stored as its code; a value in `keep` (what the record already
    held, typed before the catalogue existed) stays as it was; anything else is an error
    at its field. `values` are check_intake's, changed in place."""
    active = [
        (str(code), str(name))
        for code, name in session.execute(
            select(TrainingModule.code, TrainingModule.name).where(
                TrainingModule.deleted_at.is_(None), TrainingModule.active.is_(True)
            )
        )
    ]
    found: list[Finding] = []
    for key, field in CHOICES:
        text = values.get(key)
        if not text or text in keep:
            continue
        code = find_module(str(text), active)
        if code is None:
            found.append(error(field, UNKNOWN_CHOICE, name=text))
        else:
            values[key] = code
    return found


def resolve_module(session: Session, text: str) -> str:
    """The code of the module `text` names (code or name); ValidationError otherwise."""
    code = find_module(text, module_pairs(session))
    if code is None:
        raise ValidationError(UNKNOWN_MODULE, field="module", name=text)
    return code


def _check(values: dict[str, Any]) -> tuple[dict[str, Any], list[Finding]]:
    findings: list[Finding] = []
    clean: dict[str, Any] = {}
    for key in ("name", "sector", "description"):
        raw = values.get(key)
        text = " ".join(str(raw).split()) if raw is not None else ""
        if raw is not None and (first_control_char(str(raw)) or looks_like_formula(str(raw))):
            findings.append(error(key, UNSAFE))
        clean[key] = text or None
    if not clean["name"]:
        findings.append(error("name", REQUIRED))
    try:
        hours = int(values["hours"]) if values.get("hours") not in (None, "") else None
    except (TypeError, ValueError):
        hours = None
    findings += hours_findings(hours)
    clean["hours"] = hours
    return clean, findings


def add_module(db: Database, actor: Actor, values: dict[str, Any]) -> ModuleRow:
    """A new module (supervisor). Raises ValidationError naming the first bad field."""
    require(db, actor, Permission.MODULE_MANAGE)
    code = normalise_code(str(values.get("code") or ""))
    clean, findings = _check(values)
    findings = code_findings(code) + findings
    raise_first_error(findings)
    with unit_of_work(db, actor) as uow:
        if uow.session.scalar(select(TrainingModule.id).where(TrainingModule.code == code)):
            raise ValidationError(CODE_TAKEN, field="code", code=code)
        module = TrainingModule(id=stable_id("training_module", code), code=code, active=True)
        for key, value in clean.items():
            setattr(module, key, value)
        uow.session.add(module)
        uow.session.flush()
        uow.audit("module.add", "training_module", module.id, code=code)
        return row_of(module)


def update_module(db: Database, actor: Actor, code: str, values: dict[str, Any]) -> ModuleRow:
    """Edit name, sector, hours and description (supervisor); the code stays."""
    require(db, actor, Permission.MODULE_MANAGE)
    clean, findings = _check(values)
    raise_first_error(findings)
    with unit_of_work(db, actor) as uow:
        module = _load(uow.session, code)
        changed = {k: v for k, v in clean.items() if getattr(module, k) != v}
        for key, value in changed.items():
            setattr(module, key, value)
        if changed:
            uow.audit("module.update", "training_module", module.id, fields=sorted(changed))
        return row_of(module)


def set_module_active(db: Database, actor: Actor, code: str, active: bool) -> ModuleRow:
    """Deactivate (or reactivate) a module (supervisor)."""
    require(db, actor, Permission.MODULE_MANAGE)
    with unit_of_work(db, actor) as uow:
        module = _load(uow.session, code)
        if module.active != active:
            module.active = active
            action = "module.activate" if active else "module.deactivate"
            uow.audit(action, "training_module", module.id, code=module.code)
        return row_of(module)


def _load(session: Session, code: str) -> TrainingModule:
    module = session.scalar(
        select(TrainingModule).where(
            TrainingModule.code == normalise_code(code), TrainingModule.deleted_at.is_(None)
        )
    )
    if module is None:
        raise NotFound(UNKNOWN_MODULE, field="code", name=code)
    return module


def raise_first_error(findings: list[Finding]) -> None:
    """A form checked as a whole is refused at its first error's field (the window puts the
    sentence there); warnings do not stop it."""
    if has_errors(findings):
        first = next(f for f in findings if f.severity.value == "error")
        raise ValidationError(first.text, field=first.field, **first.params)
