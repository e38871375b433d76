"""The certificate's frame: a double green line, a gold wave band, diamond corners and a
pale rosette behind the text, drawn once per file as a form every page reuses (issue #12).
The page geometry lives here because the frame defines it: nothing is drawn outside INNER."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

PAGE = landscape(A4)
WIDTH, HEIGHT = PAGE
GREEN = colors.HexColor("#0b6b3a")  # the programme's green: frame, issuer, module
GOLD = colors.HexColor("#b2933f")  # the guilloche band and the rules
PALE = colors.HexColor("#e3efe6")  # the rosette behind the text
FRAME = 8 * mm  # outer line of the frame, from the paper's edge
INNER = 15.5 * mm  # inner line of the frame: nothing is drawn outside it
_FRAME_FORM = "sertifikat-bingkai"


def _top(mm_from_top: float) -> float:
    """A height given from the top of the page (as one measures a printed sheet)."""
    return float(HEIGHT - mm_from_top * mm)


# --- the frame, drawn once per file --------------------------------------------------------


def _rgb(colour: colors.Color, op: str) -> str:
    return f"{colour.red:.3f} {colour.green:.3f} {colour.blue:.3f} {op}"


def _path(points: Sequence[tuple[float, float]], close: bool = False) -> str:
    """PDF path operators through `points` (a tenth of a point is finer than print)."""
    ops = [f"{points[0][0]:.1f} {points[0][1]:.1f} m"]
    ops.extend(f"{x:.1f} {y:.1f} l" for x, y in points[1:])
    if close:
        ops.append("h")
    return "\n".join(ops)


def _wave(x0: float, y0: float, x1: float, y1: float, flip: bool) -> str:
    """A sine-like wave along the straight line (x0, y0)-(x1, y1) as PDF path operators: one
    cubic curve a half period, its control points a third of the way along at 4/3 of the
    crest's height (so the curve reaches the crest); whole periods, so the waves of two
    sides meet at the corners. `flip` starts it the other way (the guilloche's second
    wave). A curve a half period keeps the form small: it is compressed into every file."""
    length = math.hypot(x1 - x0, y1 - y0)
    halves = 2 * max(1, round(length / (7 * mm)))
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    step = length / halves
    lift = 4 / 3 * 1.1 * mm
    ops = [f"{x0:.1f} {y0:.1f} m"]
    for i in range(halves):
        sign = -1 if (i % 2 == 0) == flip else 1
        along = i * step

        def at(a: float, off: float) -> str:
            return f"{x0 + ux * a - uy * off:.1f} {y0 + uy * a + ux * off:.1f}"

        off = sign * lift
        ops.append(f"{at(along + step / 3, off)} {at(along + 2 * step / 3, off)} "
                   f"{at(along + step, 0.0)} c")  # fmt: skip
    return "\n".join(ops)


def _rosette(cx: float, cy: float, radius: float) -> list[tuple[float, float]]:
    """A spirograph rosette (as on banknotes and diplomas) behind the middle of the text:
    pale enough to read through, tedious to redraw by hand."""
    big, small, pen = 1.0, 0.23, 0.62  # the rolling circle's size and the pen's offset
    scale = radius / (big - small + pen * small)
    turns = 23  # small / big = 23 / 100: the curve closes after 23 turns
    steps = 23 * 56
    ratio = (big - small) / small
    points = []
    for i in range(steps + 1):
        t = 2 * math.pi * turns * i / steps
        x = (big - small) * math.cos(t) + pen * small * math.cos(ratio * t)
        y = (big - small) * math.sin(t) - pen * small * math.sin(ratio * t)
        points.append((cx + x * scale, cy + y * scale))
    return points


def _diamond(cx: float, cy: float, r: float) -> str:
    return _path([(cx, cy + r), (cx + r, cy), (cx, cy - r), (cx - r, cy)], close=True)


def _rect(inset: float) -> str:
    return f"{inset:.2f} {inset:.2f} {WIDTH - 2 * inset:.2f} {HEIGHT - 2 * inset:.2f} re S"


@cache
def _frame_ops() -> str:
    """The parts every certificate shares, as PDF operators: the rosette behind the text,
    the double frame with a guilloche band between its lines, corner ornaments and the rule
    under the office's name. Computed once per process (a few thousand points), written
    once per file as a form every page draws."""
    rosette = _path(_rosette(WIDTH / 2, _top(100), 62 * mm))
    ops = ["q", "1 J 1 j", _rgb(PALE, "RG"), "0.35 w", rosette, "S"]
    band = FRAME + 1.6 * mm
    ops += [_rgb(GREEN, "RG"), "2.2 w", _rect(FRAME), "0.5 w", _rect(band),
            "1 w", _rect(INNER - 1.2 * mm), "0.3 w", _rect(INNER - 0.4 * mm)]  # fmt: skip
    # two waves in opposite phase along the band's middle line, all the way round
    mid = (band + INNER - 1.2 * mm) / 2
    corners = [(mid, mid), (WIDTH - mid, mid), (WIDTH - mid, HEIGHT - mid), (mid, HEIGHT - mid)]
    ops += [_rgb(GOLD, "RG"), "0.45 w"]
    for flip in (False, True):
        for (x0, y0), (x1, y1) in zip(corners, corners[1:] + corners[:1], strict=True):
            ops += [_wave(x0, y0, x1, y1, flip), "S"]
    # corner ornaments over the meeting waves: a green diamond with a gold centre
    for cx, cy in corners:
        ops += [_rgb(GREEN, "rg"), _diamond(cx, cy, 3.0 * mm), "f"]
        ops += ["1 1 1 rg", _diamond(cx, cy, 1.7 * mm), "f"]
        ops += [_rgb(GOLD, "rg"), _diamond(cx, cy, 1.0 * mm), "f"]
    # the rule under the office's name, with a diamond in its middle
    y, cx = _top(32.5), WIDTH / 2
    ops += [_rgb(GOLD, "RG"), "0.7 w",
            _path([(cx - 60 * mm, y), (cx - 3 * mm, y)]), "S",
            _path([(cx + 3 * mm, y), (cx + 60 * mm, y)]), "S",
            _rgb(GOLD, "rg"), _diamond(cx, y, 1.6 * mm), "f", "Q"]  # fmt: skip
    return "\n".join(ops)


def _frame_form(canvas: Canvas) -> None:
    """Write the shared parts once into the file, as a form each page draws by name."""
    canvas.beginForm(_FRAME_FORM)
    canvas.addLiteral(_frame_ops())
    canvas.endForm()
