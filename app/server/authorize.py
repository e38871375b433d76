"""Who may write what: every pushed change is checked against the record the server holds.

A request's claims (the office a change names, the office in its fields, the device an
audit event names) are only accepted where they agree with what is stored and with the
device's own enrolment (DESIGN §5). Rules, in order:

1. A record never changes office: the office a change names must be the stored record's
   (for a new record, the one it will have), and a changed `office_code` field must be it too.
2. Reference data (scope EVERYONE) is written only by head-office devices; shared records
   (scope SHARED: training providers and modules) by any enrolled device.
3. Other records (scopes OFFICE and PUBLISHED: a cohort every office sees but only its own
   office runs) are written by devices of their own office; head office may write any
   office's, except where the record type is `owner_only` (staff credentials).
4. A record type with a `device_field` (the audit event, the money rows) is written only by
   the device it names: no PC can speak for another, not even one of the same office.
5. A record type with a `series` (a payment's receipt number) carries a number of the
   pushing device's own series, `KW/<its office>-<its number>/...`: a device cannot take
   another counter's numbers, so two receipts never share one.
6. An `owner_only` record links only to records of its own office (a JBR payment cannot be
   for a JKT entitlement, under either office's name): each linked record the server holds
   is read with the batch (app.server.judge.owner_links) and must be of the same office.
   So does a record with a derived id, for its links to office-owned records (a follow-up
   of a JKT enrolment is JKT's; `office_links`).
7. A record type whose id is derived from its fields (`derived_id`: a certificate from its
   number, a public key from its key id, a revocation from the number and its device, a
   follow-up from its enrolment and milestone, a referral from its person and vacancy) is
   taken only under the id those fields give, and a public key only under the id of the
   key it holds: no device can claim ahead the id of a record another will make (a
   revocation that could then never arrive). A record type with an `office_series` (a
   revocation) names a number of the pushing device's own office.

A refusal is one reason, `not permitted`, whatever the cause: it says nothing about whether
or what another office holds. The caller answers it as a 2xx `rejected` result without the
record, and writes a server audit row.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from app.domain.certificates import key_id
from app.domain.ids import stable_id
from app.protocol.entities import ENTITIES, EntitySpec, Scope

if TYPE_CHECKING:
    from app.server.models import Device
    from app.server.policy import Draft, Mutation

FORBIDDEN = "not permitted"
REFERENCE_ONLY_HQ = "reference data is changed only by HQ"


def refusal(
    stored: Draft | None,
    device: Device,
    m: Mutation,
    spec: EntitySpec,
    records: Mapping[tuple[str, str], Draft | None] | None = None,
) -> str | None:
    """Why `device` may not make change `m` to `stored` (None: it may); `records` holds the
    records the batch has read, the ones `m` links to among them (rule 6)."""
    office = stored.office_code if stored is not None else m.office_code
    if m.office_code != office or m.changes.get("office_code", office) != office:
        return FORBIDDEN
    if spec.scope is Scope.EVERYONE:
        return None if device.is_hq else REFERENCE_ONLY_HQ
    if spec.scope is Scope.SHARED:  # any office may write it, rule 7 still holds
        return None if stored is not None or _ids_hold(spec, m, device) else FORBIDDEN
    if office != device.office_code and (spec.owner_only or not device.is_hq):
        return FORBIDDEN
    if spec.device_field is not None:
        named = stored.data.get(spec.device_field) if stored is not None else None
        if m.changes.get(spec.device_field, named) != device.id or (
            stored is not None and named != device.id
        ):
            return FORBIDDEN
    if spec.series is not None and stored is None:
        field, kind = spec.series
        own = f"{kind}/{device.office_code}-{device.device_no}/"
        number = m.changes.get(field)
        if not isinstance(number, str) or not number.startswith(own):
            return FORBIDDEN
    if stored is None and not _ids_hold(spec, m, device):
        return FORBIDDEN
    if records is not None:
        for field_name, target in office_links(spec):
            value = m.changes.get(field_name)
            linked = records.get((target, value)) if isinstance(value, str) else None
            if linked is not None and linked.office_code != office:
                return FORBIDDEN
    return None


def office_links(spec: EntitySpec) -> tuple[tuple[str, str], ...]:
    """The links rule 6 holds to the record's own office: every link of an `owner_only`
    type; of a type with a derived id, the links to office-owned records (a follow-up's
    participant, enrolment and cohort; not a referral's vacancy, which is shared). Without
    the latter a BTN device could take, in its own office's name, the id of the follow-up
    JKT will record for its own graduate, and JKT's real one would then be refused."""
    if spec.owner_only:
        return spec.links
    if spec.derived_id:
        return tuple(
            (field_name, target)
            for field_name, target in spec.links
            if ENTITIES[target].scope in (Scope.OFFICE, Scope.PUBLISHED)
        )
    return ()


def _ids_hold(spec: EntitySpec, m: Mutation, device: Device) -> bool:
    """Rule 7, for a new record."""
    if spec.derived_id:
        values = [m.changes.get(f) for f in spec.derived_id]
        # Text, or a whole number (a follow-up's milestone), never a bool or empty.
        if not all(
            (isinstance(v, str) and v) or (isinstance(v, int) and not isinstance(v, bool))
            for v in values
        ):
            return False
        if m.entity_id != stable_id(spec.name, *(str(v) for v in values)):
            return False
    if spec.name == "device_key":
        try:
            public = bytes.fromhex(str(m.changes.get("public_key") or ""))
        except ValueError:
            return False
        if len(public) != 32 or key_id(public) != m.changes.get("key_id"):
            return False
    if spec.office_series is not None:
        field, kind = spec.office_series
        number = m.changes.get(field)
        if not isinstance(number, str) or not number.startswith(f"{kind}/{device.office_code}-"):
            return False
    return True
