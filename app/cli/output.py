"""How every `loket` command reports: plain lines for people, one JSON object with --json,
and an exit code (0 done, 1 refused or failed). A LoketError becomes its Indonesian (or
configured language) sentence on stderr, and so does a damaged database, a full disk, a
read-only or unusable data folder (app.storage_errors); anything else is logged and
reported as a failure in one line. No traceback reaches the terminal, even when the log
file itself cannot be written."""

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
from app.errors import LoketError, StorageError
from app.logging_setup import log_nowhere, setup_logging
from app.storage_errors import translate
from app.texts import Text, set_language

log = logging.getLogger("app.cli")

UNEXPECTED = Text(
    "terjadi kesalahan tak terduga ({kind}); rinciannya ada di log {log}",
    "an unexpected error occurred ({kind}); the details are in the log {log}",
)
PASSWORD = Text("Kata sandi: ", "Password: ")
PASSWORD_AGAIN = Text("Ulangi kata sandi: ", "Repeat the password: ")
PASSWORDS_DIFFER = Text("Kedua kata sandi tidak sama.", "The two passwords differ.")


@dataclass
class Report:
    """What a command did: data for --json, lines for people, and whether it succeeded."""

    data: dict[str, Any] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    ok: bool = True


Handler = Callable[[argparse.Namespace], Report]


def aligned(facts: list[tuple[Text, str]]) -> list[str]:
    """`label : value` lines with the labels, in the configured language, padded alike."""
    labels = [label.render() for label, _value in facts]
    width = max((len(label) for label in labels), default=0)
    return [f"{label:<{width}} : {value}" for label, (_l, value) in zip(labels, facts, strict=True)]


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


def _start_logging() -> None:
    """The log file in the data dir; if it cannot be opened, nothing is logged at all
    (Python's fallback would print log records, tracebacks included, on stderr)."""
    try:
        setup_logging(config.logs_dir())
    except Exception:
        log_nowhere()
        raise


def _refused(exc: LoketError, as_json: bool) -> int:
    message = exc.message()
    if as_json:
        payload: dict[str, Any] = {"ok": False, "error": message, "field": exc.field}
        if isinstance(exc, StorageError):
            payload["kind"] = exc.kind
        print(json.dumps(payload, ensure_ascii=False))
    print(f"loket: {message}", file=sys.stderr)
    return 1


def run_command(args: argparse.Namespace) -> int:
    handler: Handler = args.handler
    as_json: bool = getattr(args, "json", False)
    try:
        _start_logging()
        _configure_language()
        report = handler(args)
    except LoketError as exc:
        if isinstance(exc, StorageError):
            log.warning("command %s: %s", args.command, exc, exc_info=exc.__cause__)
        return _refused(exc, as_json)
    except KeyboardInterrupt:
        print("loket: dibatalkan / cancelled", file=sys.stderr)
        return 1
    except Exception as exc:
        storage = translate(exc)
        if storage is not None:
            log.warning("command %s: %s", args.command, storage, exc_info=exc)
            return _refused(storage, as_json)
        log.exception("command %s failed", args.command)
        # Only the kind of error: its text may hold SQL and the values it carried (a
        # password hash, a NIK); the log has the rest for the IT person.
        message = UNEXPECTED.render(kind=type(exc).__name__, log=config.logs_dir() / "loket.log")
        if as_json:
            print(json.dumps({"ok": False, "error": message}, ensure_ascii=False))
        print(f"loket: gagal / failed: {message}", file=sys.stderr)
        return 1
    try:
        if as_json:
            body = {"ok": report.ok, **report.data}
            print(json.dumps(body, ensure_ascii=False, default=_default))
        else:
            for line in report.lines:
                print(line)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`loket … | head`): what it read is all it wanted. Point
        # stdout at nothing so the interpreter's own flush at exit does not fail too.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0 if report.ok else 1


def read_password(from_stdin: bool) -> str:
    """A password from the first line of stdin (--password-stdin) or typed at a prompt."""
    if from_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    import getpass

    first = getpass.getpass(PASSWORD.render())
    again = getpass.getpass(PASSWORD_AGAIN.render())
    if first != again:
        from app.errors import ValidationError

        raise ValidationError(PASSWORDS_DIFFER, field="password")
    return first
