"""Indonesian person names: a matching key for duplicate checks.

Two registrations of one person often differ only in spelling: spacing, capitals, titles
(H., Hj., Dr., S.Kom.), and the many ways to write Muhammad (Muhamad, Mohammad, Moch., M.).
`name_key` folds those differences away; `similar_names` then allows small typos. Both are
only used to show candidates that a clerk must look at, never to merge on their own.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

# Academic and religious titles that come before or after a name on forms.
TITLES = {
    "h",
    "hj",
    "haji",
    "hajjah",
    "dr",
    "drs",
    "dra",
    "ir",
    "prof",
    "st",
    "sh",
    "se",
    "sp",
    "spd",
    "skom",
    "sked",
    "ssos",
    "sag",
    "sip",
    "ak",
    "mm",
    "mt",
    "msi",
    "mpd",
    "amd",
    "amk",
    "bsc",
    "ba",
    "kh",
    "ust",
    "ustadz",
    "tn",
    "ny",
    "nn",
    "sdr",
    "sdri",
    "bpk",
    "ibu",
}

VARIANTS = {
    # Muhammad and its spellings / abbreviations
    "muhammad": "muhammad",
    "muhamad": "muhammad",
    "muhammat": "muhammad",
    "mohammad": "muhammad",
    "mohamad": "muhammad",
    "mohammed": "muhammad",
    "mochammad": "muhammad",
    "mochamad": "muhammad",
    "mokhammad": "muhammad",
    "muchammad": "muhammad",
    "muchamad": "muhammad",
    "moch": "muhammad",
    "moh": "muhammad",
    "muh": "muhammad",
    "mhd": "muhammad",
    "mohd": "muhammad",
    "md": "muhammad",
    "m": "muhammad",
    # other frequent pairs
    "abd": "abdul",
    "abdoel": "abdul",
    "achmad": "ahmad",
    "akhmad": "ahmad",
    "ahmat": "ahmad",
    "noor": "nur",
    "nurul": "nur",
    "siti": "siti",
    "sitti": "siti",
    "yusuf": "yusuf",
    "yoesoef": "yusuf",
    "joesoef": "yusuf",
    "soekarno": "sukarno",
    "rahmat": "rachmat",
}

_OLD_SPELLING = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("ch", "kh"))


def _fold(token: str) -> str:
    token = VARIANTS.get(token, token)
    for old, new in _OLD_SPELLING:  # Soeharto / Suharto, Djoko / Joko
        token = token.replace(old, new)
    return VARIANTS.get(token, token)


def name_key(name: str) -> str:
    """Lower-case, no accents, no punctuation, no titles, Muhammad-variants folded."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    # "S.Kom." -> "skom", "Moch." -> "moch"; keep letters and spaces only
    text = re.sub(r"\.(?=[a-z])", "", text)
    text = re.sub(r"[^a-z\s]", " ", text)
    tokens = [t for t in text.split() if t not in TITLES]
    return " ".join(_fold(t) for t in tokens)


def similar_keys(ka: str, kb: str, threshold: float = 0.88) -> bool:
    """`similar_names` on keys already made by `name_key` (stored with each participant).

    The cheap upper bounds of difflib come first, so comparing against the ~70 people who
    share a birth date at a million registrations stays fast.
    """
    if not ka or not kb:
        return False
    if ka == kb or sorted(ka.split()) == sorted(kb.split()):
        return True
    matcher = SequenceMatcher(None, ka, kb)
    return (
        matcher.real_quick_ratio() >= threshold
        and matcher.quick_ratio() >= threshold
        and matcher.ratio() >= threshold
    )


def similar_names(a: str, b: str, threshold: float = 0.88) -> bool:
    """Same person's name, allowing word order and a small typo."""
    return similar_keys(name_key(a), name_key(b), threshold)
