"""Pendaftaran Peserta: the intake form with its eligibility panel, live checks and autosave.

Keyboard first: Enter moves to the next input, Ctrl+S saves, Tab follows the sections in
order. Each input is checked by the service when the clerk leaves it (off the UI thread);
its message appears next to it, and the side panel shows every eligibility rule and any
existing record that may be the same person. Saving is done by `SaveFlow`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app import formats
from app.domain.findings import Finding, error
from app.services.actor import Actor
from app.texts import Text
from app.ui.context import AppContext
from app.ui.formats import fmt_time
from app.ui.intake.draft import DraftKeeper
from app.ui.intake.form import IntakeForm
from app.ui.intake.panel import SidePanel
from app.ui.intake.rules import lines_of_verdict
from app.ui.intake.save_flow import SaveFlow
from app.ui.intake.sections import build_sections
from app.ui.messages import ask, report
from app.ui.tasks import run_task
from app.ui.widgets import heading, note

CHECK_DELAY_MS = 250


class IntakeView(QWidget):
    """A new registration (`participant_id` None) or an edit of an existing record.

    Signals:
        saved(str): the id of the participant just registered or updated.
        open_requested(str): open this existing record (a duplicate) instead.
        back(): the clerk leaves the form (a new intake stays as a draft).
    """

    saved = Signal(str)
    open_requested = Signal(str)
    back = Signal()

    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        participant_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from app.services.settings import get_settings

        self.ctx = ctx
        self.actor = actor
        self.participant_id = participant_id
        self.touched: set[str] = set()
        self.attempted = False
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.setSpacing(8)
        editing = participant_id is not None
        self.title = heading(
            self.tr("Edit participant") if editing else self.tr("Register a participant")
        )
        layout.addWidget(self.title)
        started = datetime.now()
        self.officer = note(
            self.tr("Officer: {name} ({user}) · started {time}").format(
                name=actor.full_name or actor.username,
                user=actor.username,
                time=formats.datetime_text(started),
            )
        )
        layout.addWidget(self.officer)

        body = QHBoxLayout()
        body.setSpacing(16)
        self.form = IntakeForm(self)
        settings = get_settings(ctx.db)
        from app.services.modules import list_modules

        modules = [(m.code, m.name) for m in list_modules(ctx.db, active_only=True)]
        self.documents, self.consent_box = build_sections(
            self.form, str(settings["consent_notice_version"]), modules
        )
        self.panel = SidePanel(self)
        self.panel.open_requested.connect(self.open_requested)
        body.addWidget(self.form, 1)
        body.addWidget(self.panel)
        layout.addLayout(body, 1)

        footer = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back to the list"))
        self.clear_button = QPushButton(self.tr("Clear the form"))
        self.draft_note = QLabel("")
        self.draft_note.setObjectName("note")
        self.save_button = QPushButton(self.tr("Save  (Ctrl+S)"))
        self.save_button.setObjectName("primary")
        for button in (self.back_button, self.clear_button, self.save_button):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        footer.addWidget(self.back_button)
        footer.addWidget(self.clear_button)
        footer.addSpacing(12)
        footer.addWidget(self.draft_note, 1)
        footer.addWidget(self.save_button)
        layout.addLayout(footer)
        self.back_button.clicked.connect(self.leave)
        self.clear_button.clicked.connect(self.ask_clear)
        self.clear_button.setVisible(not editing)
        self.consent_box.setVisible(not editing)
        self.documents.parentWidget().setVisible(not editing)  # type: ignore[union-attr]

        self.flow = SaveFlow(self)
        self.save_button.clicked.connect(self.flow.save)
        shortcut = QShortcut(QKeySequence("Ctrl+S"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.flow.save)
        self.draft = DraftKeeper(ctx, actor, self.draft_data, self)
        self.draft.enabled = not editing
        self.draft.saved.connect(
            lambda at: self.draft_note.setText(
                self.tr("Draft saved {time}").format(time=fmt_time(at))
            )
        )
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.run_check)
        self.form.edited.connect(self._edited)
        self.documents.changed.connect(self.draft.touch)
        self.form.field_left.connect(self._left)
        self.run_check()

    # --- values and drafts ------------------------------------------------------------------
    def values(self) -> dict[str, str]:
        return self.form.values()

    def draft_data(self) -> dict[str, Any]:
        return {"values": self.values(), "documents": self.documents.documents()}

    def load(self, values: dict[str, str], documents: list[Any] | None = None) -> None:
        """Fill the form (a draft, or the record being edited) and check it."""
        self.form.set_values(values)
        self.documents.set_documents(documents or [])
        self.draft.dirty = False
        self.touched = {k for k, v in values.items() if v}
        self.run_check()

    def focus_first(self) -> None:
        self.form.widget_of("nik").setFocus()

    def _edited(self) -> None:
        self.draft.touch()
        self.check_timer.start()

    def _left(self, name: str) -> None:
        self.touched.add(name)
        self.check_timer.start()

    # --- live checks -------------------------------------------------------------------------
    def run_check(self) -> None:
        """Check the whole form off the UI thread; only the newest answer is shown."""
        from app.services import participants
        from app.services.settings import get_settings

        self._generation += 1
        generation, ctx = self._generation, self.ctx
        raw = {**self.values(), "id": self.participant_id}

        def work(_p: object, _c: object) -> tuple[Any, ...]:
            result, dups = participants.check(ctx.db, raw)
            today = ctx.db.clock().astimezone().date()
            verdict = participants.verdict_for(ctx.db, result.values, today)
            return result, dups, verdict, str(get_settings(ctx.db)["eligibility_preset"])

        def done(answer: tuple[Any, ...]) -> None:
            if generation == self._generation:
                self.show_check(*answer)

        run_task(work, on_done=done, on_error=report, owner=self)

    def show_check(self, result: Any, dups: list[Any], verdict: Any, preset: str) -> None:
        from app.domain.eligibility import PRESET_LABELS
        from app.services.participants import NIK_EXISTS

        findings: list[Finding] = list(result.findings)
        same = [d for d in dups if d.reason == "nik"]
        if same:
            findings.insert(
                0, error("nik", NIK_EXISTS, name=same[0].full_name, office=same[0].office_code)
            )
        findings += self.local_findings()
        fields = None if self.attempted else self.touched
        self.form.errors.show_findings(findings, fields)
        label = PRESET_LABELS.get(preset)
        self.panel.show_rules(
            lines_of_verdict(verdict, preset),
            verdict.status.value,
            label.render() if label else preset,
        )
        self.panel.show_duplicates(dups)

    def local_findings(self) -> list[Finding]:
        """What only the window can tell: a region typed that is not in the list."""
        picker = self.form.widget_of("kode_wilayah")
        if getattr(picker, "unresolved", lambda: False)():
            text = self.tr("Not found in the Kemendagri list. Choose a name from the list.")
            return [error("kode_wilayah", Text(text, text))]
        return []

    # --- leaving -----------------------------------------------------------------------------
    def leave(self) -> None:
        if self.participant_id is None:
            self.draft.save_now()
            self.back.emit()
            return
        ask(
            self,
            self.tr("Leave the form"),
            self.tr("Changes that were not saved will be lost."),
            self.tr("Leave without saving"),
            self.tr("Stay"),
            self.back.emit,
        )

    def ask_clear(self) -> None:
        ask(
            self,
            self.tr("Clear the form"),
            self.tr("Everything typed in this form, and its draft, will be removed."),
            self.tr("Clear"),
            self.tr("Cancel"),
            self.clear,
        )

    def clear(self) -> None:
        self.draft.discard()
        self.attempted = False
        self.load({})
        self.flow.reset()
        self.focus_first()

    def flush(self) -> None:
        """Keep the draft now (sign-out, closing the window, leaving the page)."""
        self.draft.save_now()
