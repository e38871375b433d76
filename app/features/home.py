"""Beranda: what the office sees first after signing in."""

from __future__ import annotations

from app.features import Feature, PageSpec, ShotSpec
from app.texts import Text

FEATURE = Feature(
    key="home",
    pages=(PageSpec("home", Text("Beranda", "Home"), "app.ui.pages.home:page", order=10),),
    screenshots=(ShotSpec("home", "app.ui.shots.home:home", order=100, page="home"),),
)
