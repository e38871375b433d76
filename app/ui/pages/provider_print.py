"""Printing a provider's checklist from the window: choose where to save the PDF, write it
on a worker thread, then open it with the PC's PDF viewer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.messages import show_error
from app.ui.tasks import run_task


def print_checklist(owner: QWidget, ctx: AppContext, provider_id: str, actor: Actor) -> None:
    name, _filter = QFileDialog.getSaveFileName(
        owner,
        QCoreApplication.translate("ProviderPrint", "Save the checklist"),
        str(Path.home() / "daftar-periksa-lembaga.pdf"),
        "PDF (*.pdf)",
    )
    if name:
        write_checklist(owner, ctx, provider_id, actor, Path(name))


def write_checklist(
    owner: QWidget, ctx: AppContext, provider_id: str, actor: Actor, out: Path
) -> None:
    from app.services.provider_documents import checklist_pdf

    def opened(path: Path) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def failed(exc: BaseException) -> None:
        show_error(owner, exc)

    run_task(
        lambda _p, _c: checklist_pdf(ctx.db, actor, provider_id, out),
        on_done=opened,
        on_error=failed,
    )
