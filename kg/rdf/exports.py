"""Write a geokg graph as Turtle, JSON-LD, TriG and N-Quads, and read any of them back.

* ``graph.ttl``: deterministic Turtle (:func:`kg.rdf.writer.serialize_turtle`).
* ``graph.jsonld``: compact JSON-LD whose ``@context`` is ``ontology/context.jsonld``
  (published with the ontology), embedded so the file reads offline. Nodes sorted by IRI,
  keys and values sorted: the same graph always gives the same bytes.
* ``graph.trig`` / ``graph.nq``: the same triples spread over named graphs so that a
  provenance-aware store keeps sources apart (dropping one article's graph removes
  exactly what that article said):

  - the graph named by an article's IRI holds the article's own description (identifier,
    language, title, date, ``gkg:mentions``…), every claim derived from it, and the direct
    actor-to-actor triples its positive asserted claims support (a direct triple that
    several articles support is repeated in each of their graphs);
  - the graph ``urn:geokg:actors`` holds what no single article owns: actor descriptions
    (classes, labels, ``owl:sameAs``, and every ``gkg:affiliatedWith``/``gkg:leaderOf``
    triple, since actor data states those too) and any other shared triple. A named graph rather than the default graph, so that every triple
    of the dataset has a name and a store can replace the actor descriptions as a unit.

  The union of all graphs is exactly the Turtle graph; query with the union as default
  graph (Oxigraph ``use_default_graph_as_union``, Fuseki ``unionDefaultGraph``) or with
  ``GRAPH ?g { … }`` to see which article says what.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from kg.atomic import write_text_atomic
from kg.errors import GeoKGError
from kg.rdf.namespaces import GKG, RELATIONS, new_graph
from kg.rdf.loader import load_graph as _load
from kg.rdf.loader import rdf_format  # noqa: F401  (imported from here by older code)
from kg.rdf.writer import serialize_turtle

ACTORS_GRAPH = URIRef("urn:geokg:actors")
FORMATS = ("ttl", "jsonld", "trig", "nq")
FILE_NAMES = {"ttl": "graph.ttl", "jsonld": "graph.jsonld", "trig": "graph.trig", "nq": "graph.nq"}



def load_graph(path: Path | str) -> Graph:
    """Read a Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML file, or a store folder,
    into one graph (named graphs are merged): :func:`kg.rdf.loader.load_graph`, an empty
    graph allowed."""
    return _load(path, allow_empty=True)


# --------------------------------------------------------------------------- named graphs


def split_by_article(graph: Graph) -> dict[URIRef, Graph]:
    """Spread ``graph`` over named graphs: one per article, plus :data:`ACTORS_GRAPH`."""
    relations = {GKG[name] for name in RELATIONS}
    standing = {GKG.leaderOf, GKG.affiliatedWith}  # also part of actor descriptions
    articles = set(graph.subjects(RDF.type, GKG.Article)) | set(graph.subjects(RDF.type, GKG.HeadlineList))
    sources: dict = {claim: sorted(graph.objects(claim, PROV.wasDerivedFrom))
                     for claim in graph.subjects(RDF.type, GKG.Claim)}
    support: dict[tuple, set] = defaultdict(set)
    for claim, origin in sources.items():
        if ((claim, GKG.polarity, GKG.Positive) in graph and (claim, GKG.modality, GKG.Asserted) in graph):
            s, p, o = (graph.value(claim, RDF.subject), graph.value(claim, RDF.predicate),
                       graph.value(claim, RDF.object))
            support[(s, p, o)].update(origin)
    parts: dict[URIRef, Graph] = {}

    def part(name: URIRef) -> Graph:
        if name not in parts:
            parts[name] = new_graph()
        return parts[name]

    for triple in graph:
        s, p, o = triple
        if s in articles:
            names = [s]
        elif sources.get(s):
            names = sources[s]
        elif p in relations and support.get(triple):
            names = sorted(support[triple])
            if p in standing:
                names = [ACTORS_GRAPH, *names]
        else:
            names = [ACTORS_GRAPH]
        for name in names:
            part(name).add(triple)
    return dict(sorted(parts.items(), key=lambda kv: (kv[0] != ACTORS_GRAPH, str(kv[0]))))


def _prefix_block(graph: Graph) -> str:
    lines = sorted(f"PREFIX {prefix}: <{ns}>" for prefix, ns in graph.namespaces() if prefix)
    return "\n".join(lines) + "\n"


def _turtle_body(graph: Graph) -> str:
    """Deterministic Turtle without its leading prefix block. Lines are kept as they are
    (no indentation): a multi-line literal must not change."""
    lines = serialize_turtle(graph).split("\n")
    start = 0
    while start < len(lines) and (lines[start].startswith(("PREFIX ", "@prefix ", "BASE ", "@base "))
                                  or not lines[start].strip()):
        start += 1
    return "\n".join(lines[start:]).rstrip() + "\n"


def to_trig(graph: Graph, split: bool = True) -> str:
    """TriG with one named graph per article (see the module docstring)."""
    if not split:
        return serialize_turtle(graph)
    out = [_prefix_block(graph)]
    for name, part in split_by_article(graph).items():
        out.append(f"\n<{name}> {{\n{_turtle_body(part)}}}\n")
    return "".join(out)


def to_nquads(graph: Graph, split: bool = True) -> str:
    """N-Quads, one named graph per article; lines sorted (deterministic)."""
    parts = split_by_article(graph) if split else {None: graph}
    lines: list[str] = []
    for name, part in parts.items():
        for line in part.serialize(format="nt11", encoding="utf-8").decode("utf-8").splitlines():
            line = line.rstrip()
            if not line:
                continue
            if name is not None:
                if not line.endswith(" ."):
                    raise GeoKGError(f"unexpected N-Triples line from rdflib: {line[:80]!r}")
                line = f"{line[:-2]} <{name}> ."
            lines.append(line)
    lines.sort()
    return "\n".join(lines) + ("\n" if lines else "")


# --------------------------------------------------------------------------- JSON-LD


@lru_cache(maxsize=4)
def _load_context(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as err:
        raise GeoKGError(f"{path}: cannot read the JSON-LD context ({err.strerror})") from err


def jsonld_context() -> dict:
    """The published ``@context`` object (``ontology/context.jsonld``)."""
    from kg.rdf.cookbook import ontology_dir

    path = ontology_dir() / "context.jsonld"
    try:
        return json.loads(_load_context(str(path)))["@context"]
    except (ValueError, KeyError) as err:
        raise GeoKGError(f"{path}: not a JSON-LD context ({err})") from err


class _Compactor:
    """Just enough of JSON-LD compaction for flat RDF with a known, simple context."""

    def __init__(self, context: dict) -> None:
        self.prefixes: dict[str, str] = {}
        self.terms: dict[str, tuple[str, str | None, str | None]] = {}
        for name, definition in context.items():
            if name.startswith("@"):
                continue
            if isinstance(definition, str) and ":" not in name and definition.endswith(("/", "#")):
                self.prefixes[name] = definition
        for name, definition in context.items():
            if name.startswith("@") or name in self.prefixes:
                continue
            if isinstance(definition, str):
                self.terms[name] = (self._expand(definition), None, None)
            else:
                kind = definition.get("@type")
                if kind not in (None, "@id", "@vocab"):
                    kind = self._expand(kind)
                self.terms[name] = (self._expand(definition["@id"]), kind, definition.get("@container"))
        self.by_iri: dict[str, list[str]] = defaultdict(list)
        for name, (iri, _, _) in sorted(self.terms.items()):
            self.by_iri[iri].append(name)
        self._ordered_prefixes = sorted(self.prefixes.items(), key=lambda kv: (-len(kv[1]), kv[0]))

    def _expand(self, value: str) -> str:
        prefix, sep, local = value.partition(":")
        if sep and prefix in self.prefixes and not local.startswith("//"):
            return self.prefixes[prefix] + local
        return value

    def curie(self, iri: str) -> str:
        for prefix, ns in self._ordered_prefixes:
            if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns):].startswith("//"):
                return f"{prefix}:{iri[len(ns):]}"
        return iri

    def node_id(self, node) -> str:
        return f"_:{node}" if isinstance(node, BNode) else self.curie(str(node))

    def vocab(self, node) -> str:
        """Compact an IRI for a position expanded against the vocabulary (@type, @vocab)."""
        if isinstance(node, BNode):
            return f"_:{node}"
        names = self.by_iri.get(str(node))
        return names[0] if names else self.curie(str(node))

    @staticmethod
    def _plain(lit: Literal) -> bool:
        return lit.language is None and lit.datatype in (None, XSD.string)

    def entry(self, predicate: URIRef, obj) -> tuple[str, str, object]:
        """(key, container, JSON value) for one triple; container is "" or "@language"."""
        for name in self.by_iri.get(str(predicate), ()):
            _, kind, container = self.terms[name]
            if container == "@language":
                if isinstance(obj, Literal) and obj.language:
                    return name, "@language", (obj.language, str(obj))
                continue
            if container is not None:
                continue
            if kind == "@id" and isinstance(obj, (URIRef, BNode)):
                return name, "", self.node_id(obj)
            if kind == "@vocab" and isinstance(obj, URIRef):
                return name, "", self.vocab(obj)
            if isinstance(obj, Literal) and kind not in (None, "@id", "@vocab") and obj.language is None \
                    and str(obj.datatype) == kind:
                lexical = str(obj)
                if obj.datatype == XSD.integer and lexical.lstrip("-").isdigit() and str(int(lexical)) == lexical:
                    return name, "", int(lexical)
                return name, "", lexical
            if kind is None and isinstance(obj, Literal) and self._plain(obj):
                return name, "", str(obj)
        key = self.curie(str(predicate))
        if isinstance(obj, (URIRef, BNode)):
            return key, "", {"@id": self.node_id(obj)}
        value: dict[str, object] = {"@value": str(obj)}
        if obj.language:
            value["@language"] = obj.language
        elif obj.datatype is not None and obj.datatype != XSD.string:
            value["@type"] = self.curie(str(obj.datatype))
        return key, "", value


def _sort_key(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def to_jsonld(graph: Graph) -> str:
    """Compact JSON-LD with the published context embedded; deterministic."""
    context = jsonld_context()
    compactor = _Compactor(context)
    nodes = []
    for subject in sorted(set(graph.subjects()), key=lambda n: (isinstance(n, BNode), str(n))):
        node: dict[str, object] = {"@id": compactor.node_id(subject)}
        types: list[str] = []
        plain: dict[str, list] = defaultdict(list)
        by_lang: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for predicate, obj in graph.predicate_objects(subject):
            if predicate == RDF.type and isinstance(obj, (URIRef, BNode)):
                types.append(compactor.vocab(obj))
                continue
            key, container, value = compactor.entry(predicate, obj)
            if container == "@language":
                lang, text = value
                by_lang[key][lang].append(text)
            else:
                plain[key].append(value)
        if types:
            types.sort()
            node["@type"] = types[0] if len(types) == 1 else types
        entries: dict[str, object] = {}
        for key, values in plain.items():
            values.sort(key=_sort_key)
            entries[key] = values[0] if len(values) == 1 else values
        for key, langs in by_lang.items():
            entries[key] = {lang: (sorted(texts)[0] if len(texts) == 1 else sorted(texts))
                            for lang, texts in sorted(langs.items())}
        node.update(sorted(entries.items()))
        nodes.append(node)
    # the context keeps its published order; nodes and their keys are sorted above
    document = {"@context": context, "@graph": nodes}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- writing


def export_graph(graph: Graph, fmt: str = "ttl", articles_graph_split: bool = True) -> str:
    """The graph serialized in one of :data:`FORMATS`."""
    if fmt == "ttl":
        return serialize_turtle(graph)
    if fmt == "jsonld":
        return to_jsonld(graph)
    if fmt == "trig":
        return to_trig(graph, split=articles_graph_split)
    if fmt == "nq":
        return to_nquads(graph, split=articles_graph_split)
    raise GeoKGError(f"unknown output format {fmt!r} (one of: {', '.join(FORMATS)})")


def write_exports(graph: Graph, out_dir: Path, formats: Sequence[str], *,
                  write: Callable[[Path, str], Path] = write_text_atomic) -> list[Path]:
    """Write ``graph.<ext>`` for each format into ``out_dir``, atomically (or with ``write``,
    e.g. :meth:`kg.fsutil.Staging.write_text`); returns the paths."""
    wanted = list(dict.fromkeys(f.strip().lower().lstrip(".") for f in formats))
    wanted = ["ttl" if f == "turtle" else "jsonld" if f == "json-ld" else f for f in wanted]
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown:
        raise GeoKGError(f"unknown output format {unknown[0]!r} (one of: {', '.join(FORMATS)})")
    out_dir = Path(out_dir)
    written = []
    for fmt in wanted:
        written.append(write(out_dir / FILE_NAMES[fmt], export_graph(graph, fmt)))
    return written
