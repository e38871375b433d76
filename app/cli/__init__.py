"""`loket`: the office IT tool. Same services as the window, no Qt unless a command needs it.

The command groups come from the features (app.features), each declaring its CLI modules.
Exit codes: 0 success, 1 refused or failed action (with a clear message), 2 usage error.
Whoever can run this can already read the database file, so it acts with admin rights and
is recorded in the audit log as `cli:<os user>`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app import __version__, features
from app.cli.output import run_command


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="loket",
        description="Loket Vokasi — office IT tool (set-up, demo, check, backup, restore, staff).",
    )
    parser.add_argument("--version", action="version", version=f"Loket Vokasi {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="print the result as one JSON object")
    # Each feature brings its command groups (app/features): a new feature adds its own.
    for module in features.load_all(features.cli_modules()):
        module.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
