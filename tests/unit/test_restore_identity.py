"""Restore knows whose backup it is: another office's or another PC's backup is refused
unless asked for explicitly, and a sync link (server URL and token) never ends up on two
PCs. Real database files made by the real set-up service; the CLI as a real process.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.db import Database, upgrade
from app.errors import StateError
from app.models import SyncLink
from app.models.sync import SYNC_RECOVERY_KEY
from app.services.actor import cli_actor
from app.services.maintenance import backup, check, restore
from app.services.office import initialise
from tests.unit.helpers import count, rows
from tests.unit.test_bad_environment import PASSWORD, loket


def make_office(folder: Path, office: str, device: int, *, linked: bool = False) -> Path:
    """A set-up office PC in `folder`; `linked` adds the sync link enrolment leaves."""
    folder.mkdir(parents=True)
    path = folder / "loket.db"
    upgrade(path, folder / "backups")
    db = Database(path)
    try:
        initialise(
            db,
            office_code=office,
            device_no=device,
            admin_username="admin",
            admin_full_name="Admin Kantor",
            admin_password=PASSWORD,
            actor_label="cli:test",
        )
        if linked:
            device_id = str(rows(path, "SELECT device_id FROM device")[0][0])
            with db.write() as session:
                session.add(
                    SyncLink(
                        id=1,
                        server_url="https://sync.contoh.id",
                        device_id=device_id,
                        token=f"token-{office}-{device}",
                        office_code=office,
                        is_hq=False,
                        cursor=7,
                        enrolled_at=db.clock(),
                    )
                )
    finally:
        db.dispose()
    return path


def backup_of(folder: Path, office: str, device: int, *, linked: bool = False) -> Path:
    path = make_office(folder, office, device, linked=linked)
    db = Database(path)
    try:
        return backup(db, cli_actor(office), folder.parent / f"cadangan-{folder.name}.db").path
    finally:
        db.dispose()


def identity(path: Path) -> tuple[object, ...]:
    return rows(path, "SELECT device_id, office_code, device_no FROM device")[0]


def recovery_marked(path: Path) -> bool:
    return count(path, "local_setting", "key=?", SYNC_RECOVERY_KEY) == 1


@pytest.mark.parametrize(
    ("office", "device", "named"),
    [
        ("BTN", 2, "kantor BTN perangkat 2"),  # another office
        ("JKT", 2, "kantor JKT perangkat 2"),  # another counter of this office
        ("JKT", 1, "kantor JKT perangkat 1"),  # another installation with the same number
    ],
)
def test_backup_of_another_pc_is_refused_naming_both(tmp_path, office, device, named):
    here = make_office(tmp_path / "sini", "JKT", 1)
    theirs = backup_of(tmp_path / "sana", office, device, linked=True)
    before = here.read_bytes()
    with pytest.raises(StateError) as refused:
        restore(theirs, here, tmp_path / "sini" / "bk", force=True, actor=cli_actor(""))
    message = refused.value.message()
    assert named in message and "bukan komputer ini (JKT-1" in message
    assert "--other-pc" in message
    assert here.read_bytes() == before
    assert not (tmp_path / "sini" / "bk").exists()


def test_other_pc_restore_takes_its_identity_with_a_clean_sync_link(tmp_path):
    here = make_office(tmp_path / "sini", "JKT", 1, linked=True)
    theirs = backup_of(tmp_path / "sana", "BTN", 2, linked=True)
    with pytest.raises(StateError):  # --other-pc does not stand in for --force
        restore(theirs, here, tmp_path / "bk", force=False, other_pc=True, actor=cli_actor(""))
    done = restore(theirs, here, tmp_path / "bk", force=True, other_pc=True, actor=cli_actor(""))
    assert done.sync_link_dropped and done.replaced_copy is not None
    assert identity(here) == identity(theirs)
    assert count(here, "sync_link") == 0  # neither the other PC's token nor this one's
    assert recovery_marked(here)  # the first cycle after enrolling again recovers
    assert count(done.replaced_copy, "sync_link") == 1  # the old database is kept whole
    detail = json.loads(
        str(rows(here, "SELECT detail FROM audit_event ORDER BY seq DESC LIMIT 1")[0][0])
    )
    assert detail["other_pc"] is True and detail["sync_link_dropped"] is True
    assert check(here).ok


def test_own_backup_keeps_its_sync_link_and_recovers(tmp_path):
    here = make_office(tmp_path / "sini", "JKT", 1, linked=True)
    db = Database(here)
    try:
        own = backup(db, cli_actor("JKT"), tmp_path / "cadangan.db").path
    finally:
        db.dispose()
    done = restore(own, here, tmp_path / "bk", force=True, actor=cli_actor(""))
    assert not done.sync_link_dropped
    assert rows(here, "SELECT token FROM sync_link") == [("token-JKT-1",)]
    assert recovery_marked(here)


@pytest.mark.parametrize("linked", [True, False])
def test_a_fresh_pc_takes_any_backup_but_never_its_sync_link(tmp_path, linked):
    theirs = backup_of(tmp_path / "sana", "BTN", 2, linked=linked)
    fresh = tmp_path / "baru" / "loket.db"
    fresh.parent.mkdir()
    done = restore(theirs, fresh, tmp_path / "baru" / "bk", force=False, actor=cli_actor(""))
    assert done.replaced_copy is None and identity(fresh) == identity(theirs)
    assert count(fresh, "sync_link") == 0
    assert done.sync_link_dropped is linked and recovery_marked(fresh) is linked
    assert check(fresh).ok


def test_cli_refuses_another_office_and_restores_it_with_other_pc(tmp_path):
    home = tmp_path / "kantor"
    make_office(home, "JKT", 1)
    theirs = backup_of(tmp_path / "sana", "BTN", 2, linked=True)
    refused = loket(home, "restore", str(theirs), "--force")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "kantor BTN perangkat 2" in refused.stderr and "(JKT-1" in refused.stderr
    out = loket(home, "restore", str(theirs), "--force", "--other-pc")
    assert out.returncode == 0, out.stderr
    assert "loket sync enroll" in out.stdout  # what to do next is said
    assert count(home / "loket.db", "sync_link") == 0
    again = loket(tmp_path / "baru", "restore", str(theirs), "--json")  # a fresh PC
    data = json.loads(again.stdout)
    assert again.returncode == 0 and data["sync_link_dropped"] is True
