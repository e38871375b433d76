"""Pengaturan: the office's settings and its staff accounts."""

from __future__ import annotations

from app.features import Feature, PageSpec, ShotSpec
from app.texts import Text

FEATURE = Feature(
    key="settings",
    pages=(
        PageSpec(
            "settings",
            Text("Pengaturan", "Settings"),
            "app.ui.pages.settings:page",
            order=90,
            shortcut="Ctrl+0",  # the tenth page: Ctrl+1…9 are taken by position
        ),
    ),
    screenshots=(
        ShotSpec("settings", "app.ui.shots.settings:settings", order=110, page="settings"),
        ShotSpec("staff", "app.ui.shots.settings:staff", order=120, page="settings"),
    ),
)
