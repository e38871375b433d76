"""The audit log is hash-chained per device: tampering shows up in `check`."""

from __future__ import annotations

from app.domain.audit_chain import GENESIS, ChainedEvent, event_hash, verify_chain
from app.services.auth import login
from app.services.maintenance import check
from tests.conftest import ADMIN_PASSWORD
from tests.unit.helpers import execute, rows


def _some_events(db):
    for _ in range(3):
        login(db, "admin", ADMIN_PASSWORD)


def test_intact_chain_passes_check(office):
    _some_events(office)
    report = check(office.path)
    assert report.ok, report.problems
    assert report.audit_events >= 5 and report.devices == 1


def test_changed_detail_is_detected(office):
    _some_events(office)
    (seq,) = rows(office.path, "SELECT seq FROM audit_event WHERE action='auth.login' LIMIT 1")[0]
    execute(office.path, "UPDATE audit_event SET actor='orang.lain' WHERE seq=?", seq)
    report = check(office.path)
    assert not report.ok
    assert any(f"#{seq}" in p and "changed" in p for p in report.problems), report.problems


def test_deleted_event_is_detected(office):
    _some_events(office)
    execute(office.path, "DELETE FROM audit_event WHERE seq=2")
    report = check(office.path)
    assert not report.ok
    assert any("#3" in p for p in report.problems), report.problems


def test_rehashed_forgery_still_breaks_the_next_link():
    def ev(seq, prev, action):
        fields = dict(
            device_id="d",
            seq=seq,
            at="t",
            actor="a",
            action=action,
            entity=None,
            entity_id=None,
            detail="{}",
            prev_hash=prev,
        )
        return ChainedEvent(**fields, hash=event_hash(**fields))

    first = ev(1, GENESIS, "auth.login")
    second = ev(2, first.hash, "payment.create")
    assert verify_chain([first, second]) == []
    forged = ev(1, GENESIS, "auth.logout")  # rewritten with a fresh, valid hash
    breaks = verify_chain([forged, second])
    assert [(b.seq, b.reason) for b in breaks] == [(2, "previous hash does not match")]
