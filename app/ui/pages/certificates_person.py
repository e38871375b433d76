"""A person's certificates, as a tab of the participant detail: number, cohort, module, the
day it was issued, its state (a revoked one with its date) and how often it was printed;
Pratinjau shows a live one inside the window, where it can be printed again (SALINAN).

The clerk who has the person in front of them finds the certificate here without knowing
the cohort; the Sertifikat page is where a cohort's are printed and revoked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget

from app.services.actor import Actor
from app.services.certificates import STATE_LABELS, State
from app.ui.context import AppContext
from app.ui.formats import fmt_date
from app.ui.pages.participant_detail_tabs import table
from app.ui.tasks import run_task
from app.ui.widgets import note

translate = QCoreApplication.translate
REVOKED = QColor("#a4420c")
CHANGES = frozenset({"certificate", "certificate_print", "certificate_revocation"})


def state_text(cert: dict[str, Any]) -> str:
    text = STATE_LABELS[str(cert["state"])].render()
    if cert["state"] == State.REVOKED and cert.get("revoked_on"):
        text += f" {fmt_date(cert['revoked_on'])}"
    return text


class PersonCertificates(QWidget):
    """The tab; `certificates` are `participant_certificates`' plain rows, newest first."""

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        participant_id: str,
        certificates: Sequence[dict[str, Any]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.participant_id = ctx, actor, participant_id
        self.certificates = list(certificates)
        self.preview_dialog: Any = None
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 12, 12, 12)
        row = QHBoxLayout()
        row.addWidget(
            note(
                translate(
                    "PersonCertificates",
                    "Certificates are issued on the Sertifikat page when the cohort's "
                    "certificates are printed.",
                ),
                self,
            ),
            1,
        )
        self.preview_button = QPushButton(translate("PersonCertificates", "Preview"))
        self.preview_button.setToolTip(translate("PersonCertificates", "Preview (Enter)"))
        row.addWidget(self.preview_button)
        column.addLayout(row)
        self.table = table(
            [
                translate("PersonCertificates", "Number"),
                translate("PersonCertificates", "Cohort"),
                translate("PersonCertificates", "Training"),
                translate("PersonCertificates", "Issued"),
                translate("PersonCertificates", "State"),
                translate("PersonCertificates", "Prints"),
            ],
            [],
        )
        column.addWidget(self.table, 1)
        self.empty = note(
            translate("PersonCertificates", "No certificate has been issued to this person."),
            self,
        )
        column.addWidget(self.empty)
        self.fill(self.certificates)
        self.preview_button.clicked.connect(self.preview)
        self.table.activated.connect(lambda _i: self.preview())
        self.table.itemSelectionChanged.connect(self._enable)
        ctx.data_changed.connect(self.on_data_changed)

    def fill(self, certificates: Sequence[dict[str, Any]]) -> None:
        self.certificates = list(certificates)
        self.table.setRowCount(len(self.certificates))
        for n, c in enumerate(self.certificates):
            values = (
                str(c["number"]),
                str(c["cohort"]),
                str(c["module"]),
                fmt_date(c["issued_on"]),
                state_text(c),
                str(c["prints"]),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 4 and c["state"] == State.REVOKED:
                    item.setForeground(QBrush(REVOKED))
                self.table.setItem(n, column, item)
        self.table.resizeRowsToContents()
        if self.certificates:  # the live one first: that is the one to show or reprint
            live = [n for n, c in enumerate(self.certificates) if c["state"] == State.ISSUED]
            self.table.selectRow(live[0] if live else 0)
        self.empty.setVisible(not self.certificates)
        self.table.setVisible(bool(self.certificates))
        self._enable()

    def on_data_changed(self, entities: frozenset[str]) -> None:
        """A print or a revocation (here or synced) shows at once while the tab is open."""
        from app.services.certificates import participant_certificates

        if not CHANGES & entities or not self.isVisible():
            return
        db, pid = self.ctx.db, self.participant_id
        run_task(lambda _p, _c: participant_certificates(db, pid), on_done=self.fill, owner=self)

    def current(self) -> dict[str, Any] | None:
        row = self.table.currentRow()
        return self.certificates[row] if 0 <= row < len(self.certificates) else None

    def _enable(self) -> None:
        cert = self.current()
        live = cert is not None and cert["state"] == State.ISSUED
        self.preview_button.setEnabled(live)
        self.preview_button.setToolTip(
            translate("PersonCertificates", "Preview (Enter)")
            if live or cert is None
            else translate(
                "PersonCertificates",
                "A revoked certificate is not shown or printed again.",
            )
        )

    def preview(self) -> Any:
        """The chosen live certificate in the preview (printing it there records it)."""
        from app.ui.dialogs.certificate_preview import CertificatePreviewDialog

        cert = self.current()
        if cert is None or cert["state"] != State.ISSUED:
            return None
        dialog = CertificatePreviewDialog(
            self.ctx, self.actor, numbers=[str(cert["number"])], parent=self
        )
        dialog.open()
        self.preview_dialog = dialog
        return dialog

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
