"""`loket screenshots` renders every main screen to a non-empty PNG."""

from __future__ import annotations

import os

from PySide6.QtGui import QImage

from app.ui.screenshots import render_all

NAMES = [
    "setup",
    "login",
    "home",
    "settings",
    "staff",
    "participants",
    "intake",
    "participant_detail",
    "participant_history",
    "import",
    "sync",
    "sync_problems",
    "sync_conflicts",
    "sync_duplicates",
    "change_password",
    "lock",
]


def test_render_all_writes_every_screen(qtbot, tmp_path):
    before = os.environ.get("LOKET_HOME")
    files = render_all(tmp_path / "shots")
    assert [f.stem for f in files] == NAMES
    for path in files:
        image = QImage(str(path))
        assert not image.isNull() and path.stat().st_size > 5_000, path
    home = QImage(str(tmp_path / "shots" / "home.png"))
    assert (home.width(), home.height()) == (1280, 800)
    assert os.environ.get("LOKET_HOME") == before  # the PC's own data dir is untouched
