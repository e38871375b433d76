"""`loket vacancies …`, `loket supply-demand` and `loket followups rates` through real
subprocesses (issue #13 item 6). The commands run on the real clock, so the welding cohort
ended 31 days ago: Budi and Dewi passed (their first follow-up fell due in the last few
days), Siti did not. Dates of vacancies are counted from today."""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.unit.cohort_support import cohort, fit_provider, person
from tests.unit.helpers import count, rows
from tests.unit.test_cli import loket

TODAY = date.today()
END = TODAY - timedelta(days=31)
DAYS = [END - timedelta(days=1), END]
EVERY_DAY = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
LATER = (TODAY + timedelta(days=30)).isoformat()
HEADER = "perusahaan,npp,posisi,kode_wilayah,modul,jumlah,upah_min,upah_maks,batas_lamaran,kontak"


@pytest.fixture
def home(staffed) -> Path:
    from app.services import enrolment
    from app.services.attendance import all_present
    from app.services.cohort_results import finish_cohort, record_result
    from tests.unit.cohort_support import at

    pid = fit_provider(staffed, on=TODAY - timedelta(days=90))
    names = ("Budi Santoso", "Siti Aminah", "Dewi Lestari")
    people = [person(staffed, n, name) for n, name in enumerate(names, start=1)]
    cid = cohort(staffed, pid, start=DAYS[0], end=DAYS[-1], pattern=EVERY_DAY)
    clerk = staffed.actors["counter"]
    enrolment.enrol(staffed.db, clerk, cid, people)
    for day in DAYS:
        at(staffed, day)
        all_present(staffed.db, clerk, cid, day)
    staffed.clock.now = datetime.now(UTC)
    for who, result in zip(people, ("lulus", "tidak_lulus", "lulus"), strict=True):
        record_result(staffed.db, clerk, cid, who, 85 if result == "lulus" else 40, result)
    finish_cohort(staffed.db, staffed.actors["supervisor"], cid)
    return Path(staffed.home)


def _vacancy(staffed: Any, position: str, **over: str) -> str:
    from app.services.vacancies import add_vacancy

    staffed.clock.now = datetime.now(UTC)
    values = {
        "employer": "PT Baja Utama",
        "position": position,
        "region_code": "31.71",
        "modules": "LAS",
        "contact": "HRD 0812-1111-2222",
        "wage_max": "6.000.000",
        "closes_on": LATER,
        **over,
    }
    return add_vacancy(staffed.db, staffed.actors["counter"], values).id


def _nik(home: Path, name: str) -> str:
    ((nik,),) = rows(home / "loket.db", "SELECT nik FROM participant WHERE full_name=?", name)
    return str(nik)


def _json(result: Any) -> Any:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout)


def _refused(result: Any, says: str, code: int = 1) -> None:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    assert says in result.stderr, result.stderr


def test_import_with_a_bad_row_then_a_good_file_list_and_close(home, tmp_path):
    db = home / "loket.db"
    bad = tmp_path / "lowongan-buruk.csv"
    bad.write_text(
        f"{HEADER}\n"
        f"PT Baja Utama,12345678,Juru Las,31.71,LAS,5,4.500.000,6.000.000,{LATER},HRD\n"
        f"CV Garmen Jaya,,Penjahit,32.75,Garmen dan Menjahit,0,,,{LATER},hrd@garmen.example\n",
        encoding="utf-8",
    )
    report = tmp_path / "laporan.csv"
    out = loket(home, "vacancies", "import", str(bad), "--dry-run", "--report", str(report))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "baris 3: galat [jumlah] Jumlah lowongan: bilangan bulat 1–10000." in out.stdout
    assert "Uji coba (--dry-run): tidak ada yang ditulis." in out.stdout
    with report.open(encoding="utf-8-sig", newline="") as fh:
        assert [(r["row"], r["status"], r["field"]) for r in csv.DictReader(fh)] == [
            ("2", "ok", ""),
            ("3", "error", "jumlah"),
        ]
    assert count(db, "vacancy") == 0

    good = tmp_path / "lowongan.csv"
    good.write_text(bad.read_text(encoding="utf-8").replace(",0,,,", ",2,,,"), encoding="utf-8")
    done = _json(loket(home, "vacancies", "import", str(good), "--json"))
    assert (done["total"], done["errors"], done["written"]) == (2, 0, 2)
    assert count(db, "audit_event", "action='vacancy.import'") == 1

    listed = _json(loket(home, "vacancies", "list", "--json"))["vacancies"]
    assert [(v["employer"], v["position"], v["openings"]) for v in listed] == [
        ("CV Garmen Jaya", "Penjahit", 2),  # same closing date: by employer
        ("PT Baja Utama", "Juru Las", 5),
    ]
    las = listed[1]
    assert {
        k: las[k] for k in ("region_code", "region_name", "modules", "module_names", "wage_min",
                            "wage_max", "closes_on", "contact", "npp", "is_open", "closed")
    } == {
        "region_code": "31.71", "region_name": "Kota Administrasi Jakarta Pusat, Daerah Khusus "
        "Ibukota Jakarta", "modules": ["LAS"], "module_names": ["Juru Las (SMAW)"],
        "wage_min": 4_500_000, "wage_max": 6_000_000, "closes_on": LATER, "contact": "HRD",
        "npp": "12345678", "is_open": True, "closed": False,
    }  # fmt: skip
    assert len(las["id"]) == 36

    closed = _json(loket(home, "vacancies", "close", las["id"], "--json"))["vacancy"]
    assert (closed["id"], closed["closed"], closed["is_open"]) == (las["id"], True, False)
    text = loket(home, "vacancies", "list", "--all")
    assert text.returncode == 0 and "(tutup)" in text.stdout
    assert "2 lowongan, 2 orang dibutuhkan." in text.stdout  # the closed one's 5 not counted


def test_add_refuses_a_bad_value_next_to_its_field(home):
    db = home / "loket.db"
    base = ["vacancies", "add", "--employer", "PT Baja Utama", "--position", "Juru Las",
            "--modules", "LAS", "--contact", "HRD"]  # fmt: skip
    refused = loket(home, *base, "--region", "99.99", "--json")
    _refused(refused, "Kode wilayah 99.99 tidak ada dalam daftar Kemendagri.")
    assert json.loads(refused.stdout) == {
        "ok": False,
        "error": "Kode wilayah 99.99 tidak ada dalam daftar Kemendagri.",
        "field": "region_code",
    }
    wage = loket(home, *base, "--region", "31.71", "--wage-min", "5.000.000", "--wage-max", "1")
    _refused(wage, "Upah maksimum lebih kecil dari upah minimum.")
    usage = loket(home, "vacancies", "add", "--employer", "PT A", "--position", "Las")
    assert usage.returncode == 2 and "Traceback" not in usage.stderr
    assert "--region" in usage.stderr
    assert count(db, "vacancy") == 0
    assert count(db, "audit_event", "action='vacancy.add'") == 0
    added = loket(home, *base, "--region", "3171", "--closes", LATER)
    assert added.returncode == 0, added.stderr
    assert "Lowongan dicatat:" in added.stdout and "Juru Las — PT Baja Utama" in added.stdout
    assert rows(db, "SELECT region_code, closes_on FROM vacancy") == [("31.71", LATER)]


def test_match_refer_and_hired(home, staffed):
    near = _vacancy(staffed, "Juru Las Jakarta")
    far = _vacancy(staffed, "Juru Las Tangerang", region_code="36.71", wage_max="")
    _vacancy(staffed, "Penjahit", modules="GARMEN")  # nobody trained or chose garment
    closed = _vacancy(staffed, "Juru Las Lama")
    from app.services.vacancies import close_vacancy

    close_vacancy(staffed.db, staffed.actors["counter"], closed)
    budi = _nik(home, "Budi Santoso")

    found = _json(loket(home, "vacancies", "match", budi, "--json"))["matches"]
    assert [(m["vacancy_id"], m["score"]) for m in found] == [(near, 155), (far, 100)]
    assert found[0]["reasons"] == [
        "Sesuai pelatihan yang diikuti: Juru Las (SMAW)",
        "Di kabupaten/kota yang sama (Kota Administrasi Jakarta Pusat)",
        "Upah sesuai harapan (upah terakhir Rp5.200.000)",
    ]
    assert found[0]["vacancy"]["position"] == "Juru Las Jakarta"

    people = _json(loket(home, "vacancies", "match", "--vacancy", near, "--json"))
    assert people["vacancy"]["id"] == near
    assert [(p["name"], p["score"]) for p in people["people"]] == [
        ("Budi Santoso", 155),
        ("Dewi Lestari", 155),
    ]  # not Siti, who did not pass
    assert all(p["reasons"] and p["nik_masked"].count("*") == 8 for p in people["people"])

    referred = _json(loket(home, "vacancies", "refer", budi, near, "--json"))["referral"]
    assert (referred["vacancy_id"], referred["referred_on"]) == (near, TODAY.isoformat())
    _refused(loket(home, "vacancies", "refer", budi, closed), "sudah ditutup")
    _refused(loket(home, "vacancies", "hired", budi, far), "Budi Santoso belum dirujuk")
    hired = _json(loket(home, "vacancies", "hired", budi, near, "--json"))["referral"]
    assert (hired["hired"], hired["hired_on"]) == (True, TODAY.isoformat())
    assert rows(home / "loket.db", "SELECT vacancy_id, hired FROM referral") == [(near, 1)]


def test_supply_demand_and_the_rates(home, staffed, tmp_path):
    from app.services.followups import Call, record

    _vacancy(staffed, "Juru Las Jakarta", openings="4")
    _vacancy(staffed, "Las atau jahit", region_code="64.71", modules="LAS|GARMEN", openings="3")
    staffed.clock.now = datetime.now(UTC)
    pid = rows(home / "loket.db", "SELECT id FROM participant WHERE full_name='Budi Santoso'")
    record(staffed.db, staffed.actors["counter"], str(pid[0][0]),
           Call("working", employer="PT Baja Utama"))  # fmt: skip  # Budi works again

    table = _json(loket(home, "supply-demand", "--json"))
    cells = {(r["module_code"], r["province_code"]): r for r in table["rows"]}
    assert {k: (r["vacancies"], r["openings"], r["in_training"], r["looking"], r["gap"])
            for k, r in cells.items()} == {
        ("LAS", "31"): (1, 4, 0, 1, 3),  # Dewi still looking; Budi works
        ("LAS", "64"): (1, 3, 0, 0, 3),
        ("GARMEN", "64"): (1, 3, 0, 0, 3),
    }  # fmt: skip
    assert table["totals"] == {"vacancies": 2, "openings": 7, "in_training": 0, "looking": 1}
    assert table["day"] == TODAY.isoformat()

    out = tmp_path / "kebutuhan.xlsx"
    written = loket(home, "supply-demand", "--out", str(out))
    assert written.returncode == 0, written.stderr
    assert f"Tabel ditulis ke {out}." in written.stdout
    sheet = openpyxl.load_workbook(out).active
    numbers = [sheet.cell(row=r, column=5) for r in range(5, 8)]
    assert sorted(c.value for c in numbers) == [3, 3, 4]
    assert {c.data_type for c in numbers} == {"n"}
    wrong = tmp_path / "kebutuhan.csv"
    _refused(loket(home, "supply-demand", "--out", str(wrong)), "Berkas keluaran harus .xlsx.")
    assert not wrong.exists()

    rates = _json(loket(home, "followups", "rates", "--by", "module", "--json"))
    assert rates["by"] == "module"
    ((row,),) = [[r for r in rates["rates"] if r["milestone"] == 1]]
    assert {k: row[k] for k in ("key", "label", "reached", "unreachable", "open", "working",
                                 "self_employed", "working_rate", "self_employed_rate")} == {
        "key": "LAS", "label": "Juru Las (SMAW)", "reached": 1, "unreachable": 0, "open": 1,
        "working": 1, "self_employed": 0, "working_rate": 1.0, "self_employed_rate": 0.0,
    }  # fmt: skip
    assert [r["milestone"] for r in rates["rates"]] == [1]  # months 3 and 6 are not due yet
