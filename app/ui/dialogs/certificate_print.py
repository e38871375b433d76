"""What to print before the certificates of a cohort are printed: the graduates chosen in
the list or all of them, into one PDF (to send to the printer at once) or one PDF per
person into a folder (to mail each their own). The file or folder is asked next, with the
system's file dialog; the printing itself then runs in the background (the page's
CertificateFiles)."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets import note

SELECTED, ALL = "selected", "all"


class CertificatePrintDialog(QDialog):
    """Two choices and Lanjut; `which()` and `one_file()` say what was chosen."""

    def __init__(
        self, code: str, selected: int, total: int, missing: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print certificates"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(note(self.tr("Cohort {code}.").format(code=code), self))
        form = QFormLayout()
        self.who = QComboBox()
        if selected:
            self.who.addItem(self.tr("The selected graduates ({n})").format(n=selected), SELECTED)
        self.who.addItem(self.tr("Every graduate of the cohort ({n})").format(n=total), ALL)
        self.how = QComboBox()
        self.how.addItem(self.tr("One PDF file"), True)
        self.how.addItem(self.tr("One PDF per person, into a folder"), False)
        form.addRow(self.tr("Graduates"), self.who)
        form.addRow(self.tr("Files"), self.how)
        layout.addLayout(form)
        text = self.tr("Each print is recorded; a certificate printed before comes out as SALINAN.")
        if missing:
            text = (
                self.tr(
                    "{n} graduates have no certificate yet: printing issues theirs first "
                    "(number and digital signature)."
                ).format(n=missing)
                + " "
                + text
            )
        layout.addWidget(note(text, self))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.ok_button = QPushButton(self.tr("Choose where…"))
        self.ok_button.setObjectName("primary")
        self.ok_button.setDefault(True)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button.clicked.connect(self.accept)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.who.setFocus()

    def which(self) -> str:
        return str(self.who.currentData())

    def one_file(self) -> bool:
        return bool(self.how.currentData())
