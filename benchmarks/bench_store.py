"""rdflib's in-memory store vs Oxigraph's on-disk store on the cookbook queries, over graphs
of 10^5 and 10^6 triples: load time, query latency, memory. One run does everything.

    python benchmarks/bench_store.py                    # sizes 100000 1000000
    python benchmarks/bench_store.py --sizes 100000     # quicker

The graphs are cut from the graph of the generated corpus (``benchmarks/data/out-corpus-10000/
graph.ttl``, written by ``bench_memory.py``, about 1.3 million triples): every actor
triple, then articles and claims in file order up to the size, else replicated from the graph of ``corpus-1000`` with renamed article and
claim IRIs. They are written once as N-Triples (``benchmarks/data/graph-N.nt``).

Each (store, size) runs in a fresh process, so memory figures are its own: resident memory
after loading (minus the process before loading) and the peak. Loading: rdflib
``Graph.parse`` of the N-Triples file; Oxigraph ``Store.bulk_load`` of the same file into a
new store directory. Latency: every query of ``ontology/queries`` (no parameters: the
answer for everyone) plus one parameterised query, through :mod:`kg.rdf.cookbook`'s
engines; the first run, then the median of ``--repeat`` more runs (none when the first
took over 20 s); a query still running after ``--timeout`` seconds is reported as such. Both engines must return the same number of rows.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
sys.path.insert(0, str(ROOT))

EXTRA = [("who-sanctioned target=Russia", "who-sanctioned", {"target": ["Russia"]})]


def _rss() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


# --------------------------------------------------------------------------- graphs

def source_graph() -> tuple[Path, str]:
    big = DATA / "out-corpus-10000" / "graph.ttl"
    if big.exists():
        return big, "turtle"
    small = DATA / "graph-corpus-1000.nt"
    if not small.exists():
        from kg.build import build_paths

        corpus = DATA / "corpus-1000"
        if not corpus.exists():
            raise SystemExit("no corpus: run python benchmarks/make_corpus.py -n 1000 (or bench_memory.py)")
        build_paths([corpus]).serialize(small, format="nt", encoding="utf-8")
    return small, "nt"


_RENAME = re.compile(r"<(https://w3id\.org/geokg/(?:article|claim)/[^>]*)>")


def make_graph(n: int) -> Path:
    """An N-Triples file of exactly ``n`` distinct triples."""
    import pyoxigraph as ox

    path = DATA / f"graph-{n}.nt"
    if path.exists():
        return path
    src, fmt = source_graph()
    lines = [str(t) + " .\n" for t in ox.parse(path=str(src), format=ox.RdfFormat.TURTLE if fmt == "turtle"
                                                 else ox.RdfFormat.N_TRIPLES)]
    # every actor description first (a cut keeps all actors), then articles and claims
    lines.sort(key=lambda line: not line.startswith("<https://w3id.org/geokg/actor/"))
    seen: set[str] = set()
    out: list[str] = []
    copy = 0
    while len(out) < n:
        for line in lines:
            if copy:
                line = _RENAME.sub(lambda m: f"<{m.group(1)}-r{copy}>", line)
            if line not in seen:
                seen.add(line)
                out.append(line)
                if len(out) == n:
                    break
        copy += 1
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(out), encoding="utf-8")
    tmp.replace(path)
    return path


# --------------------------------------------------------------------------- one measurement

class QueryTimeout(BaseException):  # not Exception: the engines wrap those in GeoKGError
    pass


def _timed(fn, timeout: float):
    """(seconds, result) of ``fn()``, or (None, None) past ``timeout`` seconds (SIGALRM
    interrupts rdflib's pure-Python evaluation; Oxigraph answers long before)."""
    import signal

    def alarm(signum, frame):
        raise QueryTimeout

    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    t = time.perf_counter()
    try:
        result = fn()
        return time.perf_counter() - t, result
    except QueryTimeout:
        return None, None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def inner(engine_name: str, nt: Path, repeat: int, timeout: float = 300) -> dict:
    from kg.rdf.cookbook import OxigraphEngine, RdflibEngine, get_query, list_queries, run_query

    queries = [(q.name, q, {}) for q in list_queries()] + [(label, get_query(name), params)
                                                          for label, name, params in EXTRA]
    before = _rss()
    t = time.perf_counter()
    disk = None
    if engine_name == "rdflib":
        from rdflib import Graph

        graph = Graph()
        graph.parse(str(nt), format="nt")
        engine = RdflibEngine(graph)
        size = len(graph)
    else:
        import pyoxigraph as ox

        directory = DATA / f"store-{nt.stem}"
        shutil.rmtree(directory, ignore_errors=True)
        store = ox.Store(str(directory))
        store.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
        store.flush()
        engine = OxigraphEngine(store)
        size = len(store)
        disk = sum(f.stat().st_size for f in directory.rglob("*") if f.is_file())
    load = time.perf_counter() - t
    after_load = _rss()
    results = {}
    for label, query, params in queries:
        first, result = _timed(lambda: run_query(engine, query, params), timeout)
        if first is None:
            results[label] = {"rows": None, "first_s": None, "median_s": None}
            continue
        times = []
        if first < 20:
            for _ in range(repeat):
                t = time.perf_counter()
                run_query(engine, query, params)
                times.append(time.perf_counter() - t)
        results[label] = {"rows": len(result.rows), "first_s": first,
                          "median_s": statistics.median(times) if times else first}
    return {"engine": engine_name, "triples": size, "load_s": load,
            "load_rss_mib": (after_load - before) / 2**20,
            "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "disk_mb": disk / 1e6 if disk is not None else None, "queries": results}


def measure(engine: str, nt: Path, repeat: int, timeout: float = 300) -> dict:
    out = subprocess.run([sys.executable, __file__, "--inner", engine, str(nt), "--repeat", str(repeat),
                          "--timeout", str(timeout)],
                         capture_output=True, text=True, cwd=ROOT)
    if out.returncode:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- report

def _ms(s: float | None) -> str:
    if s is None:
        return "timeout"
    return f"{s * 1000:,.0f}" if s >= 0.01 else f"{s * 1000:.1f}"


def report(runs: list[dict]) -> str:
    lines = ["| triples | store | load (s) | memory after load (MiB) | peak RSS (MiB) | on disk (MB) |",
             "|---:|---|---:|---:|---:|---:|"]
    for r in runs:
        disk = f"{r['disk_mb']:.0f}" if r["disk_mb"] is not None else "–"
        store = "rdflib Memory" if r["engine"] == "rdflib" else "Oxigraph (disk)"
        lines.append(f"| {r['triples']:,} | {store} | {r['load_s']:.1f} | {r['load_rss_mib']:.0f} | "
                     f"{r['peak_rss_mib']:.0f} | {disk} |")
    lines += ["", "Query latency, ms: median of warm runs (first run in brackets); rows returned.", ""]
    heads = [f"{'rdflib' if r['engine'] == 'rdflib' else 'Oxigraph'} {r['triples']:,}" for r in runs]
    lines.append("| query | " + " | ".join(heads) + " | rows |")
    lines.append("|---|" + "---:|" * len(runs) + "---|")
    for name in runs[0]["queries"]:
        cells, rows = [], []
        for r in runs:
            q = r["queries"][name]
            cells.append(f"{_ms(q['median_s'])} ({_ms(q['first_s'])})")
            rows.append(q["rows"])
        same = {}
        for r, n in zip(runs, rows):
            if n is not None:  # a timed-out query has no row count to compare
                same.setdefault(r["triples"], set()).add(n)
        check = " / ".join(f"{next(iter(v))}" if len(v) == 1 else f"MISMATCH {sorted(v)}" for v in same.values())
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {check} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=300, help="seconds per query before giving up")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--inner", nargs=2, metavar=("ENGINE", "NT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.inner:
        print(json.dumps(inner(args.inner[0], Path(args.inner[1]), args.repeat, args.timeout)))
        return 0
    runs = []
    for n in args.sizes:
        nt = make_graph(n)
        for engine in ("rdflib", "oxigraph"):
            print(f"{engine} {n} ...", file=sys.stderr, flush=True)
            runs.append(measure(engine, nt, args.repeat, args.timeout))
    text = report(runs)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(runs, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
