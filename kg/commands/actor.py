"""``kg actor GRAPH NAME``: everything the graph knows about one actor, with evidence."""

from __future__ import annotations

import argparse
import sys

from kg.analysis.graph import read_network
from kg.analysis.report import actor_report
from kg.rdf.loader import is_store, resolve_graph_path


def register(subparsers) -> None:
    p = subparsers.add_parser("actor", help="everything known about one actor, with evidence",
                              description="NAME is a label, an alias, a key (RUS) or a Wikidata QID; case and "
                                          "Arabic spelling variants (hamza, ta marbuta, alef maqsura, "
                                          "diacritics) do not matter.")
    p.add_argument("graph", metavar="GRAPH", help="graph written by kg build: a .ttl/.jsonld/.trig/.nq file or a --store folder")
    p.add_argument("name", metavar="NAME", help="the actor, in Arabic or English")
    p.add_argument("--lang", choices=("ar", "en"), help="labels and words in this language where known")
    p.add_argument("--evidence", type=int, default=3, metavar="N",
                   help="sentences shown per relation (3; 0 = all)")
    p.add_argument("--with-headlines", action="store_true",
                   help="also count claims whose only evidence is a headline (gkg:fromHeadline), left out by default")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    path = resolve_graph_path(args.graph)
    if is_store(path):  # the network counted by Oxigraph, the sentences of this actor only
        from kg.analysis.names import find_actor
        from kg.analysis.store_network import actor_claims, store_network

        network = store_network(path, lang=args.lang, include_headlines=args.with_headlines, alt_labels=True)
        node = find_actor(network, args.name)
        text = actor_report(actor_claims(path, node, network), node, lang=args.lang, evidence=args.evidence,
                            network=network)
    else:
        G = read_network(path, lang=args.lang, include_headlines=args.with_headlines)
        text = actor_report(G, args.name, lang=args.lang, evidence=args.evidence)
    sys.stdout.write(text)
    return 0
