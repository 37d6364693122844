"""Where the time goes: cProfile of the extraction and of the RDF stage (as ``kg build`` runs it), single process.

    python benchmarks/profile_build.py                     # 3 files of corpus-1000 (300 articles)
    python benchmarks/profile_build.py benchmarks/data/corpus-1000 --files 10 --top 25

Prints, for each stage, the functions of ``kg/`` by their own time (excluding callees) and by
cumulative time, plus the library functions that take most self time. Pipelines are loaded
before profiling.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
sys.path.insert(0, str(ROOT))


def _rows(stats: pstats.Stats, key: int, only_kg: bool, top: int) -> list[str]:
    entries = []
    for (file, line, name), (cc, nc, tt, ct, _callers) in stats.stats.items():
        in_kg = "/kg/" in file and "site-packages" not in file
        if only_kg != in_kg:
            continue
        where = file.split("/kg/", 1)[1] if in_kg else file.split("site-packages/")[-1]
        where = ("kg/" + where) if in_kg else where
        entries.append((tt if key == 0 else ct, tt, ct, nc, f"{where}:{line}({name})"))
    entries.sort(reverse=True)
    return [f"  {tt:8.2f} {ct:8.2f} {nc:>9}  {label}" for _, tt, ct, nc, label in entries[:top]]


def show(title: str, profile: cProfile.Profile, top: int) -> None:
    stats = pstats.Stats(profile)
    total = stats.total_tt
    print(f"\n== {title}: {total:.1f} s")
    print("   self s    cum s     calls  kg functions by self time")
    print("\n".join(_rows(stats, 0, True, top)))
    print("   self s    cum s     calls  kg functions by cumulative time")
    print("\n".join(_rows(stats, 1, True, top)))
    print("   self s    cum s     calls  library functions by self time")
    print("\n".join(_rows(stats, 0, False, top)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DATA / "corpus-1000")
    ap.add_argument("--files", type=int, default=3)
    ap.add_argument("--top", type=int, default=12)
    args = ap.parse_args(argv)
    from kg.build import extract_paths, merge_persons, write_graph
    from kg.commands.bench import warm_up
    from kg.ingest.readers import iter_input_files
    from kg.rdf.namespaces import new_graph

    files = list(iter_input_files([args.corpus]))[: args.files]
    warm_up()
    prof = cProfile.Profile()
    prof.enable()
    report = extract_paths(files)
    prof.disable()
    show(f"extraction of {len(files)} files ({len(report.articles)} articles)", prof, args.top)
    prof = cProfile.Profile()
    prof.enable()
    merge_persons(report.articles)
    _text, triples, _index = write_graph(report.articles, new_graph(bulk=True), keep="index")  # as kg build, one process
    prof.disable()
    show(f"merge_persons + graph.ttl from the records + the view's triple index ({triples} triples)", prof, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
