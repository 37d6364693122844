"""``kg serve DIR [--port N]``: Oxigraph's SPARQL server on 127.0.0.1 over a build's store,
so Jupyter, YASGUI or any SPARQL 1.1 client queries the graph (same engine, same rows as
``kg query``). Read-only by default: a read-only server shares the store with other readers;
``--writable`` makes it a read-write store that ``kg push`` (or any Graph Store Protocol
client) can fill."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

from kg.errors import GeoKGError


def register(sub) -> None:
    p = sub.add_parser("serve", help="serve a build's store over HTTP (SPARQL 1.1 Protocol, Oxigraph server)")
    p.add_argument("dir", metavar="DIR", help="a build folder with store/ or an Oxigraph store directory "
                                              "(with --writable: created when missing)")
    p.add_argument("--port", type=int, default=7878, help="port on 127.0.0.1 (default 7878)")
    p.add_argument("--writable", action="store_true",
                   help="read-write server (accepts SPARQL Update and Graph Store Protocol writes)")
    p.add_argument("--timeout", type=float, metavar="SECONDS",
                   help="stop a query after this long (a shared server should not run one query for ever)")
    p.set_defaults(func=run)


def _interrupt(_signum, _frame) -> None:
    raise KeyboardInterrupt


def run(args) -> int:
    from kg.scale.endpoint import find_store, start_server

    if not 0 < args.port < 65536:
        raise GeoKGError(f"--port {args.port}: give a port number between 1 and 65535")
    if args.writable:
        from kg.rdf.store import check_store_path, is_store

        store = Path(args.dir)
        if not is_store(store) and is_store(store / "store"):
            store = store / "store"
        check_store_path(store)
        store.mkdir(parents=True, exist_ok=True)
    else:
        store = find_store(args.dir)
    signal.signal(signal.SIGTERM, _interrupt)  # stopped by a supervisor: stop the server too
    try:
        proc = start_server(store, args.port, writable=args.writable, query_timeout=args.timeout)
    except KeyboardInterrupt:
        return 130
    base = f"http://127.0.0.1:{args.port}"
    try:  # a client may stop us as soon as the line is out: the interrupt lands in this block
        print(f"serving {store} ({'read-write' if args.writable else 'read-only'})\n"
              f"  SPARQL query  {base}/query\n"
              + (f"  SPARQL update {base}/update\n  Graph Store   {base}/store\n" if args.writable else "")
              + "  Ctrl-C stops it", flush=True)
        code = proc.wait()
    except KeyboardInterrupt:
        from kg.scale.endpoint import stop_server

        stop_server(proc)
        return 0
    err = (proc.stderr.read() if proc.stderr else b"").decode("utf-8", "replace")
    if code:
        print(f"kg serve: error: the server stopped ({' '.join(err.split())[:300]})", file=sys.stderr)
        return 2
    return 0
