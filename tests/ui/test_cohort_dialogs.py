"""The new-cohort and enrolment dialogs with real widgets on a real SQLite office (issue #10):
a cohort typed by keyboard is stored as typed; the provider check's refusal, an unreadable
date and a bad code are said under their field with nothing written; the picker says why a
person cannot be enrolled, its filters narrow the list, ticked people are enrolled, and
someone whose eligibility is not yet certain is enrolled only after the question."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.services import cohort_lists, enrolment
from app.ui import tasks
from tests.ui.helpers import click, message_boxes, type_into
from tests.unit.cohort_support import PROVIDER, cohort, fit_provider, person
from tests.unit.helpers import count


def staffed_office(ctx: Any, admin: Any) -> Any:
    """The window tests' office with a supervisor and a counter clerk signed in, shaped as
    tests/unit/cohort_support expects (`db`, `actors`, `clock`)."""
    from app.services.auth import login
    from app.services.staff import add_staff

    actors = {"admin": admin}
    for username, role in (("spv.rina", "supervisor"), ("loket.budi", "counter")):
        add_staff(
            ctx.db, admin, username=username, full_name=username, role=role, password="Rahasia12"
        )
        actors[role] = login(ctx.db, username, "Rahasia12").actor
    return SimpleNamespace(db=ctx.db, actors=actors, clock=ctx.db.clock, path=ctx.db.path, ctx=ctx)


def planned_cohort(ctx: Any, admin: Any) -> str:
    """A planned cohort of a provider assessed fit (for tests that only need one to open)."""
    office = staffed_office(ctx, admin)
    return cohort(office, fit_provider(office))


@pytest.fixture
def desk(ctx: Any, admin: Any) -> Any:
    """The office with its staff (not named `office`: `ctx` is built on that fixture)."""
    return staffed_office(ctx, admin)


def settle(qtbot: Any) -> None:
    """Until every worker task (search, write) has delivered its answer to the widgets."""

    def idle() -> bool:
        tasks.wait_all(200)
        QApplication.processEvents()
        return not tasks.busy()

    qtbot.waitUntil(idle, timeout=10_000)


def _shown(qtbot: Any, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # keys and the focus go to the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5_000)
    return dialog


def new_cohort(qtbot: Any, office: Any) -> Any:
    from app.ui.dialogs.cohort_dialog import CohortDialog

    dialog = CohortDialog(office.ctx, office.actors["counter"])
    return _shown(qtbot, dialog)


def test_a_cohort_typed_by_keyboard_is_stored_as_typed(qtbot, desk):
    from app.domain.provider_checks import RESULT_LABELS, Result

    _undecided(desk, "AAA Kursus Belum Dinilai")  # first by name, not by decision
    fit = fit_provider(desk)
    dialog = new_cohort(qtbot, desk)
    assert dialog.provider.currentData() == fit  # assessed fit: first in the list
    assert dialog.provider.currentText().endswith(RESULT_LABELS[Result.FIT].render())
    assert [dialog.module.itemData(i) for i in range(dialog.module.count())] == ["GARMEN", "LAS"]
    assert QApplication.focusWidget() is dialog.provider
    dialog.module.setFocus()
    qtbot.keyClick(dialog.module, Qt.Key.Key_End)  # LAS, by keyboard
    assert dialog.module.currentData() == "LAS"
    type_into(qtbot, dialog.start, "07/12/2026")
    type_into(qtbot, dialog.end, "18122026")
    qtbot.keyClick(dialog.weekdays["fri"], Qt.Key.Key_Space)  # Mon-Thu
    qtbot.keyClick(dialog.weekdays["sat"], Qt.Key.Key_Space)  # and Saturday
    for spin, text in ((dialog.capacity, "12"), (dialog.transport, "50000"),
                       (dialog.pocket, "25000"), (dialog.min_rate, "75")):  # fmt: skip
        spin.lineEdit().selectAll()
        qtbot.keyClicks(spin, text)
    dialog.pocket_mode.setFocus()
    qtbot.keyClick(dialog.pocket_mode, Qt.Key.Key_Down)  # lump sum
    qtbot.keyClick(dialog.excused, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.no_score, Qt.Key.Key_Space)
    assert not dialog.pass_score.isEnabled()
    type_into(qtbot, dialog.location, "Bengkel Las 2")
    type_into(qtbot, dialog.code, "ang/las/01")
    with qtbot.waitSignal(dialog.succeeded, timeout=10_000) as made:
        qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    row = made.args[0]
    assert row.code == "ANG/LAS/01" and not dialog.isVisible()
    assert [c.code for c in cohort_lists.list_cohorts(desk.db)] == ["ANG/LAS/01"]
    detail = cohort_lists.cohort_detail(desk.db, row.id)
    assert (detail.row.provider_id, detail.row.module_code) == (fit, "LAS")
    assert (detail.row.start_date, detail.row.end_date) == (date(2026, 12, 7), date(2026, 12, 18))
    assert detail.pattern == ("mon", "tue", "wed", "thu", "sat")
    assert len(detail.sessions) == 9  # Mon-Thu and Sat: 5 days, then 4 before the 18th
    assert (detail.row.capacity, detail.transport_rate, detail.pocket_rate) == (12, 50000, 25000)
    assert (detail.pocket_mode, detail.min_rate_percent) == ("lump_sum", 75)
    assert detail.excused_counts and detail.pass_score is None
    assert detail.row.location == "Bengkel Las 2"


def _undecided(office: Any, name: str) -> str:
    """A provider offering LAS that was never assessed."""
    from app.services.provider_views import Offer
    from app.services.providers import register_provider, set_offers

    values = dict(PROVIDER, name=name, npwp="", licence_number="")
    pid = register_provider(office.db, office.actors["counter"], values).id
    set_offers(office.db, office.actors["counter"], pid, [Offer("LAS")])
    return pid


def test_a_provider_never_assessed_is_refused_under_its_field_and_nothing_is_written(qtbot, desk):
    pid = _undecided(desk, "LPK Belum Dinilai")
    dialog = new_cohort(qtbot, desk)
    assert dialog.provider.currentData() == pid and dialog.module.currentData() == "LAS"
    type_into(qtbot, dialog.start, "07/12/2026")
    type_into(qtbot, dialog.end, "18/12/2026")
    click(qtbot, dialog.ok_button)
    settle(qtbot)
    error = dialog.errors.label("provider")
    assert error.isVisible() and error.text().startswith("Lembaga tidak dapat melatih modul ini")
    # wrapped, every line shown: the sentence is longer than the field is wide
    assert error.wordWrap() and error.height() >= error.heightForWidth(error.width())
    assert error.height() > 2 * error.fontMetrics().height()
    assert error.geometry().bottom() < error.parentWidget().height()  # not cut off below
    assert dialog.isVisible() and dialog.height() <= 700 and dialog.width() <= 1300
    layout = dialog.layout()
    assert dialog.width() >= layout.minimumSize().width()  # nothing squeezed or cut off
    assert count(desk.path, "cohort") == 0


def test_an_unreadable_date_end_before_start_and_a_bad_code_show_under_their_field(qtbot, desk):
    fit_provider(desk)
    dialog = new_cohort(qtbot, desk)
    type_into(qtbot, dialog.start, "7 Desember")
    type_into(qtbot, dialog.end, "18/12/2026")
    click(qtbot, dialog.ok_button)
    dates = dialog.errors.label("dates")
    assert dates.isVisible() and "DD/MM/YYYY" in dates.text()
    assert QApplication.focusWidget() is dialog.start
    assert not tasks.busy()  # refused in the dialog: no service call
    type_into(qtbot, dialog.start, "19/12/2026")
    click(qtbot, dialog.ok_button)
    settle(qtbot)
    assert dates.text() == "Tanggal selesai sebelum tanggal mulai."
    type_into(qtbot, dialog.start, "07/12/2026")
    type_into(qtbot, dialog.code, "X")
    click(qtbot, dialog.ok_button)
    settle(qtbot)
    assert not dates.isVisible()
    assert dialog.errors.label("code").text().startswith("Kode angkatan 3–40")
    for box in dialog.weekdays.values():
        box.setChecked(False)
    type_into(qtbot, dialog.code, "")
    click(qtbot, dialog.ok_button)
    assert dialog.errors.label("pattern").isVisible()
    assert count(desk.path, "cohort") == 0 and dialog.isVisible()


def test_both_dialogs_open_with_the_cursor_in_their_first_field(qtbot, ctx, admin):
    from app.ui.dialogs.cohort_dialog import CohortDialog
    from app.ui.dialogs.enrol_dialog import EnrolDialog
    from tests.ui.test_dialog_focus import first_field

    cid = planned_cohort(ctx, admin)
    for dialog, first in (
        (made := CohortDialog(ctx, admin), made.provider),
        (made := EnrolDialog(ctx, admin, cid), made.text),
    ):
        _shown(qtbot, dialog)
        assert first_field(dialog) is first
        qtbot.waitUntil(lambda d=dialog, f=first: d.focusWidget() is f, timeout=2_000)
        dialog.close()


# -- enrolment ---------------------------------------------------------------------------
@pytest.fixture
def picker(desk: Any) -> Any:
    """A cohort to enrol in, another running one Budi is in, and four people: Budi, Siti and
    Dewi eligible, Agus whose eligibility is not yet certain."""
    pid = fit_provider(desk)
    other, cid = cohort(desk, pid), cohort(desk, pid)
    people = {
        "budi": person(desk, 1, "Budi Santoso"),
        "siti": person(desk, 2, "Siti Aminah"),
        "dewi": person(desk, 3, "Dewi Lestari"),
        "agus": person(desk, 4, "Agus Salim", lama_kepesertaan="", iuran_24_bulan=""),
    }
    enrolment.enrol(desk.db, desk.actors["counter"], other, [people["budi"]])
    return SimpleNamespace(office=desk, cohort_id=cid, people=people)


def enrol_dialog(qtbot: Any, picker: Any) -> Any:
    from app.ui.dialogs.enrol_dialog import EnrolDialog

    office = picker.office
    dialog = EnrolDialog(office.ctx, office.actors["counter"], picker.cohort_id)
    _shown(qtbot, dialog)
    settle(qtbot)
    return dialog


def rows(dialog: Any) -> dict[str, int]:
    return {dialog.table.item(i, 1).text(): i for i in range(dialog.table.rowCount())}


def tickable(dialog: Any, row: int) -> bool:
    return bool(dialog.table.item(row, 0).flags() & Qt.ItemFlag.ItemIsUserCheckable)


def test_the_picker_says_why_not_and_its_filters_narrow_the_list(qtbot, picker):
    dialog = enrol_dialog(qtbot, picker)
    assert QApplication.focusWidget() is dialog.text
    found = rows(dialog)
    assert set(found) == {"Budi Santoso", "Siti Aminah", "Dewi Lestari", "Agus Salim"}
    budi = found["Budi Santoso"]
    assert dialog.table.item(budi, 6).text() == "Sedang mengikuti angkatan ANG/JKT-1/2026/0001."
    assert not tickable(dialog, budi)
    assert not dialog.table.item(budi, 1).flags() & Qt.ItemFlag.ItemIsSelectable
    assert all(tickable(dialog, found[n]) for n in ("Siti Aminah", "Dewi Lestari", "Agus Salim"))
    assert dialog.table.item(found["Siti Aminah"], 6).text() == ""
    dialog.table.setCurrentCell(budi, 1)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # a grey row cannot be ticked
    assert dialog.ticked == {} and not dialog.enrol_button.isEnabled()

    dialog.eligibility.setCurrentIndex(dialog.eligibility.findData("unknown"))
    settle(qtbot)
    assert list(rows(dialog)) == ["Agus Salim"]
    dialog.eligibility.setCurrentIndex(0)
    settle(qtbot)
    dialog.status.setCurrentIndex(dialog.status.findData("in_training"))
    settle(qtbot)
    assert list(rows(dialog)) == ["Budi Santoso"]
    dialog.status.setCurrentIndex(0)
    dialog.province.setCurrentIndex(dialog.province.findData("32"))  # Jawa Barat: nobody
    settle(qtbot)
    assert rows(dialog) == {}
    dialog.province.setCurrentIndex(dialog.province.findData("31"))
    settle(qtbot)
    assert len(rows(dialog)) == 4
    qtbot.keyClicks(dialog.text, "siti")  # typed: searched after a short pause
    qtbot.waitUntil(lambda: list(rows(dialog)) == ["Siti Aminah"], timeout=5_000)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert list(dialog.ticked) == [picker.people["siti"]]  # Ctrl+A: everyone shown
    assert dialog.width() <= 1300 and dialog.height() <= 700


def test_two_ticked_people_are_enrolled_and_the_dialog_stays_open(qtbot, picker):
    dialog = enrol_dialog(qtbot, picker)
    found = rows(dialog)
    dialog.table.setFocus()
    dialog.table.setCurrentCell(found["Siti Aminah"], 1)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # ticks, whatever the column
    qtbot.keyClicks(dialog.text, "dewi")  # another search keeps Siti's tick
    qtbot.waitUntil(lambda: list(rows(dialog)) == ["Dewi Lestari"], timeout=5_000)
    dialog.table.setCurrentCell(0, 2)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert set(dialog.ticked) == {picker.people["siti"], picker.people["dewi"]}
    assert "2" in dialog.count.text()
    with qtbot.waitSignal(dialog.succeeded, timeout=10_000) as done:
        click(qtbot, dialog.enrol_button)
    assert [o.status for o in done.args[0]] == ["enrolled", "enrolled"]
    assert message_boxes() == []  # nobody uncertain: no question
    detail = cohort_lists.cohort_detail(picker.office.db, picker.cohort_id)
    assert {e.participant_id for e in detail.enrolments if e.status == "enrolled"} == {
        picker.people["siti"],
        picker.people["dewi"],
    }
    settle(qtbot)
    assert dialog.isVisible() and dialog.ticked == {}
    assert dialog.outcome.isVisible() and "2" in dialog.outcome.text()
    type_into(qtbot, dialog.text, "")
    qtbot.waitUntil(lambda: len(rows(dialog)) == 4, timeout=5_000)
    found = rows(dialog)
    assert not tickable(dialog, found["Siti Aminah"])  # now in this cohort: refused
    assert dialog.table.item(found["Siti Aminah"], 6).text() != ""


def _answer(qtbot: Any, accept: bool) -> None:
    """Press the question box's yes (accept) or no button; its words are translated."""
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=10_000)
    box = message_boxes()[0]
    role = QMessageBox.ButtonRole.AcceptRole if accept else QMessageBox.ButtonRole.RejectRole
    click(qtbot, next(b for b in box.buttons() if box.buttonRole(b) == role))


def test_unknown_eligibility_is_enrolled_only_after_the_question(qtbot, picker):
    dialog = enrol_dialog(qtbot, picker)
    found = rows(dialog)
    dialog.table.setFocus()
    for name in ("Agus Salim", "Dewi Lestari"):
        dialog.table.setCurrentCell(found[name], 1)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    click(qtbot, dialog.enrol_button)
    _answer(qtbot, accept=False)  # no: nothing written, the ticks stay
    settle(qtbot)
    assert count(picker.office.path, "enrollment", "participant_id != ''") == 1  # Budi's only
    assert len(dialog.ticked) == 2
    click(qtbot, dialog.enrol_button)
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=10_000)
    question = message_boxes()[0].text()
    assert "1" in question and "2" in question  # one of the two ticked is uncertain
    with qtbot.waitSignal(dialog.succeeded, timeout=10_000) as done:
        _answer(qtbot, accept=True)
    assert {o.participant_id: o.status for o in done.args[0]} == {
        picker.people["agus"]: "enrolled",
        picker.people["dewi"]: "enrolled",
    }
    detail = cohort_lists.cohort_detail(picker.office.db, picker.cohort_id)
    assert len([e for e in detail.enrolments if e.status == "enrolled"]) == 2
