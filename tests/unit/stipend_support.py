"""Building blocks of the stipend tests: a ten-day cohort (07–18/12/2026, weeks W1 = 07–13
and W2 = 14–18) with transport Rp50.000 and pocket money Rp100.000 per attended day, Budi
present every day of week 1, Siti absent on Friday 11/12, each day approved."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.services import enrolment
from app.services.attendance import all_present, lock_day, mark
from tests.unit.cohort_support import at, cohort, fit_provider, person

WEEK1 = [date(2026, 12, d) for d in (7, 8, 9, 10, 11)]
WEEK2 = [date(2026, 12, d) for d in (14, 15, 16, 17, 18)]
TRANSPORT, POCKET = 50_000, 100_000


@dataclass
class Cohort:
    id: str
    budi: str
    siti: str


def running_cohort(office: Any, **over: Any) -> Cohort:
    at(office, date(2026, 12, 2))
    pid = fit_provider(office)
    plan = {"transport_rate": TRANSPORT, "pocket_rate": POCKET, **over}
    cid = cohort(office, pid, **plan)
    budi, siti = person(office, 1, "Budi Santoso"), person(office, 2, "Siti Aminah")
    enrolment.enrol(office.db, office.actors["counter"], cid, [budi, siti])
    return Cohort(cid, budi, siti)


def attend(office: Any, c: Cohort, days: list[date], absent: dict[date, str] | None = None) -> None:
    """Mark and approve each day: everyone present except `absent` ({day: participant})."""
    absent = absent or {}
    for day in days:
        at(office, day, hour=10)
        if day in absent:
            mark(office.db, office.actors["counter"], c.id, day, {absent[day]: "A"})
        all_present(office.db, office.actors["counter"], c.id, day)
        lock_day(office.db, office.actors["supervisor"], c.id, day)


def week_one(office: Any, **over: Any) -> Cohort:
    """Week 1 held and approved, the clock on Monday 14/12 09:00 Jakarta."""
    c = running_cohort(office, **over)
    attend(office, c, WEEK1, absent={date(2026, 12, 11): c.siti})
    at(office, date(2026, 12, 14), hour=2)
    return c
