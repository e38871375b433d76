"""`loket screenshots` renders every screen the features declare to a non-empty PNG, and a
new feature appears everywhere by declaring itself (issue #8)."""

from __future__ import annotations

import os

from PySide6.QtGui import QImage

from app import features
from app.cli.ui_cmds import render_screenshots
from app.logging_setup import current_log_file, setup_logging
from app.ui.shots.session import MAIN_SIZE


def test_every_page_has_a_screenshot():
    pages = {p.key for p in features.pages()}
    shown = {s.page for s in features.screenshots()}
    assert pages and pages <= shown, pages - shown


def test_render_all_writes_every_screen_a_new_feature_included(qtbot, tmp_path, probe_feature):
    before = os.environ.get("LOKET_HOME")
    real_logs = tmp_path / "real-office-logs"
    real_logs.mkdir()
    setup_logging(real_logs)  # as `loket screenshots` finds it: the PC's own log
    files = render_screenshots(tmp_path / "shots")
    names = [s.name for s in features.screenshots()]
    assert "probe" in names and "setup" in names and "sync_duplicates" in names
    assert [f.stem for f in files] == names
    for path in files:
        image = QImage(str(path))
        assert not image.isNull() and path.stat().st_size > 5_000, path
    # the main window as maximised on 1366×768 with a taskbar and a title bar (issue #8)
    assert MAIN_SIZE == (1366, 768 - 40 - 30)
    for name in ("home", "intake", "settings", "sync"):
        shot = QImage(str(tmp_path / "shots" / f"{name}.png"))
        assert (shot.width(), shot.height()) == MAIN_SIZE, name
    setup = QImage(str(tmp_path / "shots" / "setup.png"))  # a dialog at its own size
    assert setup.width() < 1366 and setup.height() < MAIN_SIZE[1]
    assert os.environ.get("LOKET_HOME") == before  # the PC's own data dir is untouched
    # and its log holds nothing of the demo office's (it was upgraded from nothing there)
    assert current_log_file() == real_logs / "loket.log"
    text = (real_logs / "loket.log").read_text(encoding="utf-8") if current_log_file() else ""
    assert "upgraded from None" not in text
