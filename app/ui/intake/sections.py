"""The sections of the intake form, in the order a clerk reads a KTP, a PHK letter and the
member's card: Identitas, Alamat & kontak, Pekerjaan & PHK, Kepesertaan BPJAMSOSTEK,
Rekening, Pelatihan, Dokumen, Persetujuan. Labels and choices come from the field table
(app.domain.participant_fields), as in the detail view, the import and the CLI."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit

from app.domain.participant_fields import BY_KEY, NO, YES
from app.ui.intake.documents import DocumentPicker
from app.ui.intake.fields import (
    RegionPicker,
    choice_combo,
    date_edit,
    digits_edit,
    module_combo,
    text_edit,
)
from app.ui.intake.form import IntakeForm
from app.ui.intake.labels import field_labels
from app.ui.widgets import note

BANKS = (
    "BRI",
    "BNI",
    "MANDIRI",
    "BTN",
    "BCA",
    "BSI",
    "BANK DKI",
    "BJB",
    "BANK BANTEN",
    "BANK NTB SYARIAH",
    "BANKALTIMTARA",
    "CIMB NIAGA",
    "DANAMON",
    "PERMATA",
)

translate = QCoreApplication.translate


class SectionLayout(QFormLayout):
    """A section's rows, never given less height than they need.

    QFormLayout undercounts its height for a width when some rows wrap text (the captions,
    the error lines) and others do not: the region picker beside Telepon's two-line error
    got 9 pixels too few and Kecamatan was cut off. Its size hint counts every row whole,
    so the larger of the two is asked for (the parent layout asks the layout, not the
    group box, which is why this is a layout)."""

    def heightForWidth(self, width: int) -> int:
        return max(super().heightForWidth(width), self.sizeHint().height())


def _group(form: IntakeForm, title: str) -> QFormLayout:
    box = QGroupBox(title)
    layout = SectionLayout(box)
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    layout.setHorizontalSpacing(14)
    layout.setVerticalSpacing(8)
    form.column.addWidget(box)
    return layout


def _choices(key: str, with_code: bool = False) -> list[tuple[str, str]]:
    """(label, code) of a field's choices, in the current language."""
    return [
        (f"{label.render()} ({code})" if with_code else label.render(), code)
        for code, label in BY_KEY[key].choices.items()
    ]


def _yes_no() -> list[tuple[str, str]]:
    return [(NO.render(), "T"), (YES.render(), "Y")]


def _months_edit(most_digits: int) -> QLineEdit:
    edit = digits_edit("", most_digits)
    edit.setMaximumWidth(90)
    return edit


def build_sections(
    form: IntakeForm, notice_version: str, modules: list[tuple[str, str]] | None = None
) -> tuple[DocumentPicker, QGroupBox]:
    """Fill `form`; returns the document picker and the consent box (hidden when editing).
    `modules` are the active modules (code, name) the two training choices pick from."""
    lab = field_labels()
    b = form.bind

    g = _group(form, translate("IntakeSections", "Identity"))
    nik = digits_edit(translate("IntakeSections", "16 digits, as on the KTP"), 20)
    b("nik", nik)
    form.row(g, lab["nik"], [("nik", nik, "")])
    name = text_edit(translate("IntakeSections", "exactly as written on the KTP"), 150)
    b("nama", name)
    form.row(g, lab["nama"], [("nama", name, "")])
    place, born = text_edit("", 100), date_edit()
    b("tempat_lahir", place)
    b("tanggal_lahir", born)
    form.row(
        g,
        translate("IntakeSections", "Place, date of birth"),
        [("tempat_lahir", place, ""), ("tanggal_lahir", born, "")],
    )
    sex = choice_combo(_choices("jenis_kelamin", with_code=True))
    education = choice_combo(_choices("pendidikan"))
    b("jenis_kelamin", sex)
    b("pendidikan", education)
    form.row(g, lab["jenis_kelamin"], [("jenis_kelamin", sex, "")])
    form.row(g, lab["pendidikan"], [("pendidikan", education, "")])

    g = _group(form, translate("IntakeSections", "Address and contact"))
    address = text_edit(translate("IntakeSections", "street, RT/RW, village"), 300)
    b("alamat", address)
    form.row(g, lab["alamat"], [("alamat", address, "")])
    region = RegionPicker()
    b("kode_wilayah", region)
    form.row(g, lab["kode_wilayah"], [("kode_wilayah", region, "")])
    domicile = text_edit(translate("IntakeSections", "leave empty when the same as the KTP"), 300)
    b("alamat_domisili", domicile)
    form.row(g, lab["alamat_domisili"], [("alamat_domisili", domicile, "")])
    phone = digits_edit(translate("IntakeSections", "e.g. 0812 3456 7890"), 20)
    whatsapp = QCheckBox(translate("IntakeSections", "Uses WhatsApp"))
    b("telepon", phone)
    b("whatsapp", whatsapp)
    form.row(g, lab["telepon"], [("telepon", phone, ""), ("whatsapp", whatsapp, "")])
    email = text_edit("", 200)
    b("email", email)
    form.row(g, lab["email"], [("email", email, "")])

    g = _group(form, translate("IntakeSections", "Work and PHK"))
    employer, npp = text_edit("", 200), digits_edit("", 20)
    npp.setMaximumWidth(160)
    b("perusahaan_terakhir", employer)
    b("npp", npp)
    form.row(
        g,
        lab["perusahaan_terakhir"],
        [("perusahaan_terakhir", employer, ""), ("npp", npp, translate("IntakeSections", "NPP"))],
    )
    job = text_edit("", 120)
    b("jabatan", job)
    form.row(g, lab["jabatan"], [("jabatan", job, "")])
    contract = choice_combo(_choices("jenis_kontrak"))
    contract.setMaximumWidth(160)
    contract_end = date_edit()
    b("jenis_kontrak", contract)
    b("akhir_kontrak", contract_end)
    form.row(
        g,
        translate("IntakeSections", "Contract (PKWT: fixed term)"),
        [
            ("jenis_kontrak", contract, ""),
            ("akhir_kontrak", contract_end, lab["akhir_kontrak"]),
        ],
    )
    start, phk = date_edit(), date_edit()
    b("mulai_kerja", start)
    b("tanggal_phk", phk)
    form.row(
        g,
        translate("IntakeSections", "Work start, PHK date"),
        [
            ("mulai_kerja", start, lab["mulai_kerja"]),
            ("tanggal_phk", phk, lab["tanggal_phk"]),
        ],
    )
    reason = choice_combo(_choices("alasan_phk"))
    b("alasan_phk", reason)
    form.row(g, lab["alasan_phk"], [("alasan_phk", reason, "")])
    wage = digits_edit(translate("IntakeSections", "rupiah per month, e.g. 5.200.000"), 20)
    b("upah_terakhir", wage)
    form.row(g, lab["upah_terakhir"], [("upah_terakhir", wage, "")])

    g = _group(form, translate("IntakeSections", "BPJAMSOSTEK membership"))
    g.addRow(
        note(
            translate(
                "IntakeSections",
                "From the member's card or the JHT letter. Leave empty what is not known: "
                "the eligibility rule then stays not yet certain.",
            )
        )
    )
    kpj = digits_edit(translate("IntakeSections", "11 digits"), 20)
    b("kpj", kpj)
    form.row(g, lab["kpj"], [("kpj", kpj, "")])
    months, recent = _months_edit(3), _months_edit(2)
    b("lama_kepesertaan", months)
    b("iuran_24_bulan", recent)
    form.row(g, lab["lama_kepesertaan"], [("lama_kepesertaan", months, "")])
    form.row(g, lab["iuran_24_bulan"], [("iuran_24_bulan", recent, "")])
    active = choice_combo(_yes_no())
    active.setMaximumWidth(160)
    b("masih_peserta_aktif", active)
    form.row(g, lab["masih_peserta_aktif"], [("masih_peserta_aktif", active, "")])
    jht = choice_combo(
        [
            (translate("IntakeSections", "Not yet"), "T"),
            (translate("IntakeSections", "Already claimed"), "Y"),
        ]
    )
    jht.setMaximumWidth(200)
    jht_on = date_edit()
    b("jht_diklaim", jht)
    b("tanggal_klaim_jht", jht_on)
    form.row(
        g,
        translate("IntakeSections", "JHT claimed, when"),
        [("jht_diklaim", jht, ""), ("tanggal_klaim_jht", jht_on, "")],
    )
    before = choice_combo(_yes_no())
    before.setMaximumWidth(160)
    b("pernah_ikut_program", before)
    form.row(g, lab["pernah_ikut_program"], [("pernah_ikut_program", before, "")])

    g = _group(form, translate("IntakeSections", "Bank account"))
    bank = QComboBox()
    bank.setEditable(True)
    bank.addItems(["", *BANKS])
    bank.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    b("bank", bank)
    form.row(g, lab["bank"], [("bank", bank, "")])
    account, holder = digits_edit("", 34), text_edit("", 150)
    b("nomor_rekening", account)
    b("nama_pemilik_rekening", holder)
    form.row(g, lab["nomor_rekening"], [("nomor_rekening", account, "")])
    form.row(
        g,
        lab["nama_pemilik_rekening"],
        [
            (
                "nama_pemilik_rekening",
                holder,
                translate("IntakeSections", "must be the participant; a different name is warned"),
            )
        ],
    )

    g = _group(form, translate("IntakeSections", "Training"))
    first, second = module_combo(modules or []), module_combo(modules or [])
    b("pilihan_pelatihan_1", first)
    b("pilihan_pelatihan_2", second)
    form.row(g, lab["pilihan_pelatihan_1"], [("pilihan_pelatihan_1", first, "")])
    form.row(g, lab["pilihan_pelatihan_2"], [("pilihan_pelatihan_2", second, "")])

    g = _group(form, translate("IntakeSections", "Documents"))
    documents = DocumentPicker()
    g.addRow(
        note(
            translate(
                "IntakeSections",
                "Scans (KTP, PHK letter, KPJ card…) are copied into the program's data "
                "folder with their SHA-256 fingerprint when the form is saved.",
            )
        )
    )
    g.addRow(documents)
    for widget in documents.focusables():
        form.add_focus(widget)

    g = _group(form, translate("IntakeSections", "Personal-data consent"))
    consent_box = g.parentWidget()
    assert isinstance(consent_box, QGroupBox)
    notice = QLabel(
        translate(
            "IntakeSections",
            "Read to the participant: BPJAMSOSTEK processes your identity, contact, work "
            "and bank data to register you for vocational training, pay stipends and follow "
            "up on your employment (UU 27/2022). Your data is kept safe, shown only to "
            "officers who need it, and you may ask to see, correct or erase it.",
        )
    )
    notice.setWordWrap(True)
    g.addRow(notice)
    g.addRow(
        note(translate("IntakeSections", "Notice version {version}").format(version=notice_version))
    )
    consent = QCheckBox(
        translate("IntakeSections", "The participant has heard the notice and agrees")
    )
    b("persetujuan", consent)
    form.row(g, "", [("persetujuan", consent, "")])
    form.finish()
    return documents, consent_box
