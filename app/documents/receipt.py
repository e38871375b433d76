"""The kuitansi a participant signs when the counter pays a stipend (issue #11, DESIGN §6,
DOMAIN "Money and documents"): number, "Telah terima dari", the amount in words in full,
"Untuk pembayaran", the amount in figures, place and date, the recipient's signature (over a
Rp10.000 meterai box where the caller says one is due) and the paying clerk's.

One receipt is one page: A5 landscape, or the top half of an A4 portrait sheet for offices
whose printer holds only A4. A cohort's receipts are printed in one batch, so the pages are
drawn straight on one canvas (a few milliseconds each) rather than through a story and a
document template per receipt. Long names and purposes shrink the type instead of spilling
over the signatures: a kuitansi on two sheets is not one document any more.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from app.documents.fonts import BOLD, REGULAR, register
from app.domain.money import METERAI_TEXT, terbilang
from app.formats import rupiah

TITLE = "KUITANSI"
AUTHOR = "Loket Vokasi"
PAPERS = ("a5", "a4")

INK = colors.HexColor("#1b1f24")
GREY = colors.HexColor("#5b6570")
RULE = colors.HexColor("#7d8a97")
SHADE = colors.HexColor("#eef2f6")
RED = colors.HexColor("#b3261e")

BORDER = 6 * mm  # the frame drawn around the receipt
INSET = 11 * mm  # the content inside that frame
# Type sizes tried, largest first, until the text fits above the signatures.
SIZES = (11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0, 6.5, 6.0)


@dataclass(frozen=True)
class ReceiptDocument:
    number: str  # "KW/JKT-1/2026/0007"
    office_line: str  # "BPJS Ketenagakerjaan — Kantor Cabang DKI Jakarta" (header)
    received_from: str  # "Telah terima dari": the office that pays
    amount: int  # whole rupiah actually handed over (after any deduction)
    amount_words: str  # terbilang(amount): "Satu Juta Lima Ratus Ribu Rupiah"
    purpose: str  # "Untuk pembayaran"
    details: tuple[tuple[str, str], ...]  # (label, amount text) breakdown rows; () for none
    method: str  # "Tunai" or "Transfer bank — ref. BRI-12345"
    recipient_name: str  # the participant, under the signature line
    recipient_id: str  # masked NIK, small under the name
    clerk_name: str  # the paying clerk ("Dibayar oleh")
    place_and_date: str  # "Jakarta, 1 Desember 2026"
    meterai: bool  # the caller decides: needs_meterai(amount) and the office's setting
    copy_no: int = 0  # 0: the original; n > 0: the n-th reprint ("SALINAN ke-n")
    void: bool = False  # the payment was reversed: "BATAL" across the page
    printed: str = ""  # "Dicetak 02/12/2026 10:15 oleh loket.ani — Loket Vokasi"


@dataclass(frozen=True)
class _Styles:
    label: ParagraphStyle
    value: ParagraphStyle
    words: ParagraphStyle
    detail: ParagraphStyle
    detail_bold: ParagraphStyle
    centre: ParagraphStyle
    name: ParagraphStyle
    small: ParagraphStyle


@cache
def _styles(size: float) -> _Styles:
    """The paragraph styles at one type size; cached, so a batch builds them once."""
    base = ParagraphStyle(
        f"r{size}", fontName=REGULAR, fontSize=size, leading=size * 1.25, textColor=INK
    )

    def derive(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(f"{name}{size}", parent=base, **kw)

    small = size * 0.8
    return _Styles(
        label=derive("label", alignment=TA_LEFT),
        value=derive("value"),
        words=derive("words", fontName=BOLD, fontSize=size * 1.05, leading=size * 1.3),
        detail=derive("detail", fontSize=size * 0.9, leading=size * 1.1),
        detail_bold=derive("detailb", fontName=BOLD, fontSize=size * 0.9, leading=size * 1.1),
        centre=derive("centre", alignment=TA_CENTER),
        name=derive("name", fontName=BOLD, alignment=TA_CENTER),
        small=derive(
            "small", fontSize=small, leading=small * 1.2, alignment=TA_CENTER, textColor=GREY
        ),
    )


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _paper(paper: str) -> tuple[tuple[float, float], float]:
    """(page size, height of the receipt's area at the top of the page)."""
    if paper == "a5":
        size = landscape(A5)
        return size, size[1]
    if paper == "a4":
        return A4, A4[1] / 2
    raise ValueError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}")


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _check(doc: ReceiptDocument) -> None:
    """Refuse a receipt that contradicts itself: the words and the figures of a kuitansi must
    state the same amount (the words are what a dispute reads)."""
    if doc.amount < 0:
        raise ValueError(f"{doc.number}: amount below zero")
    if _fold(doc.amount_words) != _fold(terbilang(doc.amount)):
        raise ValueError(f"{doc.number}: amount in words does not match {doc.amount}")
    if doc.copy_no < 0:
        raise ValueError(f"{doc.number}: copy number below zero")
    if not doc.number.strip():
        raise ValueError("receipt without a number")


def build(doc: ReceiptDocument, out: Path, paper: str = "a5") -> Path:
    """Write one receipt to `out` (a temporary name first: never half a file)."""
    return _write([doc], out, paper, f"Kuitansi {doc.number}", None)


def build_many(
    docs: Sequence[ReceiptDocument],
    out: Path,
    paper: str = "a5",
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write a batch (a cohort's week) as one PDF, one receipt a page, so the clerk prints
    them in one go; `progress(done, total)` after each page."""
    if not docs:
        raise ValueError("no receipts to print")
    title = f"Kuitansi {docs[0].number}"
    if len(docs) > 1:
        title += f" – {docs[-1].number}"
    return _write(docs, out, paper, title, progress)


def _write(
    docs: Sequence[ReceiptDocument],
    out: Path,
    paper: str,
    title: str,
    progress: Callable[[int, int], None] | None,
) -> Path:
    page, area = _paper(paper)
    for doc in docs:  # all checked before a byte is written
        _check(doc)
    register()
    width, height = page
    tmp = out.with_name(out.name + ".part")
    # the canvas starts in the shipped font, so no standard (unembedded) font is referenced
    canvas = Canvas(str(tmp), pagesize=page, initialFontName=REGULAR, initialFontSize=10)
    canvas.setTitle(title)
    canvas.setAuthor(AUTHOR)
    canvas.setCreator(AUTHOR)
    canvas.setSubject("Kuitansi pembayaran uang saku / uang transport pelatihan vokasi")
    try:
        for done, doc in enumerate(docs, start=1):
            _draw(canvas, doc, 0, height - area, width, area)
            if paper == "a4":
                _cut_line(canvas, width, height - area)
            canvas.showPage()
            if progress is not None:
                progress(done, len(docs))
        canvas.save()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(out)
    return out


def _cut_line(canvas: Canvas, width: float, y: float) -> None:
    """A dashed line under the receipt on A4, where the clerk cuts the sheet."""
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.setDash(4, 3)
    canvas.line(8 * mm, y, width - 8 * mm, y)
    canvas.setFillColor(GREY)
    canvas.setFont(REGULAR, 7)
    canvas.drawString(12 * mm, y - 9, "✂  potong di sini")
    canvas.restoreState()


@dataclass
class _Block:
    """A measured piece of the receipt: its height and how to draw it with its top at y."""

    height: float
    draw: Callable[[float], None]


def _rows(
    canvas: Canvas, doc: ReceiptDocument, left: float, width: float, size: float
) -> list[_Block]:
    """The labelled rows: Telah terima dari, Uang sejumlah, Untuk pembayaran, Rincian, Cara
    pembayaran; each measured at `size`."""
    s = _styles(size)
    label_w = stringWidth("Untuk pembayaran", REGULAR, size) + 6
    value_x = left + label_w + 10
    value_w = left + width - value_x
    blocks: list[_Block] = []

    def row(label: str, body: _Block) -> None:
        # labels are one line by construction (label_w fits the longest), so they are drawn
        # as strings: a batch of 500 receipts spends its time in paragraphs otherwise
        def draw(top: float, body: _Block = body) -> None:
            baseline = top - size  # where a paragraph at `top` puts its first line
            canvas.setFont(REGULAR, size)
            canvas.setFillColor(INK)
            canvas.drawString(left, baseline, label)
            canvas.drawString(left + label_w + 2, baseline, ":")
            body.draw(top)

        blocks.append(_Block(max(body.height, s.label.leading), draw))

    def text(value: str, style: ParagraphStyle) -> _Block:
        para = _p(value, style)
        _, h = para.wrap(value_w, 1000)
        return _Block(h, lambda top: para.drawOn(canvas, value_x, top - h))

    def words() -> _Block:
        pad = size * 0.45
        para = _p(doc.amount_words, s.words)
        _, h = para.wrap(value_w - 2 * pad, 1000)
        lift = s.words.fontSize - size  # the first line on the label's baseline

        def draw(top: float) -> None:
            para_top = top + lift
            canvas.saveState()
            canvas.setFillColor(SHADE)
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.6)
            box_top, box_bottom = para_top + pad, para_top - h - pad * 0.4
            canvas.roundRect(value_x - 2, box_bottom, value_w + 2, box_top - box_bottom, 3, 1, 1)
            canvas.restoreState()
            para.drawOn(canvas, value_x + pad - 2, para_top - h)

        return _Block(h - lift + pad * 0.4, draw)

    def details() -> _Block:
        total = rupiah(doc.amount, "id")
        amount_w = 6 + max(
            stringWidth(a, BOLD, s.detail.fontSize) for a in [total, *(a for _l, a in doc.details)]
        )
        label_w2 = value_w - amount_w - 10
        lines = [(_p(label, s.detail), a, False) for label, a in doc.details]
        lines.append((_p("Jumlah diterima", s.detail_bold), total, True))
        heights = [label.wrap(label_w2, 1000)[1] + 2 for label, _a, _t in lines]
        font_size = s.detail.fontSize

        def draw(top: float) -> None:
            y = top - size + font_size  # the first line on the label's baseline
            for (label, amount, is_total), h in zip(lines, heights, strict=True):
                if is_total:
                    canvas.setStrokeColor(RULE)
                    canvas.setLineWidth(0.5)
                    canvas.line(value_x, y + 0.5, value_x + value_w, y + 0.5)
                label.drawOn(canvas, value_x, y - label.height)
                canvas.setFont(BOLD if is_total else REGULAR, font_size)
                canvas.setFillColor(INK)
                canvas.drawRightString(value_x + value_w, y - font_size, amount)
                y -= h

        return _Block(sum(heights) + size - font_size, draw)

    row("Telah terima dari", text(doc.received_from, s.value))
    row("Uang sejumlah", words())
    row("Untuk pembayaran", text(doc.purpose, s.value))
    if doc.details:
        row("Rincian", details())
    row("Cara pembayaran", text(doc.method, s.value))
    return blocks


def _signatures(
    canvas: Canvas, doc: ReceiptDocument, left: float, width: float, size: float
) -> _Block:
    """The bottom of the receipt: the amount in figures in a frame (left), the clerk's
    signature (middle), place and date and the recipient's signature (right), with the
    meterai box where the recipient signs when one is due."""
    s = _styles(size)
    col_a = width * 0.31
    col_b = width * 0.29
    col_c = width - col_a - col_b
    bx, cx = left + col_a, left + col_a + col_b
    line = s.centre.leading
    sign = 24 * mm  # the space for a signature (and a meterai stamp)
    clerk = _p(f"( {doc.clerk_name} )", s.name)
    recipient = _p(f"( {doc.recipient_name} )", s.name)
    _, h_clerk = clerk.wrap(col_b - 8, 1000)
    _, h_recipient = recipient.wrap(col_c - 8, 1000)
    names = max(h_clerk, h_recipient)
    date = _p(doc.place_and_date, s.centre)
    _, h_date = date.wrap(col_c - 8, 1000)
    head = h_date + line  # place and date, then "Yang menerima,"
    height = head + sign + names + s.small.leading * 1.2

    def draw(top: float) -> None:
        # the amount in figures, framed twice as kuitansi forms print it
        figure = rupiah(doc.amount, "id")
        pad = 1.6 * size
        # large, but never wider than its column (Rp1.000.000.000 is the longest)
        big = min(
            size * 1.7, size * 1.7 * (col_a - 8 - 2 * pad) / stringWidth(figure, BOLD, size * 1.7)
        )
        box_w = max(stringWidth(figure, BOLD, big) + 2 * pad, col_a - 14)
        box_h = big * 2.0
        box_top = top - h_date - line + box_h * 0.45
        canvas.saveState()
        canvas.setFillColor(SHADE)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(1.2)
        canvas.rect(left, box_top - box_h, box_w, box_h, 1, 1)
        canvas.setLineWidth(0.4)
        canvas.rect(left + 2.5, box_top - box_h + 2.5, box_w - 5, box_h - 5, 1, 0)
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, big)
        canvas.drawCentredString(left + box_w / 2, box_top - box_h / 2 - big * 0.35, figure)
        canvas.restoreState()

        date.drawOn(canvas, cx + 4, top - h_date)
        y = top - h_date - line
        canvas.setFont(REGULAR, size)
        canvas.setFillColor(INK)
        base = y + (line - size) / 2 + size * 0.2
        canvas.drawCentredString(bx + col_b / 2, base, "Dibayar oleh,")
        canvas.drawCentredString(cx + col_c / 2, base, "Yang menerima,")
        if doc.meterai:
            _meterai(canvas, cx + col_c / 2 - 23 * mm, y - sign + 2.5 * mm)
        y -= sign
        nik = f"NIK {doc.recipient_id}" if doc.recipient_id else ""
        for name, h_name, note, x, w in (
            (clerk, h_clerk, "Petugas loket", bx, col_b),
            (recipient, h_recipient, nik, cx, col_c),
        ):
            name.drawOn(canvas, x + 4, y - h_name)
            canvas.setFont(REGULAR, s.small.fontSize)
            canvas.setFillColor(GREY)
            canvas.drawCentredString(x + w / 2, y - h_name - s.small.fontSize - 1, note)

    return _Block(height, draw)


def _meterai(canvas: Canvas, x: float, y: float) -> None:
    """The dashed place for the Rp10.000 meterai stamp, its lower left corner at (x, y); the
    recipient signs across its right edge, as stamps are signed."""
    w, h = 30 * mm, 19 * mm
    canvas.saveState()
    canvas.setStrokeColor(GREY)
    canvas.setLineWidth(0.7)
    canvas.setDash(3, 2)
    canvas.rect(x, y, w, h, stroke=1, fill=0)
    canvas.setFillColor(GREY)
    canvas.setFont(REGULAR, 7.5)
    canvas.drawCentredString(x + w / 2, y + h / 2 - 2.5, METERAI_TEXT)
    canvas.restoreState()


def _header(canvas: Canvas, doc: ReceiptDocument, left: float, width: float, top: float) -> float:
    """The office line, the title, the number (and SALINAN / BATAL); returns the y below."""
    canvas.setFillColor(INK)
    office = 8.5  # smaller for an unusually long office name, never past the frame
    office = min(office, office * width / max(1.0, stringWidth(doc.office_line, BOLD, office)))
    canvas.setFont(BOLD, office)
    canvas.drawString(left, top - 8.5, doc.office_line)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(left, top - 12.5, left + width, top - 12.5)

    title_size, spacing = 19.0, 5.0
    title_w = stringWidth(TITLE, BOLD, title_size) + spacing * (len(TITLE) - 1)
    centre = left + width / 2
    canvas.saveState()  # the letter spacing must not leak into the rest of the page
    text = canvas.beginText(centre - title_w / 2, top - 34)
    text.setFont(BOLD, title_size)
    text.setCharSpace(spacing)
    text.textOut(TITLE)
    canvas.drawText(text)
    canvas.restoreState()

    number = f"No. {doc.number}"
    canvas.setFont(REGULAR, 10)
    number_w = stringWidth(number, REGULAR, 10)
    tag = "  BATAL" if doc.void else ""
    tag_w = stringWidth(tag, BOLD, 10)
    x = centre - (number_w + tag_w) / 2
    canvas.drawString(x, top - 49, number)
    if doc.void:
        canvas.setFillColor(RED)
        canvas.setFont(BOLD, 10)
        canvas.drawString(x + number_w, top - 49, tag)
        canvas.setFillColor(INK)

    if doc.copy_no > 0:
        stamp = f"SALINAN ke-{doc.copy_no}"
        size = 11.0
        w = stringWidth(stamp, BOLD, size) + 16
        h = size + 11
        x0, y0 = left + width - w, top - 47
        canvas.saveState()
        canvas.setStrokeColor(RED)
        canvas.setFillColor(RED)
        canvas.setLineWidth(1.4)
        canvas.roundRect(x0, y0, w, h, 3, 1, 0)
        canvas.setFont(BOLD, size)
        canvas.drawCentredString(x0 + w / 2, y0 + 7, stamp)
        canvas.restoreState()
    return top - 60


def _void(canvas: Canvas, x: float, y: float, w: float, h: float) -> None:
    """ "BATAL" large and diagonal across the receipt, see-through so the text stays
    readable for the file, yet no one takes it for a valid receipt. Sized so the turned word
    stays inside the frame (on A4 it must not run into the other half of the sheet)."""
    angle = math.radians(24)
    room_w, room_h = w - 2 * BORDER - 16, h - 2 * BORDER - 16
    em = stringWidth("BATAL", BOLD, 1)  # the word's width per point of size
    cap = 0.73  # DejaVu Sans Bold's capital height per point of size
    size = min(
        room_w / (em * math.cos(angle) + cap * math.sin(angle)),
        room_h / (em * math.sin(angle) + cap * math.cos(angle)),
    )
    canvas.saveState()
    canvas.translate(x + w / 2, y + h / 2)
    canvas.rotate(math.degrees(angle))
    canvas.setFillColor(RED)
    canvas.setStrokeColor(RED)
    canvas.setFillAlpha(0.16)
    canvas.setStrokeAlpha(0.5)
    canvas.setLineWidth(1.5)
    text = canvas.beginText()
    text.setTextRenderMode(2)  # fill and outline
    text.setFont(BOLD, size)
    text.setTextOrigin(-em * size / 2, -cap * size / 2)
    text.textOut("BATAL")
    canvas.drawText(text)
    canvas.restoreState()


def _draw(canvas: Canvas, doc: ReceiptDocument, x: float, y: float, w: float, h: float) -> None:
    """One receipt in the area with its lower left corner at (x, y)."""
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.9)
    canvas.rect(x + BORDER, y + BORDER, w - 2 * BORDER, h - 2 * BORDER)
    canvas.setLineWidth(0.3)
    canvas.rect(x + BORDER + 2, y + BORDER + 2, w - 2 * BORDER - 4, h - 2 * BORDER - 4)
    canvas.restoreState()

    left, width = x + INSET, w - 2 * INSET
    top = y + h - INSET + 2 * mm
    bottom = y + INSET + 1 * mm  # the footer line sits below this
    below_header = _header(canvas, doc, left, width, top)
    for size in SIZES:
        rows = _rows(canvas, doc, left, width, size)
        signatures = _signatures(canvas, doc, left, width, size)
        gap = size * 0.55
        needed = sum(b.height for b in rows) + gap * len(rows) + signatures.height + 8
        if needed <= below_header - bottom or size == SIZES[-1]:
            break
    if needed > below_header - bottom:
        raise ValueError(f"{doc.number}: the text is too long for one receipt")
    # what is left spreads the rows a little, as a form with room to read
    gap += min(size * 0.9, max(0.0, below_header - bottom - needed) / (len(rows) + 1))
    cursor = below_header - 4
    for block in rows:
        block.draw(cursor)
        cursor -= block.height + gap
    signatures.draw(bottom + signatures.height)

    if doc.printed:
        canvas.setFillColor(GREY)
        canvas.setFont(REGULAR, 6.5)
        canvas.drawString(left, y + BORDER + 4, doc.printed)
    if doc.void:
        _void(canvas, x, y, w, h)
