"""Laporan: the monthly programme report per office and for all offices, as PDF with
charts and as XLSX (issue #14, docs/reports.md)."""

from __future__ import annotations

from app.domain.roles import Permission
from app.features import Feature, PageSpec, ShotSpec
from app.texts import Text

FEATURE = Feature(
    key="reports",
    pages=(
        PageSpec(
            "reports",
            Text("Laporan", "Reports"),
            "app.ui.pages.reports:page",
            order=60,
            # after Pemantauan; Ctrl+9 and Ctrl+0 are Sinkronisasi's and Pengaturan's
            shortcut="Ctrl+Shift+L",
            permission=Permission.REPORT_VIEW,
        ),
    ),
    screenshots=(
        ShotSpec("reports", "app.ui.shots.reports:summary", order=600, page="reports"),
        ShotSpec("reports_table", "app.ui.shots.reports:table", order=605, page="reports"),
    ),
    cli=("app.cli.report_cmds",),
)
