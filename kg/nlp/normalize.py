"""Matching keys for surface forms: one spelling per name, offsets untouched.

The key is only ever stored in ``Token.norm_`` or used to look names up; the text
itself is never rewritten, so evidence offsets always point into what was published.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# CAMeL Tools' orthographic normalisation, same code points (see FIELD-NOTES).
_AR_MAP = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ة": "ه", "ک": "ك", "ی": "ي", "ي": "ي", "ؤ": "و", "ئ": "ي", "ـ": None,
    **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + d): str(d) for d in range(10)},  # Persian digits
})
# str.translate looks a non-ASCII text's characters up one by one: in a list by code point
# (what the map leaves alone maps to itself, code points past the list raise LookupError
# and stay) that is about twice as fast as in a dict; same result
_AR_TABLE = [_AR_MAP.get(i, i) for i in range(max(_AR_MAP) + 1)]
_AR_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c-\u200f]")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
_APOSTROPHE_CHARS = frozenset(map(chr, _APOSTROPHES))


def is_arabic(text: str) -> bool:
    return bool(_ARABIC_LETTER.search(text))


def arabic_key(text: str) -> str:
    """Fold hamza forms, alef maqsura, ta marbuta, Persian letters, harakat and tatweel."""
    text = unicodedata.normalize("NFKC", text)
    text = _AR_MARKS.sub("", text)
    return text.translate(_AR_TABLE)


@functools.lru_cache(maxsize=262144)
def match_key(text: str) -> str:
    """The key a surface form is matched by, for any language."""
    text = arabic_key(text) if is_arabic(text) else unicodedata.normalize("NFKC", text)
    if not _APOSTROPHE_CHARS.isdisjoint(text):  # most texts have none: no translation pass
        text = text.translate(_APOSTROPHES)
    return " ".join(text.casefold().split())
