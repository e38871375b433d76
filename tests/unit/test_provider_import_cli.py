"""`loket providers import` and the module/provider commands through real subprocesses, and
the import's rows through the service (issue #9 item 6)."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from app.errors import LoketError
from app.services.provider_import import run_provider_import
from tests.unit.helpers import count, rows
from tests.unit.test_cli import PASSWORD, loket, office_home  # noqa: F401

HEADER = (
    "nama,jenis,kode_wilayah,alamat,telepon,nomor_izin,penerbit_izin,tanggal_izin,"
    "izin_berlaku_sampai,beroperasi_sejak,modul"
)
GOOD_ROWS = [
    "BLK Bekasi,BLK,32.16,Jl. Raya 1,021-8890001,TD-01/2020,Disnaker,2020-01-10,2027-01-10,"
    "2019-05-01,LAS|forklift",
    "LPK Maju Jaya,LPK,3171,Jl. Sudirman 2,0812-3456-7890,,,,,01/09/2026,Garmen dan Menjahit",
]


def _csv(path: Path, *lines: str) -> Path:
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def office(staffed):
    return staffed


def test_good_rows_are_written_with_their_modules_in_one_transaction(office, tmp_path):
    result = run_provider_import(
        office.db, office.actors["supervisor"], _csv(tmp_path / "a.csv", *GOOD_ROWS)
    )
    assert (result.total, result.ok, result.errors, result.written) == (2, 2, 0, 2)
    assert rows(
        office.path,
        "SELECT p.name, p.licence_number, (SELECT group_concat(code, '|') FROM (SELECT"
        " module_code AS code FROM provider_module WHERE provider_id = p.id ORDER BY code))"
        " FROM training_provider p ORDER BY p.name",
    ) == [("BLK Bekasi", "TD-01/2020", "FORKLIFT|LAS"), ("LPK Maju Jaya", None, "GARMEN")]
    assert count(office.path, "audit_event", "action=?", "provider.import") == 1


BAD = [
    ("LPK X,SMK,,,,,,,,,LAS", "jenis", "Jenis lembaga"),
    ("LPK X,LPK,99.99,,,,,,,,LAS", "kode_wilayah", "Kemendagri"),
    ("LPK X,LPK,,,,,,31/02/2020,,,LAS", "tanggal_izin", "Tanggal tidak valid"),
    ("LPK X,LPK,,,,,,,,,LAS|Menyelam", "modul", "Modul tidak dikenal: Menyelam"),
    ("LPK X,LPK,,,,,,2021-01-01,2020-01-01,,LAS", "izin_berlaku_sampai", "sebelum tanggal terbit"),
    (",LPK,,,,,,,,,LAS", "nama", "Wajib diisi"),
    ("=cmd|' /C calc'!A0,LPK,,,,,,,,,LAS", "nama", "rumus Excel"),
]


@pytest.mark.parametrize(("line", "column", "words"), BAD)
def test_a_bad_row_is_reported_at_its_column_and_nothing_is_written(
    office, tmp_path, line, column, words
):
    result = run_provider_import(
        office.db, office.actors["supervisor"], _csv(tmp_path / "b.csv", *GOOD_ROWS, line)
    )
    bad = [r for r in result.reports if r.status == "error"]
    assert [(r.row, r.field.split(";")[0]) for r in bad] == [(4, column)]
    assert words in bad[0].message
    assert result.written == 0 and count(office.path, "training_provider") == 0


def test_skip_invalid_writes_the_good_rows_and_dry_run_writes_nothing(office, tmp_path):
    path = _csv(tmp_path / "c.csv", *GOOD_ROWS, BAD[0][0])
    sup = office.actors["supervisor"]
    trial = run_provider_import(office.db, sup, path, dry_run=True, skip_invalid=True)
    assert (trial.errors, trial.written) == (1, 0) and count(office.path, "training_provider") == 0
    done = run_provider_import(office.db, sup, path, skip_invalid=True)
    assert done.written == 2 and count(office.path, "training_provider") == 2


def test_the_same_provider_twice_or_again_is_an_error(office, tmp_path):
    sup = office.actors["supervisor"]
    twice = run_provider_import(
        office.db, sup, _csv(tmp_path / "d.csv", GOOD_ROWS[0], "blk  BEKASI,BLK,,,,,,,,,LAS")
    )
    assert [(r.row, r.message) for r in twice.reports if r.status == "error"] == [
        (3, "Lembaga yang sama dengan baris 2 di berkas ini.")
    ]
    run_provider_import(office.db, sup, _csv(tmp_path / "e.csv", GOOD_ROWS[0]))
    again = run_provider_import(office.db, sup, _csv(tmp_path / "f.csv", GOOD_ROWS[0]))
    assert [r.message for r in again.reports] == ["Lembaga BLK Bekasi sudah terdaftar."]
    assert count(office.path, "training_provider") == 1


def test_missing_required_columns_are_named(office, tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("nama,alamat\nLPK X,Jl. Y\n", encoding="utf-8")
    with pytest.raises(LoketError) as refused:
        run_provider_import(office.db, office.actors["supervisor"], path)
    assert "jenis" in refused.value.message("id")


def test_xlsx_with_typed_cells(office, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append(
        [
            "LPK Angka",
            "LPK",
            3171,
            "Jl. 1",
            "081234567890",
            12345,
            "Disnaker",
            datetime(2020, 1, 10),
            date(2027, 1, 10),
            datetime(2019, 5, 1, 0, 0),
            "LAS|GARMEN",
        ]
    )
    path = tmp_path / "h.xlsx"
    book.save(path)
    result = run_provider_import(office.db, office.actors["supervisor"], path)
    assert result.errors == 0, result.reports
    assert rows(
        office.path,
        "SELECT region_code, licence_number, licence_issued_on, licence_expires_on,"
        " operating_since FROM training_provider",
    ) == [("31.71", "12345", "2020-01-10", "2027-01-10", "2019-05-01")]


# -- through the CLI --------------------------------------------------------------------------


def test_cli_import_list_assess_and_decide(office_home, tmp_path):  # noqa: F811
    path = _csv(tmp_path / "p.csv", *GOOD_ROWS, BAD[0][0])
    out = loket(office_home, "providers", "import", str(path), "--report", str(tmp_path / "r.csv"))
    assert out.returncode == 1
    assert "baris 4: galat [jenis]" in out.stdout
    assert "Tidak ada yang ditulis" in out.stdout
    with (tmp_path / "r.csv").open(encoding="utf-8-sig") as fh:
        assert [r["status"] for r in csv.DictReader(fh)] == ["ok", "ok", "error"]
    out = loket(office_home, "providers", "import", str(path), "--skip-invalid", "--json")
    assert out.returncode == 1 and json.loads(out.stdout)["written"] == 2

    listed = json.loads(loket(office_home, "providers", "list", "--json").stdout)
    assert [p["name"] for p in listed["providers"]] == ["BLK Bekasi", "LPK Maju Jaya"]
    modules = json.loads(loket(office_home, "modules", "list", "--json").stdout)["modules"]
    assert {"code": "LAS", "name": "Juru Las (SMAW)", "active": True}.items() <= modules[
        [m["code"] for m in modules].index("LAS")
    ].items()

    out = loket(
        office_home, "providers", "assess", "lpk maju jaya", "--date", "2026-12-02", "--json"
    )
    data = json.loads(out.stdout)
    assert data["date"] == "2026-12-02" and data["provider"]["name"] == "LPK Maju Jaya"
    checks = {c["key"]: (c["passed"], c["reason"]) for c in data["checks"]}
    assert checks["licence"] == (False, "Nomor izin / tanda daftar belum ada.")
    assert checks["operating_months"][0] is False and checks["modules"][0] is False
    assert checks["site_visit"] == (None, "Belum diperiksa")

    staff = loket(
        office_home,
        "staff",
        "add",
        "--name",
        "Rina",
        "--role",
        "supervisor",
        "--password-stdin",
        "spv.rina",
        stdin="Supervisi2026\n",
    )
    assert staff.returncode == 0, staff.stderr
    refused = loket(
        office_home,
        "providers",
        "decide",
        "LPK Maju Jaya",
        "--result",
        "layak",
        "--reason",
        "kunjungan baik",
        "--supervisor",
        "spv.rina",
        "--password-stdin",
        stdin="Supervisi2026\n",
    )
    assert refused.returncode == 1
    assert "Izin / tanda daftar berlaku" in refused.stderr
    assert "Traceback" not in refused.stderr
    decided = loket(
        office_home,
        "providers",
        "decide",
        "BLK Bekasi",
        "--result",
        "layak",
        "--reason",
        "memenuhi syarat",
        "--date",
        "20/11/2026",
        "--supervisor",
        "spv.rina",
        "--password-stdin",
        "--json",
        stdin="Supervisi2026\n",
    )
    assert decided.returncode == 0, decided.stderr
    decision = json.loads(decided.stdout)["decision"]
    assert (decision["assessed_on"], decision["recheck_on"]) == ("2026-11-20", "2027-11-20")
    as_admin = loket(
        office_home,
        "providers",
        "decide",
        "BLK Bekasi",
        "--result",
        "layak",
        "--reason",
        "memenuhi syarat",
        "--supervisor",
        "admin",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert as_admin.returncode == 1 and "tidak berwenang" in as_admin.stderr
    bad_date = loket(office_home, "providers", "assess", "BLK Bekasi", "--date", "kemarin")
    assert bad_date.returncode == 1 and "Tanggal tidak terbaca: kemarin" in bad_date.stderr
