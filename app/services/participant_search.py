"""Finding participants: search-as-you-type over name, NIK, KPJ and phone, with filters.

Names go through the FTS5 index (`participant_fts`): every word typed is a prefix, matched
against the name as written and against its folded key (so "muh" finds Muhammad and
Mochammad). Digits go to the NIK, KPJ and phone B-tree indexes as prefixes. Pages are plain
LIMIT/OFFSET so the window's lazy model can fetch as the list scrolls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select, text

from app.db import Database
from app.domain.names import name_key
from app.models import Participant
from app.services.participant_views import ParticipantRow, row_of

SORTS = {
    "name": Participant.full_name,
    "registered": Participant.registered_at,
    "birth_date": Participant.birth_date,
    "status": Participant.status,
}


@dataclass(frozen=True)
class ParticipantQuery:
    text: str = ""
    status: str | None = None
    office_code: str | None = None
    region_prefix: str | None = None  # "31" or "31.71"
    training_choice: str | None = None
    sort: str = "name"
    descending: bool = False


def _fts_expression(words: list[str]) -> str:
    parts = []
    for word in words:
        plain = re.sub(r"[^a-z0-9]", "", word.lower())
        folded = name_key(word).replace(" ", "")
        if not plain:
            continue
        alternatives = [f'full_name:"{plain}"*']
        if folded and folded != plain:
            alternatives.append(f'name_key:"{folded}"*')
        parts.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(parts)


def _filtered(query: ParticipantQuery) -> Select[Participant]:
    stmt = select(Participant).where(Participant.deleted_at.is_(None))
    raw = query.text.strip()
    digits = re.sub(r"[\s\-.()+]", "", raw)
    if digits.isdigit() and len(digits) >= 3:
        phone = "+62" + digits[1:] if digits.startswith("0") else "+" + digits
        stmt = stmt.where(
            or_(
                Participant.nik.startswith(digits, autoescape=True),
                Participant.kpj.startswith(digits, autoescape=True),
                Participant.phone.startswith(phone, autoescape=True),
            )
        )
    elif raw:
        expression = _fts_expression(raw.split())
        if expression:
            stmt = stmt.where(
                text(
                    "participant.rowid IN (SELECT rowid FROM participant_fts "
                    "WHERE participant_fts MATCH :fts)"
                ).bindparams(fts=expression)
            )
    if query.status:
        stmt = stmt.where(Participant.status == query.status)
    if query.office_code:
        stmt = stmt.where(Participant.office_code == query.office_code)
    if query.region_prefix:
        stmt = stmt.where(Participant.region_code.startswith(query.region_prefix, autoescape=True))
    if query.training_choice:
        stmt = stmt.where(
            or_(
                Participant.training_choice_1 == query.training_choice,
                Participant.training_choice_2 == query.training_choice,
            )
        )
    return stmt


def search(
    db: Database, query: ParticipantQuery, *, offset: int = 0, limit: int = 100
) -> list[ParticipantRow]:
    column = SORTS.get(query.sort, Participant.full_name)
    order = (column.desc(), Participant.id.desc()) if query.descending else (column, Participant.id)
    stmt = _filtered(query).order_by(*order).offset(offset).limit(limit)
    with db.read() as session:
        return [row_of(p) for p in session.scalars(stmt)]


def count(db: Database, query: ParticipantQuery) -> int:
    stmt = select(func.count()).select_from(_filtered(query).subquery())
    with db.read() as session:
        return int(session.scalar(stmt) or 0)
