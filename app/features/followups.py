"""Pemantauan: follow-up calls 1, 3 and 6 months after training and their outcomes, job
vacancies matched with people, referrals, supply and demand per module and province, and
the re-employment rates (issue #13)."""

from __future__ import annotations

from app.features import DemoStep, Feature, PageSpec, ShotSpec
from app.texts import Text

SHOTS = "app.ui.shots.followups"

FEATURE = Feature(
    key="followups",
    pages=(
        PageSpec(
            "followups",
            Text("Pemantauan", "Follow-up"),
            "app.ui.pages.followups:page",
            order=58,
        ),
    ),
    screenshots=(
        ShotSpec("followups_calls", f"{SHOTS}:calls", order=580, page="followups"),
        ShotSpec("followups_outcome", f"{SHOTS}:outcome", order=582, page="followups"),
        ShotSpec("vacancies", f"{SHOTS}:vacancies", order=584, page="followups"),
        ShotSpec("vacancy_matches", f"{SHOTS}:matches", order=586, page="followups"),
        ShotSpec("supply_demand", f"{SHOTS}:supply_demand", order=588, page="followups"),
        ShotSpec("followup_rates", f"{SHOTS}:rates", order=590, page="followups"),
    ),
    cli=("app.cli.followup_cmds", "app.cli.vacancy_cmds"),
    demo=DemoStep("app.services.demo_followups:demo_followups", order=70),
    entities=("follow_up", "vacancy", "referral"),
)
