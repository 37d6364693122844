"""``kg push DIR --endpoint URL``: send a build to any SPARQL 1.1 Graph Store Protocol
endpoint (Oxigraph ``/store``, Fuseki ``/DATASET/data``…), one PUT per named graph, so a
production store holds the same graphs as the build and pushing again replaces them."""

from __future__ import annotations

import os
import sys

from kg.errors import GeoKGError


def register(sub) -> None:
    p = sub.add_parser("push", help="send a build to a SPARQL 1.1 Graph Store Protocol endpoint")
    p.add_argument("dir", metavar="DIR", help="a build folder with store/, an Oxigraph store, or a graph file")
    p.add_argument("--endpoint", required=True, metavar="URL",
                   help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store or http://host:3030/ds/data")
    p.set_defaults(func=run)


def run(args) -> int:
    from kg.scale.endpoint import push, source_store

    store = source_store(args.dir)
    auth = os.environ.get("GEOKG_PUSH_AUTH")  # user:password for Basic auth, never on the command line
    bar = None
    if not getattr(args, "quiet", False) and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit="graph", file=sys.stderr)
    graphs, triples = push(store, args.endpoint, auth=auth,
                           progress=(lambda n, total: (setattr(bar, "total", total), bar.update(1))) if bar else None)
    if bar is not None:
        bar.close()
    if graphs == 0:
        raise GeoKGError(f"{args.dir}: the build holds no graph to push")
    if not args.quiet:
        print(f"pushed {graphs} graphs, {triples} triples to {args.endpoint}")
    return 0
