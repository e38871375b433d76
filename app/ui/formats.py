"""How dates, times, rupiah amounts and participant states read on screen.

The values are formatted by app.formats (Qt-free, shared with the CLI and the PDFs) in the
window's language; only the words that exist on screen alone (eligibility verdicts) are Qt
translations here.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from app import formats
from app.domain.eligibility import Status


def fmt_date(value: date | None) -> str:
    return formats.date_text(value)


def fmt_datetime(value: datetime | None) -> str:
    """Local time of a stored (UTC) moment, as the office reads it."""
    return formats.datetime_text(value)


def fmt_time(value: datetime) -> str:
    return formats.time_text(value)


def fmt_rupiah(amount: int | None) -> str:
    return formats.rupiah(amount)


def fmt_size(size: int) -> str:
    return formats.file_size(size)


def status_label(key: str) -> str:
    from app.domain.participant_fields import STATUS_LABELS

    text = STATUS_LABELS.get(key)
    return text.render() if text else key


def eligibility_label(status: str | None) -> str:
    labels = {
        Status.MET.value: QCoreApplication.translate("formats", "Eligible"),
        Status.NOT_MET.value: QCoreApplication.translate("formats", "Not eligible"),
        Status.UNKNOWN.value: QCoreApplication.translate("formats", "Not yet certain"),
    }
    return labels.get(status or "", "")


def eligibility_short(status: str | None) -> str:
    """For a table cell: ✓ / ✗ / ? and one word."""
    labels = {
        Status.MET.value: QCoreApplication.translate("formats", "✓ eligible"),
        Status.NOT_MET.value: QCoreApplication.translate("formats", "✗ not eligible"),
        Status.UNKNOWN.value: QCoreApplication.translate("formats", "? not yet certain"),
    }
    return labels.get(status or "", "")


def mark(status: str) -> str:
    """✓ met, ✗ not met, ? unknown."""
    return {Status.MET.value: "✓", Status.NOT_MET.value: "✗"}.get(status, "?")
