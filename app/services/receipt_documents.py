"""Receipts (kuitansi) and the cash close as PDFs (issue #11, DESIGN §6).

Every print is recorded (a ReceiptPrint row, synced): the first print of a receipt is the
original, every later one says SALINAN with its count, wherever it was printed. The print
is recorded in its own transaction and the PDF written after the commit (DESIGN §4: print
only after commit), so a PDF never exists for a print the database does not know. A preview
records nothing and shows what the next print would be. A reversed payment's receipt keeps
its number and prints BATAL.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import formats
from app.db import Database
from app.documents import cash_close as cash_doc
from app.documents import receipt as receipt_doc
from app.domain import money as money_rules
from app.domain import stipends as rules
from app.domain.nik import mask_nik
from app.errors import NotFound, StateError
from app.models import (
    Cohort,
    Device,
    Entitlement,
    Office,
    Participant,
    Payment,
    ReceiptPrint,
    TrainingModule,
)
from app.services.actor import Actor
from app.services.cash_close import cash_day
from app.services.settings import read_all
from app.services.stipend_records import NO_RECEIPT, load_payment, reversed_ids
from app.services.uow import unit_of_work
from app.texts import Text

NO_RECEIPTS = Text("Angkatan ini belum memiliki kuitansi.", "This cohort has no receipts yet.")
NOT_CLOSED = Text(
    "Kas {day} belum ditutup; tutup kas dulu.", "The cash of {day} is not closed yet."
)
PLACE_MAX = 60


@dataclass(frozen=True)
class PrintedReceipts:
    paths: tuple[Path, ...]
    numbers: tuple[str, ...]
    copies: int  # how many of them were reprints (SALINAN)


def _office_name(session: Session) -> str:
    device = session.scalars(select(Device)).one()
    office = session.scalar(select(Office).where(Office.code == device.office_code))
    return office.name if office else device.office_code


def _purpose(session: Session, p: Payment, e: Entitlement, cohort: Cohort, lang: str = "id") -> str:
    module = session.scalar(
        select(TrainingModule.name).where(TrainingModule.code == cohort.module_code)
    )
    kind = rules.KIND_LABELS[rules.Kind(e.kind)].render(lang)
    period = rules.Period(e.period, e.period_start, e.period_end).label(lang)
    if e.kind == rules.Kind.POCKET.value and cohort.pocket_mode == "lump_sum":
        basis = "sekaligus"
    else:
        basis = f"{e.days} hari hadir × {formats.rupiah(e.rate, 'id')}"
    top_up = " (kekurangan)" if p.round > 1 and p.amount < e.amount else ""
    return (
        f"{kind} pelatihan{top_up}, angkatan {cohort.code}"
        f"{f' ({module})' if module else ''}, {period.lower()}, {basis}"
    )


def _document(
    session: Session,
    p: Payment,
    copy_no: int,
    printed_by: str,
    now_text: str,
    settings: dict[str, object],
    void: bool,
) -> receipt_doc.ReceiptDocument:
    e = session.get(Entitlement, p.entitlement_id)
    cohort = session.get(Cohort, p.cohort_id)
    if e is None or cohort is None:  # a payment always has both (foreign keys)
        raise NotFound(NO_RECEIPT, number=p.receipt_number)
    person = session.get(Participant, e.participant_id)
    office = _office_name(session)
    place = str(settings.get("receipt_place") or "").strip()[:PLACE_MAX] or office
    handed = p.amount - p.deduction
    details: tuple[tuple[str, str], ...] = ()
    if p.deduction:
        details = (
            (f"Hak {rules.KIND_LABELS[rules.Kind(e.kind)].render('id').lower()}",
             formats.rupiah(p.amount, "id")),
            ("Dipotong kelebihan bayar sebelumnya", cash_doc.money(-p.deduction)),
        )  # fmt: skip
    if p.method == rules.Method.TRANSFER.value:
        method = f"Transfer bank — ref. {p.reference}"
    else:
        method = "Tunai"
    meterai = money_rules.needs_meterai(handed) and settings.get("receipt_meterai") != "off"
    paid_day = p.paid_at.astimezone().date()
    return receipt_doc.ReceiptDocument(
        number=p.receipt_number,
        office_line=f"BPJS Ketenagakerjaan — Kantor Cabang {office}",
        received_from=f"BPJS Ketenagakerjaan Kantor Cabang {office}",
        amount=handed,
        amount_words=money_rules.terbilang(handed),
        purpose=_purpose(session, p, e, cohort),
        details=details,
        method=method,
        recipient_name=person.full_name if person else "?",
        recipient_id=mask_nik(person.nik) if person else "",
        clerk_name=p.paid_by_name,
        place_and_date=f"{place}, {formats.long_date(paid_day, 'id')}",
        meterai=meterai,
        copy_no=copy_no,
        void=void,
        printed=f"Dicetak {now_text} oleh {printed_by} — Loket Vokasi",
    )


def _prints(session: Session, payment_ids: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = dict.fromkeys(payment_ids, 0)
    for pid, n in session.execute(
        select(ReceiptPrint.payment_id, func.count())
        .where(ReceiptPrint.payment_id.in_(list(payment_ids)))
        .group_by(ReceiptPrint.payment_id)
    ):
        found[pid] = int(n)
    return found


def _paper(settings: dict[str, object], paper: str | None) -> str:
    return paper or str(settings.get("receipt_paper") or "a5")


def _render(
    db: Database,
    actor: Actor,
    payments: list[Payment],
    *,
    record: bool,
) -> list[receipt_doc.ReceiptDocument]:
    """The documents for `payments`, each as the next print (recorded when `record`)."""
    ids = [p.id for p in payments]
    with unit_of_work(db, actor) as uow:
        s = uow.session
        settings = read_all(s)
        counts = _prints(s, ids)
        undone = reversed_ids(s, ids)
        now_text = formats.datetime_text(uow.now)
        docs: list[receipt_doc.ReceiptDocument] = []
        for p in payments:
            copy_no = counts[p.id]
            docs.append(
                _document(s, p, copy_no, actor.username, now_text, settings, p.id in undone)
            )
            if record:
                s.add(
                    ReceiptPrint(
                        payment_id=p.id,
                        copy_no=copy_no,
                        printed_by=actor.username,
                        printed_at=uow.now,
                        device_id=uow.device.device_id,
                        office_code=p.office_code,
                    )
                )
        if record:
            uow.audit(
                "receipt.print",
                "payment",
                ids[0] if len(ids) == 1 else None,
                receipts=[p.receipt_number for p in payments],
                copies=sum(1 for p in payments if counts[p.id] > 0),
            )
        s.expunge_all()
    return docs


def _payment(db: Database, number_or_id: str) -> Payment:
    with db.read() as session:
        p = session.get(Payment, number_or_id) or load_payment(session, number_or_id)
        session.expunge(p)
        return p


def preview_receipt(
    db: Database, actor: Actor, number_or_id: str, out: Path, paper: str | None = None
) -> Path:
    """The receipt as its next print would look, written to `out`; nothing recorded."""
    p = _payment(db, number_or_id)
    with db.read() as session:
        settings = read_all(session)
        copy_no = _prints(session, [p.id])[p.id]
        doc = _document(
            session,
            p,
            copy_no,
            actor.username,
            formats.datetime_text(db.clock()),
            settings,
            bool(reversed_ids(session, [p.id])),
        )
    return receipt_doc.build(doc, out, _paper(settings, paper))


def print_receipt(
    db: Database, actor: Actor, number_or_id: str, out: Path, paper: str | None = None
) -> PrintedReceipts:
    """Record one print of a receipt, then write it to `out` (SALINAN after the first)."""
    p = _payment(db, number_or_id)
    docs = _render(db, actor, [p], record=True)
    with db.read() as session:
        chosen = _paper(read_all(session), paper)
    path = receipt_doc.build(docs[0], out, chosen)
    return PrintedReceipts((path,), (p.receipt_number,), int(docs[0].copy_no > 0))


def cohort_payments(db: Database, cohort_id: str, period: str | None = None) -> list[Payment]:
    with db.read() as session:
        stmt = select(Payment).where(Payment.cohort_id == cohort_id)
        if period is not None:
            stmt = stmt.join(Entitlement, Entitlement.id == Payment.entitlement_id).where(
                Entitlement.period == period
            )
        found = list(session.scalars(stmt.order_by(Payment.receipt_number)))
        session.expunge_all()
    return found


def file_name(number: str) -> str:
    """`KW/JKT-1/2026/0007` -> `KW-JKT-1-2026-0007.pdf`."""
    return number.replace("/", "-") + ".pdf"


def print_cohort_receipts(
    db: Database,
    actor: Actor,
    cohort_id: str,
    out: Path,
    *,
    one_file: bool,
    period: str | None = None,
    paper: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> PrintedReceipts:
    """Every receipt of a cohort (one period: `period`): into one PDF at `out`, or one PDF
    per receipt in the folder `out`. The prints are recorded first, in one transaction."""
    payments = cohort_payments(db, cohort_id, period)
    if not payments:
        raise NotFound(NO_RECEIPTS)
    docs = _render(db, actor, payments, record=True)
    with db.read() as session:
        chosen = _paper(read_all(session), paper)
    copies = sum(1 for d in docs if d.copy_no > 0)
    numbers = tuple(d.number for d in docs)
    if one_file:
        path = receipt_doc.build_many(docs, out, chosen, progress)
        return PrintedReceipts((path,), numbers, copies)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for i, doc in enumerate(docs, start=1):
        paths.append(receipt_doc.build(doc, out / file_name(doc.number), chosen))
        if progress is not None:
            progress(i, len(docs))
    return PrintedReceipts(tuple(paths), numbers, copies)


def _short_purpose(line_kind: str, cohort_code: str, period: str) -> str:
    kind = "Transport" if line_kind == rules.Kind.TRANSPORT.value else "Uang saku"
    when = "seluruh" if period == rules.WHOLE else f"mg {period[1:]}"
    return f"{kind} {cohort_code} {when}"


def cash_close_pdf(db: Database, actor: Actor, day: date, out: Path) -> Path:
    """The signed cash close of this counter's `day` as a PDF (refused before the close)."""
    summary = cash_day(db, day)
    closed = summary.closed
    if closed is None:
        raise StateError(NOT_CLOSED, day=day.strftime("%d/%m/%Y"))
    with db.read() as session:
        office = _office_name(session)
        place = str(read_all(session).get("receipt_place") or "").strip()[:PLACE_MAX] or office
    kinds = {k.value: v.render("id") for k, v in rules.KIND_LABELS.items()}
    methods = {k.value: v.render("id") for k, v in rules.METHOD_LABELS.items()}
    lines = tuple(
        cash_doc.CashCloseLine(
            number=line.receipt_number,
            time=formats.time_text(line.paid_at),
            recipient=line.name,
            purpose=("Pembatalan " if line.reversal else "")
            + _short_purpose(line.kind, line.cohort_code, line.period),
            method=methods.get(line.method, line.method),
            amount=line.amount,
            void=line.void,
        )
        for line in summary.lines
    )
    first_last = f"{summary.first_number} – {summary.last_number}" if summary.first_number else "-"
    doc = cash_doc.CashCloseDocument(
        office_line=f"BPJS Ketenagakerjaan — Kantor Cabang {office}",
        counter=f"Loket {summary.counter}",
        day_text=formats.day_date(day, "id"),
        totals=tuple(
            (kinds.get(k, k), methods.get(m, m), n, amount) for k, m, n, amount in summary.totals
        ),
        receipts=summary.receipts,
        first_last=first_last,
        voids=", ".join(summary.voids) or "-",
        opening=closed.opening,
        cash_paid=closed.cash_paid,
        cash_returned=closed.cash_returned,
        expected=closed.expected,
        counted=closed.counted,
        difference=closed.difference,
        transfer_total=closed.transfer_total,
        lines=lines,
        closed_by=closed.closed_by,
        approved_by=closed.approved_by,
        place_and_date=f"{place}, {formats.long_date(closed.closed_at.astimezone().date(), 'id')}",
        printed=f"Dicetak {formats.datetime_text(db.clock())} oleh {actor.username} — Loket Vokasi",
    )
    return cash_doc.build(doc, out)
