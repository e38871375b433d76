"""One provider: its data, the modules it offers, and the checklist (Penilaian Kelayakan)
with evidence and the supervisor's decision, in three tabs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import formats
from app.domain.provider_checks import PROVIDER_TYPE_LABELS, ProviderType
from app.domain.roles import Permission, can
from app.services.actor import Actor
from app.services.provider_views import Assessment, CheckRow, ProviderDetail
from app.ui.context import AppContext
from app.ui.dialogs.provider_dialogs import (
    DecisionDialog,
    MarkItemDialog,
    OffersDialog,
    ProviderDialog,
    instructors_text,
)
from app.ui.formats import fmt_date, fmt_datetime
from app.ui.messages import show_error
from app.ui.pages.provider_list import result_text
from app.ui.tasks import run_task
from app.ui.widgets import heading, note, row_table

MARKS = {True: "✓", False: "✗", None: "·"}


def _item(text: str) -> QTableWidgetItem:
    return QTableWidgetItem(text)


def _table(columns: list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(columns), parent)
    table.setHorizontalHeaderLabels(columns)
    row_table(table)
    table.setWordWrap(True)
    return table


class ProviderView(QWidget):
    """The three tabs of one provider; `load(id)` reads it again.

    Signals:
        back(): return to the list.
    """

    back = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.provider_id = ""
        self.detail: ProviderDetail | None = None
        self.assessment: Assessment | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 16)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Provider list"))
        self.back_button.clicked.connect(self.back)
        top.addWidget(self.back_button)
        self.title = heading("")
        top.addWidget(self.title, 1)
        layout.addLayout(top)
        self.summary = note("")
        layout.addWidget(self.summary)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._data_tab(), self.tr("Provider data"))
        self.tabs.addTab(self._modules_tab(), self.tr("Modules and instructors"))
        self.tabs.addTab(self._checklist_tab(), self.tr("Fitness checklist"))
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)  # back to the list
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back)

    # --- tabs -------------------------------------------------------------------------------
    def _data_tab(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        row = QHBoxLayout()
        self.data_forms = (QFormLayout(), QFormLayout())
        for form in self.data_forms:
            form.setVerticalSpacing(6)
            row.addLayout(form, 1)
        column.addLayout(row)
        column.addStretch(1)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Edit data…"))
        self.edit_button.clicked.connect(self.edit)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        # made visible only once it has a parent: shown before, it is a window of its own
        self.edit_button.setVisible(can(self.actor.role, Permission.PROVIDER_EDIT))
        return tab

    def _modules_tab(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        self.offers_table = _table(
            [self.tr("Module"), self.tr("Capacity"), self.tr("Instructors")], tab
        )
        self.offers_table.setColumnWidth(0, 340)
        self.offers_table.setColumnWidth(1, 90)
        column.addWidget(self.offers_table, 1)
        buttons = QHBoxLayout()
        self.offers_button = QPushButton(self.tr("Change modules…"))
        self.offers_button.clicked.connect(self.edit_offers)
        buttons.addWidget(self.offers_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.offers_button.setVisible(can(self.actor.role, Permission.PROVIDER_EDIT))
        return tab

    def _checklist_tab(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        when = QHBoxLayout()
        caption = QLabel(self.tr("Assessment date"))
        self.on = QLineEdit()
        self.on.setPlaceholderText("DD/MM/YYYY")
        self.on.setMaximumWidth(130)
        caption.setBuddy(self.on)
        self.on.returnPressed.connect(self.reassess)
        self.assess_button = QPushButton(self.tr("Check on this date"))
        self.assess_button.clicked.connect(self.reassess)
        for widget in (caption, self.on, self.assess_button):
            when.addWidget(widget)
        when.addStretch(1)
        column.addLayout(when)
        self.checks_table = _table(
            [
                self.tr("Item"),
                self.tr("Result"),
                self.tr("Explanation"),
                self.tr("Evidence"),
                self.tr("Checked by"),
            ],
            tab,
        )
        for i, width in enumerate((250, 60, 420, 180)):
            self.checks_table.setColumnWidth(i, width)
        self.checks_table.itemSelectionChanged.connect(self._update_buttons)
        self.checks_table.doubleClicked.connect(lambda _i: self.mark())
        column.addWidget(self.checks_table, 1)
        self.decision_label = note("")
        column.addWidget(self.decision_label)
        buttons = QHBoxLayout()
        self.mark_button = QPushButton(self.tr("Mark item…"))
        self.mark_button.clicked.connect(self.mark)
        self.evidence_button = QPushButton(self.tr("Attach evidence…"))
        self.evidence_button.clicked.connect(self.choose_evidence)
        self.decide_button = QPushButton(self.tr("Decide…"))
        self.decide_button.setObjectName("primary")
        self.decide_button.clicked.connect(self.decide)
        self.print_button = QPushButton(self.tr("Print checklist…"))
        self.print_button.clicked.connect(self.print_checklist)
        for button in (self.mark_button, self.evidence_button, self.decide_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        column.addLayout(buttons)
        may_assess = can(self.actor.role, Permission.PROVIDER_ASSESS)
        self.mark_button.setVisible(may_assess)
        self.evidence_button.setVisible(may_assess)
        self.decide_button.setVisible(can(self.actor.role, Permission.PROVIDER_DECIDE))
        return tab

    # --- reading ----------------------------------------------------------------------------
    def load(self, provider_id: str, on: date | None = None) -> None:
        from app.services.provider_assessment import assess
        from app.services.providers import provider_detail

        self.provider_id = provider_id
        try:
            self.detail = provider_detail(self.ctx.db, provider_id)
            self.assessment = assess(self.ctx.db, provider_id, on)
        except Exception as exc:
            show_error(self, exc)
            return
        self._show_detail(self.detail)
        self._show_assessment(self.assessment)

    def reload(self) -> None:
        if self.provider_id:
            self.load(self.provider_id, self.assessment.on if self.assessment else None)

    def _show_detail(self, detail: ProviderDetail) -> None:
        row = detail.row
        self.title.setText(row.name)
        kind = PROVIDER_TYPE_LABELS[ProviderType(row.provider_type)].render()
        self.summary.setText(
            self.tr("{kind} · {region} · registered at {office} · decision: {result}").format(
                kind=kind,
                region=row.region_name or "—",
                office=row.office_code,
                result=result_text(row.result),
            )
        )
        v = detail.values
        labels = (
            (
                (self.tr("Address"), v["address"]),
                (self.tr("Region code"), v["region_code"]),
                (self.tr("Contact person"), v["contact_person"]),
                (self.tr("Phone"), formats.phone(str(v["phone"] or ""))),
                (self.tr("Email"), v["email"]),
                (self.tr("NPWP"), v["npwp"]),
                (self.tr("Partner LSP"), v["partner_lsp"]),
                (self.tr("Bank"), " ".join(str(x) for x in (v["bank_name"], v["bank_account"],
                                                             v["bank_account_holder"]) if x)),
            ),
            (
                (self.tr("Licence / registration no."), v["licence_number"]),
                (self.tr("Issued by"), v["licence_issuer"]),
                (self.tr("Issued on"), v["licence_issued_on"]),
                (self.tr("Valid until"), v["licence_expires_on"]),
                (self.tr("Operating since"), v["operating_since"]),
                (self.tr("LA-LPK accreditation"), self._accreditation(v)),
                (self.tr("Accreditation until"), v["accreditation_expires_on"]),
            ),
        )  # fmt: skip
        for form, pairs in zip(self.data_forms, labels, strict=True):
            while form.rowCount():
                form.removeRow(0)
            for caption, value in pairs:
                shown = fmt_date(value) if isinstance(value, date) else str(value or "—")
                label = QLabel(shown)
                label.setWordWrap(True)
                form.addRow(QLabel(caption), label)
        self.offers_table.setRowCount(len(detail.offers))
        for i, offer in enumerate(detail.offers):
            name = f"{offer.module_code} — {offer.module_name}"
            if not offer.module_active:
                name = self.tr("{name} (inactive: not counted)").format(name=name)
            self.offers_table.setItem(i, 0, _item(name))
            self.offers_table.setItem(i, 1, _item(str(offer.capacity or "—")))
            self.offers_table.setItem(i, 2, _item(instructors_text(offer.instructors) or "—"))

    def _accreditation(self, values: dict[str, object]) -> str:
        if values["accreditation_status"] != "terakreditasi":
            return self.tr("Not accredited")
        grade = values["accreditation_grade"]
        return self.tr("Accredited, grade {grade}").format(grade=grade or "—")

    def _show_assessment(self, a: Assessment) -> None:
        self.on.setText(fmt_date(a.on))
        self.checks_table.setRowCount(len(a.checks))
        for i, check in enumerate(a.checks):
            kind = self.tr("automatic") if check.automatic else self.tr("manual")
            self.checks_table.setItem(i, 0, _item(f"{check.label} ({kind})"))
            self.checks_table.setItem(i, 1, _item(MARKS[check.passed]))
            self.checks_table.setItem(i, 2, _item(check.message))
            names = ", ".join(e.original_name for e in check.evidence)
            self.checks_table.setItem(i, 3, _item(names or "—"))
            who = (
                f"{check.checked_by}, {fmt_datetime(check.checked_at)}" if check.checked_by else "—"
            )
            self.checks_table.setItem(i, 4, _item(who))
        self.checks_table.resizeRowsToContents()
        d = a.decision
        if d is None:
            self.decision_label.setText(self.tr("No decision yet."))
        else:
            self.decision_label.setText(
                self.tr(
                    "Decision in force: {result}, assessed {day} by {who}; re-check by "
                    "{recheck}. Reason: {reason}"
                ).format(
                    result=result_text(d.result),
                    day=fmt_date(d.assessed_on),
                    who=d.decided_by,
                    recheck=fmt_date(d.recheck_on),
                    reason=d.reason,
                )
            )
        self._update_buttons()

    def selected_check(self) -> CheckRow | None:
        rows = self.checks_table.selectionModel().selectedRows()
        if not rows or self.assessment is None:
            return None
        return self.assessment.checks[rows[0].row()]

    def _update_buttons(self) -> None:
        check = self.selected_check()
        self.mark_button.setEnabled(check is not None and not check.automatic)
        self.evidence_button.setEnabled(check is not None)

    # --- actions ----------------------------------------------------------------------------
    def reassess(self) -> None:
        from app.domain.parsing import ParseError, parse_date

        try:
            on = parse_date(self.on.text())
        except ParseError:
            on = None
        self.load(self.provider_id, on)

    def edit(self) -> ProviderDialog | None:
        if self.detail is None:
            return None
        dialog = ProviderDialog(self.ctx, self.actor, self.provider_id, self.detail.values, self)
        dialog.succeeded.connect(lambda _r: self.reload())
        dialog.open()
        return dialog

    def edit_offers(self) -> OffersDialog | None:
        from app.services.modules import list_modules

        if self.detail is None:
            return None
        dialog = OffersDialog(
            self.ctx, self.actor, self.provider_id, list_modules(self.ctx.db),
            self.detail.offers, self,
        )  # fmt: skip
        dialog.succeeded.connect(lambda _r: self.reload())
        dialog.open()
        return dialog

    def mark(self) -> MarkItemDialog | None:
        check = self.selected_check()
        if check is None or check.automatic or not self.mark_button.isVisible():
            return None
        dialog = MarkItemDialog(
            self.ctx, self.actor, self.provider_id, check.key, check.status, check.note, self
        )
        dialog.succeeded.connect(lambda _r: self.reload())
        dialog.open()
        return dialog

    def choose_evidence(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        check = self.selected_check()
        if check is None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Evidence for {item}").format(item=check.label), "",
            self.tr("Scans and photos (*.pdf *.jpg *.jpeg *.png)"),
        )  # fmt: skip
        if path:
            self.attach(check.key, Path(path))

    def attach(self, key: str, path: Path) -> None:
        from app.services.provider_assessment import attach_evidence

        ctx, actor, pid = self.ctx, self.actor, self.provider_id
        run_task(
            lambda _p, _c: attach_evidence(ctx.db, actor, pid, key, path),
            on_done=lambda _r: self.reload(),
            on_error=self._failed,
            write=True,
        )

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def decide(self) -> DecisionDialog | None:
        if self.assessment is None or not self.decide_button.isVisible():
            return None
        dialog = DecisionDialog(
            self.ctx, self.actor, self.provider_id, self.assessment.on,
            self.assessment.open_items, self,
        )  # fmt: skip
        dialog.succeeded.connect(lambda _r: self.reload())
        dialog.open()
        return dialog

    def print_checklist(self) -> None:
        from app.ui.pages.provider_print import print_checklist

        print_checklist(self, self.ctx, self.provider_id, self.actor)
