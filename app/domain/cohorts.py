"""Rules of a cohort (angkatan): its number, its training days, its states, attendance and
the completion rule (issue #10). Plain functions: the services feed them what is stored.

- The number is unique without a network, like receipts and certificates (DESIGN §3):
  `ANG/<OFFICE>-<DEVICE>/<YEAR>/<SEQ>`.
- Training days come from a weekly pattern between the start and end dates, then a holiday
  can be removed and a make-up day added (a day outside the dates is refused).
- States: direncanakan → berjalan → selesai; any state but selesai → dibatalkan, with a
  reason.
- Attendance marks: H hadir, I izin, S sakit, A alpa. The rate is over the days HELD so far
  (days up to the date asked, not the whole plan); H always counts, I and S only when the
  cohort's rule says so.
- Completion (default): a rate of at least 80 % and a passing assessment score. A recorded
  result that contradicts the rule is said so, never silently accepted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction

from app.texts import Text

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_PATTERN = ("mon", "tue", "wed", "thu", "fri")
MAX_DAYS = 366


class Status(StrEnum):
    PLANNED = "direncanakan"
    RUNNING = "berjalan"
    FINISHED = "selesai"
    CANCELLED = "dibatalkan"


STATUS_LABELS: dict[Status, Text] = {
    Status.PLANNED: Text("Direncanakan", "Planned"),
    Status.RUNNING: Text("Berjalan", "Running"),
    Status.FINISHED: Text("Selesai", "Finished"),
    Status.CANCELLED: Text("Dibatalkan", "Cancelled"),
}

NEXT: dict[Status, frozenset[Status]] = {
    Status.PLANNED: frozenset({Status.RUNNING, Status.CANCELLED}),
    Status.RUNNING: frozenset({Status.FINISHED, Status.CANCELLED}),
    Status.FINISHED: frozenset(),
    Status.CANCELLED: frozenset(),
}


class Mark(StrEnum):
    PRESENT = "H"  # hadir
    EXCUSED = "I"  # izin
    SICK = "S"  # sakit
    ABSENT = "A"  # alpa


MARK_LABELS: dict[Mark, Text] = {
    Mark.PRESENT: Text("Hadir", "Present"),
    Mark.EXCUSED: Text("Izin", "Excused"),
    Mark.SICK: Text("Sakit", "Sick"),
    Mark.ABSENT: Text("Alpa", "Absent"),
}


def cohort_number(office: str, device_no: int, year: int, seq: int) -> str:
    """`ANG/JKT-1/2026/0007`: unique without a network (office, counter, year, sequence)."""
    return f"ANG/{office}-{device_no}/{year}/{seq:04d}"


class DaysError(ValueError):
    """The training days cannot be made as asked; `text` says why, for the user."""

    def __init__(self, text: Text, **params: object) -> None:
        super().__init__(text.render("en", **params))
        self.text = text
        self.params = params


END_BEFORE_START = Text(
    "Tanggal selesai sebelum tanggal mulai.", "The end date is before the start date."
)
BAD_WEEKDAY = Text(
    "Hari pelatihan tidak dikenal: {day}. Pakai mon, tue, wed, thu, fri, sat, sun.",
    "Unknown training day: {day}. Use mon, tue, wed, thu, fri, sat, sun.",
)
TOO_LONG = Text(
    "Angkatan paling lama {most} hari kalender.", "A cohort lasts at most {most} calendar days."
)
OUTSIDE = Text(
    "Hari pengganti {day} di luar tanggal angkatan.",
    "The make-up day {day} is outside the cohort's dates.",
)
NO_DAYS = Text("Tidak ada hari pelatihan.", "There are no training days.")


def training_days(
    start: date,
    end: date,
    pattern: Iterable[str] = DEFAULT_PATTERN,
    removed: Iterable[date] = (),
    added: Iterable[date] = (),
) -> list[date]:
    """The days between `start` and `end` (both included) whose weekday is in `pattern`,
    without `removed` (holidays), with `added` (make-up days, inside the dates), sorted."""
    if end < start:
        raise DaysError(END_BEFORE_START)
    if (end - start).days + 1 > MAX_DAYS:
        raise DaysError(TOO_LONG, most=MAX_DAYS)
    wanted = set()
    for name in pattern:
        key = name.strip().lower()[:3]
        if key not in WEEKDAYS:
            raise DaysError(BAD_WEEKDAY, day=name)
        wanted.add(WEEKDAYS.index(key))
    days = {
        start + timedelta(days=n)
        for n in range((end - start).days + 1)
        if (start + timedelta(days=n)).weekday() in wanted
    }
    for day in added:
        if not start <= day <= end:
            raise DaysError(OUTSIDE, day=day.strftime("%d/%m/%Y"))
        days.add(day)
    days -= set(removed)
    if not days:
        raise DaysError(NO_DAYS)
    return sorted(days)


def may_move(current: Status, to: Status) -> bool:
    return to in NEXT[current]


@dataclass(frozen=True)
class CompletionRule:
    """What "completed" means for one cohort (issue #10 item 4)."""

    min_rate: Fraction = Fraction(4, 5)  # 80 % of the days held
    excused_counts: bool = False  # I (izin) and S (sakit) count as attended
    pass_score: int | None = 70  # None: no assessment score needed


def attended(marks: Iterable[Mark | str], rule: CompletionRule) -> int:
    counted = {Mark.PRESENT} | ({Mark.EXCUSED, Mark.SICK} if rule.excused_counts else set())
    return sum(1 for m in marks if Mark(m) in counted)


def attendance_rate(
    marks: Mapping[date, Mark | str], days: Iterable[date], on: date, rule: CompletionRule
) -> Fraction | None:
    """Attended days over the days held up to `on` (a day not marked counts as not
    attended); None before the first day is held."""
    held = [d for d in days if d <= on]
    if not held:
        return None
    return Fraction(attended((marks[d] for d in held if d in marks), rule), len(held))


@dataclass(frozen=True)
class Verdict:
    passes: bool
    reasons: tuple[Text, ...]  # why not, each in both languages


LOW_RATE = Text(
    "Kehadiran {rate} di bawah batas {least}.", "Attendance {rate} is below the {least} needed."
)
NO_SCORE = Text("Nilai asesmen belum diisi.", "The assessment score is missing.")
LOW_SCORE = Text(
    "Nilai asesmen {score} di bawah batas lulus {least}.",
    "Assessment score {score} is below the pass mark {least}.",
)


def percent(value: Fraction) -> str:
    """`80 %` style, rounded down to a whole percent (79.9 % must not read as 80 %)."""
    return f"{int(value * 100)}%"


def completion(rate: Fraction | None, score: int | None, rule: CompletionRule) -> Verdict:
    """Whether the rule is met; every reason it is not."""
    reasons: list[Text] = []
    if rate is None or rate < rule.min_rate:
        shown = percent(rate) if rate is not None else "0%"
        reasons.append(
            Text(
                LOW_RATE.id.format(rate=shown, least=percent(rule.min_rate)),
                LOW_RATE.en.format(rate=shown, least=percent(rule.min_rate)),
            )
        )
    if rule.pass_score is not None:
        if score is None:
            reasons.append(NO_SCORE)
        elif score < rule.pass_score:
            reasons.append(
                Text(
                    LOW_SCORE.id.format(score=score, least=rule.pass_score),
                    LOW_SCORE.en.format(score=score, least=rule.pass_score),
                )
            )
    return Verdict(not reasons, tuple(reasons))


PASSED = "lulus"
FAILED = "tidak_lulus"
CONTRADICTS_PASS = Text(
    "Dicatat lulus, padahal aturan kelulusan tidak terpenuhi: {why}",
    "Recorded as passed, but the completion rule is not met: {why}",
)
CONTRADICTS_FAIL = Text(
    "Dicatat tidak lulus, padahal aturan kelulusan terpenuhi; tuliskan alasannya.",
    "Recorded as not passed although the completion rule is met; write the reason.",
)


def contradiction(result: str, verdict: Verdict, lang: str = "id") -> str | None:
    """The sentence to show when a recorded result contradicts the rule (None: it agrees)."""
    if result == PASSED and not verdict.passes:
        why = " ".join(r.render(lang) for r in verdict.reasons)
        return (CONTRADICTS_PASS.en if lang == "en" else CONTRADICTS_PASS.id).format(why=why)
    if result == FAILED and verdict.passes:
        return CONTRADICTS_FAIL.render(lang)
    return None


# -- enrolment -------------------------------------------------------------------------
ENROLLED = "enrolled"
WAITING = "waiting"
WITHDRAWN = "withdrawn"
ENROLMENT_LABELS: dict[str, Text] = {
    ENROLLED: Text("Terdaftar", "Enrolled"),
    WAITING: Text("Daftar tunggu", "Waiting list"),
    WITHDRAWN: Text("Mengundurkan diri", "Withdrawn"),
}
ACTIVE_COHORT = frozenset({Status.PLANNED, Status.RUNNING})
# Participant statuses that cannot be enrolled at all (not a person in the registry any more).
GONE_STATUSES = frozenset({"erased", "merged"})


@dataclass(frozen=True)
class EnrolFacts:
    """What the enrolment rules need to know about one person and one cohort."""

    participant_status: str
    eligibility: str | None  # app.domain.eligibility.Status value, None: never judged
    same_office: bool
    previous_participation: bool | None  # said at registration: took part before
    here: str | None  # this person's enrolment status in this cohort, if any
    active_elsewhere: str | None  # code of another planned/running cohort they are in
    trained_in: str | None  # code of a finished cohort they took part in
    cohort_open: bool  # the cohort is planned or running


NOT_OPEN = Text("Angkatan sudah selesai atau dibatalkan.", "The cohort is finished or cancelled.")
GONE = Text(
    "Data peserta sudah dihapus atau digabung.", "The participant's record is erased or merged."
)
OTHER_OFFICE = Text(
    "Peserta terdaftar di kantor lain; daftarkan di angkatan kantor itu.",
    "The participant is registered at another office; enrol them in a cohort of that office.",
)
ALREADY_HERE = Text("Sudah terdaftar di angkatan ini.", "Already enrolled in this cohort.")
ALREADY_WAITING = Text(
    "Sudah ada di daftar tunggu angkatan ini.", "Already on this cohort's waiting list."
)
ACTIVE_ELSEWHERE = Text("Sedang mengikuti angkatan {code}.", "Already in cohort {code}.")
TRAINED_BEFORE = Text(
    "Sudah pernah dilatih (angkatan {code}); program hanya sekali.",
    "Trained before (cohort {code}); the programme is once only.",
)
SAID_BEFORE = Text(
    "Saat pendaftaran tercatat pernah ikut program; program hanya sekali.",
    "Recorded at registration as having taken part before; the programme is once only.",
)
NOT_ELIGIBLE = Text("Tidak memenuhi syarat program.", "Not eligible for the programme.")
UNKNOWN_ELIGIBILITY = Text(
    "Kelayakan belum dapat dipastikan (data belum lengkap); pastikan dulu sebelum mendaftarkan.",
    "Eligibility is unknown (facts missing); confirm before enrolling.",
)
FULL = Text(
    "Angkatan penuh ({capacity} orang); masuk daftar tunggu.",
    "The cohort is full ({capacity} people); goes on the waiting list.",
)


def enrol_refusals(f: EnrolFacts) -> list[Text]:
    """Every reason this person cannot be enrolled in this cohort (empty: they can, maybe
    after the clerk confirms an unknown eligibility, see `needs_confirmation`)."""
    reasons: list[Text] = []
    if not f.cohort_open:
        reasons.append(NOT_OPEN)
    if f.participant_status in GONE_STATUSES:
        reasons.append(GONE)
    if not f.same_office:
        reasons.append(OTHER_OFFICE)
    if f.here == ENROLLED:
        reasons.append(ALREADY_HERE)
    elif f.here == WAITING:
        reasons.append(ALREADY_WAITING)
    if f.active_elsewhere is not None:
        reasons.append(
            Text(
                ACTIVE_ELSEWHERE.id.format(code=f.active_elsewhere),
                ACTIVE_ELSEWHERE.en.format(code=f.active_elsewhere),
            )
        )
    if f.trained_in is not None:
        reasons.append(
            Text(
                TRAINED_BEFORE.id.format(code=f.trained_in),
                TRAINED_BEFORE.en.format(code=f.trained_in),
            )
        )
    elif f.previous_participation:
        reasons.append(SAID_BEFORE)
    if f.eligibility == "not_met" or f.participant_status == "ineligible":
        reasons.append(NOT_ELIGIBLE)
    return reasons


def needs_confirmation(f: EnrolFacts) -> bool:
    """Eligibility only unknown (or never judged): enrolled once the clerk confirms."""
    return f.eligibility in (None, "unknown") and f.participant_status != "ineligible"


def full_text(capacity: int) -> Text:
    return Text(FULL.id.format(capacity=capacity), FULL.en.format(capacity=capacity))


LOCKED_DAY = Text(
    "Hari {day} sudah disetujui supervisor; perubahan perlu persetujuan supervisor.",
    "Day {day} is approved by a supervisor; a change needs a supervisor's approval.",
)
