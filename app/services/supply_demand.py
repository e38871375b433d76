"""Supply and demand per module and province: the view a branch head uses to ask for the
next cohort (issue #13).

Demand is the open vacancies (closing date not passed, not closed): their count and their
openings. A vacancy that wants two modules counts under both, since either kind of
graduate may fill it; the total of openings is therefore given apart, each vacancy once.
Supply is the people of this PC's database:
- in training: enrolled in a planned or running cohort of the module;
- still looking: graduates (passed, finished cohort) of the module who are not working
  (status not employed) and whose latest follow-up outcome is not self-employed,
  continuing education or working.
A person counts in the province of their domicile, or of their KTP (the NIK's first two
digits) when no domicile region is known; a vacancy in the province of its region.
`gap` = openings − in training − still looking: above zero, more jobs than people.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.domain import cohorts as cohort_rules
from app.domain import followups as followup_rules
from app.domain.vacancies import digits
from app.models import Cohort, Enrollment, FollowUp, Participant
from app.resources import regions
from app.services.vacancies import codes_of, module_names, open_vacancies, today_of
from app.services.xlsx_cells import number_cell, text_cell

# The latest outcomes that take a graduate out of "still looking".
NOT_LOOKING = frozenset(
    {
        followup_rules.Outcome.WORKING.value,
        followup_rules.Outcome.SELF_EMPLOYED.value,
        followup_rules.Outcome.EDUCATION.value,
    }
)
GONE = ("employed", "erased", "merged")
UNKNOWN_PROVINCE = "??"


@dataclass(frozen=True)
class SupplyDemandRow:
    module_code: str
    module_name: str
    province_code: str  # two digits, or ?? when unknown
    province_name: str
    vacancies: int
    openings: int
    in_training: int
    looking: int

    @property
    def gap(self) -> int:
        return self.openings - self.in_training - self.looking


@dataclass(frozen=True)
class SupplyDemand:
    day: date
    rows: list[SupplyDemandRow]
    vacancies: int  # open vacancies, each once
    openings: int  # their openings, each vacancy once
    in_training: int  # people, each once
    looking: int


def _province(region: str | None, nik: str | None = None) -> str:
    code = digits(region)[:2] or digits(nik)[:2]
    return code if len(code) == 2 else UNKNOWN_PROVINCE


def _latest_outcomes(session: Session, ids: list[str]) -> dict[str, str]:
    latest: dict[str, tuple[datetime, str]] = {}
    for chunk in range(0, len(ids), 500):
        for pid, called_at, outcome in session.execute(
            select(FollowUp.participant_id, FollowUp.called_at, FollowUp.outcome).where(
                FollowUp.participant_id.in_(ids[chunk : chunk + 500]),
                FollowUp.outcome.is_not(None),
                FollowUp.deleted_at.is_(None),
            )
        ):
            if not outcome or called_at is None:
                continue
            if pid not in latest or latest[pid][0] < called_at:
                latest[pid] = (called_at, outcome)
    return {pid: outcome for pid, (_at, outcome) in latest.items()}


def supply_demand(db: Database, today: date | None = None) -> SupplyDemand:
    day = today or today_of(db)
    cells: dict[tuple[str, str], dict[str, int]] = defaultdict(
        lambda: {"vacancies": 0, "openings": 0, "in_training": 0, "looking": 0}
    )
    with db.read() as session:
        names = module_names(session)
        held = open_vacancies(session, day)
        for v in held:
            province = _province(v.region_code)
            for code in codes_of(v):
                cells[(code, province)]["vacancies"] += 1
                cells[(code, province)]["openings"] += v.openings
        active = [s.value for s in cohort_rules.ACTIVE_COHORT]
        rows = session.execute(
            select(
                Participant.id,
                Participant.region_code,
                Participant.nik,
                Participant.status,
                Cohort.module_code,
                Cohort.status,
                Enrollment.result,
            )
            .join(Enrollment, Enrollment.participant_id == Participant.id)
            .join(Cohort, Cohort.id == Enrollment.cohort_id)
            .where(
                Participant.deleted_at.is_(None),
                Participant.status.not_in(GONE),
                Enrollment.deleted_at.is_(None),
                Enrollment.status == cohort_rules.ENROLLED,
                Cohort.deleted_at.is_(None),
                (Cohort.status.in_(active))
                | (
                    (Cohort.status == cohort_rules.Status.FINISHED.value)
                    & (Enrollment.result == cohort_rules.PASSED)
                ),
            )
        )
        people = list(rows)
        latest = _latest_outcomes(session, sorted({r[0] for r in people}))
    training_people: set[str] = set()
    looking_people: set[str] = set()
    counted: set[tuple[str, str, str]] = set()
    for pid, region, nik, _status, module, cohort_status, _result in people:
        province = _province(region, nik)
        kind = "in_training" if cohort_status in active else "looking"
        if kind == "looking" and latest.get(pid) in NOT_LOOKING:
            continue
        if (pid, module, kind) in counted:
            continue
        counted.add((pid, module, kind))
        cells[(module, province)][kind] += 1
        (training_people if kind == "in_training" else looking_people).add(pid)
    provinces = {r.code: r.name for r in regions().provinces.values()}
    out = [
        SupplyDemandRow(
            module_code=module,
            module_name=names.get(module, module),
            province_code=province,
            province_name=provinces.get(province, "Tidak diketahui"),
            **counts,
        )
        for (module, province), counts in cells.items()
    ]
    out.sort(key=lambda r: (-r.gap, r.module_name.casefold(), r.province_code))
    return SupplyDemand(
        day=day,
        rows=out,
        vacancies=len(held),
        openings=sum(v.openings for v in held),
        in_training=len(training_people),
        looking=len(looking_people - training_people),
    )


HEADERS = (
    ("Modul", 34),
    ("Kode modul", 12),
    ("Provinsi", 24),
    ("Lowongan", 11),
    ("Jumlah dibutuhkan", 18),
    ("Sedang pelatihan", 17),
    ("Lulusan masih mencari", 22),
    ("Selisih", 10),
)


def write_supply_demand_xlsx(report: SupplyDemand, out: Path, office: str = "") -> None:
    """One sheet, the table as the window shows it, numbers as numbers (the branch head
    sums and sorts them); every text cell stays text (a module name is never a formula)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "Kebutuhan vs pasokan"
    text_cell(sheet, 1, 1, "Kebutuhan dan pasokan tenaga kerja per modul dan provinsi")
    sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
    where = f" — {office}" if office else ""
    text_cell(sheet, 2, 1, f"Per {report.day.strftime('%d/%m/%Y')}{where}")
    top = 4
    for j, (label, width) in enumerate(HEADERS, start=1):
        text_cell(sheet, top, j, label, bold=True)
        sheet.column_dimensions[get_column_letter(j)].width = width
    r = top
    for r, row in enumerate(report.rows, start=top + 1):
        text_cell(sheet, r, 1, row.module_name)
        text_cell(sheet, r, 2, row.module_code)
        text_cell(sheet, r, 3, row.province_name)
        for j, value in enumerate(
            (row.vacancies, row.openings, row.in_training, row.looking, row.gap), start=4
        ):
            number_cell(sheet, r, j, value, fmt="0")
    total = r + 2
    text_cell(sheet, total, 1, "Jumlah (setiap lowongan dan orang sekali)", bold=True)
    for j, value in enumerate(
        (report.vacancies, report.openings, report.in_training, report.looking), start=4
    ):
        number_cell(sheet, total, j, value, bold=True, fmt="0")
    sheet.freeze_panes = sheet.cell(row=top + 1, column=1)
    book.save(out)
