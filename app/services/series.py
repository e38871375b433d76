"""The next number of a counter's document series (receipts KW/…, certificates SERT/…).

A number is `KIND/<OFFICE>-<DEVICE>/<YEAR>/<SEQ>` (app.domain.money.document_number): the
office and the counter make it unique without a network, and the server accepts only
numbers of the pushing device's own series (app.server.authorize, rule 5). The next one is
read in the caller's transaction, so the row that carries it is written with it.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.domain import money as money_rules
from app.models import Device


def next_number(
    session: Session, column: InstrumentedAttribute[str], kind: str, device: Device, year: int
) -> str:
    """The number after the highest this counter issued in `year` (in `column`)."""
    prefix = money_rules.series_prefix(kind, device.office_code, device.device_no, year)
    # A range on the unique index (LIKE would scan every row: SQLite's LIKE ignores case,
    # so it cannot use the index); only this counter's year is read, and the highest
    # number is the longest, then the greatest (0999 < 1000 < 10000).
    last = session.scalar(
        select(column)
        .where(column >= prefix, column < prefix + "\uffff")
        .order_by(func.length(column).desc(), column.desc())
        .limit(1)
    )
    tail = last[len(prefix) :] if last else ""
    seq = int(tail) if tail.isdigit() else 0
    return money_rules.document_number(kind, device.office_code, device.device_no, year, seq + 1)
