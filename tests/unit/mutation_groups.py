"""pytest plugin of the mutation run (scripts/mutation.sh, docs/testing.md): keeps only the test
files of the module group being mutated.

mutmut runs every test that reaches a mutated function, and a surviving mutant runs all of
them. A rule of app/domain is reached by every service test that registers someone (a real
office each), so the run mutates each group with the tests written for it: `MUTATION_TESTS`
holds their files, separated by spaces. Without it (any other pytest run) nothing changes.
"""

from __future__ import annotations

import os

import pytest


def _wanted() -> set[str]:
    return {path.strip("/") for path in os.environ.get("MUTATION_TESTS", "").split()}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    wanted = _wanted()
    if not wanted:
        return
    kept = [item for item in items if item.nodeid.split("::", 1)[0] in wanted]
    dropped = [item for item in items if item.nodeid.split("::", 1)[0] not in wanted]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
