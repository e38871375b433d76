"""Guards that only matter while changes still wait to be sent: the base a second local change
builds on (app.services.uow), a pulled row that must not overwrite unsent work
(app.sync.local_apply), and the push answers written back (app.sync.push).

Two counters of one office (real SQLite offices through the real services) and the real
sync server in-process (app.server.api on an SQLite file, through FastAPI's TestClient: the
real HTTP handling, no socket), so these run in the mutation run.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from app.services.participant_records import update, values_for_edit
from app.services.participants import register
from app.sync import client as sync
from app.sync.pull import pull_changes
from app.sync.report import CycleReport
from app.sync.transport import Transport
from tests.unit.helpers import execute, rows

BUDI = {
    "nik": "3171011708900001",
    "nama": "Budi Santoso",
    "tanggal_lahir": "17/08/1990",
    "jenis_kelamin": "L",
    "persetujuan": "Y",
}


@dataclass
class Server:
    engine: object
    client: TestClient

    def transport(self) -> Transport:
        transport = Transport("http://testserver", attempts=1)
        transport.client.close()
        transport.client = self.client
        return transport

    def enrol(self, pc) -> Transport:
        from app.server.admin import make_enroll_code

        transport = self.transport()
        code = make_enroll_code(self.engine, "JKT")
        sync.enroll(pc.db, "http://testserver", code, transport)
        return transport


@pytest.fixture
def server(tmp_path) -> Iterator[Server]:
    from app.server.api import create_app
    from app.server.db import create_schema, make_server_engine

    engine = make_server_engine(str(tmp_path / "server.db"))
    create_schema(engine)
    with TestClient(create_app(engine), base_url="http://testserver") as client:
        yield Server(engine, client)
    engine.dispose()


def outbox(pc, entity: str = "participant") -> list[tuple[object, ...]]:
    return rows(
        pc.path,
        "SELECT op, base_version, version, status FROM outbox WHERE entity=? ORDER BY seq",
        entity,
    )


def person(pc, person_id: str) -> dict[str, object]:
    ((name, phone, nik, version),) = rows(
        pc.path, "SELECT full_name, phone, nik, version FROM participant WHERE id=?", person_id
    )
    return {"name": name, "phone": phone, "nik": nik, "version": version}


def edit(pc, person_id: str, **fields: str) -> None:
    """The clerk opens the record's form, changes `fields` and saves."""
    form = values_for_edit(pc.db, pc.actors["admin"], person_id)
    findings = update(
        pc.db, pc.actors["admin"], person_id, {**form, **fields}, confirm_warnings=True
    )
    assert not [f for f in findings if f.severity.value == "error"], findings


def registered(pc) -> str:
    out = register(pc.db, pc.actors["admin"], dict(BUDI), confirm_warnings=True)
    assert out.saved is not None, [f.message() for f in out.findings]
    return out.saved.id


# -- the unit of work's base --------------------------------------------------------------------
def test_changes_waiting_to_be_sent_build_on_the_base_the_server_gave(staffed, server):
    transport = server.enrol(staffed)
    pid = registered(staffed)
    edit(staffed, pid, nama="Budi Santosa")
    edit(staffed, pid, nama="Budi Susanto")
    # The insert and both edits wait: each edit says it builds on what the server has (none).
    assert outbox(staffed) == [
        ("insert", 0, 1, "pending"),
        ("update", 0, 2, "pending"),
        ("update", 0, 3, "pending"),
    ]
    report = sync.run_cycle(staffed.db, transport)
    assert report.ok and report.error is None, report.error
    assert [r[3] for r in outbox(staffed)] == ["applied"] * 3
    # Sent: the next edit builds on the version the server holds now.
    edit(staffed, pid, telepon="0812-3456-7890")
    assert outbox(staffed)[-1] == ("update", 3, 4, "pending")
    assert sync.run_cycle(staffed.db, transport).ok
    ((version, data),) = rows(
        server_path(server), "SELECT version, data FROM record_state WHERE entity_id=?", pid
    )
    assert version == 4
    assert json.loads(data)["full_name"] == "Budi Susanto"
    assert json.loads(data)["phone"] == "+6281234567890"


def server_path(server: Server):
    return server.engine.url.database  # type: ignore[attr-defined]


def test_a_refused_change_still_waiting_does_not_move_the_base(staffed, server):
    """Only pending changes count: a refused one (never sent again) leaves the base alone."""
    transport = server.enrol(staffed)
    pid = registered(staffed)
    assert sync.run_cycle(staffed.db, transport).ok
    edit(staffed, pid, nama="Budi Santosa")
    execute(staffed.path, "UPDATE outbox SET status='rejected' WHERE op='update'")
    edit(staffed, pid, nama="Budi Susanto")
    assert outbox(staffed)[-2:] == [("update", 1, 2, "rejected"), ("update", 2, 3, "pending")]


# -- the pull guard --------------------------------------------------------------------------------
def test_a_pulled_row_never_overwrites_a_change_still_waiting(staffed, second_pc, server):
    one, two = server.enrol(staffed), server.enrol(second_pc)
    pid = registered(staffed)
    assert sync.run_cycle(staffed.db, one).ok
    assert sync.run_cycle(second_pc.db, two).ok
    assert person(second_pc, pid)["name"] == "Budi Santoso"

    edit(second_pc, pid, telepon="0812-3456-7890")  # counter 2, not sent yet
    edit(staffed, pid, nama="Budi Santosa")  # counter 1, sent
    assert sync.run_cycle(staffed.db, one).ok

    current = sync.link(second_pc.db)
    assert current is not None
    report = CycleReport()
    pull_changes(second_pc.db, two, current, report)  # a pull before counter 2's push
    assert report.skipped_pending == 1 and "participant" not in report.entities
    assert person(second_pc, pid) == {
        "name": "Budi Santoso",  # counter 1's change waits: counter 2's work is not lost
        "phone": "+6281234567890",
        "nik": "3171011708900001",
        "version": 2,
    }
    assert outbox(second_pc)[-1] == ("update", 1, 2, "pending")
    assert rows(second_pc.path, "SELECT cursor FROM sync_link")[0][0] > current.cursor

    # The push goes up; the answer brings the merged record: both changes, the server's version.
    report = sync.run_cycle(second_pc.db, two)
    assert report.ok, report.error
    assert person(second_pc, pid) == {
        "name": "Budi Santosa",
        "phone": "+6281234567890",
        "nik": "3171011708900001",
        "version": 3,
    }
    assert sync.run_cycle(staffed.db, one).ok
    assert person(staffed, pid) == person(second_pc, pid)


def test_a_row_without_waiting_changes_takes_the_pulled_state(staffed, second_pc, server):
    one, two = server.enrol(staffed), server.enrol(second_pc)
    pid = registered(staffed)
    assert sync.run_cycle(staffed.db, one).ok
    assert sync.run_cycle(second_pc.db, two).ok
    edit(staffed, pid, nama="Budi Santosa")
    assert sync.run_cycle(staffed.db, one).ok
    report = sync.run_cycle(second_pc.db, two)
    assert report.ok and report.pulled >= 1 and report.skipped_pending == 0
    assert "participant" in report.entities
    assert person(second_pc, pid)["name"] == "Budi Santosa"
    assert person(second_pc, pid)["version"] == 2


# -- push answers --------------------------------------------------------------------------------
def test_a_supervised_change_in_conflict_then_a_clean_one_keep_the_clean_one(staffed, server):
    transport = server.enrol(staffed)
    pid = registered(staffed)
    assert sync.run_cycle(staffed.db, transport).ok
    edit(staffed, pid, nik="3171011708900002")  # a NIK change goes to a supervisor
    edit(staffed, pid, nama="Budi Santosa")
    report = sync.run_cycle(staffed.db, transport)
    assert report.ok, report.error
    assert [r[3] for r in outbox(staffed)] == ["applied", "conflict", "applied"]
    assert [c["status"] for c in report.conflicts] == ["conflict"]
    # The server's NIK until a supervisor decides, and the clean change kept.
    assert person(staffed, pid)["nik"] == "3171011708900001"
    assert person(staffed, pid)["name"] == "Budi Santosa"
    results = [
        json.loads(str(r[0]))
        for r in rows(staffed.path, "SELECT result FROM outbox WHERE entity='participant'")
    ]
    assert results[1]["reason"] == "nik" and results[1]["status"] == "conflict"


def test_a_change_stamped_ahead_of_the_server_is_held_and_sent_later(staffed, server):
    transport = server.enrol(staffed)
    assert sync.run_cycle(staffed.db, transport).ok
    staffed.clock.now = datetime.now(UTC) + timedelta(hours=1)  # this PC's clock runs ahead
    pid = registered(staffed)
    report = sync.run_cycle(staffed.db, transport)
    assert report.held == 1
    waiting = rows(
        staffed.path, "SELECT status, result FROM outbox WHERE entity_id=? ORDER BY seq", pid
    )
    assert waiting[0][0] == "pending"  # kept, never dropped
    assert json.loads(str(waiting[0][1]))["status"] == "held"
    assert rows(
        server_path(server), "SELECT count(*) FROM record_state WHERE entity_id=?", pid
    ) == [(0,)]
