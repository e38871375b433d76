"""Sertifikat: the training certificates of a cohort's graduates, and the check of a
certificate someone brings (issue #12).

Two tabs: a cohort's graduates with their certificates and what the counter does with them
(app.ui.pages.certificates_list), and Periksa keaslian (certificates_verify). Ctrl+K goes
to the check with the cursor in its field, Ctrl+J back to the list. The list re-reads
what a committed change touched when it is on screen, else when it shows again.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.pages.certificates_list import CertificateList
from app.ui.pages.certificates_verify import VerifyPanel
from app.ui.shell import Shell
from app.ui.widgets import heading, note

# The record types this page shows (entity names, as every change announces them).
SHOWN = frozenset(
    {
        "certificate",
        "certificate_print",
        "certificate_revocation",
        "cohort",
        "enrollment",
        "participant",
    }
)
LIST, VERIFY = range(2)


class CertificatesPage(QWidget):
    """The page; `tabs` holds `list` and `verify`."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 14)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Certificates")))
        top.addSpacing(16)
        top.addWidget(
            note(
                self.tr(
                    "Training certificates for the graduates of a finished cohort, signed "
                    "digitally: anyone can check one from its QR code."
                )
            ),
            1,
        )
        layout.addLayout(top)
        self.tabs = QTabWidget(self)
        self.list = CertificateList(ctx, actor)
        self.verify = VerifyPanel(ctx)
        self.tabs.addTab(self.list, self.tr("Certificates of a cohort (Ctrl+J)"))
        self.tabs.addTab(self.verify, self.tr("Check authenticity (Ctrl+K)"))
        layout.addWidget(self.tabs, 1)
        for keys, tab in (("Ctrl+J", LIST), ("Ctrl+K", VERIFY)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda tab=tab: self.show_tab(tab))
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())
        ctx.data_changed.connect(self.on_data_changed)

    def on_data_changed(self, entities: frozenset[str]) -> None:
        if not SHOWN & entities:
            return
        self.list.stale = True
        if self.isVisible():
            self._refresh_current()

    def _refresh_current(self) -> None:
        if self.tabs.currentWidget() is self.list and self.list.stale:
            self.list.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self._refresh_current)

    def show_tab(self, tab: int) -> QWidget:
        """Bring a tab forward with the keyboard in it, and return it."""
        self.tabs.setCurrentIndex(tab)
        if tab == VERIFY:
            self.verify.focus_code()
            return self.verify
        if self.list.stale:
            self.list.refresh()
        self.list.focus_table()
        return self.list


def page(window: Shell) -> CertificatesPage:
    """The certificates feature's page (app.features.certificates)."""
    return CertificatesPage(window.ctx, window.actor)
