"""Errors that services raise for a user to read.

Each carries a `Text` (Indonesian and English) and, where one input caused it, the name of
the field, so the window can show the message next to that field and the CLI can print it.
Any other exception is a bug: it is logged and shown by the crash dialog.
"""

from __future__ import annotations

from typing import Any

from app.texts import Text


class LoketError(Exception):
    """A refusal or failure a user can understand and act on."""

    def __init__(self, text: Text, *, field: str | None = None, **params: Any) -> None:
        self.text = text
        self.field = field
        self.params = params
        super().__init__(text.render("en", **params))

    def message(self, lang: str | None = None) -> str:
        return self.text.render(lang, **self.params)


class ValidationError(LoketError):
    """An input is wrong; `field` names it."""


class PermissionDenied(LoketError):
    """The signed-in role may not do this (checked in services, not only in the window)."""


class AuthError(LoketError):
    """Login refused: wrong password, locked or inactive account."""


class NotFound(LoketError):
    """The record asked for does not exist (any more)."""


class StateError(LoketError):
    """The action does not fit the current state (office not set up, already set up...)."""


class StorageError(StateError):
    """The data folder or the database file cannot be used as it is: damaged, full,
    read-only, busy, not a folder (app.storage_errors turns the OS or SQLite error into
    this). `kind` names which, for scripts reading `--json`."""

    def __init__(self, text: Text, *, kind: str, **params: Any) -> None:
        super().__init__(text, **params)
        self.kind = kind
