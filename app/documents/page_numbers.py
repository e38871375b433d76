"""'Halaman n dari N' at the foot of every page of a document (cash close, vacancy sheet,
monthly report): reportlab knows the number of pages only once they are all drawn, so the
canvas holds each page back and writes the numbers when the document is saved. One class
for every document; each says where the number goes and what it reads."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.documents.fonts import REGULAR


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """A canvas whose pages are numbered at the end. A subclass sets `right` (x of the
    number's right end), `baseline`, `colour`, and may change `label` (None: no number,
    e.g. on a one-page sheet)."""

    right: float = A4[0] - 13 * mm
    baseline: float = 9 * mm
    colour: Any = colors.HexColor("#5b6570")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def label(self, number: int, total: int) -> str | None:
        return f"Halaman {number} dari {total}"

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            text = self.label(number, total)
            if text:
                self.setFont(REGULAR, 7.5)
                self.setFillColor(self.colour)
                self.drawRightString(self.right, self.baseline, text)
            super().showPage()
        super().save()
