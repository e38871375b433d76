"""Angkatan: cohorts with their training days, enrolment with a waiting list, the attendance
grid with supervisor approval, and results (issue #10)."""

from __future__ import annotations

from app.features import DemoStep, Feature, PageSpec, ShotSpec
from app.texts import Text

SHOTS = "app.ui.shots.cohorts"

FEATURE = Feature(
    key="cohorts",
    pages=(
        PageSpec("cohorts", Text("Angkatan", "Cohorts"), "app.ui.pages.cohorts:page", order=40),
    ),
    screenshots=(
        ShotSpec("cohorts", f"{SHOTS}:cohorts", order=400, page="cohorts"),
        ShotSpec("cohort_people", f"{SHOTS}:people", order=410, page="cohorts"),
        ShotSpec("cohort_attendance", f"{SHOTS}:attendance", order=420, page="cohorts"),
        ShotSpec("cohort_result", f"{SHOTS}:result", order=430, page="cohorts"),
        ShotSpec("cohort_enrol", f"{SHOTS}:enrol", order=440, page="cohorts"),
        ShotSpec("cohort_form", f"{SHOTS}:new_cohort", order=450, page="cohorts"),
    ),
    demo=DemoStep("app.services.demo_cohorts:demo_cohorts", order=40),
    cli=("app.cli.cohort_cmds",),
    entities=("cohort", "cohort_session", "enrollment", "attendance"),
)
