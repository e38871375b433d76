"""Providers and modules between offices through a real server (issue #9 item 7): a provider
reaches every office, edits at two offices merge by field, a checklist item marked at both
goes to the newest mark, a decision signed offline arrives, a seeded module's edit and the
same offer recorded twice converge."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from app.db import Database
from app.services.auth import login
from app.services.provider_views import Offer
from tests.sync.conftest import PASSWORD, both_backends, enrolled, loket, make_office, sync

pytestmark = both_backends()

SUPERVISOR_PASSWORD = "Supervisi2026"
PROVIDER = {
    "name": "BLK Kabupaten Bekasi",
    "provider_type": "BLK",
    "region_code": "32.16",
    "licence_number": "TD/560/2020",
    "licence_expires_on": "2030-01-10",
    "operating_since": "2019-05-01",
}


def _supervisor(home: Path) -> None:
    out = loket(
        home,
        "staff",
        "add",
        "--name",
        "Rina",
        "--role",
        "supervisor",
        "--password-stdin",
        "spv.rina",
        stdin=SUPERVISOR_PASSWORD + "\n",
    )
    assert out.returncode == 0, out.stderr


def _as(home: Path, username: str = "admin", password: str = PASSWORD):
    db = Database(home / "loket.db")
    return db, login(db, username, password).actor


def _one(home: Path, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(home / "loket.db")
    try:
        return list(con.execute(sql).fetchall())
    finally:
        con.close()


def _offices(server, tmp_path):
    jbr = enrolled(server, make_office(tmp_path, "jbr", "JBR", 1), "JBR")
    jkt = enrolled(server, make_office(tmp_path, "jkt", "JKT", 1), "JKT")
    for home in (jbr, jkt):
        _supervisor(home)
    return jbr, jkt


def _register(home: Path) -> str:
    from app.services.providers import register_provider, set_offers

    db, admin = _as(home)
    try:
        pid = register_provider(db, admin, dict(PROVIDER)).id
        set_offers(db, admin, pid, [Offer("LAS"), Offer("GARMEN")])
        return pid
    finally:
        db.dispose()


def test_a_provider_reaches_another_office_and_edits_merge_by_field(server, tmp_path):
    from app.services.providers import provider_detail, update_provider

    jbr, jkt = _offices(server, tmp_path)
    pid = _register(jbr)
    assert sync(jbr)["ok"] and sync(jkt)["ok"]
    assert _one(jkt, "SELECT name, office_code FROM training_provider") == [
        ("BLK Kabupaten Bekasi", "JBR")
    ]
    assert _one(jkt, "SELECT count(*) FROM provider_module WHERE offered") == [(2,)]

    for home, change in ((jbr, {"phone": "021-8890001"}), (jkt, {"address": "Jl. Raya 1"})):
        db, admin = _as(home)
        try:
            update_provider(db, admin, pid, {**PROVIDER, **change})
        finally:
            db.dispose()
    assert sync(jbr)["ok"]
    report = sync(jkt)
    assert report["ok"] and report["conflicts"] == []
    assert sync(jbr)["ok"]
    for home in (jbr, jkt):
        db = Database(home / "loket.db")
        try:
            values = provider_detail(db, pid).values
        finally:
            db.dispose()
        assert (values["phone"], values["address"]) == ("+62218890001", "Jl. Raya 1")


def test_a_checklist_item_marked_at_both_offices_goes_to_the_newest_mark(server, tmp_path):
    from app.services.provider_assessment import mark_item

    jbr, jkt = _offices(server, tmp_path)
    pid = _register(jbr)
    assert sync(jbr)["ok"] and sync(jkt)["ok"]
    for home, status, note in (
        (jbr, "tidak_sesuai", "bengkel tutup"),
        (jkt, "sesuai", "dikunjungi ulang"),
    ):
        db, sup = _as(home, "spv.rina", SUPERVISOR_PASSWORD)
        try:
            mark_item(db, sup, pid, "site_visit", status, note)  # JKT marks later
        finally:
            db.dispose()
    # the newer mark wins whichever office syncs first
    assert sync(jkt)["ok"] and sync(jbr)["ok"] and sync(jkt)["ok"]
    for home in (jbr, jkt):
        assert _one(home, "SELECT status, note FROM provider_check") == [
            ("sesuai", "dikunjungi ulang")
        ]
    # every mark is kept in the audit log of the office that made it
    assert _one(jbr, "SELECT count(*) FROM audit_event WHERE action='provider.check'") == [(1,)]


def test_a_decision_signed_offline_arrives_and_the_provider_is_fit(server, tmp_path):
    from app.services.provider_assessment import decide, provider_fit

    jbr, jkt = _offices(server, tmp_path)
    pid = _register(jbr)
    assert sync(jbr)["ok"] and sync(jkt)["ok"]
    db, sup = _as(jbr, "spv.rina", SUPERVISOR_PASSWORD)
    try:
        decide(db, sup, pid, "layak", "memenuhi syarat")
    finally:
        db.dispose()
    assert sync(jbr)["ok"] and sync(jkt)["ok"]
    db = Database(jkt / "loket.db")
    try:
        assert provider_fit(db, pid, "LAS", date.today()).fit
    finally:
        db.dispose()


def test_a_seeded_module_edit_and_a_twice_recorded_offer_converge(server, tmp_path):
    from app.services.modules import update_module
    from app.services.providers import set_offers

    jbr, jkt = _offices(server, tmp_path)
    pid = _register(jbr)
    assert sync(jbr)["ok"] and sync(jkt)["ok"]
    db, sup = _as(jkt, "spv.rina", SUPERVISOR_PASSWORD)
    try:
        update_module(db, sup, "LAS", {"name": "Juru Las SMAW 3G", "hours": 240})
    finally:
        db.dispose()
    # both offices add forklift to the provider's offers while offline
    for home in (jbr, jkt):
        db, admin = _as(home)
        try:
            set_offers(db, admin, pid, [Offer("LAS"), Offer("GARMEN"), Offer("FORKLIFT", 10)])
        finally:
            db.dispose()
    for home in (jkt, jbr, jkt):
        report = sync(home)
        assert report["ok"], report
    for home in (jbr, jkt):
        assert _one(home, "SELECT name FROM training_module WHERE code='LAS'") == [
            ("Juru Las SMAW 3G",)
        ]
        assert _one(
            home, "SELECT module_code, capacity FROM provider_module ORDER BY module_code"
        ) == [("FORKLIFT", 10), ("GARMEN", None), ("LAS", None)]
