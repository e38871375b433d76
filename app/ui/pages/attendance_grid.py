"""The attendance grid: training days across, the people enrolled down, one letter per cell.

Made for speed at the keyboard (a day for 30 people in under a minute): H, I, S or A writes
the mark and moves down to the next person of the same day; arrows and Tab move; Ctrl+H
marks everyone without a mark present on the current day. Each mark is saved at once
(app.services.attendance.mark, on the writer thread) and shown before it is stored; a
refusal puts the cell back and says why. A day in the future cannot be marked. A day a
supervisor approved (locked) asks for a supervisor's sign-in before a change, unless the
signed-in person is one; the approval holds while this cohort stays open. The last column
is each person's rate over the days held so far; each day's header shows how many were
present.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from fractions import Fraction
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain import cohorts as rules
from app.services.cohort_views import CohortDetail, EnrolmentView, SessionView
from app.ui.widgets import note

Index = QModelIndex | QPersistentModelIndex
MARK_KEYS = {
    Qt.Key.Key_H: "H",
    Qt.Key.Key_I: "I",
    Qt.Key.Key_S: "S",
    Qt.Key.Key_A: "A",
}
COLOURS = {
    "H": QColor("#e3f4e8"),
    "I": QColor("#fff4d6"),
    "S": QColor("#fff4d6"),
    "A": QColor("#fde2e1"),
}
FUTURE = QColor("#f1f2f4")
LOCKED_TEXT = QColor("#1f3b66")
WEEKDAY_SHORT = ("Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min")
WEEKDAY_SHORT_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class AttendanceModel(QAbstractTableModel):
    """Rows are people (their names in the row header, which stays in view when the grid
    scrolls sideways); column 0 is the rate, then one column per training day."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.people: list[EnrolmentView] = []
        self.days: list[SessionView] = []
        self.pending: dict[tuple[str, str], str] = {}  # (person, day id) -> mark being saved
        self.lang = "id"

    def load(self, detail: CohortDetail, lang: str) -> None:
        self.beginResetModel()
        self.lang = lang
        self.people = [e for e in detail.enrolments if e.status == rules.ENROLLED]
        self.days = list(detail.sessions)
        self.endResetModel()

    def day_at(self, column: int) -> SessionView | None:
        return self.days[column - 1] if 1 <= column <= len(self.days) else None

    def mark_of(self, person: EnrolmentView, day: SessionView) -> str:
        return self.pending.get((person.participant_id, day.id), person.marks.get(day.id, ""))

    def rate_of(self, person: EnrolmentView) -> str:
        held = [d for d in self.days if d.held]
        if not held:
            return "–"
        present = sum(1 for d in held if self.mark_of(person, d) == "H")
        return rules.percent(Fraction(present, len(held)))

    def present_on(self, day: SessionView) -> int:
        return sum(1 for p in self.people if self.mark_of(p, day) == "H")

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.days) + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person = self.people[index.row()]
        column = index.column()
        day = self.day_at(column)
        if role == Qt.ItemDataRole.DisplayRole:
            if day is None:
                return self.rate_of(person)
            return self.mark_of(person, day)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and day is not None:
            if not day.held:
                return QBrush(FUTURE)
            colour = COLOURS.get(self.mark_of(person, day))
            return QBrush(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and day is not None and day.locked:
            return self.tr("Approved by {name}").format(name=day.locked_by or "")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.people):
                return self.people[section].name
            return None
        day = self.day_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if day is None:
                return self.tr("Rate")
            names = WEEKDAY_SHORT_EN if self.lang == "en" else WEEKDAY_SHORT
            lock = "✓" if day.locked else ""
            counts = f"{self.present_on(day)}/{len(self.people)}" if day.held else ""
            return f"{names[day.day.weekday()]}{lock}\n{day.day:%d/%m}\n{counts}"
        if role == Qt.ItemDataRole.ForegroundRole and day is not None and day.locked:
            return QBrush(LOCKED_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole and day is not None:
            return self.tr("{day}: {n} of {total} present").format(
                day=f"{day.day:%d/%m/%Y}", n=self.present_on(day), total=len(self.people)
            )
        return None

    def set_pending(self, person_id: str, day: SessionView, mark: str | None) -> None:
        key = (person_id, day.id)
        if mark is None:
            self.pending.pop(key, None)
        else:
            self.pending[key] = mark
        row = next((n for n, p in enumerate(self.people) if p.participant_id == person_id), -1)
        column = self.days.index(day) + 1
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, column))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)


class AttendanceGrid(QWidget):
    """The grid with its toolbar. The page gives it `writer(day, marks, done)` that saves
    marks (asking for a supervisor first where the day is locked) and calls `done(error)`.

    Signals:
        approve_day(object): the date of the current column, to be approved (locked).
        remove_day(object): the date of the current column, to be taken off the plan.
        add_day(): a make-up day is asked for.
    """

    approve_day = Signal(object)
    remove_day = Signal(object)
    add_day = Signal()

    def __init__(self, may_approve: bool, may_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.writer: Callable[[date, dict[str, str], Callable[[BaseException | None], None]], None]
        self.writer = lambda _d, _m, done: done(None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 0, 0, 0)
        self.day_label = QLabel()
        self.day_label.setObjectName("strong")
        bar.addWidget(self.day_label)
        bar.addSpacing(12)
        self.all_present = QPushButton(self.tr("All present (Ctrl+H)"))
        self.approve = QPushButton(self.tr("Approve day"))
        self.remove = QPushButton(self.tr("Remove day"))
        self.add = QPushButton(self.tr("Add make-up day"))
        for button in (self.all_present, self.approve, self.remove, self.add):
            button.setAutoDefault(False)
            bar.addWidget(button)
        # hidden only: showing a widget before its layout has a parent makes it a window
        if not may_approve:
            self.approve.hide()
        for button in (self.remove, self.add):
            if not may_edit:
                button.hide()
        bar.addStretch(1)
        layout.addLayout(bar)
        layout.addWidget(
            note(
                self.tr(
                    "Keys: H present · I excused · S sick · A absent, then the next person. "
                    "Arrows and Tab move."
                )
            )
        )
        self.model = AttendanceModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setFixedWidth(190)
        # Twenty days and the names fit 1366×768 only with a quieter, smaller day header.
        self.table.horizontalHeader().setStyleSheet(
            "QHeaderView::section { font-size: 11px; font-weight: normal; padding: 2px 0px; }"
        )
        self.table.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.table.horizontalHeader().setMinimumSectionSize(38)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.installEventFilter(self)
        layout.addWidget(self.table, 1)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.all_present.clicked.connect(self.mark_all_present)
        self.approve.clicked.connect(lambda: self._emit_day(self.approve_day))
        self.remove.clicked.connect(lambda: self._emit_day(self.remove_day))
        self.add.clicked.connect(self.add_day.emit)
        QShortcut(QKeySequence("Ctrl+H"), self, self.mark_all_present)
        self.table.selectionModel().currentChanged.connect(lambda *_a: self._show_day())

    # -- loading ----------------------------------------------------------------------------
    def load(self, detail: CohortDetail, lang: str) -> None:
        """Show `detail`, keeping the current cell (same person, same day) where it is."""
        current = self.current()
        self.model.load(detail, lang)
        header = self.table.horizontalHeader()
        header.resizeSection(0, 66)
        for column in range(1, len(self.model.days) + 1):
            header.resizeSection(column, 39)
        header.setMinimumHeight(64)
        row, column = 0, self._today_column()
        if current is not None:
            person, day = current
            row = next(
                (n for n, p in enumerate(self.model.people) if p.participant_id == person), 0
            )
            column = next((n + 1 for n, d in enumerate(self.model.days) if d.id == day), column)
        if self.model.people:
            self.table.setCurrentIndex(self.model.index(row, column))
        self._show_day()

    def _today_column(self) -> int:
        held = [n for n, d in enumerate(self.model.days) if d.held]
        return held[-1] + 1 if held else 1

    def current(self) -> tuple[str, str] | None:
        index = self.table.currentIndex()
        day = self.model.day_at(index.column()) if index.isValid() else None
        if day is None or not 0 <= index.row() < len(self.model.people):
            return None
        return self.model.people[index.row()].participant_id, day.id

    def current_day(self) -> SessionView | None:
        index = self.table.currentIndex()
        return self.model.day_at(index.column()) if index.isValid() else None

    def _show_day(self) -> None:
        day = self.current_day()
        if day is None:
            self.day_label.setText("")
            return
        text = f"{day.day:%d/%m/%Y}"
        if day.locked:
            text += " — " + self.tr("approved by {name}").format(name=day.locked_by or "")
        elif not day.held:
            text += " — " + self.tr("not yet held")
        self.day_label.setText(text)
        self.all_present.setEnabled(day.held)
        self.approve.setEnabled(day.held and not day.locked)

    def _emit_day(self, signal: Any) -> None:
        day = self.current_day()
        if day is not None:
            signal.emit(day.day)

    # -- keys ---------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            plain = event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.ShiftModifier,
            )
            mark = MARK_KEYS.get(Qt.Key(event.key()))
            if mark is not None and plain:
                self.type_mark(mark)
                return True
        return super().eventFilter(watched, event)

    def type_mark(self, mark: str) -> None:
        """The current cell gets `mark` (saved at once); the cursor moves down a row."""
        index = self.table.currentIndex()
        day = self.model.day_at(index.column()) if index.isValid() else None
        if day is None or not 0 <= index.row() < len(self.model.people):
            return
        if not day.held:
            self.error.setText(self.tr("This day has not come yet."))
            return
        person = self.model.people[index.row()]
        self._save(day, {person.participant_id: mark})
        if index.row() + 1 < len(self.model.people):
            self.table.setCurrentIndex(self.model.index(index.row() + 1, index.column()))

    def mark_all_present(self) -> None:
        day = self.current_day()
        if day is None or not day.held:
            return
        missing = {
            p.participant_id: "H" for p in self.model.people if not self.model.mark_of(p, day)
        }
        if missing:
            self._save(day, missing)

    def _save(self, day: SessionView, marks: dict[str, str]) -> None:
        self.error.setText("")
        before = {pid: self.model.pending.get((pid, day.id)) for pid in marks}
        for pid, mark in marks.items():
            self.model.set_pending(pid, day, mark)

        def done(error: BaseException | None) -> None:
            if error is None:  # stored (the page has re-read it): no longer pending
                for pid, mark in marks.items():
                    if self.model.pending.get((pid, day.id)) == mark:
                        self.model.pending.pop((pid, day.id))
                return
            for pid, old in before.items():
                self.model.set_pending(pid, day, old)
            from app.ui.messages import error_text

            self.error.setText(error_text(error))

        self.writer(day.day, marks, done)
