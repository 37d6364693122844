"""``kg build PATH... --out DIR``: articles in, Turtle graph and interactive view out."""

from __future__ import annotations

import sys
from pathlib import Path

from kg.atomic import write_text_atomic
from kg.build import existing_person_keys, extract_paths, merge_persons, write_graph
from kg.errors import GeoKGError
from kg.rdf.namespaces import new_graph


def register(sub) -> None:
    p = sub.add_parser("build", help="build the knowledge graph from articles")
    p.add_argument("paths", nargs="+", help="files or folders (.txt .md .html .jsonl)")
    p.add_argument("--out", default="output", help="output directory (default: output)")
    p.add_argument("--format", nargs="+", default=["ttl"], choices=["ttl", "jsonld", "trig", "nq"],
                   help="graph formats to write besides the view")
    p.add_argument("--append", action="store_true", help="add to the graph already in --out")
    p.add_argument("--no-view", action="store_true", help="do not write graph.html")
    p.add_argument("--quiet", action="store_true")
    # issue 6 (performance)
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                   help="extract files in N worker processes (0: one per CPU; default 1)")
    p.add_argument("--store", metavar="DIR",
                   help="also bulk-load the graph into an on-disk Oxigraph store at DIR (replacing its content)")
    p.set_defaults(func=run)


def run(args) -> int:
    out = Path(args.out)
    graph = new_graph(bulk=True)
    existing = out / "graph.ttl"
    if args.append and existing.exists():
        try:
            graph.parse(existing, format="turtle")
        except Exception as err:  # rdflib raises many kinds
            raise GeoKGError(f"{existing}: cannot read existing graph ({err.__class__.__name__})") from None
    jobs = getattr(args, "jobs", 1)
    if jobs is not None and jobs < 0:
        raise GeoKGError(f"--jobs {jobs}: give a number of processes (0 for one per CPU)")
    if not jobs:
        from kg.parallel import default_jobs
        jobs = default_jobs()
    if getattr(args, "store", None):
        from kg.rdf.store import check_store_path
        check_store_path(args.store)  # fail before the work, not after
    report = extract_paths(args.paths, progress=not args.quiet,
                           on_error=lambda msg: print(f"kg build: skipped {msg}", file=sys.stderr), jobs=jobs)
    if not report.articles:
        raise GeoKGError("no article could be read from " + ", ".join(map(str, args.paths)))
    merge_persons(report.articles, existing_person_keys(graph))
    extra = [f for f in args.format if f != "ttl"]
    turtle, triples = write_graph(report.articles, graph, jobs, keep_graph=bool(extra) or not args.no_view)
    written = [write_text_atomic(out / "graph.ttl", turtle)]
    del turtle
    if getattr(args, "store", None):  # issue 6: bulk load, not triple by triple
        from kg.rdf.store import load_into_store
        load_into_store(out / "graph.ttl", args.store, replace=True)  # Oxigraph parses it faster than rdflib writes N-Triples
        written.append(args.store)
    if extra:
        from kg.rdf.exports import write_exports
        written += write_exports(graph, out, extra)
    if not args.no_view:
        try:
            from kg.views.html import write_view
        except ImportError:
            write_view = None
        if write_view is not None:
            written.append(write_view(graph, out / "graph.html", title="geokg: " + ", ".join(map(str, args.paths))))
    if not args.quiet:
        print_summary(report, triples)
        for path in written:
            print(f"wrote {path}")
    return 1 if report.errors else 0


def print_summary(report, triples: int) -> None:
    s = report.summary()
    print(f"articles   {len(report.articles):>6}  (from {report.files} files)")
    print(f"triples    {triples:>6}")
    print("actors")
    for kind, n in sorted(s["actors"].items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {kind:<22}{n:>6}")
    print("claims")
    for rel, n in sorted(s["claims"].items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {rel:<22}{n:>6}")
    if report.errors:
        print(f"skipped    {len(report.errors):>6} files (see messages above)")
