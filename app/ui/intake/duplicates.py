"""Before saving: existing records that may be the same person, side by side with what was
typed. The clerk looks at each and ticks "checked, a different person" before saving."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.participant_views import DuplicateCandidate
from app.ui.formats import fmt_date, status_label
from app.ui.intake.labels import field_labels
from app.ui.intake.panel import reason_text
from app.ui.widgets import note


def _card(title: str, rows: list[tuple[str, str]], parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    card = QFrame(parent)
    card.setObjectName("candidate")
    column = QVBoxLayout(card)
    column.setContentsMargins(12, 10, 12, 10)
    heading = QLabel(title)
    heading.setObjectName("section")
    column.addWidget(heading)
    form = QFormLayout()
    for label, value in rows:
        text = QLabel(value or "–")
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(label, text)
    column.addLayout(form)
    return card, column


class DuplicatesDialog(QDialog):
    """Shows candidates; Save is allowed once each one is ticked as a different person.

    Signals:
        acknowledged(object): frozenset of the ticked candidate ids (then the dialog closes).
        open_requested(str): the clerk wants to open this existing record instead.
    """

    acknowledged = Signal(object)
    open_requested = Signal(str)

    def __init__(
        self, typed: dict[str, str], candidates: list[DuplicateCandidate], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Possibly registered already"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.candidates = candidates
        lab = field_labels()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(
            note(
                self.tr(
                    "These records look like the person you are registering. Compare them "
                    "with the KTP. If it is the same person, open the existing record instead."
                )
            )
        )
        cards = QHBoxLayout()
        cards.setSpacing(12)
        mine, mine_column = _card(
            self.tr("Being registered"),
            [
                (lab["nama"], typed.get("nama", "")),
                (lab["nik"], typed.get("nik", "")),
                (lab["tanggal_lahir"], typed.get("tanggal_lahir", "")),
                (lab["kpj"], typed.get("kpj", "")),
                (self.tr("Office"), ""),
                (lab["status"], ""),
            ],
            self,
        )
        mine_column.addStretch(1)
        cards.addWidget(mine)
        self.checks: dict[str, QCheckBox] = {}
        for candidate in candidates:
            card, column = _card(
                reason_text(candidate.reason),
                [
                    (lab["nama"], candidate.full_name),
                    (lab["nik"], candidate.nik_masked),
                    (lab["tanggal_lahir"], fmt_date(candidate.birth_date)),
                    (lab["kpj"], typed.get("kpj", "") if candidate.reason == "kpj" else ""),
                    (self.tr("Office"), candidate.office_code),
                    (lab["status"], status_label(candidate.status)),
                ],
                self,
            )
            check = QCheckBox(self.tr("Checked: this is a different person"))
            check.toggled.connect(self._update)
            self.checks[candidate.id] = check
            column.addWidget(check)
            open_button = QPushButton(self.tr("Open this record"))
            open_button.setAutoDefault(False)
            open_button.clicked.connect(lambda _c=False, pid=candidate.id: self._open(pid))
            column.addWidget(open_button)
            cards.addWidget(card)
        layout.addLayout(cards)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.back_button = QPushButton(self.tr("Back to the form"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("Save as a new person"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self._save)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self._update()

    def _update(self, *_args: object) -> None:
        self.save_button.setEnabled(all(c.isChecked() for c in self.checks.values()))

    def _save(self) -> None:
        if self.save_button.isEnabled():
            self.acknowledged.emit(frozenset(self.checks))
            self.accept()

    def _open(self, participant_id: str) -> None:
        self.reject()
        self.open_requested.emit(participant_id)
