"""A small feature made only for the tests: it declares a page, a screenshot, a demo step, a
CLI command and a synced record type, and must then appear in the navigation, in
`loket screenshots`, in the demo office, in `loket --help` and on the sync page — without
editing any of them (issue #8). Registered by the `probe_feature` fixture."""

from __future__ import annotations

import argparse
import random
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.features import DemoRows, DemoStep, Feature, PageSpec, ShotSpec
from app.protocol.entities import EntitySpec, Policy, Scope
from app.texts import Text

TITLE = Text("Percobaan", "Probe")
ENTITY = EntitySpec(
    "probe_note",
    "probe_note",
    Scope.OFFICE,
    Policy.LAST_WRITER,
    label=Text("Catatan percobaan", "Probe note"),
)
FEATURE = Feature(
    key="probe",
    pages=(PageSpec("probe", TITLE, "tests.ui.feature_probe:page", order=50),),
    screenshots=(ShotSpec("probe", "tests.ui.feature_probe:shot", order=500, page="probe"),),
    demo=DemoStep("tests.ui.feature_probe:demo", order=90),
    cli=("tests.ui.feature_probe",),
    entities=("probe_note",),
)


class ProbePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        QVBoxLayout(self).addWidget(QLabel("Halaman percobaan"))


def page(window: Any) -> ProbePage:
    return ProbePage()


def shot(session: Any) -> None:
    session.window.open("probe")
    session.save("probe")


def demo(_uow: Any, rng: random.Random) -> DemoRows:
    return DemoRows(counts={"probe_notes": rng.randint(1, 3)})


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    probe = sub.add_parser("probe", parents=[common], help="the test feature's command")
    probe.set_defaults(handler=lambda _args: None)
