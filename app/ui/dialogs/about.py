"""Tentang Loket Vokasi (menu Bantuan): the program's version, the libraries it is built on
with their versions and licences, and the notice the region data's licence (ODbL) asks for.

The list of libraries is read when the dialog opens, from the program's own package
metadata (its runtime requirements: pyproject.toml's `dependencies`) and each library's
metadata (version; licence expression, licence field or licence classifiers), so it follows
every upgrade without a list to keep. A packaged program carries that metadata
(packaging/loket.spec). The region notice is resources/regions/NOTICE.txt, shipped with the
data and its licence text (LICENSE.md).
"""

from __future__ import annotations

import html
import platform
import re
from dataclasses import dataclass
from importlib import metadata
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import app
from app.resources import resource_path
from app.ui.widgets import note, row_table

if TYPE_CHECKING:
    from app.ui.shots.session import ShotSession

DISTRIBUTION = "loket-vokasi"
REGION_NOTICE = ("regions", "NOTICE.txt")
REGION_LICENCE = ("regions", "LICENSE.md")
ICON = ("icons", "app.png")
# A licence field longer than this is cut (some packages put the licence's whole text there).
SHORT_LICENCE = 80
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_URL = re.compile(r"https?://[^\s)]+")


@dataclass(frozen=True)
class Library:
    """A runtime dependency as installed: its name, version and licence ("" if unknown)."""

    name: str
    version: str
    licence: str


def program_version() -> str:
    """The installed program's version (its package metadata), else the source's."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return app.__version__


def requirement_names() -> list[str]:
    """The names of the program's runtime requirements, in the order they are declared
    (optional extras such as `dev` left out)."""
    try:
        requires = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:
        return []
    names: list[str] = []
    for requirement in requires:
        spec, _, marker = requirement.partition(";")
        if "extra" in marker:
            continue
        match = _NAME.match(spec.strip())
        if match and match.group(0) not in names:
            names.append(match.group(0))
    return names


def _field(meta: metadata.PackageMetadata, key: str) -> str:
    values = meta.get_all(key) or []
    return str(values[0]).strip() if values else ""


def licence_of(meta: metadata.PackageMetadata) -> str:
    """A package's licence in a few words: its SPDX expression, else its licence
    classifiers (more precise than a bare "LGPL"), else its licence field (its first line:
    some packages put the whole text there)."""
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if str(c).startswith("License ::") and str(c).count("::") >= 2
    ]
    if classifiers:
        return " / ".join(classifiers)
    lines = _field(meta, "License").splitlines()
    first = lines[0].strip() if lines else ""
    return first[: SHORT_LICENCE - 1] + "…" if len(first) > SHORT_LICENCE else first


def libraries() -> list[Library]:
    """Every runtime requirement, named as the program declares it, with its installed
    version and licence."""
    found = []
    for name in requirement_names():
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            found.append(Library(name, "", ""))
            continue
        found.append(Library(name, _field(meta, "Version"), licence_of(meta)))
    return found


def region_notice() -> str:
    """The attribution the ODbL asks for, as shipped beside the region data."""
    return resource_path(*REGION_NOTICE).read_text(encoding="utf-8").strip()


def _linked(text: str) -> str:
    """Plain text as rich text, its web addresses made links."""
    escaped = html.escape(text)
    linked = _URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped)
    return "<br><br>".join(" ".join(p.split("\n")) for p in linked.split("\n\n"))


class AboutDialog(QDialog):
    """Tentang Loket Vokasi: version, libraries and licences, the region data's notice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Loket Vokasi"))
        self.setMinimumWidth(760)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)

        top = QHBoxLayout()
        top.setSpacing(14)
        icon = QLabel(self)
        icon.setPixmap(QPixmap(str(resource_path(*ICON))).scaledToWidth(64))
        top.addWidget(icon)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        name = QLabel("Loket Vokasi", self)
        name.setObjectName("heading")
        titles.addWidget(name)
        self.version = QLabel(self.tr("Version {version}").format(version=program_version()), self)
        self.version.setObjectName("section")
        titles.addWidget(self.version)
        titles.addWidget(
            note(
                self.tr(
                    "Counter program of the BPJAMSOSTEK vocational training programme. "
                    "Python {python}, Qt {qt}."
                ).format(python=platform.python_version(), qt=qVersion()),
                self,
            )
        )
        top.addLayout(titles, 1)
        layout.addLayout(top)

        # Two tabs: the list of libraries needs the height, the notice must not be squeezed.
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._libraries_tab(), self.tr("Libraries"))
        self.tabs.addTab(self._regions_tab(), self.tr("Region data"))
        layout.addWidget(self.tabs, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("primary")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.close_button.setFocus()

    def _libraries_tab(self) -> QWidget:
        tab = QWidget(self)
        column = QVBoxLayout(tab)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(8)
        column.addWidget(note(self.tr("The libraries the program is built on:"), tab))
        self.libraries = libraries()
        self.table = QTableWidget(len(self.libraries), 3, tab)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Library"), self.tr("Version"), self.tr("Licence")]
        )
        row_table(self.table)
        for row, library in enumerate(self.libraries):
            values = (
                library.name,
                library.version or self.tr("not installed"),
                library.licence or self.tr("not stated"),
            )
            for column_no, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column_no, item)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(1, 110)
        rows = self.table.verticalHeader().defaultSectionSize()
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setMinimumHeight(header + 7 * rows + 4)
        column.addWidget(self.table, 1)
        column.addWidget(
            note(
                self.tr(
                    "Each library's full licence text comes with it (in the program folder, "
                    "in the library's .dist-info folder)."
                ),
                tab,
            )
        )
        return tab

    def _regions_tab(self) -> QWidget:
        tab = QWidget(self)
        column = QVBoxLayout(tab)
        column.setContentsMargins(12, 12, 12, 12)
        licence = resource_path(*REGION_LICENCE)
        self.notice = QLabel(
            _linked(region_notice())
            + "<br><br>"
            + self.tr('The licence text: <a href="{url}">{file}</a>').format(
                url=html.escape(QUrl.fromLocalFile(str(licence)).toString()),
                file=html.escape(str(licence)),
            ),
            tab,
        )
        self.notice.setWordWrap(True)
        self.notice.setOpenExternalLinks(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        column.addWidget(self.notice)
        column.addStretch(1)
        return tab


def show_about(window: QWidget) -> AboutDialog:
    """Open the About box over `window` (the main window's command, app.features.about)."""
    dialog = AboutDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def screenshot(session: ShotSession) -> None:
    """`loket screenshots`: the About box over the main window. In a packaged program this
    also shows that the libraries' metadata went into the folder (scripts/build_installer.sh)."""
    from app.ui.shots.session import settle

    window = session.window
    dialog = show_about(window)
    settle()
    session.save("about", dialog, window)
    dialog.close()
