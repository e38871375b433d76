"""The training certificate (sertifikat pelatihan) handed to a graduate (issue #12, DESIGN §6).

PLACEHOLDER CONTRACT — the rendering is being written; the dataclass below is fixed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CertificateDocument:
    number: str  # "SERT/JKT-1/2026/0007"
    office_line: str  # "BPJS Ketenagakerjaan — Kantor Cabang DKI Jakarta" (header)
    name: str  # the graduate, large
    birth: str  # "Jakarta, 17 Agustus 1990" (place and date of birth)
    nik_masked: str  # "3171********0001"
    module: str  # "Teknisi Pendingin Ruangan (AC)"
    module_code: str  # "TKN-AC"
    hours: int  # training hours of the module
    dates: str  # "2 Maret 2026 – 27 Maret 2026"
    provider: str  # the training provider (lembaga pelatihan)
    result: str  # "LULUS"
    place_and_date: str  # "Jakarta, 1 April 2026"
    signatory_name: str  # from settings; "" leaves a blank line to write the name
    signatory_position: str  # "Kepala Kantor Cabang"
    qr_text: str  # what the QR code holds: the page URL with the token, or the bare token
    copy_no: int = 0  # 0: the original; n > 0: the n-th reprint ("SALINAN ke-n")
    printed: str = ""  # "Dicetak 02/12/2026 10:15 oleh loket.ani — Loket Vokasi"


def build(doc: CertificateDocument, path: Path) -> Path:
    return build_many([doc], path)


def build_many(
    docs: Sequence[CertificateDocument],
    path: Path,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    raise NotImplementedError


def build_each(
    docs: Sequence[CertificateDocument],
    paths: Sequence[Path],
    progress: Callable[[int, int], None] | None = None,
) -> list[Path]:
    raise NotImplementedError
