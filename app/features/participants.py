"""Peserta: registration, the participant list and detail, import and export, personal data."""

from __future__ import annotations

from app.domain.roles import Permission
from app.features import ActionSpec, DemoStep, Feature, PageSpec, ShotSpec
from app.texts import Text

SHOTS = "app.ui.shots.participants"

FEATURE = Feature(
    key="participants",
    pages=(
        PageSpec(
            "participants",
            Text("Peserta", "Participants"),
            "app.ui.pages.participants:page",
            order=20,
        ),
    ),
    actions=(
        ActionSpec(
            "new_participant",
            Text("Pendaftaran baru", "New registration"),
            "Ctrl+N",
            "app.ui.pages.participants:new_registration",
            permission=Permission.PARTICIPANT_REGISTER,
        ),
    ),
    screenshots=(
        ShotSpec("participants", f"{SHOTS}:participants", order=200, page="participants"),
        ShotSpec("intake", f"{SHOTS}:intake", order=210, page="participants"),
        ShotSpec("participant_detail", f"{SHOTS}:detail", order=220, page="participants"),
        ShotSpec("participant_history", f"{SHOTS}:history", order=230, page="participants"),
        ShotSpec("import", f"{SHOTS}:import_dialog", order=240, page="participants"),
    ),
    demo=DemoStep("app.services.demo_participants:demo_participants", order=20),
    cli=("app.cli.participant_cmds",),
    entities=("participant", "consent", "participant_document"),
)
