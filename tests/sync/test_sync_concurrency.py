"""20 devices pushing at once while a puller reads: no change number is ever skipped
(DESIGN §5 trap 1). Meaningful on PostgreSQL, where CI runs it; on SQLite it still checks
that the numbering and the pull agree."""

from __future__ import annotations

import threading
import uuid

import httpx
from sqlalchemy import create_engine, text

from app.server.admin import enroll, make_enroll_code
from app.server.db import make_server_engine, normalize_url
from tests.sync.hostile import participant_row

PUSHERS = 20
PER_PUSHER = 60


def _device(engine, n: int) -> str:
    code = make_enroll_code(engine, "JKT")
    _device_row, token = enroll(engine, code, str(uuid.uuid4()), n, f"JKT-{n}", "JKT")
    return token


def _mutation(seq: int, device: int) -> dict[str, object]:
    return {
        "seq": seq,
        "mutation_id": str(uuid.uuid4()),
        "entity": "participant",
        "entity_id": str(uuid.uuid4()),
        "op": "insert",
        "base_version": 0,
        "version": 1,
        "hlc": f"1764288000000-{seq:05d}-dev{device}",
        "office_code": "JKT",
        "changes": participant_row("JKT", name=f"Peserta {device}-{seq}"),
    }


def test_concurrent_pushers_never_make_a_puller_skip(server):
    engine = make_server_engine(server.db)
    tokens = [_device(engine, n) for n in range(1, PUSHERS + 2)]
    engine.dispose()
    puller_token, pusher_tokens = tokens[0], tokens[1:]
    done = threading.Event()
    seen: list[int] = []
    errors: list[str] = []

    def push(index: int, token: str) -> None:
        headers = {"Authorization": f"Bearer {token}", "X-Loket-Protocol": "1"}
        with httpx.Client(timeout=60) as client:
            for start in range(1, PER_PUSHER + 1, 3):
                batch = [_mutation(seq, index) for seq in range(start, start + 3)]
                r = client.post(server.url + "/v1/push", json={"mutations": batch}, headers=headers)
                statuses = {x["status"] for x in r.json()["results"]}
                if r.status_code != 200 or statuses != {"applied"}:
                    errors.append(f"{r.status_code} {statuses}")

    def pull() -> None:
        headers = {"Authorization": f"Bearer {puller_token}", "X-Loket-Protocol": "1"}
        cursor = 0
        with httpx.Client(timeout=60) as client:
            while True:
                finished = done.is_set()
                body = client.get(
                    server.url + "/v1/pull", params={"after": cursor, "limit": 50}, headers=headers
                ).json()
                seen.extend(c["seq"] for c in body["changes"])
                cursor = body["last_seq"]
                if finished and not body["changes"]:
                    return

    puller = threading.Thread(target=pull)
    puller.start()
    pushers = [threading.Thread(target=push, args=(i, t)) for i, t in enumerate(pusher_tokens)]
    for t in pushers:
        t.start()
    for t in pushers:
        t.join()
    done.set()
    puller.join(timeout=120)

    assert errors == []
    check = create_engine(normalize_url(server.db))
    with check.connect() as conn:
        committed = [r[0] for r in conn.execute(text("SELECT seq FROM change_log ORDER BY seq"))]
    check.dispose()
    assert len(committed) == PUSHERS * PER_PUSHER
    assert committed == list(range(1, len(committed) + 1))
    assert seen == committed  # in order, none skipped, none twice
