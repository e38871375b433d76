"""The inputs of the intake form as one widget: values in and out, findings next to inputs.

`IntakeForm` knows nothing about saving; `IntakeView` runs the checks and the save. Every
input is bound to its field name (the canonical keys of app.domain.intake), so a Finding
from the service lands next to its input, and `values()` is exactly what the service takes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.findings import Finding, Severity
from app.ui.forms import FieldErrors, error_label
from app.ui.intake.fields import EnterMovesOn, RegionPicker, set_combo_value
from app.ui.widgets import note

LABEL_WIDTH = 160


@dataclass
class Binding:
    widget: QWidget
    get: Callable[[], str]
    set: Callable[[str], None]


class FindingLabels(FieldErrors):
    """Error lines that also show warnings (in amber) and never resize the main window."""

    def show_findings(self, findings: Iterable[Finding], fields: set[str] | None = None) -> str:
        """Show each finding under its input (all, or only those of `fields`); returns the
        first field with an error, or ""."""
        self.clear()
        by_field: dict[str, list[Finding]] = {}
        for finding in findings:
            if fields is None or finding.field in fields:
                target = finding.field if finding.field in self._labels else ""
                by_field.setdefault(target, []).append(finding)
        first = ""
        for name, items in by_field.items():
            label = self._labels.get(name) if name else self.general
            if label is None:
                continue
            items.sort(key=lambda f: f.severity is not Severity.ERROR)
            is_error = items[0].severity is Severity.ERROR
            label.setObjectName("fieldError" if is_error else "fieldWarning")
            label.style().unpolish(label)
            label.style().polish(label)
            label.setText("\n".join(f.message() for f in items))
            label.setVisible(True)
            if is_error and not first and name:
                first = name
        return first

    def focus(self, name: str) -> None:
        """Put the cursor in the input of `name` (a region: its first list), scrolled into
        view."""
        widget = self._inputs.get(name)
        if isinstance(widget, RegionPicker):
            widget = widget.inputs()[0]
        if widget is None:
            return
        if isinstance(self.owner, QScrollArea):
            self.owner.ensureWidgetVisible(widget)
        widget.setFocus()

    def set(self, field: str, text: str) -> None:
        """As FieldErrors.set, without resizing the window the form sits in."""
        label = self._labels[field]
        label.setObjectName("fieldError")
        label.style().unpolish(label)
        label.style().polish(label)
        label.setText(text)
        label.setVisible(True)
        self._inputs[field].setFocus()


class IntakeForm(QScrollArea):
    """Sections of inputs in a scroll area (see app.ui.intake.sections for the layout).

    Signals:
        edited(): the clerk changed a value.
        field_left(str): the clerk left the input of this field.
    """

    edited = Signal()
    field_left = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setObjectName("intakeScroll")
        self.body = QWidget()
        self.body.setObjectName("intakeBody")
        self.column = QVBoxLayout(self.body)
        self.column.setContentsMargins(0, 0, 12, 0)
        self.column.setSpacing(12)
        self.setWidget(self.body)
        self.bindings: dict[str, Binding] = {}
        self.errors = FindingLabels(self)
        self.errors.general = error_label(self.body)
        self.enter = EnterMovesOn(self)
        self.enter.left.connect(self._left)
        self._owners: dict[int, str] = {}
        self._chain: list[QWidget] = []
        self._loading = False

    # --- building -------------------------------------------------------------------------
    def row(self, form: QFormLayout, label: str, fields: list[tuple[str, QWidget, str]]) -> None:
        """One labelled row holding one or more inputs, each with its hint and error line."""
        line = QWidget()
        across = QHBoxLayout(line)
        across.setContentsMargins(0, 0, 0, 0)
        across.setSpacing(10)
        for name, widget, hint in fields:
            cell = QWidget()
            down = QVBoxLayout(cell)
            down.setContentsMargins(0, 0, 0, 0)
            down.setSpacing(2)
            down.addWidget(widget)
            if hint:
                down.addWidget(note(hint, cell))
            error = error_label(cell)
            down.addWidget(error)
            across.addWidget(cell, 0 if widget.maximumWidth() < 1000 else 1)
            self.errors.register(name, widget, error)
        if not label:  # a check box that says it all: across the whole section
            form.addRow(line)
            return
        caption = QLabel(label)
        caption.setBuddy(fields[0][1])
        caption.setWordWrap(True)
        caption.setFixedWidth(LABEL_WIDTH)  # the same column in every section
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.addRow(caption, line)

    def bind(self, name: str, widget: QWidget) -> None:
        """Bind an input to a field: text, choice (data), Y/"" check box or region."""
        if isinstance(widget, RegionPicker):
            binding = Binding(widget, widget.code, widget.set_code)
            widget.changed.connect(self._changed)
            for part in widget.inputs():
                self._watch(part, name)
        elif isinstance(widget, QLineEdit):
            binding = Binding(widget, widget.text, widget.setText)
            widget.textChanged.connect(self._changed)
        elif isinstance(widget, QComboBox) and widget.isEditable():
            binding = Binding(widget, widget.currentText, widget.setCurrentText)
            widget.editTextChanged.connect(self._changed)
        elif isinstance(widget, QComboBox):
            combo = widget
            binding = Binding(
                combo, lambda: str(combo.currentData() or ""), lambda v: set_combo_value(combo, v)
            )
            combo.currentIndexChanged.connect(self._changed)
        elif isinstance(widget, QCheckBox):
            box = widget
            binding = Binding(
                box, lambda: "Y" if box.isChecked() else "", lambda v: box.setChecked(v == "Y")
            )
            box.toggled.connect(self._changed)
        else:
            raise TypeError(type(widget))
        self.bindings[name] = binding
        if isinstance(widget, RegionPicker):
            self._chain += widget.inputs()
        else:
            self._watch(widget, name)
            self._chain.append(widget)

    def add_focus(self, widget: QWidget) -> None:
        """A button inside the form that belongs in the tab order at this point."""
        self._chain.append(widget)

    def _watch(self, widget: QWidget, name: str) -> None:
        self.enter.watch(widget)
        self._owners[id(widget)] = name
        if isinstance(widget, QComboBox) and widget.isEditable():
            self._owners[id(widget.lineEdit())] = name

    def finish(self) -> None:
        """Tab order = the order the inputs were bound in; the general error line last."""
        chain = self.focus_chain()
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        if self.errors.general is not None:
            self.column.addWidget(self.errors.general)
        self.column.addStretch(1)

    def focus_chain(self) -> list[QWidget]:
        """The inputs in tab order (visible or not)."""
        return list(self._chain)

    # --- values ---------------------------------------------------------------------------
    def values(self) -> dict[str, str]:
        return {name: binding.get().strip() for name, binding in self.bindings.items()}

    def set_values(self, values: dict[str, str]) -> None:
        self._loading = True
        try:
            for name, binding in self.bindings.items():
                binding.set(str(values.get(name, "") or ""))
        finally:
            self._loading = False

    def widget_of(self, name: str) -> QWidget:
        return self.bindings[name].widget

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()

    def _left(self, widget: QWidget) -> None:
        name = self._owners.get(id(widget))
        if name:
            self.field_left.emit(name)
