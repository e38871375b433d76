"""A new cohort (angkatan, issue #10): provider, module, dates, training days, money and the
completion rule, in two columns so it fits a 1366×768 screen.

The provider check itself is the service's (`cohorts.create_cohort` refuses a provider that
may not train the module on the start date, naming every reason under the provider field);
the dialog only reads what it can before sending: a date it cannot read and a week without
a training day are said under their field here, nothing is written.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from app.domain.cohorts import DEFAULT_PATTERN, WEEKDAYS
from app.domain.provider_checks import RESULT_LABELS, Result
from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.dialogs.base import FormDialog
from app.ui.tasks import TaskFn

if TYPE_CHECKING:
    from app.services.cohorts import CohortPlan

DATE_HINT = "DD/MM/YYYY"
MAX_RATE = 10_000_000
RATE_STEP = 5_000
MAX_WIDTH = 1300  # inside a 1366×768 screen
# Providers whose decision allows a cohort come first in the combo, then the others.
RESULT_ORDER = {Result.FIT.value: 0, Result.FOLLOW_UP.value: 1, Result.UNFIT.value: 2}
DECISIONS = {result.value: label for result, label in RESULT_LABELS.items()}


def _row(*widgets: QWidget) -> QWidget:
    """Inputs on one form row, as wide as the column; the focus (and an error's cursor) goes
    to the first. A row narrower than its column had its error line measured for the column's
    width and drawn in its own: the provider check's refusal lost its last lines."""
    box = QWidget()
    line = QHBoxLayout(box)
    line.setContentsMargins(0, 0, 0, 0)
    line.setSpacing(6)
    for widget in widgets:
        line.addWidget(widget)
    line.addStretch(1)
    box.setFocusProxy(widgets[0])
    return box


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setVerticalSpacing(6)
    return form


def money_spin() -> QSpinBox:
    """Whole rupiah, 0 to 10,000,000, in steps of 5,000, with the locale's separators."""
    spin = QSpinBox()
    spin.setRange(0, MAX_RATE)
    spin.setSingleStep(RATE_STEP)
    spin.setPrefix("Rp ")
    spin.setGroupSeparatorShown(True)
    spin.setMinimumWidth(140)
    return spin


class CohortDialog(FormDialog):
    """A new cohort; calls `cohorts.create_cohort` on the writer thread.

    Signals:
        succeeded(object): the service's CohortRow.
    """

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.setMinimumWidth(940)
        self.setWindowTitle(self.tr("New cohort"))
        self.set_intro(
            self.tr(
                "The provider must be assessed as fit for the module on the start date. "
                "Dates as DD/MM/YYYY."
            )
        )
        self._build_inputs()
        left, right = _form(), _form()
        add = self.errors.add_row
        add(left, self.tr("Provider"), "provider", self.provider)
        add(left, self.tr("Module"), "module", self.module)
        add(left, self.tr("Dates"), "dates", self.dates_row)
        add(left, self.tr("Training days"), "pattern", self.days_row)
        add(left, self.tr("Capacity"), "capacity", _row(self.capacity))
        add(left, self.tr("Location"), "location", self.location)
        add(left, self.tr("Own code"), "code", self.code,
            self.tr("Empty: the next number is given automatically."))  # fmt: skip
        add(right, self.tr("Transport per day"), "transport_rate", _row(self.transport))
        add(right, self.tr("Pocket money"), "pocket_rate", self.pocket_row)
        self.errors.register("pocket_mode", self.pocket_mode, self.errors.label("pocket_rate"))
        add(right, self.tr("Stipends paid"), "stipend_period", _row(self.stipend_period))
        add(right, self.tr("Attendance needed"), "min_rate_percent", _row(self.min_rate))
        right.addRow("", self.excused)
        add(right, self.tr("Pass mark"), "pass_score", self.pass_row)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = self.layout()
        assert layout is not None
        layout.insertLayout(2, columns)  # type: ignore[attr-defined]
        self.ok_button.setText(self.tr("Create cohort"))
        self.provider.currentIndexChanged.connect(lambda _i: self.fill_modules())
        self.no_score.toggled.connect(lambda on: self.pass_score.setEnabled(not on))
        self.fill_providers()
        # A window is first sized to at most 2/3 of the screen (910 px of 1366), which
        # squeezed the labels and tick boxes; the width the columns ask for is kept instead.
        self.setMinimumWidth(min(MAX_WIDTH, max(self.minimumWidth(), layout.sizeHint().width())))

    def _build_inputs(self) -> None:
        self.provider = QComboBox()
        self.module = QComboBox()
        for combo in (self.provider, self.module):
            # a long provider or module name must not widen the dialog past the screen
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(28)
            # as wide as the column: the provider check's long refusal wraps under it
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.start = QLineEdit()
        self.end = QLineEdit()
        for edit in (self.start, self.end):
            edit.setPlaceholderText(DATE_HINT)
            edit.setMaxLength(10)
            edit.setFixedWidth(120)
        self.dates_row = _row(self.start, QLabel(self.tr("to")), self.end)
        self.weekdays: dict[str, QCheckBox] = {}
        names = (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"),
                 self.tr("Fri"), self.tr("Sat"), self.tr("Sun"))  # fmt: skip
        for key, name in zip(WEEKDAYS, names, strict=True):
            box = QCheckBox(name)
            box.setChecked(key in DEFAULT_PATTERN)
            self.weekdays[key] = box
        self.days_row = _row(*self.weekdays.values())
        self.capacity = QSpinBox()
        self.capacity.setRange(1, 500)
        self.capacity.setValue(25)
        self.capacity.setSuffix(self.tr(" people"))
        self.capacity.setMaximumWidth(140)
        self.location = QLineEdit()
        self.location.setMaxLength(200)
        self.location.setPlaceholderText(self.tr("e.g. Workshop 2, BLK Jakarta Timur"))
        self.code = QLineEdit()
        self.code.setMaxLength(40)
        self.code.setPlaceholderText("ANG/…")
        self.transport = money_spin()
        self.pocket = money_spin()
        self.pocket_mode = QComboBox()
        self.pocket_mode.addItem(self.tr("per attended day"), "per_day")
        self.pocket_mode.addItem(self.tr("lump sum"), "lump_sum")
        self.pocket_row = _row(self.pocket, self.pocket_mode)
        self.stipend_period = QComboBox()
        self.stipend_period.addItem(self.tr("every training week"), "week")
        self.stipend_period.addItem(self.tr("once, for the whole cohort"), "cohort")
        self.min_rate = QSpinBox()
        self.min_rate.setRange(1, 100)
        self.min_rate.setValue(80)
        self.min_rate.setSuffix(" %")
        self.min_rate.setMaximumWidth(100)
        self.excused = QCheckBox(self.tr("Excused and sick days count as attended"))
        self.pass_score = QSpinBox()
        self.pass_score.setRange(0, 100)
        self.pass_score.setValue(70)
        self.pass_score.setMaximumWidth(100)
        self.no_score = QCheckBox(self.tr("No assessment score"))
        self.pass_row = _row(self.pass_score, self.no_score)

    def fill_providers(self) -> None:
        """Every provider with its decision in force; those assessed fit first."""
        from app.services.providers import list_providers

        rows = sorted(
            list_providers(self.ctx.db),
            key=lambda r: (RESULT_ORDER.get(r.result or "", 3), r.name.casefold()),
        )
        self.provider.clear()
        for row in rows:
            label = DECISIONS.get(row.result or "")
            decision = label.render() if label else self.tr("not assessed")
            self.provider.addItem(f"{row.name} — {decision}", row.id)
        self.fill_modules()

    def fill_modules(self) -> None:
        """The chosen provider's offered modules that are still in the catalogue."""
        from app.services.providers import provider_detail

        self.module.clear()
        pid = self.provider.currentData()
        if not pid:
            return
        for offer in provider_detail(self.ctx.db, str(pid)).offers:
            if offer.module_active:
                self.module.addItem(f"{offer.module_code} — {offer.module_name}", offer.module_code)

    def _date(self, edit: QLineEdit) -> date | None:
        """The typed date; None after saying under the dates that it cannot be read."""
        from app.domain.parsing import ParseError, parse_date

        try:
            day = parse_date(edit.text())
        except ParseError:
            day = None
        if day is None:
            self.errors.set("dates", self.tr("Write both dates as DD/MM/YYYY."))
            edit.setFocus()
        return day

    def plan(self) -> CohortPlan | None:
        """The CohortPlan typed, or None after showing what is missing or unreadable."""
        from app.services.cohorts import CohortPlan

        if self.provider.currentData() is None:
            self.errors.set("provider", self.tr("Register a provider first."))
            return None
        if self.module.currentData() is None:
            self.errors.set(
                "module",
                self.tr("This provider offers no module; add one on the providers page."),
            )
            return None
        start = self._date(self.start)
        end = self._date(self.end) if start is not None else None
        if start is None or end is None:
            return None
        pattern = tuple(key for key, box in self.weekdays.items() if box.isChecked())
        if not pattern:
            self.errors.set("pattern", self.tr("Tick at least one training day."))
            return None
        return CohortPlan(
            provider=str(self.provider.currentData()),
            module_code=str(self.module.currentData()),
            start_date=start,
            end_date=end,
            pattern=pattern,
            capacity=self.capacity.value(),
            transport_rate=self.transport.value(),
            pocket_rate=self.pocket.value(),
            pocket_mode=str(self.pocket_mode.currentData()),
            stipend_period=str(self.stipend_period.currentData()),
            min_rate_percent=self.min_rate.value(),
            excused_counts=self.excused.isChecked(),
            pass_score=None if self.no_score.isChecked() else self.pass_score.value(),
            location=self.location.text().strip() or None,
            code=self.code.text().strip() or None,
        )

    def work(self) -> TaskFn | None:
        from app.services.cohorts import create_cohort

        plan = self.plan()
        if plan is None:
            return None
        ctx, actor = self.ctx, self.actor
        return lambda _p, _c: create_cohort(ctx.db, actor, plan)
