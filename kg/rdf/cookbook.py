"""The SPARQL cookbook: named queries in ``ontology/queries/*.rq``, run safely with parameters.

A cookbook file starts with comment lines: the first says what the query answers, the
others explain it, and ``# @param NAME KIND description`` lines declare its parameters::

    # Who sanctioned whom: positive, asserted sanction claims, with the articles that report them.
    # @param source actor  the actor that imposed the sanctions
    # @param target actor  the sanctioned actor

Inside the query a line ``# @values`` marks where parameter values go. A parameter is never
pasted into the SPARQL text as given: it is resolved to RDF terms first (an actor by label,
key or IRI; a relation by name), and the terms are written as a ``VALUES`` block with
N-Triples escaping. A parameter that is not given leaves its variable unbound, so the
query answers for everyone. Queries without the marker (a user's own ``.rq`` file or a
SPARQL string) get them as a trailing ``VALUES`` clause.

Two engines run the same text: rdflib (pure Python, always there) and Oxigraph (Rust,
much faster on large graphs); the tests check that both give the same rows.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SH, XSD
from rdflib.term import Node

import kg
from kg.errors import GeoKGError
from kg.nlp.normalize import match_key
from kg.rdf.namespaces import ACTOR, ACTOR_CLASSES, GKG_NS, PREFIXES, RELATIONS

ENV_VAR = "GEOKG_ONTOLOGY_DIR"
VALUES_MARKER = re.compile(r"^[ \t]*#[ \t]*@values[ \t]*$", re.MULTILINE)
PARAM_KINDS = ("actor", "relation", "class", "iri", "string", "integer", "date")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_QUERY_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_QUERY_FORMS = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)

# prefixes used when showing terms to people (the data prefixes first, then a few more)
DISPLAY_PREFIXES: dict[str, str] = {
    **{prefix: str(ns) for prefix, ns in PREFIXES.items()},
    "sh": str(SH),
    "gsh": "https://w3id.org/geokg/shapes#",
    "plover": "https://w3id.org/geokg/plover/",
    "cameo": "https://w3id.org/geokg/cameo/",
}


def ontology_dir() -> Path:
    """Where the ontology, shapes, context and queries live (``$GEOKG_ONTOLOGY_DIR`` overrides)."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    return Path(kg.__file__).resolve().parent.parent / "ontology"


def queries_dir() -> Path:
    return ontology_dir() / "queries"


def display_term(term: Node | None) -> str:
    """A term as a person reads it: ``actor:RUS``, ``"Russia"@en`` → ``Russia``, dates as is."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        iri = str(term)
        best = ""
        for prefix, ns in DISPLAY_PREFIXES.items():
            if iri.startswith(ns) and len(ns) > len(DISPLAY_PREFIXES.get(best, "")):
                best = prefix
        if best:
            local = iri[len(DISPLAY_PREFIXES[best]):]
            if not _IRI_BAD.search(local):
                return f"{best}:{local}"
        return f"<{iri}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


# --------------------------------------------------------------------------- queries


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # one of PARAM_KINDS
    description: str = ""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    title: str = ""  # first comment line: what the query answers
    description: str = ""  # all header comment lines (without @param lines)
    params: tuple[Param, ...] = ()
    path: Path | None = None

    @property
    def has_marker(self) -> bool:
        return bool(VALUES_MARKER.search(self.text))

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def parse_query(text: str, name: str = "query", path: Path | None = None) -> NamedQuery:
    """Read the header comments of a query: title, description and ``@param`` lines."""
    lines: list[str] = []
    params: list[Param] = []
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped:
            if lines:
                lines.append("")
            continue
        if not stripped.startswith("#"):
            break
        body = stripped.lstrip("#").strip()
        if body.startswith("@param"):
            parts = body.split(None, 3)
            if len(parts) < 3 or parts[2] not in PARAM_KINDS or not _NAME.match(parts[1]):
                where = path or name
                raise GeoKGError(f"{where}: bad parameter line {stripped!r} "
                                 f"(expected '# @param NAME {'|'.join(PARAM_KINDS)} description')")
            params.append(Param(parts[1], parts[2], parts[3] if len(parts) > 3 else ""))
        elif body.startswith("@values"):
            continue
        else:
            lines.append(body)
    while lines and not lines[-1]:
        lines.pop()
    title = next((line for line in lines if line), "")
    return NamedQuery(name=name, text=text, title=title, description="\n".join(lines),
                      params=tuple(params), path=path)


def list_queries() -> list[NamedQuery]:
    """Every cookbook query, sorted by name."""
    directory = queries_dir()
    if not directory.is_dir():
        raise GeoKGError(f"{directory}: no query directory (set {ENV_VAR} to the ontology directory)")
    return [parse_query(p.read_text(encoding="utf-8"), p.stem, p) for p in sorted(directory.glob("*.rq"))]


def get_query(name: str) -> NamedQuery:
    """A cookbook query by name (``who-sanctioned``)."""
    path = queries_dir() / f"{name}.rq"
    if _QUERY_NAME.match(name) and path.is_file():
        return parse_query(path.read_text(encoding="utf-8"), name, path)
    names = ", ".join(q.name for q in list_queries())
    raise GeoKGError(f"no cookbook query named {name!r} (there are: {names})")


def load_query(spec: str) -> NamedQuery:
    """A cookbook name, a path to a ``.rq`` file, or the text of a SPARQL query."""
    if _QUERY_FORMS.search(spec) and ("{" in spec or "\n" in spec):
        return parse_query(spec, "query")
    if _QUERY_NAME.match(spec) and (queries_dir() / f"{spec}.rq").is_file():
        return get_query(spec)
    path = Path(spec)
    if path.suffix in (".rq", ".sparql") or path.exists():
        if not path.is_file():
            raise GeoKGError(f"{spec}: no such query file")
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise GeoKGError(f"{spec}: cannot read query ({err})") from err
        return parse_query(text, path.stem, path)
    return get_query(spec)


def parse_param_args(pairs: Iterable[str]) -> dict[str, list[str]]:
    """``["target=Russia", "target=Iran"]`` → ``{"target": ["Russia", "Iran"]}``."""
    params: dict[str, list[str]] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not _NAME.match(name):
            raise GeoKGError(f"bad --param {pair!r} (expected NAME=VALUE)")
        params.setdefault(name, []).append(value.strip())
    return params


# --------------------------------------------------------------------------- engines


@dataclass
class QueryResult:
    """Rows of a SELECT (``vars`` and ``rows`` of rdflib terms or None), or an ASK answer,
    or the graph of a CONSTRUCT/DESCRIBE."""

    vars: list[str]
    rows: list[tuple[Node | None, ...]]
    boolean: bool | None = None
    graph: Graph | None = None

    def as_dicts(self) -> list[dict[str, Node | None]]:
        return [dict(zip(self.vars, row)) for row in self.rows]


class Engine:
    """Runs SPARQL text against one graph."""

    name = "engine"
    _label_index: dict[str, set[Node]] | None = None  # folded actor names, built on first use

    def query(self, text: str) -> QueryResult:
        raise NotImplementedError


class RdflibEngine(Engine):
    name = "rdflib"

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def query(self, text: str) -> QueryResult:
        try:
            result = self.graph.query(text)
        except Exception as err:  # pyparsing / rdflib errors carry no common base
            from kg.rdf.sparql_errors import describe

            raise GeoKGError(f"SPARQL error (syntax) at {describe(err, text)}") from err
        if result.type == "ASK":
            return QueryResult([], [], boolean=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            out = Graph(bind_namespaces="none")
            for prefix, ns in PREFIXES.items():
                out.bind(prefix, ns)
            for triple in result:
                out.add(triple)
            return QueryResult([], [], graph=out)
        names = [str(v) for v in result.vars]
        rows = [tuple(row[i] for i in range(len(names))) for row in result]
        return QueryResult(names, rows)


class OxigraphEngine(Engine):
    """Oxigraph's in-memory store; the default graph is the union of all named graphs."""

    name = "oxigraph"

    def __init__(self, store) -> None:
        self.store = store

    @classmethod
    def from_graph(cls, graph: Graph) -> "OxigraphEngine":
        import pyoxigraph as ox

        store = ox.Store()
        store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
        return cls(store)

    @classmethod
    def from_file(cls, path: Path | str) -> "OxigraphEngine":
        import pyoxigraph as ox

        from kg.rdf.exports import rdf_format

        path = Path(path)
        fmt = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
               "trig": ox.RdfFormat.TRIG, "json-ld": ox.RdfFormat.JSON_LD, "xml": ox.RdfFormat.RDF_XML}
        kind = rdf_format(path)
        if not path.is_file():
            raise GeoKGError(f"{path}: no such file")
        store = ox.Store()
        try:
            store.load(path=str(path), format=fmt[kind])
        except (SyntaxError, ValueError, OSError) as err:
            raise GeoKGError(f"{path}: not valid {kind} ({_one_line(err)})") from err
        return cls(store)

    def query(self, text: str) -> QueryResult:
        import pyoxigraph as ox

        try:
            result = self.store.query(text, use_default_graph_as_union=True)
        except SyntaxError as err:
            from kg.rdf.sparql_errors import describe

            raise GeoKGError(f"SPARQL error (syntax) at {describe(err, text)}") from err
        except (ValueError, OSError, RuntimeError) as err:
            raise GeoKGError(f"SPARQL error: {_one_line(err)}") from err
        if isinstance(result, ox.QueryBoolean):
            return QueryResult([], [], boolean=bool(result))
        if isinstance(result, ox.QueryTriples):
            out = Graph(bind_namespaces="none")
            for prefix, ns in PREFIXES.items():
                out.bind(prefix, ns)
            for t in result:
                out.add((_from_ox(t.subject), _from_ox(t.predicate), _from_ox(t.object)))
            return QueryResult([], [], graph=out)
        variables = list(result.variables)
        rows = [tuple(_from_ox(solution[v]) for v in variables) for solution in result]
        return QueryResult([v.value for v in variables], rows)


def _one_line(err: BaseException) -> str:
    text = " ".join(str(err).split())
    return text[:300] + ("…" if len(text) > 300 else "")


def _from_ox(term) -> Node | None:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise GeoKGError(f"unsupported term in query result: {term!r}")


# --------------------------------------------------------------------------- parameters


def _iri(value: str) -> URIRef | None:
    """``https://…``, ``urn:…``, ``<…>`` or a known prefix (``actor:RUS``) → IRI; else None."""
    explicit = value.startswith("<") and value.endswith(">")
    if explicit:
        value = value[1:-1]
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):(.*)$", value, re.DOTALL)
    if match is None:
        if explicit:
            raise GeoKGError(f"<{value}> is not an absolute IRI")
        return None
    prefix, local = match.groups()
    if prefix in DISPLAY_PREFIXES and not local.startswith("//"):
        value = DISPLAY_PREFIXES[prefix] + local
    elif not (explicit or local.startswith("//") or prefix in ("urn", "tag", "mailto")):
        return None  # "Hamas: political bureau" is a label, not an IRI
    if _IRI_BAD.search(value):
        raise GeoKGError(f"{value!r} is not a valid IRI")
    return URIRef(value)


_LABELS = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?actor ?name WHERE { { ?actor rdfs:label ?name } UNION { ?actor skos:altLabel ?name } }
"""

# Arabic spelling variants a user may type or omit: harakat and tatweel go, hamza-carrying
# alefs become bare alef, alef maqsura becomes ya, ta marbuta becomes ha.
def fold_name(text: str) -> str:
    """The key a name is looked up by: case-folded, Arabic variants unified, spaces collapsed."""
    return match_key(text)


def _label_index(engine: Engine) -> dict[str, set[Node]]:
    index = getattr(engine, "_label_index", None)
    if index is None:
        index = {}
        for actor, name in engine.query(_LABELS).rows:
            if isinstance(actor, URIRef) and isinstance(name, Literal):
                index.setdefault(fold_name(str(name)), set()).add(actor)
        engine._label_index = index
    return index


_KNOWN = "ASK {\n  # @values\n  { ?node ?p ?o } UNION { ?s ?p ?node }\n}"


def resolve_param(engine: Engine, param: Param, raw: str) -> list[Node]:
    """Turn one ``--param`` value into RDF terms (several when a label names several actors)."""
    value = raw.strip()
    if param.kind == "actor":
        iri = _iri(value)
        if iri is not None:
            return [iri]
        terms = sorted(_label_index(engine).get(fold_name(value), ()))
        key_iri = ACTOR[quote(value, safe="-_.~")]
        if key_iri not in terms and engine.query(_with_values(_KNOWN, {"node": [key_iri]})).boolean:
            terms.append(key_iri)
        if not terms:
            raise GeoKGError(f"--param {param.name}={raw}: no actor with that label, key or IRI in the graph")
        return terms
    if param.kind == "relation":
        iri = _iri(value)
        name = str(iri)[len(GKG_NS):] if iri is not None and str(iri).startswith(str(GKG_NS)) else value
        if name not in RELATIONS:
            raise GeoKGError(f"--param {param.name}={raw}: not a relation (one of: {', '.join(RELATIONS)})")
        return [URIRef(str(GKG_NS) + name)]
    if param.kind == "class":
        iri = _iri(value)
        name = str(iri)[len(GKG_NS):] if iri is not None and str(iri).startswith(str(GKG_NS)) else value
        match = next((c for c in ACTOR_CLASSES if c.lower() == name.lower()), None)
        if match is None:
            raise GeoKGError(f"--param {param.name}={raw}: not an actor class (one of: {', '.join(ACTOR_CLASSES)})")
        return [URIRef(str(GKG_NS) + match)]
    if param.kind == "iri":
        iri = _iri(value)
        if iri is None:
            raise GeoKGError(f"--param {param.name}={raw}: not an IRI")
        return [iri]
    if param.kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", value):
            raise GeoKGError(f"--param {param.name}={raw}: not an integer")
        return [Literal(int(value))]
    if param.kind == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise GeoKGError(f"--param {param.name}={raw}: not a date (YYYY-MM-DD)")
        return [Literal(value, datatype=XSD.date)]
    return [Literal(value)]


_ECHAR = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t",
                        "\b": "\\b", "\f": "\\f"})


def _nt(term: Node) -> str:
    """N-Triples form of a term (escaped; safe to place in SPARQL)."""
    if isinstance(term, URIRef):
        if _IRI_BAD.search(str(term)):
            raise GeoKGError(f"{str(term)!r} is not a valid IRI")
        return f"<{term}>"
    if isinstance(term, Literal):
        if re.search(r"\\[uU]", str(term)):
            # rdflib expands \uXXXX anywhere in a query before parsing; refuse rather than guess
            raise GeoKGError(f"parameter value {str(term)!r} contains \\u or \\U, which SPARQL engines read as escapes")
        text = str(term).translate(_ECHAR)
        if term.language:
            if not re.fullmatch(r"[A-Za-z]+(-[A-Za-z0-9]+)*", term.language):
                raise GeoKGError(f"{term.language!r} is not a language tag")
            return f'"{text}"@{term.language}'
        if term.datatype and term.datatype != XSD.string:
            return f'"{text}"^^{_nt(term.datatype)}'
        return f'"{text}"'
    raise GeoKGError(f"cannot use {term!r} as a parameter value")


def _with_values(text: str, values: Mapping[str, Sequence[Node]]) -> str:
    """Replace the ``# @values`` marker with one VALUES block per variable."""
    block = "\n".join(
        f"  VALUES ?{name} {{ {' '.join(_nt(t) for t in terms)} }}" for name, terms in values.items()
    )
    return VALUES_MARKER.sub(lambda _: block, text, count=1)


def prepare(engine: Engine, query: NamedQuery, params: Mapping[str, Sequence[str] | str]) -> str:
    """Resolve ``params`` to RDF terms and return the SPARQL text to run.

    Cookbook queries receive the values at their ``# @values`` marker. Other queries get a
    trailing ``VALUES`` clause (SPARQL 1.1 §10.2.2), which joins with the solutions of the
    query: parameters of your own queries should name variables of its result.
    """
    declared = {p.name: p for p in query.params}
    resolved: dict[str, list[Node]] = {}
    for name, raws in params.items():
        raws = [raws] if isinstance(raws, str) else list(raws)
        if not _NAME.match(name):
            raise GeoKGError(f"bad parameter name {name!r}")
        param = declared.get(name)
        if param is None and (declared or query.has_marker):
            takes = ", ".join(declared) or "no parameters"
            raise GeoKGError(f"query {query.name} has no parameter {name!r} (it takes: {takes})")
        terms: list[Node] = []
        for raw in raws:
            found = resolve_param(engine, param, raw) if param else [_iri(raw.strip()) or Literal(raw)]
            terms.extend(t for t in found if t not in terms)
        resolved[name] = terms
    if not resolved:
        return query.text
    if query.has_marker:
        return _with_values(query.text, resolved)
    return query.text.rstrip() + "\n" + "\n".join(
        f"VALUES ?{name} {{ {' '.join(_nt(t) for t in terms)} }}" for name, terms in resolved.items()) + "\n"


def run_query(engine: Engine, query: NamedQuery | str,
              params: Mapping[str, Sequence[str] | str] | None = None) -> QueryResult:
    """Run a cookbook query (by name or object), a ``.rq`` path or a SPARQL string."""
    if isinstance(query, str):
        query = load_query(query)
    return engine.query(prepare(engine, query, params or {}))

