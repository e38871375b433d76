"""Real unusable data folders for the bad-environment tests: a full disk, a read-only one.

Tests and CI run as root, and root ignores directory permissions, so a 0555 folder is not
read-only for them. A small tmpfs is: mounted with a size it fills up for real, remounted
read-only it refuses every write, whoever asks. Mounting needs root (CAP_SYS_ADMIN); where
it is refused the test is skipped with the reason. An unprivileged user gets a real
read-only folder from 0555 instead (`read_only_home`).
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> None:
    out = subprocess.run(["mount", *args], capture_output=True, text=True)
    if out.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({out.stderr.strip() or out.returncode})")


def _unmount(path: Path) -> None:
    if subprocess.run(["umount", str(path)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


@contextmanager
def tmpfs(path: Path, size: str = "4m") -> Iterator[Path]:
    """A fresh tmpfs of `size` mounted at `path` (created), unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    path.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(path))
    try:
        yield path
    finally:
        _unmount(path)


@contextmanager
def read_only_home(path: Path, prepare: Callable[[Path], None]) -> Iterator[Path]:
    """A data folder filled by `prepare(path)`, then made read-only for real: a tmpfs
    remounted read-only as root, or a 0555 folder (and subfolders) for an unprivileged user.
    """
    if os.geteuid() != 0:
        path.mkdir(parents=True)
        prepare(path)
        modes = {p: p.stat().st_mode for p in [path, *path.rglob("*")] if p.is_dir()}
        for p in modes:
            p.chmod(0o555)
        try:
            yield path
        finally:
            for p, mode in modes.items():
                p.chmod(mode)
        return
    with tmpfs(path):
        prepare(path)
        _mount("-o", "remount,ro", str(path))
        yield path


def fill(folder: Path) -> Path:
    """Write a file in `folder` until its disk has no byte left; returns the file."""
    filler = folder / "pengisi.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        for size in (1 << 20, 1 << 16, 1 << 12, 1 << 9, 1):
            block = b"\0" * size
            while True:
                try:
                    if os.write(fd, block) == 0:
                        break
                except OSError as exc:
                    if exc.errno != errno.ENOSPC:
                        raise
                    break
    finally:
        os.close(fd)
    return filler
