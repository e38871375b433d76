"""Certificates as PDFs: preview, print one, print a cohort's (issue #12, DESIGN §6).

As with receipts, every print is recorded (a CertificatePrint row, synced) in the
transaction that also issues any missing certificate, and the PDF is written after the
commit: a PDF never exists for a certificate or a print the database does not know. The
first print is the original; every later one says SALINAN with its count. A revoked
certificate is not printed again: printing the person's certificate issues a new one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import formats
from app.db import Database
from app.documents import certificate as certificate_doc
from app.domain import certificates as rules
from app.domain.nik import mask_nik
from app.domain.roles import Permission
from app.errors import StateError
from app.models import (
    Certificate,
    CertificatePrint,
    Cohort,
    Device,
    Office,
    Participant,
    TrainingModule,
    TrainingProvider,
)
from app.services.access import require
from app.services.actor import Actor
from app.services.certificates import (
    RESULT_TEXT,
    issue_in,
    load_certificate,
    print_counts,
    qr_text,
    revocations,
)
from app.services.cohort_records import editable
from app.services.settings import read_all
from app.services.uow import unit_of_work
from app.texts import Text

REVOKED = Text(
    "Sertifikat {number} sudah dicabut dan tidak dicetak lagi; cetak sertifikat orang ini "
    "dari angkatannya untuk menerbitkan yang baru.",
    "Certificate {number} was revoked and is not printed again; print this person's "
    "certificate from the cohort to issue a new one.",
)
PLACE_MAX = 60


@dataclass(frozen=True)
class PrintedCertificates:
    paths: tuple[Path, ...]
    numbers: tuple[str, ...]
    issued: int  # how many were issued by this print
    copies: int  # how many were reprints (SALINAN)


def _office_name(session: Session) -> str:
    device = session.scalars(select(Device)).one()
    office = session.scalar(select(Office).where(Office.code == device.office_code))
    return office.name if office else device.office_code


def _dates(cohort: Cohort) -> str:
    return (
        f"{formats.long_date(cohort.start_date, 'id')} – {formats.long_date(cohort.end_date, 'id')}"
    )


def document_of(
    session: Session, cert: Certificate, copy_no: int, printed_by: str, now_text: str
) -> certificate_doc.CertificateDocument:
    """The printable certificate: the person's data as it is now, the claims as signed."""
    claims, _signed, _signature = rules.read(cert.token)
    cohort = session.get(Cohort, cert.cohort_id)
    person = session.get(Participant, cert.participant_id)
    assert cohort is not None and person is not None  # foreign keys
    module = session.scalar(select(TrainingModule).where(TrainingModule.code == cohort.module_code))
    provider = session.get(TrainingProvider, cohort.provider_id)
    settings = read_all(session)
    office = _office_name(session)
    place = str(settings.get("receipt_place") or "").strip()[:PLACE_MAX] or office
    birth = formats.long_date(person.birth_date, "id")
    return certificate_doc.CertificateDocument(
        number=cert.number,
        office_line=f"BPJS Ketenagakerjaan — Kantor Cabang {office}",
        name=claims.name,
        birth=f"{person.birth_place}, {birth}" if person.birth_place else birth,
        nik_masked=mask_nik(person.nik),
        module=claims.module,
        module_code=cohort.module_code,
        hours=module.hours if module else 0,
        dates=_dates(cohort),
        provider=provider.name if provider else "",
        result=RESULT_TEXT,
        place_and_date=f"{place}, {formats.long_date(claims.issued, 'id')}",
        signatory_name=str(settings.get("signatory_name") or ""),
        signatory_position=str(settings.get("signatory_position") or ""),
        qr_text=qr_text(session, cert.token),
        copy_no=copy_no,
        printed=f"Dicetak {now_text} oleh {printed_by} — Loket Vokasi",
    )


def _record(
    db: Database, actor: Actor, cohort_id: str, enrollment_ids: Sequence[str] | None
) -> tuple[list[certificate_doc.CertificateDocument], int]:
    """Issue what is missing and record one print of each; (documents, newly issued)."""
    require(db, actor, Permission.CERTIFICATE_ISSUE)
    with unit_of_work(db, actor) as uow:
        s = uow.session
        cohort = editable(uow, cohort_id)
        before = {
            c for c in s.scalars(select(Certificate.id).where(Certificate.cohort_id == cohort.id))
        }
        ids = issue_in(uow, cohort, enrollment_ids)
        counts = print_counts(s, ids)
        now_text = formats.datetime_text(uow.now)
        docs = []
        for cid in ids:
            cert = s.get(Certificate, cid)
            assert cert is not None
            docs.append(document_of(s, cert, counts[cid], actor.username, now_text))
            s.add(
                CertificatePrint(
                    certificate_id=cid,
                    copy_no=counts[cid],
                    printed_by=actor.username,
                    printed_at=uow.now,
                    device_id=uow.device.device_id,
                    office_code=cert.office_code,
                )
            )
        uow.audit(
            "certificate.print",
            "cohort",
            cohort.id,
            numbers=[d.number for d in docs],
            copies=sum(1 for d in docs if d.copy_no > 0),
        )
        return docs, len(set(ids) - before)


def file_name(number: str) -> str:
    """`SERT/JKT-1/2026/0007` -> `SERT-JKT-1-2026-0007.pdf`."""
    return number.replace("/", "-") + ".pdf"


def print_certificates(
    db: Database,
    actor: Actor,
    cohort_id: str,
    out: Path,
    *,
    one_file: bool,
    enrollment_ids: Sequence[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> PrintedCertificates:
    """The certificates of a finished cohort's graduates (only `enrollment_ids`, when
    given): into one PDF at `out`, or one PDF per person in the folder `out`. Missing
    certificates are issued and every print recorded first, in one transaction."""
    docs, issued = _record(db, actor, cohort_id, enrollment_ids)
    numbers = tuple(d.number for d in docs)
    copies = sum(1 for d in docs if d.copy_no > 0)
    if one_file:
        path = certificate_doc.build_many(docs, out, progress)
        return PrintedCertificates((path,), numbers, issued, copies)
    out.mkdir(parents=True, exist_ok=True)
    paths = certificate_doc.build_each(docs, [out / file_name(d.number) for d in docs], progress)
    return PrintedCertificates(tuple(paths), numbers, issued, copies)


def _live(session: Session, number_or_id: str) -> Certificate:
    cert = load_certificate(session, number_or_id)
    if cert.number in revocations(session, [cert.number]):
        raise StateError(REVOKED, number=cert.number)
    return cert


def preview_certificate(db: Database, actor: Actor, number_or_id: str, out: Path) -> Path:
    """The certificate as its next print would look, written to `out`; nothing recorded."""
    with db.read() as session:
        cert = _live(session, number_or_id)
        copy_no = print_counts(session, [cert.id])[cert.id]
        doc = document_of(session, cert, copy_no, actor.username, formats.datetime_text(db.clock()))
    return certificate_doc.build(doc, out)


def print_certificate(
    db: Database, actor: Actor, number_or_id: str, out: Path
) -> PrintedCertificates:
    """Record one more print of an issued certificate (SALINAN after the first) and write it."""
    with db.read() as session:
        cert = _live(session, number_or_id)
        cohort_id, enrollment_id = cert.cohort_id, cert.enrollment_id
    docs, issued = _record(db, actor, cohort_id, [enrollment_id])
    path = certificate_doc.build(docs[0], out)
    return PrintedCertificates((path,), (docs[0].number,), issued, int(docs[0].copy_no > 0))
