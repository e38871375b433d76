"""`loket screenshots DIR` and `loket gui`: the only commands that load Qt."""

from __future__ import annotations

import argparse
from pathlib import Path

from app import formats
from app.cli.output import Report
from app.texts import Text

SCREENS_WRITTEN = Text("{n} gambar layar ditulis ke {dir}.", "{n} screenshots written to {dir}.")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    s = sub.add_parser(
        "screenshots",
        parents=[common],
        help="render every main screen with demo data to PNG files in DIR",
        description="Render every main screen offscreen, with a temporary demo office, "
        "into PNG files named after the screen. Does not touch this PC's database.",
    )
    s.add_argument("dir", type=Path)
    s.add_argument("--lang", choices=["id", "en"], default="id", help="interface language")
    s.set_defaults(handler=cmd_screenshots)

    g = sub.add_parser("gui", help="start the desktop program (same as main.py)")
    g.set_defaults(handler=cmd_gui)


def render_screenshots(out_dir: Path, lang: str = "id") -> list[Path]:
    """Every feature's screenshots, with a throw-away sync server for the screens that need
    one: the window code draws them, the server comes from here (it never imports it)."""
    from app.server.throwaway import ThrowawayServer
    from app.ui.shots.run import render_all

    return render_all(out_dir, lang=lang, sync_server=ThrowawayServer)


def cmd_screenshots(args: argparse.Namespace) -> Report:
    args.dir.mkdir(parents=True, exist_ok=True)
    files = render_screenshots(args.dir, lang=args.lang)
    return Report(
        data={"dir": str(args.dir), "files": [str(f) for f in files]},
        lines=[str(f) for f in files]
        + [SCREENS_WRITTEN.render(n=formats.number(len(files)), dir=args.dir)],
    )


def cmd_gui(args: argparse.Namespace) -> Report:
    from app.ui.app import run_gui

    code = run_gui()
    return Report(data={"exit_code": code}, ok=code == 0)
