"""A new job vacancy, as an employer gives it by phone or letter: who, what position, where,
which trained modules fit it, how many people, the wage range, until when, and whom to
contact. Two columns so it fits 1366×768; the region's name shows as its code is typed.
The service checks every value; a refused one is shown under its field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.vacancy_fields import MAX_OPENINGS
from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.dialogs.base import FormDialog
from app.ui.tasks import TaskFn
from app.ui.widgets import note

DATE_HINT = "DD/MM/YYYY"
LEFT = ("employer", "npp", "sector", "position", "region_code", "contact", "source")
RIGHT = ("modules", "openings", "wage_min", "wage_max", "closes_on", "skills")


class VacancyDialog(FormDialog):
    """Record one vacancy (app.services.vacancies.add_vacancy), or correct one recorded
    (`vacancy_id`: update_vacancy, the form filled in with what is stored).

    Signals:
        succeeded(object): the new or corrected VacancyRow.
    """

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        parent: QWidget | None = None,
        vacancy_id: str | None = None,
    ) -> None:
        from app.services.modules import list_modules

        super().__init__(parent)
        self.ctx, self.actor, self.vacancy_id = ctx, actor, vacancy_id
        self.setWindowTitle(self.tr("Edit vacancy") if vacancy_id else self.tr("New vacancy"))
        self.setMinimumWidth(940)
        self.set_intro(
            self.tr(
                "A vacancy is seen at every office once it is synced. Tick the modules whose "
                "graduates fit it: matching offers it to them. Fields marked * are required."
            )
        )
        labels = {
            "employer": self.tr("Employer *"),
            "npp": self.tr("Employer NPP"),
            "sector": self.tr("Sector"),
            "position": self.tr("Position *"),
            "region_code": self.tr("Region code *"),
            "contact": self.tr("Contact *"),
            "source": self.tr("Source"),
            "modules": self.tr("Modules wanted *"),
            "openings": self.tr("Openings"),
            "wage_min": self.tr("Wage from"),
            "wage_max": self.tr("Wage up to"),
            "closes_on": self.tr("Apply by"),
            "skills": self.tr("Other skills"),
        }
        self.inputs: dict[str, QWidget] = {}
        for key in (*LEFT, *RIGHT):
            self.inputs[key] = self._input(key)
        self.modules: QListWidget = self.inputs["modules"]  # type: ignore[assignment]
        for module in list_modules(ctx.db, active_only=True):
            item = QListWidgetItem(f"{module.name} ({module.code})")
            item.setData(Qt.ItemDataRole.UserRole, module.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.modules.addItem(item)
        self.region_hint = note("", self)
        hints = {
            "region_code": "",
            "contact": self.tr("name and phone or e-mail of the person to apply to"),
            "source": self.tr("e.g. phone call, letter, job fair"),
        }
        columns = QHBoxLayout()
        columns.setSpacing(24)
        for keys in (LEFT, RIGHT):
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            form.setVerticalSpacing(6)
            for key in keys:
                error = self.errors.add_row(
                    form, labels[key], key, self.inputs[key], hints.get(key, "")
                )
                if key == "region_code":
                    box = error.parentWidget()
                    column = box.layout() if box is not None else None
                    assert isinstance(column, QVBoxLayout)
                    column.insertWidget(1, self.region_hint)
            columns.addLayout(form, 1)
        layout = self.layout()
        assert layout is not None
        layout.insertLayout(2, columns)  # type: ignore[attr-defined]
        region = self.inputs["region_code"]
        assert isinstance(region, QLineEdit)
        region.textChanged.connect(self._region_typed)
        self._region_typed("")
        self.ok_button.setText(self.tr("Save vacancy"))
        if vacancy_id is not None:
            self.fill(vacancy_id)

    def fill(self, vacancy_id: str) -> None:
        """The stored values in the form (a date as DD/MM/YYYY, amounts as typed)."""
        from app import formats
        from app.services.vacancies import values_for_edit

        values = values_for_edit(self.ctx.db, vacancy_id)
        for key, widget in self.inputs.items():
            value = values.get(key)
            if isinstance(widget, QSpinBox):
                widget.setValue(int(value or 1))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(str(value or ""))
            elif isinstance(widget, QLineEdit):
                if key == "closes_on":
                    widget.setText(formats.date_text(value) if value else "")
                elif key in ("wage_min", "wage_max"):
                    widget.setText(formats.number(value) if value is not None else "")
                else:
                    widget.setText(str(value or ""))
        self.check_modules([code.strip() for code in str(values["modules"]).split("|")])

    def _input(self, key: str) -> QWidget:
        if key == "modules":
            modules = QListWidget()
            modules.setFixedHeight(120)
            return modules
        if key == "openings":
            spin = QSpinBox()
            spin.setRange(1, MAX_OPENINGS)
            return spin
        if key == "skills":
            skills = QPlainTextEdit()
            skills.setTabChangesFocus(True)
            skills.setFixedHeight(56)
            return skills
        edit = QLineEdit()
        placeholders = {
            "closes_on": DATE_HINT,
            "region_code": self.tr("e.g. 64.71 (Kota Balikpapan)"),
            "wage_min": self.tr("per month, e.g. 4.500.000"),
            "wage_max": self.tr("per month, e.g. 5.500.000"),
            "npp": self.tr("if known"),
        }
        edit.setPlaceholderText(placeholders.get(key, ""))
        return edit

    def _region_typed(self, text: str) -> None:
        from app.services.vacancies import region_name

        code = text.strip()
        if not code:
            self.region_hint.setText(self.tr("regency or city code, or a province's two digits"))
            return
        name = region_name(code)
        self.region_hint.setText(name if name != code else self.tr("unknown code"))

    def check_modules(self, codes: list[str]) -> None:
        """Tick these modules (tests and the screenshots)."""
        for n in range(self.modules.count()):
            item = self.modules.item(n)
            wanted = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, widget in self.inputs.items():
            if isinstance(widget, QLineEdit):
                out[key] = widget.text()
            elif isinstance(widget, QPlainTextEdit):
                out[key] = widget.toPlainText()
            elif isinstance(widget, QSpinBox):
                out[key] = widget.value()
        out["modules"] = [
            str(self.modules.item(n).data(Qt.ItemDataRole.UserRole))
            for n in range(self.modules.count())
            if self.modules.item(n).checkState() == Qt.CheckState.Checked
        ]
        return out

    def work(self) -> TaskFn | None:
        from app.services.vacancies import add_vacancy, update_vacancy

        ctx, actor, values, vacancy_id = self.ctx, self.actor, self.values(), self.vacancy_id
        if vacancy_id is not None:
            return lambda _p, _c: update_vacancy(ctx.db, actor, vacancy_id, values)
        return lambda _p, _c: add_vacancy(ctx.db, actor, values)
