"""Paying an approved entitlement against a receipt, reversing a payment, writing off an
overpayment, and the lists a supervisor watches (overpayments, double payments, a counter's
receipt series) — issue #11.

The same entitlement is never paid twice: the service refuses it naming the earlier
receipt, and the database refuses a second payment of the same round at one counter
(unique index on payment (entitlement, round, device)). Two counters that pay the same
entitlement while offline both keep their payment; after sync it shows as a double payment
with its overpayment to recover, on both sides, and nothing is dropped.

The receipt number is taken in the payment's own transaction from this counter's series
(KW/<OFFICE>-<DEVICE>/<YEAR>/<SEQ>): one past the highest number of the series this PC
holds (its own payments come back with every pull, so a restored PC does not reuse one).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.domain import money as money_rules
from app.domain import stipends as rules
from app.domain.ids import new_id, stable_id
from app.domain.roles import Permission
from app.errors import StateError, ValidationError
from app.models import (
    CashClose,
    Device,
    Entitlement,
    LocalSetting,
    Participant,
    Payment,
    PaymentReversal,
    RecoverySettlement,
)
from app.models.sync import SYNC_FULL_PULL_KEY, SYNC_RECOVERY_KEY
from app.services.access import require
from app.services.actor import Actor
from app.services.cohort_records import editable
from app.services.series import next_number
from app.services.stipend_records import (
    entitlement_rows,
    load_entitlement,
    load_payment,
    money_for,
    outstanding_for,
    reversed_ids,
)
from app.services.stipend_views import (
    PaymentDone,
    RecoveryRow,
    SeriesEntry,
    SeriesReport,
)
from app.services.uow import UnitOfWork, unit_of_work
from app.texts import Text

ALREADY_PAID = Text(
    "Hak ini sudah dibayar dengan kuitansi {number} ({day}, oleh {by}); tidak dapat dibayar lagi.",
    "This entitlement was already paid with receipt {number} ({day}, by {by}); it cannot be "
    "paid again.",
)
NOT_APPROVED = Text(
    "Hak ini belum disetujui supervisor; minta persetujuan dulu.",
    "This entitlement is not approved by a supervisor yet.",
)
NOTHING_OWED = Text("Tidak ada yang harus dibayar untuk hak ini.", "Nothing is owed here.")
BAD_METHOD = Text("Cara bayar: tunai atau transfer.", "Method: cash or transfer.")
REFERENCE_NEEDED = Text(
    "Transfer bank perlu nomor referensi (1–64 karakter).",
    "A bank transfer needs its reference (1–64 characters).",
)
DAY_CLOSED = Text(
    "Kas {day} di loket ini sudah ditutup; pembayaran tidak dapat dicatat lagi hari ini.",
    "The cash of {day} at this counter is closed; no more payments today.",
)
REASON_NEEDED = Text(
    "Tuliskan alasannya (paling sedikit 5 huruf).", "Write the reason (5+ letters)."
)
ALREADY_REVERSED = Text(
    "Pembayaran {number} sudah dibatalkan.", "Payment {number} is already reversed."
)
NOTHING_OVERPAID = Text(
    "Hak ini tidak memiliki kelebihan bayar.", "This entitlement has no overpayment."
)
RESTORED = Text(
    "Komputer ini dipulihkan dari cadangan dan belum sinkron; sinkronkan dulu agar nomor "
    "kuitansi yang sudah terpakai tidak diberikan lagi.",
    "This PC was restored from a backup and has not synced yet; sync first so that no "
    "receipt number already used is given again.",
)
MAX_REFERENCE = 64
MIN_REASON = 5
# Set by `loket restore` on a linked PC until the sync that brings back what the server
# holds of it: this counter's later receipts are among it (app.sync.recovery).
AFTER_RESTORE = (SYNC_RECOVERY_KEY, SYNC_FULL_PULL_KEY)


@dataclass(frozen=True)
class ReversalDone:
    receipt_number: str
    amount: int
    cash_returned: int
    approved_by: str


def local_day(uow: UnitOfWork) -> str:
    return uow.now.astimezone().date().isoformat()


def next_receipt_number(session: Session, device: Device, year: int) -> str:
    return next_number(session, Payment.receipt_number, money_rules.RECEIPT_PREFIX, device, year)


def _reason(text: str) -> str:
    reason = " ".join(text.split())
    if len(reason) < MIN_REASON:
        raise ValidationError(REASON_NEEDED, field="reason")
    return reason


def _check_method(method: str, reference: str | None) -> tuple[str, str | None]:
    try:
        m = rules.Method(method)
    except ValueError:
        raise ValidationError(BAD_METHOD, field="method") from None
    if m is rules.Method.CASH:
        return m.value, None
    ref = (reference or "").strip()
    if not 1 <= len(ref) <= MAX_REFERENCE:
        raise ValidationError(REFERENCE_NEEDED, field="reference")
    return m.value, ref


def day_closed(session: Session, device: Device, day: str) -> bool:
    return session.get(CashClose, stable_id("cash_close", device.device_id, day)) is not None


def pay(
    db: Database,
    actor: Actor,
    entitlement_id: str,
    method: str,
    reference: str | None = None,
) -> PaymentDone:
    """Pay what an approved entitlement still owes, keeping back the person's earlier
    overpayments; the receipt number is taken in the same transaction."""
    require(db, actor, Permission.PAYMENT_PAY)
    method, reference = _check_method(method, reference)
    with unit_of_work(db, actor) as uow:
        s = uow.session
        e = load_entitlement(s, entitlement_id)
        editable(uow, e.cohort_id)
        m = money_for(s, [e.id])[e.id]
        b = m.balance(e)
        if b.state is rules.State.PAID:
            last = m.live[-1]
            raise StateError(
                ALREADY_PAID,
                number=last.receipt_number,
                day=last.paid_on.strftime("%d/%m/%Y"),
                by=last.paid_by,
            )
        if b.state is rules.State.COMPUTED:
            raise StateError(NOT_APPROVED)
        payable = b.to_pay
        if payable <= 0:
            raise StateError(NOTHING_OWED)
        device = uow.device
        if any(s.get(LocalSetting, key) is not None for key in AFTER_RESTORE):
            raise StateError(RESTORED)
        today = local_day(uow)
        if day_closed(s, device, today):
            raise StateError(DAY_CLOSED, day=uow.now.astimezone().strftime("%d/%m/%Y"))
        owed = [(x.id, over) for x, over in outstanding_for(s, e.participant_id) if x.id != e.id]
        kept = rules.deductions(owed, payable)
        deduction = sum(amount for _key, amount in kept)
        number = next_receipt_number(s, device, uow.now.astimezone().year)
        payment = Payment(
            id=new_id(),
            office_code=e.office_code,
            entitlement_id=e.id,
            cohort_id=e.cohort_id,
            round=len(m.live) + len(m.reversed) + 1,
            amount=payable,
            deduction=deduction,
            method=method,
            reference=reference,
            receipt_number=number,
            paid_by=actor.username,
            paid_by_name=actor.full_name or actor.username,
            paid_at=uow.now,
            paid_on=uow.now.astimezone().date(),
            device_id=device.device_id,
        )
        s.add(payment)
        for overpaid_id, amount in kept:
            s.add(
                RecoverySettlement(
                    entitlement_id=overpaid_id,
                    amount=amount,
                    kind="offset",
                    payment_id=payment.id,
                    settled_by=actor.username,
                    settled_at=uow.now,
                    device_id=device.device_id,
                    office_code=e.office_code,
                )
            )
        uow.audit(
            "payment.pay",
            "payment",
            payment.id,
            receipt=number,
            entitlement=e.id,
            amount=payable,
            deduction=deduction,
            method=method,
            reference=reference,
        )
        return PaymentDone(
            payment_id=payment.id,
            receipt_number=number,
            entitlement_id=e.id,
            name=s.get(Participant, e.participant_id).full_name,  # type: ignore[union-attr]
            amount=payable,
            deduction=deduction,
            cash=payable - deduction,
            method=method,
            paid_at=uow.now,
        )


def reverse(
    db: Database, actor: Actor, supervisor: Actor, receipt_number: str, reason: str
) -> ReversalDone:
    """Undo a payment (its money came back, or never left): a reversal row signed off by a
    supervisor; the receipt keeps its number and shows BATAL, the entitlement is owed again
    and whatever the payment kept back of an overpayment is owed again too."""
    require(db, actor, Permission.PAYMENT_PAY)
    require(db, supervisor, Permission.PAYMENT_REVERSE)
    why = _reason(reason)
    with unit_of_work(db, actor) as uow:
        s = uow.session
        p = load_payment(s, receipt_number)
        editable(uow, p.cohort_id)
        if reversed_ids(s, [p.id]):
            raise StateError(ALREADY_REVERSED, number=p.receipt_number)
        device = uow.device
        if day_closed(s, device, local_day(uow)):
            raise StateError(DAY_CLOSED, day=uow.now.astimezone().strftime("%d/%m/%Y"))
        returned = p.amount - p.deduction if p.method == rules.Method.CASH.value else 0
        s.add(
            PaymentReversal(
                payment_id=p.id,
                entitlement_id=p.entitlement_id,
                amount=p.amount,
                cash_returned=returned,
                reason=why,
                requested_by=actor.username,
                approved_by=supervisor.username,
                reversed_at=uow.now,
                reversed_on=uow.now.astimezone().date(),
                device_id=device.device_id,
                office_code=p.office_code,
            )
        )
        for offset in s.scalars(
            select(RecoverySettlement).where(
                RecoverySettlement.payment_id == p.id, RecoverySettlement.kind == "offset"
            )
        ).all():
            s.add(
                RecoverySettlement(
                    entitlement_id=offset.entitlement_id,
                    amount=-offset.amount,
                    kind="offset",
                    payment_id=p.id,
                    reason=why,
                    settled_by=actor.username,
                    approved_by=supervisor.username,
                    settled_at=uow.now,
                    device_id=device.device_id,
                    office_code=p.office_code,
                )
            )
        uow.audit(
            "payment.reverse",
            "payment",
            p.id,
            receipt=p.receipt_number,
            amount=p.amount,
            reason=why,
            approved_by=supervisor.username,
        )
        return ReversalDone(p.receipt_number, p.amount, returned, supervisor.username)


def write_off(db: Database, supervisor: Actor, entitlement_id: str, reason: str) -> int:
    """A supervisor writes off what is left of an overpayment, with the reason; returns
    the amount written off."""
    require(db, supervisor, Permission.RECOVERY_WRITE_OFF)
    why = _reason(reason)
    with unit_of_work(db, supervisor) as uow:
        s = uow.session
        e = load_entitlement(s, entitlement_id)
        editable(uow, e.cohort_id)
        over = money_for(s, [e.id])[e.id].balance(e).overpaid
        if over <= 0:
            raise StateError(NOTHING_OVERPAID)
        s.add(
            RecoverySettlement(
                entitlement_id=e.id,
                amount=over,
                kind="write_off",
                reason=why,
                settled_by=supervisor.username,
                approved_by=supervisor.username,
                settled_at=uow.now,
                device_id=uow.device.device_id,
                office_code=e.office_code,
            )
        )
        uow.audit("recovery.write_off", "entitlement", e.id, amount=over, reason=why)
        return over


def recoveries(db: Database, lang: str | None = None) -> list[RecoveryRow]:
    """Every overpayment still to recover and every double payment, of this office."""
    with db.read() as session:
        undone = select(PaymentReversal.payment_id)
        paid = (
            select(
                Payment.entitlement_id.label("eid"),
                func.sum(Payment.amount).label("paid"),
            )
            .where(Payment.id.not_in(undone))
            .group_by(Payment.entitlement_id)
            .subquery()
        )
        candidates = list(
            session.scalars(
                select(Entitlement)
                .join(paid, paid.c.eid == Entitlement.id)
                .where(paid.c.paid > Entitlement.amount, Entitlement.deleted_at.is_(None))
            )
        )
        rows = entitlement_rows(session, candidates, lang)
    out = [
        RecoveryRow(
            entitlement_id=r.id,
            cohort_code=r.cohort_code,
            participant_id=r.participant_id,
            name=r.name,
            kind=r.kind,
            period=r.period,
            amount=r.amount,
            paid=r.paid,
            outstanding=r.overpaid,
            double=r.double,
            receipts=r.receipts,
        )
        for r in rows
        if r.overpaid > 0 or r.double
    ]
    return sorted(out, key=lambda r: (not r.double, r.name.casefold()))


def receipt_series(db: Database, year: int, counter: str | None = None) -> SeriesReport:
    """Every number of a counter's series for a year (this PC's: None; another: "JKT-2"):
    issued, void (its payment reversed) or missing (a gap, which should never happen)."""
    with db.read() as session:
        device = session.scalars(select(Device)).one()
        label = counter or f"{device.office_code}-{device.device_no}"
        prefix = f"{money_rules.RECEIPT_PREFIX}/{label.upper()}/{year}/"
        payments = list(
            session.scalars(
                select(Payment).where(
                    Payment.receipt_number >= prefix, Payment.receipt_number < prefix + "\uffff"
                )
            )
        )
        undone = reversed_ids(session, [p.id for p in payments])
    by_seq = {
        int(p.receipt_number[len(prefix) :]): p
        for p in payments
        if p.receipt_number[len(prefix) :].isdigit()
    }
    entries: list[SeriesEntry] = []
    for seq in range(1, max(by_seq, default=0) + 1):
        number = f"{prefix}{seq:04d}"
        p = by_seq.get(seq)
        if p is None:
            entries.append(SeriesEntry(number, "missing"))
        else:
            state = "void" if p.id in undone else "issued"
            entries.append(SeriesEntry(number, state, p.amount - p.deduction, p.paid_on))
    return SeriesReport(
        prefix=prefix,
        entries=tuple(entries),
        issued=sum(1 for x in entries if x.state == "issued"),
        void=sum(1 for x in entries if x.state == "void"),
        missing=sum(1 for x in entries if x.state == "missing"),
    )
