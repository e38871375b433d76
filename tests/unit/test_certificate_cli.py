"""`loket certificates print|list|revoke|verify` through real subprocesses on a staffed office
(issue #12 item 6). The commands run on the real clock, so the cohort ran on two days of the
week before last and finished before today: Budi Santoso and Dewi Lestari passed, Siti
Aminah did not."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.unit.cohort_support import cohort, fit_provider, person
from tests.unit.conftest import STAFF_PASSWORD
from tests.unit.helpers import count, rows
from tests.unit.test_cli import loket

TODAY = date.today()
DAYS = [TODAY - timedelta(days=9), TODAY - timedelta(days=8)]
EVERY_DAY = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SPV = "spv.rina"
GOOD = STAFF_PASSWORD + "x\n"  # the supervisor's password after its first change


@dataclass
class Office:
    home: Path
    path: Path
    code: str

    def number(self, seq: int) -> str:
        return f"SERT/JKT-1/{datetime.now().astimezone().year}/{seq:04d}"

    def token(self, number: str) -> str:
        ((token,),) = rows(self.path, "SELECT token FROM certificate WHERE number=?", number)
        return str(token)


@pytest.fixture
def office(staffed) -> Office:
    from app.services import enrolment
    from app.services.attendance import all_present
    from app.services.cohort_results import finish_cohort, record_result
    from tests.unit.cohort_support import at

    pid = fit_provider(staffed, on=TODAY - timedelta(days=60))
    staffed.clock.now = datetime.now(UTC)
    names = ("Budi Santoso", "Siti Aminah", "Dewi Lestari")
    budi, siti, dewi = (person(staffed, n, name) for n, name in enumerate(names, start=1))
    cid = cohort(staffed, pid, start=DAYS[0], end=DAYS[-1], pattern=EVERY_DAY)
    clerk = staffed.actors["counter"]
    enrolment.enrol(staffed.db, clerk, cid, [budi, siti, dewi])
    for day in DAYS:
        at(staffed, day)
        all_present(staffed.db, clerk, cid, day)
    staffed.clock.now = datetime.now(UTC)
    for who, score, result in ((budi, 85, "lulus"), (siti, 40, "tidak_lulus"), (dewi, 90, "lulus")):
        record_result(staffed.db, clerk, cid, who, score, result)
    finish_cohort(staffed.db, staffed.actors["supervisor"], cid)
    ((code,),) = rows(staffed.path, "SELECT code FROM cohort WHERE id=?", cid)
    return Office(staffed.home, staffed.path, str(code))


def _json(result: Any) -> Any:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout)


def _refused(result: Any) -> str:
    """The refusal's sentence: exit 1, one `loket:` line on stderr, no traceback."""
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.startswith("loket: "), result.stderr
    return str(result.stderr)


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_print_a_cohort_one_pdf_each_then_list_and_a_reprint(office, tmp_path):
    out = tmp_path / "sertifikat"
    printed = loket(
        office.home, "certificates", "print", "--cohort", office.code, "--out", str(out)
    )
    assert printed.returncode == 0, printed.stderr
    assert "2 sertifikat dicetak" in printed.stdout and "2 baru terbit" in printed.stdout
    assert "0 di antaranya SALINAN" in printed.stdout
    budi, dewi = office.number(1), office.number(2)
    files = sorted(p.name for p in out.glob("*.pdf"))
    assert files == [budi.replace("/", "-") + ".pdf", dewi.replace("/", "-") + ".pdf"]
    assert all(f.startswith("SERT-JKT-1-") for f in files)
    text = _pdf_text(out / files[0])
    assert budi in text and "Budi Santoso" in text and "3171********0001" in text
    assert "SALINAN" not in text
    assert "Siti" not in _pdf_text(out / files[1])

    listed = _json(loket(office.home, "certificates", "list", "--cohort", office.code, "--json"))
    assert (listed["cohort"], listed["finished"]) == (office.code, True)
    entries = listed["certificates"]
    assert [(e["name"], e["number"], e["state"], e["prints"]) for e in entries] == [
        ("Budi Santoso", budi, "terbit", 1),
        ("Dewi Lestari", dewi, "terbit", 1),
    ]
    today = datetime.now().astimezone().date().isoformat()
    assert {e["issued_on"] for e in entries} == {today}
    assert [e["nik"] for e in entries] == ["3171********0001", "3171********0003"]
    assert all(e["revoked_on"] is None and e["revoke_reason"] is None for e in entries)
    human = loket(office.home, "certificates", "list", "--cohort", office.code)
    assert human.returncode == 0 and "2 terbit, 0 dicabut, 0 belum terbit" in human.stdout
    assert "3171********0001" in human.stdout and "3171011" not in human.stdout

    one = tmp_path / "budi.pdf"
    copy = _json(
        loket(
            office.home, "certificates", "print", "--certificate", budi, "--out", str(one),
            "--json",
        )
    )  # fmt: skip
    assert (copy["certificates"], copy["copies"], copy["issued"]) == ([budi], 1, 0)
    assert "SALINAN" in _pdf_text(one) and budi in _pdf_text(one)
    both = tmp_path / "semua.pdf"
    again = _json(
        loket(
            office.home, "certificates", "print", "--cohort", office.code, "--out", str(both),
            "--one-file", "--json",
        )
    )  # fmt: skip
    assert (again["printed"], again["issued"], again["copies"]) == (2, 0, 2)
    assert again["files"] == [str(both)] and len(PdfReader(both).pages) == 2
    assert count(office.path, "certificate") == 2
    assert count(office.path, "certificate_print") == 5


def test_unknown_cohort_or_certificate_is_a_sentence_not_a_traceback(office, tmp_path):
    said = _refused(loket(office.home, "certificates", "list", "--cohort", "ANG/XXX"))
    assert "tidak ditemukan" in said
    said = _refused(
        loket(
            office.home, "certificates", "print", "--certificate", "SERT/JKT-1/2026/9999",
            "--out", str(tmp_path / "x.pdf"),
        )
    )  # fmt: skip
    assert "Sertifikat SERT/JKT-1/2026/9999 tidak ditemukan." in said
    assert not (tmp_path / "x.pdf").exists()


def test_revoke_with_the_supervisors_password_and_a_reason(office, tmp_path):
    loket(office.home, "certificates", "print", "--cohort", office.code, "--out", str(tmp_path))
    budi = office.number(1)
    revoke = ["certificates", "revoke", budi, "--supervisor", SPV, "--password-stdin"]

    wrong = loket(office.home, *revoke, "--reason", "nama salah ketik", stdin="salah\n")
    assert "kata sandi salah" in _refused(wrong)
    clerk = loket(
        office.home, "certificates", "revoke", budi, "--reason", "nama salah ketik",
        "--supervisor", "loket.budi", "--password-stdin", stdin=GOOD,
    )  # fmt: skip
    assert "tidak berwenang" in _refused(clerk)
    short = loket(office.home, *revoke, "--reason", "abcd", stdin=GOOD)
    assert "paling sedikit 5 karakter" in _refused(short)
    assert count(office.path, "certificate_revocation") == 0

    done = _json(loket(office.home, *revoke, "--reason", "nama salah ketik", "--json", stdin=GOOD))
    today = datetime.now().astimezone().date()
    assert (done["number"], done["reason"], done["approved_by"]) == (budi, "nama salah ketik", SPV)
    assert done["revoked_on"] == today.isoformat()
    twice = loket(office.home, *revoke, "--reason", "dicabut lagi", stdin=GOOD)
    assert f"sudah dicabut pada {today:%d/%m/%Y}" in _refused(twice)
    assert count(office.path, "certificate_revocation") == 1

    entries = _json(loket(office.home, "certificates", "list", "--cohort", office.code, "--json"))
    (row,) = [e for e in entries["certificates"] if e["number"] == budi]
    assert (row["state"], row["revoked_on"], row["revoke_reason"]) == (
        "dicabut", today.isoformat(), "nama salah ketik",
    )  # fmt: skip
    human = loket(office.home, "certificates", "list", "--cohort", office.code)
    assert "Dicabut" in human.stdout and "nama salah ketik" in human.stdout
    assert "1 terbit, 1 dicabut, 0 belum terbit" in human.stdout
    refused = loket(
        office.home, "certificates", "print", "--certificate", budi, "--out",
        str(tmp_path / "lagi.pdf"),
    )  # fmt: skip
    assert "sudah dicabut" in _refused(refused)


def test_verify_a_good_code_a_url_stdin_a_changed_one_garbage_and_a_revoked_one(office, tmp_path):
    loket(office.home, "certificates", "print", "--cohort", office.code, "--out", str(tmp_path))
    budi = office.number(1)
    token = office.token(budi)

    good = loket(office.home, "certificates", "verify", token)
    assert good.returncode == 0, good.stderr
    assert good.stdout.splitlines()[0] == "SAH (valid)"
    assert "Budi Santoso" in good.stdout and budi in good.stdout and "Juru Las" in good.stdout
    assert "DKI Jakarta (JKT)" in good.stdout
    data = _json(loket(office.home, "certificates", "verify", token, "--json"))
    assert (data["status"], data["valid"], data["number"], data["name"]) == (
        "valid", True, budi, "Budi Santoso",
    )  # fmt: skip
    assert (data["result"], data["office"], data["start"]) == ("lulus", "JKT", DAYS[0].isoformat())
    url = f"https://loket.example.go.id/sertifikat/{token}"
    assert _json(loket(office.home, "certificates", "verify", url, "--json"))["valid"] is True
    piped = loket(office.home, "certificates", "verify", "-", "--json", stdin=url + "\n")
    assert _json(piped)["number"] == budi

    body, signature = token.split(".")
    i = len(signature) // 2
    changed = f"{body}.{signature[:i]}{'A' if signature[i] != 'A' else 'B'}{signature[i + 1 :]}"
    bad = loket(office.home, "certificates", "verify", changed)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert bad.stdout.startswith("TIDAK SAH (bad_signature)")
    assert "telah diubah atau dipalsukan" in bad.stdout and "Budi Santoso" not in bad.stdout
    bad = loket(office.home, "certificates", "verify", changed, "--json")
    assert bad.returncode == 1
    assert json.loads(bad.stdout) | {"reason": ""} == {
        "ok": False, "status": "bad_signature", "valid": False, "label": "TIDAK SAH",
        "reason": "", "revoked_on": None, "office": None,
    }  # fmt: skip

    for garbage in ("bukan-kode-sertifikat", "https://example.com/", "%%%.!!!"):
        out = loket(office.home, "certificates", "verify", garbage)
        assert out.returncode == 1 and "Traceback" not in out.stderr + out.stdout
        assert out.stdout.startswith("TIDAK TERBACA (malformed)"), out.stdout
    empty = loket(office.home, "certificates", "verify", "-", stdin="\n")
    assert "Tidak ada kode sertifikat" in _refused(empty)

    loket(
        office.home, "certificates", "revoke", budi, "--reason", "nama salah ketik",
        "--supervisor", SPV, "--password-stdin", stdin=GOOD,
    )  # fmt: skip
    revoked = loket(office.home, "certificates", "verify", token)
    assert revoked.returncode == 1
    today = datetime.now().astimezone().date()
    assert revoked.stdout.startswith("DICABUT (revoked)")
    assert f"dicabut pada {today:%d/%m/%Y}" in revoked.stdout and "Budi Santoso" in revoked.stdout
    data = json.loads(loket(office.home, "certificates", "verify", token, "--json").stdout)
    assert (data["status"], data["valid"], data["revoked_on"]) == (
        "revoked", False, today.isoformat(),
    )  # fmt: skip
