"""Every role against every service that checks a permission, on a real office database.

The expected grants are written out here from the published roles (docs/security.md: a
counter clerk registers and edits; a supervisor imports, exports in full, erases and
resolves; an admin manages accounts and settings), not read from app.domain.roles, so a
grant widened or narrowed there fails here, and so does a service that checks the wrong
permission. An allowed role gets past the check (its action is done and audited, or it
meets a business refusal); any other role gets PermissionDenied, written to the audit log
as `auth.permission_denied` with the permission and the role, and nothing else is written.

A service that starts checking a permission (`require(...)` in app/services) without a row
here fails `test_every_permission_check_in_the_services_has_a_row`.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.domain.roles import GRANTS, Permission, Role, can
from app.errors import LoketError, PermissionDenied, StateError
from tests.unit.helpers import count, rows

COUNTER, SUPERVISOR, ADMIN = "counter", "supervisor", "admin"
ALL = frozenset({COUNTER, SUPERVISOR, ADMIN})

# The published roles (docs/security.md, DESIGN §5), one line per permission.
EXPECTED: dict[Permission, frozenset[str]] = {
    Permission.STAFF_MANAGE: frozenset({ADMIN}),
    Permission.SETTINGS_EDIT: frozenset({ADMIN}),
    Permission.AUDIT_VIEW: frozenset({SUPERVISOR, ADMIN}),
    Permission.PARTICIPANT_REGISTER: ALL,
    Permission.PARTICIPANT_EDIT: ALL,
    Permission.PARTICIPANT_REVEAL: ALL,
    Permission.PARTICIPANT_IMPORT: frozenset({SUPERVISOR, ADMIN}),
    Permission.PARTICIPANT_EXPORT_FULL: frozenset({SUPERVISOR}),
    Permission.PARTICIPANT_ERASE: frozenset({SUPERVISOR}),
    Permission.SYNC_RESOLVE: frozenset({SUPERVISOR}),
    Permission.MODULE_MANAGE: frozenset({SUPERVISOR}),
    Permission.PROVIDER_EDIT: ALL,
    Permission.PROVIDER_ASSESS: frozenset({COUNTER, SUPERVISOR}),
    Permission.PROVIDER_DECIDE: frozenset({SUPERVISOR}),
    Permission.PROVIDER_IMPORT: frozenset({SUPERVISOR, ADMIN}),
    Permission.COHORT_EDIT: ALL,
    Permission.COHORT_ENROL: ALL,
    Permission.ATTENDANCE_MARK: ALL,
    Permission.ATTENDANCE_APPROVE: frozenset({SUPERVISOR}),
    Permission.COHORT_RESULT: ALL,
    Permission.COHORT_CLOSE: frozenset({SUPERVISOR, ADMIN}),
    Permission.STIPEND_COMPUTE: ALL,
    Permission.STIPEND_APPROVE: frozenset({SUPERVISOR}),
    Permission.PAYMENT_PAY: ALL,
    Permission.PAYMENT_REVERSE: frozenset({SUPERVISOR}),
    Permission.RECOVERY_WRITE_OFF: frozenset({SUPERVISOR}),
    Permission.CASH_CLOSE: ALL,
    Permission.CASH_APPROVE: frozenset({SUPERVISOR}),
    Permission.CERTIFICATE_ISSUE: ALL,
    Permission.CERTIFICATE_REVOKE: frozenset({SUPERVISOR}),
    Permission.FOLLOWUP_RECORD: ALL,
    Permission.VACANCY_EDIT: ALL,
    Permission.VACANCY_IMPORT: frozenset({SUPERVISOR, ADMIN}),
    Permission.REPORT_VIEW: frozenset({SUPERVISOR, ADMIN}),
}
# Declared for the audit-log viewer of a later issue; no service checks it yet (asserted
# below, so the first one that does must add its row).
NOT_CHECKED_YET = {Permission.AUDIT_VIEW}

PERSON = {
    "nik": "3171011708900001",
    "nama": "Budi Santoso",
    "tanggal_lahir": "17/08/1990",
    "jenis_kelamin": "L",
    "persetujuan": "Y",
}


@dataclass
class Ctx:
    db: Any
    actor: Any
    admin: Any
    tmp: Path
    person: str = ""
    provider: str = ""
    cohort: str = ""
    other: str = ""  # a second person, not enrolled
    supervisor: Any = None
    owed: str = ""  # an approved, unpaid entitlement
    receipt: str = ""  # a paid receipt
    overpaid: str = ""  # a paid entitlement found too high
    certificate: str = ""  # the number of an issued certificate
    graduate: str = ""  # the enrolment of a graduate without a certificate yet
    vacancy: str = ""  # an open vacancy


def _person(ctx: Ctx) -> str:
    from app.services.participants import register

    out = register(ctx.db, ctx.admin, dict(PERSON), confirm_warnings=True)
    assert out.saved is not None, [f.message() for f in out.findings]
    return out.saved.id


def _staff_id(ctx: Ctx, username: str) -> str:
    from app.services.staff import find_staff_id

    return find_staff_id(ctx.db, ctx.admin, username)


def _list_staff(ctx: Ctx) -> object:
    from app.services.staff import list_staff

    names = [s.username for s in list_staff(ctx.db, ctx.actor)]
    assert "admin" in names
    return None


def _add_staff(ctx: Ctx) -> object:
    from app.services.staff import add_staff

    return add_staff(
        ctx.db, ctx.actor, username="baru", full_name="Baru", role="counter", password="sementara1"
    )


def _set_active(ctx: Ctx) -> object:
    from app.services.staff import set_active

    return set_active(ctx.db, ctx.actor, _staff_id(ctx, "loket.budi"), False)


def _reset_password(ctx: Ctx) -> object:
    from app.services.staff import reset_password

    return reset_password(ctx.db, ctx.actor, _staff_id(ctx, "loket.budi"), "sementara2")


def _unlock(ctx: Ctx) -> object:
    from app.services.staff import unlock

    return unlock(ctx.db, ctx.actor, _staff_id(ctx, "loket.budi"))


def _update_settings(ctx: Ctx) -> object:
    from app.services.settings import update_settings

    return update_settings(ctx.db, ctx.actor, {"idle_lock_minutes": 20})


def _register(ctx: Ctx) -> object:
    from app.services.participants import register

    out = register(ctx.db, ctx.actor, dict(PERSON), confirm_warnings=True)
    assert out.saved is not None
    return out


def _update(ctx: Ctx) -> object:
    from app.services.participant_records import update

    return update(
        ctx.db, ctx.actor, ctx.person, {**PERSON, "nama": "Budi Santosa"}, confirm_warnings=True
    )


def _set_status(ctx: Ctx) -> object:
    from app.services.participant_records import set_status

    return set_status(ctx.db, ctx.actor, ctx.person, "verified")


def _record_consent(ctx: Ctx) -> object:
    from app.services.participant_records import record_consent

    return record_consent(ctx.db, ctx.actor, ctx.person, "v2")


def _values_for_edit(ctx: Ctx) -> object:
    from app.services.participant_records import values_for_edit

    assert values_for_edit(ctx.db, ctx.actor, ctx.person)["nik"] == PERSON["nik"]
    return None


def _attach(ctx: Ctx) -> object:
    from app.services.participant_documents import attach

    scan = ctx.tmp / "ktp.pdf"
    scan.write_bytes(b"%PDF-1.4 ktp")
    return attach(ctx.db, ctx.actor, ctx.person, "ktp", scan)


def _reveal(ctx: Ctx) -> object:
    from app.services.participant_records import reveal

    assert reveal(ctx.db, ctx.actor, ctx.person, "nik") == PERSON["nik"]
    return None


def _import(ctx: Ctx) -> object:
    from app.services.participant_import import run_import

    table = ctx.tmp / "peserta.csv"
    table.write_text(
        "nik,nama,tanggal_lahir,jenis_kelamin,persetujuan\n"
        "3171014508910002,Siti Aminah,05/08/1991,P,Y\n",
        encoding="utf-8",
    )
    result = run_import(ctx.db, ctx.actor, table)
    assert result.written == 1
    return result


def _export_full(ctx: Ctx) -> object:
    from app.services.participant_export import export_participants

    return export_participants(ctx.db, ctx.actor, ctx.tmp / "semua.csv", full=True)


def _export_person(ctx: Ctx) -> object:
    from app.services.participant_export import export_person

    return export_person(ctx.db, ctx.actor, ctx.person, ctx.tmp / "orang.json")


def _erase(ctx: Ctx) -> object:
    from app.services.personal_data import erase_person

    return erase_person(ctx.db, ctx.actor, ctx.person, "menarik persetujuan")


def _resolve(ctx: Ctx) -> object:
    from app.services.sync_review import resolve

    return resolve(ctx.db, ctx.actor, 1, "server", "rahasia")


def _merge(ctx: Ctx) -> object:
    from app.services.sync_review import merge

    return merge(ctx.db, ctx.actor, 1, "a", "rahasia")


PROVIDER = {"name": "BLK Matriks", "provider_type": "BLK", "licence_number": "TD-1"}


def _provider(ctx: Ctx) -> str:
    from app.services.providers import register_provider

    return register_provider(ctx.db, ctx.admin, dict(PROVIDER)).id


def _add_module(ctx: Ctx) -> object:
    from app.services.modules import add_module

    return add_module(ctx.db, ctx.actor, {"code": "LAS-PIPA", "name": "Las pipa", "hours": 80})


def _update_module(ctx: Ctx) -> object:
    from app.services.modules import update_module

    return update_module(ctx.db, ctx.actor, "LAS", {"name": "Juru las", "hours": 200})


def _deactivate_module(ctx: Ctx) -> object:
    from app.services.modules import set_module_active

    return set_module_active(ctx.db, ctx.actor, "LAS", False)


def _register_provider(ctx: Ctx) -> object:
    from app.services.providers import register_provider

    return register_provider(ctx.db, ctx.actor, dict(PROVIDER, name="LPK Baru"))


def _update_provider(ctx: Ctx) -> object:
    from app.services.providers import update_provider

    return update_provider(ctx.db, ctx.actor, ctx.provider, dict(PROVIDER, address="Jl. Baru"))


def _set_offers(ctx: Ctx) -> object:
    from app.services.provider_views import Offer
    from app.services.providers import set_offers

    return set_offers(ctx.db, ctx.actor, ctx.provider, [Offer("LAS"), Offer("GARMEN")])


def _mark_item(ctx: Ctx) -> object:
    from app.services.provider_assessment import mark_item

    return mark_item(ctx.db, ctx.actor, ctx.provider, "site_visit", "sesuai", "dikunjungi")


def _attach_evidence(ctx: Ctx) -> object:
    from app.services.provider_assessment import attach_evidence

    scan = ctx.tmp / "foto.jpg"
    scan.write_bytes(b"\xff\xd8\xff foto lokasi")
    return attach_evidence(ctx.db, ctx.actor, ctx.provider, "site_visit", scan)


def _decide(ctx: Ctx) -> object:
    from app.services.provider_assessment import decide

    return decide(ctx.db, ctx.actor, ctx.provider, "tidak_layak", "belum enam bulan")


def _import_providers(ctx: Ctx) -> object:
    from app.services.provider_import import run_provider_import

    path = ctx.tmp / "lembaga.csv"
    path.write_text("nama,jenis,modul\nLPK Impor,LPK,LAS|GARMEN\n", encoding="utf-8")
    return run_provider_import(ctx.db, ctx.actor, path)


VACANCY = {
    "employer": "PT Baja Utama",
    "position": "Juru Las",
    "region_code": "31.71",
    "modules": "LAS",
    "contact": "HRD 0812-1111-2222",
    "closes_on": "2027-01-31",
}


def _vacancy(ctx: Ctx) -> str:
    from app.services.vacancies import add_vacancy

    return add_vacancy(ctx.db, ctx.admin, dict(VACANCY)).id


def _referral(ctx: Ctx) -> None:
    """Budi referred (by the admin) to an open vacancy."""
    from app.services.vacancy_matching import refer

    ctx.person, ctx.vacancy = _person(ctx), _vacancy(ctx)
    refer(ctx.db, ctx.admin, ctx.person, ctx.vacancy)


def _add_vacancy(ctx: Ctx) -> object:
    from app.services.vacancies import add_vacancy

    return add_vacancy(ctx.db, ctx.actor, dict(VACANCY, position="Juru Las Pipa"))


def _update_vacancy(ctx: Ctx) -> object:
    from app.services.vacancies import update_vacancy

    return update_vacancy(ctx.db, ctx.actor, ctx.vacancy, dict(VACANCY, openings="3"))


def _close_vacancy(ctx: Ctx) -> object:
    from app.services.vacancies import close_vacancy

    return close_vacancy(ctx.db, ctx.actor, ctx.vacancy)


def _report(ctx: Ctx) -> object:
    from datetime import date

    from app.services.monthly_report import report_for

    return report_for(ctx.db, ctx.actor, date(2026, 11, 1), ctx.actor.office_code)


def _export_report(ctx: Ctx) -> object:
    from datetime import date

    from app.services.report_files import export_monthly_report

    out = ctx.tmp / "laporan.xlsx"
    report = export_monthly_report(ctx.db, ctx.actor, date(2026, 11, 1), ctx.actor.office_code, out)
    assert out.stat().st_size > 0
    return report


def _import_vacancies(ctx: Ctx) -> object:
    from app.services.vacancy_import import run_vacancy_import

    path = ctx.tmp / "lowongan.csv"
    path.write_text(
        "perusahaan,posisi,kode_wilayah,modul,kontak\nPT Impor,Operator,32.75,FORKLIFT,HRD\n",
        encoding="utf-8",
    )
    result = run_vacancy_import(ctx.db, ctx.actor, path)
    assert result.written == 1
    return result


def _refer(ctx: Ctx) -> object:
    from app.services.vacancy_matching import refer

    return refer(ctx.db, ctx.actor, ctx.person, ctx.vacancy)


def _record_hire(ctx: Ctx) -> object:
    from app.services.vacancy_matching import record_hire

    out = record_hire(ctx.db, ctx.actor, ctx.person, ctx.vacancy, True)
    assert out.hired is True
    return out


def _cohort(office: Any, ctx: Ctx) -> None:
    """A cohort 30/11-11/12/2026 (today is 02/12) with one person enrolled and marked on
    the 2nd, and one more person not enrolled."""
    from app.services.attendance import mark
    from app.services.enrolment import enrol
    from tests.unit.cohort_support import TODAY, at, cohort, fit_provider, person

    at(office, TODAY)
    ctx.provider = fit_provider(office)
    ctx.cohort = cohort(office, ctx.provider, start=date(2026, 11, 30), end=date(2026, 12, 11))
    ctx.person, ctx.other = person(office, 1), person(office, 2)
    enrol(office.db, ctx.admin, ctx.cohort, [ctx.person])
    mark(office.db, ctx.admin, ctx.cohort, TODAY, {ctx.person: "H"})


def _money(office: Any, ctx: Ctx) -> None:
    """Week 1 of a stipend cohort approved; Budi's transport and pocket money paid, then
    his Monday corrected to absent (his pocket money is now overpaid); Siti's unpaid."""
    from app.services import entitlements, payments
    from app.services.attendance import mark
    from tests.unit.stipend_support import week_one

    c = week_one(office)
    spv = office.actors[SUPERVISOR]
    entitlements.approve(office.db, spv, c.id, "W1")
    rows = {(r.name, r.kind): r.id for r in entitlements.list_entitlements(office.db, c.id)}
    ctx.receipt = payments.pay(
        office.db, ctx.admin, rows[("Budi Santoso", "transport")], "cash"
    ).receipt_number
    payments.pay(office.db, ctx.admin, rows[("Budi Santoso", "pocket")], "cash")
    mark(office.db, ctx.admin, c.id, date(2026, 12, 7), {c.budi: "A"}, approver=spv)
    entitlements.compute(office.db, ctx.admin, c.id)
    ctx.cohort, ctx.supervisor = c.id, spv
    ctx.owed, ctx.overpaid = rows[("Siti Aminah", "transport")], rows[("Budi Santoso", "pocket")]


def _compute(ctx: Ctx) -> object:
    from app.services.entitlements import compute

    return compute(ctx.db, ctx.actor, ctx.cohort)


def _approve(ctx: Ctx) -> object:
    from app.services.entitlements import approve

    return approve(ctx.db, ctx.actor, ctx.cohort, "W1")


def _pay(ctx: Ctx) -> object:
    from app.services.payments import pay

    return pay(ctx.db, ctx.actor, ctx.owed, "cash")


def _reverse_asked(ctx: Ctx) -> object:
    from app.services.payments import reverse

    return reverse(ctx.db, ctx.actor, ctx.supervisor, ctx.receipt, "uang dikembalikan")


def _reverse_signed(ctx: Ctx) -> object:
    from app.services.payments import reverse

    return reverse(ctx.db, ctx.actor, ctx.actor, ctx.receipt, "uang dikembalikan")


def _write_off(ctx: Ctx) -> object:
    from app.services.payments import write_off

    return write_off(ctx.db, ctx.actor, ctx.overpaid, "peserta pindah kota")


def _close_asked(ctx: Ctx) -> object:
    from app.services.cash_close import close_day

    return close_day(ctx.db, ctx.actor, ctx.supervisor, date(2026, 12, 14), 2_000_000, 1_250_000)


def _close_signed(ctx: Ctx) -> object:
    from app.services.cash_close import close_day

    return close_day(ctx.db, ctx.actor, ctx.actor, date(2026, 12, 14), 2_000_000, 1_250_000)


def _graduates(office: Any, ctx: Ctx) -> None:
    """A cohort of 07-08/12/2026 finished on the 9th with two graduates: Budi's certificate
    issued (SERT/JKT-1/2026/0001), Siti's not yet."""
    from app.domain.ids import stable_id
    from app.services.attendance import all_present
    from app.services.certificates import issue
    from app.services.cohort_results import finish_cohort, record_result
    from app.services.enrolment import enrol
    from tests.unit.cohort_support import at, cohort, fit_provider, person

    provider = fit_provider(office)
    cid = cohort(office, provider, start=date(2026, 12, 7), end=date(2026, 12, 8))
    budi, siti = person(office, 1, "Budi Santoso"), person(office, 2, "Siti Aminah")
    enrol(office.db, ctx.admin, cid, [budi, siti])
    for day in (date(2026, 12, 7), date(2026, 12, 8)):
        at(office, day)
        all_present(office.db, ctx.admin, cid, day)
    at(office, date(2026, 12, 9))
    for pid in (budi, siti):
        record_result(office.db, ctx.admin, cid, pid, 80, "lulus")
    finish_cohort(office.db, ctx.admin, cid)
    (ctx.certificate,) = issue(office.db, ctx.admin, cid, [stable_id("enrollment", cid, budi)])
    ctx.cohort, ctx.graduate = cid, stable_id("enrollment", cid, siti)
    ctx.supervisor = office.actors[SUPERVISOR]


def _issue(ctx: Ctx) -> object:
    from app.services.certificates import issue

    numbers = issue(ctx.db, ctx.actor, ctx.cohort, [ctx.graduate])
    assert numbers == ["SERT/JKT-1/2026/0002"]
    return numbers


def _record_followup(ctx: Ctx) -> object:
    from datetime import UTC, datetime

    from app.services.followups import Call, record

    ctx.db.clock.now = datetime(2027, 1, 8, 3, tzinfo=UTC)  # a month after the cohort
    ((pid,),) = rows(ctx.db.path, "SELECT participant_id FROM enrollment WHERE id=?",
                     ctx.graduate)  # fmt: skip
    return record(ctx.db, ctx.actor, str(pid), Call("looking"))


def _print_certificates(ctx: Ctx) -> object:
    from app.services.certificate_documents import print_certificates

    out = print_certificates(ctx.db, ctx.actor, ctx.cohort, ctx.tmp / "sertifikat", one_file=False)
    assert out.numbers == ("SERT/JKT-1/2026/0001", "SERT/JKT-1/2026/0002")
    return out


def _revoke_asked(ctx: Ctx) -> object:
    from app.services.certificates import revoke

    return revoke(ctx.db, ctx.actor, ctx.supervisor, ctx.certificate, "nama salah ketik")


def _revoke_signed(ctx: Ctx) -> object:
    from app.services.certificates import revoke

    return revoke(ctx.db, ctx.actor, ctx.actor, ctx.certificate, "nama salah ketik")


def _create_cohort(ctx: Ctx) -> object:
    from app.services.cohorts import CohortPlan, create_cohort

    plan = CohortPlan(ctx.provider, "GARMEN", date(2026, 12, 14), date(2026, 12, 18))
    return create_cohort(ctx.db, ctx.actor, plan)


def _move_cohort(ctx: Ctx) -> object:
    from app.services.cohorts import move_cohort

    days = ("mon", "tue", "wed", "thu", "fri")
    return move_cohort(ctx.db, ctx.actor, ctx.cohort, date(2026, 11, 30), date(2026, 12, 18), days)


def _cancel_cohort(ctx: Ctx) -> object:
    from app.services.cohorts import set_status

    return set_status(ctx.db, ctx.actor, ctx.cohort, "dibatalkan", "lembaga tutup")


def _remove_day(ctx: Ctx) -> object:
    from app.services.cohort_days import remove_day

    return remove_day(ctx.db, ctx.actor, ctx.cohort, date(2026, 12, 10))


def _add_day(ctx: Ctx) -> object:
    from app.services.cohort_days import add_day

    return add_day(ctx.db, ctx.actor, ctx.cohort, date(2026, 12, 5))


def _set_capacity(ctx: Ctx) -> object:
    from app.services.enrolment import set_capacity

    return set_capacity(ctx.db, ctx.actor, ctx.cohort, 30)


def _enrol(ctx: Ctx) -> object:
    from app.services.enrolment import enrol

    (out,) = enrol(ctx.db, ctx.actor, ctx.cohort, [ctx.other])
    assert out.status == "enrolled", out.reasons
    return out


def _withdraw(ctx: Ctx) -> object:
    from app.services.enrolment import withdraw

    return withdraw(ctx.db, ctx.actor, ctx.cohort, ctx.person, "sudah bekerja")


def _mark(ctx: Ctx) -> object:
    from app.services.attendance import mark

    return mark(ctx.db, ctx.actor, ctx.cohort, date(2026, 12, 1), {ctx.person: "I"})


def _all_present(ctx: Ctx) -> object:
    from app.services.attendance import all_present

    out = all_present(ctx.db, ctx.actor, ctx.cohort, date(2026, 12, 1))
    assert out.marked == 1
    return out


def _lock_day(ctx: Ctx) -> object:
    from app.services.attendance import lock_day

    return lock_day(ctx.db, ctx.actor, ctx.cohort, date(2026, 12, 2))


def _record_result(ctx: Ctx) -> object:
    from app.services.cohort_results import record_result

    return record_result(ctx.db, ctx.actor, ctx.cohort, ctx.person, 10, "tidak_lulus")


def _finish_cohort(ctx: Ctx) -> object:
    from app.services.cohort_results import finish_cohort

    return finish_cohort(ctx.db, ctx.actor, ctx.cohort)


def _begin_cohort(ctx: Ctx) -> object:
    from app.services.cohorts import set_status

    # marking the 2nd started it; a planned one is started by hand
    other = _create_cohort(ctx)
    return set_status(ctx.db, ctx.actor, other.id, "berjalan")  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Row:
    permission: Permission
    service: str  # module:function, as found by the source scan below
    call: Callable[[Ctx], object]
    done: str | None  # the audit action an allowed role leaves behind
    refusal: type[LoketError] | None = None  # or the business refusal it meets instead
    needs_person: bool = False
    needs_provider: bool = False
    needs_cohort: bool = False
    needs_money: bool = False
    needs_graduates: bool = False
    needs_vacancy: bool = False
    needs_referral: bool = False


ROWS = [
    Row(Permission.STAFF_MANAGE, "staff:list_staff", _list_staff, None),
    Row(Permission.STAFF_MANAGE, "staff:add_staff", _add_staff, "staff.create"),
    Row(Permission.STAFF_MANAGE, "staff:set_active", _set_active, "staff.deactivate"),
    Row(Permission.STAFF_MANAGE, "staff:reset_password", _reset_password, "staff.reset_password"),
    Row(Permission.STAFF_MANAGE, "staff:unlock", _unlock, "staff.unlock"),
    Row(Permission.SETTINGS_EDIT, "settings:update_settings", _update_settings, "settings.update"),
    Row(Permission.PARTICIPANT_REGISTER, "participants:register", _register,
        "participant.register"),
    Row(Permission.PARTICIPANT_EDIT, "participant_records:update", _update,
        "participant.update", needs_person=True),
    Row(Permission.PARTICIPANT_EDIT, "participant_records:set_status", _set_status,
        "participant.status", needs_person=True),
    Row(Permission.PARTICIPANT_EDIT, "participant_records:record_consent", _record_consent,
        "participant.consent", needs_person=True),
    Row(Permission.PARTICIPANT_EDIT, "participant_records:values_for_edit", _values_for_edit,
        "participant.open_for_edit", needs_person=True),
    Row(Permission.PARTICIPANT_EDIT, "participant_documents:attach", _attach,
        "participant.document", needs_person=True),
    Row(Permission.PARTICIPANT_REVEAL, "participant_records:reveal", _reveal,
        "participant.reveal", needs_person=True),
    Row(Permission.PARTICIPANT_IMPORT, "participant_import:run_import", _import,
        "participant.import"),
    Row(Permission.PARTICIPANT_EXPORT_FULL, "participant_export:export_participants",
        _export_full, "participant.export", needs_person=True),
    Row(Permission.PARTICIPANT_EXPORT_FULL, "participant_export:export_person", _export_person,
        "participant.export_person", needs_person=True),
    Row(Permission.PARTICIPANT_ERASE, "personal_data:erase_person", _erase, "participant.erase",
        needs_person=True),
    # Allowed, the supervisor gets as far as the server: this PC is not enrolled.
    Row(Permission.SYNC_RESOLVE, "sync_review:resolve", _resolve, None, StateError),
    Row(Permission.SYNC_RESOLVE, "sync_review:merge", _merge, None, StateError),
    Row(Permission.MODULE_MANAGE, "modules:add_module", _add_module, "module.add"),
    Row(Permission.MODULE_MANAGE, "modules:update_module", _update_module, "module.update"),
    Row(Permission.MODULE_MANAGE, "modules:set_module_active", _deactivate_module,
        "module.deactivate"),
    Row(Permission.PROVIDER_EDIT, "providers:register_provider", _register_provider,
        "provider.register"),
    Row(Permission.PROVIDER_EDIT, "providers:update_provider", _update_provider,
        "provider.update", needs_provider=True),
    Row(Permission.PROVIDER_EDIT, "providers:set_offers", _set_offers, "provider.offers",
        needs_provider=True),
    Row(Permission.PROVIDER_ASSESS, "provider_assessment:mark_item", _mark_item,
        "provider.check", needs_provider=True),
    Row(Permission.PROVIDER_ASSESS, "provider_assessment:attach_evidence", _attach_evidence,
        "provider.evidence", needs_provider=True),
    Row(Permission.PROVIDER_DECIDE, "provider_assessment:decide", _decide, "provider.decide",
        needs_provider=True),
    Row(Permission.PROVIDER_IMPORT, "provider_import:run_provider_import", _import_providers,
        "provider.import"),
    Row(Permission.COHORT_EDIT, "cohorts:create_cohort", _create_cohort, "cohort.create",
        needs_cohort=True),
    Row(Permission.COHORT_EDIT, "cohorts:move_cohort", _move_cohort, "cohort.move",
        needs_cohort=True),
    Row(Permission.COHORT_EDIT, "cohorts:set_status", _begin_cohort, "cohort.status",
        needs_cohort=True),
    Row(Permission.COHORT_EDIT, "cohort_days:remove_day", _remove_day, "cohort.day_removed",
        needs_cohort=True),
    Row(Permission.COHORT_EDIT, "cohort_days:add_day", _add_day, "cohort.day_added",
        needs_cohort=True),
    Row(Permission.COHORT_EDIT, "enrolment:set_capacity", _set_capacity, "cohort.capacity",
        needs_cohort=True),
    Row(Permission.COHORT_ENROL, "enrolment:enrol", _enrol, "cohort.enrol", needs_cohort=True),
    Row(Permission.COHORT_ENROL, "enrolment:withdraw", _withdraw, "cohort.withdraw",
        needs_cohort=True),
    Row(Permission.ATTENDANCE_MARK, "attendance:mark", _mark, "attendance.mark",
        needs_cohort=True),
    Row(Permission.ATTENDANCE_MARK, "attendance:all_present", _all_present, "attendance.mark",
        needs_cohort=True),
    Row(Permission.ATTENDANCE_APPROVE, "attendance:lock_day", _lock_day, "attendance.lock",
        needs_cohort=True),
    Row(Permission.COHORT_RESULT, "cohort_results:record_result", _record_result,
        "cohort.result", needs_cohort=True),
    # Allowed, the supervisor meets the rule: the cohort's last day has not come.
    Row(Permission.COHORT_CLOSE, "cohort_results:finish_cohort", _finish_cohort, None,
        StateError, needs_cohort=True),
    Row(Permission.COHORT_CLOSE, "cohorts:set_status", _cancel_cohort, "cohort.status",
        needs_cohort=True),
    # Allowed, nothing changed since the last computation: a report, no event.
    Row(Permission.STIPEND_COMPUTE, "entitlements:compute", _compute, None, needs_money=True),
    # Allowed, the supervisor meets the rule: week 1 is approved already.
    Row(Permission.STIPEND_APPROVE, "entitlements:approve", _approve, None, StateError,
        needs_money=True),
    Row(Permission.PAYMENT_PAY, "payments:pay", _pay, "payment.pay", needs_money=True),
    Row(Permission.PAYMENT_PAY, "payments:reverse", _reverse_asked, "payment.reverse",
        needs_money=True),
    Row(Permission.PAYMENT_REVERSE, "payments:reverse", _reverse_signed, "payment.reverse",
        needs_money=True),
    Row(Permission.RECOVERY_WRITE_OFF, "payments:write_off", _write_off, "recovery.write_off",
        needs_money=True),
    Row(Permission.CASH_CLOSE, "cash_close:close_day", _close_asked, "cash.close",
        needs_money=True),
    Row(Permission.CASH_APPROVE, "cash_close:close_day", _close_signed, "cash.close",
        needs_money=True),
    Row(Permission.CERTIFICATE_ISSUE, "certificates:issue", _issue, "certificate.issue",
        needs_graduates=True),
    # print_certificates checks in the step that issues and records the prints
    Row(Permission.CERTIFICATE_ISSUE, "certificate_documents:_record", _print_certificates,
        "certificate.print", needs_graduates=True),
    Row(Permission.CERTIFICATE_ISSUE, "certificates:revoke", _revoke_asked, "certificate.revoke",
        needs_graduates=True),
    Row(Permission.CERTIFICATE_REVOKE, "certificates:revoke", _revoke_signed,
        "certificate.revoke", needs_graduates=True),
    Row(Permission.FOLLOWUP_RECORD, "followups:record", _record_followup, "followup.record",
        needs_graduates=True),
    Row(Permission.VACANCY_EDIT, "vacancies:add_vacancy", _add_vacancy, "vacancy.add"),
    Row(Permission.VACANCY_EDIT, "vacancies:update_vacancy", _update_vacancy, "vacancy.update",
        needs_vacancy=True),
    Row(Permission.VACANCY_EDIT, "vacancies:close_vacancy", _close_vacancy, "vacancy.close",
        needs_vacancy=True),
    Row(Permission.VACANCY_IMPORT, "vacancy_import:run_vacancy_import", _import_vacancies,
        "vacancy.import"),
    Row(Permission.FOLLOWUP_RECORD, "vacancy_matching:refer", _refer, "vacancy.refer",
        needs_person=True, needs_vacancy=True),
    Row(Permission.FOLLOWUP_RECORD, "vacancy_matching:record_hire", _record_hire, "vacancy.hire",
        needs_referral=True),
    Row(Permission.REPORT_VIEW, "monthly_report:report_for", _report, None),
    Row(Permission.REPORT_VIEW, "report_files:export_monthly_report", _export_report,
        "report.export"),
]  # fmt: skip


def test_the_grants_are_the_published_roles():
    assert set(EXPECTED) == set(Permission), "a new permission needs its line in EXPECTED"
    for permission, roles in EXPECTED.items():
        assert {r.value for r in GRANTS[permission]} == roles, permission
        for role in Role:
            assert can(role, permission) is (role.value in roles), (role, permission)
            assert can(role.value, permission) is (role.value in roles), (role, permission)


def test_every_permission_is_checked_by_a_service_with_a_row():
    covered = {row.permission for row in ROWS}
    assert covered | NOT_CHECKED_YET == set(Permission)
    assert not covered & NOT_CHECKED_YET


def _require_calls() -> set[tuple[str, Permission]]:
    """(module:function, permission) of every `require(db, actor, Permission.X)` in the
    services, read from their source."""
    found: set[tuple[str, Permission]] = set()
    services = Path(__file__).resolve().parents[2] / "app" / "services"
    for source in sorted(services.glob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef):
                continue
            for node in ast.walk(fn):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id == "require"
                    and len(node.args) == 3
                    and isinstance(node.args[2], ast.Attribute)
                ):
                    # mutmut's copy (scripts/mutation.sh) renames each function to
                    # x_<name>__mutmut_<n> once per mutant: the original name is meant
                    name = re.sub(r"^x_(.+?)__mutmut_(orig|\d+)$", r"\1", fn.name)
                    found.add((f"{source.stem}:{name}", Permission[node.args[2].attr]))
    return found


def test_every_permission_check_in_the_services_has_a_row():
    calls = _require_calls()
    assert len(calls) >= len(ROWS)  # the scan finds the checks at all
    assert calls == {(row.service, row.permission) for row in ROWS}


def _cases() -> list[Any]:
    return [
        pytest.param(row, role, id=f"{row.service}-{role}")
        for row in ROWS
        for role in (COUNTER, SUPERVISOR, ADMIN)
    ]


def _denials(path: Path) -> list[tuple[object, ...]]:
    return rows(
        path,
        "SELECT actor, detail FROM audit_event WHERE action='auth.permission_denied' ORDER BY seq",
    )


@pytest.mark.parametrize(("row", "role"), _cases())
def test_each_role_against_each_permission_check(staffed, tmp_path, row, role):
    ctx = Ctx(staffed.db, staffed.actors[role], staffed.actors[ADMIN], tmp_path)
    if row.needs_person:
        ctx.person = _person(ctx)
    if row.needs_provider:
        ctx.provider = _provider(ctx)
    if row.needs_cohort:
        _cohort(staffed, ctx)
    if row.needs_money:
        _money(staffed, ctx)
    if row.needs_graduates:
        _graduates(staffed, ctx)
    if row.needs_vacancy:
        ctx.vacancy = _vacancy(ctx)
    if row.needs_referral:
        _referral(ctx)
    path = staffed.path
    tables = (
        "participant",
        "staff",
        "consent",
        "participant_document",
        "local_setting",
        "training_module",
        "training_provider",
        "provider_module",
        "provider_check",
        "provider_evidence",
        "provider_decision",
        "cohort",
        "cohort_session",
        "enrollment",
        "attendance",
        "entitlement",
        "payment",
        "payment_reversal",
        "recovery_settlement",
        "cash_close",
        "certificate",
        "certificate_print",
        "certificate_revocation",
        "device_key",
        "signing_key",
        "follow_up",
        "vacancy",
        "referral",
    )
    before = {t: count(path, t) for t in tables}
    outbox_before = count(path, "outbox")
    done_before = count(path, "audit_event", "action=?", row.done) if row.done else 0

    if role in EXPECTED[row.permission]:
        if row.refusal is not None:
            with pytest.raises(row.refusal) as refused:
                row.call(ctx)
            assert not isinstance(refused.value, PermissionDenied)
        else:
            row.call(ctx)
        assert _denials(path) == []
        if row.done:
            assert count(path, "audit_event", "action=?", row.done) == done_before + 1
            actor = rows(
                path, "SELECT actor FROM audit_event WHERE action=? ORDER BY seq DESC", row.done
            )[0][0]
            assert actor == ctx.actor.username
        return

    with pytest.raises(PermissionDenied) as denied:
        row.call(ctx)
    assert denied.value.params == {"role": role}
    assert "tidak berwenang" in denied.value.message("id")
    ((actor, detail),) = _denials(path)
    assert actor == ctx.actor.username
    assert json.loads(str(detail)) == {"permission": row.permission.value, "role": role}
    # The refused action wrote nothing but its refusal (an audit event syncs as one change).
    assert {t: count(path, t) for t in tables} == before
    assert count(path, "outbox") == outbox_before + 1
    assert rows(path, "SELECT entity FROM outbox ORDER BY seq DESC LIMIT 1") == [("audit_event",)]
    if row.done:
        assert count(path, "audit_event", "action=?", row.done) == done_before
