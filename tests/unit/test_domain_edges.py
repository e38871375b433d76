"""What a clerk sees of the intake check, value by value and finding by finding: the clean
values of a complete form, each finding's input, wording and parameters, and each rule at its
boundary on both sides (written against the survivors of the mutation run,
scripts/mutation.sh). The eligibility rules are in test_domain_edges_eligibility.py, the
parsers and the small domain rules in test_domain_edges_parsers.py."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from app.domain import intake, membership, nik, phone
from app.domain.findings import Finding, Severity
from app.domain.intake import IntakeResult, check_intake
from app.resources import regions
from app.texts import Text

TODAY = date(2026, 11, 28)
E, W = Severity.ERROR, Severity.WARNING

# Every input of the form filled in, each typed the way clerks type it (spaces, lower case,
# a label instead of a code), by a woman whose NIK matches her birth date and sex.
FULL: dict[str, Any] = {
    "nik": " 3171015708900001 ",
    "nama": "  Siti   Aminah ",
    "tempat_lahir": " Jakarta  Pusat ",
    "tanggal_lahir": "17/08/1990",
    "jenis_kelamin": "Perempuan",
    "telepon": "0812-3456-7890",
    "whatsapp": "ya",
    "email": " Siti.Aminah@Example.CO.ID ",
    "kpj": "123-456-789.01",
    "npp": "ab 123456",
    "alamat": "Jl.  Merdeka 1",
    "alamat_domisili": "Jl. Sudirman 2",
    "kode_wilayah": "317101",
    "pendidikan": "slta",
    "perusahaan_terakhir": "PT  Maju",
    "jabatan": "Operator",
    "jenis_kontrak": "pkwt",
    "akhir_kontrak": "31/12/2027",
    "mulai_kerja": "01/02/2015",
    "tanggal_phk": "15/06/2026",
    "alasan_phk": "Perusahaan tutup",
    "upah_terakhir": "Rp 5.200.000",
    "jht_diklaim": "T",
    "lama_kepesertaan": "60 bulan",
    "iuran_24_bulan": " 20 ",
    "masih_peserta_aktif": "tidak",
    "pernah_ikut_program": "belum",
    "tanggal_klaim_jht": "01/07/2026",
    "pilihan_pelatihan_1": "Las",
    "pilihan_pelatihan_2": "Menjahit",
    "bank": "bri",
    "nomor_rekening": "1234-5678.90 12",
    "nama_pemilik_rekening": "SITI AMINAH",
    "persetujuan": "setuju",
}

FULL_VALUES: dict[str, Any] = {
    "full_name": "Siti Aminah",
    "name_key": "siti aminah",
    "birth_place": "Jakarta Pusat",
    "birth_date": date(1990, 8, 17),
    "sex": "P",
    "nik": "3171015708900001",
    "nik_valid": True,
    "phone": "+6281234567890",
    "whatsapp": True,
    "email": "siti.aminah@example.co.id",
    "kpj": "12345678901",
    "npp": "AB123456",
    "ktp_address": "Jl. Merdeka 1",
    "domicile_address": "Jl. Sudirman 2",
    "region_code": "31.71.01",
    "education": "SMA",
    "last_employer": "PT Maju",
    "job_title": "Operator",
    "contract_type": "PKWT",
    "contract_end": date(2027, 12, 31),
    "work_start": date(2015, 2, 1),
    "phk_date": date(2026, 6, 15),
    "phk_reason": "company_closed",
    "last_wage": 5_200_000,
    "jht_claimed": False,
    "membership_months": 60,
    "contribution_months_last_24": 20,
    "still_active_member": False,
    "previous_participation": False,
    "jht_claimed_on": date(2026, 7, 1),
    "training_choice_1": "Las",
    "training_choice_2": "Menjahit",
    "bank_name": "BRI",
    "bank_account": "123456789012",
    "bank_account_holder": "SITI AMINAH",
    "consent": True,
}

# Only what the form requires, from a man: everything else is blank, so unknown.
MINIMAL: dict[str, Any] = {
    "nik": "3171011708900001",
    "nama": "Budi",
    "tanggal_lahir": "17/08/1990",
    "jenis_kelamin": "L",
}
MINIMAL_VALUES: dict[str, Any] = {
    "full_name": "Budi",
    "name_key": "budi",
    "birth_place": None,
    "birth_date": date(1990, 8, 17),
    "sex": "L",
    "nik": "3171011708900001",
    "nik_valid": True,
    "phone": None,
    "whatsapp": False,
    "email": None,
    "kpj": None,
    "npp": None,
    "ktp_address": None,
    "domicile_address": None,
    "region_code": None,
    "education": None,
    "last_employer": None,
    "job_title": None,
    "contract_type": None,
    "contract_end": None,
    "work_start": None,
    "phk_date": None,
    "phk_reason": None,
    "last_wage": None,
    "jht_claimed": None,
    "membership_months": None,
    "contribution_months_last_24": None,
    "still_active_member": None,
    "previous_participation": None,
    "jht_claimed_on": None,
    "training_choice_1": None,
    "training_choice_2": None,
    "bank_name": None,
    "bank_account": None,
    "bank_account_holder": None,
    "consent": False,
}

Seen = tuple[str, Severity, Text, dict[str, Any]]


def check(raw: dict[str, Any], today: date = TODAY) -> IntakeResult:
    return check_intake(raw, today, regions())


def seen(findings: list[Finding]) -> list[Seen]:
    return [(f.field, f.severity, f.text, f.params) for f in findings]


def full(**changes: Any) -> IntakeResult:
    return check({**FULL, **changes})


def nik_for(born: date, sex: str = "P", district: str = "317101") -> str:
    day = born.day + (40 if sex == "P" else 0)
    return f"{district}{day:02d}{born:%m%y}0001"


# -- the clean values --
def test_a_complete_form_gives_every_value_clean_and_typed() -> None:
    result = full()
    assert result.findings == []
    assert result.ok
    assert result.values == FULL_VALUES
    assert list(result.values) == list(FULL_VALUES)


def test_a_form_with_only_the_required_inputs_leaves_the_rest_unknown() -> None:
    result = check(MINIMAL)
    assert result.values == MINIMAL_VALUES
    assert seen(result.findings) == [("persetujuan", W, intake.NO_CONSENT, {})]
    assert result.ok


def test_inputs_that_are_none_or_spaces_are_blank() -> None:
    spaces = {key: "   " for key in FULL if key not in MINIMAL}
    assert check({**MINIMAL, **spaces}).values == MINIMAL_VALUES
    nones = {key: None for key in FULL if key not in MINIMAL}
    assert check({**MINIMAL, **nones}).values == MINIMAL_VALUES


def test_spreadsheet_cells_keep_their_type() -> None:
    result = full(
        tanggal_lahir=date(1990, 8, 17),
        tanggal_phk=date(2026, 6, 15),
        upah_terakhir=5_200_000,
        lama_kepesertaan=60,
        iuran_24_bulan=20.0,
        nik=3171015708900001,
    )
    assert result.findings == []
    assert result.values == FULL_VALUES


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Efisiensi / pengurangan karyawan", "efficiency"),
        ("efficiency", "efficiency"),
        ("Pelanggaran", "misconduct"),
        ("misconduct", "misconduct"),
        ("  MERGER ", "merger"),
        ("Penggabungan / pengambilalihan", "merger"),
        ("Keadaan memaksa", "force_majeure"),
        ("Force majeure", "force_majeure"),
        ("Lainnya", "other"),
        ("Other", "other"),
        ("efisiensi karyawan", "efficiency"),
        ("pengunduran diri", "resignation"),
        ("Resign", "resignation"),
        ("mengundurkan diri sendiri", "resignation"),
        ("PENSIUN dini", "retirement"),
        ("meninggal", "death"),
        ("cacat", "permanent_disability"),
        ("pabrik tutup", "company_closed"),
        ("pailit 2025", "bankruptcy"),
        ("habis kontrak", "contract_ended"),
    ],
)
def test_a_phk_reason_is_read_from_its_code_label_or_a_word(typed: str, code: str) -> None:
    result = full(alasan_phk=typed)
    assert result.findings == []
    assert result.values["phk_reason"] == code


def test_an_unknown_phk_reason_is_refused_with_what_was_typed() -> None:
    result = full(alasan_phk="  dipecat   begitu saja ")
    assert result.values["phk_reason"] is None
    assert seen(result.findings) == [
        ("alasan_phk", E, intake.BAD_PHK_REASON, {"raw": "dipecat begitu saja"})
    ]
    assert result.findings[0].message("en") == "Unknown PHK reason: dipecat begitu saja."


@pytest.mark.parametrize(
    ("typed", "code"),
    [("SLTP", "SMP"), ("sltp", "SMP"), ("slta", "SMA"), ("SMK", "SMK"), ("s1", "S1"),
     (" d3 ", "D3"), ("SD", "SD")],
)  # fmt: skip
def test_education_is_read_in_old_and_new_names(typed: str, code: str) -> None:
    result = full(pendidikan=typed)
    assert result.findings == []
    assert result.values["education"] == code


@pytest.mark.parametrize(
    ("typed", "clean"),
    [("pkwtt", "PKWTT"), (" PKWT ", "PKWT")],
)
def test_the_contract_type_is_read_in_any_case(typed: str, clean: str) -> None:
    result = full(jenis_kontrak=typed)
    assert result.findings == []
    assert result.values["contract_type"] == clean


@pytest.mark.parametrize(
    ("typed", "dotted"),
    [("3171", "31.71"), ("31.71", "31.71"), ("31.71.01", "31.71.01"), (" 31 71 01 ", "31.71.01")],
)
def test_a_regency_or_district_code_is_stored_dotted(typed: str, dotted: str) -> None:
    result = full(kode_wilayah=typed)
    assert result.findings == []
    assert result.values["region_code"] == dotted


@pytest.mark.parametrize("typed", ["31", "99.01", "31.99", "31.71.99", "abc"])
def test_a_province_alone_or_an_unknown_region_is_refused(typed: str) -> None:
    result = full(kode_wilayah=typed)
    assert result.values["region_code"] is None
    assert seen(result.findings) == [("kode_wilayah", E, intake.BAD_REGION, {"code": typed})]


@pytest.mark.parametrize(
    ("typed", "clean"),
    [("12345", "12345"), ("1" * 20, "1" * 20), ("12.345-6 7", "1234567")],
)
def test_an_account_number_holds_5_to_20_digits(typed: str, clean: str) -> None:
    result = full(nomor_rekening=typed)
    assert result.findings == []
    assert result.values["bank_account"] == clean


@pytest.mark.parametrize(("typed", "kept"), [("1234", "1234"), ("1" * 21, "1" * 21),
                                              ("12a45", "12a45")])  # fmt: skip
def test_a_short_long_or_lettered_account_number_is_refused(typed: str, kept: str) -> None:
    result = full(nomor_rekening=typed)
    assert result.values["bank_account"] == kept
    assert seen(result.findings) == [("nomor_rekening", E, intake.BAD_ACCOUNT, {})]


# -- the name --
@pytest.mark.parametrize("name", ["A", "Dr. A", "H. B, S.Kom."])
def test_a_name_of_one_letter_is_refused(name: str) -> None:
    result = full(nama=name, nama_pemilik_rekening="")
    assert seen(result.findings) == [("nama", E, intake.NAME_TOO_SHORT, {})]
    assert result.findings[0].message("en") == "The name needs at least 2 letters."


@pytest.mark.parametrize("name", ["Al", "A B", "Dr. Ed"])
def test_a_name_of_two_letters_is_accepted(name: str) -> None:
    result = full(nama=name, nama_pemilik_rekening="")
    assert result.findings == []


def test_a_blank_name_is_only_required() -> None:
    result = full(nama="  ")
    assert seen(result.findings) == [("nama", E, intake.REQUIRED, {})]
    assert (result.values["full_name"], result.values["name_key"]) == ("", "")


def test_an_account_holder_other_than_the_participant_is_a_warning() -> None:
    result = full(nama_pemilik_rekening="Bambang Sutrisno")
    assert seen(result.findings) == [("nama_pemilik_rekening", W, intake.HOLDER_DIFFERS, {})]
    assert result.values["bank_account_holder"] == "Bambang Sutrisno"
    assert full(nama_pemilik_rekening="Aminah Siti").findings == []
    assert full(nama_pemilik_rekening="Siti Aminh").findings == []


# -- required inputs and the NIK --
def test_each_required_input_left_blank_is_an_error_on_that_input() -> None:
    result = check({"persetujuan": "Y"})
    assert seen(result.findings) == [
        ("nik", E, intake.REQUIRED, {}),
        ("nama", E, intake.REQUIRED, {}),
        ("tanggal_lahir", E, intake.REQUIRED, {}),
        ("jenis_kelamin", E, intake.REQUIRED, {}),
    ]
    assert result.findings[0].message("en") == "Required."
    assert not result.ok
    values = result.values
    assert (values["nik"], values["nik_valid"], values["sex"], values["birth_date"]) == (
        None,
        None,
        None,
        None,
    )


def test_a_nik_that_is_not_a_nik_is_known_invalid() -> None:
    result = full(nik="3171 0157 0890")
    assert (result.values["nik"], result.values["nik_valid"]) == (None, False)
    assert seen(result.findings) == [("nik", E, nik.WRONG_LENGTH, {"n": 12})]


def test_the_nik_findings_of_the_birth_date_and_sex_sit_next_to_those_inputs() -> None:
    result = full(tanggal_lahir="18/08/1990", jenis_kelamin="L")
    assert seen(result.findings) == [
        ("tanggal_lahir", W, nik.DATE_DIFFERS, {"nik_date": "17/08/1990"}),
        ("jenis_kelamin", W, nik.SEX_DIFFERS, {"nik_sex": "perempuan"}),
    ]
    assert result.values["nik"] == "3171015708900001"
    assert result.values["sex"] == "L"


def test_a_nik_finding_of_its_own_stays_on_the_nik() -> None:
    result = full(nik="3171995708900001", kode_wilayah="")
    assert seen(result.findings) == [("nik", W, nik.UNKNOWN_DISTRICT, {"code": "31.71.99"})]
    assert (result.values["nik"], result.values["nik_valid"]) == ("3171995708900001", True)


# -- sex --
@pytest.mark.parametrize(
    ("typed", "code"),
    [("L", "L"), ("laki-laki", "L"), ("Male", "L"), ("pria", "L"), ("LK", "L"),
     ("P", "P"), ("perempuan", "P"), ("Female", "P"), ("wanita", "P"), ("W", "P")],
)  # fmt: skip
def test_sex_is_read_from_a_code_a_label_or_a_common_word(typed: str, code: str) -> None:
    result = check({**MINIMAL, "jenis_kelamin": typed, "nik": nik_for(date(1990, 8, 17), code)})
    assert result.values["sex"] == code
    assert [f for f in result.findings if f.severity is E] == []


def test_a_sex_that_is_neither_is_refused_and_unknown() -> None:
    result = full(jenis_kelamin="X")
    assert result.values["sex"] is None
    assert seen(result.findings) == [("jenis_kelamin", E, intake.BAD_SEX, {})]


# -- dates --
def test_a_date_today_is_accepted_and_tomorrow_is_in_the_future() -> None:
    today = full(tanggal_phk=f"{TODAY:%d/%m/%Y}", tanggal_klaim_jht=f"{TODAY:%d/%m/%Y}")
    assert today.findings == []
    assert today.values["phk_date"] == TODAY
    tomorrow = f"{TODAY + timedelta(days=1):%d/%m/%Y}"
    later = full(tanggal_phk=tomorrow, mulai_kerja=tomorrow, tanggal_klaim_jht=tomorrow)
    assert seen(later.findings) == [
        ("mulai_kerja", E, intake.FUTURE, {}),
        ("tanggal_phk", E, intake.FUTURE, {}),
        ("tanggal_klaim_jht", E, intake.FUTURE, {}),
    ]
    # The value is kept, so the form can show it next to its error.
    assert later.values["phk_date"] == TODAY + timedelta(days=1)


def test_a_contract_may_end_in_the_future() -> None:
    result = full(akhir_kontrak="31/12/2099")
    assert result.findings == []
    assert result.values["contract_end"] == date(2099, 12, 31)


def test_a_birth_date_in_the_future_is_refused_without_an_age() -> None:
    born = TODAY + timedelta(days=1)
    result = check({**MINIMAL, "tanggal_lahir": f"{born:%d/%m/%Y}", "persetujuan": "Y"})
    assert ("tanggal_lahir", E, intake.FUTURE, {}) in seen(result.findings)
    assert all(f.text is not intake.TOO_YOUNG for f in result.findings)


@pytest.mark.parametrize(
    "key", ["tanggal_lahir", "akhir_kontrak", "mulai_kerja", "tanggal_phk", "tanggal_klaim_jht"]
)
def test_each_date_that_does_not_exist_is_refused_on_its_input(key: str) -> None:
    result = full(**{key: " 31/02/2020 "})
    found = [f for f in seen(result.findings) if f[0] == key]
    assert found == [(key, E, intake.BAD_DATE, {"raw": "31/02/2020"})]
    attribute = {
        "tanggal_lahir": "birth_date",
        "akhir_kontrak": "contract_end",
        "mulai_kerja": "work_start",
        "tanggal_phk": "phk_date",
        "tanggal_klaim_jht": "jht_claimed_on",
    }[key]
    assert result.values[attribute] is None


def test_the_phk_on_the_first_working_day_or_the_birthday_is_no_error() -> None:
    assert full(tanggal_phk="01/02/2015").findings == []
    born = date(2010, 3, 4)
    same = {
        **MINIMAL,
        "nik": nik_for(born, "L"),
        "tanggal_lahir": f"{born:%d/%m/%Y}",
        "tanggal_phk": f"{born:%d/%m/%Y}",
        "persetujuan": "Y",
    }
    assert check(same).findings == []


def test_a_phk_before_the_work_start_or_the_birth_is_an_error_on_the_phk_date() -> None:
    result = full(tanggal_phk="31/01/2015")
    assert seen(result.findings) == [("tanggal_phk", E, intake.PHK_BEFORE_START, {})]
    born = full(tanggal_phk="16/08/1990", mulai_kerja="")
    assert seen(born.findings) == [("tanggal_phk", E, intake.BORN_AFTER_PHK, {})]
    both = full(tanggal_phk="16/08/1990", mulai_kerja="01/01/2000")
    assert [f.text for f in both.findings] == [intake.PHK_BEFORE_START, intake.BORN_AFTER_PHK]


@pytest.mark.parametrize(
    ("born", "age"),
    [
        (date(2011, 11, 29), 14),  # the 15th birthday is tomorrow
        (date(2012, 11, 28), 14),
        (date(2026, 11, 28), 0),  # born today
        (date(2011, 12, 1), 14),
    ],
)
def test_someone_under_15_gets_a_warning_with_the_age(born: date, age: int) -> None:
    raw = {**MINIMAL, "nik": nik_for(born, "L"), "tanggal_lahir": f"{born:%d/%m/%Y}"}
    result = check({**raw, "persetujuan": "Y"})
    assert seen(result.findings) == [("tanggal_lahir", W, intake.TOO_YOUNG, {"age": age})]
    assert (
        result.findings[0].message("en")
        == f"Age {age}: too young for a worker. Check the birth date."
    )


@pytest.mark.parametrize("born", [date(2011, 11, 28), date(2011, 11, 27), date(2011, 10, 30)])
def test_someone_15_or_older_gets_no_age_warning(born: date) -> None:
    raw = {**MINIMAL, "nik": nik_for(born, "L"), "tanggal_lahir": f"{born:%d/%m/%Y}"}
    assert check({**raw, "persetujuan": "Y"}).findings == []


# -- contact --
def test_a_phone_number_that_cannot_exist_is_refused_on_the_phone_input() -> None:
    result = full(telepon=" 0812 ")
    assert result.values["phone"] is None
    assert seen(result.findings) == [("telepon", E, phone.INVALID, {"raw": "0812"})]


@pytest.mark.parametrize(("typed", "flag"), [("Y", True), ("T", False), ("", False)])
def test_whatsapp_is_yes_or_no_and_blank_is_no(typed: str, flag: bool) -> None:
    result = full(whatsapp=typed)
    assert result.findings == []
    assert result.values["whatsapp"] is flag


def test_a_whatsapp_answer_that_is_neither_is_refused() -> None:
    result = full(whatsapp="mungkin")
    assert result.values["whatsapp"] is False
    assert seen(result.findings) == [("whatsapp", E, intake.BAD_YES_NO, {})]


@pytest.mark.parametrize("email", ["siti@example", "siti.example.com", "a b@c.id", "s@x.c1"])
def test_an_email_address_without_a_domain_is_refused(email: str) -> None:
    result = full(email=email)
    assert seen(result.findings) == [("email", E, intake.BAD_EMAIL, {})]


def test_membership_numbers_keep_their_own_findings() -> None:
    result = full(kpj="12A", npp="123")
    assert result.values["kpj"] is None
    assert result.values["npp"] == "123"
    assert seen(result.findings) == [
        ("kpj", E, membership.KPJ_DIGITS, {}),
        ("npp", W, membership.NPP_LENGTH, {"n": 3}),
    ]
    short = full(kpj="1234")
    assert short.values["kpj"] == "1234"
    assert seen(short.findings) == [("kpj", W, membership.KPJ_LENGTH, {"n": 4})]


# -- choices --
def test_an_unknown_education_is_refused_with_the_choices() -> None:
    result = full(pendidikan="Kuliah")
    assert result.values["education"] is None
    choices = "SD, SMP, SMA, SMK, D1, D2, D3, D4, S1, S2, S3"
    assert seen(result.findings) == [("pendidikan", E, intake.BAD_EDUCATION, {"choices": choices})]


def test_an_unknown_contract_type_is_refused() -> None:
    result = full(jenis_kontrak="harian")
    assert result.values["contract_type"] is None
    assert seen(result.findings) == [("jenis_kontrak", E, intake.BAD_CONTRACT, {})]


# -- money and months --
@pytest.mark.parametrize(
    ("typed", "rupiah"),
    [("1.500.000", 1_500_000), ("Rp1500000,00", 1_500_000), (" 0 ", 0), (1_500_000.0, 1_500_000)],
)
def test_a_wage_is_whole_rupiah(typed: Any, rupiah: int) -> None:
    result = full(upah_terakhir=typed)
    assert result.findings == []
    assert result.values["last_wage"] == rupiah


def test_a_wage_that_is_not_whole_rupiah_is_refused_with_what_was_typed() -> None:
    result = full(upah_terakhir="  1,5  juta ")
    assert result.values["last_wage"] is None
    assert seen(result.findings) == [("upah_terakhir", E, intake.BAD_MONEY, {"raw": "1,5 juta"})]
    cents = full(upah_terakhir=1500.5)
    assert seen(cents.findings) == [("upah_terakhir", E, intake.BAD_MONEY, {"raw": "1500.5"})]


@pytest.mark.parametrize(
    ("key", "typed", "most"),
    [("lama_kepesertaan", "601", 600), ("lama_kepesertaan", "-1", 600),
     ("lama_kepesertaan", "enam", 600), ("iuran_24_bulan", "25", 24),
     ("iuran_24_bulan", "1.5", 24)],
)  # fmt: skip
def test_months_outside_0_to_the_most_are_refused_with_the_most(
    key: str, typed: str, most: int
) -> None:
    result = full(**{key: typed})
    assert seen(result.findings) == [(key, E, intake.BAD_MONTHS, {"most": most})]
    attribute = {
        "lama_kepesertaan": "membership_months",
        "iuran_24_bulan": "contribution_months_last_24",
    }
    assert result.values[attribute[key]] is None


def test_the_most_months_are_accepted() -> None:
    result = full(lama_kepesertaan="600", iuran_24_bulan="24")
    assert result.findings == []
    assert (result.values["membership_months"], result.values["contribution_months_last_24"]) == (
        600,
        24,
    )
    assert full(lama_kepesertaan="0", iuran_24_bulan="0").values["membership_months"] == 0


def test_more_months_paid_than_a_member_is_a_warning_naming_both() -> None:
    result = full(lama_kepesertaan="10", iuran_24_bulan="11")
    assert seen(result.findings) == [
        ("iuran_24_bulan", W, intake.MORE_PAID_THAN_MEMBER, {"recent": 11, "months": 10})
    ]
    assert result.ok
    assert full(lama_kepesertaan="11", iuran_24_bulan="11").findings == []
    assert full(lama_kepesertaan="", iuran_24_bulan="11").findings == []
    assert full(lama_kepesertaan="10", iuran_24_bulan="").findings == []


@pytest.mark.parametrize(
    ("key", "attribute"),
    [("jht_diklaim", "jht_claimed"), ("masih_peserta_aktif", "still_active_member"),
     ("pernah_ikut_program", "previous_participation")],
)  # fmt: skip
def test_each_yes_no_fact_is_read_and_a_wrong_answer_refused(key: str, attribute: str) -> None:
    assert full(**{key: "Ya"}).values[attribute] is True
    assert full(**{key: "Tidak"}).values[attribute] is False
    assert full(**{key: ""}).values[attribute] is None
    wrong = full(**{key: "mungkin"})
    assert wrong.values[attribute] is None
    assert seen(wrong.findings) == [(key, E, intake.BAD_YES_NO, {})]


# -- consent --
def test_consent_not_recorded_is_a_warning_and_a_wrong_answer_an_error_too() -> None:
    blank = full(persetujuan="")
    assert blank.values["consent"] is False
    assert seen(blank.findings) == [("persetujuan", W, intake.NO_CONSENT, {})]
    no = full(persetujuan="tidak")
    assert seen(no.findings) == [("persetujuan", W, intake.NO_CONSENT, {})]
    wrong = full(persetujuan="boleh")
    assert wrong.values["consent"] is False
    assert seen(wrong.findings) == [
        ("persetujuan", E, intake.BAD_YES_NO, {}),
        ("persetujuan", W, intake.NO_CONSENT, {}),
    ]


# -- values a spreadsheet or an XML file would misread --
def test_a_control_character_is_named_with_its_code_and_position() -> None:
    result = full(nama="Siti\x00Aminah", tempat_lahir="Ja\x1bkarta")
    assert seen(result.findings) == [
        ("nama", E, intake.CONTROL_CHAR, {"code": "U+0000", "position": 5}),
        ("tempat_lahir", E, intake.CONTROL_CHAR, {"code": "U+001B", "position": 3}),
    ]


def test_a_formula_is_named_by_its_first_character_after_spaces() -> None:
    result = full(jabatan="  =1+1 ", perusahaan_terakhir="@SUM(A1)")
    assert seen(result.findings) == [
        ("perusahaan_terakhir", E, intake.LOOKS_LIKE_FORMULA, {"start": "@"}),
        ("jabatan", E, intake.LOOKS_LIKE_FORMULA, {"start": "="}),
    ]
    assert (
        result.findings[1]
        .message("en")
        .startswith("This value looks like an Excel formula (it starts with =)")
    )


def test_a_value_longer_than_its_input_takes_is_refused_with_both_lengths() -> None:
    at_limit = full(jabatan="x" * 120, bank="B" * 60, nama="Siti " + "a" * 145)
    assert [f.field for f in at_limit.findings] == ["nama_pemilik_rekening"]
    result = full(jabatan="x" * 121, bank=" " + "B" * 61 + " ")
    assert seen(result.findings) == [
        ("bank", E, intake.TOO_LONG, {"length": 61, "limit": 60}),
        ("jabatan", E, intake.TOO_LONG, {"length": 121, "limit": 120}),
    ]


def test_an_unsafe_value_hides_the_other_findings_of_its_input_only() -> None:
    result = full(nama="=A", email="=x", upah_terakhir="abc", nama_pemilik_rekening="Joko")
    assert seen(result.findings) == [
        ("nama", E, intake.LOOKS_LIKE_FORMULA, {"start": "="}),
        ("email", E, intake.LOOKS_LIKE_FORMULA, {"start": "="}),
        ("upah_terakhir", E, intake.BAD_MONEY, {"raw": "abc"}),
        ("nama_pemilik_rekening", W, intake.HOLDER_DIFFERS, {}),
    ]


def test_a_phone_number_with_a_plus_is_no_formula() -> None:
    result = full(telepon="+62 812-3456-7890")
    assert result.findings == []
    assert result.values["phone"] == "+6281234567890"


@pytest.mark.parametrize("email", ["budi@mail.id", "Budi.S@Mail.Co.Id", "b@x.COM"])
def test_an_email_address_with_a_domain_in_any_case_is_kept_in_lower_case(email: str) -> None:
    result = full(email=email)
    assert result.findings == []
    assert result.values["email"] == email.lower()
