"""A rule's verdict on one input: an error blocks saving, a warning asks to look again."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.texts import Text


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    field: str
    severity: Severity
    text: Text
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        return self.text.render(lang, **self.params)


def error(field_name: str, text: Text, **params: Any) -> Finding:
    return Finding(field_name, Severity.ERROR, text, params)


def warning(field_name: str, text: Text, **params: Any) -> Finding:
    return Finding(field_name, Severity.WARNING, text, params)


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
