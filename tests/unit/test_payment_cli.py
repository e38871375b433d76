"""`loket entitlements|payments|receipts|cash ...` through real subprocesses on a staffed
office (issue #11 item 5). The commands run on the real clock, so the cohort ran (every day,
07 days) in the week before today and was marked and approved on the days themselves."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.services import enrolment, entitlements, payments
from tests.unit.cohort_support import cohort, fit_provider, person
from tests.unit.conftest import STAFF_PASSWORD
from tests.unit.helpers import count, rows
from tests.unit.stipend_support import Cohort, attend
from tests.unit.test_cli import loket

TODAY = date.today()
START = TODAY - timedelta(days=9)
DAYS = [START + timedelta(days=n) for n in range(7)]  # one period, W1, over before today
EVERY_DAY = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SPV = "spv.rina"
GOOD = STAFF_PASSWORD + "x\n"  # the supervisor's password after its first change


@dataclass
class Office:
    home: Path
    path: Path
    db: Any
    actors: dict[str, Any]
    cohort: Cohort
    code: str


@pytest.fixture
def office(staffed):
    """A cohort of Budi (present every day) and Siti (absent on the first day), transport
    Rp50.000 and pocket money Rp100.000 per day, each day approved; no entitlement yet."""
    pid = fit_provider(staffed, on=TODAY - timedelta(days=60))
    staffed.clock.now = datetime.now(UTC)
    budi, siti = person(staffed, 1, "Budi Santoso"), person(staffed, 2, "Siti Aminah")
    cid = cohort(
        staffed, pid, start=DAYS[0], end=DAYS[-1], pattern=EVERY_DAY,
        transport_rate=50_000, pocket_rate=100_000,
    )  # fmt: skip
    enrolment.enrol(staffed.db, staffed.actors["counter"], cid, [budi, siti])
    c = Cohort(cid, budi, siti)
    attend(staffed, c, DAYS, absent={DAYS[0]: siti})
    staffed.clock.now = datetime.now(UTC)
    ((code,),) = rows(staffed.path, "SELECT code FROM cohort WHERE id=?", cid)
    return Office(staffed.home, staffed.path, staffed.db, staffed.actors, c, str(code))


def _json(result) -> Any:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _listed(office) -> dict[tuple[str, str], dict[str, Any]]:
    out = _json(loket(office.home, "payments", "list", "--cohort", office.code, "--json"))
    return {(e["participant"].split()[0], e["kind"]): e for e in out["entitlements"]}


def _approved(office) -> int:
    return count(office.path, "entitlement", "approved_amount IS NOT NULL")


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_compute_approve_pay_once_reverse_and_the_series(office):
    computed = _json(
        loket(office.home, "entitlements", "compute", "--cohort", office.code, "--json")
    )
    assert (computed["created"], computed["changed"], computed["unchanged"]) == (4, 0, 0)
    assert sorted(c["new"] for c in computed["changes"]) == [300_000, 350_000, 600_000, 700_000]

    listed = _listed(office)
    keys = {"id", "participant", "nik", "kind", "period", "amount", "state", "receipt"}
    assert all(keys <= set(e) for e in listed.values())
    budi = listed[("Budi", "transport")]
    assert (budi["period"], budi["amount"], budi["state"], budi["receipt"]) == (
        "W1", 350_000, "dihitung", None,
    )  # fmt: skip
    assert len(budi["nik"]) == 16 and budi["nik"].isdigit()

    early = loket(office.home, "payments", "pay", budi["id"], "--method", "cash")
    assert early.returncode == 1 and "belum disetujui" in early.stderr
    assert "Traceback" not in early.stderr
    assert count(office.path, "payment") == 0

    wrong = loket(
        office.home, "entitlements", "approve", "--cohort", office.code, "--period", "1",
        "--supervisor", SPV, "--password-stdin", stdin="salah\n",
    )  # fmt: skip
    assert wrong.returncode == 1 and "Traceback" not in wrong.stderr
    assert _approved(office) == 0
    approved = _json(
        loket(
            office.home, "entitlements", "approve", "--cohort", office.code, "--period", "W1",
            "--supervisor", SPV, "--password-stdin", "--json", stdin=GOOD,
        )
    )  # fmt: skip
    assert (approved["count"], approved["people"], approved["total"]) == (4, 2, 1_950_000)
    assert _approved(office) == 4

    year = datetime.now().astimezone().year
    first_number = f"KW/JKT-1/{year}/0001"
    paid = loket(office.home, "payments", "pay", budi["id"], "--method", "cash")
    assert paid.returncode == 0, paid.stderr
    assert first_number in paid.stdout and "Rp350.000" in paid.stdout
    twice = loket(office.home, "payments", "pay", budi["id"], "--method", "cash", "--json")
    assert twice.returncode == 1
    assert first_number in json.loads(twice.stdout)["error"] and first_number in twice.stderr
    assert count(office.path, "payment") == 1

    reversed_ = loket(
        office.home, "payments", "reverse", first_number, "--reason", "diterima orang lain",
        "--supervisor", SPV, "--password-stdin", stdin=GOOD,
    )  # fmt: skip
    assert reversed_.returncode == 0, reversed_.stderr
    assert "BATAL" in reversed_.stdout
    again = _listed(office)[("Budi", "transport")]
    assert (again["state"], again["to_pay"], again["paid"], again["receipt"]) == (
        "disetujui", 350_000, 0, None,
    )  # fmt: skip

    repaid = _json(
        loket(
            office.home, "payments", "pay", budi["id"], "--method", "transfer",
            "--reference", "TRF-77", "--json",
        )
    )  # fmt: skip
    assert repaid["receipt"] == f"KW/JKT-1/{year}/0002"
    assert (repaid["amount"], repaid["deduction"], repaid["cash"], repaid["method"]) == (
        350_000, 0, 350_000, "transfer",
    )  # fmt: skip

    series = _json(loket(office.home, "receipts", "series", "--json"))
    assert [(e["number"], e["state"]) for e in series["entries"]] == [
        (first_number, "void"), (repaid["receipt"], "issued"),
    ]  # fmt: skip
    assert (series["issued"], series["void"], series["missing"]) == (1, 1, 0)


@pytest.fixture
def paid_office(office):
    """The period approved and every entitlement paid today through the services: three in
    cash, Siti's pocket money by transfer."""
    entitlements.compute(office.db, office.actors["counter"], office.cohort.id)
    entitlements.approve(office.db, office.actors["supervisor"], office.cohort.id, "W1")
    clerk = office.actors["counter"]
    for e in entitlements.list_entitlements(office.db, office.cohort.id):
        transfer = e.name.startswith("Siti") and e.kind == "pocket"
        payments.pay(
            office.db, clerk, e.id, "transfer" if transfer else "cash",
            "TRF-9" if transfer else None,
        )  # fmt: skip
    return office


def test_receipts_print_one_readable_pdf_per_receipt_then_a_copy(paid_office, tmp_path):
    office = paid_office
    numbers = [str(n) for (n,) in rows(office.path, "SELECT receipt_number FROM payment")]
    out = tmp_path / "kuitansi"
    printed = loket(office.home, "receipts", "print", "--cohort", office.code, "--out", str(out))
    assert printed.returncode == 0, printed.stderr
    assert "4 kuitansi dicetak" in printed.stdout and "(0 di antaranya SALINAN)" in printed.stdout
    files = sorted(out.glob("*.pdf"))
    assert len(files) == 4
    for number in numbers:
        (path,) = [f for f in files if f.name == number.replace("/", "-") + ".pdf"]
        text = _pdf_text(path)
        assert number in text and "SALINAN" not in text
    one = tmp_path / "satu.pdf"
    copy = _json(
        loket(
            office.home, "receipts", "print", "--receipt", numbers[0], "--out", str(one), "--json"
        )
    )
    assert copy["copies"] == 1 and copy["receipts"] == [numbers[0]]
    assert "SALINAN" in _pdf_text(one) and numbers[0] in _pdf_text(one)
    assert count(office.path, "receipt_print") == 5


def test_cash_close_totals_equal_the_payments_of_the_day(paid_office, tmp_path):
    office = paid_office
    day = datetime.now().astimezone().date()
    cash = sum(a for (a,) in rows(office.path, "SELECT amount FROM payment WHERE method='cash'"))
    transfer = sum(
        a for (a,) in rows(office.path, "SELECT amount FROM payment WHERE method='transfer'")
    )
    assert (cash, transfer) == (350_000 + 700_000 + 300_000, 600_000)
    pdf = tmp_path / "tutup-kas.pdf"
    close = [
        "cash", "close", "--date", day.isoformat(), "--opening", "5.000.000",
        "--out", str(pdf), "--supervisor", SPV, "--password-stdin", "--json",
    ]  # fmt: skip
    bad = loket(office.home, *close, "--counted", "tiga juta", stdin=GOOD)
    assert bad.returncode == 1 and "tiga juta" in json.loads(bad.stdout)["error"]
    assert count(office.path, "cash_close") == 0 and not pdf.exists()

    done = _json(loket(office.home, *close, "--counted", "3640000", stdin=GOOD))
    assert (done["receipts"], done["cash_paid"], done["transfer_total"]) == (4, cash, transfer)
    assert done["opening"] == 5_000_000
    assert done["expected"] == 5_000_000 - cash
    assert (done["counted"], done["difference"]) == (3_640_000, 3_640_000 - (5_000_000 - cash))
    text = _pdf_text(pdf)
    assert "Rp1.350.000" in text and "Rp600.000" in text
    assert all(str(n) in text for (n,) in rows(office.path, "SELECT receipt_number FROM payment"))

    shown = loket(office.home, "cash", "show", "--date", day.isoformat())
    assert shown.returncode == 0, shown.stderr
    assert "Rp1.350.000" in shown.stdout and "Rp3.650.000" in shown.stdout
    assert "-Rp10.000" in shown.stdout

    late = loket(office.home, "payments", "recoveries")
    assert late.returncode == 0 and "Tidak ada kelebihan bayar" in late.stdout
