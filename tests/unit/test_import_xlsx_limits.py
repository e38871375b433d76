"""XLSX files that would exhaust memory or time (issue #7 part 7, case 4), built part by part
with zipfile; each limit at its boundary, and the two bombs seen measured in a separate
process so the refusal is shown to happen without the blow-up."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app.errors import ValidationError
from app.services.table_limits import LIMITS, MAX_COLUMNS, MAX_ROWS, Limits
from app.services.tables import read_table
from app.services.xlsx_guard import open_checked
from tests.unit.xlsx_parts import (
    MAIN,
    STYLES,
    WORKBOOK,
    cell,
    rows_xml,
    sheet_xml,
    table_xlsx,
    write_xlsx,
)

REPO = Path(__file__).resolve().parents[2]
HEADER: list[str | int] = ["nik", "nama", "tanggal_lahir", "jenis_kelamin"]
BUDI: list[str | int] = ["3171011708900001", "Budi Santoso", "17/08/1990", "L"]

MEASURE = r"""
import json, resource, sys
from pathlib import Path
import openpyxl.reader.excel  # loaded before the baseline, as in the program
from app.errors import LoketError
from app.services import tables

def vm_kb():
    with open("/proc/self/status") as fh:
        return next(int(l.split()[1]) for l in fh if l.startswith("VmSize:"))

# The code before this fix took all the machine's memory on these files: a ceiling of 1 GB
# more address space turns that into a MemoryError instead.
ceiling = (vm_kb() + 1024 * 1024) * 1024
resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    tables.read_table(Path(sys.argv[1]))
    outcome = "read"
except LoketError as exc:
    outcome = exc.message("en")
except MemoryError:
    outcome = "MemoryError"
grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(json.dumps({"outcome": outcome, "grown_mb": grown / 1024}))
"""


def _measured(path: Path) -> tuple[str, float]:
    """(what read_table said, how much the peak memory grew in MB), in a fresh process."""
    pytest.importorskip("resource")
    if not Path("/proc/self/status").exists():
        pytest.skip("needs Linux /proc to set the memory ceiling")
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    return data["outcome"], data["grown_mb"]


def _refused(path: Path, limits: Limits | None = None) -> str:
    with pytest.raises(ValidationError) as err:
        read_table(path) if limits is None else read_table(path, limits)
    assert err.value.field == "file"
    return err.value.message("en")


def _padded(xml: str, size: int) -> str:
    """`xml` grown to exactly `size` bytes with a comment before its closing tag."""
    end = xml.rindex("</")
    pad = size - len(xml.encode()) - len("<!---->")
    assert pad >= 0
    return xml[:end] + "<!--" + "x" * pad + "-->" + xml[end:]


# --- the two files seen --------------------------------------------------------------------------
def test_a_cell_at_xfd1048576_is_refused_without_filling_memory(tmp_path):
    body = "".join(rows_xml([HEADER, BUDI])) + '<row r="1048576">' + cell("XFD1048576", 1)
    path = write_xlsx(tmp_path / "xfd.xlsx", sheet_xml(body + "</row>", "A1:XFD1048576"))
    assert path.stat().st_size < 2500
    outcome, grown = _measured(path)
    assert outcome.startswith("The worksheet declares a size of A1:XFD1048576, beyond the limit")
    assert outcome.endswith(
        "Copy only the participants into a new workbook (or save as CSV "
        "UTF-8), then import that file."
    )
    assert grown < 50


def test_the_same_cell_without_a_declared_dimension_is_refused_too(tmp_path):
    body = "".join(rows_xml([HEADER, BUDI])) + '<row r="1048576">' + cell("XFD1048576", 1)
    path = write_xlsx(tmp_path / "xfd.xlsx", sheet_xml(body + "</row>"))
    outcome, grown = _measured(path)
    assert outcome.startswith(f"The file holds data down to row 1048576; at most {MAX_ROWS}")
    assert grown < 50


def test_a_gigabyte_of_spaces_is_refused_before_it_is_unpacked(tmp_path):
    def sheet():
        yield sheet_xml("").replace("</sheetData></worksheet>", "").encode()
        for _ in range(1024):
            yield b" " * (1 << 20)
        yield b"</sheetData></worksheet>"

    path = write_xlsx(tmp_path / "spasi.xlsx", sheet())
    assert path.stat().st_size < 2 * 1024 * 1024
    outcome, grown = _measured(path)
    assert outcome.startswith("This XLSX is too large once unpacked (1025 MB, limit 320 MB).")
    assert grown < 50


def test_spaces_within_the_size_limits_are_refused_by_the_text_rule(tmp_path):
    body = "".join(rows_xml([HEADER, BUDI])) + " " * (LIMITS.xml_text_chars + 1)
    path = write_xlsx(tmp_path / "spasi.xlsx", sheet_xml(body))
    outcome, grown = _measured(path)
    assert outcome.startswith("The XLSX holds more than 32767 characters of text in one place")
    assert grown < 50


# --- each rule at its boundary -------------------------------------------------------------------
def test_text_of_one_excel_cell_passes_one_character_more_is_refused(tmp_path):
    most = "x" * LIMITS.xml_text_chars
    path = table_xlsx(tmp_path / "sel.xlsx", [HEADER, [*BUDI[:3], most]])
    assert read_table(path).rows[0][3] == most
    path = table_xlsx(tmp_path / "sel.xlsx", [HEADER, [*BUDI[:3], most + "x"]])
    assert "more than 32767 characters of text in one place (xl/worksheets/sheet1.xml)" in (
        _refused(path)
    )
    strings = f'<sst xmlns="{MAIN}"><si><t>{most}x</t></si></sst>'
    path = write_xlsx(tmp_path / "teks.xlsx", sheet_xml("".join(rows_xml([HEADER]))), strings)
    assert "(xl/sharedStrings.xml)" in _refused(path)


@pytest.mark.parametrize(
    ("ref", "passes"),
    [
        (f"A1:CV{MAX_ROWS}", True),
        (f"A1:CW{MAX_ROWS}", False),
        (f"A1:CV{MAX_ROWS + 1}", False),
    ],
)
def test_the_declared_dimension_at_its_boundary(tmp_path, ref, passes):
    path = table_xlsx(tmp_path / "dim.xlsx", [HEADER, BUDI], dimension=ref)
    if passes:
        assert read_table(path).rows == [BUDI]
    else:
        assert _refused(path).startswith(f"The worksheet declares a size of {ref}")


def test_a_value_in_the_last_allowed_row_passes_one_row_further_is_refused(tmp_path):
    last = "".join(rows_xml([BUDI], first_row=MAX_ROWS))
    path = write_xlsx(tmp_path / "r.xlsx", sheet_xml("".join(rows_xml([HEADER])) + last))
    assert read_table(path).row_numbers == [MAX_ROWS]
    beyond = "".join(rows_xml([BUDI], first_row=MAX_ROWS + 1))
    path = write_xlsx(tmp_path / "r.xlsx", sheet_xml("".join(rows_xml([HEADER])) + beyond))
    assert _refused(path).startswith(f"The file holds data down to row {MAX_ROWS + 1};")


def test_formatted_empty_cells_beyond_the_limits_are_ignored(tmp_path):
    empty = f'<row r="{MAX_ROWS + 10}"><c r="XFD{MAX_ROWS + 10}" s="1"/></row>'
    path = write_xlsx(tmp_path / "f.xlsx", sheet_xml("".join(rows_xml([HEADER, BUDI])) + empty))
    assert read_table(path).rows == [BUDI]


def test_a_value_in_the_last_allowed_column_passes_one_column_further_is_refused(tmp_path):
    header = HEADER + [f"kolom_{i}" for i in range(len(HEADER), MAX_COLUMNS)]
    path = table_xlsx(tmp_path / "c.xlsx", [header, BUDI + ["x"] * (MAX_COLUMNS - len(BUDI))])
    assert len(read_table(path).headers) == MAX_COLUMNS
    path = table_xlsx(tmp_path / "c.xlsx", [[*header, "lagi"], BUDI])
    assert _refused(path).startswith(f"The file holds data in column {MAX_COLUMNS + 1};")


def test_cells_in_all_and_in_one_row_at_their_boundaries(tmp_path):
    path = table_xlsx(tmp_path / "n.xlsx", [HEADER, BUDI, BUDI[:2]])
    assert len(read_table(path, Limits(cells=10)).rows) == 2
    assert "more than 9 cells (xl/worksheets/sheet1.xml)" in _refused(path, Limits(cells=9))
    assert len(read_table(path, Limits(cells_in_row=4)).rows) == 2
    assert "row 1: more than 3 cells" in _refused(path, Limits(cells_in_row=3))


def test_parts_of_the_zip_at_their_boundary(tmp_path):
    base = 6  # parts write_xlsx always writes
    pad = {f"xl/media/p{i}.bin": b"" for i in range(LIMITS.xlsx_parts - base)}
    path = write_xlsx(tmp_path / "p.xlsx", sheet_xml("".join(rows_xml([HEADER, BUDI]))), extra=pad)
    assert len(zipfile.ZipFile(path).infolist()) == LIMITS.xlsx_parts
    assert read_table(path).rows == [BUDI]
    pad["xl/media/lagi.bin"] = b""
    path = write_xlsx(tmp_path / "p.xlsx", sheet_xml("".join(rows_xml([HEADER, BUDI]))), extra=pad)
    assert _refused(path).startswith(f"This XLSX holds {LIMITS.xlsx_parts + 1} parts; at most")


def test_unpacked_sizes_at_their_boundaries(tmp_path):
    sheet = _padded(sheet_xml("".join(rows_xml([HEADER, BUDI]))), 8000)
    path = write_xlsx(tmp_path / "u.xlsx", sheet)
    total = sum(i.file_size for i in zipfile.ZipFile(path).infolist())
    assert read_table(path, Limits(xlsx_unpacked_bytes=total)).rows == [BUDI]
    assert "once unpacked" in _refused(path, Limits(xlsx_unpacked_bytes=total - 1))

    small = Limits(other_part_bytes=4000, sheet_xml_bytes=8000)
    assert read_table(path, small).rows == [BUDI]  # the first sheet may be large
    refusal = _refused(path, Limits(other_part_bytes=4000, sheet_xml_bytes=7999))
    assert refusal.startswith("This XLSX is too large once unpacked (xl/worksheets/sheet1.xml:")

    # A part openpyxl parses whole must stay small, even where a sheet may be larger.
    styles = _padded(STYLES, 4000)
    path = write_xlsx(tmp_path / "s.xlsx", sheet, extra={"xl/styles.xml": styles.encode()})
    assert read_table(path, small).rows == [BUDI]
    styles = _padded(STYLES, 4001)
    path = write_xlsx(tmp_path / "s.xlsx", sheet, extra={"xl/styles.xml": styles.encode()})
    assert "(xl/styles.xml: 1 MB, limit 1 MB)" in _refused(path, small)

    strings = _padded(f'<sst xmlns="{MAIN}"><si><t>Budi</t></si></sst>', 6000)
    body = "".join(rows_xml([HEADER])) + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'
    path = write_xlsx(tmp_path / "t.xlsx", sheet_xml(body), strings)
    both = Limits(other_part_bytes=4000, shared_strings_xml_bytes=6000)
    assert read_table(path, both).rows == [["Budi", None, None, None]]
    refusal = _refused(path, Limits(other_part_bytes=4000, shared_strings_xml_bytes=5999))
    assert refusal.startswith("This XLSX is too large once unpacked (xl/sharedStrings.xml:")


def test_a_dtd_or_an_entity_bomb_is_refused(tmp_path):
    dtd = '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">]>'
    sheet = sheet_xml("".join(rows_xml([HEADER, BUDI])))
    path = write_xlsx(tmp_path / "dtd.xlsx", sheet.replace("?>", "?>" + dtd, 1))
    assert _refused(path).startswith("This file is not a complete XLSX (DTD in xl/worksheets/")

    laughs = '<!DOCTYPE workbook [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    workbook = WORKBOOK.replace('name="Data"', 'name="&b;"').replace("?>", "?>" + laughs, 1)
    path = write_xlsx(tmp_path / "bom.xlsx", sheet, workbook=workbook)
    assert _refused(path).startswith("This file is not a complete XLSX")


def test_a_file_that_is_not_a_zip_is_named(tmp_path):
    path = tmp_path / "bukan.xlsx"
    path.write_text("nik;nama\n", encoding="utf-8")
    assert _refused(path).startswith("This file is not a complete XLSX (File is not a zip file).")


def test_a_cell_openpyxl_cannot_read_is_a_refusal_not_a_crash(tmp_path):
    body = "".join(rows_xml([HEADER])) + '<row r="2"><c r="A2"><v>bukan angka</v></c></row>'
    path = write_xlsx(tmp_path / "rusak.xlsx", sheet_xml(body))
    assert _refused(path).startswith("This file is not a complete XLSX (")


# --- a legitimate office file passes comfortably --------------------------------------------------
def test_twenty_thousand_participants_by_thirty_columns_pass_with_room(tmp_path):
    """As Excel saves it: every text in the shared-string table, cells pointing at it."""
    n_rows, n_cols = 20_000, 30
    strings = [f"Kolom {c}" for c in range(n_cols)]
    strings += [
        f"nilai kolom {c} baris {r} agak panjang" for r in range(n_rows) for c in range(n_cols)
    ]
    sst = f'<sst xmlns="{MAIN}">' + "".join(f"<si><t>{s}</t></si>" for s in strings) + "</sst>"

    def sheet():
        yield sheet_xml("", f"A1:AD{n_rows + 1}").replace("</sheetData></worksheet>", "").encode()
        for r in range(n_rows + 1):
            cells = "".join(
                f'<c r="{letter}{r + 1}" t="s"><v>{r * n_cols + c}</v></c>'
                for c, letter in enumerate(_letters(n_cols))
            )
            yield f'<row r="{r + 1}">{cells}</row>'.encode()
        yield b"</sheetData></worksheet>"

    path = write_xlsx(tmp_path / "kantor.xlsx", sheet(), sst)
    sizes = {i.filename: i.file_size for i in zipfile.ZipFile(path).infolist()}
    workbook = open_checked(path, LIMITS)
    try:
        first = next(workbook.worksheets[0].iter_rows(min_row=2, max_row=2, values_only=True))
    finally:
        workbook.close()
    assert first[:2] == ("nilai kolom 0 baris 0 agak panjang", "nilai kolom 1 baris 0 agak panjang")
    # Comfortably: every measure at most half its limit.
    assert path.stat().st_size * 2 <= LIMITS.file_bytes
    assert sizes["xl/worksheets/sheet1.xml"] * 2 <= LIMITS.sheet_xml_bytes
    assert sizes["xl/sharedStrings.xml"] * 2 <= LIMITS.shared_strings_xml_bytes
    assert sum(sizes.values()) * 2 <= LIMITS.xlsx_unpacked_bytes
    assert (n_rows + 1) * n_cols * 2 <= LIMITS.cells
    assert (n_rows + 1) * 2 <= LIMITS.rows and n_cols * 2 <= LIMITS.columns


def _letters(n: int) -> list[str]:
    from openpyxl.utils.cell import get_column_letter

    return [get_column_letter(c) for c in range(1, n + 1)]
