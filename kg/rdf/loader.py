"""The one graph loader every command uses.

``kg build`` writes ``graph.ttl`` and, with ``--format``, ``graph.jsonld``, ``graph.trig``
and ``graph.nq`` (the last two spread the triples over named graphs), and with
``--store DIR`` an Oxigraph store. Each reader used to parse its own way: the analysis
commands read a TriG or N-Quads file into an rdflib ``Graph``, whose default graph is
empty, and said "the graph is empty"; ``kg validate`` could not open a store. Here every
form becomes the same thing: one rdflib graph holding the union of all named graphs.

A store can also be read without rdflib (:func:`store_index`): for ``kg stats`` and
``kg actor`` at a million triples, parsing into rdflib's memory store is most of the time.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import GeoKGError

SUFFIX_FORMATS = {
    ".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".ntriples": "nt", ".nq": "nquads",
    ".nquads": "nquads", ".trig": "trig", ".jsonld": "json-ld", ".json": "json-ld",
    ".rdf": "xml", ".owl": "xml", ".xml": "xml", ".n3": "n3",
}
DATASET_FORMATS = frozenset({"nquads", "trig"})
GRAPH_SUFFIXES = (".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf", ".n3")


def rdf_format(path: Path | str) -> str:
    """The rdflib format name for a file, from its extension (one line naming it when unknown)."""
    suffix = Path(path).suffix.lower()
    try:
        return SUFFIX_FORMATS[suffix]
    except KeyError:
        known = " ".join(sorted(SUFFIX_FORMATS))
        raise GeoKGError(f"{path}: unknown RDF file type {suffix or '(none)'!r} (known: {known}; "
                         "or an Oxigraph store folder written by kg build --store)") from None


def is_store(path: Path | str) -> bool:
    from kg.rdf.store import is_store as _is_store

    return _is_store(path)


def resolve_graph_path(path: Path | str) -> Path:
    """``path`` itself, or the one graph file in a folder (an output folder of ``kg build``
    holds ``graph.ttl`` and maybe other formats: ``graph.ttl`` is taken then)."""
    path = Path(path)
    if path.is_dir() and not is_store(path):
        candidates = sorted(p for p in path.iterdir() if p.suffix in GRAPH_SUFFIXES and p.is_file())
        if (path / "graph.ttl").is_file():
            return path / "graph.ttl"
        if len(candidates) != 1:
            found = ", ".join(p.name for p in candidates) or "no graph file"
            raise GeoKGError(f"{path}: a folder, expected one graph file or an Oxigraph store ({found})")
        return candidates[0]
    return path


def load_graph(path: Path | str, *, allow_empty: bool = False) -> Graph:
    """One rdflib graph from a Turtle, N-Triples, TriG, N-Quads, JSON-LD or RDF/XML file, a
    folder holding one, or an Oxigraph store folder; named graphs are merged into one.

    Bad input raises :class:`GeoKGError` with one line naming the file; so does an empty
    graph unless ``allow_empty`` (``kg validate`` reports an empty file as such itself).
    """
    path = resolve_graph_path(path)
    if is_store(path):
        from kg.rdf.store import graph_from_store

        graph = graph_from_store(path, in_memory=True)
    else:
        graph = _parse_file(path)
    if not allow_empty and len(graph) == 0:
        raise GeoKGError(f"{path}: the graph is empty")
    return graph


def _parse_file(path: Path) -> Graph:
    from kg.rdf.namespaces import new_graph

    if not path.exists():
        raise GeoKGError(f"{path}: no such file")
    if not path.is_file():
        raise GeoKGError(f"{path}: not a file")
    fmt = rdf_format(path)
    graph = new_graph()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # rdflib's own parsers use deprecated APIs
            if fmt in DATASET_FORMATS:
                dataset = Dataset()
                dataset.parse(str(path), format=fmt)
                store = graph.store
                store.addN((s, p, o, graph) for s, p, o, _ in dataset.quads((None, None, None, None)))
            else:
                graph.parse(str(path), format=fmt)
    except UnicodeDecodeError:
        raise GeoKGError(f"{path}: not UTF-8 text") from None
    except OSError as err:
        from kg.fsutil import os_error

        raise os_error(path, err, "read") from None
    except Exception as err:  # rdflib parsers raise many unrelated exception types
        text = " ".join(str(err).split())[:200]
        raise GeoKGError(f"{path}: not valid {fmt} ({text or type(err).__name__})") from None
    return graph


def store_index(path: Path | str, predicates=None):
    """A :class:`kg.rdf.records.TripleIndex` of the store at ``path`` read through Oxigraph,
    without an rdflib graph: what :func:`kg.analysis.graph.to_networkx` reads, made at a
    fraction of rdflib's cost (terms converted once each, no triple indexes). Only the
    ``predicates`` given (rdflib IRIs) are read when they are given."""
    from kg.rdf.records import TripleIndex

    with store_triples(path, predicates) as triples:
        return TripleIndex(dict.fromkeys(triples))


def store_graph(path: Path | str, predicates=None) -> Graph:
    """An rdflib graph of the store's triples (only ``predicates`` when given), streamed
    from Oxigraph term by term: no N-Triples text dumped and parsed again (``kg validate``,
    whose shapes read nearly every predicate)."""
    from kg.rdf.namespaces import new_graph

    graph = new_graph()
    with store_triples(path, predicates) as triples:
        graph.store.addN((s, p, o, graph) for s, p, o in triples)
    return graph


@contextmanager
def store_triples(path: Path | str, predicates=None) -> Iterator[Iterator[tuple]]:
    """The triples of the store at ``path`` as rdflib terms, each distinct term converted
    once (:class:`_TermCache`), only ``predicates`` when given, with a progress bar."""
    from kg.progress import bar
    from kg.rdf.store import open_store, store_error

    store = open_store(path, read_only=True)
    convert = _TermCache()
    try:
        if predicates is None:
            with bar(store.quads_for_pattern(None, None, None), desc="reading the store", unit="triple") as shown:
                yield ((convert(q.subject), convert(q.predicate), convert(q.object)) for q in shown)
            return
        import pyoxigraph as ox

        def by_predicate(shown) -> Iterator[tuple]:
            for predicate in predicates:
                for q in store.quads_for_pattern(None, ox.NamedNode(str(predicate)), None):
                    yield convert(q.subject), predicate, convert(q.object)
                shown.update(1)

        with bar(total=len(predicates), desc="reading the store", unit="predicate") as shown:
            yield by_predicate(shown)
    except (OSError, RuntimeError) as err:
        raise store_error(path, err) from None


class _TermCache:
    """Oxigraph terms to rdflib terms, each distinct term converted once (actors, classes
    and predicates recur on most triples)."""

    def __init__(self) -> None:
        from kg.rdf.cookbook import _from_ox

        self._convert = _from_ox
        self._seen: dict = {}

    def __call__(self, term):
        found = self._seen.get(term)
        if found is None:
            found = self._seen[term] = self._convert(term)
        return found
