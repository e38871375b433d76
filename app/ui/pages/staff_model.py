"""Qt item model over the plain StaffRow dataclasses that services.staff.list_staff returns."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.domain.roles import ROLE_LABELS
from app.services.staff import StaffRow

Index = QModelIndex | QPersistentModelIndex

MUTED = QColor("#7a8591")
WARNING = QColor("#a4420c")


def status_text(row: StaffRow) -> str:
    """Aktif/Nonaktif plus what stops the person from working (lock, password to change)."""
    parts = [
        QCoreApplication.translate("StaffTableModel", "Active")
        if row.active
        else QCoreApplication.translate("StaffTableModel", "Inactive")
    ]
    if row.locked_until is not None:
        until = QDateTime.fromSecsSinceEpoch(int(row.locked_until.timestamp()))
        parts.append(
            QCoreApplication.translate("StaffTableModel", "Locked until {time}").format(
                time=until.toString("HH:mm")
            )
        )
    if row.must_change_password:
        parts.append(QCoreApplication.translate("StaffTableModel", "Must change password"))
    return " · ".join(parts)


class StaffTableModel(QAbstractTableModel):
    """Username, full name, role and status of each account; one row per StaffRow."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[StaffRow] = []

    def headers(self) -> list[str]:
        return [
            self.tr("Username"),
            self.tr("Full name"),
            self.tr("Role"),
            self.tr("Status"),
        ]

    def set_rows(self, rows: list[StaffRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> StaffRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (row.username, row.full_name, ROLE_LABELS[row.role].render(), status_text(row))
            return values[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            if not row.active:
                return QBrush(MUTED)
            if index.column() == 3 and (row.locked_until or row.must_change_password):
                return QBrush(WARNING)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None
