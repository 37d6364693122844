"""Issue 19: one process vs Dask, the driver's memory as the corpus grows, and SPARQL
latency over HTTP (``kg serve``) for every cookbook query. One run does everything.

    python benchmarks/make_corpus.py -n 100000               # benchmarks/data/corpus-100000/
    python benchmarks/bench_scale.py --sizes 10000 100000    # both modes at both sizes
    python benchmarks/bench_scale.py --sizes 10000 --modes dask2

A corpus of N articles is the first N/500 shards of ``corpus-100000`` (symbolic links in
``benchmarks/data/scale-N/``), so every size reads the same articles.

Modes, each a fresh ``python -m kg build`` process whose own peak resident memory
(``ru_maxrss`` of that process alone: the driver, not the workers nor the store loader,
whose peak a ``--scheduler`` build reports and which is recorded too) is reported, with
the CPU seconds of the build and all its processes (workers included) and the machine's
load average before and after (this host is shared: other sessions' work slows a run
down, CPU seconds per article much less):

* ``single``: ``kg build DIR --store DIR/store --no-view --jobs 1``, today's embedded
  build in one process (Turtle and the Oxigraph store);
* ``dask2``: ``kg build DIR --scheduler local --jobs 2``, a LocalCluster of two worker
  processes, N-Quads shards bulk-loaded into the store;
* ``dask1``: the same with one worker (the cost of the Dask path itself).

The two-process "ceiling" before and after each build is a pure-Python loop in two
processes against one; with ``--extraction-ceiling`` also the same extraction (400 warm
articles) in two processes at once against one alone, which feels what two extracting
processes cost each other here (shared caches, memory bandwidth, the other tenants).

Then the store of each size built by ``dask2`` is served by ``kg serve``'s server
(Oxigraph, read-only, union default graph) and every cookbook query (no parameters: the
answer for everyone) is sent over HTTP with :class:`kg.scale.endpoint.HttpEngine`: the
first run, then the median of ``--repeat`` more. Results go to
``benchmarks/results/scale.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
RESULTS = ROOT / "benchmarks" / "results"
sys.path.insert(0, str(ROOT))

DRIVER = """
import resource, sys, time
sys.argv = ["kg"] + sys.argv[1:]
from kg.cli import main
t = time.perf_counter()
code = main(sys.argv[1:])
own = resource.getrusage(resource.RUSAGE_SELF)
print("BENCH", time.perf_counter() - t, own.ru_maxrss * 1024, code, own.ru_utime + own.ru_stime, file=sys.stderr)
"""

MODES = {
    "single": lambda corpus, out: [str(corpus), "--out", str(out), "--store", str(out / "store"),
                                   "--no-view", "--quiet", "--jobs", "1"],
    "dask1": lambda corpus, out: [str(corpus), "--out", str(out), "--scheduler", "local", "--jobs", "1"],
    "dask2": lambda corpus, out: [str(corpus), "--out", str(out), "--scheduler", "local", "--jobs", "2"],
}


def corpus_of(size: int) -> Path:
    source = DATA / "corpus-100000"
    shards = sorted(source.glob("part-*.jsonl"))
    if not shards:
        raise SystemExit("no corpus: run python benchmarks/make_corpus.py -n 100000")
    need = max(1, size // 500)
    if need > len(shards):
        raise SystemExit(f"corpus-100000 has {len(shards) * 500} articles, fewer than {size}")
    folder = DATA / f"scale-{size}"
    if not folder.exists() or len(list(folder.glob("*.jsonl"))) != need:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for shard in shards[:need]:
            (folder / shard.name).symlink_to(shard)
    return folder


def run_build(mode: str, size: int) -> dict:
    corpus = corpus_of(size)
    out = DATA / f"scale-out-{mode}-{size}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    cmd = [sys.executable, "-c", DRIVER, "build", *MODES[mode](corpus, out)]
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    line = next((x for x in proc.stderr.splitlines() if x.startswith("BENCH ")), None)
    if line is None:
        raise SystemExit(f"{mode} {size} failed: {proc.stderr[-2000:]}")
    _tag, seconds, peak, code, own_cpu = line.split()
    from kg.rdf.store import triple_count

    triples = triple_count(out / "store")
    row = {"mode": mode, "articles": size, "seconds": round(float(seconds), 1), "wall": round(wall, 1),
           "articles_per_s": round(size / float(seconds), 1), "driver_peak_mib": round(int(peak) / 2**20, 1),
           "quads": triples, "exit": int(code), "cpu_s": round(cpu, 1),
           "cpu_ms_per_article": round(1000 * cpu / size, 2), "driver_cpu_s": round(float(own_cpu), 1),
           "load_before": round(load, 2),
           "load_after": round(os.getloadavg()[0], 2),
           "steps": [x[len("kg build: "):] for x in proc.stderr.splitlines() if x.startswith("kg build: [")]}
    loader = re.search(r"store loader's peak memory: ([0-9.]+) MiB, CPU: ([0-9.]+) s", proc.stderr)
    if loader:  # a --scheduler build writes the store in a child process of the driver
        row["store_loader_peak_mib"], row["store_loader_cpu_s"] = float(loader.group(1)), float(loader.group(2))
    print(json.dumps(row), flush=True)
    return row


def wait_for_quiet(limit: float, patience: float) -> float:
    """Wait (``patience`` seconds at most) until the host's 1-minute load average is below
    ``limit``: this host is shared, and a timing taken while other work runs measures it
    too. Returns the load average when the run starts (reported with the figures)."""
    end = time.monotonic() + patience
    while os.getloadavg()[0] >= limit and time.monotonic() < end:
        time.sleep(10)
    return os.getloadavg()[0]


def _spin(seconds: float) -> int:
    n, end = 0, time.perf_counter() + seconds
    while time.perf_counter() < end:
        for _ in range(10_000):
            n += 1
    return n


def ceiling(seconds: float = 5.0) -> float:
    """The speed-up this shared host offers two processes right now: a pure-Python loop in
    two processes against one (2.0 on two idle cores)."""
    from concurrent.futures import ProcessPoolExecutor

    one = _spin(seconds)
    with ProcessPoolExecutor(2) as pool:
        two = sum(pool.map(_spin, [seconds, seconds]))
    ratio = round(two / one, 2)
    print(json.dumps({"ceiling_2_processes": ratio}), flush=True)
    return ratio


def _extract_timed(path: str, count: int, barrier, results) -> None:
    """In a fresh process: load the pipelines and warm them up on a few articles, wait for
    the others, then extract ``count`` articles of ``path``; put (wall s, CPU s, articles)."""
    import resource

    from kg.parallel import extract_chunk, read_file

    docs = read_file(path)[0]
    extract_chunk(docs[-20:])
    if barrier is not None:
        barrier.wait()
    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    extract_chunk(docs[:count])
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    results.put((wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, count))


def extraction_ceiling(size: int, count: int = 400) -> dict:
    """The speed-up this host offers two processes *of this work* right now: the same
    extraction (``count`` articles, pipelines loaded and warm) in one process alone, then
    in two processes at once, each in a fresh process as the workers are. Unlike the
    pure-Python loop of :func:`ceiling`, this feels what two extracting processes cost each
    other on this host (shared caches and memory bandwidth, the other tenants)."""
    import multiprocessing as mp

    path = str(sorted(corpus_of(size).glob("*.jsonl"))[0])
    ctx = mp.get_context("spawn")
    rows = {}
    for n in (1, 2):
        results = ctx.Queue()
        barrier = ctx.Barrier(n) if n > 1 else None
        procs = [ctx.Process(target=_extract_timed, args=(path, count, barrier, results)) for _ in range(n)]
        for proc in procs:
            proc.start()
        got = [results.get() for _ in procs]
        for proc in procs:
            proc.join()
        wall = max(g[0] for g in got)
        rows[n] = {"wall": wall, "cpu_ms_per_article": 1000 * sum(g[1] for g in got) / sum(g[2] for g in got),
                   "articles_per_s": sum(g[2] for g in got) / wall}
    row = {"extraction_ceiling_2_processes": round(rows[2]["articles_per_s"] / rows[1]["articles_per_s"], 2),
           "cpu_ms_per_article_1": round(rows[1]["cpu_ms_per_article"], 2),
           "cpu_ms_per_article_2": round(rows[2]["cpu_ms_per_article"], 2), "load": round(os.getloadavg()[0], 2)}
    print(json.dumps(row), flush=True)
    return row


def query_latency(store: Path, repeat: int, timeout: float = 120.0) -> list[dict]:
    from kg.rdf.cookbook import list_queries, run_query
    from kg.scale.endpoint import HttpEngine, free_port, start_server, stop_server

    port = free_port()
    proc = start_server(store, port, query_timeout=timeout)
    rows = []
    try:
        engine = HttpEngine(f"http://127.0.0.1:{port}/query", timeout=timeout + 30)
        for q in list_queries():
            t = time.perf_counter()
            try:
                first = run_query(engine, q)
            except Exception as err:  # the server's timeout: reported, the next query runs
                row = {"query": q.name, "rows": None, "first_ms": None, "median_ms": None,
                       "error": f"over {timeout:.0f} s ({' '.join(str(err).split())[:80]})"}
                print(json.dumps(row), flush=True)
                rows.append(row)
                continue
            first_s = time.perf_counter() - t
            times = []
            if first_s < 20:
                for _ in range(repeat):
                    t = time.perf_counter()
                    run_query(engine, q)
                    times.append(time.perf_counter() - t)
            row = {"query": q.name, "rows": len(first.rows), "first_ms": round(first_s * 1000, 1),
                   "median_ms": round(statistics.median(times) * 1000, 1) if times else None}
            print(json.dumps(row), flush=True)
            rows.append(row)
    finally:
        stop_server(proc)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--modes", nargs="+", default=["single", "dask2"], choices=sorted(MODES))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-queries", action="store_true")
    ap.add_argument("--queries-only", action="store_true", help="only the query latency over built stores")
    ap.add_argument("--query-timeout", type=float, default=120.0, help="seconds per query at most")
    ap.add_argument("--extraction-ceiling", action="store_true",
                    help="also measure two extracting processes against one before and after each build")
    ap.add_argument("--results", type=Path, default=RESULTS / "scale.json")
    ap.add_argument("--quiet-below", type=float, default=1.0, help="start a build when the 1-min load is below this")
    ap.add_argument("--patience", type=float, default=600.0, help="seconds to wait for that at most")
    args = ap.parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = args.results
    results = json.loads(path.read_text()) if path.exists() else {"builds": [], "queries": {}}
    for size in args.sizes:
        rows = {}
        for mode in ([] if args.queries_only else args.modes):
            wait_for_quiet(args.quiet_below, args.patience)
            before = ceiling()
            extract_before = extraction_ceiling(size) if args.extraction_ceiling else None
            row = rows[mode] = run_build(mode, size)
            row["ceiling_before"], row["ceiling_after"] = before, ceiling()
            if extract_before is not None:
                row["extraction_ceiling_before"] = extract_before
                row["extraction_ceiling_after"] = extraction_ceiling(size)
            results["builds"] = [r for r in results["builds"] if (r["mode"], r["articles"]) != (mode, size)] + [row]
            path.write_text(json.dumps(results, indent=1) + "\n")
        for mode in rows.keys() - {"single"}:
            if "single" in rows:  # the ratio of one run: wall time of one process over this mode's
                ratio = {"articles": size, "mode": mode, "speedup_vs_single": round(
                    rows["single"]["seconds"] / rows[mode]["seconds"], 2)}
                print(json.dumps(ratio), flush=True)
                results.setdefault("ratios", [])
                results["ratios"] = [r for r in results["ratios"] if (r["mode"], r["articles"]) != (mode, size)]
                results["ratios"].append(ratio)
                path.write_text(json.dumps(results, indent=1) + "\n")
        if not args.no_queries and ("dask2" in args.modes or args.queries_only):
            store = DATA / f"scale-out-dask2-{size}" / "store"
            from kg.rdf.store import triple_count

            key = f"{size} articles, {triple_count(store)} quads"
            results["queries"] = {k: v for k, v in results["queries"].items() if not k.startswith(f"{size} ")}
            results["queries"][key] = query_latency(store, args.repeat, args.query_timeout)
            path.write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
