"""Namespaces of the geokg RDF contract.

``GKG`` is a closed :class:`DefinedNamespace`: a typo such as ``GKG.metwith`` raises
instead of minting a new IRI that no SPARQL query would ever find.
"""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace


class GKG(DefinedNamespace):
    """The geokg ontology, ``https://w3id.org/geokg/ontology#``."""

    _NS = Namespace("https://w3id.org/geokg/ontology#")
    _fail = True

    # classes
    Actor: URIRef
    Country: URIRef
    Organization: URIRef
    Person: URIRef
    Leader: URIRef
    Official: URIRef
    Analyst: URIRef
    Article: URIRef
    HeadlineList: URIRef
    Claim: URIRef
    Polarity: URIRef
    Modality: URIRef
    # relations (object properties between actors)
    metWith: URIRef
    visited: URIRef
    sanctioned: URIRef
    supplied: URIRef
    supported: URIRef
    opposed: URIRef
    criticized: URIRef
    accused: URIRef
    threatened: URIRef
    attacked: URIRef
    cooperatedWith: URIRef
    leaderOf: URIRef
    affiliatedWith: URIRef
    # claim and article properties
    polarity: URIRef
    modality: URIRef
    evidence: URIRef
    fromHeadline: URIRef
    attributedTo: URIRef
    startChar: URIRef
    endChar: URIRef
    mentions: URIRef
    item: URIRef
    articleCount: URIRef
    # individuals
    Positive: URIRef
    Negative: URIRef
    Asserted: URIRef
    Possible: URIRef
    Alleged: URIRef


GKG_NS = Namespace("https://w3id.org/geokg/ontology#")
ACTOR = Namespace("https://w3id.org/geokg/actor/")
ARTICLE = Namespace("https://w3id.org/geokg/article/")
CLAIM = Namespace("https://w3id.org/geokg/claim/")
WD = Namespace("http://www.wikidata.org/entity/")

RELATIONS: tuple[str, ...] = (
    "metWith", "visited", "sanctioned", "supplied", "supported", "opposed", "criticized",
    "accused", "threatened", "attacked", "cooperatedWith", "leaderOf", "affiliatedWith",
)
SYMMETRIC_RELATIONS = frozenset({"metWith", "cooperatedWith"})
ACTOR_CLASSES = ("Country", "Organization", "Person", "Leader", "Official", "Analyst")
PERSON_CLASSES = frozenset({"Person", "Leader", "Official", "Analyst"})

PREFIXES = {
    "gkg": GKG_NS, "actor": ACTOR, "article": ARTICLE, "claim": CLAIM, "wd": WD,
    "rdf": RDF, "rdfs": RDFS, "owl": OWL, "skos": SKOS, "dcterms": DCTERMS,
    "prov": PROV, "xsd": XSD,
}


def new_graph(*, bulk: bool = False) -> Graph:
    """An empty graph with exactly our prefixes bound (no rdflib prefix noise).

    ``bulk`` is for the graph a build writes: rdflib's ``SimpleMemory`` store keeps one set
    of triple indexes and no named-graph bookkeeping, so adding and writing a million
    triples takes 40 % less time and memory; it cannot hold quads (JSON-LD and TriG
    parsing want a context-aware store), so graphs read from files stay on ``Memory``.
    """
    g = Graph(store="SimpleMemory" if bulk else "default", bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g
