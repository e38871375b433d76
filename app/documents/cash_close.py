"""The daily cash close of a counter (Laporan Tutup Kas Harian, issue #11), A4 portrait: what
was paid per kind and method, the cash drawer (opening balance, paid out, returned by
reversals, what the records say should be there, what the clerk counted, the difference),
every receipt of the day, and the signatures of the clerk and of the supervisor who checked
the count. The supervisor signs the paper, so its figures must agree with each other: a
document whose sums contradict themselves is refused rather than printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.documents.fonts import BOLD, REGULAR, register
from app.documents.page_numbers import NumberedCanvas
from app.formats import rupiah

TITLE = "LAPORAN TUTUP KAS HARIAN"
AUTHOR = "Loket Vokasi"
MINUS = "\u2212"  # a real minus sign: babel's ASCII hyphen reads as a dash in a column

INK = colors.HexColor("#1b1f24")
GREY = colors.HexColor("#5b6570")
LINE = colors.HexColor("#8a96a3")
HEAD = colors.HexColor("#e8eef4")
SHORT = colors.HexColor("#f9e0de")  # kurang: the drawer is short
OVER = colors.HexColor("#fdf1d6")  # lebih: more cash than the records say
EVEN = colors.HexColor("#e3f1e6")  # sesuai

MARGIN = 13 * mm
INNER = MARGIN + 6  # the frame's own padding: where the text really starts
WIDTH = A4[0] - 2 * INNER  # 179.8 mm; every table below is at most this wide


@dataclass(frozen=True)
class CashCloseLine:
    number: str  # receipt number
    time: str  # "10:15"
    recipient: str  # name
    purpose: str  # short: "Transport ANG/JKT-1/2026/0003 mg 1"
    method: str  # "Tunai" / "Transfer"
    amount: int  # negative for a reversal line ("Pembatalan KW/…")
    void: bool = False


@dataclass(frozen=True)
class CashCloseDocument:
    office_line: str  # "BPJS Ketenagakerjaan — Kantor Cabang DKI Jakarta"
    counter: str  # "Loket JKT-1"
    day_text: str  # "Selasa, 1 Desember 2026"
    totals: tuple[tuple[str, str, int, int], ...]  # (kind, method, receipts, amount)
    receipts: int  # receipts issued that day
    first_last: str  # "KW/JKT-1/2026/0001 – KW/JKT-1/2026/0012" or "-"
    voids: str  # receipts voided that day, comma separated, or "-"
    opening: int  # saldo awal: cash given to the counter that morning
    cash_paid: int  # cash paid out that day
    cash_returned: int  # cash returned by reversals that day
    expected: int  # opening - cash_paid + cash_returned
    counted: int  # fisik kas counted by the clerk
    difference: int  # counted - expected (negative: kurang, positive: lebih)
    transfer_total: int  # paid by transfer (no cash)
    lines: tuple[CashCloseLine, ...]  # every payment and reversal of the day
    closed_by: str  # clerk
    approved_by: str  # supervisor
    place_and_date: str
    printed: str


def money(amount: int) -> str:
    """`Rp1.500.000`, and `−Rp50.000` with a true minus for a reversal (babel writes an ASCII
    hyphen, which a reader takes for a dash)."""
    if amount < 0:
        return MINUS + rupiah(-amount, "id")
    return rupiah(amount, "id")


def difference_text(difference: int) -> str:
    """How the count compares with the records, in the words a cash report uses."""
    if difference < 0:
        return f"Selisih: kurang {money(-difference)}"
    if difference > 0:
        return f"Selisih: lebih {money(difference)}"
    return f"Selisih: {money(0)} (sesuai)"


def _check(doc: CashCloseDocument) -> None:
    """Refuse figures that do not add up: the supervisor signs them as checked."""
    if doc.expected != doc.opening - doc.cash_paid + doc.cash_returned:
        raise ValueError("expected cash is not opening - paid + returned")
    if doc.difference != doc.counted - doc.expected:
        raise ValueError("difference is not counted - expected")


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=9, leading=11.5, textColor=INK)
    cell = ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9.2)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5, textColor=GREY),
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=14, leading=18, alignment=TA_CENTER
        ),
        "sub": ParagraphStyle("sub", parent=base, fontSize=9.5, leading=12.5, alignment=TA_CENTER),
        "head": ParagraphStyle(
            "head",
            parent=base,
            fontName=BOLD,
            fontSize=10,
            leading=13,
            spaceBefore=8,
            spaceAfter=3,
        ),
        "cell": cell,
        "cellb": ParagraphStyle("cellb", parent=cell, fontName=BOLD),
        "cellg": ParagraphStyle("cellg", parent=cell, textColor=GREY),
        "num": ParagraphStyle("num", parent=cell, alignment=TA_RIGHT),
        "numb": ParagraphStyle("numb", parent=cell, fontName=BOLD, alignment=TA_RIGHT),
        "numg": ParagraphStyle("numg", parent=cell, alignment=TA_RIGHT, textColor=GREY),
        "centre": ParagraphStyle("centre", parent=base, alignment=TA_CENTER),
        "centreb": ParagraphStyle("centreb", parent=base, fontName=BOLD, alignment=TA_CENTER),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


GRID = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # never the default Helvetica
        ("FONTSIZE", (0, 0), (-1, -1), 7.5),
        ("GRID", (0, 0), (-1, -1), 0.4, LINE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
)
HEADER_ROW = TableStyle([("BACKGROUND", (0, 0), (-1, 0), HEAD)])
TOTAL_ROW = TableStyle(
    [("BACKGROUND", (0, -1), (-1, -1), HEAD), ("LINEABOVE", (0, -1), (-1, -1), 0.9, INK)]
)
PLAIN = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
)


def _table(rows: list[list[Any]], widths: list[float], *styles: TableStyle, **kw: Any) -> Table:
    table = Table(rows, colWidths=widths, **kw)
    for style in (GRID, *styles):
        table.setStyle(style)
    return table


def _summary(doc: CashCloseDocument, s: dict[str, ParagraphStyle]) -> list[Any]:
    """A. per kind and method, with a total row, then the day's receipt series."""
    styles = [HEADER_ROW, TOTAL_ROW]
    rows: list[list[Any]] = [
        [_p(h, s["cellb"]) for h in ("Jenis pembayaran", "Cara bayar")]
        + [_p(h, s["numb"]) for h in ("Jumlah kuitansi", "Jumlah uang")]
    ]
    for kind, method, count, amount in doc.totals:
        rows.append(
            [
                _p(kind, s["cell"]),
                _p(method, s["cell"]),
                _p(str(count), s["num"]),
                _p(money(amount), s["num"]),
            ]
        )
    if not doc.totals:
        rows.append([_p("Tidak ada pembayaran hari ini.", s["cellg"]), "", "", ""])
        styles.append(TableStyle([("SPAN", (0, 1), (-1, 1))]))
    rows.append(
        [
            _p("Jumlah", s["cellb"]),
            "",
            _p(str(sum(t[2] for t in doc.totals)), s["numb"]),
            _p(money(sum(t[3] for t in doc.totals)), s["numb"]),
        ]
    )
    table = _table(rows, [72 * mm, 38 * mm, 30 * mm, 39.5 * mm], *styles)
    facts = _table(
        [
            [
                _p("Kuitansi diterbitkan", s["cell"]),
                _p(f"{doc.receipts} ({doc.first_last})" if doc.receipts else "0", s["cell"]),
            ],
            [_p("Kuitansi dibatalkan", s["cell"]), _p(doc.voids or "-", s["cell"])],
            [
                _p("Dibayar melalui transfer (tidak melalui kas)", s["cell"]),
                _p(money(doc.transfer_total), s["cell"]),
            ],
        ],
        [72 * mm, 107.5 * mm],
    )
    return [_p("A. Ringkasan per jenis dan cara bayar", s["head"]), table, Spacer(1, 2 * mm), facts]


def _cash(doc: CashCloseDocument, s: dict[str, ParagraphStyle]) -> list[Any]:
    """B. the cash drawer, as the clerk counts it at the end of the day."""
    rows = [
        ("Saldo awal (kas diterima pagi hari)", "", doc.opening, False),
        ("Dibayarkan tunai", f"({MINUS})", doc.cash_paid, False),
        ("Dikembalikan dari pembatalan", "(+)", doc.cash_returned, False),
        ("Saldo kas menurut catatan", "(=)", doc.expected, True),
        ("Fisik kas dihitung", "", doc.counted, True),
    ]
    body: list[list[Any]] = [
        [
            _p(label, s["cellb" if bold else "cell"]),
            _p(sign, s["cell"]),
            _p(money(amount), s["numb" if bold else "num"]),
        ]
        for label, sign, amount, bold in rows
    ]
    body.append([_p(difference_text(doc.difference), s["cellb"]), "", ""])
    fill = SHORT if doc.difference < 0 else OVER if doc.difference > 0 else EVEN
    table = _table(
        body,
        [110 * mm, 12 * mm, 57.5 * mm],
        TableStyle(
            [
                ("LINEABOVE", (0, 3), (-1, 3), 0.9, INK),
                ("SPAN", (0, -1), (-1, -1)),
                ("BACKGROUND", (0, -1), (-1, -1), fill),
                ("VALIGN", (0, -1), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, -1), (-1, -1), 4),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
            ]
        ),
    )
    return [_p("B. Kas tunai", s["head"]), table]


LINE_HEADER = (
    "No",
    "Nomor kuitansi",
    "Jam",
    "Penerima",
    "Untuk pembayaran",
    "Cara",
    "Jumlah",
    "Ket.",
)
# sized so a receipt number, a short purpose and a day's total each stay on one line
LINE_WIDTHS = [7 * mm, 30 * mm, 10 * mm, 30 * mm, 53 * mm, 13.5 * mm, 24 * mm, 12 * mm]


def _details(doc: CashCloseDocument, s: dict[str, ParagraphStyle]) -> list[Any]:
    """C. every receipt and reversal of the day; the header row repeats on each page."""
    rows: list[list[Any]] = [
        [_p(h, s["numb"] if h == "Jumlah" else s["cellb"]) for h in LINE_HEADER]
    ]
    voided: list[int] = []
    for no, line in enumerate(doc.lines, start=1):
        cell, num = (s["cellg"], s["numg"]) if line.void else (s["cell"], s["num"])
        rows.append(
            [
                _p(str(no), cell),
                _p(line.number, cell),
                _p(line.time, cell),
                _p(line.recipient, cell),
                _p(line.purpose, cell),
                _p(line.method, cell),
                _p(money(line.amount), num),
                _p("BATAL" if line.void else "", s["cellb"]),
            ]
        )
        if line.void:
            voided.append(no)
    if not doc.lines:
        rows.append([_p("Tidak ada transaksi hari ini.", s["cellg"])] + [""] * 7)
    rows.append(
        [_p("Jumlah bersih (pembayaran dikurangi pembatalan)", s["cellb"])]
        + [""] * 5
        + [_p(money(sum(line.amount for line in doc.lines)), s["numb"]), ""]
    )
    extra = [("SPAN", (0, -1), (5, -1))]
    if not doc.lines:
        extra.append(("SPAN", (0, 1), (-1, 1)))
    table = _table(rows, LINE_WIDTHS, HEADER_ROW, TOTAL_ROW, TableStyle(extra), repeatRows=1)
    return [_p("C. Rincian kuitansi", s["head"]), table]


def _signatures(doc: CashCloseDocument, s: dict[str, ParagraphStyle]) -> Any:
    half = WIDTH / 2
    table = Table(
        [
            ["", _p(doc.place_and_date, s["centre"])],
            [
                _p("Petugas loket,", s["centre"]),
                _p("Diperiksa dan disetujui (supervisor),", s["centre"]),
            ],
            [Spacer(1, 20 * mm), Spacer(1, 20 * mm)],
            [_p(f"( {doc.closed_by} )", s["centreb"]), _p(f"( {doc.approved_by} )", s["centreb"])],
        ],
        colWidths=[half, half],
    )
    table.setStyle(PLAIN)
    closing = _p("Demikian laporan tutup kas ini dibuat dengan sebenarnya.", s["base"])
    return KeepTogether([Spacer(1, 5 * mm), closing, Spacer(1, 4 * mm), table])


class _NumberedCanvas(NumberedCanvas):
    right = A4[0] - INNER
    colour = GREY


def build(doc: CashCloseDocument, out: Path) -> Path:
    """Write the day's cash close to `out` (a temporary name first: never half a file)."""
    _check(doc)
    register()
    s = _styles()
    story: list[Any] = [
        _p(TITLE, s["title"]),
        _p(doc.office_line, s["sub"]),
        _p(f"{doc.counter} — {doc.day_text}", s["sub"]),
        Spacer(1, 3 * mm),
        *_summary(doc, s),
        *_cash(doc, s),
        *_details(doc, s),
        _signatures(doc, s),
    ]
    running = f"Laporan Tutup Kas Harian — {doc.counter} — {doc.day_text}"

    def first_page(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawString(INNER, 9 * mm, doc.printed)
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

    tmp = out.with_name(out.name + ".part")
    pdf = SimpleDocTemplate(
        str(tmp),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=f"Laporan Tutup Kas Harian {doc.counter} {doc.day_text}",
        author=AUTHOR,
        creator=AUTHOR,
        # the canvas starts in the shipped font, so no standard (unembedded) font is referenced
        initialFontName=REGULAR,
    )
    try:
        pdf.build(
            story, onFirstPage=first_page, onLaterPages=later_page, canvasmaker=_NumberedCanvas
        )
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(out)
    return out
