"""The Sertifikat screens for `loket screenshots`, as a counter clerk of the demo office sees
them: the finished cohort's certificates (issued and printed, one reprinted, one revoked
and issued again: app.services.demo_certificates), a reprint in the preview (SALINAN), the
check of a certificate read from a photo (SAH), the same certificate after a supervisor
revoked it (DICABUT) and the revoke dialog with the supervisor signing in.

The "photo" is a certificate page drawn to PNG by QtPdf from its real PDF, read back
through the panel's own QR reader; the revocation goes through the service."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.ui.shots.session import ShotSession, settle, wait_until

REASON = "Tanggal lahir salah ketik; sertifikat diterbitkan ulang"


def _clerk_window(session: ShotSession) -> Any:
    """A counter clerk's main window (shared with the payment screenshots): the first demo
    clerk who can sign in (the staff screenshot locks one and resets another's password)."""

    def make() -> Any:
        actor = _demo_actor(session, "counter")
        return session.main_window(actor) if actor is not None else session.window

    return session.memo("counter_window", make)


def _demo_actor(session: ShotSession, role: str) -> Any:
    from app.errors import AuthError
    from app.services import auth
    from app.services.demo import DEMO_PASSWORD

    session.demo_office()
    for login in (lg for lg in session.ctx.startup_info().demo_logins if lg.role == role):
        try:
            signed = auth.login(session.ctx.db, login.username, DEMO_PASSWORD)
        except AuthError:
            continue
        if not signed.must_change_password:
            return signed.actor
    return None


def _page(session: ShotSession, tab: int = 0) -> tuple[Any, Any]:
    window = _clerk_window(session)
    page = window.open("certificates")
    page.show_tab(tab)
    settle()
    return window, page


def _pick(listing: Any, want: Any) -> Any:
    """Select the first row `want` accepts (else the first row) and return it."""
    rows = listing.model.rows
    found = next((r for r in rows if want(r)), rows[0] if rows else None)
    if found is not None:
        listing.select_rows([found.enrollment_id])
        listing.table.scrollTo(listing.model.index(rows.index(found), 0))
    settle()
    return found


def listing(session: ShotSession) -> None:
    """The finished cohort: every state the demo made, a reprinted row selected."""
    window, page = _page(session)
    _pick(page.list, lambda r: r.prints > 1)
    session.save("certificates", window)


def preview(session: ShotSession) -> None:
    """A reprint in the preview: the next print says SALINAN."""
    window, page = _page(session)
    _pick(page.list, lambda r: r.prints > 1)
    dialog: Any = page.list.reprint() or page.list.preview()
    wait_until(lambda: dialog.document.pageCount() > 0, 30)
    session.save("certificates_preview", dialog, window)
    dialog.reject()


def _photo(session: ShotSession, number: str) -> Path:
    """A certificate's first page as a PNG, as if photographed straight on."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    from app.services.certificate_documents import preview_certificate

    pdf = preview_certificate(
        session.ctx.db, _clerk_window(session).actor, number, session.folder / "foto.pdf"
    )
    document = QPdfDocument()
    document.load(str(pdf))
    points = document.pagePointSize(0)
    image = document.render(0, QSize(round(points.width() * 2), round(points.height() * 2)))
    document.close()
    path = session.folder / "foto-sertifikat.png"
    image.save(str(path))
    return path


def verify_valid(session: ShotSession) -> None:
    """A live certificate read from a photo of it: SAH with its details."""
    window, page = _page(session)
    row = _pick(page.list, lambda r: r.state == "terbit" and r.prints == 1)
    panel = page.show_tab(1)
    if row is not None and row.number:
        panel.read_photo(_photo(session, row.number))
        wait_until(lambda: panel.verdict is not None or panel.error.isVisible(), 30)
        session.memo("verified", lambda: (row.number, panel.code.text()))
    session.save("certificates_verify", window)


def verify_revoked(session: ShotSession) -> None:
    """The same certificate after a supervisor revoked it: DICABUT with the day."""
    from app.services.certificates import revoke

    window, page = _page(session, 1)
    panel = page.verify
    number, code = session.memo("verified", lambda: ("", ""))
    supervisor = _demo_actor(session, "supervisor")
    if number and code and supervisor is not None:
        revoke(session.ctx.db, window.actor, supervisor, number, REASON)
        page.list.stale = True  # revoked here, not through the window's task runner
        panel.code.setText(code)
        panel.check()
        wait_until(lambda: panel.verdict is not None and panel.verdict.status == "revoked", 30)
    session.save("certificates_revoked", window)
    page.show_tab(0)


def revoke(session: ShotSession) -> None:
    """Revoking: the facts, a reason, and the supervisor signing in on the spot."""
    window, page = _page(session)
    _pick(page.list, lambda r: r.state == "terbit" and r.prints == 1)
    dialog: Any = page.list.revoke()
    if dialog is None:
        session.save("certificates_revoke", window)
        return
    dialog.reason.setText(REASON)
    dialog.username.setText("spv.")
    settle()
    session.save("certificates_revoke", dialog, window)
    dialog.reject()
