"""The payment register (daftar pembayaran) of a cohort and period as XLSX (issue #11 item 4).

One row per entitlement: the person (NIK masked, DESIGN §7), kind, period, days, rate,
amount, state, what was paid, the receipts (a voided one marked BATAL), method, when and by
whom; the totals below; a header block naming the cohort, provider and module, the period
and who printed it when. Every text cell is a text cell with control characters replaced
(app.domain.safe_text), so a name typed as `=HYPERLINK(...)` stays a name in Excel; the
figures are numbers, so the totals can be checked with a formula of one's own.

The file is written under a temporary name and renamed, so a register is either whole or
not there; the export is an audit event (who, which cohort and period, how many rows).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from app import formats
from app.db import Database
from app.domain import stipends as rules
from app.errors import ValidationError
from app.models import Cohort, Entitlement, Payment, TrainingModule, TrainingProvider
from app.services.actor import Actor
from app.services.cohort_records import load_cohort
from app.services.entitlements import cohort_periods, period_order
from app.services.stipend_records import entitlement_rows, money_for
from app.services.stipend_views import EntitlementRow
from app.services.uow import unit_of_work
from app.services.xlsx_cells import number_cell, text_cell
from app.texts import Text

CANNOT_WRITE = Text(
    "Register tidak dapat disimpan ke {path} ({why}). Tutup berkas itu bila sedang dibuka di "
    "Excel, atau pilih folder lain, lalu coba lagi.",
    "The register cannot be saved to {path} ({why}). Close that file if it is open in Excel, "
    "or choose another folder, then try again.",
)
NOT_A_PERIOD = Text(
    "Angkatan ini tidak memiliki periode {period}.", "This cohort has no period {period}."
)

TITLE = "Daftar Pembayaran Uang Transport dan Uang Saku"
COLUMNS = (
    ("No.", 5),
    ("Nama", 30),
    ("NIK", 19),
    ("Jenis", 16),
    ("Periode", 30),
    ("Hari", 6),
    ("Tarif", 12),
    ("Jumlah hak", 14),
    ("Status", 11),
    ("Dibayar", 14),
    ("Nomor kuitansi", 30),
    ("Cara bayar", 22),
    ("Dibayar pada", 17),
    ("Dibayar oleh", 22),
)
# Columns (1-based) holding figures: days, rate, amount, paid.
DAYS_COL, RATE_COL, AMOUNT_COL, PAID_COL = 6, 7, 8, 10


@dataclass(frozen=True)
class RegisterLine:
    """One entitlement as the register shows it (every value as written to the sheet)."""

    row: EntitlementRow
    receipts: str
    method: str
    paid_at: str
    paid_by: str


@dataclass(frozen=True)
class PaymentRegister:
    path: Path
    cohort_code: str
    period: str | None
    rows: int
    amount: int  # sum of the entitlements' amounts
    paid: int  # sum of what was paid on them (reversed payments excluded)


def _payments_text(live: list[Payment], voided: list[Payment]) -> tuple[str, str, str, str]:
    """(receipts, method, paid at, paid by) of an entitlement's payments, oldest first; a
    reversed payment keeps its number, marked BATAL."""
    methods = {m.value: label.render("id") for m, label in rules.METHOD_LABELS.items()}
    ordered = sorted(live + voided, key=lambda p: (p.paid_at, p.receipt_number))
    undone = {p.id for p in voided}
    receipts = "; ".join(p.receipt_number + (" (BATAL)" if p.id in undone else "") for p in ordered)

    def how(p: Payment) -> str:
        label = methods.get(p.method, p.method)
        return f"{label} ref. {p.reference}" if p.reference else label

    return (
        receipts,
        "; ".join(how(p) for p in live),
        "; ".join(formats.datetime_text(p.paid_at) for p in live),
        "; ".join(p.paid_by_name or p.paid_by for p in live),
    )


def register_lines(
    db: Database, cohort_id: str, period: str | None = None
) -> tuple[dict[str, str], list[RegisterLine]]:
    """The header facts and the lines of the register, without writing anything."""
    with db.read() as session:
        cohort: Cohort = load_cohort(session, cohort_id)
        plan = {p.key: p for p in cohort_periods(cohort)}
        if period is not None and period not in plan:
            raise ValidationError(NOT_A_PERIOD, field="period", period=period)
        provider = session.get(TrainingProvider, cohort.provider_id)
        module = session.scalar(
            select(TrainingModule.name).where(TrainingModule.code == cohort.module_code)
        )
        stmt = select(Entitlement).where(
            Entitlement.cohort_id == cohort.id, Entitlement.deleted_at.is_(None)
        )
        if period is not None:
            stmt = stmt.where(Entitlement.period == period)
        ents = list(session.scalars(stmt))
        rows = entitlement_rows(session, ents, "id")
        money = money_for(session, [e.id for e in ents])
        lines = [
            RegisterLine(r, *_payments_text(money[r.id].live, money[r.id].reversed)) for r in rows
        ]
        head = {
            "cohort": cohort.code,
            "provider": provider.name if provider else cohort.provider_id,
            "module": f"{module or cohort.module_code} ({cohort.module_code})",
            "period": plan[period].label("id") if period is not None else "Semua periode",
        }
    lines.sort(key=lambda x: (x.row.name.casefold(), period_order(x.row.period), x.row.kind))
    return head, lines


def _write(
    out: Path, head: dict[str, str], lines: list[RegisterLine], printed: str
) -> tuple[int, int]:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    kinds = {k.value: v.render("id") for k, v in rules.KIND_LABELS.items()}
    states = {s.value: v.render("id") for s, v in rules.STATE_LABELS.items()}
    book = Workbook()
    sheet = book.active
    sheet.title = "Register"
    text_cell(sheet, 1, 1, TITLE)
    sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
    facts = (
        ("Angkatan", head["cohort"]),
        ("Lembaga", head["provider"]),
        ("Modul", head["module"]),
        ("Periode", head["period"]),
        ("Dicetak", printed),
    )
    for i, (label, value) in enumerate(facts, start=2):
        text_cell(sheet, i, 1, label, bold=True)
        text_cell(sheet, i, 2, value)
    top = len(facts) + 3
    for j, (label, width) in enumerate(COLUMNS, start=1):
        text_cell(sheet, top, j, label, bold=True)
        sheet.column_dimensions[get_column_letter(j)].width = width
    amount = paid = 0
    r = top
    for n, line in enumerate(lines, start=1):
        r = top + n
        e = line.row
        number_cell(sheet, r, 1, n)
        sheet.cell(row=r, column=1).number_format = "0"
        for col, value in (
            (2, e.name),
            (3, e.nik_masked),
            (4, kinds.get(e.kind, e.kind)),
            (5, e.period_label),
            (9, states.get(e.state, e.state)),
            (11, line.receipts),
            (12, line.method),
            (13, line.paid_at),
            (14, line.paid_by),
        ):
            text_cell(sheet, r, col, value)
        number_cell(sheet, r, DAYS_COL, e.days)
        sheet.cell(row=r, column=DAYS_COL).number_format = "0"
        number_cell(sheet, r, RATE_COL, e.rate)
        number_cell(sheet, r, AMOUNT_COL, e.amount)
        number_cell(sheet, r, PAID_COL, e.paid)
        amount += e.amount
        paid += e.paid
    total_row = r + 1
    text_cell(sheet, total_row, 2, f"Jumlah ({len(lines)} hak)", bold=True)
    number_cell(sheet, total_row, AMOUNT_COL, amount, bold=True)
    number_cell(sheet, total_row, PAID_COL, paid, bold=True)
    sheet.freeze_panes = sheet.cell(row=top + 1, column=3)
    sheet.print_title_rows = f"{top}:{top}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    tmp = out.with_name(out.name + ".part")
    try:
        book.save(tmp)
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError(
            CANNOT_WRITE, field="out", path=out, why=exc.strerror or type(exc).__name__
        ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return amount, paid


def payment_register(
    db: Database, actor: Actor, cohort_id: str, out: Path, period: str | None = None
) -> PaymentRegister:
    """Write the register of a cohort (one period: `period`, a key such as "W1" or "ALL")
    to `out` (.xlsx) and record the export."""
    head, lines = register_lines(db, cohort_id, period)
    now: datetime = db.clock()
    who = f"{actor.full_name} ({actor.username})" if actor.full_name else actor.username
    amount, paid = _write(out, head, lines, f"{formats.datetime_text(now)} oleh {who}")
    with unit_of_work(db, actor) as uow:
        uow.audit(
            "payment.register",
            "cohort",
            cohort_id,
            code=head["cohort"],
            period=period,
            file=out.name,
            rows=len(lines),
        )
    return PaymentRegister(out, head["cohort"], period, len(lines), amount, paid)
