"""Form rows with an error line under each input, filled from `LoketError.field`.

Services name the input that caused a refusal (`ValidationError(..., field="password")`);
the form shows the sentence right under that input, in red, and puts the cursor there. A
refusal that names no known input goes to the form's general line or, without one, to
`messages.show_error`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.errors import LoketError
from app.ui import messages
from app.ui.widgets import note


def password_edit(parent: QWidget | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def fit_window(widget: QWidget) -> None:
    """Let a dialog grow when an error line appears (Qt does not re-measure wrapped text)."""
    window = widget.window()
    if window.isWindow() and window.isVisible() and not window.isMaximized():
        hold_minimum_height(window)
        window.adjustSize()


def hold_minimum_height(window: QWidget) -> None:
    """Make `window`'s smallest height the one its wrapped lines need at its smallest width.

    Qt counts a word-wrapped label as one line in a window's minimum size, so a dialog
    made as small as it goes, or one whose error lines just appeared, squeezed its rows
    over each other (the set-up screen's messages overlapped the inputs below them)."""
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    width = max(window.minimumWidth(), layout.totalMinimumSize().width())
    window.setMinimumHeight(layout.totalMinimumHeightForWidth(width))


def error_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class FieldErrors:
    """Error lines of one form, keyed by the service's field names."""

    def __init__(self, owner: QWidget) -> None:
        self.owner = owner
        self._labels: dict[str, QLabel] = {}
        self._inputs: dict[str, QWidget] = {}
        self.general: QLabel | None = None

    def add_row(
        self, form: QFormLayout, label: str, field: str, widget: QWidget, hint: str = ""
    ) -> QLabel:
        """Add `label: widget` to `form`, with an optional grey hint and an error line
        under the widget."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if hint:
            column.addWidget(note(hint, box))
        error = error_label(box)
        column.addWidget(error)
        caption = QLabel(label)
        caption.setBuddy(widget)
        form.addRow(caption, box)
        self.register(field, widget, error)
        return error

    def register(self, field: str, widget: QWidget, error: QLabel) -> None:
        self._inputs[field] = widget
        self._labels[field] = error

    def label(self, field: str) -> QLabel:
        return self._labels[field]

    def first_input(self) -> QWidget | None:
        """The input of the first row added (the top of the form)."""
        return next(iter(self._inputs.values()), None)

    def clear(self) -> None:
        for label in self._labels.values():
            label.clear()
            label.setMinimumHeight(0)
            label.setVisible(False)
        if self.general is not None:
            self.general.clear()
            self.general.setVisible(False)

    def set(self, field: str, text: str) -> None:
        """Show `text` under the input named `field` and move the cursor there."""
        label = self._labels[field]
        label.setText(text)
        label.setVisible(True)
        # A form row does not re-measure wrapped text by itself. The line is as wide as its
        # row, not as its input (a narrow spin box made a two-line sentence eleven lines
        # tall, over the next row).
        row = label.parentWidget()
        width = row.contentsRect().width() if row is not None else 0
        if width > 0:
            label.setMinimumHeight(label.heightForWidth(width))
        self._inputs[field].setFocus()
        fit_window(self.owner)

    def show(self, exc: BaseException) -> None:
        """Put a refusal next to its field; anything else goes to messages.show_error."""
        if isinstance(exc, LoketError):
            messages.report(exc)
            if exc.field in self._labels:
                self.set(exc.field, messages.error_text(exc))
                return
            if self.general is not None:
                self.general.setText(messages.error_text(exc))
                self.general.setVisible(True)
                fit_window(self.owner)
                return
        messages.show_error(self.owner, exc)

    def first_error(self) -> str:
        """Text of the first visible error line (for tests and screen readers)."""
        for label in [*self._labels.values(), self.general]:
            if label is not None and label.text():
                return label.text()
        return ""
