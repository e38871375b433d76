"""The monthly programme report as a PDF (Laporan Bulanan Program Pelatihan Vokasi, issue
#14), A4 portrait, that a branch head signs and sends to HQ: the header (office, month,
the day the data runs to, when it was made), the summary, the charts, every table of the
report with its note, and the signatures of the one who made it and the branch head.

Plain data in (`MonthlyReportDocument`: tables whose cells are already the text the
window shows, charts as `monthly_report_charts.BarChart`), so this layer knows nothing of
the database or of how a figure is counted: app.services.report_pdf gathers them from a
`MonthlyReport`. Portrait holds the widest table (nine columns) because columns are sized
from what they hold and names wrap; landscape would halve what fits on a page of charts.
Names typed by users (providers, modules) are escaped before reportlab reads them as
markup, and drawn literally in the charts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle

from app import formats
from app.documents.fonts import REGULAR, register
from app.documents.monthly_report_charts import BarChart, draw
from app.documents.monthly_report_tables import (
    FRAME,
    GREY,
    HEAD,
    INNER,
    LINE,
    MARGIN,
    PLAIN,
    WIDTH,
    DocTable,
    para,
    styles,
    summary_flowables,
    table_flowables,
)
from app.documents.page_numbers import NumberedCanvas
from app.domain.offices import OFFICES_BY_CODE
from app.texts import Text, current_language

AUTHOR = "Loket Vokasi"
TITLE = Text("LAPORAN BULANAN PROGRAM PELATIHAN VOKASI", "MONTHLY VOCATIONAL TRAINING REPORT")
RUNNING = Text("Laporan Bulanan Program Pelatihan Vokasi", "Monthly Vocational Training Report")
ORGANISATION = "BPJS Ketenagakerjaan"
BRANCH = Text("Kantor Cabang {office}", "Branch office {office}")
AS_OF = Text("Data s.d. {day}", "Data up to {day}")
RUNNING_MONTH = Text(" (bulan berjalan)", " (month in progress)")
MADE_AT = Text("Dibuat {day} pukul {time} {zone}", "Made {day} at {time} {zone}")
PAGE = Text("Halaman {n} dari {total}", "Page {n} of {total}")
CHART = Text("Grafik {n}. {title}", "Chart {n}. {title}")
NO_CHART_DATA = Text("Tidak ada data bulan ini", "No data this month")
MADE_BY = Text("Dibuat oleh,", "Made by,")
APPROVED = Text("Mengetahui,\nKepala Kantor Cabang", "Acknowledged,\nHead of Branch Office")
NAME_LINE = Text("Nama: ", "Name: ")
DATE_LINE = Text("Tanggal: ", "Date: ")
ZONES = {7: "WIB", 8: "WITA", 9: "WIT"}
CHART_GAP = 4 * mm


@dataclass(frozen=True)
class MonthlyReportDocument:
    office_code: str | None  # None: every office
    office_label: str  # "DKI Jakarta (JKT)" or "Semua kantor"
    first_day: date
    last_day: date
    as_of: date  # the month's last day, or the day it was made while the month runs
    made_at: datetime  # aware
    summary: DocTable  # two columns: measure, value
    charts: tuple[BarChart, ...]  # the first two side by side, the rest full width
    tables: tuple[DocTable, ...]
    lang: str | None = None


def made_at_text(made_at: datetime, office_code: str | None, lang: str | None = None) -> str:
    """When the report was made, in the office's own zone (WIB or WITA, as its figures'
    days are); the report of every office in WIB, the zone of HQ in Jakarta."""
    info = OFFICES_BY_CODE.get(office_code or "")
    hours = info.utc_offset if info else 7
    local = made_at.astimezone(timezone(timedelta(hours=hours)))
    clock = local.strftime("%H:%M" if (lang or current_language()) == "en" else "%H.%M")
    day = formats.long_date(local.date(), lang)
    return MADE_AT.render(lang, day=day, time=clock, zone=ZONES.get(hours, f"UTC+{hours}"))


def _chart_cells(
    chart: BarChart, number: int, width: float, s: dict[str, ParagraphStyle], lang: str | None
) -> list[Flowable]:
    """A chart's title, its drawing ("no data" in place of an empty one) and its note."""
    body: Flowable = (
        para(NO_CHART_DATA.render(lang), s["cellg"])
        if chart.empty
        else draw(chart, width - 8, lang)
    )
    title = para(CHART.render(lang, n=number, title=chart.title), s["chart"])
    return [title, body, para(chart.note, s["note"]) if chart.note else ""]


def _chart_row(
    charts: list[tuple[int, BarChart]], s: dict[str, ParagraphStyle], lang: str | None
) -> Table:
    """One chart full width, or two side by side in frames of the same height."""
    width = WIDTH if len(charts) == 1 else (WIDTH - CHART_GAP) / 2
    columns = [_chart_cells(c, n, width, s, lang) for n, c in charts]
    if len(columns) == 2:
        columns.insert(1, ["", "", ""])
    widths = [width] if len(charts) == 1 else [width, CHART_GAP, width]
    table = Table([list(r) for r in zip(*columns, strict=True)], colWidths=widths)
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 1), (-1, 1), 6),
        ("VALIGN", (0, 1), (-1, 1), "MIDDLE"),  # a short chart beside a tall one: centred
    ]
    for col in range(0, len(widths), 2):
        style += [
            ("BOX", (col, 0), (col, -1), 0.5, FRAME),
            ("BACKGROUND", (col, 0), (col, 0), HEAD),
            ("LINEBELOW", (col, 0), (col, 0), 0.5, FRAME),
        ]
    table.setStyle(TableStyle(style))
    return table


def _charts(doc: MonthlyReportDocument, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The first two charts side by side (they are short), the others full width."""
    numbered = list(enumerate(doc.charts, start=1))
    rows = [numbered[:2], *([c] for c in numbered[2:])]
    out: list[Flowable] = []
    for row in rows:
        if row:
            out.append(KeepTogether([Spacer(1, CHART_GAP), _chart_row(row, s, doc.lang)]))
    return out


def _signatures(lang: str | None, s: dict[str, ParagraphStyle]) -> Flowable:
    """Two blanks to fill by hand: the one who made the report, the branch head."""
    half = WIDTH / 2
    blank = "." * 40
    cell = s["centre"]
    table = Table(
        [
            [para(MADE_BY.render(lang) + "\n", cell), para(APPROVED.render(lang), cell)],
            [Spacer(1, 20 * mm), Spacer(1, 20 * mm)],
            [para(f"( {blank} )", cell), para(f"( {blank} )", cell)],
            [
                para(NAME_LINE.render(lang) + blank, cell),
                para(NAME_LINE.render(lang) + blank, cell),
            ],
            [
                para(DATE_LINE.render(lang) + blank, cell),
                para(DATE_LINE.render(lang) + blank, cell),
            ],
        ],
        colWidths=[half, half],
    )
    table.setStyle(PLAIN)
    table.setStyle(TableStyle([("TOPPADDING", (0, 3), (-1, -1), 4)]))
    return KeepTogether([Spacer(1, 8 * mm), table])


class _NumberedCanvas(NumberedCanvas):
    right = A4[0] - INNER
    colour = GREY
    lang: str | None = None

    def label(self, number: int, total: int) -> str | None:
        return PAGE.render(self.lang, n=number, total=total)


def build(doc: MonthlyReportDocument, out: Path) -> Path:
    """Write the report to `out` (the caller writes to a temporary name and renames it)."""
    register()
    s = styles()
    lang = doc.lang
    month = formats.month_text(doc.first_day, lang)
    branch = BRANCH.render(lang, office=doc.office_label) if doc.office_code else doc.office_label
    as_of = AS_OF.render(lang, day=formats.long_date(doc.as_of, lang))
    if doc.as_of < doc.last_day:
        as_of += RUNNING_MONTH.render(lang)
    made = made_at_text(doc.made_at, doc.office_code, lang)
    story: list[Flowable] = [
        para(TITLE.render(lang), s["title"]),
        para(f"{ORGANISATION} — {branch}", s["sub"]),
        Spacer(1, 1.5 * mm),
        para(month, s["month"]),
        para(f"{as_of} · {made}", s["meta"]),
        Spacer(1, 2 * mm),
        *summary_flowables(doc.summary, s),
        *_charts(doc, s),
    ]
    for table in doc.tables:
        story += table_flowables(table, s, lang)
    story.append(_signatures(lang, s))
    running = f"{RUNNING.render(lang)} — {doc.office_label} — {month}"

    def first_page(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawString(INNER, 9 * mm, running)
        canvas.restoreState()

    def later_page(canvas: Canvas, pdf: Any) -> None:
        first_page(canvas, pdf)
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawString(INNER, A4[1] - 11 * mm, running)
        canvas.setStrokeColor(LINE)
        canvas.setLineWidth(0.4)
        canvas.line(INNER, A4[1] - 12.5 * mm, A4[0] - INNER, A4[1] - 12.5 * mm)
        canvas.restoreState()

    canvas = type("_Canvas", (_NumberedCanvas,), {"lang": lang})
    pdf = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=f"{RUNNING.render(lang)} — {doc.office_label} — {month}",
        author=AUTHOR,
        creator=AUTHOR,
        subject=as_of,
        # the canvas starts in the shipped font, so no standard (unembedded) font is referenced
        initialFontName=REGULAR,
    )
    pdf.build(story, onFirstPage=first_page, onLaterPages=later_page, canvasmaker=canvas)
    return out
