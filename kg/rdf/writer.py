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

import datetime
import functools
import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.model import Actor, ArticleResult, Claim
from kg.rdf.iri import iri_segment, web_iri
from kg.rdf.namespaces import ACTOR, ARTICLE, CLAIM, GKG, RELATIONS, SYMMETRIC_RELATIONS, WD, new_graph
from kg.rdf.turtle import write_turtle
from kg.runtime import bulk_allocation

_DATE_VALUE = re.compile(r"-?[0-9]{4,}-[0-9]{2}-[0-9]{2}(?:Z|[+-][0-9]{2}:[0-9]{2})?")  # xsd:date lexical form
POLARITY = {"positive": GKG.Positive, "negative": GKG.Negative}
RELATION_IRIS = {relation: GKG[relation] for relation in RELATIONS}
# DefinedNamespace attributes are looked up by Python code on every access: resolve the
# terms written once per claim here, once (a tenth of the graph-building time otherwise).
_TYPE, _SUBJECT, _PREDICATE, _OBJECT = RDF.type, RDF.subject, RDF.predicate, RDF.object
_CLAIM, _POLARITY, _MODALITY, _DERIVED = GKG.Claim, GKG.polarity, GKG.modality, PROV.wasDerivedFrom
_EVIDENCE, _START, _END, _ATTRIBUTED, _ITEM = GKG.evidence, GKG.startChar, GKG.endChar, GKG.attributedTo, GKG.item
_DATE, _MENTIONS = DCTERMS.date, GKG.mentions
_FROM_HEADLINE, _TRUE = GKG.fromHeadline, Literal(True)
MODALITY = {"asserted": GKG.Asserted, "possible": GKG.Possible, "alleged": GKG.Alleged}


@functools.lru_cache(maxsize=1 << 16)
def actor_iri(key: str) -> URIRef:
    return ACTOR[quote(key, safe="-_.~")]


def article_iri(identifier: str) -> URIRef:
    """``article:ID``; a segment ``ID#2`` is ``article:ID/2``. Each part is one
    percent-encoded path segment (:func:`kg.rdf.iri.iri_segment`), so a ``/`` of a
    folder-relative identifier (``d1/index`` → ``article:d1%2Findex``) never meets the
    ``/`` of a segment, and the IRI is valid whatever the identifier holds."""
    return _article_iri(identifier)


@functools.lru_cache(maxsize=1 << 16)
def _article_iri(identifier: str) -> URIRef:
    return ARTICLE["/".join(iri_segment(part) for part in identifier.split("#"))]


@functools.lru_cache(maxsize=1 << 12)
def date_literal(published: str | None) -> Literal | None:
    """An ``xsd:date`` literal of an ISO date, or None when the value is not one (an
    ill-typed literal would make the graph fail validation)."""
    if not isinstance(published, str) or not _DATE_VALUE.fullmatch(published):
        return None
    try:
        datetime.date.fromisoformat(published.lstrip("-")[:10])
    except ValueError:
        return None
    return Literal(published, datatype=XSD.date)


def source_term(article: ArticleResult) -> URIRef | Literal | None:
    """``dcterms:source`` of an article: its URL as an IRI when it is or can be made a
    valid one (:func:`kg.rdf.iri.web_iri`), else the URL as a string; without a URL, the
    path of its file as a string."""
    url = article.url
    if isinstance(url, str) and url.strip():
        iri = web_iri(url)
        return URIRef(iri) if iri is not None else Literal(url.strip())
    if article.source_path:
        return Literal(relative_source(article.source_path))
    return None


def relative_source(path: str) -> str:
    """A recorded file path without the machine's part: an absolute path keeps its last
    folder and its name (``/home/me/data/dev/ar-001.txt`` → ``dev/ar-001.txt``, what
    ``kg build /home/me/data/dev`` records), a relative one is kept as it is.

    The readers already give paths from the input argument's parent; this holds the
    graph to it whatever a caller passes, and cleans graphs written before that.
    """
    posix = PurePosixPath(path)
    windows = PureWindowsPath(path)
    if posix.is_absolute():
        parts = posix.parts[1:]
    elif windows.drive or windows.root:
        parts = windows.parts[1:]
    else:
        return path
    return "/".join(parts[-2:]) if parts else path


def relativize_sources(g: Graph) -> int:
    """Rewrite every absolute file path in ``dcterms:source`` of ``g`` (:func:`relative_source`);
    returns how many were rewritten. ``kg build --append`` runs it on the graph it extends."""
    changed = [(s, o) for s, o in g.subject_objects(DCTERMS.source)
               if isinstance(o, Literal) and relative_source(str(o)) != str(o)]
    for s, o in changed:
        g.remove((s, DCTERMS.source, o))
        g.add((s, DCTERMS.source, Literal(relative_source(str(o)))))
    return len(changed)


def claim_iri(article: str, claim: Claim) -> URIRef:
    subject, obj = claim.subject, claim.object
    if claim.relation in SYMMETRIC_RELATIONS and obj < subject:
        subject, obj = obj, subject
    raw = "\x1f".join((article, subject, claim.relation, obj, claim.polarity, claim.modality,
                       claim.attributed_to or "", str(claim.start), str(claim.end)))
    return CLAIM[hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]]


def actor_triples(g: Graph | None, actor: Actor) -> Iterator[tuple]:
    """Triples describing one actor; a label already in ``g`` for a language stays the
    preferred one (appending never renames a node)."""
    node = actor_iri(actor.key)
    yield node, RDF.type, GKG[actor.type]
    if actor.type == "Person" and actor.role in ("Leader", "Official", "Analyst"):
        yield node, RDF.type, GKG[actor.role]
    existing = {lit.language: str(lit) for lit in g.objects(node, RDFS.label) if isinstance(lit, Literal)} if g is not None and len(g) else {}
    preferred = {}
    for lang, text in sorted(actor.labels.items()):
        if lang in existing and existing[lang] != text:
            yield node, SKOS.altLabel, Literal(text, lang=lang)  # first label seen stays preferred
        else:
            preferred[lang] = text
            yield node, RDFS.label, Literal(text, lang=lang)
    for lang, texts in sorted(actor.alt_labels.items()):
        for text in sorted(texts):
            if text != preferred.get(lang, existing.get(lang)):
                yield node, SKOS.altLabel, Literal(text, lang=lang)
    if actor.wikidata:
        yield node, OWL.sameAs, WD[actor.wikidata]
    if actor.affiliation:
        yield node, GKG.affiliatedWith, actor_iri(actor.affiliation)


def is_headline_list(article: ArticleResult) -> bool:
    """Whether the record is a page's list of related headlines ("read also", "related
    articles"), a part of a page that is not an article (a page that is nothing but
    headlines stays the page's article: there is no other to be part of)."""
    return article.kind == "headlines" and article.part_of is not None


def title_span(article: ArticleResult) -> tuple[int, int] | None:
    """Offsets of the article's title in its text when the title is a line of it (a page's
    first line, an HTML title put first), else None."""
    title = (article.title or "").strip()
    if not title or not article.text:
        return None
    text, start = article.text, 0
    while True:
        at = text.find(title, start)
        if at < 0:
            return None
        before, after = text[:at].rsplit("\n", 1)[-1], text[at + len(title):].split("\n", 1)[0]
        if not before.strip() and not after.strip():
            return at, at + len(title)
        start = at + 1


def from_headline(article: ArticleResult, claim: Claim, title: tuple[int, int] | None) -> bool:
    """Whether the claim's only evidence is a headline: a claim of a headline list, or one
    whose evidence lies within the article's title. A headline compresses ("… as tensions
    with China rise"), so what it seems to say is not counted as reported by default."""
    if article.kind == "headlines":
        return True
    return title is not None and claim.end > claim.start and title[0] <= claim.start and claim.end <= title[1]


def article_triples(article: ArticleResult) -> Iterator[tuple]:
    """Triples of one article: its description, mentions and claims (not the actors'
    descriptions, which :func:`build_graph` writes once per actor). A page's headline list
    is a ``gkg:HeadlineList``, not a ``gkg:Article``, still ``dcterms:isPartOf`` its page;
    claims whose only evidence is a headline carry ``gkg:fromHeadline true``."""
    node = article_iri(article.identifier)
    yield node, RDF.type, (GKG.HeadlineList if is_headline_list(article) else GKG.Article)
    yield node, DCTERMS.identifier, Literal(article.identifier)
    yield node, DCTERMS.language, Literal(article.lang)
    if article.title:
        yield node, DCTERMS.title, Literal(article.title, lang=article.lang)
    if article.publisher:
        yield node, DCTERMS.publisher, Literal(article.publisher)
    date = date_literal(article.published)
    if date is not None:
        yield node, DCTERMS.date, date
    source = source_term(article)
    if source is not None:
        yield node, DCTERMS.source, source
    if article.part_of:
        yield node, DCTERMS.isPartOf, article_iri(article.part_of)
    for key in article.actors:
        yield node, _MENTIONS, actor_iri(key)
    title = title_span(article) if article.claims and article.kind != "headlines" else None
    for claim in article.claims:
        yield from claim_triples(article, node, claim, date, headline=from_headline(article, claim, title))


def claim_triples(article: ArticleResult, article_node: URIRef, claim: Claim,
                  date: Literal | None = None, headline: bool = False) -> Iterator[tuple]:
    """The reified claim; ``date`` is the article's date literal (made once per article);
    ``headline``: its only evidence is a headline (``gkg:fromHeadline true``)."""
    node = claim_iri(article.identifier, claim)
    s, o = actor_iri(claim.subject), actor_iri(claim.object)
    p = RELATION_IRIS[claim.relation]
    yield node, _TYPE, _CLAIM
    yield node, _SUBJECT, s
    yield node, _PREDICATE, p
    yield node, _OBJECT, o
    yield node, _POLARITY, POLARITY[claim.polarity]
    yield node, _MODALITY, MODALITY[claim.modality]
    yield node, _DERIVED, article_node
    if claim.evidence:
        yield node, _EVIDENCE, Literal(claim.evidence, lang=article.lang)
        yield node, _START, _integer(claim.start)
        yield node, _END, _integer(claim.end)
    if claim.attributed_to:
        yield node, _ATTRIBUTED, actor_iri(claim.attributed_to)
    if date is None:
        date = date_literal(article.published)
    if date is not None:
        yield node, _DATE, date
    for item in claim.items:
        yield node, _ITEM, Literal(item, lang=article.lang)
    if headline:
        yield node, _FROM_HEADLINE, _TRUE
    if is_direct(claim):
        yield s, p, o


def is_direct(claim: Claim) -> bool:
    """Whether the claim is also a direct ``actor relation actor`` triple (positive, asserted)."""
    return claim.polarity == "positive" and claim.modality == "asserted"


@functools.lru_cache(maxsize=1 << 16)
def _integer(value: int) -> Literal:
    return Literal(value)


def add_article(g: Graph, article: ArticleResult) -> URIRef:
    """Add one article with its actors and claims; returns the article IRI."""
    build_graph([article], g)
    return article_iri(article.identifier)


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
    """Add articles to ``graph`` (a new one by default); an article already there is replaced.

    Actors are merged by key first and described once, and all triples go in with one
    ``addN``: rdflib's per-triple ``add`` and membership tests dominate large builds. The
    collector is relaxed meanwhile (:func:`kg.runtime.bulk_allocation`): every term and
    index entry made here survives, and re-scanning them cost a third of the stage.
    """
    with bulk_allocation():
        return _build_graph(articles, graph)


def _build_graph(articles: Iterable[ArticleResult], graph: Graph | None) -> Graph:
    g = graph if graph is not None else new_graph()
    articles = list(articles)
    if len(g):
        for article in articles:
            if (article_iri(article.identifier), DCTERMS.identifier, None) in g:
                remove_article(g, article.identifier)
    # straight to the store: Graph.addN re-checks every term with isinstance (a quarter of
    # the stage); the terms here are made by this module and are valid by construction
    g.store.addN((s, p, o, g) for s, p, o in graph_triples(articles, g))
    return g


def graph_triples(articles: Sequence[ArticleResult], graph: Graph | None = None) -> dict[tuple, None]:
    """The distinct triples :func:`build_graph` adds for the articles, in order (an
    actor's labels already in ``graph`` stay preferred)."""
    triples = merged_actor_triples(articles, graph)
    for article in articles:
        triples.update(dict.fromkeys(article_triples(article)))
    return triples


def merged_actor_triples(articles: Sequence[ArticleResult], graph: Graph | None = None) -> dict[tuple, None]:
    """The distinct triples of every actor of the articles, their records merged, by key."""
    actors = merge_actors(articles)
    triples: dict[tuple, None] = {}
    for key in sorted(actors):
        triples.update(dict.fromkeys(actor_triples(graph, actors[key])))
    return triples


def merge_actors(articles: Iterable[ArticleResult]) -> dict[str, Actor]:
    """Every actor of the articles (mentioned or referenced) once, its records merged."""
    actors: dict[str, Actor] = {}
    for article in articles:
        for actor in list(article.actors.values()) + list(article.referenced.values()):
            merged = actors.get(actor.key)
            if merged is None:
                actors[actor.key] = merged = Actor(actor.key, actor.type, actor.role, actor.wikidata,
                                                   actor.affiliation, {}, {})
            merged.merge(actor)
    return actors


def serialize_turtle(g: Graph) -> str:
    """Deterministic Turtle: the same graph always gives the same bytes (clean diffs).

    Written by :func:`kg.rdf.turtle.write_turtle` rather than rdflib's ``longturtle``,
    which was the slowest stage of large builds (it works out a qname per term
    occurrence); the layout is the same, the order of subjects is plain IRI order.
    """
    with bulk_allocation():
        return write_turtle(g)
