"""``kg actor GRAPH NAME``: everything the graph knows about one actor, with evidence."""

from __future__ import annotations

import argparse
import sys

from kg.analysis.graph import load_graph, to_networkx
from kg.analysis.report import actor_report


def register(subparsers) -> None:
    p = subparsers.add_parser("actor", help="everything known about one actor, with evidence",
                              description="NAME is a label, an alias, a key (RUS) or a Wikidata QID; case and "
                                          "Arabic spelling variants (hamza, ta marbuta, alef maqsura, "
                                          "diacritics) do not matter.")
    p.add_argument("graph", metavar="GRAPH", help="graph file written by kg build")
    p.add_argument("name", metavar="NAME", help="the actor, in Arabic or English")
    p.add_argument("--lang", choices=("ar", "en"), help="labels and words in this language where known")
    p.add_argument("--evidence", type=int, default=3, metavar="N",
                   help="sentences shown per relation (3; 0 = all)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    G = to_networkx(load_graph(args.graph), lang=args.lang)
    sys.stdout.write(actor_report(G, args.name, lang=args.lang, evidence=args.evidence))
    return 0
