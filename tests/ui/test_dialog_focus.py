"""Every dialog opens with the cursor in its first field (issue #8, part 7): a clerk starts
typing at once, without reaching for the mouse.

The dialogs are found by reading app/ui: every class that derives from a Qt dialog class
(directly or through another such class) must have a case here, so a new dialog without one
fails `test_every_dialog_of_the_program_has_a_case`. "First field" is the first input in
reading order (top to bottom, then left to right): a line edit, combo box, spin or date box,
or check box; a dialog with none gets its main button. The import dialog's first field is its
"Choose file…" button (the file is what it asks for first), named as such below.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)
from pytestqt.exceptions import TimeoutError

import app.ui
from app.services.participant_views import DuplicateCandidate

QT_DIALOG_CLASSES = {"QDialog", "QWizard", "QMessageBox", "QInputDialog", "QFileDialog"}
# Bases that are never shown on their own; each of their subclasses has a case.
ABSTRACT = {"FormDialog", "MatchDialog"}  # MatchDialog: app.ui.dialogs.vacancy_matches
INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QCheckBox, QTextEdit, QPlainTextEdit)


def dialog_classes() -> set[str]:
    """Names of the classes under app/ui that are dialogs (a Qt dialog class, or a class
    derived from one found here), by reading the source."""
    bases: dict[str, set[str]] = {}
    root = Path(app.ui.__file__).parent
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names = set()
                for base in node.bases:
                    if isinstance(base, ast.Name):
                        names.add(base.id)
                    elif isinstance(base, ast.Attribute):
                        names.add(base.attr)
                bases[node.name] = names
    found: set[str] = set()
    known = set(QT_DIALOG_CLASSES)
    while True:
        more = {name for name, of in bases.items() if of & known} - found
        if not more:
            return found
        found |= more
        known |= more


def first_field(dialog: QWidget) -> QWidget:
    """The first input a clerk sees, reading the dialog from the top; else its main button."""

    def position(widget: QWidget) -> tuple[int, int]:
        point = widget.mapTo(dialog, QPoint(0, 0))
        return point.y(), point.x()

    inputs = [
        w
        for w in dialog.findChildren(QWidget)
        if isinstance(w, INPUTS)
        and not isinstance(w.parentWidget(), (QComboBox, QAbstractSpinBox))
        and w.isVisible()
        and w.isEnabled()
    ]
    if inputs:
        return min(inputs, key=position)
    buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible() and b.isEnabled()]
    main = [b for b in buttons if b.isDefault() or b.objectName() == "primary"]
    assert main, f"{type(dialog).__name__} has neither an input nor a main button"
    return main[0]


def has_focus_in(widget: QWidget) -> bool:
    """The application's focus is `widget` or inside it (a combo box's or spin box's own
    line edit)."""
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    text = widget.text() if isinstance(widget, (QAbstractButton, QLineEdit)) else ""
    return f"{type(widget).__name__} {widget.objectName()!r} {text!r}"


# --- one case per dialog: (build the dialog) -> the dialog and the widget named as its
# first field, checked against `first_field` unless the case says why not ----------------

Case = Callable[[Any, Any, QWidget], tuple[QDialog, QWidget]]


def _login(ctx: Any, _admin: Any, _parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.login import LoginDialog

    dialog = LoginDialog(ctx, ctx.startup_info())
    return dialog, dialog.username


def _setup(ctx: Any, _admin: Any, _parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.setup_wizard import SetupWizard

    dialog = SetupWizard(ctx)
    return dialog, dialog.office


def _change_password(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.change_password import ChangePasswordDialog

    dialog = ChangePasswordDialog(ctx, admin, parent)
    return dialog, dialog.current


def _forced_password(ctx: Any, admin: Any, _parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.change_password import ChangePasswordDialog

    dialog = ChangePasswordDialog(ctx, admin, forced=True)  # a window of its own, as at sign-in
    return dialog, dialog.current


def _lock(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.lock import LockDialog

    dialog = LockDialog(ctx, admin, parent)
    return dialog, dialog.password


def _add_staff(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.staff_dialogs import AddStaffDialog

    dialog = AddStaffDialog(ctx, admin, parent)
    return dialog, dialog.username


def _reset_password(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.staff_dialogs import ResetPasswordDialog

    dialog = ResetPasswordDialog(ctx, admin, "staff-id", "Rina", parent)
    return dialog, dialog.password


def _supervisor(_ctx: Any, _admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.supervisor_confirm import SupervisorConfirmDialog

    dialog = SupervisorConfirmDialog(
        "Selesaikan konflik", "Pakai nilai ini?", "Pakai", lambda _p: None, parent
    )
    return dialog, dialog.password


def _status(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.participant_status import StatusDialog

    dialog = StatusDialog(ctx, admin, "participant-id", "Sri Wahyuni", "registered", parent)
    return dialog, dialog.status


def _import(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.participant_import import ImportDialog

    dialog = ImportDialog(ctx, admin, parent)
    return dialog, dialog.choose_button


def _duplicates(_ctx: Any, _admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.intake.duplicates import DuplicatesDialog

    candidates = [
        DuplicateCandidate(
            f"p-{n}",
            "name",
            "Sri Wahyuni",
            "3171********0001",
            date(1993, 5, 5),
            "JKT",
            "registered",
        )
        for n in (1, 2)
    ]
    typed = {"nama": "Sri Wahyuni", "tanggal_lahir": "05/05/1993"}
    dialog = DuplicatesDialog(typed, candidates, parent)
    return dialog, next(iter(dialog.checks.values()))


def _question(_ctx: Any, _admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    """messages.ask: the save flow's warnings, "leave the form", "clear the form", erase."""
    from app.ui.messages import ask

    box = ask(
        parent, "Simpan dengan peringatan?", "Periksa:", "Sudah, simpan", "Kembali", lambda: None
    )
    return box, box.defaultButton()


def _provider_id(ctx: Any, admin: Any) -> str:
    from app.services.providers import register_provider

    return register_provider(ctx.db, admin, {"name": "LPK Fokus", "provider_type": "LPK"}).id


def _provider(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.provider_dialogs import ProviderDialog

    dialog = ProviderDialog(ctx, admin, parent=parent)
    return dialog, dialog.inputs["name"]


def _offers(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.services.modules import list_modules
    from app.ui.dialogs.provider_dialogs import OffersDialog

    dialog = OffersDialog(ctx, admin, _provider_id(ctx, admin), list_modules(ctx.db), (), parent)
    return dialog, dialog.rows[0][1]


def _mark_item(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.provider_dialogs import MarkItemDialog

    dialog = MarkItemDialog(ctx, admin, _provider_id(ctx, admin), "site_visit", None, None, parent)
    return dialog, dialog.status


def _decision(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.provider_dialogs import DecisionDialog

    dialog = DecisionDialog(ctx, admin, _provider_id(ctx, admin), date(2026, 12, 2), [], parent)
    return dialog, dialog.verdict


def _module(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.pages.modules import ModuleDialog

    dialog = ModuleDialog(ctx, admin, None, parent)
    return dialog, dialog.code


def _cohort(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.cohort_dialog import CohortDialog

    dialog = CohortDialog(ctx, admin, parent)
    return dialog, dialog.provider


def _enrol(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.enrol_dialog import EnrolDialog
    from tests.ui.test_cohort_dialogs import planned_cohort

    dialog = EnrolDialog(ctx, admin, planned_cohort(ctx, admin), parent)
    return dialog, dialog.text


def _result(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from fractions import Fraction

    from app.services.cohort_views import EnrolmentView
    from app.ui.dialogs.cohort_actions import ResultDialog

    person = EnrolmentView(
        "e1", "p1", "3171********0001", "3171011708900001", "Budi Santoso", "enrolled", "",
        None, {}, {"H": 8, "I": 0, "S": 0, "A": 2}, Fraction(4, 5), None, None, None, False,
        ("Nilai asesmen belum diisi.",), None,
    )  # fmt: skip
    dialog = ResultDialog(ctx, admin, "c1", person, parent)
    return dialog, dialog.score


def _reason(_ctx: Any, _admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.cohort_actions import ReasonDialog

    dialog = ReasonDialog("Mundurkan", "Tempat diberikan ke daftar tunggu.", "Mundurkan",
                          lambda _r: None, parent)  # fmt: skip
    return dialog, dialog.reason


def _approval(ctx: Any, _admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.cohort_actions import ApprovalDialog

    dialog = ApprovalDialog(ctx, date(2026, 12, 2), parent)
    return dialog, dialog.username


def _makeup(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.cohort_actions import MakeupDayDialog

    dialog = MakeupDayDialog(ctx, admin, "c1", parent)
    return dialog, dialog.day


def _signed(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.domain.roles import Permission
    from app.ui.dialogs.payment_dialogs import SignedActionDialog

    dialog = SignedActionDialog(ctx, admin, Permission.PAYMENT_REVERSE, "Batalkan pembayaran",
                                "Uang kembali.", "Batalkan", lambda _s, _r, _c: None,
                                facts=[("Nama", "Budi Santoso")], choices=["KW/JKT-1/2026/0001"],
                                reason=True, parent=parent)  # fmt: skip
    return dialog, dialog.reason


def _signed_supervisor(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.domain.roles import Permission
    from app.ui.dialogs.payment_dialogs import SignedActionDialog

    dialog = SignedActionDialog(ctx, admin, Permission.STIPEND_APPROVE, "Setujui periode",
                                "Jumlah berikut.", "Setujui", lambda _s, _r, _c: None,
                                facts=[("Total", "Rp1.350.000")], parent=parent)  # fmt: skip
    return dialog, dialog.username


def _pay(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.services.stipend_views import EntitlementRow
    from app.ui.dialogs.payment_dialogs import PayDialog

    row = EntitlementRow(
        "e1", "c1", "ANG/JKT-1/2026/0001", "p1", "Budi Santoso", "3171011708900001",
        "3171********0001", "transport", "W1", "Minggu ke-1 (07/12–13/12/2026)", 5, 50_000,
        250_000, 250_000, 0, 250_000, 0, "disetujui", False, None,
    )  # fmt: skip
    dialog = PayDialog(ctx, admin, [row], parent)
    return dialog, dialog.method


def _compute_result(_ctx: Any, _admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.services.stipend_views import Change, ComputeReport
    from app.ui.dialogs.payment_dialogs import ComputeResultDialog

    change = Change("e1", "Budi Santoso", "transport", "W1", None, 250_000, "")
    report = ComputeReport("ANG/JKT-1/2026/0001", 1, 0, 0, (change,), ())
    dialog = ComputeResultDialog(report, parent)
    return dialog, dialog.close_button


def _receipt_preview(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.receipt_preview import ReceiptPreviewDialog

    dialog = ReceiptPreviewDialog(ctx, admin, parent=parent)
    return dialog, dialog.print_button


def _certificate_preview(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.certificate_preview import CertificatePreviewDialog

    dialog = CertificatePreviewDialog(ctx, admin, parent=parent)
    return dialog, dialog.print_button


def _certificate_print(_ctx: Any, _admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.certificate_print import CertificatePrintDialog

    dialog = CertificatePrintDialog("ANG/JKT-1/2026/0001", 2, 16, 3, parent)
    return dialog, dialog.who


def _outcome(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.services.followups import DueRow
    from app.ui.dialogs.followup_outcome import OutcomeDialog

    row = DueRow("p1", "e1", "Sri Wahyuni", "3171********0001", "+6281234567890",
                 None, "ANG/JKT-1/2026/0001", 1, date(2027, 1, 8), "this_week", 0,
                 False)  # fmt: skip
    dialog = OutcomeDialog(ctx, admin, row, parent)
    return dialog, dialog.outcome


def _vacancy(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.vacancy_dialog import VacancyDialog

    dialog = VacancyDialog(ctx, admin, parent)
    return dialog, dialog.inputs["employer"]


def _vacancy_import(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.vacancy_import import VacancyImportDialog

    dialog = VacancyImportDialog(ctx, admin, parent)
    return dialog, dialog.choose_button


def _vacancy_people(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.vacancy_matches import VacancyPeopleDialog

    dialog = VacancyPeopleDialog(ctx, admin, "no-such-vacancy", parent)
    return dialog, dialog.people


def _person_vacancies(ctx: Any, admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.vacancy_matches import PersonVacanciesDialog

    dialog = PersonVacanciesDialog(ctx, admin, "no-such-person", "Sri Wahyuni", parent)
    return dialog, dialog.vacancies


def _about(_ctx: Any, _admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.about import AboutDialog

    dialog = AboutDialog(parent)
    return dialog, dialog.close_button


def _user_guide(_ctx: Any, _admin: Any, parent: QWidget) -> tuple[QDialog, QWidget]:
    from app.ui.dialogs.user_guide import UserGuideDialog

    dialog = UserGuideDialog(parent)
    return dialog, dialog.search


CASES: dict[str, Case] = {
    "LoginDialog": _login,
    "SetupWizard": _setup,
    "ChangePasswordDialog": _change_password,
    "ChangePasswordDialog (forced at sign-in)": _forced_password,
    "LockDialog": _lock,
    "AddStaffDialog": _add_staff,
    "ResetPasswordDialog": _reset_password,
    "SupervisorConfirmDialog": _supervisor,
    "StatusDialog": _status,
    "ImportDialog": _import,
    "DuplicatesDialog": _duplicates,
    "ask (a question box)": _question,
    "ProviderDialog": _provider,
    "OffersDialog": _offers,
    "MarkItemDialog": _mark_item,
    "DecisionDialog": _decision,
    "ModuleDialog": _module,
    "CohortDialog": _cohort,
    "EnrolDialog": _enrol,
    "ResultDialog": _result,
    "ReasonDialog": _reason,
    "ApprovalDialog": _approval,
    "MakeupDayDialog": _makeup,
    "SignedActionDialog": _signed,
    "SignedActionDialog (a supervisor signs in)": _signed_supervisor,
    "PayDialog": _pay,
    "ComputeResultDialog": _compute_result,
    "ReceiptPreviewDialog": _receipt_preview,
    "CertificatePreviewDialog": _certificate_preview,
    "CertificatePrintDialog": _certificate_print,
    "OutcomeDialog": _outcome,
    "VacancyDialog": _vacancy,
    "VacancyImportDialog": _vacancy_import,
    "VacancyPeopleDialog": _vacancy_people,
    "PersonVacanciesDialog": _person_vacancies,
    "AboutDialog": _about,
    "UserGuideDialog": _user_guide,
}
# The import dialogs' first field is a button (see the module docstring); a match dialog's
# is its list, whose rows the arrow keys choose (app.ui.dialogs.vacancy_matches).
NOT_READING_ORDER = {"ImportDialog", "VacancyImportDialog", "VacancyPeopleDialog",
                     "PersonVacanciesDialog"}  # fmt: skip


def test_every_dialog_of_the_program_has_a_case():
    found = dialog_classes()
    assert {"LoginDialog", "FormDialog", "ChangePasswordDialog"} <= found  # the search works
    covered = {name.split(" ")[0] for name in CASES}
    assert found - ABSTRACT - covered == set(), "a dialog without a focus test"


@pytest.mark.parametrize("name", list(CASES))
def test_dialog_opens_with_the_focus_on_its_first_field(qtbot, ctx, admin, name):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(1000, 700)
    parent.show()
    dialog, expected = CASES[name](ctx, admin, parent)
    if dialog.parent() is None:  # a child goes with its parent
        qtbot.addWidget(dialog)
    if not dialog.isVisible():
        dialog.open()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5_000)
    if name not in NOT_READING_ORDER:
        assert first_field(dialog) is expected, describe(first_field(dialog))
    try:
        qtbot.waitUntil(lambda: has_focus_in(expected), timeout=2_000)
    except TimeoutError:
        pytest.fail(
            f"{name}: the focus is on {describe(QApplication.focusWidget())}, "
            f"not on {describe(expected)}"
        )
