"""Wire format of the sync protocol (docs/sync.md), shared by server and client."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

PROTOCOL_HEADER = "X-Loket-Protocol"
SCHEMA_HEADER = "X-Loket-Schema"


class EnrollRequest(BaseModel):
    code: str = Field(min_length=4, max_length=64)
    device_id: str = Field(min_length=8, max_length=36)
    device_no: int = Field(ge=1, le=99)
    office_code: str = Field(min_length=2, max_length=8)
    name: str = Field(default="", max_length=120)


class EnrollResponse(BaseModel):
    device_id: str
    token: str
    office_code: str
    is_hq: bool


class MutationIn(BaseModel):
    seq: int = Field(ge=1, le=2**62)
    mutation_id: str = Field(min_length=8, max_length=36)
    entity: str = Field(min_length=1, max_length=32)
    entity_id: str = Field(min_length=1, max_length=36)
    op: str = Field(pattern="^(insert|update|delete)$")
    base_version: int = Field(ge=0, le=2**31)
    version: int = Field(ge=1, le=2**31)
    hlc: str = Field(pattern=r"^\d{13}-\d{5}-[\w\-]{1,40}$")
    office_code: str = Field(min_length=1, max_length=8)
    changes: dict[str, Any]


class PushRequest(BaseModel):
    mutations: list[MutationIn] = Field(max_length=1000)


class MutationResult(BaseModel):
    seq: int
    mutation_id: str
    status: str  # applied | conflict | rejected | held
    reason: str = ""
    record: dict[str, Any] | None = None


class PushResponse(BaseModel):
    results: list[MutationResult]


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


class ResolveRequest(BaseModel):
    keep: str = Field(pattern="^(server|device)$")
    by: str = Field(min_length=1, max_length=80)  # the supervisor's username at the counter


class MergeRequest(BaseModel):
    keep: str = Field(pattern="^(a|b)$")  # which record of the duplicate pair stays
    by: str = Field(min_length=1, max_length=80)


class DeviceInfo(BaseModel):
    device_id: str
    office_code: str
    is_hq: bool
    last_seq: int  # the newest change number of this device the server has taken
