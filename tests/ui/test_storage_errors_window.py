"""The window answers a bad environment with a clear message box, never a crash: LOKET_HOME
pointing to a file, a read-only data folder, a damaged database (at start, and when the
damage is met at sign-in).

`python main.py` runs as a real process; a timer in that process reads the message box
that appears (title and text), prints it, and presses OK.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

from tests.ui.helpers import sign_in
from tests.unit.helpers import rows
from tests.unit.mounts import read_only_home
from tests.unit.test_bad_environment import init_office

ROOT = Path(__file__).resolve().parents[2]
READ_THE_BOX = """
import main
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from app.ui.app import ensure_application

ensure_application([])

def answer():
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(50, answer)
        return
    print("BOX:", box.windowTitle(), "|", box.text().replace("\\n", " "), flush=True)
    box.accept()

QTimer.singleShot(50, answer)
print("EXIT:", main.main(), flush=True)
"""


def start_window(home: Path) -> tuple[list[str], str]:
    """The message boxes `python main.py` showed, and its stderr; it must exit 1."""
    out = subprocess.run(
        [sys.executable, "-c", READ_THE_BOX],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "LOKET_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert "Traceback" not in out.stderr, out.stderr
    assert "EXIT: 1" in out.stdout, out.stdout + out.stderr
    return [line for line in out.stdout.splitlines() if line.startswith("BOX:")], out.stderr


def test_loket_home_that_is_a_file_gets_a_message_box(tmp_path):
    home = tmp_path / "bukan-folder"
    home.write_text("x", encoding="utf-8")
    boxes, _ = start_window(home)
    assert len(boxes) == 1 and str(home) in boxes[0] and "bukan folder" in boxes[0]


def test_read_only_data_folder_gets_a_message_box(tmp_path):
    with read_only_home(tmp_path / "ro", init_office) as home:
        boxes, _ = start_window(home)
    assert len(boxes) == 1 and "tidak dapat ditulisi" in boxes[0]


def test_damaged_database_at_start_gets_a_message_box_saying_what_to_do(tmp_path):
    home = tmp_path / "kantor"
    init_office(home)
    (home / "loket.db").write_bytes(random.Random(3).randbytes(100_000))
    boxes, _ = start_window(home)
    assert len(boxes) == 1
    assert "rusak" in boxes[0] and "loket restore" in boxes[0]
    assert str(home / "backups") in boxes[0]


def test_damage_met_at_sign_in_is_explained(qtbot, flow, office, admin_password):
    office.dispose()  # everything in the file itself, then one table's page is garbage
    root = int(
        str(rows(office.path, "SELECT rootpage FROM sqlite_master WHERE name='staff'")[0][0])
    )
    data = bytearray(office.path.read_bytes())
    data[(root - 1) * 4096 : root * 4096] = bytes([0xA5]) * 4096
    office.path.write_bytes(bytes(data))

    login = flow.start()  # office and counter are read from pages still sound
    sign_in(qtbot, login, "admin", admin_password)
    assert login.error.isVisible()
    assert "rusak" in login.error.text() and "loket restore" in login.error.text()
    assert "SELECT" not in login.error.text()
