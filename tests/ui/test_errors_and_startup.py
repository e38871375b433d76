"""The one error display, the crash hook, the task helper, and start-up to the first window."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app import logging_setup
from app.errors import ValidationError
from app.logging_setup import setup_logging
from app.texts import Text
from app.ui import messages, tasks
from tests.ui.helpers import message_boxes

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def log_file(home: Path):
    """The program's log file in the test's data dir, removed from logging afterwards."""
    path = setup_logging(home)
    yield path
    for handler in [h for h in logging.getLogger().handlers if getattr(h, "_loket", False)]:
        logging.getLogger().removeHandler(handler)
        handler.close()
    logging_setup._configured = None


def test_refusal_is_shown_in_indonesian(qtbot):
    box = messages.show_error(None, ValidationError(Text("Isi dengan angka.", "Enter a number.")))
    assert box.text() == "Isi dengan angka." and box.windowTitle() == "Periksa kembali"
    box.close()


def test_bug_is_logged_and_shown_with_the_log_file(qtbot, log_file, caplog):
    with caplog.at_level(logging.ERROR):
        box = messages.show_error(None, ZeroDivisionError("division by zero"))
    assert "Terjadi kesalahan" in box.text() and str(log_file) in box.text()
    assert "ZeroDivisionError" in caplog.text
    box.close()
    assert message_boxes() == []


def test_task_runs_off_the_ui_thread_and_reports_progress(qtbot):
    seen: list[object] = []
    main = threading.get_ident()

    def work(progress, is_cancelled):
        progress(1, 2)
        return threading.get_ident(), is_cancelled()

    task = tasks.run_task(work, on_done=seen.append, on_progress=lambda d, t: seen.append((d, t)))
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5_000)
    assert seen[0] == (1, 2)
    assert seen[1][0] != main and seen[1][1] is False
    assert task.done.is_set() and not tasks.busy()


def test_failures_come_back_to_the_ui_thread(qtbot):
    errors: list[BaseException] = []
    tasks.run_task(lambda p, c: 1 / 0, on_error=errors.append, write=True)
    qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
    assert isinstance(errors[0], ZeroDivisionError)


def _start(home: Path, code: str) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        LOKET_HOME=str(home),
        LOKET_EXIT_ON_FIRST_WINDOW="1",
        QT_QPA_PLATFORM="offscreen",
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_first_window_appears_without_the_database_layer(office, home):
    code = (
        "import sys, main; rc = main.main();"
        "print(rc, sorted(m for m in ('sqlalchemy', 'alembic', 'argon2') if m in sys.modules))"
    )
    result = _start(home, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[0] == "0 []"


def test_main_exits_cleanly_on_first_run(tmp_path):
    result = subprocess.run(
        [sys.executable, "main.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(
            os.environ,
            LOKET_HOME=str(tmp_path),
            LOKET_EXIT_ON_FIRST_WINDOW="1",
            QT_QPA_PLATFORM="offscreen",
        ),
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "logs" / "loket.log").exists()
    assert not (tmp_path / "loket.db").exists()  # nothing created before the user chose


def test_crash_hook_logs_and_shows_the_crash_dialog(qtbot, log_file):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.ui import crash

    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.extend([box.text(), box.informativeText(), box.detailedText()])
        continue_button = next(b for b in box.buttons() if b.text() == "Lanjutkan")
        continue_button.click()

    QTimer.singleShot(50, answer)
    try:
        raise ValueError("boom")
    except ValueError:
        crash.excepthook(*sys.exc_info())
    assert seen[0].startswith("Terjadi kesalahan yang tidak terduga.")
    assert str(log_file) in seen[1]
    assert "ValueError: boom" in seen[2]
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "ValueError: boom" in log_file.read_text(encoding="utf-8")


def test_first_window_modules_do_not_import_the_qt_namespace_at_load():
    import ast
    import importlib.util

    from app.ui.app import FIRST_WINDOW_MODULES

    for name in FIRST_WINDOW_MODULES:
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.origin
        tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
        for node in tree.body:  # module level only; imports inside functions are fine
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6"):
                assert "Qt" not in {a.name for a in node.names}, name


def test_first_window_loads_the_fewest_modules(office, home):
    code = (
        "import sys, main; rc = main.main();"
        "from app.ui.app import FIRST_WINDOW_MODULES;"
        "loaded = {m for m in sys.modules if m.startswith('app.ui')};"
        "print(sorted(loaded - set(FIRST_WINDOW_MODULES) - {'app.ui', 'app.ui.dialogs'}))"
    )
    result = _start(home, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[0] == "[]"


def test_held_log_records_reach_the_file_at_first_error_or_when_opened(tmp_path):
    """Start-up holds its log records until the first paint; none may be lost on the way."""
    code = (
        "import logging, sys\n"
        "from pathlib import Path\n"
        "from app.logging_setup import hold_records, open_held\n"
        "logs = Path(sys.argv[1])\n"
        "path = hold_records(logs)\n"
        "logging.getLogger('t').info('first line')\n"
        "print(path.exists(), 'logging.handlers' in sys.modules)\n"
        "logging.getLogger('t').error('broke before the window')\n"
        "print(path.exists())\n"
        "logging.getLogger('t').info('after')\n"
        "print(open_held() == path)\n"
        "for h in logging.getLogger().handlers: h.flush()\n"
        "print(path.read_text(encoding='utf-8').count('\\n'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "True", "True", "3"]
    text = (tmp_path / "loket.log").read_text(encoding="utf-8")
    assert text.index("first line") < text.index("broke before") < text.index("after")
