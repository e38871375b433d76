"""Tab "Staf" (admins only): the accounts of this office and what an admin does with them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.actor import Actor
from app.services.staff import StaffRow
from app.ui.context import AppContext
from app.ui.dialogs.staff_dialogs import AddStaffDialog, ResetPasswordDialog
from app.ui.messages import show_error, show_info
from app.ui.pages.staff_model import StaffTableModel
from app.ui.tasks import run_task
from app.ui.widgets import note

COLUMN_WIDTHS = (200, 260, 170)  # username, full name, role; status takes the rest


class StaffPage(QWidget):
    """Table of accounts and the buttons that act on the selected one."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(
            note(
                self.tr(
                    "Accounts of this office. A new or reset account gets a temporary "
                    "password that its owner must change at the next sign-in."
                )
            )
        )
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add staff"))
        self.add_button.setObjectName("primary")
        self.toggle_button = QPushButton(self.tr("Deactivate"))
        self.reset_button = QPushButton(self.tr("Reset password"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.add_button.clicked.connect(self.add_staff)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(self.unlock)
        for button in (self.add_button, self.toggle_button, self.reset_button, self.unlock_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.model = StaffTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.reset_password())
        layout.addWidget(self.table, 1)
        ctx.data_changed.connect(self.on_data_changed)
        self.refresh()

    def refresh(self) -> None:
        from app.services.staff import list_staff

        selected = self.selected()
        try:
            rows = list_staff(self.ctx.db, self.actor)
        except Exception as exc:
            show_error(self, exc)
            return
        self.model.set_rows(rows)
        if selected is not None:
            self.select_username(selected.username)
        self._update_buttons()

    def select_username(self, username: str) -> None:
        for row, staff in enumerate(self.model.rows):
            if staff.username == username:
                self.table.selectRow(row)
                return

    def selected(self) -> StaffRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_args: object) -> None:
        row = self.selected()
        self.toggle_button.setEnabled(row is not None)
        self.reset_button.setEnabled(row is not None)
        self.unlock_button.setEnabled(row is not None and row.locked_until is not None)
        active = row is None or row.active
        self.toggle_button.setText(self.tr("Deactivate") if active else self.tr("Activate"))

    def on_data_changed(self, entities: frozenset[str]) -> None:
        if "staff" in entities:
            self.refresh()

    # --- actions --------------------------------------------------------------------------
    def add_staff(self) -> AddStaffDialog:
        dialog = AddStaffDialog(self.ctx, self.actor, self)
        dialog.succeeded.connect(self._added)
        dialog.open()
        return dialog

    def _added(self, row: StaffRow) -> None:
        self.select_username(row.username)

    def reset_password(self) -> ResetPasswordDialog | None:
        row = self.selected()
        if row is None:
            return None
        dialog = ResetPasswordDialog(self.ctx, self.actor, row.id, row.full_name, self)
        dialog.succeeded.connect(lambda _r: self._after_reset(row))
        dialog.open()
        return dialog

    def _after_reset(self, row: StaffRow) -> None:
        show_info(
            self,
            self.tr("Password reset"),
            self.tr("{name} must choose a new password at the next sign-in.").format(
                name=row.full_name
            ),
        )

    def toggle_active(self) -> None:
        from app.services import staff

        row = self.selected()
        if row is not None:
            ctx, actor = self.ctx, self.actor
            self._write(lambda: staff.set_active(ctx.db, actor, row.id, not row.active))

    def unlock(self) -> None:
        from app.services import staff

        row = self.selected()
        if row is not None:
            ctx, actor = self.ctx, self.actor
            self._write(lambda: staff.unlock(ctx.db, actor, row.id))

    def _write(self, call: Callable[[], Any]) -> None:
        """Run one staff change on the writer thread; refusals go to the error box."""
        self.setEnabled(False)

        def done(_result: object) -> None:
            self.setEnabled(True)

        def failed(exc: BaseException) -> None:
            self.setEnabled(True)
            show_error(self, exc)

        run_task(lambda _p, _c: call(), on_done=done, on_error=failed, write=True)
