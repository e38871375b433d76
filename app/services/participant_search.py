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

- No text, no filter: a page walks a partial index of live rows in the list's order
  (migration 0004), so it reads its own rows and no others; the count of all participants is
  the table's count minus the tombstones. Names sort by `name_key`: case, titles and the
  spellings of Muhammad do not move a name (an import in capitals sorts among the rest).
- Text: two letters match a hundred thousand people, and fetching all of them to sort them
  takes a third of a second. So a text looks at its newest MATCH_CAP (2,000) matches only,
  then filters and sorts those. That is exact whenever the text matches at most 2,000
  participants (at a million: 9 in 10 two-word texts, any NIK prefix of six digits or more);
  beyond that (a single short word, mostly) the list holds the newest 2,000 matches in the
  chosen order, which a clerk narrows by typing on. `count()` counts what `search()` pages
  through, so for a text it is at most MATCH_CAP (without a filter: the matches less the
  tombstones among them, no row read); `truncated()` tells the list there were more, so it
  can ask for more letters instead of showing a total it does not have. Filters given with
  a text are tested on its matches (`_Filter.plain`), never walked.
- Filters without a text (office, province or regency, status, training choice; issue #10):
  each has a partial index over live rows in name order that also holds the office, status
  and province (migration 0009). A page walks the index of one filter, the one that matches
  fewest rows (`_plan`: each counted in its index up to PROBE_CAP), and tests the others on
  the index entry; a training choice is either column, so its two indexes are walked and
  merged. Another order sorts the rows when they are few (SORT_CAP), else walks that order's
  index. `count()` stops at COUNT_CAP (1,000) and `truncated()` says there are more: counting
  the 600,000 people of one office exactly takes longer than the whole page should.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import TextualSelect, func, select, text
from sqlalchemy.orm import Session

from app.db import Database
from app.domain.nik import mask_nik
from app.models import Participant
from app.services.participant_text import after, text_matches
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

# The list's columns as SQL, and the index that serves each order over live rows.
_ROW_SQL = ", ".join(f"participant.{c.name}" for c in _ROW_COLUMNS)
SORT_INDEXES = {
    "name": "ix_participant_live_name",
    "registered": "ix_participant_live_registered",
    "birth_date": "ix_participant_birth_date_name_key",
    "status": "ix_participant_live_status",
}
# The province: the region code's first two digits, written as ix_participant_live_province
# (migration 0009) is: SQLite uses an index on an expression only for the same expression.
PROVINCE = "substr({t}.region_code, 1, 2)"  # {t}: the table's name or alias
# Filters without a text: `count` stops at COUNT_CAP ("more than 1.000"); each filter is
# counted in its index up to PROBE_CAP to choose which index to walk; an order other than
# the name's sorts the rows of a filter that matches at most SORT_CAP of them.
COUNT_CAP = 1000
PROBE_CAP = 10_000
SORT_CAP = 5000


@dataclass(frozen=True)
class ParticipantQuery:
    text: str = ""
    status: str | None = None
    office_code: str | None = None
    region_prefix: str | None = None  # a province "31", or a regency "31.71"
    training_choice: str | None = None  # a module code ("LAS") or legacy text, either choice
    first_choice_only: bool = False  # the training choice as the FIRST choice only (Beranda)
    sort: str = "name"
    descending: bool = False


# --- filters ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Filter:
    """One filter as SQL: the partial index (migration 0009) that holds its rows in name
    order, and the term that index serves, written for a table alias `{t}`; a training
    choice is either column: two indexes, two terms. `plain` is the same test written so
    that no index serves it (`+column`), for rows found another way."""

    key: str
    indexes: tuple[str, ...]
    terms: tuple[str, ...]
    plain: str
    params: dict[str, str]
    held: bool = True

    def branches(self, tests: list[str] | tuple[str, ...] = (), tail: str = "") -> list[str]:
        """SQL of the rowids (`rid`) of the live participants this filter matches, one per
        index, read from it, passing `tests`; `tail` (ORDER BY, LIMIT) ends each."""
        extra = "".join(f" AND {t}" for t in tests)
        return [
            f"SELECT participant.rowid AS rid FROM participant INDEXED BY {index} "
            f"WHERE {term.format(t='participant')} AND participant.deleted_at IS NULL"
            f"{extra}{tail}"
            for index, term in zip(self.indexes, self.terms, strict=True)
        ]

    def rowids(self, tests: list[str] | tuple[str, ...] = (), tail: str = "") -> str:
        """The `branches` as one SELECT (a participant with the same two choices once)."""
        branches = self.branches(tests, tail)
        if len(branches) == 1:
            return branches[0]
        return " UNION ".join(f"SELECT rid FROM ({b})" for b in branches)

    def test(self) -> str:
        """This filter on a row met in another filter's index. The office, status and
        province are held by the others' indexes: `plain` reads them there, not from the
        row. A training choice is not: is (choice, name_key, id) in its own index? One index
        seek, where reading the row would take five times as long."""
        if self.held:
            return self.plain
        seeks = [
            f"EXISTS (SELECT 1 FROM participant AS f INDEXED BY {index} "
            f"WHERE {term.format(t='f')} AND f.deleted_at IS NULL "
            "AND f.name_key = participant.name_key AND f.id = participant.id)"
            for index, term in zip(self.indexes, self.terms, strict=True)
        ]
        return seeks[0] if len(seeks) == 1 else f"({' OR '.join(seeks)})"


def _filters(query: ParticipantQuery) -> list[_Filter]:
    """The query's filters, in the order that breaks a tie in size (see `_plan`): a
    training choice and a province narrow more, on the whole, than a status or an office."""
    out = []
    if query.training_choice and query.first_choice_only:
        out.append(
            _Filter(
                "training_choice",
                ("ix_participant_live_choice_1",),
                ("{t}.training_choice_1 = :choice",),
                "+participant.training_choice_1 = :choice",
                {"choice": query.training_choice},
                held=False,
            )
        )
    elif query.training_choice:
        out.append(
            _Filter(
                "training_choice",
                ("ix_participant_live_choice_1", "ix_participant_live_choice_2"),
                ("{t}.training_choice_1 = :choice", "{t}.training_choice_2 = :choice"),
                "(+participant.training_choice_1 = :choice"
                " OR +participant.training_choice_2 = :choice)",
                {"choice": query.training_choice},
                held=False,
            )
        )
    if query.region_prefix:
        prefix = query.region_prefix
        within = "+{t}.region_code >= :region AND +{t}.region_code < :region_end"
        params = {"region": prefix, "region_end": after(prefix)}
        if len(prefix) < 2:  # not even a province: the region code's own index
            index, term, plain = ("ix_participant_region_code",), within.replace("+", ""), within
        else:  # the province's rows (a regency's tested on each row)
            index, term = ("ix_participant_live_province",), f"{PROVINCE} = :province"
            plain = f"+{term}"
            params["province"] = prefix[:2]
            if len(prefix) > 2:
                term, plain = f"{term} AND {within}", f"{plain} AND {within}"
        out.append(_Filter("region", index, (term,), plain.format(t="participant"), params))
    if query.status:
        out.append(
            _Filter(
                "status",
                ("ix_participant_live_status",),
                ("{t}.status = :status",),
                "+participant.status = :status",
                {"status": query.status},
            )
        )
    if query.office_code:
        out.append(
            _Filter(
                "office",
                ("ix_participant_live_office",),
                ("{t}.office_code = :office",),
                "+participant.office_code = :office",
                {"office": query.office_code},
            )
        )
    return out


def _params(filters: list[_Filter], **more: Any) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for f in filters:
        params |= f.params
    return params | more


def _order(sort: str, descending: bool, plus: bool = False) -> str:
    """ORDER BY terms of a sort; `plus` writes them so no index serves them (the rows were
    found another way: sort those, do not walk an index looking for them)."""
    columns = SORTS.get(sort, SORTS["name"])
    return ", ".join(
        f"{'+' if plus else ''}participant.{c.name}{' DESC' if descending else ''}" for c in columns
    )


def _capped(
    session: Session, f: _Filter, tests: list[str], cap: int, params: dict[str, Any]
) -> int:
    """How many live participants `f` and `tests` match, counted no further than `cap`
    (a training choice's two indexes are each counted that far: past `cap` - 1 means more)."""
    sql = f"SELECT count(*) FROM ({f.rowids(tests, ' LIMIT :cap')})"
    return int(session.scalar(text(sql), params | {"cap": cap}) or 0)


def _size(session: Session, f: _Filter, params: dict[str, Any]) -> int:
    """How many rows `f` matches, up to PROBE_CAP + 1 (all past PROBE_CAP are alike). A
    training choice's two columns are added up, not merged: a bound is enough here."""
    counts = " + ".join(f"(SELECT count(*) FROM ({b}))" for b in f.branches((), " LIMIT :cap"))
    total = int(session.scalar(text(f"SELECT {counts}"), params | {"cap": PROBE_CAP + 1}) or 0)
    return min(total, PROBE_CAP + 1)


@dataclass(frozen=True)
class _Plan:
    driver: _Filter  # the filter whose index is walked
    others: list[_Filter]  # tested on each row met
    size: int | None  # the driver's rows, counted up to PROBE_CAP + 1 (None: not counted)
    sizes: dict[str, int]


def _plan(session: Session, filters: list[_Filter], *, sized: bool) -> _Plan:
    """Which filter's index to walk: the one that matches fewest rows, each counted in its
    own index up to PROBE_CAP + 1 (SQLite has no statistics here, and "JKT" holds 60% of
    the bench's file where "LOM" holds 3%); the others are tested on each row met. One
    filter in name order needs no counting."""
    if len(filters) == 1 and not sized:
        return _Plan(filters[0], [], None, {})
    params = _params(filters)
    sizes = {f.key: _size(session, f, params) for f in filters}
    driver = min(filters, key=lambda f: sizes[f.key])
    others = [f for f in filters if f is not driver]
    return _Plan(driver, others, sizes[driver.key], sizes)


def _filtered_page(
    session: Session, query: ParticipantQuery, filters: list[_Filter], offset: int, limit: int
) -> list[ParticipantRow]:
    sort = query.sort if query.sort in SORTS else "name"
    if sort == "status" and query.status:
        sort = "name"  # one status: the status order is the name order
    plan = _plan(session, filters, sized=sort != "name")
    driver, holds = plan.driver, [f.test() for f in plan.others]
    order = _order(sort, query.descending)
    sorted_page = (
        f" ORDER BY {_order(sort, query.descending, plus=True)} LIMIT :limit OFFSET :offset"
    )
    params = _params(filters, limit=limit, offset=offset, reach=offset + limit)
    if sort == "name" and len(driver.indexes) == 1:
        # walk the driver's index in name order: this page's rows and the ones skipped
        where = " AND ".join(
            [driver.terms[0].format(t="participant"), "participant.deleted_at IS NULL", *holds]
        )
        sql = (
            f"SELECT {_ROW_SQL} FROM participant INDEXED BY {driver.indexes[0]} "
            f"WHERE {where} ORDER BY {order} LIMIT :limit OFFSET :offset"
        )
    elif sort == "name":
        # a training choice: the first offset + limit of each choice column, merged
        rowids = driver.rowids(holds, f" ORDER BY {order} LIMIT :reach")
        sql = (
            f"SELECT {_ROW_SQL} FROM participant WHERE participant.rowid IN ({rowids}){sorted_page}"
        )
    elif _few(session, plan, holds, params):
        # few rows in another order: all of them, from the driver's index, then sorted
        rowids = driver.rowids(holds)
        sql = (
            f"SELECT {_ROW_SQL} FROM participant WHERE participant.rowid IN ({rowids}){sorted_page}"
        )
    else:
        # many rows in another order: walk the order's index; a filter of few rows is tested
        # against the set of its rowids, one of many on the row itself
        tests = [
            f"+participant.rowid IN ({f.rowids()})" if plan.sizes[f.key] <= PROBE_CAP else f.plain
            for f in filters
        ]
        where = " AND ".join(["participant.deleted_at IS NULL", *tests])
        sql = (
            f"SELECT {_ROW_SQL} FROM participant INDEXED BY {SORT_INDEXES[sort]} "
            f"WHERE {where} ORDER BY {order} LIMIT :limit OFFSET :offset"
        )
    return [_row(r) for r in session.execute(_rows_sql(sql), params)]


def _few(session: Session, plan: _Plan, tests: list[str], params: dict[str, Any]) -> bool:
    """Whether the filters match at most SORT_CAP rows (then sorting them all is cheaper
    than walking the order's index past the others), counted in the driver's index."""
    if not plan.others:
        return plan.size is not None and plan.size <= SORT_CAP
    return _capped(session, plan.driver, tests, SORT_CAP + 1, params) <= SORT_CAP


def _filtered_count(session: Session, filters: list[_Filter]) -> int:
    """How many live participants the filters match, counted no further than COUNT_CAP + 1."""
    plan = _plan(session, filters, sized=False)
    holds = [f.test() for f in plan.others]
    return _capped(session, plan.driver, holds, COUNT_CAP + 1, _params(filters))


# --- what the list calls -------------------------------------------------------------------


def search(
    db: Database, query: ParticipantQuery, *, offset: int = 0, limit: int = 100
) -> list[ParticipantRow]:
    """One page of the list. Reads only the columns a row shows (as plain rows, not ORM
    objects: a third of the time for a page of 200)."""
    matches = text_matches(query.text)
    filters = _filters(query)
    page = " LIMIT :limit OFFSET :offset"
    with db.read() as session:
        if matches is None and filters:
            return _filtered_page(session, query, filters, offset, limit)
        params = _params(filters, limit=limit, offset=offset)
        where = ["participant.deleted_at IS NULL"]
        if matches is not None:
            # the text's matches drive; the filters are tested on them (`plain`: an index on
            # a filter would lead SQLite to walk every registered participant in name order
            # to find the thousand called Budi)
            sql, match_params = matches
            params |= match_params | {"cap": MATCH_CAP}
            where += [f"participant.rowid IN ({sql})", *(f.plain for f in filters)]
        stmt = (
            f"SELECT {_ROW_SQL} FROM participant WHERE {' AND '.join(where)} "
            f"ORDER BY {_order(query.sort, query.descending)}{page}"
        )
        return [_row(r) for r in session.execute(_rows_sql(stmt), params)]


def _rows_sql(sql: str) -> TextualSelect:
    """A SELECT of _ROW_SQL, its columns typed (dates as dates) as _ROW_COLUMNS are."""
    return text(sql).columns(*_ROW_COLUMNS)


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
    """How many rows the list pages through: for a text, at most MATCH_CAP (see above); for
    filters without a text, at most COUNT_CAP (`truncated` says when there are more)."""
    matches = text_matches(query.text)
    filters = _filters(query)
    with db.read() as session:
        if matches is not None:
            sql, params = matches
            params = _params(filters, **params, cap=MATCH_CAP)
            if filters:
                where = " AND ".join(f.plain for f in filters)
                stmt = (
                    f"SELECT count(*) FROM participant WHERE participant.rowid IN ({sql}) "
                    f"AND participant.deleted_at IS NULL AND {where}"
                )
            else:  # the matches less the tombstones among them: no row is read
                stmt = (
                    f"SELECT count(*) FROM ({sql}) AS m WHERE m.rowid NOT IN "
                    f"(SELECT rowid FROM participant WHERE deleted_at IS NOT NULL)"
                )
            return int(session.scalar(text(stmt), params) or 0)
        if filters:
            return min(_filtered_count(session, filters), COUNT_CAP)
        # everyone: the table's count (fast) less the tombstones
        total = session.scalar(select(func.count()).select_from(Participant)) or 0
        gone = session.scalar(
            select(func.count()).select_from(Participant).where(Participant.deleted_at.is_not(None))
        )
        return int(total) - int(gone or 0)


def truncated(db: Database, query: ParticipantQuery) -> bool:
    """True when the text matches more than MATCH_CAP participants (tombstones included),
    so `search` and `count` see only the newest MATCH_CAP of them; or, without a text, when
    the filters match more than COUNT_CAP live participants (`count` stops there)."""
    matches = text_matches(query.text)
    if matches is None:
        filters = _filters(query)
        if not filters:
            return False
        with db.read() as session:
            return _filtered_count(session, filters) > COUNT_CAP
    sql, params = matches
    stmt = text(f"SELECT count(*) FROM ({sql})").bindparams(**params, cap=MATCH_CAP + 1)
    with db.read() as session:
        return int(session.scalar(stmt) or 0) > MATCH_CAP
