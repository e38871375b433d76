"""Match results: the people who fit a vacancy (from the Lowongan tab), and the open
vacancies that fit a person with their referrals (from the call list, during the call).

Each match is listed best first with why it fits. Rujuk records that the person was given
the vacancy; a person's dialog also prints their vacancy sheet (their top vacancies with
whom to contact, to take home) and records the employer's answer to a referral. The lists
open with the keyboard in them; Esc closes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.actor import Actor
from app.ui.context import AppContext
from app.ui.dialogs.vacancy_match_models import (
    PeopleModel,
    ReferralsModel,
    VacanciesModel,
    fit_people,
    fit_referrals,
    fit_vacancies,
)
from app.ui.formats import fmt_date
from app.ui.forms import error_label
from app.ui.messages import error_text, report
from app.ui.pages.followup_table import wage_range
from app.ui.pages.payment_list import shortcut_button
from app.ui.row_model import RowsModel
from app.ui.tasks import TaskFn, run_task
from app.ui.widgets import note, row_table

SHEET_LIMIT = 5  # vacancies on the sheet a person takes home


def open_file(path: Path) -> bool:
    """Open a written PDF with the PC's viewer (tests replace it)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class MatchDialog(QDialog):
    """What both dialogs share: a section title, tables, an error line, Tutup; the first
    table has the keyboard when the dialog opens."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(20, 16, 20, 16)
        self.column.setSpacing(8)
        self.intro = note("", self)
        self.column.addWidget(self.intro)
        self.error = error_label(self)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        self.busy = False
        self._shown = False
        self.first_table: QTableView | None = None

    def section(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("section")
        self.column.addWidget(label)
        return label

    def table(self, model: RowsModel) -> QTableView:
        table = QTableView(self)
        table.setModel(model)
        row_table(table)
        self.first_table = self.first_table or table
        return table

    def finish(self) -> None:
        """The error line and Tutup at the bottom."""
        self.column.addWidget(self.error)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        self.column.addLayout(bottom)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown and self.first_table is not None:
            self._shown = True
            self.first_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def write(self, fn: TaskFn, done: Any) -> None:
        """Run one service call on the writer thread; its refusal shows on the error line."""
        if self.busy:
            return
        self.busy = True
        self.error.setVisible(False)

        def finished(result: Any) -> None:
            self.busy = False
            done(result)

        def failed(exc: BaseException) -> None:
            self.busy = False
            report(exc)
            self.error.setText(error_text(exc))
            self.error.setVisible(True)

        run_task(fn, on_done=finished, on_error=failed, write=True, owner=self)

    @staticmethod
    def picked(table: QTableView, model: RowsModel) -> Any:
        rows = table.selectionModel().selectedRows()
        return model.row_at(rows[0].row()) if rows else None

    @staticmethod
    def reselect(table: QTableView, model: RowsModel, key: Any, key_of: Any) -> None:
        """The row chosen before, else the first one not referred yet, else the first."""
        for want in (
            lambda r: key is not None and key_of(r) == key,
            lambda r: getattr(r, "referred_on", True) is None,
            lambda r: True,
        ):
            for n, row in enumerate(model.rows):
                if want(row):
                    table.selectRow(n)
                    return


class VacancyPeopleDialog(MatchDialog):
    """The graduates and people in training who fit one open vacancy; Rujuk refers one."""

    def __init__(
        self, ctx: AppContext, actor: Actor, vacancy_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, actor, parent)
        self.vacancy_id = vacancy_id
        self.resize(1120, 560)
        self.heading = self.section("")
        self.model = PeopleModel(self)
        self.people = self.table(self.model)
        fit_people(self.people, self.model)
        self.column.addWidget(self.people, 1)
        self.why = note("", self)
        self.column.addWidget(self.why)
        self.refer_button = shortcut_button(self.tr("Refer"), "Ctrl+R", self)
        self.refer_button.setObjectName("primary")
        actions = QHBoxLayout()
        actions.addWidget(self.refer_button)
        actions.addStretch(1)
        self.column.addLayout(actions)
        self.finish()
        self.people.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        self.people.activated.connect(lambda _i: self.refer())
        self.refer_button.clicked.connect(self.refer)
        self.reload()

    def reload(self) -> None:
        from app.services.vacancy_matching import matches_for_vacancy

        chosen = self.selected()
        try:
            vacancy, people = matches_for_vacancy(self.ctx.db, self.vacancy_id)
        except Exception as exc:
            report(exc)
            self.error.setText(error_text(exc))
            self.error.setVisible(True)
            return
        self.setWindowTitle(
            self.tr("People who fit: {position} at {employer}").format(
                position=vacancy.position, employer=vacancy.employer
            )
        )
        self.intro.setText(
            self.tr(
                "{position} at {employer}, {region}: {openings} wanted, wage {wage}, apply by "
                "{day}; contact {contact}. Graduates and people in training of a wanted "
                "module, best fit first; people already working are left out."
            ).format(
                position=vacancy.position,
                employer=vacancy.employer,
                region=vacancy.region_name,
                openings=vacancy.openings,
                wage=wage_range(vacancy.wage_min, vacancy.wage_max),
                day=fmt_date(vacancy.closes_on) if vacancy.closes_on else "–",
                contact=vacancy.contact or "–",
            )
        )
        self.heading.setText(self.tr("{n} people fit").format(n=len(people)))
        self.model.set_rows(people)
        self.reselect(self.people, self.model, chosen.participant_id if chosen else None,
                      lambda r: r.participant_id)  # fmt: skip
        self._selected()

    def selected(self) -> Any:
        return self.picked(self.people, self.model)

    def _selected(self) -> None:
        row = self.selected()
        self.refer_button.setEnabled(row is not None and row.referred_on is None)
        self.why.setText(
            self.tr("Why: {reasons}").format(reasons="; ".join(row.reasons)) if row else ""
        )

    def refer(self) -> None:
        from app.services.vacancy_matching import refer

        row = self.selected()
        if row is None:
            return
        db, actor, pid, vid = self.ctx.db, self.actor, row.participant_id, self.vacancy_id
        self.write(lambda _p, _c: refer(db, actor, pid, vid), lambda _r: self.reload())


class PersonVacanciesDialog(MatchDialog):
    """The open vacancies that fit one person, their referrals, and the vacancy sheet."""

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        participant_id: str,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, actor, parent)
        self.participant_id, self.name = participant_id, name
        self.setWindowTitle(self.tr("Vacancies for {name}").format(name=name))
        self.resize(1180, 640)
        self.intro.setText(
            self.tr(
                "Open vacancies that fit {name}: the module trained in or chosen, then the "
                "region of domicile or KTP, then the wage. Refer gives the person a vacancy; "
                "the sheet lists the top {n} with whom to contact."
            ).format(name=name, n=SHEET_LIMIT)
        )
        self.heading = self.section("")
        self.model = VacanciesModel(self)
        self.vacancies = self.table(self.model)
        fit_vacancies(self.vacancies, self.model)
        self.column.addWidget(self.vacancies, 1)
        self.why = note("", self)
        self.column.addWidget(self.why)
        self.refer_button = shortcut_button(self.tr("Refer"), "Ctrl+R", self)
        self.refer_button.setObjectName("primary")
        self.sheet_button = shortcut_button(self.tr("Print vacancy sheet…"), "Ctrl+P", self)
        actions = QHBoxLayout()
        actions.addWidget(self.refer_button)
        actions.addWidget(self.sheet_button)
        actions.addStretch(1)
        self.column.addLayout(actions)
        self.referrals_heading = self.section("")
        self.referral_model = ReferralsModel(self)
        self.referrals = self.table(self.referral_model)
        fit_referrals(self.referrals, self.referral_model)
        self.referrals.setMaximumHeight(118)
        self.column.addWidget(self.referrals)
        self.hired_button = shortcut_button(self.tr("Hired"), "Ctrl+D", self)
        self.not_hired_button = shortcut_button(self.tr("Not hired"), "Ctrl+Shift+D", self)
        answers = QHBoxLayout()
        answers.addWidget(self.hired_button)
        answers.addWidget(self.not_hired_button)
        hint = QLabel(self.tr("the employer's answer to the selected referral"), self)
        hint.setObjectName("note")
        answers.addWidget(hint)
        answers.addStretch(1)
        self.column.addLayout(answers)
        self.finish()
        self.vacancies.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        self.referrals.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        self.vacancies.activated.connect(lambda _i: self.refer())
        self.refer_button.clicked.connect(self.refer)
        self.sheet_button.clicked.connect(self.choose_sheet)
        self.hired_button.clicked.connect(lambda: self.answer(True))
        self.not_hired_button.clicked.connect(lambda: self.answer(False))
        self.reload()

    def reload(self) -> None:
        from app.services.vacancy_matching import matches_for_participant, referrals_of

        chosen, referral = self.selected(), self.selected_referral()
        try:
            matches = matches_for_participant(self.ctx.db, self.participant_id)
            referrals = referrals_of(self.ctx.db, self.participant_id)
        except Exception as exc:
            report(exc)
            self.error.setText(error_text(exc))
            self.error.setVisible(True)
            return
        self.heading.setText(
            self.tr("{n} open vacancies fit").format(n=len(matches))
            if matches
            else self.tr("No open vacancy fits yet")
        )
        self.model.set_rows(matches)
        self.reselect(self.vacancies, self.model, chosen.vacancy.id if chosen else None,
                      lambda r: r.vacancy.id)  # fmt: skip
        self.referrals_heading.setText(
            self.tr("Referrals ({n})").format(n=len(referrals))
            if referrals
            else self.tr("Referrals: none yet")
        )
        self.referral_model.set_rows(referrals)
        self.reselect(self.referrals, self.referral_model, referral.id if referral else None,
                      lambda r: r.id)  # fmt: skip
        self._selected()

    def selected(self) -> Any:
        return self.picked(self.vacancies, self.model)

    def selected_referral(self) -> Any:
        return self.picked(self.referrals, self.referral_model)

    def _selected(self) -> None:
        row, referral = self.selected(), self.selected_referral()
        self.refer_button.setEnabled(row is not None and row.referred_on is None)
        self.sheet_button.setEnabled(bool(self.model.rows))
        self.why.setText(
            self.tr("Why: {reasons}. Contact: {contact}").format(
                reasons="; ".join(row.reasons), contact=row.vacancy.contact or "–"
            )
            if row
            else ""
        )
        self.hired_button.setEnabled(referral is not None and referral.hired is not True)
        self.not_hired_button.setEnabled(referral is not None and referral.hired is not False)

    def refer(self) -> None:
        from app.services.vacancy_matching import refer

        row = self.selected()
        if row is None or row.referred_on is not None:
            return
        db, actor, pid, vid = self.ctx.db, self.actor, self.participant_id, row.vacancy.id
        self.write(lambda _p, _c: refer(db, actor, pid, vid), lambda _r: self.reload())

    def answer(self, hired: bool) -> None:
        """The employer took the person (from today) or not."""
        from app.services.vacancy_matching import record_hire

        referral = self.selected_referral()
        if referral is None:
            return
        db, actor, pid, vid = self.ctx.db, self.actor, self.participant_id, referral.vacancy_id
        self.write(lambda _p, _c: record_hire(db, actor, pid, vid, hired), lambda _r: self.reload())

    def choose_sheet(self) -> None:
        stem = "-".join(self.name.lower().split()) or "peserta"
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the vacancy sheet"),
            str(Path.home() / f"lowongan-{stem}.pdf"),
            "PDF (*.pdf)",
        )
        if path:
            self.print_sheet_to(Path(path))

    def print_sheet_to(self, out: Path) -> None:
        """Write the person's vacancy sheet (their top vacancies) and open it to print."""
        from app.services.vacancy_sheet import print_vacancy_sheet

        db, actor, pid = self.ctx.db, self.actor, self.participant_id
        self.write(
            lambda _p, _c: print_vacancy_sheet(db, actor, pid, out, limit=SHEET_LIMIT),
            open_file,
        )
