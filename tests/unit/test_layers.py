"""DESIGN §2: nothing outside app/ui imports PySide6; the CLI and services run without Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_pyside6_is_imported_only_under_app_ui():
    offenders = [
        str(p.relative_to(APP.parent))
        for p in APP.rglob("*.py")
        if "ui" not in p.relative_to(APP).parts[:1] and "PySide6" in _imports(p)
    ]
    assert offenders == []


def test_services_and_cli_load_without_qt():
    code = (
        "import sys, app.cli, app.services.auth, app.services.staff, app.services.maintenance;"
        "app.cli.build_parser();"
        "print('PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_no_session_or_models_in_the_ui_layer():
    ui = APP / "ui"
    offenders = [
        str(p.relative_to(APP.parent))
        for p in ui.rglob("*.py")
        if {"sqlalchemy"} & _imports(p) or "app.models" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []
