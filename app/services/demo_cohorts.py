"""Demo cohorts: in each of the five areas a finished cohort with its results, one running
with attendance up to today (some people below 80%, some days approved), one planned with a
full list and a waiting list, and a cancelled one, with withdrawals along the way.

The demo office holds every area's people, so each area's cohorts are written with that
area's office code, as if received from there. Dates are relative to the demo's day; the
providers are those the providers demo decided layak (a month ago), preferring one in the
area's province (Lombok has none: its cohorts train at a provider elsewhere, as happens).
Rows are written directly in the demo's one transaction, in the shapes the services write.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from app.domain import cohorts as rules
from app.domain.ids import stable_id
from app.features import DemoRows
from app.models import (
    Attendance,
    Cohort,
    CohortSession,
    Enrollment,
    Participant,
    ProviderDecision,
    ProviderModule,
    Staff,
    TrainingProvider,
)
from app.services.uow import UnitOfWork

AREAS = (("JKT", "31"), ("BTN", "36"), ("JBR", "32"), ("LOM", "52"), ("BPN", "64"))
LOCATIONS = {
    "JKT": ("Jakarta Timur", "31.75"),
    "BTN": ("Kota Serang", "36.73"),
    "JBR": ("Kabupaten Bekasi", "32.16"),
    "LOM": ("Kota Mataram", "52.71"),
    "BPN": ("Kota Balikpapan", "64.71"),
}
WITHDRAW_REASONS = (
    "Sudah diterima bekerja",
    "Pindah domisili ke luar kota",
    "Sakit berkepanjangan",
    "Mengurus keluarga",
)


@dataclass(frozen=True)
class Plan:
    """One demo cohort: its state, its dates relative to today, its size."""

    status: rules.Status
    start_in: int  # days from today (negative: past)
    weeks: int
    capacity: int
    people: int  # enrolled + waiting


PLANS = (
    Plan(rules.Status.FINISHED, -28, 2, 16, 14),
    Plan(rules.Status.RUNNING, -9, 4, 16, 15),
    Plan(rules.Status.PLANNED, 12, 3, 12, 15),
    Plan(rules.Status.CANCELLED, 20, 2, 16, 0),
)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _fit_offers(uow: UnitOfWork) -> list[tuple[str, str, str, str]]:
    """(provider id, name, region, module) of every offer of a provider decided layak."""
    session = uow.session
    fit = set(
        session.scalars(
            select(ProviderDecision.provider_id).where(ProviderDecision.result == "layak")
        )
    )
    rows = session.execute(
        select(TrainingProvider.id, TrainingProvider.name, TrainingProvider.region_code,
               ProviderModule.module_code)
        .join(ProviderModule, ProviderModule.provider_id == TrainingProvider.id)
        .where(ProviderModule.offered.is_(True))
        .order_by(TrainingProvider.name, ProviderModule.module_code)
    ).all()  # fmt: skip
    return [(r[0], r[1], r[2] or "", r[3]) for r in rows if r[0] in fit]


def demo_cohorts(uow: UnitOfWork, rng: random.Random) -> DemoRows:
    """The cohorts feature's demo step (app.features.cohorts)."""
    today = uow.now.astimezone().date()
    offers = _fit_offers(uow)
    if not offers:
        return DemoRows(counts={"cohorts": 0})
    clerk = (
        uow.session.scalar(select(Staff.username).where(Staff.role == "counter").limit(1))
        or uow.actor.username
    )
    supervisor = (
        uow.session.scalar(select(Staff.username).where(Staff.role == "supervisor").limit(1))
        or uow.actor.username
    )
    made = marks = 0
    for office, province in AREAS:
        people = list(
            uow.session.scalars(
                select(Participant)
                .where(
                    Participant.office_code == office,
                    Participant.eligibility_status.in_(("met", "unknown")),
                    Participant.status.not_in(("employed", "withdrawn", "ineligible")),
                    Participant.deleted_at.is_(None),
                )
                .order_by(Participant.registered_at, Participant.id)
            )
        )
        for p in people:  # the participants demo guessed some states; cohorts decide them
            if p.status in ("in_training", "completed"):
                p.status = "verified"
        rng.shuffle(people)
        local = [o for o in offers if o[2].startswith(province)] or offers
        for seq, plan in enumerate(PLANS, start=1):
            provider_id, _name, _region, module = local[(seq - 1) % len(local)]
            taken, people = people[: plan.people], people[plan.people :]
            marks += _cohort(
                uow, rng, office, seq, plan, today, provider_id, module, taken, clerk, supervisor
            )
            made += 1
    return DemoRows(counts={"cohorts": made, "attendance_marks": marks})


def _cohort(
    uow: UnitOfWork,
    rng: random.Random,
    office: str,
    seq: int,
    plan: Plan,
    today: date,
    provider_id: str,
    module: str,
    people: list[Participant],
    clerk: str,
    supervisor: str,
) -> int:
    start = _monday(today + timedelta(days=plan.start_in))
    end = start + timedelta(weeks=plan.weeks, days=-3)  # the last Friday
    place, region = LOCATIONS[office]
    cohort = Cohort(
        office_code=office,
        code=rules.cohort_number(office, 1, start.year, seq),
        provider_id=provider_id,
        module_code=module,
        location=f"Ruang pelatihan, {place}",
        location_region_code=region,
        start_date=start,
        end_date=end,
        pattern=",".join(rules.DEFAULT_PATTERN),
        capacity=plan.capacity,
        transport_rate=rng.choice((50_000, 75_000, 100_000)),
        pocket_rate=rng.choice((100_000, 150_000)),
        pocket_mode="per_day",
        min_rate_percent=80,
        excused_counts=False,
        pass_score=70,
        status=plan.status.value,
        cancel_reason=(
            "Lembaga mengajukan penundaan; peserta dialihkan ke angkatan berikutnya"
            if plan.status is rules.Status.CANCELLED
            else None
        ),
        created_by=clerk,
    )
    uow.session.add(cohort)
    uow.session.flush()
    days = rules.training_days(start, end)
    sessions = []
    for day in days:
        s = CohortSession(
            id=stable_id("cohort_session", cohort.id, day.isoformat()),
            office_code=office,
            cohort_id=cohort.id,
            day=day,
            makeup=False,
            cancelled=False,
        )
        uow.session.add(s)
        sessions.append(s)
    uow.session.flush()  # the days before the marks that name them (no ORM relationships)
    uow.audit("cohort.create", "cohort", cohort.id, code=cohort.code, demo=True)
    written = 0
    for n, p in enumerate(people):
        status = rules.ENROLLED if n < plan.capacity else rules.WAITING
        e = Enrollment(
            id=stable_id("enrollment", cohort.id, p.id),
            office_code=office,
            cohort_id=cohort.id,
            participant_id=p.id,
            status=status,
            queued_at=uow.now - timedelta(days=40 - n),
            enrolled_by=clerk,
            eligibility_confirmed_by=clerk if p.eligibility_status == "unknown" else None,
        )
        uow.session.add(e)
        if status == rules.WAITING:
            continue
        p.status = "in_training"
        keen = rng.choice((1.0, 0.97, 0.93, 0.9, 0.85, 0.75, 0.6))
        quits = plan.status is not rules.Status.PLANNED and rng.random() < 0.08
        held = [s for s in sessions if s.day <= today]
        stop = rng.randrange(1, len(held)) if quits and len(held) > 1 else len(held)
        for s in held[:stop]:
            roll = rng.random()
            mark = "H" if roll < keen else rng.choice("IISA")
            uow.session.add(
                Attendance(
                    id=stable_id("attendance", s.id, p.id),
                    office_code=office,
                    cohort_id=cohort.id,
                    session_id=s.id,
                    participant_id=p.id,
                    mark=mark,
                    marked_by=clerk,
                    marked_at=datetime.combine(s.day, time(2, 30), tzinfo=uow.now.tzinfo),
                )
            )
            written += 1
        if quits and stop < len(held):
            e.status = rules.WITHDRAWN
            e.withdraw_reason = rng.choice(WITHDRAW_REASONS)
            e.withdrawn_at = uow.now - timedelta(days=2)
            p.status, p.status_reason = "withdrawn", e.withdraw_reason
            continue
        if plan.status is rules.Status.FINISHED:  # the result itself: `_results`
            e.score = rng.randint(55, 95)
            e.result_by, e.result_at = clerk, uow.now - timedelta(days=10)
            p.status = "completed"
    for s in sessions:  # approved days: all past days of a finished cohort, most of a running
        if s.day < today - timedelta(days=2) and plan.status in (
            rules.Status.FINISHED,
            rules.Status.RUNNING,
        ):
            s.locked_at, s.locked_by = uow.now - timedelta(days=1), supervisor
    if plan.status is rules.Status.FINISHED:
        _results(uow, cohort, sessions, today)
    return written


def _results(uow: UnitOfWork, cohort: Cohort, sessions: list[CohortSession], today: date) -> None:
    """Each result as the rule gives it (the demo's clerk agrees with the rule)."""
    uow.session.flush()
    rule = rules.CompletionRule()
    by_person: dict[str, dict[date, str]] = {}
    day_of = {s.id: s.day for s in sessions}
    for a in uow.session.scalars(select(Attendance).where(Attendance.cohort_id == cohort.id)):
        if a.mark:
            by_person.setdefault(a.participant_id, {})[day_of[a.session_id]] = a.mark
    for e in uow.session.scalars(
        select(Enrollment).where(
            Enrollment.cohort_id == cohort.id, Enrollment.status == rules.ENROLLED
        )
    ):
        rate = rules.attendance_rate(
            by_person.get(e.participant_id, {}), list(day_of.values()), today, rule
        )
        verdict = rules.completion(rate, e.score, rule)
        e.result = rules.PASSED if verdict.passes else rules.FAILED
        if not verdict.passes:
            e.result_reason = " ".join(r.render("id") for r in verdict.reasons)
