"""`loket`: the office IT tool. Same services as the window, no Qt unless a command needs it.

Exit codes: 0 success, 1 refused or failed action (with a clear message), 2 usage error.
Whoever can run this can already read the database file, so it acts with admin rights and
is recorded in the audit log as `cli:<os user>`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app.cli import (
    maintenance_cmds,
    office_cmds,
    participant_cmds,
    server_cmds,
    staff_cmds,
    sync_cmds,
    ui_cmds,
)
from app.cli.output import run_command


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="loket",
        description="Loket Vokasi — office IT tool (set-up, demo, check, backup, restore, staff).",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="print the result as one JSON object")
    for module in (
        office_cmds,
        maintenance_cmds,
        participant_cmds,
        staff_cmds,
        sync_cmds,
        server_cmds,
        ui_cmds,
    ):
        module.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
