"""The provider and module screens for `loket screenshots`: the list, a provider's data, its
checklist with evidence as a supervisor sees it, the decision dialog, the new-provider form,
and the module catalogue. Runs in the screenshot session's demo office."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QPixmap

from app.ui.shots.session import ShotSession, settle

CHECKED = "BLK Lombok Timur"


def _supervisor_window(session: ShotSession) -> Any:
    def make() -> Any:
        from app.services import auth
        from app.services.demo import DEMO_PASSWORD

        session.demo_office()
        info = session.ctx.startup_info()
        username = next(lg.username for lg in info.demo_logins if lg.role == "supervisor")
        return session.main_window(auth.login(session.ctx.db, username, DEMO_PASSWORD).actor)

    return session.memo("supervisor_window", make)


def _provider_id(session: ShotSession, name: str) -> str:
    from app.services.providers import find_provider_id

    return find_provider_id(session.ctx.db, name)


def providers(session: ShotSession) -> None:
    page = session.window.open("providers")
    page.show_list()
    page.list.refresh()
    settle()
    page.list.table.selectRow(1)
    session.save("providers")


def detail(session: ShotSession) -> None:
    page = session.window.open("providers")
    page.open_provider(_provider_id(session, "BLK Kabupaten Bekasi"))
    settle()
    session.save("provider_detail")
    page.show_list()


def checklist(session: ShotSession) -> None:
    window = _supervisor_window(session)
    page = window.open("providers")
    view = page.open_provider(_provider_id(session, CHECKED))
    scan = session.folder / "foto-bengkel-perhotelan.png"
    pixmap = QPixmap(320, 200)
    pixmap.fill(QColor("#dfe8f1"))
    pixmap.save(str(scan))
    from app.services.provider_assessment import attach_evidence

    attach_evidence(session.ctx.db, window.actor, view.provider_id, "facilities", scan)
    view.reload()
    view.tabs.setCurrentIndex(2)
    settle()
    view.checks_table.selectRow(4)
    session.save("provider_checklist", window)


def decision(session: ShotSession) -> None:
    window = _supervisor_window(session)
    page = window.open("providers")
    view = page.open_provider(_provider_id(session, "LPK Senggigi Hospitality"))
    view.tabs.setCurrentIndex(2)
    dialog = view.decide()
    assert dialog is not None
    dialog.reason.setPlainText("Kunjungan lapangan baik; sarana dapur dan kamar latihan lengkap.")
    dialog.submit()
    settle()
    session.save("provider_decision", dialog, window)
    dialog.reject()


def new_provider(session: ShotSession) -> None:
    page = session.window.open("providers")
    dialog = page.new_provider()
    dialog.load(
        {
            "name": "LPK Tangerang Mandiri",
            "provider_type": "lpk",
            "region_code": "36.71",
            "address": "Jl. Daan Mogot Km 21, Batuceper",
            "phone": "(021) 5523 001",
            "licence_number": "812/LPK/DISNAKER/2025",
            "licence_issuer": "Disnaker Kota Tangerang",
            "operating_since": "31/02/2024",
        }
    )
    dialog.submit()
    settle()
    session.save("provider_form", dialog, session.window)
    dialog.reject()


def modules(session: ShotSession) -> None:
    window = _supervisor_window(session)
    page = window.open("modules")
    page.refresh()
    settle()
    page.table.selectRow(0)
    session.save("modules", window)
