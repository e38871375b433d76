"""The certificate page's per-address token bucket (issue #12): the page is public, so
each client address (an IPv6 network per /64) gets its own bucket, kept in this process."""

from __future__ import annotations

import ipaddress
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Request

# -- the rate limit ---------------------------------------------------------------------


@dataclass(frozen=True)
class RateLimit:
    """Requests per minute per client address, and how many may come at once."""

    per_minute: float = 30
    burst: int = 10

    def __post_init__(self) -> None:
        if self.per_minute <= 0 or self.burst < 1:
            raise ValueError("a rate limit needs per_minute > 0 and burst >= 1")


class RateLimiter:
    """A token bucket per client, in this process's memory.

    Enough for one server process (several behind a load balancer each count their own;
    a reverse proxy's limit is the stronger guard, docs/security.md). The buckets are kept
    in last-use order and the oldest dropped past `max_clients`: a dropped client merely
    starts again with a full bucket, which it would have had after `burst` idle seconds
    anyway, so memory stays bounded whatever the number of addresses."""

    def __init__(
        self,
        limit: RateLimit,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 50_000,
    ) -> None:
        self.limit = limit
        self._clock = clock
        self._max = max_clients
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()  # sync routes run in a thread pool

    def take(self, client: str) -> float:
        """0 when `client` may go on (one token taken), else the seconds to wait."""
        rate = self.limit.per_minute / 60
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.pop(client, (float(self.limit.burst), now))
            tokens = min(float(self.limit.burst), tokens + (now - last) * rate)
            wait = 0.0
            if tokens >= 1:
                tokens -= 1
            else:
                wait = (1 - tokens) / rate
            self._buckets[client] = (tokens, now)
            while len(self._buckets) > self._max:
                self._buckets.popitem(last=False)
        return wait


def client_key(request: Request) -> str:
    """Whom a request counts against: its address, and for IPv6 its /64 (one household or
    phone holds a whole /64, and could otherwise take a new address per request). Behind a
    reverse proxy on the same machine, uvicorn puts the forwarded address here."""
    host = request.client.host if request.client else ""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host or "unknown"
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)
