"""Stipend rules (issue #11): the periods a cohort pays in, what attendance earns, and the
state and balance of an entitlement derived from the money rows.

Nothing here stores anything: whether an entitlement is paid, overpaid or paid twice is
computed from its amount, its approval and the payments, reversals and settlements that
exist, so every counter that holds the same rows reaches the same answer after sync.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction

from app.texts import Text


class Kind(StrEnum):
    TRANSPORT = "transport"
    POCKET = "pocket"


KIND_LABELS: dict[Kind, Text] = {
    Kind.TRANSPORT: Text("Uang transport", "Transport money"),
    Kind.POCKET: Text("Uang saku", "Pocket money"),
}


class State(StrEnum):
    COMPUTED = "dihitung"
    APPROVED = "disetujui"
    PAID = "dibayar"


STATE_LABELS: dict[State, Text] = {
    State.COMPUTED: Text("Dihitung", "Computed"),
    State.APPROVED: Text("Disetujui", "Approved"),
    State.PAID: Text("Dibayar", "Paid"),
}


class Method(StrEnum):
    CASH = "cash"
    TRANSFER = "transfer"


METHOD_LABELS: dict[Method, Text] = {
    Method.CASH: Text("Tunai", "Cash"),
    Method.TRANSFER: Text("Transfer bank", "Bank transfer"),
}


class PeriodMode(StrEnum):
    WEEK = "week"
    COHORT = "cohort"


PERIOD_MODE_LABELS: dict[PeriodMode, Text] = {
    PeriodMode.WEEK: Text("Per minggu pelatihan", "Per training week"),
    PeriodMode.COHORT: Text("Sekali untuk seluruh angkatan", "Once for the whole cohort"),
}

WHOLE = "ALL"
WEEK_DAYS = 7


@dataclass(frozen=True)
class Period:
    """A stretch of the cohort paid together: W1 is the start date and the six days after
    it, W2 the next seven, the last one ends with the cohort; ALL is the whole cohort."""

    key: str
    start: date
    end: date

    def label(self, lang: str | None = None) -> str:
        span = f"{self.start.strftime('%d/%m')}–{self.end.strftime('%d/%m/%Y')}"
        if self.key == WHOLE:
            return Text("Seluruh angkatan ({span})", "Whole cohort ({span})").render(
                lang, span=span
            )
        return Text("Minggu ke-{n} ({span})", "Week {n} ({span})").render(
            lang, n=self.key[1:], span=span
        )


def periods(start: date, end: date, mode: PeriodMode | str) -> list[Period]:
    if PeriodMode(mode) is PeriodMode.COHORT:
        return [Period(WHOLE, start, end)]
    out: list[Period] = []
    first = start
    while first <= end:
        last = min(first + timedelta(days=WEEK_DAYS - 1), end)
        out.append(Period(f"W{len(out) + 1}", first, last))
        first = last + timedelta(days=1)
    return out


def whole(start: date, end: date) -> Period:
    return Period(WHOLE, start, end)


_PERIOD = re.compile(r"^(?:W|MINGGU-?|M)?(\d{1,2})$")


def parse_period(text: str) -> str | None:
    """What a clerk types for a period: "1", "W1", "minggu-1" -> "W1"; "all", "semua" ->
    "ALL"; None when it is neither."""
    t = text.strip().upper().replace(" ", "")
    if t in {WHOLE, "SEMUA", "SELURUH"}:
        return WHOLE
    m = _PERIOD.match(t)
    if m is None or int(m[1]) < 1:
        return None
    return f"W{int(m[1])}"


@dataclass(frozen=True)
class Rates:
    transport: int
    pocket: int
    pocket_lump_sum: bool
    # A lump sum is earned by attending at least this share of the days held (the
    # cohort's completion rule), not by showing up once.
    min_rate: Fraction


@dataclass(frozen=True)
class Due:
    kind: Kind
    period: Period
    days: int
    rate: int
    amount: int


def dues(
    plan: list[Period],
    held: Iterable[date],
    attended: Iterable[date],
    rates: Rates,
) -> list[Due]:
    """What one person earned: transport for each day present (H) in each period; pocket
    money the same way, or as a lump sum for the whole cohort when the attendance rate
    reaches the cohort's minimum. Excused days (I/S) earn nothing: no journey was made."""
    came = set(attended)
    out: list[Due] = []
    for p in plan:
        n = sum(1 for d in came if p.start <= d <= p.end)
        out.append(Due(Kind.TRANSPORT, p, n, rates.transport, n * rates.transport))
        if not rates.pocket_lump_sum:
            out.append(Due(Kind.POCKET, p, n, rates.pocket, n * rates.pocket))
    if rates.pocket_lump_sum and plan:
        days_held = len(set(held))
        n = len(came)
        enough = days_held > 0 and Fraction(n, days_held) >= rates.min_rate
        span = whole(plan[0].start, plan[-1].end)
        out.append(Due(Kind.POCKET, span, n, rates.pocket, rates.pocket if enough else 0))
    return out


@dataclass(frozen=True)
class Balance:
    """An entitlement against its money rows. `paid` counts live payments (reversed ones
    excluded) at their full amount, a deduction included: the person was paid that much,
    part of it by settling an earlier overpayment."""

    amount: int
    approved_amount: int | None
    paid: int
    live_payments: int
    settled: int  # of this entitlement's overpayment: kept back later or written off

    @property
    def state(self) -> State:
        if self.paid > 0 and self.paid >= self.amount:
            return State.PAID
        if self.amount > 0 and self.approved_amount == self.amount:
            return State.APPROVED
        return State.COMPUTED

    @property
    def to_pay(self) -> int:
        """What may be paid now (only when approved)."""
        return max(0, self.amount - self.paid) if self.state is State.APPROVED else 0

    @property
    def overpaid(self) -> int:
        """Kelebihan bayar still to recover."""
        return max(0, self.paid - self.amount - self.settled)

    @property
    def double(self) -> bool:
        """Paid more than once for the same right (two counters offline)."""
        return self.live_payments >= 2 and self.paid > self.amount


def deductions(outstanding: list[tuple[str, int]], payable: int) -> list[tuple[str, int]]:
    """How much of each overpayment (oldest first) a payment of `payable` keeps back."""
    out: list[tuple[str, int]] = []
    left = payable
    for key, owed in outstanding:
        if left <= 0:
            break
        take = min(owed, left)
        if take > 0:
            out.append((key, take))
            left -= take
    return out
