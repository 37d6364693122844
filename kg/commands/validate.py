"""``kg validate GRAPH``: check a graph against the geokg SHACL shapes, in plain words."""

from __future__ import annotations

import argparse
import json
import sys

from kg import log
from kg.rdf.loader import is_store, load_graph, resolve_graph_path
from kg.rdf.validate import ValidationReport, shape_predicates, strict_parse_violations, validate_graph


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "validate", help="check a graph against the geokg shapes (SHACL)",
        description="Validate GRAPH with pyshacl against ontology/shapes.ttl, the ontology mixed in. "
                    "Prints 'conforms', or one line per violation ('claim claim:ab12 has no evidence'). "
                    "IRIs are checked against RFC 3987 too, and the file is read by a strict parser (Oxigraph). "
                    "Exit status 0 when the graph conforms, 1 when it does not.")
    p.add_argument("graph", metavar="GRAPH",
                   help="graph file (Turtle, TriG, N-Quads, N-Triples, JSON-LD) or an Oxigraph --store folder")
    p.add_argument("--lang", choices=("en", "ar"), default="en", help="language of the messages (en)")
    p.add_argument("--json", action="store_true", help="print the violations as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    path = resolve_graph_path(args.graph)
    store = is_store(path)
    with log.step(f"read {path}"):
        if store:  # only what the shapes read, streamed from Oxigraph; validated in place
            from kg.rdf.loader import store_graph
            from kg.rdf.store import triple_count

            triples = triple_count(path)
            graph = store_graph(path, shape_predicates())
        else:
            graph = load_graph(path, allow_empty=True)
            triples = len(graph)
    with log.step(f"validated {len(graph)} triples"):
        report = validate_graph(graph, lang=args.lang, in_place=store)
    # IRIs rdflib resolved or let through; a store was parsed by Oxigraph when it was loaded
    strict = [] if store else strict_parse_violations(path, lang=args.lang)
    if strict:
        results = strict + report.results
        report = ValidationReport(conforms=False, violations=[str(v) for v in results], results=results)
    if args.json:
        data = {
            "graph": str(args.graph), "triples": triples, "conforms": report.conforms,
            "violations": [
                {"focus": v.focus, "kind": v.kind, "message": v.message, "detail": v.detail,
                 "path": v.path, "component": v.component, "severity": v.severity, "text": str(v)}
                for v in report.results
            ],
        }
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif report.conforms:
        print(f"conforms ({args.graph}, {triples} triples)")
    else:
        for line in report.violations:
            print(line)
        n = len(report.violations)
        print(f"{args.graph}: does not conform ({n} violation{'s' if n != 1 else ''})", file=sys.stderr)
    return 0 if report.conforms else 1
