"""Whether a pushed change is well-formed: checked by the server before anything is stored,
and by the office PC before sending (a change it cannot send is reported, not retried).

Every value that reaches the server's database, its change log and then every other PC of
the office must be of its field's kind and size (app.protocol.wire_fields), and strings must be
storable everywhere: no NUL (PostgreSQL refuses it), no lone surrogate (not encodable as
UTF-8), no control character (an XLSX export would fail on it; the intake form refuses the
same set, app.domain.safe_text). A broken
change is refused alone, as a business result, so it never blocks the queue behind it.

The reasons are short English codes for logs, `<code>: <field>` where a field is at fault;
app.sync.outbox_view turns them into sentences. A reason never repeats what the sender
sent (a hostile value must not travel back through logs and answers): field names are named
only when they are known fields.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from app.domain.safe_text import first_control_char
from app.protocol.wire_fields import FIELDS, FieldDef

# Ids made by the program are UUIDs; office rows' ids too (UUIDv5). ASCII only.
ID_RE = re.compile(r"^[0-9A-Za-z_-]{1,36}$")
ENTITY_RE = re.compile(r"^[a-z_]{1,32}$")
OFFICE_RE = re.compile(r"^[A-Z]{2,8}$")
HLC_RE = re.compile(r"^\d{13}-\d{5}-[0-9A-Za-z_-]{1,40}$")
OPS = frozenset({"insert", "update", "delete"})
VOID = "void"  # a change the device could not send: only its number travels
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
UNKNOWN_TYPE = "unknown record type"
INVALID = "invalid value"  # + ": <field> (<why>)"
UNKNOWN_FIELD = "unknown field"
MISSING = "missing value"  # + ": <field>"


def bad_text(value: str) -> str | None:
    """Why a string cannot be stored and sent on (None: it can): the characters the intake
    form refuses too (app.domain.safe_text: controls, lone surrogates, non-characters)."""
    found = first_control_char(value)
    if found is None:
        return None
    char = found[1]
    if char == "\x00":
        return "NUL character"
    if "\ud800" <= char <= "\udfff" or char in "\ufffe\uffff":
        return "broken character"
    return "control character"


def _why(definition: FieldDef, value: Any) -> str | None:
    kind, size, nullable = definition
    if value is None:
        return None if nullable else "empty"
    if kind in ("str", "text"):
        if not isinstance(value, str):
            return "not text"
        if size is not None and len(value) > size:
            return "too long"
        return bad_text(value)
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return "not a whole number"
        return None if INT_MIN <= value <= INT_MAX else "out of range"
    if kind == "bool":
        return None if isinstance(value, bool) else "not yes/no"
    if kind == "date":
        if not isinstance(value, str) or len(value) != 10:
            return "not a date"
        try:
            parsed_day = date.fromisoformat(value)
        except ValueError:
            return "not a date"
        # Only the one spelling the PCs write (YYYY-MM-DD): Python also reads "2026-W49-3"
        # and "20261202" as a day, and an id derived from a day (a training day, a cash
        # close; rule 7) must not be made a second time under another spelling of it.
        return None if parsed_day.isoformat() == value else "not a date"
    if kind == "datetime":
        if not isinstance(value, str) or len(value) > 40:
            return "not a time"
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return "not a time"
        return None if parsed.tzinfo is not None else "time without zone"
    return "unknown kind"


def check_changes(
    entity: str,
    op: str,
    changes: Mapping[str, Any],
    fields: Mapping[str, Mapping[str, FieldDef]] = FIELDS,
) -> str | None:
    """Why `changes` of one record type cannot be taken (None: they can). A new record must
    carry every field that cannot be empty."""
    known = fields.get(entity)
    if known is None:
        return UNKNOWN_TYPE
    for name, value in changes.items():
        definition = known.get(name) if isinstance(name, str) else None
        if definition is None:
            return UNKNOWN_FIELD
        why = _why(definition, value)
        if why is not None:
            return f"{INVALID}: {name} ({why})"
    if op == "insert":
        for name, (_kind, _size, nullable) in known.items():
            if not nullable and changes.get(name) is None:
                return f"{MISSING}: {name}"
    return None


def check_envelope(entity: Any, entity_id: Any, op: Any, hlc: Any, office_code: Any) -> str | None:
    """Why the parts of a change around its fields cannot be taken (None: they can)."""
    if not isinstance(entity, str) or not ENTITY_RE.match(entity) or entity not in FIELDS:
        return UNKNOWN_TYPE
    if not isinstance(entity_id, str) or not ID_RE.match(entity_id):
        return f"{INVALID}: id"
    if op not in OPS and op != VOID:
        return f"{INVALID}: op"
    if not isinstance(hlc, str) or not HLC_RE.match(hlc):
        return f"{INVALID}: hlc"
    if not isinstance(office_code, str) or not OFFICE_RE.match(office_code):
        return f"{INVALID}: office_code"
    return None


def check_mutation(m: Mapping[str, Any]) -> str | None:
    """Envelope and fields of one change as a dict (the outbox row's or the wire's)."""
    problem = check_envelope(
        m.get("entity"), m.get("entity_id"), m.get("op"), m.get("hlc"), m.get("office_code")
    )
    if problem is not None or m.get("op") == VOID:
        return problem
    changes = m.get("changes")
    if not isinstance(changes, Mapping):
        return f"{INVALID}: changes"
    return check_changes(str(m["entity"]), str(m["op"]), changes)


def safe_label(value: Any, limit: int = 40) -> str:
    """A sender's value fit for a log line or an audit detail: printable ASCII, short."""
    text = value if isinstance(value, str) else repr(value)
    shown = "".join(c if " " <= c <= "~" else "?" for c in text[:limit])
    return shown + ("..." if len(text) > limit else "")
