"""The header row of an import file: every column that holds data needs its own heading.

Columns are matched to fields by position. A heading repeated (`catatan` twice, also
`Catatan` and `catatan ` once each) would make the mapping by heading ambiguous; it once
shifted every later column by one, so the employer was stored as the bank name. A column
without a heading cannot be mapped at all, so if it holds data the file is refused; if it is
wholly empty (Excel often leaves such columns behind) it is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl.utils.cell import get_column_letter

from app.errors import ValidationError
from app.texts import Text

Cell = str | int | float | date | datetime | None

REPEATED_HEADERS = Text(
    "Judul kolom berulang: {columns}. Setiap kolom harus punya judul yang berbeda; ubah atau "
    "hapus salah satunya, lalu impor lagi.",
    "Repeated column heading: {columns}. Every column needs a different heading; rename or "
    "delete one of them, then import again.",
)
UNNAMED_COLUMN = Text(
    "Kolom ke-{position} ({letter}) tanpa judul berisi data (mulai baris {row}). Beri judul "
    "pada kolom itu, atau hapus isinya bila tidak perlu.",
    "Column {position} ({letter}) has no heading but holds data (from row {row}). Give the "
    "column a heading, or delete its contents if not needed.",
)


def normalize_header(text: str) -> str:
    """`Tanggal Lahir ` -> `tanggal_lahir`."""
    return re.sub(r"[^a-z0-9]+", "_", text.strip().lower()).strip("_")


def is_blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def column_letter(position: int) -> str:
    """0-based position -> the spreadsheet's letter (0 -> A, 27 -> AB)."""
    return str(get_column_letter(position + 1))


@dataclass
class Columns:
    """The headings kept, and where each was in the file (0-based), for messages."""

    headers: list[str]
    positions: list[int]


def check_headers(header: Sequence[Cell], body: Sequence[tuple[int, Sequence[Cell]]]) -> Columns:
    """The columns to read; refuses repeated headings and unnamed columns holding data.

    `body` holds (row number, cells) of the data rows."""
    width = max([len(header), *(len(cells) for _row, cells in body)])
    texts = [("" if value is None else str(value)) for value in header]
    texts += [""] * (width - len(texts))
    seen: dict[str, list[int]] = {}
    for position, text in enumerate(texts):
        if text.strip():
            key = normalize_header(text) or text.strip().lower()
            seen.setdefault(key, []).append(position)
    repeated = [
        f'"{texts[places[0]].strip()}" ({", ".join(column_letter(p) for p in places)})'
        for places in seen.values()
        if len(places) > 1
    ]
    if repeated:
        raise ValidationError(REPEATED_HEADERS, field="file", columns="; ".join(repeated))
    kept: list[int] = []
    for position, text in enumerate(texts):
        if text.strip():
            kept.append(position)
            continue
        for row, cells in body:
            if position < len(cells) and not is_blank(cells[position]):
                raise ValidationError(
                    UNNAMED_COLUMN,
                    field="file",
                    position=position + 1,
                    letter=column_letter(position),
                    row=row,
                )
    return Columns([texts[p] for p in kept], kept)
