"""An embedded on-disk store for large graphs: Oxigraph (RocksDB) through pyoxigraph.

``kg build --store DIR`` bulk-loads the built graph into an Oxigraph store at ``DIR``
(the whole file in one pass, not triple by triple); small builds keep working in memory
with rdflib and ``graph.ttl``. Every reader accepts either: :func:`query_any` and
:func:`open_engine` take a graph file or a store directory, :func:`load_graph_any` gives
the rdflib ``Graph`` API over either (through ``oxrdflib`` when it is installed, else by
copying the store into memory).

A store directory is what RocksDB writes (``CURRENT``, ``MANIFEST-*``, ``*.sst``…); one
process at a time may open it for writing, any number read-only.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.term import Node

from kg.errors import GeoKGError

_FORMATS = {".ttl": "TURTLE", ".nt": "N_TRIPLES", ".nq": "N_QUADS", ".trig": "TRIG",
            ".jsonld": "JSON_LD", ".json": "JSON_LD", ".rdf": "RDF_XML", ".xml": "RDF_XML", ".owl": "RDF_XML"}


def _ox():
    try:
        import pyoxigraph
    except ImportError as err:  # pragma: no cover - a declared dependency
        raise GeoKGError("the on-disk store needs pyoxigraph (pip install pyoxigraph)") from err
    return pyoxigraph


def is_store(path: Path | str) -> bool:
    """Whether ``path`` is an Oxigraph (RocksDB) store directory."""
    p = Path(path)
    return p.is_dir() and (p / "CURRENT").is_file() and any(p.glob("MANIFEST-*"))


def check_store_path(path: Path | str) -> None:
    """Raise :class:`GeoKGError` unless a store can be written at ``path`` (missing, an
    empty directory or an existing store)."""
    p = Path(path)
    if p.exists() and not p.is_dir():
        raise GeoKGError(f"{p}: exists and is not a directory")
    if p.is_dir() and any(p.iterdir()) and not is_store(p):
        raise GeoKGError(f"{p}: a directory that is not an Oxigraph store (refusing to write into it)")


def open_store(path: Path | str, *, read_only: bool = False, create: bool = True):
    """The ``pyoxigraph.Store`` at ``path``; created when missing unless ``create=False`` or
    ``read_only``. Read-only opens let several readers share a store (never while a
    writer has it open)."""
    ox = _ox()
    p = Path(path)
    if read_only or not create:
        if not is_store(p):
            raise GeoKGError(f"{p}: not an Oxigraph store directory")
    else:
        check_store_path(p)
    try:
        if read_only:
            return ox.Store.read_only(str(p))
        p.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(p))
    except OSError as err:
        raise GeoKGError(f"{p}: cannot open the store ({' '.join(str(err).split())[:200]})") from err


def _rdf_format(path: Path):
    ox = _ox()
    try:
        return getattr(ox.RdfFormat, _FORMATS[path.suffix.lower()])
    except KeyError:
        raise GeoKGError(f"{path}: unknown RDF file type {path.suffix!r}") from None


def ntriples(graph: Graph) -> bytes:
    """N-Triples of an rdflib graph (the cheapest form for Oxigraph to parse)."""
    return graph.serialize(format="nt", encoding="utf-8")


BATCH = 200_000  # quads per bulk write: bounds the bulk loader's memory (~300 MiB at 1.3M triples)


def load_into_store(source: Graph | Path | str | bytes, path: Path | str, *,
                    replace: bool = False, store=None, batch: int = BATCH) -> int:
    """Bulk-load ``source`` into the store at ``path`` and return the store's triple count.

    ``source`` is an rdflib ``Graph``, a graph file (Turtle, N-Triples, N-Quads, TriG,
    JSON-LD, RDF/XML; format from the extension) or N-Triples ``bytes``. ``replace``
    starts from an empty store, so that it holds exactly the source.

    Loading is Oxigraph's bulk loader (``Store.bulk_extend``: sorted files written straight
    to disk, no transaction per triple), fed by Oxigraph's streaming parser in batches of
    ``batch`` quads. One ``bulk_load`` of the whole file is a little faster but holds it
    all in memory (over 1 GiB for the 1.3 million triples of 10,000 articles); batches keep
    the peak near 300 MiB. A ``Graph`` goes through a temporary N-Triples file, which
    rdflib writes line by line. Pass an open ``store`` to reuse it.
    """
    ox = _ox()
    p = Path(path)
    own = store is None
    if own:
        if replace and is_store(p):
            import shutil

            shutil.rmtree(p)  # faster than deleting every quad, and leaves no tombstones
        store = open_store(p)
    elif replace:
        store.clear()
    try:
        if isinstance(source, Graph):
            import tempfile

            with tempfile.TemporaryDirectory(prefix="kg-load-") as tmp:
                nt = Path(tmp) / "graph.nt"
                source.serialize(str(nt), format="nt", encoding="utf-8")
                _bulk(store, ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES), batch)
        elif isinstance(source, (bytes, bytearray)):
            _bulk(store, ox.parse(bytes(source), format=ox.RdfFormat.N_TRIPLES), batch)
        else:
            file = Path(source)
            if not file.is_file():
                raise GeoKGError(f"{file}: no such file")
            _bulk(store, ox.parse(path=str(file), format=_rdf_format(file)), batch)
        store.flush()
        return len(store)
    except (SyntaxError, ValueError) as err:
        raise GeoKGError(f"cannot load into {p}: {' '.join(str(err).split())[:200]}") from err
    finally:
        if own:
            del store


def _bulk(store, quads, batch: int) -> None:
    chunk = []
    for quad in quads:
        chunk.append(quad)
        if len(chunk) >= batch:
            store.bulk_extend(chunk)
            chunk = []
    if chunk:
        store.bulk_extend(chunk)


def triple_count(path: Path | str) -> int:
    return len(open_store(path, read_only=True))


def open_engine(target: Path | str, engine: str = "oxigraph"):
    """A :class:`kg.rdf.cookbook.Engine` over a graph file or a store directory.

    ``engine="rdflib"`` on a store directory runs rdflib's SPARQL engine over the rdflib
    view of the store (see :func:`load_graph_any`)."""
    from kg.rdf.cookbook import OxigraphEngine, RdflibEngine

    target = Path(target)
    if is_store(target):
        if engine == "rdflib":
            return RdflibEngine(load_graph_any(target))
        return OxigraphEngine(open_store(target, read_only=True))
    if engine == "rdflib":
        from kg.rdf.exports import load_graph

        return RdflibEngine(load_graph(target))
    return OxigraphEngine.from_file(target)


def query_store(path: Path | str, sparql: str) -> list[dict[str, Node | None]]:
    """Rows of a SELECT on the store at ``path`` (rdflib terms, ``None`` when unbound)."""
    from kg.rdf.cookbook import OxigraphEngine

    return OxigraphEngine(open_store(path, read_only=True)).query(sparql).as_dicts()


def query_any(target: Path | str, sparql: str, engine: str = "oxigraph") -> list[dict[str, Node | None]]:
    """Rows of a SELECT on a graph file (``.ttl``…) or an Oxigraph store directory."""
    return open_engine(target, engine).query(sparql).as_dicts()


def graph_from_store(path: Path | str, *, in_memory: bool | None = None) -> Graph:
    """The rdflib ``Graph`` API over a store: backed by the store itself through
    ``oxrdflib`` (nothing copied) when it is installed and ``in_memory`` is not true,
    else an in-memory copy (fine up to a few million triples)."""
    store = open_store(path, read_only=True)
    if not in_memory:
        try:
            from oxrdflib import OxigraphStore
        except ImportError:
            if in_memory is False:
                raise GeoKGError("reading a store through the rdflib API needs oxrdflib (pip install oxrdflib)")
        else:
            from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

            from kg.rdf.namespaces import PREFIXES

            graph = Graph(store=_plain_strings(OxigraphStore)(store=store), identifier=DATASET_DEFAULT_GRAPH_ID)
            for prefix, ns in PREFIXES.items():
                graph.bind(prefix, ns)
            return graph
    from kg.rdf.namespaces import new_graph

    graph = new_graph()
    graph.parse(data=store.dump(format=_ox().RdfFormat.N_TRIPLES, from_graph=_ox().DefaultGraph()),
                format="nt")
    return graph


def _plain_strings(base):
    """``oxrdflib`` gives ``"x"^^xsd:string`` where rdflib (and our graphs) have ``"x"``;
    the RDF 1.1 meaning is the same, but rdflib compares them as different terms."""
    from rdflib import Literal
    from rdflib.namespace import XSD

    class PlainStringStore(base):
        def triples(self, triple_pattern, context=None):
            for (s, p, o), ctx in super().triples(triple_pattern, context):
                if isinstance(o, Literal) and o.datatype == XSD.string:
                    o = Literal(str(o))
                yield (s, p, o), ctx

    return PlainStringStore


def load_graph_any(target: Path | str) -> Graph:
    """An rdflib graph from a graph file or an Oxigraph store directory (for the analysis
    commands: ``kg stats``, ``kg actor``, ``kg view``, ``kg validate``)."""
    target = Path(target)
    if is_store(target):
        return graph_from_store(target)
    from kg.rdf.exports import load_graph

    return load_graph(target)
