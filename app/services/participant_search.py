"""Finding participants: search-as-you-type over name, NIK, KPJ and phone, with filters.

Names go through the FTS5 index (`participant_fts`): every word typed is a prefix, matched
against the name as written and against its folded key (so "muh" finds Muhammad and
Mochammad). Digits go to the NIK, KPJ and phone B-tree indexes as prefixes, written as ranges
(`nik >= '3205' AND nik < '3206'`), which SQLite serves from the index (a LIKE pattern built
from a parameter it would not: it read the whole table). Four digits may also be the end of
a NIK, which is what a masked NIK shows (`3171********0001`): they are looked up in the index
on `substr(nik, -4)` too; a masked NIK typed or pasted as the list shows it is matched by
its visible start and end. Pages are plain LIMIT/OFFSET so the
window's lazy model can fetch as the list scrolls.

Speed at a million participants (bench/participants.py, docs/benchmarks.md):

- No text: a page walks a partial index of live rows in the list's order (migration 0004),
  so it reads its own rows and no others; the count of all participants is the table's
  count minus the tombstones. Names sort by `name_key`: case, titles and the spellings of
  Muhammad do not move a name (an import in capitals sorts among the rest).
- Text: two letters match a hundred thousand people, and fetching all of them to sort them
  takes a third of a second. So a text looks at its newest MATCH_CAP (2,000) matches only,
  then filters and sorts those. That is exact whenever the text matches at most 2,000
  participants (at a million: 9 in 10 two-word texts, any NIK prefix of six digits or more);
  beyond that (a single short word, mostly) the list holds the newest 2,000 matches in the
  chosen order, which a clerk narrows by typing on. `count()` counts what `search()` pages
  through, so for a text it is at most MATCH_CAP; `truncated()` tells the list there were
  more, so it can ask for more letters instead of showing a total it does not have.
- Filters given with a text cannot use their indexes (`_column`), so the matches drive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, TextClause, func, literal_column, or_, select, text

from app.db import Database
from app.domain.names import name_key
from app.domain.nik import mask_nik
from app.models import Participant
from app.services.participant_views import ParticipantRow

MATCH_CAP = 2000

# What a list row shows (ParticipantRow; participant_views.row_of makes one from an ORM object)
_ROW_COLUMNS = (
    Participant.id,
    Participant.full_name,
    Participant.nik,
    Participant.birth_date,
    Participant.sex,
    Participant.phone,
    Participant.kpj,
    Participant.office_code,
    Participant.region_code,
    Participant.status,
    Participant.training_choice_1,
    Participant.eligibility_status,
    Participant.registered_at,
)

SORTS: dict[str, tuple[Any, ...]] = {
    "name": (Participant.name_key, Participant.id),
    "registered": (Participant.registered_at, Participant.id),
    "birth_date": (Participant.birth_date, Participant.id),
    "status": (Participant.status, Participant.name_key, Participant.id),
}

_NUMBER_MATCHES = (
    "SELECT rowid FROM participant WHERE nik >= :digits AND nik < :digits_end "
    "OR kpj >= :digits AND kpj < :digits_end OR phone >= :phone AND phone < :phone_end "
    "ORDER BY +rowid DESC LIMIT :cap"  # "+": sort what the three indexes found, never scan
)
# The last four digits of a NIK, as a masked NIK shows them (`3171********0001`), from the
# index on `substr(nik, -4)` (migration 0007), newest first, stopping at the cap: most
# serials are 0001, so "0001" alone matches half the office.
_NIK_TAIL = (
    "SELECT rowid FROM participant WHERE substr(nik, -4) = :tail "
    "ORDER BY rowid DESC LIMIT :cap"
)
# A masked NIK with its first digits: the NIK index's range, the tail checked on each entry
# ("+": not from the tail index, whose half-an-office of 0001s would be read one by one).
_MASKED_NIK = (
    "SELECT rowid FROM participant WHERE nik >= :digits AND nik < :digits_end "
    "AND +substr(nik, -4) = :tail ORDER BY +rowid DESC LIMIT :cap"
)
_NIK_PREFIX = (
    "SELECT rowid FROM participant WHERE nik >= :digits AND nik < :digits_end "
    "ORDER BY +rowid DESC LIMIT :cap"
)
# Four digits are a NIK, KPJ or phone start, or a NIK's end: the newest of each, together.
_FOUR_DIGITS = (
    f"SELECT * FROM ({_NUMBER_MATCHES}) UNION SELECT * FROM ({_NIK_TAIL}) "
    "ORDER BY 1 DESC LIMIT :cap"
)
_MASKED = re.compile(r"^(\d*)\*+(\d{4})?$")
_NAME_MATCHES = (
    "SELECT rowid FROM participant_fts WHERE participant_fts MATCH :fts "
    "ORDER BY rowid DESC LIMIT :cap"
)


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


def _after(prefix: str) -> str:
    """The first text past every text that starts with `prefix` (the end of a range)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _matches(raw: str) -> tuple[str, dict[str, str]] | None:
    """SQL of the rowids of the newest `:cap` participants the typed text matches, with its
    parameters (all but `cap`), or None when the text asks for nothing."""
    raw = raw.strip()
    digits = re.sub(r"[\s\-.()+]", "", raw)
    masked = _MASKED.match(digits)
    if masked and (masked[1] or masked[2]):
        return _masked(masked[1], masked[2])
    if digits.isdigit() and len(digits) >= 3:
        phone = "+62" + digits[1:] if digits.startswith("0") else "+" + digits
        params = {
            "digits": digits,
            "digits_end": _after(digits),
            "phone": phone,
            "phone_end": _after(phone),
        }
        if len(digits) == 4:
            return _FOUR_DIGITS, {**params, "tail": digits}
        return _NUMBER_MATCHES, params
    expression = _fts_expression(raw.split()) if raw else ""
    if expression:
        return _NAME_MATCHES, {"fts": expression}
    return None


def _masked(prefix: str, tail: str | None) -> tuple[str, dict[str, str]]:
    """A NIK typed or pasted as a list shows it: `3171********0001`, `*0001`, `3171*`."""
    if not tail:
        return _NIK_PREFIX, {"digits": prefix, "digits_end": _after(prefix)}
    if not prefix:
        return _NIK_TAIL, {"tail": tail}
    return _MASKED_NIK, {"digits": prefix, "digits_end": _after(prefix), "tail": tail}


def _column(name: str, indexable: bool) -> ColumnElement[Any]:
    """participant.<name>, or `+participant.<name>`, which SQLite will not look up in an
    index. With a text, its matches (at most MATCH_CAP) must drive the query: an index on a
    filter would lead SQLite astray, walking every registered participant in name order to
    find the thousand called Budi."""
    column = Participant.__table__.c[name]
    return column if indexable else literal_column(f"+participant.{name}", column.type)


def _conditions(query: ParticipantQuery) -> list[ColumnElement[bool] | TextClause]:
    conditions: list[ColumnElement[bool] | TextClause] = [Participant.deleted_at.is_(None)]
    matches = _matches(query.text)
    if matches is not None:
        sql, params = matches
        conditions.append(text(f"participant.rowid IN ({sql})").bindparams(**params, cap=MATCH_CAP))
    indexable = matches is None
    if query.status:
        conditions.append(_column("status", indexable) == query.status)
    if query.office_code:
        conditions.append(_column("office_code", indexable) == query.office_code)
    if query.region_prefix:
        region = _column("region_code", indexable)
        conditions += [region >= query.region_prefix, region < _after(query.region_prefix)]
    if query.training_choice:
        conditions.append(
            or_(
                _column("training_choice_1", indexable) == query.training_choice,
                _column("training_choice_2", indexable) == query.training_choice,
            )
        )
    return conditions


def search(
    db: Database, query: ParticipantQuery, *, offset: int = 0, limit: int = 100
) -> list[ParticipantRow]:
    """One page of the list. Reads only the columns a row shows (as plain rows, not ORM
    objects: a third of the time for a page of 200)."""
    columns = SORTS.get(query.sort, SORTS["name"])
    order = [c.desc() for c in columns] if query.descending else list(columns)
    stmt = (
        select(*_ROW_COLUMNS)
        .where(*_conditions(query))
        .order_by(*order)
        .offset(offset)
        .limit(limit)
    )
    with db.read() as session:
        return [_row(r) for r in session.execute(stmt)]


def _row(r: Any) -> ParticipantRow:  # a Row of _ROW_COLUMNS
    return ParticipantRow(
        r.id,
        r.full_name,
        mask_nik(r.nik),
        r.birth_date,
        r.sex,
        r.phone,
        r.kpj,
        r.office_code,
        r.region_code,
        r.status,
        r.training_choice_1,
        r.eligibility_status,
        r.registered_at,
    )


def count(db: Database, query: ParticipantQuery) -> int:
    """How many rows `search` pages through: for a text, at most MATCH_CAP (see above)."""
    with db.read() as session:
        conditions = _conditions(query)
        if len(conditions) == 1:  # everyone: the table's count (fast) less the tombstones
            total = session.scalar(select(func.count()).select_from(Participant)) or 0
            gone = session.scalar(
                select(func.count())
                .select_from(Participant)
                .where(Participant.deleted_at.is_not(None))
            )
            return int(total) - int(gone or 0)
        stmt = select(func.count()).select_from(Participant).where(*conditions)
        return int(session.scalar(stmt) or 0)


def truncated(db: Database, query: ParticipantQuery) -> bool:
    """True when the text matches more than MATCH_CAP participants (tombstones included),
    so `search` and `count` see only the newest MATCH_CAP of them."""
    matches = _matches(query.text)
    if matches is None:
        return False
    sql, params = matches
    stmt = text(f"SELECT count(*) FROM ({sql})").bindparams(**params, cap=MATCH_CAP + 1)
    with db.read() as session:
        return int(session.scalar(stmt) or 0) > MATCH_CAP
