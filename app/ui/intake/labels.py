"""Names of the intake fields on screen, and the record's values turned back into form text.

The form's field names are the canonical import columns (app.domain.intake); the stored
record uses English attribute names (app.services.participants.MODEL_FIELDS). Both map to
one translated label here, used by the form, the detail view, the history and the import.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

# stored attribute -> form field
MODEL_TO_FORM = {
    "nik": "nik",
    "full_name": "nama",
    "birth_place": "tempat_lahir",
    "birth_date": "tanggal_lahir",
    "sex": "jenis_kelamin",
    "ktp_address": "alamat",
    "region_code": "kode_wilayah",
    "domicile_address": "alamat_domisili",
    "phone": "telepon",
    "whatsapp": "whatsapp",
    "email": "email",
    "education": "pendidikan",
    "kpj": "kpj",
    "last_employer": "perusahaan_terakhir",
    "npp": "npp",
    "job_title": "jabatan",
    "contract_type": "jenis_kontrak",
    "contract_end": "akhir_kontrak",
    "work_start": "mulai_kerja",
    "phk_date": "tanggal_phk",
    "phk_reason": "alasan_phk",
    "last_wage": "upah_terakhir",
    "jht_claimed": "jht_diklaim",
    "jht_claimed_on": "tanggal_klaim_jht",
    "training_choice_1": "pilihan_pelatihan_1",
    "training_choice_2": "pilihan_pelatihan_2",
    "bank_name": "bank",
    "bank_account": "nomor_rekening",
    "bank_account_holder": "nama_pemilik_rekening",
}


def field_labels() -> dict[str, str]:
    """Form field -> its label in the current language."""

    return {
        "nik": translate("IntakeLabels", "NIK"),
        "nama": translate("IntakeLabels", "Name as on the KTP"),
        "tempat_lahir": translate("IntakeLabels", "Place of birth"),
        "tanggal_lahir": translate("IntakeLabels", "Date of birth"),
        "jenis_kelamin": translate("IntakeLabels", "Sex"),
        "pendidikan": translate("IntakeLabels", "Education"),
        "alamat": translate("IntakeLabels", "KTP address"),
        "kode_wilayah": translate("IntakeLabels", "Region"),
        "alamat_domisili": translate("IntakeLabels", "Domicile address"),
        "telepon": translate("IntakeLabels", "Phone"),
        "whatsapp": translate("IntakeLabels", "WhatsApp"),
        "email": translate("IntakeLabels", "Email"),
        "kpj": translate("IntakeLabels", "KPJ (membership number)"),
        "perusahaan_terakhir": translate("IntakeLabels", "Last employer"),
        "npp": translate("IntakeLabels", "Employer NPP"),
        "jabatan": translate("IntakeLabels", "Job title"),
        "jenis_kontrak": translate("IntakeLabels", "Contract type"),
        "akhir_kontrak": translate("IntakeLabels", "Contract end"),
        "mulai_kerja": translate("IntakeLabels", "Work start date"),
        "tanggal_phk": translate("IntakeLabels", "PHK date"),
        "alasan_phk": translate("IntakeLabels", "PHK reason"),
        "upah_terakhir": translate("IntakeLabels", "Last reported wage"),
        "jht_diklaim": translate("IntakeLabels", "JHT already claimed"),
        "tanggal_klaim_jht": translate("IntakeLabels", "JHT claim date"),
        "pilihan_pelatihan_1": translate("IntakeLabels", "Training choice 1"),
        "pilihan_pelatihan_2": translate("IntakeLabels", "Training choice 2"),
        "bank": translate("IntakeLabels", "Bank"),
        "nomor_rekening": translate("IntakeLabels", "Account number"),
        "nama_pemilik_rekening": translate("IntakeLabels", "Account holder"),
        "persetujuan": translate("IntakeLabels", "Personal-data consent"),
        "status": translate("IntakeLabels", "Status"),
    }


def label_of_model_field(name: str) -> str:
    labels = field_labels()
    return labels.get(MODEL_TO_FORM.get(name, name), name)
