"""Sertifikat: training certificates for a finished cohort's graduates, signed with the
issuing PC's Ed25519 key, verifiable from a phone on the server's public page or offline in
the program (issue #12)."""

from __future__ import annotations

from app.features import DemoStep, Feature, PageSpec, ShotSpec
from app.texts import Text

SHOTS = "app.ui.shots.certificates"

FEATURE = Feature(
    key="certificates",
    pages=(
        PageSpec(
            "certificates",
            Text("Sertifikat", "Certificates"),
            "app.ui.pages.certificates:page",
            order=55,
        ),
    ),
    screenshots=(
        # the check first: the revocation it shows is then on the list too
        ShotSpec("certificates_verify", f"{SHOTS}:verify_valid", order=550, page="certificates"),
        ShotSpec("certificates_revoked", f"{SHOTS}:verify_revoked", order=555, page="certificates"),
        ShotSpec("certificates", f"{SHOTS}:listing", order=560, page="certificates"),
        ShotSpec("certificates_preview", f"{SHOTS}:preview", order=565, page="certificates"),
        ShotSpec("certificates_revoke", f"{SHOTS}:revoke", order=570, page="certificates"),
    ),
    cli=("app.cli.certificate_cmds",),
    demo=DemoStep("app.services.demo_certificates:demo_certificates", order=60),
    entities=(
        "device_key",
        "certificate",
        "certificate_print",
        "certificate_revocation",
    ),
)
