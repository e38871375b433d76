"""Each feature declared in ONE place: its pages, window commands, screenshots, demo data, CLI
commands and synced record types.

A feature is a module in this package with a `FEATURE` (a `Feature`). The main window's
navigation, `loket screenshots`, `loket demo`, the `loket` command and the sync page all
read the list `features()` returns, so a new feature is new files plus its declaration —
no shared list to edit. Declarations are plain data: the code they name (a page's factory,
a screenshot's renderer, a demo step, a CLI module) is given as "module:attribute" text and
imported only when used, so reading the list loads neither Qt nor the database layer, and
this package imports nothing above it (an import-linter contract holds it to that).

Tests may `register()` a feature of their own (and `unregister()` it afterwards).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from app.domain.roles import Permission
from app.texts import Text


@dataclass(frozen=True)
class PageSpec:
    """A page of the main window.

    `factory` is called with the main window and returns the page widget; `order` places it
    in the navigation; `shortcut` switches to it (default Ctrl+<its position>); a role
    without `permission` does not see it; `icon` names a file in resources/icons."""

    key: str
    title: Text
    factory: str
    order: int
    shortcut: str | None = None
    permission: Permission | None = None
    icon: str | None = None


# The menus of the main window that commands may name (ActionSpec.menu); each opens from
# its button at the right end of the status bar.
HELP_MENU = Text("Bantuan", "Help")


@dataclass(frozen=True)
class ActionSpec:
    """A command of the main window reachable from every page (a new registration with
    Ctrl+N): `run` is called with the main window; a role without `permission` lacks it.
    With a `menu` (e.g. HELP_MENU) it is also listed in that menu of the window, by
    `order`; commands naming the same menu share it."""

    key: str
    title: Text
    shortcut: str
    run: str
    permission: Permission | None = None
    menu: Text | None = None
    order: int = 0


@dataclass(frozen=True)
class ShotSpec:
    """One state of a screen for `loket screenshots` (and the user guide): `render` is
    called with the screenshot session and saves the PNG named `name`. `page` names the
    page it shows, if any: every page must have at least one (a test checks)."""

    name: str
    render: str
    order: int
    page: str | None = None


@dataclass(frozen=True)
class DemoStep:
    """Adds the feature's demo rows inside the demo office's one transaction: `fill` is
    called with the unit of work and the seeded random generator, after every step of a
    lower `order`, and returns a DemoRows."""

    fill: str
    order: int


@dataclass(frozen=True)
class Feature:
    key: str
    pages: tuple[PageSpec, ...] = ()
    actions: tuple[ActionSpec, ...] = ()
    screenshots: tuple[ShotSpec, ...] = ()
    demo: DemoStep | None = None
    cli: tuple[str, ...] = ()  # modules with register(subparsers, common), in order
    # The synced record types it owns; each is declared in app.protocol.entities.
    entities: tuple[str, ...] = ()


@dataclass
class DemoRows:
    """What a demo step added: logins to list at sign-in, and counts for the audit event."""

    logins: list[Any] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


_extra: list[Feature] = []


@cache
def _built_in() -> tuple[Feature, ...]:
    found = []
    for info in pkgutil.iter_modules(__path__, __name__ + "."):
        module = importlib.import_module(info.name)
        feature = getattr(module, "FEATURE", None)
        if isinstance(feature, Feature):
            found.append(feature)
    return tuple(sorted(found, key=lambda f: f.key))


def features() -> list[Feature]:
    """Every feature: the modules of this package, then those registered by tests."""
    return [*_built_in(), *_extra]


def register(feature: Feature) -> None:
    if any(f.key == feature.key for f in features()):
        raise ValueError(f"feature {feature.key} is declared twice")
    _extra.append(feature)


def unregister(key: str) -> None:
    _extra[:] = [f for f in _extra if f.key != key]


def pages() -> list[PageSpec]:
    return sorted((p for f in features() for p in f.pages), key=lambda p: (p.order, p.key))


def actions() -> list[ActionSpec]:
    return [a for f in features() for a in f.actions]


def screenshots() -> list[ShotSpec]:
    return sorted((s for f in features() for s in f.screenshots), key=lambda s: (s.order, s.name))


def demo_steps() -> list[DemoStep]:
    steps = (f.demo for f in features() if f.demo is not None)
    return sorted(steps, key=lambda s: (s.order, s.fill))


def cli_modules() -> list[str]:
    return [m for f in features() for m in f.cli]


def entities() -> list[str]:
    return [e for f in features() for e in f.entities]


def load(ref: str) -> Any:
    """The object "module:attribute" names (or the module "module" names), imported now."""
    module, _, attribute = ref.partition(":")
    found: Any = importlib.import_module(module)
    for part in filter(None, attribute.split(".")):
        found = getattr(found, part)
    return found


def load_all(refs: Iterable[str]) -> list[Any]:
    return [load(ref) for ref in refs]
