"""The graph over HTTP: Oxigraph's own SPARQL server on a build's store, a cookbook
engine that queries any SPARQL 1.1 endpoint, and pushing a build to a Graph Store.

Why Oxigraph's server: the ``oxigraph`` package on PyPI ships the same engine as
``pyoxigraph`` as a server binary (SPARQL 1.1 Protocol, Update and Graph Store Protocol),
so ``kg serve`` answers exactly what ``kg query`` answers on the same store, and nothing
home-made sits between a SPARQL client and the data."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import GeoKGError
from kg.rdf.cookbook import Engine, QueryResult

ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"


def find_store(target: Path | str) -> Path:
    """The store of a build: ``DIR`` itself when it is an Oxigraph store, else ``DIR/store``
    (where ``kg build --scheduler`` puts it)."""
    from kg.rdf.store import is_store

    p = Path(target)
    if is_store(p):
        return p
    if is_store(p / "store"):
        return p / "store"
    if not p.exists():
        raise GeoKGError(f"{p}: no such folder")
    raise GeoKGError(f"{p}: not an Oxigraph store nor a build folder with one (build it with "
                     "kg build … --store DIR or --scheduler local)")


def oxigraph_binary() -> str:
    """The ``oxigraph`` server of the ``oxigraph`` package: beside this Python (a venv's
    bin/) or on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    if here.is_file() and os.access(here, os.X_OK):
        return str(here)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise GeoKGError("kg serve needs the Oxigraph server (pip install 'geokg[scale]', which installs oxigraph)")


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def server_command(store: Path, port: int, *, writable: bool = False, host: str = "127.0.0.1",
                   query_timeout: float | None = None) -> list[str]:
    """The command line of Oxigraph's server on ``store``: read-only by default (several
    readers may share the store), the default graph the union of the named graphs as
    ``kg query`` reads it."""
    mode = "serve" if writable else "serve-read-only"
    command = [oxigraph_binary(), mode, "--location", str(store), "--bind", f"{host}:{port}", "--union-default-graph"]
    if query_timeout:
        command += ["--timeout-s", str(max(1, round(query_timeout)))]
    return command


def start_server(store: Path, port: int, *, writable: bool = False, host: str = "127.0.0.1",
                 timeout: float = 30.0, query_timeout: float | None = None) -> subprocess.Popen:
    """Start the server and return once it answers (or raise one line with its error)."""
    proc = subprocess.Popen(server_command(store, port, writable=writable, host=host, query_timeout=query_timeout),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_ready(f"http://{host}:{port}/query", proc, timeout)
    except BaseException:  # not ready, or interrupted meanwhile: never leave a server behind
        stop_server(proc)
        raise
    return proc


def wait_ready(url: str, proc: subprocess.Popen | None = None, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if proc is not None and proc.poll() is not None:
            err = (proc.stderr.read() if proc.stderr else b"").decode("utf-8", "replace")
            raise GeoKGError(f"the SPARQL server stopped at once: {' '.join(err.split())[:300]}")
        try:
            HttpEngine(url).query("ASK { }")
            return
        except GeoKGError:
            if time.monotonic() > deadline:
                raise GeoKGError(f"{url}: the SPARQL server did not answer within {timeout:.0f} s") from None
            time.sleep(0.1)


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _term(value: dict):
    kind = value.get("type")
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if kind in ("literal", "typed-literal"):
        lang = value.get("xml:lang")
        if lang:
            return Literal(value["value"], lang=lang)
        dt = value.get("datatype")
        if dt and dt != str(XSD.string):
            return Literal(value["value"], datatype=URIRef(dt))
        return Literal(value["value"])
    raise GeoKGError(f"unsupported term in SPARQL results: {value!r}")


class HttpEngine(Engine):
    """A cookbook :class:`~kg.rdf.cookbook.Engine` over a SPARQL 1.1 Protocol endpoint
    (POST, ``application/sparql-query``), so the cookbook's parameters and rows work
    against any store that speaks the protocol."""

    name = "http"

    def __init__(self, url: str, timeout: float = 300.0) -> None:
        self.url = url
        self.timeout = timeout

    def request(self, text: str) -> tuple[str, bytes]:
        req = urllib.request.Request(self.url, data=text.encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/sparql-query; charset=utf-8",
                                              "Accept": ACCEPT})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.headers.get("Content-Type", ""), resp.read()
        except urllib.error.HTTPError as err:
            body = err.read().decode("utf-8", "replace")
            raise GeoKGError(f"{self.url}: HTTP {err.code}: {' '.join(body.split())[:200]}") from None
        except (urllib.error.URLError, OSError) as err:
            raise GeoKGError(f"{self.url}: cannot reach the SPARQL endpoint "
                             f"({getattr(err, 'reason', err)})") from None

    def query(self, text: str) -> QueryResult:
        kind, body = self.request(text)
        if "json" in kind:
            try:
                data = json.loads(body)
            except ValueError:  # a server stopping a query at its timeout cuts the answer short
                raise GeoKGError(f"{self.url}: the endpoint sent an incomplete answer "
                                 "(a query stopped at the server's timeout?)") from None
            if "boolean" in data:
                return QueryResult([], [], boolean=bool(data["boolean"]))
            names = data["head"].get("vars", [])
            rows = [tuple(_term(b[v]) if v in b else None for v in names) for b in data["results"]["bindings"]]
            return QueryResult(names, rows)
        from rdflib import Graph

        from kg.rdf.namespaces import PREFIXES

        out = Graph(bind_namespaces="none")
        for prefix, ns in PREFIXES.items():
            out.bind(prefix, ns)
        out.parse(data=body.decode("utf-8"), format="nt")
        return QueryResult([], [], graph=out)


# --------------------------------------------------------------------------- push (Graph Store Protocol)


def source_store(target: Path | str):
    """A ``pyoxigraph.Store`` of a build: its store (read-only), or a graph file loaded in memory."""
    from kg.rdf.store import open_store

    p = Path(target)
    if p.is_file():
        from kg.rdf.cookbook import OxigraphEngine

        return OxigraphEngine.from_file(p).store
    return open_store(find_store(p), read_only=True)


def graphs_of(store) -> Iterator[tuple[str | None, bytes]]:
    """(graph IRI or None for the default graph, its N-Triples) of every graph of ``store``."""
    import pyoxigraph as ox

    names = sorted(g.value for g in store.named_graphs())
    for name in [None, *names]:
        graph = ox.DefaultGraph() if name is None else ox.NamedNode(name)
        triples = [ox.Triple(q.subject, q.predicate, q.object)
                   for q in store.quads_for_pattern(None, None, None, graph)]
        if triples or name is not None:
            yield name, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


def push(store, endpoint: str, *, progress: Callable[[int, int], None] | None = None,
         timeout: float = 300.0, auth: str | None = None) -> tuple[int, int]:
    """PUT every graph of ``store`` to the Graph Store Protocol ``endpoint``
    (``?graph=IRI``; the default graph with ``?default``); returns (graphs, triples).
    PUT replaces each graph, so pushing again gives the same store."""
    import http.client

    url = urllib.parse.urlsplit(endpoint)
    if url.scheme not in ("http", "https") or not url.hostname:
        raise GeoKGError(f"--endpoint {endpoint}: give an http(s) URL of a Graph Store Protocol endpoint")
    conn_cls = http.client.HTTPSConnection if url.scheme == "https" else http.client.HTTPConnection
    conn = conn_cls(url.hostname, url.port, timeout=timeout)
    headers = {"Content-Type": "application/n-triples"}
    if auth:
        import base64

        headers["Authorization"] = "Basic " + base64.b64encode(auth.encode("utf-8")).decode("ascii")
    sep = "&" if url.query else "?"
    base = url.path or "/"
    if url.query:
        base += "?" + url.query
    total_graphs = total_triples = 0
    names = [g.value for g in store.named_graphs()]
    try:
        for n, (name, data) in enumerate(graphs_of(store), 1):
            query = "default" if name is None else "graph=" + urllib.parse.quote(name, safe="")
            conn.request("PUT", f"{base}{sep}{query}", body=data, headers=headers)
            resp = conn.getresponse()
            body = resp.read()
            if resp.status >= 300:
                raise GeoKGError(f"{endpoint}: HTTP {resp.status} for graph {name or 'default'}: "
                                 f"{' '.join(body.decode('utf-8', 'replace').split())[:200]}")
            total_graphs += 1
            total_triples += data.count(b"\n")
            if progress:
                progress(n, len(names) + 1)
    except (OSError, http.client.HTTPException) as err:
        raise GeoKGError(f"{endpoint}: cannot push ({type(err).__name__}: {' '.join(str(err).split())[:160]})") from None
    finally:
        conn.close()
    return total_graphs, total_triples


def count_quads(endpoint_query_url: str) -> int:
    """Triples in every graph of the store behind a SPARQL query endpoint (named graphs
    and the default graph, a triple counted once per graph holding it)."""
    engine = HttpEngine(endpoint_query_url)
    named = engine.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0]
    return int(named)
