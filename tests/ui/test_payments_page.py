"""The Pembayaran page with real widgets on a real office (issue #11): paying a selected row
writes the payment and shows it with its receipt, an unapproved row is refused in Indonesian
without writing, a clerk approves a period with a supervisor signing in on the spot, a
reversal needs a supervisor and a reason, every receipt of a cohort is printed in the
background into one PDF while a progress dialog shows, the cash close's difference follows
what the clerk types and the close is signed, the receipt preview loads the PDF and saving
it records a print (SALINAN on the next), and every dialog opens and closes by keyboard.

The cohort is tests/unit/stipend_support's: Budi present every day of week 1, Siti absent
on Friday 11/12, each day approved, the clock on Monday 14/12."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog

from app.services.auth import login
from app.ui import tasks
from tests.ui.helpers import message_boxes, wait_for_box
from tests.unit.helpers import rows
from tests.unit.stipend_support import week_one

PASSWORD = "sementara1"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@dataclass
class Office:
    """What tests/unit/stipend_support needs: the database, a signed-in actor per role, the
    movable clock."""

    db: Any
    actors: dict[str, Any]
    clock: Any


@pytest.fixture
def staffed(office, admin, clock) -> Office:
    from app.services.staff import add_staff

    actors = {"admin": admin}
    for username, role in (("spv.rina", "supervisor"), ("loket.budi", "counter")):
        add_staff(office, admin, username=username, full_name=username.title(), role=role,
                  password=PASSWORD)  # fmt: skip
        actors[role] = login(office, username, PASSWORD).actor
    return Office(office, actors, clock)


@pytest.fixture
def week(staffed) -> Any:
    """Week 1 held and approved day by day; its entitlements computed, not approved."""
    from app.services.entitlements import compute

    c = week_one(staffed)
    compute(staffed.db, staffed.actors["counter"], c.id)
    return c


@pytest.fixture
def approved(staffed, week) -> Any:
    from app.services.entitlements import approve

    approve(staffed.db, staffed.actors["supervisor"], week.id, "W1")
    return week


def _settle(qtbot) -> None:
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=15_000)
    QApplication.processEvents()


def _page(qtbot, ctx, actor, tab: int = 0) -> Any:
    from app.ui.pages.payments import PaymentsPage

    page = PaymentsPage(ctx, actor)
    qtbot.addWidget(page)
    page.resize(1300, 680)
    page.show()
    page.show_tab(tab)
    return page


def _row(listing, name: str, kind: str) -> Any:
    (found,) = [r for r in listing.model.rows if r.name == name and r.kind == kind]
    return found


def _shown(listing, entitlement_id: str) -> dict[str, str]:
    n = next(i for i, r in enumerate(listing.model.rows) if r.id == entitlement_id)
    headers = listing.model.headers()
    return {h: listing.model.index(n, c).data() for c, h in enumerate(headers)}


def _visible(parent, kind: type) -> list[Any]:
    return [w for w in parent.findChildren(kind) if w.isVisible()]


def _pay(staffed, cid: str, name: str, kind: str, method: str = "cash", reference=None) -> Any:
    from app.services.entitlements import list_entitlements
    from app.services.payments import pay

    (e,) = [r for r in list_entitlements(staffed.db, cid) if r.name == name and r.kind == kind]
    return pay(staffed.db, staffed.actors["counter"], e.id, method, reference)


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def _count(office, table: str) -> int:
    ((n,),) = rows(office.path, f"SELECT count(*) FROM {table}")
    return int(str(n))


# --- paying ----------------------------------------------------------------------------------


def test_paying_a_selected_row_writes_it_and_the_table_shows_the_receipt(
    qtbot, ctx, staffed, approved
):
    from app.ui.dialogs.payment_dialogs import PayDialog
    from app.ui.dialogs.receipt_preview import ReceiptPreviewDialog

    page = _page(qtbot, ctx, staffed.actors["counter"])
    listing = page.list
    budi = _row(listing, "Budi Santoso", "transport")
    assert _shown(listing, budi.id)["Status"] == "Disetujui"
    listing.select_rows([budi.id])
    dialog = listing.pay()
    assert isinstance(dialog, PayDialog) and dialog.isVisible()
    assert dialog.total_label.text() == "Rp250.000"
    assert dialog.method.currentText() == "Tunai" and not dialog.reference.isEnabled()
    dialog.submit()
    _settle(qtbot)
    assert not dialog.isVisible()
    assert rows(
        staffed.db.path, "SELECT entitlement_id, amount, method, receipt_number FROM payment"
    ) == [(budi.id, 250_000, "cash", "KW/JKT-1/2026/0001")]
    shown = _shown(listing, budi.id)
    assert shown["Status"] == "Dibayar" and shown["Kuitansi"] == "KW/JKT-1/2026/0001"
    assert shown["Dibayar"] == "Rp250.000"
    assert "Rp250.000" in listing.totals.text()  # paid, in the totals under the table
    # the receipt opens in the preview, as its original: nothing recorded yet
    (preview,) = _visible(listing, ReceiptPreviewDialog)
    qtbot.waitUntil(lambda: preview.document.status() == QPdfDocument.Status.Ready, timeout=10_000)
    assert preview.numbers == ["KW/JKT-1/2026/0001"]
    assert "SALINAN" not in _pdf_text(preview.shown)
    assert _count(staffed.db, "receipt_print") == 0


def test_a_transfer_needs_its_reference_next_to_the_field(qtbot, ctx, staffed, approved):
    page = _page(qtbot, ctx, staffed.actors["counter"])
    listing = page.list
    listing.select_rows([_row(listing, "Siti Aminah", "pocket").id])
    dialog = listing.pay()
    dialog.method.setCurrentIndex(dialog.method.findData("transfer"))
    assert dialog.reference.isEnabled()
    dialog.submit()
    _settle(qtbot)
    assert dialog.errors.label("reference").text().startswith("Transfer bank perlu nomor referensi")
    assert dialog.isVisible() and _count(staffed.db, "payment") == 0
    qtbot.keyClicks(dialog.reference, "BRI-778812")
    dialog.submit()
    _settle(qtbot)
    assert rows(staffed.db.path, "SELECT method, reference, amount FROM payment") == [
        ("transfer", "BRI-778812", 400_000)
    ]


def test_paying_several_rows_gives_a_receipt_each_and_previews_the_batch(
    qtbot, ctx, staffed, approved
):
    from app.ui.dialogs.receipt_preview import ReceiptPreviewDialog

    page = _page(qtbot, ctx, staffed.actors["counter"])
    listing = page.list
    ids = [r.id for r in listing.model.rows if r.name == "Budi Santoso"]
    listing.select_rows(ids)
    dialog = listing.pay()
    assert dialog.total_label.text() == "Rp750.000"
    dialog.submit()
    _settle(qtbot)
    assert _count(staffed.db, "payment") == 2
    (preview,) = _visible(listing, ReceiptPreviewDialog)
    assert preview.numbers == ["KW/JKT-1/2026/0001", "KW/JKT-1/2026/0002"]
    assert preview.next_button.isVisible() and preview.caption.text().startswith(
        "Kuitansi 1 dari 2"
    )


def test_an_unapproved_row_is_refused_in_indonesian_and_nothing_is_written(
    qtbot, ctx, staffed, week
):
    from app.ui.dialogs.payment_dialogs import PayDialog

    page = _page(qtbot, ctx, staffed.actors["counter"])
    listing = page.list
    budi = _row(listing, "Budi Santoso", "pocket")
    assert _shown(listing, budi.id)["Status"] == "Dihitung"
    listing.select_rows([budi.id])
    assert listing.pay() is None
    box = wait_for_box(qtbot)
    assert box.text() == "Hak ini belum disetujui supervisor; minta persetujuan dulu."
    assert _visible(listing, PayDialog) == []
    assert _count(staffed.db, "payment") == 0
    box.close()


# --- approving and reversing -------------------------------------------------------------------


def test_a_clerk_approves_a_period_with_a_supervisor_signing_in(qtbot, ctx, staffed, week):
    page = _page(qtbot, ctx, staffed.actors["counter"])
    listing = page.list
    listing.period.setCurrentIndex(listing.period.findData("W1"))
    dialog = listing.approve_period()
    facts = {k: v.text() for k, v in dialog.facts.items()}
    assert facts["Orang"] == "2" and facts["Jumlah hak"] == "4"
    assert facts["Uang transport"] == "Rp450.000" and facts["Uang saku"] == "Rp900.000"
    assert facts["Total"] == "Rp1.350.000"
    assert dialog.needs_supervisor and dialog.username.isVisible()
    # a counter clerk's own account does not count as a supervisor
    qtbot.keyClicks(dialog.username, "loket.budi")
    qtbot.keyClicks(dialog.password, PASSWORD)
    dialog.submit()
    _settle(qtbot)
    assert "bukan supervisor" in dialog.errors.label("username").text()
    assert rows(
        staffed.db.path, "SELECT count(*) FROM entitlement WHERE approved_by IS NOT NULL"
    ) == [(0,)]
    dialog.username.clear()
    dialog.password.clear()
    qtbot.keyClicks(dialog.username, "spv.rina")
    qtbot.keyClicks(dialog.password, PASSWORD)
    dialog.submit()
    _settle(qtbot)
    assert not dialog.isVisible()
    assert rows(staffed.db.path, "SELECT DISTINCT approved_by FROM entitlement") == [("spv.rina",)]
    assert {_shown(listing, r.id)["Status"] for r in listing.model.rows} == {"Disetujui"}


def test_a_period_with_unapproved_days_cannot_be_approved(qtbot, ctx, staffed):
    from app.services.entitlements import compute
    from tests.unit.stipend_support import WEEK1, at, attend, running_cohort

    c = running_cohort(staffed)
    attend(staffed, c, WEEK1[:4])
    at(staffed, date(2026, 12, 11), hour=10)
    compute(staffed.db, staffed.actors["counter"], c.id)
    page = _page(qtbot, ctx, staffed.actors["supervisor"])
    listing = page.list
    listing.period.setCurrentIndex(listing.period.findData("W1"))
    dialog = listing.approve_period()
    assert not dialog.needs_supervisor  # a supervisor signs as themselves
    assert "11/12/2026" in dialog.warning.text() and dialog.warning.isVisible()
    assert not dialog.ok_button.isEnabled()


def test_a_reversal_needs_a_supervisor_and_a_reason(qtbot, ctx, staffed, approved):
    done = _pay(staffed, approved.id, "Budi Santoso", "transport")
    page = _page(qtbot, ctx, staffed.actors["counter"])
    listing = page.list
    budi = _row(listing, "Budi Santoso", "transport")
    listing.select_rows([budi.id])
    assert listing.reverse_button.isEnabled()
    dialog = listing.reverse()
    dialog.submit()  # nobody signed in
    _settle(qtbot)
    assert dialog.errors.label("username").text() == "Ketik nama pengguna supervisor."
    qtbot.keyClicks(dialog.username, "spv.rina")
    qtbot.keyClicks(dialog.password, PASSWORD)
    dialog.submit()  # no reason
    _settle(qtbot)
    assert dialog.errors.label("reason").text().startswith("Tuliskan alasannya")
    assert _count(staffed.db, "payment_reversal") == 0
    qtbot.keyClicks(dialog.reason, "Uang diserahkan kepada orang lain")
    dialog.submit()
    _settle(qtbot)
    assert not dialog.isVisible()
    assert rows(staffed.db.path, "SELECT payment_id, approved_by, cash_returned, reason "
                "FROM payment_reversal") == [
        (done.payment_id, "spv.rina", 250_000, "Uang diserahkan kepada orang lain")
    ]  # fmt: skip
    box = wait_for_box(qtbot)
    assert done.receipt_number in box.text() and "BATAL" in box.text()
    box.close()
    shown = _shown(listing, budi.id)
    assert shown["Status"] == "Disetujui" and shown["Kuitansi"] == ""  # owed again


# --- printing ----------------------------------------------------------------------------------


def test_every_receipt_prints_in_the_background_into_one_pdf(
    qtbot, ctx, staffed, approved, tmp_path
):
    from app.ui.dialogs.receipt_preview import ReceiptPreviewDialog

    for name in ("Budi Santoso", "Siti Aminah"):
        for kind in ("transport", "pocket"):
            _pay(staffed, approved.id, name, kind)
    page = _page(qtbot, ctx, staffed.actors["counter"])
    listing = page.list
    out = tmp_path / "kuitansi.pdf"
    progress = listing.files.print_all_to(listing.cohort_id(), None, out)
    # the call came back at once: the printing runs on a worker thread, the dialog shows
    assert isinstance(progress, QProgressDialog) and progress.isVisible()
    assert tasks.busy() and listing.isEnabled()
    _settle(qtbot)
    assert not progress.isVisible()
    assert listing.files.steps[-1] == (4, 4)  # the progress bar was fed by the printing
    assert len(PdfReader(out).pages) == 4
    text = _pdf_text(out)
    assert all(f"KW/JKT-1/2026/000{n}" in text for n in range(1, 5))
    assert _count(staffed.db, "receipt_print") == 4
    (shown,) = _visible(listing, ReceiptPreviewDialog)  # to send to the printer
    assert shown.document.pageCount() == 4


def test_the_receipt_preview_loads_and_saving_records_a_print(
    qtbot, ctx, staffed, approved, tmp_path
):
    from app.ui.dialogs.receipt_preview import ReceiptPreviewDialog

    done = _pay(staffed, approved.id, "Budi Santoso", "transport")
    dialog = ReceiptPreviewDialog(ctx, staffed.actors["counter"], numbers=[done.receipt_number])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready, timeout=10_000)
    assert dialog.document.pageCount() == 1
    assert _count(staffed.db, "receipt_print") == 0  # a preview records nothing
    first = tmp_path / "asli.pdf"
    dialog.save_to(first)
    _settle(qtbot)
    assert first.exists() and _count(staffed.db, "receipt_print") == 1
    assert done.receipt_number in _pdf_text(first) and "SALINAN" not in _pdf_text(first)
    assert "Disimpan" in dialog.status.text()
    # the preview now shows what the next print is: a copy
    qtbot.waitUntil(lambda: "SALINAN" in _pdf_text(dialog.shown), timeout=10_000)
    second = tmp_path / "salinan.pdf"
    dialog.save_to(second)
    _settle(qtbot)
    assert "SALINAN" in _pdf_text(second) and _count(staffed.db, "receipt_print") == 2


def test_printing_records_the_print_and_paints_the_recorded_pdf(
    qtbot, ctx, staffed, approved, tmp_path
):
    from app.ui.dialogs.receipt_preview import ReceiptPreviewDialog

    done = _pay(staffed, approved.id, "Siti Aminah", "pocket")
    dialog = ReceiptPreviewDialog(ctx, staffed.actors["counter"], numbers=[done.receipt_number])
    qtbot.addWidget(dialog)
    dialog.show()
    _settle(qtbot)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    dialog.print_to(printer)
    _settle(qtbot)
    assert _count(staffed.db, "receipt_print") == 1
    assert len(PdfReader(tmp_path / "printer.pdf").pages) == 1
    assert "1 halaman" in dialog.status.text()


# --- the cash close ----------------------------------------------------------------------------


def test_the_cash_difference_follows_what_the_clerk_types_and_a_supervisor_signs(
    qtbot, ctx, staffed, approved
):
    from app.ui.dialogs.receipt_preview import ReceiptPreviewDialog

    _pay(staffed, approved.id, "Budi Santoso", "transport")  # Rp250.000 cash
    _pay(staffed, approved.id, "Siti Aminah", "transport", "transfer", "BRI-1")
    page = _page(qtbot, ctx, staffed.actors["counter"], tab=2)
    cash = page.cash
    # no close before this one: the clerk types the cash received this morning
    assert cash.opening.text() == "" and cash.expected.text() == "–"
    assert cash.difference.text() == "ketik saldo awal dulu"
    assert cash.paid_out.text() == "-Rp250.000"
    assert cash.lines.rowCount() == 2 and cash.totals.rowCount() == 3
    qtbot.keyClicks(cash.opening, "1.000.000")
    assert cash.expected.text() == "Rp750.000"
    assert cash.difference.text() == "hitung uang di laci lalu ketik jumlahnya"
    qtbot.keyClicks(cash.counted, "750000")
    assert cash.difference.text() == "sesuai"
    cash.counted.clear()
    qtbot.keyClicks(cash.counted, "700.000")
    assert cash.difference.text() == "kurang Rp50.000"
    cash.counted.clear()
    qtbot.keyClicks(cash.counted, "800.000")
    assert cash.difference.text() == "lebih Rp50.000"
    dialog = cash.close_day()
    assert dialog.facts["Selisih"].text() == "lebih Rp50.000"
    qtbot.keyClicks(dialog.username, "spv.rina")
    qtbot.keyClicks(dialog.password, PASSWORD)
    dialog.submit()
    _settle(qtbot)
    assert rows(
        staffed.db.path, "SELECT opening, counted, cash_paid, approved_by FROM cash_close"
    ) == [(1_000_000, 800_000, 250_000, "spv.rina")]
    (report,) = _visible(cash, ReceiptPreviewDialog)
    assert report.document.status() == QPdfDocument.Status.Ready
    assert report.document.pageCount() >= 1
    # a closed day shows its figures, read only
    assert cash.opening.isReadOnly() and cash.counted.isReadOnly()
    assert not cash.close_button.isVisible() and cash.report_button.isVisible()
    assert cash.state.text().startswith("Ditutup oleh loket.budi")


# --- keyboard -----------------------------------------------------------------------------------


def _window(qtbot, ctx, actor) -> Any:
    from app.ui.main_window import MainWindow

    window = MainWindow(ctx, actor, ctx.startup_info(), sync_interval_ms=0)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    return window


def _press(key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    from PySide6.QtTest import QTest

    target = QApplication.focusWidget() or QApplication.activeWindow()
    QTest.keyClick(target, key, modifiers)


def _dialog_up(qtbot, kind: type) -> Any:
    def found() -> list[Any]:
        return [w for w in QApplication.allWidgets() if isinstance(w, kind) and w.isVisible()]

    qtbot.waitUntil(lambda: len(found()) == 1, timeout=10_000)
    dialog = found()[0]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5_000)
    return dialog


def _escape_closes(qtbot, dialog: QDialog) -> None:
    """Escape closes the dialog; the main window is the active one again (offscreen, Qt
    does not give it back on its own)."""
    window = dialog.parentWidget().window()
    _press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)


def test_every_dialog_opens_and_closes_by_keyboard(qtbot, ctx, staffed, approved):
    from app.services.attendance import mark
    from app.services.entitlements import compute
    from app.ui.dialogs.payment_dialogs import ComputeResultDialog, PayDialog, SignedActionDialog
    from app.ui.dialogs.receipt_preview import ReceiptPreviewDialog

    done = _pay(staffed, approved.id, "Budi Santoso", "transport")
    # Budi's Friday corrected to absent after payment: an overpayment to recover
    mark(staffed.db, staffed.actors["counter"], approved.id, date(2026, 12, 11),
         {approved.budi: "A"}, approver=staffed.actors["supervisor"])  # fmt: skip
    compute(staffed.db, staffed.actors["counter"], approved.id)
    window = _window(qtbot, ctx, staffed.actors["counter"])
    position = [s.key for s in window.page_specs].index("payments") + 1
    _press(getattr(Qt.Key, f"Key_{position}"), CTRL)
    page = window.pages.currentWidget()
    assert page is window.page("payments")
    listing = page.list
    qtbot.waitUntil(lambda: bool(listing.model.rows), timeout=5_000)
    listing.focus_table()
    # each action's button says its keys
    for button, keys in (
        (listing.compute_button, "Ctrl+R"),
        (listing.approve_button, "Ctrl+Shift+A"),
        (listing.pay_button, "Ctrl+B"),
        (listing.reprint_button, "Ctrl+P"),
        (listing.reverse_button, "Ctrl+Shift+B"),
        (listing.print_all_button, "Ctrl+Shift+P"),
        (listing.export_button, "Ctrl+Shift+E"),
    ):
        native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        assert button.shortcut() == QKeySequence(keys) and native in button.toolTip()

    _press(Qt.Key.Key_R, CTRL)  # recompute: what changed
    result = _dialog_up(qtbot, ComputeResultDialog)
    assert QApplication.focusWidget() is result.close_button
    _escape_closes(qtbot, result)

    _press(Qt.Key.Key_A, CTRL | SHIFT)  # approve: the supervisor signs in here
    approve = _dialog_up(qtbot, SignedActionDialog)
    assert QApplication.focusWidget() is approve.username
    _escape_closes(qtbot, approve)

    listing.select_rows([_row(listing, "Siti Aminah", "transport").id])
    listing.focus_table()
    _press(Qt.Key.Key_B, CTRL)  # pay, by keyboard to the end: Enter pays
    pay = _dialog_up(qtbot, PayDialog)
    assert QApplication.focusWidget() is pay.method
    _press(Qt.Key.Key_Return)
    preview = _dialog_up(qtbot, ReceiptPreviewDialog)
    assert QApplication.focusWidget() is preview.print_button
    _escape_closes(qtbot, preview)
    assert _count(staffed.db, "payment") == 2

    listing.select_rows([_row(listing, "Budi Santoso", "transport").id])
    listing.focus_table()
    _press(Qt.Key.Key_P, CTRL)  # reprint
    reprint = _dialog_up(qtbot, ReceiptPreviewDialog)
    assert reprint.numbers == [done.receipt_number]
    _escape_closes(qtbot, reprint)
    _press(Qt.Key.Key_B, CTRL | SHIFT)  # reverse
    reverse = _dialog_up(qtbot, SignedActionDialog)
    assert QApplication.focusWidget() is reverse.reason
    _escape_closes(qtbot, reverse)

    page.tabs.setCurrentIndex(1)
    assert page.recoveries.rows and page.recoveries.rows[0].name == "Budi Santoso"
    page.recoveries.table.setFocus()
    _press(Qt.Key.Key_H, CTRL | SHIFT)  # write off
    write_off = _dialog_up(qtbot, SignedActionDialog)
    assert QApplication.focusWidget() is write_off.reason
    _escape_closes(qtbot, write_off)

    page.tabs.setCurrentIndex(2)
    page.cash.counted.setFocus()
    qtbot.keyClicks(page.cash.opening, "0")
    qtbot.keyClicks(page.cash.counted, "0")
    _press(Qt.Key.Key_T, CTRL | SHIFT)  # close the cash
    close = _dialog_up(qtbot, SignedActionDialog)
    assert QApplication.focusWidget() is close.username
    _escape_closes(qtbot, close)
    assert _count(staffed.db, "payment_reversal") == 0 and _count(staffed.db, "cash_close") == 0
    assert message_boxes() == []
