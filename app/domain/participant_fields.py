"""Every field of a participant record, declared once: its stored attribute, its form, import
and export key, its label in both languages and how its value reads.

The form, the detail page, the import (its column names and its report), the export and the
CLI all name a participant's fields. Each used to keep its own list; they drifted (a warning
named `birth_date` where the form says "Tanggal lahir", an export wrote the code
`efficiency` that no clerk reads). This table is the one place: add a field here and every
one of them knows its name and label. Qt-free, so the CLI and the PDFs use it too; the
window renders the same `Text` labels.

The key is the canonical Indonesian column name of an import file (`tanggal_lahir`), which is
also the name of the form's input, so a finding lands next to its input and in the `field`
column of an import report. The attribute is the model column (`birth_date`), None where the
value is kept elsewhere (consent has a table of its own).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from app.domain.eligibility import PHK_REASON_LABELS
from app.texts import Text


class Kind(StrEnum):
    """How a value is kept and read (app.formats renders each kind)."""

    TEXT = "text"
    DATE = "date"  # 17/08/1990
    DATETIME = "datetime"  # a stored UTC moment, read in local time
    MONEY = "money"  # whole rupiah: Rp5.200.000
    MONTHS = "months"  # a count of months: 60
    PHONE = "phone"  # stored E.164, read 0812-3456-7890
    YES_NO = "yes_no"  # True / False / None (unknown)
    CHOICE = "choice"  # a code, read by its label (status "registered" -> "Terdaftar")
    REGION = "region"  # a Kemendagri code, 31.71.01


def _codes(*codes: str) -> Mapping[str, Text]:
    """Codes that already read as people say them (SMA, PKWT): the label is the code."""
    return MappingProxyType({code: Text(code, code) for code in codes})


SEX_LABELS: Mapping[str, Text] = MappingProxyType(
    {"L": Text("Laki-laki", "Male"), "P": Text("Perempuan", "Female")}
)
STATUS_LABELS: Mapping[str, Text] = MappingProxyType(
    {
        "registered": Text("Terdaftar", "Registered"),
        "verified": Text("Terverifikasi", "Verified"),
        "ineligible": Text("Tidak memenuhi syarat", "Not eligible"),
        "in_training": Text("Mengikuti pelatihan", "In training"),
        "completed": Text("Selesai pelatihan", "Training completed"),
        "employed": Text("Sudah bekerja", "Employed"),
        "withdrawn": Text("Mengundurkan diri", "Withdrawn"),
        "erased": Text("Data dihapus", "Data erased"),
        "merged": Text("Digabung (data ganda)", "Merged (duplicate)"),
    }
)
EDUCATION = ("SD", "SMP", "SMA", "SMK", "D1", "D2", "D3", "D4", "S1", "S2", "S3")
EDUCATION_LABELS = _codes(*EDUCATION)
CONTRACT_LABELS = _codes("PKWT", "PKWTT")
PHK_REASONS: Mapping[str, Text] = MappingProxyType(
    {reason.value: label for reason, label in PHK_REASON_LABELS.items()}
)
YES = Text("Ya", "Yes")
NO = Text("Tidak", "No")
DEFAULT_MAX_CHARS = 100


@dataclass(frozen=True)
class Field:
    """One field of a record type. `typed`: the form has an input for it and an import reads
    it; a record-only field (status, office, registration time) is shown and exported only.
    `aliases`: other column headings an import recognises (already normalised: lower case,
    `_` between words). `max_chars`: the longest text the input takes (as the database
    column holds); any other input is a code, number or date, for which 100 is plenty."""

    key: str
    attribute: str | None
    label: Text
    kind: Kind = Kind.TEXT
    choices: Mapping[str, Text] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    required: bool = False
    max_chars: int = DEFAULT_MAX_CHARS
    typed: bool = True
    sensitive: bool = False  # masked in lists and exports unless a supervisor asks

    def choice_label(self, code: str) -> Text | None:
        return self.choices.get(code)


F = Field
# In the order of the import and export columns. The first twenty are the canonical columns
# of issue #3, in the order offices already use; later fields follow, then what only the
# record holds.
PARTICIPANT_FIELDS: tuple[Field, ...] = (
    F("nik", "nik", Text("NIK", "NIK"), required=True, sensitive=True,
      aliases=("no_nik", "nomor_nik", "no_ktp", "nomor_ktp")),
    F("nama", "full_name", Text("Nama sesuai KTP", "Name as on the KTP"), required=True,
      max_chars=150, aliases=("nama_lengkap", "nama_sesuai_ktp", "nama_peserta")),
    F("tempat_lahir", "birth_place", Text("Tempat lahir", "Place of birth"),
      aliases=("tmp_lahir",)),
    F("tanggal_lahir", "birth_date", Text("Tanggal lahir", "Date of birth"), Kind.DATE,
      required=True, aliases=("tgl_lahir",)),
    F("jenis_kelamin", "sex", Text("Jenis kelamin", "Sex"), Kind.CHOICE, SEX_LABELS,
      required=True, aliases=("jk", "l_p", "sex")),
    F("telepon", "phone", Text("Telepon", "Phone"), Kind.PHONE,
      aliases=("no_hp", "hp", "no_telepon", "nomor_hp", "no_wa", "nomor_telepon")),
    F("email", "email", Text("Email", "Email"), max_chars=200, aliases=("e_mail",)),
    F("kpj", "kpj", Text("KPJ (nomor kepesertaan)", "KPJ (membership number)"),
      aliases=("no_kpj", "nomor_kpj")),
    F("alamat", "ktp_address", Text("Alamat KTP", "KTP address"), max_chars=300,
      aliases=("alamat_ktp",)),
    F("kode_wilayah", "region_code", Text("Wilayah (KTP)", "Region (KTP)"), Kind.REGION,
      aliases=("kode_kecamatan", "kode_kabupaten")),
    F("pendidikan", "education", Text("Pendidikan terakhir", "Last education"), Kind.CHOICE,
      EDUCATION_LABELS, aliases=("pendidikan_terakhir",)),
    F("perusahaan_terakhir", "last_employer", Text("Perusahaan terakhir", "Last employer"),
      max_chars=200, aliases=("perusahaan", "nama_perusahaan")),
    F("npp", "npp", Text("NPP perusahaan", "Employer NPP"), aliases=("npp_perusahaan",)),
    F("tanggal_phk", "phk_date", Text("Tanggal PHK", "PHK date"), Kind.DATE,
      aliases=("tgl_phk",)),
    F("alasan_phk", "phk_reason", Text("Alasan PHK", "PHK reason"), Kind.CHOICE, PHK_REASONS),
    F("upah_terakhir", "last_wage", Text("Upah terakhir dilaporkan", "Last reported wage"),
      Kind.MONEY, aliases=("upah", "gaji_terakhir")),
    F("bank", "bank_name", Text("Bank", "Bank"), max_chars=60, aliases=("nama_bank",)),
    F("nomor_rekening", "bank_account", Text("Nomor rekening", "Account number"),
      sensitive=True, aliases=("no_rekening", "rekening")),
    F("nama_pemilik_rekening", "bank_account_holder",
      Text("Nama pemilik rekening", "Account holder"), max_chars=150,
      aliases=("pemilik_rekening",)),
    F("persetujuan", None, Text("Persetujuan data pribadi", "Personal-data consent"),
      Kind.YES_NO, aliases=("consent",)),
    F("alamat_domisili", "domicile_address", Text("Alamat domisili", "Domicile address"),
      max_chars=300),
    F("whatsapp", "whatsapp", Text("WhatsApp", "WhatsApp"), Kind.YES_NO),
    F("jabatan", "job_title", Text("Jabatan", "Job title"), max_chars=120),
    F("jenis_kontrak", "contract_type", Text("Jenis kontrak", "Contract type"), Kind.CHOICE,
      CONTRACT_LABELS),
    F("akhir_kontrak", "contract_end", Text("Akhir kontrak", "Contract end"), Kind.DATE),
    F("mulai_kerja", "work_start", Text("Mulai bekerja", "Work start date"), Kind.DATE),
    F("jht_diklaim", "jht_claimed", Text("JHT sudah dicairkan", "JHT already claimed"),
      Kind.YES_NO),
    F("tanggal_klaim_jht", "jht_claimed_on", Text("Tanggal pencairan JHT", "JHT claim date"),
      Kind.DATE),
    F("lama_kepesertaan", "membership_months",
      Text("Lama kepesertaan (bulan)", "Membership (months)"), Kind.MONTHS,
      aliases=("lama_kepesertaan_bulan", "masa_kepesertaan", "bulan_kepesertaan")),
    F("iuran_24_bulan", "contribution_months_last_24",
      Text("Bulan iuran dalam 24 bulan terakhir", "Months paid in the last 24"), Kind.MONTHS,
      aliases=("iuran_24_bulan_terakhir", "bulan_iuran_24_bulan")),
    F("masih_peserta_aktif", "still_active_member",
      Text("Masih peserta aktif", "Still an active member"), Kind.YES_NO,
      aliases=("peserta_aktif", "masih_aktif")),
    F("pernah_ikut_program", "previous_participation",
      Text("Pernah ikut program vokasi", "Joined the programme before"), Kind.YES_NO,
      aliases=("pernah_ikut", "pernah_ikut_vokasi")),
    F("pilihan_pelatihan_1", "training_choice_1",
      Text("Pilihan pelatihan 1", "Training choice 1"), max_chars=150),
    F("pilihan_pelatihan_2", "training_choice_2",
      Text("Pilihan pelatihan 2", "Training choice 2"), max_chars=150),
    F("status", "status", Text("Status", "Status"), Kind.CHOICE, STATUS_LABELS, typed=False),
    F("kantor", "office_code", Text("Kantor", "Office"), typed=False),
    F("didaftarkan", "registered_at", Text("Didaftarkan", "Registered"), Kind.DATETIME,
      typed=False),
)  # fmt: skip

BY_KEY: Mapping[str, Field] = MappingProxyType({f.key: f for f in PARTICIPANT_FIELDS})
BY_ATTRIBUTE: Mapping[str, Field] = MappingProxyType(
    {f.attribute: f for f in PARTICIPANT_FIELDS if f.attribute}
)
TYPED: tuple[Field, ...] = tuple(f for f in PARTICIPANT_FIELDS if f.typed)
TYPED_KEYS: tuple[str, ...] = tuple(f.key for f in TYPED)
REQUIRED_KEYS: tuple[str, ...] = tuple(f.key for f in TYPED if f.required)
# What a form or an import row sets on the record (consent goes to its own table).
STORED_ATTRIBUTES: tuple[str, ...] = tuple(f.attribute for f in TYPED if f.attribute)


def field_of(name: str) -> Field | None:
    """The field a name means, whether the form key (`tanggal_lahir`) or the stored
    attribute (`birth_date`): sync reports and audit history name attributes."""
    return BY_KEY.get(name) or BY_ATTRIBUTE.get(name)


def key_of(name: str) -> str:
    """The form and import key of a field named either way; an unknown name as it is."""
    found = field_of(name)
    return found.key if found else name


def label_of(name: str, lang: str | None = None) -> str:
    """The label of a field named either way, in `lang` (default: the current language);
    an unknown name as it is."""
    found = field_of(name)
    return found.label.render(lang) if found else name


def choice_code(fld: Field, text: str) -> str | None:
    """The code a typed or exported text means: the code itself or its label in either
    language, ignoring case and spaces at the ends (None when it is none of them)."""
    wanted = " ".join(text.split()).lower()
    for code, label in fld.choices.items():
        if wanted in (code.lower(), label.id.lower(), label.en.lower()):
            return code
    return None
