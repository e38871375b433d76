"""The Pemantauan screens for `loket screenshots`, as the demo office shows them
(app.services.demo_followups: vacancies in the five areas, two earlier cohorts whose calls
are due or overdue, outcomes of every kind, referrals): the call list, the outcome form of
a person working again, the vacancies (as a supervisor sees them, with Impor), a person's
matching vacancies with their referrals, supply and demand, and the rates per cohort."""

from __future__ import annotations

from typing import Any

from app.ui.shots.session import ShotSession, settle


def _actor(session: ShotSession, role: str) -> Any:
    """The first demo login of `role` that can sign in without changing its password."""
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


def _window(session: ShotSession, role: str = "counter") -> Any:
    """A main window signed in as a demo `role` (the admin's when there is none)."""

    def make() -> Any:
        actor = _actor(session, role)
        return session.main_window(actor) if actor is not None else session.window

    return session.memo(f"followups_{role}_window", make)


def _page(session: ShotSession, tab: int, role: str = "counter") -> tuple[Any, Any]:
    window = _window(session, role)
    page = window.open("followups")
    settle()
    page.show_tab(tab)
    settle()
    return window, page


def _pick_call(calls: Any) -> Any:
    """An overdue call of someone on WhatsApp (else any overdue one, else the first)."""
    from app.ui.pages.followup_table import select_where

    rows = calls.model.rows
    for want in (
        lambda r: r.urgency == "overdue" and r.whatsapp,
        lambda r: r.urgency == "overdue",
        lambda r: True,
    ):
        if select_where(calls.table, calls.model, want):
            break
    settle()
    return calls.selected() if rows else None


def calls(session: ShotSession) -> None:
    """The call list: overdue and this week's calls, an overdue one selected."""
    window, page = _page(session, 0)
    _pick_call(page.calls)
    session.save("followups_calls", window)


def outcome(session: ShotSession) -> None:
    """The outcome form of a person who works again: employer, NPP, position, wage."""
    from app.domain.followups import Outcome
    from app.ui.formats import fmt_date

    window, page = _page(session, 0)
    row = _pick_call(page.calls)
    dialog = page.calls.record() if row is not None else None
    if dialog is None:
        session.save("followups_outcome", window)
        return
    dialog.choose(Outcome.WORKING)
    dialog.employer.setText("PT Sinar Baja Utama")
    dialog.npp.setText("12345678")
    dialog.position.setText("Operator produksi")
    dialog.started_on.setText(fmt_date(page.calls.today.replace(day=1)))
    dialog.wage.setText("5.100.000")
    dialog.formal.setCurrentIndex(1)
    dialog.note.setPlainText("Diterima lewat lowongan yang dirujuk kantor cabang.")
    dialog.adjustSize()
    settle()
    session.save("followups_outcome", dialog, window)
    dialog.reject()


def vacancies(session: ShotSession) -> None:
    """The open vacancies as a supervisor sees them (Impor), one with referrals selected."""
    from app.ui.pages.followup_table import select_where

    window, page = _page(session, 1, "supervisor")
    listing = page.vacancies
    select_where(listing.table, listing.model, lambda r: r.referred > 0) or select_where(
        listing.table, listing.model, lambda r: True
    )
    settle()
    session.save("vacancies", window)


def matches(session: ShotSession) -> None:
    """A person's matching vacancies with why each fits, and their referrals."""
    from app.services.vacancy_matching import matches_for_participant, referrals_of
    from app.ui.pages.followup_table import select_where

    window, page = _page(session, 0)
    calls = page.calls
    db = session.ctx.db

    def fits(row: Any) -> int:
        found = len(matches_for_participant(db, row.participant_id, limit=8))
        return found * 10 + min(len(referrals_of(db, row.participant_id)), 9)

    rows = list(calls.model.rows)
    best = max(rows, key=fits) if rows else None
    if best is None:
        session.save("vacancy_matches", window)
        return
    select_where(calls.table, calls.model, lambda r: r is best)
    dialog = calls.matches()
    settle()
    session.save("vacancy_matches", dialog, window)
    dialog.reject()


def supply_demand(session: ShotSession) -> None:
    """Supply and demand per module and province: the table and the chart."""
    window, _shown = _page(session, 2)
    session.save("supply_demand", window)


def rates(session: ShotSession) -> None:
    """Re-employment and self-employment at 1, 3 and 6 months, per cohort."""
    window, page = _page(session, 3)
    page.rates.group.setCurrentIndex(0)
    settle()
    session.save("followup_rates", window)
    page.show_tab(0)
