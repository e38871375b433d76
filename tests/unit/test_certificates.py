"""Certificates through the services on a real office database (issue #12): issued only to the
graduates of a finished cohort, numbered from this PC's series without gaps, signed with this
PC's key (kept on this PC, its public half synced), verified offline, revoked by a supervisor
with a reason, reprinted as SALINAN; and the database's own refusals (append-only triggers).

The office: a cohort of 07-08/12/2026 at counter JKT-1, with Budi Santoso (lulus), Siti
Aminah (tidak lulus), Agus Salim (lulus, then withdrawn) and Dewi Lestari (lulus), every
result recorded on 09/12 and the cohort not yet finished (the `finished` fixture finishes
it). It is built once per module and copied for each test.
"""

from __future__ import annotations

import base64
import json
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.domain import certificates as rules
from app.domain.ids import stable_id
from app.errors import NotFound, PermissionDenied, StateError, ValidationError
from app.services import certificates
from app.services.certificate_documents import (
    print_certificate,
    print_certificates,
)
from tests.conftest import FakeClock
from tests.unit.cohort_support import at
from tests.unit.helpers import count, execute, rows

START, END, RESULTS_DAY = date(2026, 12, 7), date(2026, 12, 8), date(2026, 12, 9)
PEOPLE = ("Budi Santoso", "Siti Aminah", "Agus Salim", "Dewi Lestari")
YEAR = 2026
TABLES = ("certificate", "certificate_print", "certificate_revocation", "device_key")


@dataclass
class Office:
    db: Any
    home: Path
    path: Path
    clock: FakeClock
    actors: dict[str, Any]
    cohort: str
    people: dict[str, str]  # first name -> participant id

    def enrollment(self, first_name: str) -> str:
        return stable_id("enrollment", self.cohort, self.people[first_name])

    def at(self, day: date, hour: int = 3) -> None:
        at(self, day, hour)


@dataclass(frozen=True)
class _Template:
    path: Path
    cohort: str
    people: dict[str, str]
    actors: dict[str, Any]


@pytest.fixture(scope="module")
def _template(
    _staffed_template: tuple[Path, dict[str, object]], tmp_path_factory: pytest.TempPathFactory
) -> _Template:
    from app.db import Database
    from app.services import enrolment
    from app.services.attendance import all_present
    from app.services.cohort_results import record_result
    from tests.unit.cohort_support import cohort, fit_provider, person

    staffed_path, actors = _staffed_template
    home = tmp_path_factory.mktemp("graduates")
    shutil.copyfile(staffed_path, home / "loket.db")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LOKET_HOME", str(home))
        db = Database(home / "loket.db", clock=FakeClock())
        pc = Office(db, home, home / "loket.db", db.clock, actors, "", {})  # type: ignore[arg-type]
        try:
            pid = fit_provider(pc)
            cid = cohort(pc, pid, start=START, end=END)
            ids = [person(pc, n, name) for n, name in enumerate(PEOPLE, start=1)]
            people = {name.split()[0]: i for name, i in zip(PEOPLE, ids, strict=True)}
            counter = actors["counter"]
            enrolment.enrol(db, counter, cid, ids)
            for day in (START, END):
                at(pc, day)
                all_present(db, counter, cid, day)
            at(pc, RESULTS_DAY)
            record_result(db, counter, cid, people["Budi"], 85, "lulus")
            record_result(db, counter, cid, people["Siti"], 40, "tidak_lulus")
            record_result(db, counter, cid, people["Dewi"], 90, "lulus")
            # Agus passed, then withdrew before the cohort finished: no certificate
            record_result(db, counter, cid, people["Agus"], 80, "lulus")
            enrolment.withdraw(db, counter, cid, people["Agus"], "sudah bekerja")
        finally:
            db.dispose()
    return _Template(home / "loket.db", cid, people, actors)


@pytest.fixture
def office(
    _template: _Template, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Office]:
    """A fresh copy of the office, the clock on 09/12/2026 10:00 Jakarta; not finished."""
    from app.db import Database

    home = tmp_path / "loket-home"
    home.mkdir()
    monkeypatch.setenv("LOKET_HOME", str(home))
    shutil.copyfile(_template.path, home / "loket.db")
    clock = FakeClock()
    db = Database(home / "loket.db", clock=clock)
    pc = Office(
        db, home, home / "loket.db", clock, _template.actors, _template.cohort,
        dict(_template.people),
    )  # fmt: skip
    pc.at(RESULTS_DAY)
    yield pc
    db.dispose()


@pytest.fixture
def finished(office: Office) -> Office:
    from app.services.cohort_results import finish_cohort

    finish_cohort(office.db, office.actors["supervisor"], office.cohort)
    return office


def _refused(call: Any, kind: type[Exception] = StateError) -> str:
    with pytest.raises(kind) as refused:
        call()
    return refused.value.message("id")  # type: ignore[attr-defined, no-any-return]


def _written(office: Office) -> dict[str, int]:
    """What a refused action must leave as it was: every certificate table, the key, the
    outbox and the audit log."""
    found = {t: count(office.path, t) for t in (*TABLES, "signing_key", "outbox")}
    found["audit_event"] = count(office.path, "audit_event")
    return found


def _number(seq: int, year: int = YEAR) -> str:
    return f"SERT/JKT-1/{year}/{seq:04d}"


def _certs(office: Office) -> dict[str, tuple[str, str]]:
    """{number: (person's first name, token)} of every certificate this PC holds."""
    names = {pid: first for first, pid in office.people.items()}
    return {
        str(n): (names[str(p)], str(t))
        for n, p, t in rows(office.path, "SELECT number, participant_id, token FROM certificate")
    }


def _token(office: Office, number: str) -> str:
    ((token,),) = rows(office.path, "SELECT token FROM certificate WHERE number=?", number)
    return str(token)


def _issue(office: Office, *first_names: str) -> list[str]:
    wanted = [office.enrollment(n) for n in first_names] if first_names else None
    return certificates.issue(office.db, office.actors["counter"], office.cohort, wanted)


def _revoke(office: Office, number: str, reason: str = "nama salah ketik") -> Any:
    return certificates.revoke(
        office.db, office.actors["counter"], office.actors["supervisor"], number, reason
    )


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


# -- who gets one ---------------------------------------------------------------------------


def test_only_graduates_of_a_finished_cohort_get_one_and_a_refusal_writes_nothing(office):
    before = _written(office)
    said = _refused(lambda: _issue(office))
    assert "belum selesai" in said and "ANG/JKT-1/2026/0001" in said  # the cohort runs
    assert _written(office) == before

    from app.services.cohort_results import finish_cohort

    finish_cohort(office.db, office.actors["supervisor"], office.cohort)
    before = _written(office)
    for who, name in (("Siti", "Siti Aminah"), ("Agus", "Agus Salim")):  # failed; withdrawn
        said = _refused(lambda who=who: _issue(office, who))
        assert said == f"{name} tidak lulus di angkatan ini, sehingga tidak mendapat sertifikat."
    # one graduate among the asked and one who is not: nothing at all, not even the key
    assert "Siti Aminah" in _refused(lambda: _issue(office, "Budi", "Siti"))
    assert _written(office) == before
    assert count(office.path, "signing_key") == 0

    numbers = _issue(office)
    assert numbers == [_number(1), _number(2)]  # by name: Budi, then Dewi
    assert {n: who for n, (who, _t) in _certs(office).items()} == {
        _number(1): "Budi",
        _number(2): "Dewi",
    }
    listed = certificates.cohort_certificates(office.db, office.cohort)
    assert listed.finished and listed.mine
    assert [(r.name, r.number, r.state, r.issued_on, r.prints) for r in listed.rows] == [
        ("Budi Santoso", _number(1), "terbit", RESULTS_DAY, 0),
        ("Dewi Lestari", _number(2), "terbit", RESULTS_DAY, 0),
    ]
    assert listed.rows[0].nik_masked == "3171********0001"
    ((detail,),) = rows(
        office.path, "SELECT detail FROM audit_event WHERE action='certificate.issue'"
    )
    assert json.loads(str(detail))["numbers"] == numbers


def test_a_graduate_not_issued_yet_is_listed_as_such(finished):
    listed = certificates.cohort_certificates(finished.db, finished.cohort)
    assert [(r.name, r.state, r.number, r.certificate_id) for r in listed.rows] == [
        ("Budi Santoso", "belum_terbit", None, None),
        ("Dewi Lestari", "belum_terbit", None, None),
    ]
    assert listed.count("belum_terbit") == 2 and listed.count("terbit") == 0
    assert certificates.participant_certificates(finished.db, finished.people["Budi"]) == []


def test_numbers_follow_this_pcs_series_in_order_without_gaps_and_never_twice(finished):
    office = finished
    assert _issue(office, "Dewi") == [_number(1)]
    assert _issue(office) == [_number(2), _number(1)]  # Budi gets the next; Dewi keeps hers
    assert _issue(office) == [_number(2), _number(1)]  # nothing new
    assert count(office.path, "certificate") == 2
    _revoke(office, _number(2))
    assert _issue(office) == [_number(3), _number(1)]  # a new certificate for Budi
    office.at(date(2027, 1, 4))  # a new year starts its own series at 0001
    _revoke(office, _number(3))
    assert _issue(office, "Budi") == [_number(1, 2027)]
    held = [str(n) for (n,) in rows(office.path, "SELECT number FROM certificate")]
    assert sorted(held) == [_number(1), _number(2), _number(3), _number(1, 2027)]
    assert rows(
        office.path,
        "SELECT round FROM certificate WHERE participant_id=? ORDER BY number",
        office.people["Budi"],
    ) == [(1,), (2,), (3,)]
    # the database itself refuses a number twice, and a second certificate of one round
    con = sqlite3.connect(office.path)
    con.row_factory = sqlite3.Row
    try:
        row = dict(
            con.execute("SELECT * FROM certificate WHERE number=?", (_number(1),)).fetchone()
        )
        for over, broken in (
            ({"id": "x1", "round": 9}, "certificate.number"),
            ({"id": "x2", "number": _number(99)}, "certificate.enrollment_id"),
        ):
            copy = {**row, **over}
            with pytest.raises(sqlite3.IntegrityError, match=f"UNIQUE.*{broken}"):
                con.execute(
                    f"INSERT INTO certificate ({', '.join(copy)}) "
                    f"VALUES ({', '.join('?' * len(copy))})",
                    tuple(copy.values()),
                )
    finally:
        con.close()


# -- the signed token -----------------------------------------------------------------------


def test_the_token_verifies_and_says_exactly_who_what_and_when(finished):
    office = finished
    _issue(office)
    token = _token(office, _number(1))
    ((kid, private),) = rows(office.path, "SELECT key_id, private_key FROM signing_key")
    verdict = certificates.verify(office.db, token)
    assert verdict.status is rules.Status.VALID and verdict.valid
    assert verdict.claims == rules.Claims(
        number=_number(1),
        name="Budi Santoso",
        birth_date=date(1990, 1, 2),
        module="Juru Las (SMAW)",
        start=START,
        end=END,
        result="lulus",
        issued=RESULTS_DAY,
        key_id=str(kid),
    )
    assert verdict.office_code == "JKT" and verdict.revoked_on is None
    assert rules.key_id(rules.public_key_of(bytes(private))) == kid  # type: ignore[arg-type]
    # the page URL a phone opens, with or without a trailing slash or query, is the same
    for text in (
        rules.page_url("https://loket.example.go.id/", token),
        f"https://loket.example.go.id/sertifikat/{token}/",
        f"https://loket.example.go.id/sertifikat/{token}?utm=qr",
        f"  {token}\n",
    ):
        assert certificates.verify(office.db, text).claims == verdict.claims, text
    # without a server the QR holds the bare token; the same person's other certificate is
    # a different token
    with office.db.read() as session:
        assert certificates.qr_text(session, token) == token
    assert _token(office, _number(2)) != token
    dewi = certificates.verify(office.db, _token(office, _number(2)))
    assert dewi.valid and dewi.claims is not None and dewi.claims.name == "Dewi Lestari"


def _flip(ch: str) -> str:
    return "B" if ch != "B" else "C"


def test_a_changed_token_is_not_valid(finished):
    office = finished
    _issue(office)
    token = _token(office, _number(1))
    body, signature = token.split(".")
    # one character of the signature changed (inside it: every bit counts there)
    for i in (0, len(signature) // 2, len(signature) - 2):
        forged = f"{body}.{signature[:i]}{_flip(signature[i])}{signature[i + 1 :]}"
        assert certificates.verify(office.db, forged).status is rules.Status.BAD_SIGNATURE
    # one letter of the name changed, the original signature kept
    claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    for field, value in ((2, "Budi Santosa"), (1, _number(2)), (8, "2026-12-10")):
        changed = list(claims)
        changed[field] = value
        raw = json.dumps(changed, ensure_ascii=False, separators=(",", ":")).encode()
        forged = base64.urlsafe_b64encode(raw).rstrip(b"=").decode() + "." + signature
        verdict = certificates.verify(office.db, forged)
        assert verdict.status is rules.Status.BAD_SIGNATURE, field
        assert verdict.claims is None  # nothing the forger wrote is shown
    # cut off, empty, another kind of QR code, too long
    for text in (token[:-10].split(".")[0], "", "https://example.com/", "a.b", "x" * 5000):
        assert certificates.verify(office.db, text).status is rules.Status.MALFORMED, text[:30]


def test_a_token_signed_with_a_key_the_office_does_not_know(finished):
    office = finished
    _issue(office)
    genuine = rules.read(_token(office, _number(1)))[0]
    stranger = rules.new_private_key()
    own_kid = rules.key_id(rules.public_key_of(stranger))
    unknown = rules.sign(
        rules.Claims(**{**genuine.__dict__, "key_id": own_kid}), stranger
    )  # a forger's own key
    verdict = certificates.verify(office.db, unknown)
    assert verdict.status is rules.Status.UNKNOWN_KEY and verdict.claims is None
    assert "tidak dikenal" in verdict.reason("id")
    # a forger naming this office's key id cannot sign for it
    posing = rules.sign(genuine, stranger)
    assert certificates.verify(office.db, posing).status is rules.Status.BAD_SIGNATURE


# -- revocation -----------------------------------------------------------------------------


def test_revoke_needs_a_supervisor_and_a_reason_of_5_to_300_characters(finished):
    office = finished
    _issue(office)
    spv, clerk = office.actors["supervisor"], office.actors["counter"]
    before = _written(office)
    with pytest.raises(PermissionDenied):
        certificates.revoke(office.db, clerk, clerk, _number(1), "nama salah ketik")
    assert count(office.path, "certificate_revocation") == 0
    assert count(office.path, "audit_event", "action='auth.permission_denied'") == 1
    before = _written(office)
    for reason in ("abcd", "  ab   c  ", "x" * 301, "   "):
        with pytest.raises(ValidationError) as refused:
            certificates.revoke(office.db, clerk, spv, _number(1), reason)
        assert refused.value.field == "reason"
    assert "paling sedikit 5" in _refused(
        lambda: certificates.revoke(office.db, clerk, spv, _number(1), "abcd"), ValidationError
    )
    assert "paling banyak 300" in _refused(
        lambda: certificates.revoke(office.db, clerk, spv, _number(1), "y" * 301), ValidationError
    )
    assert _written(office) == before
    assert "tidak ditemukan" in _refused(lambda: _revoke(office, _number(9)), NotFound)

    spaced = certificates.revoke(office.db, clerk, spv, _number(1), " ab  c d ")
    assert spaced.reason == "ab c d"  # spaces run together count once
    longest = certificates.revoke(office.db, clerk, spv, _number(2), "z" * 300)
    assert len(longest.reason) == 300
    got = rows(
        office.path,
        "SELECT number, reason, revoked_on, requested_by, approved_by, device_id, id "
        "FROM certificate_revocation ORDER BY number",
    )
    ((device_id,),) = rows(office.path, "SELECT device_id FROM device")
    assert [r[:6] for r in got] == [
        (_number(1), "ab c d", "2026-12-09", clerk.username, spv.username, device_id),
        (_number(2), "z" * 300, "2026-12-09", clerk.username, spv.username, device_id),
    ]
    assert got[0][6] == stable_id("certificate_revocation", _number(1), device_id)


def test_a_reason_of_exactly_five_characters_is_enough(finished):
    _issue(finished)
    assert _revoke(finished, _number(1), "abcde").reason == "abcde"


def test_a_revoked_certificate_says_so_once_is_not_reprinted_and_a_new_one_is_issued(finished):
    office = finished
    _issue(office)
    token = _token(office, _number(1))
    done = _revoke(office, _number(1).lower())  # typed in lower case: the same number
    assert (done.number, done.revoked_on) == (_number(1), RESULTS_DAY)
    office.at(date(2026, 12, 11))
    said = _refused(lambda: _revoke(office, _number(1), "dicabut lagi"))
    assert said == f"Sertifikat {_number(1)} sudah dicabut pada 09/12/2026."
    assert count(office.path, "certificate_revocation") == 1

    verdict = certificates.verify(office.db, token)
    assert (verdict.status, verdict.revoked_on) == (rules.Status.REVOKED, RESULTS_DAY)
    assert verdict.claims is not None and verdict.claims.number == _number(1)
    assert "dicabut pada 09/12/2026" in verdict.reason("id") and not verdict.valid

    before = _written(office)
    assert "sudah dicabut" in _refused(
        lambda: print_certificate(office.db, office.actors["counter"], _number(1), office.home)
    )
    assert _written(office) == before
    row = certificates.cohort_certificates(office.db, office.cohort).rows[0]
    assert (row.number, row.state, row.revoked_on, row.revoke_reason) == (
        _number(1), "dicabut", RESULTS_DAY, "nama salah ketik",
    )  # fmt: skip

    assert _issue(office) == [_number(3), _number(2)]  # Budi's new one, Dewi's as it was
    new = certificates.verify(office.db, _token(office, _number(3)))
    assert new.valid and new.claims is not None and new.claims.issued == date(2026, 12, 11)
    assert certificates.verify(office.db, token).status is rules.Status.REVOKED  # still
    row = certificates.cohort_certificates(office.db, office.cohort).rows[0]
    assert (row.number, row.state, row.revoked_on, row.others) == (_number(3), "terbit", None, 0)
    mine = certificates.participant_certificates(office.db, office.people["Budi"])
    assert [(c["number"], c["state"], c["revoked_on"]) for c in mine] == [
        (_number(3), "terbit", None),
        (_number(1), "dicabut", RESULTS_DAY),
    ]


def test_another_offices_certificate_is_not_revoked_here(finished):
    """A PC of another office that holds the certificate (as head office's does) may not
    revoke it: only the issuing office can."""
    office = finished
    _issue(office)
    execute(office.path, "UPDATE device SET office_code='BTN'")
    before = _written(office)
    said = _refused(lambda: _revoke(office, _number(1)))
    assert said == (
        f"Sertifikat {_number(1)} diterbitkan kantor JKT; hanya kantor itu yang dapat mencabutnya."
    )
    assert _written(office) == before


# -- the keys -------------------------------------------------------------------------------


def test_the_private_key_stays_on_this_pc_and_the_public_key_travels(finished):
    office = finished
    assert count(office.path, "signing_key") == 0  # made at first need
    _issue(office)
    _revoke(office, _number(1))
    ((kid, private),) = rows(office.path, "SELECT key_id, private_key FROM signing_key")
    private = bytes(private)  # type: ignore[arg-type]
    assert len(private) == 32
    public = rules.public_key_of(private)
    secrets = (
        private.hex(),
        private.hex().upper(),
        base64.b64encode(private).decode(),
        base64.urlsafe_b64encode(private).rstrip(b"=").decode(),
    )
    for table, column in (("outbox", "changes"), ("audit_event", "detail")):
        for (text,) in rows(office.path, f"SELECT {column} FROM {table}"):
            assert not any(s in str(text) for s in secrets), table
    synced = {str(e) for (e,) in rows(office.path, "SELECT DISTINCT entity FROM outbox")}
    assert "signing_key" not in synced
    assert {"device_key", "certificate", "certificate_revocation"} <= synced
    ((entity_id, changes),) = rows(
        office.path, "SELECT entity_id, changes FROM outbox WHERE entity='device_key'"
    )
    sent = json.loads(str(changes))
    ((device_id,),) = rows(office.path, "SELECT device_id FROM device")
    assert entity_id == stable_id("device_key", kid)
    assert (sent["key_id"], sent["public_key"], sent["device_id"], sent["device_no"]) == (
        kid, public.hex(), device_id, 1,
    )  # fmt: skip
    # every certificate of this PC names that key; a second issue makes no second key
    assert rows(office.path, "SELECT DISTINCT key_id FROM certificate") == [(kid,)]
    _issue(office)
    assert count(office.path, "signing_key") == count(office.path, "device_key") == 1


def test_a_pc_revoked_at_the_server_issues_nothing_but_still_verifies(finished):
    office = finished
    _issue(office, "Budi")
    token = _token(office, _number(1))
    execute(
        office.path,
        "INSERT INTO sync_link (id, server_url, device_id, token, office_code, is_hq, cursor, "
        "enrolled_at, revoked, anchor_seq, anchor_hash) "
        "SELECT 1, 'https://pusat.example.go.id', device_id, 'tok', office_code, 0, 0, "
        "'2026-12-01 00:00:00.000000', 1, 0, ? FROM device",
        "0" * 64,
    )
    before = _written(office)
    said = _refused(lambda: _issue(office))  # Dewi would need a new certificate
    assert "sudah dicabut dari server pusat" in said
    assert _written(office) == before
    assert certificates.verify(office.db, token).valid  # its old ones stay valid
    assert _issue(office, "Budi") == [_number(1)]  # what it issued before is still there


def test_the_key_survives_a_backup_and_a_restore_on_a_new_pc(finished, tmp_path):
    from app.db import Database
    from app.services.maintenance import backup, restore

    office = finished
    _issue(office, "Budi")
    ((kid,),) = rows(office.path, "SELECT key_id FROM signing_key")
    copy = tmp_path / "cadangan.db"
    backup(office.db, office.actors["admin"], copy)
    new_home = tmp_path / "pc-baru"
    new_home.mkdir()
    restore(
        copy, new_home / "loket.db", new_home / "backups", force=False,
        actor=office.actors["admin"],
    )  # fmt: skip
    restored = Database(new_home / "loket.db", clock=office.clock)
    try:
        assert certificates.verify(restored, _token(office, _number(1))).valid
        numbers = certificates.issue(restored, office.actors["counter"], office.cohort)
        assert numbers == [_number(1), _number(2)]
        ((token,),) = rows(
            new_home / "loket.db", "SELECT token FROM certificate WHERE number=?", _number(2)
        )
        verdict = certificates.verify(restored, str(token))
        assert verdict.valid and verdict.claims is not None and verdict.claims.key_id == kid
        assert rows(new_home / "loket.db", "SELECT key_id FROM signing_key") == [(kid,)]
        assert count(new_home / "loket.db", "device_key") == 1
    finally:
        restored.dispose()


# -- printing -------------------------------------------------------------------------------


def test_a_second_print_reuses_the_certificates_and_says_salinan(finished, tmp_path):
    office = finished
    clerk = office.actors["counter"]
    first = print_certificates(office.db, clerk, office.cohort, tmp_path / "a", one_file=False)
    assert first.numbers == (_number(1), _number(2)) and (first.issued, first.copies) == (2, 0)
    assert [p.name for p in first.paths] == [
        "SERT-JKT-1-2026-0001.pdf",
        "SERT-JKT-1-2026-0002.pdf",
    ]
    text = _pdf_text(first.paths[0])
    assert _number(1) in text and "Budi Santoso" in text and "3171********0001" in text
    assert "Juru Las" in text and "SALINAN" not in text
    seen: list[tuple[int, int]] = []
    again = print_certificates(
        office.db, clerk, office.cohort, tmp_path / "semua.pdf", one_file=True,
        progress=lambda done, total: seen.append((done, total)),
    )  # fmt: skip
    assert again.numbers == first.numbers and (again.issued, again.copies) == (0, 2)
    assert again.paths == (tmp_path / "semua.pdf",)
    assert len(PdfReader(again.paths[0]).pages) == 2
    assert "SALINAN ke-1" in _pdf_text(again.paths[0])
    assert seen and seen[-1] == (2, 2)
    one = print_certificate(office.db, clerk, _number(2), tmp_path / "dewi.pdf")
    assert (one.numbers, one.issued, one.copies) == ((_number(2),), 0, 1)
    assert "SALINAN ke-2" in _pdf_text(tmp_path / "dewi.pdf")
    assert count(office.path, "certificate") == 2
    assert rows(
        office.path,
        "SELECT c.number, p.copy_no FROM certificate_print p JOIN certificate c "
        "ON c.id = p.certificate_id ORDER BY c.number, p.copy_no",
    ) == [(_number(1), 0), (_number(1), 1), (_number(2), 0), (_number(2), 1), (_number(2), 2)]
    listed = certificates.cohort_certificates(office.db, office.cohort)
    assert [(r.number, r.prints) for r in listed.rows] == [(_number(1), 2), (_number(2), 3)]


def test_printing_after_a_revocation_issues_a_new_certificate(finished, tmp_path):
    office = finished
    clerk = office.actors["counter"]
    print_certificates(office.db, clerk, office.cohort, tmp_path / "a", one_file=False)
    _revoke(office, _number(1))
    out = print_certificates(office.db, clerk, office.cohort, tmp_path / "b", one_file=False)
    assert out.numbers == (_number(3), _number(2)) and (out.issued, out.copies) == (1, 1)
    assert _number(3) in _pdf_text(tmp_path / "b" / "SERT-JKT-1-2026-0003.pdf")
    assert not (tmp_path / "b" / "SERT-JKT-1-2026-0001.pdf").exists()


# -- the database's own refusals ------------------------------------------------------------


def test_certificate_rows_cannot_be_changed_or_deleted_in_the_database(finished, tmp_path):
    office = finished
    _issue(office)
    _revoke(office, _number(1))
    print_certificates(office.db, office.actors["counter"], office.cohort, tmp_path, one_file=False)
    changes = {
        "certificate": ("number", "'SERT/JKT-1/2026/0099'", "token", "'palsu.palsu'"),
        "certificate_revocation": ("reason", "'lain'", "revoked_on", "'2026-12-31'"),
        "certificate_print": ("copy_no", "7", "printed_by", "'orang'"),
        "device_key": ("public_key", "'00'", "device_id", "'lain'"),
    }
    con = sqlite3.connect(office.path)
    try:
        for table, (col1, val1, col2, val2) in changes.items():
            held = con.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            assert held, table
            for sql in (
                f"UPDATE {table} SET {col1}={val1}",
                f"UPDATE {table} SET {col2}={val2}",
                f"UPDATE {table} SET deleted_at='2026-12-10 00:00:00.000000'",
                f"DELETE FROM {table}",
            ):
                with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                    con.execute(sql)
            assert con.execute(f"SELECT * FROM {table} ORDER BY id").fetchall() == held
            # the sync stamp may still be written (a push answer)
            con.execute(f"UPDATE {table} SET version = version + 1, hlc = 'x'")
            con.rollback()
    finally:
        con.close()
    assert certificates.verify(office.db, _token(office, _number(1))).status is (
        rules.Status.REVOKED
    )


def test_issuing_stamps_the_sync_columns_and_audits_once(finished):
    office = finished
    _issue(office)
    got = rows(
        office.path,
        "SELECT office_code, version, issued_by, issued_at, device_id FROM certificate "
        "ORDER BY number",
    )
    ((device_id,),) = rows(office.path, "SELECT device_id FROM device")
    clerk = office.actors["counter"].username
    assert [(o, v, by, dev) for o, v, by, _at, dev in got] == [("JKT", 1, clerk, device_id)] * 2
    issued_at = datetime.fromisoformat(str(got[0][3])).replace(tzinfo=UTC)
    assert issued_at == office.clock.now
    assert count(office.path, "audit_event", "action='certificate.issue'") == 1
    assert count(office.path, "audit_event", "action='certificate.key_made'") == 1
    assert count(office.path, "outbox", "entity='certificate'") == 2
