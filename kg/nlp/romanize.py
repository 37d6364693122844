"""Script-independent keys for persons no list knows, so that "سيرغي بيرسانوف" in an Arabic
article and "Sergei Bersanov" in an English one become one node.

Each language file maps its letters to consonant classes (``[romanization]``); vowels and
letters that are vowels in transcription (alef, waw, ya) are dropped, doubled classes fold.
The key keeps every name part, so two people who share only a surname stay apart.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from kg.lang import available_languages, load_language
from kg.nlp.normalize import is_arabic, match_key


@functools.lru_cache(maxsize=None)
def _tables() -> dict[str, list[tuple[str, str]]]:
    tables = {}
    for code in available_languages():
        table = load_language(code).raw.get("romanization", {})
        tables[code] = sorted(table.items(), key=lambda kv: -len(kv[0]))
    return tables


def _script_table(text: str) -> list[tuple[str, str]]:
    tables = _tables()
    return tables.get("ar" if is_arabic(text) else "en", [])


@functools.lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """Consonant skeleton of one name part: "Shoigu" → "SK", "شويغو" → "SK"."""
    table = _script_table(word)
    text = match_key(word)
    if not is_arabic(word):
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"^(al|el)[-\s]", "l", text) if not is_arabic(word) else text
    out, i = [], 0
    while i < len(text):
        for src, dst in table:
            if text.startswith(src, i):
                out.append(dst)
                i += len(src)
                break
        else:
            i += 1
    if is_arabic(word) and out and text.endswith("ه"):
        out.pop()  # a final ha/ta marbuta is a vowel in transcription: أندريه = Andrei
    return re.sub(r"(.)\1+", r"\1", "".join(out))


def name_parts(name: str) -> list[str]:
    """Name parts with a detached article joined to what follows ("al-Hayya" = "الحية")."""
    raw = [p for p in re.split(r"[\s\-‐]+", name) if p]
    parts: list[str] = []
    for p in raw:
        if parts and parts[-1].lower() in ("al", "el"):
            parts[-1] = parts[-1] + p
        else:
            parts.append(p)
    return parts


@functools.lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    parts = [s for s in (skeleton(p) for p in name_parts(name)) if s]
    return "person-" + ("-".join(parts).lower() or "unknown")


def _close(a: str, b: str) -> bool:
    """Parts match when equal, or one edit apart and long enough to mean it."""
    if a == b:
        return True
    if min(len(a), len(b)) < 3 or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1] <= 1


def merge_person_keys(keys) -> dict[str, str]:
    """Map person keys spelled slightly differently across scripts ("قسطنطين" has no n:
    KSTNTN / KNSTNTN) to one canonical key. Every part must match, so people who share a
    surname but not a first name stay apart."""
    keys = sorted(set(k for k in keys if k.startswith("person-")))
    parent = {k: k for k in keys}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    split = {k: k[len("person-"):].split("-") for k in keys}
    # parts match only with the same first letter: compare within those buckets, not all pairs
    buckets: dict[tuple[str, ...], list[str]] = {}
    for k in keys:
        buckets.setdefault(tuple(p[:1] for p in split[k]), []).append(k)
    for bucket in buckets.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                if all(_close(x, y) for x, y in zip(split[a], split[b])):
                    ra, rb = find(a), find(b)
                    if ra != rb:
                        parent[max(ra, rb)] = min(ra, rb)
    return {k: find(k) for k in keys if find(k) != k}
