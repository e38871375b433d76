"""The cohorts page with real widgets on a demo office (issue #10): a whole day marked by
keyboard and what was stored, "all present", an approved day that asks for a supervisor,
the list opened by keyboard, what each role may do, another office's cohort read-only, and
a result against the rule refused next to its field until a reason is written."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from app.services.actor import cli_actor
from app.services.auth import login
from app.services.demo import DEMO_PASSWORD, fill_demo
from app.ui import tasks
from tests.unit.helpers import rows

KEYS = "HHIHSHAHHH"


@pytest.fixture
def demo(ctx, office, clock):
    """The demo office, and a fresh cohort from today (every weekday) with ten people."""
    from app.services.cohorts import CohortPlan, create_cohort
    from app.services.enrolment import PickerQuery, candidates, enrol

    result = fill_demo(office, cli_actor("JKT"), seed=5)
    actors = {}
    for lg in result.logins:
        actors.setdefault(lg.role, login(office, lg.username, DEMO_PASSWORD).actor)
    today = clock.now.astimezone().date()
    week = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    plan = CohortPlan("BLK Jakarta Timur", "LAS", today, today + timedelta(days=9), week)
    cid = create_cohort(office, actors["counter"], plan).id
    free = [
        c.participant_id
        for c in candidates(office, cid, PickerQuery(eligibility="met"))
        if not c.refusals
    ][:10]
    assert len(free) == 10
    enrol(office, actors["counter"], cid, free)
    return ctx, actors, cid


def _page(qtbot, ctx, actor):
    from app.ui.pages.cohorts import CohortsPage

    page = CohortsPage(ctx, actor)
    qtbot.addWidget(page)
    page.resize(1300, 680)
    page.show()
    page.list.refresh()
    return page


def _settle(qtbot) -> None:
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=10_000)


def _stored(office, cid: str) -> list[tuple[str, str]]:
    return [
        (str(name), str(mark))
        for name, mark in rows(
            office.path,
            "SELECT p.full_name, a.mark FROM attendance a JOIN participant p "
            "ON p.id = a.participant_id WHERE a.cohort_id = ? ORDER BY p.name_key, p.id",
            cid,
        )
    ]


def test_a_whole_day_is_marked_by_keyboard_and_stored(qtbot, demo, office):
    ctx, actors, cid = demo
    page = _page(qtbot, ctx, actors["counter"])
    view = page.open_cohort(cid, tab=1)
    grid = view.grid
    assert grid.table.hasFocus() or grid.table.isVisible()
    index = grid.table.currentIndex()
    assert (index.row(), index.column()) == (0, 1)  # the first person, today
    names = [p.name for p in grid.model.people]
    for key in KEYS:
        qtbot.keyClick(grid.table, getattr(Qt.Key, f"Key_{key}"))
    _settle(qtbot)
    assert dict(_stored(office, cid)) == dict(zip(names, KEYS, strict=True))
    # what the grid shows is what was stored, with each person's rate and the day's count
    assert [grid.model.index(r, 1).data() for r in range(10)] == list(KEYS)
    assert grid.model.index(0, 0).data() == "100%"  # the rate column
    assert grid.model.index(2, 0).data() == "0%"
    assert grid.model.headerData(0, Qt.Orientation.Vertical) == names[0]
    assert "7/10" in grid.model.headerData(1, Qt.Orientation.Horizontal)
    # the cohort has started, as its first day was marked
    assert view.status.text() == "Berjalan"
    # a day not held yet takes no mark
    grid.table.setCurrentIndex(grid.model.index(0, 2))
    qtbot.keyClick(grid.table, Qt.Key.Key_H)
    assert grid.error.text() == "Hari itu belum tiba."
    assert len(_stored(office, cid)) == 10


def test_all_present_fills_only_the_empty_cells(qtbot, demo, office):
    ctx, actors, cid = demo
    page = _page(qtbot, ctx, actors["counter"])
    grid = page.open_cohort(cid, tab=1).grid
    qtbot.keyClick(grid.table, Qt.Key.Key_S)
    _settle(qtbot)
    qtbot.keyClick(grid.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    _settle(qtbot)
    marks = [m for _n, m in _stored(office, cid)]
    assert sorted(marks) == ["H"] * 9 + ["S"]


def test_an_approved_day_asks_a_supervisor_before_a_change(qtbot, demo, office, clock):
    from app.services.attendance import all_present, lock_day
    from app.ui.dialogs.cohort_actions import ApprovalDialog

    ctx, actors, cid = demo
    today = clock.now.astimezone().date()
    all_present(office, actors["counter"], cid, today)
    lock_day(office, actors["supervisor"], cid, today)
    page = _page(qtbot, ctx, actors["counter"])
    view = page.open_cohort(cid, tab=1)
    grid = view.grid
    assert grid.model.headerData(1, Qt.Orientation.Horizontal).startswith("Sen✓")
    qtbot.keyClick(grid.table, Qt.Key.Key_A)
    dialogs = [w for w in view.findChildren(ApprovalDialog) if w.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    supervisor = actors["supervisor"].username
    qtbot.keyClicks(dialog.username, supervisor)
    qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
    dialog.submit()
    _settle(qtbot)
    ((mark, approval),) = rows(
        office.path,
        "SELECT mark, approval FROM attendance WHERE participant_id=? AND cohort_id=?",
        grid.model.people[0].participant_id,
        cid,
    )
    assert mark == "A" and str(approval).startswith(supervisor + " ")
    # the approval holds for the next change in this cohort: no second question
    qtbot.keyClick(grid.table, Qt.Key.Key_I)
    _settle(qtbot)
    assert len([w for w in view.findChildren(ApprovalDialog) if w.isVisible()]) == 0
    assert sorted(m for _n, m in _stored(office, cid)) == ["A", "H", "H", "H", "H", "H", "H", "H",
                                                           "H", "I"]  # fmt: skip


def test_a_closed_approval_puts_the_mark_back(qtbot, demo, office, clock):
    from app.services.attendance import all_present, lock_day
    from app.ui.dialogs.cohort_actions import ApprovalDialog

    ctx, actors, cid = demo
    today = clock.now.astimezone().date()
    all_present(office, actors["counter"], cid, today)
    lock_day(office, actors["supervisor"], cid, today)
    page = _page(qtbot, ctx, actors["counter"])
    grid = page.open_cohort(cid, tab=1).grid
    qtbot.keyClick(grid.table, Qt.Key.Key_A)
    (dialog,) = [w for w in page.view.findChildren(ApprovalDialog) if w.isVisible()]
    dialog.reject()
    assert grid.model.index(0, 1).data() == "H"
    assert "supervisor" in grid.error.text()
    assert {m for _n, m in _stored(office, cid)} == {"H"}


def test_the_list_opens_a_cohort_by_keyboard_and_roles_see_their_actions(qtbot, demo):
    ctx, actors, _cid = demo
    page = _page(qtbot, ctx, actors["counter"])
    codes = [r.code for r in page.list.model.rows]
    # 20 demo cohorts, the follow-up demo's 2 earlier ones (0005, 0006), and this test's
    assert len(codes) == 23 and "ANG/JKT-1/2026/0007" in codes
    page.list.mine.setChecked(True)
    assert {r.office_code for r in page.list.model.rows} == {"JKT"}
    page.list.table.setFocus()
    running = next(n for n, r in enumerate(page.list.model.rows) if r.status == "berjalan")
    page.list.table.selectRow(running)
    qtbot.keyClick(page.list.table, Qt.Key.Key_Return)
    view = page.view
    assert page.stack.currentWidget() is view
    assert view.title.text() == page.list.model.rows[running].code
    assert not view.finish_button.isVisible() and not view.cancel_button.isVisible()
    assert view.enrol_button.isVisible() and view.result_button.isVisible()
    assert view.grid.approve.isHidden()
    boss = _page(qtbot, ctx, actors["supervisor"])
    boss.open_cohort(page.list.model.rows[running].id)
    assert boss.view.finish_button.isVisible() and boss.view.cancel_button.isVisible()
    assert not boss.view.grid.approve.isHidden()


def test_another_offices_cohort_is_read_only(qtbot, demo):
    ctx, actors, _cid = demo
    page = _page(qtbot, ctx, actors["supervisor"])
    other = next(
        r for r in page.list.model.rows if r.office_code == "BTN" and r.status == "berjalan"
    )
    view = page.open_cohort(other.id)
    assert "BTN" in view.read_only.text() and "hanya dibaca" in view.read_only.text()
    for button in (view.enrol_button, view.finish_button, view.cancel_button, view.result_button):
        assert not button.isVisible()
    assert not view.grid.isEnabled()


def test_a_result_against_the_rule_needs_a_reason(qtbot, demo, office, clock):
    from app.services.attendance import mark

    ctx, actors, cid = demo
    today = clock.now.astimezone().date()
    page = _page(qtbot, ctx, actors["counter"])
    view = page.open_cohort(cid)
    person = view.detail.enrolments[0]
    mark(office, actors["counter"], cid, today, {person.participant_id: "A"})
    view.reload()
    view.people.setCurrentCell(0, 0)
    dialog = view.record_result()
    dialog.score.setValue(90)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("lulus"))
    dialog.submit()
    _settle(qtbot)
    shown = dialog.errors.label("result").text()
    assert shown.startswith("Dicatat lulus, padahal aturan kelulusan tidak terpenuhi")
    assert dialog.isVisible()
    assert rows(
        office.path, "SELECT count(*) FROM enrollment WHERE cohort_id=? AND result IS NOT NULL", cid
    ) == [(0,)]
    qtbot.keyClicks(dialog.reason, "Nilai praktik sangat baik; izin sakit ada surat dokter")
    dialog.submit()
    _settle(qtbot)
    assert not dialog.isVisible()
    assert rows(
        office.path, "SELECT result, score FROM enrollment WHERE participant_id=? AND cohort_id=?",
        person.participant_id, cid,
    ) == [("lulus", 90)]  # fmt: skip
