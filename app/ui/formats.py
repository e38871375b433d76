"""How dates, times, rupiah amounts and participant states read on screen (DD/MM/YYYY)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QLocale

from app.domain.eligibility import Status


def fmt_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def fmt_datetime(value: datetime | None) -> str:
    """Local time of a stored (UTC) moment, as the office reads it."""
    if value is None:
        return ""
    return value.astimezone().strftime("%d/%m/%Y %H:%M")


def fmt_time(value: datetime) -> str:
    return value.astimezone().strftime("%H:%M")


def fmt_rupiah(amount: int | None) -> str:
    return "" if amount is None else "Rp" + QLocale().toString(amount)


def fmt_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{QLocale().toString(max(1, round(size / 1024)))} KB"
    return f"{QLocale().toString(size / 1024 / 1024, 'f', 1)} MB"


def status_label(key: str) -> str:
    from app.services.participant_records import STATUSES

    text = STATUSES.get(key)
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
