"""Sinkronisasi: the link to the central server, what waits and what was refused, and the
supervisor's review of conflicts and duplicate NIKs."""

from __future__ import annotations

from app.features import Feature, PageSpec, ShotSpec
from app.texts import Text

SHOTS = "app.ui.shots.sync"

FEATURE = Feature(
    key="sync",
    # Its own shortcut: a page added after it must not push it to an unreachable Ctrl+10.
    pages=(
        PageSpec(
            "sync",
            Text("Sinkronisasi", "Sync"),
            "app.ui.pages.sync:page",
            order=80,
            shortcut="Ctrl+9",
        ),
    ),
    screenshots=(
        ShotSpec("sync", f"{SHOTS}:sync", order=800, page="sync"),
        ShotSpec("sync_problems", f"{SHOTS}:problems", order=810, page="sync"),
        ShotSpec("sync_conflicts", f"{SHOTS}:conflicts", order=820, page="sync"),
        ShotSpec("sync_duplicates", f"{SHOTS}:duplicates", order=830, page="sync"),
    ),
    cli=("app.cli.sync_cmds",),
)
