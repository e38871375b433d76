"""The cohort screens for `loket screenshots`: the list, a running cohort's people and its
attendance grid (as a supervisor sees it), the result dialog, the enrolment picker and the
new-cohort form. Runs in the screenshot session's demo office."""

from __future__ import annotations

from typing import Any

from app.ui.shots.providers import _supervisor_window
from app.ui.shots.session import ShotSession, settle


def _running(session: ShotSession, status: str) -> str:
    from app.services.cohort_lists import list_cohorts

    return next(c.id for c in list_cohorts(session.ctx.db, status=status, mine_only=True))


def cohorts(session: ShotSession) -> None:
    page = session.window.open("cohorts")
    page.show_list()
    page.list.refresh()
    settle()
    page.list.table.selectRow(2)
    session.save("cohorts")


def people(session: ShotSession) -> None:
    page = session.window.open("cohorts")
    page.open_cohort(_running(session, "berjalan"))
    settle()
    session.save("cohort_people")
    page.show_list()


def attendance(session: ShotSession) -> None:
    window = _supervisor_window(session)
    page = window.open("cohorts")
    page.open_cohort(_running(session, "berjalan"), tab=1)
    settle()
    session.save("cohort_attendance", window)
    page.show_list()


def result(session: ShotSession) -> None:
    page = session.window.open("cohorts")
    view = page.open_cohort(_running(session, "berjalan"))
    settle()
    below = next(
        (n for n, e in enumerate(view.detail.enrolments) if e.status == "enrolled"
         and e.rate is not None and e.rate < 0.8),
        0,
    )  # fmt: skip
    view.people.setCurrentCell(below, 0)
    dialog: Any = view.record_result()
    dialog.score.setValue(82)
    dialog.outcome.setCurrentIndex(0)  # lulus, against the rule: the dialog says why
    dialog.submit()
    settle()
    session.save("cohort_result", dialog, session.window)
    dialog.reject()
    page.show_list()


def enrol(session: ShotSession) -> None:
    page = session.window.open("cohorts")
    view = page.open_cohort(_running(session, "direncanakan"))
    settle()
    dialog: Any = view.open_enrol()
    settle()
    session.save("cohort_enrol", dialog, session.window)
    dialog.reject()
    page.show_list()


def new_cohort(session: ShotSession) -> None:
    page = session.window.open("cohorts")
    page.show_list()
    dialog: Any = page.new_cohort()
    settle()
    session.save("cohort_form", dialog, session.window)
    dialog.reject()
