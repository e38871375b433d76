"""Turning the bytes of a CSV into text: which encoding an office's file is in.

Excel saves "CSV UTF-8" (with a BOM), plain "CSV" in the PC's code page (Windows-1252 in
Indonesia) and "Unicode Text" (UTF-16LE with a BOM, TAB-separated). A file that is mostly
UTF-8 with some lines in Windows-1252 (rows pasted from another file) is refused with those
lines: decoding all of it as Windows-1252 would silently turn every accented letter of the
UTF-8 lines into two wrong ones. A file that is not a CSV at all (an XLSX or an old .xls
renamed) is named as such instead of being read as nonsense.
"""

from __future__ import annotations

import codecs

from app.errors import ValidationError
from app.texts import Text

MIXED_ENCODING = Text(
    "Berkas bercampur pengodean: sebagian besar UTF-8, tetapi baris {lines} bukan UTF-8 "
    "(mungkin disalin dari berkas lain). Perbaiki huruf beraksen di baris itu, lalu simpan "
    'ulang sebagai CSV UTF-8 (di Excel: "CSV UTF-8 (Comma delimited)").',
    "The file mixes encodings: mostly UTF-8, but lines {lines} are not UTF-8 (perhaps pasted "
    "from another file). Fix the accented letters on those lines, then save again as CSV "
    'UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)").',
)
BROKEN_UNICODE = Text(
    "Berkas tampak berupa teks Unicode ({encoding}) tetapi rusak di baris {line}. Buka di "
    "Excel lalu simpan ulang sebagai CSV UTF-8.",
    "The file looks like Unicode text ({encoding}) but is damaged on line {line}. Open it in "
    "Excel and save it again as CSV UTF-8.",
)
NOT_CSV = Text(
    "Berkas ini bukan CSV melainkan {kind}. Simpan ulang dari Excel sebagai XLSX atau CSV "
    "UTF-8, lalu impor berkas itu.",
    "This file is not a CSV but {kind}. Save it again from Excel as XLSX or CSV UTF-8, then "
    "import that file.",
)
LINES_SHOWN = 10

_UTF32 = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"))
_UTF16 = ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_NOT_TEXT = (
    (b"PK\x03\x04", Text("berkas XLSX (atau ZIP)", "an XLSX (or ZIP) file")),
    (b"\xd0\xcf\x11\xe0", Text("berkas Excel lama (.xls)", "an old Excel file (.xls)")),
)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as a NUL in every other byte (the high byte of each Latin
    letter): little-endian has them at odd offsets, big-endian at even ones. A UTF-8 file with
    a stray NUL is nowhere near that pattern."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    odd = sample[1 : 2 * pairs : 2].count(0)
    even = sample[0 : 2 * pairs : 2].count(0)
    if odd >= pairs * 0.3 and even <= pairs * 0.05:
        return "utf-16-le"
    if even >= pairs * 0.3 and odd <= pairs * 0.05:
        return "utf-16-be"
    return None


def _decode_unicode(data: bytes, encoding: str) -> str:
    """UTF-16 or UTF-32; a damaged file is refused with the line, never half-replaced."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].decode(encoding, errors="replace").count("\n") + 1
        name = encoding.upper().removesuffix("-LE").removesuffix("-BE")
        raise ValidationError(BROKEN_UNICODE, field="file", encoding=name, line=line) from exc


def _lines_shown(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:LINES_SHOWN])
    more = len(numbers) - LINES_SHOWN
    return f"{shown} (+{more})" if more > 0 else shown


def decode_csv(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of a CSV file; see the module docstring."""
    for magic, kind in _NOT_TEXT:
        if data.startswith(magic):
            raise ValidationError(NOT_CSV, field="file", kind=kind.render())
    for bom, encoding in _UTF32:
        if data.startswith(bom):
            return _decode_unicode(data, encoding), encoding
    for bom, encoding in _UTF16:
        if data.startswith(bom):
            return _decode_unicode(data, encoding), encoding
    if (utf16 := _utf16_without_bom(data)) is not None:
        return _decode_unicode(data, utf16), utf16
    body, encoding = data, "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        body, encoding = data[3:], "utf-8-sig"
    try:
        return body.decode("utf-8"), encoding
    except UnicodeDecodeError:
        pass
    not_utf8: list[int] = []
    utf8_accents = False
    for number, line in enumerate(body.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            not_utf8.append(number)
        else:
            utf8_accents = utf8_accents or not line.isascii()
    if utf8_accents or encoding == "utf-8-sig":
        raise ValidationError(MIXED_ENCODING, field="file", lines=_lines_shown(not_utf8))
    return body.decode("cp1252", errors="replace"), "cp1252"
