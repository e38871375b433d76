"""The monthly report's PDF: a `MonthlyReport` turned into the plain document that
app.documents.monthly_report lays out.

The document layer sits below the services (DESIGN §2, the import-linter layers), so it
cannot read a `MonthlyReport` or call `report_tables.tables` itself; this module does, and
hands it text and numbers only. Tables go through `report_tables.tables` and `cell_text`,
so the PDF prints exactly the window's and the workbook's figures; each chart is made from
the same rows as its table, its bars labelled with the table's text for the figure.
"""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction
from pathlib import Path

from app import formats
from app.documents.monthly_report import MonthlyReportDocument, build
from app.documents.monthly_report_charts import COUNT, MONEY, PERCENT, BarChart, Series
from app.documents.monthly_report_tables import DocTable
from app.services.report_tables import MONEY as MONEY_KIND
from app.services.report_tables import TEXT, Cell, ReportTable, cell_text
from app.services.report_tables import tables as report_tables
from app.services.report_views import MonthlyReport
from app.texts import Text

METHOD_COLOURS = ("#1f5fa8", "#e59f1e", "#6f8fb0", "#a3b5c7")
SCORE_COLOURS = ("#1f5fa8", "#7fb3dc", "#2e8b57")
OUTCOME_COLOURS = ("#2e8b57", "#1f5fa8", "#9fb8cf", "#d9685f", "#c9ced4")
ELIGIBILITY_COLOURS = ("#2e8b57", "#d9685f", "#c9ced4")
MAX_PROVIDERS = 12  # bars a chart holds legibly on one page; the table lists them all

STIPENDS = Text("Uang transport dan uang saku dibayar", "Transport and pocket money paid")
RUPIAH_MILLIONS = Text("Juta rupiah", "Million rupiah")
OUTCOMES = Text("Hasil pemantauan lulusan", "Follow-up outcomes of graduates")
MILESTONE = Text("Bulan ke-{n}", "Month {n}")
PEOPLE = Text("Orang", "People")
WORKING = Text("Bekerja", "Working")
SELF_EMPLOYED = Text("Usaha sendiri", "Self-employed")
OTHER = Text("Mencari kerja/sekolah", "Looking/studying")
UNREACHABLE = Text("Tak terhubungi", "Unreachable")
OPEN = Text("Belum dihubungi", "Not yet called")
SCORES = Text("Kinerja lembaga pelatihan", "Training provider scorecards")
COMPLETION = Text("Kelulusan", "Completion")
ATTENDANCE = Text("Kehadiran", "Attendance")
PLACEMENT = Text("Penempatan", "Placement")
PERCENT_AXIS = Text("Persen", "Percent")
SCORES_NOTE = Text(
    "Sejak awal program s.d. tanggal laporan; –: belum ada yang dihitung.",
    "From the programme's start to the report's day; –: nothing to count yet.",
)
SCORES_CUT = Text(
    " Menampilkan {shown} dari {total} lembaga; semuanya ada di tabel Kinerja lembaga.",
    " Showing {shown} of {total} providers; all are in the scorecard table.",
)
OUTCOMES_NOTE = Text(
    "Semua modul; pemantauan yang jatuh tempo s.d. tanggal laporan atau sudah dicatat.",
    "Every module; follow-ups due up to the report's day or already recorded.",
)
REGISTRATIONS = Text("Pendaftar baru per kantor", "New registrations by office")
MET = Text("Memenuhi syarat", "Eligible")
NOT_MET = Text("Tidak memenuhi", "Not eligible")
UNKNOWN = Text("Belum diketahui", "Unknown")


def write_monthly_report_pdf(report: MonthlyReport, out: Path, lang: str | None = None) -> None:
    """Write `report` as a PDF to `out` (app.services.report_files renames it into place)."""
    build(document(report, lang), out)


def document(report: MonthlyReport, lang: str | None = None) -> MonthlyReportDocument:
    """The report as the PDF prints it: the summary, the charts, then every other table."""
    first, *rest = (doc_table(t, lang) for t in report_tables(report, lang))
    return MonthlyReportDocument(
        office_code=report.office_code,
        office_label=report.office_label,
        first_day=report.first_day,
        last_day=report.last_day,
        as_of=report.as_of,
        made_at=report.made_at,
        summary=first,
        charts=charts(report, lang),
        tables=tuple(rest),
        lang=lang,
    )


def doc_table(table: ReportTable, lang: str | None = None) -> DocTable:
    """A table's cells as the window shows them; figures right-aligned (the summary's
    values too, each of its own kind); an empty cell of the total row blank."""
    kinds = [c.kind for c in table.columns]
    last = len(kinds) - 1
    right = tuple(k != TEXT or (table.row_kinds is not None and i == last)
                  for i, k in enumerate(kinds))  # fmt: skip

    def line(n: int, values: tuple[Cell, ...], total: bool) -> tuple[str, ...]:
        return tuple(
            "" if total and v is None else cell_text(v, table.kind_at(n, j), lang)
            for j, v in enumerate(values)
        )

    return DocTable(
        key=table.key,
        title=table.title,
        header=tuple(c.title for c in table.columns),
        right=right,
        rows=tuple(line(n, r, False) for n, r in enumerate(table.rows)),
        total=line(len(table.rows), table.total, True) if table.total else None,
        note=table.note,
    )


def charts(report: MonthlyReport, lang: str | None = None) -> tuple[BarChart, ...]:
    """Stipends and follow-up outcomes (short, side by side), the providers' scorecards,
    and for every office together the month's registrations by office."""
    made = [_stipends(report, lang), _outcomes(report, lang), _scorecards(report, lang)]
    if report.office_code is None:
        made.append(_registrations(report, lang))
    return tuple(made)


def _percent(rate: Fraction | None) -> float | None:
    return None if rate is None else float(rate * 100)


def _stipends(report: MonthlyReport, lang: str | None) -> BarChart:
    """Amounts paid by kind (a group) and method (a colour)."""
    kinds = list(dict.fromkeys(s.kind_label for s in report.stipends))
    methods = list(dict.fromkeys(s.method_label for s in report.stipends))
    paid = {(s.kind_label, s.method_label): s.amount for s in report.stipends}
    series = tuple(
        Series(
            method,
            tuple(float(paid.get((k, method), 0)) for k in kinds),
            tuple(cell_text(paid.get((k, method), 0), MONEY_KIND, lang) for k in kinds),
            METHOD_COLOURS[i % len(METHOD_COLOURS)],
        )
        for i, method in enumerate(methods)
    )
    return BarChart(
        "stipends", STIPENDS.render(lang), tuple(kinds), series, MONEY,
        RUPIAH_MILLIONS.render(lang),
    )  # fmt: skip


def _outcomes(report: MonthlyReport, lang: str | None) -> BarChart:
    """Every module's graduates at each milestone, one stacked bar a milestone: working,
    self-employed, reached for something else, unreachable, not yet called."""
    counts: dict[int, list[int]] = defaultdict(lambda: [0] * 5)
    for row in report.outcomes_by_module:
        r = row.rate
        other = r.reached - r.working - r.self_employed
        for i, n in enumerate((r.working, r.self_employed, other, r.unreachable, r.open)):
            counts[row.milestone][i] += n
    milestones = sorted(counts)
    names = (WORKING, SELF_EMPLOYED, OTHER, UNREACHABLE, OPEN)
    series = tuple(
        Series(
            name.render(lang),
            tuple(float(counts[m][i]) for m in milestones),
            tuple(formats.number(counts[m][i], lang) for m in milestones),
            OUTCOME_COLOURS[i],
        )
        for i, name in enumerate(names)
    )
    return BarChart(
        "outcomes",
        OUTCOMES.render(lang),
        tuple(MILESTONE.render(lang, n=m) for m in milestones),
        series,
        COUNT,
        PEOPLE.render(lang),
        stacked=True,
        note=OUTCOMES_NOTE.render(lang),
    )


def _scorecards(report: MonthlyReport, lang: str | None) -> BarChart:
    """Completion, attendance and placement of each provider, side by side."""
    shown = report.scorecards[:MAX_PROVIDERS]
    rates = (
        (COMPLETION, [s.completion for s in shown]),
        (ATTENDANCE, [s.attendance for s in shown]),
        (PLACEMENT, [s.placement for s in shown]),
    )
    series = tuple(
        Series(
            name.render(lang),
            tuple(_percent(v) for v in values),
            tuple(formats.percent(v, "") for v in values),
            SCORE_COLOURS[i],
        )
        for i, (name, values) in enumerate(rates)
    )
    note = SCORES_NOTE.render(lang)
    if len(report.scorecards) > len(shown):
        note += SCORES_CUT.render(lang, shown=len(shown), total=len(report.scorecards))
    return BarChart(
        "scorecards",
        SCORES.render(lang),
        tuple(s.name for s in shown),
        series,
        PERCENT,
        PERCENT_AXIS.render(lang),
        note=note,
    )


def _registrations(report: MonthlyReport, lang: str | None) -> BarChart:
    """The month's new registrations at each office by eligibility (every office's report)."""
    rows = report.registrations
    parts = ((MET, [r.met for r in rows]), (NOT_MET, [r.not_met for r in rows]),
             (UNKNOWN, [r.unknown for r in rows]))  # fmt: skip
    series = tuple(
        Series(
            name.render(lang),
            tuple(float(v) for v in values),
            tuple(formats.number(v, lang) for v in values),
            ELIGIBILITY_COLOURS[i],
        )
        for i, (name, values) in enumerate(parts)
    )
    return BarChart(
        "registrations",
        REGISTRATIONS.render(lang),
        tuple(r.label for r in rows),
        series,
        COUNT,
        PEOPLE.render(lang),
        stacked=True,
    )
