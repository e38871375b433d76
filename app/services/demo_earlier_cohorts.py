"""The demo's two earlier finished cohorts (app.services.demo_followups): their dates,
chosen so that on any day the demo is made some 3-month calls are due this week and the
6-month calls are overdue, and their people — registered through the intake check,
enrolled, marked, passed, failed or withdrawn as the completion rule says."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from app.domain import cohorts as cohort_rules
from app.domain import eligibility
from app.domain import followups as rules
from app.domain.ids import stable_id
from app.domain.intake import check_intake
from app.domain.offices import OFFICES_BY_CODE
from app.models import (
    Attendance,
    Cohort,
    CohortSession,
    Consent,
    Enrollment,
    Participant,
)
from app.resources import regions
from app.services.cohorts import next_code
from app.services.demo_cohorts import LOCATIONS
from app.services.demo_participants import demo_record
from app.services.participants import add_participant, facts_from
from app.services.uow import UnitOfWork


@dataclass
class Earlier:
    """One earlier finished cohort and the people followed up: its graduates and the one
    who withdrew."""

    cohort: Cohort
    graduates: list[tuple[Enrollment, Participant]]
    withdrawn: list[tuple[Enrollment, Participant]]


def six_months_back(today: date) -> date:
    """The Friday two or three weeks more than six months ago: that cohort's 6-month calls
    are overdue on any day (a week starts at most six days before today)."""
    end = rules.add_months(today, -6) - timedelta(days=14)
    return end - timedelta(days=(end.weekday() - 4) % 7)


def three_months_back(today: date) -> date:
    """A weekday (a Friday if one fits) whose 3-month follow-up falls in today's week,
    nearest today: some of that cohort's calls are always due this week."""
    monday, sunday = rules.week_of(today)
    first = rules.add_months(monday, -3) - timedelta(days=7)
    days = [first + timedelta(days=n) for n in range(31)]
    fits = [d for d in days if d.weekday() < 5 and monday <= rules.add_months(d, 3) <= sunday]
    if not fits:  # cannot happen (weekdays are at most 3 days apart): the nearest, then
        fits = [d for d in days if d.weekday() < 5]
    return min(fits, key=lambda d: (d.weekday() != 4, abs((rules.add_months(d, 3) - today).days)))


def workday(day: date) -> date:
    """The day, or the Monday after it when it falls on a weekend (offices call on
    weekdays)."""
    return day + timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)


def _people(
    uow: UnitOfWork, rng: random.Random, office: str, area: str, registered: date, n: int, no: int
) -> list[Participant]:
    """`n` eligible people registered on `registered` at this office, through the intake
    check and `add_participant` (the participants demo's records, as of that day)."""
    index = regions()
    preset = eligibility.PRESETS["vokasi_2019"]
    at = datetime.combine(registered, time(2, 30), tzinfo=uow.now.tzinfo)
    found: list[Participant] = []
    tries = 0
    while len(found) < n and tries < 60 * n:
        checked = check_intake(demo_record(rng, area, index, registered, no + tries), registered,
                               index)  # fmt: skip
        tries += 1
        if not checked.ok:
            continue
        verdict = eligibility.evaluate(facts_from(checked.values, registered), preset)
        if verdict.status is not eligibility.Status.MET:
            continue
        p = add_participant(uow, checked.values, verdict, "vokasi_2019", "2026-01")
        p.office_code, p.registered_at = office, at + timedelta(minutes=7 * len(found))
        for consent in uow.session.scalars(select(Consent).where(Consent.participant_id == p.id)):
            consent.given_at = p.registered_at
        uow.audit("participant.register", "participant", p.id, demo=True)
        found.append(p)
    return found


def earlier_cohort(
    uow: UnitOfWork,
    rng: random.Random,
    office: str,
    area: str,
    offer: tuple[str, str],
    end: date,
    size: int,
    fails_by: str,
    supervisor: str,
    clerk: str,
) -> Earlier:
    """A finished cohort of this office that ended on `end`, in the shapes demo_cohorts
    writes: its days approved, attendance, results that agree with the rule, one who
    failed (`fails_by` score or attendance) and one who withdrew."""
    s = uow.session
    start = end - timedelta(days=end.weekday()) - timedelta(weeks=2)
    info = OFFICES_BY_CODE[office]
    place, region = LOCATIONS.get(office, (info.region_name, info.region_code))
    people = _people(uow, rng, office, area, start - timedelta(days=rng.randint(20, 35)), size,
                     6000 if fails_by == "score" else 7000)  # fmt: skip
    provider_id, module = offer
    cohort = Cohort(
        office_code=office,
        code=next_code(s, uow.device, start.year),
        provider_id=provider_id,
        module_code=module,
        location=f"Ruang pelatihan, {place}",
        location_region_code=region,
        start_date=start,
        end_date=end,
        pattern=",".join(cohort_rules.DEFAULT_PATTERN),
        capacity=16,
        transport_rate=rng.choice((50_000, 75_000, 100_000)),
        pocket_rate=rng.choice((100_000, 150_000)),
        pocket_mode="per_day",
        min_rate_percent=80,
        excused_counts=False,
        pass_score=70,
        status=cohort_rules.Status.FINISHED.value,
        created_by=clerk,
    )
    s.add(cohort)
    s.flush()
    days = cohort_rules.training_days(start, end)
    sessions = []
    for day in days:
        session = CohortSession(
            id=stable_id("cohort_session", cohort.id, day.isoformat()),
            office_code=office,
            cohort_id=cohort.id,
            day=day,
            makeup=False,
            cancelled=False,
            locked_at=datetime.combine(day + timedelta(days=1), time(1, 0), tzinfo=uow.now.tzinfo),
            locked_by=supervisor,
        )
        s.add(session)
        sessions.append(session)
    s.flush()
    uow.audit("cohort.create", "cohort", cohort.id, code=cohort.code, demo=True)
    rule = cohort_rules.CompletionRule()
    failing, leaving = len(people) - 2, len(people) - 1
    enrolled_at = datetime.combine(start - timedelta(days=7), time(3, 0), tzinfo=uow.now.tzinfo)
    graduates: list[tuple[Enrollment, Participant]] = []
    gone: list[tuple[Enrollment, Participant]] = []
    for n, p in enumerate(people):
        e = Enrollment(
            id=stable_id("enrollment", cohort.id, p.id),
            office_code=office,
            cohort_id=cohort.id,
            participant_id=p.id,
            status=cohort_rules.ENROLLED,
            queued_at=enrolled_at + timedelta(minutes=5 * n),
            enrolled_by=clerk,
        )
        s.add(e)
        held = sessions[: len(sessions) // 3] if n == leaving else sessions
        away = 0
        if n == failing and fails_by == "attendance":
            away = math.ceil(len(held) * 0.35)
        elif n not in (failing, leaving):
            away = min(rng.choice((0, 0, 0, 1, 1, 2)), len(held) // 5)
        missed = set(rng.sample(range(len(held)), away))
        marks: dict[date, str] = {}
        for k, session in enumerate(held):
            mark = rng.choice("IISA") if k in missed else cohort_rules.Mark.PRESENT.value
            marks[session.day] = mark
            s.add(
                Attendance(
                    id=stable_id("attendance", session.id, p.id),
                    office_code=office,
                    cohort_id=cohort.id,
                    session_id=session.id,
                    participant_id=p.id,
                    mark=mark,
                    marked_by=clerk,
                    marked_at=datetime.combine(session.day, time(2, 30), tzinfo=uow.now.tzinfo),
                )
            )
        if n == leaving:
            e.status = cohort_rules.WITHDRAWN
            e.withdraw_reason = "Mengurus keluarga"
            e.withdrawn_at = datetime.combine(
                sessions[len(held)].day, time(3, 0), tzinfo=uow.now.tzinfo
            )
            p.status, p.status_reason = "withdrawn", e.withdraw_reason
            gone.append((e, p))
            continue
        e.score = 58 if n == failing and fails_by == "score" else rng.randint(72, 95)
        e.result_by = clerk
        e.result_at = datetime.combine(end + timedelta(days=3), time(4, 0), tzinfo=uow.now.tzinfo)
        verdict = cohort_rules.completion(
            cohort_rules.attendance_rate(marks, days, end, rule), e.score, rule
        )
        e.result = cohort_rules.PASSED if verdict.passes else cohort_rules.FAILED
        if not verdict.passes:
            e.result_reason = " ".join(r.render("id") for r in verdict.reasons)
        p.status = "completed"
        if verdict.passes:
            graduates.append((e, p))
    s.flush()
    return Earlier(cohort, graduates, gone)
