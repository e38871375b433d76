"""One user action = one transaction: domain rows, outbox rows and audit events together."""

from __future__ import annotations

import json

import pytest

from app.domain.roles import Role
from app.models import Staff
from app.services.uow import MissingAudit, unit_of_work
from tests.unit.helpers import count, execute, rows


def _staff(username: str) -> Staff:
    return Staff(
        username=username,
        full_name="Uji Coba",
        role=Role.COUNTER.value,
        password_hash="x",
        active=True,
        must_change_password=False,
    )


def test_exception_midway_leaves_no_domain_outbox_or_audit_row(office, admin):
    path = office.path
    before = {t: count(path, t) for t in ("staff", "outbox", "audit_event")}

    with pytest.raises(RuntimeError, match="power cut"), unit_of_work(office, admin) as uow:
        uow.session.add(_staff("budi"))
        uow.session.flush()  # rows really reached SQLite inside the transaction
        uow.audit("staff.create", username="budi")
        assert count(path, "staff") == before["staff"]  # other connections see nothing yet
        raise RuntimeError("power cut")

    assert {t: count(path, t) for t in before} == before


def test_commit_writes_row_outbox_and_chained_audit_together(office, admin):
    with unit_of_work(office, admin) as uow:
        staff = _staff("sari")
        uow.session.add(staff)
        uow.session.flush()
        uow.audit("staff.create", "staff", staff.id, username="sari")
    (entry,) = rows(
        office.path,
        "SELECT op, base_version, version, changes FROM outbox WHERE entity='staff' "
        "AND entity_id=?",
        staff.id,
    )
    assert entry[0:3] == ("insert", 0, 1)
    assert json.loads(entry[3])["username"] == "sari"
    assert uow.summary.touches("staff")
    assert count(office.path, "audit_event", "action='staff.create' AND entity_id=?", staff.id) == 1


def test_update_sends_only_changed_fields_and_bumps_version(office, admin):
    with unit_of_work(office, admin) as uow:
        staff = _staff("eko")
        uow.session.add(staff)
        uow.session.flush()
        uow.audit("staff.create", "staff", staff.id)
    with unit_of_work(office, admin) as uow:
        row = uow.session.get(Staff, staff.id)
        row.full_name = "Eko Prasetyo"
        uow.audit("staff.rename", "staff", staff.id)
    (update,) = rows(
        office.path,
        "SELECT op, base_version, version, changes, hlc FROM outbox "
        "WHERE entity_id=? AND op='update'",
        staff.id,
    )
    # the insert is still unsent, so the update builds on the same server base (0)
    assert update[0:3] == ("update", 0, 2)
    assert json.loads(update[3]) == {"full_name": "Eko Prasetyo"}
    (version, hlc) = rows(office.path, "SELECT version, hlc FROM staff WHERE id=?", staff.id)[0]
    assert version == 2 and hlc == update[4]


def test_change_without_audit_is_refused_and_rolled_back(office, admin):
    before = count(office.path, "staff")
    with pytest.raises(MissingAudit), unit_of_work(office, admin) as uow:
        uow.session.add(_staff("tanpa.jejak"))
    assert count(office.path, "staff") == before
    assert count(office.path, "outbox", "changes LIKE '%tanpa.jejak%'") == 0


def test_synced_rows_are_tombstoned_not_deleted(office, admin):
    with unit_of_work(office, admin) as uow:
        staff = _staff("hapus")
        uow.session.add(staff)
        uow.session.flush()
        uow.audit("staff.create", "staff", staff.id)
    with pytest.raises(RuntimeError, match="tombstoned"), unit_of_work(office, admin) as uow:
        uow.session.delete(uow.session.get(Staff, staff.id))
        uow.audit("staff.delete", "staff", staff.id)
    with unit_of_work(office, admin) as uow:
        uow.tombstone(uow.session.get(Staff, staff.id))
        uow.audit("staff.delete", "staff", staff.id)
    assert rows(office.path, "SELECT op FROM outbox WHERE entity_id=? ORDER BY seq", staff.id) == [
        ("insert",),
        ("delete",),
    ]
    assert count(office.path, "staff", "id=? AND deleted_at IS NOT NULL", staff.id) == 1


def test_hlc_stamps_increase_even_when_the_clock_goes_back(office, admin, clock):
    stamps = []
    for name, minutes in (("a.satu", 0), ("a.dua", -30), ("a.tiga", 0)):
        clock.advance(minutes=minutes)
        with unit_of_work(office, admin) as uow:
            uow.session.add(_staff(name))
            uow.audit("staff.create", username=name)
    stamps = [r[0] for r in rows(office.path, "SELECT hlc FROM outbox ORDER BY seq")]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)


def test_a_change_to_a_tombstoned_row_is_sent_as_an_update_not_a_second_delete(office, admin):
    """Only the change that sets `deleted_at` is a delete; a later correction of a deleted
    record's field (an erased person's status reason) goes out as an update."""
    with unit_of_work(office, admin) as uow:
        staff = _staff("tono")
        uow.session.add(staff)
        uow.session.flush()
        uow.audit("staff.create", "staff", staff.id)
    with unit_of_work(office, admin) as uow:
        row = uow.session.get(Staff, staff.id)
        uow.tombstone(row)
        uow.audit("staff.delete", "staff", staff.id)
    with unit_of_work(office, admin) as uow:
        row = uow.session.get(Staff, staff.id)
        row.full_name = "Tono (keluar)"
        uow.audit("staff.update", "staff", staff.id)
    ops = rows(office.path, "SELECT op FROM outbox WHERE entity_id=? ORDER BY seq", staff.id)
    assert ops == [("insert",), ("delete",), ("update",)]


def test_the_audit_detail_keeps_names_as_typed(office, admin):
    """The audit log is read by people (a supervisor, an auditor): "Zoë Ñoño" and "Siti
    Zulaikhā" stay readable in it, not as \\u escapes."""
    with unit_of_work(office, admin) as uow:
        uow.audit("participant.note", name="Zoë Ñoño", other="Siti Zulaikhā")
    ((detail,),) = rows(
        office.path, "SELECT detail FROM audit_event WHERE action='participant.note'"
    )
    assert "Zoë Ñoño" in detail and "Siti Zulaikhā" in detail
    assert json.loads(detail) == {"name": "Zoë Ñoño", "other": "Siti Zulaikhā"}


def test_a_change_is_stamped_with_the_clock_and_this_pcs_device_id(office, admin, clock):
    """The stamp's wall time is the clock's (a stamp minutes ahead would be held by the
    server), and its node is this PC's device id (it breaks a tie between two PCs' changes
    made in the same millisecond)."""
    from app.domain.hlc import Hlc

    clock.advance(minutes=30)  # past every stamp the set-up made
    with unit_of_work(office, admin) as uow:
        uow.session.add(_staff("waktu"))
        uow.audit("staff.create", username="waktu")
    ((stamp,),) = rows(
        office.path, "SELECT hlc FROM outbox WHERE entity='staff' ORDER BY seq DESC LIMIT 1"
    )
    ((device_id,),) = rows(office.path, "SELECT device_id FROM device")
    parsed = Hlc.parse(str(stamp))
    assert parsed.wall_ms == int(clock().timestamp() * 1000)
    assert parsed.node == device_id


def test_a_change_builds_on_its_own_records_base_not_another_pending_record(office, admin):
    """The base version of a change is the one the server last gave THIS record; another
    record of the same type with unsent changes must not lend it its base (the server
    would then see a stale base and call an ordinary edit a conflict)."""
    with unit_of_work(office, admin) as uow:
        sent = _staff("terkirim")
        uow.session.add(sent)
        uow.session.flush()
        uow.audit("staff.create", "staff", sent.id)
    execute(office.path, "UPDATE outbox SET status='sent' WHERE entity_id=?", sent.id)
    with unit_of_work(office, admin) as uow:
        uow.session.add(_staff("menunggu"))  # another staff row, still waiting to be sent
        uow.audit("staff.create", username="menunggu")
    with unit_of_work(office, admin) as uow:
        uow.session.get(Staff, sent.id).full_name = "Sudah Terkirim"
        uow.audit("staff.update", "staff", sent.id)
    ((base, version),) = rows(
        office.path,
        "SELECT base_version, version FROM outbox WHERE entity_id=? AND op='update'",
        sent.id,
    )
    assert (base, version) == (1, 2)
