"""Pemantauan: follow-up calls 1, 3 and 6 months after training, their outcomes and the
re-employment rates (issue #13)."""

from __future__ import annotations

from app.features import Feature

FEATURE = Feature(
    key="followups",
    cli=("app.cli.followup_cmds", "app.cli.vacancy_cmds"),
    entities=("follow_up", "vacancy", "referral"),
)
