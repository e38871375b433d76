"""The provider checklist (Daftar Periksa Kelayakan Lembaga Pelatihan), A4 portrait, for the
office file: the provider, each item with its result, explanation and evidence, the
decision, and signature lines for the one who checked and the supervisor who decided."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.documents.fonts import BOLD, REGULAR, register

TITLE = "DAFTAR PERIKSA KELAYAKAN LEMBAGA PELATIHAN"


@dataclass(frozen=True)
class ChecklistItem:
    number: int
    label: str
    kind: str  # "Otomatis" / "Manual"
    result: str  # "Memenuhi", "Tidak memenuhi", "Belum diperiksa"
    explanation: str
    evidence: str  # file names with the start of their SHA-256, or "-"


@dataclass(frozen=True)
class ChecklistDocument:
    office_line: str  # "BPJS Ketenagakerjaan — Kantor Cabang DKI Jakarta"
    provider: tuple[tuple[str, str], ...]  # (label, value) rows
    assessed_on: str  # long date
    items: tuple[ChecklistItem, ...]
    decision: tuple[tuple[str, str], ...]  # (label, value) rows, empty: not decided
    open_items: str  # names of manual items still open, or ""
    checked_by: str
    decided_by: str
    place_and_date: str  # "Jakarta, 2 Desember 2026"
    printed: str  # "Dicetak 02/12/2026 10:15 oleh spv.rina"


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=9, leading=11.5)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=13, leading=16, alignment=1
        ),
        "sub": ParagraphStyle("sub", parent=base, alignment=1),
        "head": ParagraphStyle(
            "head", parent=base, fontName=BOLD, fontSize=10, leading=13, spaceBefore=6
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
        "cellb": ParagraphStyle("cellb", parent=base, fontName=BOLD, fontSize=8.5, leading=10.5),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


PLAIN = TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR)])  # never the default Helvetica
GRID = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8a96a3")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
)


def _pairs(rows: tuple[tuple[str, str], ...], s: dict[str, ParagraphStyle]) -> Table:
    table = Table(
        [[_p(label, s["cellb"]), _p(value or "-", s["cell"])] for label, value in rows],
        colWidths=[50 * mm, 124 * mm],
    )
    table.setStyle(GRID)
    return table


def build(doc: ChecklistDocument, out: Path) -> Path:
    """Write the checklist to `out` (a temporary name first: never half a file)."""
    register()
    s = _styles()
    story: list[object] = [
        _p(TITLE, s["title"]),
        _p(doc.office_line, s["sub"]),
        Spacer(1, 5 * mm),
        _p("A. Identitas lembaga", s["head"]),
        _pairs(doc.provider, s),
        _p(f"B. Hasil penilaian pada {doc.assessed_on}", s["head"]),
    ]
    header = ["No", "Butir penilaian", "Jenis", "Hasil", "Keterangan", "Bukti"]
    rows = [[_p(h, s["cellb"]) for h in header]]
    for item in doc.items:
        rows.append(
            [
                _p(str(item.number), s["cell"]),
                _p(item.label, s["cell"]),
                _p(item.kind, s["cell"]),
                _p(item.result, s["cellb"]),
                _p(item.explanation, s["cell"]),
                _p(item.evidence, s["small"]),
            ]
        )
    items = Table(
        rows,
        colWidths=[8 * mm, 40 * mm, 17 * mm, 22 * mm, 52 * mm, 35 * mm],
        repeatRows=1,
    )
    items.setStyle(GRID)
    items.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4"))]))
    story += [items, _p("C. Keputusan", s["head"])]
    if doc.decision:
        story.append(_pairs(doc.decision, s))
    else:
        story.append(_p("Belum ada keputusan.", s["base"]))
    if doc.open_items:
        story += [Spacer(1, 2 * mm), _p(f"Butir yang masih terbuka: {doc.open_items}", s["base"])]
    signatures = Table(
        [
            [_p("", s["base"]), _p(doc.place_and_date, s["base"])],
            [_p("Diperiksa oleh,", s["base"]), _p("Diputuskan oleh (supervisor),", s["base"])],
            [Spacer(1, 18 * mm), Spacer(1, 18 * mm)],
            [_p(f"( {doc.checked_by} )", s["base"]), _p(f"( {doc.decided_by} )", s["base"])],
        ],
        colWidths=[87 * mm, 87 * mm],
    )
    signatures.setStyle(PLAIN)
    story += [Spacer(1, 8 * mm), signatures, Spacer(1, 6 * mm), _p(doc.printed, s["small"])]
    tmp = out.with_name(out.name + ".part")
    pdf = SimpleDocTemplate(
        str(tmp),
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=TITLE.title(),
        author="Loket Vokasi",
        # the canvas starts in the shipped font, so no standard (unembedded) font is referenced
        initialFontName=REGULAR,
    )
    pdf.build(story)
    tmp.replace(out)
    return out
