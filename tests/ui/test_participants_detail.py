"""Detail view: masked values, audited reveal, status change, edit with history, scans."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPixmap

from app.ui.dialogs.participant_status import StatusDialog
from tests.ui.helpers import click, type_into
from tests.ui.participant_helpers import BUDI, participants_page, settle
from tests.unit.helpers import count, rows


def _detail(qtbot, ctx, admin):
    from app.services.participants import register

    pid = register(ctx.db, admin, BUDI).saved.id
    page = participants_page(qtbot, ctx, admin)
    detail = page.open_detail(pid)
    settle(qtbot)
    return page, detail, pid


def test_reveal_shows_the_full_nik_for_a_while_and_is_logged(qtbot, ctx, admin):
    _page, detail, pid = _detail(qtbot, ctx, admin)
    field = detail.reveals["nik"]
    assert field.value.text() == "3171********0001"
    assert detail.reveals["bank_account"].value.text() == "01*********12"
    click(qtbot, field.button)
    qtbot.waitUntil(lambda: field.value.text() == BUDI["nik"], timeout=10_000)
    assert field.logged.isVisible() and field.logged.text() == "Tampilan dicatat"
    assert rows(
        ctx.db.path,
        "SELECT actor, entity_id FROM audit_event WHERE action='participant.reveal'",
    ) == [("admin", pid)]
    field.timer.timeout.emit()  # the moment is over
    assert field.value.text() == "3171********0001" and not field.logged.isVisible()


def test_status_change_needs_a_reason_for_ineligible(qtbot, ctx, admin):
    _page, detail, _pid = _detail(qtbot, ctx, admin)
    dialog = detail.change_status()
    assert isinstance(dialog, StatusDialog)
    dialog.status.setCurrentIndex(dialog.status.findData("ineligible"))
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.errors.label("reason").isVisible(), timeout=10_000)
    assert dialog.errors.label("reason").text() == "Alasan wajib diisi."
    type_into(qtbot, dialog.reason, "Usia di atas 40 tahun")
    with qtbot.waitSignal(dialog.succeeded, timeout=10_000):
        click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: "Tidak memenuhi syarat" in detail.summary.text(), timeout=10_000)
    settle(qtbot)
    assert rows(ctx.db.path, "SELECT status, status_reason FROM participant") == [
        ("ineligible", "Usia di atas 40 tahun")
    ]
    history = detail.history
    assert history.item(0, 2).text() == "Status diubah"
    assert history.item(0, 3).text() == "Status: Terdaftar → Tidak memenuhi syarat"


def test_edit_opens_the_full_record_and_keeps_the_change_in_history(qtbot, ctx, admin):
    page, detail, _pid = _detail(qtbot, ctx, admin)
    click(qtbot, detail.edit_button)
    qtbot.waitUntil(lambda: page.editor is not None, timeout=10_000)
    editor = page.editor
    assert editor.values()["nik"] == BUDI["nik"]  # revealed for editing (audited)
    assert editor.values()["kode_wilayah"] == "31.71.01"
    assert editor.title.text() == "Ubah data peserta"
    phone = editor.form.widget_of("telepon")
    type_into(qtbot, phone, "0813 9999 8888")
    editor.flow.save()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.detail, timeout=10_000)
    settle(qtbot)
    assert rows(ctx.db.path, "SELECT phone FROM participant") == [("+6281399998888",)]
    changes = [page.detail.history.item(r, 3).text() for r in range(page.detail.history.rowCount())]
    assert "Telepon: 0812-3456-7890 → 0813-9999-8888" in changes  # as the form reads them
    # opening for edit shows the full NIK and account: one audit event says so
    assert count(ctx.db.path, "audit_event", "action='participant.open_for_edit'") == 1


def test_a_scan_chosen_in_the_form_is_attached_after_saving(qtbot, ctx, admin, tmp_path):
    scan = tmp_path / "ktp-budi.png"
    pixmap = QPixmap(60, 40)
    pixmap.fill(QColor("#dfe8f1"))
    pixmap.save(str(scan))
    page = participants_page(qtbot, ctx, admin)
    view = page.new_intake()
    view.load(BUDI)
    view.documents.add("ktp", str(scan))
    view.flow.save()
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    settle(qtbot)
    detail = page.detail
    assert detail.documents.rowCount() == 1
    assert [detail.documents.item(0, c).text() for c in (0, 1)] == ["KTP", "ktp-budi.png"]
    stored = rows(ctx.db.path, "SELECT kind, original_name, sha256 FROM participant_document")
    assert stored[0][:2] == ("ktp", "ktp-budi.png") and len(stored[0][2]) == 64


def test_supervisor_exports_and_erases_personal_data_a_clerk_cannot(qtbot, ctx, admin, tmp_path):
    import json

    from app.services.auth import login
    from app.services.participants import register
    from app.services.staff import add_staff

    pid = register(ctx.db, admin, BUDI).saved.id
    page = participants_page(qtbot, ctx, admin)
    assert page.open_detail(pid).privacy.isHidden()  # admin (IT) is not a supervisor
    add_staff(
        ctx.db,
        admin,
        username="spv.rina",
        full_name="Rina",
        role="supervisor",
        password="Sementara1",
    )
    spv = login(ctx.db, "spv.rina", "Sementara1").actor
    page = participants_page(qtbot, ctx, spv)
    detail = page.open_detail(pid)
    settle(qtbot)
    assert not detail.privacy.isHidden()
    target = tmp_path / "budi.json"
    detail.privacy.export_to(target)
    qtbot.waitUntil(target.exists, timeout=10_000)
    assert json.loads(target.read_text(encoding="utf-8"))["participant"]["nik"] == BUDI["nik"]
    detail.privacy.erase("Menarik persetujuan 28/11/2026")
    qtbot.waitUntil(lambda: detail.name.text().startswith("[Dihapus"), timeout=10_000)
    assert rows(ctx.db.path, "SELECT nik, phone, status FROM participant") == [("", None, "erased")]
    assert count(ctx.db.path, "audit_event", "action='participant.erase' AND actor='spv.rina'") == 1
    # back in the list, the person is gone there too (the list stayed stale before: the
    # erasure was announced by a name the list did not listen to; now every committed
    # change is announced by its record type, app.ui.tasks)
    page.show_list()
    qtbot.waitUntil(
        lambda: [r.full_name[:8] for r in page.list.model.rows] == ["[Dihapus"], timeout=10_000
    )
