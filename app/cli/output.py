"""How every `loket` command reports: plain lines for people, one JSON object with --json,
and an exit code (0 done, 1 refused or failed). A LoketError becomes its Indonesian (or
configured language) sentence on stderr; anything else is logged and reported as a failure."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import config
from app.errors import LoketError
from app.logging_setup import setup_logging
from app.texts import set_language

log = logging.getLogger("app.cli")


@dataclass
class Report:
    """What a command did: data for --json, lines for people, and whether it succeeded."""

    data: dict[str, Any] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    ok: bool = True


Handler = Callable[[argparse.Namespace], Report]


def _default(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _configure_language() -> None:
    from app.services.startup import read_startup_info

    try:
        set_language(read_startup_info(config.db_path()).language)
    except Exception:  # a damaged file must not stop `loket check` from reporting it
        set_language("id")


def run_command(args: argparse.Namespace) -> int:
    handler: Handler = args.handler
    as_json: bool = getattr(args, "json", False)
    try:
        setup_logging(config.logs_dir())
        _configure_language()
        report = handler(args)
    except LoketError as exc:
        message = exc.message()
        if as_json:
            payload = {"ok": False, "error": message, "field": exc.field}
            print(json.dumps(payload, ensure_ascii=False))
        print(f"loket: {message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("loket: dibatalkan / cancelled", file=sys.stderr)
        return 1
    except Exception as exc:
        log.exception("command %s failed", args.command)
        message = f"{type(exc).__name__}: {exc}"
        if as_json:
            print(json.dumps({"ok": False, "error": message}, ensure_ascii=False))
        print(f"loket: gagal / failed: {message}", file=sys.stderr)
        return 1
    if as_json:
        print(json.dumps({"ok": report.ok, **report.data}, ensure_ascii=False, default=_default))
    else:
        for line in report.lines:
            print(line)
    return 0 if report.ok else 1


def read_password(from_stdin: bool, prompt: str = "Kata sandi: ") -> str:
    """A password from the first line of stdin (--password-stdin) or typed at a prompt."""
    if from_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    import getpass

    first = getpass.getpass(prompt)
    again = getpass.getpass("Ulangi kata sandi: ")
    if first != again:
        from app.errors import ValidationError
        from app.texts import Text

        raise ValidationError(
            Text("Kedua kata sandi tidak sama.", "The two passwords differ."), field="password"
        )
    return first
