"""A fast, deterministic Turtle writer for plain RDF graphs.

rdflib's ``longturtle`` serialiser was the slowest stage of large builds (about 55 s for
1.3 M triples): it computes a qname for every term occurrence with regexes, counts
references to decide on nesting, and can auto-bind ``ns1:`` prefixes. Our graphs need
none of that, so this writer groups the triples by subject in one pass over the graph,
renders each distinct IRI once (a dict) and joins sorted lines.

Output (the layout of ``longturtle``, so diffs of ``graph.ttl`` stay readable)::

    PREFIX gkg: <https://w3id.org/geokg/ontology#>

    actor:RUS
        a gkg:Country ;
        skos:altLabel
            "Moscow"@en ,
            "موسكو"@ar ;
    .

* Deterministic: subjects, predicates (``rdf:type`` first) and objects are sorted by
  kind (IRI, blank node, literal) and full IRI, literals by datatype, language and
  lexical form; never by insertion order. Only the graph's bound prefixes that the
  output uses are declared, sorted by prefix; no prefix is ever invented.
* Conservative: a prefixed name is written only when its local part is plainly a valid
  ``PN_LOCAL`` (letters, digits, ``_-.`` and ``%XX``, no trailing ``.``); everything else
  is a full ``<IRI>``. Strings always use the one-line ``"…"`` form with escapes; non-ASCII
  text (Arabic, emoji) is written as UTF-8.
* Blank nodes are labelled ``_:b0``, ``_:b1``… in order of first appearance. Their order
  follows rdflib's internal ids, so a graph with blank nodes is deterministic only as far
  as those ids are (true canonicalisation is not done; it costs several times the
  graph's memory).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

__all__ = ["TermWriter", "group_triples", "order_key", "subject_block", "write_turtle"]

INDENT = "    "

# PN_LOCAL restricted to a safe subset: no ':' and no backslash escapes (valid Turtle, but
# easy to get wrong and unusual in our IRIs). An empty local part ("gkg:") is valid too.
_LOCAL = re.compile(r"(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:[A-Za-z0-9_.\-]|%[0-9A-Fa-f]{2})*")
# Turtle prefix names (PN_PREFIX), restricted to ASCII like the local part.
_PREFIX = re.compile(r"[A-Za-z](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?")
# Characters IRIREF forbids raw; they are written as \uXXXX. Such an IRI is not a valid
# IRI, so strict parsers (Oxigraph) still reject it, but rdflib reads back the same term.
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_IRI_ESCAPES = {c: f"\\u{c:04X}" for c in (*range(0x21), *map(ord, '<>"{}|^`\\'))}
# Quotes, backslashes and every control character (category Cc) are escaped in strings.
_CONTROLS = [c for c in range(0xA0) if unicodedata.category(chr(c)) == "Cc"]
_STRING_UNSAFE = re.compile('["\\\\' + "".join(f"\\x{c:02x}" for c in _CONTROLS) + "]")
_STRING_ESCAPES = {c: f"\\u{c:04X}" for c in _CONTROLS} | {
    ord('"'): '\\"', ord("\\"): "\\\\", ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}
_CANONICAL_INTEGER = re.compile(r"0|-?[1-9][0-9]*")
_BARE_BOOLEANS = frozenset(("true", "false"))
# Plain strings: comparing rdflib terms runs Python code, comparing str does not.
_RDF_TYPE, _XSD_INTEGER, _XSD_BOOLEAN = str(RDF.type), str(XSD.integer), str(XSD.boolean)


def write_turtle(graph: Graph) -> str:
    """``graph`` as deterministic Turtle (see the module docstring for the guarantees)."""
    groups = _group_by_subject(graph)
    terms = TermWriter(graph.namespaces())
    blocks = [subject_block(s, groups.pop(s), terms) for s in sorted(groups, key=order_key)]
    # The prefixes are known once every term is rendered; one join, so the text is
    # held at most twice (blocks and result), never copied a third time.
    header = "".join(f"PREFIX {prefix}: <{ns}>\n" for prefix, ns in terms.used_prefixes())
    return "\n".join([header, *blocks] if header else blocks)


def _group_by_subject(graph: Graph) -> dict:
    """One pass over the graph (see :func:`group_triples`)."""
    return group_triples(graph.triples((None, None, None)))


def group_triples(triples: Iterable[tuple]) -> dict:
    """``{subject: {predicate: object or [objects]}}`` of distinct triples; a list only for
    the rarer predicates with several objects (a million fewer lists at 1.3 M triples)."""
    groups: dict = {}
    for s, p, o in triples:
        predicates = groups.get(s)
        if predicates is None:
            groups[s] = {p: o}
            continue
        objects = predicates.get(p)
        if objects is None:
            predicates[p] = o
        elif type(objects) is list:
            objects.append(o)
        else:
            predicates[p] = [objects, o]
    return groups


def order_key(term) -> tuple:
    """Sort key of a term: IRIs, then blank nodes, then literals; literals by datatype,
    language and lexical form (as longturtle does: labels come grouped by language).
    Plain strings, so no rdflib comparison code runs."""
    if isinstance(term, Literal):
        return 2, str(term.datatype or ""), term.language or "", str(term)
    return (1 if isinstance(term, BNode) else 0), "", "", str(term)


def subject_block(subject, predicates: dict, terms: TermWriter) -> str:
    """The lines of one subject, ending with a ``.`` line."""
    render = terms.render
    lines = [terms.render_subject(subject)]
    # Distinct predicates have distinct (key, verb) pairs: the objects are never compared.
    for _, verb, objects in sorted([(*terms.predicate(p), objects) for p, objects in predicates.items()]):
        if type(objects) is not list:
            lines.append(f"{INDENT}{verb} {render(objects)} ;")
        else:
            lines.append(INDENT + verb)
            lines.append(" ,\n".join([INDENT * 2 + render(o) for o in sorted(objects, key=order_key)]) + " ;")
    lines.append(".\n")
    return "\n".join(lines)


class TermWriter:
    """Renders terms to Turtle, each distinct IRI once, and remembers which prefixes and
    blank node labels the output has used.

    Caches are keyed by plain ``str``: equal terms are often distinct objects (a parsed
    graph makes one per occurrence), and a dict hit on a distinct rdflib term runs its
    Python ``__eq__``, which copies both strings.
    """

    def __init__(self, namespaces: Iterable[tuple[str, URIRef]]) -> None:
        by_namespace: dict[str, str] = {}
        for prefix, ns in sorted(namespaces):
            if _PREFIX.fullmatch(prefix) and not _IRI_UNSAFE.search(ns):
                by_namespace.setdefault(str(ns), prefix)
        # Longest namespace first, so "…/geokg/actor/" wins over a bound "…/geokg/".
        self._namespaces = sorted(by_namespace.items(), key=lambda item: (-len(item[0]), item[0]))
        self._used: dict[str, str] = {}
        self._iris: dict[str, str] = {}
        self._predicates: dict[str, tuple[str, str]] = {}
        self._datatypes: dict[str, str] = {}
        self._bnodes: dict[BNode, str] = {}

    def used_prefixes(self) -> list[tuple[str, str]]:
        """(prefix, namespace) pairs used so far, sorted by prefix."""
        return sorted((prefix, ns) for ns, prefix in self._used.items())

    def render(self, term) -> str:
        """Any term in object position."""
        if isinstance(term, URIRef):
            return self.render_iri(term)
        if isinstance(term, Literal):
            return self._render_literal(term)
        if isinstance(term, BNode):
            return self._render_bnode(term)
        raise ValueError(f"cannot write {term!r} as Turtle")

    def render_subject(self, term) -> str:
        if not isinstance(term, (URIRef, BNode)):
            raise ValueError(f"a Turtle subject must be an IRI or a blank node, not {term!r}")
        return self.render(term)

    def predicate(self, term) -> tuple[str, str]:
        """(sort key, Turtle) of a predicate: ``rdf:type`` is written ``a`` and comes
        first (key ""), as in longturtle; the others follow in IRI order."""
        if not isinstance(term, URIRef):
            raise ValueError(f"a Turtle predicate must be an IRI, not {term!r}")
        iri = str(term)
        known = self._predicates.get(iri)
        if known is None:
            known = self._predicates[iri] = ("", "a") if iri == _RDF_TYPE else (iri, self.render_iri(iri))
        return known

    def render_iri(self, iri: str) -> str:
        iri = str(iri)
        text = self._iris.get(iri)
        if text is None:
            text = self._iris[iri] = self._prefixed(iri) or _iriref(iri)
        return text

    def _prefixed(self, iri: str) -> str | None:
        """``prefix:local`` for the longest bound namespace leaving a safe local part."""
        for ns, prefix in self._namespaces:
            if iri.startswith(ns):
                local = iri[len(ns):]
                if not local or (_LOCAL.fullmatch(local) and local[-1] != "."):
                    self._used[ns] = prefix
                    return f"{prefix}:{local}"
        return None

    def _render_literal(self, literal: Literal) -> str:
        lexical = str(literal)
        datatype = literal.datatype  # None for language-tagged strings
        if datatype is None:
            language = literal.language
            return f'"{_escape(lexical)}"@{language}' if language else f'"{_escape(lexical)}"'
        datatype = str(datatype)
        if datatype == _XSD_INTEGER and _CANONICAL_INTEGER.fullmatch(lexical):
            return lexical
        if datatype == _XSD_BOOLEAN and lexical in _BARE_BOOLEANS:
            return lexical
        suffix = self._datatypes.get(datatype)
        if suffix is None:
            suffix = self._datatypes[datatype] = "^^" + self.render_iri(datatype)
        return f'"{_escape(lexical)}"{suffix}'

    def _render_bnode(self, node: BNode) -> str:
        label = self._bnodes.get(node)
        if label is None:
            label = self._bnodes[node] = f"_:b{len(self._bnodes)}"
        return label


def _iriref(iri: str) -> str:
    if _IRI_UNSAFE.search(iri):
        iri = iri.translate(_IRI_ESCAPES)
    return f"<{iri}>"


def _escape(text: str) -> str:
    """The body of a one-line ``"…"`` string."""
    return text.translate(_STRING_ESCAPES) if _STRING_UNSAFE.search(text) else text
