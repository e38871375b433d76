"""The intake form refuses a formula-looking name next to the field, like the import does
(issue #7 part 7: both go through app.domain.intake.check_intake)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.helpers import click
from tests.ui.participant_helpers import participants_page, settle


def test_a_formula_typed_as_a_name_is_refused_next_to_the_name(qtbot, ctx, admin):
    page = participants_page(qtbot, ctx, admin)
    click(qtbot, page.list.new_button)
    view = page.intake
    name = view.form.widget_of("nama")
    name.setFocus()
    qtbot.keyClicks(name, '=HYPERLINK("http://x","y")')
    qtbot.keyClick(name, Qt.Key.Key_Return)  # on to the next input, as a clerk does
    settle(qtbot)
    error = view.form.errors.label("nama")
    assert error.isVisible()
    assert error.text().startswith("Nilai ini tampak seperti rumus Excel (diawali =)")
