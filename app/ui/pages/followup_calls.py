"""The first tab of Pemantauan: who to call now. The follow-ups due up to the end of this
week (or a later day the clerk picks), overdue first, each with the person's phone and a
WhatsApp link (a click opens the chat), the cohort and which of the three calls it is.

Enter, a double click or Catat hasil opens the outcome form for the selected person; the
row leaves the list once the outcome is recorded. Lowongan cocok shows the vacancies that
fit the person, to offer during the call."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, QUrl
from PySide6.QtGui import QBrush, QDesktopServices, QFont
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.followups import Urgency, week_of
from app.services.actor import Actor
from app.services.followups import DueRow
from app.ui.context import AppContext
from app.ui.formats import fmt_date
from app.ui.messages import show_error
from app.ui.pages.followup_table import (
    LINK,
    OVERDUE,
    QUIET,
    SORT_ROLE,
    THIS_WEEK,
    current_row,
    months_text,
    select_where,
    sorted_view,
)
from app.ui.pages.payment_list import shortcut_button
from app.ui.pages.payment_table import size_columns
from app.ui.row_model import RowsModel
from app.ui.widgets import note, row_table

Index = QModelIndex | QPersistentModelIndex
COLUMNS = 9
DUE, URGENCY, NAME, NIK, PHONE, WHATSAPP, COHORT, MILESTONE, ATTEMPTS = range(COLUMNS)
COLOURS = {Urgency.OVERDUE.value: OVERDUE, Urgency.THIS_WEEK.value: THIS_WEEK}


def open_link(url: str) -> bool:
    """Open a wa.me address with the PC's browser or WhatsApp Desktop (tests replace it)."""
    return QDesktopServices.openUrl(QUrl(url))


class CallModel(RowsModel):
    """One row per DueRow."""

    def headers(self) -> list[str]:
        return [
            self.tr("Due"),
            self.tr("Urgency"),
            self.tr("Name"),
            self.tr("NIK"),
            self.tr("Phone"),
            self.tr("WhatsApp"),
            self.tr("Cohort"),
            self.tr("Call"),
            self.tr("Attempts"),
        ]

    def row_at(self, row: int) -> DueRow | None:
        found: DueRow | None = super().row_at(row)
        return found

    def urgency_text(self, urgency: str) -> str:
        return {
            Urgency.OVERDUE.value: self.tr("Overdue"),
            Urgency.THIS_WEEK.value: self.tr("This week"),
        }.get(urgency, self.tr("Later"))

    def chat_text(self) -> str:
        return self.tr("Open chat")

    def name_text(self, row: DueRow) -> str:
        return row.name + (" " + self.tr("(withdrew)") if row.withdrawn else "")

    def _text(self, row: DueRow, column: int) -> str:
        from app.formats import phone

        values = (
            fmt_date(row.due_on),
            self.urgency_text(row.urgency),
            self.name_text(row),
            row.nik_masked,
            phone(row.phone) or "–",
            self.chat_text() if row.whatsapp else "–",
            row.cohort_code,
            months_text(row.milestone),
            str(row.attempts) if row.attempts else "–",
        )
        return values[column]

    def _key(self, row: DueRow, column: int) -> Any:
        if column in (DUE, URGENCY):
            return row.due_on.toordinal() * 10 + row.milestone
        if column == MILESTONE:
            return row.milestone
        if column == ATTEMPTS:
            return row.attempts
        return self._text(row, column).casefold()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._key(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == URGENCY:
                return QBrush(COLOURS.get(row.urgency, QUIET))
            if column == WHATSAPP and row.whatsapp:
                return QBrush(LINK)
        if role == Qt.ItemDataRole.FontRole:
            if column == URGENCY and row.urgency == Urgency.OVERDUE.value:
                font = QFont()
                font.setBold(True)
                return font
            if column == WHATSAPP and row.whatsapp:
                font = QFont()
                font.setUnderline(True)
                return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ATTEMPTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row, column)
        return None

    def _tip(self, row: DueRow, column: int) -> str:
        if column == WHATSAPP:
            return (
                self.tr("Click to open a WhatsApp chat with {name}: {link}").format(
                    name=row.name, link=row.whatsapp
                )
                if row.whatsapp
                else self.tr("{name} does not use WhatsApp: call the number").format(name=row.name)
            )
        if row.withdrawn:
            return self.tr("{name} withdrew from the cohort; still followed up").format(
                name=row.name
            )
        return row.name


def fit_columns(table: QTableView, model: CallModel) -> None:
    """Dates, NIK, phone and link as wide as they need; the name takes what is left."""
    samples = {
        DUE: "00/00/0000",
        URGENCY: max(
            (model.urgency_text(u.value) for u in Urgency),
            key=table.fontMetrics().horizontalAdvance,
        ),
        NIK: "3171********0001",
        PHONE: "0812-3456-7890",
        WHATSAPP: model.chat_text(),
        COHORT: "ANG/JKT-1/2026/0000",
        MILESTONE: months_text(6),
        ATTEMPTS: model.headers()[ATTEMPTS],
    }
    size_columns(table, model.headers(), samples, NAME, frozenset({URGENCY}))


class CallList(QWidget):
    """Date chooser, counts, table and actions; `refresh()` re-reads the call list."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.stale = True
        self.today = date.today()
        self.until_chosen = False  # the clerk picked a day: kept until the day changes
        self.dialog: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 8)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.until = QDateEdit(self)
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("dd/MM/yyyy")
        self.until.setToolTip(self.tr("Show the calls due up to this day"))
        until_label = QLabel(self.tr("Due up to"))
        until_label.setBuddy(self.until)
        top.addWidget(until_label)
        top.addWidget(self.until)
        top.addSpacing(16)
        self.counts = QLabel()
        self.counts.setObjectName("count")
        top.addWidget(self.counts, 1)
        layout.addLayout(top)
        self.empty = note("", self)
        self.empty.setVisible(False)
        layout.addWidget(self.empty)
        self.model = CallModel(self)
        self.table = QTableView(self)
        row_table(self.table)
        self.proxy = sorted_view(self.table, self.model)
        fit_columns(self.table, self.model)
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.record_button = shortcut_button(self.tr("Record outcome…"), "Ctrl+R", self)
        self.record_button.setObjectName("primary")
        self.matches_button = shortcut_button(self.tr("Matching vacancies…"), "Ctrl+M", self)
        self.whatsapp_button = shortcut_button(self.tr("Open WhatsApp"), "Ctrl+Shift+W", self)
        for button in (self.record_button, self.matches_button, self.whatsapp_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)

        self.until.dateChanged.connect(lambda _d: self._until_changed())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self.table.activated.connect(lambda _i: self.record())
        self.table.clicked.connect(self._clicked)
        self.record_button.clicked.connect(self.record)
        self.matches_button.clicked.connect(self.matches)
        self.whatsapp_button.clicked.connect(self.open_whatsapp)
        self._enable()

    # -- reading --------------------------------------------------------------------------
    def until_day(self) -> date:
        day = self.until.date()
        return date(day.year(), day.month(), day.day())

    def _until_changed(self) -> None:
        self.until_chosen = True
        self.refresh()

    def refresh(self) -> None:
        """Re-read what is due: up to the end of this week, or the day the clerk chose."""
        from app.services.followups import due
        from app.services.vacancies import today_of

        self.stale = False
        chosen = self.selected()
        try:
            today = today_of(self.ctx.db)
            if not self.until_chosen or today != self.today:
                self.today, self.until_chosen = today, False
                sunday = week_of(today)[1]
                self.until.blockSignals(True)
                self.until.setMinimumDate(QDate(today.year, today.month, today.day))
                self.until.setDate(QDate(sunday.year, sunday.month, sunday.day))
                self.until.blockSignals(False)
            rows = due(self.ctx.db, today, self.until_day())
        except Exception as exc:
            show_error(self, exc)
            return
        self.model.set_rows(rows)
        # unanswered calls so far: a column only while someone has any (the name needs room)
        self.table.setColumnHidden(ATTEMPTS, not any(r.attempts for r in rows))
        self._describe(rows)
        key = (chosen.enrollment_id, chosen.milestone) if chosen else None
        same = key is not None and select_where(
            self.table, self.model, lambda r: (r.enrollment_id, r.milestone) == key
        )
        if rows and not same:
            self.table.selectRow(0)
        self._enable()

    def _describe(self, rows: list[DueRow]) -> None:
        overdue = sum(r.urgency == Urgency.OVERDUE.value for r in rows)
        week = sum(r.urgency == Urgency.THIS_WEEK.value for r in rows)
        text = self.tr("{n} calls: {overdue} overdue, {week} this week").format(
            n=len(rows), overdue=overdue, week=week
        )
        later = len(rows) - overdue - week
        if later:
            text += " " + self.tr("and {later} later").format(later=later)
        self.counts.setText(text)
        self.empty.setText(
            self.tr("Nobody is due for a follow-up call up to {day}.").format(
                day=fmt_date(self.until_day())
            )
        )
        self.empty.setVisible(not rows)

    def selected(self) -> DueRow | None:
        found: DueRow | None = current_row(self.table, self.model)
        return found

    def _enable(self) -> None:
        row = self.selected()
        self.record_button.setEnabled(row is not None and row.urgency != Urgency.LATER.value)
        self.matches_button.setEnabled(row is not None)
        self.whatsapp_button.setEnabled(bool(row and row.whatsapp))

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == WHATSAPP:
            self.open_whatsapp()

    # -- actions --------------------------------------------------------------------------
    def open_whatsapp(self) -> bool:
        row = self.selected()
        return bool(row and row.whatsapp and open_link(row.whatsapp))

    def record(self) -> Any:
        """The outcome form for the selected person's call."""
        from app.ui.dialogs.followup_outcome import OutcomeDialog

        row = self.selected()
        if row is None or row.urgency == Urgency.LATER.value:
            return None
        # The service records the person's earliest open call: the form says which.
        row = min(
            (r for r in self.model.rows if r.participant_id == row.participant_id),
            key=lambda r: (r.due_on, r.milestone),
        )
        dialog = OutcomeDialog(self.ctx, self.actor, row, parent=self)
        dialog.open()
        self.dialog = dialog
        return dialog

    def matches(self) -> Any:
        """The open vacancies that fit the selected person, and their referrals."""
        from app.ui.dialogs.vacancy_matches import PersonVacanciesDialog

        row = self.selected()
        if row is None:
            return None
        dialog = PersonVacanciesDialog(
            self.ctx, self.actor, row.participant_id, row.name, parent=self
        )
        dialog.open()
        self.dialog = dialog
        return dialog

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
