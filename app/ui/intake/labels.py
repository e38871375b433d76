"""Names of the participant fields on screen, from the one field table.

The labels are the `Text` of app.domain.participant_fields, rendered in the window's
language, so the form, the detail view, the history, the import dialog and the sync pages
say what the CLI and the exports say. (They are not in the Qt catalogue: one source.)
"""

from __future__ import annotations

from app.domain.participant_fields import PARTICIPANT_FIELDS, label_of


def field_labels() -> dict[str, str]:
    """Form field key -> its label in the current language."""
    return {f.key: f.label.render() for f in PARTICIPANT_FIELDS}


def label_of_model_field(name: str) -> str:
    """The label of a field named by its stored attribute (history, sync) or its key."""
    return label_of(name)
