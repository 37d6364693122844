"""``kg build PATH... --out DIR``: articles in, Turtle graph and interactive view out."""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from pathlib import Path

from kg.build import existing_person_keys, extract_paths, merge_persons, unique_identifiers, write_graph
from kg.errors import GeoKGError
from kg.fsutil import Staging, clean_stale, ensure_directory, lock_path, locked, os_error
from kg.rdf.exports import FORMATS
from kg.rdf.namespaces import new_graph
from kg.rdf.store import store_lock


def register(sub) -> None:
    p = sub.add_parser("build", help="build the knowledge graph from articles",
                       epilog="examples: kg build seeds --out output;  kg build --format jsonld,nq seeds;  "
                              "kg build seeds --format ttl --format trig")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (.txt .md .html .htm .jsonl)")
    p.add_argument("--out", default="output", help="output directory (default: output)")
    p.add_argument("--format", action=FormatAction, default=None, nargs="+", metavar="FMT",
                   help="graph formats to write besides the view: ttl, jsonld, trig, nq; a comma list "
                        "(--format jsonld,nq) or repeated; paths may follow it (default: ttl)")
    p.add_argument("--append", action="store_true", help="add to the graph already in --out")
    p.add_argument("--actors", action="append", default=[], metavar="FILE.toml",
                   help="your own known actors and aliases, same schema as ontology/actors/*.toml (repeatable)")
    p.add_argument("--no-view", action="store_true", help="do not write graph.html")
    # issue 6 (performance)
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                   help="extract files in N worker processes (0: one per CPU; default 1)")
    p.add_argument("--store", metavar="DIR",
                   help="also bulk-load the graph into an on-disk Oxigraph store at DIR (replacing its content "
                        "atomically: a failed build keeps the previous store)")
    # issue 19 (scale): extraction on Dask into the store, incremental over a manifest
    p.add_argument("--scheduler", metavar="local|tcp://HOST:PORT",
                   help="extract on Dask (local: a cluster of --jobs workers here) into the Oxigraph store "
                        "(--store, default OUT/store), N-Quads shards bulk-loaded; reruns are incremental")
    p.add_argument("--rebuild", action="store_true", help="with --scheduler: ignore the manifest, build afresh")
    p.set_defaults(func=run)


class FormatAction(argparse.Action):
    """``--format``: comma lists and repeats (``--format jsonld,nq``, ``--format ttl --format
    trig``), and the old space-separated form (``--format ttl nq``). argparse gives an
    option with several values every word up to the next option, so in
    ``kg build --format jsonld seeds`` the path ``seeds`` arrives here: a word that is not a
    format name is handed back as a path (a folder really named ``ttl`` is written ``./ttl``)."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        formats = list(getattr(namespace, self.dest, None) or [])
        extra = list(getattr(namespace, "format_paths", None) or [])
        for value in values:
            words = [w.strip().lower().lstrip(".") for w in value.split(",")]
            if all(w in FORMATS for w in words if w) and any(words):
                formats += [w for w in words if w]
            elif "," in value:
                bad = next(w for w in words if w not in FORMATS)
                parser.error(f"argument --format: invalid format {bad!r} (choose from {', '.join(FORMATS)})")
            else:
                extra.append(value)
        if not formats:
            parser.error(f"argument --format: give a format ({', '.join(FORMATS)}) before the paths")
        setattr(namespace, self.dest, list(dict.fromkeys(formats)))
        namespace.format_paths = extra


def run(args) -> int:
    args.paths = list(args.paths) + list(getattr(args, "format_paths", None) or [])
    args.format = args.format or ["ttl"]
    if not args.paths:
        raise GeoKGError("give at least one file or folder of articles (kg build PATH... --out DIR)")
    if args.actors:
        import os

        from kg.gazetteer import USER_ACTORS_ENV, check_actor_file

        for path in args.actors:
            check_actor_file(path)
        os.environ[USER_ACTORS_ENV] = os.pathsep.join(str(Path(p).resolve()) for p in args.actors)
    out = Path(args.out)
    jobs = getattr(args, "jobs", 1)
    if jobs is not None and jobs < 0:
        raise GeoKGError(f"--jobs {jobs}: give a number of processes (0 for one per CPU)")
    if not jobs:
        from kg.parallel import default_jobs
        jobs = default_jobs()
    if getattr(args, "scheduler", None):
        from kg.commands.scale_build import run_scaled
        return run_scaled(args, out, jobs)
    store = Path(args.store) if getattr(args, "store", None) else None
    if store is not None:
        from kg.rdf.store import check_store_path
        check_store_path(store)  # fail before the work, not after
        if store.resolve() == out.resolve():
            raise GeoKGError(f"{store}: the store cannot be the output folder")
    ensure_directory(out, create=False)  # a file, a read-only folder: one line now rather than after the work
    if args.append and (out / "graph.ttl").is_dir():
        raise GeoKGError(f"{out / 'graph.ttl'}: is a folder, not a graph file")
    report = extract_paths(args.paths, progress=not args.quiet, jobs=jobs,
                           on_error=lambda msg: print(f"kg build: skipped {msg}", file=sys.stderr),
                           on_warning=_warn)
    if not report.articles:
        raise GeoKGError("no article could be read from " + ", ".join(map(str, args.paths)))
    # Extraction ran unlocked; from reading the graph being appended to until every output
    # is in place, one kg process at a time writes this folder (and the store).
    ensure_directory(out)
    with locked(lock_path(out / "graph.ttl"), f"the output folder {out}"), \
            (store_lock(store) if store is not None else nullcontext()), Staging() as stage:
        for name in OUTPUT_NAMES:
            clean_stale(out / name, any_pid=True)
        errors = len(report.errors)
        written, summary = _write_outputs(args, out, store, report, jobs, stage)
        del report
        stage.commit()
    if summary is not None:
        print("\n".join(summary))
        for path in written:
            print(f"wrote {path}")
    return 1 if errors else 0


OUTPUT_NAMES = ("graph.ttl", "graph.html", "graph.jsonld", "graph.trig", "graph.nq")


def _warn(message: str) -> None:
    print(f"kg build: warning: {message}", file=sys.stderr)


def _write_outputs(args, out: Path, store: Path | None, report, jobs: int,
                   stage: Staging) -> tuple[list, list[str] | None]:
    """Stage every output of the build (committed together by the caller); returns the
    paths written and the summary lines (None with ``--quiet``)."""
    graph = new_graph(bulk=True)
    existing = out / "graph.ttl"
    if args.append and existing.exists():
        try:
            graph.parse(existing, format="turtle")
        except OSError as err:
            raise os_error(existing, err, "read") from None
        except Exception as err:  # rdflib raises many kinds
            raise GeoKGError(f"{existing}: cannot read existing graph ({err.__class__.__name__})") from None
        unique_identifiers(report.articles, existing_identifiers(graph), on_warning=_warn)
    merge_persons(report.articles, existing_person_keys(graph))
    extra = [f for f in args.format if f != "ttl"]
    view = None if args.no_view else _view_renderer()
    turtle, triples, kept = write_graph(report.articles, graph, jobs,
                                        keep="graph" if extra else "index" if view else None)
    del graph
    written: list = [stage.write_text(out / "graph.ttl", turtle)]
    del turtle
    summary = None if args.quiet else summary_lines(report, triples)
    report.articles.clear()  # the articles (page text included) are no longer needed: free them before the view
    if store is not None:  # bulk load, not triple by triple (issue 6), into a new directory swapped in on commit (17)
        from kg.rdf.store import load_into_store
        load_into_store(stage.staged(out / "graph.ttl"), store, replace=True, staging=stage, source_format=".ttl",
                        expected=triples)
        _summarise_store(stage.staged_directory(store))  # kg stats and kg actor read it (issue 18)
        written.append(store)
    if extra:
        from kg.rdf.exports import write_exports
        written += write_exports(kept, out, extra, write=stage.write_text)
    if view is not None:
        from kg.analysis.graph import to_networkx
        network = to_networkx(kept, include_negated=True)
        del kept
        page = view(network)  # titled from the graph: every input so far by name (kg.views.title)
        del network
        written.append(stage.write_text(out / "graph.html", page))
    return written, summary


def _summarise_store(staged: Path | None) -> None:
    """The summary written into the staged store, so that it is swapped in with it."""
    from kg.analysis.store_summary import summarise_store

    summarise_store(staged, _warn)


def existing_identifiers(graph) -> dict[str, str]:
    """identifier → recorded source (URL or path) of the articles already in ``graph``."""
    from rdflib.namespace import DCTERMS, RDF

    from kg.rdf.namespaces import GKG

    found = {}
    for article in [*graph.subjects(RDF.type, GKG.Article), *graph.subjects(RDF.type, GKG.HeadlineList)]:
        ident = graph.value(article, DCTERMS.identifier)
        if ident is not None:
            found[str(ident)] = str(graph.value(article, DCTERMS.source) or "")
    return found


def _view_renderer():
    """:func:`kg.views.html.render_view`, or None where the view's libraries are missing."""
    try:
        from kg.views.html import render_view
    except ImportError:
        return None
    return render_view


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
