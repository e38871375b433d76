"""Pembayaran: stipend entitlements from attendance, approval by period, payments against
printed receipts (kuitansi), reversals, overpayments and the counter's cash close
(issue #11)."""

from __future__ import annotations

from app.features import Feature

FEATURE = Feature(
    key="stipends",
    entities=(
        "entitlement",
        "payment",
        "payment_reversal",
        "receipt_print",
        "recovery_settlement",
        "cash_close",
    ),
)
