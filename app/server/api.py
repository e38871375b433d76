"""HTTP API of the sync server (FastAPI); the OpenAPI document is at /openapi.json.

No `from __future__ import annotations` here: FastAPI reads the dependency annotations at
run time, and the dependencies are local to `create_app`.
"""

import logging
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.protocol.entities import MIN_PROTOCOL_VERSION, PROTOCOL_VERSION
from app.protocol.validate import safe_label
from app.protocol.wire import (
    MAX_ID,
    AuditAnchor,
    DeviceInfo,
    EnrollRequest,
    EnrollResponse,
    Health,
    MergeRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    ResolveRequest,
)
from app.server import admin, review, verify_page
from app.server.apply import push_batch
from app.server.models import Device, ServerAudit
from app.server.policy import Mutation
from app.server.pull import PULL_MAX_ROWS, read_changes
from app.server.rate_limit import RateLimit

log = logging.getLogger("app.server")

# A push of 1,000 changes is about 1.5 MB; the office PC sends at most PUSH_MAX_BYTES
# (app.sync.client) and no single change can exceed a few hundred KB (app.protocol.validate).
MAX_BODY_BYTES = 8 * 1024 * 1024

TOO_OLD = (
    "Versi program Loket Vokasi di komputer ini terlalu lama untuk server. Perbarui program; "
    "data tetap aman di komputer ini dan akan dikirim setelah diperbarui."
)


def _audit(engine: Engine, device_id: str | None, action: str, **detail: Any) -> None:
    with Session(engine) as session, session.begin():
        session.add(
            ServerAudit(at=datetime.now(UTC), device_id=device_id, action=action, detail=detail)
        )
    log.warning("%s device=%s %s", action, device_id, detail)


def create_app(
    engine: Engine,
    *,
    server_name: str = verify_page.DEFAULT_SERVER_NAME,
    verify_limit: RateLimit = RateLimit(),  # noqa: B008 (frozen)
) -> FastAPI:
    """The server's app. `server_name` heads the public verification page; `verify_limit`
    is its rate per client address (app.server.verify_page)."""
    app = FastAPI(
        title="Loket Vokasi sync server",
        version=str(PROTOCOL_VERSION),
        max_body_size=MAX_BODY_BYTES,  # 413 beyond it
    )

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        """422 without echoing what was sent: a hostile value (a lone surrogate cannot even
        be encoded) must not travel back, nor make the answer itself fail with a 500."""
        errors = [
            {
                "loc": [p if isinstance(p, int) else safe_label(p) for p in e.get("loc", ())],
                "msg": safe_label(e.get("msg", ""), 200),
                "type": safe_label(e.get("type", "")),
            }
            for e in exc.errors()
        ]
        return JSONResponse(status_code=422, content={"detail": errors})

    def protocol(x_loket_protocol: Annotated[int | None, Header()] = None) -> int:
        version = x_loket_protocol or 0
        if version < MIN_PROTOCOL_VERSION:
            raise HTTPException(status_code=426, detail=TOO_OLD)
        return version

    def device(
        _protocol: Annotated[int, Depends(protocol)],
        authorization: Annotated[str | None, Header()] = None,
    ) -> Device:
        token = (authorization or "").removeprefix("Bearer ").strip()
        if not token:
            raise HTTPException(status_code=401, detail="token required")
        with Session(engine, expire_on_commit=False) as session, session.begin():
            found = session.scalar(select(Device).where(Device.token_hash == admin.sha256(token)))
            if found is None or found.revoked_at is not None:
                if found is not None:
                    session.add(
                        ServerAudit(
                            at=datetime.now(UTC),
                            device_id=found.id,
                            action="auth.revoked_device",
                            detail={},
                        )
                    )
                raise HTTPException(status_code=401, detail="device not enrolled or revoked")
            found.last_seen_at = datetime.now(UTC)
        return found

    @app.get("/health", response_model=Health)
    def health() -> Health:
        return Health(
            ok=True,
            protocol=PROTOCOL_VERSION,
            min_protocol=MIN_PROTOCOL_VERSION,
            database=engine.dialect.name,
        )

    @app.post("/v1/enroll", response_model=EnrollResponse)
    def enroll(body: EnrollRequest, _protocol: Annotated[int, Depends(protocol)]) -> EnrollResponse:
        try:
            found, token = admin.enroll(
                engine, body.code, body.device_id, body.device_no, body.name, body.office_code
            )
        except admin.AdminError as exc:
            raise HTTPException(status_code=403, detail=str(exc)) from exc
        return EnrollResponse(
            device_id=found.id, token=token, office_code=found.office_code, is_hq=found.is_hq
        )

    @app.post("/v1/push", response_model=PushResponse)
    def push(body: PushRequest, me: Annotated[Device, Depends(device)]) -> PushResponse:
        """Each change is checked, authorised against the stored record and decided on its
        own (app.server.apply); a refused one is a `rejected` result, never a 4xx/5xx."""
        results, anchor = push_batch(
            engine, me, [Mutation(**m.model_dump()) for m in body.mutations]
        )
        return PushResponse.model_validate(
            {"results": results, "anchor": {"seq": anchor[0], "hash": anchor[1]}}
        )

    @app.get("/v1/device", response_model=DeviceInfo)
    def whoami(me: Annotated[Device, Depends(device)]) -> DeviceInfo:
        """This device as the server knows it: a PC restored from a backup learns here the
        last change number the server took from it (app.sync.client.recover)."""
        return DeviceInfo(
            device_id=me.id,
            office_code=me.office_code,
            is_hq=me.is_hq,
            last_seq=me.last_seq,
            anchor=AuditAnchor(seq=me.audit_seq, hash=me.audit_hash),
        )

    @app.get("/v1/pull", response_model=PullResponse)
    def pull(
        me: Annotated[Device, Depends(device)],
        after: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
        limit: Annotated[int, Query(ge=1, le=PULL_MAX_ROWS)] = 500,
        made: Annotated[int | None, Query(ge=0, le=MAX_ID)] = None,
    ) -> Response:
        """Changes after `after` in this device's scope, bounded in rows and bytes
        (app.server.pull). `made` is the newest change number the device holds of its own."""
        body, _cursor = read_changes(engine, me, after, limit, made)
        return Response(content=body, media_type="application/json")

    @app.get("/v1/conflicts")
    def conflicts(me: Annotated[Device, Depends(device)]) -> list[dict[str, Any]]:
        return review.list_conflicts(engine, me)

    @app.post("/v1/conflicts/{conflict_id}/resolve")
    def resolve(
        conflict_id: Annotated[int, Path(ge=1, le=MAX_ID)],
        body: ResolveRequest,
        me: Annotated[Device, Depends(device)],
    ) -> dict[str, Any]:
        try:
            return review.resolve_conflict(
                engine, me, conflict_id, body.keep, body.by, body.password
            )
        except review.ProofError as exc:
            raise HTTPException(status_code=403, detail=str(exc)) from exc
        except review.ReviewError as exc:
            raise HTTPException(status_code=409, detail=str(exc)) from exc

    @app.get("/v1/duplicates")
    def duplicates(me: Annotated[Device, Depends(device)]) -> list[dict[str, Any]]:
        return review.list_duplicates(engine, me)

    @app.post("/v1/duplicates/{flag_id}/merge")
    def merge(
        flag_id: Annotated[int, Path(ge=1, le=MAX_ID)],
        body: MergeRequest,
        me: Annotated[Device, Depends(device)],
    ) -> dict[str, Any]:
        try:
            return review.merge_duplicate(engine, me, flag_id, body.keep, body.by, body.password)
        except review.ProofError as exc:
            raise HTTPException(status_code=403, detail=str(exc)) from exc
        except review.ReviewError as exc:
            raise HTTPException(status_code=409, detail=str(exc)) from exc

    # The employer's certificate page and its JSON twin: public, rate-limited per address.
    verify_page.mount(app, engine, server_name, verify_limit)
    return app
