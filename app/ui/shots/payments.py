"""The Pembayaran screens for `loket screenshots`, as a counter clerk of the demo office sees
them: the running cohort's entitlements (week 1 approved and half paid today, later weeks
computed), paying two rows, a new receipt in the preview, the overpayments to recover and
today's cash close with the cash counted. The demo's stipends (app.services.demo_stipends)
are the data; the receipt shown is paid here through the service."""

from __future__ import annotations

from typing import Any

from app.ui.shots.session import ShotSession, settle


def _clerk_window(session: ShotSession) -> Any:
    """A counter clerk's main window: the first demo clerk who can sign in (the staff
    screenshot locks one and resets another's password)."""

    def make() -> Any:
        from app.errors import AuthError
        from app.services import auth
        from app.services.demo import DEMO_PASSWORD

        session.demo_office()
        info = session.ctx.startup_info()
        for login in (lg for lg in info.demo_logins if lg.role == "counter"):
            try:
                signed = auth.login(session.ctx.db, login.username, DEMO_PASSWORD)
            except AuthError:
                continue
            if not signed.must_change_password:
                return session.main_window(signed.actor)
        return session.window

    return session.memo("counter_window", make)


def _running(session: ShotSession) -> str:
    from app.services.cohort_lists import list_cohorts

    return next(c.id for c in list_cohorts(session.ctx.db, status="berjalan", mine_only=True))


def _page(session: ShotSession) -> Any:
    window = _clerk_window(session)
    page = window.open("payments")
    page.show_tab(0)
    listing = page.list
    listing.cohort.setCurrentIndex(max(listing.cohort.findData(_running(session)), 0))
    listing.period.setCurrentIndex(0)  # every period
    settle()
    return window, page


def _approved_rows(listing: Any, n: int) -> list[str]:
    """`n` approved, unpaid entitlements of one person (the first who has that many)."""
    payable = [r for r in listing.model.rows if r.to_pay > 0]
    for person in dict.fromkeys(r.participant_id for r in payable):
        mine = [r.id for r in payable if r.participant_id == person]
        if len(mine) >= n:
            return mine[:n]
    return [r.id for r in payable[:n]]


def payments(session: ShotSession) -> None:
    """The stretch of the table that shows the most kinds of row: paid, approved,
    computed, and overpaid ones marked in red."""
    from PySide6.QtWidgets import QAbstractItemView

    from app.ui.pages.payment_table import problem

    window, page = _page(session)
    listing = page.list
    rows = listing.model.rows

    def look(n: int) -> str:
        return "problem" if problem(rows[n]) else rows[n].state

    seen = 11  # rows in view at 1366×768
    start = max(
        range(max(len(rows) - seen + 1, 1)),
        key=lambda s: len({look(n) for n in range(s, min(s + seen, len(rows)))}),
    )
    picked = next(
        (
            n
            for n in range(start, min(start + seen, len(rows)))
            if rows[n].receipts and not problem(rows[n])
        ),
        start,
    )
    listing.table.selectRow(picked)
    listing.table.scrollTo(
        listing.model.index(start, 0), QAbstractItemView.ScrollHint.PositionAtTop
    )
    session.save("payments", window)


def pay(session: ShotSession) -> None:
    window, page = _page(session)
    listing = page.list
    listing.select_rows(_approved_rows(listing, 2))
    dialog: Any = listing.pay()
    settle()
    session.save("payment_pay", dialog, window)
    dialog.reject()


def receipt(session: ShotSession) -> None:
    from app.services.payments import pay as pay_entitlement

    window, page = _page(session)
    listing = page.list
    ids = _approved_rows(listing, 1)
    done = pay_entitlement(session.ctx.db, window.actor, ids[0], "cash")
    settle()
    dialog: Any = listing.open_preview([done.receipt_number])
    for _ in range(20):
        settle()
        if dialog.document.pageCount():
            break
    session.save("receipt_preview", dialog, window)
    dialog.reject()


def recoveries(session: ShotSession) -> None:
    window, page = _page(session)
    page.show_tab(1)
    settle()
    session.save("payment_recoveries", window)
    page.tabs.setCurrentIndex(0)


def cash(session: ShotSession) -> None:
    window, page = _page(session)
    tab = page.show_tab(2)
    settle()
    # the cash handed to the counter this morning, then a count Rp50.000 short
    paid_out = tab.summary.cash_paid if tab.summary else 0
    tab.opening.setText(_rupiah_text((paid_out // 1_000_000 + 3) * 1_000_000))
    tab.counted.setText(_rupiah_text((tab.expected_cash() or 0) - 50_000))
    settle()
    session.save("cash_close", window)
    tab.counted.clear()
    page.tabs.setCurrentIndex(0)


def _rupiah_text(amount: int) -> str:
    return f"{max(amount, 0):,}".replace(",", ".")
