"""The payment register of a cohort as XLSX (issue #11 item 4), read back with openpyxl: the
figures are the services' figures, the totals add up, NIKs are masked, a voided receipt is
marked BATAL, a stored name that looks like a formula stays text, and the export is audited."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.errors import ValidationError
from app.services import entitlements, payments
from app.services.payment_register import AMOUNT_COL, COLUMNS, PAID_COL, payment_register
from tests.unit.helpers import count, execute, rows
from tests.unit.stipend_support import week_one

FORMULA_NAME = '=HYPERLINK("http://contoh.invalid","klik")'


def _header_row(sheet) -> int:
    (found,) = [c.row for c in sheet["A"] if c.value == COLUMNS[0][0]]
    return int(found)


def _table(path: Path) -> tuple[object, list[tuple[object, ...]], tuple[object, ...]]:
    """(sheet, data rows, totals row) of a register."""
    sheet = load_workbook(path).active
    top = _header_row(sheet)
    body = [r for r in sheet.iter_rows(min_row=top + 1, values_only=True) if any(r)]
    return sheet, body[:-1], body[-1]


@pytest.fixture
def paid(staffed):
    """Week 1 approved; Budi's transport paid in cash then reversed and paid by transfer,
    his pocket money paid in cash; Siti's stored name looks like a formula (it came by
    sync, before the intake refused such names)."""
    c = week_one(staffed)
    entitlements.approve(staffed.db, staffed.actors["supervisor"], c.id, "W1")
    execute(staffed.path, "UPDATE participant SET full_name=? WHERE id=?", FORMULA_NAME, c.siti)
    by = {(r.name, r.kind): r for r in entitlements.list_entitlements(staffed.db, c.id)}
    clerk = staffed.actors["counter"]
    first = payments.pay(staffed.db, clerk, by[("Budi Santoso", "transport")].id, "cash")
    payments.reverse(
        staffed.db, clerk, staffed.actors["supervisor"], first.receipt_number, "salah orang"
    )
    again = payments.pay(
        staffed.db, clerk, by[("Budi Santoso", "transport")].id, "transfer", "TRF-001"
    )
    pocket = payments.pay(staffed.db, clerk, by[("Budi Santoso", "pocket")].id, "cash")
    return staffed, c, (first.receipt_number, again.receipt_number, pocket.receipt_number)


def test_the_register_holds_the_services_figures_and_totals(paid, tmp_path):
    office, c, (voided, transfer, pocket) = paid
    out = tmp_path / "register.xlsx"
    result = payment_register(office.db, office.actors["counter"], c.id, out, "W1")
    listed = entitlements.list_entitlements(office.db, c.id, "W1")
    assert (result.rows, result.amount, result.paid) == (
        len(listed),
        sum(r.amount for r in listed),
        sum(r.paid for r in listed),
    )
    sheet, body, totals = _table(out)
    assert sheet["B2"].value == listed[0].cohort_code
    assert sheet["B3"].value == "BLK Jakarta Timur"
    assert sheet["B5"].value.startswith("Minggu ke-1")
    assert office.actors["counter"].username in sheet["B6"].value

    by_key = {(r.name, r.kind): r for r in listed}
    kinds = {"Uang transport": "transport", "Uang saku": "pocket"}
    seen = set()
    for line in body:
        _no, name, nik, kind, _period, days, rate, amount, state, paid_, receipts = line[:11]
        e = by_key[(name, kinds[kind])]
        seen.add((name, kinds[kind]))
        assert (days, rate, amount, paid_) == (e.days, e.rate, e.amount, e.paid)
        assert nik == e.nik_masked and "*" in nik and e.nik not in str(line)
        assert (
            state
            == {"dihitung": "Dihitung", "disetujui": "Disetujui", "dibayar": "Dibayar"}[e.state]
        )
        assert (receipts or "") == "; ".join(
            [f"{voided} (BATAL)", transfer] if e.receipt == transfer else list(e.receipts)
        )
    assert seen == set(by_key)
    assert totals[AMOUNT_COL - 1] == sum(r.amount for r in listed) == 1_350_000
    assert totals[PAID_COL - 1] == sum(r.paid for r in listed) == 250_000 + 500_000
    (budi_transport,) = [x for x in body if x[1] == "Budi Santoso" and x[3] == "Uang transport"]
    assert budi_transport[11] == "Transfer bank ref. TRF-001"
    assert pocket in {x[10] for x in body}
    assert count(office.path, "audit_event", "action='payment.register'") == 1
    assert not list(tmp_path.glob("*.part"))


def test_a_name_that_looks_like_a_formula_stays_text(paid, tmp_path):
    office, c, _numbers = paid
    out = tmp_path / "register.xlsx"
    payment_register(office.db, office.actors["counter"], c.id, out)
    sheet, _body, _totals = _table(out)
    cells = [row[1] for row in sheet.iter_rows() if row[1].value == FORMULA_NAME]
    assert len(cells) == 2  # Siti's transport and pocket money
    assert all(cell.data_type == "s" for cell in cells)
    with zipfile.ZipFile(out) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert re.search(r"<f[ >/]", xml) is None  # no formula anywhere in the sheet
    assert '<is><t>=HYPERLINK("http://contoh.invalid","klik")</t></is>' in xml  # text


def test_an_unknown_period_is_refused_and_nothing_is_written(paid, tmp_path):
    office, c, _numbers = paid
    out = tmp_path / "register.xlsx"
    with pytest.raises(ValidationError) as refused:
        payment_register(office.db, office.actors["counter"], c.id, out, "W3")
    assert "tidak memiliki periode W3" in refused.value.message("id")
    assert not out.exists()
    assert rows(
        office.path, "SELECT count(*) FROM audit_event WHERE action='payment.register'"
    ) == [(0,)]
