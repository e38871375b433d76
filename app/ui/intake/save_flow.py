"""Saving the intake form, in the order issue #3 asks for.

Errors → next to their inputs. The same NIK → "open the existing record". Warnings → listed,
saved only once the clerk confirms them. The same KPJ or a similar name with the same birth
date → the candidates side by side, saved only once each is ticked as a different person.
Scans chosen in the form are attached right after the person is saved, in the same task.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from app.domain.findings import Finding, Severity
from app.domain.participant_fields import key_of, label_of
from app.errors import LoketError
from app.ui.intake.duplicates import DuplicatesDialog
from app.ui.messages import ask, show_info
from app.ui.tasks import run_task

if TYPE_CHECKING:
    from app.ui.intake.view import IntakeView

WarningKey = tuple[str, str]


def warning_keys(findings: list[Finding]) -> frozenset[WarningKey]:
    return frozenset((f.field, f.message()) for f in findings if f.severity is Severity.WARNING)


class SaveFlow(QObject):
    """Runs register/update on the writer thread and walks the clerk through the answers."""

    def __init__(self, view: IntakeView) -> None:
        super().__init__(view)
        self.view = view
        self.busy = False
        self.reset()

    def reset(self) -> None:
        self.confirmed: frozenset[WarningKey] = frozenset()
        self.acknowledged: frozenset[str] = frozenset()

    def save(self) -> None:
        view = self.view
        if self.busy:
            return
        view.attempted = True
        local = view.local_findings()
        if local:
            view.form.errors.show_findings(local)
            view.form.errors.focus(local[0].field)
            return
        self.set_busy(True)
        ctx, actor, raw = view.ctx, view.actor, view.values()
        confirmed, acknowledged = self.confirmed, self.acknowledged
        if view.participant_id is None:
            documents = view.documents.documents()
            fn = lambda _p, _c: register_task(  # noqa: E731
                ctx.db, actor, raw, confirmed, acknowledged, documents
            )
        else:
            pid = view.participant_id
            fn = lambda _p, _c: update_task(ctx.db, actor, pid, raw, confirmed)  # noqa: E731
        run_task(fn, on_done=self._done, on_error=self._failed, write=True, owner=self)

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.view.save_button.setEnabled(not busy)

    def _failed(self, exc: BaseException) -> None:
        self.set_busy(False)
        self.view.form.errors.show(exc)

    def _done(
        self, answer: tuple[str | None, list[Finding], list[Any], str | None, list[str]]
    ) -> None:
        self.set_busy(False)
        saved_id, findings, duplicates, existing_id, failures = answer
        view = self.view
        if saved_id is not None:
            view.draft.enabled = False
            if failures:
                show_info(
                    view.window(),
                    self.tr("Saved, but some scans were not attached"),
                    "\n".join(failures),
                )
            view.saved.emit(saved_id)
            return
        first = view.form.errors.show_findings(findings)
        errors = [f for f in findings if f.severity is Severity.ERROR]
        if existing_id is not None:
            message = next((f.message() for f in errors if f.field == "nik"), "")
            ask(
                view,
                self.tr("NIK already registered"),
                message,
                self.tr("Open the existing record"),
                self.tr("Back to the form"),
                lambda: view.open_requested.emit(existing_id),
            )
        elif errors:
            view.form.errors.focus(first or errors[0].field)
        elif warning_keys(findings) - self.confirmed:
            self._ask_warnings(findings)
        elif duplicates:
            self._ask_duplicates(duplicates)

    def _ask_warnings(self, findings: list[Finding]) -> None:
        """List the warnings by the fields' labels; "Back to the form" puts the cursor in
        the first field the list names, so the clerk can correct it at once."""
        keys = warning_keys(findings)
        warned = [f for f in findings if f.severity is Severity.WARNING]
        lines = [f"• {label_of(f.field)}: {f.message()}" for f in warned]
        text = (
            self.tr("Please check these points with the participant:") + "\n\n" + "\n".join(lines)
        )

        def confirm() -> None:
            self.confirmed = self.confirmed | keys
            self.save()

        def back() -> None:
            # after the box has closed, so the window's focus is ours to set
            QTimer.singleShot(0, lambda: self.view.form.errors.focus(key_of(warned[0].field)))

        self.warning_box = ask(
            self.view,
            self.tr("Save with warnings?"),
            text,
            self.tr("Checked, save"),
            self.tr("Back to the form"),
            confirm,
            back,
        )

    def _ask_duplicates(self, duplicates: list[Any]) -> DuplicatesDialog:
        dialog = DuplicatesDialog(self.view.values(), duplicates, self.view)

        def acknowledged(ids: object) -> None:
            assert isinstance(ids, frozenset)
            self.acknowledged = self.acknowledged | ids
            self.save()

        dialog.acknowledged.connect(acknowledged)
        dialog.open_requested.connect(self.view.open_requested)
        dialog.open()
        self.dialog = dialog
        return dialog


def register_task(
    db: Any,
    actor: Any,
    raw: dict[str, str],
    confirmed: frozenset[WarningKey],
    acknowledged: frozenset[str],
    documents: list[tuple[str, str]],
) -> tuple[str | None, list[Finding], list[Any], str | None, list[str]]:
    """On the writer thread: register (confirming warnings the clerk already confirmed),
    then attach the scans and drop the draft."""
    from app.services import participant_documents, participants
    from app.services import participant_records as records

    out = participants.register(db, actor, raw, acknowledged=acknowledged)
    known = warning_keys(out.warnings) <= confirmed
    if out.saved is None and not out.errors and out.warnings and known:
        out = participants.register(
            db, actor, raw, confirm_warnings=True, acknowledged=acknowledged
        )
    if out.saved is None:
        pending = [d for d in out.duplicates if d.id not in acknowledged and d.reason != "nik"]
        return None, out.findings, pending, out.existing_id, []
    failures = []
    for kind, path in documents:
        try:
            participant_documents.attach(db, actor, out.saved.id, kind, Path(path))
        except LoketError as exc:
            failures.append(f"{Path(path).name}: {exc.message()}")
    records.discard_draft(db, actor)
    return out.saved.id, out.findings, [], None, failures


def update_task(
    db: Any, actor: Any, participant_id: str, raw: dict[str, str], confirmed: frozenset[WarningKey]
) -> tuple[str | None, list[Finding], list[Any], str | None, list[str]]:
    from app.domain.findings import has_errors
    from app.services import participant_records as records

    findings = records.update(db, actor, participant_id, raw)
    if findings and not has_errors(findings) and warning_keys(findings) <= confirmed:
        findings = records.update(db, actor, participant_id, raw, confirm_warnings=True)
        return participant_id, findings, [], None, []
    if findings:
        return None, findings, [], None, []
    return participant_id, findings, [], None, []
