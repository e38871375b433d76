"""The side panel of the intake form: each eligibility rule as ✓ / ✗ / ? with its reason,
and the existing records that may be the same person."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.participant_views import DuplicateCandidate
from app.ui.formats import eligibility_label, fmt_date, mark, status_label
from app.ui.intake.rules import RuleLine
from app.ui.widgets import note, scroll_area


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


def rule_row(line: RuleLine, parent: QWidget | None = None) -> QWidget:
    row = QWidget(parent)
    across = QHBoxLayout(row)
    across.setContentsMargins(0, 2, 0, 2)
    across.setSpacing(8)
    sign = QLabel(mark(line.status))
    sign.setObjectName(f"rule_{line.status}")
    sign.setFixedWidth(22)
    across.addWidget(sign)
    text = QLabel(f"<b>{line.title}</b><br>{line.reason}")
    text.setWordWrap(True)
    across.addWidget(text, 1)
    row.setAccessibleName(f"{mark(line.status)} {line.title}: {line.reason}")
    return row


def reason_text(reason: str) -> str:
    from PySide6.QtCore import QCoreApplication

    texts = {
        "nik": QCoreApplication.translate("IntakePanel", "Same NIK"),
        "kpj": QCoreApplication.translate("IntakePanel", "Same KPJ"),
        "name": QCoreApplication.translate("IntakePanel", "Similar name, same birth date"),
    }
    return texts.get(reason, reason)


class SidePanel(QFrame):
    """Eligibility (recomputed as the clerk types) and possible duplicates.

    Signals:
        open_requested(str): the clerk wants to see the existing record with this id.
    """

    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidePanel")
        self.setFixedWidth(330)
        # Rules and the cards of possible duplicates scroll inside the panel: four cards
        # made the form taller than a 1366×768 screen, pushing Simpan below the taskbar.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        area = scroll_area(body, "sidePanelScroll")
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(area)
        column = QVBoxLayout(body)
        column.setContentsMargins(14, 12, 14, 12)
        column.setSpacing(6)
        self.title = QLabel(self.tr("Eligibility"))
        self.title.setObjectName("section")
        column.addWidget(self.title)
        self.preset = note("")
        column.addWidget(self.preset)
        self.overall = QLabel("")
        self.overall.setObjectName("verdict")
        column.addWidget(self.overall)
        self.rules = QVBoxLayout()
        self.rules.setSpacing(2)
        column.addLayout(self.rules)
        column.addWidget(note(self.tr("A person who does not meet a rule can still be recorded.")))
        column.addSpacing(10)
        self.dup_title = QLabel(self.tr("Possibly registered already"))
        self.dup_title.setObjectName("section")
        column.addWidget(self.dup_title)
        self.duplicates = QVBoxLayout()
        self.duplicates.setSpacing(6)
        column.addLayout(self.duplicates)
        column.addStretch(1)
        self.show_duplicates([])
        self.lines: list[RuleLine] = []

    def show_rules(self, lines: list[RuleLine], overall: str, preset_label: str) -> None:
        self.lines = lines
        self.preset.setText(preset_label)
        self.overall.setText(eligibility_label(overall))
        self.overall.setProperty("status", overall)
        self.overall.style().unpolish(self.overall)
        self.overall.style().polish(self.overall)
        _clear(self.rules)
        for line in lines:
            self.rules.addWidget(rule_row(line))

    def show_duplicates(self, candidates: list[DuplicateCandidate]) -> None:
        _clear(self.duplicates)
        self.dup_title.setVisible(bool(candidates))
        self.candidates = candidates
        for candidate in candidates:
            card = QFrame()
            card.setObjectName("candidate")
            down = QVBoxLayout(card)
            down.setContentsMargins(8, 6, 8, 6)
            down.setSpacing(2)
            down.addWidget(QLabel(f"<b>{candidate.full_name}</b>"))
            down.addWidget(
                note(
                    f"{reason_text(candidate.reason)} · {candidate.nik_masked} · "
                    f"{fmt_date(candidate.birth_date)} · {candidate.office_code} · "
                    f"{status_label(candidate.status)}"
                )
            )
            button = QPushButton(self.tr("Open the existing record"))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, pid=candidate.id: self.open_requested.emit(pid))
            down.addWidget(button)
            self.duplicates.addWidget(card)
