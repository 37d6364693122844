"""N-Quads text of a scaled build: each article's triples in the graph named by the article,
the actor descriptions in ``urn:geokg:actors``, placed as
:func:`kg.rdf.exports.split_by_article` places them (a test holds both to the same quads).

Text rather than pyoxigraph objects: making a Python object per term was two thirds of the
render stage, and Oxigraph's bulk loader parses the text in Rust anyway.
"""

from __future__ import annotations

from pathlib import Path

from kg.atomic import write_text_atomic

STANDING = ("leaderOf", "affiliatedWith")  # relation triples also in the actor graph (see split_by_article)

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class _Terms:
    """rdflib terms as N-Quads text (IRIs cached: actors and predicates repeat)."""

    def __init__(self) -> None:
        from rdflib import BNode, Literal, URIRef

        self.iris: dict[str, str] = {}
        self.uriref, self.literal, self.bnode = URIRef, Literal, BNode

    def __call__(self, term) -> str:
        if type(term) is self.uriref:  # most terms: one dictionary look-up
            text = self.iris.get(term)
            if text is None:
                if len(self.iris) > 200_000:
                    self.iris.clear()
                text = self.iris[term] = f"<{term}>"
            return text
        if isinstance(term, self.literal):
            text = '"' + str(term).translate(_ESCAPES) + '"'
            if term.language:
                return f"{text}@{term.language}"
            if term.datatype is not None and str(term.datatype) != _XSD_STRING:
                return f"{text}^^<{term.datatype}>"
            return text
        if isinstance(term, self.bnode):
            return f"_:{term}"
        return f"<{term}>"


def article_quads(articles, actors_graph_only: bool = False) -> list[str]:
    """The N-Quads lines of the articles' own triples: each in the graph named by its
    article; a direct ``actor relation actor`` triple in the graph of the article whose
    claim supports it (a standing relation also in the actor graph). ``actors_graph_only``:
    only the standing relations' lines of the actor graph (what a file whose graphs stay in
    the store gives the actor graph, rebuilt whole)."""
    from kg.rdf.exports import ACTORS_GRAPH
    from kg.rdf.namespaces import ACTOR, GKG
    from kg.rdf.writer import article_iri, article_triples

    term = _Terms()
    actor_ns = str(ACTOR)
    standing = {GKG[name] for name in STANDING}
    in_actors = f" {term(ACTORS_GRAPH)} .\n"
    lines = []
    for article in articles:
        in_graph = f" {term(article_iri(article.identifier))} .\n"
        for s, p, o in dict.fromkeys(article_triples(article)):
            if actors_graph_only and p not in standing:
                continue
            triple = f"{term(s)} {term(p)} {term(o)}"
            if not actors_graph_only:
                lines.append(triple + in_graph)
            if p in standing and s.startswith(actor_ns):
                lines.append(triple + in_actors)
    return lines


def actor_quads(actors: dict) -> list[str]:
    """The N-Quads lines of ``urn:geokg:actors``: every actor described once, in key order."""
    from kg.rdf.exports import ACTORS_GRAPH
    from kg.rdf.writer import actor_triples

    term = _Terms()
    in_actors = f" {term(ACTORS_GRAPH)} .\n"
    lines = []
    for key in sorted(actors):
        for s, p, o in dict.fromkeys(actor_triples(None, actors[key])):
            lines.append(f"{term(s)} {term(p)} {term(o)}{in_actors}")
    return lines


def write_lines(path: Path, lines: list[str]) -> None:
    """Write a shard atomically (a reader never sees half of it)."""
    write_text_atomic(path, "".join(lines))
