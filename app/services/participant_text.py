"""What a typed text matches (app.services.participant_search asks): the SQL that finds the
rowids of the newest participants whose name (FTS5, every word a prefix, matched as written
and folded), NIK, KPJ or phone (B-tree ranges) start with it, or whose NIK ends with four
typed digits or matches a masked NIK as the list shows it (`3171********0001`)."""

from __future__ import annotations

import re

from app.domain.names import VARIANTS, name_key

_NUMBER_MATCHES = (
    "SELECT rowid FROM participant WHERE nik >= :digits AND nik < :digits_end "
    "OR kpj >= :digits AND kpj < :digits_end OR phone >= :phone AND phone < :phone_end "
    "ORDER BY +rowid DESC LIMIT :cap"  # "+": sort what the three indexes found, never scan
)
# The last four digits of a NIK, as a masked NIK shows them (`3171********0001`), from the
# index on `substr(nik, -4)` (migration 0007), newest first, stopping at the cap: most
# serials are 0001, so "0001" alone matches half the office.
_NIK_TAIL = (
    "SELECT rowid FROM participant WHERE substr(nik, -4) = :tail ORDER BY rowid DESC LIMIT :cap"
)
# A masked NIK with its first digits: the NIK index's range, the tail checked on each entry
# ("+": not from the tail index, whose half-an-office of 0001s would be read one by one).
_MASKED_NIK = (
    "SELECT rowid FROM participant WHERE nik >= :digits AND nik < :digits_end "
    "AND +substr(nik, -4) = :tail ORDER BY +rowid DESC LIMIT :cap"
)
_NIK_PREFIX = (
    "SELECT rowid FROM participant WHERE nik >= :digits AND nik < :digits_end "
    "ORDER BY +rowid DESC LIMIT :cap"
)
# Four digits are a NIK, KPJ or phone start, or a NIK's end: the newest of each, together.
_FOUR_DIGITS = (
    f"SELECT * FROM ({_NUMBER_MATCHES}) UNION SELECT * FROM ({_NIK_TAIL}) "
    "ORDER BY 1 DESC LIMIT :cap"
)
_MASKED = re.compile(r"^(\d*)\*+(\d{4})?$")
_NAME_MATCHES = (
    "SELECT rowid FROM participant_fts WHERE participant_fts MATCH :fts "
    "ORDER BY rowid DESC LIMIT :cap"
)


def _fts_expression(words: list[str]) -> str:
    parts = []
    for word in words:
        plain = re.sub(r"[^a-z0-9]", "", word.lower())
        folded = name_key(word).replace(" ", "")
        if not plain:
            continue
        alternatives = [f'full_name:"{plain}"*']
        if folded and folded != plain:
            # a whole spelling ("muh", "moch", "abd") folds to a whole name: that word, not
            # every word it starts (FTS5 would gather all of those first: 6 ms for muhammad)
            star = "" if plain in VARIANTS else "*"
            alternatives.append(f'name_key:"{folded}"{star}')
        parts.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(parts)


def after(prefix: str) -> str:
    """The first text past every text that starts with `prefix` (the end of a range)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def text_matches(raw: str) -> tuple[str, dict[str, str]] | None:
    """SQL of the rowids of the newest `:cap` participants the typed text matches, with its
    parameters (all but `cap`), or None when the text asks for nothing."""
    raw = raw.strip()
    digits = re.sub(r"[\s\-.()+]", "", raw)
    masked = _MASKED.match(digits)
    if masked and (masked[1] or masked[2]):
        return _masked(masked[1], masked[2])
    if digits.isdigit() and len(digits) >= 3:
        phone = "+62" + digits[1:] if digits.startswith("0") else "+" + digits
        params = {
            "digits": digits,
            "digits_end": after(digits),
            "phone": phone,
            "phone_end": after(phone),
        }
        if len(digits) == 4:
            return _FOUR_DIGITS, {**params, "tail": digits}
        return _NUMBER_MATCHES, params
    expression = _fts_expression(raw.split()) if raw else ""
    if expression:
        return _NAME_MATCHES, {"fts": expression}
    return None


def _masked(prefix: str, tail: str | None) -> tuple[str, dict[str, str]]:
    """A NIK typed or pasted as a list shows it: `3171********0001`, `*0001`, `3171*`."""
    if not tail:
        return _NIK_PREFIX, {"digits": prefix, "digits_end": after(prefix)}
    if not prefix:
        return _NIK_TAIL, {"tail": tail}
    return _MASKED_NIK, {"digits": prefix, "digits_end": after(prefix), "tail": tail}
