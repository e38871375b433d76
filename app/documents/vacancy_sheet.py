"""The vacancy sheet (Lembar Informasi Lowongan Kerja, issue #13), A4 portrait: what the
clerk hands a participant at the counter — their best-fitting open vacancies, each with
the employer, where, what is wanted, the wage, the closing date, whom to contact and why it
fits them — so they can apply on their own once they have left the office.

The person takes the paper home, so it carries the masked NIK only (never the full one)
and says plainly that the employer is contacted directly and that nobody may charge a fee:
job seekers are a favourite target of "pay to be placed" fraud. Each vacancy is kept on
one page, and the last one goes with those notes, so no sheet of paper carries the notes
alone; long employer names, contacts and addresses wrap inside their cell rather than
running off the page. A sheet with no vacancy says so and asks the person to come back,
so the clerk has something to hand over either way (and the person is not sent away
empty-handed by a refusal on the clerk's screen). Pages are numbered only when there is
more than one.
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
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.documents.fonts import BOLD, REGULAR, register
from app.documents.page_numbers import NumberedCanvas

TITLE = "LEMBAR INFORMASI LOWONGAN KERJA"
AUTHOR = "Loket Vokasi"

INK = colors.HexColor("#1b1f24")
GREY_HEX = "#5b6570"
GREY = colors.HexColor(GREY_HEX)
LINE = colors.HexColor("#8a96a3")
HEAD = colors.HexColor("#e8eef4")
NOTE = colors.HexColor("#f6f8fa")
ACCENT = colors.HexColor("#1f5f8b")

MARGIN = 16 * mm
WIDTH = A4[0] - 2 * MARGIN  # 178 mm: every table below is this wide
FOOT_Y = 9 * mm  # baseline of the printed line and the page number
# label | value | label | value; most facts span the last three, the wage shares its line
# with the openings. The label column fits "Pelatihan dicari" on one line.
COLUMNS = [29 * mm, 75 * mm, 24 * mm, 50 * mm]

NO_MATCH = (
    "Saat ini belum ada lowongan kerja terbuka yang sesuai dengan pelatihan atau pilihan "
    "pelatihan Bapak/Ibu."
)
COME_BACK = (
    "Lowongan baru dicatat setiap kali perusahaan menyampaikannya. Silakan datang kembali "
    "ke kantor cabang atau tanyakan kepada petugas loket secara berkala."
)
FREE = (
    "Layanan ini GRATIS. BPJS Ketenagakerjaan dan perusahaan tidak memungut biaya apa pun "
    "untuk melamar. Waspadai pihak yang meminta uang dengan janji pekerjaan."
)
TELL_US = (
    "Bila Bapak/Ibu diterima bekerja, mohon kabari kantor cabang agar data pemantauan "
    "program tetap benar."
)
NOTES = (
    "Lowongan di atas disampaikan oleh perusahaan pemberi kerja kepada BPJS "
    "Ketenagakerjaan dan dapat berubah atau ditutup sewaktu-waktu sebelum batas lamaran.",
    "Hubungi atau lamar langsung ke perusahaan melalui kontak yang tercantum. "
    "Kantor cabang tidak menjamin Bapak/Ibu diterima bekerja.",
    FREE,
    TELL_US,
)
NOTES_EMPTY = (FREE, TELL_US)  # nothing above to contact


@dataclass(frozen=True)
class VacancySheetItem:
    """One vacancy as printed; every value already in the words the person reads."""

    position: str
    employer: str  # "PT Maju Jaya"
    npp: str  # the employer's BPJAMSOSTEK number, "" when unknown
    sector: str  # "" when unknown
    region: str  # "Kota Balikpapan, Kalimantan Timur"
    modules: str  # "Juru Las (SMAW), Operator Forklift"
    skills: str  # "" when none recorded
    openings: str  # "3 orang"
    wage: str  # "Rp4.000.000 – Rp5.000.000", or "Tidak disebutkan"
    closes: str  # "31 Desember 2026", or "Tidak ditentukan"
    contact: str  # as recorded: phone, e-mail, address
    reasons: tuple[str, ...]  # "Mengapa cocok", one line each


@dataclass(frozen=True)
class VacancySheetDocument:
    office_line: str  # "BPJS Ketenagakerjaan — Kantor Cabang DKI Jakarta"
    name: str  # the participant
    nik_masked: str  # "3171********0001": the sheet leaves the office
    day_text: str  # "2 Desember 2026": the day the vacancies were open
    items: tuple[VacancySheetItem, ...]  # best first; () when none fits
    printed: str  # "Dicetak 02/12/2026 10:15 oleh loket.budi — Loket Vokasi"


def _check(doc: VacancySheetDocument) -> None:
    """Refuse a sheet that would show a full NIK: it goes home with the person."""
    digits = sum(ch.isdigit() for ch in doc.nik_masked)
    if digits > 8:
        raise ValueError("the vacancy sheet takes a masked NIK only")


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=9.5, leading=12.5, textColor=INK)
    cell = ParagraphStyle("cell", parent=base, fontSize=9, leading=11.5)
    return {
        "base": base,
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=14, leading=18, alignment=TA_CENTER
        ),
        "sub": ParagraphStyle("sub", parent=base, alignment=TA_CENTER, textColor=GREY),
        "vacancy": ParagraphStyle(
            "vacancy", parent=base, fontName=BOLD, fontSize=11, leading=14, textColor=ACCENT
        ),
        "deadline": ParagraphStyle(
            "deadline", parent=base, fontName=BOLD, fontSize=9.5, alignment=TA_RIGHT
        ),
        "cell": cell,
        "label": ParagraphStyle("label", parent=cell, textColor=GREY),
        "strong": ParagraphStyle("strong", parent=cell, fontName=BOLD),
        "note": ParagraphStyle("note", parent=base, fontSize=8.5, leading=11),
        "empty": ParagraphStyle(
            "empty", parent=base, fontName=BOLD, fontSize=11, leading=15, alignment=TA_CENTER
        ),
        "empty_more": ParagraphStyle("empty_more", parent=base, alignment=TA_CENTER),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


BASE = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # never the default Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
)


def _person(doc: VacancySheetDocument, s: dict[str, ParagraphStyle]) -> Table:
    """Who the sheet is for and the day the vacancies were open."""
    table = Table(
        [
            [
                _p("Nama", s["label"]),
                _p(doc.name, s["strong"]),
                _p("Tanggal", s["label"]),
                _p(doc.day_text, s["cell"]),
            ],
            [_p("NIK", s["label"]), _p(doc.nik_masked, s["cell"]), "", ""],
        ],
        colWidths=COLUMNS,
    )
    table.setStyle(BASE)
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, LINE),
                ("BACKGROUND", (0, 0), (-1, -1), NOTE),
                ("TOPPADDING", (0, 0), (-1, 0), 5),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
            ]
        )
    )
    return table


def _reasons(reasons: tuple[str, ...], s: dict[str, ParagraphStyle]) -> Any:
    if not reasons:
        return _p("-", s["cell"])
    return ListFlowable(
        [ListItem(_p(r, s["cell"]), leftIndent=9, value="•") for r in reasons],
        bulletType="bullet",
        start="•",
        bulletFontName=REGULAR,
        bulletFontSize=9,
        leftIndent=9,
        bulletOffsetY=0,
    )


def _vacancy(number: int, item: VacancySheetItem, s: dict[str, ParagraphStyle]) -> Table:
    """One vacancy: its position and closing date as the heading (what a job seeker looks
    at first), then one fact a line, the contact and why it fits."""
    employer = f"<b>{escape(item.employer)}</b>"
    if item.npp:
        employer += f" (NPP {escape(item.npp)})"
    if item.sector:
        employer += f'<font color="{GREY_HEX}"> · {escape(item.sector)}</font>'

    def wide(label: str, value: Any) -> list[Any]:
        return [_p(label, s["label"]), value, "", ""]

    rows: list[list[Any]] = [
        [
            _p(f"{number}. {item.position}", s["vacancy"]),
            "",
            _p(f"Batas lamaran: {item.closes}", s["deadline"]),
            "",
        ],
        wide("Perusahaan", Paragraph(employer, s["cell"])),
        wide("Lokasi kerja", _p(item.region, s["cell"])),
    ]
    shared = len(rows)  # the one line of two facts side by side
    rows += [
        [
            _p("Upah", s["label"]),
            _p(item.wage, s["cell"]),
            _p("Dibutuhkan", s["label"]),
            _p(item.openings, s["cell"]),
        ],
        wide("Pelatihan dicari", _p(item.modules, s["cell"])),
    ]
    if item.skills:
        rows.append(wide("Keterampilan", _p(item.skills, s["cell"])))
    rows.append(wide("Kontak", _p(item.contact or "-", s["strong"])))
    rows.append(wide("Mengapa cocok", _reasons(item.reasons, s)))
    spans = [("SPAN", (0, 0), (1, 0)), ("SPAN", (2, 0), (3, 0))]
    spans += [("SPAN", (1, r), (-1, r)) for r in range(1, len(rows)) if r != shared]
    table = Table(rows, colWidths=COLUMNS)
    table.setStyle(BASE)
    table.setStyle(
        TableStyle(
            [
                *spans,
                ("BOX", (0, 0), (-1, -1), 0.7, LINE),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, LINE),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, 0), 3.5),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
                ("TOPPADDING", (0, 1), (-1, 1), 4),
                ("LINEABOVE", (0, -2), (-1, -2), 0.3, LINE),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 4),
            ]
        )
    )
    return table


def _empty(s: dict[str, ParagraphStyle]) -> Table:
    table = Table([[_p(NO_MATCH, s["empty"])], [_p(COME_BACK, s["empty_more"])]], colWidths=[WIDTH])
    table.setStyle(BASE)
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.7, LINE),
                ("BACKGROUND", (0, 0), (-1, -1), NOTE),
                ("TOPPADDING", (0, 0), (-1, 0), 10),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 10),
                ("LEFTPADDING", (0, 0), (-1, -1), 12),
                ("RIGHTPADDING", (0, 0), (-1, -1), 12),
            ]
        )
    )
    return table


def _notes(notes: tuple[str, ...], s: dict[str, ParagraphStyle]) -> Table:
    items = ListFlowable(
        [ListItem(_p(text, s["note"]), leftIndent=12) for text in notes],
        bulletType="1",
        bulletFormat="%s.",
        bulletFontName=REGULAR,
        bulletFontSize=8.5,
        leftIndent=12,
    )
    table = Table([[_p("Penting", s["strong"])], [items]], colWidths=[WIDTH])
    table.setStyle(BASE)
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, LINE),
                ("BACKGROUND", (0, 0), (-1, -1), NOTE),
                ("TOPPADDING", (0, 0), (-1, 0), 5),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


class _NumberedCanvas(NumberedCanvas):
    """Numbered only when there is more than one page (a one-page sheet needs none)."""

    right = A4[0] - MARGIN
    baseline = FOOT_Y
    colour = GREY

    def label(self, number: int, total: int) -> str | None:
        return super().label(number, total) if total > 1 else None


def build(doc: VacancySheetDocument, out: Path) -> Path:
    """Write the sheet to `out` (a temporary name first: never half a file)."""
    _check(doc)
    register()
    s = _styles()
    if doc.items:
        count = len(doc.items)
        lead = (
            f"Berikut {count} lowongan kerja terbuka yang paling sesuai dengan pelatihan dan "
            f"tempat tinggal Bapak/Ibu per {doc.day_text}, diurutkan dari yang paling cocok."
            if count > 1
            else f"Berikut lowongan kerja terbuka yang paling sesuai dengan pelatihan dan "
            f"tempat tinggal Bapak/Ibu per {doc.day_text}."
        )
        body: list[Any] = [_p(lead, s["base"]), Spacer(1, 3 * mm)]
        tables = [_vacancy(n, item, s) for n, item in enumerate(doc.items, start=1)]
        # each vacancy on one page; the last one goes with the notes, so a page never
        # holds the notes alone
        body += [KeepTogether([t, Spacer(1, 3.5 * mm)]) for t in tables[:-1]]
        body.append(KeepTogether([tables[-1], Spacer(1, 3.5 * mm), _notes(NOTES, s)]))
    else:
        body = [_empty(s), Spacer(1, 4 * mm), _notes(NOTES_EMPTY, s)]
    story: list[Any] = [
        _p(TITLE, s["title"]),
        _p(doc.office_line, s["sub"]),
        Spacer(1, 4 * mm),
        _person(doc, s),
        Spacer(1, 4 * mm),
        *body,
    ]
    running = f"Lembar Informasi Lowongan Kerja — {doc.name} (NIK {doc.nik_masked})"

    def first_page(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN, FOOT_Y, doc.printed)
        canvas.restoreState()

    def later_page(canvas: Canvas, pdf: Any) -> None:
        first_page(canvas, pdf)
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(GREY)
        # the person's name may be long: shrink the running line rather than overflow
        size = 7.5
        width = canvas.stringWidth(running, REGULAR, size)
        if width > WIDTH:
            size *= WIDTH / width
        canvas.setFont(REGULAR, size)
        canvas.drawString(MARGIN, A4[1] - 11 * mm, running)
        canvas.setStrokeColor(LINE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, A4[1] - 12.5 * mm, A4[0] - MARGIN, A4[1] - 12.5 * mm)
        canvas.restoreState()

    tmp = out.with_name(out.name + ".part")
    pdf = SimpleDocTemplate(
        str(tmp),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title="Lembar Informasi Lowongan Kerja",
        author=AUTHOR,
        creator=AUTHOR,
        subject=f"Lowongan kerja yang sesuai untuk {doc.name}",
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
