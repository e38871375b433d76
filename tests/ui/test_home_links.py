"""Every figure of Beranda opens the list behind it (issue #14 item 1), by mouse and by
keyboard (Tab to it, Enter or Space; ↑/↓ through a chart's bars): the main window shows the
page of the figure's `Link` and its `apply_link` filters the list as the figure was
counted. Each page's `apply_link` is tested on its own too, on the demo office: the
participant list (status, office, training choice), the cohorts (status, one cohort by
code), payments and follow-up (the tab), providers (licences ending), sync (the review tab).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.services.dashboard import dashboard
from app.services.dashboard_views import Link
from app.ui.pages.home import open_link
from app.ui.shots.session import MAIN_SIZE
from tests.conftest import ADMIN_PASSWORD, FakeClock
from tests.ui.conftest import close_windows_and_wait
from tests.ui.test_home_page import build_template, loaded, open_copy, settle


@pytest.fixture(scope="module")
def _template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_template(tmp_path_factory)


@pytest.fixture
def window(_template: Path, home: Path, clock: FakeClock, qtbot: Any) -> Iterator[Any]:
    """The main window of the demo office's admin at the size of a 1366×768 screen, on
    Beranda with its figures read."""
    from app.services.auth import login
    from app.ui.main_window import MainWindow

    ctx, db = open_copy(_template, clock)
    actor = login(db, "admin", ADMIN_PASSWORD).actor
    found = MainWindow(ctx, actor, ctx.startup_info(), sync_interval_ms=0)
    qtbot.addWidget(found)
    found.resize(*MAIN_SIZE)
    found.show()
    found.activateWindow()
    loaded(qtbot, found.page("home"))
    yield found
    close_windows_and_wait()
    ctx.close()
    db.dispose()


def _home(window: Any) -> Any:
    return window.page("home")


def _on(window: Any, key: str) -> Any:
    page = window.page(key)
    assert window.pages.currentWidget() is page
    return page


def _press(widget: QWidget, key: Qt.Key = Qt.Key.Key_Return) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(widget, key)


def _click(qtbot: Any, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _bar_point(chart: Any, top: int, series: int = 0) -> QPoint:
    """Where the bar `top` (0 = the top one) of `series` is drawn, in the view's viewport."""
    index = len(chart.bars) - 1 - top
    value = chart.bars[top].values[series]
    centre = chart.chart_.mapToPosition(QPointF(value / 2, index), chart.series)
    if len(chart.sets) > 1:  # grouped: the first series below the category's middle
        step = chart.chart_.plotArea().height() / len(chart.bars)
        centre.setY(centre.y() + (step * 0.2 if series == 0 else -step * 0.2))
    return chart.mapFromScene(chart.chart_.mapToScene(centre))


def _participants(window: Any) -> Any:
    page = _on(window, "participants")
    return page.list


# --- from the figures -------------------------------------------------------------------------


def test_a_bar_of_status_opens_the_participants_of_that_status(qtbot, window):
    chart = _home(window).status_chart
    top = next(n for n, bar in enumerate(chart.bars) if bar.link.get("status") == "verified")
    QTest.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=_bar_point(chart, top))
    listing = _participants(window)
    assert listing.query().status == "verified"
    assert listing.status.currentData() == "verified"
    assert listing.query().office_code is None and listing.query().training_choice is None
    settle(qtbot)
    qtbot.waitUntil(lambda: listing.model.rowCount() > 0, timeout=10_000)
    statuses = {listing.model.row_at(r).status for r in range(listing.model.rowCount())}
    assert statuses == {"verified"}


def test_the_office_chart_by_keyboard_opens_the_second_office(qtbot, window):
    chart = _home(window).office_chart
    chart.setFocus(Qt.FocusReason.TabFocusReason)
    assert chart.current == 0  # the focus chooses the top bar
    QTest.keyClick(chart, Qt.Key.Key_Down)
    assert chart.current == 1 and chart.sets[0].selectedBars() == [len(chart.bars) - 2]
    second = chart.bars[1].link.get("office_code")
    QTest.keyClick(chart, Qt.Key.Key_Space)
    listing = _participants(window)
    assert second and listing.query().office_code == second


def test_a_module_bar_opens_the_people_who_chose_it(qtbot, window):
    chart = _home(window).module_chart
    QTest.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=_bar_point(chart, 0))
    listing = _participants(window)
    code = chart.bars[0].link.get("training_choice")
    assert code and listing.training.text() == code
    assert listing.query().training_choice == code and listing.query().status is None
    # the people the bar counted, no more: first choices only (a second choice is not)
    from app.services.participant_search import count

    assert listing.first_choice.isChecked() and listing.query().first_choice_only
    assert count(window.ctx.db, listing.query()) == chart.bars[0].values[0]
    listing.first_choice.setChecked(False)
    assert count(window.ctx.db, listing.query()) > chart.bars[0].values[0]


def test_tab_reaches_the_tiles_and_enter_or_space_opens_them(qtbot, window):
    home = _home(window)
    home.progress.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(home.progress, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is home.tiles.attendance  # the next figure, by Tab
    QTest.keyClick(home.tiles.attendance, Qt.Key.Key_Space)
    cohorts = _on(window, "cohorts")
    # attendance counts the marks of running and finished cohorts: this office's cohorts
    assert cohorts.list.status.currentData() == "" and cohorts.list.mine.isChecked()
    assert {"berjalan", "selesai"} <= {row.status for row in cohorts.list.model.rows}

    window.open("home")
    QTest.keyClick(home.tiles.completion, Qt.Key.Key_Space)
    assert cohorts.list.status.currentData() == "selesai"  # completion: the finished ones
    assert {row.status for row in cohorts.list.model.rows} == {"selesai"}

    window.open("home")
    _press(home.progress)
    listing = _participants(window)
    assert listing.query().status is None and listing.query().office_code is None


def test_each_tile_and_row_opens_its_list(qtbot, window):
    home = _home(window)
    board = home.shown_board()

    _press(home.tiles.working)
    followups = _on(window, "followups")
    assert followups.tabs.currentWidget() is followups.rates  # Capaian

    window.open("home")
    _click(qtbot, home.tiles.followups)
    assert followups.tabs.currentWidget() is followups.calls

    window.open("home")
    _press(home.tiles.licences, Qt.Key.Key_Space)
    providers = _on(window, "providers")
    assert providers.list.expiring.isChecked()
    names = [row.name for row in providers.list.model.rows]
    assert names == sorted({i.name for i in board.licences.items})

    window.open("home")
    _click(qtbot, home.tiles.stipends)
    payments = _on(window, "payments")
    assert payments.tabs.currentWidget() is payments.list

    window.open("home")
    _press(home.waiting.overpayments)
    assert payments.tabs.currentWidget() is payments.recoveries
    window.open("home")
    _click(qtbot, home.waiting.entitlements)
    assert payments.tabs.currentWidget() is payments.list
    waiting = board.waiting.entitlements.cohorts
    if len(waiting) == 1:  # the one cohort whose entitlements wait: chosen
        assert payments.list.code() == waiting[0].code

    window.open("home")
    _press(home.waiting.conflicts)
    sync = _on(window, "sync")
    assert sync.tabs.currentWidget() is sync.conflicts
    window.open("home")
    _press(home.waiting.duplicates)
    assert sync.tabs.currentWidget() is sync.duplicates
    window.open("home")
    _click(qtbot, home.sync_card)
    assert sync.tabs.currentWidget() is sync.pending_tab

    window.open("home")
    _press(home.waiting.days_to_lock)
    cohorts = _on(window, "cohorts")
    days = board.waiting.days_to_lock
    if len(days.cohorts) == 1:  # the one cohort whose days wait: opened
        assert cohorts.stack.currentWidget() is cohorts.view
        assert cohorts.view.cohort_id == days.cohorts[0].cohort_id
    else:
        assert cohorts.stack.currentWidget() is cohorts.list


# --- each page's apply_link -------------------------------------------------------------------


def test_participants_apply_link_sets_its_filters_and_clears_the_rest(qtbot, window):
    listing = window.page("participants").list
    listing.search.setText("budi")
    listing.region.setCurrentIndex(2)
    open_link(window, Link("participants", (("status", "completed"), ("office_code", "JKT"))))
    page = _on(window, "participants")
    assert page.stack.currentWidget() is listing
    query = listing.query()
    assert (query.status, query.office_code, query.training_choice) == ("completed", "JKT", None)
    assert (query.text, query.region_prefix) == ("", None)
    settle(qtbot)
    qtbot.waitUntil(lambda: listing.model.rowCount() > 0, timeout=10_000)
    rows = [listing.model.row_at(r) for r in range(listing.model.rowCount())]
    assert {(r.status, r.office_code) for r in rows} == {("completed", "JKT")}
    open_link(window, Link("participants"))  # the whole list again
    assert listing.query().status is None and listing.query().office_code is None


def test_cohorts_apply_link_filters_by_status_and_opens_a_cohort_by_code(qtbot, window):
    page = open_link(window, Link("cohorts", (("status", "berjalan"),)))
    assert page is _on(window, "cohorts")
    assert page.stack.currentWidget() is page.list
    assert {r.status for r in page.list.model.rows} == {"berjalan"}
    assert all(r.mine for r in page.list.model.rows)
    code = page.list.model.rows[0].code
    open_link(window, Link("cohorts", (("cohort", code),)))
    assert page.stack.currentWidget() is page.view
    assert page.view.cohort_id == page.list.model.rows[0].id
    open_link(window, Link("cohorts"))
    assert page.stack.currentWidget() is page.list and page.list.search.text() == ""


def test_payments_apply_link_brings_the_tab_forward(qtbot, window):
    page = open_link(window, Link("payments", (("view", "recoveries"),)))
    assert page is _on(window, "payments") and page.tabs.currentWidget() is page.recoveries
    open_link(window, Link("payments", (("view", "approve"),)))
    assert page.tabs.currentWidget() is page.list and not page.list.stale
    chooser = page.list.cohort
    assert chooser.count() > 1
    last = chooser.itemText(chooser.count() - 1).split(" ", 1)[0]
    open_link(window, Link("payments", (("view", "approve"), ("cohort", last))))
    assert page.list.code() == last and page.list.cohort_id() == chooser.itemData(
        chooser.count() - 1
    )


def test_followups_apply_link_brings_the_tab_forward(qtbot, window):
    page = open_link(window, Link("followups", (("view", "rates"),)))
    assert page is _on(window, "followups") and page.tabs.currentWidget() is page.rates
    assert not page.rates.stale  # read as it came forward
    open_link(window, Link("followups"))
    assert page.tabs.currentWidget() is page.calls


def test_providers_apply_link_shows_the_licences_ending(qtbot, window):
    page = window.page("providers")
    page.list.search.setText("zzz")
    open_link(window, Link("providers", (("expiring_only", "1"),)))
    assert _on(window, "providers") is page and page.list.expiring.isChecked()
    assert page.list.search.text() == "" and page.list.model.rows
    assert all(row.expiring for row in page.list.model.rows)
    open_link(window, Link("providers"))
    assert not page.list.expiring.isChecked()


def test_sync_apply_link_brings_the_review_tab_forward(qtbot, window):
    page = open_link(window, Link("sync", (("tab", "duplicates"),)))
    assert page is _on(window, "sync") and page.tabs.currentWidget() is page.duplicates
    open_link(window, Link("sync", (("tab", "conflicts"),)))
    assert page.tabs.currentWidget() is page.conflicts
    settle(qtbot)  # not linked: the tab says so, no box (app.ui.pages.sync_review)


def test_a_link_to_a_page_the_window_does_not_have_opens_nothing(qtbot, window):
    assert open_link(window, Link("no-such-page")) is None
    assert window.pages.currentWidget() is _home(window)


def test_the_figures_agree_with_the_service_in_the_window(qtbot, window):
    """The same figures in the real main window (what a branch head sees at sign-in)."""
    home = _home(window)
    board = dashboard(window.ctx.db)
    assert home.shown_board() == board
    assert home.isVisible() and home.tiles.attendance.isVisible()
