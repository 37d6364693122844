"""The aggregated-edge model: one edge per (subject, relation, object, polarity, modality group).

Both readers of a graph end here. In memory, every claim of the claim graph
(:func:`kg.analysis.graph.to_networkx`) is a :class:`Part` of one claim; reading an Oxigraph
store, Oxigraph groups the claims itself (``GROUP BY`` in :mod:`kg.analysis.store_network`)
and each row is a :class:`Part` of many claims. :func:`merge_parts` folds parts into edges
the same way for both (symmetric relations whatever the direction, possible and alleged as
one hedged edge), so ``kg stats`` prints the same numbers whichever way the graph was read,
and no claim needs to be a Python object when a store answers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

HEDGED = frozenset({"possible", "alleged"})
AGGREGATED = "aggregated"  # G.graph flag: the edges of G are aggregated edges already


def modality_group(modality: str) -> str:
    """``asserted`` or ``hedged`` (possible and alleged claims draw as one dashed edge)."""
    return "hedged" if modality in HEDGED else "asserted"


def edge_key(relation: str, polarity: str, group: str) -> str:
    return f"{relation}|{polarity}|{group}"


@dataclass
class Part:
    """Claims of one (u, v, relation, polarity, modality): one claim of the claim graph, a
    ``GROUP BY`` row of a store, or a standing relation no claim stands behind (``structural``)."""

    u: str
    v: str
    relation: str
    polarity: str
    modality: str
    symmetric: bool
    structural: bool = False
    claim_count: int = 0
    attributed_count: int = 0
    claims: list[str] = field(default_factory=list)
    articles: Iterable[str] = ()
    dates: Iterable[str] = ()
    attributed_to: Iterable[str] = ()
    items: Iterable[str] = ()
    evidences: list[dict] = field(default_factory=list)


def claim_part(u: str, v: str, d: dict) -> Part:
    """The part of one edge of the claim graph (attributes of :func:`to_networkx`)."""
    claim = d.get("claim")
    return Part(
        u, v, d["relation"], d["polarity"], d["modality"], bool(d.get("symmetric")), bool(d.get("structural")),
        claim_count=1 if claim else 0, attributed_count=1 if claim and d.get("attributed_to") else 0,
        claims=[claim] if claim else [], articles=[d["article"]] if d.get("article") else [],
        dates=[d["date"]] if d.get("date") else [], attributed_to=[d["attributed_to"]] if d.get("attributed_to") else [],
        items=d.get("items") or (),
        evidences=[{
            "text": d.get("evidence"), "lang": d.get("evidence_lang"), "claim": claim,
            "article": d.get("article"), "article_id": d.get("article_id"),
            "title": d.get("article_title"), "date": d.get("date"), "modality": d["modality"],
            "attributed_to": d.get("attributed_to"),
        }] if claim else [],
    )


def part_key(p: Part) -> tuple[str, str, str]:
    """The aggregated edge ``(u, v, key)`` a part belongs to."""
    u, v = (p.v, p.u) if p.symmetric and p.v < p.u else (p.u, p.v)
    return u, v, edge_key(p.relation, p.polarity, modality_group(p.modality))


def merge_parts(parts: Iterable[Part]) -> list[tuple[str, str, str, dict]]:
    """``(u, v, key, attributes)`` of the aggregated edges, sorted by (u, v, key).

    Attributes: ``relation, polarity, modality_group`` (asserted|hedged), ``modalities``,
    ``modality_counts`` {modality: claims}, ``symmetric``, ``structural``, ``claims``,
    ``articles``, ``article_count`` (= ``weight``), ``claim_count``, ``attributed_count``,
    ``first_date``, ``last_date``, ``attributed_to``, ``items`` and ``evidences`` (newest first).
    """
    groups: dict[tuple, list[Part]] = defaultdict(list)
    for p in parts:
        groups[part_key(p)].append(p)
    return [(u, v, key, _merged(group) if len(group) > 1 else _single(group[0]))
            for (u, v, key), group in sorted(groups.items())]


def _evidence_order(e: dict) -> tuple:
    return (e["date"] or "", e["article_id"] or "", e["claim"] or "")


def _merged(group: list[Part]) -> dict:
    first = group[0]
    articles = sorted({a for p in group for a in p.articles})
    dates = [x for p in group for x in p.dates]
    modality_counts: Counter = Counter()
    for p in group:
        modality_counts[p.modality] += p.claim_count
    evidences = [e for p in group for e in p.evidences]
    evidences.sort(key=_evidence_order, reverse=True)
    return {
        "relation": first.relation, "polarity": first.polarity, "modality_group": modality_group(first.modality),
        "modalities": sorted({p.modality for p in group}),
        "modality_counts": {m: n for m, n in sorted(modality_counts.items()) if n},
        "symmetric": first.symmetric, "structural": all(p.structural for p in group),
        "claims": [c for p in group for c in p.claims],
        "articles": articles, "article_count": len(articles), "weight": len(articles),
        "claim_count": sum(p.claim_count for p in group),
        "attributed_count": sum(p.attributed_count for p in group),
        "first_date": min(dates) if dates else None, "last_date": max(dates) if dates else None,
        "attributed_to": sorted({a for p in group for a in p.attributed_to}),
        "items": sorted({i for p in group for i in p.items}),
        "evidences": evidences,
    }


def _single(p: Part) -> dict:
    """:func:`_merged` of a group of one part (most edges), the same attributes."""
    articles = sorted(set(p.articles))
    dates = p.dates if isinstance(p.dates, list) else list(p.dates)
    evidences = sorted(p.evidences, key=_evidence_order, reverse=True)
    return {
        "relation": p.relation, "polarity": p.polarity, "modality_group": modality_group(p.modality),
        "modalities": [p.modality],
        "modality_counts": {p.modality: p.claim_count} if p.claim_count else {},
        "symmetric": p.symmetric, "structural": all((p.structural,)),
        "claims": list(p.claims),
        "articles": articles, "article_count": len(articles), "weight": len(articles),
        "claim_count": sum((p.claim_count,)), "attributed_count": sum((p.attributed_count,)),
        "first_date": min(dates) if dates else None, "last_date": max(dates) if dates else None,
        "attributed_to": sorted(set(p.attributed_to)),
        "items": sorted(set(p.items)),
        "evidences": evidences,
    }


def aggregated_graph(graph_attrs: dict, nodes: Iterable[tuple[str, dict]], parts: Iterable[Part]) -> nx.MultiDiGraph:
    """A ``MultiDiGraph`` of the nodes and the merged parts, flagged aggregated."""
    A = nx.MultiDiGraph(**{**graph_attrs, AGGREGATED: True})
    A.add_nodes_from(nodes)
    for u, v, key, d in merge_parts(parts):
        A.add_edge(u, v, key=key, **d)
    return A


def claim_counts(edges: Iterable[tuple[str, str, int]]) -> dict[str, int]:
    """Claims per actor from (u, v, claims): a claim counts for its subject and its object."""
    counts: dict[str, int] = defaultdict(int)
    for u, v, n in edges:
        counts[u] += n
        counts[v] += n
    return counts


_AGGREGATE_CACHE = "_aggregate_cache"


def aggregate_edges(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """One edge per (subject, relation, object, polarity, modality group) of a claim graph:
    :func:`merge_parts` of its claims. Symmetric relations (metWith, cooperatedWith) are
    grouped whatever the direction the sentence gave, and stored from the smaller to the
    larger node id. An aggregated graph is returned as it is.
    """
    if G.graph.get(AGGREGATED):
        return G
    # stats asks for the aggregate five times (centrality, projections, strongest edges):
    # at a million triples each pass cost seconds. Cached on G while G is unchanged; read-only.
    size = (G.number_of_nodes(), G.number_of_edges())
    cached = G.graph.get(_AGGREGATE_CACHE)
    if cached is not None and cached[0] == size:
        return cached[1]
    attrs = {k: v for k, v in G.graph.items() if k != _AGGREGATE_CACHE}
    A = aggregated_graph(attrs, G.nodes(data=True), (claim_part(u, v, d) for u, v, d in G.edges(data=True)))
    G.graph[_AGGREGATE_CACHE] = (size, A)
    return A
