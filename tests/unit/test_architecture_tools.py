"""The test command checks the layers (import-linter) and the declared dependencies
(deptry), and each check fails on a deliberate violation: shown here on a copy of the
project, so the tools are known to bite, not only to pass."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _copy(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "app", project / "app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    return project


def _run(project: Path, *command: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(project)}  # the copy's `app`, not the installed one
    return subprocess.run(
        [str(BIN / command[0]), *command[1:]],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_import_linter_keeps_the_layers_and_breaks_on_a_violation(tmp_path):
    project = _copy(tmp_path)
    clean = _run(project, "lint-imports", "--no-cache")
    assert clean.returncode == 0, clean.stdout[-2000:]
    (project / "app" / "domain" / "shortcut.py").write_text(
        '"""A rule that reads the database: what the contract forbids."""\n'
        "from app.services import staff\n"
    )
    (project / "app" / "server" / "shortcut.py").write_text("from app.models import Participant\n")
    broken = _run(project, "lint-imports", "--no-cache")
    assert broken.returncode != 0
    assert "app.domain is pure rules" in broken.stdout and "BROKEN" in broken.stdout
    assert "app.domain.shortcut -> app.services.staff" in broken.stdout
    assert "app.server.shortcut -> app.models" in broken.stdout


def test_deptry_finds_an_undeclared_import(tmp_path):
    project = _copy(tmp_path)
    clean = _run(project, "deptry", ".")
    assert clean.returncode == 0, clean.stdout[-2000:] + clean.stderr[-2000:]
    (project / "app" / "services" / "shortcut.py").write_text("import yaml\n")
    broken = _run(project, "deptry", ".")
    assert broken.returncode != 0
    assert "'yaml'" in broken.stdout + broken.stderr
