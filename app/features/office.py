"""The office itself: set-up, sign-in, the account dialogs, staff and maintenance commands,
and the record types every office has (offices, staff, the audit trail)."""

from __future__ import annotations

from app.features import DemoStep, Feature, ShotSpec

FEATURE = Feature(
    key="office",
    screenshots=(
        ShotSpec("setup", "app.ui.shots.office:setup", order=10),
        ShotSpec("login", "app.ui.shots.office:login", order=20),
        ShotSpec("change_password", "app.ui.shots.office:change_password", order=900),
        ShotSpec("lock", "app.ui.shots.office:lock", order=910),
    ),
    demo=DemoStep("app.services.demo:demo_staff", order=10),
    cli=(
        "app.cli.office_cmds",
        "app.cli.maintenance_cmds",
        "app.cli.staff_cmds",
        "app.cli.server_cmds",
        "app.cli.ui_cmds",
    ),
    entities=("office", "staff", "audit_event"),
)
