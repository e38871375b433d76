"""One cohort: its facts and actions at the top, then two tabs — the people (enrolled,
waiting, withdrawn, with attendance, rate and result) and the attendance grid
(app.ui.pages.attendance_grid). Another office's cohort is shown read-only."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import cohorts as rules
from app.domain.roles import Permission, can
from app.errors import StateError
from app.services.actor import Actor
from app.services.cohort_views import CohortDetail, EnrolmentView
from app.texts import Text
from app.ui.context import AppContext
from app.ui.formats import fmt_date, fmt_rupiah
from app.ui.i18n import current_language
from app.ui.messages import ask, show_error
from app.ui.pages.attendance_grid import AttendanceGrid
from app.ui.tasks import run_task
from app.ui.widgets import heading, note, row_table

NOT_APPROVED = Text(
    "Tidak diubah: tidak ada supervisor yang menyetujui.", "Not changed: no supervisor approved it."
)
WARNING = QColor("#a4420c")
QUIET = QColor("#6b7280")


class CohortView(QWidget):
    """`load(id)` reads the cohort again; `back` returns to the list.

    Signals:
        back(): the clerk leaves the cohort.
    """

    back = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.cohort_id = ""
        self.detail: CohortDetail | None = None
        self.approver: Actor | None = None  # a supervisor's sign-in for approved days
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 16)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Back"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back.emit)
        top.addWidget(self.back_button)
        top.addSpacing(12)
        self.title = heading("")
        top.addWidget(self.title)
        self.status = QLabel()
        self.status.setObjectName("chip")
        top.addWidget(self.status)
        top.addStretch(1)
        layout.addLayout(top)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        layout.addWidget(self.facts)
        self.rule = note("")
        layout.addWidget(self.rule)
        actions = QHBoxLayout()
        self.enrol_button = QPushButton(self.tr("Enrol participants…"))
        self.enrol_button.setObjectName("primary")
        self.start_button = QPushButton(self.tr("Start"))
        self.finish_button = QPushButton(self.tr("Finish cohort"))
        self.cancel_button = QPushButton(self.tr("Cancel cohort"))
        for button in (
            self.enrol_button,
            self.start_button,
            self.finish_button,
            self.cancel_button,
        ):
            button.setAutoDefault(False)
            actions.addWidget(button)
        actions.addStretch(1)
        self.read_only = note("")
        actions.addWidget(self.read_only)
        layout.addLayout(actions)

        self.tabs = QTabWidget(self)
        people = QWidget()
        people_layout = QVBoxLayout(people)
        people_layout.setContentsMargins(0, 8, 0, 0)
        self.people = QTableWidget(0, 9, people)
        self.people.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("NIK"),
                self.tr("Enrolment"),
                "H / I / S / A",
                self.tr("Attendance"),
                self.tr("Score"),
                self.tr("Result"),
                self.tr("Enough attendance"),
                self.tr("Note"),
            ]
        )
        row_table(self.people)
        for column, width in enumerate((200, 160, 130, 100, 100, 60, 100, 130)):
            self.people.setColumnWidth(column, width)
        people_layout.addWidget(self.people, 1)
        person_actions = QHBoxLayout()
        self.result_button = QPushButton(self.tr("Record result…"))
        self.withdraw_button = QPushButton(self.tr("Withdraw…"))
        for button in (self.result_button, self.withdraw_button):
            button.setAutoDefault(False)
            person_actions.addWidget(button)
        person_actions.addStretch(1)
        people_layout.addLayout(person_actions)
        self.tabs.addTab(people, self.tr("Participants"))
        self.grid = AttendanceGrid(
            can(actor.role, Permission.ATTENDANCE_APPROVE),
            can(actor.role, Permission.COHORT_EDIT),
            self,
        )
        self.grid.writer = self._write_marks
        self.tabs.addTab(self.grid, self.tr("Attendance"))
        layout.addWidget(self.tabs, 1)

        self.enrol_button.clicked.connect(self.open_enrol)
        self.start_button.clicked.connect(lambda: self._status(rules.Status.RUNNING))
        self.finish_button.clicked.connect(lambda: self._status(rules.Status.FINISHED))
        self.cancel_button.clicked.connect(self.cancel_cohort)
        self.result_button.clicked.connect(self.record_result)
        self.people.itemActivated.connect(lambda _i: self.record_result())
        self.withdraw_button.clicked.connect(self.withdraw)
        self.grid.approve_day.connect(self.approve_day)
        self.grid.remove_day.connect(self.remove_day)
        self.grid.add_day.connect(self.add_day)

    # -- reading --------------------------------------------------------------------------
    def load(self, cohort_id: str) -> None:
        if cohort_id != self.cohort_id:
            self.approver = None
        self.cohort_id = cohort_id
        self.reload()

    def reload(self) -> None:
        from app.services.cohort_lists import cohort_detail

        if not self.cohort_id:
            return
        try:
            detail = cohort_detail(self.ctx.db, self.cohort_id, current_language())
        except Exception as exc:
            show_error(self, exc)
            return
        self.detail = detail
        self._show(detail)

    def _show(self, d: CohortDetail) -> None:
        r = d.row
        status = rules.Status(r.status)
        self.title.setText(r.code)
        self.status.setText(rules.STATUS_LABELS[status].render())
        pocket = (
            self.tr("{rp} per day attended").format(rp=fmt_rupiah(d.pocket_rate))
            if d.pocket_mode == "per_day"
            else self.tr("{rp} once").format(rp=fmt_rupiah(d.pocket_rate))
        )
        facts = [
            f"{r.module} ({r.module_code})",
            r.provider,
            f"{fmt_date(r.start_date)} – {fmt_date(r.end_date)}",
            self.tr("{n} training days").format(n=len(d.sessions)),
        ]
        if r.location:
            facts.append(r.location)
        self.facts.setText(" · ".join(facts))
        rule = [
            self.tr("Places {taken}/{capacity}, waiting {waiting}").format(
                taken=r.enrolled, capacity=r.capacity, waiting=r.waiting
            ),
            self.tr("transport {rp} per day attended").format(rp=fmt_rupiah(d.transport_rate)),
            self.tr("pocket money {text}").format(text=pocket),
            self.tr("passes with attendance ≥ {rate}%").format(rate=d.min_rate_percent)
            + (
                self.tr(" and a score ≥ {score}").format(score=d.pass_score)
                if d.pass_score is not None
                else ""
            ),
        ]
        if d.excused_counts:
            rule.append(self.tr("excused and sick days count"))
        if r.recorded_after:
            rule.append(self.tr("entered afterwards"))
        if d.cancel_reason:
            rule.append(self.tr("cancelled: {why}").format(why=d.cancel_reason))
        self.rule.setText(" · ".join(rule))
        open_ = status in rules.ACTIVE_COHORT and r.mine
        self.enrol_button.setVisible(open_ and can(self.actor.role, Permission.COHORT_ENROL))
        self.start_button.setVisible(
            r.mine
            and status is rules.Status.PLANNED
            and can(self.actor.role, Permission.COHORT_EDIT)
        )
        may_close = r.mine and can(self.actor.role, Permission.COHORT_CLOSE)
        self.finish_button.setVisible(may_close and status is rules.Status.RUNNING)
        self.cancel_button.setVisible(may_close and status in rules.ACTIVE_COHORT)
        self.result_button.setVisible(open_ and can(self.actor.role, Permission.COHORT_RESULT))
        self.withdraw_button.setVisible(open_ and can(self.actor.role, Permission.COHORT_ENROL))
        self.read_only.setText(
            ""
            if r.mine
            else self.tr("Run by office {office}: read only here.").format(office=r.office_code)
        )
        self._fill_people(d.enrolments, d.min_rate_percent)
        self.grid.setEnabled(open_)
        self.grid.load(d, current_language())

    def _fill_people(self, people: list[EnrolmentView], min_rate_percent: int) -> None:
        current = self.people.currentRow()
        self.people.setRowCount(len(people))
        for n, e in enumerate(people):
            rate = "–" if e.rate is None else rules.percent(e.rate)
            if e.status == rules.ENROLLED and e.rate is not None:
                enough = e.rate * 100 >= min_rate_percent
                meets = self.tr("yes") if enough else self.tr("no")
            else:
                meets = ""
            result = {
                rules.PASSED: self.tr("Passed"),
                rules.FAILED: self.tr("Not passed"),
            }.get(e.result or "", "")
            comment = e.contradiction or e.result_reason or e.withdraw_reason or ""
            c = e.counts
            values = (
                e.name,
                e.nik_masked,
                rules.ENROLMENT_LABELS[e.status].render(),
                f"{c['H']} / {c['I']} / {c['S']} / {c['A']}",
                rate,
                "" if e.score is None else str(e.score),
                result,
                meets,
                comment,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if e.status != rules.ENROLLED:
                    item.setForeground(QBrush(QUIET))
                elif (column == 7 and meets == self.tr("no")) or (column == 8 and e.contradiction):
                    item.setForeground(QBrush(WARNING))
                self.people.setItem(n, column, item)
        if people:
            self.people.setCurrentCell(min(max(current, 0), len(people) - 1), 0)

    def selected_person(self) -> EnrolmentView | None:
        if self.detail is None:
            return None
        row = self.people.currentRow()
        people = self.detail.enrolments
        return people[row] if 0 <= row < len(people) else None

    # -- actions --------------------------------------------------------------------------
    def _run(self, fn: Any, on_done: Any = None) -> None:
        def failed(exc: BaseException) -> None:
            show_error(self, exc)

        run_task(fn, on_done=on_done or (lambda _r: None), on_error=failed, write=True, owner=self)

    def _status(self, to: rules.Status) -> None:
        from app.services.cohorts import set_status

        db, actor, cid = self.ctx.db, self.actor, self.cohort_id
        self._run(lambda _p, _c: set_status(db, actor, cid, to.value))

    def cancel_cohort(self) -> Any:
        from app.services.cohorts import set_status
        from app.ui.dialogs.cohort_actions import ReasonDialog

        db, actor, cid = self.ctx.db, self.actor, self.cohort_id
        dialog = ReasonDialog(
            self.tr("Cancel cohort"),
            self.tr("Its people go back to the registry; the cohort stays, marked cancelled."),
            self.tr("Cancel cohort"),
            lambda reason: set_status(db, actor, cid, rules.Status.CANCELLED.value, reason),
            self,
        )
        dialog.open()
        return dialog

    def open_enrol(self) -> Any:
        from app.ui.dialogs.enrol_dialog import EnrolDialog

        dialog = EnrolDialog(self.ctx, self.actor, self.cohort_id, parent=self)
        dialog.open()
        return dialog

    def record_result(self) -> Any:
        from app.ui.dialogs.cohort_actions import ResultDialog

        person = self.selected_person()
        if person is None or person.status != rules.ENROLLED or not self.result_button.isVisible():
            return None
        dialog = ResultDialog(self.ctx, self.actor, self.cohort_id, person, self)
        dialog.open()
        return dialog

    def withdraw(self) -> Any:
        from app.services.enrolment import withdraw
        from app.ui.dialogs.cohort_actions import ReasonDialog

        person = self.selected_person()
        if person is None or person.status == rules.WITHDRAWN:
            return None
        db, actor, cid, pid = self.ctx.db, self.actor, self.cohort_id, person.participant_id
        dialog = ReasonDialog(
            self.tr("Withdraw {name}").format(name=person.name),
            self.tr("A place freed goes to the first on the waiting list."),
            self.tr("Withdraw"),
            lambda reason: withdraw(db, actor, cid, pid, reason),
            self,
        )
        dialog.open()
        return dialog

    def approve_day(self, day: date) -> None:
        from app.services.attendance import lock_day

        def go() -> None:
            db, actor, cid = self.ctx.db, self.actor, self.cohort_id
            self._run(lambda _p, _c: lock_day(db, actor, cid, day))

        ask(
            self,
            self.tr("Approve day"),
            self.tr(
                "Approve the attendance of {day}? Changes after this need a supervisor."
            ).format(day=fmt_date(day)),
            self.tr("Approve"),
            self.tr("Not yet"),
            go,
        ).open()

    def remove_day(self, day: date) -> None:
        from app.services.cohort_days import remove_day

        def go() -> None:
            db, actor, cid = self.ctx.db, self.actor, self.cohort_id
            self._run(lambda _p, _c: remove_day(db, actor, cid, day))

        ask(
            self,
            self.tr("Remove day"),
            self.tr("Take {day} off the plan (a holiday)?").format(day=fmt_date(day)),
            self.tr("Remove"),
            self.tr("Keep"),
            go,
        ).open()

    def add_day(self) -> Any:
        from app.ui.dialogs.cohort_actions import MakeupDayDialog

        dialog = MakeupDayDialog(self.ctx, self.actor, self.cohort_id, self)
        dialog.open()
        return dialog

    def _write_marks(self, day: date, marks: dict[str, str], done: Any) -> None:
        """The grid's writer: a locked day first needs a supervisor (the signed-in one, or
        one who signs in here once for this cohort)."""
        from app.services.attendance import mark

        session = next((s for s in self.grid.model.days if s.day == day), None)
        approver = self.approver
        if session is not None and session.locked and approver is None:
            if can(self.actor.role, Permission.ATTENDANCE_APPROVE):
                approver = self.actor
            else:
                self._ask_approval(day, marks, done)
                return
        db, actor, cid = self.ctx.db, self.actor, self.cohort_id
        run_task(
            lambda _p, _c: mark(db, actor, cid, day, marks, approver=approver),
            on_done=lambda _r: done(None),
            on_error=done,
            write=True,
            owner=self,
        )

    def _ask_approval(self, day: date, marks: dict[str, str], done: Any) -> None:
        from app.ui.dialogs.cohort_actions import ApprovalDialog

        dialog = ApprovalDialog(self.ctx, day, self)

        def approved(supervisor: Actor) -> None:
            self.approver = supervisor
            self._write_marks(day, marks, done)

        dialog.succeeded.connect(approved)
        dialog.rejected.connect(lambda: done(StateError(NOT_APPROVED)))
        dialog.open()
