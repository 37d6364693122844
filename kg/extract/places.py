"""Cities that stand for the state they are in, as the place an attack hit: "struck Kharkiv",
"a drone strike on Odesa", "غارات على حلب". A city is no actor (it does not speak or act, and
"talks in Istanbul" are no meeting with Turkey), so cities are no actor mentions: they are read
only where an attack's target is missing, from ``kg/data/places/cities.tsv`` (large cities
that are no capital, with their English and Arabic names; scripts/derive_places.py).
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from kg.extract.context import DocContext, Group, Mark
from kg.nlp.normalize import match_key
from kg.nlp.tokens import positions

CITIES = Path(__file__).resolve().parent.parent / "data" / "places" / "cities.tsv"
Index = dict[str, list[tuple[tuple[str, ...], str]]]  # first word key -> [(word keys, state)], longest first


@functools.lru_cache(maxsize=None)
def city_index(lang: str) -> Index:
    """The cities of ``lang`` by their first word, keyed as the token table keys words."""
    index: Index = {}
    if not CITIES.exists():
        return index
    with CITIES.open(encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        for row in rows:
            for name in filter(None, (row.get(lang) or "").split("|")):
                words = tuple(match_key(name).split())
                index.setdefault(words[0], []).append((words, row["country"]))
    for found in index.values():
        found.sort(key=lambda x: -len(x[0]))
    return index


@functools.lru_cache(maxsize=None)
def city_first_words(lang: str) -> tuple[frozenset[str], frozenset[str], dict[str, frozenset[str]]]:
    """The first words of the cities of ``lang`` (a doc holding none has no city), those
    that are a whole name alone, and the second words of the others' names by first word."""
    index = city_index(lang)
    alone = frozenset(w for w, names in index.items() if any(len(words) == 1 for words, _ in names))
    seconds = {w: frozenset(words[1] for words, _ in names if len(words) > 1) for w, names in index.items()}
    return frozenset(index), alone, seconds


def city_at(ctx: DocContext, k: int, index: Index) -> Group | None:
    """The city whose name starts at token ``k``, as a group of its state."""
    norm = ctx.t.norm
    for words, state in index.get(norm[k], ()):
        end = k + len(words)
        if tuple(norm[k:end]) == words:  # a slice shorter than the name (at the doc's end) differs
            return Group([state], k, end, label="place")
    return None


def doc_cities(ctx: DocContext) -> dict[int, Group]:
    """The doc's city names by start, found once (none in most docs: the first words are
    tested against the doc's distinct words in C first)."""
    if ctx.cities is None:
        index = city_index(ctx.doc.lang_)
        T = ctx.t
        forms = T.forms()
        # a first word counts where it is a name alone or the doc holds a second word of one
        # of its names ("new" alone is no city)
        heads, alone, seconds = city_first_words(ctx.doc.lang_)
        firsts = {w for w in forms & heads if w in alone or not forms.isdisjoint(seconds[w])}
        ctx.cities = {k: g for k in positions(T.norm, firsts, T.forms()) if not ctx.in_mention(k)
                      and (g := city_at(ctx, k, index)) is not None} if firsts else {}
    return ctx.cities


def city_target(ctx: DocContext, trig: Mark, limit: int, preps: frozenset[str] | tuple[str, ...]) -> Group | None:
    """The first city after the trigger, within its reach, that is its direct object or sits
    after a locative or object preposition ("struck Kharkiv", "strikes on Odesa", "في حلب")."""
    cities = doc_cities(ctx)
    if not cities:
        return None
    T, cfg = ctx.t, ctx.cfg
    markers = cfg.locative | frozenset(preps)
    for k in range(trig.end, min(limit, len(T))):
        if T.norm[k] in cfg.boundaries:
            return None
        city = cities.get(k)
        if city is None:
            continue
        j = k - 1
        while j >= trig.end and (T.norm[j] in cfg.determiners or T.norm[j] in cfg.region_words
                                 or T.norm[j] in cfg.place_nouns or ctx.in_mention(j)):
            j -= 1  # "the eastern city of", a verb-first subject ("قصفت روسيا خاركيف")
        procl = T.proclitic(k).lstrip("وف")
        if j < trig.end or T.norm[j] in markers or (procl and procl in markers):
            return city
    return None
