"""Supply and demand per module and province (app.services.supply_demand, issue #13 item 4)
against counts computed independently here by SQL, and its XLSX export read back.

Built once per module through the real services, read on 10 March 2027:
- welding C1 (7-8/12/2026, finished): g1-g8 passed, f1 failed, w1 withdrew. Calls on
  8/1/2027: g3 working, g4 own business, g5 school, g6 unreachable, g7 working, g8
  looking; on 8/3: g7 looking again, g8 own business.
- garment C2, running: t1 (Jakarta domicile), t2 (no domicile, KTP Balikpapan).
- welding C3, planned for April: t3. Garment C4, cancelled: x1.
- g2 has no domicile and a Mataram KTP; g6 lives in Balikpapan with a Jakarta KTP.
- Vacancies: welding in Jakarta Pusat (5) and with no closing date (10); welding or garment
  in Jakarta Selatan (3); garment in Balikpapan (2); forklift in Tangerang closing on the
  day (1); welding in Mataram closed (4) and welding in Jakarta closed by date (7).
"""

from __future__ import annotations

import shutil
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app.services.supply_demand import SupplyDemand, SupplyDemandRow, supply_demand
from app.services.supply_demand import write_supply_demand_xlsx as write_xlsx
from tests.conftest import FakeClock
from tests.unit.cohort_support import at, cohort, fit_provider, person
from tests.unit.helpers import rows

DAY = date(2027, 3, 10)


@dataclass
class Office:
    db: Any
    home: Path
    actors: dict[str, Any]
    clock: FakeClock
    people: dict[str, str]

    @property
    def path(self) -> Path:
        return Path(self.db.path)


def _nik(region: str, n: int) -> str:
    """A NIK issued in `region` (six digits) for cohort_support.person's birth date."""
    day, month = 1 + n % 28, 1 + (n // 28) % 12
    return f"{region}{day:02d}{month:02d}90{n:04d}"


def _build(office: Office) -> None:
    from app.services import cohorts
    from app.services.attendance import all_present
    from app.services.cohort_results import finish_cohort, record_result
    from app.services.enrolment import enrol, withdraw
    from app.services.followups import Call, record
    from app.services.vacancies import add_vacancy, close_vacancy

    admin, clerk = office.actors["admin"], office.actors["counter"]
    provider = fit_provider(office)
    special = {
        "g2": {"kode_wilayah": "", "nik": _nik("527101", 2)},
        "g6": {"kode_wilayah": "64.71"},
        "t2": {"kode_wilayah": "", "nik": _nik("647101", 12)},
    }
    names = [f"g{n}" for n in range(1, 9)] + ["f1", "w1", "t1", "t2", "t3", "x1"]
    p = {name: person(office, n, **special.get(name, {})) for n, name in enumerate(names, 1)}
    office.people.update(p)
    c1 = cohort(office, provider, start=date(2026, 12, 7), end=date(2026, 12, 8))
    c2 = cohort(office, provider, start=date(2026, 12, 14), end=date(2026, 12, 18),
                module_code="GARMEN")  # fmt: skip
    c3 = cohort(office, provider, start=date(2027, 4, 5), end=date(2027, 4, 9))
    c4 = cohort(office, provider, start=date(2027, 4, 5), end=date(2027, 4, 9),
                module_code="GARMEN")  # fmt: skip
    enrol(office.db, admin, c1, [p[n] for n in names[:10]])
    enrol(office.db, admin, c2, [p["t1"], p["t2"]])
    enrol(office.db, admin, c3, [p["t3"]])
    enrol(office.db, admin, c4, [p["x1"]])
    cohorts.set_status(office.db, admin, c4, "dibatalkan", "lembaga tutup")
    for day in (date(2026, 12, 7), date(2026, 12, 8)):
        at(office, day)
        all_present(office.db, admin, c1, day)
    withdraw(office.db, admin, c1, p["w1"], "pindah kota")
    at(office, date(2026, 12, 9))
    for name in names[:8]:
        record_result(office.db, admin, c1, p[name], 80, "lulus", reason="uji")
    record_result(office.db, admin, c1, p["f1"], 10, "tidak_lulus", reason="uji")
    finish_cohort(office.db, admin, c1)
    at(office, date(2026, 12, 14))
    cohorts.set_status(office.db, admin, c2, "berjalan")
    calls = [
        (date(2027, 1, 8), "g3", Call("working", employer="PT Baja")),
        (date(2027, 1, 8), "g4", Call("self_employed", business_type="Bengkel")),
        (date(2027, 1, 8), "g5", Call("education")),
        (date(2027, 1, 8), "g6", Call("unreachable", attempts=2)),
        (date(2027, 1, 8), "g7", Call("working", employer="PT Baja")),
        (date(2027, 1, 8), "g8", Call("looking")),
        (date(2027, 3, 8), "g7", Call("looking")),
        (date(2027, 3, 8), "g8", Call("self_employed", business_type="Warung")),
    ]
    for day, who, call in calls:
        at(office, day)
        record(office.db, clerk, p[who], call)
    at(office, DAY)
    wanted = [
        ("Las Jakpus", "31.71", "LAS", 5, "2027-04-30"),
        ("Las tanpa batas", "31.71", "LAS", 10, ""),
        ("Las atau jahit", "31.74", "LAS|GARMEN", 3, "2027-04-30"),
        ("Jahit", "64.71", "Garmen dan Menjahit", 2, "2027-04-30"),
        ("Forklift", "36.71", "FORKLIFT", 1, DAY.isoformat()),
        ("Las Mataram", "52.71", "LAS", 4, "2027-04-30"),
        ("Las lewat", "31.71", "LAS", 7, "2027-03-09"),
    ]
    ids = {}
    for position, region, modules, openings, closes in wanted:
        ids[position] = add_vacancy(office.db, clerk, {
            "employer": "PT Contoh", "position": position, "region_code": region,
            "modules": modules, "openings": str(openings), "closes_on": closes, "contact": "x",
        }).id  # fmt: skip
    close_vacancy(office.db, clerk, ids["Las Mataram"])


@pytest.fixture(scope="module")
def _built(_staffed_template, tmp_path_factory) -> tuple[Path, dict[str, Any], dict[str, str]]:
    from app.db import Database

    template, actors = _staffed_template
    home = tmp_path_factory.mktemp("supply-office")
    shutil.copyfile(template, home / "loket.db")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LOKET_HOME", str(home))
        clock = FakeClock()
        db = Database(home / "loket.db", clock=clock)
        built = Office(db, home, actors, clock, {})
        try:
            _build(built)
        finally:
            db.dispose()
    return home / "loket.db", actors, built.people


@pytest.fixture
def office(_built, tmp_path, monkeypatch) -> Iterator[Office]:
    from app.db import Database

    path, actors, people = _built
    home = tmp_path / "loket-home"
    home.mkdir()
    monkeypatch.setenv("LOKET_HOME", str(home))
    shutil.copyfile(path, home / "loket.db")
    clock = FakeClock()
    db = Database(home / "loket.db", clock=clock)
    found = Office(db, home, actors, clock, dict(people))
    at(found, DAY)
    yield found
    db.dispose()


# -- the independent count ---------------------------------------------------------------------

PROVINCE = "substr(coalesce(nullif(replace(p.region_code, '.', ''), ''), p.nik), 1, 2)"
LATEST = (
    "(SELECT f.outcome FROM follow_up f WHERE f.participant_id = p.id AND f.deleted_at IS NULL"
    " AND f.outcome IS NOT NULL ORDER BY f.called_at DESC LIMIT 1)"
)
PEOPLE = (
    "FROM participant p JOIN enrollment e ON e.participant_id = p.id"
    " JOIN cohort c ON c.id = e.cohort_id"
    " WHERE p.deleted_at IS NULL AND e.deleted_at IS NULL AND c.deleted_at IS NULL"
    " AND e.status = 'enrolled' AND p.status NOT IN ('employed', 'erased', 'merged')"
)


@dataclass
class Counted:
    cells: dict[tuple[str, str], list[int]]  # (module, province) -> vacancies, openings, ...
    vacancies: int
    openings: int
    in_training: int
    looking: int


def counted_by_sql(path: Path, day: date) -> Counted:
    cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    held = rows(
        path,
        "SELECT modules, substr(replace(region_code, '.', ''), 1, 2), openings FROM vacancy"
        " WHERE deleted_at IS NULL AND closed_at IS NULL"
        " AND (closes_on IS NULL OR closes_on >= ?)",
        day.isoformat(),
    )
    for modules, province, openings in held:
        for code in str(modules).split():
            cells[(code, str(province))][0] += 1
            cells[(code, str(province))][1] += int(str(openings))
    training = rows(
        path,
        f"SELECT DISTINCT p.id, c.module_code, {PROVINCE} {PEOPLE}"
        " AND c.status IN ('direncanakan', 'berjalan')",
    )
    looking = rows(
        path,
        f"SELECT DISTINCT p.id, c.module_code, {PROVINCE} {PEOPLE}"
        f" AND c.status = 'selesai' AND e.result = 'lulus'"
        f" AND coalesce({LATEST}, '') NOT IN ('working', 'self_employed', 'education')",
    )
    for found, column in ((training, 2), (looking, 3)):
        for _pid, module, province in found:
            cells[(str(module), str(province))][column] += 1
    in_training = {pid for pid, _m, _p in training}
    return Counted(
        cells=dict(cells),
        vacancies=len(held),
        openings=sum(int(str(o)) for _m, _p, o in held),
        in_training=len(in_training),
        looking=len({pid for pid, _m, _p in looking} - in_training),
    )


def _cells(report: SupplyDemand) -> dict[tuple[str, str], list[int]]:
    return {
        (r.module_code, r.province_code): [r.vacancies, r.openings, r.in_training, r.looking]
        for r in report.rows
    }


# -- the tests ---------------------------------------------------------------------------------


def test_the_table_is_the_counts_made_by_sql(office):
    report = supply_demand(office.db)
    assert report.day == DAY
    expected = counted_by_sql(office.path, DAY)
    assert _cells(report) == expected.cells
    assert (report.vacancies, report.openings, report.in_training, report.looking) == (
        expected.vacancies, expected.openings, expected.in_training, expected.looking,
    )  # fmt: skip
    assert len(report.rows) == len({(r.module_code, r.province_code) for r in report.rows})


def test_the_table_worked_out_by_hand(office):
    report = supply_demand(office.db)
    assert _cells(report) == {
        # vacancies, openings, in training, graduates still looking
        ("LAS", "31"): [3, 18, 1, 2],  # 5 + 10 + the welding-or-garment 3; t3; g1, g7
        ("GARMEN", "31"): [1, 3, 1, 0],  # the welding-or-garment vacancy again; t1
        ("GARMEN", "64"): [1, 2, 1, 0],  # t2 by her KTP
        ("FORKLIFT", "36"): [1, 1, 0, 0],  # closes today: still open
        ("LAS", "52"): [0, 0, 0, 1],  # g2 by his KTP; the Mataram vacancy is closed
        ("LAS", "64"): [0, 0, 0, 1],  # g6 by his domicile (KTP Jakarta); unreachable
    }
    # each vacancy and each person once: 5 + 10 + 3 + 2 + 1
    assert (report.vacancies, report.openings, report.in_training, report.looking) == (5, 21, 3, 4)
    gaps = {(r.module_code, r.province_code): r.gap for r in report.rows}
    assert gaps[("LAS", "31")] == 18 - 1 - 2
    assert [r.gap for r in report.rows] == sorted((r.gap for r in report.rows), reverse=True)
    names = {
        (r.module_code, r.province_code): (r.module_name, r.province_name) for r in report.rows
    }
    assert names[("GARMEN", "64")] == ("Garmen dan Menjahit", "Kalimantan Timur")


def test_a_vacancy_wanting_two_modules_counts_under_both_but_once_in_the_totals(office):
    report = supply_demand(office.db)
    per_row = sum(r.openings for r in report.rows)
    assert per_row == report.openings + 3  # the welding-or-garment vacancy's 3, twice
    assert sum(r.vacancies for r in report.rows) == report.vacancies + 1


def test_the_day_decides_which_vacancies_are_open(office):
    tomorrow = supply_demand(office.db, today=date(2027, 3, 11))
    assert ("FORKLIFT", "36") not in _cells(tomorrow)  # it closed on the 10th
    assert (tomorrow.vacancies, tomorrow.openings) == (4, 20)
    yesterday = supply_demand(office.db, today=date(2027, 3, 9))
    assert _cells(yesterday)[("LAS", "31")][:2] == [4, 25]  # the one closing on the 9th too
    expected = counted_by_sql(office.path, date(2027, 3, 9))
    assert _cells(yesterday) == expected.cells


def test_the_latest_outcome_decides_who_is_still_looking(office):
    """g7 worked, then looked again: looking. g8 looked, then opened a business: not."""
    from app.services.followups import Call, record

    before = supply_demand(office.db).looking
    at(office, date(2027, 6, 8))  # g1's six-month call
    record(office.db, office.actors["counter"], office.people["g1"], Call("education"))
    after = supply_demand(office.db, today=DAY)
    assert after.looking == before - 1
    assert _cells(after)[("LAS", "31")][3] == 1
    assert _cells(after) == counted_by_sql(office.path, DAY).cells


# -- XLSX ----------------------------------------------------------------------------------------


def test_the_xlsx_has_numbers_as_numbers_and_text_as_text(office, tmp_path):
    report = supply_demand(office.db)
    out = tmp_path / "kebutuhan.xlsx"
    write_xlsx(report, out, "JKT")
    sheet = openpyxl.load_workbook(out).active
    assert sheet.cell(row=2, column=1).value == "Per 10/03/2027 — JKT"
    assert [sheet.cell(row=4, column=j).value for j in range(1, 9)] == [
        "Modul", "Kode modul", "Provinsi", "Lowongan", "Jumlah dibutuhkan", "Sedang pelatihan",
        "Lulusan masih mencari", "Selisih",
    ]  # fmt: skip
    for i, row in enumerate(report.rows, start=5):
        cells = [sheet.cell(row=i, column=j) for j in range(1, 9)]
        assert [c.value for c in cells] == [
            row.module_name, row.module_code, row.province_name, row.vacancies, row.openings,
            row.in_training, row.looking, row.gap,
        ]  # fmt: skip
        assert [c.data_type for c in cells] == ["s"] * 3 + ["n"] * 5
    total = 5 + len(report.rows) + 1
    assert [sheet.cell(row=total, column=j).value for j in range(4, 8)] == [5, 21, 3, 4]
    assert {sheet.cell(row=total, column=j).data_type for j in range(4, 8)} == {"n"}
    assert Counter(c.data_type for line in sheet.iter_rows() for c in line if c.value)["f"] == 0


def test_a_module_name_beginning_with_an_equals_sign_stays_text(tmp_path):
    name = '=HYPERLINK("http://x.example","klik")'
    report = SupplyDemand(
        day=DAY,
        rows=[SupplyDemandRow("EQ", name, "31", "=1+1", 1, 2, 0, 0)],
        vacancies=1,
        openings=2,
        in_training=0,
        looking=0,
    )
    out = tmp_path / "rumus.xlsx"
    write_xlsx(report, out, "=JKT")
    sheet = openpyxl.load_workbook(out).active
    for cell, text in ((sheet["A5"], name), (sheet["C5"], "=1+1")):
        assert (cell.value, cell.data_type) == (text, "s")
    assert sheet["A2"].data_type == "s" and sheet["A2"].value.endswith("=JKT")
    assert (sheet["E5"].value, sheet["E5"].data_type, sheet["H5"].value) == (2, "n", 2)
