"""Figures for the home page (Beranda): only counts of what exists so far, and the training
providers that need attention (a licence or accreditation ending within 60 days, a re-check
that is due)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import func, select

from app.db import Database
from app.models import AuditEvent, Outbox, Staff


@dataclass(frozen=True)
class HomeCounts:
    staff_active: int
    staff_by_role: dict[str, int]
    logins_today: int
    failed_logins_today: int
    events_today: int
    pending_changes: int


def home_counts(db: Database, office_code: str) -> HomeCounts:
    now = db.clock()
    local_midnight = datetime.combine(now.astimezone().date(), time.min).astimezone()
    start = local_midnight.astimezone(now.tzinfo)
    end = start + timedelta(days=1)
    with db.read() as session:
        by_role: dict[str, int] = dict(
            session.execute(
                select(Staff.role, func.count())
                .where(
                    Staff.office_code == office_code,
                    Staff.active.is_(True),
                    Staff.deleted_at.is_(None),
                )
                .group_by(Staff.role)
            ).all()
        )
        actions: dict[str, int] = dict(
            session.execute(
                select(AuditEvent.action, func.count())
                .where(AuditEvent.at >= start, AuditEvent.at < end)
                .group_by(AuditEvent.action)
            ).all()
        )
        pending = session.scalar(
            select(func.count()).select_from(Outbox).where(Outbox.status == "pending")
        )
    return HomeCounts(
        staff_active=sum(by_role.values()),
        staff_by_role=by_role,
        logins_today=actions.get("auth.login", 0),
        failed_logins_today=actions.get("auth.login_failed", 0)
        + actions.get("auth.login_locked", 0),
        events_today=sum(actions.values()),
        pending_changes=pending or 0,
    )


@dataclass(frozen=True)
class ProviderAlerts:
    expiring: list[str]  # names: licence or accreditation ends within 60 days
    recheck_due: list[str]  # names: decided layak, re-check date passed
    fit: int
    undecided: int


def provider_alerts(db: Database) -> ProviderAlerts:
    from app.services.providers import list_providers, today_of

    today = today_of(db)
    rows = list_providers(db)
    return ProviderAlerts(
        expiring=[r.name for r in rows if r.expiring],
        recheck_due=[
            r.name
            for r in rows
            if r.result == "layak" and r.recheck_on is not None and r.recheck_on < today
        ],
        fit=sum(1 for r in rows if r.result == "layak"),
        undecided=sum(1 for r in rows if r.result is None),
    )
