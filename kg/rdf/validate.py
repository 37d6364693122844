"""Validate a geokg graph against ``ontology/shapes.ttl`` and report violations in plain words.

The ontology is mixed into (a copy of) the data graph before validation, so that
``sh:targetClass gkg:Actor`` reaches countries, organizations and persons through
``rdfs:subClassOf`` without running a reasoner (pyshacl ``inference="none"``: fast).

Each property shape of ``shapes.ttl`` checks one thing and carries an ``sh:message`` that
reads after "<what> <focus node>", so a result becomes one line such as
``claim claim:ab12 has no evidence`` or
``claim claim:ab12 has more than one subject (rdf:subject): actor:IRN, actor:RUS``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD

from kg.errors import GeoKGError
from kg.rdf.cookbook import display_term, ontology_dir

_SHOW_VALUES = {SH.MaxCountConstraintComponent, SH.QualifiedMaxCountConstraintComponent}


@dataclass(frozen=True)
class Violation:
    """One SHACL result, with the sentence that describes it."""

    focus: str  # focus node, prefixed ("claim:ab12")
    kind: str  # what the focus node is ("claim", "actor", "article")
    message: str  # the shape's message ("has no evidence")
    detail: str = ""  # offending values, when they help ("actor:IRN, actor:RUS")
    path: str = ""  # property path, prefixed
    component: str = ""  # SHACL constraint component, prefixed
    severity: str = "Violation"

    def __str__(self) -> str:
        text = f"{self.kind} {self.focus} {self.message}"
        return f"{text}: {self.detail}" if self.detail else text


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[str] = field(default_factory=list)
    results: list[Violation] = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.conforms

    def text(self) -> str:
        return "conforms" if self.conforms else "\n".join(self.violations)


@lru_cache(maxsize=4)
def _load(path: str) -> Graph:
    if not Path(path).is_file():
        raise GeoKGError(f"{path}: no such file (set GEOKG_ONTOLOGY_DIR to the ontology directory)")
    return Graph(bind_namespaces="none").parse(path, format="turtle")


def ontology_graph() -> Graph:
    """The ontology (parsed once per process)."""
    return _load(str(ontology_dir() / "geokg.ttl"))


def shapes_graph() -> Graph:
    """The SHACL shapes (parsed once per process)."""
    return _load(str(ontology_dir() / "shapes.ttl"))


def _localized(graph: Graph, node, predicate, lang: str) -> str | None:
    values = [v for v in graph.objects(node, predicate) if isinstance(v, Literal)]
    for wanted in (lang, "en", None):
        for value in values:
            if value.language == wanted:
                return str(value)
    return str(values[0]) if values else None


def _shown(term) -> str:
    """A value in a message: IRIs prefixed, strings quoted (so blanks show), numbers as is."""
    if isinstance(term, Literal) and (term.language or term.datatype in (None, XSD.string)):
        return json.dumps(str(term), ensure_ascii=False)
    return display_term(term)


def _values(data: Graph, focus, path) -> list:
    if isinstance(path, URIRef):
        return list(data.objects(focus, path))
    return []


CHUNK = 2000  # focus nodes per pyshacl call: small enough for the bar to move every second or so


_PATH_PREDICATES = (SH.path, SH.targetSubjectsOf, SH.targetObjectsOf, SH.lessThan, SH.lessThanOrEquals,
                    SH.equals, SH.disjoint)


def shape_predicates() -> list[URIRef] | None:
    """The predicates the shapes read (``rdf:type`` and every property they name), or
    ``None`` when a shape names a path that is not a plain property: then all are needed.
    Reading a store to validate it, the other triples need not become rdflib objects."""
    shapes = shapes_graph()
    found = {RDF.type}
    for predicate in _PATH_PREDICATES:
        for value in shapes.objects(None, predicate):
            if not isinstance(value, URIRef):
                return None
            found.add(value)
    return sorted(found)


def validate_graph(data: Graph | Dataset, *, lang: str = "en", chunk: int = CHUNK,
                   progress: bool | None = None, in_place: bool = False) -> ValidationReport:
    """Validate ``data`` with pyshacl against the shapes, the ontology mixed in.

    ``lang`` picks the language of the messages (``en`` or ``ar``). ``data`` is not modified.
    Each node shape is run on its focus nodes ``chunk`` at a time (pyshacl ``use_shapes`` and
    ``focus_nodes``): the same results as one pass, and a progress bar (:mod:`kg.progress`)
    that moves; half a million triples took minutes without a word. ``in_place`` mixes the
    ontology into ``data`` itself instead of a copy (a graph read from a store for this alone:
    a million triples copied cost seconds and a gigabyte).
    """
    from kg.progress import bar

    shapes = shapes_graph()
    if in_place and not isinstance(data, Dataset):
        mixed = data
    else:
        mixed = Graph(bind_namespaces="none")
        if isinstance(data, Dataset):  # named graphs are validated as one graph
            mixed.store.addN((s, p, o, mixed) for s, p, o, _ in data.quads((None, None, None, None)))
        else:
            mixed.store.addN((s, p, o, mixed) for s, p, o in data)
    mixed.store.addN((s, p, o, mixed) for s, p, o in ontology_graph())
    work = []
    for shape, nodes in _targets(shapes, mixed):
        if any(isinstance(n, BNode) for n in nodes):  # pyshacl reads given focus nodes as IRIs: run it whole
            work.append((shape, nodes, None))
        else:
            work += [(shape, nodes[i:i + chunk], nodes[i:i + chunk]) for i in range(0, len(nodes), chunk)]
    conforms = True
    results = Graph(bind_namespaces="none")
    with bar(total=sum(len(nodes) for _, nodes, _ in work), desc="validating", unit="node", show=progress) as shown:
        for shape, nodes, focus in work:
            # the property shapes are named too: pyshacl applies a node shape's sh:property
            # shapes only when they are among the shapes it was asked to use
            used = [str(shape), *(str(x) for x in shapes.objects(shape, SH.property))]
            ok, part, _ = _pyshacl(mixed, shapes, use_shapes=used, focus_nodes=focus)
            conforms = conforms and bool(ok)
            results += part
            shown.update(len(nodes))
    found: list[Violation] = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        shape = results.value(result, SH.sourceShape)
        component = results.value(result, SH.sourceConstraintComponent)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        severity = results.value(result, SH.resultSeverity)
        node_shape = shape if (shape, RDF.type, SH.NodeShape) in shapes else shapes.value(None, SH.property, shape)
        kind = (_localized(shapes, node_shape, RDFS.label, lang) if node_shape is not None else None) or "node"
        message = _localized(shapes, shape, SH.message, lang)
        if message is None:
            message = _localized(results, result, SH.resultMessage, lang) or "does not conform"
        detail = ""
        if component in _SHOW_VALUES:
            detail = ", ".join(sorted(_shown(v) for v in _values(mixed, focus, path)))
        elif value is not None and not isinstance(value, BNode):
            detail = _shown(value)
        found.append(Violation(
            focus=display_term(focus), kind=kind, message=message, detail=detail,
            path=display_term(path) if isinstance(path, URIRef) else "",
            component=display_term(component) if component is not None else "",
            severity=display_term(severity).removeprefix("sh:") if severity is not None else "Violation",
        ))
    bad_iris = iri_violations(mixed, lang=lang)
    found += bad_iris
    found.sort(key=lambda v: (v.kind, v.focus, v.message, v.detail))
    unique: list[Violation] = []
    for violation in found:
        if not unique or str(unique[-1]) != str(violation):
            unique.append(violation)
    return ValidationReport(conforms=bool(conforms) and not bad_iris, violations=[str(v) for v in unique],
                            results=unique)


def _pyshacl(data: Graph, shapes: Graph, **options):
    from pyshacl import validate

    return validate(data, shacl_graph=shapes, inference="none", inplace=True, advanced=False,
                    abort_on_first=False, allow_warnings=False, allow_infos=True, **options)


def _targets(shapes: Graph, data: Graph) -> list[tuple]:
    """(node shape, its focus nodes sorted) for every node shape: ``sh:targetClass`` (with
    the subclasses the ontology mixed into ``data`` declares), ``sh:targetSubjectsOf``,
    ``sh:targetObjectsOf``, ``sh:targetNode``; a shape with another kind of target (or an
    implicit class target) is run whole, as pyshacl would."""
    out = []
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        kinds = {p for p, _ in shapes.predicate_objects(shape)}
        if not kinds & {SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode}:
            continue
        nodes: set = set()
        for cls in shapes.objects(shape, SH.targetClass):
            for sub in data.transitive_subjects(RDFS.subClassOf, cls):
                nodes.update(data.subjects(RDF.type, sub))
        for prop in shapes.objects(shape, SH.targetSubjectsOf):
            nodes.update(s for s, _ in data.subject_objects(prop))
        for prop in shapes.objects(shape, SH.targetObjectsOf):
            nodes.update(o for _, o in data.subject_objects(prop))
        nodes.update(shapes.objects(shape, SH.targetNode))
        if nodes:
            out.append((shape, sorted(nodes, key=lambda n: (isinstance(n, Literal), str(n)))))
    return out


_IRI_MESSAGES = {"en": ("IRI", "is not a valid absolute IRI (RFC 3987)"),
                 "ar": ("المعرّف", "ليس معرّف IRI مطلقًا صالحًا (RFC 3987)")}
_FILE_MESSAGES = {"en": ("file", "does not parse in a strict RDF reader (Oxigraph)"),
                  "ar": ("الملف", "لا يقرؤه قارئ RDF صارم (Oxigraph)")}


def iri_violations(graph: Graph, *, lang: str = "en") -> list[Violation]:
    """One violation per IRI of ``graph`` (subject, predicate, object or datatype) that is
    not an absolute IRI by RFC 3987: strict stores refuse the whole graph for one."""
    from kg.rdf.iri import is_absolute_iri

    bad: set[str] = set()
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef):
                if not is_absolute_iri(str(term)):
                    bad.add(str(term))
            elif isinstance(term, Literal) and term.datatype is not None and not is_absolute_iri(str(term.datatype)):
                bad.add(str(term.datatype))
    kind, message = _IRI_MESSAGES.get(lang, _IRI_MESSAGES["en"])
    return [Violation(focus=f"<{iri}>" if len(iri) <= 200 else f"<{iri[:197]}...>", kind=kind, message=message,
                      component="RFC 3987") for iri in sorted(bad)]


def strict_parse_violations(path: Path | str, *, lang: str = "en") -> list[Violation]:
    """A violation when the graph file does not parse in Oxigraph, which (unlike rdflib)
    refuses relative and malformed IRIs instead of resolving them against the file's own
    location; none when it parses or its format is not one Oxigraph reads."""
    try:
        import pyoxigraph as ox
    except ImportError:  # pragma: no cover - a declared dependency
        return []
    from kg.rdf.exports import rdf_format

    formats = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
               "trig": ox.RdfFormat.TRIG, "xml": ox.RdfFormat.RDF_XML}
    try:
        fmt = formats.get(rdf_format(path))
    except GeoKGError:
        return []
    if fmt is None:
        return []
    try:
        for _ in ox.parse(path=str(path), format=fmt):
            pass
    except (SyntaxError, ValueError) as err:
        kind, message = _FILE_MESSAGES.get(lang, _FILE_MESSAGES["en"])
        return [Violation(focus=str(path), kind=kind, message=message, detail=" ".join(str(err).split())[:300],
                          component="RFC 3987")]
    except OSError:
        return []
    return []
