"""Enrolling people in a cohort (issue #10): search the registry, tick who comes, enrol.

Every person found is listed with why they cannot be enrolled (another active cohort, trained
before, not eligible, another office's person: `enrolment.candidates` says it in the
window's language); those rows are grey and cannot be ticked. Ticks outlive a new search, so
a clerk can look people up one by one and enrol them together. Someone whose eligibility is
only "not yet certain" is enrolled after one question naming how many such people were
ticked. The dialog stays open after enrolling, with the outcome above the buttons, so the
clerk can go on; the page that opened it hears `succeeded`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.eligibility import Status as Eligibility
from app.domain.participant_fields import STATUS_LABELS
from app.resources import regions
from app.services.actor import Actor
from app.ui import messages
from app.ui.context import AppContext
from app.ui.formats import eligibility_label, eligibility_short, status_label
from app.ui.i18n import current_language
from app.ui.tasks import run_task
from app.ui.widgets import busy_bar, heading, note, row_table

if TYPE_CHECKING:
    from app.services.cohort_views import Candidate, EnrolOutcome
    from app.services.enrolment import PickerQuery

SEARCH_DELAY_MS = 200
COLUMNS = 7  # tick, name, NIK, status, training choice, eligibility, why not
WIDTHS = (36, 190, 150, 150, 160, 120)
TICKABLE = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
)
SHOWN_REFUSALS = 4  # refused people named in the outcome line; the rest are counted


class PickTable(QTableWidget):
    """The candidates; Space ticks the current row whatever column the cursor is in, Ctrl+A
    ticks every person shown who may be enrolled."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self.currentRow() >= 0:
            self.toggle(self.currentRow())
            return
        if event.matches(QKeySequence.StandardKey.SelectAll):
            self.tick_all()
            return
        super().keyPressEvent(event)

    def toggle(self, row: int) -> None:
        item = self.item(row, 0)
        if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            done = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if done else Qt.CheckState.Checked)

    def tick_all(self) -> None:
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(Qt.CheckState.Checked)


class EnrolDialog(QDialog):
    """Search, tick and enrol people in one cohort; calls `enrolment.enrol` on the writer
    thread and stays open.

    Signals:
        succeeded(object): the list of EnrolOutcome of one enrolment.
    """

    succeeded = Signal(object)

    def __init__(
        self, ctx: AppContext, actor: Actor, cohort_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.cohort_id = ctx, actor, cohort_id
        self.lang = current_language()
        self.ticked: dict[str, Candidate] = {}  # participant id -> the row when ticked
        self.shown: list[Candidate] = []
        self._busy = False
        self._search_no = 0  # answers of an older search are dropped
        self._filling = False
        self.setWindowTitle(self.tr("Enrol participants"))
        self.resize(1240, 640)
        self.setMinimumSize(900, 480)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        self.title = heading("")
        self.places = note("")
        layout.addWidget(self.title)
        layout.addWidget(self.places)
        self._build_filters(layout)
        self.table = PickTable(0, COLUMNS, self)
        row_table(self.table)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        names = ("", self.tr("Name"), self.tr("NIK"), self.tr("Status"), self.tr("Training choice"),
                 self.tr("Eligibility"), self.tr("Why not"))  # fmt: skip
        self.table.setHorizontalHeaderLabels(list(names))
        for column, width in enumerate(WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self.table.itemChanged.connect(self._tick_changed)
        layout.addWidget(self.table, 1)
        self.found = note("")
        layout.addWidget(self.found)
        self.outcome = QLabel("")
        self.outcome.setWordWrap(True)
        self.outcome.setVisible(False)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.outcome)
        self.busy_bar = busy_bar(self)
        layout.addWidget(self.busy_bar)
        buttons = QHBoxLayout()
        self.count = QLabel("")
        buttons.addWidget(self.count)
        buttons.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        self.enrol_button = QPushButton(self.tr("Enrol selected"))
        self.enrol_button.setObjectName("primary")
        for button in (self.close_button, self.enrol_button):
            button.setAutoDefault(False)  # Enter in the search line must not enrol anyone
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.close_button.clicked.connect(self.reject)
        self.enrol_button.clicked.connect(self.enrol_selected)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.text.textChanged.connect(lambda _t: self._timer.start())
        for combo in (self.choice, self.province, self.status, self.eligibility):
            combo.currentIndexChanged.connect(lambda _i: self.search())
        self._update_count()
        self.load_cohort()
        self.search()

    def _build_filters(self, layout: QVBoxLayout) -> None:
        from app.services.modules import list_modules

        self.modules = {m.code: m.name for m in list_modules(self.ctx.db)}
        self.text = QLineEdit()
        self.text.setObjectName("search")
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(self.tr("Search name or NIK digits…"))
        self.choice = QComboBox()
        self.choice.addItem(self.tr("All training choices"), "")
        for code, name in sorted(self.modules.items(), key=lambda kv: kv[1]):
            self.choice.addItem(f"{code} — {name}", code)
        self.province = QComboBox()
        self.province.addItem(self.tr("All provinces"), "")
        for province in sorted(regions().provinces.values(), key=lambda r: r.name):
            self.province.addItem(province.name, province.code)
        self.status = QComboBox()
        self.status.addItem(self.tr("Any status"), "")
        for key, label in STATUS_LABELS.items():
            if key not in ("erased", "merged"):
                self.status.addItem(label.render(), key)
        self.eligibility = QComboBox()
        self.eligibility.addItem(self.tr("Any eligibility"), "")
        for verdict in (Eligibility.MET, Eligibility.NOT_MET, Eligibility.UNKNOWN):
            self.eligibility.addItem(eligibility_label(verdict.value), verdict.value)
        layout.addWidget(self.text)  # on its own line, as on the other lists
        row = QHBoxLayout()
        row.setSpacing(8)
        for combo, letters in ((self.choice, 16), (self.province, 12), (self.status, 12),
                               (self.eligibility, 12)):  # fmt: skip
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(letters)
            row.addWidget(combo, 1)
        layout.addLayout(row)

    def showEvent(self, event: QShowEvent) -> None:
        """The cursor starts in the search line: a clerk types a name at once."""
        super().showEvent(event)
        self.text.setFocus()

    # -- reading -----------------------------------------------------------------------
    def load_cohort(self) -> None:
        """The cohort's code, module and places taken, above the search."""
        from app.services.cohort_lists import cohort_detail

        row = cohort_detail(self.ctx.db, self.cohort_id, self.lang).row
        self.title.setText(
            self.tr("Enrol in {code} — {module}").format(code=row.code, module=row.module)
        )
        self.places.setText(
            self.tr("{enrolled} of {capacity} places taken, {waiting} on the waiting list. "
                    "When the cohort is full, people go on the waiting list.").format(
                enrolled=row.enrolled, capacity=row.capacity, waiting=row.waiting
            )
        )  # fmt: skip

    def query(self) -> PickerQuery:
        from app.services.enrolment import PickerQuery

        return PickerQuery(
            text=self.text.text().strip(),
            training_choice=self.choice.currentData() or None,
            province=self.province.currentData() or None,
            status=self.status.currentData() or None,
            eligibility=self.eligibility.currentData() or None,
        )

    def search(self) -> None:
        """Ask for the candidates on a worker thread; only the latest answer is shown."""
        from app.services.enrolment import candidates

        self._timer.stop()
        self._search_no += 1
        number, q = self._search_no, self.query()
        ctx, cid, lang = self.ctx, self.cohort_id, self.lang

        def done(rows: list[Candidate]) -> None:
            if number == self._search_no:
                self.show_rows(rows, q.limit)

        run_task(
            lambda _p, _c: candidates(ctx.db, cid, q, lang),
            on_done=done,
            on_error=lambda exc: self._failed(exc, busy=False),
            owner=self,
        )

    def show_rows(self, rows: list[Candidate], limit: int) -> None:
        self.shown = rows
        palette = self.palette()
        grey = palette.color(palette.ColorGroup.Disabled, palette.ColorRole.Text)
        self._filling = True
        self.table.setRowCount(0)
        self.table.setRowCount(len(rows))
        for i, c in enumerate(rows):
            why = " ".join(c.refusals)
            choice = c.training_choice or ""
            module = f"{choice} — {self.modules[choice]}" if choice in self.modules else choice
            cells = ("", c.name, c.nik_masked, status_label(c.status), module,
                     eligibility_short(c.eligibility), why)  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c.participant_id)
                if why:  # grey, cannot be ticked nor selected: the reason says why
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    item.setForeground(QColor(grey))
                    item.setToolTip(why)
                elif column == 0:
                    item.setFlags(TICKABLE)
                    ticked = c.participant_id in self.ticked
                    item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                self.table.setItem(i, column, item)
        self._filling = False
        if len(rows) >= limit:
            self.found.setText(
                self.tr("The first {n} people found are shown; narrow the search.").format(n=limit)
            )
        else:
            self.found.setText(self.tr("{n} people found.").format(n=len(rows)))
        self._update_count()

    def _tick_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 0:
            return
        c = self.shown[item.row()]
        if item.checkState() == Qt.CheckState.Checked:
            self.ticked[c.participant_id] = c
        else:
            self.ticked.pop(c.participant_id, None)
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(self.tr("{n} selected").format(n=len(self.ticked)))
        self.enrol_button.setEnabled(bool(self.ticked) and not self._busy)

    # -- enrolling ---------------------------------------------------------------------
    def enrol_selected(self) -> None:
        """Enrol everyone ticked; first ask once when some have unknown eligibility."""
        if self._busy or not self.ticked:
            return
        unsure = sum(1 for c in self.ticked.values() if c.needs_confirmation)
        if unsure:
            self.confirm_unknown(unsure)
        else:
            self.enrol(confirm_unknown=False)

    def confirm_unknown(self, unsure: int) -> None:
        """The one question before enrolling people whose eligibility is not yet certain."""
        messages.ask(
            self,
            self.tr("Eligibility not yet certain"),
            self.tr(
                "The eligibility of {n} of the {total} people selected is not yet certain. "
                "Have you checked their papers and want to enrol them?"
            ).format(n=unsure, total=len(self.ticked)),
            self.tr("Yes, enrol"),
            self.tr("No"),
            lambda: self.enrol(confirm_unknown=True),
        )

    def enrol(self, confirm_unknown: bool) -> None:
        from app.services.enrolment import enrol

        ctx, actor, cid, lang = self.ctx, self.actor, self.cohort_id, self.lang
        ids = list(self.ticked)
        self.set_busy(True)
        run_task(
            lambda _p, _c: enrol(
                ctx.db, actor, cid, ids, confirm_unknown=confirm_unknown, lang=lang
            ),
            on_done=self._enrolled,
            on_error=self._failed,
            write=True,
            owner=self,
        )

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
        self.close_button.setEnabled(not busy)
        self._update_count()

    def _enrolled(self, outcomes: list[EnrolOutcome]) -> None:
        self.set_busy(False)
        self.ticked.clear()
        self.show_outcome(outcomes)
        self.load_cohort()
        self.search()
        self.succeeded.emit(outcomes)

    def _failed(self, exc: BaseException, busy: bool = True) -> None:
        """A refused enrolment (`busy`) or a failed search, said in a box."""
        if busy:
            self.set_busy(False)
        messages.show_error(self, exc)

    def show_outcome(self, outcomes: list[EnrolOutcome]) -> None:
        """`2 enrolled, 1 on the waiting list, 1 refused:` and who was refused, why."""
        enrolled = sum(1 for o in outcomes if o.status == "enrolled")
        waiting = sum(1 for o in outcomes if o.status == "waiting")
        refused = [o for o in outcomes if o.status is None]
        lines = [
            self.tr(
                "{enrolled} enrolled, {waiting} on the waiting list, {refused} refused."
            ).format(enrolled=enrolled, waiting=waiting, refused=len(refused))
        ]
        lines += [f"{o.name}: {' '.join(o.reasons)}" for o in refused[:SHOWN_REFUSALS]]
        if len(refused) > SHOWN_REFUSALS:
            lines.append(self.tr("and {n} more refused.").format(n=len(refused) - SHOWN_REFUSALS))
        self.outcome.setObjectName("fieldError" if refused else "outcome")
        style = self.outcome.style()
        style.unpolish(self.outcome)  # the style sheet's look of the new name applies
        style.polish(self.outcome)
        self.outcome.setText("\n".join(lines))
        self.outcome.setVisible(True)

    def reject(self) -> None:
        if not self._busy:  # an enrolment in flight finishes first; closing now would hide it
            super().reject()
