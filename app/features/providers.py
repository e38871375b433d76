"""Lembaga pelatihan: the module catalogue, the provider registry, the agency's checklist
with evidence, the supervisor's decision, and whether a cohort may start (issue #9)."""

from __future__ import annotations

from app.features import DemoStep, Feature

FEATURE = Feature(
    key="providers",
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
