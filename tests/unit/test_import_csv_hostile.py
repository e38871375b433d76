"""CSV files as they arrive from offices and from mistakes (issue #7 part 7, cases 5–7):
huge cells, UTF-16 "Unicode Text", mixed encodings, and the size limits, each at its
boundary."""

from __future__ import annotations

import codecs

import pytest

from app.errors import ValidationError
from app.services.participant_import import run_import
from app.services.table_limits import MAX_COLUMNS, MAX_ROWS, Limits
from app.services.tables import read_table
from tests.unit.helpers import count, rows

HEADER = ["nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "persetujuan"]
BUDI = ["3171011708900001", "Budi Santoso", "17/08/1990", "L", "Jl. Merdeka 5", "Y"]
SITI = ["3273015708920002", "Siti Aminah", "17/08/1992", "P", "Jl. Asia Afrika 8", "Y"]


def _text(rows_, sep=";"):
    return "\r\n".join(sep.join(r) for r in rows_) + "\r\n"


def _refused(path, limits=None):
    with pytest.raises(ValidationError) as err:
        read_table(path) if limits is None else read_table(path, limits)
    assert err.value.field == "file"
    return err.value.message("id")


# --- case 5: a 200 KB cell --------------------------------------------------------------------
def test_an_unclosed_quote_is_refused_with_its_line_and_what_to_do(office, admin, tmp_path):
    body = _text([HEADER, BUDI]) + '3273015708920002;"Siti Aminah;17/08/1992;P;x;Y\r\n'
    body += _text([["3603124505900004", "Dewi " + "x" * 200_000, "05/05/1990", "P", "", "Y"]])
    f = tmp_path / "kutip.csv"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        run_import(office, admin, f)
    assert err.value.message("id") == (
        "Baris data yang mulai di baris 3 berkas lebih dari 131072 karakter. Biasanya ada tanda "
        'kutip (") yang dibuka tetapi tidak ditutup di baris itu, sehingga sisa berkas terbaca '
        "sebagai satu sel. Tutup atau hapus tanda kutip itu, lalu impor lagi."
    )
    assert count(office.path, "participant") == 0


def test_the_record_limit_at_its_boundary(tmp_path):
    f = tmp_path / "batas.csv"
    line = ";".join(HEADER) + "\n"
    limits = Limits(csv_record_chars=len(line))
    f.write_text(line + "a" * (len(line) - 1) + "\n", encoding="utf-8")
    assert read_table(f, limits).rows == [["a" * (len(line) - 1)] + [None] * 5]
    f.write_text(line + "a" * len(line) + "\n", encoding="utf-8")
    assert "mulai di baris 2 berkas lebih dari" in _refused(f, limits)


def test_a_long_cell_is_a_row_error_for_its_field_not_a_crash(office, admin, tmp_path):
    f = tmp_path / "panjang.csv"
    f.write_text(
        _text([HEADER, [*BUDI[:4], "J" * 300, "Y"], [*SITI[:4], "J" * 5000, "Y"]]),
        encoding="utf-8",
    )
    result = run_import(office, admin, f, dry_run=True)
    assert [(r.row, r.status, r.field) for r in result.reports] == [
        (2, "ok", ""),
        (3, "error", "alamat"),
    ]
    assert result.reports[1].message == "Terlalu panjang: 5000 karakter, paling banyak 300."


# --- case 6: UTF-16 and TAB ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-16-le", codecs.BOM_UTF16_LE),  # Excel "Unicode Text"
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
    ],
)
def test_utf16_unicode_text_with_tabs_imports(office, admin, tmp_path, encoding, bom):
    f = tmp_path / "unicode.txt"
    dewi = ["3603124505900004", "Dewi Rosé Pérez", "05/05/1990", "P", "Jl. Ciputat", "Y"]
    f.write_bytes(bom + _text([HEADER, BUDI, dewi], sep="\t").encode(encoding))
    table = read_table(f)
    assert (table.headers, table.delimiter) == (HEADER, "\t")
    result = run_import(office, admin, f)
    assert (result.errors, result.written) == (0, 2)
    assert ("Dewi Rosé Pérez",) in rows(office.path, "SELECT full_name FROM participant")


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_each_separator_is_recognised_from_the_header(tmp_path, sep):
    f = tmp_path / "pisah.csv"
    f.write_text(_text([HEADER, BUDI], sep=sep), encoding="utf-8")
    table = read_table(f)
    assert (table.delimiter, table.headers, table.rows) == (sep, HEADER, [BUDI])


def test_damaged_utf16_is_refused_with_its_line(tmp_path):
    f = tmp_path / "rusak.txt"
    f.write_bytes(
        codecs.BOM_UTF16_LE + _text([HEADER, BUDI], "\t").encode("utf-16-le") + b"\x00\xd8a\x00"
    )
    assert _refused(f).startswith(
        "Berkas tampak berupa teks Unicode (UTF-16) tetapi rusak di baris 3."
    )


# --- case 7: mixed encodings --------------------------------------------------------------------
def test_utf8_with_some_windows_1252_lines_is_refused_naming_them(office, admin, tmp_path):
    lines = [";".join(HEADER).encode()]
    lines.append(";".join(["3171011708900001", "José Ramos", "17/08/1990", "L", "", "Y"]).encode())
    lines.append(";".join(SITI).encode())
    lines.append(
        ";".join(["3603124505900004", "Dewi Pérez", "05/05/1990", "P", "", "Y"]).encode("cp1252")
    )
    lines.append(
        ";".join(["3603124505900005", "Andrés", "05/05/1990", "L", "", "Y"]).encode("cp1252")
    )
    f = tmp_path / "campur.csv"
    f.write_bytes(b"\r\n".join(lines) + b"\r\n")
    with pytest.raises(ValidationError) as err:
        run_import(office, admin, f)
    assert err.value.message("id").startswith(
        "Berkas bercampur pengodean: sebagian besar UTF-8, tetapi baris 4, 5 bukan UTF-8"
    )
    assert "simpan ulang sebagai CSV UTF-8" in err.value.message("id")
    assert count(office.path, "participant") == 0


def test_utf8_bom_with_a_windows_1252_line_is_refused(tmp_path):
    f = tmp_path / "bom.csv"
    f.write_bytes(
        codecs.BOM_UTF8
        + _text([HEADER, BUDI]).encode()
        + ";".join(["3603124505900004", "Pérez", "05/05/1990", "P", "", "Y"]).encode("cp1252")
    )
    assert "baris 3 bukan UTF-8" in _refused(f)


def test_a_file_wholly_in_windows_1252_still_imports(tmp_path):
    f = tmp_path / "ansi.csv"
    dewi = ["3603124505900004", "Dewi Rosé Pérez", "05/05/1990", "P", "", "Y"]
    f.write_bytes(_text([HEADER, dewi]).encode("cp1252"))
    table = read_table(f)
    assert (table.encoding, table.rows[0][1]) == ("cp1252", "Dewi Rosé Pérez")


def test_a_workbook_named_csv_is_named_for_what_it_is(tmp_path):
    from openpyxl import Workbook

    f = tmp_path / "sebenarnya.xlsx"
    Workbook().save(f)
    renamed = f.rename(tmp_path / "peserta.csv")
    assert _refused(renamed).startswith("Berkas ini bukan CSV melainkan berkas XLSX (atau ZIP).")


# --- sizes, each at its boundary ----------------------------------------------------------------
def test_data_down_to_the_last_allowed_row_passes_one_further_is_refused(tmp_path):
    f = tmp_path / "baris.csv"
    header = ";".join(HEADER) + "\n"
    f.write_text(header + "\n" * (MAX_ROWS - 2) + ";".join(BUDI) + "\n", encoding="utf-8")
    assert read_table(f).row_numbers == [MAX_ROWS]
    f.write_text(header + "\n" * (MAX_ROWS - 1) + ";".join(BUDI) + "\n", encoding="utf-8")
    assert _refused(f).startswith(f"Berkas berisi data sampai baris {MAX_ROWS + 1}; paling banyak")


def test_data_in_the_last_allowed_column_passes_one_further_is_refused(tmp_path):
    f = tmp_path / "kolom.csv"
    header = HEADER + [f"kolom_{i}" for i in range(len(HEADER), MAX_COLUMNS)]
    f.write_text(_text([header, BUDI + [""] * (MAX_COLUMNS - len(BUDI) - 1) + ["x"]]), "utf-8")
    assert len(read_table(f).headers) == MAX_COLUMNS
    f.write_text(_text([[*header, "lagi"], BUDI]), "utf-8")
    assert _refused(f).startswith(f"Berkas berisi data di kolom ke-{MAX_COLUMNS + 1};")


def test_file_size_and_cell_count_limits_at_their_boundaries(tmp_path):
    f = tmp_path / "ukuran.csv"
    f.write_text(_text([HEADER, BUDI, SITI]), encoding="utf-8")
    size = f.stat().st_size
    assert read_table(f, Limits(file_bytes=size)).rows == [BUDI, SITI]
    assert _refused(f, Limits(file_bytes=size - 1)).startswith("Berkas terlalu besar:")
    assert read_table(f, Limits(cells=12)).rows == [BUDI, SITI]
    assert "lebih dari 11 sel" in _refused(f, Limits(cells=11))


def test_a_file_that_cannot_be_opened_is_a_sentence_not_a_crash(tmp_path):
    message = _refused(tmp_path / "hilang.csv")  # the reason in brackets is the OS's
    assert message.startswith("Berkas tidak bisa dibuka (")
    assert message.endswith("). Pastikan berkas ada dan tidak sedang dibuka di Excel.")
