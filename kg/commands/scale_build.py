"""``kg build PATH… --scheduler local|tcp://HOST:PORT``: the Dask path of ``kg build``
(:mod:`kg.scale.dask_build`). Kept out of :mod:`kg.commands.build` so the default build
never imports Dask."""

from __future__ import annotations

import sys
from pathlib import Path

from kg.errors import GeoKGError


def run_scaled(args, out: Path, jobs: int) -> int:
    """Build the store with Dask; returns 1 when some input was skipped, as ``kg build``."""
    from kg.scale.dask_build import build_scaled, close, connect, print_progress

    if args.append:
        raise GeoKGError("--append and --scheduler: a scheduled build is already incremental; drop --append")
    if args.format != ["ttl"]:
        raise GeoKGError("--format and --scheduler: a scheduled build writes the Oxigraph store "
                         "(export it with kg push, or query it with kg query / kg serve)")
    store = Path(args.store) if args.store else out / "store"
    if store.resolve() == out.resolve():
        raise GeoKGError(f"{store}: the store cannot be the output folder")
    if args.actors:
        import os

        from kg.gazetteer import USER_ACTORS_ENV, check_actor_file

        for path in args.actors:
            check_actor_file(path)
        # forked/spawned local workers inherit it; a remote cluster needs it set there too
        os.environ[USER_ACTORS_ENV] = os.pathsep.join(str(Path(p).resolve()) for p in args.actors)
    client = connect(args.scheduler, jobs)
    try:
        report = build_scaled(args.paths, out, store, client, jobs=jobs, rebuild=args.rebuild,
                              on_error=lambda m: print(f"kg build: skipped {m}", file=sys.stderr),
                              on_warning=lambda m: print(f"kg build: warning: {m}", file=sys.stderr),
                              progress=None if args.quiet else print_progress)
    finally:
        close(client)
    if not report.articles and not report.incremental:
        raise GeoKGError("no article could be read from " + ", ".join(map(str, args.paths)))
    if not args.quiet:
        print(f"files      {report.files:>8}  (extracted {report.extracted}, "
              f"{'incremental' if report.incremental else 'fresh build'})")
        print(f"articles   {report.articles:>8}")
        print(f"rendered   {report.rendered:>8}  files   dropped {report.dropped} graphs")
        print(f"triples    {report.triples:>8}  (quads in the store)")
        print(f"wrote {store}")
    return 1 if report.errors else 0
