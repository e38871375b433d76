"""One certificate page (app.documents.certificate): what it says and where, and the text
that fits — long names, modules, providers and places shrink, then go onto two lines
(name and module), then narrow their letters; nothing runs off the page or into the QR
code. The frame and page geometry are in certificate_frame; printing batches in
certificate."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.documents import qr
from app.documents.certificate_frame import (
    _FRAME_FORM,
    GOLD,
    GREEN,
    INNER,
    WIDTH,
    _top,
)
from app.documents.fonts import BOLD, REGULAR

TITLE = "SERTIFIKAT PELATIHAN"
ISSUER = "BPJS Ketenagakerjaan"
PROGRAMME = "Program Pelatihan Vokasi BPJS Ketenagakerjaan"
QR_CAPTION = "Pindai untuk memeriksa keaslian"
AUTHOR = "Loket Vokasi"
# beside the QR code: what it holds and how an employer checks it; a phone camera opens the
# server's page only when the code holds its URL, otherwise the program checks it
NOTE_URL = (
    "Kode QR ini memuat data sertifikat yang ditandatangani",
    "secara digital oleh kantor penerbit. Pindai dengan kamera",
    "ponsel atau periksa dengan program Loket Vokasi.",
)
NOTE_TOKEN = (
    "Kode QR ini memuat data sertifikat yang ditandatangani",
    "secara digital oleh kantor penerbit. Keasliannya dapat",
    "diperiksa dengan program Loket Vokasi di kantor BPJS Ketenagakerjaan.",
)


INK = colors.HexColor("#1b1f24")
GREY = colors.HexColor("#5b6570")
RED = colors.HexColor("#b3261e")

# The symbol without its quiet zone: 32 mm, larger for a long name or module (more modules)
# so that a module stays at least 0.37 mm, up to 36 mm; a worn phone camera or a 150 dpi scan
# still reads it
QR_SIDE = (32 * mm, 36 * mm)
QR_MODULE = 0.37 * mm
QR_X = 24 * mm  # left edge of the symbol
QR_BOTTOM = 182  # mm from the top of the page; a larger symbol grows upwards
SIGN_X = 232 * mm  # centre of the signature block
SIGN_W = 76 * mm
BODY_W = WIDTH - 2 * INNER - 16 * mm  # the text above the QR code and the signature


@dataclass(frozen=True)
class CertificateDocument:
    number: str  # "SERT/JKT-1/2026/0007"
    office_line: str  # "BPJS Ketenagakerjaan — Kantor Cabang DKI Jakarta" (header)
    name: str  # the graduate, large
    birth: str  # "Jakarta, 17 Agustus 1990" (place and date of birth)
    nik_masked: str  # "3171********0001"
    module: str  # "Teknisi Pendingin Ruangan (AC)"
    module_code: str  # "TKN-AC"
    hours: int  # training hours of the module
    dates: str  # "2 Maret 2026 – 27 Maret 2026"
    provider: str  # the training provider (lembaga pelatihan)
    result: str  # "LULUS"
    place_and_date: str  # "Jakarta, 1 April 2026"
    signatory_name: str  # from settings; "" leaves a blank line to write the name
    signatory_position: str  # "Kepala Kantor Cabang"
    qr_text: str  # what the QR code holds: the page URL with the token, or the bare token
    copy_no: int = 0  # 0: the original; n > 0: the n-th reprint ("SALINAN ke-n")
    printed: str = ""  # "Dicetak 02/12/2026 10:15 oleh loket.ani — Loket Vokasi"


# --- text that fits ------------------------------------------------------------------------

Run = tuple[str, str]  # (text, font)


@dataclass(frozen=True)
class _Line:
    """One line of centred text made of runs in different fonts, and how far it may shrink:
    from `size` down to `least`, then narrower letters (never past its width)."""

    runs: tuple[Run, ...]
    size: float
    least: float
    colour: colors.Color = INK
    space: float = 0.0  # letter spacing (the title)

    @cached_property
    def unit(self) -> float:
        """Width at a type size of 1 pt (widths grow in proportion to the size)."""
        return float(sum(stringWidth(text, font, 1.0) for text, font in self.runs))


def _line(*runs: Run, size: float = 11.0, least: float = 8.0, colour: colors.Color = INK,
          space: float = 0.0) -> _Line:  # fmt: skip
    return _Line(tuple(runs), size, least, colour, space)


def _fit(unit: float, size: float, least: float, width: float) -> tuple[float, float]:
    """(type size, horizontal scale in %) at which a text `unit` wide at 1 pt fits `width`:
    `size` if it does, smaller down to `least`, then narrower letters at `least`."""
    if unit * size <= width:
        return size, 100.0
    if unit * least <= width:
        return width / unit, 100.0
    return least, 100.0 * width / (unit * least)


def _centred(canvas: Canvas, line: _Line, cx: float, baseline: float, width: float) -> float:
    """Draw `line` centred on `cx`, never wider than `width`; the type size used."""
    gaps = line.space * max(0, sum(len(text) for text, _f in line.runs) - 1)
    unit = line.unit
    size, scale = _fit(unit, line.size, line.least, width - gaps)
    drawn = unit * size * scale / 100.0 + gaps
    text = canvas.beginText(cx - drawn / 2, baseline)
    text.setFillColor(line.colour)
    if scale != 100.0:
        text.setHorizScale(scale)
    if line.space:
        text.setCharSpace(line.space)
    for chunk, font in line.runs:
        text.setFont(font, size)
        text.textOut(chunk)
    if scale != 100.0:
        text.setHorizScale(100.0)  # a text object's state outlives it in the stream
    if line.space:
        text.setCharSpace(0)
    canvas.drawText(text)
    return size


def _split(text: str, font: str) -> tuple[str, str] | None:
    """`text` cut at the space that makes its two lines the most even; None for one word."""
    words = text.split()
    if len(words) < 2:
        return None
    best: tuple[float, str, str] | None = None
    for i in range(1, len(words)):
        first, second = " ".join(words[:i]), " ".join(words[i:])
        wider = max(stringWidth(first, font, 1.0), stringWidth(second, font, 1.0))
        if best is None or wider < best[0]:
            best = (wider, first, second)
    assert best is not None
    return best[1], best[2]


def _lines(
    text: str,
    font: str,
    width: float,
    one: tuple[float, float],
    two: tuple[float, float],
    colour: colors.Color = INK,
) -> list[_Line]:
    """A long text (a name, a module, a provider) as one line from one[0] down to one[1]
    points, else as two even lines from two[0] down to two[1] points (the same size)."""
    whole = _line((text, font), size=one[0], least=one[1], colour=colour)
    if whole.unit * one[1] <= width:
        return [whole]
    halves = _split(text, font)
    if halves is None:  # one endless word: narrower letters on one line
        return [whole]
    size = min(_fit(stringWidth(h, font, 1.0), two[0], two[1], width)[0] for h in halves)
    return [_line((h, font), size=size, least=two[1], colour=colour) for h in halves]


# --- one certificate -----------------------------------------------------------------------


def _issuer_parts(office_line: str) -> tuple[str, str]:
    """(issuer, office) for the header: "BPJS Ketenagakerjaan — Kantor Cabang X" is shown as
    the issuer large and "Kantor Cabang X" under it, rather than the issuer twice."""
    line = " ".join(office_line.split())
    if line.casefold().startswith(ISSUER.casefold()):
        rest = line[len(ISSUER) :].lstrip(" —–-,")
        if rest:
            return ISSUER, rest
    return ISSUER, line


def _body(doc: CertificateDocument) -> list[tuple[float, _Line]]:
    """What the graduate did, as (space above in mm, line): the result, the module (one or
    two lines), its code, hours and dates, the provider (one to three lines) and the
    programme."""
    flow: list[tuple[float, _Line]] = [
        (0.0, _line(("telah mengikuti dan dinyatakan ", REGULAR), (doc.result, BOLD),
                    (" pelatihan", REGULAR))),
    ]  # fmt: skip
    module = _lines(doc.module, BOLD, BODY_W, (17, 11), (13, 8.5), GREEN)
    if len(module) == 1:
        flow.append((9.5, module[0]))
    else:
        flow += [(7.8, module[0]), (5.3, module[1])]
    facts = [f"kode modul {doc.module_code}"] if doc.module_code.strip() else []
    if doc.hours > 0:
        facts.append(f"sebanyak {doc.hours} jam pelajaran")
    facts.append(f"pada tanggal {doc.dates},")
    flow.append((19.5 - sum(gap for gap, _l in flow[1:]), _line((", ".join(facts), REGULAR))))
    provider = " ".join(doc.provider.split())
    if provider:
        lead = "yang diselenggarakan oleh lembaga pelatihan "
        one = _line((lead, REGULAR), (provider, BOLD), least=9.5)
        if one.unit * one.least <= BODY_W:
            flow.append((6.0, one))
        else:  # a long name: the provider under the words that introduce it
            flow.append((6.0, _line((lead.strip(), REGULAR))))
            for n, part in enumerate(_lines(provider, BOLD, BODY_W, (11, 9), (11, 7))):
                flow.append((5.6 if n == 0 else 5.0, part))
    flow.append((6.0, _line((f"dalam {PROGRAMME}.", REGULAR))))
    return flow


def _draw(canvas: Canvas, doc: CertificateDocument, code: qr.QrPath) -> None:
    canvas.doForm(_FRAME_FORM)
    cx = WIDTH / 2
    wide = WIDTH - 2 * INNER - 10 * mm

    issuer, office = _issuer_parts(doc.office_line)
    _centred(canvas, _line((issuer.upper(), BOLD), size=15, least=10, colour=GREEN, space=1.6),
             cx, _top(23), wide)  # fmt: skip
    if office != issuer:
        _centred(canvas, _line((office, REGULAR), size=10.5, least=7), cx, _top(29), wide)
    _centred(canvas, _line((TITLE, BOLD), size=30, least=20, space=3.0), cx, _top(45), wide)
    _centred(canvas, _line(("Nomor: ", REGULAR), (doc.number, BOLD), size=10.5, least=7), cx,
             _top(52.5), wide)  # fmt: skip
    _centred(canvas, _line(("diberikan kepada", REGULAR), colour=GREY), cx, _top(62), wide)

    name = _lines(doc.name, BOLD, BODY_W, (26, 16), (19, 11))
    if len(name) == 1:
        _centred(canvas, name[0], cx, _top(71.5) - 0.36 * name[0].size, BODY_W)
    else:
        leading = name[0].size * 1.15
        first = _top(71.5) + leading / 2 - 0.36 * name[0].size
        for n, line in enumerate(name):
            _centred(canvas, line, cx, first - n * leading, BODY_W)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.6)
    canvas.line(cx - 75 * mm, _top(82), cx + 75 * mm, _top(82))

    _identity(canvas, doc)
    # the body from 105 mm down; squeezed (never past 141 mm, above the QR code and the
    # signature) when long names of a module or provider take more lines
    flow = _body(doc)
    room = 141.0 - 105.0
    needed = sum(gap for gap, _l in flow)
    squeeze = min(1.0, room / needed) if needed else 1.0
    y = 105.0
    for gap, line in flow:
        y += gap * squeeze
        _centred(canvas, line, cx, _top(y), BODY_W)

    _signature(canvas, doc)
    _qr(canvas, doc, code)
    if doc.copy_no > 0:
        _copy_mark(canvas, doc.copy_no)
    if doc.printed:
        _centred(canvas, _line((doc.printed, REGULAR), size=6.5, least=5, colour=GREY), cx,
                 INNER + 2.2 * mm, 110 * mm)  # fmt: skip


def _identity(canvas: Canvas, doc: CertificateDocument) -> None:
    """Place and date of birth and the masked NIK as a small two-row table, centred, its
    colons aligned; a long place of birth shrinks, then narrows its letters."""
    size = 11.0
    rows = (("Tempat, tanggal lahir", doc.birth), ("NIK", doc.nik_masked))
    label_w = max(stringWidth(label, REGULAR, size) for label, _v in rows)
    colon = stringWidth(" :  ", REGULAR, size)
    room = BODY_W - label_w - colon
    units = [stringWidth(value, BOLD, 1.0) for _l, value in rows]
    value_w = min(max(units) * size, room)
    left = WIDTH / 2 - (label_w + colon + value_w) / 2
    for n, ((label, value), unit) in enumerate(zip(rows, units, strict=True)):
        y = _top(90 + 6 * n)
        canvas.setFillColor(INK)
        canvas.setFont(REGULAR, size)
        canvas.drawString(left, y, label)
        canvas.drawString(left + label_w, y, " :")
        vsize, scale = _fit(unit, size, 8, room)
        text = canvas.beginText(left + label_w + colon, y)
        text.setFont(BOLD, vsize)
        if scale != 100.0:
            text.setHorizScale(scale)
        text.textOut(value)
        if scale != 100.0:
            text.setHorizScale(100.0)
        canvas.drawText(text)


def _signature(canvas: Canvas, doc: CertificateDocument) -> None:
    """Place and date, the signatory's position, room for the signature and the office's
    stamp, then the name underlined (or a blank line to write it on)."""
    _centred(canvas, _line((doc.place_and_date, REGULAR), least=7), SIGN_X, _top(148), SIGN_W)
    if doc.signatory_position.strip():
        _centred(canvas, _line((doc.signatory_position, REGULAR), least=7), SIGN_X,
                 _top(153.5), SIGN_W)  # fmt: skip
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.6)
    y = _top(183)
    name = " ".join(doc.signatory_name.split())
    if name:
        line = _line((name, BOLD), least=7)
        size = _centred(canvas, line, SIGN_X, y, SIGN_W)
        half = min(SIGN_W, line.unit * size) / 2 + 2 * mm
        canvas.line(SIGN_X - half, y - 2.5, SIGN_X + half, y - 2.5)
    else:
        canvas.line(SIGN_X - 30 * mm, y - 2.5, SIGN_X + 30 * mm, y - 2.5)


def _qr(canvas: Canvas, doc: CertificateDocument, code: qr.QrPath) -> None:
    """The QR code bottom left, its quiet zone kept clear, with the caption and the number
    under it and a word on what it proves beside it."""
    side = min(QR_SIDE[1], max(QR_SIDE[0], code.modules * QR_MODULE))
    module = side / code.modules
    bottom = _top(QR_BOTTOM)
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.translate(QR_X, bottom)
    canvas.scale(module, module)
    canvas.addLiteral(code.ops + "\nf")
    canvas.restoreState()
    cx = QR_X + side / 2
    quiet = qr.QUIET * module
    under = side + 2 * quiet + 8 * mm
    for text, below in ((QR_CAPTION, 2.2 * mm), (doc.number, 5.2 * mm)):
        line = _line((text, REGULAR), size=6.5, least=5.0, colour=GREY)
        _centred(canvas, line, cx, bottom - quiet - below, under)
    canvas.setFillColor(GREY)
    canvas.setFont(REGULAR, 7)
    x = QR_X + side + quiet + 3 * mm
    note = NOTE_URL if "://" in doc.qr_text else NOTE_TOKEN
    for n, text in enumerate(note):
        canvas.drawString(x, bottom + 2 + (len(note) - 1 - n) * 9, text)


def _copy_mark(canvas: Canvas, copy_no: int) -> None:
    """SALINAN ke-n in a red frame, top right inside the frame, as on a reprinted receipt."""
    stamp = f"SALINAN ke-{copy_no}"
    size = 12.0
    w = stringWidth(stamp, BOLD, size) + 18
    h = size + 12
    x0 = WIDTH - INNER - 6 * mm - w
    y0 = _top(27) - 4
    canvas.saveState()
    canvas.setStrokeColor(RED)
    canvas.setFillColor(RED)
    canvas.setLineWidth(1.4)
    canvas.roundRect(x0, y0, w, h, 3, 1, 0)
    canvas.setFont(BOLD, size)
    canvas.drawCentredString(x0 + w / 2, y0 + 7.5, stamp)
    canvas.restoreState()
