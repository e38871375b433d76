"""One participant: every field (NIK and account masked, shown on request and logged),
status with its change action, eligibility as assessed, documents and the history."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.actor import Actor
from app.services.participant_views import ParticipantDetail
from app.ui.context import AppContext
from app.ui.formats import eligibility_label, fmt_date, status_label
from app.ui.intake.documents import FILE_FILTER, kind_combo
from app.ui.intake.rules import lines_of_stored
from app.ui.messages import show_error, show_info
from app.ui.pages.participant_detail_tabs import (
    RevealField,
    data_tab,
    documents_rows,
    eligibility_tab,
    history_rows,
    table,
)
from app.ui.pages.participant_privacy import PrivacyActions
from app.ui.tasks import run_task
from app.ui.widgets import heading, note


class ParticipantDetailView(QWidget):
    """Loads `participant_records.detail` off the UI thread and shows it. Esc goes back to
    the list, like the back button.

    Signals:
        back(): return to the list.
        edit_requested(str): open the edit form for this participant.
    """

    back = Signal()
    edit_requested = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        participant_id: str,
        just_saved: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.participant_id = participant_id
        self.detail: ParticipantDetail | None = None
        self.reveals: dict[str, RevealField] = {}
        self.certificates: QWidget | None = None  # the tab (app.ui.pages.certificates_person)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 16)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Back to the list"))
        self.back_button.setToolTip("Esc")
        self.back_button.clicked.connect(self.back)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back)
        top.addWidget(self.back_button)
        top.addStretch(1)
        self.status_button = QPushButton(self.tr("Change status…"))
        self.status_button.clicked.connect(self.change_status)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setObjectName("primary")
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.participant_id))
        self.privacy = PrivacyActions(ctx, actor, participant_id, self.reload, self)
        top.addWidget(self.privacy)
        top.addWidget(self.status_button)
        top.addWidget(self.edit_button)
        layout.addLayout(top)
        self.name = heading("")
        layout.addWidget(self.name)
        self.summary = QLabel("")
        self.summary.setObjectName("subheading")
        layout.addWidget(self.summary)
        self.saved_note = QLabel(self.tr("The participant has been saved."))
        self.saved_note.setObjectName("saved")
        layout.addWidget(self.saved_note)  # first: shown without a parent, it flashed up
        self.saved_note.setVisible(just_saved)  # as a window of its own and took the focus
        self.tabs = QTabWidget(self)
        self.tabs.setUsesScrollButtons(False)  # a bold current tab must not push one out
        layout.addWidget(self.tabs, 1)
        self.reload()

    def reload(self) -> None:
        from app.services import participant_records as records
        from app.services.settings import get_settings

        ctx, pid = self.ctx, self.participant_id

        def work(_p: object, _c: object) -> tuple[ParticipantDetail, str, list[Any]]:
            from app.services.certificates import participant_certificates

            preset = str(get_settings(ctx.db)["eligibility_preset"])
            return records.detail(ctx.db, pid), preset, participant_certificates(ctx.db, pid)

        run_task(
            work,
            on_done=lambda answer: self.show_detail(*answer),
            on_error=self._failed,
            owner=self,
        )

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def show_detail(
        self, detail: ParticipantDetail, preset: str, certificates: Sequence[Any] = ()
    ) -> None:
        from app.ui import i18n
        from app.ui.pages.certificates_person import PersonCertificates

        self.detail = detail
        row = detail.row
        self.name.setText(row.full_name)
        self.summary.setText(
            " · ".join(
                [
                    f"NIK {row.nik_masked}",
                    fmt_date(row.birth_date),
                    row.office_code,
                    status_label(row.status),
                    eligibility_label(row.eligibility_status),
                ]
            )
        )
        current = self.tabs.currentIndex()
        self.tabs.clear()
        data, self.reveals = data_tab(detail, self.reveal)
        self.tabs.addTab(data, self.tr("Data"))
        stored = detail.values.get("eligibility_detail")
        lines = lines_of_stored(
            stored if isinstance(stored, list) else [], preset, i18n.current_language()
        )
        self.tabs.addTab(
            eligibility_tab(lines, eligibility_label(row.eligibility_status)),
            self.tr("Eligibility"),
        )
        self.tabs.addTab(
            self._documents_tab(detail), self.tr("Documents ({n})").format(n=len(detail.documents))
        )
        self.history = table(
            [self.tr("Time"), self.tr("By"), self.tr("Action"), self.tr("Changes")],
            history_rows(detail),
        )
        self.tabs.addTab(self.history, self.tr("History ({n})").format(n=len(detail.history)))
        if self.certificates is not None:
            self.certificates.deleteLater()  # the tab of the last reading
        self.certificates = PersonCertificates(
            self.ctx, self.actor, self.participant_id, certificates
        )
        self.tabs.addTab(
            self.certificates, self.tr("Certificates ({n})").format(n=len(certificates))
        )
        self.tabs.setCurrentIndex(max(current, 0))

    # --- personal data ------------------------------------------------------------------------
    def reveal(self, field: str, show: Callable[[str], None]) -> None:
        """The full NIK or account number, fetched through the audited service."""
        from app.services import participant_records as records

        ctx, actor, pid = self.ctx, self.actor, self.participant_id

        def done(value: str) -> None:
            show(value)

        run_task(
            lambda _p, _c: records.reveal(ctx.db, actor, pid, field),
            on_done=done,
            on_error=self._failed,
            write=True,
            owner=self,
        )

    # --- status -------------------------------------------------------------------------------
    def change_status(self) -> Any:
        from app.ui.dialogs.participant_status import StatusDialog

        if self.detail is None:
            return None
        row = self.detail.row
        dialog = StatusDialog(self.ctx, self.actor, row.id, row.full_name, row.status, self)
        dialog.open()
        return dialog

    # --- documents ----------------------------------------------------------------------------
    def _documents_tab(self, detail: ParticipantDetail) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(12, 12, 12, 12)
        row = QHBoxLayout()
        self.kind = kind_combo()
        attach = QPushButton(self.tr("Attach a scan…"))
        attach.clicked.connect(self.choose_document)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_document)
        row.addWidget(self.kind)
        row.addWidget(attach)
        row.addStretch(1)
        row.addWidget(self.open_button)
        column.addLayout(row)
        self.documents = table(
            [self.tr("Kind"), self.tr("File"), self.tr("Size"), self.tr("Added"), "SHA-256"],
            documents_rows(detail),
        )
        self.documents.doubleClicked.connect(lambda _i: self.open_document())
        column.addWidget(self.documents, 1)
        column.addWidget(
            note(self.tr("Scans are kept in the program's data folder under their fingerprint."))
        )
        return page

    def choose_document(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("Choose a scan"), str(Path.home()), FILE_FILTER
        )
        if path:
            self.attach(str(self.kind.currentData()), Path(path))

    def attach(self, kind: str, path: Path) -> None:
        from app.services import participant_documents as documents

        ctx, actor, pid = self.ctx, self.actor, self.participant_id
        run_task(
            lambda _p, _c: documents.attach(ctx.db, actor, pid, kind, path),
            on_error=self._failed,
            write=True,
            owner=self,
        )

    def open_document(self) -> None:
        from app.services.participant_documents import document_path

        row = self.documents.currentRow()
        if self.detail is None or not 0 <= row < len(self.detail.documents):
            return
        info = self.detail.documents[row]
        path = document_path(info)
        if not path.exists() or hashlib.sha256(path.read_bytes()).hexdigest() != info.sha256:
            show_info(
                self,
                self.tr("Scan missing or changed"),
                self.tr(
                    "The stored copy of {name} is missing or was changed after it was attached."
                ).format(name=info.original_name),
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
