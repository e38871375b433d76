"""What every stipend service needs: an entitlement's money (its live payments, the reversed
ones, what was settled of its overpayment), its balance, and its row for the window and the
CLI. Shared by entitlements, payments, cash_close and receipt_documents."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.chunks import chunks
from app.domain import stipends as rules
from app.domain.nik import mask_nik
from app.errors import NotFound
from app.models import (
    Cohort,
    Entitlement,
    Participant,
    Payment,
    PaymentReversal,
    RecoverySettlement,
)
from app.services.stipend_views import EntitlementRow
from app.texts import Text

NO_ENTITLEMENT = Text("Hak tidak ditemukan: {id}.", "Entitlement not found: {id}.")
NO_RECEIPT = Text("Kuitansi tidak ditemukan: {number}.", "Receipt not found: {number}.")


@dataclass
class Money:
    live: list[Payment] = field(default_factory=list)  # oldest first
    reversed: list[Payment] = field(default_factory=list)
    settled: int = 0

    def balance(self, e: Entitlement) -> rules.Balance:
        return rules.Balance(
            amount=e.amount,
            approved_amount=e.approved_amount,
            paid=sum(p.amount for p in self.live),
            live_payments=len(self.live),
            settled=self.settled,
        )


def reversed_ids(session: Session, payment_ids: Sequence[str]) -> set[str]:
    out: set[str] = set()
    for part in chunks(list(payment_ids)):
        out.update(
            session.scalars(
                select(PaymentReversal.payment_id).where(PaymentReversal.payment_id.in_(part))
            )
        )
    return out


def money_for(session: Session, entitlement_ids: Sequence[str]) -> dict[str, Money]:
    """The money rows of each entitlement (every id gets an entry)."""
    out: dict[str, Money] = {eid: Money() for eid in entitlement_ids}
    payments: list[Payment] = []
    for part in chunks(list(entitlement_ids)):
        payments += session.scalars(
            select(Payment).where(Payment.entitlement_id.in_(part)).order_by(Payment.paid_at)
        )
        for eid, total in session.execute(
            select(RecoverySettlement.entitlement_id, func.sum(RecoverySettlement.amount))
            .where(RecoverySettlement.entitlement_id.in_(part))
            .group_by(RecoverySettlement.entitlement_id)
        ):
            out[eid].settled = int(total or 0)
    undone = reversed_ids(session, [p.id for p in payments])
    for p in payments:
        (out[p.entitlement_id].reversed if p.id in undone else out[p.entitlement_id].live).append(p)
    return out


def load_entitlement(session: Session, entitlement_id: str) -> Entitlement:
    e = session.get(Entitlement, entitlement_id)
    if e is None or e.deleted_at is not None:
        raise NotFound(NO_ENTITLEMENT, id=entitlement_id)
    return e


def load_payment(session: Session, receipt_number: str) -> Payment:
    p = session.scalar(
        select(Payment).where(Payment.receipt_number == receipt_number.strip().upper())
    )
    if p is None:
        raise NotFound(NO_RECEIPT, number=receipt_number)
    return p


def period_label(e: Entitlement, lang: str | None = None) -> str:
    return rules.Period(e.period, e.period_start, e.period_end).label(lang)


def entitlement_rows(
    session: Session, entitlements: Sequence[Entitlement], lang: str | None = None
) -> list[EntitlementRow]:
    """Rows for a list: each entitlement with its person, balance and receipts."""
    money = money_for(session, [e.id for e in entitlements])
    people: dict[str, Participant] = {}
    cohorts: dict[str, Cohort] = {}
    wanted = sorted({e.participant_id for e in entitlements})
    for part in chunks(wanted):
        people.update(
            (p.id, p) for p in session.scalars(select(Participant).where(Participant.id.in_(part)))
        )
    for cid in {e.cohort_id for e in entitlements}:
        c = session.get(Cohort, cid)
        if c is not None:
            cohorts[cid] = c
    rows: list[EntitlementRow] = []
    for e in entitlements:
        m = money[e.id]
        b = m.balance(e)
        p = people.get(e.participant_id)
        c = cohorts[e.cohort_id]
        receipts = tuple(x.receipt_number for x in m.live)
        rows.append(
            EntitlementRow(
                id=e.id,
                cohort_id=e.cohort_id,
                cohort_code=c.code,
                participant_id=e.participant_id,
                name=p.full_name if p else "?",
                nik=p.nik if p else "",
                nik_masked=mask_nik(p.nik) if p else "",
                kind=e.kind,
                period=e.period,
                period_label=period_label(e, lang),
                days=e.days,
                rate=e.rate,
                amount=e.amount,
                approved_amount=e.approved_amount,
                paid=b.paid,
                to_pay=b.to_pay,
                overpaid=b.overpaid,
                state=b.state.value,
                double=b.double,
                receipt=receipts[-1] if receipts else None,
                receipts=receipts,
            )
        )
    return rows


def outstanding_for(session: Session, participant_id: str) -> list[tuple[Entitlement, int]]:
    """A person's overpayments still to recover, oldest period first."""
    mine = list(
        session.scalars(
            select(Entitlement)
            .where(Entitlement.participant_id == participant_id, Entitlement.deleted_at.is_(None))
            .order_by(Entitlement.period_start, Entitlement.kind)
        )
    )
    money = money_for(session, [e.id for e in mine])
    out: list[tuple[Entitlement, int]] = []
    for e in mine:
        over = money[e.id].balance(e).overpaid
        if over > 0:
            out.append((e, over))
    return out
