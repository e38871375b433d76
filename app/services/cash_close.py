"""The counter's daily cash close (tutup kas), issue #11.

A day of one counter (this PC): every receipt it issued that day with its kind and method,
every reversal it recorded, the cash that left and came back, against the opening cash
(saldo awal, by default what was counted at the previous close) and the cash the clerk
counts now; the difference is shown, not hidden, and a supervisor signs it. The close is a
row of its own (id = stable_id("cash_close", device, day)) that keeps the figures as they
stood; after it this counter records no more payments on that day.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.domain import stipends as rules
from app.domain.ids import stable_id
from app.domain.roles import Permission
from app.errors import StateError, ValidationError
from app.models import (
    CashClose,
    Cohort,
    Device,
    Entitlement,
    Participant,
    Payment,
    PaymentReversal,
)
from app.services.access import require
from app.services.actor import Actor
from app.services.providers import today_of
from app.services.stipend_records import reversed_ids
from app.services.stipend_views import CashCloseRow, CashDay, CashLine
from app.services.uow import unit_of_work
from app.texts import Text

ALREADY_CLOSED = Text(
    "Kas {day} di loket ini sudah ditutup oleh {by}.",
    "The cash of {day} at this counter was already closed by {by}.",
)
FUTURE_DAY = Text("Hari {day} belum tiba.", "Day {day} has not come yet.")
BAD_CASH = Text(
    "Jumlah uang dalam rupiah utuh, 0 sampai 10.000.000.000.",
    "Amounts are whole rupiah, 0 to 10,000,000,000.",
)
MAX_CASH = 10_000_000_000


def _counter(device: Device) -> str:
    return f"{device.office_code}-{device.device_no}"


def _row(c: CashClose) -> CashCloseRow:
    expected = c.opening - c.cash_paid + c.cash_returned
    return CashCloseRow(
        id=c.id,
        day=c.day,
        counter=c.counter,
        opening=c.opening,
        cash_paid=c.cash_paid,
        cash_returned=c.cash_returned,
        expected=expected,
        counted=c.counted,
        difference=c.counted - expected,
        transfer_total=c.transfer_total,
        receipts=c.receipts,
        closed_by=c.closed_by,
        approved_by=c.approved_by,
        closed_at=c.closed_at,
    )


def day_summary(session: Session, device: Device, day: date) -> CashDay:
    payments = list(
        session.scalars(
            select(Payment)
            .where(Payment.device_id == device.device_id, Payment.paid_on == day)
            .order_by(Payment.receipt_number)
        )
    )
    reversals = list(
        session.scalars(
            select(PaymentReversal)
            .where(
                PaymentReversal.device_id == device.device_id,
                PaymentReversal.reversed_on == day,
            )
            .order_by(PaymentReversal.reversed_at)
        )
    )
    undone = reversed_ids(session, [p.id for p in payments])
    reversed_payments = {r.payment_id: session.get(Payment, r.payment_id) for r in reversals}
    ent_ids = {p.entitlement_id for p in payments} | {r.entitlement_id for r in reversals}
    ents = {
        e.id: e for e in session.scalars(select(Entitlement).where(Entitlement.id.in_(ent_ids)))
    }
    people = {
        pid: name
        for pid, name in session.execute(
            select(Participant.id, Participant.full_name).where(
                Participant.id.in_({e.participant_id for e in ents.values()})
            )
        )
    }
    codes = {
        cid: code
        for cid, code in session.execute(
            select(Cohort.id, Cohort.code).where(
                Cohort.id.in_({e.cohort_id for e in ents.values()})
            )
        )
    }
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    lines: list[CashLine] = []
    cash_paid = transfer = 0
    for p in payments:
        e = ents[p.entitlement_id]
        handed = p.amount - p.deduction
        slot = totals[(e.kind, p.method)]
        slot[0] += 1
        slot[1] += handed
        if p.method == rules.Method.CASH.value:
            cash_paid += handed
        else:
            transfer += handed
        lines.append(
            CashLine(
                receipt_number=p.receipt_number,
                paid_at=p.paid_at,
                name=people.get(e.participant_id, "?"),
                kind=e.kind,
                cohort_code=codes.get(e.cohort_id, "?"),
                period=e.period,
                method=p.method,
                amount=handed,
                void=p.id in undone,
            )
        )
    for r in reversals:
        paid = reversed_payments[r.payment_id]
        e = ents[r.entitlement_id]
        lines.append(
            CashLine(
                receipt_number=paid.receipt_number if paid else "?",
                paid_at=r.reversed_at,
                name=people.get(e.participant_id, "?"),
                kind=e.kind,
                cohort_code=codes.get(e.cohort_id, "?"),
                period=e.period,
                method=paid.method if paid else rules.Method.CASH.value,
                amount=-(paid.amount - paid.deduction) if paid else -r.amount,
                reversal=True,
            )
        )
    closed = session.get(CashClose, stable_id("cash_close", device.device_id, day.isoformat()))
    numbers = [p.receipt_number for p in payments]
    return CashDay(
        device_id=device.device_id,
        counter=_counter(device),
        day=day,
        totals=tuple(
            (kind, method, n, amount) for (kind, method), (n, amount) in sorted(totals.items())
        ),
        receipts=len(payments),
        first_number=numbers[0] if numbers else None,
        last_number=numbers[-1] if numbers else None,
        voids=tuple(p.receipt_number for p in payments if p.id in undone),
        cash_paid=cash_paid,
        cash_returned=sum(r.cash_returned for r in reversals),
        transfer_total=transfer,
        lines=tuple(lines),
        closed=_row(closed) if closed else None,
    )


def close_row(
    device: Device,
    summary: CashDay,
    opening: int,
    counted: int,
    closed_by: str,
    approved_by: str,
    closed_at: datetime,
) -> CashClose:
    """The close of `summary`'s day as it stands (the figures are kept, not re-derived)."""
    return CashClose(
        id=stable_id("cash_close", device.device_id, summary.day.isoformat()),
        office_code=device.office_code,
        device_id=device.device_id,
        day=summary.day,
        counter=summary.counter,
        opening=opening,
        cash_paid=summary.cash_paid,
        cash_returned=summary.cash_returned,
        transfer_total=summary.transfer_total,
        counted=counted,
        receipts=summary.receipts,
        totals=json.dumps([list(t) for t in summary.totals]),
        closed_by=closed_by,
        approved_by=approved_by,
        closed_at=closed_at,
    )


def cash_day(db: Database, day: date) -> CashDay:
    """This counter's day as it stands (closed or not)."""
    with db.read() as session:
        device = session.scalars(select(Device)).one()
        return day_summary(session, device, day)


def previous_counted(db: Database, day: date) -> int | None:
    """The cash counted at this counter's last close before `day` (None: never closed)."""
    with db.read() as session:
        device = session.scalars(select(Device)).one()
        last = session.scalar(
            select(CashClose.counted)
            .where(CashClose.device_id == device.device_id, CashClose.day < day)
            .order_by(CashClose.day.desc())
            .limit(1)
        )
    return None if last is None else int(last)


def opening_default(db: Database, day: date) -> int:
    """The cash counted at this counter's previous close (0 before the first)."""
    return previous_counted(db, day) or 0


def _amount(value: int, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_CASH:
        raise ValidationError(BAD_CASH, field=field)
    return value


def close_day(
    db: Database, actor: Actor, supervisor: Actor, day: date, opening: int, counted: int
) -> CashCloseRow:
    """Close this counter's day with the cash counted; a supervisor signs it."""
    require(db, actor, Permission.CASH_CLOSE)
    require(db, supervisor, Permission.CASH_APPROVE)
    opening = _amount(opening, "opening")
    counted = _amount(counted, "counted")
    if day > today_of(db):
        raise ValidationError(FUTURE_DAY, field="day", day=day.strftime("%d/%m/%Y"))
    with unit_of_work(db, actor) as uow:
        device = uow.device
        summary = day_summary(uow.session, device, day)
        if summary.closed is not None:
            raise StateError(
                ALREADY_CLOSED, day=day.strftime("%d/%m/%Y"), by=summary.closed.closed_by
            )
        close = close_row(
            device, summary, opening, counted, actor.username, supervisor.username, uow.now
        )
        uow.session.add(close)
        row = _row(close)
        uow.audit(
            "cash.close",
            "cash_close",
            close.id,
            day=day,
            receipts=summary.receipts,
            cash_paid=summary.cash_paid,
            expected=row.expected,
            counted=counted,
            difference=row.difference,
            approved_by=supervisor.username,
        )
        return row
