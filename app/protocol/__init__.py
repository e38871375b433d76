"""What the office PCs and the central server agree on, and nothing of either side.

The wire format (`wire`), each synced record type's declaration (`entities`: scope, policy,
supervised fields, links, label), the fields each type may carry (`wire_fields`, written
from the office models by `python -m app.sync.fields`) and the checks on a pushed change
(`validate`). Both `app.sync` (the PC) and `app.server` import this package; it imports
neither of them, nor the office models or services (an import-linter contract in
pyproject.toml holds it to that).
"""
