"""The Lowongan tab of Pemantauan: the job vacancies every office shares, open ones first
(closed and expired ones on request, for the reports), and what the counter does with
them — record one from an employer's call or letter, close one the employer filled, import
many from a spreadsheet (supervisors and admins), and find the people who fit one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Permission, can
from app.services.actor import Actor
from app.services.vacancies import VacancyRow
from app.ui.context import AppContext
from app.ui.messages import ask, show_error, show_info
from app.ui.pages.followup_table import current_row, select_where, sorted_view
from app.ui.pages.payment_list import danger, shortcut_button
from app.ui.pages.vacancy_table import VacancyModel, fit_columns
from app.ui.tasks import run_task
from app.ui.widgets import note, row_table


class VacancyList(QWidget):
    """Counts, table, the chosen vacancy's details and the actions; `refresh()` re-reads."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.stale = True
        self.dialog: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 8)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.counts = QLabel()
        self.counts.setObjectName("count")
        top.addWidget(self.counts, 1)
        self.show_closed = QCheckBox(self.tr("Show closed and expired vacancies"))
        top.addWidget(self.show_closed)
        layout.addLayout(top)
        self.empty = note("", self)
        self.empty.setVisible(False)
        layout.addWidget(self.empty)
        self.model = VacancyModel(self)
        self.table = QTableView(self)
        row_table(self.table)
        self.proxy = sorted_view(self.table, self.model)
        fit_columns(self.table, self.model)
        layout.addWidget(self.table, 1)
        self.detail = QLabel(self)
        self.detail.setObjectName("note")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)
        actions = QHBoxLayout()
        self.add_button = shortcut_button(self.tr("Add vacancy…"), "Ctrl+T", self)
        self.match_button = shortcut_button(self.tr("Find matching people…"), "Ctrl+M", self)
        self.match_button.setObjectName("primary")
        self.edit_button = shortcut_button(self.tr("Edit vacancy…"), "Ctrl+U", self)
        self.import_button = shortcut_button(self.tr("Import…"), "Ctrl+I", self)
        self.import_button.setVisible(can(actor.role, Permission.VACANCY_IMPORT))
        self.close_button = shortcut_button(self.tr("Close vacancy…"), "Ctrl+Shift+T", self)
        danger(self.close_button)
        for button in (self.match_button, self.add_button, self.edit_button, self.import_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        layout.addLayout(actions)

        self.show_closed.toggled.connect(lambda _on: self.refresh())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        self.table.activated.connect(lambda _i: self.find_people())
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.match_button.clicked.connect(self.find_people)
        self.import_button.clicked.connect(self.open_import)
        self.close_button.clicked.connect(self.close_vacancy)
        self._selected()

    # -- reading --------------------------------------------------------------------------
    def refresh(self) -> None:
        from app.services.vacancies import list_vacancies

        self.stale = False
        chosen = self.selected()
        try:
            rows = list_vacancies(self.ctx.db, include_closed=self.show_closed.isChecked())
        except Exception as exc:
            show_error(self, exc)
            return
        self.model.set_rows(rows)
        open_ = [r for r in rows if r.is_open]
        self.counts.setText(
            self.tr("{n} open vacancies, {openings} people wanted").format(
                n=len(open_), openings=sum(r.openings for r in open_)
            )
        )
        self.empty.setText(
            self.tr(
                "No open vacancy yet. Record one from an employer's call or letter (Add "
                "vacancy), or import a list."
            )
        )
        self.empty.setVisible(not rows)
        same = chosen is not None and select_where(
            self.table, self.model, lambda r: r.id == chosen.id
        )
        if rows and not same:
            self.table.selectRow(0)
        self._selected()

    def selected(self) -> VacancyRow | None:
        found: VacancyRow | None = current_row(self.table, self.model)
        return found

    def _selected(self) -> None:
        row = self.selected()
        self.detail.setText(self.model.describe(row) if row else "")
        self.match_button.setEnabled(bool(row and row.is_open))
        may_edit = can(self.actor.role, Permission.VACANCY_EDIT)
        self.add_button.setEnabled(may_edit)
        self.edit_button.setEnabled(bool(row and not row.closed and may_edit))
        self.close_button.setEnabled(bool(row and not row.closed and may_edit))

    # -- actions --------------------------------------------------------------------------
    def add(self) -> Any:
        from app.ui.dialogs.vacancy_dialog import VacancyDialog

        dialog = VacancyDialog(self.ctx, self.actor, parent=self)
        dialog.succeeded.connect(self._added)
        dialog.open()
        self.dialog = dialog
        return dialog

    def edit(self) -> Any:
        """Correct the selected vacancy (a typo in the contact, more openings, a later
        closing date): the same form, filled in."""
        from app.ui.dialogs.vacancy_dialog import VacancyDialog

        row = self.selected()
        if row is None or row.closed:
            return None
        dialog = VacancyDialog(self.ctx, self.actor, parent=self, vacancy_id=row.id)
        dialog.succeeded.connect(self._added)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _added(self, row: VacancyRow) -> None:
        if self.stale:
            self.refresh()
        select_where(self.table, self.model, lambda r: r.id == row.id)

    def close_vacancy(self) -> Any:
        """Ask, then close the chosen vacancy: it leaves matching, stays in the reports."""
        from app.services.vacancies import close_vacancy

        row = self.selected()
        if row is None or row.closed:
            return None
        db, actor, vid = self.ctx.db, self.actor, row.id

        def closed(_done: Any) -> None:
            show_info(
                self,
                self.tr("Vacancy closed"),
                self.tr("{position} at {employer} is closed.").format(
                    position=row.position, employer=row.employer
                ),
            )

        def close() -> None:
            run_task(
                lambda _p, _c: close_vacancy(db, actor, vid),
                on_done=closed,
                on_error=self._failed,
                write=True,
                owner=self,
            )

        self.dialog = ask(
            self,
            self.tr("Close vacancy"),
            self.tr(
                "Close {position} at {employer}? It is no longer offered to anyone; it "
                "stays in the reports."
            ).format(position=row.position, employer=row.employer),
            self.tr("Close vacancy"),
            self.tr("Cancel"),
            close,
        )
        return self.dialog

    def find_people(self) -> Any:
        """The graduates and people in training who fit the chosen vacancy."""
        from app.ui.dialogs.vacancy_matches import VacancyPeopleDialog

        row = self.selected()
        if row is None or not row.is_open:
            return None
        dialog = VacancyPeopleDialog(self.ctx, self.actor, row.id, parent=self)
        dialog.open()
        self.dialog = dialog
        return dialog

    def open_import(self) -> Any:
        from app.ui.dialogs.vacancy_import import VacancyImportDialog

        if not can(self.actor.role, Permission.VACANCY_IMPORT):
            return None
        dialog = VacancyImportDialog(self.ctx, self.actor, parent=self)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
