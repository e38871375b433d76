"""First-run set-up and the demo office."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import StateError, ValidationError
from app.services.actor import cli_actor
from app.services.auth import login
from app.services.demo import DEMO_PASSWORD, fill_demo
from app.services.office import device_info, initialise
from app.services.startup import read_startup_info
from tests.unit.helpers import count, rows


def _init(db, **overrides):
    args = dict(
        office_code="btn",
        device_no=2,
        admin_username="admin",
        admin_full_name="Admin Banten",
        admin_password="rahasia123",
        actor_label="cli:test",
    )
    args.update(overrides)
    return initialise(db, **args)


def test_initialise_records_office_device_and_admin(db):
    assert read_startup_info(db.path).set_up is False
    info = _init(db)
    assert (info.office_code, info.office_name, info.device_no) == ("BTN", "Banten", 2)
    assert info.region_code == "36" and not info.is_demo
    startup = read_startup_info(db.path)
    assert startup.set_up and startup.office_code == "BTN" and startup.device_no == 2
    assert count(db.path, "audit_event", "action='office.initialise' AND actor='cli:test'") == 1


@pytest.mark.parametrize(
    ("override", "field"),
    [
        ({"office_code": "XYZ"}, "office"),
        ({"device_no": 0}, "device"),
        ({"device_no": 100}, "device"),
        ({"admin_username": "x"}, "username"),
        ({"admin_full_name": "  "}, "full_name"),
        ({"admin_password": "abc"}, "password"),
    ],
)
def test_bad_setup_input_names_the_field_and_writes_nothing(db, override, field):
    with pytest.raises(ValidationError) as err:
        _init(db, **override)
    assert err.value.field == field
    assert device_info(db) is None and count(db.path, "staff") == 0


def test_second_initialise_is_refused(db):
    _init(db)
    with pytest.raises(StateError):
        _init(db, office_code="JKT")


def test_demo_fills_staff_marks_demo_and_logins_work(office):
    result = fill_demo(office, cli_actor("JKT"), seed=7)
    assert len(result.logins) == 4
    per_office = dict(rows(office.path, "SELECT office_code, count(*) FROM participant GROUP BY 1"))
    assert set(per_office) == {"JKT", "BTN", "JBR", "LOM", "BPN"}
    assert sum(per_office.values()) >= 300
    startup = read_startup_info(office.path)
    assert startup.is_demo
    assert [lg.username for lg in startup.demo_logins] == [lg.username for lg in result.logins]
    for lg in result.logins:
        assert login(office, lg.username, DEMO_PASSWORD).actor.role == lg.role
    with pytest.raises(StateError):
        fill_demo(office, cli_actor("JKT"), seed=7)


def test_same_seed_same_demo_data(tmp_path, monkeypatch):
    from app.db import Database, upgrade

    def people(seed, name):
        path = tmp_path / name
        upgrade(path, tmp_path / "bak")
        db = Database(path)
        _init(db)
        fill_demo(db, cli_actor("BTN"), seed=seed)
        db.dispose()
        return rows(path, "SELECT username, full_name, role FROM staff ORDER BY username") + rows(
            path,
            "SELECT nik, full_name, birth_date, office_code, status FROM participant ORDER BY nik",
        )

    assert people(3, "a.db") == people(3, "b.db")
    assert people(3, "c.db") != people(4, "d.db")


def test_office_regions_are_real_kemendagri_codes():
    import csv
    from pathlib import Path

    from app.domain.offices import OFFICES

    regions = Path(__file__).resolve().parents[2] / "resources" / "regions"
    names = {}
    for file in ("provinces.csv", "regencies.csv"):
        with (regions / file).open(encoding="utf-8") as fh:
            names.update({r["code"]: r["name"] for r in csv.DictReader(fh)})
    for office in OFFICES:
        assert names[office.region_code] == office.region_name


def test_demo_niks_agree_with_birth_date_sex_and_region(office):
    from datetime import date

    from app.domain.nik import check_nik
    from app.resources import regions

    fill_demo(office, cli_actor("JKT"), seed=2)
    people = rows(office.path, "SELECT nik, birth_date, sex, region_code FROM participant")
    for nik, born, sex, region in people:
        info, findings = check_nik(
            nik,
            date(2026, 11, 28),
            regions(),
            form_birth_date=date.fromisoformat(born),
            form_sex=sex,
        )
        assert info is not None and findings == [], (nik, [f.message() for f in findings])
        assert info.district == region


def test_demo_providers_show_every_case_of_the_checklist(office):
    """A dozen providers across the five areas: some decided layak, and one for each way of
    failing (no licence, expired licence, under six months, one module, an inactive module
    counted out), one licence ending within 60 days (issue #9 item 8)."""
    from app.services.provider_assessment import assess
    from app.services.providers import list_providers

    fill_demo(office, cli_actor("JKT"), seed=7)
    providers = list_providers(office)
    assert len(providers) == 12
    provinces = {p.region_code.split(".")[0] for p in providers if p.region_code}
    assert provinces == {"31", "32", "36", "52", "64"}
    failing: dict[str, set[str]] = {}
    for p in providers:
        for check in assess(office, p.id).checks:
            if check.automatic and not check.passed:
                failing.setdefault(check.key, set()).add(p.name)
    assert failing == {
        "licence": {"LPK Cilegon Teknik", "LPK Garut Sejahtera"},
        "operating_months": {"LPK Bandung Kreatif"},
        "modules": {"LPK Busana Mandiri", "LPK Senggigi Hospitality"},
    }
    assert [p.name for p in providers if p.expiring] == ["Pusat Pelatihan PT Krakatau Karya"]
    results = sorted(p.result or "-" for p in providers)
    assert results.count("layak") == 6 and "tidak_layak" in results and "tindak_lanjut" in results
    from app.services.dashboard import dashboard

    licences = dashboard(office).licences  # what Beranda shows
    assert [i.name for i in licences.items] == ["Pusat Pelatihan PT Krakatau Karya"]
    assert results.count("-") == 4  # not decided yet


def test_demo_cohorts_show_every_state_with_consistent_people(office):
    """Each area has a finished, a running, a planned and a cancelled cohort (issue #10 item
    9): attendance up to today with some people below 80%, results that agree with the rule,
    a waiting list, withdrawals, and participant states that follow their enrolment."""
    from app.services.cohort_lists import cohort_detail, list_cohorts

    fill_demo(office, cli_actor("JKT"), seed=7)
    cohorts = list_cohorts(office)
    states = {(c.office_code, c.status) for c in cohorts}
    assert states == {
        (o, s)
        for o in ("JKT", "BTN", "JBR", "LOM", "BPN")
        for s in ("selesai", "berjalan", "direncanakan", "dibatalkan")
    }
    below = results = waiting = withdrawn = 0
    for c in cohorts:
        d = cohort_detail(office, c.id)
        for e in d.enrolments:
            ((status,),) = rows(
                office.path, "SELECT status FROM participant WHERE id=?", e.participant_id
            )
            if e.status == "waiting":
                waiting += 1
                assert status in ("registered", "verified")
            elif e.status == "withdrawn":
                withdrawn += 1
                assert status == "withdrawn" and e.withdraw_reason
            elif c.status == "selesai":
                results += 1
                assert e.result in ("lulus", "tidak_lulus") and e.contradiction is None
                # a graduate whose follow-up call found work again is "employed" (issue #13)
                assert status == "completed" or (status == "employed" and e.result == "lulus")
            else:
                assert status == "in_training" and e.result is None
            if c.status == "berjalan" and e.status == "enrolled" and e.rate is not None:
                below += e.rate < 0.8
        if c.status in ("direncanakan", "dibatalkan"):
            assert all(not s.locked for s in d.sessions)
    assert below >= 3 and results >= 40 and waiting >= 5 and withdrawn >= 1
    passed = rows(office.path, "SELECT result, count(*) FROM enrollment GROUP BY 1")
    assert {r for r, _n in passed} >= {"lulus", "tidak_lulus"}


def test_demo_stipends_show_every_state_a_reversal_an_overpayment_and_a_closed_day(office):
    """The demo office's own cohorts carry money in every state (issue #11 item 7), and it
    adds up: the closed day's figures are that day's payments, the series has no gap."""
    from app.services.cash_close import cash_day
    from app.services.cohort_lists import list_cohorts
    from app.services.entitlements import list_entitlements
    from app.services.payments import receipt_series, recoveries

    fill_demo(office, cli_actor("JKT"), seed=7)
    mine = [c for c in list_cohorts(office) if c.office_code == "JKT"]
    states = {r.state for c in mine for r in list_entitlements(office, c.id)}
    assert states == {"dihitung", "disetujui", "dibayar"}
    assert [r.outstanding > 0 for r in recoveries(office)] and all(
        not r.double for r in recoveries(office)
    )
    assert count(office.path, "payment_reversal") == 1
    assert count(office.path, "payment", "method='transfer' AND reference IS NOT NULL") >= 1
    year = int(str(rows(office.path, "SELECT min(paid_on) FROM payment")[0][0])[:4])
    series = receipt_series(office, year)
    assert (series.void, series.missing) == (1, 0) and series.issued >= 20
    ((day_text,),) = rows(office.path, "SELECT day FROM cash_close")
    day = cash_day(office, date.fromisoformat(str(day_text)))
    assert day.closed is not None and day.closed.difference == 0
    paid = rows(
        office.path,
        "SELECT count(*), sum(amount - deduction) FROM payment WHERE paid_on = ?",
        str(day_text),
    )[0]
    assert (day.receipts, sum(t[3] for t in day.totals)) == paid
    assert day.closed.cash_paid + day.transfer_total == paid[1]
