"""Titles of eligibility rules, for a verdict computed now or one stored with a record.

A rule's title may name its configured number ("Usia paling tinggi {n} tahun"); a result
carries that number only when the rule could be decided, so the title is rendered with the
rule's configuration from the preset. (Asked of the domain: a `RuleResult.title()`.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain import eligibility


@dataclass(frozen=True)
class RuleLine:
    key: str
    status: str  # met / not_met / unknown
    title: str
    reason: str


def _config(key: str, preset: str) -> eligibility.RuleConfig | None:
    for name in (preset, *eligibility.PRESETS):
        for config in eligibility.PRESETS.get(name, ()):
            if config.key == key:
                return config
    return None


def _title_params(params: dict[str, Any]) -> dict[str, Any]:
    return {
        "n": params.get("years", params.get("months", "")),
        "lo": params.get("min_months", ""),
        "hi": params.get("max_months", ""),
    }


def rule_title(key: str, preset: str, result_params: dict[str, Any] | None = None) -> str:
    config = _config(key, preset)
    rule = eligibility.RULES.get(key)
    if config is None or rule is None:
        return key
    label = rule(eligibility.Facts(registered_on=date.today()), config.params).label
    try:
        return label.render(**{**_title_params(config.params), **(result_params or {})})
    except (KeyError, IndexError):
        return label.render()


def lines_of_verdict(verdict: eligibility.Verdict, preset: str) -> list[RuleLine]:
    return [
        RuleLine(r.key, r.status.value, rule_title(r.key, preset), r.message())
        for r in verdict.results
    ]


def lines_of_stored(detail: list[dict[str, Any]], preset: str, lang: str) -> list[RuleLine]:
    """The verdict kept with a record (participant.eligibility_detail)."""
    return [
        RuleLine(
            str(item.get("key", "")),
            str(item.get("status", "unknown")),
            rule_title(str(item.get("key", "")), preset),
            str(item.get("reason_en" if lang == "en" else "reason_id", "")),
        )
        for item in detail
    ]
