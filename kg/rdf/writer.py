"""Turn extraction records into triples under the geokg RDF contract.

Contract (what ``kg eval``, the cookbook queries and every user's SPARQL rely on):

* actor: ``actor:KEY a gkg:Country|gkg:Organization|gkg:Person[, gkg:Leader|…]``,
  ``rdfs:label`` once per language, ``skos:altLabel`` for other surface forms,
  ``owl:sameAs wd:Q…`` when known, ``gkg:affiliatedWith`` its state or body;
* article: ``a gkg:Article; dcterms:identifier "STEM"`` (segments "STEM#2"…),
  title, language, publisher, date, ``gkg:mentions`` every actor in it;
* claim: reified with ``rdf:subject/predicate/object``, ``gkg:polarity``,
  ``gkg:modality``, ``prov:wasDerivedFrom`` its article, ``gkg:evidence``, offsets,
  ``gkg:attributedTo``; only positive asserted claims are also direct triples.

IRIs are functions of content, so building the same input twice gives the same graph.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.model import Actor, ArticleResult, Claim
from kg.rdf.namespaces import ACTOR, ARTICLE, CLAIM, GKG, SYMMETRIC_RELATIONS, WD, new_graph

POLARITY = {"positive": GKG.Positive, "negative": GKG.Negative}
MODALITY = {"asserted": GKG.Asserted, "possible": GKG.Possible, "alleged": GKG.Alleged}


def actor_iri(key: str) -> URIRef:
    return ACTOR[quote(key, safe="-_.~")]


def article_iri(identifier: str) -> URIRef:
    return ARTICLE[quote(identifier.replace("#", "/"), safe="-_.~/")]


def claim_iri(article: str, claim: Claim) -> URIRef:
    subject, obj = claim.subject, claim.object
    if claim.relation in SYMMETRIC_RELATIONS and obj < subject:
        subject, obj = obj, subject
    raw = "\x1f".join((article, subject, claim.relation, obj, claim.polarity, claim.modality,
                       claim.attributed_to or "", str(claim.start), str(claim.end)))
    return CLAIM[hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]]


def add_actor(g: Graph, actor: Actor) -> URIRef:
    node = actor_iri(actor.key)
    g.add((node, RDF.type, GKG[actor.type]))
    if actor.type == "Person" and actor.role in ("Leader", "Official", "Analyst"):
        g.add((node, RDF.type, GKG[actor.role]))
    existing = {lit.language: lit for lit in g.objects(node, RDFS.label) if isinstance(lit, Literal)}
    for lang, text in sorted(actor.labels.items()):
        if lang in existing and str(existing[lang]) != text:
            g.add((node, SKOS.altLabel, Literal(text, lang=lang)))  # first label seen stays preferred
        else:
            g.add((node, RDFS.label, Literal(text, lang=lang)))
    for lang, texts in sorted(actor.alt_labels.items()):
        for text in sorted(texts):
            if (node, RDFS.label, Literal(text, lang=lang)) not in g:
                g.add((node, SKOS.altLabel, Literal(text, lang=lang)))
    if actor.wikidata:
        g.add((node, OWL.sameAs, WD[actor.wikidata]))
    if actor.affiliation:
        g.add((node, GKG.affiliatedWith, actor_iri(actor.affiliation)))
    return node


def add_article(g: Graph, article: ArticleResult) -> URIRef:
    """Add one article with its actors and claims; returns the article IRI."""
    node = article_iri(article.identifier)
    g.add((node, RDF.type, GKG.Article))
    g.add((node, DCTERMS.identifier, Literal(article.identifier)))
    g.add((node, DCTERMS.language, Literal(article.lang)))
    if article.title:
        g.add((node, DCTERMS.title, Literal(article.title, lang=article.lang)))
    if article.publisher:
        g.add((node, DCTERMS.publisher, Literal(article.publisher)))
    if article.published:
        g.add((node, DCTERMS.date, Literal(article.published, datatype=XSD.date)))
    if article.url:
        g.add((node, DCTERMS.source, URIRef(article.url)))
    elif article.source_path:
        g.add((node, DCTERMS.source, Literal(article.source_path)))
    if article.part_of:
        g.add((node, DCTERMS.isPartOf, article_iri(article.part_of)))
    for actor in article.actors.values():
        g.add((node, GKG.mentions, add_actor(g, actor)))
    for actor in article.referenced.values():
        add_actor(g, actor)  # an affiliation target must be described even if not mentioned
    for claim in article.claims:
        add_claim(g, article, node, claim)
    return node


def add_claim(g: Graph, article: ArticleResult, article_node: URIRef, claim: Claim) -> URIRef:
    node = claim_iri(article.identifier, claim)
    s, o = actor_iri(claim.subject), actor_iri(claim.object)
    p = GKG[claim.relation]
    g.add((node, RDF.type, GKG.Claim))
    g.add((node, RDF.subject, s))
    g.add((node, RDF.predicate, p))
    g.add((node, RDF.object, o))
    g.add((node, GKG.polarity, POLARITY[claim.polarity]))
    g.add((node, GKG.modality, MODALITY[claim.modality]))
    g.add((node, PROV.wasDerivedFrom, article_node))
    if claim.evidence:
        g.add((node, GKG.evidence, Literal(claim.evidence, lang=article.lang)))
        g.add((node, GKG.startChar, Literal(claim.start)))
        g.add((node, GKG.endChar, Literal(claim.end)))
    if claim.attributed_to:
        g.add((node, GKG.attributedTo, actor_iri(claim.attributed_to)))
    if article.published:
        g.add((node, DCTERMS.date, Literal(article.published, datatype=XSD.date)))
    for item in claim.items:
        g.add((node, GKG.item, Literal(item, lang=article.lang)))
    if claim.polarity == "positive" and claim.modality == "asserted":
        g.add((s, p, o))
    return node


def remove_article(g: Graph, identifier: str) -> None:
    """Drop an article, its claims and the direct triples only it supported, so that a
    re-ingested article replaces its earlier version instead of piling up."""
    node = article_iri(identifier)
    claims = [c for c in g.subjects(PROV.wasDerivedFrom, node) if (c, RDF.type, GKG.Claim) in g]
    edges = set()
    for c in claims:
        edges.add((next(g.objects(c, RDF.subject), None), next(g.objects(c, RDF.predicate), None),
                   next(g.objects(c, RDF.object), None)))
        g.remove((c, None, None))
    g.remove((node, None, None))
    for s, p, o in edges:
        if s is None or p is None or o is None:
            continue
        still = any((c, RDF.predicate, p) in g and (c, RDF.object, o) in g and (c, GKG.polarity, GKG.Positive) in g
                    and (c, GKG.modality, GKG.Asserted) in g for c in g.subjects(RDF.subject, s))
        if not still:
            g.remove((s, p, o))


def build_graph(articles: Iterable[ArticleResult], graph: Graph | None = None) -> Graph:
    """Add articles to ``graph`` (a new one by default); an article already there is replaced."""
    g = graph if graph is not None else new_graph()
    articles = list(articles)
    if len(g):
        for article in articles:
            if (article_iri(article.identifier), RDF.type, GKG.Article) in g:
                remove_article(g, article.identifier)
    for article in articles:
        add_article(g, article)
    return g


def serialize_turtle(g: Graph) -> str:
    """Deterministic Turtle: the same graph always gives the same bytes (clean diffs).

    rdflib's ``longturtle`` sorts subjects, predicates and objects; canonicalisation
    (``canon=True``) only relabels blank nodes, which we never write, and costs several
    times the graph's memory on large builds, so it is not used.
    """
    return g.serialize(format="longturtle")
