"""The aggregated network of an Oxigraph store, counted by Oxigraph.

Reading a store of a million triples into Python (one edge per claim) took ``kg stats``
half a minute of CPU, nearly all of it making objects for 76,000 claims and their
sentences. Here Oxigraph groups the claims itself (``GROUP BY`` subject, relation, object,
polarity, modality, with ``COUNT`` and the distinct articles and dates of each group) and
Python receives one row per group, which becomes a :class:`kg.analysis.aggregate.Part`;
actors and articles, a few triples each, are described by the same code as the claim graph
(:func:`kg.analysis.graph.actor_network`). The result is the graph
:func:`kg.analysis.aggregate.aggregate_edges` gives for the same triples, without the claim
IRIs and evidence sentences (``claims`` and ``evidences`` are empty): what ``kg stats``,
centrality and communities read. ``kg actor`` adds the sentences of one actor
(:func:`actor_claims`).

Assumes a graph that keeps the shapes' cardinalities (one subject, relation, object,
polarity, modality, source and date per claim): a claim with two modalities would be
counted in two groups here and in one by the claim graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

import networkx as nx

from kg import log
from kg.analysis.aggregate import AGGREGATED, Part, claim_counts, merge_parts, part_key
from kg.analysis.graph import MODALITIES, POLARITIES, _RELATION_IRIS, actor_network, node_id, to_networkx
from kg.runtime import bulk_allocation
from kg.rdf.namespaces import ACTOR_CLASSES, RELATIONS, SYMMETRIC_RELATIONS

PREFIXES = """PREFIX gkg: <https://w3id.org/geokg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
_RELATION_VALUES = " ".join(f"gkg:{r}" for r in RELATIONS)
_ACTOR_VALUES = " ".join(f"gkg:{c}" for c in (*ACTOR_CLASSES, "Actor"))
ACTOR_PREDICATES = ("rdf:type", "rdfs:label", "owl:sameAs", "gkg:affiliatedWith")
ITEM_SEPARATOR = "\u001f"  # items are phrases ("artillery shells"): joined by a character no text holds
_HEADLINE = '?c gkg:fromHeadline ?h . FILTER(LCASE(STR(?h)) IN ("true", "1"))'


def _table(variables: str, pattern: str) -> str:
    """A pattern as a subquery: Oxigraph joins subqueries by hashing both sides (one scan of
    each predicate) where it would look every claim up in each predicate's index in turn,
    three times slower at 85,000 claims."""
    return f"{{ SELECT {variables} WHERE {{ {pattern} }} }}"


def claim_groups_query() -> str:
    """One row per (subject, relation, object, polarity, modality, from a headline) of the
    claims: how many claims, how many attributed and to whom, their distinct articles and
    dates (a claim's own date, else its article's, as :func:`kg.analysis.graph.to_networkx`
    dates it). One pass over the claims answers everything ``kg stats`` counts."""
    return PREFIXES + f"""SELECT ?s ?p ?o ?pol ?mod ?headline (COUNT(?c) AS ?n) (COUNT(?att) AS ?attributed)
  (GROUP_CONCAT(DISTINCT STR(?att); separator=" ") AS ?attributors)
  (GROUP_CONCAT(DISTINCT STR(?art); separator=" ") AS ?articles)
  (GROUP_CONCAT(DISTINCT ?date; separator=" ") AS ?dates)
  (GROUP_CONCAT(DISTINCT STR(?item); separator="\\u001F") AS ?items)
WHERE {{
  {_table("?c", "?c a gkg:Claim")}
  {_table("?c ?s", "?c rdf:subject ?s")}
  {_table("?c ?p", f"?c rdf:predicate ?p VALUES ?p {{ {_RELATION_VALUES} }}")}
  {_table("?c ?o", "?c rdf:object ?o")}
  OPTIONAL {_table("?c ?pol", "?c gkg:polarity ?pol")}
  OPTIONAL {_table("?c ?mod", "?c gkg:modality ?mod")}
  OPTIONAL {_table("?c ?att", "?c gkg:attributedTo ?att")}
  OPTIONAL {_table("?c ?own", "?c dcterms:date ?own")}
  OPTIONAL {_table("?c ?item", "?c gkg:item ?item")}
  OPTIONAL {{ {_table("?c ?art", "?c prov:wasDerivedFrom ?art")}
             OPTIONAL {_table("?art ?published", "?art dcterms:date ?published")} }}
  OPTIONAL {_table("DISTINCT ?c ?headline", _HEADLINE + " BIND(true AS ?headline)")}
  BIND(COALESCE(SUBSTR(STR(COALESCE(?own, ?published)), 1, 10), "") AS ?date)
}} GROUP BY ?s ?p ?o ?pol ?mod ?headline"""


def relation_triples_query() -> str:
    """Every ``actor relation actor`` triple: those no claim stands behind are the
    structural edges of :func:`kg.analysis.graph.to_networkx` (an actor's state)."""
    return PREFIXES + f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {_RELATION_VALUES} }} ?s ?p ?o . FILTER(isIRI(?o)) }}"


def descriptions_query(alt_labels: bool = False, extra: Iterable[str] = ()) -> str:
    """The triples :func:`actor_network` reads of the typed actors and the ``extra`` IRIs
    (actors no class names)."""
    predicates = " ".join(ACTOR_PREDICATES + (("skos:altLabel",) if alt_labels else ()))
    extra_values = " ".join(f"<{iri}>" for iri in extra)
    untyped = f"UNION {{ VALUES ?a {{ {extra_values} }} }}" if extra_values else ""
    return PREFIXES + f"""SELECT ?a ?q ?v WHERE {{
  {{ VALUES ?kind {{ {_ACTOR_VALUES} }} ?a a ?kind }} {untyped}
  VALUES ?q {{ {predicates} }} ?a ?q ?v
}}"""


def _iris(store, kind: str) -> dict[str, dict]:
    """``{iri: {"iri": iri}}`` of everything typed ``kind``: ``kg stats`` counts articles
    and tells headline lists from articles, it reads nothing else of them."""
    return {r[0].value: {"iri": r[0].value} for r in _rows(store, PREFIXES + f"SELECT ?a WHERE {{ ?a a {kind} }}")}


# --------------------------------------------------------------------------- reading

def _rows(store, query: str) -> Iterator:
    from kg.rdf.store import store_error

    try:
        yield from store.query(query)
    except (OSError, RuntimeError) as err:
        raise store_error("the store", err) from None


class ClaimGroup(NamedTuple):
    subject: str  # IRI
    object: str  # IRI
    headline: bool  # claims marked gkg:fromHeadline
    attributors: list[str]  # IRIs
    part: Part


def _words(term) -> list[str]:
    """The values of a ``GROUP_CONCAT`` (unbound when the group had none)."""
    return term.value.split() if term is not None else []


def claim_groups(store) -> Iterator[ClaimGroup]:
    """The rows of :func:`claim_groups_query`."""
    nodes: dict[str, str] = {}

    def node(iri: str) -> str:
        found = nodes.get(iri)
        if found is None:
            found = nodes[iri] = node_id(iri)
        return found

    for s, p, o, pol, mod, headline, n, attributed, attributors, articles, dates, items in map(
            tuple, _rows(store, claim_groups_query())):
        relation = _RELATION_IRIS[p.value]
        attributors = _words(attributors)
        part = Part(node(s.value), node(o.value), relation,
                    POLARITIES.get(pol.value if pol is not None else "", "positive"),
                    MODALITIES.get(mod.value if mod is not None else "", "asserted"),
                    relation in SYMMETRIC_RELATIONS, claim_count=int(n.value), attributed_count=int(attributed.value),
                    articles=_words(articles), dates=_words(dates), attributed_to=[node(a) for a in attributors],
                    items=items.value.split(ITEM_SEPARATOR) if items is not None and items.value else [])
        yield ClaimGroup(s.value, o.value, headline is not None, attributors, part)


def standing_parts(store, groups: list[ClaimGroup]) -> Iterator[tuple[str, str, Part]]:
    """``(subject IRI, object IRI, part)`` of the relation triples no claim of ``groups``
    (all the store's claims, headlines too) stands behind, either way round when symmetric."""
    covered = set()
    for g in groups:
        covered.add((g.subject, g.part.relation, g.object))
        if g.part.symmetric:
            covered.add((g.object, g.part.relation, g.subject))
    for row in _rows(store, relation_triples_query()):
        s, relation, o = row[0].value, _RELATION_IRIS[row[1].value], row[2].value
        if (s, relation, o) not in covered:
            yield s, o, Part(node_id(s), node_id(o), relation, "positive", "asserted",
                             relation in SYMMETRIC_RELATIONS, structural=True)


class StoreRows(NamedTuple):
    """What :func:`network_rows` assembles a network from: the claim groups, the standing
    relations, the actors typed as actors, the description of the actors (a triple index),
    the articles and headline lists by IRI and the (article, actor) mentions."""

    groups: list[ClaimGroup]
    standing: list[tuple[str, str, Part]]
    typed: set[str]
    descriptions: object  # a TripleIndex
    articles: dict[str, dict]
    headline_lists: dict[str, dict]
    mentions: list[tuple[str, str]]


def _kept(groups: list[ClaimGroup], include_headlines: bool) -> list[ClaimGroup]:
    return [g for g in groups if include_headlines or not g.headline]


def _ends(kept: list[ClaimGroup], standing: list[tuple[str, str, Part]]) -> list[str]:
    return [iri for g in kept for iri in (g.subject, g.object, *g.attributors)] + [iri for s, o, _ in standing for iri in (s, o)]


def read_rows(store, *, alt_labels: bool = False, include_headlines: bool | None = False) -> StoreRows:
    """Everything :func:`network_rows` reads of ``store``; the actors no class names are
    described for the network with (``include_headlines``) or without headline-only claims,
    or for both (``None``)."""
    with log.step("claims grouped by Oxigraph"):
        groups = list(claim_groups(store))
        standing = list(standing_parts(store, groups))
    with log.step("actors and articles"):
        typed = {r[0].value for r in _rows(store, PREFIXES + f"SELECT DISTINCT ?a WHERE {{ VALUES ?k {{ {_ACTOR_VALUES} }} ?a a ?k }}")}
        ends = _ends(groups if include_headlines is None else _kept(groups, include_headlines), standing)
        untyped = sorted(set(ends) - typed)
        mentions = [(r[0].value, r[1].value) for r in _rows(store, PREFIXES + "SELECT ?a ?x WHERE { ?a gkg:mentions ?x }")]
        return StoreRows(groups, standing, typed, _index(_rows(store, descriptions_query(alt_labels, untyped))),
                         _iris(store, "gkg:Article"), _iris(store, "gkg:HeadlineList"), mentions)


def network_rows(rows: StoreRows, *, lang: str | None = None, include_headlines: bool = False,
                 edges: list | None = None) -> tuple[dict, list[tuple[str, dict]], list[tuple[str, str, str, dict]]]:
    """(graph attributes, nodes, edges) of the aggregated network, in the order
    :func:`network_graph` adds them; ``edges``, when given, are those :func:`merge_parts`
    gives for this network (:func:`variant_edges`)."""
    from rdflib import URIRef

    kept = _kept(rows.groups, include_headlines)
    untyped = sorted(set(_ends(kept, rows.standing)) - rows.typed)
    G, ensure = actor_network(rows.descriptions, lang=lang, include_headlines=include_headlines,
                              articles=rows.articles, headline_lists=rows.headline_lists, mentions=rows.mentions)
    for iri in untyped:
        ensure(URIRef(iri))
    G.graph["headline_claims"] = sum(g.part.claim_count for g in rows.groups if g.headline and not include_headlines)
    if edges is None:
        edges = merge_parts([g.part for g in kept] + [part for _, _, part in rows.standing])
    counts = claim_counts((u, v, d["claim_count"]) for u, v, _, d in edges)
    nodes = [(n, {**d, "claim_count": counts.get(n, 0)}) for n, d in G.nodes(data=True)]
    return {**G.graph, AGGREGATED: True}, nodes, edges


def variant_edges(rows: StoreRows) -> tuple[list, list]:
    """The merged edges of the network without and with the headline-only claims, the
    second made from the first: only the edges a headline-only claim joins are merged
    again (the same parts in the same order as merging all of them)."""
    standing = [part for _, _, part in rows.standing]
    plain = merge_parts([g.part for g in rows.groups if not g.headline] + standing)
    touched = {part_key(g.part) for g in rows.groups if g.headline}
    if not touched:
        return plain, plain
    again = merge_parts([p for p in [g.part for g in rows.groups] + standing if part_key(p) in touched])
    return plain, sorted([e for e in plain if e[:3] not in touched] + again, key=lambda e: e[:3])


@bulk_allocation()  # every node and edge made here survives: no collector passes over them
def network_graph(graph_attrs: dict, nodes: Iterable[tuple[str, dict]],
                  edges: Iterable[tuple[str, str, str, dict]]) -> nx.MultiDiGraph:
    """The ``MultiDiGraph`` of :func:`network_rows` (nodes first, then edges in order)."""
    A = nx.MultiDiGraph(**graph_attrs)
    A.add_nodes_from(nodes)
    for u, v, key, d in edges:
        A.add_edge(u, v, key=key, **d)
    return A


def store_network(path: Path | str, *, lang: str | None = None, include_headlines: bool = False,
                  alt_labels: bool = False) -> nx.MultiDiGraph:
    """The aggregated network of the store at ``path`` (see the module's docstring).
    ``alt_labels`` also reads the actors' other names (``kg actor`` finds actors by them).

    Read from the summary ``kg build`` wrote into the store (:mod:`kg.analysis.store_summary`)
    when it is that of the store's present content, else counted by Oxigraph here: the same
    graph either way."""
    from kg.analysis.store_summary import summary_network
    from kg.rdf.store import open_store

    found = summary_network(path, lang=lang, include_headlines=include_headlines, alt_labels=alt_labels)
    if found is not None:
        return found
    rows = read_rows(open_store(path, read_only=True), alt_labels=alt_labels, include_headlines=include_headlines)
    return network_graph(*network_rows(rows, lang=lang, include_headlines=include_headlines))


def actor_claims(path: Path | str, node: str, network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The claim graph (:func:`to_networkx`) of one actor of ``network`` (a
    :func:`store_network`): the claims it is the subject, object or source of, with their
    sentences, their articles and the actors they name, the articles that mention it, its
    own description and relation triples. Its edges are that actor's claims only;
    centrality and communities stay ``network``'s.

    Read by direct index lookups, a few thousand subjects: as one SPARQL query Oxigraph
    planned the articles of Russia's claims as a scan of every article (67 s)."""
    import pyoxigraph as ox
    from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

    from kg.analysis.graph import NETWORK_PREDICATES
    from kg.rdf.namespaces import GKG
    from kg.rdf.store import open_store

    store = open_store(path, read_only=True)
    me = ox.NamedNode(network.nodes[node]["iri"])
    named = {str(p): ox.NamedNode(str(p)) for p in NETWORK_PREDICATES}
    relations = [named[str(GKG[r])] for r in RELATIONS]
    quads: list = []

    def describe(subjects, predicates) -> None:
        wanted = {str(p) for p in predicates}
        for subject in subjects:
            quads.extend(q for q in store.quads_for_pattern(subject, None, None) if q.predicate.value in wanted)

    claims = {q.subject for p in (RDF.subject, RDF.object, GKG.attributedTo)
              for q in store.quads_for_pattern(None, named[str(p)], me)}
    describe(claims, (RDF.type, RDF.subject, RDF.predicate, RDF.object, GKG.polarity, GKG.modality,
                      PROV.wasDerivedFrom, GKG.evidence, GKG.attributedTo, GKG.item, GKG.fromHeadline, DCTERMS.date))
    own = [q for r in relations for q in (*store.quads_for_pattern(me, r, None), *store.quads_for_pattern(None, r, me))]
    articles = {q.object for q in quads if q.predicate.value == str(PROV.wasDerivedFrom)}
    articles |= {q.subject for q in store.quads_for_pattern(None, named[str(GKG.mentions)], me)}
    actors = {me} | {q.object for q in quads if q.predicate.value in _NAMING and isinstance(q.object, ox.NamedNode)}
    actors |= {t for q in own for t in (q.subject, q.object) if isinstance(t, ox.NamedNode)}
    describe(sorted(articles, key=str), (RDF.type, DCTERMS.identifier, DCTERMS.title, DCTERMS.date, DCTERMS.language,
                                         DCTERMS.publisher, DCTERMS.source, DCTERMS.isPartOf, GKG.mentions))
    describe(sorted(actors, key=str), (RDF.type, RDFS.label, SKOS.altLabel, OWL.sameAs, GKG.affiliatedWith))
    index = _index((q.subject, q.predicate, q.object) for q in [*quads, *own])
    return to_networkx(index, lang=network.graph.get("lang"), include_headlines=network.graph["include_headlines"])


_NAMING = {"http://www.w3.org/1999/02/22-rdf-syntax-ns#subject", "http://www.w3.org/1999/02/22-rdf-syntax-ns#object",
           "https://w3id.org/geokg/ontology#attributedTo"}


def _index(rows):
    """A :class:`kg.rdf.records.TripleIndex` of (subject, predicate, object) rows, each
    distinct term converted to rdflib once."""
    from kg.rdf.loader import _TermCache
    from kg.rdf.records import TripleIndex

    convert = _TermCache()
    return TripleIndex(dict.fromkeys((convert(r[0]), convert(r[1]), convert(r[2])) for r in rows))


def read_aggregated(path: Path | str, *, lang: str | None = None, include_headlines: bool = False) -> nx.MultiDiGraph:
    """The aggregated network of a graph file or a store: a store is counted by Oxigraph
    (:func:`store_network`), a file read into the claim graph and aggregated, the same
    edges either way (``kg stats``)."""
    from kg.analysis.aggregate import aggregate_edges
    from kg.analysis.graph import read_network
    from kg.rdf.loader import is_store, resolve_graph_path

    path = resolve_graph_path(path)
    if is_store(path):
        return store_network(path, lang=lang, include_headlines=include_headlines)
    return aggregate_edges(read_network(path, lang=lang, include_headlines=include_headlines, evidence=False))
