"""Reading the change log for one device: in its scope, in order, bounded in rows AND bytes.

A pull answer must stay small enough for a slow office line and for the server's memory,
whatever the records hold: rows are read as a stream and the answer stops at PULL_MAX_BYTES
of record data (always at least one row, so a cursor always moves). Records are checked on
push (app.protocol.validate), but a row that still cannot be encoded — written before those
checks existed — is left out of the answer and logged, instead of failing every pull of
its office for ever.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Engine, LargeBinary, Table, func, or_, select
from sqlalchemy import Text as SqlText
from sqlalchemy import cast as sql_cast

from app.protocol.entities import Scope
from app.server.models import ChangeLog, Device, ServerAudit

log = logging.getLogger(__name__)

PULL_MAX_ROWS = 5000
PULL_MAX_BYTES = 4 * 1024 * 1024  # record data per answer (JSON), about 2,500 participants
_log = cast(Table, ChangeLog.__table__)


def _size(engine: Engine) -> Any:
    """The byte size of a row's stored JSON, computed by the database (no decoding)."""
    if engine.dialect.name == "postgresql":
        return func.octet_length(sql_cast(_log.c.data, SqlText))
    return func.length(sql_cast(_log.c.data, LargeBinary))


def read_changes(
    engine: Engine, me: Device, after: int, limit: int, made: int | None
) -> tuple[bytes, int]:
    """The encoded `changes` list for `me` after `after`, and the cursor to hand back.

    `made` is the newest change number the device holds of its own; when the server has
    applied none beyond it, the device's own changes are left out (their push answers
    carried the records)."""
    limit = min(limit, PULL_MAX_ROWS)
    budget = PULL_MAX_BYTES
    last_included = after
    more = False
    with engine.connect() as conn:
        # The newest number first, then the rows up to it: change numbers are given out in
        # commit order, so every change up to `newest` is committed and visible.
        newest = int(conn.execute(select(func.coalesce(func.max(_log.c.seq), 0))).scalar_one())
        stmt = select(
            _log.c.seq,
            _log.c.entity,
            _log.c.entity_id,
            _log.c.office_code,
            _log.c.op,
            _log.c.version,
            _log.c.hlc,
            _log.c.data,
            _size(engine).label("size"),
        ).where(_log.c.seq > after, _log.c.seq <= newest)
        if not me.is_hq:
            stmt = stmt.where(
                or_(
                    _log.c.scope.in_(
                        (Scope.EVERYONE.value, Scope.SHARED.value, Scope.PUBLISHED.value)
                    ),
                    _log.c.office_code == me.office_code,
                )
            )
        if made is not None and made >= me.last_seq:
            stmt = stmt.where(or_(_log.c.origin_device.is_(None), _log.c.origin_device != me.id))
        rows = conn.execution_options(stream_results=True, yield_per=500).execute(
            stmt.order_by(_log.c.seq).limit(limit + 1)
        )
        picked: list[dict[str, Any]] = []
        for row in rows:
            size = int(row.size or 0)
            if len(picked) == limit or (picked and size > budget):
                more = True
                break
            values = row._mapping
            picked.append({k: values[k] for k in _FIELDS})
            budget -= size
            last_included = int(row.seq)
        rows.close()
    encoded, unreadable = _encode(picked)
    if unreadable:
        _note_unreadable(engine, me, unreadable)
    # Rows left out (another office's, this device's own, unreadable) move the cursor too.
    cursor = last_included if more else max(newest, after)
    more_text = b"true" if more else b"false"
    body = b'{"changes":%s,"last_seq":%d,"more":%s}' % (encoded, cursor, more_text)
    return body, cursor


_FIELDS = ("seq", "entity", "entity_id", "office_code", "op", "version", "hlc", "data")


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _encode(rows: list[dict[str, Any]]) -> tuple[bytes, list[int]]:
    """The rows as a JSON array in one go; if that fails (a row written before the push
    checks existed: too deep, or a lone surrogate), row by row, leaving out what fails."""
    try:
        return _dumps(rows), []
    except (ValueError, UnicodeError, RecursionError):
        pass
    kept: list[bytes] = []
    unreadable: list[int] = []
    for row in rows:
        try:
            kept.append(_dumps(row))
        except (ValueError, UnicodeError, RecursionError) as exc:
            unreadable.append(int(row["seq"]))
            log.error("change %s cannot be sent and is left out: %s", row["seq"], exc)
    return b"[" + b",".join(kept) + b"]", unreadable


def _note_unreadable(engine: Engine, me: Device, seqs: list[int]) -> None:
    from sqlalchemy.orm import Session

    with Session(engine) as session, session.begin():
        session.add(
            ServerAudit(
                at=datetime.now(UTC),
                device_id=me.id,
                action="pull.unreadable",
                detail={"seqs": seqs[:50]},
            )
        )
