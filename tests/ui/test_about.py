"""Tentang Loket Vokasi (issue #14, item 4): the version, every runtime dependency with its
version and licence, read from the installed metadata, and the region data's ODbL notice;
reached from the main window's Bantuan menu. Real widgets."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

import app
from app.ui.dialogs.about import AboutDialog, licence_of, show_about
from app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
REGIONS = ROOT / "resources" / "regions"


def _declared() -> list[str]:
    return [
        re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", spec).group(0) for spec in PROJECT["dependencies"]
    ]


def _rows(dialog: AboutDialog) -> list[tuple[str, str, str]]:
    table = dialog.table
    return [
        tuple(table.item(row, column).text() for column in range(3))  # type: ignore[misc]
        for row in range(table.rowCount())
    ]


def test_every_runtime_dependency_is_listed_with_its_version_and_licence(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    rows = _rows(dialog)
    assert [name for name, _v, _l in rows] == _declared()  # all of them, in pyproject's order
    for name, version, licence in rows:
        assert version == metadata.version(name), name
        assert licence and licence != "tidak disebutkan", name
        assert len(licence) <= 80 and "\n" not in licence, name
    by_name = {name: licence for name, _v, licence in rows}
    assert by_name["SQLAlchemy"] == "MIT"
    assert "LGPL" in by_name["PySide6-Essentials"]
    assert "LGPL" in by_name["python-stdnum"]  # the classifier, more precise than "LGPL"
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(3)]
    assert headers == ["Pustaka", "Versi", "Lisensi"]


def test_the_version_is_the_installed_programs(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.version.text() == f"Versi {PROJECT['version']}"
    assert metadata.version("loket-vokasi") == PROJECT["version"] == app.__version__
    assert dialog.windowTitle() == "Tentang Loket Vokasi"


def test_the_region_datas_odbl_notice_is_shown_with_a_link_to_the_licence(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.notice.text()
    assert "Open Database License (ODbL)" in text
    assert "idn-area-data 4.0.1" in text
    assert '<a href="https://github.com/fityannugroho/idn-area-data">' in text
    assert '<a href="https://opendatacommons.org/licenses/odbl/1-0/">' in text
    assert "LICENSE.md" in text and dialog.notice.openExternalLinks()
    # the notice names the source SOURCE.md names, and the licence text ships beside it
    source = (REGIONS / "SOURCE.md").read_text(encoding="utf-8")
    assert "idn-area-data" in source and "4.0.1" in source
    assert (
        (REGIONS / "LICENSE.md")
        .read_text(encoding="utf-8")
        .startswith("# Open Database License (ODbL)")
    )


def test_the_notice_file_goes_with_the_shared_region_data():
    shared = ROOT.parent / "shared" / "data" / "regions"
    if not shared.is_dir():
        pytest.skip("no shared/ beside the project")
    for name in ("LICENSE.md", "provinces.csv", "regencies.csv", "districts.csv"):
        assert (REGIONS / name).read_bytes() == (shared / name).read_bytes(), name


def test_a_licence_is_named_in_a_few_words_whatever_the_metadata_holds():
    from email.message import Message

    def meta(**fields: str | list[str]) -> Message:
        message = Message()
        for key, value in fields.items():
            for one in value if isinstance(value, list) else [value]:
                message[key.replace("_", "-")] = one
        return message

    assert licence_of(meta(License_Expression="MIT", License="whatever")) == "MIT"
    classifier = "License :: OSI Approved :: BSD License"
    assert licence_of(meta(License="BSD (see license.txt)", Classifier=[classifier])) == (
        "BSD License"
    )
    assert licence_of(meta(License="Copyright (c) 2020\nPermission is hereby granted")) == (
        "Copyright (c) 2020"
    )
    assert licence_of(meta(License="x" * 200)).endswith("…")
    assert licence_of(meta()) == ""


def test_it_opens_from_the_bantuan_menu_and_ctrl_shift_f1_with_the_focus_on_close(
    qtbot, ctx, admin
):
    window = MainWindow(ctx, admin, ctx.startup_info(), sync_interval_ms=0)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    # the Bantuan menu (wherever the window puts its button), after the user guide
    (help_menu,) = [m for m in window.findChildren(QMenu) if m.title() == "Bantuan"]
    entries = [a.text() for a in help_menu.actions()]
    assert entries[-1] == "Tentang Loket Vokasi" and len(entries) >= 2

    QTest.keyClick(
        window,
        Qt.Key.Key_F1,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.findChild(AboutDialog) is not None, timeout=5_000)
    dialog = window.findChild(AboutDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5_000)
    qtbot.waitUntil(lambda: dialog.close_button.hasFocus(), timeout=2_000)
    # it fits the offices' smallest screen (1366×768, less taskbar and title bar)
    assert dialog.sizeHint().height() <= 700 and dialog.sizeHint().width() <= 1300
    QTest.keyClick(dialog, Qt.Key.Key_Return)  # Enter closes it
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2_000)


def test_show_about_opens_a_window_modal_dialog_that_deletes_itself(qtbot):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    dialog = show_about(parent)
    assert dialog.isVisible() and dialog.parent() is parent
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.reject()


def test_english_interface(qtbot):
    from app.ui import i18n

    i18n.apply_language("en")
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "About Loket Vokasi"
    assert dialog.version.text() == f"Version {PROJECT['version']}"


def test_the_program_icon_is_a_256_pixel_image():
    pixmap = QPixmap(str(ROOT / "resources" / "icons" / "app.png"))
    assert not pixmap.isNull() and (pixmap.width(), pixmap.height()) == (256, 256)


def test_the_program_sets_its_icon_on_every_window():
    """A fresh process, as the program starts: ensure_application gives the icon."""
    import os
    import subprocess
    import sys

    code = (
        "from app.ui.app import ensure_application\n"
        "icon = ensure_application([]).windowIcon()\n"
        "print(icon.isNull(), icon.pixmap(256, 256).width())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "256"]
