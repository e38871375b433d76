"""Each synced record type, declared in ONE place: who may see it, how clashes resolve, who
may write it, and what the window calls it.

The server applies mutations with these policies and scopes pulls with `scope`; the client
uses the same table to map entity names to local tables, and the sync page shows `label`.
A new record type joins sync by adding a declaration here, being a `SyncMixin` model
(`__sync_entity__` = its name), regenerating app/protocol/wire_fields.py
(`python -m app.sync.fields`) and being listed in its feature's `entities`
(app.features); tests fail when any of these disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.texts import Text


class Scope(StrEnum):
    EVERYONE = "everyone"  # reference data: every office receives it
    OFFICE = "office"  # the owning office's devices (and HQ)
    # Every office receives it and any office's device may write it (training providers
    # and modules: a provider in Jawa Barat may train people from Jakarta). The record
    # still never changes office; its office_code says where it was first registered.
    SHARED = "shared"
    # Every office receives it; only its own office's devices (and HQ) write it (a cohort's
    # definition and days: others see which provider trains whom, read-only).
    PUBLISHED = "published"


class Policy(StrEnum):
    SERVER_WINS = "server_wins"  # reference data: only HQ changes it
    LAST_WRITER = "last_writer"  # newest hlc wins, every change kept in the change log
    FIELD_MERGE = "field_merge"  # merge by field; same field on both sides -> Conflict
    INSERT_ONLY = "insert_only"  # rows are never changed after creation


RECORD = Text("Data", "Record")


@dataclass(frozen=True)
class LockRule:
    """While the record that `link` names (of type `entity`) has `lock` set, a change to
    one of the `guarded` fields that does not carry an `approval` of its own is not applied:
    it goes to the supervisor as a conflict. This is an attendance mark for a day a
    supervisor has approved, made at another counter that did not know yet; a change made
    with the supervisor's approval carries it (a new value each time) and is applied."""

    link: str
    entity: str
    lock: str
    approval: str
    guarded: tuple[str, ...]


@dataclass(frozen=True)
class EntitySpec:
    name: str
    table: str
    scope: Scope
    policy: Policy
    supervised_fields: frozenset[str] = frozenset()  # changes always go to a supervisor
    # Fields naming another record, as {field: entity}: a merge of duplicates moves them.
    links: tuple[tuple[str, str], ...] = ()
    # Only devices of the record's own office may write it, head office included: a branch's
    # staff credentials are that branch's alone (app.server.authorize).
    owner_only: bool = False
    # The field naming the device that made the record: only that device may send it (an
    # audit event is the word of the PC it names, DESIGN §5).
    device_field: str | None = None
    # What the sync page calls a record of this type, and the field that names one record
    # in a list (a record without one is named by the record its first link points to).
    label: Text = RECORD
    title_field: str | None = None
    # Ids are deterministic (app.domain.ids.stable_id): the same record made at two devices
    # offline is ONE record, so an insert of an id the server holds is merged by the policy
    # (last writer by hlc, or field by field from base version 0), not refused.
    converges: bool = False
    # Changes held to a lock on another record (an attendance mark to its approved day).
    locked_by: LockRule | None = None
    # (field, kind): the field holds a document number of the kind's series, and a device
    # may only issue numbers of its own series, `KIND/<OFFICE>-<DEVICE NO>/...` (receipt
    # numbers; app.domain.money): two counters can never hand out the same number.
    series: tuple[str, str] | None = None
    # Fields whose values give the record's id, stable_id(name, *values): a record another
    # looks up by them (a certificate by its number, a public key by its key id). The
    # server takes a new record only under that id, so no device can claim the id of a
    # record it did not make (app.server.authorize, rule 7).
    derived_id: tuple[str, ...] = ()
    # (field, kind): the field holds a number of the kind's series of the pushing device's
    # OWN OFFICE (any counter of it): a revocation names a certificate of its office.
    office_series: tuple[str, str] | None = None


ENTITIES: dict[str, EntitySpec] = {
    spec.name: spec
    for spec in (
        EntitySpec(
            "office",
            "office",
            Scope.EVERYONE,
            Policy.SERVER_WINS,
            label=Text("Kantor", "Office"),
            title_field="name",
        ),
        EntitySpec(
            "staff",
            "staff",
            Scope.OFFICE,
            Policy.LAST_WRITER,
            owner_only=True,
            label=Text("Staf", "Staff"),
            title_field="username",
        ),
        EntitySpec(
            "participant",
            "participant",
            Scope.OFFICE,
            Policy.FIELD_MERGE,
            supervised_fields=frozenset({"nik", "bank_account"}),
            label=Text("Peserta", "Participant"),
            title_field="full_name",
        ),
        EntitySpec(
            "consent",
            "consent",
            Scope.OFFICE,
            Policy.LAST_WRITER,
            links=(("participant_id", "participant"),),
            label=Text("Persetujuan", "Consent"),
        ),
        EntitySpec(
            "participant_document",
            "participant_document",
            Scope.OFFICE,
            Policy.LAST_WRITER,
            links=(("participant_id", "participant"),),
            label=Text("Dokumen", "Document"),
        ),
        EntitySpec(
            "training_module",
            "training_module",
            Scope.SHARED,
            Policy.FIELD_MERGE,
            converges=True,
            label=Text("Modul pelatihan", "Training module"),
            title_field="name",
            derived_id=("code",),
        ),
        EntitySpec(
            "training_provider",
            "training_provider",
            Scope.SHARED,
            Policy.FIELD_MERGE,
            label=Text("Lembaga pelatihan", "Training provider"),
            title_field="name",
        ),
        EntitySpec(
            "provider_module",
            "provider_module",
            Scope.SHARED,
            Policy.LAST_WRITER,
            converges=True,
            links=(("provider_id", "training_provider"),),
            label=Text("Modul lembaga", "Provider's module"),
            title_field="module_code",
            derived_id=("provider_id", "module_code"),
        ),
        EntitySpec(
            "provider_check",
            "provider_check",
            Scope.SHARED,
            Policy.LAST_WRITER,
            converges=True,
            links=(("provider_id", "training_provider"),),
            label=Text("Butir penilaian", "Checklist item"),
            derived_id=("provider_id", "key"),
        ),
        EntitySpec(
            "provider_evidence",
            "provider_evidence",
            Scope.SHARED,
            Policy.LAST_WRITER,
            links=(("provider_id", "training_provider"),),
            label=Text("Bukti penilaian", "Checklist evidence"),
            title_field="original_name",
        ),
        EntitySpec(
            "provider_decision",
            "provider_decision",
            Scope.SHARED,
            Policy.INSERT_ONLY,
            links=(("provider_id", "training_provider"),),
            label=Text("Keputusan kelayakan", "Fitness decision"),
        ),
        EntitySpec(
            "cohort",
            "cohort",
            Scope.PUBLISHED,
            Policy.FIELD_MERGE,
            links=(("provider_id", "training_provider"),),
            label=Text("Angkatan", "Cohort"),
            title_field="code",
        ),
        EntitySpec(
            "cohort_session",
            "cohort_session",
            Scope.PUBLISHED,
            Policy.FIELD_MERGE,
            converges=True,
            links=(("cohort_id", "cohort"),),
            label=Text("Hari pelatihan", "Training day"),
            title_field="day",
            derived_id=("cohort_id", "day"),
        ),
        EntitySpec(
            "enrollment",
            "enrollment",
            Scope.OFFICE,
            Policy.LAST_WRITER,
            converges=True,
            links=(("participant_id", "participant"), ("cohort_id", "cohort")),
            label=Text("Peserta angkatan", "Enrolment"),
            derived_id=("cohort_id", "participant_id"),
        ),
        EntitySpec(
            "attendance",
            "attendance",
            Scope.OFFICE,
            Policy.LAST_WRITER,
            converges=True,
            links=(("participant_id", "participant"), ("session_id", "cohort_session")),
            locked_by=LockRule(
                "session_id", "cohort_session", "locked_at", "approval", guarded=("mark",)
            ),
            label=Text("Kehadiran", "Attendance"),
            derived_id=("session_id", "participant_id"),
        ),
        EntitySpec(
            "entitlement",
            "entitlement",
            Scope.OFFICE,
            Policy.LAST_WRITER,
            converges=True,
            owner_only=True,
            links=(
                ("participant_id", "participant"),
                ("cohort_id", "cohort"),
                ("enrollment_id", "enrollment"),
            ),
            label=Text("Hak uang saku/transport", "Stipend entitlement"),
            derived_id=("enrollment_id", "kind", "period"),
        ),
        EntitySpec(
            "payment",
            "payment",
            Scope.OFFICE,
            Policy.INSERT_ONLY,
            owner_only=True,
            device_field="device_id",
            series=("receipt_number", "KW"),
            links=(("entitlement_id", "entitlement"),),
            label=Text("Pembayaran", "Payment"),
            title_field="receipt_number",
        ),
        EntitySpec(
            "payment_reversal",
            "payment_reversal",
            Scope.OFFICE,
            Policy.INSERT_ONLY,
            owner_only=True,
            device_field="device_id",
            links=(("payment_id", "payment"),),
            label=Text("Pembatalan pembayaran", "Payment reversal"),
        ),
        EntitySpec(
            "receipt_print",
            "receipt_print",
            Scope.OFFICE,
            Policy.INSERT_ONLY,
            owner_only=True,
            device_field="device_id",
            links=(("payment_id", "payment"),),
            label=Text("Cetak kuitansi", "Receipt print"),
        ),
        EntitySpec(
            "recovery_settlement",
            "recovery_settlement",
            Scope.OFFICE,
            Policy.INSERT_ONLY,
            owner_only=True,
            device_field="device_id",
            links=(("entitlement_id", "entitlement"),),
            label=Text("Penyelesaian kelebihan bayar", "Overpayment settlement"),
        ),
        EntitySpec(
            "cash_close",
            "cash_close",
            Scope.OFFICE,
            Policy.INSERT_ONLY,
            owner_only=True,
            device_field="device_id",
            label=Text("Tutup kas", "Cash close"),
            title_field="day",
            derived_id=("device_id", "day"),
        ),
        EntitySpec(
            "device_key",
            "device_key",
            Scope.PUBLISHED,
            Policy.INSERT_ONLY,
            owner_only=True,
            device_field="device_id",
            label=Text("Kunci tanda tangan", "Signing key"),
            title_field="key_id",
            derived_id=("key_id",),
        ),
        EntitySpec(
            "certificate",
            "certificate",
            Scope.OFFICE,
            Policy.INSERT_ONLY,
            owner_only=True,
            device_field="device_id",
            links=(
                ("enrollment_id", "enrollment"),
                ("participant_id", "participant"),
                ("cohort_id", "cohort"),
            ),
            label=Text("Sertifikat", "Certificate"),
            title_field="number",
            series=("number", "SERT"),
            derived_id=("number",),
        ),
        EntitySpec(
            "certificate_print",
            "certificate_print",
            Scope.OFFICE,
            Policy.INSERT_ONLY,
            owner_only=True,
            device_field="device_id",
            links=(("certificate_id", "certificate"),),
            label=Text("Cetak sertifikat", "Certificate print"),
        ),
        EntitySpec(
            "certificate_revocation",
            "certificate_revocation",
            Scope.PUBLISHED,
            Policy.INSERT_ONLY,
            owner_only=True,
            device_field="device_id",
            links=(("certificate_id", "certificate"),),
            label=Text("Pencabutan sertifikat", "Certificate revocation"),
            title_field="number",
            derived_id=("number", "device_id"),
            office_series=("number", "SERT"),
        ),
        EntitySpec(
            "follow_up",
            "follow_up",
            Scope.OFFICE,
            Policy.LAST_WRITER,
            converges=True,
            links=(
                ("participant_id", "participant"),
                ("enrollment_id", "enrollment"),
                ("cohort_id", "cohort"),
            ),
            label=Text("Pemantauan", "Follow-up"),
            derived_id=("enrollment_id", "milestone"),
        ),
        EntitySpec(
            "vacancy",
            "vacancy",
            Scope.SHARED,
            Policy.LAST_WRITER,
            label=Text("Lowongan", "Vacancy"),
            title_field="position",
        ),
        EntitySpec(
            "referral",
            "referral",
            Scope.OFFICE,
            Policy.LAST_WRITER,
            converges=True,
            links=(("participant_id", "participant"), ("vacancy_id", "vacancy")),
            label=Text("Rujukan lowongan", "Referral"),
            derived_id=("participant_id", "vacancy_id"),
        ),
        EntitySpec(
            "audit_event",
            "audit_event",
            Scope.OFFICE,
            Policy.INSERT_ONLY,
            device_field="device_id",
            label=Text("Catatan audit", "Audit record"),
        ),
    )
}


def declare(spec: EntitySpec) -> None:
    """Add a record type at run time (a test's feature); the built-in ones are above."""
    if spec.name in ENTITIES:
        raise ValueError(f"record type {spec.name} is declared twice")
    ENTITIES[spec.name] = spec


def withdraw(name: str) -> None:
    ENTITIES.pop(name, None)


PROTOCOL_VERSION = 1
MIN_PROTOCOL_VERSION = 1
# A mutation stamped further ahead of the server clock than this is held, not applied.
MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000
