"""Lembaga pelatihan: the module catalogue, the provider registry, the agency's checklist
with evidence, the supervisor's decision, and whether a cohort may start (issue #9)."""

from __future__ import annotations

from app.features import DemoStep, Feature, PageSpec, ShotSpec
from app.texts import Text

SHOTS = "app.ui.shots.providers"

FEATURE = Feature(
    key="providers",
    pages=(
        PageSpec(
            "providers", Text("Lembaga", "Providers"), "app.ui.pages.providers:page", order=30
        ),
        PageSpec("modules", Text("Modul", "Modules"), "app.ui.pages.modules:page", order=35),
    ),
    screenshots=(
        ShotSpec("providers", f"{SHOTS}:providers", order=300, page="providers"),
        ShotSpec("provider_detail", f"{SHOTS}:detail", order=310, page="providers"),
        ShotSpec("provider_checklist", f"{SHOTS}:checklist", order=320, page="providers"),
        ShotSpec("provider_decision", f"{SHOTS}:decision", order=330, page="providers"),
        ShotSpec("provider_form", f"{SHOTS}:new_provider", order=340, page="providers"),
        ShotSpec("modules", f"{SHOTS}:modules", order=350, page="modules"),
    ),
    demo=DemoStep("app.services.demo_providers:demo_providers", order=30),
    cli=("app.cli.provider_cmds",),
    entities=(
        "training_module",
        "training_provider",
        "provider_module",
        "provider_check",
        "provider_evidence",
        "provider_decision",
    ),
)
