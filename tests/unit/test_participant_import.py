"""Importing participants from the files offices really have (issue #3 item 6)."""

from __future__ import annotations

import csv
import sqlite3

import pytest

from app.services.participant_import import run_import, suggest_mapping, write_report
from tests.unit.helpers import count

HEADER = (
    "nik;nama;tempat_lahir;tanggal_lahir;jenis_kelamin;telepon;kpj;kode_wilayah;upah_terakhir;"
    "persetujuan\n"
)
GOOD = [
    "3171011708900001;Budi Santoso;Jakarta;17/08/1990;L;0812-3456-7890;12345678901;3171;"
    "1.500.000;Y",
    "3273015708920002;Siti Aminah;Bandung;1992-08-17;P;;;32.73.01;;Y",
    "5201014101950003;Ni Luh Ayu;Mataram;01/01/1995;P;081311112222;;52.01;2500000;Y",
]


def write(path, lines, encoding="utf-8"):
    path.write_bytes((HEADER + "\n".join(lines) + "\n").encode(encoding))
    return path


def test_semicolon_windows_1252_file_imports(office, admin, tmp_path):
    rows = [*GOOD, "3603124505900004;Dewi Rosé Pérez;Tangerang;05/05/1990;P;;;36.03;;Y"]
    f = write(tmp_path / "peserta.csv", rows, encoding="cp1252")
    result = run_import(office, admin, f)
    assert (result.total, result.errors, result.written) == (4, 0, 4)
    names = [
        r[0]
        for r in sqlite3.connect(office.path).execute(
            "SELECT full_name FROM participant ORDER BY full_name"
        )
    ]
    assert "Dewi Rosé Pérez" in names
    assert count(office.path, "audit_event", "action='participant.import'") == 1


def test_utf8_bom_comma_file_and_iso_dates(office, admin, tmp_path):
    f = tmp_path / "p.csv"
    f.write_text(
        "\ufeff" + HEADER.replace(";", ",") + GOOD[1].replace(";", ",") + "\n", encoding="utf-8"
    )
    assert run_import(office, admin, f).written == 1


def test_errors_are_reported_per_row_and_nothing_is_written(office, admin, tmp_path):
    bad = [
        GOOD[0],
        "3.17101E+15;Excel Rusak;Jakarta;01/01/1990;L;;;;;Y",
        "3171014102900005;Tanggal Mustahil;Jakarta;31/02/1990;P;;;;;Y",
        "3171010101900006;Telepon Mustahil;Jakarta;01/01/1990;L;12345;;;;Y",
        "3171011708900001;Budi Dobel;Jakarta;17/08/1990;L;;;;;Y",
        "3171010101300007;Lahir Nanti;Jakarta;01/01/2099;L;;;;;Y",
    ]
    f = write(tmp_path / "campur.csv", bad)
    result = run_import(office, admin, f, dry_run=False)
    assert result.written == 0 and count(office.path, "participant") == 0
    by_row = {r.row: r for r in result.reports}
    assert by_row[2].status == "ok"
    assert by_row[3].status == "error" and "Excel" in by_row[3].message
    assert by_row[4].field.startswith("tanggal_lahir") or "tanggal" in by_row[4].message
    assert by_row[5].status == "error" and "telepon" in by_row[5].field
    assert by_row[6].status == "error" and "baris 2" in by_row[6].message
    assert by_row[7].status == "error" and "masa depan" in by_row[7].message
    out = tmp_path / "laporan.csv"
    write_report(result, out)
    lines = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert lines[0] == ["row", "status", "field", "message"] and len(lines) == 7


def test_skip_invalid_writes_the_valid_rows_in_one_go(office, admin, tmp_path):
    f = write(tmp_path / "x.csv", [GOOD[0], "123;Pendek;X;01/01/1990;L;;;;;Y", GOOD[1]])
    result = run_import(office, admin, f, skip_invalid=True)
    assert (result.errors, result.written) == (1, 2)


def test_nik_already_in_the_database_is_an_error(office, admin, tmp_path):
    run_import(office, admin, write(tmp_path / "a.csv", GOOD[:1]))
    result = run_import(office, admin, write(tmp_path / "b.csv", GOOD[:2]))
    assert [r.status for r in result.reports] == ["error", "ok"]
    assert "sudah terdaftar" in result.reports[0].message and result.written == 0


def test_dry_run_writes_nothing(office, admin, tmp_path):
    result = run_import(office, admin, write(tmp_path / "a.csv", GOOD), dry_run=True)
    assert result.ok + result.warnings == 3 and count(office.path, "participant") == 0


def test_failure_half_way_through_the_write_leaves_nothing(office, admin, tmp_path):
    con = sqlite3.connect(office.path)
    con.execute(
        "CREATE TRIGGER disk_full BEFORE INSERT ON participant WHEN NEW.full_name = 'Siti Aminah'"
        " BEGIN SELECT RAISE(ABORT, 'disk penuh'); END"
    )
    con.commit()
    con.close()
    before = {t: count(office.path, t) for t in ("participant", "outbox", "audit_event", "consent")}
    with pytest.raises(Exception, match="disk penuh"):
        run_import(office, admin, write(tmp_path / "a.csv", GOOD))
    after = {t: count(office.path, t) for t in before}
    assert after == before


def test_xlsx_with_a_nik_excel_turned_into_a_number(office, admin, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["NIK", "Nama Lengkap", "Tgl Lahir", "JK", "No HP"])
    ws.append(["3171011708900001", "Budi Santoso", "17/08/1990", "L", "081234567890"])
    ws.append([3171011708900010, "Angka Rusak", "17/08/1990", "L", None])
    ws.append([3171011708900023, "Angka Utuh", "17/08/1990", "L", 81234567891])
    path = tmp_path / "peserta.xlsx"
    wb.save(path)
    assert suggest_mapping(["NIK", "Nama Lengkap", "Tgl Lahir", "JK", "No HP"]) == {
        "NIK": "nik",
        "Nama Lengkap": "nama",
        "Tgl Lahir": "tanggal_lahir",
        "JK": "jenis_kelamin",
        "No HP": "telepon",
    }
    result = run_import(office, admin, path, dry_run=True)
    statuses = [(r.row, r.status) for r in result.reports]
    assert statuses == [(2, "warning"), (3, "error"), (4, "warning")]
    assert "15 digit" in result.reports[1].message


def test_missing_required_column_is_refused(office, admin, tmp_path):
    from app.errors import LoketError

    f = tmp_path / "kurang.csv"
    f.write_text("nik;nama\n3171011708900001;Budi\n", encoding="utf-8")
    with pytest.raises(LoketError) as err:
        run_import(office, admin, f)
    assert "tanggal_lahir" in err.value.message("id")


def test_empty_file_is_a_clear_refusal(office, admin, tmp_path):
    from app.errors import ValidationError

    f = tmp_path / "kosong.csv"
    f.write_text("", encoding="utf-8")
    with pytest.raises(ValidationError):
        run_import(office, admin, f)
