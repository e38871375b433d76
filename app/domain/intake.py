"""Checking one intake record, from the form or from one row of an import file.

Input keys are the keys of app.domain.participant_fields (the canonical import column names
of issue #3), which are also the names of the form's inputs, so every finding names a key
and lands next to its input. Required: nik, nama, tanggal_lahir, jenis_kelamin. Any other
value may be blank, but a value that is present must be valid. Clean values are keyed by
the stored attributes of the same table.
The result holds clean values (typed, normalised) and every finding: errors block saving,
warnings must be confirmed (in the form) or are reported (in an import).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from app.domain.eligibility import PhkReason
from app.domain.findings import Finding, error, has_errors, warning
from app.domain.membership import check_kpj, check_npp
from app.domain.names import name_key, similar_names
from app.domain.nik import check_nik
from app.domain.parsing import (
    ParseError,
    parse_date,
    parse_months,
    parse_rupiah,
    parse_sex,
    parse_yes_no,
)
from app.domain.participant_fields import (
    BY_KEY,
    EDUCATION,
    REQUIRED_KEYS,
    TYPED,
    TYPED_KEYS,
    choice_code,
)
from app.domain.phone import normalize_phone
from app.domain.regions import RegionIndex, dotted_code
from app.domain.safe_text import char_code, first_control_char, looks_like_formula
from app.texts import Text

REQUIRED_FIELDS = REQUIRED_KEYS
# Longest text each input may hold (app.domain.participant_fields, as the form's inputs allow
# and the database columns hold). A longer cell in an import file is a row error, not a
# crash and not a 30,000-character message.
MAX_CHARS = {f.key: f.max_chars for f in TYPED}
MOST_MONTHS = 600  # fifty years of membership; more is a typing slip
# A NIK's date and sex are compared with what the form says; their findings name the form's
# inputs, so they sit next to them and the save dialog names them by their labels.
_NIK_FINDING_FIELDS = {"birth_date": "tanggal_lahir", "sex": "jenis_kelamin"}

REQUIRED = Text("Wajib diisi.", "Required.")
BAD_DATE = Text(
    "Tanggal tidak valid: {raw}. Tulis HH/BB/TTTT, mis. 17/08/1990 atau 17081990.",
    "Invalid date: {raw}. Write DD/MM/YYYY, e.g. 17/08/1990 or 17081990.",
)
FUTURE = Text("Tanggal tidak boleh di masa depan.", "The date cannot be in the future.")
BAD_SEX = Text("Isi L (laki-laki) atau P (perempuan).", "Enter L (male) or P (female).")
BAD_EMAIL = Text("Alamat email tidak valid.", "Invalid email address.")
BAD_MONEY = Text(
    "Jumlah rupiah tidak valid: {raw}. Tulis angka bulat, mis. 1.500.000.",
    "Invalid rupiah amount: {raw}. Write a whole number, e.g. 1.500.000.",
)
BAD_YES_NO = Text("Isi Y (ya) atau T (tidak).", "Enter Y (yes) or N (no).")
BAD_REGION = Text(
    "Kode wilayah {code} tidak ada dalam daftar Kemendagri.",
    "Region code {code} is not in the Kemendagri list.",
)
BAD_EDUCATION = Text(
    "Pendidikan tidak dikenal. Pilih: {choices}.", "Unknown education. Choose: {choices}."
)
BAD_PHK_REASON = Text("Alasan PHK tidak dikenal: {raw}.", "Unknown PHK reason: {raw}.")
BAD_CONTRACT = Text("Isi PKWT atau PKWTT.", "Enter PKWT or PKWTT.")
BAD_ACCOUNT = Text(
    "Nomor rekening hanya berisi angka (5–20 angka).",
    "The account number holds digits only (5–20 digits).",
)
HOLDER_DIFFERS = Text(
    "Nama pemilik rekening berbeda dengan nama di KTP. Pastikan rekening milik peserta.",
    "The account holder differs from the KTP name. Make sure the account is the participant's.",
)
PHK_BEFORE_START = Text(
    "Tanggal PHK sebelum tanggal mulai kerja.", "The PHK date is before the work start date."
)
BORN_AFTER_PHK = Text("Tanggal lahir setelah tanggal PHK.", "The birth date is after the PHK date.")
TOO_YOUNG = Text(
    "Usia {age} tahun: terlalu muda untuk pekerja. Periksa tanggal lahir.",
    "Age {age}: too young for a worker. Check the birth date.",
)
NO_CONSENT = Text(
    "Persetujuan pemrosesan data pribadi belum dicatat.",
    "Consent to personal-data processing is not recorded.",
)
BAD_MONTHS = Text(
    "Isi jumlah bulan dengan angka bulat 0–{most}.",
    "Enter the number of months as a whole number 0–{most}.",
)
MORE_PAID_THAN_MEMBER = Text(
    "Bulan iuran dalam 24 bulan terakhir ({recent}) lebih banyak dari lama kepesertaan "
    "({months}). Periksa kartu peserta atau surat JHT.",
    "Months paid in the last 24 ({recent}) exceed the months of membership ({months}). "
    "Check the membership card or the JHT letter.",
)
NAME_TOO_SHORT = Text("Nama minimal 2 huruf.", "The name needs at least 2 letters.")
LOOKS_LIKE_FORMULA = Text(
    "Nilai ini tampak seperti rumus Excel (diawali {start}); rumus bisa berjalan saat data "
    "dibuka di Excel. Hapus tanda {start} di awal nilai.",
    "This value looks like an Excel formula (it starts with {start}); a formula can run when "
    "the data is opened in Excel. Remove the leading {start}.",
)
CONTROL_CHAR = Text(
    "Berisi karakter tak terlihat ({code}) pada huruf ke-{position}. Ketik ulang nilai ini.",
    "Contains an invisible character ({code}) at character {position}. Type the value again.",
)
TOO_LONG = Text(
    "Terlalu panjang: {length} karakter, paling banyak {limit}.",
    "Too long: {length} characters, at most {limit}.",
)


@dataclass
class IntakeResult:
    values: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.findings)


def _text(raw: dict[str, Any], key: str) -> str:
    value = raw.get(key)
    if value is None:
        return ""
    return " ".join(str(value).split())


def _unsafe_text(raw: dict[str, Any]) -> list[Finding]:
    """Control characters, formula-looking and overlong values, one finding per input
    (see app.domain.safe_text for why). Checked on the text as given, before spaces are
    folded, since folding would hide some control characters."""
    found: list[Finding] = []
    for key in TYPED_KEYS:
        value = raw.get(key)
        if not isinstance(value, str):
            continue
        control = first_control_char(value)
        limit = MAX_CHARS[key]
        if control is not None:
            found.append(error(key, CONTROL_CHAR, code=char_code(control[1]), position=control[0]))
        elif looks_like_formula(value):
            found.append(error(key, LOOKS_LIKE_FORMULA, start=value.lstrip()[0]))
        elif len(_text(raw, key)) > limit:
            found.append(error(key, TOO_LONG, length=len(_text(raw, key)), limit=limit))
    return found


def _date(raw: dict[str, Any], key: str, res: IntakeResult, today: date) -> date | None:
    value = raw.get(key)
    try:
        parsed = parse_date(value if not isinstance(value, str) else value.strip())
    except ParseError:
        res.findings.append(error(key, BAD_DATE, raw=str(value).strip()))
        return None
    if parsed is not None and parsed > today:
        res.findings.append(error(key, FUTURE))
    return parsed


def _phk_reason(text: str) -> PhkReason | None:
    """A code, a label in either language (what our export writes), or a word of one."""
    code = choice_code(BY_KEY["alasan_phk"], text)
    if code is not None:
        return PhkReason(code)
    value = text.strip().lower()
    words = {
        "efisiensi": PhkReason.EFFICIENCY,
        "pengunduran": PhkReason.RESIGNATION,
        "resign": PhkReason.RESIGNATION,
        "mengundurkan": PhkReason.RESIGNATION,
        "pensiun": PhkReason.RETIREMENT,
        "meninggal": PhkReason.DEATH,
        "cacat": PhkReason.PERMANENT_DISABILITY,
        "tutup": PhkReason.COMPANY_CLOSED,
        "pailit": PhkReason.BANKRUPTCY,
        "kontrak": PhkReason.CONTRACT_ENDED,
    }
    for word, reason in words.items():
        if word in value:
            return reason
    return None


def _yes_no(raw: dict[str, Any], key: str, res: IntakeResult) -> bool | None:
    try:
        return parse_yes_no(_text(raw, key) or None)
    except ParseError:
        res.findings.append(error(key, BAD_YES_NO))
        return None


def _months(raw: dict[str, Any], key: str, most: int, res: IntakeResult) -> int | None:
    value = raw.get(key)
    try:
        return parse_months(value if not isinstance(value, str) else value.strip() or None, most)
    except ParseError:
        res.findings.append(error(key, BAD_MONTHS, most=most))
        return None


def _membership(raw: dict[str, Any], res: IntakeResult) -> None:
    """The membership facts the eligibility rules ask (from the member's card or the JHT
    letter); each blank one stays unknown."""
    v = res.values
    v["membership_months"] = _months(raw, "lama_kepesertaan", MOST_MONTHS, res)
    v["contribution_months_last_24"] = _months(raw, "iuran_24_bulan", 24, res)
    months, recent = v["membership_months"], v["contribution_months_last_24"]
    if months is not None and recent is not None and recent > months:
        res.findings.append(
            warning("iuran_24_bulan", MORE_PAID_THAN_MEMBER, recent=recent, months=months)
        )
    v["still_active_member"] = _yes_no(raw, "masih_peserta_aktif", res)
    v["previous_participation"] = _yes_no(raw, "pernah_ikut_program", res)


def check_intake(raw: dict[str, Any], today: date, regions: RegionIndex) -> IntakeResult:
    """Validate and normalise one intake record; see the module docstring."""
    res = IntakeResult()
    v = res.values
    for key in REQUIRED_FIELDS:
        if not _text(raw, key):
            res.findings.append(error(key, REQUIRED))

    v["full_name"] = _text(raw, "nama")
    if v["full_name"] and len(name_key(v["full_name"]).replace(" ", "")) < 2:
        res.findings.append(error("nama", NAME_TOO_SHORT))
    v["name_key"] = name_key(v["full_name"])
    v["birth_place"] = _text(raw, "tempat_lahir") or None
    v["birth_date"] = _date(raw, "tanggal_lahir", res, today)
    sex_text = _text(raw, "jenis_kelamin")
    try:
        v["sex"] = choice_code(BY_KEY["jenis_kelamin"], sex_text) or parse_sex(sex_text)
    except ParseError:
        v["sex"] = None
        res.findings.append(error("jenis_kelamin", BAD_SEX))

    nik_raw = raw.get("nik")
    if _text(raw, "nik"):
        info, nik_findings = check_nik(
            str(nik_raw), today, regions, form_birth_date=v["birth_date"], form_sex=v["sex"]
        )
        res.findings += [
            replace(f, field=_NIK_FINDING_FIELDS.get(f.field, f.field)) for f in nik_findings
        ]
        v["nik"] = info.nik if info else None
    else:
        v["nik"] = None
    # Known valid, known invalid, or not typed yet (unknown: an empty form is not "ineligible")
    v["nik_valid"] = (v["nik"] is not None) if _text(raw, "nik") else None

    if v["birth_date"] is not None and v["birth_date"] <= today:
        age = (
            today.year
            - v["birth_date"].year
            - ((today.month, today.day) < (v["birth_date"].month, v["birth_date"].day))
        )
        if age < 15:
            res.findings.append(warning("tanggal_lahir", TOO_YOUNG, age=age))

    v["phone"], found = normalize_phone(_text(raw, "telepon"), "telepon")
    res.findings += found
    try:
        v["whatsapp"] = bool(parse_yes_no(_text(raw, "whatsapp") or None))
    except ParseError:
        v["whatsapp"] = False
        res.findings.append(error("whatsapp", BAD_YES_NO))
    email = _text(raw, "email")
    if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", email):
        res.findings.append(error("email", BAD_EMAIL))
    v["email"] = email.lower() or None

    v["kpj"], found = check_kpj(_text(raw, "kpj"), "kpj")
    res.findings += found
    v["npp"], found = check_npp(_text(raw, "npp"), "npp")
    res.findings += found

    v["ktp_address"] = _text(raw, "alamat") or None
    v["domicile_address"] = _text(raw, "alamat_domisili") or None
    code = _text(raw, "kode_wilayah")
    v["region_code"] = None
    if code:
        dotted = dotted_code(code)
        if regions.get(dotted) is None or len(dotted) < 5:
            res.findings.append(error("kode_wilayah", BAD_REGION, code=code))
        else:
            v["region_code"] = dotted

    education = _text(raw, "pendidikan").upper().replace("SLTA", "SMA").replace("SLTP", "SMP")
    education = choice_code(BY_KEY["pendidikan"], education) or education
    if education and education not in EDUCATION:
        res.findings.append(error("pendidikan", BAD_EDUCATION, choices=", ".join(EDUCATION)))
    v["education"] = education if education in EDUCATION else None

    v["last_employer"] = _text(raw, "perusahaan_terakhir") or None
    v["job_title"] = _text(raw, "jabatan") or None
    contract = _text(raw, "jenis_kontrak").upper()
    if contract and contract not in ("PKWT", "PKWTT"):
        res.findings.append(error("jenis_kontrak", BAD_CONTRACT))
    v["contract_type"] = contract if contract in ("PKWT", "PKWTT") else None
    v["contract_end"] = _date(raw, "akhir_kontrak", res, date.max)
    v["work_start"] = _date(raw, "mulai_kerja", res, today)
    v["phk_date"] = _date(raw, "tanggal_phk", res, today)
    reason_text = _text(raw, "alasan_phk")
    v["phk_reason"] = None
    if reason_text:
        reason = _phk_reason(reason_text)
        if reason is None:
            res.findings.append(error("alasan_phk", BAD_PHK_REASON, raw=reason_text))
        else:
            v["phk_reason"] = reason.value
    if v["phk_date"] and v["work_start"] and v["phk_date"] < v["work_start"]:
        res.findings.append(error("tanggal_phk", PHK_BEFORE_START))
    if v["phk_date"] and v["birth_date"] and v["phk_date"] < v["birth_date"]:
        res.findings.append(error("tanggal_phk", BORN_AFTER_PHK))

    try:
        v["last_wage"] = parse_rupiah(
            raw.get("upah_terakhir")
            if not isinstance(raw.get("upah_terakhir"), str)
            else raw["upah_terakhir"].strip() or None
        )
    except ParseError:
        v["last_wage"] = None
        res.findings.append(error("upah_terakhir", BAD_MONEY, raw=_text(raw, "upah_terakhir")))
    v["jht_claimed"] = _yes_no(raw, "jht_diklaim", res)
    _membership(raw, res)
    v["jht_claimed_on"] = _date(raw, "tanggal_klaim_jht", res, today)
    v["training_choice_1"] = _text(raw, "pilihan_pelatihan_1") or None
    v["training_choice_2"] = _text(raw, "pilihan_pelatihan_2") or None

    v["bank_name"] = _text(raw, "bank").upper() or None
    account = re.sub(r"[\s.\-]", "", _text(raw, "nomor_rekening"))
    if account and not re.fullmatch(r"\d{5,20}", account):
        res.findings.append(error("nomor_rekening", BAD_ACCOUNT))
    v["bank_account"] = account or None
    holder = _text(raw, "nama_pemilik_rekening")
    v["bank_account_holder"] = holder or None
    if holder and v["full_name"] and not similar_names(holder, v["full_name"]):
        res.findings.append(warning("nama_pemilik_rekening", HOLDER_DIFFERS))

    try:
        v["consent"] = bool(parse_yes_no(_text(raw, "persetujuan") or None))
    except ParseError:
        v["consent"] = False
        res.findings.append(error("persetujuan", BAD_YES_NO))
    if not v["consent"]:
        res.findings.append(warning("persetujuan", NO_CONSENT))
    unsafe = _unsafe_text(raw)
    if unsafe:  # what else a rule says about such a value would only add noise
        fields = {f.field for f in unsafe}
        res.findings = unsafe + [f for f in res.findings if f.field not in fields]
    return res
