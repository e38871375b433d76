"""The header row of an import file (issue #7 part 7, case 3): columns are taken by
position, a repeated heading or an unnamed column holding data refuses the file, a wholly
empty unnamed column is ignored."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.services.participant_import import run_import
from app.services.tables import read_table
from tests.unit.helpers import count, rows
from tests.unit.xlsx_parts import table_xlsx

ROW = [
    "3171011708900001",
    "Budi Santoso",
    "17/08/1990",
    "L",
    "PT Maju Jaya",
    "BRI",
    "Y",
]


def _csv(path, header, *data):
    path.write_text("\n".join(";".join(r) for r in (header, *data)) + "\n", encoding="utf-8")
    return path


def _refusal(office, admin, path):
    with pytest.raises(ValidationError) as err:
        run_import(office, admin, path)
    assert err.value.field == "file"
    assert count(office.path, "participant") == 0
    return err.value.message("id")


def test_a_repeated_heading_is_refused_naming_its_columns(office, admin, tmp_path):
    header = ["nik", "nama", "catatan", "tanggal_lahir", "jenis_kelamin", "catatan"]
    header += ["perusahaan_terakhir", "bank", "persetujuan"]
    data = [*ROW[:2], "x", *ROW[2:4], "y", *ROW[4:]]
    message = _refusal(office, admin, _csv(tmp_path / "ganda.csv", header, data))
    assert message == (
        'Judul kolom berulang: "catatan" (C, F). Setiap kolom harus punya judul yang berbeda; '
        "ubah atau hapus salah satunya, lalu impor lagi."
    )


def test_headings_that_differ_only_in_case_and_spaces_are_the_same(office, admin, tmp_path):
    header = ["nik", "Nama", "tanggal_lahir", "jenis_kelamin", "nama "]
    message = _refusal(office, admin, _csv(tmp_path / "ganda.csv", header, [*ROW[:4], "x"]))
    assert '"Nama" (B, E)' in message


def test_an_unnamed_column_holding_data_is_refused(office, admin, tmp_path):
    header = ["nik", "nama", "tanggal_lahir", "jenis_kelamin", "", ""]
    first = [*ROW[:4], "", ""]
    second = [
        "3273015708920002",
        "Siti Aminah",
        "17/08/1992",
        "P",
        "Bank Jabar",
        "",
    ]
    message = _refusal(office, admin, _csv(tmp_path / "kosong.csv", header, first, second))
    assert message == (
        "Kolom ke-5 (E) tanpa judul berisi data (mulai baris 3). Beri judul pada kolom itu, "
        "atau hapus isinya bila tidak perlu."
    )


def test_data_beyond_the_last_heading_is_refused_too(office, admin, tmp_path):
    """A `;` inside an unquoted name shifts that row: its last value has no heading."""
    header = ["nik", "nama", "tanggal_lahir", "jenis_kelamin"]
    shifted = ["3171011708900001", "Budi", "S.Kom", "17/08/1990", "L"]
    message = _refusal(office, admin, _csv(tmp_path / "geser.csv", header, shifted))
    assert message.startswith("Kolom ke-5 (E) tanpa judul berisi data (mulai baris 2).")


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_empty_unnamed_columns_are_ignored_and_columns_keep_their_place(
    office, admin, tmp_path, kind
):
    header = ["nik", "nama", "", "tanggal_lahir", "jenis_kelamin", ""]
    header += ["perusahaan_terakhir", "bank", "persetujuan"]
    data = [*ROW[:2], "", *ROW[2:4], "", *ROW[4:]]
    if kind == "csv":
        path = _csv(tmp_path / "p.csv", header, data)
    else:
        path = table_xlsx(tmp_path / "p.xlsx", [header, data])
    result = run_import(office, admin, path)
    assert rows(office.path, "SELECT full_name, last_employer, bank_name FROM participant") == [
        ("Budi Santoso", "PT Maju Jaya", "BRI")
    ]
    assert (result.errors, result.written) == (0, 1)
    table = read_table(path)
    assert table.headers == [h for h in header if h]
    assert [table.letter(j) for j in range(len(table.headers))] == list("ABDEGHI")


def test_two_columns_mapped_to_one_field_are_refused(office, admin, tmp_path):
    header = ["NIK", "Nama Lengkap", "Tgl Lahir", "JK", "Nama Sesuai KTP"]
    path = _csv(tmp_path / "dua-nama.csv", header, [*ROW[:4], "BUDI S"])
    with pytest.raises(ValidationError) as err:
        run_import(office, admin, path)
    assert err.value.field == "mapping"
    assert err.value.message("id") == (
        "Kolom B (Nama Lengkap), E (Nama Sesuai KTP) sama-sama dipetakan ke nama. Pilih satu "
        "kolom untuk nama dan abaikan yang lain."
    )
    mapping = {"NIK": "nik", "Nama Lengkap": "nama", "Tgl Lahir": "tanggal_lahir", "JK": None}
    mapping |= {"JK": "jenis_kelamin", "Nama Sesuai KTP": None}
    assert run_import(office, admin, path, mapping=mapping).written == 1


def test_row_numbers_count_blank_rows_as_the_spreadsheet_does(office, admin, tmp_path):
    header = ["nik", "nama", "tanggal_lahir", "jenis_kelamin"]
    bad = ["3171011708900001", "Budi", "31/02/1990", "L"]
    path = _csv(tmp_path / "celah.csv", header, ["", "", "", ""], ["", "", "", ""], bad)
    result = run_import(office, admin, path, dry_run=True)
    assert [(r.row, r.field) for r in result.reports] == [(4, "tanggal_lahir;persetujuan")]
