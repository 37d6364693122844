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

from kg import cache


_KEPT: dict[str, list[str]] = {}  # "UPOS word" -> inflections, as kept in kg.cache between runs
_STATE = {"read": False, "new": False}


@functools.lru_cache(maxsize=None)
def _inflections(word: str, upos: str) -> tuple[str, ...]:
    """The lemma and the first (most usual) spelling of each of its inflections: lemminflect
    also lists rare variants ("flied", "targetted") that news does not write. Kept between
    runs (:func:`save`): lemminflect loads its whole table to answer the first word."""
    if not _STATE["read"]:
        _STATE["read"] = True
        kept = cache.read_json("inflections", _cache_key())
        if isinstance(kept, dict):  # an entry of another shape is ignored and written again
            _KEPT.update((k, v) for k, v in kept.items() if isinstance(v, list) and all(isinstance(f, str) for f in v))
    found = _KEPT.get(f"{upos} {word}")
    if found is None:
        from lemminflect import getAllInflections, getAllInflectionsOOV

        table = getAllInflections(word, upos=upos) or getAllInflectionsOOV(word, upos=upos)
        found = _KEPT[f"{upos} {word}"] = list(dict.fromkeys(
            f.lower() for f in [word] + [s for spellings in table.values() if spellings for s in _usual(spellings)]))
        _STATE["new"] = True
    return tuple(found)


def _usual(spellings: tuple[str, ...]) -> list[str]:
    """The first spelling, and the British or American one beside it that differs only by a
    doubled l ("traveled"/"travelled", "canceling"/"cancelling"): both are news spellings."""
    first = spellings[0]
    return [first] + [s for s in spellings[1:] if s.replace("ll", "l") == first.replace("ll", "l") and s != first]


def _cache_key() -> str:
    from importlib.metadata import version

    return cache.key_of("lemminflect", version("lemminflect"), "spellings-2")  # the kept lists' making


def save() -> None:
    """Keep the inflections found in this run for the next (once the language is loaded)."""
    if _STATE["new"]:
        cache.write_json("inflections", _cache_key(), _KEPT)
        _STATE["new"] = False


def forms(lemma: str, kind: str, raw: Mapping[str, Any]) -> list[str]:
    if kind == "verb_nominal":
        return []  # English participles read as verbs; nominal triggers are listed as nouns
    words = lemma.split()
    syntax = raw.get("syntax", {})
    preps = {p.lower() for p in syntax.get("prepositions", [])} | {p.lower() for p in syntax.get("particles", [])}
    if kind == "verb":
        heads = _inflections(words[0].lower(), "VERB")
        out = [" ".join([f, *words[1:]]) for f in heads]
        if len(words) == 2 and words[1].lower() not in preps:  # verb + object noun: "recalled its ambassador"
            out += [" ".join([f, d, words[1]]) for f in heads for d in syntax.get("object_determiners", [])
                    if not (d in ("a", "an") and words[1].endswith("s"))]  # no "a accusations"
        return out
    first_prep = next((i for i, w in enumerate(words) if i and w.lower() in preps), len(words))
    head = first_prep - 1  # "exchange of fire", "call with": the word before the preposition
    return [" ".join([*words[:head], f, *words[head + 1:]]) for f in _inflections(words[head].lower(), "NOUN")]
