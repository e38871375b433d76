"""The participant screens for `loket screenshots`: list, intake, detail, history, import.

Runs in the temporary demo office of the screenshot session; the few changes made here (an
edit, a status change, a scan, a CSV file) exist only there.
"""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtGui import QColor, QPixmap

from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.shots.session import ShotSession, settle

IMPORT_CSV = """\
Nama Lengkap;No KTP;Tgl Lahir;JK;No HP;No KPJ;Perusahaan;Tgl PHK;Setuju;Kota Asal
Dewi Anggraini;3603125507920004;15/07/1992;P;0813-2222-3333;24681357901;PT Sinar;{phk};Y;Tangerang
Rahmat Hidayat;3603121103880002;11/03/1988;L;0812-7777-1212;24681357902;PT Sinar;{phk};Y;Tangerang
Yuni Kartika;3.60312E+15;02/02/1995;P;0857-1010-2020;24681357903;PT Sinar;{phk};Y;Serang
Bayu Pamungkas;3603120909990003;09/09/1999;L;0821-3030-4040;2468135;PT Sinar;{phk};Y;Tangerang
Lina Marlina;3603124412910005;04/12/1991;P;12;24681357905;PT Sinar;{phk};Y;Tangerang
Agus Salim;3603121505850001;15/05/1985;L;0819-4545-6767;24681357906;PT Sinar;{phk};Y;Tangerang
"""

INTAKE = {
    "nik": "3173014505930002",
    "nama": "Sri Wahyuni",
    "tempat_lahir": "Jakarta",
    "tanggal_lahir": "05/05/1993",
    "jenis_kelamin": "P",
    "pendidikan": "SMK",
    "alamat": "Jl. Tanjung Duren Raya No. 12, RT 04/RW 06",
    "kode_wilayah": "31.73.01",
    "telepon": "0812-55",
    "whatsapp": "Y",
    "kpj": "23456789012",
    "perusahaan_terakhir": "PT Garmen Sejahtera",
    "tanggal_phk": "",  # three months ago, filled in at run time
    "alasan_phk": "efficiency",
}


def participants(session: ShotSession) -> None:
    page = session.window.open("participants")
    settle()
    page.list.table.selectRow(2)
    session.save("participants")


def intake(session: ShotSession) -> None:
    page = session.window.open("participants")
    phk = (date.today() - timedelta(days=92)).strftime("%d/%m/%Y")
    view = page.new_intake(offer_draft=False)
    view.load({**INTAKE, "tanggal_phk": phk})
    view.attempted = True
    view.run_check()
    settle()
    view.form.verticalScrollBar().setValue(0)
    view.form.widget_of("telepon").setFocus()
    session.save("intake")
    view.draft.enabled = False
    page.show_list()


def detail(session: ShotSession) -> None:
    page = session.window.open("participants")
    settle()
    participant_id = _give_history(session.ctx, session.window.actor, page.list.model.rows[0].id)
    page.open_detail(participant_id)
    settle()
    session.save("participant_detail")


def history(session: ShotSession) -> None:
    page = session.window.open("participants")
    if page.detail is None or not page.detail.isVisible():
        detail(session)
    page.detail.tabs.setCurrentIndex(3)
    settle()
    session.save("participant_history")
    page.show_list()


def import_dialog(session: ShotSession) -> None:
    page = session.window.open("participants")
    phk = (date.today() - timedelta(days=92)).strftime("%d/%m/%Y")
    csv = session.folder / "peserta-pt-sinar-tekstil.csv"
    csv.write_text(IMPORT_CSV.format(phk=phk), encoding="utf-8")
    dialog = page.open_import()
    dialog.load_file(csv)
    settle()
    consent = dialog.preview.headers.index("Setuju")  # a header the program cannot guess
    combo = dialog.preview.combos[consent]
    combo.setCurrentIndex(combo.findData("persetujuan"))
    dialog.run(dry_run=True)
    settle()
    session.save("import", dialog, session.window)
    dialog.reject()


def _give_history(ctx: AppContext, actor: Actor, participant_id: str) -> str:
    """An edit, a status change and a scan, so the detail view shows a real history."""
    from app.services import participant_documents, participant_records

    raw = participant_records.values_for_edit(ctx.db, actor, participant_id)
    raw["telepon"] = "0813-9090-1212"
    raw["pilihan_pelatihan_2"] = "Operator forklift"
    participant_records.update(ctx.db, actor, participant_id, raw, confirm_warnings=True)
    participant_records.set_status(ctx.db, actor, participant_id, "verified", "")
    with tempfile.TemporaryDirectory(prefix="loket-scan-") as folder:
        scan = Path(folder) / "ktp.png"
        pixmap = QPixmap(400, 250)
        pixmap.fill(QColor("#dfe8f1"))
        pixmap.save(str(scan))
        participant_documents.attach(ctx.db, actor, participant_id, "ktp", scan)
    return participant_id
