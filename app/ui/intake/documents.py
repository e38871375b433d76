"""Evidence scans chosen in the intake form; they are attached once the person is saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

FILE_FILTER = "PDF / JPG / PNG (*.pdf *.jpg *.jpeg *.png)"


def kind_combo() -> QComboBox:
    from app.services.participant_documents import KINDS

    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)
    for key, label in KINDS.items():
        combo.addItem(label.render(), key)
    return combo


def kind_label(kind: str) -> str:
    from app.services.participant_documents import KINDS

    text = KINDS.get(kind)
    return text.render() if text else kind


class DocumentPicker(QWidget):
    """Kind + file chooser and the list of chosen files.

    Signals:
        changed(): a file was added or removed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        row = QHBoxLayout()
        self.kind = kind_combo()
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(self.tr("Remove from list"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.kind, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.remove_button)
        column.addLayout(row)
        self.list = QListWidget()
        self.list.setMaximumHeight(90)
        column.addWidget(self.list)
        self._items: list[tuple[str, str]] = []

    def choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a scan"), str(Path.home()), FILE_FILTER
        )
        if path:
            self.add(str(self.kind.currentData()), path)

    def add(self, kind: str, path: str) -> None:
        self._items.append((kind, path))
        item = QListWidgetItem(f"{kind_label(kind)} — {Path(path).name}")
        item.setToolTip(path)
        self.list.addItem(item)
        self.changed.emit()

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._items):
            self._items.pop(row)
            self.list.takeItem(row)
            self.changed.emit()

    def documents(self) -> list[tuple[str, str]]:
        return list(self._items)

    def set_documents(self, items: list[tuple[str, str]] | list[list[str]]) -> None:
        self._items.clear()
        self.list.clear()
        for kind, path in items:
            self.add(str(kind), str(path))

    def focusables(self) -> list[QWidget]:
        return [self.kind, self.choose_button, self.list, self.remove_button]
