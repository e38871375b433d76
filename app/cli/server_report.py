"""The server's monthly report: every office's synced records, counted as an office counts.

It lives with the commands because it joins the two sides, which nothing below the CLI may
do: the server's storage (app.server.models) and the office's database and pull-writer
(app.db, app.sync.local_apply) — the server package imports nothing of the office side.

The server keeps each record as a JSON document (app.server.models.RecordState); the
report's figures are SQL over the office database's tables (app.services.report_sql).
Rather than a second set of statements over JSON, which would drift from the office's and
differ between SQLite and PostgreSQL, the records the report reads are copied into a new
office-shaped SQLite file in a private temporary folder, with the same code a PC uses to
write what it pulls (app.sync.local_apply.write_records); the same `monthly_report` then
counts them. The figures of the server's report for one office are therefore those of that
office's own report once its PC has synced (tests/sync/test_server_report.py).

The copy holds only what the report needs: the record types it reads, of one office when
one is asked (the providers, the modules and the people of every office: a person may
train at another office's cohort), and none of what it never reads about people: no name,
NIK, contact, address or bank detail, no certificate token (its signed claims carry the
name and birth date), no employer, wage or note of a follow-up, no reason typed for a
withdrawal or a result — blanked before writing. It is a file nobody keeps (deleted when
the report is written), so it is written without waiting for the disk (synchronous OFF).
bench/report.py measures the copy of one office of 20,000 participants (about 660,000
records, most of them attendance marks).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, select
from sqlalchemy.orm import Session

from app.db import Database, upgrade
from app.server.models import RecordState
from app.services.monthly_report import COUNTED
from app.sync.local_apply import ServerRecord, tables_by_entity, write_records

BATCH = 2_000
ENTITIES = COUNTED  # what the report reads, parents before children
# A person's fields the report never reads, blanked in the copy (required ones get a
# neutral value: the copy is not a registry).
_BLANK_PERSON: dict[str, Any] = {
    "nik": "0000000000000000",
    "full_name": "-",
    "name_key": "-",
    "birth_place": None,
    "birth_date": "1900-01-01",
    "ktp_address": None,
    "domicile_address": None,
    "phone": None,
    "email": None,
    "kpj": None,
    "last_employer": None,
    "npp": None,
    "bank_name": None,
    "bank_account": None,
    "bank_account_holder": None,
    "status_reason": None,
    "eligibility_detail": None,
}
# The same for the other record types (required columns get a neutral value).
_BLANK: dict[str, dict[str, Any]] = {
    "participant": _BLANK_PERSON,
    "certificate": {"token": ""},
    "follow_up": {
        "employer": None,
        "npp": None,
        "position": None,
        "wage": None,
        "business_type": None,
        "note": None,
    },
    "enrollment": {"withdraw_reason": None, "result_reason": None},
    "payment": {"reference": None, "paid_by_name": "-"},
    "payment_reversal": {"reason": "-"},
    "certificate_revocation": {"reason": "-"},
}
# Every office's, whatever office the report is of.
_SHARED = frozenset({"training_module", "training_provider", "participant"})


@contextmanager
def snapshot(engine: Engine, office: str | None = None) -> Iterator[tuple[Database, Copied]]:
    """An office-shaped database holding the server's records the report of `office`
    (None: every office) reads, and how many were copied (and refused by the office's own
    rules: a record whose parent the server does not hold); removed when the block ends."""
    with tempfile.TemporaryDirectory(prefix="loket-report-") as folder:
        path = Path(folder) / "report.sqlite3"
        upgrade(path, Path(folder) / "backups")
        db = Database(path)
        event.listen(db.engine, "connect", _unsynced)  # after the office's own pragmas
        try:
            copied = _copy(engine, db, office)
            yield db, copied
        finally:
            db.dispose()


def _unsynced(dbapi_connection: Any, _record: Any) -> None:
    """A file nobody keeps: SQLite need not wait for the disk after each write."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous = OFF")
    cursor.close()


@dataclass
class Copied:
    records: int = 0
    refused: int = 0


def _copy(engine: Engine, db: Database, office: str | None) -> Copied:
    known = tables_by_entity()
    now = datetime.now(UTC)
    copied = Copied()
    with Session(engine) as source, db.write() as target:
        for entity in ENTITIES:
            if entity not in known:
                continue
            batch: list[ServerRecord] = []
            query = select(
                RecordState.entity_id, RecordState.version, RecordState.hlc, RecordState.data
            ).where(RecordState.entity == entity)
            if office is not None and entity not in _SHARED:
                query = query.where(RecordState.office_code == office)
            rows = source.execute(
                query.order_by(RecordState.entity_id).execution_options(yield_per=BATCH)
            )
            blank = _BLANK.get(entity, {})
            for entity_id, version, hlc, data in rows:
                record = dict(data)
                for name, value in blank.items():
                    if name in record:
                        record[name] = value
                batch.append(ServerRecord(entity, entity_id, version, hlc, record))
                if len(batch) >= BATCH:
                    _write(target, batch, now, copied)
                    batch = []
            _write(target, batch, now, copied)
    return copied


def _write(session: Session, batch: list[ServerRecord], now: datetime, copied: Copied) -> None:
    if batch:
        out = write_records(session, batch, now)
        copied.records += out.written + out.unchanged
        copied.refused += len(out.problems)
