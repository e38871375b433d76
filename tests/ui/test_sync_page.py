"""Sinkronisasi page and the sync status bar against a real sync server over real HTTP:
enrol with a one-time code, sync on demand and on the timer, offline, a refused change."""

from __future__ import annotations

import json
import uuid

from app.models import Outbox
from app.services.staff import add_staff
from app.sync import client, transport
from app.ui.formats import fmt_time
from tests.ui.helpers import click, message_boxes, type_into, wait_for_box
from tests.ui.sync_helpers import bar_text, enrol, enroll_code, fresh_number, sync_window


def test_enrol_through_the_page_then_sync_now(qtbot, ctx, admin, clock, sync_server):
    fresh_number(ctx.db)
    window = sync_window(qtbot, ctx, admin)
    page = window.page("sync")
    assert bar_text(window) == "● Belum terhubung ke server"
    assert page.enrol_box.isVisible() and not page.sync_button.isEnabled()
    qtbot.waitUntil(lambda: page.pending_model.rowCount() > 0, timeout=10_000)
    waiting = client.status(ctx.db).pending
    assert page.tabs.tabText(0) == f"Menunggu ({waiting})"
    kinds = {page.pending_model.index(r, 1).data() for r in range(page.pending_model.rowCount())}
    assert {"Staf", "Catatan audit"} <= kinds
    assert page.pending_model.index(0, 4).data() == "Menunggu dikirim"

    type_into(qtbot, page.enrol_box.url_edit, sync_server.url)
    type_into(qtbot, page.enrol_box.code_edit, "AAAA-BBBB-CCCC")
    click(qtbot, page.enrol_box.button)
    box = wait_for_box(qtbot)
    assert box.text().startswith("Pendaftaran ditolak: Kode pendaftaran tidak berlaku")
    box.close()
    assert client.status(ctx.db).enrolled is False

    type_into(qtbot, page.enrol_box.code_edit, enroll_code(sync_server, "JKT"))
    click(qtbot, page.enrol_box.button)
    box = wait_for_box(qtbot)
    assert box.text().startswith(f"Komputer ini sekarang sinkron dengan {sync_server.url}.")
    box.close()
    qtbot.waitUntil(lambda: window.sync.outcome is not None, timeout=30_000)
    assert window.sync.outcome.ok
    qtbot.waitUntil(lambda: page.tabs.tabText(0) == "Menunggu (0)", timeout=10_000)
    assert not page.enrol_box.isVisible() and page.sync_button.isEnabled()
    assert page.result_label.text().startswith(f"Sinkronisasi selesai: {waiting} dikirim")
    assert bar_text(window) == (
        f"● Online · 0 perubahan menunggu · Sinkron terakhir {fmt_time(clock.now)}"
    )

    add_staff(  # a change after the sync: waiting again, until "Sinkronkan sekarang"
        ctx.db,
        admin,
        username="loket.rina",
        full_name="Rina",
        role="counter",
        password="Sementara1",
    )
    ctx.changed({"staff"})
    qtbot.waitUntil(lambda: "· 2 perubahan menunggu ·" in bar_text(window), timeout=10_000)
    clock.advance(minutes=7)
    click(qtbot, page.sync_button)
    assert not page.sync_button.isEnabled() and page.busy.isVisible()  # while it runs
    qtbot.waitUntil(lambda: not window.sync.running, timeout=30_000)
    assert page.sync_button.isEnabled() and not page.busy.isVisible()
    assert bar_text(window) == (
        f"● Online · 0 perubahan menunggu · Sinkron terakhir {fmt_time(clock.now)}"
    )


def test_offline_says_why_and_keeps_the_changes(qtbot, ctx, admin, sync_server, monkeypatch):
    enrol(ctx.db, sync_server)
    assert client.run_cycle(ctx.db).ok
    add_staff(
        ctx.db,
        admin,
        username="loket.budi",
        full_name="Budi",
        role="counter",
        password="Sementara1",
    )
    waiting = client.status(ctx.db).pending
    assert waiting > 0
    window = sync_window(qtbot, ctx, admin)
    page = window.page("sync")
    monkeypatch.setattr(transport.random, "uniform", lambda _a, _b: 0.0)  # no backoff waits
    sync_server.stop()
    try:
        click(qtbot, page.sync_button)
        qtbot.waitUntil(lambda: window.sync.outcome is not None, timeout=30_000)
        assert not window.sync.outcome.ok
        assert bar_text(window).startswith(
            f"● Offline (server tidak menjawab) · {waiting} perubahan menunggu"
        )
        assert page.problem_label.text() == (
            "Server tidak dapat dihubungi (server tidak menjawab). Pekerjaan tetap tersimpan "
            "di komputer ini."
        )
        assert page.state_label.text().startswith("Offline")
        assert page.result_label.text().startswith("Sinkronisasi gagal: Server tidak dapat")
        assert message_boxes() == []  # the status bar says it, no box every few minutes
        assert client.status(ctx.db).pending == waiting
        qtbot.waitUntil(lambda: page.tabs.tabText(0) == f"Menunggu ({waiting})", timeout=10_000)

        page.tabs.setCurrentWidget(page.conflicts)
        qtbot.waitUntil(lambda: page.conflicts.reload_button.isEnabled(), timeout=30_000)
        assert page.conflicts.state.text() == (
            "Tidak dapat menghubungi server: server tidak menjawab."
        )
        assert page.conflicts.cards == []
    finally:
        sync_server.start()


def test_background_timer_runs_cycles_one_at_a_time(qtbot, ctx, admin, sync_server):
    enrol(ctx.db, sync_server)
    assert client.status(ctx.db).pending > 0
    window = sync_window(qtbot, ctx, admin, interval_ms=300)
    qtbot.waitUntil(lambda: window.sync.running, timeout=10_000)
    assert window.sync.run_now() is False  # never two cycles at once
    qtbot.waitUntil(lambda: window.sync.outcome is not None, timeout=30_000)
    assert window.sync.outcome.ok
    assert client.status(ctx.db).pending == 0
    qtbot.waitUntil(lambda: "Online · 0 perubahan menunggu" in bar_text(window), timeout=5_000)
    window.close()  # closing stops the timer: nothing runs against a closed window
    assert not window.sync.timer.isActive()


def test_refused_change_shows_its_reason_in_indonesian(qtbot, ctx, admin, sync_server):
    enrol(ctx.db, sync_server)
    assert client.run_cycle(ctx.db).ok
    with ctx.db.write() as session:  # an audit record changed after the fact: refused
        last = session.query(Outbox).filter_by(entity="audit_event").order_by(Outbox.seq).first()
        session.add(
            Outbox(
                mutation_id=str(uuid.uuid4()),
                entity="audit_event",
                entity_id=last.entity_id,
                office_code="JKT",
                op="update",
                base_version=1,
                version=2,
                hlc=last.hlc,
                changes=json.dumps({"action": "auth.login"}),
                created_at=ctx.db.clock(),
            )
        )
    window = sync_window(qtbot, ctx, admin)
    page = window.page("sync")
    click(qtbot, page.sync_button)
    qtbot.waitUntil(lambda: window.sync.outcome is not None, timeout=30_000)
    assert window.sync.outcome.ok  # the server answered: a refusal is a result, not a fault
    qtbot.waitUntil(lambda: page.tabs.tabText(1) == "Bermasalah (1)", timeout=10_000)
    row = [page.failed_model.index(0, c).data() for c in range(6)]
    assert row[1:] == [
        "Catatan audit",
        "",
        "ubah",
        "Ditolak",
        "Jenis data ini tidak boleh diubah setelah dibuat.",
    ]
    assert "1 perlu diperiksa (tab Bermasalah)" in page.result_label.text()
    assert bar_text(window).endswith("· 1 bermasalah")


def test_linked_but_never_synced_is_said_once(qtbot, ctx, admin, sync_server):
    enrol(ctx.db, sync_server)
    window = sync_window(qtbot, ctx, admin)
    waiting = client.status(ctx.db).pending
    assert bar_text(window) == f"● Belum pernah sinkron · {waiting} perubahan menunggu"
