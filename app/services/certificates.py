"""Certificates of a cohort's graduates: issue, list, revoke, verify (issue #12).

A certificate is issued to a graduate (lulus) of a finished cohort, once per PC: the
number `SERT/<OFFICE>-<DEVICE>/<YEAR>/<SEQ>` and the signed token are taken in the same
transaction as the row that carries them (app.services.series), and the token is signed
with this PC's key (app.services.signing_keys). It is never edited: a wrong one is revoked
(a supervisor signs off, with a reason) and the person gets a new one. Printing issues the
missing certificates first (app.services.certificate_documents).

Verification is the same rule everywhere (app.domain.certificates.judge): here the keys and
revocations are this office's database, which holds every office's through sync.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.domain import certificates as rules
from app.domain import cohorts as cohort_rules
from app.domain.ids import stable_id
from app.domain.nik import mask_nik
from app.domain.roles import Permission
from app.errors import NotFound, StateError, ValidationError
from app.models import (
    Certificate,
    CertificatePrint,
    CertificateRevocation,
    Cohort,
    Device,
    Enrollment,
    Participant,
    SyncLink,
    TrainingModule,
)
from app.services.access import require
from app.services.actor import Actor
from app.services.cohort_records import editable, load_cohort
from app.services.series import next_number
from app.services.settings import read_all
from app.services.signing_keys import known_key, own_key, revoked_on
from app.services.uow import UnitOfWork, unit_of_work
from app.texts import Text

NOT_FINISHED = Text(
    "Angkatan {code} belum selesai; sertifikat hanya untuk lulusan angkatan yang sudah selesai.",
    "Cohort {code} is not finished; certificates are only for graduates of a finished cohort.",
)
NOT_GRADUATE = Text(
    "{name} tidak lulus di angkatan ini, sehingga tidak mendapat sertifikat.",
    "{name} did not pass in this cohort, so gets no certificate.",
)
NO_GRADUATES = Text("Angkatan {code} tidak memiliki lulusan.", "Cohort {code} has no graduates.")
NO_CERTIFICATE = Text("Sertifikat {number} tidak ditemukan.", "Certificate {number} not found.")
ALREADY_REVOKED = Text(
    "Sertifikat {number} sudah dicabut pada {day}.", "Certificate {number} was revoked on {day}."
)
REASON_SHORT = Text(
    "Tulis alasan pencabutan (paling sedikit {n} karakter).",
    "Write the reason for the revocation (at least {n} characters).",
)
REASON_LONG = Text("Alasan paling banyak {n} karakter.", "The reason is at most {n} characters.")
NOT_MINE = Text(
    "Sertifikat {number} diterbitkan kantor {office}; hanya kantor itu yang dapat mencabutnya.",
    "Certificate {number} was issued by office {office}; only that office can revoke it.",
)
MIN_REASON = 5
MAX_REASON = 300
RESULT_TEXT = "LULUS"


class State:
    """A graduate's certificate as the list shows it."""

    NOT_ISSUED = "belum_terbit"
    ISSUED = "terbit"
    REVOKED = "dicabut"


STATE_LABELS = {
    State.NOT_ISSUED: Text("Belum terbit", "Not issued"),
    State.ISSUED: Text("Terbit", "Issued"),
    State.REVOKED: Text("Dicabut", "Revoked"),
}


@dataclass(frozen=True)
class CertificateRow:
    """One graduate of a cohort and their certificate (none yet: `number` is None)."""

    enrollment_id: str
    participant_id: str
    name: str
    nik_masked: str
    certificate_id: str | None
    number: str | None
    state: str
    issued_on: date | None
    prints: int
    revoked_on: date | None
    revoke_reason: str | None
    others: int  # more certificates for the same training (issued at another PC offline)
    replaces: str | None = None  # the revoked certificate this one was issued in place of

    def state_label(self, lang: str | None = None) -> str:
        return STATE_LABELS[self.state].render(lang)


@dataclass(frozen=True)
class CohortCertificates:
    cohort_id: str
    code: str
    module: str
    finished: bool
    mine: bool  # this PC's office runs the cohort (only it issues)
    rows: tuple[CertificateRow, ...]

    def count(self, state: str) -> int:
        return sum(1 for r in self.rows if r.state == state)


def graduates_of(session: Session, cohort: Cohort) -> list[tuple[Enrollment, Participant]]:
    """The cohort's graduates (lulus) with their person, by name."""
    return list(
        session.execute(
            select(Enrollment, Participant)
            .join(Participant, Participant.id == Enrollment.participant_id)
            .where(
                Enrollment.cohort_id == cohort.id,
                Enrollment.status == cohort_rules.ENROLLED,
                Enrollment.result == cohort_rules.PASSED,
                Enrollment.deleted_at.is_(None),
            )
            .order_by(Participant.full_name, Participant.id)
        )
    )


def revocations(session: Session, numbers: Sequence[str]) -> dict[str, CertificateRevocation]:
    found: dict[str, CertificateRevocation] = {}
    for r in session.scalars(
        select(CertificateRevocation)
        .where(CertificateRevocation.number.in_(list(numbers)))
        .order_by(CertificateRevocation.revoked_at)
    ):
        found.setdefault(r.number, r)
    return found


def print_counts(session: Session, ids: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = dict.fromkeys(ids, 0)
    for cid, n in session.execute(
        select(CertificatePrint.certificate_id, func.count())
        .where(CertificatePrint.certificate_id.in_(list(ids)))
        .group_by(CertificatePrint.certificate_id)
    ):
        found[cid] = int(n)
    return found


def _certificates_of(session: Session, cohort_id: str) -> dict[str, list[Certificate]]:
    """Each enrolment's certificates, the first issued first."""
    found: dict[str, list[Certificate]] = {}
    for c in session.scalars(
        select(Certificate)
        .where(Certificate.cohort_id == cohort_id, Certificate.deleted_at.is_(None))
        .order_by(Certificate.issued_at, Certificate.number)
    ):
        found.setdefault(c.enrollment_id, []).append(c)
    return found


def _rows(session: Session, cohort: Cohort) -> list[CertificateRow]:
    people = graduates_of(session, cohort)
    issued = _certificates_of(session, cohort.id)
    all_certs = [c for cs in issued.values() for c in cs]
    revoked = revocations(session, [c.number for c in all_certs])
    prints = print_counts(session, [c.id for c in all_certs])
    rows = []
    for e, p in people:
        mine = issued.get(e.id, [])
        live = [c for c in mine if c.number not in revoked]
        shown = live[-1] if live else (mine[-1] if mine else None)
        gone = revoked.get(shown.number) if shown is not None else None
        rows.append(
            CertificateRow(
                enrollment_id=e.id,
                participant_id=p.id,
                name=p.full_name,
                nik_masked=mask_nik(p.nik),
                certificate_id=shown.id if shown else None,
                number=shown.number if shown else None,
                state=(
                    State.NOT_ISSUED
                    if shown is None
                    else State.REVOKED
                    if gone is not None
                    else State.ISSUED
                ),
                issued_on=shown.issued_on if shown else None,
                prints=prints.get(shown.id, 0) if shown else 0,
                revoked_on=gone.revoked_on if gone else None,
                revoke_reason=gone.reason if gone else None,
                others=max(0, len(live) - 1),
                replaces=next(
                    (c.number for c in reversed(mine) if c.number in revoked and live),
                    None,
                ),
            )
        )
    return rows


def _module_name(session: Session, code: str) -> str:
    return session.scalar(select(TrainingModule.name).where(TrainingModule.code == code)) or code


def cohort_certificates(db: Database, cohort_id: str) -> CohortCertificates:
    with db.read() as session:
        cohort = load_cohort(session, cohort_id)
        office = session.scalar(select(Device.office_code))
        return CohortCertificates(
            cohort_id=cohort.id,
            code=cohort.code,
            module=_module_name(session, cohort.module_code),
            finished=cohort.status == cohort_rules.Status.FINISHED.value,
            mine=cohort.office_code == office,
            rows=tuple(_rows(session, cohort)),
        )


def participant_certificates(db: Database, participant_id: str) -> list[dict[str, object]]:
    """A person's certificates, newest first, for the participant detail: plain data."""
    with db.read() as session:
        certs = list(
            session.execute(
                select(Certificate, Cohort.code, Cohort.module_code)
                .join(Cohort, Cohort.id == Certificate.cohort_id)
                .where(
                    Certificate.participant_id == participant_id,
                    Certificate.deleted_at.is_(None),
                )
                .order_by(Certificate.issued_at.desc(), Certificate.number.desc())
            )
        )
        revoked = revocations(session, [c.number for c, _code, _m in certs])
        prints = print_counts(session, [c.id for c, _code, _m in certs])
        return [
            {
                "id": c.id,
                "number": c.number,
                "cohort": code,
                "module": _module_name(session, module),
                "issued_on": c.issued_on,
                "state": State.REVOKED if c.number in revoked else State.ISSUED,
                "revoked_on": revoked[c.number].revoked_on if c.number in revoked else None,
                "prints": prints.get(c.id, 0),
            }
            for c, code, module in certs
        ]


def certificate_id(number: str) -> str:
    """A certificate's record id follows from its number (unique: each PC its own series),
    so the server finds the certificate a QR code names without searching."""
    return stable_id("certificate", number)


def server_page(session: Session) -> str | None:
    """Where the QR points: the verification page's address from settings, else the
    sync server's; None when the office knows no server (the QR holds the bare token)."""
    setting = str(read_all(session).get("verify_url") or "").strip()
    if setting:
        return setting
    link = session.scalars(select(SyncLink)).first()
    return link.server_url if link is not None else None


def qr_text(session: Session, token: str) -> str:
    server = server_page(session)
    return rules.page_url(server, token) if server else token


def issue_in(uow: UnitOfWork, cohort: Cohort, enrollment_ids: Sequence[str] | None) -> list[str]:
    """Issue the missing certificates of the cohort's graduates (only `enrollment_ids`, when
    given) inside the caller's transaction; the ids of the certificates to print, in name
    order. A graduate whose live certificate exists keeps it (no second number)."""
    s = uow.session
    if cohort.status != cohort_rules.Status.FINISHED.value:
        raise StateError(NOT_FINISHED, code=cohort.code)
    people = graduates_of(s, cohort)
    if enrollment_ids is not None:
        wanted = set(enrollment_ids)
        chosen = [(e, p) for e, p in people if e.id in wanted]
        missing = wanted - {e.id for e, _p in chosen}
        if missing:
            e = s.get(Enrollment, sorted(missing)[0])
            person = s.get(Participant, e.participant_id) if e is not None else None
            raise StateError(NOT_GRADUATE, name=person.full_name if person else "?")
        people = chosen
    if not people:
        raise StateError(NO_GRADUATES, code=cohort.code)
    issued = _certificates_of(s, cohort.id)
    revoked = revocations(s, [c.number for cs in issued.values() for c in cs])
    ids: list[str] = []
    fresh: list[str] = []
    key: tuple[str, bytes] | None = None
    module = s.scalar(select(TrainingModule).where(TrainingModule.code == cohort.module_code))
    today = uow.now.astimezone().date()
    device = uow.device
    for e, p in people:
        live = [c for c in issued.get(e.id, []) if c.number not in revoked]
        if live:
            ids.append(live[-1].id)
            continue
        if key is None:
            key = own_key(uow)
        number = next_number(s, Certificate.number, rules.PREFIX, device, today.year)
        claims = rules.Claims(
            number=number,
            name=p.full_name,
            birth_date=p.birth_date,
            module=module.name if module else cohort.module_code,
            start=cohort.start_date,
            end=cohort.end_date,
            result=cohort_rules.PASSED,
            issued=today,
            key_id=key[0],
        )
        cert = Certificate(
            id=certificate_id(number),
            office_code=cohort.office_code,
            number=number,
            enrollment_id=e.id,
            round=len(issued.get(e.id, [])) + 1,
            participant_id=p.id,
            cohort_id=cohort.id,
            token=rules.sign(claims, key[1]),
            key_id=key[0],
            issued_on=today,
            issued_by=uow.actor.username,
            issued_at=uow.now,
            device_id=device.device_id,
        )
        s.add(cert)
        s.flush()  # the next number reads this one
        ids.append(cert.id)
        fresh.append(number)
    if fresh:
        uow.audit("certificate.issue", "cohort", cohort.id, numbers=fresh)
    return ids


def issue(
    db: Database, actor: Actor, cohort_id: str, enrollment_ids: Sequence[str] | None = None
) -> list[str]:
    """Issue the missing certificates of a finished cohort's graduates; their numbers."""
    require(db, actor, Permission.CERTIFICATE_ISSUE)
    with unit_of_work(db, actor) as uow:
        cohort = editable(uow, cohort_id)
        ids = issue_in(uow, cohort, enrollment_ids)
        return [uow.session.get(Certificate, i).number for i in ids]  # type: ignore[union-attr]


def load_certificate(session: Session, number_or_id: str) -> Certificate:
    text = number_or_id.strip()
    found = session.get(Certificate, text) or session.scalar(
        select(Certificate).where(Certificate.number == text.upper())
    )
    if found is None:
        raise NotFound(NO_CERTIFICATE, number=text)
    return found


def _reason(text: str) -> str:
    why = " ".join(text.split())
    if len(why) < MIN_REASON:
        raise ValidationError(REASON_SHORT, field="reason", n=MIN_REASON)
    if len(why) > MAX_REASON:
        raise ValidationError(REASON_LONG, field="reason", n=MAX_REASON)
    return why


def revoke(
    db: Database, actor: Actor, supervisor: Actor, number: str, reason: str
) -> CertificateRevocation:
    """Withdraw a certificate (signed off by a supervisor, with a reason): every office and
    the server's page say DICABUT once it has synced; it is never undone."""
    require(db, actor, Permission.CERTIFICATE_ISSUE)
    require(db, supervisor, Permission.CERTIFICATE_REVOKE)
    why = _reason(reason)
    with unit_of_work(db, actor) as uow:
        s = uow.session
        cert = load_certificate(s, number)
        device = uow.device
        if cert.office_code != device.office_code:
            raise StateError(NOT_MINE, number=cert.number, office=cert.office_code)
        earlier = revocations(s, [cert.number]).get(cert.number)
        if earlier is not None:
            raise StateError(
                ALREADY_REVOKED, number=cert.number, day=earlier.revoked_on.strftime("%d/%m/%Y")
            )
        row = CertificateRevocation(
            id=stable_id("certificate_revocation", cert.number, device.device_id),
            office_code=cert.office_code,
            certificate_id=cert.id,
            number=cert.number,
            reason=why,
            revoked_on=uow.now.astimezone().date(),
            revoked_at=uow.now,
            requested_by=actor.username,
            approved_by=supervisor.username,
            device_id=device.device_id,
        )
        s.add(row)
        uow.audit(
            "certificate.revoke",
            "certificate",
            cert.id,
            number=cert.number,
            reason=why,
            approved_by=supervisor.username,
        )
        s.flush()
        s.expunge(row)
        return row


def verify(db: Database, text: str) -> rules.Verdict:
    """What a pasted or scanned code is worth, judged with the keys and revocations this
    office holds (its own and, through sync, every other office's)."""
    with db.read() as session:
        return rules.judge(
            text,
            lambda kid: known_key(session, kid),
            lambda number: revoked_on(session, number),
        )
