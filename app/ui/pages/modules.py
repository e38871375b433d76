"""Modul: the training module catalogue. Everyone reads it; a supervisor adds, edits,
deactivates and reactivates modules (the services check it, the buttons only mirror it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Permission, can
from app.services.actor import Actor
from app.services.provider_views import ModuleRow
from app.ui.context import AppContext
from app.ui.dialogs.base import FormDialog
from app.ui.messages import show_error
from app.ui.shell import Shell
from app.ui.tasks import TaskFn, run_task
from app.ui.widgets import heading, note, row_table


class ModuleDialog(FormDialog):
    """A new module, or one module's name, sector, hours and description.

    Signals:
        succeeded(object): the service's ModuleRow.
    """

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        module: ModuleRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.module = ctx, actor, module
        self.setWindowTitle(self.tr("Edit module") if module else self.tr("New module"))
        self.code = QLineEdit(module.code if module else "")
        self.code.setReadOnly(module is not None)
        self.code.setPlaceholderText(self.tr("e.g. LAS-PIPA"))
        self.name = QLineEdit(module.name if module else "")
        self.sector = QLineEdit(module.sector or "" if module else "")
        self.hours = QSpinBox()
        self.hours.setRange(0, 2000)
        self.hours.setSuffix(" JP")
        self.hours.setValue(module.hours if module else 160)
        self.description = QPlainTextEdit(module.description or "" if module else "")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(70)
        self.errors.add_row(
            self.form,
            self.tr("Code"),
            "code",
            self.code,
            self.tr("Never changes once saved: files and the CLI use it."),
        )
        self.errors.add_row(self.form, self.tr("Name"), "name", self.name)
        self.errors.add_row(self.form, self.tr("Sector"), "sector", self.sector)
        self.errors.add_row(self.form, self.tr("Hours"), "hours", self.hours)
        self.errors.add_row(self.form, self.tr("Description"), "description", self.description)

    def work(self) -> TaskFn | None:
        from app.services import modules

        ctx, actor = self.ctx, self.actor
        values = {
            "code": self.code.text(),
            "name": self.name.text(),
            "sector": self.sector.text(),
            "hours": self.hours.value(),
            "description": self.description.toPlainText(),
        }
        if self.module is None:
            return lambda _p, _c: modules.add_module(ctx.db, actor, values)
        code = self.module.code
        return lambda _p, _c: modules.update_module(ctx.db, actor, code, values)


class ModulesPage(QWidget):
    """The catalogue as a table; the buttons are a supervisor's."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.rows: list[ModuleRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 20)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Training modules")))
        layout.addWidget(
            note(
                self.tr(
                    "The modules the programme trains in. An inactive module stays on the "
                    "records that use it but is no longer offered, picked or counted."
                )
            )
        )
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Name"), self.tr("Sector"), self.tr("Hours (JP)"),
             self.tr("Status")]
        )  # fmt: skip
        row_table(self.table)
        for column, width in enumerate((130, 330, 220, 110)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("New module…"))
        self.add_button.setObjectName("primary")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.toggle_button = QPushButton(self.tr("Deactivate"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.toggle_button.clicked.connect(self.toggle)
        for button in (self.add_button, self.edit_button, self.toggle_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        for button in (self.add_button, self.edit_button, self.toggle_button):
            # only once it has a parent: shown before, it is a window of its own
            button.setVisible(can(actor.role, Permission.MODULE_MANAGE))
        ctx.data_changed.connect(self.on_data_changed)

    def refresh(self) -> None:
        from app.services.modules import list_modules

        try:
            self.rows = list_modules(self.ctx.db)
        except Exception as exc:
            show_error(self, exc)
            return
        self.table.setRowCount(len(self.rows))
        for i, m in enumerate(self.rows):
            status = self.tr("Active") if m.active else self.tr("Inactive")
            for j, text in enumerate((m.code, m.name, m.sector or "—", f"{m.hours} JP", status)):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self._update_buttons()

    def selected(self) -> ModuleRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        module = self.selected()
        self.edit_button.setEnabled(module is not None)
        self.toggle_button.setEnabled(module is not None)
        active = module is None or module.active
        self.toggle_button.setText(self.tr("Deactivate") if active else self.tr("Activate"))

    def add(self) -> ModuleDialog | None:
        if not self.add_button.isVisible():
            return None
        dialog = ModuleDialog(self.ctx, self.actor, None, self)
        dialog.open()
        return dialog

    def edit(self) -> ModuleDialog | None:
        module = self.selected()
        if module is None or not self.edit_button.isVisible():
            return None
        dialog = ModuleDialog(self.ctx, self.actor, module, self)
        dialog.open()
        return dialog

    def toggle(self) -> None:
        from app.services.modules import set_module_active

        module = self.selected()
        if module is not None:
            ctx, actor = self.ctx, self.actor
            self._write(lambda: set_module_active(ctx.db, actor, module.code, not module.active))

    def _write(self, call: Callable[[], Any]) -> None:
        run_task(lambda _p, _c: call(), on_error=self._failed, write=True)

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def on_data_changed(self, entities: frozenset[str]) -> None:
        if "training_module" in entities:
            self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self.refresh)


def page(window: Shell) -> ModulesPage:
    """The module catalogue's page (app.features.providers)."""
    return ModulesPage(window.ctx, window.actor)
