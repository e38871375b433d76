"""The Sertifikat page with real widgets on a real office (issue #12 items 4 and 5): the list
shows each graduate's state after issuing and revoking, a cohort prints into one PDF in the
background while a progress dialog shows, a counter clerk revokes with a supervisor signing
in on the spot (a wrong password refused next to its field), the check of a pasted code says
SAH, TIDAK SAH, TIDAK TERBACA or DICABUT, a QR read from a PNG (encoded here, and a real
certificate page rendered by pdftoppm) says SAH, a photo without a QR says so, every action
is reachable by keyboard, and the participant detail lists the person's certificates.

The cohort: 07-08/12/2026 at counter JKT-1, Budi Santoso and Dewi Lestari lulus, Siti
Aminah tidak lulus, finished on 09/12."""

from __future__ import annotations

import base64
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog

from app.services.auth import login
from app.ui import tasks
from tests.ui.helpers import message_boxes, wait_for_box
from tests.unit.cohort_support import at
from tests.unit.helpers import count, rows

PASSWORD = "sementara1"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
START, END, RESULTS_DAY = date(2026, 12, 7), date(2026, 12, 8), date(2026, 12, 9)


@dataclass
class Office:
    """What tests/unit/cohort_support needs: the database, an actor per role, the clock."""

    db: Any
    actors: dict[str, Any]
    clock: Any
    cohort: str = ""
    people: dict[str, str] | None = None


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
def finished(staffed) -> Office:
    """A finished two-day cohort with two graduates and one who did not pass."""
    from app.services import enrolment
    from app.services.attendance import all_present
    from app.services.cohort_results import finish_cohort, record_result
    from tests.unit.cohort_support import cohort, fit_provider, person

    pid = fit_provider(staffed)
    cid = cohort(staffed, pid, start=START, end=END)
    names = ("Budi Santoso", "Siti Aminah", "Dewi Lestari")
    ids = {name.split()[0]: person(staffed, n, name) for n, name in enumerate(names, start=1)}
    counter = staffed.actors["counter"]
    enrolment.enrol(staffed.db, counter, cid, list(ids.values()))
    for day in (START, END):
        at(staffed, day)
        all_present(staffed.db, counter, cid, day)
    at(staffed, RESULTS_DAY)
    record_result(staffed.db, counter, cid, ids["Budi"], 85, "lulus")
    record_result(staffed.db, counter, cid, ids["Siti"], 40, "tidak_lulus",
                  reason="tidak hadir ujian praktik")  # fmt: skip
    record_result(staffed.db, counter, cid, ids["Dewi"], 90, "lulus")
    finish_cohort(staffed.db, staffed.actors["supervisor"], cid)
    staffed.cohort, staffed.people = cid, ids
    return staffed


def _settle(qtbot) -> None:
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=30_000)
    QApplication.processEvents()


def _page(qtbot, ctx, actor) -> Any:
    from app.ui.pages.certificates import CertificatesPage

    page = CertificatesPage(ctx, actor)
    qtbot.addWidget(page)
    page.resize(1300, 680)
    page.show()
    page.show_tab(0)
    return page


def _shown(listing) -> dict[str, dict[str, str]]:
    """Each row's cells by header, keyed by the person's first name."""
    headers = listing.model.headers()
    return {
        r.name.split()[0]: {h: listing.model.index(n, c).data() for c, h in enumerate(headers)}
        for n, r in enumerate(listing.model.rows)
    }


def _enrollment(office: Office, first: str) -> str:
    from app.domain.ids import stable_id

    assert office.people is not None
    return stable_id("enrollment", office.cohort, office.people[first])


def _issue(office: Office, *first: str) -> list[str]:
    from app.services.certificates import issue

    ids = [_enrollment(office, f) for f in first] if first else None
    return issue(office.db, office.actors["counter"], office.cohort, ids)


def _revoke(office: Office, number: str, reason: str = "Nama peserta salah ketik") -> None:
    from app.services.certificates import revoke

    revoke(office.db, office.actors["counter"], office.actors["supervisor"], number, reason)


def _token(office: Office, number: str) -> str:
    ((token,),) = rows(office.db.path, "SELECT token FROM certificate WHERE number = ?", number)
    return str(token)


def _visible(parent, kind: type) -> list[Any]:
    return [w for w in parent.findChildren(kind) if w.isVisible()]


# --- the list ------------------------------------------------------------------------------------


def test_the_list_shows_each_state_with_its_number_prints_and_reason(qtbot, ctx, finished):
    (budi,) = _issue(finished, "Budi")
    page = _page(qtbot, ctx, finished.actors["counter"])
    listing = page.list
    assert listing.cohort_id() == finished.cohort
    shown = _shown(listing)
    assert set(shown) == {"Budi", "Dewi"}  # the graduates only
    assert shown["Budi"]["Status"] == "Terbit" and shown["Budi"]["Nomor sertifikat"] == budi
    assert shown["Budi"]["Terbit"] == "09/12/2026" and shown["Budi"]["Cetakan"] == "0"
    assert shown["Dewi"]["Status"] == "Belum terbit" and shown["Dewi"]["Nomor sertifikat"] == "–"
    assert listing.counts.text() == "2 lulusan · Belum terbit: 1 · Terbit: 1 · Dicabut: 0"
    assert not listing.notice.isVisible() and listing.print_button.isEnabled()
    at(finished, date(2026, 12, 10))
    _revoke(finished, budi)
    _settle(qtbot)  # the service's change reaches the page as a change of another window's
    page.on_data_changed(frozenset({"certificate_revocation"}))
    shown = _shown(listing)
    assert shown["Budi"]["Status"] == "Dicabut 10/12/2026"
    assert shown["Budi"]["Keterangan"] == "Nama peserta salah ketik"
    assert listing.counts.text().endswith("Dicabut: 1")
    listing.select_rows([_enrollment(finished, "Budi")])
    assert not listing.preview_button.isEnabled() and not listing.revoke_button.isEnabled()


def test_a_second_live_certificate_for_the_same_training_is_marked_in_red(qtbot):
    from app.services.certificates import CertificateRow
    from app.ui.pages.certificates_table import REMARK, STATE, WARNING, CertificateModel

    model = CertificateModel()
    twice = CertificateRow("e1", "p1", "Budi Santoso", "3171********0001", "c1",
                           "SERT/JKT-1/2026/0001", "terbit", date(2026, 12, 9), 1, None, None,
                           others=1)  # fmt: skip
    model.set_rows([twice])
    remark = model.index(0, REMARK)
    assert remark.data() == "⚠ 1 sertifikat lain yang masih berlaku untuk pelatihan ini"
    assert remark.data(Qt.ItemDataRole.ForegroundRole).color() == WARNING
    assert "cabut sertifikat yang tidak diterima" in remark.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, STATE).data() == "Terbit"


def test_a_cohort_not_finished_is_listed_but_not_printable_with_the_reason(qtbot, ctx, staffed):
    from tests.unit.stipend_support import running_cohort

    c = running_cohort(staffed)
    page = _page(qtbot, ctx, staffed.actors["counter"])
    listing = page.list
    assert listing.cohort_id() == c.id
    assert listing.notice.isVisible() and "belum selesai" in listing.notice.text()
    assert listing.empty.isVisible() and "belum memiliki lulusan" in listing.empty.text()
    assert not listing.print_button.isEnabled() and listing.print_certificates() is None


# --- printing -------------------------------------------------------------------------------------


def test_a_cohort_prints_into_one_file_in_the_background(qtbot, ctx, finished, tmp_path):
    from app.ui.dialogs.certificate_preview import CertificatePreviewDialog

    page = _page(qtbot, ctx, finished.actors["counter"])
    listing = page.list
    out = tmp_path / "sertifikat.pdf"
    progress = listing.files.print_to(listing.cohort_id(), out, one_file=True)
    # the call came back at once: the printing runs on a worker thread, the dialog shows
    assert isinstance(progress, QProgressDialog) and progress.isVisible()
    assert tasks.busy() and listing.isEnabled()
    _settle(qtbot)
    assert not progress.isVisible()
    assert listing.files.steps[-1] == (2, 2)  # the progress bar was fed by the printing
    assert out.exists() and len(PdfReader(out).pages) == 2
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Budi Santoso" in text and "Dewi Lestari" in text
    shown = _shown(listing)
    assert {s["Status"] for s in shown.values()} == {"Terbit"}
    assert {s["Cetakan"] for s in shown.values()} == {"1"}
    assert count(finished.db.path, "certificate_print") == 2
    (preview,) = _visible(listing, CertificatePreviewDialog)  # to send to the printer
    qtbot.waitUntil(lambda: preview.document.pageCount() == 2, timeout=10_000)


def test_one_pdf_per_person_into_a_folder(qtbot, ctx, finished, tmp_path):
    page = _page(qtbot, ctx, finished.actors["counter"])
    listing = page.list
    listing.select_rows([_enrollment(finished, "Dewi")])
    listing.files.print_to(
        listing.cohort_id(), tmp_path / "map", one_file=False,
        enrollment_ids=[r.enrollment_id for r in listing.selected_rows()],
    )  # fmt: skip
    _settle(qtbot)
    assert [p.name for p in (tmp_path / "map").iterdir()] == ["SERT-JKT-1-2026-0001.pdf"]
    box = wait_for_box(qtbot)
    assert "1 baru diterbitkan" in box.text() and str(tmp_path / "map") in box.text()
    box.close()
    assert _shown(listing)["Budi"]["Status"] == "Belum terbit"


def test_the_preview_records_nothing_and_a_reprint_says_salinan(qtbot, ctx, finished, tmp_path):
    (budi,) = _issue(finished, "Budi")
    page = _page(qtbot, ctx, finished.actors["counter"])
    listing = page.list
    listing.select_rows([_enrollment(finished, "Budi")])
    assert listing.preview_button.isEnabled() and not listing.reprint_button.isEnabled()
    dialog = listing.preview()
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready, timeout=10_000)
    assert dialog.caption.text() == budi and "dicetak atau disimpan" in dialog.hint.text()
    assert count(finished.db.path, "certificate_print") == 0
    dialog.save_to(tmp_path / "asli.pdf")
    _settle(qtbot)
    assert count(finished.db.path, "certificate_print") == 1
    assert "SALINAN" not in PdfReader(tmp_path / "asli.pdf").pages[0].extract_text()
    dialog.reject()
    _settle(qtbot)
    assert _shown(listing)["Budi"]["Cetakan"] == "1"
    listing.select_rows([_enrollment(finished, "Budi")])
    again = listing.reprint()
    assert again is not None and again.windowTitle() == "Cetak ulang (SALINAN)"
    qtbot.waitUntil(lambda: again.shown is not None, timeout=10_000)
    assert "SALINAN" in PdfReader(again.shown).pages[0].extract_text()


# --- revoking -------------------------------------------------------------------------------------


def test_a_clerk_revokes_with_a_supervisor_signing_in_on_the_spot(qtbot, ctx, finished):
    (budi,) = _issue(finished, "Budi")
    page = _page(qtbot, ctx, finished.actors["counter"])
    listing = page.list
    listing.select_rows([_enrollment(finished, "Budi")])
    dialog = listing.revoke()
    assert dialog.needs_supervisor and dialog.facts["Nomor"].text() == budi
    qtbot.keyClicks(dialog.reason, "Nama peserta salah ketik")
    qtbot.keyClicks(dialog.username, "spv.rina")
    qtbot.keyClicks(dialog.password, "salah-sandi")
    dialog.submit()
    _settle(qtbot)
    assert dialog.isVisible() and dialog.errors.label("password").isVisible()
    assert "kata sandi" in dialog.errors.label("password").text().lower()
    assert count(finished.db.path, "certificate_revocation") == 0
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, PASSWORD)
    dialog.submit()
    _settle(qtbot)
    assert not dialog.isVisible()
    assert rows(finished.db.path, "SELECT number, reason, approved_by, requested_by "
                "FROM certificate_revocation") == [
        (budi, "Nama peserta salah ketik", "spv.rina", "loket.budi")
    ]  # fmt: skip
    box = wait_for_box(qtbot)
    assert budi in box.text() and "dicabut" in box.text()
    box.close()
    assert _shown(listing)["Budi"]["Status"] == "Dicabut 09/12/2026"


def test_a_too_short_reason_is_refused_next_to_its_field(qtbot, ctx, finished):
    _issue(finished, "Budi")
    page = _page(qtbot, ctx, finished.actors["supervisor"])
    listing = page.list
    listing.select_rows([_enrollment(finished, "Budi")])
    dialog = listing.revoke()
    assert not dialog.needs_supervisor  # a supervisor signs as themselves
    qtbot.keyClicks(dialog.reason, "oke")
    dialog.submit()
    _settle(qtbot)
    assert dialog.errors.label("reason").text().startswith("Tulis alasan pencabutan")
    assert count(finished.db.path, "certificate_revocation") == 0


# --- checking authenticity ---------------------------------------------------------------------


def _check(qtbot, panel, text: str) -> str:
    panel.code.setText(text)
    panel.check()
    _settle(qtbot)
    return panel.verdict_label.text()


def test_a_pasted_code_is_sah_a_changed_one_tidak_sah_and_garbage_tidak_terbaca(
    qtbot, ctx, finished
):
    (budi,) = _issue(finished, "Budi")
    token = _token(finished, budi)
    page = _page(qtbot, ctx, finished.actors["counter"])
    panel = page.show_tab(1)
    assert _check(qtbot, panel, token) == "SAH"
    assert panel.details["name"].text() == "Budi Santoso"
    assert panel.details["number"].text() == budi
    assert panel.details["dates"].text() == "07/12/2026 – 08/12/2026"
    assert panel.details["result"].text() == "LULUS"
    assert panel.details["office"].text() == "DKI Jakarta (JKT)"
    assert panel.details_box.isVisible() and "cocok" in panel.reason.text()
    # a URL of the server's page with the token in it reads the same
    assert _check(qtbot, panel, f"https://loket.example.id/sertifikat/{token}") == "SAH"
    # a forgery: the name changed, the signature kept
    body, signature = token.split(".")
    claims = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    forged = claims.replace(b"Budi Santoso", b"Budi Santosa")
    changed = base64.urlsafe_b64encode(forged).rstrip(b"=").decode()
    assert _check(qtbot, panel, f"{changed}.{signature}") == "TIDAK SAH"
    assert not panel.details_box.isVisible()  # nothing a forger wrote is shown
    assert _check(qtbot, panel, "bukan kode apa pun") == "TIDAK TERBACA"
    assert "bukan kode sertifikat" in panel.reason.text()
    panel.code.clear()
    panel.check()
    assert panel.error.isVisible() and not panel.band.isVisible()
    at(finished, date(2026, 12, 10))
    _revoke(finished, budi)
    assert _check(qtbot, panel, token) == "DICABUT · 10/12/2026"
    assert "10/12/2026" in panel.reason.text() and panel.details_box.isVisible()


def _qr_png(text: str, path: Path) -> Path:
    import zxingcpp

    image = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode).to_image(scale=4)
    pixels = memoryview(image)  # type: ignore[arg-type]
    height, width = pixels.shape  # type: ignore[misc]
    qimage = QImage(bytes(pixels), width, height, width, QImage.Format.Format_Grayscale8)
    # a photo: the code somewhere on a larger light page
    page = QImage(width * 3, height * 2, QImage.Format.Format_RGB32)
    page.fill(QColor("#f5f1e6"))
    from PySide6.QtGui import QPainter

    painter = QPainter(page)
    painter.drawImage(width, height // 2, qimage)
    painter.end()
    assert page.save(str(path))
    return path


def test_a_qr_read_from_a_png_is_checked_and_a_photo_without_one_says_so(
    qtbot, ctx, finished, tmp_path
):
    (budi,) = _issue(finished, "Budi")
    page = _page(qtbot, ctx, finished.actors["counter"])
    panel = page.show_tab(1)
    panel.read_photo(_qr_png(_token(finished, budi), tmp_path / "foto.png"))
    _settle(qtbot)
    assert panel.verdict_label.text() == "SAH" and panel.details["number"].text() == budi
    assert panel.read_from.text() == "Dibaca dari kode QR pada foto.png."
    blank = QImage(400, 300, QImage.Format.Format_RGB32)
    blank.fill(QColor("white"))
    blank.save(str(tmp_path / "kosong.jpg"))
    panel.read_photo(tmp_path / "kosong.jpg")
    _settle(qtbot)
    assert panel.error.isVisible() and not panel.band.isVisible()
    assert panel.error.text().startswith("Tidak ada kode QR yang terbaca pada kosong.jpg.")
    (tmp_path / "bukan.png").write_text("bukan gambar", encoding="utf-8")
    panel.read_photo(tmp_path / "bukan.png")
    _settle(qtbot)
    assert "tidak dapat dibuka sebagai gambar" in panel.error.text()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_the_qr_of_a_printed_certificate_page_rendered_to_png_is_sah(
    qtbot, ctx, finished, tmp_path
):
    from app.services.certificate_documents import print_certificate

    (dewi,) = _issue(finished, "Dewi")
    pdf = print_certificate(finished.db, finished.actors["counter"], dewi,
                            tmp_path / "dewi.pdf").paths[0]  # fmt: skip
    subprocess.run(["pdftoppm", "-png", "-r", "110", "-singlefile", str(pdf),
                    str(tmp_path / "scan")], check=True)  # fmt: skip
    page = _page(qtbot, ctx, finished.actors["counter"])
    panel = page.show_tab(1)
    panel.read_photo(tmp_path / "scan.png")
    _settle(qtbot)
    assert panel.verdict_label.text() == "SAH"
    assert panel.details["name"].text() == "Dewi Lestari"
    # the same page drawn by QtPdf: a transparent background, laid on white before reading
    document = QPdfDocument()
    document.load(str(pdf))
    points = document.pagePointSize(0)
    image = document.render(0, QSize(round(points.width() * 2), round(points.height() * 2)))
    assert image.hasAlphaChannel()
    image.save(str(tmp_path / "qtpdf.png"))
    document.close()
    panel.read_photo(tmp_path / "qtpdf.png")
    _settle(qtbot)
    assert panel.verdict_label.text() == "SAH" and panel.read_from.text().endswith("qtpdf.png.")


# --- keyboard -------------------------------------------------------------------------------------


def _window(qtbot, ctx, actor) -> Any:
    from app.ui.main_window import MainWindow

    window = MainWindow(ctx, actor, ctx.startup_info(), sync_interval_ms=0)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    return window


def _press(key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
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
    window = dialog.parentWidget().window()
    _press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)


def test_every_action_is_reachable_by_keyboard(qtbot, ctx, finished):
    from app.services.certificate_documents import print_certificates
    from app.ui.dialogs.certificate_preview import CertificatePreviewDialog
    from app.ui.dialogs.certificate_print import CertificatePrintDialog
    from app.ui.dialogs.payment_dialogs import SignedActionDialog

    print_certificates(finished.db, finished.actors["counter"], finished.cohort,
                       Path(ctx.db.path).parent / "batch.pdf", one_file=True)  # fmt: skip
    (budi,) = [str(n) for (n,) in rows(finished.db.path, "SELECT number FROM certificate "
                                       "ORDER BY number LIMIT 1")]  # fmt: skip
    window = _window(qtbot, ctx, finished.actors["counter"])
    position = [s.key for s in window.page_specs].index("certificates") + 1
    assert position == [s.key for s in window.page_specs].index("payments") + 2
    _press(getattr(Qt.Key, f"Key_{position}"), CTRL)
    page = window.pages.currentWidget()
    assert page is window.page("certificates")
    listing = page.list
    qtbot.waitUntil(lambda: bool(listing.model.rows), timeout=5_000)
    listing.focus_table()
    for button, keys in (
        (listing.preview_button, "Ctrl+O"),
        (listing.print_button, "Ctrl+P"),
        (listing.reprint_button, "Ctrl+Shift+P"),
        (listing.revoke_button, "Ctrl+Shift+C"),
        (page.verify.photo_button, "Ctrl+Shift+O"),
    ):
        native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        assert button.shortcut() == QKeySequence(keys) and native in button.toolTip()

    listing.select_rows([_enrollment(finished, "Budi")])
    _press(Qt.Key.Key_P, CTRL)  # print: whose and how, the first choice has the cursor
    options = _dialog_up(qtbot, CertificatePrintDialog)
    assert QApplication.focusWidget() is options.who
    _escape_closes(qtbot, options)

    listing.focus_table()
    _press(Qt.Key.Key_O, CTRL)  # preview
    preview = _dialog_up(qtbot, CertificatePreviewDialog)
    assert QApplication.focusWidget() is preview.print_button
    _escape_closes(qtbot, preview)

    listing.focus_table()
    _press(Qt.Key.Key_Return)  # Enter on an issued row previews it too
    preview = _dialog_up(qtbot, CertificatePreviewDialog)
    _escape_closes(qtbot, preview)

    listing.focus_table()
    _press(Qt.Key.Key_P, CTRL | SHIFT)  # reprint
    reprint = _dialog_up(qtbot, CertificatePreviewDialog)
    assert reprint.numbers == [budi]
    _escape_closes(qtbot, reprint)

    listing.focus_table()
    _press(Qt.Key.Key_C, CTRL | SHIFT)  # revoke: the reason first, then the supervisor
    revoke = _dialog_up(qtbot, SignedActionDialog)
    assert QApplication.focusWidget() is revoke.reason
    _escape_closes(qtbot, revoke)

    _press(Qt.Key.Key_K, CTRL)  # the check, with the cursor in its field
    assert page.tabs.currentWidget() is page.verify
    assert QApplication.focusWidget() is page.verify.code
    QTest.keyClicks(page.verify.code, _token(finished, budi))
    _press(Qt.Key.Key_Return)
    _settle(qtbot)
    assert page.verify.verdict_label.text() == "SAH"
    _press(Qt.Key.Key_J, CTRL)  # back to the list, on its table
    assert page.tabs.currentWidget() is listing
    assert QApplication.focusWidget() is listing.table
    assert count(finished.db.path, "certificate_revocation") == 0
    assert message_boxes() == []


# --- the participant detail -----------------------------------------------------------------------


def test_the_participant_detail_lists_the_persons_certificates(qtbot, ctx, finished):
    from app.ui.dialogs.certificate_preview import CertificatePreviewDialog
    from tests.ui.participant_helpers import participants_page, settle

    first = _issue(finished, "Budi")
    at(finished, date(2026, 12, 10))
    _revoke(finished, first[0])
    second = _issue(finished, "Budi")
    assert finished.people is not None
    page = participants_page(qtbot, ctx, finished.actors["counter"])
    detail = page.open_detail(finished.people["Budi"])
    settle(qtbot)
    tab = detail.certificates
    assert detail.tabs.tabText(detail.tabs.indexOf(tab)) == "Sertifikat (2)"
    cells = [[tab.table.item(r, c).text() for c in range(6)] for r in range(2)]
    assert [c[0] for c in cells] == [second[0], first[0]]  # newest first
    assert cells[0][4] == "Terbit" and cells[1][4] == "Dicabut 10/12/2026"
    assert cells[0][2] == "Juru Las (SMAW)" and cells[0][5] == "0"
    tab.table.selectRow(1)
    assert not tab.preview_button.isEnabled()  # a revoked one is not shown again
    tab.table.selectRow(0)
    assert tab.preview_button.isEnabled()
    dialog = tab.preview()
    assert isinstance(dialog, CertificatePreviewDialog) and dialog.numbers == [second[0]]
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready, timeout=10_000)
