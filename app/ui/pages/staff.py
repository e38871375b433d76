"""Tab "Staf" (admins only): the accounts of this office and what an admin does with them,
under a strip of figures: the active staff by role, and what happened on this computer
today (sign-ins, refused sign-ins, recorded actions, changes waiting to be sent) — an
admin's figures, kept here since Beranda became the programme's dashboard (issue #14)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import ROLE_LABELS, Role
from app.services.actor import Actor
from app.services.staff import StaffRow
from app.ui.context import AppContext
from app.ui.dialogs.staff_dialogs import AddStaffDialog, ResetPasswordDialog
from app.ui.messages import report, show_error, show_info
from app.ui.pages.staff_model import StaffTableModel
from app.ui.tasks import run_task
from app.ui.widgets import Tile, note

if TYPE_CHECKING:
    from app.services.home import HomeCounts

COLUMN_WIDTHS = (200, 260, 170)  # username, full name, role; status takes the rest
# The strip's figures are smaller than a tile of the old Beranda: the table is the page.
STRIP_STYLE = """
QFrame#staffFigure { background: transparent; border: none; }
QFrame#staffFigure QLabel#tileValue { font-size: 15pt; }
"""


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
        layout.addLayout(self._strip())
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

    def _strip(self) -> QHBoxLayout:
        """Two small groups of figures (app.services.home.home_counts)."""
        row = QHBoxLayout()
        row.setSpacing(12)
        groups = (
            (
                self.tr("Staff of this office"),
                {
                    "staff_active": (self.tr("Active staff"), ""),
                    Role.COUNTER.value: (ROLE_LABELS[Role.COUNTER].render(), ""),
                    Role.SUPERVISOR.value: (ROLE_LABELS[Role.SUPERVISOR].render(), ""),
                    Role.ADMIN.value: (ROLE_LABELS[Role.ADMIN].render(), ""),
                },
            ),
            (
                self.tr("Today on this computer"),
                {
                    "logins_today": (self.tr("Sign-ins"), ""),
                    "failed_logins_today": (
                        self.tr("Refused sign-ins"),
                        self.tr("Wrong password, locked or inactive account"),
                    ),
                    "events_today": (self.tr("Recorded actions"), self.tr("In the audit log")),
                    "pending_changes": (
                        self.tr("Waiting to sync"),
                        self.tr("Sent when a connection is available"),
                    ),
                },
            ),
        )
        self.tiles: dict[str, Tile] = {}
        for title, figures in groups:
            box = QGroupBox(title)
            grid = QHBoxLayout(box)
            grid.setContentsMargins(10, 4, 10, 6)
            grid.setSpacing(6)
            for key, (caption, tip) in figures.items():
                tile = Tile(caption)
                tile.setObjectName("staffFigure")
                inner = tile.layout()
                if isinstance(inner, QVBoxLayout):  # the figure first: in line across the
                    inner.setContentsMargins(4, 0, 4, 0)  # strip, a long caption wraps below
                    inner.removeWidget(tile.value)
                    inner.insertWidget(0, tile.value)
                tile.detail.setVisible(False)
                tile.setToolTip(tip)
                grid.addWidget(tile, 1)
                self.tiles[key] = tile
            row.addWidget(box, 1)
        self.setStyleSheet(STRIP_STYLE)
        return row

    def refresh_figures(self) -> None:
        """Read the strip's figures off the UI thread (they count the audit log)."""
        from app.services.home import home_counts

        db, office = self.ctx.db, self.actor.office_code
        run_task(
            lambda _p, _c: home_counts(db, office),
            on_done=self._show_figures,
            on_error=report,
            owner=self,
        )

    def _show_figures(self, counts: HomeCounts) -> None:
        self.tiles["staff_active"].set_value(counts.staff_active)
        for role in Role:
            self.tiles[role.value].set_value(counts.staff_by_role.get(role.value, 0))
        for key in ("logins_today", "failed_logins_today", "events_today", "pending_changes"):
            self.tiles[key].set_value(getattr(counts, key))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_figures()  # today's figures move with every action

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
        self.refresh_figures()

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
