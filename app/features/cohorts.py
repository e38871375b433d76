"""Angkatan: cohorts with their training days, enrolment with a waiting list, the attendance
grid with supervisor approval, and results (issue #10)."""

from __future__ import annotations

from app.features import DemoStep, Feature

FEATURE = Feature(
    key="cohorts",
    demo=DemoStep("app.services.demo_cohorts:demo_cohorts", order=40),
    cli=("app.cli.cohort_cmds",),
    entities=("cohort", "cohort_session", "enrollment", "attendance"),
)
