"""Konflik and NIK ganda tabs against a real sync server: a clash made by two counters of one
office shown side by side and resolved by a supervisor (a counter clerk cannot); the same
NIK registered at two offices listed as a possible duplicate."""

from __future__ import annotations

from app.services.auth import login
from app.services.participant_records import detail
from app.services.staff import add_staff
from app.sync import client
from app.ui.dialogs.supervisor_confirm import SupervisorConfirmDialog
from tests.ui.helpers import click, type_into, wait_for_dialog
from tests.ui.sync_helpers import (
    edit_participant,
    enrol,
    other_pc,
    register_person,
    sync_window,
)


def _staff(ctx, admin, username: str, role: str):
    add_staff(
        ctx.db, admin, username=username, full_name=username, role=role, password="Sementara1"
    )
    return login(ctx.db, username, "Sementara1").actor


def _conflicts_tab(qtbot, window):
    page = window.page("sync")
    page.tabs.setCurrentWidget(page.conflicts)
    qtbot.waitUntil(lambda: page.conflicts.reload_button.isEnabled(), timeout=30_000)
    return page.conflicts


def test_clash_shown_side_by_side_and_resolved_by_a_supervisor(
    qtbot, ctx, admin, sync_server, tmp_path
):
    other, other_admin = other_pc(tmp_path, "counter2", "JKT", 2)
    try:
        enrol(ctx.db, sync_server)
        enrol(other, sync_server)
        budi = register_person(ctx.db, admin, "3171011708900001", "Budi Santoso")
        assert client.run_cycle(ctx.db).ok and client.run_cycle(other).ok
        edit_participant(other, other_admin, budi, phone="+6282222222222")
        edit_participant(ctx.db, admin, budi, phone="+6281111111111")
        assert client.run_cycle(other).ok
        assert client.run_cycle(ctx.db).conflicts  # this PC's change clashes
    finally:
        other.dispose()
    clerk = _staff(ctx, admin, "loket.sari", "counter")
    supervisor = _staff(ctx, admin, "spv.rina", "supervisor")
    assert client.run_cycle(ctx.db).ok  # the server learns the new accounts

    window = sync_window(qtbot, ctx, clerk)
    page = window.page("sync")
    qtbot.waitUntil(lambda: page.tabs.tabText(1) == "Bermasalah (1)", timeout=10_000)
    assert page.failed_model.index(0, 4).data() == "Menunggu supervisor"
    assert page.failed_model.index(0, 5).data() == (
        "Bentrok dengan perubahan di komputer lain: menunggu keputusan supervisor. (Telepon)"
    )
    tab = _conflicts_tab(qtbot, window)
    assert tab.state.text() == "1 konflik menunggu keputusan."
    card = tab.cards[0]
    texts = {label.objectName(): label.text() for label in card.findChildren(type(tab.state))}
    assert texts["conflictTitle"] == "Budi Santoso — Telepon"
    values = [
        w.text() for w in card.findChildren(type(tab.state)) if w.objectName() == "conflictValue"
    ]
    assert values == ["0822-2222-2222", "0811-1111-1111"]  # server | the other computer
    assert [b.text() for b in card.buttons.values()] == [
        "Pakai nilai server",
        "Pakai nilai komputer lain",
    ]
    assert not any(b.isEnabled() for b in card.buttons.values())
    assert tab.note.text().startswith("Hanya supervisor yang dapat memilih")
    window.close()

    window = sync_window(qtbot, ctx, supervisor)
    tab = _conflicts_tab(qtbot, window)
    card = tab.cards[0]
    assert all(b.isEnabled() for b in card.buttons.values())
    click(qtbot, card.buttons["device"])
    dialog = wait_for_dialog(qtbot, SupervisorConfirmDialog)
    assert dialog.intro.text() == (
        "Pakai 0811-1111-1111 sebagai Telepon Budi Santoso? Nilai yang lain tidak dipakai."
    )
    # The server checks the supervisor's own password, not this PC's word (issue #7).
    type_into(qtbot, dialog.password, "Salah12345")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.errors.first_error() != "", timeout=30_000)
    assert dialog.errors.first_error().startswith("Server tidak menerima kata sandi supervisor")
    assert len(tab.cards) == 1
    dialog.password.clear()
    type_into(qtbot, dialog.password, "Sementara1")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: tab.state.text().startswith("Tidak ada konflik"), timeout=30_000)
    assert not dialog.isVisible()
    assert tab.cards == []
    qtbot.waitUntil(lambda: not window.sync.running, timeout=30_000)  # fetches the decision
    assert client.run_cycle(ctx.db).ok
    assert detail(ctx.db, budi).values["phone"] == "+6281111111111"


def test_same_nik_at_two_offices_is_listed_for_a_supervisor(
    qtbot, ctx, admin, sync_server, tmp_path
):
    banten, banten_admin = other_pc(tmp_path, "banten", "BTN", 1)
    try:
        enrol(ctx.db, sync_server)
        enrol(banten, sync_server, "BTN")
        register_person(ctx.db, admin, "3171011505920002", "Siti Aminah")
        register_person(banten, banten_admin, "3171011505920002", "Siti Aminah S.")
        assert client.run_cycle(ctx.db).ok and client.run_cycle(banten).ok
    finally:
        banten.dispose()
    window = sync_window(qtbot, ctx, admin)
    page = window.page("sync")
    page.tabs.setCurrentWidget(page.duplicates)
    qtbot.waitUntil(lambda: page.duplicates.table.rowCount() == 1, timeout=30_000)
    table = page.duplicates.table
    row = [table.item(0, c).text() for c in range(5)]
    assert row[0] == "3171********0002"
    assert {(row[1], row[2]), (row[3], row[4])} == {
        ("Siti Aminah", "DKI Jakarta (JKT)"),
        ("Siti Aminah S.", "Banten (BTN)"),
    }
    assert page.duplicates.state.text() == "1 NIK terdaftar dua kali."
    # The admin is not a supervisor: the merge buttons stay off even with a row chosen.
    table.selectRow(0)
    assert not any(b.isEnabled() for b in page.duplicates.keep_buttons.values())
    assert "Hanya supervisor" in page.duplicates.note.text()
    window.close()

    supervisor = _staff(ctx, admin, "spv.dewi", "supervisor")
    assert client.run_cycle(ctx.db).ok  # the server learns the new account
    window = sync_window(qtbot, ctx, supervisor)
    page = window.page("sync")
    page.tabs.setCurrentWidget(page.duplicates)
    qtbot.waitUntil(lambda: page.duplicates.table.rowCount() == 1, timeout=30_000)
    tab = page.duplicates
    tab.table.selectRow(0)
    jakarta = "a" if tab.items[0].office_a == "DKI Jakarta (JKT)" else "b"
    button = tab.keep_buttons[jakarta]
    assert button.isEnabled()
    click(qtbot, button)
    dialog = wait_for_dialog(qtbot, SupervisorConfirmDialog)
    assert dialog.intro.text().startswith(
        "Pertahankan Siti Aminah (DKI Jakarta (JKT)) dan tandai Siti"
    )
    type_into(qtbot, dialog.password, "Sementara1")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(
        lambda: tab.state.text() == "Tidak ada NIK yang terdaftar dua kali.", timeout=30_000
    )
    assert tab.table.rowCount() == 0
    qtbot.waitUntil(lambda: not window.sync.running, timeout=30_000)
    window.close()
