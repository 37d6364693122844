"""``kg stats GRAPH``: the top actors, communities and strongest edges of a graph."""

from __future__ import annotations

import argparse
import json
import sys

from kg.analysis.graph import read_network
from kg.analysis.report import stats_data, stats_report
from kg.analysis.store_network import read_aggregated
from kg.errors import GeoKGError


def register(subparsers) -> None:
    p = subparsers.add_parser("stats", help="top actors, communities and strongest edges of a graph",
                              description="Print the most central actors (PageRank, degree, betweenness), "
                                          "the communities of the cooperation network (Louvain) and the "
                                          "edges most articles support.")
    p.add_argument("graph", metavar="GRAPH", help="graph written by kg build: a .ttl/.jsonld/.trig/.nq file or a --store folder")
    p.add_argument("--top", type=int, default=10, metavar="N", help="how many actors, communities, edges (10)")
    p.add_argument("--lang", choices=("ar", "en"), help="labels and words in this language where known")
    p.add_argument("--seed", type=int, default=42, help="seed of the community detection (42)")
    p.add_argument("--json", action="store_true", help="print the numbers as JSON")
    p.add_argument("--by-country", action="store_true",
                   help="lift each claim of a body or person to its state (state-to-state dyads)")
    p.add_argument("--with-headlines", action="store_true",
                   help="also count claims whose only evidence is a headline (gkg:fromHeadline), left out by default")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.top < 1:
        raise GeoKGError("--top must be at least 1")
    if args.by_country:  # lifts each claim to its states: needs the claims themselves
        from kg.analysis.networks import by_country

        G = by_country(read_network(args.graph, lang=args.lang, include_headlines=args.with_headlines, evidence=False))
    else:
        G = read_aggregated(args.graph, lang=args.lang, include_headlines=args.with_headlines)
    if args.json:
        json.dump(stats_data(G, top=args.top, lang=args.lang, seed=args.seed), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(stats_report(G, top=args.top, lang=args.lang, seed=args.seed, source=str(args.graph)))
    return 0
