"""The aggregated network of a store, summarised by ``kg build`` inside the store folder.

``kg stats STORE`` and ``kg actor STORE NAME`` read the store's aggregated network
(:func:`kg.analysis.store_network.store_network`): at a million triples Oxigraph's
``GROUP BY`` and the folding of its rows took about 12 s of CPU, and centrality and
communities 4 s more, every time. The build knows when the store changes, so at its end
it writes that network once, with the centrality and communities ``kg stats`` and
``kg actor`` compute by default (seed 42), into ``STORE/kg-summary.json.gz``; the
commands read it back in well under a second and fall back to counting when it is not
the summary of the store as it is now.

When a summary is used (:func:`load_summary`), all of these match:

* the store's **fingerprint**: name, size and modification time of every file of the
  store folder but RocksDB's info log and lock file (``LOG*``, ``LOCK``) and the summary
  itself. Any write to the store (a load in place, the Dask build's shards, a read-write
  open that flushed its log) adds or changes a file, so a changed store never matches; a
  read-only open changes none. The summary is written beside the store's files while
  the store is staged, and swapped in with it (:class:`kg.fsutil.Staging`);
* the **code**: a hash of the source of the modules that make the network and its
  analysis, and the networkx and Python versions (the communities and sampled
  betweenness are networkx's), so a summary written by other code is not read;
* the **format** number.

The network is stored without the language of its labels (a node's ``label`` is picked
from its ``labels`` on reading, as :func:`kg.analysis.graph._actor_attrs` picks it) and
with the actors' other names (dropped unless asked for), for the network without and
with the claims whose only evidence is a headline. It is read back into the same
``MultiDiGraph``, node and edge order included, so everything computed on it is the same
(``tests/test_store_summary.py`` compares the printed output). JSON, not pickle: a store
may come from elsewhere, and reading it must not run code.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from kg import log
from kg.analysis.aggregate import AGGREGATED
from kg.analysis.names import pick_label
from kg.runtime import bulk_allocation

SUMMARY_FILE = "kg-summary.json.gz"  # the network without headline-only claims (what kg stats counts by default)
HEADLINES_FILE = "kg-summary-headlines.json.gz"  # with them (--with-headlines)
FORMAT = 2
DISABLE_ENV = "KG_STORE_SUMMARY"  # "0": never read a summary (measurements, debugging)
_OURS = (SUMMARY_FILE, HEADLINES_FILE)
_VOLATILE = re.compile(r"^(LOG(\..*)?|LOCK)$")  # RocksDB's info log (written on every open) and lock
_CODE = ("aggregate", "graph", "names", "networks", "store_network", "store_summary")
# what the summary holds of the network is computed by these modules; kg.rdf.namespaces names the relations
SEED = 42  # the analyses precomputed: those of kg stats and kg actor without --seed


def summary_file(path: Path | str, include_headlines: bool = False) -> Path:
    return Path(path) / (HEADLINES_FILE if include_headlines else SUMMARY_FILE)


def fingerprint(path: Path | str) -> list[list]:
    """``[name, size, mtime_ns]`` of the files of the store folder (see the module docstring)."""
    out = []
    with os.scandir(path) as entries:
        for e in entries:
            if e.name in _OURS or e.name.startswith(".") or _VOLATILE.match(e.name):
                continue
            st = e.stat(follow_symlinks=False)
            out.append([e.name, st.st_size, st.st_mtime_ns])
    return sorted(out)


_code_version: str | None = None


def code_version() -> str:
    """A hash of the code the summary depends on (see the module docstring)."""
    global _code_version
    if _code_version is None:
        import kg.rdf.namespaces

        h = hashlib.sha1()
        here = Path(__file__).parent
        for path in [*(here / f"{m}.py" for m in _CODE), Path(kg.rdf.namespaces.__file__)]:
            h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        h.update(f"networkx {nx.__version__} python {sys.version_info[0]}.{sys.version_info[1]}".encode())
        _code_version = h.hexdigest()
    return _code_version


# --------------------------------------------------------------------------- writing
#
# A file holds one network as columns, which JSON reads several times faster than a row
# of mixed values per edge: the nodes as ``ids`` and ``attrs`` (their ``articles`` as one
# flat column of numbers in ``iris``, their ``label`` as null), the edges as ``u``, ``v``
# (node numbers) and one column per attribute. A column is ``{"ints": [...]}``, ``{"lists":
# lengths, "flat": numbers in iris}`` (``articles``) or ``{"table": distinct values,
# "index": [...]}``.

def _frozen(value):
    """A hashable stand-in for a JSON value (``True`` and ``1`` kept apart)."""
    if isinstance(value, list):
        return ("l", tuple(_frozen(v) for v in value))
    if isinstance(value, dict):
        return ("d", tuple((k, _frozen(v)) for k, v in value.items()))
    return (type(value).__name__, value)


def _key_of(values: list):
    """The cheapest key that tells the values of a column apart: themselves when they are
    all strings (or all None or strings), a tuple when all are lists of strings, else
    :func:`_frozen`."""
    kinds = {type(v) for v in values}
    if kinds <= {str, type(None)}:
        return None
    if kinds == {list} and all(type(x) is str for v in values for x in v):
        return tuple
    return _frozen


def _column(values: list) -> dict:
    if all(type(v) is int for v in values):
        return {"ints": values}
    key_of = _key_of(values)
    table: list = []
    seen: dict = {}
    index = []
    for v in values:
        key = v if key_of is None else key_of(v)
        found = seen.get(key)
        if found is None:
            found = seen[key] = len(table)
            table.append(v)
        index.append(found)
    return {"table": table, "index": index}


def _unpack(column: dict) -> list:
    if "ints" in column:
        return column["ints"]
    table = column["table"]
    if any(isinstance(v, (list, dict)) for v in table):  # every edge its own list or dict, as when counted
        return [list(x) if isinstance(x, list) else dict(x) if isinstance(x, dict) else x
                for x in map(table.__getitem__, column["index"])]
    return list(map(table.__getitem__, column["index"]))


def _lists(values: list[list[str]], number) -> dict:
    return {"lists": [len(v) for v in values], "flat": [number(x) for v in values for x in v]}


def _unlists(column: dict, iris: list[str]) -> list[list[str]]:
    flat = list(map(iris.__getitem__, column["flat"]))
    out, at = [], 0
    for n in column["lists"]:
        out.append(flat[at:at + n])
        at += n
    return out


def _encode(attrs: dict, nodes: list, edges: list) -> dict:
    """One network of :func:`kg.analysis.store_network.network_rows` as columns."""
    iris: list[str] = []
    iri_index: dict[str, int] = {}

    def number(iri: str) -> int:
        found = iri_index.get(iri)
        if found is None:
            found = iri_index[iri] = len(iris)
            iris.append(iri)
        return found

    graph = {}
    for k, v in attrs.items():
        if k in ("articles", "headline_lists"):
            if any(d != {"iri": iri} for iri, d in v.items()):  # the store's tables name articles only
                raise ValueError(f"graph attribute {k} holds more than IRIs")
            graph[k] = [number(iri) for iri in v]
        else:
            graph[k] = None if k == "lang" else v  # the language is the reader's
    for n, d in nodes:
        if d.get("label") != pick_label(d.get("labels") or {}, None, fallback=d.get("key")):
            raise ValueError(f"node {n}: its label is not the one picked from its labels")
    out_nodes = {"ids": [n for n, _ in nodes],
                 "attrs": [{k: (None if k in ("label", "articles") else v) for k, v in d.items()} for _, d in nodes],
                 "articles": _lists([d["articles"] for _, d in nodes], number)}
    position = {n: i for i, n in enumerate(out_nodes["ids"])}
    fields = list(edges[0][3]) if edges else []
    for u, v, key, d in edges:
        if list(d) != fields or d["claims"] or d["evidences"]:
            raise ValueError(f"edge {u} {key} {v}: attributes not those of the store's network")
    columns = {"u": {"ints": [position[u] for u, _, _, _ in edges]}, "v": {"ints": [position[v] for _, v, _, _ in edges]},
               "key": _column([k for _, _, k, _ in edges])}
    for f in fields:
        if f == "articles":
            columns[f] = _lists([d[f] for _, _, _, d in edges], number)
        elif f not in ("claims", "evidences"):
            columns[f] = _column([d[f] for _, _, _, d in edges])
    return {"iris": iris, "graph": graph, "nodes": out_nodes, "edge_fields": fields, "edges": columns}


def _encode_analyses(table: dict, position: dict[str, int]) -> dict:
    """Centrality as one column per measure in node order, communities as node numbers."""
    out: dict = {"centrality": {}, "communities": {}}
    for key, scores in table["centrality"].items():
        measures = list(next(iter(scores.values()))) if scores else []
        out["centrality"][key] = {"order": [position[u] for u in scores], "measures": measures,
                                  "values": [[s[m] for s in scores.values()] for m in measures]}
    for key, found in table["communities"].items():
        out["communities"][key] = [sorted(position[u] for u in c) for c in found]
    return out


def analyses(A: nx.MultiDiGraph, seed: int = SEED) -> dict:
    """The centrality and communities ``kg stats`` and ``kg actor`` compute on ``A`` by
    default (:func:`kg.analysis.report.stats_data`, :func:`~kg.analysis.report.actor_report`),
    keyed as :func:`kg.analysis.networks.precomputed` looks them up."""
    from kg.analysis.networks import centralities, centrality_key, communities, communities_key
    from kg.analysis.report import LARGE, LARGE_SOURCES

    n = A.number_of_nodes()
    ks = {key: k for key, k in ((centrality_key(n, seed=seed, betweenness_k=k), k)
                                for k in (LARGE_SOURCES if n > LARGE else None, None))}  # kg stats, kg actor
    scores = centralities(A, list(ks.values()), seed=seed)
    return {"centrality": dict(zip(ks, scores)), "communities": {communities_key(seed=seed): communities(A, seed=seed)}}


def summaries(path: Path | str, *, analysed: Iterable[bool] = (False,)) -> dict[bool, dict]:
    """The summaries of the store at ``path`` (read through Oxigraph), without (``False``)
    and with (``True``) headline-only claims; those in ``analysed`` with the default
    analyses."""
    from kg.analysis.store_network import network_graph, network_rows, read_rows, variant_edges
    from kg.rdf.store import open_store

    before = fingerprint(path)
    store = open_store(path, read_only=True)
    rows = read_rows(store, alt_labels=True, include_headlines=None)
    del store
    out = {}
    analysed = set(analysed)
    for headlines, merged in zip((False, True), variant_edges(rows)):
        attrs, nodes, edges = network_rows(rows, lang=None, include_headlines=headlines, edges=merged)
        data = {"format": FORMAT, "code": code_version(), "fingerprint": before, "headlines": headlines,
                **_encode(attrs, nodes, edges)}
        if headlines in analysed:
            with log.step("centrality and communities for the summary"):
                data["analyses"] = _encode_analyses(analyses(network_graph(attrs, nodes, edges)),
                                                    {n: i for i, (n, _) in enumerate(nodes)})
        out[headlines] = data
    return out


def write_summary(path: Path | str, *, analysed: Iterable[bool] = (False,)) -> list[Path]:
    """Write the summaries into the store folder at ``path`` (each file atomically:
    :mod:`kg.atomic`); nothing when the store changed while it was read."""
    from kg.atomic import write_bytes_atomic

    path = Path(path)
    _return_freed_memory()
    with log.step("summary of the store"):
        found = summaries(path, analysed=analysed)
        if fingerprint(path) != found[False]["fingerprint"]:
            return []
        written = []
        for headlines, data in found.items():
            raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            written.append(write_bytes_atomic(summary_file(path, headlines), gzip.compress(raw, compresslevel=1, mtime=0)))
        return written


def summarise_store(path: Path | str | None, warn) -> None:
    """The summary of a store just built (``kg build --store``, the Dask build), so that
    ``kg stats`` and ``kg actor`` read it. A failure costs their speed, not the build: one
    line through ``warn``."""
    if path is None:
        return
    try:
        write_summary(path)
    except Exception as err:  # noqa: BLE001 - the store itself is complete
        warn(f"no summary of the store written ({err.__class__.__name__}: {' '.join(str(err).split())[:160]}); "
             "kg stats and kg actor will count it, more slowly")


def _return_freed_memory() -> None:
    """Give the memory the build freed back to the system before the summary's queries
    take theirs (glibc keeps freed heap pages: at the end of a 10,000-article build
    240 MiB of the process's 760 were free)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


# --------------------------------------------------------------------------- reading

def load_summary(path: Path | str, include_headlines: bool = False) -> dict | None:
    """The summary of the store at ``path`` if there is one and it is that of the store's
    present content written by this code; else None."""
    if os.environ.get(DISABLE_ENV) == "0":
        return None
    file = summary_file(path, include_headlines)
    try:
        raw = file.read_bytes()
        current = fingerprint(path)
    except OSError:
        return None
    try:
        data = json.loads(gzip.decompress(raw))
    except (OSError, EOFError, ValueError) as err:
        log.info(f"{file}: unreadable ({err.__class__.__name__}), not used")
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("code") != code_version():
        log.info(f"{file}: written by other code, not used")
        return None
    if data.get("fingerprint") != current or data.get("headlines") is not bool(include_headlines):
        log.info(f"{file}: the store changed since, not used")
        return None
    return data


def summary_network(path: Path | str, *, lang: str | None = None, include_headlines: bool = False,
                    alt_labels: bool = False) -> nx.MultiDiGraph | None:
    """The network :func:`kg.analysis.store_network.store_network` gives, from the store's
    summary (None when it has none that is fresh), with its precomputed analyses attached
    (:func:`kg.analysis.networks.precomputed`)."""
    with log.step("network from the store's summary"):
        data = load_summary(path, include_headlines)
        if data is None:
            return None
        try:
            return _network(data, lang=lang, alt_labels=alt_labels)
        except (KeyError, IndexError, TypeError, ValueError, AttributeError) as err:
            log.info(f"{summary_file(path, include_headlines)}: malformed ({err.__class__.__name__}), not used")
            return None


@bulk_allocation()  # every node and edge made here survives: no collector passes over them
def _network(data: dict, *, lang: str | None, alt_labels: bool) -> nx.MultiDiGraph:
    from kg.analysis.networks import PRECOMPUTED

    iris = data["iris"]
    graph = {}
    for k, v in data["graph"].items():
        if k in ("articles", "headline_lists"):
            graph[k] = {iris[i]: {"iri": iris[i]} for i in v}
        else:
            graph[k] = lang if k == "lang" else v
    stored = data["nodes"]
    ids = stored["ids"]
    nodes = []
    for n, attrs, articles in zip(ids, stored["attrs"], _unlists(stored["articles"], iris), strict=True):
        attrs["label"] = pick_label(attrs.get("labels") or {}, lang, fallback=attrs.get("key"))  # in its place
        attrs["articles"] = articles
        if not alt_labels:
            attrs["alt_labels"] = {}
        nodes.append((n, attrs))
    columns = data["edges"]
    fields = data["edge_fields"]
    values = [[[] for _ in columns["u"]["ints"]] if f in ("claims", "evidences") else
              _unlists(columns[f], iris) if f == "articles" else _unpack(columns[f]) for f in fields]
    A = nx.MultiDiGraph(**graph)
    A.add_nodes_from(nodes)
    add = A.add_edge
    for u, v, key, row in zip(map(ids.__getitem__, columns["u"]["ints"]), map(ids.__getitem__, columns["v"]["ints"]),
                              _unpack(columns["key"]), zip(*values), strict=True):
        add(u, v, key, **dict(zip(fields, row)))
    if "analyses" in data:
        table = data["analyses"]
        centrality = {}
        for key, t in table["centrality"].items():
            measures = t["measures"]
            centrality[key] = {ids[i]: dict(zip(measures, row)) for i, row in zip(t["order"], zip(*t["values"]))}
        A.graph[PRECOMPUTED] = (id(A), (A.number_of_nodes(), A.number_of_edges()), {
            "centrality": centrality,
            "communities": {k: [frozenset(map(ids.__getitem__, c)) for c in v] for k, v in table["communities"].items()}})
    return A


if __name__ == "__main__":  # python -m kg.analysis.store_summary STORE: a store kg build did not summarise (Dask, older)
    import argparse

    from kg.errors import GeoKGError
    from kg.rdf.store import is_store, store_lock

    parser = argparse.ArgumentParser(prog="python -m kg.analysis.store_summary",
                                     description="write the summary kg stats and kg actor read into an Oxigraph store folder")
    parser.add_argument("store", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    log.set_verbose(args.verbose)
    try:
        if not is_store(args.store):
            raise GeoKGError(f"{args.store}: not an Oxigraph store directory")
        with store_lock(args.store):  # no kg build replaces or loads it meanwhile
            written = write_summary(args.store)
    except GeoKGError as err:
        raise SystemExit(f"error: {err}") from None
    if not written:
        raise SystemExit(f"error: {args.store} changed while it was read; nothing written")
    for path in written:
        print(f"wrote {path}")
