"""From the RDF graph to networkx.

:func:`to_networkx` gives one edge per reified claim, keyed by the claim IRI, so every
number computed on the network leads back to its sentences. :func:`aggregate_edges`
groups the claims about the same edge (same actors, relation, polarity and whether the
text asserts it or only says it is possible/alleged) into one edge that knows how many
articles support it and over which dates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS
from rdflib.util import guess_format

from kg.analysis.aggregate import HEDGED, aggregate_edges, claim_counts, edge_key, modality_group  # noqa: F401
from kg.analysis.names import pick_label
from kg.errors import GeoKGError
from kg.rdf.namespaces import ACTOR, ACTOR_CLASSES, GKG, GKG_NS, RELATIONS, SYMMETRIC_RELATIONS, WD
from kg.runtime import bulk_allocation

POLARITIES = {str(GKG.Positive): "positive", str(GKG.Negative): "negative"}
MODALITIES = {str(GKG.Asserted): "asserted", str(GKG.Possible): "possible", str(GKG.Alleged): "alleged"}
_SPECIFIC = ("Leader", "Official", "Analyst")  # most specific class of a person first
_RELATION_IRIS = {str(GKG_NS[r]): r for r in RELATIONS}


# --------------------------------------------------------------------------- loading

def load_graph(path: Path | str) -> Graph:
    """Read a graph written by ``kg build`` in any of its forms (see :mod:`kg.rdf.loader`):
    Turtle, N-Triples, TriG, N-Quads, JSON-LD, RDF/XML, a folder holding one, or an
    Oxigraph store folder. Problems raise :class:`GeoKGError` with one line naming the file."""
    from kg.rdf.loader import load_graph as load

    return load(path)


def read_network(path: Path | str, *, lang: str | None = None, include_negated: bool = True,
                 include_headlines: bool = False, evidence: bool = True) -> nx.MultiDiGraph:
    """:func:`to_networkx` of a graph file or an Oxigraph store folder. A store is read
    through Oxigraph straight into a triple index (no rdflib graph), about a third of the
    time of parsing the same triples from Turtle; ``evidence=False`` (``kg stats``, which
    prints no sentence) also leaves the evidence sentences and alternative labels in the store."""
    from kg import log
    from kg.rdf.loader import is_store, resolve_graph_path, store_index

    path = resolve_graph_path(path)
    with log.step(f"read {path}"):
        if is_store(path):
            wanted = NETWORK_PREDICATES if evidence else tuple(
                p for p in NETWORK_PREDICATES if p not in (GKG.evidence, SKOS.altLabel, DCTERMS.source))
            g = store_index(path, predicates=wanted)
            if len(g) == 0:
                raise GeoKGError(f"{path}: the store is empty")
        else:
            g = load_graph(path)
    with log.step(f"network of {len(g)} triples"):
        return to_networkx(g, lang=lang, include_negated=include_negated, include_headlines=include_headlines)


# --------------------------------------------------------------------------- helpers

def node_id(iri: URIRef | str) -> str:
    """The networkx node of an actor IRI: its key (``RUS``, ``person-…``), else the IRI."""
    s = str(iri)
    return unquote(s[len(str(ACTOR)):]) if s.startswith(str(ACTOR)) else s


def _first(g: Graph, s, p):
    return next(iter(sorted(g.objects(s, p), key=str)), None)


def _lang_literals(g: Graph, s, p) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for lit in g.objects(s, p):
        if isinstance(lit, Literal):
            out[lit.language or ""].append(str(lit))
    return {k: sorted(v) for k, v in out.items()}


def _literal_in(g: Graph, s, p, lang: str | None) -> str | None:
    by_lang = _lang_literals(g, s, p)
    if not by_lang:
        return None
    return pick_label({k: v[0] for k, v in by_lang.items()}, lang) or None


def _index(g: Graph, p) -> dict:
    """subject → object for one predicate (the smallest object if several): one pass, not one lookup per claim."""
    out: dict = {}
    for s, o in g.subject_objects(p):
        if s not in out or str(o) < str(out[s]):
            out[s] = o
    return out


def _date(value) -> str | None:
    return str(value)[:10] if value is not None else None


# --------------------------------------------------------------------------- conversion

def _article_table(g: Graph, lang: str | None, cls=GKG.Article) -> dict[str, dict]:
    articles = {}
    for a in g.subjects(RDF.type, cls):
        articles[str(a)] = {
            "iri": str(a),
            "identifier": str(_first(g, a, DCTERMS.identifier) or node_id(a)),
            "title": _literal_in(g, a, DCTERMS.title, lang),
            "date": _date(_first(g, a, DCTERMS.date)),
            "lang": str(_first(g, a, DCTERMS.language) or "") or None,
            "publisher": str(_first(g, a, DCTERMS.publisher) or "") or None,
            "source": str(_first(g, a, DCTERMS.source) or "") or None,
            "part_of": str(_first(g, a, DCTERMS.isPartOf) or "") or None,
        }
    return articles


def _actor_attrs(g: Graph, iri, lang: str | None, mentions: dict[str, set[str]]) -> dict:
    classes = sorted(str(c)[len(str(GKG_NS)):] for c in g.objects(iri, RDF.type)
                     if str(c).startswith(str(GKG_NS)) and str(c)[len(str(GKG_NS)):] in ACTOR_CLASSES)
    role = next((c for c in _SPECIFIC if c in classes), None)
    if "Country" in classes:
        kind = "Country"
    elif "Organization" in classes:
        kind = "Organization"
    elif "Person" in classes or role:
        kind = "Person"
    else:
        kind = "Actor"
    cls = role if (kind == "Person" and role in _SPECIFIC) else kind
    labels = {k: v[0] for k, v in _lang_literals(g, iri, RDFS.label).items()}
    alt = _lang_literals(g, iri, SKOS.altLabel)
    wikidata = None
    for same in sorted(g.objects(iri, OWL.sameAs), key=str):
        if str(same).startswith(str(WD)):
            wikidata = str(same)[len(str(WD)):]
            break
    affiliation = _first(g, iri, GKG.affiliatedWith)
    key = node_id(iri)
    arts = mentions.get(str(iri), set())
    return {
        "iri": str(iri), "key": key,
        "label": pick_label(labels, lang, fallback=key),
        "labels": labels, "alt_labels": alt,
        "type": kind, "class": cls, "classes": classes, "role": role,
        "wikidata": wikidata,
        "affiliation": node_id(affiliation) if affiliation is not None else None,
        "article_count": len(arts), "articles": sorted(arts),
    }


# what to_networkx reads: reading a store, only these predicates are fetched
NETWORK_PREDICATES = (RDF.type, RDFS.label, SKOS.altLabel, OWL.sameAs, GKG.affiliatedWith, GKG.mentions,
                      DCTERMS.identifier, DCTERMS.title, DCTERMS.date, DCTERMS.language, DCTERMS.publisher,
                      DCTERMS.source, DCTERMS.isPartOf, RDF.subject, RDF.predicate, RDF.object, GKG.polarity,
                      GKG.modality, PROV.wasDerivedFrom, GKG.evidence, GKG.attributedTo, GKG.item,
                      GKG.fromHeadline, *(GKG[r] for r in RELATIONS))


@bulk_allocation()  # every node and edge made here survives: no collector passes over them
def to_networkx(g: Graph, *, lang: str | None = None, include_negated: bool = True,
                include_headlines: bool = False) -> nx.MultiDiGraph:
    """One node per actor, one edge per reified claim (key: the claim IRI). ``g`` is an
    rdflib graph or anything with its ``objects``/``subjects``/``subject_objects``
    (:class:`kg.rdf.records.TripleIndex`).

    Node attributes: ``iri, key, label`` (in ``lang`` if the graph has it, else English,
    else any), ``labels`` {lang: label}, ``alt_labels`` {lang: [..]}, ``type``
    (Country/Organization/Person), ``class`` (most specific: Leader/Official/Analyst for
    persons), ``role``, ``wikidata``, ``affiliation``, ``article_count``, ``articles``.

    Edge attributes: ``relation, polarity, modality, claim, article, article_id,
    article_title, evidence, evidence_lang, attributed_to, date, items, symmetric``.
    Relation triples no claim stands behind (an actor's ``gkg:affiliatedWith`` its state)
    become edges with ``structural=True`` and ``claim=None``.

    ``G.graph["articles"]`` maps article IRIs to identifier, title, date, language (a
    page's headline lists are not articles: they are in ``G.graph["headline_lists"]``).

    Claims marked ``gkg:fromHeadline`` (their only evidence is a headline) are left out
    unless ``include_headlines``; ``G.graph["headline_claims"]`` says how many were.
    """
    G, ensure = actor_network(g, lang=lang, include_negated=include_negated, include_headlines=include_headlines)
    sources = {**G.graph["headline_lists"], **G.graph["articles"]}
    headline = {c for c, v in g.subject_objects(GKG.fromHeadline) if str(v).lower() in ("true", "1")}
    idx = {p: _index(g, p) for p in (RDF.subject, RDF.predicate, RDF.object, GKG.polarity, GKG.modality,
                                     PROV.wasDerivedFrom, GKG.evidence, GKG.attributedTo, DCTERMS.date)}
    items: dict = defaultdict(list)
    for c, item in g.subject_objects(GKG.item):
        items[c].append(str(item))
    covered: set[tuple[str, str, str]] = set()
    for c in sorted(g.subjects(RDF.type, GKG.Claim), key=str):
        s, p, o = idx[RDF.subject].get(c), idx[RDF.predicate].get(c), idx[RDF.object].get(c)
        relation = _RELATION_IRIS.get(str(p))
        if s is None or o is None or relation is None:
            continue
        polarity = POLARITIES.get(str(idx[GKG.polarity].get(c)), "positive")
        modality = MODALITIES.get(str(idx[GKG.modality].get(c)), "asserted")
        covered.add((str(s), relation, str(o)))
        if relation in SYMMETRIC_RELATIONS:
            covered.add((str(o), relation, str(s)))
        if polarity == "negative" and not include_negated:
            continue
        if c in headline and not include_headlines:
            G.graph["headline_claims"] += 1
            continue
        article = idx[PROV.wasDerivedFrom].get(c)
        art = sources.get(str(article), {}) if article is not None else {}
        evidence = idx[GKG.evidence].get(c)
        attributed = idx[GKG.attributedTo].get(c)
        date = _date(idx[DCTERMS.date].get(c)) or art.get("date")
        G.add_edge(
            ensure(s), ensure(o), key=str(c),
            relation=relation, polarity=polarity, modality=modality, claim=str(c),
            article=str(article) if article is not None else None,
            article_id=art.get("identifier"), article_title=art.get("title"),
            evidence=str(evidence) if evidence is not None else None,
            evidence_lang=(evidence.language if isinstance(evidence, Literal) else None),
            attributed_to=ensure(attributed) if attributed is not None else None,
            date=date, items=sorted(items.get(c, ())),
            symmetric=relation in SYMMETRIC_RELATIONS, structural=False, from_headline=c in headline,
        )
    for relation in RELATIONS:
        for s, o in sorted(g.subject_objects(GKG[relation]), key=lambda t: (str(t[0]), str(t[1]))):
            if (str(s), relation, str(o)) in covered or not isinstance(o, URIRef):
                continue
            G.add_edge(
                ensure(s), ensure(o), key=f"direct:{relation}:{node_id(s)}:{node_id(o)}",
                relation=relation, polarity="positive", modality="asserted", claim=None,
                article=None, article_id=None, article_title=None, evidence=None,
                evidence_lang=None, attributed_to=None, date=None, items=[],
                symmetric=relation in SYMMETRIC_RELATIONS, structural=True,
            )
    counts = claim_counts((u, v, 1) for u, v, d in G.edges(data=True) if not d["structural"])
    for n in G:
        G.nodes[n]["claim_count"] = counts.get(n, 0)
    return G


def actor_network(g: Graph, *, lang: str | None = None, include_negated: bool = True,
                  include_headlines: bool = False, articles: dict[str, dict] | None = None,
                  headline_lists: dict[str, dict] | None = None,
                  mentions: Iterable[tuple[str, str]] | None = None) -> tuple[nx.MultiDiGraph, Callable[[Any], str]]:
    """The nodes of :func:`to_networkx` (every typed actor, sorted by IRI) and its graph
    attributes, no edges yet, with ``ensure(iri) -> node`` that adds an actor no class names
    (described as far as ``g`` can). Shared by the claim graph and the store's aggregated
    graph (:mod:`kg.analysis.store_network`), whose ``g`` holds the actors only and which
    passes the ``articles`` and ``headline_lists`` tables and the ``mentions`` (article,
    actor) itself, read as plain strings."""
    articles = _article_table(g, lang) if articles is None else articles
    headline_lists = _article_table(g, lang, GKG.HeadlineList) if headline_lists is None else headline_lists
    by_actor: dict[str, set[str]] = defaultdict(set)
    for a, actor in (g.subject_objects(GKG.mentions) if mentions is None else mentions):
        if include_headlines or str(a) not in headline_lists:  # a headline list is not an article
            by_actor[str(actor)].add(str(a))
    G = nx.MultiDiGraph(lang=lang, articles=articles, headline_lists=headline_lists,
                        include_negated=include_negated, include_headlines=include_headlines, headline_claims=0)
    actors = set()
    for cls in ACTOR_CLASSES + ("Actor",):
        actors.update(g.subjects(RDF.type, GKG[cls]))
    for iri in sorted(actors, key=str):
        G.add_node(node_id(iri), **_actor_attrs(g, iri, lang, by_actor))

    def ensure(iri) -> str:
        n = node_id(iri)
        if n not in G:
            G.add_node(n, **_actor_attrs(g, iri, lang, by_actor))
        return n

    return G, ensure
