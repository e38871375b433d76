"""Where the server finds what a certificate check needs (issue #12): a PC's public key
by its id, a certificate's revocations by its number, whether it holds the certificate;
then the one verdict rule (app.domain.certificates.judge). See app.server.verify_page for
why each look-up is what it is."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.domain import certificates as rules
from app.domain.ids import stable_id
from app.domain.money import parse_number
from app.server.models import Device, RecordState

# The day a device was revoked, as its office's calendar reads it: a certificate's issue
# date is the PC's local date. Western Indonesia (UTC+7, no daylight saving) holds most
# offices; a day is as fine as the rule can be anyway (the claims carry a date, not a time).
# The page's "checked at" time is told in it too.
LOCAL_ZONE = timezone(timedelta(hours=7), "WIB")


# -- look-ups in the server's records ---------------------------------------------------


def _day(moment: datetime) -> date:
    """The server stores UTC moments (SQLite hands them back without their zone)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(LOCAL_ZONE).date()


def known_key(session: Session, kid: str) -> rules.KnownKey | None:
    """The public key with id `kid` as a PC pushed it, or None.

    The record must be what its id promises (the same key id; `judge` also checks that the
    key hashes to it), and name a device enrolled here of the record's office: a record
    whose device the server does not know vouches for nothing. A revoked device's key
    stays known with the day of its revocation."""
    row = session.get(RecordState, ("device_key", stable_id("device_key", kid)))
    if row is None or row.deleted or row.data.get("key_id") != kid:
        return None
    try:
        public = bytes.fromhex(str(row.data.get("public_key") or ""))
    except ValueError:
        return None
    device = session.get(Device, str(row.data.get("device_id") or ""))
    if device is None or device.office_code != row.office_code:
        return None
    revoked = _day(device.revoked_at) if device.revoked_at is not None else None
    return rules.KnownKey(
        public_key=public,
        office_code=row.office_code,
        revoked_on=revoked,
        device_no=device.device_no,  # the server's own record of the PC, not the push's
    )


def revoked_on(session: Session, number: str) -> date | None:
    """The earliest day certificate `number` was revoked, or None.

    Only the issuing office revokes, so only its devices' revocation ids are looked up;
    each found record must also say it is this number's, from that device of that office
    (a record id is chosen by the device that pushes it; what the server checked on push is
    the device and office the record names)."""
    parsed = parse_number(number)
    if parsed is None or parsed[0] != rules.PREFIX:
        return None
    office = parsed[1]
    devices = set(session.scalars(select(Device.id).where(Device.office_code == office)))
    if not devices:
        return None
    ids = [stable_id("certificate_revocation", number, d) for d in sorted(devices)]
    days: list[date] = []
    for row in session.scalars(
        select(RecordState).where(
            RecordState.entity == "certificate_revocation", RecordState.entity_id.in_(ids)
        )
    ):
        data = row.data
        if (
            row.deleted
            or row.office_code != office
            or data.get("number") != number
            or str(data.get("device_id")) not in devices
        ):
            continue
        try:
            days.append(date.fromisoformat(str(data.get("revoked_on"))))
        except ValueError:
            continue
    return min(days, default=None)


def registered(session: Session, number: str) -> bool:
    """Whether the server holds certificate `number` as its PC sent it (record id
    `stable_id("certificate", number)`): `judge` asks it of a revoked PC's certificates,
    since the server took the certificates a PC sent before it was revoked and none after
    (a revoked device's push is refused), so one it never received was signed later,
    whatever date it carries."""
    parsed = parse_number(number)
    row = session.get(RecordState, ("certificate", stable_id("certificate", number)))
    return (
        parsed is not None
        and row is not None
        and not row.deleted
        and row.office_code == parsed[1]
        and row.data.get("number") == number
    )


def readable(text: str) -> bool:
    """Whether `text` is a token at all (signed or not): only such a request costs a look-up
    in the database and a signature check, so only such a request counts against the rate
    limit. Anything else is answered TIDAK TERBACA at once, as cheaply as a 429 would be."""
    if len(text) > 2 * rules.MAX_TOKEN:
        return False
    try:
        rules.read(text)
    except rules.PayloadError:
        return False
    return True


def verdict_of(engine: Engine, text: str) -> rules.Verdict:
    """What a token (or a URL ending in one) is worth to the server. Text far longer than
    any token is not read at all."""
    if len(text) > 2 * rules.MAX_TOKEN:
        return rules.Verdict(rules.Status.MALFORMED)
    with Session(engine) as session:
        return rules.judge(
            text,
            lambda kid: known_key(session, kid),
            lambda number: revoked_on(session, number),
            lambda number: registered(session, number),
        )


# -- what the page and the JSON twin say ------------------------------------------------
