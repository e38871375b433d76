"""The supervisor's review lists (app.services.sync_review) as plain rows for the Sinkronisasi page.

The server answers with JSON dicts; the page wants fixed fields, and personal numbers masked
the way every other list masks them (a NIK or account number is shown in full only through
an audited reveal). Needs the network, like app.services.sync_review.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.db import Database
from app.domain.masks import mask_account
from app.domain.nik import mask_nik
from app.domain.offices import OFFICES_BY_CODE
from app.services import sync_review as review

MASKED_FIELDS = frozenset({"nik", "bank_account"})


@dataclass(frozen=True)
class ConflictItem:
    """One field changed on two sides, waiting for a supervisor."""

    id: int
    entity: str
    entity_id: str
    label: str  # the participant's name (or the record id when the server has none)
    field: str  # stored attribute name, e.g. "phone"
    server_value: Any  # JSON value; NIK and account numbers masked
    device_value: Any
    supervised: bool  # True: a NIK / account change, always reviewed; False: a real clash
    office_code: str
    created_at: str  # ISO 8601, as the server sent it
    # Why it is a conflict: supervised_field, same_field, or locked (a mark made at another
    # counter after a supervisor approved the day, app.protocol.entities.LockRule).
    reason: str = "same_field"


@dataclass(frozen=True)
class DuplicateItem:
    """The same NIK registered at two offices (or twice at one), for a supervisor to check."""

    id: int
    nik_masked: str
    name_a: str
    office_a: str  # office name, e.g. "DKI Jakarta (JKT)"
    name_b: str
    office_b: str
    created_at: str


def _mask(field: str, value: Any) -> Any:
    if field not in MASKED_FIELDS or not isinstance(value, str):
        return value
    return mask_nik(value) if field == "nik" else mask_account(value)


def _office(code: str) -> str:
    info = OFFICES_BY_CODE.get(code)
    return f"{info.name} ({code})" if info else code


def conflict_items(db: Database) -> list[ConflictItem]:
    """Open conflicts of this office, oldest first (raises StateError when offline)."""
    return [
        ConflictItem(
            id=int(c["id"]),
            entity=str(c["entity"]),
            entity_id=str(c["entity_id"]),
            label=str(c.get("label") or c["entity_id"]),
            field=str(c["field"]),
            server_value=_mask(c["field"], c.get("server_value")),
            device_value=_mask(c["field"], c.get("device_value")),
            supervised=c.get("reason") == "supervised_field",
            reason=str(c.get("reason") or "same_field"),
            office_code=str(c.get("office_code") or ""),
            created_at=str(c.get("created_at") or ""),
        )
        for c in review.conflicts(db)
    ]


def duplicate_items(db: Database) -> list[DuplicateItem]:
    """Open same-NIK flags that involve this office (raises StateError when offline)."""
    return [
        DuplicateItem(
            id=int(d["id"]),
            nik_masked=str(d["nik_masked"]),
            name_a=str(d["a"].get("name") or ""),
            office_a=_office(str(d["a"]["office"])),
            name_b=str(d["b"].get("name") or ""),
            office_b=_office(str(d["b"]["office"])),
            created_at=str(d.get("created_at") or ""),
        )
        for d in review.duplicates(db)
    ]
