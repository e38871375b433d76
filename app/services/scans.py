"""Scans and photos kept as evidence (a participant's KTP, a provider's licence): copied
into the data dir's `documents/` under their SHA-256.

Named by the hash, the same scan attached twice is stored once and a file changed on disk
afterwards is detectable; copied to a `.part` name first, so no half-copied file ever sits
under its final name. Only the metadata row of the caller syncs; the file stays here.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from app import config
from app.errors import ValidationError
from app.texts import Text

MAX_BYTES = 20 * 1024 * 1024
ALLOWED = {".pdf", ".jpg", ".jpeg", ".png"}
BAD_FILE = Text(
    "Berkas harus PDF, JPG atau PNG, paling besar 20 MB.",
    "The file must be PDF, JPG or PNG, at most 20 MB.",
)
MISSING = Text("Berkas tidak ditemukan: {path}.", "File not found: {path}.")


@dataclass(frozen=True)
class StoredScan:
    stored_name: str  # "<sha256><suffix>" in documents_dir()
    sha256: str
    size_bytes: int


def documents_dir() -> Path:
    path = config.data_dir() / "documents"
    path.mkdir(parents=True, exist_ok=True)
    return path


def store_scan(source: Path) -> StoredScan:
    """Check `source` (an existing PDF, JPG or PNG, not empty, at most 20 MB) and copy it
    into documents_dir() under its hash; ValidationError on the field `file` otherwise."""
    if not source.is_file():
        raise ValidationError(MISSING, field="file", path=source)
    suffix = source.suffix.lower()
    size = source.stat().st_size
    if suffix not in ALLOWED or size > MAX_BYTES or size == 0:
        raise ValidationError(BAD_FILE, field="file")
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    stored = f"{digest}{suffix}"
    target = documents_dir() / stored
    if not target.exists():
        tmp = target.with_suffix(target.suffix + ".part")
        shutil.copyfile(source, tmp)
        tmp.replace(target)
    return StoredScan(stored, digest, size)
