"""Peak memory and wall time of a real ``kg build`` (default: the 10,000-article corpus).

    python benchmarks/bench_memory.py                                  # --jobs 2 --store
    python benchmarks/bench_memory.py benchmarks/data/corpus-1000 --jobs 1 --no-store

Runs ``kg build CORPUS --out benchmarks/data/out-NAME --no-view --quiet`` in a child process
and samples the resident memory of the whole process tree (the build and its workers)
every 0.2 s with psutil; also reports the largest single process's peak RSS from
``getrusage(RUSAGE_CHILDREN)`` (exact, not sampled). The sum over processes counts pages
that forked workers share with the parent twice, so it is an upper bound.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"


def tree_rss(proc) -> int:
    import psutil

    total = 0
    try:
        procs = [proc] + proc.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def measure(corpus: Path, *, jobs: int, store: bool, out: Path | None = None) -> dict:
    import psutil

    out = out or DATA / f"out-{corpus.name}"
    cmd = [sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(out), "--no-view", "--quiet",
           "--jobs", str(jobs)]
    if store:
        import shutil

        shutil.rmtree(out / "store", ignore_errors=True)
        cmd += ["--store", str(out / "store")]
    t = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=ROOT)
    proc = psutil.Process(child.pid)
    peak = 0
    while child.poll() is None:
        peak = max(peak, tree_rss(proc))
        time.sleep(0.2)
    seconds = time.perf_counter() - t
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    ttl = out / "graph.ttl"
    return {"corpus": str(corpus.relative_to(ROOT) if corpus.is_relative_to(ROOT) else corpus),
            "jobs": jobs, "store": store, "exit": child.returncode, "seconds": round(seconds, 1),
            "peak_tree_rss_mib": round(peak / 2**20), "peak_process_rss_mib": round(largest / 2**20),
            "graph_ttl_mb": round(ttl.stat().st_size / 1e6, 1) if ttl.exists() else None,
            "command": " ".join(["kg"] + cmd[3:])}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DATA / "corpus-10000")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-store", action="store_true")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        raise SystemExit(f"{args.corpus}: missing; run python benchmarks/make_corpus.py first")
    result = measure(args.corpus, jobs=args.jobs, store=not args.no_store)
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0 if result["exit"] in (0, 1) else 1


if __name__ == "__main__":
    sys.exit(main())
