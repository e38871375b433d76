"""The PC's side of a pull at its edges (app.sync.local_apply): what a batch of server rows
leaves in a real office database, which rows wait for the local changes still unsent, what
the counts tell the sync report, and the sentence a clerk reads when a local rule refuses a
pulled row (never SQL, never the row's values).

A real office PC (tests/unit/conftest.py: migrations, `initialise`, `add_staff` and logins
through the real services; none of it sent yet, so its outbox is all pending) takes rows in
the shape the server sends them (app.sync.pull: entity, id, version, stamp, data as JSON).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy.exc as sa_exc
from sqlalchemy import insert, select

from app.domain.hlc import Hlc
from app.sync.local_apply import (
    EMPTY_REQUIRED,
    NO_PARENT,
    NOT_KEPT,
    SAME_AS_OTHER,
    SAME_USERNAME,
    UNREADABLE,
    Outcome,
    ServerRecord,
    local_refusal,
    tables_by_entity,
    write_records,
)
from tests.unit.conftest import Staffed
from tests.unit.helpers import count, execute, rows

NOW = datetime(2026, 11, 3, 4, 0, tzinfo=UTC)  # the pull's time, given (no clock read)
OTHER_PC = "01a234e3-0000-7000-8000-00000000beef"  # the counter that made the pulled rows
SITI = "01a23500-0000-7000-8000-000000000001"
AGUS = "01a23500-0000-7000-8000-000000000002"
DEWI = "01a23500-0000-7000-8000-000000000003"
CONSENT = "01a23500-0000-7000-8000-0000000000c1"
NEW_STAFF = "01a23500-0000-7000-8000-0000000000a1"
SARI = "01a23500-0000-7000-8000-0000000000a2"


def stamp(n: int) -> str:
    """Another counter's HLC stamp; a greater `n` sorts later."""
    return f"{1793600000000 + n:013d}-00000-{OTHER_PC}"


def person(name: str = "Siti Aminah", **over: Any) -> dict[str, Any]:
    """A participant as the server sends it (dates as ISO text, times with their zone)."""
    data: dict[str, Any] = {
        "office_code": "JKT",
        "nik": "3171014508900002",
        "full_name": name,
        "name_key": name.lower(),
        "birth_date": "1990-08-05",
        "sex": "P",
        "whatsapp": False,
        "status": "registered",
        "registered_by": "loket.budi",
        "registered_at": "2026-11-02T03:00:00+00:00",
        "created_at": "2026-11-02T03:00:00+00:00",
        "deleted_at": None,
    }
    data.update(over)
    return data


def staff(username: str, full_name: str = "Sari Loket") -> dict[str, Any]:
    return {
        "office_code": "JKT",
        "username": username,
        "full_name": full_name,
        "role": "counter",
        "password_hash": "$argon2id$v=19$m=65536,t=3,p=4$c2VjcmV0c2FsdA$aGFzaGhhc2hoYXNo",
        "active": True,
        "must_change_password": True,
        "password_changed_at": None,
        "created_at": "2026-11-02T03:00:00+00:00",
        "deleted_at": None,
    }


def consent(participant_id: str) -> dict[str, Any]:
    return {
        "office_code": "JKT",
        "participant_id": participant_id,
        "notice_version": "2024-01",
        "given_at": "2026-11-02T03:00:00+00:00",
        "recorded_by": "loket.budi",
        "withdrawn_at": None,
        "created_at": "2026-11-02T03:00:00+00:00",
        "deleted_at": None,
    }


def rec(entity: str, entity_id: str, version: int, n: int, data: dict[str, Any]) -> ServerRecord:
    return ServerRecord(entity, entity_id, version, stamp(n), data)


def apply(pc: Staffed, records: list[ServerRecord], pulled: bool = True) -> Outcome:
    with pc.db.write() as session:  # type: ignore[attr-defined]
        return write_records(session, records, NOW, pulled=pulled)


def held(pc: Staffed, entity: str, entity_id: str) -> dict[str, Any] | None:
    table = tables_by_entity()[entity]
    with pc.db.read() as session:  # type: ignore[attr-defined]
        found = session.execute(select(table).where(table.c.id == entity_id)).mappings().first()
        return None if found is None else dict(found)


def local_staff_id(pc: Staffed, username: str) -> str:
    ((found,),) = rows(pc.path, "SELECT id FROM staff WHERE username=?", username)
    return str(found)


def problem(entity: str, entity_id: str, sentence: str) -> str:
    return f"{entity} {entity_id}: {sentence}"


# -- rows written ------------------------------------------------------------------------------
def test_a_new_pulled_row_is_written_with_the_servers_version_stamp_and_values(
    staffed: Staffed,
) -> None:
    before = count(staffed.path, "outbox")
    out = apply(staffed, [rec("participant", SITI, 3, 5, person())])
    assert (out.written, out.skipped, out.unchanged, out.problems) == (1, 0, 0, [])
    assert out.entities == {"participant"}
    assert out.newest == Hlc.parse(stamp(5))
    row = held(staffed, "participant", SITI)
    assert row is not None
    assert row["full_name"] == "Siti Aminah" and row["sex"] == "P"
    assert row["birth_date"] == date(1990, 8, 5)
    assert row["registered_at"] == datetime(2026, 11, 2, 3, 0, tzinfo=UTC)
    assert row["created_at"] == datetime(2026, 11, 2, 3, 0, tzinfo=UTC)
    assert (row["version"], row["hlc"], row["deleted_at"]) == (3, stamp(5), None)
    assert count(staffed.path, "outbox") == before  # nothing echoes back to the server


def test_a_field_this_version_does_not_know_is_dropped_and_the_rest_kept(
    staffed: Staffed,
) -> None:
    data = {"kolom_masa_depan": "x", **person("Agus Salim"), "another_new_one": 1}
    out = apply(staffed, [rec("participant", AGUS, 1, 1, data)])
    assert (out.written, out.problems) == (1, [])
    row = held(staffed, "participant", AGUS)
    assert row is not None
    assert (row["full_name"], row["nik"], row["registered_by"]) == (
        "Agus Salim",
        "3171014508900002",
        "loket.budi",
    )


def test_a_date_already_given_as_a_date_is_kept_as_it_is(staffed: Staffed) -> None:
    out = apply(staffed, [rec("participant", SITI, 1, 1, person(birth_date=date(1991, 2, 3)))])
    assert (out.written, out.problems) == (1, [])
    row = held(staffed, "participant", SITI)
    assert row is not None and row["birth_date"] == date(1991, 2, 3)


def test_a_row_arriving_without_its_creation_time_gets_the_pull_time_once(
    staffed: Staffed,
) -> None:
    data = person()
    del data["created_at"]
    assert apply(staffed, [rec("participant", SITI, 1, 1, data)]).written == 1
    row = held(staffed, "participant", SITI)
    assert row is not None and row["created_at"] == NOW
    # A later version never moves the creation time, whatever it carries.
    later = person("Siti Aminah Putri", created_at="2030-01-01T00:00:00+00:00")
    assert apply(staffed, [rec("participant", SITI, 2, 2, later)]).written == 1
    row = held(staffed, "participant", SITI)
    assert row is not None
    assert (row["full_name"], row["version"], row["created_at"]) == ("Siti Aminah Putri", 2, NOW)


def test_a_tombstone_pulled_marks_the_row_deleted(staffed: Staffed) -> None:
    apply(staffed, [rec("participant", SITI, 1, 1, person())])
    gone = person(deleted_at="2026-11-02T05:00:00+00:00")
    out = apply(staffed, [rec("participant", SITI, 2, 2, gone)])
    assert out.written == 1
    row = held(staffed, "participant", SITI)
    assert row is not None
    assert (row["version"], row["deleted_at"]) == (2, datetime(2026, 11, 2, 5, 0, tzinfo=UTC))


def test_a_row_repeated_in_a_batch_counts_each_time_and_the_last_wins(
    staffed: Staffed,
) -> None:
    out = apply(
        staffed,
        [
            rec("participant", SITI, 1, 1, person("Siti A")),
            rec("participant", AGUS, 1, 2, person("Agus Salim")),
            rec("participant", SITI, 2, 3, person("Siti Am")),
            rec("participant", SITI, 3, 4, person("Siti Aminah")),
        ],
    )
    assert (out.written, out.unchanged, out.skipped, out.problems) == (4, 0, 0, [])
    assert out.newest == Hlc.parse(stamp(4))
    row = held(staffed, "participant", SITI)
    assert row is not None and (row["full_name"], row["version"]) == ("Siti Aminah", 3)


def test_parents_are_written_before_their_children_in_one_batch(staffed: Staffed) -> None:
    out = apply(
        staffed,
        [
            rec("consent", CONSENT, 1, 2, consent(SITI)),  # listed first, written second
            rec("participant", SITI, 1, 1, person()),
        ],
    )
    assert out.problems == []
    assert (out.written, out.entities) == (2, {"consent", "participant"})
    assert held(staffed, "consent", CONSENT) is not None


# -- rows left as they are ----------------------------------------------------------------------
def test_rows_already_holding_what_the_server_sends_are_not_written_again(
    staffed: Staffed,
) -> None:
    first = [
        rec("participant", SITI, 2, 7, person()),
        rec("participant", AGUS, 1, 3, person("Agus Salim")),
    ]
    assert apply(staffed, first).written == 2
    out = apply(staffed, [first[0], first[0], first[1]])
    assert (out.written, out.unchanged, out.skipped, out.problems) == (0, 3, 0, [])
    assert out.entities == set()
    assert out.newest == Hlc.parse(stamp(7))  # the clock still moves past what came


def test_an_older_pulled_version_leaves_the_newer_local_row(staffed: Staffed) -> None:
    # This PC's push answers brought v3 of Siti and v2 of Agus (the server's word: written).
    answers = [
        rec("participant", SITI, 3, 5, person("Siti Aminah")),
        rec("participant", AGUS, 2, 4, person("Agus Salim")),
    ]
    assert apply(staffed, answers, pulled=False).written == 2
    # Then the change log brings another counter's older versions, and a new row.
    out = apply(
        staffed,
        [
            rec("participant", SITI, 2, 9, person("Siti Lama")),
            rec("participant", AGUS, 1, 8, person("Agus Lama")),
            rec("participant", DEWI, 1, 6, person("Dewi Lestari")),
        ],
    )
    assert (out.written, out.unchanged, out.skipped, out.problems) == (1, 2, 0, [])
    assert out.newest == Hlc.parse(stamp(9))
    siti, agus, dewi = (held(staffed, "participant", i) for i in (SITI, AGUS, DEWI))
    assert siti is not None and (siti["full_name"], siti["version"]) == ("Siti Aminah", 3)
    assert agus is not None and (agus["full_name"], agus["version"]) == ("Agus Salim", 2)
    assert dewi is not None and dewi["full_name"] == "Dewi Lestari"


def test_a_push_answer_is_written_even_when_older_than_the_local_row(staffed: Staffed) -> None:
    apply(staffed, [rec("participant", SITI, 3, 5, person("Siti Aminah"))])
    out = apply(staffed, [rec("participant", SITI, 2, 6, person("Siti Lama"))], pulled=False)
    assert out.written == 1
    row = held(staffed, "participant", SITI)
    assert row is not None and (row["full_name"], row["version"]) == ("Siti Lama", 2)


def test_the_same_version_with_other_values_is_written(staffed: Staffed) -> None:
    apply(staffed, [rec("participant", SITI, 2, 5, person("Siti Aminah"))])
    out = apply(staffed, [rec("participant", SITI, 2, 6, person("Siti Aminah Putri"))])
    assert (out.written, out.unchanged) == (1, 0)
    row = held(staffed, "participant", SITI)
    assert row is not None and (row["full_name"], row["hlc"]) == ("Siti Aminah Putri", stamp(6))


# -- rows with changes still waiting to be sent ------------------------------------------------
def test_rows_with_unsent_local_changes_are_held_back(staffed: Staffed) -> None:
    """Nothing of this office was sent yet: every outbox row waits."""
    budi, rina = local_staff_id(staffed, "loket.budi"), local_staff_id(staffed, "spv.rina")
    before = rows(staffed.path, "SELECT seq, status FROM outbox ORDER BY seq")
    assert {status for _seq, status in before} == {"pending"}
    out = apply(
        staffed,
        [
            rec("staff", budi, 5, 30, staff("loket.budi", "Dari Komputer Lain")),
            rec("staff", rina, 5, 40, staff("spv.rina", "Dari Komputer Lain")),
            rec("staff", budi, 6, 31, staff("loket.budi", "Lagi Dari Komputer Lain")),
        ],
    )
    assert (out.written, out.skipped, out.unchanged, out.problems) == (0, 3, 0, [])
    assert out.entities == set()
    assert out.newest == Hlc.parse(stamp(40))  # held back, yet the clock moves past it
    for staff_id, name in ((budi, "Loket.Budi"), (rina, "Spv.Rina")):
        row = held(staffed, "staff", staff_id)
        assert row is not None and row["full_name"] == name and row["version"] == 2
    assert rows(staffed.path, "SELECT seq, status FROM outbox ORDER BY seq") == before


def test_a_row_whose_changes_were_all_sent_takes_the_pulled_state(staffed: Staffed) -> None:
    budi = local_staff_id(staffed, "loket.budi")
    execute(staffed.path, "UPDATE outbox SET status='applied' WHERE entity_id=?", budi)
    assert count(staffed.path, "outbox", "status='pending'") > 0  # other rows still wait
    out = apply(staffed, [rec("staff", budi, 3, 30, staff("loket.budi", "Budi Loket Satu"))])
    assert (out.written, out.skipped, out.entities) == (1, 0, {"staff"})
    row = held(staffed, "staff", budi)
    assert row is not None and (row["full_name"], row["version"]) == ("Budi Loket Satu", 3)


# -- rows a local rule refuses -----------------------------------------------------------------
def test_an_unreadable_row_is_reported_and_the_others_written(staffed: Staffed) -> None:
    out = apply(
        staffed,
        [
            rec("participant", SITI, 1, 9, person(birth_date="05/08/1990")),
            rec("participant", AGUS, 1, 2, person("Agus Salim")),
        ],
    )
    assert out.problems == [problem("participant", SITI, UNREADABLE.render())]
    assert (out.written, out.newest) == (1, Hlc.parse(stamp(2)))
    assert held(staffed, "participant", SITI) is None
    assert held(staffed, "participant", AGUS) is not None


def test_the_same_username_from_another_pc_is_refused_with_a_plain_sentence(
    staffed: Staffed,
) -> None:
    budi = local_staff_id(staffed, "loket.budi")
    out = apply(
        staffed,
        [
            rec("staff", NEW_STAFF, 1, 9, staff("loket.budi", "Budi Dari Loket Dua")),
            rec("staff", SARI, 1, 2, staff("loket.sari")),
        ],
    )
    sentence = SAME_USERNAME.render(username="loket.budi")
    assert out.problems == [problem("staff", NEW_STAFF, sentence)]
    assert (out.written, out.entities, out.newest) == (1, {"staff"}, Hlc.parse(stamp(2)))
    for leak in ("UNIQUE", "INSERT", "$argon2", "constraint"):
        assert leak not in out.problems[0]
    assert held(staffed, "staff", NEW_STAFF) is None
    local = held(staffed, "staff", budi)
    assert local is not None and (local["full_name"], local["version"]) == ("Loket.Budi", 2)
    sari = held(staffed, "staff", SARI)
    assert sari is not None and sari["username"] == "loket.sari"


def test_a_second_office_row_with_the_same_code_names_the_clashing_field(
    staffed: Staffed,
) -> None:
    data = {
        "office_code": "JKT",
        "code": "JKT",
        "name": "Kantor Kembar",
        "region_code": "31.71",
        "created_at": "2026-11-02T03:00:00+00:00",
        "deleted_at": None,
    }
    office_id = "01a23500-0000-7000-8000-0000000000f1"
    offices = count(staffed.path, "office")
    out = apply(staffed, [rec("office", office_id, 1, 1, data)])
    assert out.problems == [
        problem("office", office_id, SAME_AS_OTHER.render(columns="office.code"))
    ]
    assert (out.written, out.newest) == (0, None)
    assert count(staffed.path, "office") == offices
    assert count(staffed.path, "office", "id=?", office_id) == 0


def test_a_child_whose_parent_is_not_here_waits_for_the_next_sync(staffed: Staffed) -> None:
    out = apply(staffed, [rec("consent", CONSENT, 1, 1, consent(SITI))])
    assert out.problems == [problem("consent", CONSENT, NO_PARENT.render())]
    assert held(staffed, "consent", CONSENT) is None


def test_a_required_field_left_empty_names_the_field(staffed: Staffed) -> None:
    data = person()
    del data["full_name"]
    out = apply(staffed, [rec("participant", SITI, 1, 1, data)])
    assert out.problems == [
        problem("participant", SITI, EMPTY_REQUIRED.render(columns="participant.full_name"))
    ]
    assert held(staffed, "participant", SITI) is None


def test_a_time_without_its_zone_is_refused_naming_only_the_kind_of_error(
    staffed: Staffed,
) -> None:
    data = person(registered_at="2026-11-02T03:00:00")  # no +00:00: not a UTC time
    out = apply(staffed, [rec("participant", SITI, 1, 1, data)])
    assert out.problems == [problem("participant", SITI, NOT_KEPT.render(kind="ValueError"))]
    assert held(staffed, "participant", SITI) is None


def test_a_refusal_that_is_not_the_databases_names_its_kind(staffed: Staffed) -> None:
    record = rec("participant", SITI, 1, 1, person())
    exc = sa_exc.InvalidRequestError("a statement about participant 3171014508900002")
    assert local_refusal(record, exc) == NOT_KEPT.render(kind="InvalidRequestError")


def test_a_username_clash_of_a_row_without_its_username_still_reads_as_a_sentence(
    staffed: Staffed,
) -> None:
    table = tables_by_entity()["staff"]
    values = {**staff("loket.budi"), "id": NEW_STAFF, "version": 1, "hlc": stamp(1)}
    values.update(created_at=NOW, updated_at=NOW)
    caught: sa_exc.SQLAlchemyError | None = None
    with staffed.db.write() as session:  # type: ignore[attr-defined]
        try:
            with session.begin_nested():
                session.execute(insert(table), [values])
        except sa_exc.IntegrityError as exc:
            caught = exc
    assert caught is not None
    bare = rec("staff", NEW_STAFF, 1, 1, {"full_name": "Tanpa Nama Pengguna"})
    assert local_refusal(bare, caught) == SAME_USERNAME.render(username="?")
