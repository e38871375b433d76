"""Stipends (issue #11): what each participant is owed, what was paid against which receipt,
reversals, recoveries and the counter's daily cash close.

What is owed (Entitlement) is a computed record that changes while it is unpaid. The money
rows — Payment, PaymentReversal, ReceiptPrint, RecoverySettlement, CashClose — are
append-only (DESIGN §4): they are never updated or deleted, a correction is a new row
(SQLite triggers of migration 0011 refuse a change of their business columns, and the
server applies them insert-only). Everything derived — whether an entitlement is paid,
what is overpaid (kelebihan bayar), a double payment — is computed from these rows, so two
counters that paid offline see the same answer once they have each other's rows.

The receipt number (KW/<OFFICE>-<DEVICE>/<YEAR>/<SEQ>) is a column of the payment itself:
it is taken in the same transaction, and a payment without its number cannot exist.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, UtcDateTime


class Entitlement(SyncMixin, Base):
    """Transport or pocket money one enrolled person is owed for one period;
    id = stable_id("entitlement", enrollment, kind, period), so two counters computing it
    offline make one record.

    `amount` is the current right (recomputed from attendance); it is approved when
    `approved_amount` equals it, and paid when the live payments reach it."""

    __tablename__ = "entitlement"
    __sync_entity__ = "entitlement"
    __table_args__ = (Index("ix_entitlement_cohort_period", "cohort_id", "period"),)

    cohort_id: Mapped[str] = mapped_column(ForeignKey("cohort.id"))
    enrollment_id: Mapped[str] = mapped_column(ForeignKey("enrollment.id"))
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # transport | pocket
    period: Mapped[str] = mapped_column(String(8))  # W1, W2, ... or ALL
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    days: Mapped[int] = mapped_column(Integer)  # attended days counted
    rate: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Integer)
    computed_by: Mapped[str] = mapped_column(String(64))
    computed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    approved_amount: Mapped[int | None] = mapped_column(Integer, default=None)
    approved_by: Mapped[str | None] = mapped_column(String(64), default=None)
    approved_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)


class Payment(SyncMixin, Base):
    """Money handed over (cash) or sent (transfer) for one entitlement, with its receipt.

    `round` is the n-th payment of the entitlement this PC knew of: the unique index
    (entitlement, round, device) is the database's own refusal of a second payment of the
    same thing at one counter, while a payment made at another counter offline is still
    stored when it arrives (and shown as a double payment, never dropped). `amount` is
    the entitlement's part paid; `deduction` the overpayment of an earlier entitlement
    kept back from it (the cash handed over is amount - deduction)."""

    __tablename__ = "payment"
    __sync_entity__ = "payment"
    __table_args__ = (
        Index("ix_payment_round", "entitlement_id", "round", "device_id", unique=True),
        Index("ix_payment_device_day", "device_id", "paid_on"),
    )

    entitlement_id: Mapped[str] = mapped_column(ForeignKey("entitlement.id"), index=True)
    cohort_id: Mapped[str] = mapped_column(ForeignKey("cohort.id"), index=True)
    round: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Integer)
    deduction: Mapped[int] = mapped_column(Integer, default=0)
    method: Mapped[str] = mapped_column(String(8))  # cash | transfer
    reference: Mapped[str | None] = mapped_column(String(64), default=None)
    receipt_number: Mapped[str] = mapped_column(String(40), unique=True)
    paid_by: Mapped[str] = mapped_column(String(64))
    paid_by_name: Mapped[str] = mapped_column(String(120))
    paid_at: Mapped[datetime] = mapped_column(UtcDateTime())
    paid_on: Mapped[date] = mapped_column(Date)  # the counter's local day (cash close)
    device_id: Mapped[str] = mapped_column(String(36))


class PaymentReversal(SyncMixin, Base):
    """A payment undone (the money came back, or it was never handed over), with the
    reason and the supervisor who signed it off. Its receipt stays, shown BATAL.

    One PC reverses a payment once (the service refuses a second), but two counters may
    both reverse it while offline: both rows are kept when they meet (money rows are never
    dropped; each counter's cash close counts the cash it took back), and the payment
    counts as reversed once."""

    __tablename__ = "payment_reversal"
    __sync_entity__ = "payment_reversal"

    payment_id: Mapped[str] = mapped_column(ForeignKey("payment.id"), index=True)
    entitlement_id: Mapped[str] = mapped_column(ForeignKey("entitlement.id"), index=True)
    amount: Mapped[int] = mapped_column(Integer)
    cash_returned: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(Text)
    requested_by: Mapped[str] = mapped_column(String(64))
    approved_by: Mapped[str] = mapped_column(String(64))
    reversed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    reversed_on: Mapped[date] = mapped_column(Date)
    device_id: Mapped[str] = mapped_column(String(36), index=True)


class ReceiptPrint(SyncMixin, Base):
    """One print of a receipt: copy 0 is the original, every later one says SALINAN."""

    __tablename__ = "receipt_print"
    __sync_entity__ = "receipt_print"

    payment_id: Mapped[str] = mapped_column(ForeignKey("payment.id"), index=True)
    copy_no: Mapped[int] = mapped_column(Integer)
    printed_by: Mapped[str] = mapped_column(String(64))
    printed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    device_id: Mapped[str] = mapped_column(String(36))


class RecoverySettlement(SyncMixin, Base):
    """Part of an overpayment (kelebihan bayar) settled: kept back from a later payment
    (`offset`, naming it) or written off by a supervisor with a reason (`write_off`)."""

    __tablename__ = "recovery_settlement"
    __sync_entity__ = "recovery_settlement"

    entitlement_id: Mapped[str] = mapped_column(ForeignKey("entitlement.id"), index=True)
    amount: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(12))  # offset | write_off
    payment_id: Mapped[str | None] = mapped_column(ForeignKey("payment.id"), default=None)
    reason: Mapped[str | None] = mapped_column(Text, default=None)
    settled_by: Mapped[str] = mapped_column(String(64))
    approved_by: Mapped[str | None] = mapped_column(String(64), default=None)
    settled_at: Mapped[datetime] = mapped_column(UtcDateTime())
    device_id: Mapped[str] = mapped_column(String(36))


class CashClose(SyncMixin, Base):
    """A counter's day closed (tutup kas): the figures as they stood, the cash counted and
    the supervisor who signed; id = stable_id("cash_close", device, day). After it the
    counter pays nothing more on that day."""

    __tablename__ = "cash_close"
    __sync_entity__ = "cash_close"

    device_id: Mapped[str] = mapped_column(String(36))
    day: Mapped[date] = mapped_column(Date)
    counter: Mapped[str] = mapped_column(String(16))  # "JKT-1"
    opening: Mapped[int] = mapped_column(Integer)
    cash_paid: Mapped[int] = mapped_column(Integer)
    cash_returned: Mapped[int] = mapped_column(Integer)
    transfer_total: Mapped[int] = mapped_column(Integer)
    counted: Mapped[int] = mapped_column(Integer)
    receipts: Mapped[int] = mapped_column(Integer)
    totals: Mapped[str] = mapped_column(Text)  # JSON [[kind, method, count, amount], ...]
    closed_by: Mapped[str] = mapped_column(String(64))
    approved_by: Mapped[str] = mapped_column(String(64))
    closed_at: Mapped[datetime] = mapped_column(UtcDateTime())


APPEND_ONLY: tuple[type[SyncMixin], ...] = (
    Payment,
    PaymentReversal,
    ReceiptPrint,
    RecoverySettlement,
    CashClose,
)
