"""Edges of the participant import written from its mutation run's survivors (docs/testing.md):
what the row report says about duplicates, the counts and progress numbers a clerk sees,
what the audit event and the stored records keep, typed XLSX cells, the report file. Real
CSV and XLSX files, a real office database (tests/unit/conftest.py's `staffed`)."""

from __future__ import annotations

import csv
import hashlib
import json
from datetime import datetime

import pytest
from openpyxl import Workbook

from app.errors import LoketError
from app.services.participant_import import run_import, write_report
from app.services.settings import update_settings
from tests.unit.helpers import count, execute, rows
from tests.unit.test_participant_import import GOOD, write
from tests.unit.xlsx_parts import cell, sheet_xml, write_xlsx

BUDI, SITI = GOOD[0], GOOD[1]  # Budi has KPJ 12345678901; Siti has no KPJ
# Same KPJ as Budi, otherwise someone else.
ANDI_SAME_KPJ = "3171010101900006;Andi Wijaya;Jakarta;01/01/1990;L;;12345678901;;;Y"
NO_CONSENT = "Persetujuan pemrosesan data pribadi belum dicatat."
BAD_PHONE = "Nomor telepon tidak valid: 12345. Contoh: 0812-3456-7890 atau (021) 765 4321."
XLSX_HEADER = ["nik", "nama", "tanggal_lahir", "jenis_kelamin", "telepon", "persetujuan"]


@pytest.fixture
def office(staffed):
    return staffed.db


@pytest.fixture
def spv(staffed):
    """Imports are a supervisor's work."""
    return staffed.actors["supervisor"]


def _report(result):
    return [(r.row, r.status, r.field, r.message) for r in result.reports]


class Number(str):
    """A number cell exactly as written in the sheet's XML (`8.1234567891E+10`): openpyxl
    writes a whole float as an integer, other tools write exponents, which read as floats."""


def _raw_xlsx(path, *data):
    """An XLSX written part by part: `Number` values as number cells, text as text cells."""
    body = ""
    for r, values in enumerate((XLSX_HEADER, *data), start=1):
        cells = ""
        for letter, v in zip("ABCDEF", values, strict=True):
            if isinstance(v, Number):
                cells += f'<c r="{letter}{r}"><v>{v}</v></c>'
            elif v is not None:
                cells += cell(f"{letter}{r}", v)
        body += f'<row r="{r}">{cells}</row>'
    return write_xlsx(path, sheet_xml(body))


def _xlsx(path, *data, header=XLSX_HEADER):
    wb = Workbook()
    sheet = wb.active
    for values in (header, *data):
        sheet.append(values)
    wb.save(path)
    return path


# --- duplicates: in the file and in the database ------------------------------------------------


def test_a_registered_nik_without_a_kpj_names_its_owner_and_office(office, spv, tmp_path):
    run_import(office, spv, write(tmp_path / "a.csv", [SITI]))
    result = run_import(office, spv, write(tmp_path / "b.csv", [SITI]))
    assert _report(result) == [
        (2, "error", "nik", "NIK sudah terdaftar atas nama Siti Aminah (JKT).")
    ]
    assert (result.errors, result.written, count(office.path, "participant")) == (1, 0, 1)


def test_a_nik_repeated_in_the_file_points_at_its_first_row(office, spv, tmp_path):
    result = run_import(office, spv, write(tmp_path / "a.csv", [SITI, BUDI, SITI]), dry_run=True)
    assert _report(result)[2] == (4, "error", "nik", "NIK sama dengan baris 2 di berkas ini.")


def test_same_kpj_as_someone_registered_warns_and_still_imports(office, spv, tmp_path):
    run_import(office, spv, write(tmp_path / "a.csv", [BUDI]))
    result = run_import(office, spv, write(tmp_path / "b.csv", [ANDI_SAME_KPJ]))
    assert _report(result) == [
        (
            2,
            "warning",
            "kpj",
            "Mungkin orang yang sama dengan Budi Santoso (KPJ sama). Periksa setelah impor.",
        )
    ]
    assert result.written == 1
    assert rows(office.path, "SELECT full_name FROM participant WHERE kpj='12345678901'") == [
        ("Budi Santoso",),
        ("Andi Wijaya",),
    ]


def test_a_similar_name_born_the_same_day_warns_on_the_name(office, spv, tmp_path):
    run_import(office, spv, write(tmp_path / "a.csv", [BUDI]))
    other_nik = "3171011708900099;Budi Santosa;Jakarta;17/08/1990;L;;;;;Y"
    result = run_import(office, spv, write(tmp_path / "b.csv", [other_nik]), dry_run=True)
    assert _report(result) == [
        (
            2,
            "warning",
            "nama",
            "Mungkin orang yang sama dengan Budi Santoso (nama mirip, tanggal lahir sama). "
            "Periksa setelah impor.",
        )
    ]


def test_a_row_with_an_unusable_nik_is_still_matched_by_its_kpj(office, spv, tmp_path):
    run_import(office, spv, write(tmp_path / "a.csv", [BUDI]))
    bad_nik = ANDI_SAME_KPJ.replace("3171010101900006", "123")
    result = run_import(office, spv, write(tmp_path / "b.csv", [bad_nik]), dry_run=True)
    assert _report(result) == [
        (
            2,
            "error",
            "nik;kpj",
            "NIK harus 16 angka (sekarang 3). | Mungkin orang yang sama dengan Budi Santoso "
            "(KPJ sama). Periksa setelah impor.",
        )
    ]


# --- counts, messages, progress, cancelling -----------------------------------------------------


def test_rows_are_counted_by_their_worst_finding(office, spv, tmp_path):
    lines = [
        BUDI.removesuffix("Y"),  # no consent: a warning
        "3171010101900006;Telepon Salah;Jakarta;01/01/1990;L;12345;;;;",
        SITI,
        GOOD[2].removesuffix("Y"),
        "123;Pendek;Jakarta;01/01/1990;L;;;;;Y",
        "3171010101900007;Andi Wijaya;Jakarta;01/01/1990;L;;;;;Y",
    ]
    result = run_import(office, spv, write(tmp_path / "a.csv", lines), dry_run=True)
    assert (result.total, result.ok, result.warnings, result.errors) == (6, 2, 2, 2)
    assert _report(result)[:4] == [
        (2, "warning", "persetujuan", NO_CONSENT),
        (3, "error", "telepon;persetujuan", f"{BAD_PHONE} | {NO_CONSENT}"),
        (4, "ok", "", ""),
        (5, "warning", "persetujuan", NO_CONSENT),
    ]
    assert result.written == 0 and count(office.path, "participant") == 0


def test_progress_is_reported_every_fifty_rows_and_at_the_last(office, spv, tmp_path):
    lines = [f"317101010190{i:04d};Budi Santoso;Jakarta;01/01/1990;L;;;;;Y" for i in range(1, 103)]
    seen: list[tuple[int, int]] = []
    result = run_import(
        office,
        spv,
        write(tmp_path / "banyak.csv", lines),
        dry_run=True,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert result.total == 102
    assert seen == [(1, 102), (51, 102), (101, 102), (102, 102)]


def test_cancelling_says_so_and_writes_nothing(office, spv, tmp_path):
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return True

    with pytest.raises(LoketError) as err:
        run_import(office, spv, write(tmp_path / "a.csv", GOOD), cancelled=cancelled)
    assert err.value.message("id") == "Impor dibatalkan; tidak ada data yang ditulis."
    assert asked == [1]
    assert count(office.path, "participant") == 0
    assert count(office.path, "audit_event", "action='participant.import'") == 0


def test_missing_required_columns_are_all_named_on_the_mapping(office, spv, tmp_path):
    f = tmp_path / "kurang.csv"
    f.write_text("nik;nama;telepon\n3171011708900001;Budi;0812\n", encoding="utf-8")
    with pytest.raises(LoketError) as err:
        run_import(office, spv, f)
    assert err.value.field == "mapping"
    assert err.value.message("id") == (
        "Kolom wajib tidak ada: tanggal_lahir, jenis_kelamin. Petakan kolom berkas ke nama baku."
    )


# --- what is written: audit event, eligibility preset, consent notice ---------------------------


def test_skip_invalid_audits_the_file_digest_and_the_skipped_rows(office, spv, tmp_path):
    f = write(tmp_path / "campur.csv", [BUDI, "123;Pendek;Jakarta;01/01/1990;L;;;;;Y", SITI])
    digest = hashlib.sha256(f.read_bytes()).hexdigest()
    result = run_import(office, spv, f, skip_invalid=True)
    assert (result.total, result.errors, result.written) == (3, 1, 2)
    assert result.dry_run is False and result.sha256 == digest
    [(entity, entity_id, detail)] = rows(
        office.path,
        "SELECT entity, entity_id, detail FROM audit_event WHERE action='participant.import'",
    )
    assert (entity, entity_id) == ("participant", None)
    assert json.loads(detail) == {
        "file": "campur.csv",
        "sha256": digest,
        "rows": 3,
        "written": 2,
        "skipped": 1,
    }


def test_the_office_preset_judges_and_its_notice_version_is_recorded(
    staffed, office, spv, tmp_path
):
    update_settings(
        office,
        staffed.actors["admin"],
        {"eligibility_preset": "jkp", "consent_notice_version": "2027-03"},
    )
    assert run_import(office, spv, write(tmp_path / "a.csv", [BUDI])).written == 1
    [(preset, detail, notice)] = rows(
        office.path,
        "SELECT p.eligibility_preset, p.eligibility_detail, c.notice_version"
        " FROM participant p JOIN consent c ON c.participant_id = p.id",
    )
    assert (preset, notice) == ("jkp", "2027-03")
    assert [r["key"] for r in json.loads(detail)] == [
        "valid_nik",
        "max_age",
        "contributions_recent",
        "phk_reason_allowed",
        "claim_window",
    ]


def test_a_preset_this_version_does_not_know_is_judged_as_vokasi_2019(office, spv, tmp_path):
    """A setting stored by a newer version (or restored from one) must not stop imports; the
    intake form falls back the same way (app.services.participants.verdict_for)."""
    execute(
        office.path,
        "INSERT OR REPLACE INTO local_setting (key, value) VALUES ('eligibility_preset', ?)",
        json.dumps("vokasi_2031"),
    )
    assert run_import(office, spv, write(tmp_path / "a.csv", [BUDI])).written == 1
    [(detail,)] = rows(office.path, "SELECT eligibility_detail FROM participant")
    assert [r["key"] for r in json.loads(detail)][:3] == [
        "valid_nik",
        "min_membership",
        "phk_window",
    ]


# --- the report file ----------------------------------------------------------------------------


def test_the_report_is_utf8_with_bom_and_crlf_lines_for_excel(office, spv, tmp_path):
    lines = [SITI, "3603124505900004;Dewi Rosé;Tangerang;05/05/1990;P;12345;;;;Y"]
    result = run_import(office, spv, write(tmp_path / "a.csv", lines), dry_run=True)
    out = tmp_path / "laporan.csv"
    write_report(result, out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfrow,status,field,message\r\n")
    assert data.count(b"\r\n") == 3 and b"\r\r\n" not in data
    with out.open(encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh)) == [
            ["row", "status", "field", "message"],
            ["2", "ok", "", ""],
            ["3", "error", "telepon", BAD_PHONE],
        ]


# --- typed XLSX cells ---------------------------------------------------------------------------


def test_xlsx_numbers_and_dates_read_as_the_clerk_typed_them(office, spv, tmp_path):
    path = _xlsx(
        tmp_path / "ketik.xlsx",
        # a date cell, a phone typed as a number, consent as a TRUE cell
        ["3171011708900001", "Budi Santoso", datetime(1990, 8, 17), "L", 81234567890, True],
        # a date typed as 8 digits in a General cell
        ["3273015708920002", "Siti Aminah", 17081992, "P", "081234567891", "Y"],
    )
    result = run_import(office, spv, path)
    assert _report(result) == [(2, "ok", "", ""), (3, "ok", "", "")]
    assert rows(
        office.path, "SELECT full_name, birth_date, phone FROM participant ORDER BY nik"
    ) == [
        ("Budi Santoso", "1990-08-17", "+6281234567890"),
        ("Siti Aminah", "1992-08-17", "+6281234567891"),
    ]
    assert count(office.path, "consent") == 2


@pytest.mark.parametrize("written", ["3171011708900023", "3.171011708900023E+15"])
def test_an_xlsx_nik_kept_as_a_whole_number_imports_with_a_warning(
    office, spv, tmp_path, written
):
    path = _raw_xlsx(
        tmp_path / "angka.xlsx", [Number(written), "Budi Santoso", "17/08/1990", "L", None, "Y"]
    )
    result = run_import(office, spv, path)
    assert _report(result) == [
        (
            2,
            "warning",
            "nik",
            "NIK tersimpan sebagai angka di Excel; format kolom sebagai Teks agar digit tidak "
            "hilang.",
        )
    ]
    assert rows(office.path, "SELECT nik FROM participant") == [("3171011708900023",)]


def test_a_whole_number_in_scientific_notation_reads_as_its_digits(office, spv, tmp_path):
    path = _raw_xlsx(
        tmp_path / "eksponen.xlsx",
        ["3171011708900001", "Budi Santoso", "17/08/1990", "L", Number("8.1234567891E+10"), "Y"],
    )
    assert _report(run_import(office, spv, path)) == [(2, "ok", "", "")]
    assert rows(office.path, "SELECT phone FROM participant") == [("+6281234567891",)]


LOST_DIGIT = (
    "NIK tersimpan sebagai angka di Excel ({}); Excel hanya menyimpan 15 digit sehingga digit "
    "terakhir hilang. Format kolom sebagai Teks dan ketik ulang dari KTP."
)


def test_an_xlsx_nik_that_lost_its_last_digit_shows_the_number_excel_shows(
    office, spv, tmp_path
):
    path = _xlsx(
        tmp_path / "rusak.xlsx",
        [3171011708900010, "Budi Santoso", "17/08/1990", "L", None, "Y"],
    )
    result = run_import(office, spv, path, dry_run=True)
    assert _report(result) == [
        (2, "error", "nik", LOST_DIGIT.format("3.17101E+15") + " | Wajib diisi.")
    ]


def test_an_xlsx_nik_number_beyond_any_float_is_a_row_error_not_a_crash(office, spv, tmp_path):
    """Excel never writes 1E+400, another tool or a hostile file may: it reads as infinity."""
    row = [Number("1E+400"), "Budi Santoso", "17/08/1990", "L", None, "Y"]
    path = _raw_xlsx(tmp_path / "tak-hingga.xlsx", row)
    result = run_import(office, spv, path, dry_run=True)
    assert _report(result) == [
        (2, "error", "nik", LOST_DIGIT.format("INF") + " | Wajib diisi.")
    ]


@pytest.mark.parametrize("wage", [-2500000, -2500000.0])
def test_a_negative_wage_in_an_xlsx_number_cell_is_a_row_error(office, spv, tmp_path, wage):
    """Found by the mutation run: a negative number cell in the wage column was stored as it
    was (the same value typed into a CSV is refused); app.domain.parsing.parse_rupiah now
    holds a spreadsheet number to the rule of typed text."""
    header = [*XLSX_HEADER, "upah_terakhir"]
    path = _xlsx(
        tmp_path / "upah.xlsx",
        ["3171011708900001", "Budi Santoso", "17/08/1990", "L", None, "Y", wage],
        header=header,
    )
    result = run_import(office, spv, path)
    assert [(r.row, r.status, r.field) for r in result.reports] == [(2, "error", "upah_terakhir")]
    assert count(office.path, "participant") == 0
