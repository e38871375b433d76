"""Shared pieces of the participant window tests: the main window on the Peserta page,
waiting for worker tasks, a valid intake, and many participants inserted quickly."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QPushButton

from app.ui import tasks
from tests.ui.helpers import message_boxes

BUDI = {
    "nik": "3171011708900001",
    "nama": "Budi Santoso",
    "tempat_lahir": "Jakarta",
    "tanggal_lahir": "17/08/1990",
    "jenis_kelamin": "L",
    "telepon": "0812-3456-7890",
    "kpj": "12345678901",
    "kode_wilayah": "31.71.01",
    "tanggal_phk": "15/06/2026",
    "alasan_phk": "efficiency",
    "upah_terakhir": "5.200.000",
    "bank": "BRI",
    "nomor_rekening": "0123456789012",
    "nama_pemilik_rekening": "BUDI SANTOSO",
    "persetujuan": "Y",
}


def settle(qtbot: Any, timeout: int = 10_000) -> None:
    """Wait until pending form checks have started and every worker task has delivered
    its answer to the widgets."""
    from app.ui.intake.view import IntakeView

    def idle() -> bool:
        tasks.wait_all(200)
        QApplication.processEvents()
        views = [w for w in QApplication.allWidgets() if isinstance(w, IntakeView)]
        return not tasks.busy() and not any(v.check_timer.isActive() for v in views)

    qtbot.waitUntil(idle, timeout=timeout)


def participants_page(qtbot: Any, ctx: Any, actor: Any) -> Any:
    from app.ui.main_window import MainWindow

    window = MainWindow(ctx, actor, ctx.startup_info())
    qtbot.addWidget(window)
    window.show()
    page = window.open("participants")
    page.window_ref = window  # the main window has no parent: keep it alive
    settle(qtbot)
    return page


def box_button(qtbot: Any, text: str) -> QPushButton:
    """The button labelled `text` of the question box on screen."""
    qtbot.waitUntil(lambda: any(_button(b, text) for b in message_boxes()), timeout=10_000)
    return next(b for box in message_boxes() if (b := _button(box, text)) is not None)


def _button(box: Any, text: str) -> QPushButton | None:
    for button in box.buttons():
        if button.text() == text and isinstance(button, QPushButton):
            return button
    return None


def insert_many(db: Any, actor: Any, n: int) -> None:
    """`n` valid participants in one transaction, through the same check and insert as
    a registration (fast enough for a thousand)."""
    from datetime import date

    from app.domain import eligibility
    from app.domain.intake import check_intake
    from app.resources import regions
    from app.services.participants import add_participant
    from app.services.uow import unit_of_work

    index = regions()
    today = date(2026, 11, 2)
    with unit_of_work(db, actor) as uow:
        for i in range(n):
            day, month = 1 + i % 28, 1 + (i // 28) % 12
            raw = {
                "nik": f"317101{day:02d}{month:02d}85{i + 1:04d}",
                "nama": f"Peserta Uji {i:04d}",
                "tanggal_lahir": f"{day:02d}/{month:02d}/1985",
                "jenis_kelamin": "L",
                "kode_wilayah": "31.71.01",
                "persetujuan": "Y",
            }
            result = check_intake(raw, today, index)
            assert result.ok, [f.message() for f in result.findings]
            add_participant(uow, result.values, eligibility.Verdict([]), "vokasi_2019", "2026-01")
        uow.audit("test.insert_many", rows=n)
