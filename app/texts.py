"""User-facing sentences of the Qt-free layers (services, CLI), in Indonesian and English.

Widgets translate their own strings through Qt's `tr()` and the .ts/.qm files in
`resources/i18n`. Services and the CLI must not import Qt, yet their messages (a refused
login, a field error) reach the same users, so they carry a `Text` with both languages and
the caller renders it in the language chosen in the settings. Indonesian is the default.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

LANGUAGES = ("id", "en")
_current = "id"


@dataclass(frozen=True)
class Text:
    """One sentence in both languages; `{name}` placeholders are filled by `render`."""

    id: str
    en: str

    def render(self, lang: str | None = None, **params: Any) -> str:
        template = self.en if (lang or _current) == "en" else self.id
        return template.format(**params) if params else template


def set_language(lang: str) -> None:
    """Choose the language that `Text.render()` uses when none is given."""
    global _current
    _current = lang if lang in LANGUAGES else "id"


def current_language() -> str:
    return _current
