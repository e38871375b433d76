"""Every visible string has a finished Indonesian translation, and the .qm files are current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = BIN / name
    found = str(path) if path.exists() else shutil.which(name)
    if not found:
        pytest.skip(f"{name} not installed")
    return found


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def test_every_source_string_has_a_finished_indonesian_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "app" / "ui").rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    needed = _messages(fresh)
    assert len(needed) > 100  # lupdate really read the sources
    committed = _messages(I18N / "loket_id.ts")
    problems = []
    for key in sorted(needed):
        message = committed.get(key)
        translation = None if message is None else message.find("translation")
        if translation is None:
            problems.append(f"missing: {key}")
        elif translation.get("type") in {"unfinished", "vanished", "obsolete"}:
            problems.append(f"unfinished: {key}")
        elif not (translation.text or "").strip():
            problems.append(f"empty: {key}")
    assert problems == [], "run scripts/update_translations.sh and translate:\n" + "\n".join(
        problems
    )


def test_placeholders_survive_translation():
    import re

    for (context, source), message in _messages(I18N / "loket_id.ts").items():
        text = message.findtext("translation") or ""
        assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", text)), (
            context,
            source,
        )


@pytest.mark.parametrize("name", ["loket_id", "qt_extra_id"])
def test_committed_qm_matches_the_ts(tmp_path, name):
    rebuilt = tmp_path / f"{name}.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(I18N / f"{name}.ts"), "-qm", str(rebuilt)],
        check=True,
        capture_output=True,
    )
    assert rebuilt.read_bytes() == (I18N / f"{name}.qm").read_bytes(), (
        "run scripts/update_translations.sh and commit the .qm"
    )
