"""The intake form's training choices are picks from the active modules; a choice typed
before the catalogue existed is shown as it was, so saving does not drop it (issue #9)."""

from __future__ import annotations


def test_the_choices_list_the_active_modules_and_keep_an_old_typed_one(qtbot, ctx, admin):
    from app.ui.intake.view import IntakeView

    view = IntakeView(ctx, admin)
    qtbot.addWidget(view)
    combo = view.form.widget_of("pilihan_pelatihan_1")
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items[0] == "" and len(items) == 9  # blank and the eight seeded modules
    assert "Juru Las (SMAW) (LAS)" in items
    view.load({"pilihan_pelatihan_1": "Menjahit garmen", "pilihan_pelatihan_2": "LAS"})
    assert combo.currentText() == "Menjahit garmen"
    assert view.form.widget_of("pilihan_pelatihan_2").currentText() == "Juru Las (SMAW) (LAS)"
    values = view.values()
    assert (values["pilihan_pelatihan_1"], values["pilihan_pelatihan_2"]) == (
        "Menjahit garmen",
        "LAS",
    )
