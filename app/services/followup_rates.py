"""Re-employment and self-employment rates at 1, 3 and 6 months, per cohort, provider and
module (issue #13).

Counted over the follow-ups of this office's finished cohorts (graduates and people who
withdrew, as the call list), at each milestone that is due by `today` or already has an
outcome. The rate's denominator is the people reached (app.domain.followups.rate): an
unreachable person is neither success nor failure, and an open follow-up is not counted
yet — both are shown next to the rate so nobody reads 2 of 2 as 100% of 40.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from sqlalchemy import select

from app.db import Database
from app.domain import followups as rules
from app.models import Device, TrainingProvider
from app.services.followups import followed_people, followup_states
from app.services.vacancies import module_names, today_of

GROUPS = ("cohort", "provider", "module")


@dataclass(frozen=True)
class RateRow:
    group: str  # cohort | provider | module
    key: str  # the cohort code, provider id or module code
    label: str  # what the window shows
    milestone: int
    reached: int
    unreachable: int
    open: int
    working: int
    self_employed: int

    @property
    def working_rate(self) -> Fraction | None:
        return Fraction(self.working, self.reached) if self.reached else None

    @property
    def self_employed_rate(self) -> Fraction | None:
        return Fraction(self.self_employed, self.reached) if self.reached else None


def followup_rates(db: Database, group: str = "cohort", today: date | None = None) -> list[RateRow]:
    """One row per group and milestone that has at least one follow-up due or done."""
    if group not in GROUPS:
        raise ValueError(group)
    day = today or today_of(db)
    with db.read() as session:
        office = session.scalar(select(Device.office_code)) or ""
        people = followed_people(session, office)
        done = followup_states(session, office)
        modules = module_names(session)
        providers = {
            pid: name
            for pid, name in session.execute(select(TrainingProvider.id, TrainingProvider.name))
        }
    outcomes: dict[tuple[str, int], list[rules.Outcome | None]] = defaultdict(list)
    labels: dict[str, str] = {}
    for f in people:
        if group == "cohort":
            key, label = (
                f.cohort_code,
                f"{f.cohort_code} — {modules.get(f.module_code, f.module_code)}",
            )
        elif group == "provider":
            key, label = f.provider_id, providers.get(f.provider_id, f.provider_id)
        else:
            key, label = f.module_code, modules.get(f.module_code, f.module_code)
        labels[key] = label
        for d in rules.schedule(f.end_date):
            outcome = done.get((f.enrollment_id, d.milestone), (None, 0))[0]
            if d.due_on > day and outcome is None:
                continue  # not due yet: neither open nor done
            outcomes[(key, d.milestone)].append(rules.Outcome(outcome) if outcome else None)
    rows = []
    for (key, milestone), found in outcomes.items():
        r = rules.rate(found)
        rows.append(
            RateRow(
                group=group,
                key=key,
                label=labels[key],
                milestone=milestone,
                reached=r.reached,
                unreachable=r.unreachable,
                open=r.open,
                working=r.working,
                self_employed=r.self_employed,
            )
        )
    return sorted(rows, key=lambda r: (r.label.casefold(), r.key, r.milestone))
