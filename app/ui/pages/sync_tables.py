"""Words and tables of the Sinkronisasi page: record types, actions and states in the
clerk's language, the outbox table model, and a conflict value as it reads on screen."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.protocol.entities import ENTITIES
from app.sync.outbox_view import OutboxRow
from app.ui.formats import fmt_datetime

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def entity_label(entity: str) -> str:
    """What the record type is called, from its declaration (app.protocol.entities)."""
    spec = ENTITIES.get(entity)
    return spec.label.render() if spec is not None else entity


def op_label(op: str) -> str:
    labels = {
        "insert": translate("SyncLabels", "add"),
        "update": translate("SyncLabels", "change"),
        "delete": translate("SyncLabels", "delete"),
    }
    return labels.get(op, op)


def state_label(status: str) -> str:
    labels = {
        "pending": translate("SyncLabels", "Waiting to be sent"),
        "held": translate("SyncLabels", "Held by the server"),
        "rejected": translate("SyncLabels", "Refused"),
        "conflict": translate("SyncLabels", "Waiting for a supervisor"),
    }
    return labels.get(status, status)


def value_text(field: str, value: Any) -> str:
    """A conflict value (JSON from the server) as the clerk would write it."""
    if value is None or value == "":
        return translate("SyncLabels", "(empty)")
    if isinstance(value, bool):
        return translate("SyncLabels", "Yes") if value else translate("SyncLabels", "No")
    text = str(value)
    date = ISO_DATE.match(text)
    if date:
        return f"{date.group(3)}/{date.group(2)}/{date.group(1)}"
    if field == "phone" and text.startswith("+62"):
        local = "0" + text[3:]
        return "-".join(local[i : i + 4] for i in range(0, len(local), 4))
    if field == "last_wage" and isinstance(value, int):
        return "Rp" + f"{value:,}".replace(",", ".")
    return text


class OutboxTableModel(QAbstractTableModel):
    """Outbox rows (newest first): time, record type, whose record, action, state, reason."""

    def __init__(self, reason_header: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[OutboxRow] = []
        self.reason_header = reason_header

    def headers(self) -> list[str]:
        return [
            translate("SyncLabels", "Time"),
            translate("SyncLabels", "Record type"),
            translate("SyncLabels", "Record"),
            translate("SyncLabels", "Action"),
            translate("SyncLabels", "State"),
            self.reason_header,
        ]

    def set_rows(self, rows: list[OutboxRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return reason_text(row) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            fmt_datetime(row.created_at),
            entity_label(row.entity),
            row.label,
            op_label(row.op),
            state_label(row.status),
            reason_text(row),
        )[index.column()]


def reason_text(row: OutboxRow) -> str:
    """The row's reason, with the clashing fields of a conflict named."""
    if not row.fields:
        return row.reason
    from app.ui.intake.labels import label_of_model_field

    return f"{row.reason} ({', '.join(label_of_model_field(f) for f in row.fields)})"
