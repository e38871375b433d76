"""Record identifiers made on the device, so an offline office never needs the server for one.

UUIDv7 sorts by creation time (good for indexes); UUIDv5 gives the same id for the same
natural key on every device, for rows that two offices may create independently and that
must converge (an office, later an enrolment or an attendance mark).
"""

from __future__ import annotations

import uuid

import uuid6

# Namespace for Loket's deterministic ids (a fixed UUIDv4, never change it).
LOKET_NAMESPACE = uuid.UUID("6f1c5a8e-3d2b-4c7a-9e51-0b8d4f2a7c13")


def new_id() -> str:
    """A fresh time-ordered UUIDv7 as text."""
    return str(uuid6.uuid7())


def stable_id(kind: str, *key: str) -> str:
    """The same UUIDv5 for the same kind and natural key, on every device."""
    return str(uuid.uuid5(LOKET_NAMESPACE, "/".join((kind, *key))))
