"""Sertifikat: training certificates for a finished cohort's graduates, signed with the
issuing PC's Ed25519 key, verifiable from a phone on the server's public page or offline in
the program (issue #12)."""

from __future__ import annotations

from app.features import Feature

FEATURE = Feature(
    key="certificates",
    entities=(
        "device_key",
        "certificate",
        "certificate_print",
        "certificate_revocation",
    ),
)
