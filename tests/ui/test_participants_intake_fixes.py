"""The intake fixes a clerk hits first (issue #8 part 8), in the real window: an empty form
that does not say "not eligible", warnings named by their labels, region pickers that find
words inside names, dates typed without separators, the membership facts, Esc on a detail."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import click
from tests.ui.participant_helpers import BUDI, box_button, participants_page, settle
from tests.unit.helpers import rows

# The region pickers' search list is a popup; offscreen Qt says it cannot grab the keyboard.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")


def _type(qtbot, widget, text):
    edit = widget.lineEdit() if hasattr(widget, "isEditable") and widget.isEditable() else widget
    edit.setFocus()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_an_empty_new_form_is_not_yet_certain_and_a_wrong_nik_is_not_eligible(qtbot, ctx, admin):
    page = participants_page(qtbot, ctx, admin)
    view = page.new_intake()
    settle(qtbot)
    assert view.panel.overall.text() == "Belum dapat dipastikan"
    assert view.panel.overall.property("status") == "unknown"
    assert view.panel.lines and {line.status for line in view.panel.lines} == {"unknown"}
    _type(qtbot, view.form.widget_of("nik"), "3171")  # typed, and wrong
    settle(qtbot)
    assert view.panel.overall.text() == "Tidak memenuhi syarat"
    assert [line.status for line in view.panel.lines if line.key == "valid_nik"] == ["not_met"]


def test_the_warnings_are_named_by_their_labels_and_back_goes_to_the_first(qtbot, ctx, admin):
    page = participants_page(qtbot, ctx, admin)
    view = page.new_intake()
    view.load({**BUDI, "tanggal_lahir": "18/08/1990"})  # the NIK says 17/08/1990
    view.flow.save()
    back = box_button(qtbot, "Kembali ke formulir")
    text = back.window().text()
    assert "• Tanggal lahir: " in text and "birth_date" not in text
    click(qtbot, back)
    born = view.form.widget_of("tanggal_lahir")
    # the window's focus: offscreen Qt activates no window after a box closes
    qtbot.waitUntil(lambda: view.window().focusWidget() is born, timeout=10_000)

    view.load({**BUDI, "kpj": "12345", "nama_pemilik_rekening": "Siti Aminah"})
    view.flow.save()
    back = box_button(qtbot, "Kembali ke formulir")
    text = back.window().text()
    assert text.index("• KPJ (nomor kepesertaan): ") < text.index("• Nama pemilik rekening: ")
    click(qtbot, back)
    kpj = view.form.widget_of("kpj")
    qtbot.waitUntil(lambda: view.window().focusWidget() is kpj, timeout=10_000)
    assert rows(ctx.db.path, "SELECT count(*) FROM participant") == [(0,)]


def test_region_pickers_find_words_inside_names_alphabetically(qtbot, ctx, admin):
    page = participants_page(qtbot, ctx, admin)
    view = page.new_intake()
    picker = view.form.widget_of("kode_wilayah")
    regency, district = picker.regency.lineEdit(), picker.district.lineEdit()
    assert regency.placeholderText() == "pilih provinsi dulu"
    _type(qtbot, picker.province, "jakarta")
    assert picker.province.currentText() == "Daerah Khusus Ibukota Jakarta"
    assert regency.placeholderText() == "ketik untuk mencari"
    assert district.placeholderText() == "pilih kabupaten/kota dulu"
    names = [picker.regency.itemText(i) for i in range(picker.regency.count())]
    assert names == sorted(names, key=str.casefold) and len(names) == 6
    _type(qtbot, picker.regency, "barat jakarta")  # words in another order
    assert picker.regency.currentText() == "Kota Administrasi Jakarta Barat"
    assert district.placeholderText() == "ketik untuk mencari"
    districts = [picker.district.itemText(i) for i in range(picker.district.count())]
    assert districts == sorted(districts, key=str.casefold)
    assert districts[0] == "Cengkareng" and districts[1] == "Grogol Petamburan"  # not by code
    district.setFocus()
    qtbot.keyClicks(district, "merah")
    completer = picker.district.completer()
    found = completer.completionModel()
    assert [found.index(i, 0).data() for i in range(found.rowCount())] == ["Pal Merah"]
    qtbot.keyClick(district, Qt.Key.Key_Return)
    assert picker.district.currentText() == "Pal Merah" and picker.code() == "31.73.07"
    settle(qtbot)
    assert view.values()["kode_wilayah"] == "31.73.07"
    _type(qtbot, picker.province, "")
    picker.set_code("")
    assert regency.placeholderText() == "pilih provinsi dulu"


def test_a_date_typed_without_separators_is_shown_as_understood(qtbot, ctx, admin):
    page = participants_page(qtbot, ctx, admin)
    view = page.new_intake()
    born = view.form.widget_of("tanggal_lahir")
    _type(qtbot, born, "06051993")
    assert born.text() == "06/05/1993"
    _type(qtbot, view.form.widget_of("tanggal_phk"), "1-6-2026")
    assert view.form.widget_of("tanggal_phk").text() == "01/06/2026"
    wrong = view.form.widget_of("mulai_kerja")
    _type(qtbot, wrong, "31022015")
    assert wrong.text() == "31022015"  # left as typed: the message says what is wrong
    settle(qtbot)
    assert not view.form.errors.label("tanggal_lahir").isVisible()
    assert view.form.errors.label("mulai_kerja").text().startswith("Tanggal tidak valid: 31022015.")


def test_the_membership_facts_make_a_complete_intake_eligible_and_are_kept(qtbot, ctx, admin):
    page = participants_page(qtbot, ctx, admin)
    view = page.new_intake()
    view.load(BUDI)
    settle(qtbot)
    assert view.panel.overall.text() == "Belum dapat dipastikan"
    form = view.form
    _type(qtbot, form.widget_of("lama_kepesertaan"), "60")
    _type(qtbot, form.widget_of("iuran_24_bulan"), "24")
    _type(qtbot, form.widget_of("masih_peserta_aktif"), "Tidak")
    _type(qtbot, form.widget_of("pernah_ikut_program"), "Tidak")
    settle(qtbot)
    assert view.panel.overall.text() == "Memenuhi syarat"
    assert {line.status for line in view.panel.lines} == {"met"}
    view.window().activateWindow()
    qtbot.keyClick(form.widget_of("nama"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    settle(qtbot)
    assert rows(
        ctx.db.path,
        "SELECT membership_months, contribution_months_last_24, still_active_member, "
        "previous_participation, eligibility_status FROM participant",
    ) == [(60, 24, 0, 0, "met")]
    click(qtbot, page.detail.edit_button)
    qtbot.waitUntil(lambda: page.editor is not None, timeout=10_000)
    values = page.editor.values()
    assert (values["lama_kepesertaan"], values["masih_peserta_aktif"]) == ("60", "T")


def test_escape_goes_back_from_a_detail_page_to_the_list(qtbot, ctx, admin):
    from app.services.participants import register

    pid = register(ctx.db, admin, BUDI).saved.id
    page = participants_page(qtbot, ctx, admin)
    detail = page.open_detail(pid)
    settle(qtbot)
    detail.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is detail.window(), timeout=10_000)
    detail.tabs.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.list
