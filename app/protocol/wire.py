"""Wire format of the sync protocol (docs/sync.md), shared by server and client.

What a request may carry is bounded here, before any handler runs: ids are ASCII, strings
hold no NUL, lone surrogate or control character (`SafeStr`), numbers fit a database
integer. A request that breaks these gets 422 and touches nothing. The content of a pushed
change (its record type, id, stamp and fields) is checked per change by app.protocol.validate,
so one bad change is refused alone with a 2xx result and never blocks a device's queue.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, Field, StringConstraints

from app.protocol.validate import bad_text

PROTOCOL_HEADER = "X-Loket-Protocol"
SCHEMA_HEADER = "X-Loket-Schema"
MAX_ID = 2**62  # numbers beyond a database integer are a client error (422), not a crash
ID_PATTERN = r"^[0-9A-Za-z_-]+$"


def _safe(value: str) -> str:
    problem = bad_text(value)
    if problem is not None:
        raise ValueError(problem)
    return value


# The control characters app.protocol.validate refuses, as a pattern the OpenAPI document shows
# (lone surrogates are refused by pydantic itself, as text that is not Unicode).
SAFE_PATTERN = r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]*$"
SafeStr = Annotated[str, StringConstraints(pattern=SAFE_PATTERN), AfterValidator(_safe)]


class EnrollRequest(BaseModel):
    code: str = Field(min_length=4, max_length=64, pattern=r"^[A-Za-z0-9 -]+$")
    device_id: str = Field(min_length=8, max_length=36, pattern=ID_PATTERN)
    device_no: int = Field(ge=1, le=99)
    office_code: str = Field(min_length=2, max_length=8, pattern=r"^[A-Za-z]+$")
    name: SafeStr = Field(default="", max_length=120)


class EnrollResponse(BaseModel):
    device_id: str
    token: str
    office_code: str
    is_hq: bool


class MutationIn(BaseModel):
    """One change as pushed. `seq` and `mutation_id` identify it and must be sound (422
    otherwise); the rest is checked per change (app.protocol.validate)."""

    seq: int = Field(ge=1, le=MAX_ID)
    mutation_id: str = Field(min_length=8, max_length=36, pattern=ID_PATTERN)
    entity: str = Field(max_length=200)
    entity_id: str = Field(max_length=200)
    op: str = Field(max_length=200)
    base_version: int = Field(ge=0, le=2**31)
    version: int = Field(ge=1, le=2**31)
    hlc: str = Field(max_length=200)
    office_code: str = Field(max_length=200)
    changes: dict[str, Any]


class PushRequest(BaseModel):
    mutations: list[MutationIn] = Field(max_length=1000)


class MutationResult(BaseModel):
    seq: int
    mutation_id: str
    status: str  # applied | conflict | rejected | held
    reason: str = ""
    record: dict[str, Any] | None = None


class AuditAnchor(BaseModel):
    """The newest audit event the server holds from a device: its number and hash. A PC
    whose own chain no longer reaches it was cut or re-hashed (`loket check`)."""

    seq: int = 0
    hash: str = "0" * 64


class PushResponse(BaseModel):
    results: list[MutationResult]
    anchor: AuditAnchor = Field(default_factory=AuditAnchor)


class ChangeOut(BaseModel):
    seq: int
    entity: str
    entity_id: str
    office_code: str
    op: str
    version: int
    hlc: str
    data: dict[str, Any]


class PullResponse(BaseModel):
    changes: list[ChangeOut]
    last_seq: int
    more: bool


class Health(BaseModel):
    ok: bool
    protocol: int
    min_protocol: int
    database: str


USERNAME = Field(min_length=1, max_length=32, pattern=r"^[a-z0-9._-]+$")


class ResolveRequest(BaseModel):
    """A supervisor's decision, with the supervisor's own proof: the server checks the
    password against the staff record it holds, not the device's word."""

    keep: str = Field(pattern="^(server|device)$")
    by: str = USERNAME  # the supervisor's username at the counter
    password: SafeStr = Field(min_length=1, max_length=200)


class MergeRequest(BaseModel):
    keep: str = Field(pattern="^(a|b)$")  # which record of the duplicate pair stays
    by: str = USERNAME
    password: SafeStr = Field(min_length=1, max_length=200)


class DeviceInfo(BaseModel):
    device_id: str
    office_code: str
    is_hq: bool
    last_seq: int  # the newest change number of this device the server has taken
    anchor: AuditAnchor = Field(default_factory=AuditAnchor)
