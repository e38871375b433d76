"""Small dialogs of the cohort view: a result, a reason (withdrawal, cancellation), a
supervisor's sign-in for a change to an approved day, and a make-up day. Each runs one
service call; a refusal is shown under the field it names."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from app.domain import cohorts as rules
from app.services.actor import Actor
from app.services.cohort_views import EnrolmentView
from app.ui.context import AppContext
from app.ui.dialogs.base import FormDialog
from app.ui.forms import password_edit
from app.ui.tasks import TaskFn

DATE_HINT = "DD/MM/YYYY"


class ResultDialog(FormDialog):
    """A person's score and result, with what the cohort's rule says about them.

    Signals:
        succeeded(object): the contradiction sentence kept with a reason, or None.
    """

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        cohort_id: str,
        person: EnrolmentView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.cohort_id, self.person = ctx, actor, cohort_id, person
        self.setWindowTitle(self.tr("Result of {name}").format(name=person.name))
        rate = "–" if person.rate is None else rules.percent(person.rate)
        if person.verdict_passes:
            verdict = self.tr("Attendance {rate}: the completion rule is met.").format(rate=rate)
        else:
            verdict = self.tr("Attendance {rate}. Not met: {why}").format(
                rate=rate, why=" ".join(person.verdict_reasons)
            )
        self.set_intro(verdict)
        self.score = QSpinBox()
        self.score.setRange(0, 100)
        self.score.setValue(person.score if person.score is not None else 0)
        self.no_score = QCheckBox(self.tr("No score"))
        self.no_score.toggled.connect(lambda on: self.score.setEnabled(not on))
        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("Passed (lulus)"), rules.PASSED)
        self.outcome.addItem(self.tr("Not passed (tidak lulus)"), rules.FAILED)
        chosen = person.result or (rules.PASSED if person.verdict_passes else rules.FAILED)
        self.outcome.setCurrentIndex(max(self.outcome.findData(chosen), 0))
        self.reason = QPlainTextEdit(person.result_reason or "")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(64)
        self.reason.setPlaceholderText(self.tr("Needed when the result goes against the rule"))
        self.errors.add_row(self.form, self.tr("Assessment score"), "score", self.score)
        self.form.addRow("", self.no_score)
        self.errors.add_row(self.form, self.tr("Result"), "result", self.outcome)
        self.errors.add_row(self.form, self.tr("Reason"), "reason", self.reason)

    def work(self) -> TaskFn | None:
        from app.services.cohort_results import record_result

        ctx, actor, cid, pid = self.ctx, self.actor, self.cohort_id, self.person.participant_id
        score = None if self.no_score.isChecked() else self.score.value()
        result, reason = str(self.outcome.currentData()), self.reason.toPlainText()
        return lambda _p, _c: record_result(ctx.db, actor, cid, pid, score, result, reason)


class ReasonDialog(FormDialog):
    """A reason, then `action(reason)` (a withdrawal, a cancellation).

    Signals:
        succeeded(object): what `action` returned.
    """

    def __init__(
        self,
        title: str,
        intro: str,
        button: str,
        action: Callable[[str], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.set_intro(intro)
        self._action = action
        self.reason = QLineEdit()
        self.errors.add_row(self.form, self.tr("Reason"), "reason", self.reason)
        self.ok_button.setText(button)

    def work(self) -> TaskFn | None:
        action, reason = self._action, self.reason.text()
        return lambda _p, _c: action(reason)


class ApprovalDialog(FormDialog):
    """A supervisor signs in on this PC to allow a change to an approved day.

    Signals:
        succeeded(object): the supervisor's Actor.
    """

    def __init__(self, ctx: AppContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Supervisor approval"))
        self.set_intro(
            self.tr(
                "{day} is approved. A supervisor signs in to allow the change; their name "
                "is kept with the mark and in the audit log."
            ).format(day=f"{day:%d/%m/%Y}")
        )
        self.username = QLineEdit()
        self.password = password_edit()
        self.errors.add_row(self.form, self.tr("Supervisor's username"), "username", self.username)
        self.errors.add_row(self.form, self.tr("Password"), "password", self.password)
        self.ok_button.setText(self.tr("Approve the change"))

    def work(self) -> TaskFn | None:
        from app.domain.roles import Permission, can
        from app.errors import PermissionDenied
        from app.services.access import DENIED
        from app.services.auth import login

        db, username, password = self.ctx.db, self.username.text(), self.password.text()

        def sign_in(_p: Any, _c: Any) -> Actor:
            actor = login(db, username, password).actor
            if not can(actor.role, Permission.ATTENDANCE_APPROVE):
                raise PermissionDenied(DENIED, role=actor.role.value)
            return actor

        return sign_in


class MakeupDayDialog(FormDialog):
    """A make-up day between the cohort's dates.

    Signals:
        succeeded(object): None once the day is added.
    """

    def __init__(
        self, ctx: AppContext, actor: Actor, cohort_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.cohort_id = ctx, actor, cohort_id
        self.setWindowTitle(self.tr("Add make-up day"))
        self.day = QLineEdit()
        self.day.setPlaceholderText(DATE_HINT)
        self.errors.add_row(self.form, self.tr("Date"), "day", self.day)
        self.ok_button.setText(self.tr("Add day"))

    def work(self) -> TaskFn | None:
        from app.domain.parsing import ParseError, parse_date
        from app.services.cohort_days import add_day

        try:
            day = parse_date(self.day.text())
        except ParseError:
            day = None
        if day is None:
            self.errors.set("day", self.tr("Write the date as DD/MM/YYYY."))
            return None
        ctx, actor, cid = self.ctx, self.actor, self.cohort_id
        return lambda _p, _c: add_day(ctx.db, actor, cid, day)
