"""The Pemantauan page with real widgets on a real office (issue #13): the call list shows who
is due with a WhatsApp link that opens the chat, the outcome form records a call (the row
leaves the list, the person's status follows) or shows a refused value next to its field
and writes nothing, vacancies are added, closed and imported, match results list people and
vacancies with why they fit and refer them, the vacancy sheet is written, supply and demand
shows the service's figures as a table and a chart, and the rates tab counts each call.

The office: a welding (LAS) cohort of 7-8/12/2026 at counter JKT-1, finished on the 9th —
Budi Santoso (on WhatsApp) and Siti Aminah passed, Agus Salim failed, Dewi Sartika
withdrew. Their first call is due on 8/1/2027; the clock stands on Wednesday 6/1/2027."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.services.auth import login
from app.ui import tasks
from tests.ui.helpers import message_boxes, wait_for_box, wait_for_dialog
from tests.unit.cohort_support import at
from tests.unit.helpers import count, rows

PASSWORD = "sementara1"
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
TODAY = date(2027, 1, 6)  # the week of the first call (Friday 8 January)
LAS = "Juru Las (SMAW)"
FUTURE = "Tanggal tidak boleh setelah hari ini."


@dataclass
class Office:
    db: Any
    actors: dict[str, Any]
    clock: Any
    people: dict[str, str] = field(default_factory=dict)


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
    from app.services.attendance import all_present
    from app.services.cohort_results import finish_cohort, record_result
    from app.services.enrolment import enrol, withdraw
    from tests.unit.cohort_support import cohort, fit_provider, person

    admin = staffed.actors["admin"]
    cid = cohort(staffed, fit_provider(staffed), start=date(2026, 12, 7), end=date(2026, 12, 8))
    names = ("Budi Santoso", "Siti Aminah", "Agus Salim", "Dewi Sartika")
    people = {
        name: person(staffed, n, name, **({"whatsapp": "Y"} if n == 1 else {}))
        for n, name in enumerate(names, 1)
    }
    enrol(staffed.db, admin, cid, list(people.values()))
    for day in (date(2026, 12, 7), date(2026, 12, 8)):
        at(staffed, day)
        all_present(staffed.db, admin, cid, day)
    withdraw(staffed.db, admin, cid, people["Dewi Sartika"], "pindah ke luar kota")
    at(staffed, date(2026, 12, 9))
    for name, result in (("Budi Santoso", "lulus"), ("Siti Aminah", "lulus"),
                         ("Agus Salim", "tidak_lulus")):  # fmt: skip
        record_result(staffed.db, admin, cid, people[name], 80 if result == "lulus" else 10,
                      result, reason="uji")  # fmt: skip
    finish_cohort(staffed.db, admin, cid)
    at(staffed, TODAY)
    staffed.people = people
    return staffed


VACANCY = {
    "employer": "PT Baja Utama",
    "position": "Juru las konstruksi",
    "region_code": "31.71",
    "modules": "LAS",
    "openings": 3,
    "wage_min": 4_800_000,
    "wage_max": 5_600_000,
    "closes_on": "31/01/2027",
    "contact": "HRD 021-555-0101",
}


def _vacancy(office: Office, **changes: Any) -> str:
    from app.services.vacancies import add_vacancy

    return add_vacancy(office.db, office.actors["counter"], {**VACANCY, **changes}).id


def _settle(qtbot) -> None:
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=30_000)
    QApplication.processEvents()


def _page(qtbot, ctx, actor) -> Any:
    from app.ui.pages.followups import FollowupsPage

    page = FollowupsPage(ctx, actor)
    qtbot.addWidget(page)
    page.resize(1136, 660)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=5_000)
    page.show_tab(0)
    return page


def _cells(view: Any) -> list[dict[str, str]]:
    """What the table shows, row by row (in its sorted order), by header."""
    model = view.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return [
        {h: model.index(r, c).data() for c, h in enumerate(headers)}
        for r in range(model.rowCount())
    ]


def _select(view: Any, want: Any) -> Any:
    from app.ui.pages.followup_table import select_where

    assert select_where(view.table, view.model, want)
    return view.selected()


def _active(qtbot, dialog: Any) -> Any:
    """Wait until `dialog` is the active window (its shortcuts work only then)."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5_000)
    return dialog


def _shortcut(qtbot, widget: Any, key: Qt.Key) -> None:
    """Ctrl+`key` on `widget`; a button's shortcut clicks it a moment later (animateClick)."""
    QTest.keyClick(widget, key, CTRL)
    qtbot.wait(250)
    _settle(qtbot)


def _visible_rows(dialog: Any) -> set[str]:
    return {key for key, box in dialog.rows.items() if dialog.form.isRowVisible(box)}


# --- the call list ----------------------------------------------------------------------------


def test_the_call_list_shows_who_is_due_with_a_whatsapp_link_that_opens_the_chat(
    qtbot, ctx, finished, monkeypatch
):
    from app.ui.pages import followup_calls
    from app.ui.pages.followup_table import OVERDUE

    opened: list[str] = []
    monkeypatch.setattr(followup_calls, "open_link", lambda url: opened.append(url) or True)
    calls = _page(qtbot, ctx, finished.actors["counter"]).calls
    shown = {r["Nama"]: r for r in _cells(calls)}
    assert set(shown) == {"Budi Santoso", "Siti Aminah", "Dewi Sartika (mundur)"}  # not Agus
    budi = shown["Budi Santoso"]
    assert (budi["Jatuh tempo"], budi["Keadaan"], budi["Panggilan"]) == (
        "08/01/2027", "Minggu ini", "bulan ke-1",
    )  # fmt: skip
    assert budi["NIK"].count("*") == 8 and budi["Telepon"] == "0812-3456-0001"
    assert budi["WhatsApp"] == "Buka chat" and shown["Siti Aminah"]["WhatsApp"] == "–"
    assert calls.counts.text() == "3 panggilan: 0 terlambat, 3 minggu ini"
    assert calls.until.date().toString("dd/MM/yyyy") == "10/01/2027"  # Sunday of this week

    # a click on the link opens the chat; Siti has none to open
    _select(calls, lambda r: r.name == "Budi Santoso")
    proxy = calls.table.model()
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 2).data() == "Budi Santoso")
    cell = calls.table.visualRect(proxy.index(row, followup_calls.WHATSAPP)).center()
    qtbot.mouseClick(calls.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert opened == ["https://wa.me/6281234560001"]
    _select(calls, lambda r: r.name == "Siti Aminah")
    assert not calls.whatsapp_button.isEnabled() and not calls.open_whatsapp()

    # two weeks on, nobody called: overdue, in red, and sorted by name on a header click
    at(finished, date(2027, 1, 20))
    calls.refresh()
    assert {r["Keadaan"] for r in _cells(calls)} == {"Terlambat"}
    assert proxy.index(0, 1).data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE
    header = calls.table.horizontalHeader()
    middle = QPoint(header.sectionViewportPosition(2) + 20, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    names = [r["Nama"] for r in _cells(calls)]
    assert names in (sorted(names), sorted(names, reverse=True)) and names != [
        r.name for r in calls.model.rows
    ]


def test_recording_an_outcome_through_the_form_writes_it_and_the_row_leaves_the_list(
    qtbot, ctx, finished
):
    from app.domain.followups import Outcome
    from app.ui.dialogs.followup_outcome import OutcomeDialog

    page = _page(qtbot, ctx, finished.actors["counter"])
    calls = page.calls
    _select(calls, lambda r: r.name == "Budi Santoso")
    calls.table.setFocus()
    QTest.keyClick(calls.table, Qt.Key.Key_Return)  # Enter opens the form
    dialog = wait_for_dialog(qtbot, OutcomeDialog)
    assert "Budi Santoso" in dialog.intro.text() and "bulan ke-1" in dialog.intro.text()
    dialog.choose(Outcome.WORKING)
    assert _visible_rows(dialog) == {"employer", "npp", "position", "started_on", "wage",
                                     "formal"}  # fmt: skip
    qtbot.keyClicks(dialog.employer, "PT Baja Utama")
    qtbot.keyClicks(dialog.position, "Juru las")
    qtbot.keyClicks(dialog.started_on, "04/01/2027")
    qtbot.keyClicks(dialog.wage, "5.100.000")
    dialog.formal.setCurrentIndex(dialog.formal.findData(True))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    _settle(qtbot)
    pid = finished.people["Budi Santoso"]
    assert rows(finished.db.path, "SELECT outcome, employer, wage, formal, started_on, milestone "
                "FROM follow_up WHERE participant_id=?", pid) == [
        ("working", "PT Baja Utama", 5_100_000, 1, "2027-01-04", 1)
    ]  # fmt: skip
    assert rows(finished.db.path, "SELECT status FROM participant WHERE id=?", pid) == [
        ("employed",)
    ]
    assert [r["Nama"] for r in _cells(calls)] == ["Dewi Sartika (mundur)", "Siti Aminah"]
    assert calls.counts.text() == "2 panggilan: 0 terlambat, 2 minggu ini"


def test_unreachable_asks_only_how_many_calls_went_unanswered(qtbot, ctx, finished):
    from app.domain.followups import Outcome

    calls = _page(qtbot, ctx, finished.actors["counter"]).calls
    _select(calls, lambda r: r.name == "Siti Aminah")
    dialog = calls.record()
    dialog.choose(Outcome.SELF_EMPLOYED)
    assert _visible_rows(dialog) == {"business_type", "started_on"}
    dialog.choose(Outcome.UNREACHABLE)
    assert _visible_rows(dialog) == {"attempts"}
    dialog.attempts.setValue(3)
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    _settle(qtbot)
    assert rows(finished.db.path, "SELECT outcome, attempts, employer FROM follow_up") == [
        ("unreachable", 3, None)
    ]


@pytest.mark.parametrize(
    ("fill", "field", "message"),
    [
        # the service's refusals
        ({}, "employer", "Wajib diisi untuk hasil ini."),
        ({"employer": "PT A", "started_on": "07/01/2027"}, "started_on", FUTURE),
        # what the form cannot read
        ({"employer": "PT A", "wage": "lima juta"}, "wage", "Jumlah rupiah tidak valid: lima juta"),
        ({"employer": "PT A", "started_on": "31/02/2027"}, "started_on", "Tanggal tidak valid"),
    ],
)
def test_a_refused_value_shows_next_to_its_field_and_nothing_is_written(
    qtbot, ctx, finished, fill, field, message
):
    from app.domain.followups import Outcome

    calls = _page(qtbot, ctx, finished.actors["counter"]).calls
    _select(calls, lambda r: r.name == "Budi Santoso")
    dialog = calls.record()
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    dialog.choose(Outcome.WORKING)
    for key, text in fill.items():
        qtbot.keyClicks(dialog.inputs[key], text)
    before = count(finished.db.path, "audit_event")
    dialog.submit()
    _settle(qtbot)
    error = dialog.errors.label(field)
    assert dialog.isVisible() and error.isVisible() and error.text().startswith(message)
    assert [k for k in dialog.rows if dialog.errors.label(k).isVisible()] == [field]
    assert QApplication.focusWidget() is dialog.inputs[field]  # the cursor goes there
    assert count(finished.db.path, "follow_up") == 0
    assert count(finished.db.path, "audit_event") == before
    assert len(_cells(calls)) == 3


# --- vacancies ----------------------------------------------------------------------------------


def test_a_vacancy_is_added_through_the_form_and_closed_with_a_question(qtbot, ctx, finished):
    from app.ui.dialogs.vacancy_dialog import VacancyDialog

    page = _page(qtbot, ctx, finished.actors["counter"])
    listing = page.show_tab(1)
    assert listing.empty.isVisible() and listing.model.rowCount() == 0
    assert listing.import_button.isHidden()  # a counter clerk does not import
    _shortcut(qtbot, listing, Qt.Key.Key_T)
    dialog = wait_for_dialog(qtbot, VacancyDialog)
    for key, text in (("employer", "PT Baja Utama"), ("position", "Juru las konstruksi"),
                      ("region_code", "31.71"), ("wage_min", "4.800.000"),
                      ("closes_on", "31/01/2027")):  # fmt: skip
        qtbot.keyClicks(dialog.inputs[key], text)
    assert dialog.region_hint.text() == (
        "Kota Administrasi Jakarta Pusat, Daerah Khusus Ibukota Jakarta"
    )
    dialog.check_modules(["LAS"])
    dialog.submit()  # no contact yet: refused under it, nothing written
    _settle(qtbot)
    assert dialog.errors.label("contact").isVisible() and count(finished.db.path, "vacancy") == 0
    qtbot.keyClicks(dialog.inputs["contact"], "HRD 021-555-0101")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    _settle(qtbot)
    (shown,) = _cells(listing)
    assert shown["Pemberi kerja"] == "PT Baja Utama" and shown["Wilayah"] == "Jakarta Pusat"
    assert shown["Modul dicari"] == LAS and shown["Upah"] == "≥ Rp4,8 jt"
    assert shown["Batas lamaran"] == "31/01/2027" and shown["Dirujuk / diterima"] == "0 / 0"
    assert "kontak HRD 021-555-0101" in listing.detail.text()

    box = listing.close_vacancy()
    assert "PT Baja Utama" in box.text()
    yes = QMessageBox.ButtonRole.AcceptRole
    next(b for b in box.buttons() if box.buttonRole(b) == yes).click()
    _settle(qtbot)
    qtbot.waitUntil(lambda: listing.model.rowCount() == 0, timeout=10_000)
    assert rows(finished.db.path, "SELECT closed_by FROM vacancy") == [("loket.budi",)]
    for found in message_boxes():
        found.close()
    listing.show_closed.setChecked(True)
    (closed,) = _cells(listing)
    assert closed["Batas lamaran"] == "ditutup" and not listing.close_button.isEnabled()


def test_a_vacancy_is_corrected_in_the_same_form_filled_in(qtbot, ctx, finished):
    """Ctrl+U opens the selected vacancy's form with what is stored; a refused change
    writes nothing, a good one changes the row (and the list) and is audited."""
    from app.ui.dialogs.vacancy_dialog import VacancyDialog

    vid = _vacancy(finished)
    listing = _page(qtbot, ctx, finished.actors["counter"]).show_tab(1)
    listing.table.selectRow(0)
    _shortcut(qtbot, listing, Qt.Key.Key_U)
    dialog = wait_for_dialog(qtbot, VacancyDialog)
    assert dialog.windowTitle() == "Ubah lowongan"
    assert (dialog.inputs["employer"].text(), dialog.inputs["wage_min"].text(),
            dialog.inputs["closes_on"].text(), dialog.inputs["openings"].value()) == (
        "PT Baja Utama", "4.800.000", "31/01/2027", 3)  # fmt: skip
    assert dialog.values()["modules"] == ["LAS"]
    before = rows(finished.db.path, "SELECT * FROM vacancy")
    dialog.inputs["wage_max"].setText("4.000.000")  # below the minimum: refused
    dialog.submit()
    _settle(qtbot)
    assert dialog.errors.label("wage_max").isVisible()
    assert rows(finished.db.path, "SELECT * FROM vacancy") == before
    dialog.inputs["wage_max"].setText("6.000.000")
    dialog.inputs["openings"].setValue(5)
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    _settle(qtbot)
    assert rows(finished.db.path, "SELECT id, openings, wage_max, version FROM vacancy") == [
        (vid, 5, 6_000_000, 2)
    ]
    (shown,) = _cells(listing)
    assert shown["Jumlah"] == "5" and shown["Upah"] == "Rp4,8–6 jt"
    assert rows(
        finished.db.path, "SELECT detail FROM audit_event WHERE action='vacancy.update'"
    ) == [('{"fields": ["openings", "wage_max"]}',)]


def test_a_supervisor_imports_vacancies_checked_first(qtbot, ctx, finished, tmp_path):
    from app.ui.dialogs.vacancy_import import VacancyImportDialog

    page = _page(qtbot, ctx, finished.actors["supervisor"])
    listing = page.show_tab(1)
    assert not listing.import_button.isHidden()
    dialog = listing.open_import()
    assert isinstance(dialog, VacancyImportDialog)
    sheet = tmp_path / "lowongan.csv"
    sheet.write_text(
        "perusahaan;npp;posisi;kode_wilayah;modul;jumlah;upah_min;upah_maks;batas_lamaran;kontak\n"
        "PT Baja Utama;;Juru las;31.71;LAS;2;4.800.000;5.600.000;31/01/2027;HRD 021-555\n"
        "CV Garmen Jaya;;Penjahit;32.73;GARMEN|LAS;5;;;28/02/2027;0812-1111-2222\n"
        "PT Tanpa Modul;;Operator;32.73;TIDAKADA;1;;;28/02/2027;0812-1111-3333\n",
        encoding="utf-8",
    )
    dialog.load_file(sheet)  # checked at once: nothing written
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    assert "3 baris: 2 baik" in dialog.summary.text() and "1 salah" in dialog.summary.text()
    assert dialog.report.rowCount() == 1 and "TIDAKADA" in dialog.report.item(0, 3).text()
    assert count(finished.db.path, "vacancy") == 0
    dialog.skip.setChecked(True)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None and not dialog.result.dry_run, timeout=10_000)
    _settle(qtbot)
    assert "2 lowongan diimpor" in dialog.summary.text()
    assert sorted(r["Pemberi kerja"] for r in _cells(listing)) == ["CV Garmen Jaya",
                                                                 "PT Baja Utama"]  # fmt: skip


# --- matching -----------------------------------------------------------------------------------


def test_the_people_who_fit_a_vacancy_are_listed_with_why_and_referred(qtbot, ctx, finished):
    vid = _vacancy(finished)
    listing = _page(qtbot, ctx, finished.actors["counter"]).show_tab(1)
    _select(listing, lambda r: r.id == vid)
    dialog = _active(qtbot, listing.find_people())
    assert QApplication.focusWidget() is dialog.people  # the list has the keyboard
    people = {r["Nama"]: r for r in _cells_of(dialog.people)}
    assert set(people) == {"Budi Santoso", "Siti Aminah"}  # graduates; not the one who failed
    assert people["Budi Santoso"]["Mengapa cocok"].startswith(
        f"Sesuai pelatihan yang diikuti: {LAS}"
    )
    assert people["Budi Santoso"]["Dirujuk"] == "–"
    assert "PT Baja Utama" in dialog.windowTitle() and "HRD 021-555-0101" in dialog.intro.text()
    dialog.people.selectRow(
        next(n for n, r in enumerate(dialog.model.rows) if r.name == "Siti Aminah")
    )
    _shortcut(qtbot, QApplication.focusWidget(), Qt.Key.Key_R)
    siti = finished.people["Siti Aminah"]
    referral = "SELECT participant_id, vacancy_id, referred_by FROM referral"
    assert rows(finished.db.path, referral) == [(siti, vid, "loket.budi")]
    referred = {r["Nama"]: r["Dirujuk"] for r in _cells_of(dialog.people)}
    assert referred == {"Budi Santoso": "–", "Siti Aminah": "06/01/2027"}
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def _cells_of(table: Any) -> list[dict[str, str]]:
    class View:
        pass

    view = View()
    view.table = table  # type: ignore[attr-defined]
    return _cells(view)


def test_a_persons_vacancies_refer_print_the_sheet_and_record_the_answer(
    qtbot, ctx, finished, tmp_path, monkeypatch
):
    from app.ui.dialogs import vacancy_matches
    from app.ui.dialogs.vacancy_matches import PersonVacanciesDialog

    _vacancy(finished)
    _vacancy(finished, employer="PT Jauh Sekali", region_code="64.71", wage_max=None,
             closes_on="20/01/2027")  # fmt: skip
    _vacancy(finished, employer="PT Jahit", modules="GARMEN")  # another module: no fit
    opened: list[Path] = []
    monkeypatch.setattr(vacancy_matches, "open_file", lambda path: opened.append(path) or True)
    calls = _page(qtbot, ctx, finished.actors["counter"]).calls
    _select(calls, lambda r: r.name == "Budi Santoso")
    _shortcut(qtbot, calls, Qt.Key.Key_M)
    dialog = _active(qtbot, wait_for_dialog(qtbot, PersonVacanciesDialog))
    shown = _cells_of(dialog.vacancies)
    assert [r["Pemberi kerja"] for r in shown] == ["PT Baja Utama", "PT Jauh Sekali"]  # best first
    why = shown[0]["Mengapa cocok"].split("; ")
    assert why[0] == f"Sesuai pelatihan yang diikuti: {LAS}"
    assert why[1].startswith("Di kabupaten/kota yang sama (") and why[2].startswith("Upah sesuai")
    assert shown[1]["Mengapa cocok"] == f"Sesuai pelatihan yang diikuti: {LAS}"  # far, no wage
    assert dialog.referrals_heading.text() == "Rujukan: belum ada"
    assert "Kontak: HRD 021-555-0101" in dialog.why.text()

    dialog.refer()  # the first row: PT Baja Utama
    _settle(qtbot)
    assert dialog.referrals_heading.text() == "Rujukan (1)"
    assert _cells_of(dialog.referrals)[0]["Jawaban pemberi kerja"] == "Menunggu"
    assert not dialog.refer_button.isEnabled()  # already referred there
    _shortcut(qtbot, dialog, Qt.Key.Key_D)  # Diterima
    assert rows(finished.db.path, "SELECT hired, hired_on FROM referral") == [(1, "2027-01-06")]
    assert _cells_of(dialog.referrals)[0]["Jawaban pemberi kerja"] == "Diterima mulai 06/01/2027"

    out = tmp_path / "lembar.pdf"
    dialog.print_sheet_to(out)
    _settle(qtbot)
    assert opened == [out]
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "PT Baja Utama" in text and "Budi Santoso" in text and "PT Jahit" not in text


# --- supply and demand, rates ------------------------------------------------------------------


def test_supply_and_demand_shows_the_services_figures_in_a_table_and_a_chart(
    qtbot, ctx, finished, tmp_path
):
    from openpyxl import load_workbook

    from app.services.supply_demand import supply_demand

    _vacancy(finished)
    _vacancy(finished, employer="PT Jahit", modules="GARMEN", region_code="32.73", openings=7)
    view = _page(qtbot, ctx, finished.actors["counter"]).show_tab(2)
    report = supply_demand(finished.db)
    expected = {
        (r.module_name, r.province_name): [r.vacancies, r.openings, r.in_training, r.looking, r.gap]
        for r in report.rows
    }
    shown = {}
    for r in _cells(view):
        key = (r["Modul"], "Daerah Khusus Ibukota Jakarta" if r["Provinsi"] == "DKI Jakarta"
               else r["Provinsi"])  # fmt: skip
        numbers = [r["Lowongan"], r["Dibutuhkan"], r["Pelatihan"], r["Mencari"]]
        shown[key] = [int(n) for n in numbers] + [int(r["Selisih"].replace("−", "-"))]
    assert shown == expected and len(shown) >= 2
    assert shown[(LAS, "Daerah Khusus Ibukota Jakarta")] == [1, 3, 0, 2, 1]  # Budi and Siti look
    assert f"{report.vacancies} lowongan terbuka membutuhkan 10 orang" in view.totals.text()

    series = view.chart.series
    assert series is not None and [s.label() for s in series.barSets()] == [
        "Dibutuhkan", "Pelatihan + mencari",
    ]  # fmt: skip
    names = [c.replace("<br>", " ") for c in view.chart.categories()]
    assert set(names) == {LAS, "Garmen dan Menjahit"}
    wanted, supply = series.barSets()
    at_las = names.index(LAS)
    assert (wanted.at(at_las), supply.at(at_las)) == (3, 2)
    assert names[-1] == "Garmen dan Menjahit"  # the largest gap on top (drawn last)

    out = tmp_path / "kp.xlsx"
    view.export_to(out)
    _settle(qtbot)
    box = wait_for_box(qtbot)
    assert str(out) in box.text()
    sheet = load_workbook(out).active
    assert sheet.cell(row=4, column=1).value == "Modul"


def test_the_rates_count_each_call_and_show_who_is_open_or_unreachable(qtbot, ctx, finished):
    from app.services.followups import Call, record

    clerk = finished.actors["counter"]
    record(finished.db, clerk, finished.people["Budi Santoso"], Call("working", employer="PT A"))
    record(finished.db, clerk, finished.people["Siti Aminah"], Call("unreachable", attempts=2))
    at(finished, date(2027, 1, 8))  # the calls' day: Dewi's is still open
    view = _page(qtbot, ctx, clerk).show_tab(3)
    (row,) = _cells(view)
    assert row == {
        "Angkatan": row["Angkatan"],
        "Panggilan": "bulan ke-1",
        "Bekerja": "100% (1)",
        "Usaha sendiri": "0% (0)",
        "Terhubungi": "1",
        "Belum dihubungi": "1",
        "Tak terhubungi": "1",
    }
    assert [(row["Angkatan"],)] == rows(
        finished.db.path,
        "SELECT c.code || ' — ' || m.name FROM cohort c JOIN training_module m"
        " ON m.code = c.module_code",
    )
    assert view.counts.text().startswith("3 panggilan jatuh tempo atau selesai: 1 terhubungi")
    view.group.setCurrentIndex(view.group.findData("module"))
    (by_module,) = _cells(view)
    assert by_module["Modul"] == LAS and by_module["Bekerja"] == "100% (1)"


def test_every_tab_is_reachable_by_keyboard_and_esc_closes_the_form(qtbot, ctx, finished):
    from app.ui.dialogs.followup_outcome import OutcomeDialog

    page = _page(qtbot, ctx, finished.actors["counter"])
    for n, view in enumerate((page.calls, page.vacancies, page.supply, page.rates), start=1):
        QTest.keyClick(page, getattr(Qt.Key, f"Key_{n}"), ALT)
        assert page.tabs.currentWidget() is view
    QTest.keyClick(page, Qt.Key.Key_1, ALT)
    assert QApplication.focusWidget() is page.calls.table
    _shortcut(qtbot, page.calls.table, Qt.Key.Key_R)
    dialog = wait_for_dialog(qtbot, OutcomeDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.outcome, timeout=5_000)
    QTest.keyClick(dialog.outcome, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and count(finished.db.path, "follow_up") == 0


def test_the_page_refreshes_when_another_window_records_a_call(qtbot, ctx, finished):
    from app.services.followups import Call, record

    page = _page(qtbot, ctx, finished.actors["counter"])
    assert len(_cells(page.calls)) == 3
    record(finished.db, finished.actors["admin"], finished.people["Siti Aminah"], Call("looking"))
    page.on_data_changed(frozenset({"follow_up"}))
    assert [r["Nama"] for r in _cells(page.calls)] == ["Budi Santoso", "Dewi Sartika (mundur)"]
    assert page.rates.stale  # re-read when it shows
    page.show_tab(3)
    assert not page.rates.stale and page.rates.model.rowCount() == 1
