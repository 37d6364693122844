"""Finding an actor by what a user types: a label, an alias, a key or a Wikidata QID.

Arabic is matched on a normalised key (the same code points CAMeL Tools folds): hamza
forms of alef → ا, ى → ي, ة → ه, Persian kaf/yeh → Arabic, tatweel, harakat and
directional marks removed, Arabic-Indic digits → 0-9. Latin text is case-folded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import networkx as nx

from kg.errors import GeoKGError
from kg.nlp.normalize import match_key

_SPACE = re.compile(r"[\s_]+")


def normalize_name(text: str) -> str:
    """The matching key of a name: ``"الرئيس  بوتين"`` and ``"الرئيس بوتين"`` agree."""
    text = _SPACE.sub(" ", match_key(text)).strip(" .,;:'\"()[]«»")
    if text.startswith("the "):
        text = text[4:]
    return text


def actor_names(data: dict) -> list[str]:
    """Every name a node of :func:`kg.analysis.graph.to_networkx` is known by."""
    names = [data.get("key") or "", data.get("wikidata") or ""]
    names += list((data.get("labels") or {}).values())
    for texts in (data.get("alt_labels") or {}).values():
        names += list(texts)
    return [n for n in names if n]


def find_actor(G: nx.Graph, name: str) -> str:
    """The node of ``G`` a user means by ``name``; :class:`GeoKGError` if none or ambiguous.

    An exact (normalised) match on a label, alias, key or QID wins; otherwise a name whose
    words contain the query's words ("putin" → "Vladimir Putin"), if only one actor has one.
    """
    query = normalize_name(name)
    if not query:
        raise GeoKGError("empty actor name")
    if name in G:
        return name
    exact, partial = [], []
    qwords = query.split()
    for node, data in G.nodes(data=True):
        keys = {normalize_name(n) for n in actor_names(data)}
        if query in keys:
            exact.append(node)
        elif any(_contains_words(k.split(), qwords) for k in keys):
            partial.append(node)
    for found in (exact, partial):
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            shown = ", ".join(_describe(G, n) for n in sorted(found)[:8])
            raise GeoKGError(f"actor {name!r} is ambiguous: {shown}")
    hint = suggest(G, query)
    more = f" (did you mean {hint}?)" if hint else ""
    raise GeoKGError(f"no actor named {name!r} in the graph{more}")


def _contains_words(words: list[str], qwords: list[str]) -> bool:
    n = len(qwords)
    return any(words[i:i + n] == qwords for i in range(len(words) - n + 1))


def _describe(G: nx.Graph, node: str) -> str:
    label = G.nodes[node].get("label") or node
    return f"{label} [{node}]" if label != node else node


def suggest(G: nx.Graph, query: str, limit: int = 3) -> str:
    """A few names close to ``query`` (by shared prefix), for the error message."""
    import difflib

    pool: dict[str, str] = {}
    for node, data in G.nodes(data=True):
        for n in actor_names(data):
            pool.setdefault(normalize_name(n), node)
    close = difflib.get_close_matches(query, list(pool), n=limit, cutoff=0.6)
    nodes = list(dict.fromkeys(pool[c] for c in close))
    return ", ".join(_describe(G, n) for n in nodes)


def pick_label(labels: dict[str, str], lang: str | None, fallback: str = "",
               order: Iterable[str] = ("en", "ar")) -> str:
    """The label in ``lang`` if there is one, else English, Arabic, any other, ``fallback``."""
    if lang and labels.get(lang):
        return labels[lang]
    for other in order:
        if labels.get(other):
            return labels[other]
    for other in sorted(labels):
        if labels[other]:
            return labels[other]
    return fallback
