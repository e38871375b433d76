"""Importing job vacancies from CSV and XLSX (app.services.vacancy_import, issue #13 item 2):
every good row written in one transaction with one audit event, each kind of bad row
reported at its column, all or nothing, --skip-invalid, dry runs and the report file."""

from __future__ import annotations

import csv
import hashlib
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app.errors import LoketError
from app.services.vacancy_import import run_vacancy_import, write_report
from tests.unit.cohort_support import TODAY, at
from tests.unit.helpers import count, rows

HEADER = [
    "perusahaan",
    "npp",
    "posisi",
    "kode_wilayah",
    "modul",
    "jumlah",
    "upah_min",
    "upah_maks",
    "batas_lamaran",
    "kontak",
]
GOOD = {
    "perusahaan": "PT Baja Utama",
    "npp": "12345678",
    "posisi": "Juru Las",
    "kode_wilayah": "64.71",
    "modul": "LAS",
    "jumlah": "5",
    "upah_min": "4.500.000",
    "upah_maks": "6.000.000",
    "batas_lamaran": "2027-01-31",
    "kontak": "HRD 0812-1111-2222",
}
SECOND = {
    **GOOD,
    "perusahaan": "CV Garmen Jaya",
    "npp": "",
    "posisi": "Penjahit",
    "kode_wilayah": "3275",
    "modul": "Garmen dan Menjahit",
    "jumlah": "",
    "upah_min": "",
    "upah_maks": "",
    "batas_lamaran": "31/01/2027",
    "kontak": "hrd@garmen.example",
}
# a third vacancy, unlike the two above, that each bad case below spoils in one column
OTHER = {**GOOD, "perusahaan": "PT Gudang Sentosa", "posisi": "Operator Forklift",
         "modul": "FORKLIFT"}  # fmt: skip


@pytest.fixture
def office(staffed):
    at(staffed, TODAY)  # 2 December 2026
    return staffed


def _csv(path: Path, *records: dict[str, str], header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for record in records:
            writer.writerow([record.get(column, "") for column in header])
    return path


def _xlsx(path: Path, *records: list[Any], header: list[str] = HEADER) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for record in records:
        sheet.append(record)
    book.save(path)
    return path


def _import(office, path: Path, **options: Any):
    return run_vacancy_import(office.db, office.actors["supervisor"], path, **options)


def _vacancies(office) -> list[tuple[object, ...]]:
    return rows(
        office.path,
        "SELECT employer, npp, position, region_code, modules, openings, wage_min, wage_max,"
        " closes_on, contact, sector, skills, source, registered_by FROM vacancy"
        " ORDER BY employer, position",
    )


def _imports(office) -> list[dict[str, Any]]:
    found = rows(office.path, "SELECT detail FROM audit_event WHERE action='vacancy.import'")
    return [json.loads(str(detail)) for (detail,) in found]


def _errors(result) -> list[tuple[int, str]]:
    return [(r.row, r.field) for r in result.reports if r.status == "error"]


# -- a good file ------------------------------------------------------------------------------


def test_a_good_file_writes_every_row_with_one_audit_event(office, tmp_path):
    header = [*HEADER, "sektor", "keterampilan", "sumber"]
    extra = {"sektor": "Manufaktur", "keterampilan": "SMAW 3G", "sumber": "Surat 12/XI"}
    path = _csv(tmp_path / "lowongan.csv", {**GOOD, **extra}, SECOND, header=header)
    result = _import(office, path)
    assert (result.total, result.ok, result.warnings, result.errors, result.written) == (
        2, 2, 0, 0, 2,
    )  # fmt: skip
    assert _vacancies(office) == [
        ("CV Garmen Jaya", None, "Penjahit", "32.75", "GARMEN", 1, None, None, "2027-01-31",
         "hrd@garmen.example", None, None, None, "spv.rina"),
        ("PT Baja Utama", "12345678", "Juru Las", "64.71", "LAS", 5, 4_500_000, 6_000_000,
         "2027-01-31", "HRD 0812-1111-2222", "Manufaktur", "SMAW 3G", "Surat 12/XI", "spv.rina"),
    ]  # fmt: skip
    (event,) = _imports(office)
    assert event["rows"] == 2 and event["skipped"] == 0 and event["file"] == "lowongan.csv"
    assert event["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest() == result.sha256
    assert count(office.path, "audit_event", "action='vacancy.add'") == 0
    assert count(office.path, "outbox", "entity='vacancy'") == 2


def test_modules_by_code_and_by_name_with_bars_and_spacing(office, tmp_path):
    path = _csv(
        tmp_path / "modul.csv",
        {**GOOD, "modul": " las |  garmen   DAN menjahit|FORKLIFT |"},
        {**SECOND, "modul": "Operator Forklift|forklift| LAS"},
    )
    result = _import(office, path)
    assert result.written == 2, result.reports
    assert rows(office.path, "SELECT position, modules FROM vacancy ORDER BY position") == [
        ("Juru Las", "LAS GARMEN FORKLIFT"),  # in the file's order
        ("Penjahit", "FORKLIFT LAS"),  # named twice, kept once
    ]


def test_openings_and_wages_at_their_boundaries_are_accepted(office, tmp_path):
    path = _csv(
        tmp_path / "batas.csv",
        {**GOOD, "posisi": "A", "jumlah": "1"},
        {**GOOD, "posisi": "B", "jumlah": "10000"},
        {**GOOD, "posisi": "C", "jumlah": "10.000"},
        {**GOOD, "posisi": "D", "upah_min": "5.000.000", "upah_maks": "5.000.000"},
        {**GOOD, "posisi": "E", "upah_min": "0", "upah_maks": "Rp 4.500.000,00"},
        {**GOOD, "posisi": "F", "batas_lamaran": TODAY.isoformat()},  # closes today: no warning
    )
    result = _import(office, path)
    assert [(r.row, r.status) for r in result.reports] == [(n, "ok") for n in range(2, 8)]
    assert rows(
        office.path, "SELECT position, openings, wage_min, wage_max, closes_on FROM vacancy"
        " ORDER BY position",
    ) == [
        ("A", 1, 4_500_000, 6_000_000, "2027-01-31"),
        ("B", 10_000, 4_500_000, 6_000_000, "2027-01-31"),
        ("C", 10_000, 4_500_000, 6_000_000, "2027-01-31"),
        ("D", 5, 5_000_000, 5_000_000, "2027-01-31"),
        ("E", 5, 0, 4_500_000, "2027-01-31"),
        ("F", 5, 4_500_000, 6_000_000, "2026-12-02"),
    ]  # fmt: skip


# -- each bad row -----------------------------------------------------------------------------

BAD = [
    ({"modul": "LAS|Menyelam"}, "modul", "Modul tidak dikenal: Menyelam"),
    ({"modul": ""}, "modul", "Isi paling sedikit satu modul"),
    ({"modul": " | "}, "modul", "Isi paling sedikit satu modul"),
    ({"kode_wilayah": "99.99"}, "kode_wilayah", "Kode wilayah 99.99 tidak ada dalam daftar"),
    ({"kode_wilayah": ""}, "kode_wilayah", "Wajib diisi."),
    ({"perusahaan": ""}, "perusahaan", "Wajib diisi."),
    ({"posisi": "  "}, "posisi", "Wajib diisi."),
    ({"kontak": ""}, "kontak", "Wajib diisi."),
    ({"jumlah": "0"}, "jumlah", "Jumlah lowongan: bilangan bulat 1–10000."),
    ({"jumlah": "10001"}, "jumlah", "Jumlah lowongan: bilangan bulat 1–10000."),
    ({"jumlah": "abc"}, "jumlah", "Jumlah lowongan: bilangan bulat 1–10000."),
    ({"jumlah": "-3"}, "jumlah", "Jumlah lowongan: bilangan bulat 1–10000."),
    ({"upah_maks": "4.499.999"}, "upah_maks", "Upah maksimum lebih kecil dari upah minimum."),
    ({"upah_min": "empat juta"}, "upah_min", "Jumlah rupiah tidak valid: empat juta."),
    ({"upah_maks": "-6000000"}, "upah_maks", "Jumlah rupiah tidak valid: -6000000."),
    ({"batas_lamaran": "31/02/2027"}, "batas_lamaran", "Tanggal tidak valid: 31/02/2027."),
    ({"batas_lamaran": "besok"}, "batas_lamaran", "Tanggal tidak valid: besok."),
    ({"perusahaan": '=HYPERLINK("http://x.example","klik")'}, "perusahaan", "rumus Excel"),
    ({"posisi": "x" * 121}, "posisi", "Terlalu panjang: 121 karakter, paling banyak 120."),
]


@pytest.mark.parametrize(("change", "column", "words"), BAD, ids=[c for _, c, _ in BAD])
def test_a_bad_row_is_reported_at_its_column_and_nothing_is_written(
    office, tmp_path, change, column, words
):
    path = _csv(tmp_path / "buruk.csv", GOOD, SECOND, {**OTHER, **change})
    before = (count(office.path, "audit_event"), count(office.path, "outbox"))
    result = _import(office, path)
    assert [(r.row, r.status) for r in result.reports[:2]] == [(2, "ok"), (3, "ok")]
    bad = result.reports[2]
    assert (bad.row, bad.status, bad.field) == (4, "error", column)
    assert words in bad.message, bad.message
    assert (result.total, result.ok, result.errors, result.written) == (3, 2, 1, 0)
    assert count(office.path, "vacancy") == 0
    assert (count(office.path, "audit_event"), count(office.path, "outbox")) == before


def test_a_seven_digit_npp_and_a_past_closing_date_are_only_warnings(office, tmp_path):
    path = _csv(
        tmp_path / "peringatan.csv",
        {**GOOD, "npp": "1234567"},
        {**SECOND, "batas_lamaran": "01/12/2026"},  # yesterday
    )
    result = _import(office, path)
    assert [(r.row, r.status, r.field) for r in result.reports] == [
        (2, "warning", "npp"),
        (3, "warning", "batas_lamaran"),
    ]
    assert "NPP biasanya 8 karakter (ini 7)" in result.reports[0].message
    assert "Batas lamaran sudah lewat" in result.reports[1].message
    assert (result.ok, result.warnings, result.errors, result.written) == (0, 2, 0, 2)
    assert rows(office.path, "SELECT npp, closes_on FROM vacancy ORDER BY employer") == [
        (None, "2026-12-01"),
        ("1234567", "2027-01-31"),
    ]


def test_the_same_vacancy_twice_in_the_file_is_an_error_at_the_second(office, tmp_path):
    path = _csv(
        tmp_path / "dobel.csv",
        GOOD,
        {**GOOD, "perusahaan": "pt  BAJA utama", "posisi": "juru las", "kontak": "lain"},
        {**GOOD, "batas_lamaran": "2027-02-28"},  # another closing date: another vacancy
        {**GOOD, "kode_wilayah": "52.71"},  # another region: another vacancy
        {**GOOD, "posisi": "Juru Las Pipa"},  # another position
        {**GOOD, "posisi": "Tanpa batas", "batas_lamaran": ""},
        {**GOOD, "posisi": "Tanpa Batas", "batas_lamaran": ""},  # no closing date, twice
    )
    result = _import(office, path)
    assert [(r.row, r.status, r.field, r.message) for r in result.reports if r.status != "ok"] == [
        (3, "error", "posisi", "Lowongan yang sama dengan baris 2 di berkas ini."),
        (8, "error", "posisi", "Lowongan yang sama dengan baris 7 di berkas ini."),
    ]
    assert result.written == 0 and count(office.path, "vacancy") == 0
    done = _import(office, path, skip_invalid=True)
    assert done.written == 5 and count(office.path, "vacancy") == 5
    again = _import(office, _csv(tmp_path / "lagi.csv", {**GOOD, "posisi": "Tanpa batas",
                                                           "batas_lamaran": ""}))  # fmt: skip
    assert _errors(again) == [(2, "posisi")]  # recorded without a closing date too


def test_a_vacancy_already_recorded_is_an_error(office, tmp_path):
    from app.services.vacancies import add_vacancy, close_vacancy

    first = _import(office, _csv(tmp_path / "satu.csv", GOOD))
    assert first.written == 1
    added = add_vacancy(office.db, office.actors["counter"], {
        "employer": "CV Garmen Jaya", "position": "Penjahit", "region_code": "32.75",
        "modules": "GARMEN", "contact": "x", "closes_on": "2027-01-31",
    })  # fmt: skip
    close_vacancy(office.db, office.actors["counter"], added.id)  # closed: still recorded
    again = _import(office, _csv(tmp_path / "dua.csv", GOOD, SECOND, OTHER))
    assert [(r.row, r.status, r.field, r.message) for r in again.reports] == [
        (2, "error", "posisi", "Lowongan Juru Las di PT Baja Utama sudah tercatat."),
        (3, "error", "posisi", "Lowongan Penjahit di CV Garmen Jaya sudah tercatat."),
        (4, "ok", "", ""),
    ]
    assert again.written == 0 and count(office.path, "vacancy") == 2
    assert len(_imports(office)) == 1


# -- all or nothing, skip-invalid, dry run ----------------------------------------------------


def test_skip_invalid_writes_the_good_rows_and_says_what_was_skipped(office, tmp_path):
    path = _csv(tmp_path / "campur.csv", GOOD, {**OTHER, "jumlah": "0"}, SECOND)
    result = _import(office, path, skip_invalid=True)
    assert _errors(result) == [(3, "jumlah")]
    assert result.written == 2
    assert rows(office.path, "SELECT employer FROM vacancy ORDER BY employer") == [
        ("CV Garmen Jaya",),
        ("PT Baja Utama",),
    ]
    ((event),) = _imports(office)
    assert (event["rows"], event["skipped"]) == (2, 1)


def test_a_file_of_bad_rows_only_writes_nothing_even_with_skip_invalid(office, tmp_path):
    path = _csv(tmp_path / "semua-buruk.csv", {**GOOD, "modul": ""}, {**SECOND, "kontak": ""})
    result = _import(office, path, skip_invalid=True)
    assert _errors(result) == [(2, "modul"), (3, "kontak")]
    assert result.written == 0 and count(office.path, "vacancy") == 0 and _imports(office) == []


@pytest.mark.parametrize("skip_invalid", [False, True])
def test_a_dry_run_writes_nothing_and_reports_the_same(office, tmp_path, skip_invalid):
    path = _csv(tmp_path / "coba.csv", GOOD, {**OTHER, "kode_wilayah": "99"}, SECOND)
    before = (count(office.path, "audit_event"), count(office.path, "outbox"))
    trial = _import(office, path, dry_run=True, skip_invalid=skip_invalid)
    assert trial.dry_run and trial.written == 0
    assert (trial.total, trial.ok, trial.errors) == (3, 2, 1)
    assert _errors(trial) == [(3, "kode_wilayah")]
    assert count(office.path, "vacancy") == 0
    assert (count(office.path, "audit_event"), count(office.path, "outbox")) == before
    good = _import(office, _csv(tmp_path / "baik.csv", GOOD, SECOND), dry_run=True)
    assert (good.ok, good.written) == (2, 0) and count(office.path, "vacancy") == 0


def test_missing_required_columns_are_named(office, tmp_path):
    path = tmp_path / "kolom.csv"
    path.write_text("Perusahaan,Posisi,Kontak,jumlah\nPT A,Las,x,1\n", encoding="utf-8")
    with pytest.raises(LoketError) as refused:
        _import(office, path)
    assert refused.value.field == "mapping"
    message = refused.value.message("id")
    assert message.startswith("Kolom wajib tidak ada: kode_wilayah, modul.")
    assert count(office.path, "vacancy") == 0


def test_headers_are_read_whatever_their_case_and_spacing(office, tmp_path):
    header = ["Perusahaan", "NPP", " Posisi ", "Kode Wilayah", "MODUL", "Jumlah", "Upah Min",
              "Upah Maks", "Batas Lamaran", "Kontak"]  # fmt: skip
    path = tmp_path / "judul.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerow([GOOD[c] for c in HEADER])
    assert _import(office, path).written == 1
    assert _vacancies(office)[0][:6] == ("PT Baja Utama", "12345678", "Juru Las", "64.71", "LAS", 5)


# -- XLSX --------------------------------------------------------------------------------------


def _xlsx_row(**over: Any) -> list[Any]:
    base: dict[str, Any] = {
        "perusahaan": "PT Baja Utama",
        "npp": 12345678,
        "posisi": "Juru Las",
        "kode_wilayah": 6471,
        "modul": "LAS|GARMEN",
        "jumlah": 5,
        "upah_min": 4_500_000,
        "upah_maks": 6_000_000.0,
        "batas_lamaran": datetime(2027, 1, 31),
        "kontak": "HRD",
    }
    base.update(over)
    return [base[c] for c in HEADER]


def test_xlsx_with_typed_cells_is_read_as_typed(office, tmp_path):
    path = _xlsx(
        tmp_path / "lowongan.xlsx",
        _xlsx_row(),
        _xlsx_row(
            posisi="Operator",
            jumlah=10000.0,
            upah_min=0,
            upah_maks=None,
            batas_lamaran=date(2026, 12, 2),
            kode_wilayah="52.71",
        ),
    )
    result = _import(office, path)
    assert [(r.row, r.status) for r in result.reports] == [(2, "ok"), (3, "ok")]
    assert rows(
        office.path, "SELECT position, npp, region_code, modules, openings, wage_min, wage_max,"
        " closes_on FROM vacancy ORDER BY position",
    ) == [
        ("Juru Las", "12345678", "64.71", "LAS GARMEN", 5, 4_500_000, 6_000_000, "2027-01-31"),
        ("Operator", "12345678", "52.71", "LAS GARMEN", 10_000, 0, None, "2026-12-02"),
    ]  # fmt: skip
    assert len(_imports(office)) == 1


XLSX_BAD = [
    ({"upah_min": -4_500_000}, "upah_min"),  # a negative number cell
    ({"upah_min": -1.0}, "upah_min"),
    ({"upah_min": 4_500_000.5}, "upah_min"),  # a fraction of a rupiah
    ({"upah_maks": -6_000_000.0}, "upah_maks"),
    ({"jumlah": 0}, "jumlah"),
    ({"jumlah": 10001}, "jumlah"),
    ({"jumlah": 2.5}, "jumlah"),  # two and a half openings is no number of openings
    ({"kode_wilayah": 9999}, "kode_wilayah"),
    ({"batas_lamaran": "31/02/2027"}, "batas_lamaran"),
    # typed as text (Excel's leading apostrophe): the formula is refused, not stored
    ({"perusahaan": '=HYPERLINK("http://x.example","klik")'}, "perusahaan"),
]


@pytest.mark.parametrize(("change", "column"), XLSX_BAD, ids=[repr(c) for c, _ in XLSX_BAD])
def test_a_bad_xlsx_cell_is_reported_at_its_column(office, tmp_path, change, column):
    path = tmp_path / "buruk.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(_xlsx_row(posisi="Baik"))
    sheet.append(_xlsx_row(**change))
    if "perusahaan" in change:
        sheet.cell(row=3, column=1).data_type = "s"  # a text cell, not a formula
    book.save(path)
    result = _import(office, path)
    assert [(r.row, r.status) for r in result.reports] == [(2, "ok"), (3, "error")]
    assert result.reports[1].field == column, result.reports[1]
    assert result.written == 0 and count(office.path, "vacancy") == 0


def test_an_xlsx_formula_in_the_employer_is_never_stored(office, tmp_path):
    path = _xlsx(
        tmp_path / "rumus.xlsx",
        _xlsx_row(posisi="Baik"),
        _xlsx_row(perusahaan='=HYPERLINK("http://x.example","klik")'),  # a real formula cell
    )
    result = _import(office, path, skip_invalid=True)
    assert _errors(result) == [(3, "perusahaan")]
    assert rows(office.path, "SELECT employer, position FROM vacancy") == [
        ("PT Baja Utama", "Baik")
    ]


# -- the report --------------------------------------------------------------------------------


def test_write_report_has_one_line_per_data_row(office, tmp_path):
    path = _csv(
        tmp_path / "laporan.csv",
        GOOD,
        {**OTHER, "jumlah": "abc", "kode_wilayah": "99.99"},
        {**SECOND, "npp": "1234567"},
        {**GOOD, "kontak": "x"},
    )
    result = _import(office, path, dry_run=True)
    out = tmp_path / "hasil.csv"
    write_report(result, out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    with out.open(encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    assert lines[0] == ["row", "status", "field", "message"]
    assert [line[:3] for line in lines[1:]] == [
        ["2", "ok", ""],
        ["3", "error", "kode_wilayah;jumlah"],
        ["4", "warning", "npp"],
        ["5", "error", "posisi"],
    ]
    assert lines[1][3] == ""
    assert "Kode wilayah 99.99" in lines[2][3] and "Jumlah lowongan" in lines[2][3]
    assert " | " in lines[2][3]  # both sentences, one line
    assert lines[3][3] == "NPP biasanya 8 karakter (ini 7). Periksa dokumen perusahaan."
    assert lines[4][3] == "Lowongan yang sama dengan baris 2 di berkas ini."
