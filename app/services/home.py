"""The staff figures an admin reads on the Staf tab (app.ui.pages.staff): active staff by role,
and today's sign-ins, refused sign-ins, recorded actions and changes waiting to be sent on
this computer. They were Beranda's first figures; Beranda is now the programme's dashboard
(app.services.dashboard), and these stayed with the accounts they describe."""

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
