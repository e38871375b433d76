"""Pembayaran: stipend entitlements from attendance, approval by period, payments against
printed receipts (kuitansi), reversals, overpayments and the counter's cash close
(issue #11)."""

from __future__ import annotations

from app.features import DemoStep, Feature, PageSpec, ShotSpec
from app.texts import Text

SHOTS = "app.ui.shots.payments"

FEATURE = Feature(
    key="stipends",
    pages=(
        PageSpec(
            "payments", Text("Pembayaran", "Payments"), "app.ui.pages.payments:page", order=50
        ),
    ),
    screenshots=(
        ShotSpec("payments", f"{SHOTS}:payments", order=500, page="payments"),
        ShotSpec("payment_pay", f"{SHOTS}:pay", order=510, page="payments"),
        ShotSpec("receipt_preview", f"{SHOTS}:receipt", order=520, page="payments"),
        ShotSpec("payment_recoveries", f"{SHOTS}:recoveries", order=530, page="payments"),
        ShotSpec("cash_close", f"{SHOTS}:cash", order=540, page="payments"),
    ),
    demo=DemoStep("app.services.demo_stipends:demo_stipends", order=50),
    cli=(
        "app.cli.entitlement_cmds",
        "app.cli.payment_cmds",
        "app.cli.receipt_cmds",
        "app.cli.cash_cmds",
    ),
    entities=(
        "entitlement",
        "payment",
        "payment_reversal",
        "receipt_print",
        "recovery_settlement",
        "cash_close",
    ),
)
