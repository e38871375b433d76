"""Plain data about stipends that the services hand to the window and the CLI (no ORM rows
leave a session)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class EntitlementRow:
    id: str
    cohort_id: str
    cohort_code: str
    participant_id: str
    name: str
    nik: str  # the CLI's --json names people by NIK; the window shows nik_masked
    nik_masked: str
    kind: str  # transport | pocket
    period: str  # W1... | ALL
    period_label: str
    days: int
    rate: int
    amount: int
    approved_amount: int | None
    paid: int
    to_pay: int
    overpaid: int
    state: str  # dihitung | disetujui | dibayar
    double: bool
    receipt: str | None  # the latest live payment's receipt number
    receipts: tuple[str, ...] = ()  # every live payment's receipt (two: a double payment)


@dataclass(frozen=True)
class Change:
    """One entitlement that a recomputation changed (or found too high once paid)."""

    entitlement_id: str
    name: str
    kind: str
    period: str
    old: int | None  # None: new
    new: int
    note: str  # "", "kelebihan bayar Rp…", "kurang bayar Rp…"


@dataclass(frozen=True)
class ComputeReport:
    cohort_code: str
    created: int
    changed: int
    unchanged: int
    changes: tuple[Change, ...]
    overpaid: tuple[Change, ...]  # paid entitlements now too high: recovery items


@dataclass(frozen=True)
class PeriodTotals:
    """What a supervisor sees before approving a batch."""

    cohort_code: str
    period: str | None  # None: every period
    people: int
    count: int
    transport: int
    pocket: int
    total: int
    unlocked_days: tuple[date, ...]  # held days of the period not yet approved
    future_days: tuple[date, ...]  # days of the period still to come


@dataclass(frozen=True)
class PaymentDone:
    payment_id: str
    receipt_number: str
    entitlement_id: str
    name: str
    amount: int
    deduction: int
    cash: int  # handed over: amount - deduction
    method: str
    paid_at: datetime


@dataclass(frozen=True)
class RecoveryRow:
    """An overpayment still to recover (kelebihan bayar), or a double payment."""

    entitlement_id: str
    cohort_code: str
    participant_id: str
    name: str
    kind: str
    period: str
    amount: int
    paid: int
    outstanding: int
    double: bool
    receipts: tuple[str, ...]


@dataclass(frozen=True)
class SeriesEntry:
    number: str
    state: str  # issued | void | missing
    amount: int | None = None
    paid_on: date | None = None


@dataclass(frozen=True)
class SeriesReport:
    prefix: str
    entries: tuple[SeriesEntry, ...]
    issued: int
    void: int
    missing: int


@dataclass(frozen=True)
class CashLine:
    receipt_number: str
    paid_at: datetime
    name: str
    kind: str
    cohort_code: str
    period: str
    method: str
    amount: int  # cash/transfer actually handed over; negative for a reversal
    reversal: bool = False
    void: bool = False


@dataclass(frozen=True)
class CashDay:
    """A counter's day as it stands: what the cash close signs."""

    device_id: str
    counter: str
    day: date
    totals: tuple[tuple[str, str, int, int], ...]  # (kind, method, receipts, amount)
    receipts: int
    first_number: str | None
    last_number: str | None
    voids: tuple[str, ...]
    cash_paid: int
    cash_returned: int
    transfer_total: int
    lines: tuple[CashLine, ...] = field(default=())
    closed: CashCloseRow | None = None


@dataclass(frozen=True)
class CashCloseRow:
    id: str
    day: date
    counter: str
    opening: int
    cash_paid: int
    cash_returned: int
    expected: int
    counted: int
    difference: int
    transfer_total: int
    receipts: int
    closed_by: str
    approved_by: str
    closed_at: datetime
