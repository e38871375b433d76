"""Tentang Loket Vokasi: the About box (version, the libraries' licences, the region data's
ODbL notice), in the Bantuan menu after the user guide (issue #14)."""

from __future__ import annotations

from app.features import HELP_MENU, ActionSpec, Feature, ShotSpec
from app.texts import Text

FEATURE = Feature(
    key="about",
    actions=(
        ActionSpec(
            "about",
            Text("Tentang Loket Vokasi", "About Loket Vokasi"),
            "Ctrl+Shift+F1",
            "app.ui.dialogs.about:show_about",
            menu=HELP_MENU,
            order=90,
        ),
    ),
    # after the user guide (890), before the lock screen (910)
    screenshots=(ShotSpec("about", "app.ui.dialogs.about:screenshot", order=895),),
)
