"""The tabs of the participant detail view: data, eligibility, documents and history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.participant_fields import BY_ATTRIBUTE, Kind, field_of
from app.formats import field_text
from app.services.participant_views import HistoryEntry, ParticipantDetail
from app.ui.formats import fmt_datetime, fmt_size, status_label
from app.ui.intake.documents import kind_label
from app.ui.intake.labels import field_labels, label_of_model_field
from app.ui.intake.panel import rule_row
from app.ui.intake.rules import RuleLine
from app.ui.widgets import note

translate = QCoreApplication.translate
REVEAL_MS = 20_000
DERIVED = frozenset({"name_key"})  # made from the name: its change is the name's change
Reveal = Callable[[str, Callable[[str], None]], None]


def region_name(code: str | None) -> str:
    from app.resources import regions

    if not code:
        return ""
    names = [regions().get(code[:n]) for n in (8, 5, 2) if len(code) >= n]
    return ", ".join(r.name for r in names if r is not None) + f" ({code})"


class RevealField(QWidget):
    """A masked value with a "Show" button; the full value shows for a while (audited)."""

    def __init__(self, masked: str, field: str, reveal: Reveal) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.masked = masked
        self.value = QLabel(masked)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(translate("ParticipantDetail", "Show"))
        self.logged = note(translate("ParticipantDetail", "Viewing is logged"))
        row.addWidget(self.value)
        row.addWidget(self.button)
        row.addWidget(self.logged)
        row.addStretch(1)
        # only once they have a parent: shown before, the button flashed up as a window
        # of its own and took the keyboard from the main window
        self.button.setVisible(bool(masked))
        self.logged.setVisible(False)
        self.button.clicked.connect(lambda: reveal(field, self.show_full))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.hide_full)

    def show_full(self, value: str) -> None:
        self.value.setText(value)
        self.logged.setVisible(True)
        self.button.setVisible(False)
        self.timer.start(REVEAL_MS)

    def hide_full(self) -> None:
        self.value.setText(self.masked)
        self.logged.setVisible(False)
        self.button.setVisible(True)


def _shown(v: dict[str, Any], attribute: str) -> str:
    """A stored value as people read it (app.formats.field_text of its field)."""
    fld = BY_ATTRIBUTE[attribute]
    return field_text(fld, v.get(attribute))


def _joined(*parts: str) -> str:
    return " · ".join(part for part in parts if part)


def data_tab(
    detail: ParticipantDetail, reveal: Reveal
) -> tuple[QScrollArea, dict[str, RevealField]]:
    v: dict[str, Any] = dict(detail.values)
    lab = field_labels()
    reveals = {
        "nik": RevealField(str(v.get("nik") or ""), "nik", reveal),
        "bank_account": RevealField(str(v.get("bank_account") or ""), "bank_account", reveal),
    }
    consent = (
        translate("ParticipantDetail", "Given (notice {version}, {time})").format(
            version=detail.consent_version, time=fmt_datetime(detail.consent_at)
        )
        if detail.consent_version
        else translate("ParticipantDetail", "Not recorded")
    )
    sex = _shown(v, "sex")
    phone = _joined(_shown(v, "phone"), "WhatsApp" if v.get("whatsapp") else "")
    sections: list[tuple[str, list[tuple[str, Any]]]] = [
        (
            translate("ParticipantDetail", "Identity"),
            [
                (lab["nik"], reveals["nik"]),
                (lab["nama"], v.get("full_name")),
                (
                    translate("ParticipantDetail", "Place, date of birth"),
                    ", ".join(x for x in (v.get("birth_place"), _shown(v, "birth_date")) if x),
                ),
                (lab["jenis_kelamin"], f"{sex} ({v['sex']})" if sex else ""),
                (lab["pendidikan"], _shown(v, "education")),
            ],
        ),
        (
            translate("ParticipantDetail", "Address and contact"),
            [
                (lab["alamat"], v.get("ktp_address")),
                (lab["kode_wilayah"], region_name(v.get("region_code"))),
                (lab["alamat_domisili"], v.get("domicile_address")),
                (lab["telepon"], phone),
                (lab["email"], v.get("email")),
            ],
        ),
        (
            translate("ParticipantDetail", "Work and PHK"),
            [
                (lab["perusahaan_terakhir"], v.get("last_employer")),
                (lab["npp"], v.get("npp")),
                (lab["jabatan"], v.get("job_title")),
                (
                    lab["jenis_kontrak"],
                    _joined(_shown(v, "contract_type"), _shown(v, "contract_end")),
                ),
                (lab["mulai_kerja"], _shown(v, "work_start")),
                (lab["tanggal_phk"], _shown(v, "phk_date")),
                (lab["alasan_phk"], _shown(v, "phk_reason")),
                (lab["upah_terakhir"], _shown(v, "last_wage")),
            ],
        ),
        (
            translate("ParticipantDetail", "BPJAMSOSTEK membership"),
            [
                (lab["kpj"], v.get("kpj")),
                (lab["lama_kepesertaan"], _shown(v, "membership_months")),
                (lab["iuran_24_bulan"], _shown(v, "contribution_months_last_24")),
                (lab["masih_peserta_aktif"], _shown(v, "still_active_member")),
                (
                    lab["jht_diklaim"],
                    _joined(_shown(v, "jht_claimed"), _shown(v, "jht_claimed_on")),
                ),
                (lab["pernah_ikut_program"], _shown(v, "previous_participation")),
            ],
        ),
        (
            translate("ParticipantDetail", "Bank account"),
            [
                (lab["bank"], v.get("bank_name")),
                (lab["nomor_rekening"], reveals["bank_account"]),
                (lab["nama_pemilik_rekening"], v.get("bank_account_holder")),
            ],
        ),
        (
            translate("ParticipantDetail", "Training"),
            [
                (lab["pilihan_pelatihan_1"], v.get("training_choice_1_label")),
                (lab["pilihan_pelatihan_2"], v.get("training_choice_2_label")),
            ],
        ),
        (
            translate("ParticipantDetail", "Consent and registration"),
            [
                (lab["persetujuan"], consent),
                (
                    lab["didaftarkan"],
                    _joined(fmt_datetime(v.get("registered_at")), str(v.get("registered_by"))),
                ),
                (lab["kantor"], detail.row.office_code),
                (lab["status"], status_label(str(v.get("status")))),
                (translate("ParticipantDetail", "Status reason"), v.get("status_reason")),
            ],
        ),
    ]
    body = QWidget()
    body.setObjectName("detailBody")
    grid = QGridLayout(body)
    grid.setContentsMargins(12, 12, 12, 12)
    grid.setSpacing(12)
    for i, (title, rows) in enumerate(sections):
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        for label, value in rows:
            if isinstance(value, QWidget):
                form.addRow(label, value)
            else:
                text = QLabel(str(value) if value not in (None, "") else "–")
                text.setWordWrap(True)
                text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                form.addRow(label, text)
        grid.addWidget(box, i // 2, i % 2, Qt.AlignmentFlag.AlignTop)
    grid.setRowStretch(len(sections) // 2 + 1, 1)
    scroll = QScrollArea()
    scroll.setObjectName("detailScroll")
    scroll.setWidgetResizable(True)
    scroll.setWidget(body)
    return scroll, reveals


def eligibility_tab(lines: list[RuleLine], overall: str) -> QWidget:
    page = QWidget()
    column = QVBoxLayout(page)
    column.setContentsMargins(16, 12, 16, 12)
    column.addWidget(
        note(translate("ParticipantDetail", "As assessed when the participant was registered."))
    )
    verdict = QLabel(overall)
    verdict.setObjectName("section")
    column.addWidget(verdict)
    for line in lines:
        column.addWidget(rule_row(line))
    column.addStretch(1)
    return page


def table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    widget = QTableWidget(len(rows), len(headers))
    widget.setHorizontalHeaderLabels(headers)
    widget.verticalHeader().setVisible(False)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.setAlternatingRowColors(True)
    widget.setShowGrid(False)
    widget.setWordWrap(True)
    header = widget.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            widget.setItem(r, c, QTableWidgetItem(value))
    widget.resizeRowsToContents()
    return widget


def documents_rows(detail: ParticipantDetail) -> list[list[str]]:
    return [
        [
            kind_label(d.kind),
            d.original_name,
            fmt_size(d.size_bytes),
            fmt_datetime(d.created_at),
            d.sha256[:16] + "…",
        ]
        for d in detail.documents
    ]


def action_label(action: str) -> str:
    labels = {
        "participant.register": translate("ParticipantDetail", "Registered"),
        "participant.update": translate("ParticipantDetail", "Data changed"),
        "participant.status": translate("ParticipantDetail", "Status changed"),
        "participant.reveal": translate("ParticipantDetail", "Full NIK or account viewed"),
        "participant.document": translate("ParticipantDetail", "Document attached"),
        "participant.import": translate("ParticipantDetail", "Imported"),
        "participant.open_for_edit": translate(
            "ParticipantDetail", "Opened for editing (full NIK and account shown)"
        ),
        "participant.consent": translate("ParticipantDetail", "Consent recorded"),
        "participant.erase": translate("ParticipantDetail", "Personal data erased"),
        "participant.export_person": translate("ParticipantDetail", "Personal data exported"),
    }
    return labels.get(action, action)


def history_value(name: str, value: object) -> str:
    """A value as the audit event keeps it (JSON: ISO dates, E.164 phones, codes), read as
    the rest of the window reads it."""
    fld = field_of(name)
    if value in (None, ""):
        return "–"
    if fld is None:
        return str(value)
    if isinstance(value, str) and fld.kind in (Kind.DATE, Kind.DATETIME):
        try:
            parsed = (datetime if fld.kind is Kind.DATETIME else date).fromisoformat(value)
        except ValueError:
            return value
        return field_text(fld, parsed) or "–"
    return field_text(fld, value) or "–"


def change_text(entry: HistoryEntry) -> str:
    return "\n".join(
        f"{label_of_model_field(name)}: {history_value(name, old)} → {history_value(name, new)}"
        for name, (old, new) in entry.changes.items()
        if name not in DERIVED
    )


def history_rows(detail: ParticipantDetail) -> list[list[str]]:
    return [
        [fmt_datetime(h.at), h.actor, action_label(h.action), change_text(h)]
        for h in reversed(detail.history)
    ]
