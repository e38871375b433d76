"""HTTP to the sync server: the protocol headers, retries with backoff, and what an answer
means for the cycle (app.sync.client).

Transient faults (no network, timeouts, 5xx) are retried with exponential backoff and full
jitter and then raised as `Transient`; a refusal (4xx) is raised as `Refused` with its
detail, and a revoked token (401) as a `Refused` that marks the link revoked.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

import httpx

from app.migrations import HEAD
from app.protocol.entities import PROTOCOL_VERSION
from app.protocol.wire import PROTOCOL_HEADER, SCHEMA_HEADER
from app.texts import Text

REVOKED = Text(
    "Akses komputer ini ke server dicabut. Data tetap tersimpan dan akan dikirim setelah "
    "didaftarkan ulang.",
    "This PC's access to the server was revoked. Data stays here and is sent after re-enrolment.",
)


class Transient(Exception):
    """Network trouble or a 5xx answer: worth retrying later."""


def headers(token: str | None = None) -> dict[str, str]:
    found = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), SCHEMA_HEADER: HEAD}
    if token:
        found["Authorization"] = f"Bearer {token}"
    return found


class Transport:
    """HTTP with retries: exponential backoff with full jitter on transient faults."""

    def __init__(
        self,
        base_url: str,
        *,
        attempts: int = 4,
        base_delay: float = 0.5,
        timeout: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.attempts, self.base_delay, self.sleep = attempts, base_delay, sleep
        self.client = httpx.Client(timeout=timeout)

    def call(self, method: str, path: str, token: str | None, **kwargs: Any) -> httpx.Response:
        last: Exception | None = None
        for attempt in range(self.attempts):
            try:
                response = self.client.request(
                    method, self.base_url + path, headers=headers(token), **kwargs
                )
            except httpx.TransportError as exc:
                last = exc
            else:
                if response.status_code < 500:
                    return response
                last = Transient(f"HTTP {response.status_code}")
            if attempt + 1 < self.attempts:
                self.sleep(random.uniform(0, self.base_delay * 2**attempt))
        raise Transient(str(last))

    def close(self) -> None:
        self.client.close()


class Refused(Exception):
    def __init__(self, message: str, revoked: bool = False) -> None:
        super().__init__(message)
        self.message, self.revoked = message, revoked


def check(response: httpx.Response) -> dict[str, Any]:
    if response.status_code == 401:
        raise Refused(REVOKED.render(), revoked=True)
    if response.status_code != 200:
        try:
            detail = response.json().get("detail", response.text)
        except ValueError:
            detail = response.text
        raise Refused(f"HTTP {response.status_code}: {detail}")
    body: dict[str, Any] = response.json()
    return body
