"""What a clerk, a supervisor or a device sees of the small domain rules, value by value:
the number a parser reads and the text a refusal carries, every NIK finding with its field
and its exact sentence, the KPJ / NPP / phone findings, the masks of a list, the HLC order,
region codes, name keys, lock-out minutes and password rules, each at its boundary on both
sides (written against the survivors of the mutation run, scripts/mutation.sh). Pure
functions only: no database, no clock."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from app.domain import parsing
from app.domain.findings import Finding, Severity, warning
from app.domain.hlc import Hlc, receive, tick
from app.domain.ids import stable_id
from app.domain.lockout import GuardState, after_failure, is_locked, minutes_left
from app.domain.masks import mask_account, mask_field
from app.domain.membership import check_kpj, check_npp
from app.domain.names import name_key, similar_keys, similar_names
from app.domain.nik import NikInfo, birth_date_from, check_nik, mask_nik
from app.domain.participant_fields import _codes, key_of
from app.domain.passwords import (
    PASSWORD_SAME_AS_USER,
    PASSWORD_TOO_SHORT,
    PASSWORD_TOO_WEAK,
    password_problem,
)
from app.domain.phone import display_phone, normalize_phone
from app.domain.regions import Region, RegionIndex, dotted_code
from app.domain.safe_text import csv_cell, looks_like_formula, strip_export_quote
from app.texts import Text

E, W = Severity.ERROR, Severity.WARNING
REG = date(2026, 11, 28)


def seen(findings: list[Finding]) -> list[tuple[str, Severity, str]]:
    """What the form shows: the input a finding lands on, its colour and its English text."""
    return [(f.field, f.severity, f.message("en")) for f in findings]


# --- parsing: the value read, and the typed text a refusal carries ---------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1.500.000", 1_500_000),
        ("1500000", 1_500_000),
        ("Rp 1.500.000,00", 1_500_000),
        ("rp1.500.000,0", 1_500_000),
        ("RP 750.000", 750_000),
        (" 2 500 000 ", 2_500_000),
        ("0", 0),
        (1_500_000, 1_500_000),
        (1_500_000.0, 1_500_000),
        ("", None),
        ("   ", None),
        ("Rp", None),
        (None, None),
    ],
)
def test_parse_rupiah_reads_whole_rupiah(raw: str | int | float | None, expected: int | None):
    assert parsing.parse_rupiah(raw) == expected


@pytest.mark.parametrize(
    ("call", "carried"),
    [
        (lambda: parsing.parse_rupiah("1,5 juta"), "1,5 juta"),
        (lambda: parsing.parse_rupiah("1.50.000"), "1.50.000"),
        (lambda: parsing.parse_rupiah("1.500.000,50"), "1.500.000,50"),
        (lambda: parsing.parse_rupiah(1500.5), "1500.5"),
        (lambda: parsing.parse_months(True, 60), "True"),
        (lambda: parsing.parse_months(2.5, 60), "2.5"),
        (lambda: parsing.parse_months("enam", 60), "enam"),
        (lambda: parsing.parse_months("-1", 60), "-1"),
        (lambda: parsing.parse_months("61 bulan", 60), "61 bulan"),
        (lambda: parsing.parse_months(61, 60), "61"),
        (lambda: parsing.parse_yes_no("mungkin"), "mungkin"),
        (lambda: parsing.parse_date("31/02/2023"), "31/02/2023"),
        (lambda: parsing.parse_date("kemarin"), "kemarin"),
        (lambda: parsing.parse_sex("X"), "X"),
        (lambda: parsing.parse_sex("laki"), "laki"),
    ],
)
def test_a_refusal_carries_the_text_as_typed(call, carried: str):
    with pytest.raises(parsing.ParseError) as refused:
        call()
    assert refused.value.args == (carried,)


@pytest.mark.parametrize(
    ("raw", "most", "expected"),
    [
        ("60", 60, 60),
        ("60 bulan", 60, 60),
        ("12 BLN", 60, 12),
        ("3 months", 60, 3),
        (24.0, 60, 24),
        (0, 24, 0),
        ("bulan", 60, None),
        (None, 60, None),
    ],
)
def test_parse_months_reads_whole_months(raw: str | float | None, most: int, expected: int | None):
    assert parsing.parse_months(raw, most) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("06/05/1993", date(1993, 5, 6)),
        ("6-5-1993", date(1993, 5, 6)),
        ("06051993", date(1993, 5, 6)),
        ("1993-05-06", date(1993, 5, 6)),
        ("29/02/2024", date(2024, 2, 29)),
        ("  ", None),
    ],
)
def test_parse_date_reads_day_first(raw: str, expected: date | None):
    assert parsing.parse_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        *[(v, "L") for v in ("L", "LK", "LAKI-LAKI", "LAKI LAKI", "PRIA", "M")],
        *[(v, "P") for v in ("P", "PR", "PEREMPUAN", "WANITA", "F", "W")],
        (" laki-laki ", "L"),
        ("Pria", "L"),
        ("m", "L"),
        (" perempuan", "P"),
        ("wanita", "P"),
        ("w", "P"),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_parse_sex_reads_every_spelling(raw: str | None, expected: str | None):
    assert parsing.parse_sex(raw) == expected


# --- NIK: each finding's field, colour and sentence; the decoded parts ----------------------


def _region(code: str, parent: str | None) -> Region:
    return Region(code, f"Wilayah {code}", parent)


REGIONS = RegionIndex(
    provinces={"31": _region("31", None), "32": _region("32", None)},
    regencies={
        "31.71": _region("31.71", "31"),
        "31.72": _region("31.72", "31"),
        "32.73": _region("32.73", "32"),
    },
    districts={
        "31.71.01": _region("31.71.01", "31.71"),
        "31.71.02": _region("31.71.02", "31.71"),
        "31.72.01": _region("31.72.01", "31.72"),
    },
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", [("nik", E, "The NIK is required.")]),
        ("   ", [("nik", E, "The NIK is required.")]),
        (
            "3.17101E+15",
            [
                (
                    "nik",
                    E,
                    "NIK destroyed by Excel (3.17101E+15): its last digits are lost. Format the "
                    "column as Text and type it again from the KTP.",
                )
            ],
        ),
        ("31710117087500AB", [("nik", E, "The NIK holds digits only.")]),
        ("317101170875000", [("nik", E, "The NIK must have 16 digits (now 15).")]),
        (
            "9901011708750001",
            [("nik", E, "Province code 99 in the NIK is not in the Kemendagri list.")],
        ),
        (
            "3199011708750001",
            [
                (
                    "nik",
                    W,
                    "Regency code 31.99 is unknown (perhaps an old code from before a split). "
                    "Check the KTP.",
                )
            ],
        ),
        (
            "3171991708750001",
            [("nik", W, "District code 31.71.99 is unknown (perhaps an old code). Check the KTP.")],
        ),
        (
            "3171013102900001",
            [("nik", E, "The birth date in the NIK (310290) is not a real date.")],
        ),
        ("3171011708750000", [("nik", E, "The NIK serial cannot be 0000.")]),
    ],
)
def test_each_nik_finding_lands_on_the_nik_with_its_sentence(raw: str, expected: list):
    _, findings = check_nik(raw, REG, REGIONS)
    assert seen(findings) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "3171011708750001",
            NikInfo("3171011708750001", "31", "31.71", "31.71.01", date(1975, 8, 17), "L", 1),
        ),
        # a woman born on the 1st: 41 is the day plus 40; the serial's first digit counts
        (
            "3171014101901000",
            NikInfo("3171014101901000", "31", "31.71", "31.71.01", date(1990, 1, 1), "P", 1000),
        ),
        (
            "3171011712900234",
            NikInfo("3171011712900234", "31", "31.71", "31.71.01", date(1990, 12, 17), "L", 234),
        ),
        (
            "3171017112909999",
            NikInfo("3171017112909999", "31", "31.71", "31.71.01", date(1990, 12, 31), "P", 9999),
        ),
    ],
)
def test_a_usable_nik_is_decoded_part_by_part(raw: str, expected: NikInfo):
    assert check_nik(raw, REG, REGIONS) == (expected, [])


def test_a_birth_on_the_registration_day_stays_in_that_century():
    assert birth_date_from("050505", date(2005, 5, 5)) == date(2005, 5, 5)
    assert birth_date_from("050505", date(2005, 5, 4)) == date(1905, 5, 5)
    assert birth_date_from("410190", REG) == date(1990, 1, 1)
    assert birth_date_from("171290", REG) == date(1990, 12, 17)


@pytest.mark.parametrize(
    ("raw", "form_birth", "form_sex", "expected"),
    [
        (
            "3171011708750001",
            date(1975, 8, 18),
            "P",
            [
                (
                    "birth_date",
                    W,
                    "The birth date in the NIK (17/08/1975) differs from the form. Make sure "
                    "it matches the KTP.",
                ),
                (
                    "sex",
                    W,
                    "The sex according to the NIK (laki-laki) differs from the form. "
                    "Check the KTP.",
                ),
            ],
        ),
        (
            "3171015708900001",
            None,
            "l",
            [
                (
                    "sex",
                    W,
                    "The sex according to the NIK (perempuan) differs from the form. "
                    "Check the KTP.",
                ),
            ],
        ),
        ("3171015708900001", date(1990, 8, 17), "p", []),
        ("3171011708750001", date(1975, 8, 17), "L", []),
    ],
)
def test_a_nik_differing_from_the_form_names_what_the_nik_says(
    raw: str, form_birth: date | None, form_sex: str, expected: list
):
    info, findings = check_nik(raw, REG, REGIONS, form_birth_date=form_birth, form_sex=form_sex)
    assert info is not None
    assert seen(findings) == expected


def test_the_indonesian_sentence_of_a_nik_mismatch_is_filled_in_too():
    _, findings = check_nik("3171015708900001", REG, REGIONS, form_sex="L")
    assert findings[0].message("id") == (
        "Jenis kelamin menurut NIK (perempuan) berbeda dengan formulir. Pastikan sesuai KTP."
    )


@pytest.mark.parametrize(
    ("nik", "masked"),
    [
        ("3171011708750001", "3171********0001"),
        ("317101170875000", "*" * 15),
        ("12345", "*****"),
        ("", ""),
    ],
)
def test_mask_nik_hides_the_birth_date_or_everything(nik: str, masked: str):
    assert mask_nik(nik) == masked


# --- KPJ, NPP, phone ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "value", "expected"),
    [
        ("12-345.678 901", "12345678901", []),
        (
            "1234567890",
            "1234567890",
            [("kpj", W, "A KPJ usually has 11 digits (this has 10). Check the membership card.")],
        ),
        ("12A45678901", None, [("kpj", E, "The KPJ holds digits only.")]),
        ("", None, []),
    ],
)
def test_check_kpj(raw: str, value: str | None, expected: list):
    found, findings = check_kpj(raw)
    assert (found, seen(findings)) == (value, expected)


@pytest.mark.parametrize(
    ("raw", "value", "expected"),
    [
        ("ab 12 3456", "AB123456", []),
        (
            "ab12345",
            "AB12345",
            [
                (
                    "npp",
                    W,
                    "An NPP usually has 8 characters (this has 7). Check the employer's papers.",
                )
            ],
        ),
        ("  ", None, []),
    ],
)
def test_check_npp(raw: str, value: str | None, expected: list):
    found, findings = check_npp(raw)
    assert (found, seen(findings)) == (value, expected)


def _invalid_phone(raw: str) -> list[tuple[str, Severity, str]]:
    return [
        (
            "phone",
            E,
            f"Invalid phone number: {raw}. Example: 0812-3456-7890 or (021) 765 4321.",
        )
    ]


@pytest.mark.parametrize(
    ("raw", "value", "expected"),
    [
        ("0812-3456-7890", "+6281234567890", []),
        ("+62 812 3456 7890", "+6281234567890", []),
        # a bare 62 is the country code, not the start of a local number (Kabanjahe 0628)
        ("62 21 7654321", "+62217654321", []),
        ("(62) 21 765 4321", "+62217654321", []),
        ("(021) 765 4321", "+62217654321", []),
        ("", None, []),
        ("abc", None, _invalid_phone("abc")),
        (" 0812 ", None, _invalid_phone("0812")),
        ("+1 650 253 0000", None, _invalid_phone("+1 650 253 0000")),
    ],
)
def test_normalize_phone(raw: str, value: str | None, expected: list):
    found, findings = normalize_phone(raw)
    assert (found, seen(findings)) == (value, expected)


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("+6281234567890", "0812-3456-7890"),
        ("081234567890", "0812-3456-7890"),  # kept without +62 before normalising
        ("bukan nomor", "bukan nomor"),
    ],
)
def test_display_phone(stored: str, shown: str):
    assert display_phone(stored) == shown


# --- masks of lists and review pages --------------------------------------------------------


@pytest.mark.parametrize(
    ("account", "masked"),
    [
        ("1234567890", "12******90"),
        ("12345", "12*45"),
        ("1234", "****"),
        ("123", "***"),
        ("", None),
        (None, None),
    ],
)
def test_mask_account(account: str | None, masked: str | None):
    assert mask_account(account) == masked


@pytest.mark.parametrize(
    ("field", "value", "shown"),
    [
        ("nik", "3171011708750001", "3171********0001"),
        ("bank_account", "1234567890", "12******90"),
        ("full_name", "Siti Aminah", "Siti Aminah"),
        ("nik", None, None),
        ("bank_account", 1234567890, 1234567890),
    ],
)
def test_mask_field(field: str, value: object, shown: object):
    assert mask_field(field, value) == shown


# --- ids ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "key", "expected"),
    [
        # fixed forever: every device must make these same ids for these natural keys
        ("office", ("KC01",), "13bf6a1e-5a0a-5e48-b96b-f79585399618"),
        ("enrolment", ("a", "b"), "0b642a62-8cd5-588d-9f93-f05c84962828"),
    ],
)
def test_stable_id_is_the_same_on_every_device(kind: str, key: tuple[str, ...], expected: str):
    assert stable_id(kind, *key) == expected


# --- hybrid logical clock -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last", "now_ms", "expected"),
    [
        (None, 1000, Hlc(1000, 0, "me")),
        (Hlc(1000, 3, "me"), 1000, Hlc(1000, 4, "me")),  # same millisecond
        (Hlc(1000, 3, "me"), 900, Hlc(1000, 4, "me")),  # clock turned back
        (Hlc(1000, 3, "me"), 1001, Hlc(1001, 0, "me")),
    ],
)
def test_tick(last: Hlc | None, now_ms: int, expected: Hlc):
    stamp = tick(last, now_ms, "me")
    assert stamp == expected
    assert last is None or str(stamp) > str(last)


@pytest.mark.parametrize(
    ("last", "remote", "now_ms", "expected"),
    [
        (None, Hlc(100, 3, "x"), 50, Hlc(100, 4, "me")),  # remote ahead, nothing local yet
        (None, Hlc(100, 3, "x"), 200, Hlc(200, 0, "me")),  # own clock ahead
        (None, Hlc(0, 0, "x"), 0, Hlc(0, 1, "me")),  # both at the epoch
        (Hlc(300, 4, "me"), Hlc(100, 9, "x"), 200, Hlc(300, 5, "me")),  # last stamp ahead
        (Hlc(100, 2, "me"), Hlc(50, 0, "x"), 100, Hlc(100, 3, "me")),  # now on the last stamp
        (Hlc(50, 9, "me"), Hlc(100, 3, "x"), 80, Hlc(100, 4, "me")),  # remote ahead of last
        (Hlc(100, 2, "me"), Hlc(100, 5, "x"), 50, Hlc(100, 6, "me")),  # all on one ms
        (Hlc(100, 7, "me"), Hlc(100, 5, "x"), 100, Hlc(100, 8, "me")),
        (Hlc(100, 2, "me"), Hlc(100, 5, "x"), 200, Hlc(200, 0, "me")),  # now beats both
    ],
)
def test_receive_moves_the_clock_past_what_it_saw(
    last: Hlc | None, remote: Hlc, now_ms: int, expected: Hlc
):
    after = receive(last, remote, now_ms, "me")
    assert after == expected
    assert (after.wall_ms, after.counter) > (remote.wall_ms, remote.counter)
    assert last is None or str(after) > str(last)


def test_hlc_text_sorts_as_the_stamp_and_reads_back():
    stamp = Hlc(1_700_000_000_000, 7, "dev-1")
    assert str(stamp) == "1700000000000-00007-dev-1"
    assert Hlc.parse(str(stamp)) == stamp
    assert str(Hlc(999, 12, "a")) < str(Hlc(1000, 0, "a"))


# --- regions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "dotted"),
    [
        ("317101", "31.71.01"),
        ("31.71.01", "31.71.01"),
        ("3171", "31.71"),
        ("31", "31"),
        (" 31 71 01 ", "31.71.01"),
        ("", ""),
    ],
)
def test_dotted_code(code: str, dotted: str):
    assert dotted_code(code) == dotted


def test_region_index_finds_a_code_written_either_way_and_lists_children():
    assert REGIONS.get("317101") is REGIONS.districts["31.71.01"]
    assert REGIONS.get("3171") is REGIONS.regencies["31.71"]
    assert REGIONS.get("31") is REGIONS.provinces["31"]
    assert REGIONS.get("3399") is None
    assert [r.code for r in REGIONS.regencies_of("31")] == ["31.71", "31.72"]
    assert [r.code for r in REGIONS.districts_of("31.71")] == ["31.71.01", "31.71.02"]
    assert REGIONS.districts_of("32.73") == []


# --- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Noerul Huda", "nur huda"),  # old spelling, then its variant
        ("Moehamad Ali", "muhammad ali"),
        ("Hj. Siti Noer", "siti nur"),
        ("José Rizal", "jose rizal"),
        ("H. Dr.", ""),
    ],
)
def test_name_key(name: str, key: str):
    assert name_key(name) == key


def test_a_ratio_exactly_at_the_threshold_counts_as_similar():
    # "ahmad fauzi" in "ahmad al fauzi": 11 of 25 characters matched twice = 0.88 exactly
    assert similar_names("Ahmad Fauzi", "Ahmad Al Fauzi")
    assert similar_keys("ahmad fauzi", "ahmad al fauzi")
    assert not similar_names("Ahmad Fauzi", "Ahmad Al Fauzan")


@pytest.mark.parametrize(("a", "b"), [("", ""), ("", "budi"), ("budi", ""), ("H.", "Dr.")])
def test_an_empty_key_is_never_similar(a: str, b: str):
    assert not similar_keys(name_key(a), name_key(b))
    assert not similar_names(a, b)


# --- lock-out and passwords -----------------------------------------------------------------

T0 = datetime(2026, 1, 5, 9, 0)


def test_a_failure_at_the_moment_the_lock_ends_starts_a_new_count():
    locked = GuardState(5, T0)
    assert not is_locked(locked, T0)
    assert after_failure(locked, T0, 5, timedelta(minutes=15)) == GuardState(1, None)
    assert after_failure(GuardState(3), T0, 5, timedelta(minutes=15)) == GuardState(4, None)


@pytest.mark.parametrize(
    ("locked_until", "minutes"),
    [
        (None, 0),
        (T0, 0),
        (T0 - timedelta(minutes=1), 0),
        (T0 + timedelta(seconds=1), 1),
        (T0 + timedelta(seconds=60), 1),
        (T0 + timedelta(seconds=61), 2),
        (T0 + timedelta(minutes=15), 15),
    ],
)
def test_minutes_left_rounds_up(locked_until: datetime | None, minutes: int):
    assert minutes_left(GuardState(5, locked_until), T0) == minutes


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("abcd1234", None),  # exactly the minimum length
        ("ABCD1234", None),  # capitals are letters too
        ("abc1234", (PASSWORD_TOO_SHORT, 8)),
        ("abcdefgh", (PASSWORD_TOO_WEAK, 0)),
        ("12345678", (PASSWORD_TOO_WEAK, 0)),
        ("Budi2024", (PASSWORD_SAME_AS_USER, 0)),
    ],
)
def test_password_problem(password: str, problem: tuple[Text, int] | None):
    assert password_problem(password, "budi2024", 8) == problem


# --- small helpers: findings, field keys, codes, export text -------------------


def test_a_warning_keeps_its_parameters():
    assert warning("kpj", Text("ada {n}", "has {n}"), n=3).message("en") == "has 3"


@pytest.mark.parametrize(
    ("name", "key"),
    [("birth_date", "tanggal_lahir"), ("tanggal_lahir", "tanggal_lahir"), ("lain", "lain")],
)
def test_key_of(name: str, key: str):
    assert key_of(name) == key


def test_a_code_label_is_the_code_in_both_languages():
    # EDUCATION_LABELS and CONTRACT_LABELS are made by _codes when the module loads, which a
    # mutation run cannot reach; the helper itself is checked here.
    assert dict(_codes("PKWT", "SMA")) == {"PKWT": Text("PKWT", "PKWT"), "SMA": Text("SMA", "SMA")}


@pytest.mark.parametrize("value", ["-", "=1+1", "+6281234567890", "@x", "Xaverius", "'quoted"])
def test_our_own_export_imports_again(value: str):
    assert strip_export_quote(csv_cell(value)) == value


@pytest.mark.parametrize(("text", "formula"), [("Xaverius", False), ("XX", False), ("=X", True)])
def test_looks_like_formula(text: str, formula: bool):
    assert looks_like_formula(text) is formula


@pytest.mark.parametrize("cell", [-2_500_000, -1, -2_500_000.0, float("inf"), float("nan"), True])
def test_a_spreadsheet_number_that_is_no_amount_of_rupiah_is_refused(cell):
    """An XLSX wage cell holding a negative number was stored as it was (the same value in a
    CSV was refused); infinity crashed the parse with an OverflowError."""
    with pytest.raises(parsing.ParseError):
        parsing.parse_rupiah(cell)


@pytest.mark.parametrize(
    ("cell", "amount"), [(0, 0), (0.0, 0), (5_200_000, 5_200_000), (5_200_000.0, 5_200_000)]
)
def test_a_spreadsheet_number_of_whole_rupiah_is_taken(cell, amount):
    assert parsing.parse_rupiah(cell) == amount
