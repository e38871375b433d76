"""The installer (issue #14, item 4): what packaging/loket.spec puts into the one-folder
program, the `--version` of the `loket` command, the program icon, and the CI step.

The spec is run here as PyInstaller runs it, with PyInstaller's real helpers
(collect_submodules, copy_metadata…) but stand-ins for its build steps, which record what
they are given: a file the program reads at run time and the spec forgets fails here in
seconds, not in the packaged program at an office. The build itself, and the built program
started from its folder, is scripts/build_installer.sh (run by scripts/test.sh in CI).
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

import app

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "loket.spec"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


class _Recorded:
    def __init__(self) -> None:
        self.exes: list[dict[str, Any]] = []
        self.collect: tuple[tuple[Any, ...], dict[str, Any]] | None = None
        self.analysis: dict[str, Any] = {}


def _run_spec(binaries: list[tuple[str, str, str]] | None = None) -> tuple[dict, _Recorded]:
    """Execute the spec with recording stand-ins for Analysis, PYZ, EXE and COLLECT."""
    seen = _Recorded()

    class Analysis:
        def __init__(self, scripts: list[str], **kw: Any) -> None:
            seen.analysis = {"scripts": scripts, **kw}
            # PyInstaller's table of contents: (name in the folder, source, kind)
            self.datas = [
                (str(Path(dest) / Path(src).name), src, "DATA") for src, dest in kw["datas"]
            ]
            self.binaries = list(binaries or [])
            self.pure: list[Any] = []
            self.scripts = [("pyi_rth_inspect", "rthook.py", "PYSOURCE")] + [
                (Path(s).stem, s, "PYSOURCE") for s in scripts
            ]

    def exe(pyz: Any, scripts: list[Any], *rest: Any, **kw: Any) -> str:
        seen.exes.append({"scripts": [s[0] for s in scripts], **kw})
        return kw["name"]

    def collect(*args: Any, **kw: Any) -> None:
        seen.collect = (args, kw)

    namespace: dict[str, Any] = {
        "SPECPATH": str(SPEC.parent),
        "Analysis": Analysis,
        "PYZ": lambda *a, **k: "pyz",
        "EXE": exe,
        "COLLECT": collect,
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return namespace, seen


@pytest.fixture(scope="module")
def spec() -> tuple[dict, _Recorded]:
    pytest.importorskip("PyInstaller", reason="pyinstaller is in the dev extra")
    return _run_spec()


def _packed(namespace: dict) -> set[str]:
    """Every data file's path inside the folder's _internal/."""
    return {Path(name).as_posix() for name, _src, _kind in namespace["a"].datas}


def test_two_programs_share_one_folder_the_window_and_the_console_command(spec):
    _namespace, seen = spec
    assert [Path(s).name for s in seen.analysis["scripts"]] == ["main.py", "loket_cli.py"]
    by_name = {exe["name"]: exe for exe in seen.exes}
    assert set(by_name) == {"loket-vokasi", "loket"}
    # each runs the runtime hooks and its own entry script, never the other's
    assert by_name["loket-vokasi"]["scripts"] == ["pyi_rth_inspect", "main"]
    assert by_name["loket"]["scripts"] == ["pyi_rth_inspect", "loket_cli"]
    assert by_name["loket-vokasi"]["console"] is False  # no console window on Windows
    assert by_name["loket"]["console"] is True  # output and exit code in cmd
    assert all(exe["exclude_binaries"] for exe in seen.exes)  # one folder, not one file
    args, kw = seen.collect
    assert kw["name"] == "loket-vokasi"
    assert [a for a in args if isinstance(a, str)] == ["loket-vokasi", "loket"]


def test_every_resource_file_is_packed_where_the_program_looks_for_it(spec):
    namespace, _seen = spec
    packed = _packed(namespace)
    resources = [p for p in (ROOT / "resources").rglob("*") if p.is_file()]
    folders = {p.parent.relative_to(ROOT).as_posix() for p in resources}
    assert {"resources/fonts", "resources/i18n", "resources/icons", "resources/regions"} <= folders
    for path in resources:
        name = path.relative_to(ROOT).as_posix()
        if path.suffix == ".ts":  # the sources of the .qm files
            assert name not in packed
        else:
            assert name in packed, f"{name} is not in the packaged program"
    for needed in ("resources/style.qss", "resources/i18n/loket_id.qm",
                   "resources/regions/NOTICE.txt", "resources/regions/LICENSE.md",
                   "resources/icons/app.png"):  # fmt: skip
        assert needed in packed


def test_the_user_guide_is_packed_beside_the_resources(spec):
    namespace, _seen = spec
    packed = _packed(namespace)
    for path in [*(ROOT / "docs").glob("*.md"), *(ROOT / "docs" / "screenshots").glob("*.png")]:
        assert path.relative_to(ROOT).as_posix() in packed


@pytest.mark.parametrize("folder", ["app/migrations", "app/server/migrations"])
def test_the_alembic_scripts_are_packed_as_files_and_their_imports_as_modules(spec, folder):
    namespace, _seen = spec
    packed = _packed(namespace)
    base = ROOT / folder
    scripts = [base / "env.py", base / "script.py.mako", *(base / "versions").glob("*.py")]
    assert len(scripts) > 3
    for path in scripts:
        assert path.relative_to(ROOT).as_posix() in packed
    hidden = set(namespace["hiddenimports"])
    for path in scripts:
        if path.suffix == ".py":
            for module in re.findall(r"^(?:from|import) ([\w.]+)", path.read_text(), re.M):
                assert module in hidden or module == "__future__", f"{path.name}: {module}"


def test_every_module_of_the_program_is_packed_even_those_only_named_as_text(spec):
    namespace, _seen = spec
    hidden = set(namespace["hiddenimports"])
    for path in (ROOT / "app").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if "versions" in parts:
            continue  # migration scripts: data files, above
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        assert module in hidden, module


def test_the_metadata_of_the_program_and_of_every_dependency_is_packed(spec):
    """The About box and the version read it (importlib.metadata) in the packaged program."""
    namespace, _seen = spec
    folders = {Path(name).parts[0].lower() for name in _packed(namespace)}
    metadata = {f for f in folders if f.endswith((".dist-info", ".egg-info"))}

    def normal(name: str) -> str:
        return re.sub(r"[-_.]+", "_", name).lower()

    names = [PYPROJECT["name"], *namespace["DEPENDENCIES"]]
    assert len(names) == len(PYPROJECT["dependencies"]) + 1
    for name in names:
        assert any(re.match(rf"{normal(name)}(-|\.egg-info)", f) for f in metadata), name


def test_babel_keeps_the_locales_the_program_formats_with_and_what_they_inherit(spec):
    from babel import Locale

    namespace, _seen = spec
    keep = set(namespace["BABEL_KEEP"])
    assert {"id_ID.dat", "id.dat", "en_ID.dat", "en_001.dat", "en.dat", "root.dat"} <= keep
    assert len(keep) < 10  # not the 1,000 locales
    unwanted = namespace["unwanted_data"]
    assert unwanted("babel/locale-data/fr_FR.dat") and not unwanted("babel/locale-data/id_ID.dat")
    assert not unwanted("babel/global.dat")
    assert unwanted("PySide6/Qt/translations/qtbase_de.qm")
    # the whole inheritance chain of each kept locale is there
    for name in ("id_ID", "en_ID"):
        assert f"{Locale.parse(name)}.dat" in keep
        assert set(namespace["babel_chain"](name)) <= {k.removesuffix(".dat") for k in keep}


def test_a_dropped_qt_plugin_takes_only_the_libraries_nothing_else_needs():
    pytest.importorskip("PyInstaller")
    namespace, _seen = _run_spec()
    links = {
        "gtk3.so": {"libgtk-3.so.0", "libglib-2.0.so.0"},
        "libgtk-3.so.0": {"libpango.so.1"},
        "libQt6Gui.so.6": {"libglib-2.0.so.0"},
    }
    namespace["linked_names"] = lambda src: links.get(Path(src).name, set())
    binaries = [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/x/gtk3.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/x/libqxcb.so", "BINARY"),
        ("libgtk-3.so.0", "/x/libgtk-3.so.0", "BINARY"),
        ("libpango.so.1", "/x/libpango.so.1", "BINARY"),
        ("libglib-2.0.so.0", "/x/libglib-2.0.so.0", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/x/libQt6Gui.so.6", "BINARY"),
    ]
    kept = {Path(e[0]).name for e in namespace["without_dropped_plugins"](binaries)}
    assert kept == {"libqxcb.so", "libglib-2.0.so.0", "libQt6Gui.so.6"}


def test_loket_version_prints_the_program_and_its_version():
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "LOKET_HOME": "/nonexistent/loket-home"},  # touches no data
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Loket Vokasi {PYPROJECT['version']}\n"
    assert app.__version__ == PYPROJECT["version"]


def test_the_program_icon_exists_in_every_size_windows_asks_for():
    icons = ROOT / "resources" / "icons"
    assert (icons / "app.svg").read_text().lstrip().startswith("<svg")
    png = (icons / "app.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (256, 256)
    ico = (icons / "app.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for n in range(count):
        width, _height, *_rest, length, offset = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * n : 22 + 16 * n]
        )
        assert ico[offset : offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(ico)
        sizes.add(width or 256)
    assert {16, 32, 48, 256} <= sizes


def test_the_build_and_start_of_the_packaged_program_is_a_step_of_the_test_command():
    script = ROOT / "scripts" / "build_installer.sh"
    assert os.access(script, os.X_OK)
    text = script.read_text()
    for check in (
        "--version",
        "screenshots",
        "init",
        "demo",
        "check",
        "LOKET_EXIT_ON_FIRST_WINDOW",
    ):
        assert check in text
    assert "scripts/build_installer.sh" in (ROOT / "scripts" / "test.sh").read_text()
    ignored = (ROOT / ".gitignore").read_text().split()
    assert "build/" in ignored and "dist/" in ignored
