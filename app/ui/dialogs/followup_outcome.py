"""The outcome of a follow-up call: what the person said, in the fields that outcome needs.

Working again asks for the employer (required), its NPP, the position, the start date, the
wage and whether the job is formal; self-employed for the kind of business (required) and
since when; unreachable for how many calls went unanswered; a note is always possible.
Only the chosen outcome's fields show, so a clerk on the phone sees what to ask. The
service checks every value; a refused one is shown under its field and nothing is written.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.domain.followups import MAX_ATTEMPTS, OUTCOME_LABELS, Outcome
from app.domain.intake import BAD_DATE, BAD_MONEY
from app.domain.parsing import ParseError, parse_date, parse_rupiah
from app.services.actor import Actor
from app.services.followups import DueRow
from app.ui.context import AppContext
from app.ui.dialogs.base import FormDialog
from app.ui.formats import fmt_date
from app.ui.pages.followup_table import months_text
from app.ui.tasks import TaskFn

DATE_HINT = "DD/MM/YYYY"
# Which fields each outcome asks for (the note shows for all).
FIELDS: dict[Outcome, tuple[str, ...]] = {
    Outcome.WORKING: ("employer", "npp", "position", "started_on", "wage", "formal"),
    Outcome.SELF_EMPLOYED: ("business_type", "started_on"),
    Outcome.LOOKING: (),
    Outcome.EDUCATION: (),
    Outcome.UNREACHABLE: ("attempts",),
}
ALL_FIELDS = ("employer", "npp", "position", "business_type", "started_on", "wage", "formal",
              "attempts")  # fmt: skip


class OutcomeDialog(FormDialog):
    """Record the outcome of the person's call (app.services.followups.record).

    Signals:
        succeeded(object): the saved follow-up record.
    """

    def __init__(
        self, ctx: AppContext, actor: Actor, row: DueRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.row = ctx, actor, row
        self.setWindowTitle(self.tr("Follow-up outcome"))
        self.setMinimumWidth(600)
        self.set_intro(
            self.tr(
                "{name} ({nik}), cohort {cohort}: the call of {month} after the training, "
                "due {day}. Ask whether they work again; fill in what they say."
            ).format(
                name=row.name,
                nik=row.nik_masked,
                cohort=row.cohort_code,
                month=months_text(row.milestone),
                day=fmt_date(row.due_on),
            )
        )
        self.outcome = QComboBox()
        for outcome, label in OUTCOME_LABELS.items():
            self.outcome.addItem(label.render(), outcome.value)
        self.employer = QLineEdit()
        self.employer.setMaxLength(200)
        self.npp = QLineEdit()
        self.npp.setPlaceholderText(self.tr("if known"))
        self.position = QLineEdit()
        self.business_type = QLineEdit()
        self.business_type.setPlaceholderText(self.tr("e.g. catering, tailoring, motorbike repair"))
        self.started_on = QLineEdit()
        self.started_on.setPlaceholderText(DATE_HINT)
        self.wage = QLineEdit()
        self.wage.setPlaceholderText(self.tr("per month, e.g. 4.500.000"))
        self.formal = QComboBox()
        self.formal.addItem(self.tr("Not known"), None)
        self.formal.addItem(self.tr("Formal (employer pays BPJS contributions)"), True)
        self.formal.addItem(self.tr("Informal"), False)
        self.attempts = QSpinBox()
        self.attempts.setRange(1, MAX_ATTEMPTS)
        self.attempts.setValue(min(max(row.attempts, 1), MAX_ATTEMPTS))
        self.attempts.setSuffix(" " + self.tr("calls"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(64)
        self.inputs: dict[str, QWidget] = {
            "employer": self.employer,
            "npp": self.npp,
            "position": self.position,
            "business_type": self.business_type,
            "started_on": self.started_on,
            "wage": self.wage,
            "formal": self.formal,
            "attempts": self.attempts,
        }
        labels = {
            "employer": self.tr("Employer *"),
            "npp": self.tr("Employer NPP"),
            "position": self.tr("Position"),
            "business_type": self.tr("Kind of business *"),
            "started_on": self.tr("Started on"),
            "wage": self.tr("Wage"),
            "formal": self.tr("Kind of work"),
            "attempts": self.tr("Unanswered calls *"),
        }
        self.errors.add_row(self.form, self.tr("Outcome"), "outcome", self.outcome)
        self.rows: dict[str, QWidget] = {}
        for key in ALL_FIELDS:
            error = self.errors.add_row(self.form, labels[key], key, self.inputs[key])
            box = error.parentWidget()
            assert box is not None
            self.rows[key] = box
        self.errors.add_row(self.form, self.tr("Note"), "note", self.note)
        self.ok_button.setText(self.tr("Save outcome"))
        self.outcome.currentIndexChanged.connect(lambda _i: self.show_fields())
        self.show_fields()

    def chosen(self) -> Outcome:
        return Outcome(str(self.outcome.currentData()))

    def show_fields(self) -> None:
        """Only the chosen outcome's fields; the dialog as tall as they need."""
        wanted = FIELDS[self.chosen()]
        for key, box in self.rows.items():
            self.form.setRowVisible(box, key in wanted)
        caption = self.form.labelForField(self.rows["started_on"])
        if isinstance(caption, QLabel):
            caption.setText(
                self.tr("Business since")
                if self.chosen() is Outcome.SELF_EMPLOYED
                else self.tr("Started on")
            )
        self.errors.clear()
        if self.isVisible():
            self.adjustSize()

    def choose(self, outcome: Outcome) -> None:
        self.outcome.setCurrentIndex(self.outcome.findData(outcome.value))

    def _read(self) -> dict[str, Any] | None:
        """The typed date and wage, or None after showing why one cannot be read."""
        wanted = FIELDS[self.chosen()]
        values: dict[str, Any] = {"started_on": None, "wage": None}
        if "started_on" in wanted:
            text = self.started_on.text()
            try:
                values["started_on"] = parse_date(text)
            except ParseError:
                self.errors.set("started_on", BAD_DATE.render(raw=text.strip()))
                return None
        if "wage" in wanted:
            text = self.wage.text()
            try:
                values["wage"] = parse_rupiah(text.strip() or None)
            except ParseError:
                self.errors.set("wage", BAD_MONEY.render(raw=text.strip()))
                return None
        return values

    def work(self) -> TaskFn | None:
        from app.services.followups import Call, record

        read = self._read()
        if read is None:
            return None
        outcome = self.chosen()
        wanted = FIELDS[outcome]

        def text(key: str) -> str | None:
            edit = self.inputs[key]
            return edit.text() if key in wanted and isinstance(edit, QLineEdit) else None

        started: date | None = read["started_on"]
        call = Call(
            outcome=outcome.value,
            employer=text("employer"),
            npp=text("npp"),
            position=text("position"),
            started_on=started,
            wage=read["wage"],
            formal=self.formal.currentData() if "formal" in wanted else None,
            business_type=text("business_type"),
            attempts=self.attempts.value() if "attempts" in wanted else None,
            note=self.note.toPlainText(),
        )
        ctx, actor, pid = self.ctx, self.actor, self.row.participant_id
        return lambda _p, _c: record(ctx.db, actor, pid, call)
