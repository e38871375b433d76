"""Beranda, the programme's dashboard (issue #14 item 1), with real widgets on the demo office:
the page shows what app.services.dashboard counts (compared with `dashboard(db)` itself),
says it is loading until the background task answers and never waits for it in the UI
thread, drops an answer older than the newest request, reads again once after a burst of
changes, shows a failure as a sentence in the page, and says when the server's counts are
unknown — not linked, still asking, or the server unreachable.

The demo office is built once per module (app.services.demo.fill_demo on the test clock's
Monday 2 November 2026) and copied for each test."""

from __future__ import annotations

import dataclasses
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem

from app import formats
from app.services import dashboard as dashboard_service
from app.services.dashboard import dashboard
from app.services.dashboard_views import Dashboard
from app.ui import tasks
from app.ui.shots.session import MAIN_SIZE
from tests.conftest import ADMIN_PASSWORD, FakeClock
from tests.ui.conftest import close_windows_and_wait
from tests.ui.helpers import message_boxes


def build_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The set-up office JKT of the root conftest, filled with the demo data."""
    from app.db import Database, upgrade
    from app.services.actor import cli_actor
    from app.services.demo import fill_demo
    from app.services.office import initialise

    home = tmp_path_factory.mktemp("home-demo")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LOKET_HOME", str(home))
        upgrade(home / "loket.db", home / "backups")
        db = Database(home / "loket.db", clock=FakeClock())
        initialise(
            db,
            office_code="JKT",
            device_no=1,
            admin_username="admin",
            admin_full_name="Admin Kantor",
            admin_password=ADMIN_PASSWORD,
            actor_label="cli:test",
        )
        fill_demo(db, cli_actor("JKT"), seed=7)
        db.dispose()
    return home / "loket.db"


def open_copy(template: Path, clock: FakeClock) -> tuple[Any, Any]:
    """An AppContext on a copy of the template in this test's LOKET_HOME."""
    from app import config
    from app.db import Database
    from app.ui.context import AppContext

    shutil.copyfile(template, config.db_path())
    db = Database(config.db_path(), clock=clock)
    return AppContext(config.db_path(), config.backups_dir(), db=db), db


@pytest.fixture(scope="module")
def _template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_template(tmp_path_factory)


@pytest.fixture
def demo_ctx(_template: Path, home: Path, clock: FakeClock) -> Iterator[Any]:
    ctx, db = open_copy(_template, clock)
    yield ctx
    close_windows_and_wait()
    ctx.close()
    db.dispose()


@pytest.fixture
def demo_admin(demo_ctx: Any) -> Any:
    from app.services.auth import login

    return login(demo_ctx.db, "admin", ADMIN_PASSWORD).actor


def plain(label: Any) -> str:
    """What a rich-text label reads as (its non-breaking spaces as spaces)."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText().replace("\xa0", " ")


def settle(qtbot: Any) -> None:
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=30_000)
    QApplication.processEvents()


def home_page(qtbot: Any, ctx: Any, actor: Any) -> Any:
    """Beranda on its own, at the size of the main window's page area on a 1366×768 screen
    (MAIN_SIZE less the 230-pixel sidebar, the DEMO strip and the status bar)."""
    from app.ui.pages.home import HomePage

    page = HomePage(ctx, actor)
    qtbot.addWidget(page)
    page.resize(MAIN_SIZE[0] - 230, MAIN_SIZE[1] - 50)
    page.show()
    return page


def loaded(qtbot: Any, page: Any) -> None:
    qtbot.waitUntil(lambda: page.board is not None and not page.loading, timeout=30_000)
    settle(qtbot)


class Gate:
    """Holds `dashboard` (or another service call) in its worker thread until opened, so a
    test sees the page while the figures are on their way."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.calls = 0

    def wrap(self, real: Callable[..., Any], hold: Callable[[int], bool]) -> Callable[..., Any]:
        def held(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            if hold(self.calls):
                assert self.event.wait(30)
            return real(*args, **kwargs)

        return held


@pytest.fixture
def gate() -> Iterator[Gate]:
    found = Gate()
    yield found
    found.event.set()  # never leave a worker waiting
    tasks.wait_all()


# --- the figures ------------------------------------------------------------------------------


def test_the_page_shows_the_services_figures(qtbot, demo_ctx, demo_admin):
    page = home_page(qtbot, demo_ctx, demo_admin)
    loaded(qtbot, page)
    board = dashboard(demo_ctx.db)
    assert page.board == board
    progress = board.progress
    assert formats.number(progress.registered) in page.progress.numbers.text()
    assert formats.number(progress.target) in page.progress.numbers.text()
    assert page.progress.share.text() == formats.percent(progress.registered_share)
    assert f"Kantor JKT: {formats.number(progress.office)} peserta" in page.progress.office.text()

    tiles = page.tiles
    training, overall = board.training, board.outcomes.overall
    assert tiles.attendance.value.text() == formats.percent(training.attendance_rate) != "–"
    assert tiles.completion.value.text() == formats.percent(training.completion_rate) != "–"
    assert f"{training.passed} lulus dari {training.enrolled}" in tiles.completion.detail.text()
    assert tiles.working.value.text() == formats.percent(overall.working_rate)
    assert tiles.self_employed.value.text() == formats.percent(overall.self_employed_rate)
    due = board.followups
    assert due.overdue > 0  # the demo has late calls: shown in red
    assert tiles.followups.value.text() == formats.number(due.total)
    assert tiles.followups.value.property("alert") is True
    assert plain(tiles.followups.detail) == f"{due.overdue} terlambat · {due.this_week} minggu ini"
    assert tiles.licences.value.text() == formats.number(board.licences.providers)
    assert board.licences.items[0].name in tiles.licences.detail.text()
    assert tiles.stipends.value.text() == formats.rupiah(board.stipends.amount)
    assert tiles.stipends.caption.text() == "Dibayar November 2026"  # the test clock's month

    waiting, rows = board.waiting, page.waiting
    assert rows.entitlements.count.text() == formats.number(waiting.entitlements.count or 0)
    assert rows.entitlements.detail.text() == formats.rupiah(waiting.entitlements.amount)
    assert rows.days_to_lock.count.text() == formats.number(waiting.days_to_lock.count or 0)
    assert rows.double_payments.count.text() == formats.number(waiting.double_payments.count or 0)
    assert rows.overpayments.count.text() == formats.number(waiting.overpayments.count or 0)
    assert formats.number(board.sync.pending) in page.sync_card.queue.text()

    people = board.participants
    assert page.status_chart.names() == [c.label for c in people.by_status]  # none cut
    assert [b.values for b in page.status_chart.bars] == [(c.count,) for c in people.by_status]
    assert page.office_chart.names() == [c.label for c in people.by_office[:8]]
    modules = people.by_module[:6]
    assert page.module_chart.names() == [m.label for m in modules]
    assert [b.values for b in page.module_chart.bars] == [(m.chosen, m.places) for m in modules]
    assert page.state.text().startswith("Angka per pukul")
    for _ in range(3):  # each read draws the names again, leaving none of the old behind
        page.refresh()
        loaded(qtbot, page)
    for chart in page.charts():
        drawn = [i for i in chart.scene().items() if isinstance(i, QGraphicsSimpleTextItem)]
        assert len(drawn) == len(chart.name_items)


def test_the_greeting_follows_the_hour(qtbot, demo_ctx, demo_admin):
    page = home_page(qtbot, demo_ctx, demo_admin)
    said = {hour: page.greeting_text(hour) for hour in (2, 4, 10, 11, 14, 15, 17, 18, 23)}
    assert said == {
        2: "Selamat malam, Admin Kantor",
        4: "Selamat pagi, Admin Kantor",
        10: "Selamat pagi, Admin Kantor",
        11: "Selamat siang, Admin Kantor",
        14: "Selamat siang, Admin Kantor",
        15: "Selamat sore, Admin Kantor",
        17: "Selamat sore, Admin Kantor",
        18: "Selamat malam, Admin Kantor",
        23: "Selamat malam, Admin Kantor",
    }
    assert page.greeting.text().endswith("Admin Kantor") and page.date.text()


def test_nothing_to_count_yet_reads_as_a_dash_not_zero_percent(qtbot, ctx, admin):
    """A new office: no marks, no finished cohort, nobody reached by a call."""
    page = home_page(qtbot, ctx, admin)
    loaded(qtbot, page)
    for tile in (page.tiles.attendance, page.tiles.completion, page.tiles.working):
        assert tile.value.text() == "–"
    assert page.tiles.attendance.detail.text() == "Belum ada absensi tercatat"
    assert page.tiles.licences.detail.text() == "Tidak ada"
    assert page.tiles.stipends.value.text() == "Rp0"


# --- in the background ------------------------------------------------------------------------


def test_the_figures_are_read_in_the_background_and_the_page_says_it_is_loading(
    qtbot, demo_ctx, demo_admin, gate, monkeypatch
):
    monkeypatch.setattr(
        dashboard_service, "dashboard", gate.wrap(dashboard_service.dashboard, lambda _n: True)
    )
    page = home_page(qtbot, demo_ctx, demo_admin)
    qtbot.waitUntil(lambda: gate.calls == 1, timeout=10_000)
    # the worker holds the figures; the window answers meanwhile
    QApplication.processEvents()
    assert page.loading and page.board is None
    assert page.state.text() == "Memuat angka program…"
    assert page.tiles.attendance.value.text() == "…"
    assert page.waiting.entitlements.count.text() == "…"
    gate.event.set()
    loaded(qtbot, page)
    assert page.tiles.attendance.value.text().endswith("%")


def test_an_answer_older_than_the_newest_request_is_dropped(
    qtbot, demo_ctx, demo_admin, gate, monkeypatch
):
    real = dashboard_service.dashboard

    def first_is_stale(db: Any, today: Any = None, lang: Any = None) -> Dashboard:
        board = real(db, today, lang)
        if gate.calls == 1:  # the first answer says 7 registered: it must never show
            progress = dataclasses.replace(board.progress, registered=7)
            return dataclasses.replace(board, progress=progress)
        return board

    monkeypatch.setattr(dashboard_service, "dashboard", gate.wrap(first_is_stale, lambda n: n == 1))
    page = home_page(qtbot, demo_ctx, demo_admin)
    qtbot.waitUntil(lambda: gate.calls == 1, timeout=10_000)
    page.refresh()  # a newer request while the first is held
    qtbot.waitUntil(lambda: page.board is not None, timeout=30_000)
    newest = page.board
    gate.event.set()
    settle(qtbot)
    assert page.board is newest and page.board.progress.registered != 7
    assert " 7 dari" not in page.progress.numbers.text()


def test_a_failed_read_is_a_sentence_in_the_page_not_a_crash(
    qtbot, demo_ctx, demo_admin, monkeypatch
):
    def broken(*_args: Any, **_kwargs: Any) -> Dashboard:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(dashboard_service, "dashboard", broken)
    page = home_page(qtbot, demo_ctx, demo_admin)
    qtbot.waitUntil(lambda: page.problem.isVisible(), timeout=10_000)
    assert page.problem.text().startswith("Angka program tidak dapat dibaca.")
    assert "disk on fire" not in page.problem.text() and "Traceback" not in page.problem.text()
    assert message_boxes() == [] and not page.loading


def test_a_registration_refreshes_the_page_once_after_a_burst_of_changes(
    qtbot, demo_ctx, demo_admin, monkeypatch
):
    from tests.ui.sync_helpers import register_person

    page = home_page(qtbot, demo_ctx, demo_admin)
    loaded(qtbot, page)
    before = page.board.progress.registered
    reads: list[int] = []
    real = dashboard_service.dashboard

    def counted(*args: Any, **kwargs: Any) -> Dashboard:
        reads.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(dashboard_service, "dashboard", counted)
    # written as the window writes: a task on the writer thread announces what it changed
    tasks.run_task(
        lambda _p, _c: register_person(demo_ctx.db, demo_admin, "3171011505900002", "Sinta Dewi"),
        write=True,
    )
    qtbot.waitUntil(lambda: page.board.progress.registered == before + 1, timeout=30_000)
    assert formats.number(before + 1) in page.progress.numbers.text()
    settle(qtbot)
    reads.clear()
    for _ in range(5):  # an import, a sync cycle: many changes in a row
        demo_ctx.data_changed.emit(frozenset({"participant"}))
    demo_ctx.data_changed.emit(frozenset({"vacancy"}))  # moves no figure
    qtbot.waitUntil(lambda: len(reads) == 1, timeout=10_000)
    qtbot.wait(page.timer.interval() * 2)
    settle(qtbot)
    assert len(reads) == 1
    page.hide()
    demo_ctx.data_changed.emit(frozenset({"participant"}))  # hidden: read when shown again
    assert not page.timer.isActive()


# --- what only the server knows ---------------------------------------------------------------


def _link_to_a_server(db: Any) -> None:
    from app.models import SyncLink

    with db.write() as session:
        session.add(
            SyncLink(
                id=1,
                server_url="https://vokasi.example.id",
                device_id="d",
                token="t",
                office_code="JKT",
                enrolled_at=db.clock(),
            )
        )


def test_conflicts_and_duplicates_are_unknown_on_a_pc_not_linked(qtbot, demo_ctx, demo_admin):
    page = home_page(qtbot, demo_ctx, demo_admin)
    loaded(qtbot, page)
    for row in (page.waiting.conflicts, page.waiting.duplicates):
        assert row.count.text() == "tidak diketahui"
    note = page.waiting.server_note.text()
    assert note == "Konflik dan NIK ganda: komputer ini belum terhubung ke server."
    assert page.sync_card.state.text() == "Komputer ini belum terhubung ke server pusat."


def test_a_server_that_cannot_be_reached_leaves_them_unknown_and_says_so(
    qtbot, demo_ctx, demo_admin, gate, monkeypatch
):
    from app.errors import StateError
    from app.services import sync_review
    from app.services.sync_review import OFFLINE

    def offline(_db: Any) -> list[dict[str, Any]]:
        raise StateError(OFFLINE, why="connection refused")

    _link_to_a_server(demo_ctx.db)
    monkeypatch.setattr(sync_review, "conflicts", gate.wrap(offline, lambda _n: True))
    page = home_page(qtbot, demo_ctx, demo_admin)
    qtbot.waitUntil(lambda: gate.calls == 1 and page.board is not None, timeout=30_000)
    assert page.waiting.conflicts.count.text() == "…"  # asking
    assert page.waiting.server_note.text() == "Konflik dan NIK ganda: menanyakan server…"
    gate.event.set()
    qtbot.waitUntil(lambda: "terjangkau" in page.waiting.server_note.text(), timeout=10_000)
    assert page.waiting.server_note.text() == "Konflik dan NIK ganda: server tidak terjangkau."
    assert page.waiting.duplicates.count.text() == "tidak diketahui"
    assert page.shown_board().waiting.conflicts.count is None
    assert message_boxes() == []


def test_the_servers_answer_fills_in_conflicts_and_duplicates(
    qtbot, demo_ctx, demo_admin, monkeypatch
):
    from app.services import sync_review

    _link_to_a_server(demo_ctx.db)
    monkeypatch.setattr(sync_review, "conflicts", lambda _db: [{"id": 1}, {"id": 2}])
    monkeypatch.setattr(sync_review, "duplicates", lambda _db: [{"id": 9}])
    page = home_page(qtbot, demo_ctx, demo_admin)
    qtbot.waitUntil(lambda: page.waiting.conflicts.count.text() == "2", timeout=30_000)
    assert page.waiting.duplicates.count.text() == "1"
    assert not page.waiting.server_note.isVisible()
    board = page.shown_board()
    assert (board.waiting.conflicts.count, board.waiting.duplicates.count) == (2, 1)
    assert f"({formats.number(board.waiting.total)})" in page.waiting.title.text()
