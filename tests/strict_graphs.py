"""Helpers of the conftest check that every graph the suite builds parses in Oxigraph
(strict IRIs, RFC 3987) and in rdflib (issue 17)."""

from __future__ import annotations

import warnings

import pyoxigraph as ox
from rdflib import Dataset, Graph

OX_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
              "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}
RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}


def check_graph_terms(graph: Graph) -> None:
    """Raise AssertionError unless every term of an rdflib graph is one Oxigraph accepts
    (IRIs by RFC 3987, language tags by BCP 47): what decides whether it parses there."""
    from rdflib import Literal, URIRef

    seen: set = set()
    for triple in graph:
        for term in triple:
            if term in seen:
                continue
            seen.add(term)
            try:
                if isinstance(term, URIRef):
                    ox.NamedNode(str(term))
                elif isinstance(term, Literal):
                    if term.language:
                        ox.Literal(str(term), language=term.language)
                    elif term.datatype is not None:
                        ox.NamedNode(str(term.datatype))
            except ValueError as err:
                raise AssertionError(f"a built graph holds a term Oxigraph refuses: {term!r} ({err})") from None


def check_graph_text(text: str, fmt: str) -> None:
    """Raise AssertionError unless ``text`` parses in Oxigraph and in rdflib to the same
    number of triples (quads)."""
    try:
        quads = list(ox.parse(text.encode("utf-8"), format=OX_FORMATS[fmt]))
    except (SyntaxError, ValueError) as err:
        raise AssertionError(f"a built {fmt} graph does not parse in Oxigraph: {err}") from None
    if fmt in ("nq", "trig", "jsonld"):
        parsed = Dataset()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # rdflib's own parsers use deprecated APIs
            parsed.parse(data=text, format=RDFLIB_FORMATS[fmt])
        count = len(list(parsed.quads((None, None, None, None))))
    else:
        count = len(Graph().parse(data=text, format=RDFLIB_FORMATS[fmt]))
    if fmt != "jsonld":  # JSON-LD puts the default graph apart in rdflib; the triples are what Oxigraph counts
        assert count == len(quads), f"a built {fmt} graph: {count} triples in rdflib, {len(quads)} in Oxigraph"
