"""Demo office: realistic data so a newcomer can look around (`loket demo`, first-run screen).

The same seed gives the same people and names. Each feature adds its own demo rows through
the demo step it declares (app.features); this module runs them in one transaction. A demo
office is marked DEMO on every screen, and its logins are shown at sign-in.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from app.db import Database
from app.domain.roles import Role
from app.errors import StateError
from app.features import DemoRows
from app.models import Device, LocalSetting, Staff
from app.services.actor import Actor
from app.services.passwords import hash_password
from app.services.uow import UnitOfWork, unit_of_work
from app.texts import Text

DEMO_PASSWORD = "demo1234"
DEMO_LOGINS_KEY = "demo_logins"

NOT_FRESH = Text(
    "Kantor ini sudah berisi data ({what}); data demo hanya untuk kantor yang baru disiapkan.",
    "This office already holds data ({what}); demo data is only for a newly set-up office.",
)

FIRST_NAMES_F = ["Rina", "Sari", "Dewi", "Siti", "Nur", "Putri", "Wulan", "Ayu", "Lestari", "Indah"]
FIRST_NAMES_M = ["Budi", "Agus", "Eko", "Rudi", "Andi", "Dedi", "Joko", "Hendra", "Yusuf", "Fajar"]
LAST_NAMES = [
    "Santoso",
    "Wulandari",
    "Nuraini",
    "Hidayat",
    "Saputra",
    "Kurniawan",
    "Lestari",
    "Pratama",
    "Rahmawati",
    "Setiawan",
    "Siregar",
    "Nasution",
    "Harahap",
    "Simanjuntak",
    "Wijaya",
]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    full_name: str
    role: str
    password: str


@dataclass(frozen=True)
class DemoResult:
    seed: int
    logins: list[DemoLogin]


def _people(rng: random.Random) -> list[tuple[str, str, Role]]:
    plan = [Role.SUPERVISOR, Role.COUNTER, Role.COUNTER, Role.COUNTER]
    used: set[str] = set()
    people = []
    for role in plan:
        while True:
            first = rng.choice(FIRST_NAMES_F if rng.random() < 0.5 else FIRST_NAMES_M)
            if first not in used:
                break
        used.add(first)
        prefix = "spv" if role is Role.SUPERVISOR else "loket"
        people.append((f"{prefix}.{first.lower()}", f"{first} {rng.choice(LAST_NAMES)}", role))
    return people


def demo_staff(uow: UnitOfWork, rng: random.Random) -> DemoRows:
    """The office's demo staff: a supervisor and three counter clerks, one demo password."""
    device = uow.session.scalars(select(Device)).one()
    rows = DemoRows()
    demo_hash = hash_password(DEMO_PASSWORD)
    for username, full_name, role in _people(rng):
        uow.session.add(
            Staff(
                office_code=device.office_code,
                username=username,
                full_name=full_name,
                role=role.value,
                password_hash=demo_hash,
                active=True,
                must_change_password=False,
            )
        )
        rows.logins.append(DemoLogin(username, full_name, role.value, DEMO_PASSWORD))
    return rows


def fill_demo(
    db: Database, actor: Actor, seed: int = 1, *, extra_logins: list[DemoLogin] | None = None
) -> DemoResult:
    """Fill a freshly set-up office with demo data and mark it DEMO: each feature's demo
    step (app.features), in order, in ONE transaction."""
    from app import features

    rng = random.Random(seed)
    with unit_of_work(db, actor) as uow:
        device = uow.session.scalars(select(Device)).one()
        staff_count = uow.session.scalar(select(func.count()).select_from(Staff)) or 0
        if device.is_demo:
            raise StateError(NOT_FRESH, what="demo")
        if staff_count > 1:
            raise StateError(NOT_FRESH, what=f"{staff_count} staff")
        logins = list(extra_logins or [])
        counts: dict[str, int] = {}
        for step in features.demo_steps():
            rows: DemoRows = features.load(step.fill)(uow, rng)
            logins += rows.logins
            counts.update(rows.counts)
        device.is_demo = True
        uow.session.merge(
            LocalSetting(
                key=DEMO_LOGINS_KEY,
                value=json.dumps([login.__dict__ for login in logins], ensure_ascii=False),
            )
        )
        detail: dict[str, Any] = {"seed": seed, "staff": len(logins), **counts}
        uow.audit("demo.fill", None, None, **detail)
    return DemoResult(seed, logins)


DEMO_OFFICE = "JKT"
DEMO_ADMIN = ("admin", "Admin Demo")


def create_demo_office(db: Database) -> DemoResult:
    """The first-run "try a demo office" choice: office JKT, counter 1, admin with the demo
    password, filled with demo data whose logins are listed at sign-in. Needs an empty
    database (the set-up refuses otherwise)."""
    from app.services.office import initialise

    username, full_name = DEMO_ADMIN
    initialise(
        db,
        office_code=DEMO_OFFICE,
        device_no=1,
        admin_username=username,
        admin_full_name=full_name,
        admin_password=DEMO_PASSWORD,
        actor_label="setup",
    )
    actor = Actor(username="setup", role=Role.ADMIN, office_code=DEMO_OFFICE)
    admin = DemoLogin(username, full_name, Role.ADMIN.value, DEMO_PASSWORD)
    return fill_demo(db, actor, extra_logins=[admin])
