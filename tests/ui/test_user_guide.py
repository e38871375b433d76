"""The user guide (issue #14, item 3): docs/panduan.md, in Indonesian with an English summary,
opened inside the program with F1 or the Bantuan menu at the section of the page shown, with
a table of contents and a search box; its pictures exist, its links and the pages' sections
land on headings it has, and every shortcut it tells a clerk to press is one the program
has."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QImage, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from app import features
from app.resources import docs_path, resource_path
from app.ui import i18n
from app.ui.dialogs.user_guide import (
    ENGLISH_SUMMARY,
    PAGE_SECTIONS,
    UserGuideDialog,
    anchor_of,
    show_guide,
)
from app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
GUIDE = docs_path("panduan.md")
ENGLISH_HEADING = "## English summary"
KEYS = re.compile(r"(?<![\w+])(?:(?:Ctrl|Alt|Shift)\+)+(?:F\d{1,2}|[A-Z0-9])\b|\bF\d{1,2}\b")
# Common English words that have no place in an Indonesian sentence.
ENGLISH_WORDS = {
    "the", "and", "with", "you", "your", "when", "this", "that", "these", "those", "is",
    "are", "was", "be", "to", "of", "for", "from", "by", "on", "in", "at", "it", "its",
    "or", "not", "no", "can", "will", "must", "should", "click", "press", "open", "save",
    "print", "button", "page", "field", "list", "select", "choose", "then", "first",
    "each", "every", "here", "there", "which", "what", "who", "how", "only", "also",
    "after", "before", "until", "again", "new", "old", "paid", "payment", "receipt",
    "attendance", "cohort", "participant", "supervisor's", "clerk", "office", "settings",
    "warning", "error", "backup", "restore", "sign", "signed", "approve", "approved",
}  # fmt: skip


def _guide_text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def _indonesian_part() -> str:
    text = _guide_text()
    assert ENGLISH_HEADING in text
    return text.split(ENGLISH_HEADING)[0]


def _window(qtbot, ctx, actor) -> MainWindow:
    window = MainWindow(ctx, actor, ctx.startup_info(), sync_interval_ms=0)
    qtbot.addWidget(window)
    window.show()
    _activate(qtbot, window)
    return window


def _activate(qtbot, window: QWidget) -> None:
    window.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)


def _dialog(qtbot, section: str | None = None) -> UserGuideDialog:
    dialog = UserGuideDialog(None, section)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


# --- opening it ---------------------------------------------------------------------------


def test_f1_opens_the_guide_at_the_section_of_the_page_shown(qtbot, ctx, admin):
    window = _window(qtbot, ctx, admin)
    window.open("payments")
    QTest.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(UserGuideDialog) is not None, timeout=5_000)
    dialog = window.findChild(UserGuideDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    qtbot.waitUntil(lambda: dialog.current_section() == PAGE_SECTIONS["payments"], timeout=5_000)
    assert dialog.browser.verticalScrollBar().value() > 0
    assert dialog.toc.currentItem().text(0).startswith("2.8 Pembayaran")
    assert not dialog.isModal()  # a clerk reads it while working

    # F1 again from another page: the same window, at that page's section
    window.open("cohorts")
    _activate(qtbot, window)
    QTest.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: dialog.current_section() == PAGE_SECTIONS["cohorts"], timeout=5_000)
    assert window.findChildren(UserGuideDialog) == [dialog]


@pytest.mark.qt_log_ignore("does not support grabbing the keyboard")  # a menu, offscreen
def test_the_bantuan_menu_lists_the_guide_with_f1(qtbot, ctx, admin):
    window = _window(qtbot, ctx, admin)
    menu = next(m for m in window.menus.values() if m.title() == "Bantuan")
    button = next(b for b in window.menu_buttons if b.text().startswith("Bantuan"))
    assert button.isVisible() and window.statusBar().isAncestorOf(button)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(menu.isVisible, timeout=5_000)
    assert menu.geometry().bottom() <= button.mapToGlobal(button.rect().topLeft()).y()
    guide = menu.actions()[0]  # first, before anything else the menu holds
    assert guide.text() == "Panduan" and guide.shortcut() == QKeySequence("F1")
    menu.hide()
    guide.trigger()
    qtbot.waitUntil(lambda: window.findChild(UserGuideDialog) is not None, timeout=5_000)
    dialog = window.findChild(UserGuideDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    # from Beranda, the section about the main window and its shortcuts
    qtbot.waitUntil(lambda: dialog.current_section() == PAGE_SECTIONS["home"], timeout=5_000)


def test_in_english_it_opens_at_the_english_summary(qtbot, ctx, admin):
    i18n.apply_language("en")
    window = _window(qtbot, ctx, admin)
    window.open("payments")
    dialog = show_guide(window)
    qtbot.waitUntil(lambda: dialog.current_section() == ENGLISH_SUMMARY, timeout=5_000)


def test_the_guide_is_found_beside_the_resources_as_a_frozen_build_has_it(qtbot, tmp_path):
    # app/resources.py takes both folders beside the `app` package: the spec must put
    # docs/panduan.md and docs/screenshots/ there (next to resources/)
    assert resource_path().parent / "docs" / "panduan.md" == GUIDE
    assert GUIDE.is_file()
    missing = tmp_path / "panduan.md"
    dialog = UserGuideDialog(None, path=missing)
    qtbot.addWidget(dialog)
    assert str(missing) in dialog.document_text()
    assert dialog.chapters() == []


# --- finding one's way --------------------------------------------------------------------


def test_the_table_of_contents_lists_the_six_chapters_then_the_english_summary(qtbot):
    dialog = _dialog(qtbot)
    assert dialog.chapters() == [
        "1. Memasang dan menyiapkan kantor",
        "2. Hari kerja di loket",
        "3. Tugas supervisor",
        "4. Sinkronisasi",
        "5. Cadangan dan pemulihan",
        "6. Bila terjadi masalah",
        "English summary",
    ]
    chapter = dialog.toc.topLevelItem(5)
    sections = [chapter.child(i).text(0) for i in range(chapter.childCount())]
    assert "6.2 Lupa kata sandi atau akun terkunci" in sections
    # choosing an entry shows it at the top
    QTest.mouseClick(
        dialog.toc.viewport(),
        Qt.MouseButton.LeftButton,
        pos=dialog.toc.visualItemRect(chapter).center(),
    )
    qtbot.waitUntil(lambda: dialog.current_section() == "6-bila-terjadi-masalah", timeout=5_000)


def test_searching_a_word_moves_to_it_and_enter_to_the_next(qtbot):
    dialog = _dialog(qtbot)
    assert dialog.browser.verticalScrollBar().value() == 0
    QTest.keyClick(dialog, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dialog.search.hasFocus, timeout=5_000)
    QTest.keyClicks(dialog.search, "meterai")
    cursor = dialog.browser.textCursor()
    assert cursor.selectedText().lower() == "meterai"
    first = cursor.position()
    assert dialog.browser.verticalScrollBar().value() > 0  # scrolled to it
    assert dialog.current_section() == "15-pengaturan-kantor"
    assert "Ditemukan" in dialog.found.text()
    QTest.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.browser.textCursor().position() > first
    assert dialog.browser.textCursor().selectedText().lower() == "meterai"

    dialog.search.clear()
    QTest.keyClicks(dialog.search, "zzkatayangtidakada")
    assert "Tidak ditemukan" in dialog.found.text()


def test_a_link_to_the_screen_reference_opens_in_the_window_and_back_returns(qtbot):
    dialog = _dialog(qtbot)
    assert "(user-guide.md)" in _guide_text()
    dialog._link(QUrl("user-guide.md"))
    qtbot.waitUntil(lambda: dialog.browser.source().fileName() == "user-guide.md")
    assert dialog.chapters()[0].startswith("Layar dan papan ketik")
    assert dialog.back_button.isEnabled()
    QTest.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.browser.source().fileName() == "panduan.md")
    assert dialog.chapters()[0] == "1. Memasang dan menyiapkan kantor"
    # a link inside the guide goes to its heading
    dialog._link(QUrl("#53-memulihkan-cadangan"))
    qtbot.waitUntil(lambda: dialog.current_section() == "53-memulihkan-cadangan", timeout=5_000)


# --- the file itself ----------------------------------------------------------------------


def test_every_picture_exists_loads_and_is_shown(qtbot):
    names = re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", _guide_text())
    assert len(names) >= 25 and "screenshots/panduan.png" in names
    for name in names:
        path = GUIDE.parent / name
        assert path.is_file(), name
        assert not QImage(str(path)).isNull(), name
    dialog = _dialog(qtbot)
    shown = []
    block = dialog.browser.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            form = fragments.fragment().charFormat()
            if form.isImageFormat():
                image = form.toImageFormat()
                shown.append(image.name())
                assert 0 < image.width() <= dialog.browser.image_width, image.name()
            fragments += 1
        block = block.next()
    assert shown == names


def test_every_page_has_a_section_and_every_link_lands_on_a_heading(qtbot):
    dialog = _dialog(qtbot)
    anchors = {h.anchor for h in dialog.headings}
    assert len(anchors) == len(dialog.headings)  # no two headings alike
    for page in features.pages():
        assert PAGE_SECTIONS.get(page.key) in anchors, (
            f"page {page.key}: add its section to docs/panduan.md and PAGE_SECTIONS"
        )
    assert ENGLISH_SUMMARY in anchors
    links = re.findall(r"\]\(#([^)]+)\)", _guide_text())
    assert len(links) >= 10
    assert set(links) <= anchors, set(links) - anchors
    assert anchor_of("2.8 Pembayaran uang saku dan transport") == (
        "28-pembayaran-uang-saku-dan-transport"
    )


def test_the_indonesian_chapters_hold_no_english_sentence():
    text = _indonesian_part()
    text = re.sub(r"```.*?```", " ", text, flags=re.S)  # commands
    text = re.sub(r"`[^`]*`", " ", text)  # file names, commands
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets
    found = sorted({w for w in re.findall(r"[A-Za-z']+", text) if w.lower() in ENGLISH_WORDS})
    assert found == []
    # and the English summary speaks to each of the six chapters
    summary = _guide_text().split(ENGLISH_HEADING)[1]
    assert [int(n) for n in re.findall(r"^\*\*(\d)\. ", summary, flags=re.M)] == [
        1, 2, 3, 4, 5, 6,
    ]  # fmt: skip


def _normal(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.PortableText)


def _shortcuts_of(widget: QWidget) -> set[str]:
    found = {a.shortcut() for a in widget.findChildren(QAction)}
    found |= {a.shortcut() for a in widget.actions()}
    found |= {s.key() for s in widget.findChildren(QShortcut)}
    found |= {b.shortcut() for b in widget.findChildren(QAbstractButton)}
    return {k.toString(QKeySequence.SequenceFormat.PortableText) for k in found} - {""}


def _shortcuts_in_the_code() -> set[str]:
    """Key sequences written as whole string literals in the window code and the feature
    declarations (a page's inner buttons and dialogs are made only when opened)."""
    literal = re.compile(r"""["']((?:(?:Ctrl|Alt|Shift)\+)+(?:F\d{1,2}|[A-Z0-9])|F\d{1,2})["']""")
    found = set()
    for folder in (ROOT / "app" / "ui", ROOT / "app" / "features"):
        for path in folder.rglob("*.py"):
            found |= {_normal(k) for k in literal.findall(path.read_text(encoding="utf-8"))}
    return found


def test_every_shortcut_the_guide_cites_is_one_the_program_has(qtbot, ctx, admin):
    window = _window(qtbot, ctx, admin)
    dialog = show_guide(window)
    real = _shortcuts_of(window) | _shortcuts_of(dialog) | _shortcuts_in_the_code()
    real |= {_normal(a.shortcut) for a in features.actions()}
    assert {"F1", "Ctrl+N", "Ctrl+6", "Alt+2", "Ctrl+Shift+B", "Ctrl+F"} <= real
    assert "Ctrl+Shift+Q" not in real and "F5" not in real  # the check can fail
    cited = {_normal(k) for k in KEYS.findall(_guide_text())}
    assert len(cited) >= 25
    assert cited - real == set()


def test_the_page_shortcuts_in_the_guide_are_the_sidebar_s(qtbot, ctx, admin):
    window = _window(qtbot, ctx, admin)
    sidebar = {
        window.nav.item(i).text(): window.nav.item(i).toolTip() for i in range(window.nav.count())
    }
    table = dict(
        re.findall(
            r"^\| \*\*(\w+)\*\* \| (Ctrl\+(?:Shift\+)?\w) \|", _indonesian_part(), flags=re.M
        )
    )
    assert table == sidebar


@pytest.mark.parametrize("page", ["participants", "settings", "sync"])
def test_the_guide_opens_from_each_page_at_its_section(qtbot, ctx, admin, page):
    window = _window(qtbot, ctx, admin)
    window.open(page)
    dialog = show_guide(window)
    qtbot.waitUntil(lambda: dialog.current_section() == PAGE_SECTIONS[page], timeout=5_000)


def test_a_wider_window_shows_wider_pictures_at_the_same_section(qtbot):
    dialog = _dialog(qtbot, "26-absensi-harian")
    qtbot.waitUntil(lambda: dialog.current_section() == "26-absensi-harian", timeout=5_000)
    narrow = dialog.browser.image_width
    dialog.resize(1500, 800)
    qtbot.waitUntil(lambda: dialog.browser.image_width > narrow + 200, timeout=5_000)
    qtbot.waitUntil(lambda: dialog.current_section() == "26-absensi-harian", timeout=5_000)
