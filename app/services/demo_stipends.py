"""Demo stipends (issue #11), for the demo office's own cohorts (JKT; the other areas' money
never reaches this office, as with sync): the finished cohort computed, approved and paid
three days after its end, with one payment reversed and paid again, bank transfers, and
that day's cash closed; the running cohort's first week approved and half of it paid today
(one of them found too high afterwards: a day corrected to absent, an overpayment to
recover), later weeks only computed.

Rows are written in the demo's one transaction in the shapes the services write, through
the same computation the services use (entitlements.recompute_in).
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from app.domain import cohorts as cohort_rules
from app.domain import money as money_rules
from app.domain import stipends as rules
from app.domain.ids import new_id
from app.features import DemoRows
from app.models import (
    Attendance,
    Cohort,
    CohortSession,
    Device,
    Entitlement,
    Payment,
    PaymentReversal,
    ReceiptPrint,
    Staff,
)
from app.services.cash_close import close_row, day_summary
from app.services.entitlements import cohort_periods, recompute_in
from app.services.uow import UnitOfWork


def demo_stipends(uow: UnitOfWork, rng: random.Random) -> DemoRows:
    """The stipends feature's demo step (app.features.stipends)."""
    device = uow.device
    today = uow.now.astimezone().date()
    clerk = uow.session.scalars(select(Staff).where(Staff.role == "counter").limit(1)).first()
    supervisor = (
        uow.session.scalar(select(Staff.username).where(Staff.role == "supervisor").limit(1))
        or uow.actor.username
    )
    cohorts = list(
        uow.session.scalars(
            select(Cohort)
            .where(
                Cohort.office_code == device.office_code,
                Cohort.status.in_(
                    (cohort_rules.Status.FINISHED.value, cohort_rules.Status.RUNNING.value)
                ),
            )
            .order_by(Cohort.start_date)
        )
    )
    if clerk is None or not cohorts:
        return DemoRows(counts={"payments": 0})
    seq = 0
    paid = 0

    def number() -> str:
        nonlocal seq
        seq += 1
        return money_rules.receipt_number(device.office_code, device.device_no, today.year, seq)

    for cohort in cohorts:
        recompute_in(uow, cohort, today)
        uow.session.flush()
        ready = _approve_ready(uow, cohort, today, supervisor)
        uow.session.flush()
        owed = list(
            uow.session.scalars(
                select(Entitlement)
                .where(
                    Entitlement.cohort_id == cohort.id,
                    Entitlement.period.in_(ready),
                    Entitlement.approved_amount.is_not(None),
                    Entitlement.deleted_at.is_(None),
                )
                .order_by(Entitlement.period, Entitlement.participant_id, Entitlement.kind)
            )
        )
        if cohort.status == cohort_rules.Status.FINISHED.value:
            day = min(cohort.end_date + timedelta(days=3), today - timedelta(days=1))
            chosen = owed
        else:
            day = today
            chosen = owed[: len(owed) // 2]
        payments: list[Payment] = []
        for n, e in enumerate(chosen):
            at = datetime.combine(day, time(2, 0), tzinfo=uow.now.tzinfo) + timedelta(minutes=4 * n)
            transfer = n % 7 == 3
            reference = f"BRI-{rng.randint(10**7, 10**8 - 1)}" if transfer else None
            payments.append(_pay(uow, e, number(), at, clerk, device.device_id, reference))
        paid += len(payments)
        if cohort.status == cohort_rules.Status.FINISHED.value and len(payments) > 3:
            wrong = payments[1]
            uow.session.flush()
            uow.session.add(
                PaymentReversal(
                    payment_id=wrong.id,
                    entitlement_id=wrong.entitlement_id,
                    amount=wrong.amount,
                    cash_returned=wrong.amount if wrong.method == "cash" else 0,
                    reason="Diserahkan kepada orang lain; uang dikembalikan",
                    requested_by=clerk.username,
                    approved_by=supervisor,
                    reversed_at=wrong.paid_at + timedelta(minutes=30),
                    reversed_on=day,
                    device_id=device.device_id,
                    office_code=cohort.office_code,
                )
            )
            again = uow.session.get(Entitlement, wrong.entitlement_id)
            if again is not None:
                later = wrong.paid_at + timedelta(hours=1)
                payments.append(_pay(uow, again, number(), later, clerk, device.device_id, None, 2))
            _close(uow, day, clerk.username, supervisor, device)
        if cohort.status == cohort_rules.Status.RUNNING.value and payments:
            # results are recorded only at the end: a correction here contradicts none
            _overpay(uow, cohort, payments[0], supervisor, today)
    return DemoRows(counts={"payments": paid})


def _approve_ready(uow: UnitOfWork, cohort: Cohort, today: date, supervisor: str) -> list[str]:
    """Approve each period whose days are all past and approved (the running cohort's
    first week, every period of a finished one)."""
    from app.services.cohort_records import sessions_of

    days = sessions_of(uow.session, cohort.id)
    ready: list[str] = []
    for period in cohort_periods(cohort):
        mine = [s for s in days if period.start <= s.day <= period.end]
        if mine and all(s.day <= today and s.locked_at is not None for s in mine):
            ready.append(period.key)
    if cohort.status == cohort_rules.Status.RUNNING.value:
        ready = ready[:1]
    for e in uow.session.scalars(
        select(Entitlement).where(Entitlement.cohort_id == cohort.id, Entitlement.period.in_(ready))
    ):
        e.approved_amount, e.approved_by = e.amount, supervisor
        e.approved_at = uow.now - timedelta(days=1)
    return ready


def _pay(
    uow: UnitOfWork,
    e: Entitlement,
    number: str,
    at: datetime,
    clerk: Staff,
    device_id: str,
    reference: str | None,
    round_no: int = 1,
) -> Payment:
    p = Payment(
        id=new_id(),
        office_code=e.office_code,
        entitlement_id=e.id,
        cohort_id=e.cohort_id,
        round=round_no,
        amount=e.amount,
        deduction=0,
        method=rules.Method.TRANSFER.value if reference else rules.Method.CASH.value,
        reference=reference,
        receipt_number=number,
        paid_by=clerk.username,
        paid_by_name=clerk.full_name,
        paid_at=at,
        paid_on=at.astimezone().date(),
        device_id=device_id,
    )
    uow.session.add(p)
    uow.session.add(
        ReceiptPrint(
            payment_id=p.id,
            copy_no=0,
            printed_by=clerk.username,
            printed_at=at,
            device_id=device_id,
            office_code=e.office_code,
        )
    )
    return p


def _overpay(
    uow: UnitOfWork, cohort: Cohort, payment: Payment, supervisor: str, today: date
) -> None:
    """A day of the first paid person corrected to absent after payment: recomputing
    leaves an overpayment (kelebihan bayar) to recover."""
    uow.session.flush()
    e = uow.session.get(Entitlement, payment.entitlement_id)
    if e is None:
        return
    mark = uow.session.scalars(
        select(Attendance)
        .join(CohortSession, CohortSession.id == Attendance.session_id)
        .where(
            Attendance.cohort_id == cohort.id,
            Attendance.participant_id == e.participant_id,
            Attendance.mark == cohort_rules.Mark.PRESENT.value,
            CohortSession.day >= e.period_start,
            CohortSession.day <= e.period_end,
        )
        .order_by(CohortSession.day.desc())
        .limit(1)
    ).first()
    if mark is None:
        return
    mark.mark = cohort_rules.Mark.ABSENT.value
    mark.approval = f"{supervisor} {uow.now.isoformat()}"
    recompute_in(uow, cohort, today)


def _close(uow: UnitOfWork, day: date, clerk: str, supervisor: str, device: Device) -> None:
    """The day's cash closed as the counter does it (app.services.cash_close), the count
    equal to the records."""
    uow.session.flush()
    summary = day_summary(uow.session, device, day)
    # the cash handed to the counter that morning: enough for the day, in whole millions
    opening = (summary.cash_paid // 1_000_000 + 2) * 1_000_000
    counted = opening - summary.cash_paid + summary.cash_returned
    at = datetime.combine(day, time(9, 0), tzinfo=uow.now.tzinfo)
    uow.session.add(close_row(device, summary, opening, counted, clerk, supervisor, at))
