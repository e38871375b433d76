"""Import dialog: preview with column mapping, dry run with errors in red, import, report."""

from __future__ import annotations

import csv

from app.ui.dialogs.import_tables import ERROR
from tests.ui.helpers import click
from tests.ui.participant_helpers import participants_page, settle
from tests.unit.helpers import count

CSV = """Nama Lengkap;No KTP;Tgl Lahir;JK;No HP;Setuju;Catatan
Dewi Anggraini;3603125507920004;15/07/1992;P;0813-2222-3333;Y;-
Rahmat Hidayat;3603121103880002;11/03/1988;L;0812-7777-1212;Y;-
Lina Marlina;3603124412910005;04/12/1991;P;12;Y;telepon salah
"""


def _dialog(qtbot, ctx, admin, tmp_path):
    path = tmp_path / "peserta.csv"
    path.write_text(CSV, encoding="utf-8")
    page = participants_page(qtbot, ctx, admin)
    assert page.list.import_button.isVisible()
    dialog = page.open_import()
    dialog.load_file(path)
    settle(qtbot)
    return page, dialog


def test_preview_mapping_check_import_and_report(qtbot, ctx, admin, tmp_path):
    page, dialog = _dialog(qtbot, ctx, admin, tmp_path)
    preview = dialog.preview
    assert preview.headers[:3] == ["Nama Lengkap", "No KTP", "Tgl Lahir"]
    assert preview.item(1, 0).text() == "Dewi Anggraini"
    mapping = preview.mapping()
    assert mapping["Nama Lengkap"] == "nama" and mapping["No KTP"] == "nik"
    assert mapping["Setuju"] is None and mapping["Catatan"] is None
    assert not dialog.import_button.isEnabled()  # check first

    consent = preview.combos[preview.headers.index("Setuju")]
    consent.setCurrentIndex(consent.findData("persetujuan"))
    click(qtbot, dialog.check_button)
    settle(qtbot)
    assert dialog.summary.text().startswith("3 baris: 2 baik, 0 dengan peringatan, 1 salah.")
    assert dialog.report.rowCount() == 1
    assert dialog.report.item(0, 0).text() == "4" and dialog.report.item(0, 2).text() == "Telepon"
    assert dialog.report.item(0, 3).foreground().color() == ERROR
    assert count(ctx.db.path, "participant") == 0

    click(qtbot, dialog.import_button)
    settle(qtbot)
    assert "Tidak ada yang diimpor" in dialog.summary.text()
    assert count(ctx.db.path, "participant") == 0
    dialog.skip.setChecked(True)
    click(qtbot, dialog.import_button)
    settle(qtbot)
    assert dialog.summary.text().endswith("2 peserta berhasil diimpor.")
    assert count(ctx.db.path, "participant") == 2
    assert count(ctx.db.path, "consent") == 2
    qtbot.waitUntil(lambda: page.list.count_label.text() == "2 peserta", timeout=10_000)

    out = tmp_path / "laporan.csv"
    dialog.save_report(out)
    with out.open(encoding="utf-8-sig") as fh:
        lines = list(csv.reader(fh))
    assert lines[0] == ["row", "status", "field", "message"] and len(lines) == 4


def test_a_file_without_required_columns_is_refused_in_the_dialog(qtbot, ctx, admin, tmp_path):
    _page, dialog = _dialog(qtbot, ctx, admin, tmp_path)
    nik = dialog.preview.combos[dialog.preview.headers.index("No KTP")]
    nik.setCurrentIndex(0)  # (abaikan)
    click(qtbot, dialog.check_button)
    settle(qtbot)
    assert dialog.error.isVisible()
    assert dialog.error.text().startswith("Kolom wajib tidak ada: nik.")


def test_counter_clerks_do_not_see_the_import(qtbot, ctx, admin):
    from app.services.auth import login
    from app.services.staff import add_staff

    add_staff(
        ctx.db,
        admin,
        username="loket.rina",
        full_name="Rina",
        role="counter",
        password="Sementara1",
    )
    counter = login(ctx.db, "loket.rina", "Sementara1").actor
    page = participants_page(qtbot, ctx, counter)
    assert not page.list.import_button.isVisible()
    assert page.list.new_button.isVisible()


def test_a_hostile_file_is_refused_with_its_sentence_in_the_dialog(qtbot, ctx, admin, tmp_path):
    page = participants_page(qtbot, ctx, admin)
    dialog = page.open_import()
    repeated = tmp_path / "ganda.csv"
    repeated.write_text(
        "Nama Lengkap;No KTP;Catatan;Tgl Lahir;JK;catatan\n"
        "Dewi Anggraini;3603125507920004;-;15/07/1992;P;x\n",
        encoding="utf-8",
    )
    dialog.load_file(repeated)
    settle(qtbot)
    assert dialog.error.isVisible()
    assert dialog.error.text() == (
        'Judul kolom berulang: "Catatan" (C, F). Setiap kolom harus punya judul yang berbeda; '
        "ubah atau hapus salah satunya, lalu impor lagi."
    )
    assert not dialog.check_button.isEnabled() and not dialog.import_button.isEnabled()

    formula = tmp_path / "rumus.csv"
    formula.write_text(CSV.replace("Rahmat Hidayat", "@SUM(1+1)"), encoding="utf-8")
    dialog.load_file(formula)
    settle(qtbot)
    assert not dialog.error.isVisible()
    click(qtbot, dialog.check_button)
    settle(qtbot)
    [line] = [i for i in range(dialog.report.rowCount()) if dialog.report.item(i, 0).text() == "3"]
    message = dialog.report.item(line, 3)
    assert message.text().startswith("Nilai ini tampak seperti rumus Excel (diawali @)")
    assert message.foreground().color() == ERROR
    assert count(ctx.db.path, "participant") == 0
