"""`loket report monthly` through real processes on the demo office (issue #14): the PDF and
the workbook are written with the figures the service counts, the export is audited, and
each refusal is one Indonesian sentence with exit code 1, no traceback and no file."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.formats import month_text
from tests.unit.helpers import count
from tests.unit.test_cli import loket


@pytest.fixture(scope="module")
def _demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("report-cli") / "kantor"
    made = loket(home, "init", "--office", "JKT", "--device", "1", "--admin", "admin",
                 "--password-stdin", stdin="rahasia-kantor-1\n")  # fmt: skip
    assert made.returncode == 0, made.stderr
    demo = loket(home, "demo")
    assert demo.returncode == 0, demo.stderr
    return home


@pytest.fixture
def home(_demo_home: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "kantor"
    shutil.copytree(_demo_home, copy)
    return copy


def _this_month() -> str:
    return date.today().strftime("%Y-%m")


def _counted(home: Path, office: str | None) -> dict[str, int]:
    """The same month counted in this process from the copied database."""
    from app.db import Database
    from app.services.monthly_report import monthly_report

    db = Database(home / "loket.db")
    try:
        r = monthly_report(db, date.today().replace(day=1), office)
    finally:
        db.dispose()
    return {
        "registered": r.registered,
        "registered_to_date": r.registered_to_date,
        "payments": r.paid_count,
        "paid": r.paid_amount,
    }


def test_the_pdf_is_written_with_the_figures_the_service_counts(home, tmp_path):
    out = tmp_path / "laporan.pdf"
    done = loket(home, "report", "monthly", "--month", _this_month(), "--out", str(out), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["ok"] and data["office"] == "JKT" and data["file"] == str(out)
    assert {k: data[k] for k in ("registered", "registered_to_date", "payments", "paid")} == (
        _counted(home, "JKT")
    )
    assert data["registered"] > 0 and data["payments"] > 0  # the demo's month means something
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert month_text(date.today(), "id") in text
    assert count(home / "loket.db", "audit_event", "action = 'report.export'") == 1


def test_the_workbook_of_this_office(home, tmp_path):
    out = tmp_path / "laporan.xlsx"
    done = loket(home, "report", "monthly", "--month", _this_month(), "--office", "jkt",
                 "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "DKI Jakarta (JKT)" in done.stdout and str(out) in done.stdout
    book = load_workbook(out)
    assert "Ringkasan" in book.sheetnames and "Pendaftaran" in book.sheetnames


@pytest.mark.parametrize("office", ["ALL", "BTN"])
def test_another_office_or_every_office_is_the_servers_report(home, tmp_path, office):
    """The PC holds the other offices' cohorts but not their people: such a report would
    count cohorts without anyone in them."""
    out = tmp_path / "laporan.pdf"
    done = loket(home, "report", "monthly", "--month", _this_month(), "--office", office,
                 "--out", str(out))  # fmt: skip
    assert done.returncode == 1
    assert "hanya memegang data kantor JKT" in done.stderr
    assert "loket server report monthly" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()
    assert count(home / "loket.db", "audit_event", "action = 'report.export'") == 0


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--month", "2026-13"), "Bulan '2026-13' tidak dikenal"),
        (("--month", "2999-01"), "belum dimulai"),
        (("--month", "2026-11", "--office", "XYZ"), "Kantor 'XYZ' tidak dikenal"),
    ],
)
def test_a_refusal_is_one_indonesian_sentence_and_no_file(home, tmp_path, args, said):
    out = tmp_path / "laporan.pdf"
    done = loket(home, "report", "monthly", *args, "--out", str(out))
    assert done.returncode == 1
    assert said in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not out.exists()
    assert count(home / "loket.db", "audit_event", "action = 'report.export'") == 0


def test_a_file_that_is_not_pdf_or_xlsx_is_refused_before_counting(home, tmp_path):
    out = tmp_path / "laporan.docx"
    done = loket(home, "report", "monthly", "--month", "2026-11", "--out", str(out))
    assert done.returncode == 1
    assert "harus berakhiran .pdf atau .xlsx: laporan.docx" in done.stderr
    assert not out.exists()


def test_a_folder_that_is_not_there_is_named_in_one_sentence(home, tmp_path):
    out = tmp_path / "tidak-ada" / "laporan.pdf"
    done = loket(home, "report", "monthly", "--month", _this_month(), "--out", str(out))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "tidak-ada" in done.stderr
    assert not out.parent.exists()
    assert count(home / "loket.db", "audit_event", "action = 'report.export'") == 0
