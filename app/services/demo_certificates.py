"""Demo certificates (issue #12) for the demo office's own finished cohort: every graduate's
certificate issued and printed once, one reprinted (SALINAN ke-1), and one revoked for a
misspelt name and issued again under a new number — so the Sertifikat page, the
participant detail and the verification check all have each state to show.

Written through the services' own steps (issue_in signs with this PC's key, made here at
first need), in the demo's one transaction.
"""

from __future__ import annotations

import random

from sqlalchemy import select

from app.domain import cohorts as cohort_rules
from app.domain.ids import stable_id
from app.features import DemoRows
from app.models import Certificate, CertificatePrint, CertificateRevocation, Cohort, Staff
from app.services.certificates import issue_in
from app.services.uow import UnitOfWork

REVOKE_REASON = "Nama peserta salah ketik; sertifikat diterbitkan ulang"


def demo_certificates(uow: UnitOfWork, rng: random.Random) -> DemoRows:
    """The certificates feature's demo step (app.features.certificates)."""
    s = uow.session
    device = uow.device
    cohort = s.scalars(
        select(Cohort)
        .where(
            Cohort.office_code == device.office_code,
            Cohort.status == cohort_rules.Status.FINISHED.value,
        )
        .order_by(Cohort.start_date)
        .limit(1)
    ).first()
    if cohort is None:
        return DemoRows(counts={"certificates": 0})
    supervisor = (
        s.scalar(select(Staff.username).where(Staff.role == "supervisor").limit(1))
        or uow.actor.username
    )
    ids = issue_in(uow, cohort, None)
    s.flush()
    certs = [s.get(Certificate, i) for i in ids]
    for cert in certs:
        assert cert is not None
        s.add(_print(uow, cert, 0))
    reprinted, revoked = rng.sample([c for c in certs if c is not None], 2)
    s.add(_print(uow, reprinted, 1))
    s.add(
        CertificateRevocation(
            id=stable_id("certificate_revocation", revoked.number, device.device_id),
            office_code=revoked.office_code,
            certificate_id=revoked.id,
            number=revoked.number,
            reason=REVOKE_REASON,
            revoked_on=uow.now.astimezone().date(),
            revoked_at=uow.now,
            requested_by=uow.actor.username,
            approved_by=supervisor,
            device_id=device.device_id,
        )
    )
    s.flush()
    again = issue_in(uow, cohort, [revoked.enrollment_id])
    s.flush()
    fresh = s.get(Certificate, again[0])
    assert fresh is not None
    s.add(_print(uow, fresh, 0))
    return DemoRows(counts={"certificates": len(certs) + 1, "revoked_certificates": 1})


def _print(uow: UnitOfWork, cert: Certificate, copy_no: int) -> CertificatePrint:
    return CertificatePrint(
        certificate_id=cert.id,
        copy_no=copy_no,
        printed_by=uow.actor.username,
        printed_at=uow.now,
        device_id=uow.device.device_id,
        office_code=cert.office_code,
    )
