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
    p.add_argument("--actors", action="append", default=[], metavar="FILE.toml",
                   help="your own known actors and aliases, same schema as ontology/actors/*.toml (repeatable)")
    p.add_argument("--no-view", action="store_true", help="do not write graph.html")
    p.add_argument("--quiet", action="store_true")
    # issue 6 (performance)
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                   help="extract files in N worker processes (0: one per CPU; default 1)")
    p.add_argument("--store", metavar="DIR",
                   help="also bulk-load the graph into an on-disk Oxigraph store at DIR (replacing its content)")
    p.set_defaults(func=run)


def run(args) -> int:
    if args.actors:
        import os

        from kg.gazetteer import USER_ACTORS_ENV, check_actor_file

        for path in args.actors:
            check_actor_file(path)
        os.environ[USER_ACTORS_ENV] = os.pathsep.join(str(Path(p).resolve()) for p in args.actors)
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
    write_view = None if args.no_view else _view_writer()
    turtle, triples, kept = write_graph(report.articles, graph, jobs,
                                        keep="graph" if extra else "index" if write_view else None)
    del graph
    written = [write_text_atomic(out / "graph.ttl", turtle)]
    del turtle
    summary = None if args.quiet else summary_lines(report, triples)
    errors = len(report.errors)
    del report  # the articles (page text included) are no longer needed: free them before the view
    if getattr(args, "store", None):  # issue 6: bulk load, not triple by triple
        from kg.rdf.store import load_into_store
        load_into_store(out / "graph.ttl", args.store, replace=True)  # Oxigraph parses it faster than rdflib writes N-Triples
        written.append(args.store)
    if extra:
        from kg.rdf.exports import write_exports
        written += write_exports(kept, out, extra)
    if write_view is not None:
        from kg.analysis.graph import to_networkx
        network = to_networkx(kept, include_negated=True)
        del kept
        written.append(write_view(network, out / "graph.html", title="geokg: " + ", ".join(map(str, args.paths))))
    if summary is not None:
        print("\n".join(summary))
        for path in written:
            print(f"wrote {path}")
    return 1 if errors else 0


def _view_writer():
    """:func:`kg.views.html.write_view`, or None where the view's libraries are missing."""
    try:
        from kg.views.html import write_view
    except ImportError:
        return None
    return write_view


def summary_lines(report, triples: int) -> list[str]:
    s = report.summary()
    lines = [f"articles   {len(report.articles):>6}  (from {report.files} files)",
             f"triples    {triples:>6}", "actors"]
    for kind, n in sorted(s["actors"].items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {kind:<22}{n:>6}")
    lines.append("claims")
    for rel, n in sorted(s["claims"].items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {rel:<22}{n:>6}")
    if report.errors:
        lines.append(f"skipped    {len(report.errors):>6} files (see messages above)")
    return lines
