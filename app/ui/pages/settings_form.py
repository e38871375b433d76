"""Tab "Umum": a form generated from app.config.SETTINGS, saved with update_settings.

Each setting gets the widget of its type (number → spin box with its range, choices →
combo box, text → line edit), its label and help sentence from the declaration, and an
error line. Only admins may change settings; others see the values read-only with a note
(the service refuses anyway).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.config import SETTINGS, Setting
from app.domain.roles import Permission, can
from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.forms import FieldErrors, error_label
from app.ui.tasks import run_task
from app.ui.widgets import note

MAX_FORM_WIDTH = 900


def setting_widget(setting: Setting) -> QWidget:
    if setting.choices:
        combo = QComboBox()
        combo.setMinimumWidth(240)
        combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        for value, label in setting.choices:
            combo.addItem(label.render(), value)
        return combo
    if setting.kind is int:
        spin = QSpinBox()
        spin.setRange(
            setting.minimum if setting.minimum is not None else -(2**31),
            setting.maximum if setting.maximum is not None else 2**31 - 1,
        )
        spin.setMaximumWidth(120)
        return spin
    return QLineEdit()


def widget_value(widget: QWidget) -> Any:
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QSpinBox):
        return widget.value()
    assert isinstance(widget, QLineEdit)
    return widget.text()


def set_widget_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QComboBox):
        index = widget.findData(value)
        widget.setCurrentIndex(max(index, 0))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value))
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value))


class SettingsForm(QWidget):
    """The settings of this computer, one row per declared setting."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.editable = can(actor.role, Permission.SETTINGS_EDIT)
        self._busy = False
        outer = QHBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 16)
        body = QWidget()
        body.setMaximumWidth(MAX_FORM_WIDTH)  # keeps Save near the fields on wide screens
        outer.addWidget(body, 1)
        outer.addStretch(0)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        if not self.editable:
            notice = note(self.tr("Only an administrator can change these settings."))
            notice.setObjectName("notice")
            layout.addWidget(notice)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(16)
        self.errors = FieldErrors(self)
        self.inputs: dict[str, QWidget] = {}
        for setting in SETTINGS:
            widget = setting_widget(setting)
            widget.setEnabled(self.editable)
            self.inputs[setting.key] = widget
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(note(setting.help.render()))
            error = error_label(box)
            column.addWidget(error)
            caption = QLabel(setting.label.render())
            caption.setBuddy(widget)
            form.addRow(caption, box)
            self.errors.register(setting.key, widget, error)
        layout.addLayout(form)
        self.errors.general = error_label(self)
        layout.addWidget(self.errors.general)
        row = QHBoxLayout()
        self.status = QLabel("")
        self.status.setObjectName("saved")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("primary")
        self.save_button.setEnabled(self.editable)
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        layout.addStretch(1)
        ctx.data_changed.connect(self.on_data_changed)
        self.load()

    def load(self) -> None:
        from app.services.settings import get_settings

        values = get_settings(self.ctx.db)
        for key, widget in self.inputs.items():
            set_widget_value(widget, values[key])

    def values(self) -> dict[str, Any]:
        return {key: widget_value(widget) for key, widget in self.inputs.items()}

    def save(self) -> None:
        if self._busy or not self.editable:
            return
        from app.services.settings import update_settings

        self.errors.clear()
        self.status.clear()
        ctx, actor, values = self.ctx, self.actor, self.values()
        self._busy = True
        self.save_button.setEnabled(False)
        run_task(
            lambda _p, _c: update_settings(ctx.db, actor, values),
            on_done=self._saved,
            on_error=self._failed,
            write=True,
        )

    def _saved(self, summary: Any) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        if summary.entities:
            self.status.setText(self.tr("Settings saved."))
        else:
            self.status.setText(self.tr("Nothing changed."))

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        self.errors.show(exc)

    def on_data_changed(self, entities: frozenset[str]) -> None:
        if "settings" in entities and not self._busy:
            self.load()
