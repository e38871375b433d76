"""Render resources/icons/app.svg to the program icon files (run by hand after changing it):

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icon.py

writes app.png (256 px: the window icon, and for a Linux desktop file) and app.ico (16, 24,
32, 48, 64 and 256 px, for the Windows executables and their shortcuts). Qt's own SVG
renderer draws each size from the drawing, so small sizes stay sharp; the .ico holds each
size as PNG data, which Windows reads since Vista (no imaging library needed).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico file: header, one 16-byte entry per size, then each size's PNG data."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, blob in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(ICONS / "app.svg"))
    if not renderer.isValid():
        print("app.svg could not be read", file=sys.stderr)
        return 1
    pngs = {size: png_bytes(render(renderer, size)) for size in ICO_SIZES}
    (ICONS / "app.png").write_bytes(pngs[256])
    (ICONS / "app.ico").write_bytes(ico_bytes(pngs))
    print(f"wrote {ICONS / 'app.png'} and {ICONS / 'app.ico'} ({', '.join(map(str, ICO_SIZES))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
