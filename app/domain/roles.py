"""Roles and what each may do. Services check these; the window only mirrors them.

A permission names an action, not a screen, so a later feature adds its own line here and
its service calls `require(...)`. Admin is the office's IT and account keeper; supervisor
signs off money and resolves conflicts; counter (petugas loket) serves participants.
"""

from __future__ import annotations

from enum import StrEnum

from app.texts import Text


class Role(StrEnum):
    COUNTER = "counter"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


ROLE_LABELS: dict[Role, Text] = {
    Role.COUNTER: Text("Petugas loket", "Counter clerk"),
    Role.SUPERVISOR: Text("Supervisor", "Supervisor"),
    Role.ADMIN: Text("Admin", "Administrator"),
}


class Permission(StrEnum):
    STAFF_MANAGE = "staff.manage"
    SETTINGS_EDIT = "settings.edit"
    AUDIT_VIEW = "audit.view"
    PARTICIPANT_REGISTER = "participant.register"
    PARTICIPANT_EDIT = "participant.edit"
    PARTICIPANT_REVEAL = "participant.reveal"
    PARTICIPANT_IMPORT = "participant.import"
    PARTICIPANT_EXPORT_FULL = "participant.export_full"
    PARTICIPANT_ERASE = "participant.erase"
    SYNC_RESOLVE = "sync.resolve"
    MODULE_MANAGE = "module.manage"
    PROVIDER_EDIT = "provider.edit"
    PROVIDER_ASSESS = "provider.assess"
    PROVIDER_DECIDE = "provider.decide"
    PROVIDER_IMPORT = "provider.import"
    COHORT_EDIT = "cohort.edit"
    COHORT_ENROL = "cohort.enrol"
    ATTENDANCE_MARK = "attendance.mark"
    ATTENDANCE_APPROVE = "attendance.approve"
    COHORT_RESULT = "cohort.result"
    COHORT_CLOSE = "cohort.close"
    STIPEND_COMPUTE = "stipend.compute"
    STIPEND_APPROVE = "stipend.approve"
    PAYMENT_PAY = "payment.pay"
    PAYMENT_REVERSE = "payment.reverse"
    RECOVERY_WRITE_OFF = "recovery.write_off"
    CASH_CLOSE = "cash.close"
    CASH_APPROVE = "cash.approve"
    CERTIFICATE_ISSUE = "certificate.issue"
    CERTIFICATE_REVOKE = "certificate.revoke"
    FOLLOWUP_RECORD = "followup.record"
    VACANCY_EDIT = "vacancy.edit"
    VACANCY_IMPORT = "vacancy.import"
    REPORT_VIEW = "report.view"


GRANTS: dict[Permission, frozenset[Role]] = {
    Permission.STAFF_MANAGE: frozenset({Role.ADMIN}),
    Permission.SETTINGS_EDIT: frozenset({Role.ADMIN}),
    Permission.AUDIT_VIEW: frozenset({Role.SUPERVISOR, Role.ADMIN}),
    Permission.PARTICIPANT_REGISTER: frozenset({Role.COUNTER, Role.SUPERVISOR, Role.ADMIN}),
    Permission.PARTICIPANT_EDIT: frozenset({Role.COUNTER, Role.SUPERVISOR, Role.ADMIN}),
    # Seeing a full NIK or account number is allowed to every role but always audited.
    Permission.PARTICIPANT_REVEAL: frozenset({Role.COUNTER, Role.SUPERVISOR, Role.ADMIN}),
    Permission.PARTICIPANT_IMPORT: frozenset({Role.SUPERVISOR, Role.ADMIN}),
    Permission.PARTICIPANT_EXPORT_FULL: frozenset({Role.SUPERVISOR}),
    Permission.PARTICIPANT_ERASE: frozenset({Role.SUPERVISOR}),
    Permission.SYNC_RESOLVE: frozenset({Role.SUPERVISOR}),
    # The catalogue and the decision on a provider are the supervisor's; registering a
    # provider and marking checklist items with evidence is counter work.
    Permission.MODULE_MANAGE: frozenset({Role.SUPERVISOR}),
    Permission.PROVIDER_EDIT: frozenset({Role.COUNTER, Role.SUPERVISOR, Role.ADMIN}),
    Permission.PROVIDER_ASSESS: frozenset({Role.COUNTER, Role.SUPERVISOR}),
    Permission.PROVIDER_DECIDE: frozenset({Role.SUPERVISOR}),
    Permission.PROVIDER_IMPORT: frozenset({Role.SUPERVISOR, Role.ADMIN}),
    # Cohorts: planning, enrolling, marking and recording results are counter work (and the
    # CLI's, which acts as admin, so office IT can script a cohort); approving a day's
    # attendance (and any change after it), finishing and cancelling are the supervisor's
    # (admin too for finishing and cancelling from the CLI).
    Permission.COHORT_EDIT: frozenset({Role.COUNTER, Role.SUPERVISOR, Role.ADMIN}),
    Permission.COHORT_ENROL: frozenset({Role.COUNTER, Role.SUPERVISOR, Role.ADMIN}),
    Permission.ATTENDANCE_MARK: frozenset({Role.COUNTER, Role.SUPERVISOR, Role.ADMIN}),
    Permission.ATTENDANCE_APPROVE: frozenset({Role.SUPERVISOR}),
    Permission.COHORT_RESULT: frozenset({Role.COUNTER, Role.SUPERVISOR, Role.ADMIN}),
    Permission.COHORT_CLOSE: frozenset({Role.SUPERVISOR, Role.ADMIN}),
    # Money: computing what is owed, paying against a receipt and closing the day's cash
    # are counter work (and the CLI's); approving a batch, signing off a reversal, writing
    # off an overpayment and signing a cash close are the supervisor's alone — the CLI
    # signs a supervisor in for them (--supervisor USER --password-stdin).
    Permission.STIPEND_COMPUTE: frozenset({Role.COUNTER, Role.SUPERVISOR, Role.ADMIN}),
    Permission.STIPEND_APPROVE: frozenset({Role.SUPERVISOR}),
    Permission.PAYMENT_PAY: frozenset({Role.COUNTER, Role.SUPERVISOR, Role.ADMIN}),
    Permission.PAYMENT_REVERSE: frozenset({Role.SUPERVISOR}),
    Permission.RECOVERY_WRITE_OFF: frozenset({Role.SUPERVISOR}),
    Permission.CASH_CLOSE: frozenset({Role.COUNTER, Role.SUPERVISOR, Role.ADMIN}),
    Permission.CASH_APPROVE: frozenset({Role.SUPERVISOR}),
    # Certificates: issuing and printing them for a finished cohort's graduates is counter
    # work (and the CLI's); revoking one is the supervisor's alone.
    Permission.CERTIFICATE_ISSUE: frozenset({Role.COUNTER, Role.SUPERVISOR, Role.ADMIN}),
    Permission.CERTIFICATE_REVOKE: frozenset({Role.SUPERVISOR}),
    # Follow-up calls after training are counter work.
    Permission.FOLLOWUP_RECORD: frozenset({Role.COUNTER, Role.SUPERVISOR, Role.ADMIN}),
    # Vacancies come from employers by phone or letter at any counter; a whole file of
    # them (a job fair's list) is a supervisor's or the admin's, like the other imports.
    Permission.VACANCY_EDIT: frozenset({Role.COUNTER, Role.SUPERVISOR, Role.ADMIN}),
    Permission.VACANCY_IMPORT: frozenset({Role.SUPERVISOR, Role.ADMIN}),
    # The monthly report: the branch head (supervisor) sends it; the admin may make it.
    Permission.REPORT_VIEW: frozenset({Role.SUPERVISOR, Role.ADMIN}),
}


def can(role: Role | str, permission: Permission) -> bool:
    return Role(role) in GRANTS[permission]
