"""Each synced record type, declared in ONE place: who may see it and how clashes resolve.

The server applies mutations with these policies and scopes pulls with `scope`; the client
uses the same table to map entity names to local tables. A new record type joins sync by
adding a line here (and being a `SyncMixin` model).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Scope(StrEnum):
    EVERYONE = "everyone"  # reference data: every office receives it
    OFFICE = "office"  # the owning office's devices (and HQ)


class Policy(StrEnum):
    SERVER_WINS = "server_wins"  # reference data: only HQ changes it
    LAST_WRITER = "last_writer"  # newest hlc wins, every change kept in the change log
    FIELD_MERGE = "field_merge"  # merge by field; same field on both sides -> Conflict
    INSERT_ONLY = "insert_only"  # rows are never changed after creation


@dataclass(frozen=True)
class EntitySpec:
    name: str
    table: str
    scope: Scope
    policy: Policy
    supervised_fields: frozenset[str] = frozenset()  # changes always go to a supervisor
    # Fields naming another record, as {field: entity}: a merge of duplicates moves them.
    links: tuple[tuple[str, str], ...] = ()
    # Only devices of the record's own office may write it, head office included: a branch's
    # staff credentials are that branch's alone (app.server.authorize).
    owner_only: bool = False
    # The field naming the device that made the record: only that device may send it (an
    # audit event is the word of the PC it names, DESIGN §5).
    device_field: str | None = None


ENTITIES: dict[str, EntitySpec] = {
    spec.name: spec
    for spec in (
        EntitySpec("office", "office", Scope.EVERYONE, Policy.SERVER_WINS),
        EntitySpec("staff", "staff", Scope.OFFICE, Policy.LAST_WRITER, owner_only=True),
        EntitySpec(
            "participant",
            "participant",
            Scope.OFFICE,
            Policy.FIELD_MERGE,
            supervised_fields=frozenset({"nik", "bank_account"}),
        ),
        EntitySpec(
            "consent",
            "consent",
            Scope.OFFICE,
            Policy.LAST_WRITER,
            links=(("participant_id", "participant"),),
        ),
        EntitySpec(
            "participant_document",
            "participant_document",
            Scope.OFFICE,
            Policy.LAST_WRITER,
            links=(("participant_id", "participant"),),
        ),
        EntitySpec(
            "audit_event",
            "audit_event",
            Scope.OFFICE,
            Policy.INSERT_ONLY,
            device_field="device_id",
        ),
    )
}

PROTOCOL_VERSION = 1
MIN_PROTOCOL_VERSION = 1
# A mutation stamped further ahead of the server clock than this is held, not applied.
MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000
