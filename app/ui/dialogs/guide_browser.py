"""The guide's text (app.ui.dialogs.user_guide): a QTextBrowser with its own history of
files and images scaled smoothly, once, to the text's width; the headings of the document
with the anchors GitHub gives them, so links in the Markdown work both on GitHub and here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import (
    QImage,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QTextBrowser,
    QWidget,
)


def anchor_of(title: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces
    turned into hyphens ("2.8 Pembayaran uang saku" → "28-pembayaran-uang-saku")."""
    return re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-")


@dataclass(frozen=True)
class Heading:
    level: int
    title: str
    anchor: str
    position: int  # where its block starts in the document


class GuideBrowser(QTextBrowser):
    """The text: images scaled (smoothly, once) to at most `image_width` pixels, and its
    own history of files (QTextBrowser's goes back around doSetSource, and so around
    `shown_file`).

    Signals:
        shown_file(): a file (another, the previous one, or the same again) is shown.
        can_go_back(bool): whether `backward()` has a file to go back to.
    """

    shown_file = Signal()
    can_go_back = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image_width = 760
        self._back: list[tuple[QUrl, int]] = []  # file, and how far down it was read
        self._going_back = False

    def doSetSource(
        self,
        name: QUrl | str,
        /,
        type: QTextDocument.ResourceType = QTextDocument.ResourceType.UnknownResource,
    ) -> None:
        name = QUrl(name)
        here = self.source().toLocalFile()
        if here and here != name.toLocalFile() and not self._going_back:
            self._back.append((self.source(), self.verticalScrollBar().value()))
        # the document is complete only after this (an image's size set on sourceChanged
        # is lost)
        super().doSetSource(name, type)
        self.shown_file.emit()
        self.can_go_back.emit(bool(self._back))

    def backward(self) -> None:
        if not self._back:
            return
        url, value = self._back.pop()
        self._going_back = True
        try:
            self.setSource(url, QTextDocument.ResourceType.MarkdownResource)
        finally:
            self._going_back = False
        self.verticalScrollBar().setValue(value)

    def forward(self) -> None:
        """Not offered (only ◀)."""

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        if kind == QTextDocument.ResourceType.ImageResource.value:
            path = self.source().resolved(QUrl(name)).toLocalFile()
            image = QImage(path) if path else QImage()
            if not image.isNull():
                ratio = self.devicePixelRatioF()
                width = round(self.image_width * ratio)
                if image.width() > width:  # sharp on a high-density screen too
                    image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
                    image.setDevicePixelRatio(ratio)
                return image
        return super().loadResource(kind, name)


def headings_of(document: QTextDocument) -> list[Heading]:
    found = []
    seen: dict[str, int] = {}
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level:
            title = block.text().strip()
            anchor = anchor_of(title)
            if anchor in seen:  # GitHub numbers a repeated heading's anchor
                seen[anchor] += 1
                anchor = f"{anchor}-{seen[anchor]}"
            else:
                seen[anchor] = 0
            found.append(Heading(level, title, anchor, block.position()))
        block = block.next()
    return found
