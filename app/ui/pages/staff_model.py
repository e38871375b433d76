"""Qt item model over the plain StaffRow dataclasses that services.staff.list_staff returns."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.domain.roles import ROLE_LABELS
from app.services.staff import StaffRow
from app.ui.row_model import RowsModel

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


class StaffTableModel(RowsModel):
    """Username, full name, role and status of each account; one row per StaffRow."""

    def headers(self) -> list[str]:
        return [
            self.tr("Username"),
            self.tr("Full name"),
            self.tr("Role"),
            self.tr("Status"),
        ]

    def row_at(self, row: int) -> StaffRow | None:
        found: StaffRow | None = super().row_at(row)
        return found

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
