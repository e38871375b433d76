"""QR codes drawn as vector paths on a reportlab page (certificates, issue #12).

The symbol is encoded by zxing-cpp (compiled; reportlab's pure-Python QR widget takes about
60 ms a code) and drawn as filled rectangles in one path, so it stays sharp at any print
resolution and a phone reads it from paper.

The data mask is fixed (DATA_MASK) rather than chosen by scoring all eight: the scoring was
1.2 of the 1.5 ms an encoding took. The scoring avoids patterns that confuse a reader in
regular data (long runs of one byte); a certificate's code holds a URL and base64 of JSON
and a signature, which look random under every mask. Measured on 150 such codes rendered
at 2 pixels a module and blurred: zbar and zxing-cpp read as many with mask 3 as with the
scored choice (zbar 141 and 58 of 150 at two sizes, against 134 and 54).

Neighbouring dark modules of a row are merged into one rectangle (about 1,500 for a
certificate's symbol instead of 3,000 modules); merging down the rows as well saved under 10%
more rectangles for as much time again as the whole row pass, so it is not done.

This module imports only zxing-cpp, so a worker process that only encodes (a batch of
certificates split over both cores) starts without loading reportlab.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import zxingcpp

QUIET = 4  # modules of light margin every side, as ISO/IEC 18004 asks
EC_LEVEL = "M"  # 15% of the symbol may be lost (a fold, a stamp's edge) and it still reads
DATA_MASK = 3  # see above
_DARK = re.compile(rb"\x00+")


@dataclass(frozen=True)
class QrPath:
    """A QR symbol ready to draw: `ops` are PDF path operators (`x y w h re`) in module
    units with the origin at the symbol's lower left corner, without the quiet zone."""

    modules: int  # modules per side of the symbol
    ops: str


def encode(text: str) -> QrPath:
    """The QR symbol for `text` (UTF-8, error correction level M, mask 3) as merged
    rectangles."""
    barcode = zxingcpp.create_barcode(
        text, zxingcpp.BarcodeFormat.QRCode, ec_level=EC_LEVEL, data_mask=DATA_MASK
    )
    image = barcode.to_image(scale=1, add_quiet_zones=False)
    size = int(image.shape[0])
    # one byte a module, row by row, 0 for dark (the stub does not say Image is a buffer)
    pixels = memoryview(image).tobytes()  # type: ignore[arg-type]
    rects = [
        # PDF's y grows upwards: row 0 is the top of the symbol
        f"{m.start() - offset} {size - 1 - row} {m.end() - m.start()} 1 re"
        for row, offset in enumerate(range(0, size * size, size))
        for m in _DARK.finditer(pixels, offset, offset + size)
    ]
    return QrPath(size, "\n".join(rects))


def encode_all(texts: list[str]) -> list[QrPath]:
    """`encode` for each text: one task of a worker process (a batch of certificates)."""
    return [encode(text) for text in texts]
