"""The first tab of Sertifikat: a cohort, its graduates with their certificate's state, and
what the counter does with them — preview one, print the chosen or all (issuing the missing
ones; app.ui.pages.certificates_files), reprint (SALINAN) and revoke (a supervisor signs
off on the spot, with a reason).

The cohorts offered are this office's finished ones first (the only ones it prints), then
its others and the other offices' (listed, with the sentence that says why they cannot be
printed here): a clerk looking for a person's certificate finds the cohort either way."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain import cohorts as cohort_rules
from app.domain.roles import Permission
from app.services.actor import Actor
from app.services.certificates import STATE_LABELS, CertificateRow, CohortCertificates, State
from app.services.cohort_views import CohortRow
from app.ui.context import AppContext
from app.ui.formats import fmt_date
from app.ui.messages import show_error, show_info
from app.ui.pages.certificates_files import CertificateFiles
from app.ui.pages.certificates_table import CertificateModel, fit_columns
from app.ui.pages.payment_list import danger, shortcut_button
from app.ui.widgets import note, row_table

# Which cohorts come first in the chooser: those whose certificates are printed now.
RANK = {
    cohort_rules.Status.FINISHED.value: 0,
    cohort_rules.Status.RUNNING.value: 1,
    cohort_rules.Status.PLANNED.value: 2,
    cohort_rules.Status.CANCELLED.value: 3,
}


def cohort_order(cohorts: list[CohortRow]) -> list[CohortRow]:
    """This office's finished cohorts, then its running, planned and cancelled ones, then
    the other offices' the same way; newest first within each (list_cohorts' order)."""
    return sorted(cohorts, key=lambda c: (not c.mine, RANK.get(c.status, 9)))


class CertificateList(QWidget):
    """Chooser, counts, table and actions; `refresh()` re-reads the cohorts and rows."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.stale = True
        self.data: CohortCertificates | None = None
        self.cohorts: dict[str, CohortRow] = {}
        self.dialog: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 8)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.cohort = QComboBox()
        self.cohort.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.cohort.setMinimumContentsLength(30)
        self.cohort.view().setMinimumWidth(420)
        cohort_label = QLabel(self.tr("Cohort"))
        cohort_label.setBuddy(self.cohort)
        top.addWidget(cohort_label)
        top.addWidget(self.cohort, 2)
        top.addSpacing(16)
        self.counts = QLabel()
        self.counts.setObjectName("count")
        top.addWidget(self.counts, 3)
        layout.addLayout(top)
        self.notice = QLabel(self)  # a parent before setVisible: never a window of its own
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        layout.addWidget(self.notice)
        self.empty = note("", self)
        self.empty.setVisible(False)
        layout.addWidget(self.empty)
        self.model = CertificateModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        row_table(self.table)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        fit_columns(self.table, self.model)
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.preview_button = shortcut_button(self.tr("Preview"), "Ctrl+O", self)
        self.print_button = shortcut_button(self.tr("Print…"), "Ctrl+P", self)
        self.print_button.setObjectName("primary")
        self.reprint_button = shortcut_button(self.tr("Reprint (SALINAN)"), "Ctrl+Shift+P", self)
        self.revoke_button = shortcut_button(self.tr("Revoke…"), "Ctrl+Shift+C", self)
        danger(self.revoke_button)
        for button in (self.print_button, self.preview_button, self.reprint_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.revoke_button)
        layout.addLayout(actions)
        self.files = CertificateFiles(ctx, actor, self)

        self.cohort.currentIndexChanged.connect(lambda _i: self.load_rows())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self.table.activated.connect(lambda _i: self._activated())
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_certificates)
        self.reprint_button.clicked.connect(self.reprint)
        self.revoke_button.clicked.connect(self.revoke)

    # -- reading --------------------------------------------------------------------------
    def cohort_id(self) -> str:
        return str(self.cohort.currentData() or "")

    def refresh(self) -> None:
        """The cohorts (keeping the choice), then the chosen one's graduates."""
        from app.services.cohort_lists import list_cohorts

        self.stale = False
        try:
            cohorts = cohort_order(list_cohorts(self.ctx.db))
        except Exception as exc:
            show_error(self, exc)
            return
        chosen = self.cohort_id()
        self.cohorts = {c.id: c for c in cohorts}
        self.cohort.blockSignals(True)
        self.cohort.clear()
        for c in cohorts:
            text = f"{c.code} — {c.module}"
            if not c.mine:
                text += " · " + self.tr("office {office}").format(office=c.office_code)
            elif c.status != cohort_rules.Status.FINISHED.value:
                text += " · " + cohort_rules.STATUS_LABELS[cohort_rules.Status(c.status)].render()
            self.cohort.addItem(text, c.id)
            self.cohort.setItemData(
                self.cohort.count() - 1,
                f"{c.provider} · {fmt_date(c.start_date)} – {fmt_date(c.end_date)}",
                Qt.ItemDataRole.ToolTipRole,
            )
        self.cohort.setCurrentIndex(max(self.cohort.findData(chosen), 0))
        self.cohort.blockSignals(False)
        self.load_rows()

    def load_rows(self) -> None:
        from app.services.certificates import cohort_certificates

        selected = {r.enrollment_id for r in self.selected_rows()}
        current = self.table.currentIndex().row()
        self.data = None
        if self.cohort_id():
            try:
                self.data = cohort_certificates(self.ctx.db, self.cohort_id())
            except Exception as exc:
                show_error(self, exc)
        rows = list(self.data.rows) if self.data else []
        self.model.set_rows(rows)
        self._describe()
        selection = self.table.selectionModel()
        for n, r in enumerate(rows):
            if r.enrollment_id in selected:
                selection.select(
                    self.model.index(n, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
        if rows and not selected:
            self.table.selectRow(min(max(current, 0), len(rows) - 1))
        self._enable()

    def _describe(self) -> None:
        """The counts per state, why the cohort cannot be printed here, an empty list."""
        data = self.data
        if data is None:
            self.counts.setText("")
            self.notice.setVisible(False)
            self.empty.setText(self.tr("There is no cohort yet."))
            self.empty.setVisible(True)
            return
        parts = [self.tr("{n} graduates").format(n=len(data.rows))]
        parts += [f"{label.render()}: {data.count(state)}" for state, label in STATE_LABELS.items()]
        self.counts.setText(" · ".join(parts))
        if not data.mine:
            known = self.cohorts.get(data.cohort_id)
            self.notice.setText(
                self.tr(
                    "Cohort {code} is run by office {office}: only that office issues, prints "
                    "and revokes its certificates. Here they can be viewed and checked."
                ).format(code=data.code, office=known.office_code if known else "?")
            )
        elif self._status() == cohort_rules.Status.CANCELLED.value:
            self.notice.setText(
                self.tr("Cohort {code} was cancelled: it has no certificates.").format(
                    code=data.code
                )
            )
        elif not data.finished:
            self.notice.setText(
                self.tr(
                    "Cohort {code} is not finished yet: certificates are issued to its "
                    "graduates once the cohort is finished (page Angkatan)."
                ).format(code=data.code)
            )
        self.notice.setVisible(not data.mine or not data.finished)
        self.empty.setText(
            self.tr("Cohort {code} has no graduates (lulus) yet.").format(code=data.code)
        )
        self.empty.setVisible(not data.rows)

    def _status(self) -> str:
        known = self.cohorts.get(self.cohort_id())
        return known.status if known else ""

    def printable(self) -> bool:
        return bool(self.data and self.data.mine and self.data.finished and self.data.rows)

    def selected_rows(self) -> list[CertificateRow]:
        picked = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r for n in picked if (r := self.model.row_at(n)) is not None]

    def select_rows(self, enrollment_ids: list[str]) -> None:
        """Select the rows of these graduates (and only them)."""
        self.table.clearSelection()
        selection = self.table.selectionModel()
        for n, r in enumerate(self.model.rows):
            if r.enrollment_id in enrollment_ids:
                selection.select(
                    self.model.index(n, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    def _issued(self) -> list[CertificateRow]:
        return [r for r in self.selected_rows() if r.state == State.ISSUED and r.number]

    def _enable(self) -> None:
        issued = self._issued()
        mine = bool(self.data and self.data.mine)
        self.preview_button.setEnabled(bool(issued))
        self.print_button.setEnabled(self.printable())
        self.reprint_button.setEnabled(self.printable() and any(r.prints for r in issued))
        self.revoke_button.setEnabled(mine and len(self.selected_rows()) == 1 and len(issued) == 1)

    def _activated(self) -> None:
        if self._issued():
            self.preview()
        elif self.printable():
            self.print_certificates()

    # -- actions --------------------------------------------------------------------------
    def preview(self) -> Any:
        """The chosen issued certificates as their next print looks (nothing recorded)."""
        numbers = [r.number for r in self._issued() if r.number]
        return self.open_preview(numbers, "") if numbers else None

    def reprint(self) -> Any:
        """The chosen printed certificates in the preview: its Cetak… records a SALINAN."""
        numbers = [r.number for r in self._issued() if r.number and r.prints]
        if not numbers or not self.printable():
            return None
        return self.open_preview(numbers, self.tr("Reprint (SALINAN)"))

    def open_preview(self, numbers: list[str], title: str) -> Any:
        from app.ui.dialogs.certificate_preview import CertificatePreviewDialog

        dialog = CertificatePreviewDialog(
            self.ctx, self.actor, numbers=numbers, title=title, parent=self
        )
        dialog.open()
        self.dialog = dialog
        return dialog

    def print_certificates(self) -> Any:
        if not self.printable() or self.data is None:
            return None
        chosen = [r.enrollment_id for r in self.selected_rows()]
        if len(chosen) == len(self.data.rows):
            chosen = []  # every row selected: the same as all
        self.dialog = self.files.choose(
            self.data.cohort_id,
            self.data.code,
            chosen,
            len(self.data.rows),
            # a revoked one is replaced by a new one when printed
            self.data.count(State.NOT_ISSUED) + self.data.count(State.REVOKED),
        )
        return self.dialog

    def revoke(self) -> Any:
        from app.services.certificates import revoke
        from app.ui.dialogs.payment_dialogs import SignedActionDialog

        issued = self._issued()
        if len(issued) != 1 or not (self.data and self.data.mine):
            return None
        r = issued[0]
        number = r.number or ""
        db, actor = self.ctx.db, self.actor
        dialog = SignedActionDialog(
            self.ctx,
            actor,
            Permission.CERTIFICATE_REVOKE,
            self.tr("Revoke certificate"),
            self.tr(
                "A revoked certificate stays on record and every check of it says DICABUT, "
                "at every office and on the server's page; it cannot be undone. Printing "
                "this person's certificate again issues a new one."
            ),
            self.tr("Revoke certificate"),
            lambda supervisor, reason, _choice: revoke(db, actor, supervisor, number, reason),
            facts=[
                (self.tr("Number"), number),
                (self.tr("Name"), r.name),
                (self.tr("Issued"), fmt_date(r.issued_on)),
                (self.tr("Prints"), str(r.prints)),
            ],
            reason=True,
            parent=self,
        )
        dialog.setMinimumWidth(640)  # room for a sentence of a reason
        # as tall as its wrapped intro needs at that width (Qt measures it narrower)
        form = dialog.layout()
        if form is not None:
            dialog.resize(640, form.totalHeightForWidth(640))
        dialog.reason.setPlaceholderText(  # type: ignore[union-attr]
            self.tr("e.g. name misspelt; the person gets a new certificate")
        )
        dialog.succeeded.connect(self._revoked)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _revoked(self, done: Any) -> None:
        show_info(
            self,
            self.tr("Certificate revoked"),
            self.tr("Certificate {number} is revoked as of {day}.").format(
                number=done.number, day=fmt_date(done.revoked_on)
            ),
        )

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
