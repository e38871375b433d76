"""Office IT work on the database file: health check, online backup and restore.

Restore is careful with what it replaces: it refuses a file that is not a Loket database
(wrong header, foreign application id, failed integrity check, a schema newer than this
program) before touching anything, and replacing an existing database needs `force` and
first saves a copy of it in the backups folder (a damaged one byte for byte).

Restore also knows whose backup it is. The `device` row says which office and counter a
database belongs to, and the `sync_link` row holds that PC's server token: a backup of
another PC would make this one impersonate it. So a backup whose device differs from this
database's is refused unless `other_pc` (this PC then becomes that device, e.g. replacing a
broken PC), and whenever the backup's PC is not proven to be this one (another PC, a fresh
PC, a database too damaged to say) its sync link is dropped and the sync recovery marked:
enrolled again, the first cycle brings back what the server holds (app.sync.recovery).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from app.config import SQLITE_APPLICATION_ID
from app.db import BUSY_TIMEOUT_MS, Database, upgrade, utc_now, vacuum_into
from app.dbfile import current_revision
from app.domain.audit_chain import ChainedEvent, verify_chain
from app.errors import StateError, ValidationError
from app.models import LocalSetting, SyncLink
from app.models.sync import SYNC_RECOVERY_KEY
from app.services.actor import Actor
from app.services.uow import unit_of_work
from app.storage_errors import translate
from app.texts import Text

NOT_SQLITE = Text(
    "Berkas {path} bukan basis data SQLite.", "The file {path} is not an SQLite database."
)
NOT_LOKET = Text(
    "Berkas {path} bukan basis data Loket Vokasi.",
    "The file {path} is not a Loket Vokasi database.",
)
DAMAGED = Text(
    "Berkas {path} rusak (pemeriksaan integritas gagal): {detail}",
    "The file {path} is damaged (integrity check failed): {detail}",
)
NEWER = Text(
    "Berkas {path} dibuat oleh versi program yang lebih baru ({rev}).",
    "The file {path} comes from a newer program version ({rev}).",
)
EXISTS = Text(
    "Sudah ada basis data di {path}. Tambahkan --force untuk menggantinya "
    "(salinannya disimpan dulu di folder cadangan).",
    "A database already exists at {path}. Add --force to replace it "
    "(a copy is saved in the backups folder first).",
)
TARGET_EXISTS = Text(
    "Berkas {path} sudah ada. Pilih nama lain.",
    "The file {path} already exists. Choose another name.",
)
NO_DATABASE = Text("Belum ada basis data di {path}.", "There is no database at {path} yet.")
OTHER_PC = Text(
    "Cadangan ini milik kantor {office} perangkat {device}, bukan komputer ini ({here}). "
    "Jika komputer ini memang menggantikan perangkat itu, tambahkan --other-pc "
    "(tautan sinkronisasinya lalu dihapus; daftarkan ulang komputer ini ke server).",
    "This backup belongs to office {office} device {device}, not to this PC ({here}). "
    "If this PC really replaces that device, add --other-pc "
    "(its sync link is then removed; enrol this PC with the server again).",
)
OTHER_INSTALL = Text(
    "Cadangan ini milik pemasangan lain kantor {office} perangkat {device} (id {theirs}), "
    "bukan komputer ini ({here}, id {ours}). Jika memang itu yang dimaksud, tambahkan "
    "--other-pc (tautan sinkronisasinya lalu dihapus; daftarkan ulang komputer ini ke server).",
    "This backup belongs to another installation of office {office} device {device} "
    "(id {theirs}), not to this PC ({here}, id {ours}). If that is what you mean, add "
    "--other-pc (its sync link is then removed; enrol this PC with the server again).",
)


@dataclass
class CheckReport:
    ok: bool = True
    integrity: str = ""
    revision: str | None = None
    head: str = ""
    audit_events: int = 0
    devices: int = 0
    problems: list[str] = field(default_factory=list)


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _inspect_file(path: Path) -> tuple[int, str]:
    """(application id, integrity verdict); a file too damaged to open reads as id -1."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        app_id = int(con.execute("PRAGMA application_id").fetchone()[0])
        rows = con.execute("PRAGMA integrity_check").fetchall()
        integrity = "; ".join(str(r[0]) for r in rows[:5])
    except sqlite3.DatabaseError as exc:
        return -1, str(exc)
    finally:
        con.close()
    return app_id, integrity


def _audit_chain_breaks(path: Path) -> tuple[int, int, list[str]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    problems: list[str] = []
    count = 0
    devices: set[str] = set()
    try:
        cur = con.execute(
            "SELECT device_id, seq, at, actor, action, entity, entity_id, detail, prev_hash, hash"
            " FROM audit_event ORDER BY device_id, seq"
        )
        chain: list[ChainedEvent] = []
        for row in cur:
            count += 1
            if chain and chain[-1].device_id != row[0]:
                problems += [
                    f"audit {b.device_id} #{b.seq}: {b.reason}" for b in verify_chain(chain)
                ]
                chain = []
            devices.add(row[0])
            at = row[2]
            chain.append(ChainedEvent(row[0], row[1], _stored_at(at), *row[3:]))
        problems += [f"audit {b.device_id} #{b.seq}: {b.reason}" for b in verify_chain(chain)]
    finally:
        con.close()
    return count, len(devices), problems


def _stored_at(raw: str) -> str:
    """Audit hashes cover the aware ISO time; SQLite stores it naive UTC."""
    from datetime import UTC, datetime

    return datetime.fromisoformat(raw).replace(tzinfo=UTC).isoformat()


def check(path: Path) -> CheckReport:
    from app.migrations import HEAD

    report = CheckReport(head=HEAD)
    if not path.exists():
        report.ok = False
        report.problems.append(NO_DATABASE.render(path=path))
        return report
    if not _is_sqlite(path):
        report.ok = False
        report.problems.append(NOT_SQLITE.render(path=path))
        return report
    app_id, report.integrity = _inspect_file(path)
    if app_id != SQLITE_APPLICATION_ID:
        report.problems.append(NOT_LOKET.render(path=path))
    if report.integrity != "ok":
        report.problems.append(DAMAGED.render(path=path, detail=report.integrity))
    if report.integrity != "ok":  # reading further could fail or mislead
        report.ok = False
        return report
    report.revision = current_revision(path)
    if report.revision != HEAD:
        report.problems.append(
            Text(
                "Skema basis data {rev}, seharusnya {head}.",
                "Database schema is {rev}, expected {head}.",
            ).render(rev=report.revision, head=HEAD)
        )
    if report.revision is not None:
        report.audit_events, report.devices, breaks = _audit_chain_breaks(path)
        report.problems += [
            Text("Rantai audit rusak: {what}", "Audit chain broken: {what}").render(what=b)
            for b in breaks
        ]
        if problem := _search_index_problem(path):
            report.problems.append(
                Text(
                    "Indeks pencarian peserta tidak cocok dengan data: {what}",
                    "The participant search index does not match the data: {what}",
                ).render(what=problem)
            )
    report.ok = not report.problems
    return report


def _search_index_problem(path: Path) -> str | None:
    """FTS5's own integrity check of `participant_fts` against the participant rows."""
    con = sqlite3.connect(path)
    try:
        con.execute(
            "INSERT INTO participant_fts(participant_fts, rank) VALUES('integrity-check', 1)"
        )
    except sqlite3.OperationalError as exc:
        return None if "no such table" in str(exc) else str(exc)
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        con.close()
    return None


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size_bytes: int
    sha256: str


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def backup(db: Database, actor: Actor, target: Path) -> BackupResult:
    """A consistent copy of the live database (VACUUM INTO), then an audit event."""
    if target.exists():
        raise ValidationError(TARGET_EXISTS, field="file", path=target)
    vacuum_into(db.path, target)
    result = BackupResult(target, target.stat().st_size, _sha256(target))
    with unit_of_work(db, actor) as uow:
        uow.audit("maintenance.backup", file=str(target), sha256=result.sha256)
    return result


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    replaced_copy: Path | None
    revision: str
    device: str = ""  # which office PC the database now is, e.g. "BTN-2"
    device_id: str = ""
    sync_link_dropped: bool = False  # the backup's server link was removed: enrol again


@dataclass(frozen=True)
class DeviceIdentity:
    """The `device` row: which office and counter a database belongs to."""

    device_id: str
    office_code: str
    device_no: int

    @property
    def label(self) -> str:
        return f"{self.office_code}-{self.device_no}"


def device_identity(path: Path) -> DeviceIdentity | None:
    """The device a database file belongs to; None without a file, a set-up or when the
    file is too damaged to tell."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT device_id, office_code, device_no FROM device").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return None if row is None else DeviceIdentity(str(row[0]), str(row[1]), int(row[2]))


def validate_backup_file(source: Path) -> str | None:
    """Refuse anything but a sound Loket database; returns its schema revision."""
    from app.migrations import known_revisions

    if not _is_sqlite(source):
        raise ValidationError(NOT_SQLITE, field="file", path=source)
    app_id, integrity = _inspect_file(source)
    if integrity != "ok":
        raise ValidationError(DAMAGED, field="file", path=source, detail=integrity)
    if app_id != SQLITE_APPLICATION_ID:
        raise ValidationError(NOT_LOKET, field="file", path=source)
    revision = current_revision(source)
    if revision is None:
        raise ValidationError(NOT_LOKET, field="file", path=source)
    if revision not in known_revisions():
        raise ValidationError(NEWER, field="file", path=source, rev=revision)
    return revision


def _refuse_other_pc(theirs: DeviceIdentity, here: DeviceIdentity) -> StateError:
    if (theirs.office_code, theirs.device_no) != (here.office_code, here.device_no):
        return StateError(
            OTHER_PC, office=theirs.office_code, device=theirs.device_no, here=here.label
        )
    return StateError(
        OTHER_INSTALL,
        office=theirs.office_code,
        device=theirs.device_no,
        theirs=theirs.device_id,
        here=here.label,
        ours=here.device_id,
    )


def _set_aside(target: Path, backups: Path) -> Path:
    """Keep the database about to be replaced in `backups`: a consistent copy, or, when it
    is too damaged to be read, its files byte for byte (then removed, so the backup can be
    written into a clean file)."""
    second = utc_now().strftime("%Y%m%d-%H%M%S")
    stamp, n = second, 1
    # two restores within one second: each keeps its own copy
    while (backups / f"pre-restore-{stamp}.db").exists() or (
        backups / f"pre-restore-{stamp}-damaged.db"
    ).exists():
        n += 1
        stamp = f"{second}-{n}"
    aside = backups / f"pre-restore-{stamp}.db"
    try:
        return vacuum_into(target, aside)
    except sqlite3.DatabaseError as exc:
        problem = translate(exc, target)
        if problem is None or problem.kind != "damaged":
            raise
    aside.unlink(missing_ok=True)
    aside = backups / f"pre-restore-{stamp}-damaged.db"
    for suffix in ("", "-wal"):
        if Path(f"{target}{suffix}").exists():
            shutil.copyfile(f"{target}{suffix}", f"{aside}{suffix}")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    return aside


def restore(
    source: Path,
    target: Path,
    backups: Path,
    *,
    force: bool,
    actor: Actor,
    other_pc: bool = False,
) -> RestoreResult:
    """Put the backup `source` in place of the database `target` (see the module docstring:
    `force` allows replacing a database, `other_pc` taking another device's backup)."""
    validate_backup_file(source)
    theirs, here = device_identity(source), device_identity(target)
    same_pc = theirs is not None and here is not None and theirs.device_id == here.device_id
    if theirs is not None and here is not None and not same_pc and not other_pc:
        raise _refuse_other_pc(theirs, here)
    replaced: Path | None = None
    if target.exists() and target.stat().st_size > 0:
        if not force:
            raise StateError(EXISTS, path=target)
        replaced = _set_aside(target, backups)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        src.backup(dst)  # page by page through SQLite: safe with the target's WAL
    finally:
        src.close()
        dst.close()
    result = upgrade(target, backups)
    db = Database(target)
    try:
        with unit_of_work(db, actor) as uow:
            link = uow.session.get(SyncLink, 1)
            dropped = link is not None and not same_pc
            if link is not None:
                if dropped:  # this PC must not sync with another PC's token
                    uow.session.delete(link)
                # the server may hold later work of this device: see app.sync.client.recover
                uow.session.merge(
                    LocalSetting(key=SYNC_RECOVERY_KEY, value=json.dumps(utc_now().isoformat()))
                )
            uow.audit(
                "maintenance.restore",
                file=str(source),
                replaced_copy=str(replaced or ""),
                sync_recovery=link is not None,
                sync_link_dropped=dropped,
                other_pc=theirs is not None and here is not None and not same_pc,
                device=theirs.label if theirs else "",
            )
    finally:
        db.dispose()
    return RestoreResult(
        source,
        replaced,
        result.to_revision,
        device=theirs.label if theirs else "",
        device_id=theirs.device_id if theirs else "",
        sync_link_dropped=dropped,
    )
