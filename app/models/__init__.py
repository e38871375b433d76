"""SQLAlchemy mapped classes. No Qt, no session use: services own the sessions."""

from app.models.audit import AuditEvent
from app.models.base import Base, SyncMixin
from app.models.certificate import (
    Certificate,
    CertificatePrint,
    CertificateRevocation,
    DeviceKey,
    SigningKey,
)
from app.models.cohort import Attendance, Cohort, CohortSession, Enrollment
from app.models.followup import FollowUp
from app.models.local import Device, LocalSetting, LoginGuard
from app.models.office import Office
from app.models.outbox import Outbox
from app.models.participant import Consent, IntakeDraft, Participant, ParticipantDocument
from app.models.provider import (
    ProviderCheck,
    ProviderDecision,
    ProviderEvidence,
    ProviderModule,
    TrainingModule,
    TrainingProvider,
)
from app.models.staff import Staff
from app.models.stipend import (
    CashClose,
    Entitlement,
    Payment,
    PaymentReversal,
    ReceiptPrint,
    RecoverySettlement,
)
from app.models.sync import SyncLink
from app.models.vacancy import Referral, Vacancy

__all__ = [
    "Attendance",
    "AuditEvent",
    "Base",
    "CashClose",
    "Certificate",
    "CertificatePrint",
    "CertificateRevocation",
    "Cohort",
    "CohortSession",
    "Consent",
    "Device",
    "DeviceKey",
    "Enrollment",
    "Entitlement",
    "FollowUp",
    "IntakeDraft",
    "LocalSetting",
    "LoginGuard",
    "Office",
    "Outbox",
    "Participant",
    "ParticipantDocument",
    "Payment",
    "PaymentReversal",
    "ProviderCheck",
    "ProviderDecision",
    "ProviderEvidence",
    "ProviderModule",
    "ReceiptPrint",
    "RecoverySettlement",
    "Referral",
    "SigningKey",
    "Staff",
    "SyncLink",
    "SyncMixin",
    "TrainingModule",
    "TrainingProvider",
    "Vacancy",
]
