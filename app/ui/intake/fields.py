"""Inputs of the intake form: dates as text, choice lists, the region pickers, and the
keyboard rule that Enter moves to the next input instead of submitting.

Dates are plain text (DD/MM/YYYY); the service checks them and says what is wrong next to
the input, so a clerk can type "17/08/1990" or "17-8-1990" without fighting an input mask.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from app.domain.parsing import ParseError, parse_date
from app.domain.regions import Region
from app.formats import date_text
from app.resources import regions

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def text_edit(placeholder: str = "", max_length: int = 200) -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(max_length)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def date_edit() -> QLineEdit:
    """DD/MM/YYYY as text; only digits and date separators can be typed. A date typed
    another way (`06051993`, `6-5-1993`) is shown as DD/MM/YYYY once the clerk leaves it,
    so the clerk sees the day the program understood."""
    edit = text_edit(QCoreApplication.translate("fields", "DD/MM/YYYY"), 10)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9/.\- ]{0,10}"), edit))
    edit.setMaximumWidth(150)
    edit.editingFinished.connect(lambda: _show_date(edit))
    return edit


def _show_date(edit: QLineEdit) -> None:
    try:
        day = parse_date(edit.text())
    except ParseError:
        return  # the check says what is wrong, next to the input
    if day is not None and edit.text() != date_text(day):
        edit.setText(date_text(day))


def digits_edit(placeholder: str, max_length: int) -> QLineEdit:
    """Numbers such as NIK, KPJ or an account: digits, spaces, dots and dashes only."""
    edit = text_edit(placeholder, max_length)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9 .\-]*"), edit))
    return edit


def choice_combo(items: list[tuple[str, str]], blank: str = "") -> QComboBox:
    """A fixed list; the first entry is empty (not filled in). Typing a letter picks."""
    combo = QComboBox()
    combo.addItem(blank, "")
    for label, value in items:
        combo.addItem(label, value)
    combo.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return combo


def line_edit_of(combo: QComboBox) -> QLineEdit:
    edit = combo.lineEdit()
    assert edit is not None, "only for editable combo boxes"
    return edit


def set_combo_value(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    if index < 0 and value and combo.property("keepUnknown"):
        # a value from before the list existed (a training choice typed as free text):
        # shown as it was, so saving the form does not silently drop it
        combo.addItem(value, value)
        index = combo.count() - 1
    combo.setCurrentIndex(index if index >= 0 else 0)


def module_combo(modules: list[tuple[str, str]]) -> QComboBox:
    """A pick from the active modules (shown `Name (CODE)`, the code is stored); a choice
    typed before the catalogue existed is added and shown as it was (set_combo_value)."""
    combo = choice_combo([(f"{name} ({code})", code) for code, name in modules])
    combo.setProperty("keepUnknown", True)
    return combo


def _words_in(typed: str, name: str) -> bool:
    """Every word typed is inside the name, in any order: "merah" finds "Pal Merah",
    "barat jakarta" finds "Kota Administrasi Jakarta Barat"."""
    return all(word in name for word in typed.split())


def _by_name(items: list[Region]) -> list[Region]:
    return sorted(items, key=lambda r: (r.name.casefold(), r.code))


class RegionPicker(QWidget):
    """Province → regency → district from the Kemendagri list, alphabetically, each
    searchable by any word inside its name. `code()` is the district code, or the regency
    code when no district is chosen, or "" (a province alone is not precise enough for an
    address). A picker waiting for the one above says so; once it can be used, it says
    "type to search".

    Signals:
        changed(): the chosen region changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        captions = (self.tr("Province"), self.tr("Regency / city"), self.tr("District"))
        self.searchable = self.tr("type to search")
        self.waiting = {
            "regency": self.tr("choose the province first"),
            "district": self.tr("choose the regency first"),
        }
        self.province = self._combo(self.searchable)
        self.regency = self._combo(self.waiting["regency"])
        self.district = self._combo(self.waiting["district"])
        for row, (caption, combo) in enumerate(
            zip(captions, (self.province, self.regency, self.district), strict=True)
        ):
            label = QLabel(caption)
            label.setObjectName("note")
            label.setBuddy(combo)
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
        grid.setColumnStretch(1, 1)
        self._fill(self.province, list(regions().provinces.values()))
        self.province.currentIndexChanged.connect(self._province_changed)
        self.regency.currentIndexChanged.connect(self._regency_changed)
        self.district.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def _combo(self, placeholder: str) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line_edit_of(combo).setPlaceholderText(placeholder)
        combo.setMinimumWidth(120)
        completer = QCompleter(combo.model(), combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        line_edit_of(combo).editingFinished.connect(lambda: self.resolve(combo))
        return combo

    @staticmethod
    def _fill(combo: QComboBox, items: list[Region]) -> None:
        combo.blockSignals(True)
        combo.clear()
        for region in _by_name(items):
            combo.addItem(region.name, region.code)
            combo.setItemData(combo.count() - 1, region.code, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(-1)
        combo.blockSignals(False)

    def _province_changed(self, _index: int) -> None:
        code = self.province.currentData()
        self._fill(self.regency, regions().regencies_of(code) if code else [])
        self._fill(self.district, [])
        self._hint(self.regency, "regency", bool(code))
        self._hint(self.district, "district", False)
        self.changed.emit()

    def _regency_changed(self, _index: int) -> None:
        code = self.regency.currentData()
        self._fill(self.district, regions().districts_of(code) if code else [])
        self._hint(self.district, "district", bool(code))
        self.changed.emit()

    def _hint(self, combo: QComboBox, name: str, ready: bool) -> None:
        line_edit_of(combo).setPlaceholderText(self.searchable if ready else self.waiting[name])

    def resolve(self, combo: QComboBox) -> None:
        """Match what was typed to one entry: the whole name, a code, or a unique part."""
        typed = " ".join(combo.currentText().split()).lower()
        current = combo.currentIndex()
        if current >= 0 and combo.itemText(current).lower() == typed:
            return
        names = [combo.itemText(i).lower() for i in range(combo.count())]
        codes = [str(combo.itemData(i)) for i in range(combo.count())]
        index = -1
        if typed in names:
            index = names.index(typed)
        elif typed in codes:
            index = codes.index(typed)
        elif typed:
            parts = [i for i, name in enumerate(names) if _words_in(typed, name)]
            index = parts[0] if len(parts) == 1 else -1
        if index >= 0:
            combo.setCurrentIndex(index)
            combo.setEditText(combo.itemText(index))
        elif not typed:
            combo.setCurrentIndex(-1)
        completer = combo.completer()
        popup = completer.popup() if completer is not None else None
        if popup is not None:
            popup.hide()
        self.changed.emit()

    def code(self) -> str:
        for combo in (self.district, self.regency):
            if combo.currentIndex() >= 0 and combo.currentText() == combo.itemText(
                combo.currentIndex()
            ):
                return str(combo.currentData())
        return ""

    def unresolved(self) -> bool:
        """Something was typed that matches no entry of the list."""
        for combo in (self.province, self.regency, self.district):
            index = combo.currentIndex()
            text = combo.currentText().strip()
            if text and (index < 0 or combo.itemText(index) != text):
                return True
        return False

    def set_code(self, code: str) -> None:
        parts = code.split(".") if code else []
        for depth, combo in enumerate((self.province, self.regency, self.district)):
            wanted = ".".join(parts[: depth + 1]) if len(parts) > depth else None
            index = combo.findData(wanted) if wanted else -1
            combo.setCurrentIndex(index)
            if index < 0:
                combo.setEditText("")
        self.changed.emit()

    def inputs(self) -> list[QWidget]:
        return [self.province, self.regency, self.district]


class EnterMovesOn(QObject):
    """Enter in an input moves to the next input (a form is never sent by Enter); leaving an
    input reports it, so the form can check that field.

    Signals:
        left(object): the input that lost the keyboard focus.
    """

    left = Signal(object)

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)
        if isinstance(widget, QComboBox) and widget.isEditable():
            line_edit_of(widget).installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if event.key() in ENTER_KEYS and plain:
                target = watched if isinstance(watched, QWidget) else None
                owner = target.parent() if isinstance(target, QLineEdit) else None
                if isinstance(owner, QComboBox):
                    target = owner
                if isinstance(target, QComboBox) and target.isEditable():
                    line_edit_of(target).editingFinished.emit()
                if target is not None:
                    target.focusNextChild()
                return True
        elif event.type() == QEvent.Type.FocusOut and isinstance(watched, QWidget):
            self.left.emit(watched)
        return False
