"""Rule 7 for the record types whose ids are derived from their fields and converge
(app.server.authorize, `derived_id` in app.protocol.entities): a module by its code, a
provider's offered module by (provider, code), a checklist item by (provider, key), a
training day by (cohort, day), an enrolment by (cohort, person), a mark by (day, person),
an entitlement by (enrolment, kind, period) and a cash close by (device, day).

The server takes a NEW record of these types only under the id its fields give. Otherwise a
device could push a record under the id another device will later derive for its own real
record (claim it ahead: the real one is then merged into the forged one, or refused as
another office's or another device's), or a copy of a real record under another id (two
records of one natural key, which the PCs' unique indexes cannot hold). Each hand-made push
below, with a real token of an enrolled device, is refused as `not permitted`, audited,
stores nothing and reaches no PC; then the honest path still works: the record made by the
service at two counters offline syncs from both and is ONE record under its derived id.

Built on the payments office (tests/sync/test_sync_payments.py): JKT counters 1 and 2 hold
one cohort of four people, three weeks old, week 1 held, approved and its entitlements
approved; each test gets a copy (server database and both PCs).
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from typing import Any

from app.domain.ids import stable_id
from app.protocol.entities import ENTITIES
from app.server.authorize import FORBIDDEN
from tests.sync import test_sync_payments as payments
from tests.sync.hostile import RawDevice, server_audit
from tests.sync.test_sync_payments import (
    CLERK,
    OFFICE,
    SUPERVISOR,
    Counter,
    Office,
    _raw_device,
    server_records,
    synced,
)

# the payments office's fixtures: built once per server backend, copied for each test
_template = payments._template
office = payments.office

REFUSED = ("rejected", FORBIDDEN, None)

# app.server.authorize.refusal answers a record of scope `shared` (any enrolled device may
# write one) before it comes to rule 7, so a shared type's `derived_id` is not checked yet:
# these fail at their first refusal until it is (then this marker goes, strict).


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _refused(
    office: Office, raw: RawDevice, entity: str, forged: list[tuple[str, dict[str, Any]]]
) -> None:
    """Push each (id, fields) as a new record: each is refused and audited, and the server
    stores none of them (nor anything else of the type)."""
    before = server_records(office.server, entity)
    audited = len(server_audit(office.server, "push.forbidden"))
    answers = raw.push(*(raw.mutation(entity, i, "insert", row) for i, row in forged))
    assert [(x["status"], x["reason"], x["record"]) for x in answers] == [REFUSED] * len(forged)
    refusals = server_audit(office.server, "push.forbidden")[audited:]
    assert [(r["device_id"], r["detail"]["entity"]) for r in refusals] == [
        (raw.device_id, entity)
    ] * len(forged)
    assert server_records(office.server, entity) == before


def _both_offline(office: Office, make: Any) -> None:
    """`make(counter)` at both counters before either syncs, then sync a, b, a: nothing
    refused, no conflict."""
    for pc in (office.a, office.b):
        make(pc)
    for pc in (office.a, office.b, office.a):
        synced(pc)


def _ids(pc: Counter, table: str) -> set[str]:
    return {str(i) for (i,) in pc.rows(f"SELECT id FROM {table}")}


def _one_record(office: Office, entity: str, rid: str, forged: list[str]) -> None:
    """The record is on the server and on both counters once, under its derived id (the
    one a forged push tried to take ahead); none of the other forged ids is anywhere."""
    stored = server_records(office.server, entity)
    fields = ENTITIES[entity].derived_id
    assert stable_id(entity, *(str(stored[rid][f]) for f in fields)) == rid
    assert not (set(forged) - {rid}) & set(stored)
    assert _ids(office.a, entity) == _ids(office.b, entity) == set(stored)


def _office_pc(pc: Counter) -> SimpleNamespace:
    """What tests.unit.cohort_support's helpers take for an office."""
    return SimpleNamespace(db=pc.db, actors={"counter": CLERK, "supervisor": SUPERVISOR})


def _provider(office: Office) -> str:
    (pid,) = server_records(office.server, "training_provider")
    return pid


def _sessions(office: Office) -> dict[str, str]:
    """{ISO day: session id} of the cohort's training days."""
    return {
        str(data["day"]): sid
        for sid, data in server_records(office.server, "cohort_session").items()
        if data["cohort_id"] == office.cohort_id
    }


def _people(office: Office) -> dict[str, str]:
    """{first name: participant id} of the office's people."""
    return {
        str(data["full_name"]).split()[0]: pid
        for pid, data in server_records(office.server, "participant").items()
    }


def _a_record(office: Office, entity: str, **where: Any) -> dict[str, Any]:
    """The data of one stored record of the type (matching `where`), as a pushed row."""
    for data in server_records(office.server, entity).values():
        if all(data.get(k) == v for k, v in where.items()):
            return dict(data, created_at=_now())
    raise AssertionError(f"no {entity} {where}")


# -- shared records: any office's device may write them, never under a made-up id ----------


def test_a_module_is_taken_only_under_the_id_of_its_code(office):
    from app.services.modules import add_module

    btn = _raw_device(office.server, "BTN", 1)
    row = _a_record(office, "training_module", code="GARMEN") | {"office_code": "BTN"}
    batik = row | {"code": "BATIK", "name": "Batik Tulis"}
    rid = stable_id("training_module", "BATIK")
    forged = [
        (str(uuid.uuid4()), batik),  # a copy of the module JKT will add, under another id
        (rid, batik | {"code": "TENUN"}),  # its id, ahead, for another code
        (stable_id("training_module", "batik"), batik),  # another spelling's id
    ]
    _refused(office, btn, "training_module", forged)

    values = {"code": "BATIK", "name": "Batik Tulis", "sector": "Industri", "hours": 120}
    _both_offline(office, lambda pc: add_module(pc.db, SUPERVISOR, values))
    _one_record(office, "training_module", rid, [i for i, _ in forged])
    assert office.a.rows("SELECT count(*) FROM training_module WHERE code='BATIK'") == [(1,)]


def test_an_offered_module_is_taken_only_under_the_id_of_its_provider_and_code(office):
    from app.services.provider_views import Offer
    from app.services.providers import set_offers

    pid = _provider(office)
    btn = _raw_device(office.server, "BTN", 1)
    row = _a_record(office, "provider_module", provider_id=pid, module_code="LAS")
    row |= {"office_code": "BTN"}
    digital = row | {"module_code": "DIG-PROG"}
    rid = stable_id("provider_module", pid, "DIG-PROG")
    forged = [
        (str(uuid.uuid4()), digital),
        (rid, row | {"module_code": "KONSTRUKSI"}),  # the id ahead, for another module
        (stable_id("provider_module", str(uuid.uuid4()), "DIG-PROG"), digital),
    ]
    _refused(office, btn, "provider_module", forged)

    offers = [Offer("LAS"), Offer("GARMEN"), Offer("DIG-PROG")]
    _both_offline(office, lambda pc: set_offers(pc.db, CLERK, pid, offers))
    _one_record(office, "provider_module", rid, [i for i, _ in forged])
    assert office.b.rows(
        "SELECT id FROM provider_module WHERE module_code='DIG-PROG' AND offered"
    ) == [(rid,)]


def test_a_checklist_item_is_taken_only_under_the_id_of_its_provider_and_key(office):
    from app.services.provider_assessment import mark_item

    pid = _provider(office)
    assert not server_records(office.server, "provider_check")
    btn = _raw_device(office.server, "BTN", 1)
    row = {
        "provider_id": pid,
        "key": "facilities",
        "status": "sesuai",
        "note": None,
        "checked_by": "loket.btn",
        "checked_at": _now(),
        "office_code": "BTN",
        "created_at": _now(),
    }
    rid = stable_id("provider_check", pid, "facilities")
    forged = [
        (str(uuid.uuid4()), row),
        (rid, row | {"key": "site_visit"}),  # the id ahead, for another item
    ]
    _refused(office, btn, "provider_check", forged)

    _both_offline(office, lambda pc: mark_item(pc.db, CLERK, pid, "facilities", "sesuai", "ok"))
    _one_record(office, "provider_check", rid, [i for i, _ in forged])


# -- a cohort's days, enrolments and marks (its own office's devices write them) ----------


def _free_day(office: Office) -> date:
    """A day between the cohort's first and last that is not one of its training days."""
    days = sorted(date.fromisoformat(d) for d in _sessions(office))
    for n in range((days[-1] - days[0]).days):
        day = days[0] + timedelta(days=n)
        if day.isoformat() not in _sessions(office):
            return day
    raise AssertionError("the cohort has every day")


def test_a_training_day_is_taken_only_under_the_id_of_its_cohort_and_day(office):
    from app.services.cohort_days import add_day

    cid = office.cohort_id
    day = _free_day(office)
    other = _free_day(office) + timedelta(days=1)
    jkt = _raw_device(office.server, OFFICE, 7)  # another counter of the office
    row = _a_record(office, "cohort_session", cohort_id=cid) | {"day": day.isoformat()}
    rid = stable_id("cohort_session", cid, day.isoformat())
    forged = [
        (str(uuid.uuid4()), row),  # a second record of the day
        (rid, row | {"day": other.isoformat()}),  # the day's id ahead, for another day
    ]
    _refused(office, jkt, "cohort_session", forged)

    _both_offline(office, lambda pc: add_day(pc.db, CLERK, cid, day))
    _one_record(office, "cohort_session", rid, [i for i, _ in forged])
    assert office.a.rows(
        "SELECT id, makeup FROM cohort_session WHERE cohort_id=? AND day=?", cid, day.isoformat()
    ) == [(rid, 1)]


def test_an_enrolment_is_taken_only_under_the_id_of_its_cohort_and_person(office):
    from app.services.enrolment import enrol
    from tests.unit.cohort_support import person

    cid = office.cohort_id
    new = person(_office_pc(office.a), 50, "Eko Prasetyo")
    synced(office.a)
    synced(office.b)
    people = _people(office)
    jkt = _raw_device(office.server, OFFICE, 7)
    row = _a_record(office, "enrollment", cohort_id=cid, participant_id=people["Budi"])
    eko = row | {"participant_id": new, "status": "enrolled"}
    rid = stable_id("enrollment", cid, new)
    forged = [
        (str(uuid.uuid4()), eko),
        (rid, row),  # Eko's id ahead, for Budi's enrolment
        (stable_id("enrollment", new, cid), eko),  # the fields the other way round
    ]
    _refused(office, jkt, "enrollment", forged)

    def enrol_eko(pc: Counter) -> None:
        (out,) = enrol(pc.db, CLERK, cid, [new], confirm_unknown=True)
        assert out.status is not None, out

    _both_offline(office, enrol_eko)
    _one_record(office, "enrollment", rid, [i for i, _ in forged])
    assert office.b.rows("SELECT id FROM enrollment WHERE participant_id=?", new) == [(rid,)]


def _week_two_day(office: Office) -> date:
    """The first training day of the cohort's unapproved week 2 (a day gone by)."""
    start = min(date.fromisoformat(d) for d in _sessions(office))
    return min(d for d in map(date.fromisoformat, _sessions(office)) if d >= start + timedelta(7))


def test_a_mark_is_taken_only_under_the_id_of_its_day_and_person(office):
    from app.services.attendance import mark

    cid = office.cohort_id
    day = _week_two_day(office)
    sid = _sessions(office)[day.isoformat()]
    people = _people(office)
    budi, siti = people["Budi"], people["Siti"]
    jkt = _raw_device(office.server, OFFICE, 7)
    row = _a_record(office, "attendance", participant_id=budi) | {
        "session_id": sid,
        "mark": "A",
        "marked_at": _now(),
    }
    rid = stable_id("attendance", sid, budi)
    forged = [
        (str(uuid.uuid4()), row),  # a second mark of Budi's day
        (rid, row | {"participant_id": siti}),  # Budi's id ahead, for Siti's mark
        (stable_id("attendance", cid, budi), row),  # the cohort for the day
    ]
    _refused(office, jkt, "attendance", forged)

    marks = {office.a.home: "H", office.b.home: "S"}  # counter 2 marks later: its mark wins
    _both_offline(office, lambda pc: mark(pc.db, CLERK, cid, day, {budi: marks[pc.home]}))
    _one_record(office, "attendance", rid, [i for i, _ in forged])
    for pc in (office.a, office.b):
        assert pc.rows("SELECT mark FROM attendance WHERE id=?", rid) == [("S",)]


def test_an_entitlement_is_taken_only_under_the_id_of_its_enrolment_kind_and_period(office):
    from app.services import entitlements
    from app.services.attendance import all_present

    cid = office.cohort_id
    day = _week_two_day(office)
    all_present(office.a.db, CLERK, cid, day)
    synced(office.a)
    synced(office.b)
    budi = _people(office)["Budi"]
    enrolment = stable_id("enrollment", cid, budi)
    jkt = _raw_device(office.server, OFFICE, 7)
    row = _a_record(office, "entitlement", enrollment_id=enrolment, kind="transport")
    start, end = date.fromisoformat(row["period_start"]), date.fromisoformat(row["period_end"])
    week_two = row | {
        "period": "W2",
        "period_start": (start + timedelta(7)).isoformat(),
        "period_end": (end + timedelta(7)).isoformat(),
        "days": 1,
        "amount": row["rate"],
        "approved_amount": None,
        "approved_by": None,
        "approved_at": None,
        "computed_at": _now(),
    }
    rid = stable_id("entitlement", enrolment, "transport", "W2")
    forged = [
        (str(uuid.uuid4()), week_two),  # a second entitlement of Budi's week 2
        (rid, week_two | {"kind": "pocket"}),  # its id ahead, for the other kind
        (rid, week_two | {"period": "W3"}),  # ... for another week
        (stable_id("entitlement", budi, "transport", "W2"), week_two),  # the person's
    ]
    _refused(office, jkt, "entitlement", forged)

    _both_offline(office, lambda pc: entitlements.compute(pc.db, CLERK, cid))
    _one_record(office, "entitlement", rid, [i for i, _ in forged])
    week2 = {
        i: (d["enrollment_id"], d["kind"])
        for i, d in server_records(office.server, "entitlement").items()
        if d["period"] == "W2"
    }
    assert len(week2) == 8  # four people, two kinds: one record each, made at two counters
    assert all(i == stable_id("entitlement", e, k, "W2") for i, (e, k) in week2.items())


# -- a counter's cash close: its own, under the id of its device and day --------------------


def test_a_cash_close_is_taken_only_under_the_id_of_its_device_and_day(office):
    from app.services.cash_close import close_day

    a, b = office.a, office.b
    day = date.today() - timedelta(days=1)
    jkt = _raw_device(office.server, OFFICE, 7)
    row = {
        "device_id": jkt.device_id,
        "day": day.isoformat(),
        "counter": "JKT-7",
        "opening": 0,
        "cash_paid": 0,
        "cash_returned": 0,
        "transfer_total": 0,
        "counted": 0,
        "receipts": 0,
        "totals": "[]",
        "closed_by": CLERK.username,
        "approved_by": SUPERVISOR.username,
        "closed_at": _now(),
        "office_code": OFFICE,
        "created_at": _now(),
    }
    theirs = stable_id("cash_close", a.device_id, day.isoformat())
    forged = [
        (str(uuid.uuid4()), row),
        # counter 1's close of the day, ahead, as its own: counter 1's would never arrive
        (theirs, row),
        (stable_id("cash_close", jkt.device_id, (day - timedelta(1)).isoformat()), row),
    ]
    _refused(office, jkt, "cash_close", forged)
    own = stable_id("cash_close", jkt.device_id, day.isoformat())
    (answer,) = jkt.push(jkt.mutation("cash_close", own, "insert", row))
    assert answer["status"] == "applied", answer

    for pc in (a, b):
        close_day(pc.db, CLERK, SUPERVISOR, day, 0, 0)
    for pc in (a, b, a):
        synced(pc)
    stored = server_records(office.server, "cash_close")
    mine = stable_id("cash_close", b.device_id, day.isoformat())
    assert set(stored) == {own, theirs, mine}
    assert {i: d["device_id"] for i, d in stored.items()} == {
        own: jkt.device_id,
        theirs: a.device_id,
        mine: b.device_id,
    }
    assert _ids(a, "cash_close") == _ids(b, "cash_close") == set(stored)
