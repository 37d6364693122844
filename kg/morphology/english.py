"""English inflection from lemminflect's tables (AGID and SPECIALIST lexicons, loaded once).

A multi-word verb lemma inflects its first word ("hold talks" → "held talks", "crack down"
→ "cracked down"); a multi-word noun lemma inflects its head, the last word that is not a
preposition ("phone call" → "phone calls"; "call with" → "calls with", "exchange of fire" →
"exchanges of fire").
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any


@functools.lru_cache(maxsize=None)
def _inflections(word: str, upos: str) -> tuple[str, ...]:
    """The lemma and the first (most usual) spelling of each of its inflections: lemminflect
    also lists rare variants ("flied", "targetted") that news does not write."""
    from lemminflect import getAllInflections, getAllInflectionsOOV

    table = getAllInflections(word, upos=upos) or getAllInflectionsOOV(word, upos=upos)
    found = [word] + [spellings[0] for spellings in table.values() if spellings]
    return tuple(dict.fromkeys(f.lower() for f in found))


def forms(lemma: str, kind: str, raw: Mapping[str, Any]) -> list[str]:
    words = lemma.split()
    if kind == "verb":
        return [" ".join([f, *words[1:]]) for f in _inflections(words[0].lower(), "VERB")]
    preps = {p.lower() for p in raw.get("syntax", {}).get("prepositions", [])}
    first_prep = next((i for i, w in enumerate(words) if i and w.lower() in preps), len(words))
    head = first_prep - 1  # "exchange of fire", "call with": the word before the preposition
    return [" ".join([*words[:head], f, *words[head + 1:]]) for f in _inflections(words[head].lower(), "NOUN")]
