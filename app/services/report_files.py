"""Writing the monthly report to a file (PDF or XLSX) for someone signed in, recorded.

One entry for the window's Laporan page and `loket report monthly`: the permission check,
the format chosen by the file's ending, a write that never leaves half a file behind (the
document is made beside the target and renamed over it), and an audit event saying who
took which month of which office out of the program. The server's report writes with
`write_report` directly: it has no signed-in person, its operator runs it on the server.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.db import Database
from app.domain.roles import Permission
from app.errors import ValidationError
from app.services.access import require
from app.services.actor import Actor
from app.services.monthly_report import monthly_report, only_own_office
from app.services.report_views import MonthlyReport
from app.services.uow import unit_of_work
from app.texts import Text

FORMATS = (".pdf", ".xlsx")
NOT_A_REPORT_FILE = Text(
    "Nama berkas laporan harus berakhiran .pdf atau .xlsx: {name}",
    "The report's file name must end in .pdf or .xlsx: {name}",
)


def check_target(out: Path) -> str:
    """The format of `out` by its ending; refused before anything is counted."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError(NOT_A_REPORT_FILE, field="out", name=out.name)
    return suffix


def write_report(report: MonthlyReport, out: Path, lang: str | None = None) -> Path:
    """Write `report` to `out` as its ending says, replacing an older file only once the
    new one is whole."""
    suffix = check_target(out)
    tmp = out.with_name(out.name + ".part")
    try:
        if suffix == ".pdf":
            from app.services.report_pdf import write_monthly_report_pdf

            write_monthly_report_pdf(report, tmp, lang)
        else:
            from app.services.report_xlsx import write_monthly_report_xlsx

            write_monthly_report_xlsx(report, tmp, lang)
        tmp.replace(out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out


def export_monthly_report(
    db: Database,
    actor: Actor,
    first_day: date,
    office: str | None,
    out: Path,
    today: date | None = None,
    lang: str | None = None,
) -> MonthlyReport:
    """Count the month, write it to `out` and record the export; returns the figures
    written (the window and the CLI say what they hold)."""
    require(db, actor, Permission.REPORT_VIEW)
    only_own_office(actor, office)
    check_target(out)
    report = monthly_report(db, first_day, office, today=today, lang=lang)
    write_report(report, out, lang)
    with unit_of_work(db, actor) as uow:
        uow.audit(
            "report.export",
            month=report.first_day.isoformat()[:7],
            office=office or "*",
            file=out.name,
        )
    return report
