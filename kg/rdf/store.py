"""An embedded on-disk store for large graphs: Oxigraph (RocksDB) through pyoxigraph.

``kg build --store DIR`` bulk-loads the built graph into an Oxigraph store at ``DIR``
(the whole file in one pass, not triple by triple); small builds keep working in memory
with rdflib and ``graph.ttl``. Every reader accepts either: :func:`query_any` and
:func:`open_engine` take a graph file or a store directory, :func:`load_graph_any` gives
the rdflib ``Graph`` API over either (through ``oxrdflib`` when it is installed, else by
copying the store into memory).

A store directory is what RocksDB writes (``CURRENT``, ``MANIFEST-*``, ``*.sst``…). It is
never rewritten in place by ``kg build``: the new store is loaded into a sibling directory
(``.DIR.PID-TOKEN.new``) and swapped in when complete (:mod:`kg.fsutil`), holding the lock
file ``.DIR.lock`` beside it, so a failed or killed load keeps the previous store whole, a
second writer waits its turn, and readers (read-only opens) see the old store or the new
one. A corrupt, locked or unreadable store is one line naming it, never a traceback.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from rdflib import Graph
from rdflib.term import Node

from kg.errors import GeoKGError
from kg.fsutil import Staging, clean_stale, lock_path, locked, os_error, recover_directory

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
    ``read_only``. Read-only opens let several readers share a store, also while a build
    loads its replacement. A corrupt, locked or unreadable store raises one line."""
    ox = _ox()
    p = Path(path)
    if read_only or not create:
        if not is_store(p):
            if not p.exists() and any(p.parent.glob(f".{p.name}.*.old")):
                raise GeoKGError(f"{p}: no store (a build was interrupted while replacing it; "
                                 "the next kg build --store restores or replaces it)")
            raise GeoKGError(f"{p}: not an Oxigraph store directory")
    else:
        check_store_path(p)
    try:
        if read_only:
            return ox.Store.read_only(str(p))
        p.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(p))
    except (OSError, RuntimeError, ValueError) as err:
        raise store_error(p, err) from None


def store_error(path: Path | str, err: BaseException) -> GeoKGError:
    """An error of Oxigraph/RocksDB on the store at ``path`` as one line."""
    text = " ".join(str(err).split())
    if "lock" in text.lower() and isinstance(err, OSError):
        return GeoKGError(f"{path}: the store is locked by another process writing it; try again when it has finished")
    if "corrupt" in text.lower() or isinstance(err, RuntimeError):
        return GeoKGError(f"{path}: the store is corrupt or incomplete ({text[:160]}); "
                          "rebuild it with kg build --store")
    if isinstance(err, OSError) and err.errno is not None:
        return os_error(path, err, "open the store")
    return GeoKGError(f"{path}: cannot open the store ({text[:200]})")


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
                    replace: bool = False, store=None, batch: int = BATCH, staging: Staging | None = None,
                    source_format: str | None = None, expected: int | None = None) -> int:
    """Bulk-load ``source`` into the store at ``path`` and return the store's triple count.

    ``source`` is an rdflib ``Graph``, a graph file (Turtle, N-Triples, N-Quads, TriG,
    JSON-LD, RDF/XML; format from the extension, or ``source_format`` as ``.ttl``…) or
    N-Triples ``bytes``. ``replace`` makes the store hold exactly the source: it is loaded
    into a new sibling directory that replaces ``path`` only once complete, so the
    previous store survives a failed or killed load; with ``staging`` the swap waits for
    ``staging.commit()`` (the caller holds :func:`store_lock`), otherwise it happens here
    under that lock. Without ``replace`` the source is added to the store in place, under
    the lock.

    Loading is Oxigraph's bulk loader (``Store.bulk_extend``: sorted files written straight
    to disk, no transaction per triple), fed by Oxigraph's streaming parser in batches of
    ``batch`` quads. One ``bulk_load`` of the whole file is a little faster but holds it
    all in memory (over 1 GiB for the 1.3 million triples of 10,000 articles); batches keep
    the peak near 300 MiB. A ``Graph`` goes through a temporary N-Triples file, which
    rdflib writes line by line. Pass an open ``store`` to reuse it. ``expected`` (the number
    of triples, when the caller knows it) sizes the progress bar.
    """
    _expected["total"] = expected
    p = Path(path)
    if store is not None:
        if replace:
            store.clear()
        return _load(store, source, batch, p, source_format)
    check_store_path(p)
    if staging is not None:
        if replace:
            return _load_new(source, p, batch, staging, source_format)
        return _load_in_place(source, p, batch, source_format)
    with store_lock(p):
        if not replace:
            return _load_in_place(source, p, batch, source_format)
        with Staging() as own:
            count = _load_new(source, p, batch, own, source_format)
            own.commit()
        return count


@contextmanager
def store_lock(path: Path | str, *, wait: bool = True):
    """The writers' lock of the store at ``path`` (``.NAME.lock`` beside it). Holding it,
    what killed writers left (a half-loaded ``.new`` directory, an interrupted swap) is
    repaired or removed."""
    p = Path(path)
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise os_error(p.parent, err, "create the folder") from None
    with locked(lock_path(p), f"the store {p}", wait=wait):
        try:
            recover_directory(p)
        except OSError as err:
            raise os_error(p, err, "restore the store") from None
        clean_stale(p, any_pid=True)
        yield


def _load_in_place(source, p: Path, batch: int, source_format: str | None) -> int:
    store = open_store(p)
    try:
        return _load(store, source, batch, p, source_format)
    finally:
        del store


def _load_new(source, p: Path, batch: int, staging: Staging, source_format: str | None) -> int:
    new = staging.directory(p)
    try:
        store = _ox().Store(str(new))
    except (OSError, RuntimeError) as err:
        raise store_error(new, err) from None
    try:
        return _load(store, source, batch, p, source_format)
    finally:
        del store


def _load(store, source, batch: int, p: Path, source_format: str | None = None) -> int:
    ox = _ox()
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
            fmt = _rdf_format(Path(f"x{source_format}") if source_format else file)
            _bulk(store, ox.parse(path=str(file), format=fmt), batch)
        store.flush()
        return len(store)
    except (SyntaxError, ValueError) as err:
        raise GeoKGError(f"cannot load into {p}: {' '.join(str(err).split())[:200]}") from err
    except (OSError, RuntimeError) as err:
        if isinstance(err, OSError) and err.errno is not None:
            raise os_error(p, err, "write the store") from None
        raise GeoKGError(f"{p}: cannot write the store ({' '.join(str(err).split())[:200]})") from None


def _bulk(store, quads, batch: int) -> None:
    """Batches of ``batch`` quads into Oxigraph's bulk loader, with a progress bar (a million
    triples take ten seconds and more: :mod:`kg.progress`)."""
    from kg.progress import bar

    chunk = []
    with bar(total=_expected.get("total"), desc="loading the store", unit="triple") as shown:
        for quad in quads:
            chunk.append(quad)
            if len(chunk) >= batch:
                store.bulk_extend(chunk)
                shown.update(len(chunk))
                chunk = []
        if chunk:
            store.bulk_extend(chunk)
            shown.update(len(chunk))


_expected: dict[str, int | None] = {}  # the number of triples a load expects, for its bar


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
    try:
        data = store.dump(format=_ox().RdfFormat.N_TRIPLES, from_graph=_ox().DefaultGraph())
    except (OSError, RuntimeError, ValueError) as err:
        raise store_error(path, err) from None
    graph.parse(data=data, format="nt")
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
