"""Pendaftaran Peserta: typing a whole intake, errors next to fields, duplicates, warnings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui.intake.duplicates import DuplicatesDialog
from tests.ui.helpers import click
from tests.ui.participant_helpers import BUDI, box_button, participants_page, settle
from tests.unit.helpers import count, rows

TYPED = [  # (field, what the clerk types), in the order of the form
    ("nik", "3171011708900001"),
    ("nama", "Budi Santoso"),
    ("tempat_lahir", "Jakarta"),
    ("tanggal_lahir", "31/02/1990"),  # wrong on purpose: February has no 31st
    ("jenis_kelamin", "Laki"),
    ("pendidikan", "SMK"),
    ("alamat", "Jl. Kebon Sirih No. 5, RT 02/RW 03"),
    ("province", "jakarta"),
    ("regency", "jakarta pusat"),
    ("district", "gambir"),
    ("alamat_domisili", "Jl. Cempaka Putih 7"),
    ("telepon", "0812 3456 7890"),
    ("email", "budi.santoso@contoh.id"),
    ("kpj", "12345678901"),
    ("perusahaan_terakhir", "PT Maju Jaya Garmen"),
    ("npp", "12345678"),
    ("jabatan", "Operator jahit"),
    ("jenis_kontrak", "PKWTT"),
    ("mulai_kerja", "01/03/2015"),
    ("tanggal_phk", "15/06/2026"),
    ("alasan_phk", "Efisiensi"),
    ("upah_terakhir", "5.200.000"),
    ("jht_diklaim", "Belum"),
    ("bank", "BRI"),
    ("nomor_rekening", "0123456789012"),
    ("nama_pemilik_rekening", "BUDI SANTOSO"),
    ("pilihan_pelatihan_1", "Juru las"),
    ("pilihan_pelatihan_2", "Operator forklift"),
]


def _input(view, name):
    picker = view.form.widget_of("kode_wilayah")
    parts = {"province": picker.province, "regency": picker.regency, "district": picker.district}
    widget = parts.get(name) or view.form.widget_of(name)
    return widget.lineEdit() if hasattr(widget, "isEditable") and widget.isEditable() else widget


# The region pickers' search list is a popup; offscreen Qt says it cannot grab the keyboard.
@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_clerk_types_a_whole_intake_fixes_an_error_and_saves_with_ctrl_s(qtbot, ctx, admin):
    page = participants_page(qtbot, ctx, admin)
    click(qtbot, page.list.new_button)
    view = page.intake
    assert view is not None and page.stack.currentWidget() is view
    for name, text in TYPED:
        widget = _input(view, name)
        widget.setFocus()
        qtbot.keyClicks(widget, text)
        qtbot.keyClick(widget, Qt.Key.Key_Return)  # Enter moves on, never submits
    for box in (view.form.widget_of("whatsapp"), view.form.widget_of("persetujuan")):
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
    settle(qtbot)
    assert count(ctx.db.path, "participant") == 0
    assert view.values()["kode_wilayah"] == "31.71.01"
    assert view.values()["jenis_kelamin"] == "L" and view.values()["alasan_phk"] == "efficiency"

    error = view.form.errors.label("tanggal_lahir")
    assert error.isVisible() and error.text().startswith("Tanggal tidak valid: 31/02/1990.")
    assert [r.status for r in view.panel.lines if r.key == "max_age"] == ["unknown"]

    born = view.form.widget_of("tanggal_lahir")
    born.selectAll()
    qtbot.keyClicks(born, "17/08/1990")
    qtbot.keyClick(born, Qt.Key.Key_Return)
    settle(qtbot)
    assert not error.isVisible()
    assert [r.status for r in view.panel.lines if r.key == "max_age"] == ["met"]

    view.window().activateWindow()
    qtbot.keyClick(view.form.widget_of("nama"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    settle(qtbot)
    saved = rows(
        ctx.db.path,
        "SELECT nik, full_name, birth_date, region_code, phone, whatsapp, job_title, "
        "contract_type, last_wage, jht_claimed, training_choice_2, bank_account FROM participant",
    )
    assert saved == [
        (
            "3171011708900001",
            "Budi Santoso",
            "1990-08-17",
            "31.71.01",
            "+6281234567890",
            1,
            "Operator jahit",
            "PKWTT",
            5200000,
            0,
            "FORKLIFT",  # the module picked, stored by its code (issue #9)
            "0123456789012",
        )
    ]
    assert count(ctx.db.path, "consent") == 1
    assert count(ctx.db.path, "intake_draft") == 0
    assert page.detail.saved_note.isVisible() and page.detail.name.text() == "Budi Santoso"


def test_enter_moves_to_the_next_input_in_form_order(qtbot, ctx, admin):
    page = participants_page(qtbot, ctx, admin)
    view = page.new_intake()
    chain = view.form.focus_chain()
    view.window().activateWindow()
    chain[0].setFocus()
    qtbot.keyClick(chain[0], Qt.Key.Key_Return)
    assert QApplication.focusWidget() is chain[1]
    names = [n for n in view.form.bindings][:4]
    assert names == ["nik", "nama", "tempat_lahir", "tanggal_lahir"]


def test_same_nik_offers_to_open_the_existing_record(qtbot, ctx, admin):
    from app.services.participants import register

    existing = register(ctx.db, admin, BUDI).saved
    page = participants_page(qtbot, ctx, admin)
    view = page.new_intake()
    view.load({**BUDI, "nama": "Budi S."})
    settle(qtbot)
    assert [c.reason for c in view.panel.candidates] == ["nik"]
    view.flow.save()
    click(qtbot, box_button(qtbot, "Buka data yang ada"))
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    assert page.detail.participant_id == existing.id
    assert view.form.errors.label("nik").text().startswith("NIK ini sudah terdaftar atas nama")
    assert count(ctx.db.path, "participant") == 1


def test_a_warning_must_be_confirmed_before_saving(qtbot, ctx, admin):
    page = participants_page(qtbot, ctx, admin)
    view = page.new_intake()
    view.load({**BUDI, "kpj": "12345"})
    view.flow.save()
    button = box_button(qtbot, "Sudah diperiksa, simpan")
    text = button.window().text()
    assert text.startswith("Periksa hal berikut bersama peserta:")
    assert "• KPJ (nomor kepesertaan): KPJ biasanya 11 angka" in text
    assert count(ctx.db.path, "participant") == 0
    assert view.form.errors.label("kpj").objectName() == "fieldWarning"
    click(qtbot, button)
    qtbot.waitUntil(lambda: count(ctx.db.path, "participant") == 1, timeout=10_000)


def test_similar_name_with_same_birth_date_must_be_acknowledged(qtbot, ctx, admin):
    from app.services.participants import register

    first = register(
        ctx.db, admin, {**BUDI, "nama": "Muhammad Rizki", "nama_pemilik_rekening": ""}
    ).saved
    page = participants_page(qtbot, ctx, admin)
    view = page.new_intake()
    other = {**BUDI, "nik": "3171011708900002", "kpj": "", "nama": "Moch. Rizki"}
    view.load({**other, "nama_pemilik_rekening": "Moch. Rizki"})
    view.flow.save()
    qtbot.waitUntil(lambda: view.findChild(DuplicatesDialog) is not None, timeout=10_000)
    dialog = view.findChild(DuplicatesDialog)
    assert list(dialog.checks) == [first.id]
    assert not dialog.save_button.isEnabled()
    dialog.checks[first.id].setChecked(True)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: count(ctx.db.path, "participant") == 2, timeout=10_000)
    settle(qtbot)
    assert rows(
        ctx.db.path,
        "SELECT count(*) FROM audit_event WHERE action='participant.register' AND detail LIKE ?",
        f"%{first.id}%",
    ) == [(1,)]
