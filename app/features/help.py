"""Bantuan: the user guide (docs/panduan.md) inside the program, F1 from every page, listed
in the menu bar's Bantuan menu (issue #14)."""

from __future__ import annotations

from app.features import HELP_MENU, ActionSpec, Feature, ShotSpec
from app.texts import Text

FEATURE = Feature(
    key="help",
    actions=(
        ActionSpec(
            "user_guide",
            Text("Panduan", "User guide"),
            "F1",
            "app.ui.dialogs.user_guide:show_guide",
            menu=HELP_MENU,
            order=10,
        ),
    ),
    # before the lock screen (910), which leaves the demo admin's window locked
    screenshots=(ShotSpec("panduan", "app.ui.shots.help:guide", order=890),),
)
