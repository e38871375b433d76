"""Text that a spreadsheet or an XML file would misread: formula-looking values and
control characters.

Files from users are hostile (issue #7). A value such as `=HYPERLINK("http://x","y")` or
`+cmd|' /C calc'!A0` is harmless in the database but turns into a live formula when a clerk
opens an export in Excel (CSV/formula injection). A NUL or another control character is
invisible on screen, and XML 1.0 cannot hold it at all, so one such character in one name
made every XLSX export of the office fail. The intake form and the import refuse both
(through `app.domain.intake.check_intake`); the export neutralises what is already stored
(`csv_cell`, `xml_text`), so a record that arrived before these rules, or by sync, can
never break or arm an export. Pure functions: no I/O.
"""

from __future__ import annotations

import re

# What Excel, LibreOffice and Google Sheets read as the start of a formula (OWASP "CSV
# injection"); TAB and CR count because some programs skip them and then see the `=`.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
REPLACEMENT = "\ufffd"

# C0 controls except TAB, LF and CR; DEL; C1 controls (XML allows these, but they are
# invisible and no keyboard types them); then what XML 1.0 cannot hold besides the C0
# controls: lone surrogates and U+FFFE/U+FFFF.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# After a leading + or -: a phone number (`+62 812-3456-7890`, `+62 (21) 765 4321`), a
# negative number (`-1.500`) or a lone dash meaning "none" stay text; anything else
# (`-2+3`, `+cmd|' /C calc'!A0`, `- SUM(A1)`) is what a spreadsheet would compute.
_PLAIN_SIGNED = re.compile(r"[+-][0-9\s().,\-]*")


def first_control_char(text: str) -> tuple[int, str] | None:
    """(1-based position, character) of the first character that is not text: a C0 control
    other than TAB, LF and CR, DEL, a C1 control, a lone surrogate or U+FFFE/U+FFFF."""
    found = _NOT_TEXT.search(text)
    return None if found is None else (found.start() + 1, found.group())


def char_code(char: str) -> str:
    """`U+0000`: how a message names an invisible character."""
    return f"U+{ord(char):04X}"


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet would take `text` as a formula: it starts (after any spaces,
    tabs or line breaks, which some spreadsheets skip) with `=` or `@`, or with `+` or `-`
    followed by more than a plain number or phone number."""
    start = text.lstrip()
    if not start:
        return False
    if start[0] in "=@":
        return True
    if start[0] in "+-":
        return _PLAIN_SIGNED.fullmatch(start) is None
    return False


def strip_export_quote(text: str) -> str:
    """Undo the `'` that `csv_cell` put before `= + - @ TAB CR`, so our own export imports
    again (`'+6281234567890` -> `+6281234567890`). Any other `'` is the user's and stays."""
    if len(text) >= 2 and text[0] == QUOTE and text[1] in FORMULA_STARTS:
        return text[1:]
    return text


def xml_text(text: str) -> str:
    """`text` with every character XML 1.0 cannot hold (and every control character)
    replaced by U+FFFD, so writing it into an XLSX can never fail."""
    return _NOT_TEXT.sub(REPLACEMENT, text)


def csv_cell(text: str) -> str:
    """`text` made safe for a CSV that Excel will open: control characters replaced by
    U+FFFD, and a `'` before a value that starts like a formula, which makes Excel show it
    as text instead of computing it."""
    text = xml_text(text)
    return QUOTE + text if text.startswith(FORMULA_STARTS) else text
