"""Hybrid logical clock: orders changes across devices even when wall clocks disagree.

A stamp is `<wall ms, 13 digits>-<counter, 5 digits>-<node>` so plain string comparison
orders stamps. The wall part never goes backwards on a device (a clock turned back only bumps
the counter), and receiving a stamp from the future moves the local clock up to it, so a
later local change still sorts after what it saw. Sync holds stamps too far ahead (DESIGN §5).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Hlc:
    wall_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall_ms:013d}-{self.counter:05d}-{self.node}"

    @classmethod
    def parse(cls, text: str) -> Hlc:
        wall, counter, node = text.split("-", 2)
        return cls(int(wall), int(counter), node)


def tick(last: Hlc | None, now_ms: int, node: str) -> Hlc:
    """The stamp for a new local change, after `last` (the previous local stamp)."""
    if last is None or now_ms > last.wall_ms:
        return Hlc(now_ms, 0, node)
    return Hlc(last.wall_ms, last.counter + 1, node)


def receive(last: Hlc | None, remote: Hlc, now_ms: int, node: str) -> Hlc:
    """The local clock after seeing `remote`, so later local stamps sort after it."""
    wall = max(now_ms, remote.wall_ms, last.wall_ms if last else 0)
    if last is not None and wall == last.wall_ms and wall == remote.wall_ms:
        counter = max(last.counter, remote.counter) + 1
    elif last is not None and wall == last.wall_ms:
        counter = last.counter + 1
    elif wall == remote.wall_ms:
        counter = remote.counter + 1
    else:
        counter = 0
    return Hlc(wall, counter, node)
