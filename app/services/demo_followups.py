"""Demo follow-ups, job vacancies and referrals (issue #13 item 8): what a branch office
holds once its graduates have been out of training for a while, so that every screen of
the Pemantauan page has something true to show on whatever day the demo is made.

- **Vacancies**: about thirty from employers in the five areas (Jakarta, Tangerang, Bandung
  and Bekasi, Lombok, Balikpapan), with wages around each area's minimum wage (UMK) and
  closing dates in the coming weeks; three already past their closing date and three
  closed (filled or withdrawn), which stay for the reports. Most want a module the demo's
  cohorts trained people in; some want one nobody trained in yet (Jasa Kemasyarakatan,
  Perkebunan), which is what the supply-and-demand view is for.
- **Two earlier finished cohorts of this office**, because the demo's own finished cohort
  (app.services.demo_cohorts) ended only a few weeks ago and nobody of it is due a call
  yet: one that ended three months ago, its 3-month calls due this week, and one that
  ended six and a half months ago, its 6-month calls overdue. Their people are registered
  a few weeks before their cohort started, through the same intake check and
  `add_participant` as the participants demo; each cohort has graduates, one who failed
  (by score in one, attendance in the other: the results agree with the rule), and one
  who withdrew. Their stipends and certificates are not written (the money and
  certificate demos show the recent cohort).
- **Follow-ups** of those graduates (and the one who withdrew) with every outcome:
  working again (formal with an NPP, or informal), self-employed, still looking,
  continuing education, unreachable after two or three calls; the person's status follows
  the latest outcome, as `app.services.followups.record` sets it (working -> employed,
  losing that job again -> completed). Some calls are left open: a few overdue, most of
  the 3-month calls due this week, so the call list always has both.
- **Referrals**: a graduate referred to a fitting vacancy and hired (the 6-month call
  then finds them working there), one not hired, and a few referred this week still
  waiting for the employer's answer.

Dates are relative to the demo's day (the unit of work's clock); every choice comes from
the demo's seeded generator. Rows are written directly in the demo's one transaction, in
the shapes the services write (vacancies through `add_vacancy_in`).

Here: the step, the vacancies and the calls and referrals (`_Book`). The tables it reads
(vacancies, jobs, each cohort's call script) are in `demo_followup_data`; the two earlier
cohorts and their people in `demo_earlier_cohorts`.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from app.domain import cohorts as cohort_rules
from app.domain import followups as rules
from app.domain.findings import has_errors
from app.domain.ids import stable_id
from app.domain.offices import OFFICES_BY_CODE
from app.domain.roles import Role
from app.domain.vacancy_fields import check_vacancy
from app.features import DemoRows
from app.models import (
    Cohort,
    Enrollment,
    FollowUp,
    Participant,
    ProviderDecision,
    ProviderModule,
    Referral,
    Staff,
    TrainingProvider,
    Vacancy,
)
from app.resources import regions
from app.services.actor import Actor
from app.services.demo_earlier_cohorts import (
    earlier_cohort,
    six_months_back,
    three_months_back,
    workday,
)
from app.services.demo_followup_data import (
    BUSINESSES,
    CITIES,
    HIRED,
    JOBS,
    LOOKING_NOTES,
    MINIMUM_WAGE,
    NOT_HIRED,
    OPENINGS,
    OTHER_BUSINESSES,
    PENDING,
    SIX_MONTHS,
    SIX_MONTHS_WITHDRAWN,
    STUDIES,
    THREE_MONTHS,
    THREE_MONTHS_WITHDRAWN,
    UNREACHABLE_NOTES,
    Job,
)
from app.services.demo_participants import AREAS
from app.services.modules import module_pairs
from app.services.uow import UnitOfWork
from app.services.vacancies import add_vacancy_in


def demo_followups(uow: UnitOfWork, rng: random.Random) -> DemoRows:
    """The follow-ups feature's demo step (app.features.followups)."""
    s = uow.session
    today = uow.now.astimezone().date()
    office = uow.device.office_code
    counters = list(
        s.scalars(select(Staff.username).where(Staff.role == "counter").order_by(Staff.username))
    ) or [uow.actor.username]
    supervisor = (
        s.scalar(select(Staff.username).where(Staff.role == "supervisor").limit(1))
        or uow.actor.username
    )
    clerk = Actor(username=counters[0], role=Role.COUNTER, office_code=office)
    vacancies = _vacancies(uow, today, clerk)
    counts = {"vacancies": len(vacancies), "follow_ups": 0, "referrals": 0}
    area = _area(office)
    offers = _offers(uow, office, vacancies)
    if area is None or not offers:
        return DemoRows(counts=counts)
    province = OFFICES_BY_CODE[office].region_code[:2]
    book = _Book(uow, rng, today, counters, province, vacancies)

    end = six_months_back(today)
    six = earlier_cohort(
        uow, rng, office, area, offers[0], end, 12, "score", supervisor, counters[0]
    )
    end = three_months_back(today)
    second = offers[1] if len(offers) > 1 else offers[0]
    three = earlier_cohort(
        uow, rng, office, area, second, end, 12, "attendance", supervisor, counters[0]
    )

    for n, ((e, p), script) in enumerate(zip(six.graduates, SIX_MONTHS, strict=False)):
        referral = "hired" if n == HIRED else "not_hired" if n == NOT_HIRED else None
        book.person(six.cohort, e, p, script, referral)
    for n, ((e, p), script) in enumerate(zip(three.graduates, THREE_MONTHS, strict=False)):
        book.person(three.cohort, e, p, script, "pending" if n in PENDING else None)
    for earlier, script in ((six, SIX_MONTHS_WITHDRAWN), (three, THREE_MONTHS_WITHDRAWN)):
        for e, p in earlier.withdrawn:  # never "working": they stay "withdrawn"
            book.person(earlier.cohort, e, p, script, None)
    book.recent_graduate(office, (six.cohort.id, three.cohort.id))
    counts["follow_ups"] = book.follow_ups
    counts["referrals"] = book.referrals
    counts["earlier_cohorts"] = 2
    return DemoRows(counts=counts)


def _area(office: str) -> str | None:
    """The participants demo's area whose people this office's look like (Tangerang's are
    Banten's)."""
    if office in AREAS:
        return office
    info = OFFICES_BY_CODE.get(office)
    if info is None:
        return None
    return next((a for a in AREAS if OFFICES_BY_CODE[a].region_code[:2] == info.region_code[:2]),
                None)  # fmt: skip


def _vacancies(uow: UnitOfWork, today: date, clerk: Actor) -> list[Vacancy]:
    """Each demo vacancy checked as the form checks it, then added as the form adds it."""
    pairs = module_pairs(uow.session)
    known = regions()
    made = []
    for o in OPENINGS:
        raw = {
            "employer": o.employer,
            "npp": o.npp,
            "sector": o.sector,
            "position": o.position,
            "region_code": o.region,
            "modules": o.modules,
            "skills": o.skills,
            "openings": o.openings,
            "wage_min": o.wage[0],
            "wage_max": o.wage[1],
            "closes_on": today + timedelta(days=o.closes_in),
            "contact": o.contact,
            "source": o.source,
        }
        checked = check_vacancy(raw, today, lambda c: known.get(c) is not None, pairs)
        if has_errors(checked.findings):
            raise ValueError(f"demo vacancy {o.employer}: {checked.findings}")
        v = add_vacancy_in(uow.session, checked.values, clerk)
        uow.audit("vacancy.add", "vacancy", v.id, employer=v.employer, position=v.position,
                  demo=True)  # fmt: skip
        if o.closed_ago is not None:
            v.closed_at = uow.now - timedelta(days=o.closed_ago)
            v.closed_by = clerk.username
            uow.audit("vacancy.close", "vacancy", v.id, demo=True)
        made.append(v)
    return made


def _offers(uow: UnitOfWork, office: str, vacancies: list[Vacancy]) -> list[tuple[str, str]]:
    """(provider id, module) for the earlier cohorts: offers of providers decided layak,
    in the office's province if any; modules this office has no cohort of yet first, then
    those its area's employers want."""
    s = uow.session
    fit = set(s.scalars(select(ProviderDecision.provider_id).where(
        ProviderDecision.result == "layak")))  # fmt: skip
    rows = s.execute(
        select(TrainingProvider.id, TrainingProvider.region_code, ProviderModule.module_code)
        .join(ProviderModule, ProviderModule.provider_id == TrainingProvider.id)
        .where(ProviderModule.offered.is_(True))
        .order_by(TrainingProvider.name, ProviderModule.module_code)
    ).all()  # fmt: skip
    province = OFFICES_BY_CODE[office].region_code[:2] if office in OFFICES_BY_CODE else ""
    offers = [(r[0], r[1] or "", r[2]) for r in rows if r[0] in fit]
    local = [o for o in offers if o[1].startswith(province)] or offers
    used: dict[str, int] = {}
    for module in s.scalars(select(Cohort.module_code).where(
        Cohort.office_code == office, Cohort.status != cohort_rules.Status.CANCELLED.value
    )):  # fmt: skip
        used[module] = used.get(module, 0) + 1
    wanted = {
        code for v in vacancies if v.region_code.startswith(province) for code in v.modules.split()
    }
    ranked = sorted(
        range(len(local)),
        key=lambda n: (used.get(local[n][2], 0), local[n][2] not in wanted, n),
    )
    out: list[tuple[str, str]] = []
    for n in ranked:
        if all(m != local[n][2] for _p, m in out):
            out.append((local[n][0], local[n][2]))
    return out[:2]


class _Book:
    """Writes the calls, jobs and referrals of the followed people, in order of time."""

    def __init__(
        self,
        uow: UnitOfWork,
        rng: random.Random,
        today: date,
        counters: list[str],
        province: str,
        vacancies: Sequence[Vacancy],
    ) -> None:
        self.uow, self.rng, self.today = uow, rng, today
        self.counters, self.province, self.vacancies = counters, province, vacancies
        self.city = CITIES.get(uow.device.office_code, "Kota")
        self.wage = MINIMUM_WAGE.get(province, 3_000_000)
        self.npps: dict[str, str] = {}  # one NPP per employer
        self.follow_ups = self.referrals = 0

    # -- helpers ---------------------------------------------------------------------
    def _at(self, day: date) -> datetime:
        """A time in office hours on `day` (never after the demo's moment)."""
        hour, minute = self.rng.randint(1, 8), self.rng.choice((0, 15, 30, 45))
        at = datetime.combine(day, time(hour, minute), tzinfo=self.uow.now.tzinfo)
        return min(at, self.uow.now - timedelta(minutes=10))

    def _clerk(self) -> str:
        return self.rng.choice(self.counters)

    def _fitting(self, module: str, on: date) -> list[Vacancy]:
        """Open vacancies on `on` that want `module`: the office's province first."""
        found = [
            v
            for v in self.vacancies
            if module in v.modules.split()
            and v.closed_at is None
            and (v.closes_on is None or v.closes_on >= max(on, self.today))
        ]
        return sorted(
            found,
            key=lambda v: (
                not v.region_code.startswith(self.province),
                v.closes_on or date.max,
                v.employer,
            ),
        )

    def _refer(
        self, p: Participant, v: Vacancy, on: date, hired: bool | None, hired_on: date | None
    ) -> None:
        clerk = self._clerk()
        r = Referral(
            id=stable_id("referral", p.id, v.id),
            office_code=p.office_code,
            participant_id=p.id,
            vacancy_id=v.id,
            referred_on=on,
            referred_by=clerk,
        )
        self.uow.session.add(r)
        self.uow.audit("vacancy.refer", "participant", p.id, vacancy=v.id, demo=True)
        if hired is not None:
            r.hired, r.hired_on, r.outcome_by = hired, hired_on, clerk
            if not hired:
                r.note = "Tidak lolos tes praktik; disarankan melamar lagi bulan depan"
            self.uow.audit("vacancy.hire", "participant", p.id, vacancy=v.id, hired=hired,
                           demo=True)  # fmt: skip
        self.referrals += 1

    def _job(self, module: str, formal: bool, started_on: date) -> Job:
        choices = JOBS.get(module, JOBS["KONSTRUKSI"])
        template, position, _formal = self.rng.choice([j for j in choices if j[2] is formal])
        employer = template.format(city=self.city)
        npp: str | None = None
        if formal:
            wage = self.wage + self.rng.randrange(0, 700_000, 100_000)
            npp = self.npps.setdefault(employer, f"{self.rng.randint(10_000_000, 99_999_999)}")
        else:
            wage = int(self.wage * self.rng.uniform(0.55, 0.8)) // 100_000 * 100_000
        return Job(employer, npp, position, started_on, wage, formal)

    # -- one person ----------------------------------------------------------------------
    def person(
        self,
        cohort: Cohort,
        e: Enrollment,
        p: Participant,
        script: Sequence[str | None],
        referral: str | None,
    ) -> None:
        """Record the calls `script` says; refer the person when `referral` says so."""
        module = cohort.module_code
        due = rules.schedule(cohort.end_date)
        job: Job | None = None
        business = study = None
        hire: tuple[Vacancy, date] | None = None
        if referral == "hired":
            fits = self._fitting(module, due[2].due_on)
            if fits:
                referred = workday(due[2].due_on - timedelta(days=35))
                hired_on = workday(referred + timedelta(days=12))
                self._refer(p, fits[0], referred, True, hired_on)
                hire = (fits[0], hired_on)
        elif referral == "not_hired":
            fits = self._fitting(module, due[1].due_on)
            near = [v for v in fits if v.region_code.startswith(self.province)] or fits
            if near:  # another employer nearby when there is one
                referred = workday(due[1].due_on + timedelta(days=20))
                self._refer(p, near[min(1, len(near) - 1)], referred, False, None)
        for d, step in zip(due, script, strict=False):
            if step is None or d.due_on > rules.week_of(self.today)[1]:
                continue  # not called yet (a call is recorded only once it is due this week)
            if d.due_on > self.today:  # due later this week: called early, today
                day = self.today
            else:
                day = min(workday(d.due_on + timedelta(days=self.rng.randint(0, 4))), self.today)
            at = self._at(day)
            f = FollowUp(
                id=stable_id("follow_up", e.id, str(d.milestone)),
                office_code=cohort.office_code,
                participant_id=p.id,
                enrollment_id=e.id,
                cohort_id=cohort.id,
                milestone=d.milestone,
                due_on=d.due_on,
                attempts=0,
                called_by=self._clerk(),
                called_at=at,
            )
            kind = step.rstrip("=io23R")
            if step.startswith("W"):
                f.outcome = rules.Outcome.WORKING.value
                if step == "WR" and hire is not None:
                    v, hired_on = hire
                    low, high = v.wage_min or self.wage, v.wage_max or self.wage
                    job = Job(v.employer, v.npp, v.position, hired_on,
                              (low + high) // 200_000 * 100_000, True)  # fmt: skip
                elif step != "W=" or job is None:
                    earliest = cohort.end_date + timedelta(days=5)
                    started = max(earliest, day - timedelta(days=self.rng.randint(7, 40)))
                    job = self._job(module, step != "Wi", min(started, day))
                f.employer, f.npp, f.position = job.employer, job.npp, job.position
                f.started_on, f.wage, f.formal = job.started_on, job.wage, job.formal
            elif kind == "SE":
                f.outcome = rules.Outcome.SELF_EMPLOYED.value
                if step == "SEo":
                    business = self.rng.choice(OTHER_BUSINESSES)
                elif step != "SE=" or business is None:
                    business = BUSINESSES.get(module, OTHER_BUSINESSES[0])
                f.business_type = business
            elif kind == "E":
                f.outcome = rules.Outcome.EDUCATION.value
                if step != "E=" or study is None:
                    study = self.rng.choice(STUDIES)
                f.note = study
            elif kind == "U":
                f.outcome = rules.Outcome.UNREACHABLE.value
                f.attempts = int(step[1:])
                f.note = self.rng.choice(UNREACHABLE_NOTES)
            else:
                f.outcome = rules.Outcome.LOOKING.value
                f.note = self.rng.choice(LOOKING_NOTES)
            self.uow.session.add(f)
            before = p.status
            p.status = rules.status_after(rules.Outcome(f.outcome), before)
            self.uow.audit("followup.record", "participant", p.id, milestone=d.milestone,
                           outcome=f.outcome, status=[before, p.status], demo=True)  # fmt: skip
            self.follow_ups += 1
        if referral == "pending":
            fits = self._fitting(module, self.today)
            if fits:
                on = min(workday(self.today - timedelta(days=self.rng.randint(1, 6))), self.today)
                self._refer(p, fits[0], on, None, None)

    def recent_graduate(self, office: str, earlier: tuple[str, ...]) -> None:
        """A graduate of the office's recent finished cohort referred this week (no call
        is due yet: the first comes a month after the cohort's end)."""
        s = self.uow.session
        rows = s.execute(
            select(Participant, Cohort.module_code)
            .join(Enrollment, Enrollment.participant_id == Participant.id)
            .join(Cohort, Cohort.id == Enrollment.cohort_id)
            .where(
                Cohort.office_code == office,
                Cohort.status == cohort_rules.Status.FINISHED.value,
                Cohort.id.not_in(earlier),
                Enrollment.result == cohort_rules.PASSED,
                Participant.status == "completed",
            )
            .order_by(Participant.full_name, Participant.id)
        ).all()
        if not rows:
            return
        p, module = rows[self.rng.randrange(len(rows))]
        fits = self._fitting(module, self.today)
        if fits:
            self._refer(p, fits[0], min(workday(self.today - timedelta(days=2)), self.today),
                        None, None)  # fmt: skip
