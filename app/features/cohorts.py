"""Angkatan: cohorts with their training days, enrolment with a waiting list, the attendance
grid with supervisor approval, and results (issue #10)."""

from __future__ import annotations

from app.features import Feature

FEATURE = Feature(
    key="cohorts",
    cli=("app.cli.cohort_cmds",),
    entities=("cohort", "cohort_session", "enrollment", "attendance"),
)
