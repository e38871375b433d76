"""Panduan (F1, menu Bantuan): the user guide, docs/panduan.md, read inside the program.

The guide is Markdown shown by a QTextBrowser, its images (the screenshots `loket
screenshots` makes) found beside the file and scaled to the width of the text; on the left
a search box (Ctrl+F; Enter finds the next match) over the table of contents made from the
headings. Opened from a page it starts at the section about that page (`PAGE_SECTIONS`:
page key → the heading's anchor as GitHub makes it, so the same anchors work in links of
the file); in English it starts at the English summary. A link to another Markdown file of
docs/ (the per-screen reference, user-guide.md) opens in the same window and ◀ goes back;
a web link opens in the browser.

The window is not modal: a clerk reads while working, and F1 again brings the open guide
forward at the section of the page now shown. The files are found through
app.resources.docs_path, from the source tree and from a frozen build alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QImageReader,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.resources import docs_path
from app.ui.dialogs.guide_browser import GuideBrowser, Heading, anchor_of, headings_of

GUIDE = "panduan.md"
ENGLISH_SUMMARY = "english-summary"
# The section about each page of the main window (app.features PageSpec keys); a test
# checks that every page has one and that each exists in the guide.
PAGE_SECTIONS: dict[str, str] = {
    "home": "21-layar-utama-dan-tombol-pintas",
    "participants": "22-pendaftaran-peserta",
    "providers": "24-lembaga-pelatihan-dan-modul",
    "modules": "24-lembaga-pelatihan-dan-modul",
    "cohorts": "25-angkatan-dan-pendaftaran-ke-angkatan",
    "payments": "28-pembayaran-uang-saku-dan-transport",
    "certificates": "211-sertifikat",
    "followups": "212-pemantauan-dan-lowongan",
    "reports": "311-laporan-bulanan",
    "sync": "4-sinkronisasi",
    "settings": "15-pengaturan-kantor",
}
MARGIN = 28  # pixels beside an image inside the text column
__all__ = ["ENGLISH_SUMMARY", "PAGE_SECTIONS", "UserGuideDialog", "anchor_of", "show_guide"]


class UserGuideDialog(QDialog):
    """See the module docstring. `section`: the anchor to open at (None: the beginning)."""

    def __init__(
        self, parent: QWidget | None = None, section: str | None = None, path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(self.tr("Loket Vokasi — user guide"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.path = path or docs_path(GUIDE)
        self.headings: list[Heading] = []
        self._target: Heading | None = None  # the heading last gone to
        self._pending: str | None = section
        self._scaled_for = 0
        self._keep: str | None = None  # the section shown when a resize began

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(self.splitter, 1)

        side = QWidget(self.splitter)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.search = QLineEdit(side)
        self.search.setPlaceholderText(self.tr("Search the guide (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.find_next)
        self.search.textChanged.connect(self._search_changed)
        column.addWidget(self.search)
        self.found = QLabel(side)
        self.found.setObjectName("note")
        self.found.setVisible(False)
        column.addWidget(self.found)
        self.toc = QTreeWidget(side)
        self.toc.setHeaderHidden(True)
        self.toc.setRootIsDecorated(True)
        self.toc.itemActivated.connect(self._toc_chosen)
        self.toc.itemClicked.connect(self._toc_chosen)
        column.addWidget(self.toc, 1)

        self.browser = GuideBrowser(self.splitter)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        self.browser.shown_file.connect(self._loaded)
        self.browser.document().setDocumentMargin(18)
        self.browser.verticalScrollBar().valueChanged.connect(self._follow_scroll)
        self.splitter.addWidget(side)
        self.splitter.addWidget(self.browser)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 800])

        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("◀ Back"))
        self.back_button.setEnabled(False)
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.can_go_back.connect(self.back_button.setEnabled)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        find = QShortcut(QKeySequence("Ctrl+F"), self)
        find.activated.connect(self.focus_search)
        again = QShortcut(QKeySequence("F3"), self)
        again.activated.connect(self.find_next)

        self._resized = QTimer(self)
        self._resized.setSingleShot(True)
        self._resized.setInterval(200)
        self._resized.timeout.connect(self._rescale_images)
        self.browser.viewport().installEventFilter(self)

        self.resize(1180, 640)
        self.browser.image_width = self._image_width(800)
        self._scaled_for = self.browser.image_width
        self._open_file(self.path)

    # --- the document -----------------------------------------------------------------------
    def _open_file(self, path: Path) -> None:
        if not path.is_file():
            self.browser.setPlainText(
                self.tr("The user guide was not found: {path}").format(path=path)
            )
            return
        self.browser.setSource(
            QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource
        )

    def _loaded(self) -> None:
        """A file was shown: its headings, the table of contents, the pending section."""
        self._size_images()
        self.headings = headings_of(self.browser.document())
        self._target = None
        self.toc.clear()
        chapter: QTreeWidgetItem | None = None
        for heading in self.headings:
            if heading.level == 2 or (heading.level == 3 and chapter is None):
                chapter = QTreeWidgetItem(self.toc, [heading.title])
                item = chapter
            elif heading.level == 3 and chapter is not None:
                item = QTreeWidgetItem(chapter, [heading.title])
            else:
                continue
            item.setData(0, Qt.ItemDataRole.UserRole, heading.anchor)
            item.setToolTip(0, heading.title)
        self._search_changed(self.search.text())
        if self._pending is not None and self.isVisible():
            QTimer.singleShot(0, self._go_pending)

    def _size_images(self) -> None:
        """Give every image its size on screen, read from the file's header: the layout then
        needs no pixels, and only the images scrolled into view are read (all of them at
        once took a second)."""
        document = self.browser.document()
        found = []
        block = document.begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                if fragment.charFormat().isImageFormat():
                    found.append((fragment.position(), fragment.charFormat().toImageFormat()))
                fragments += 1
            block = block.next()
        limit = self.browser.image_width
        for position, image in found:
            path = self.browser.source().resolved(QUrl(image.name())).toLocalFile()
            size = QImageReader(path).size() if path else None
            if size is None or not size.isValid():
                continue
            width = min(size.width(), limit)
            image.setWidth(width)
            image.setHeight(size.height() * width / size.width())
            cursor = QTextCursor(document)
            cursor.setPosition(position)
            cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(image)

    def document_text(self) -> str:
        return self.browser.document().toPlainText()

    def chapters(self) -> list[str]:
        """The titles of the table of contents' top level."""
        return [_item(self.toc, i).text(0) for i in range(self.toc.topLevelItemCount())]

    # --- moving around -------------------------------------------------------------------
    def go_to(self, anchor: str) -> bool:
        """Show the heading `anchor` at the top (once the window is shown); False when the
        document has no such heading."""
        if not any(h.anchor == anchor for h in self.headings):
            return False
        self._pending = anchor
        if self.isVisible():
            self._go_pending()
        return True

    def _go_pending(self) -> None:
        anchor, self._pending = self._pending, None
        heading = next((h for h in self.headings if h.anchor == anchor), None)
        if heading is None:
            return
        document = self.browser.document()
        block = document.findBlock(heading.position)
        top = document.documentLayout().blockBoundingRect(block).top()
        cursor = QTextCursor(block)
        self.browser.setTextCursor(cursor)
        self._target = heading
        self.browser.verticalScrollBar().setValue(int(top))
        self._select_in_toc(heading.anchor)

    def current_section(self) -> str | None:
        """The anchor of the last heading at or above the top of the view; or of the
        heading last gone to while it is in view (the last one of the file cannot reach
        the top)."""
        document = self.browser.document()
        layout = document.documentLayout()
        top = self.browser.verticalScrollBar().value() + 4

        def y(heading: Heading) -> float:
            return layout.blockBoundingRect(document.findBlock(heading.position)).top()

        target = self._target
        if target is not None and top - 4 <= y(target) < top + self.browser.viewport().height():
            return target.anchor
        current = None
        for heading in self.headings:
            if heading.level > 3:
                continue
            if y(heading) > top:
                break
            current = heading.anchor
        return current

    def _toc_chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        anchor = item.data(0, Qt.ItemDataRole.UserRole)
        if anchor:
            self.go_to(str(anchor))

    def _follow_scroll(self, _value: int) -> None:
        current = self.current_section()
        if current is not None:
            self._select_in_toc(current)

    def _select_in_toc(self, anchor: str) -> None:
        found = self._toc_item(anchor)
        if found is None or found is self.toc.currentItem():
            return
        self.toc.blockSignals(True)
        chapter = found.parent() or found
        for i in range(self.toc.topLevelItemCount()):  # only the chapter read is open
            item = _item(self.toc, i)
            item.setExpanded(item is chapter)
        self.toc.setCurrentItem(found)
        self.toc.scrollToItem(found)
        self.toc.blockSignals(False)

    def _toc_item(self, anchor: str) -> QTreeWidgetItem | None:
        for i in range(self.toc.topLevelItemCount()):
            chapter = _item(self.toc, i)
            for item in (chapter, *(chapter.child(j) for j in range(chapter.childCount()))):
                if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == anchor:
                    return item
        return None

    def _link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        target = self.browser.source().resolved(url)
        path = target.toLocalFile()  # without the #fragment
        if path == self.browser.source().toLocalFile():
            self.go_to(url.fragment())
        elif path.endswith(".md"):
            self._pending = target.fragment() or None
            self.browser.setSource(
                QUrl.fromLocalFile(path), QTextDocument.ResourceType.MarkdownResource
            )
            if self._pending is None:
                self.browser.verticalScrollBar().setValue(0)
        elif path and Path(path).exists():
            QDesktopServices.openUrl(target)  # a picture: the system's image viewer

    # --- searching -----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def find_next(self) -> bool:
        """Select the next match of the search text after the cursor (from the top again
        after the last one) and scroll to it."""
        text = self.search.text().strip()
        if not text:
            return False
        if self.browser.find(text):
            return True
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        return self.browser.find(text)

    def _search_changed(self, text: str) -> None:
        """Every match highlighted, how many there are, and the first after the view's top."""
        text = text.strip()
        selections = []
        if text:
            document = self.browser.document()
            tint = QTextCharFormat()
            tint.setBackground(QColor("#fde68a"))
            cursor = document.find(text)
            while not cursor.isNull():
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = tint
                selections.append(selection)
                cursor = document.find(text, cursor)
        self.browser.setExtraSelections(selections)
        self.found.setVisible(bool(text))
        if not text:
            return
        if selections:
            self.found.setText(self.tr("Found {n}×. Enter: next.").format(n=len(selections)))
            top = self.browser.cursorForPosition(self.browser.viewport().rect().topLeft())
            self.browser.setTextCursor(top)
            self.find_next()
        else:
            self.found.setText(self.tr("Not found: {text}").format(text=text))

    # --- images at the width of the text ---------------------------------------------------
    def _image_width(self, viewport: int) -> int:
        return max(320, min(1366, viewport - 2 * MARGIN))

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        if (
            watched is self.browser.viewport()
            and isinstance(event, QResizeEvent)
            and abs(self._image_width(event.size().width()) - self._scaled_for) > 40
        ):
            if not self._resized.isActive():  # the text is not yet laid out anew
                self._keep = self.current_section()
            self._resized.start()
        return super().eventFilter(watched, event)

    def _rescale_images(self) -> None:
        """Load the file again with its images at the new width, keeping the place."""
        width = self._image_width(self.browser.viewport().width())
        if width == self._scaled_for or not self.headings:
            return
        self._scaled_for = self.browser.image_width = width
        self._pending = self._keep
        self.browser.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending is not None:
            QTimer.singleShot(0, self._go_pending)


def _item(tree: QTreeWidget, row: int) -> QTreeWidgetItem:
    item = tree.topLevelItem(row)
    assert item is not None
    return item


def section_for(window: Any) -> str | None:
    """Where the guide opens for `window`: the English summary in English, else the
    section about the page shown (None: the beginning)."""
    from app.ui.i18n import current_language

    if current_language() == "en":
        return ENGLISH_SUMMARY
    shown = window.pages.currentWidget()
    key = next((k for k, w in window.page_widgets.items() if w is shown), None)
    return PAGE_SECTIONS.get(key) if key else None


def show_guide(window: Any) -> UserGuideDialog:
    """F1 (app.features.help): the guide at the section of the page shown; one window,
    brought forward when it is open already."""
    section = section_for(window)
    dialog: UserGuideDialog | None = window.findChild(UserGuideDialog)
    if dialog is None:
        dialog = UserGuideDialog(window, section)
    elif section is not None:
        dialog.go_to(section)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
