"""Dialogs of the providers page: the provider's data, the modules it offers, marking a
checklist item, and the supervisor's decision. Each calls one service; a refusal is shown
under the field it names (app.ui.forms.FieldErrors)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QWidget,
)

from app.domain.provider_checks import (
    CHECK_LABELS,
    ITEM_STATUS_LABELS,
    PROVIDER_TYPE_LABELS,
    RESULT_LABELS,
    ItemStatus,
    Result,
)
from app.services.actor import Actor
from app.services.provider_views import Instructor, ModuleRow, Offer
from app.ui.context import AppContext
from app.ui.dialogs.base import FormDialog
from app.ui.formats import fmt_date
from app.ui.tasks import TaskFn

DATE_HINT = "DD/MM/YYYY"
LEFT = ("name", "provider_type", "region_code", "address", "contact_person", "phone", "email",
        "npwp", "partner_lsp", "bank_name", "bank_account")  # fmt: skip
RIGHT = ("licence_number", "licence_issuer", "licence_issued_on", "licence_expires_on",
         "operating_since", "accreditation_status", "accreditation_grade",
         "accreditation_expires_on", "bank_account_holder")  # fmt: skip
DATES = ("licence_issued_on", "licence_expires_on", "operating_since", "accreditation_expires_on")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return fmt_date(value)
    return str(value)


class ProviderDialog(FormDialog):
    """A new provider, or the stored one's data to edit; two columns so it fits 1366×768.

    Signals:
        succeeded(object): the service's ProviderRow.
    """

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        provider_id: str | None = None,
        values: dict[str, object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.provider_id = provider_id
        self.setMinimumWidth(980)
        self.setWindowTitle(self.tr("Edit provider") if provider_id else self.tr("New provider"))
        self.set_intro(
            self.tr(
                "The licence, the date operations began and the modules decide the agency's "
                "three checks. Dates as DD/MM/YYYY."
            )
        )
        labels = {
            "name": self.tr("Name"),
            "provider_type": self.tr("Type"),
            "region_code": self.tr("Region code"),
            "address": self.tr("Address"),
            "contact_person": self.tr("Contact person"),
            "phone": self.tr("Phone"),
            "email": self.tr("Email"),
            "npwp": self.tr("NPWP"),
            "partner_lsp": self.tr("Partner LSP"),
            "bank_name": self.tr("Bank"),
            "bank_account": self.tr("Account number"),
            "bank_account_holder": self.tr("Account holder"),
            "licence_number": self.tr("Licence / registration no."),
            "licence_issuer": self.tr("Issued by"),
            "licence_issued_on": self.tr("Issued on"),
            "licence_expires_on": self.tr("Valid until"),
            "operating_since": self.tr("Operating since"),
            "accreditation_status": self.tr("LA-LPK accreditation"),
            "accreditation_grade": self.tr("Grade"),
            "accreditation_expires_on": self.tr("Accreditation until"),
        }
        self.inputs: dict[str, QWidget] = {}
        columns = QHBoxLayout()
        columns.setSpacing(24)
        for keys in (LEFT, RIGHT):
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            form.setVerticalSpacing(6)
            for key in keys:
                widget = self._input(key)
                self.inputs[key] = widget
                self.errors.add_row(form, labels[key], key, widget)
            columns.addLayout(form, 1)
        layout = self.layout()
        assert layout is not None
        layout.insertLayout(2, columns)  # type: ignore[attr-defined]
        if values:
            self.load(values)
        self.ok_button.setText(self.tr("Save provider"))

    def _input(self, key: str) -> QWidget:
        if key == "provider_type":
            combo = QComboBox()
            for kind, label in PROVIDER_TYPE_LABELS.items():
                combo.addItem(label.render(), kind.value)
            return combo
        if key == "accreditation_status":
            combo = QComboBox()
            combo.addItem(self.tr("Not accredited"), "belum")
            combo.addItem(self.tr("Accredited"), "terakreditasi")
            return combo
        if key == "accreditation_grade":
            combo = QComboBox()
            for grade in ("", "A", "B", "C"):
                combo.addItem(grade or "—", grade)
            return combo
        edit = QLineEdit()
        if key in DATES:
            edit.setPlaceholderText(DATE_HINT)
        if key == "region_code":
            edit.setPlaceholderText(self.tr("e.g. 32.16"))
        return edit

    def load(self, values: dict[str, object]) -> None:
        for key, widget in self.inputs.items():
            value = values.get(key)
            if isinstance(widget, QComboBox):
                found = widget.findData(value or "")
                widget.setCurrentIndex(max(found, 0))
            elif isinstance(widget, QLineEdit):
                widget.setText(_text(value))

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, widget in self.inputs.items():
            if isinstance(widget, QComboBox):
                out[key] = widget.currentData() or None
            elif isinstance(widget, QLineEdit):
                out[key] = widget.text()
        return out

    def work(self) -> TaskFn | None:
        from app.services import providers

        ctx, actor, pid, values = self.ctx, self.actor, self.provider_id, self.values()
        if pid is None:
            return lambda _p, _c: providers.register_provider(ctx.db, actor, values)
        return lambda _p, _c: providers.update_provider(ctx.db, actor, pid, values)


def _instructors(text: str) -> tuple[Instructor, ...]:
    """`Agus (BNSP Las 3G); Rina` -> instructors with their certification."""
    people = []
    for part in text.split(";"):
        name, _, rest = part.strip().partition("(")
        if name.strip():
            people.append(Instructor(name.strip(), rest.rstrip(")").strip() or None))
    return tuple(people)


def instructors_text(people: tuple[Instructor, ...]) -> str:
    return "; ".join(f"{p.name} ({p.certification})" if p.certification else p.name
                     for p in people)  # fmt: skip


class OffersDialog(FormDialog):
    """Which active modules the provider offers, with capacity and instructors.

    Signals:
        succeeded(object): the service's ProviderRow.
    """

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        provider_id: str,
        modules: list[ModuleRow],
        offers: tuple[Offer, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.provider_id = ctx, actor, provider_id
        self.setMinimumWidth(900)
        self.setWindowTitle(self.tr("Modules offered"))
        self.set_intro(
            self.tr(
                "Tick each module the provider offers. Instructors: name (certification), "
                "separated by semicolons."
            )
        )
        held = {o.module_code: o for o in offers}
        shown = [m for m in modules if m.active or m.code in held]
        self.table = QTableWidget(len(shown), 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Module"), self.tr("Offered"), self.tr("Capacity"), self.tr("Instructors")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 280)
        self.table.setColumnWidth(1, 80)
        self.table.setColumnWidth(2, 90)
        self.rows: list[tuple[str, QCheckBox, QSpinBox, QLineEdit]] = []
        from PySide6.QtWidgets import QTableWidgetItem

        for i, module in enumerate(shown):
            offer = held.get(module.code)
            name = (
                module.name
                if module.active
                else self.tr("{name} (inactive)").format(name=module.name)
            )
            self.table.setItem(i, 0, QTableWidgetItem(f"{module.code} — {name}"))
            box = QCheckBox()
            box.setChecked(offer is not None)
            spin = QSpinBox()
            spin.setRange(0, 500)
            spin.setSpecialValueText("—")
            spin.setValue(offer.capacity or 0 if offer else 0)
            people = QLineEdit(instructors_text(offer.instructors) if offer else "")
            self.table.setCellWidget(i, 1, box)
            self.table.setCellWidget(i, 2, spin)
            self.table.setCellWidget(i, 3, people)
            self.rows.append((module.code, box, spin, people))
        self.table.setMinimumHeight(min(420, 34 * (len(shown) + 1)))
        self.errors.add_row(self.form, self.tr("Modules"), "module", self.table)
        self.errors.register("capacity", self.table, self.errors.label("module"))

    def showEvent(self, event: QShowEvent) -> None:
        """The cursor starts on the first module's tick box, not on the table."""
        super().showEvent(event)
        if self.rows:
            self.rows[0][1].setFocus()

    def offers(self) -> list[Offer]:
        return [
            Offer(code, spin.value() or None, _instructors(people.text()))
            for code, box, spin, people in self.rows
            if box.isChecked()
        ]

    def work(self) -> TaskFn | None:
        from app.services.providers import set_offers

        ctx, actor, pid, offers = self.ctx, self.actor, self.provider_id, self.offers()
        return lambda _p, _c: set_offers(ctx.db, actor, pid, offers)


class MarkItemDialog(FormDialog):
    """A manual checklist item: met, not met or not checked, with a note.

    Signals:
        succeeded(object): the service's Assessment.
    """

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        provider_id: str,
        key: str,
        status: str | None,
        note: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.provider_id, self.key = ctx, actor, provider_id, key
        self.setWindowTitle(CHECK_LABELS[key].render())
        self.status = QComboBox()
        for item, label in ITEM_STATUS_LABELS.items():
            self.status.addItem(label.render(), item.value)
        self.status.setCurrentIndex(max(self.status.findData(status or ItemStatus.OPEN.value), 0))
        self.note = QLineEdit(note or "")
        self.note.setPlaceholderText(self.tr("What was seen, by whom, where"))
        self.errors.add_row(self.form, self.tr("Result"), "status", self.status)
        self.errors.add_row(self.form, self.tr("Note"), "note", self.note)

    def work(self) -> TaskFn | None:
        from app.services.provider_assessment import mark_item

        ctx, actor, pid, key = self.ctx, self.actor, self.provider_id, self.key
        status, note = str(self.status.currentData()), self.note.text() or None
        return lambda _p, _c: mark_item(ctx.db, actor, pid, key, status, note)


class DecisionDialog(FormDialog):
    """The supervisor's decision with its reason, the assessment's date and the re-check.

    Signals:
        succeeded(object): the service's DecisionRow.
    """

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        provider_id: str,
        on: date,
        open_items: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.provider_id = ctx, actor, provider_id
        self.setWindowTitle(self.tr("Fitness decision"))
        intro = self.tr(
            "Layak is refused while one of the three automatic checks fails on the assessment date."
        )
        if open_items:
            names = ", ".join(CHECK_LABELS[k].render() for k in open_items)
            intro += " " + self.tr("Still open, and named in the decision: {items}.").format(
                items=names
            )
        self.set_intro(intro)
        self.verdict = QComboBox()
        for result, label in RESULT_LABELS.items():
            self.verdict.addItem(label.render(), result.value)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(70)
        self.assessed = QLineEdit(fmt_date(on))
        self.assessed.setPlaceholderText(DATE_HINT)
        self.recheck = QLineEdit()
        self.recheck.setPlaceholderText(self.tr("empty: one year later"))
        self.errors.add_row(self.form, self.tr("Decision"), "result", self.verdict)
        self.errors.add_row(self.form, self.tr("Reason"), "reason", self.reason)
        self.errors.add_row(self.form, self.tr("Assessment date"), "date", self.assessed)
        self.errors.add_row(self.form, self.tr("Re-check on"), "recheck", self.recheck)
        self.ok_button.setText(self.tr("Sign decision"))

    def work(self) -> TaskFn | None:
        from app.domain.parsing import ParseError, parse_date
        from app.services.provider_assessment import decide

        dates: dict[str, date | None] = {}
        for field, edit in (("date", self.assessed), ("recheck", self.recheck)):
            try:
                dates[field] = parse_date(edit.text())
            except ParseError:
                self.errors.set(field, self.tr("Write the date as DD/MM/YYYY."))
                return None
        ctx, actor, pid = self.ctx, self.actor, self.provider_id
        result, reason = str(self.verdict.currentData()), self.reason.toPlainText()
        return lambda _p, _c: decide(
            ctx.db, actor, pid, result, reason, on=dates["date"], recheck_on=dates["recheck"]
        )


__all__ = ["DecisionDialog", "MarkItemDialog", "OffersDialog", "ProviderDialog", "Result"]
