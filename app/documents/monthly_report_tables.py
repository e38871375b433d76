"""The tables of the monthly report's PDF (app.documents.monthly_report): the shared
look (colours, fonts, sizes, paragraph styles) and each table laid out from plain text.

Columns are sized from what they hold, so the nine-column tables fit A4 portrait: a figure
column is as wide as its widest figure and never wraps, a name column takes the rest and
wraps at its spaces. Every cell is a Paragraph of escaped text: a provider named
`<b>&amp;` prints those characters, never bold markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.documents.fonts import BOLD, REGULAR, register
from app.domain.safe_text import xml_text
from app.texts import Text

NO_ROWS = Text("Tidak ada data pada bulan ini.", "No data in this month.")

INK = colors.HexColor("#1b1f24")
GREY = colors.HexColor("#5b6570")
LINE = colors.HexColor("#8a96a3")
HEAD = colors.HexColor("#e8eef4")
FRAME = colors.HexColor("#c9d2db")

MARGIN = 13 * mm
INNER = MARGIN + 6  # the frame's own padding: where the text really starts
WIDTH = A4[0] - 2 * INNER  # 179.8 mm; every table and chart is at most this wide
PAD = 2.5  # a cell's left and right padding
CELL_SIZE = 7.5


@dataclass(frozen=True)
class DocTable:
    """A table as printed: each cell's text, which columns are figures (right-aligned)."""

    key: str
    title: str
    header: tuple[str, ...]
    right: tuple[bool, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...] | None
    note: str


def styles() -> dict[str, ParagraphStyle]:
    """The report's paragraph styles, all in the shipped font (a standard font would not be
    embedded, and would lack some Indonesian names' letters)."""
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=9, leading=11.5, textColor=INK)
    cell = ParagraphStyle("cell", parent=base, fontSize=CELL_SIZE, leading=9.2)
    return {
        "base": base,
        "note": ParagraphStyle(
            "note", parent=base, fontSize=6.8, leading=8.6, textColor=GREY, spaceBefore=2
        ),
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=14, leading=18, alignment=TA_CENTER
        ),
        "month": ParagraphStyle(
            "month", parent=base, fontName=BOLD, fontSize=12, leading=16, alignment=TA_CENTER
        ),
        "sub": ParagraphStyle("sub", parent=base, fontSize=9.5, leading=12.5, alignment=TA_CENTER),
        "meta": ParagraphStyle(
            "meta", parent=base, fontSize=8, leading=10.5, alignment=TA_CENTER, textColor=GREY
        ),
        "head": ParagraphStyle(
            "head",
            parent=base,
            fontName=BOLD,
            fontSize=10,
            leading=13,
            spaceBefore=9,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "chart": ParagraphStyle("chart", parent=base, fontName=BOLD, fontSize=8.5, leading=11),
        "cell": cell,
        "cellb": ParagraphStyle("cellb", parent=cell, fontName=BOLD),
        "cellg": ParagraphStyle("cellg", parent=cell, textColor=GREY),
        "num": ParagraphStyle("num", parent=cell, alignment=TA_RIGHT),
        "numb": ParagraphStyle("numb", parent=cell, fontName=BOLD, alignment=TA_RIGHT),
        "big": ParagraphStyle(
            "big", parent=cell, fontName=BOLD, fontSize=9.5, leading=11.5, alignment=TA_RIGHT
        ),
        "centre": ParagraphStyle("centre", parent=base, alignment=TA_CENTER),
    }


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of `text` read literally: `<b>&amp;` typed as a provider's name prints as
    those eight characters, never as markup."""
    return Paragraph(escape(xml_text(text)).replace("\n", "<br/>"), style)


GRID = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # never the default Helvetica
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("GRID", (0, 0), (-1, -1), 0.4, LINE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
)
HEADER_ROW = TableStyle(
    [("BACKGROUND", (0, 0), (-1, 0), HEAD), ("VALIGN", (0, 0), (-1, 0), "BOTTOM")]
)
TOTAL_ROW = TableStyle(
    [("BACKGROUND", (0, -1), (-1, -1), HEAD), ("LINEABOVE", (0, -1), (-1, -1), 0.9, INK)]
)
PLAIN = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
)


def column_widths(table: DocTable, width: float = WIDTH) -> list[float]:
    """Widths that fill `width`: a figure column as wide as its widest figure (its header
    may wrap at a space), the text columns sharing the rest by how much they hold but none
    narrower than its longest word, so a cohort code or an amount never breaks."""
    register()  # measured in the shipped font
    lines = [(table.header, True), *((r, False) for r in table.rows)]
    if table.total:
        lines.append((table.total, True))
    count = len(table.header)
    natural, least = [0.0] * count, [0.0] * count
    for n, (line, bold) in enumerate(lines):
        font = BOLD if bold else REGULAR
        for i, text in enumerate(line):
            whole = stringWidth(text, font, CELL_SIZE) + 2 * PAD + 1
            words = max((stringWidth(w, font, CELL_SIZE) for w in text.split()), default=0.0)
            natural[i] = max(natural[i], whole)
            wraps = n == 0 or not table.right[i]  # a header or a name may wrap, not a figure
            least[i] = max(least[i], words + 2 * PAD + 1 if wraps else whole)
    figures = [i for i in range(count) if table.right[i]]
    texts = [i for i in range(count) if not table.right[i]]
    widths = list(natural if sum(natural) <= width else least)
    room = width - sum(widths[i] for i in figures)
    if texts and room > 0:
        want = sum(natural[i] for i in texts)
        for i in texts:
            widths[i] = max(least[i], room * natural[i] / want)
    total = sum(widths)
    if total > width or not texts:  # even the words alone do not fit: shrink every column
        widths = [w * width / total for w in widths]
    return widths


def table_flowables(
    table: DocTable, s: dict[str, ParagraphStyle], lang: str | None
) -> list[Flowable]:
    """The title, the table (its header row repeated on every page it runs over, the total
    row bold) and its note; an empty table is one line saying so."""
    cells: list[list[Any]] = [
        [
            para(h, s["numb"] if r else s["cellb"])
            for h, r in zip(table.header, table.right, strict=True)
        ]
    ]
    for row in table.rows:
        cells.append(
            [para(v, s["num"] if r else s["cell"]) for v, r in zip(row, table.right, strict=True)]
        )
    looks = [GRID, HEADER_ROW]
    if not table.rows:
        cells.append([para(NO_ROWS.render(lang), s["cellg"])] + [""] * (len(table.header) - 1))
        looks.append(TableStyle([("SPAN", (0, 1), (-1, 1))]))
    elif table.total:
        cells.append(
            [
                para(v, s["numb"] if r else s["cellb"])
                for v, r in zip(table.total, table.right, strict=True)
            ]
        )
        looks.append(TOTAL_ROW)
    grid = Table(cells, colWidths=column_widths(table), repeatRows=1, hAlign="LEFT")
    for look in looks:
        grid.setStyle(look)
    title = para(table.title, s["head"])
    note = para(table.note, s["note"]) if table.note else Spacer(1, 0)
    if len(cells) <= 14:  # a short table never leaves its title behind on a page
        return [KeepTogether([title, grid, note])]
    return [title, grid, note]


def summary_flowables(table: DocTable, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The summary's figures two by two (they come in pairs: new and to date, started and
    their places...), each value big and right-aligned beside its measure."""
    pairs = [table.rows[i : i + 2] for i in range(0, len(table.rows), 2)]
    cells = [
        [item for label, value in pair for item in (para(label, s["cell"]), para(value, s["big"]))]
        + [""] * (4 - 2 * len(pair))
        for pair in pairs
    ]
    half = WIDTH / 2
    grid = Table(cells, colWidths=[half - 30 * mm, 30 * mm] * 2, hAlign="LEFT")
    grid.setStyle(GRID)
    grid.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("BACKGROUND", (1, 0), (1, -1), HEAD),
                ("BACKGROUND", (3, 0), (3, -1), HEAD),
                ("LINEAFTER", (1, 0), (1, -1), 1.2, INK),
            ]
        )
    )
    return [para(table.title, s["head"]), grid, para(table.note, s["note"])]
