"""Formula-looking values and control characters in import files and in exports
(issue #7 part 7, cases 1 and 2), on real files and a real office database."""

from __future__ import annotations

import csv
import zipfile

import pytest

from app.services.participant_export import export_participants
from app.services.participant_import import run_import
from tests.conftest import ADMIN_PASSWORD
from tests.unit.helpers import count, execute, rows

HEADER = "nik;nama;tanggal_lahir;jenis_kelamin;telepon;perusahaan_terakhir;bank;persetujuan\n"
GOOD = [
    "3171011708900001;Budi Santoso;17/08/1990;L;+62 812-3456-7890;PT Maju;BRI;Y",
    "3273015708920002;Siti Aminah;17/08/1992;P;0813-2222-3333;CV Sentosa;BNI;Y",
    "5201014101950003;Ni Luh Ayu;01/01/1995;P;;-;;Y",
]
HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "-2+3",
]


def _csv(path, lines):
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def _supervisor(db, admin):
    from app.services.auth import login
    from app.services.staff import add_staff

    add_staff(
        db, admin, username="spv.rina", full_name="Rina", role="supervisor", password="Sementara1"
    )
    return login(db, "spv.rina", "Sementara1").actor


@pytest.fixture
def second_office(tmp_path, clock):
    """Another office's database, to import an export into."""
    from app.db import Database, upgrade
    from app.services.auth import login
    from app.services.office import initialise

    folder = tmp_path / "kantor-kedua"
    folder.mkdir()
    upgrade(folder / "loket.db", folder / "backups")
    db = Database(folder / "loket.db", clock=clock)
    initialise(
        db,
        office_code="BTN",
        device_no=1,
        admin_username="admin",
        admin_full_name="Admin Banten",
        admin_password=ADMIN_PASSWORD,
        actor_label="cli:test",
    )
    yield db, login(db, "admin", ADMIN_PASSWORD).actor
    db.dispose()


def _sheet_xml(path):
    with zipfile.ZipFile(path) as zf:
        return zf.read("xl/worksheets/sheet1.xml").decode("utf-8")


def test_formula_names_are_row_errors_and_a_phone_with_plus_still_imports(office, admin, tmp_path):
    lines = [GOOD[0]] + [
        f'3171010101900{i:03d};"{name.replace(chr(34), chr(34) * 2)}";01/01/1990;L;;;;Y'
        for i, name in enumerate(HOSTILE, start=2)
    ]
    result = run_import(office, admin, _csv(tmp_path / "rumus.csv", lines))
    assert result.written == 0 and count(office.path, "participant") == 0
    by_row = {r.row: r for r in result.reports}
    assert by_row[2].status == "ok"
    for row in (3, 4, 5, 6):
        assert (by_row[row].status, by_row[row].field) == ("error", "nama")
        assert "tampak seperti rumus Excel" in by_row[row].message

    result = run_import(office, admin, _csv(tmp_path / "baik.csv", GOOD))
    assert result.written == 3
    assert rows(office.path, "SELECT phone FROM participant WHERE nik='3171011708900001'") == [
        ("+6281234567890",)
    ]


def test_a_nul_byte_in_a_name_is_refused_with_row_and_field(office, admin, tmp_path):
    f = tmp_path / "nul.csv"
    f.write_bytes(
        (HEADER + GOOD[0] + "\n" + GOOD[1].replace("Siti", "Si\x00ti") + "\n").encode("utf-8")
    )
    result = run_import(office, admin, f)
    assert [(r.row, r.status, r.field) for r in result.reports] == [
        (2, "ok", ""),
        (3, "error", "nama"),
    ]
    assert result.reports[1].message == (
        "Berisi karakter tak terlihat (U+0000) pada huruf ke-3. Ketik ulang nilai ini."
    )
    assert count(office.path, "participant") == 0


def _store_hostile_values(office, admin, tmp_path, control=True):
    """Values that reached the database before these rules (or by sync), written as such."""
    run_import(office, admin, _csv(tmp_path / "baik.csv", GOOD))
    for nik, name, employer in (
        ("3171011708900001", HOSTILE[0], HOSTILE[1]),
        ("3273015708920002", HOSTILE[2], "PT A\x00B\x1b[31m" if control else "PT AB"),
        ("5201014101950003", HOSTILE[3], "\tTab"),
    ):
        execute(
            office.path,
            "UPDATE participant SET full_name=?, last_employer=? WHERE nik=?",
            name,
            employer,
            nik,
        )


def test_xlsx_export_writes_every_value_as_a_text_cell_never_a_formula(office, admin, tmp_path):
    from openpyxl import load_workbook

    _store_hostile_values(office, admin, tmp_path, control=False)
    out = tmp_path / "ekspor.xlsx"
    assert export_participants(office, admin, out).rows == 3
    xml = _sheet_xml(out)
    assert "<f>" not in xml and "<f " not in xml
    sheet = load_workbook(out).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert len(cells) > 3 * 15
    assert {c.data_type for c in cells} == {"s"}
    names = {sheet.cell(r, 2).value for r in range(2, 5)}
    assert names == {HOSTILE[0], HOSTILE[2], HOSTILE[3]}
    employers = {sheet.cell(r, 12).value for r in range(2, 5)}
    assert employers == {HOSTILE[1], "PT AB", "\tTab"}


def test_csv_export_puts_a_quote_before_formula_starts(office, admin, tmp_path):
    _store_hostile_values(office, admin, tmp_path)
    out = tmp_path / "ekspor.csv"
    export_participants(office, admin, out)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh, delimiter=";"))
    cells = [cell for line in lines[1:] for cell in line]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    names = sorted(line[1] for line in lines[1:])
    assert names == sorted("'" + h for h in (HOSTILE[0], HOSTILE[2], HOSTILE[3]))
    employers = sorted(line[11] for line in lines[1:])
    assert employers == sorted(["'" + HOSTILE[1], "PT A\ufffdB\ufffd[31m", "'\tTab"])
    assert "\x00" not in out.read_text(encoding="utf-8-sig")


def test_one_stored_nul_no_longer_breaks_every_xlsx_export(office, admin, tmp_path):
    run_import(office, admin, _csv(tmp_path / "baik.csv", GOOD))
    execute(
        office.path,
        "UPDATE participant SET full_name=? WHERE nik='3171011708900001'",
        "Budi\x00Santoso",
    )
    out = tmp_path / "ekspor.xlsx"
    assert export_participants(office, admin, out).rows == 3
    assert "Budi\ufffdSantoso" in _sheet_xml(out)
    assert count(office.path, "audit_event", "action='participant.export'") == 1


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_our_own_full_export_imports_again_at_another_office(
    office, admin, tmp_path, second_office, suffix
):
    run_import(office, admin, _csv(tmp_path / "baik.csv", GOOD))
    out = tmp_path / f"lengkap{suffix}"
    export_participants(office, _supervisor(office, admin), out, full=True)
    other, other_admin = second_office
    result = run_import(other, other_admin, out)
    assert [r.status for r in result.reports] == ["ok"] * 3, result.reports
    assert result.written == 3
    assert rows(other.path, "SELECT phone, last_employer FROM participant ORDER BY nik") == [
        ("+6281234567890", "PT Maju"),
        ("+6281322223333", "CV Sentosa"),
        (None, "-"),
    ]


def test_our_own_masked_export_is_refused_only_for_its_masked_nik(office, admin, tmp_path):
    run_import(office, admin, _csv(tmp_path / "baik.csv", GOOD))
    out = tmp_path / "tersamar.csv"
    export_participants(office, admin, out)
    # phones as clerks write them, so Excel sees no formula and no quote is needed
    assert ";0812-3456-7890;" in out.read_text(encoding="utf-8-sig")
    result = run_import(office, admin, out, dry_run=True)
    assert {r.field for r in result.reports} == {"nik"}
    assert not [r for r in result.reports if "rumus" in r.message]
