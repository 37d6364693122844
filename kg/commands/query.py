"""``kg query GRAPH QUERY``: run a cookbook query (or any SPARQL) and print the rows."""

from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata

from rdflib import BNode, Literal, URIRef

from kg.errors import GeoKGError
from kg.rdf.cookbook import (
    QueryResult, display_term, list_queries, load_query,
    parse_param_args, run_query,
)


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "query", help="run a SPARQL cookbook query against a graph",
        description="Run QUERY against GRAPH. QUERY is a cookbook name (see --list), a .rq file or "
                    "the text of a SPARQL query. Parameters name actors by label (Russia, روسيا), key "
                    "(RUS) or IRI (actor:RUS), relations by name (sanctioned).",
        epilog="example: kg query output/graph.ttl who-sanctioned --param target=Russia")
    p.add_argument("graph", nargs="?", metavar="GRAPH", help="graph file (Turtle, TriG, N-Quads, JSON-LD…)")
    p.add_argument("query", nargs="?", metavar="QUERY", help="cookbook name, .rq file or SPARQL text")
    p.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE",
                   help="query parameter; repeat for several (a name given twice matches either value)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help="table (labels, prefixed names), csv or json (SPARQL results formats)")
    p.add_argument("--engine", choices=("oxigraph", "rdflib"), default="oxigraph",
                   help="SPARQL engine (oxigraph: fast; rdflib: pure Python); both give the same rows")
    p.add_argument("--list", action="store_true", help="list the cookbook queries and what they answer")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.list:
        print_list()
        return 0
    if not args.graph or not args.query:
        raise GeoKGError("give a graph file and a query (kg query GRAPH QUERY), or --list")
    query = load_query(args.query)
    params = parse_param_args(args.param)
    from kg.rdf.store import open_engine  # a graph file or an Oxigraph store directory

    engine = open_engine(args.graph, args.engine)
    result = run_query(engine, query, params)
    if result.boolean is not None:
        print("true" if result.boolean else "false")
    elif result.graph is not None:
        from kg.rdf.writer import serialize_turtle

        sys.stdout.write(serialize_turtle(result.graph))
    elif args.format == "csv":
        write_csv(result)
    elif args.format == "json":
        write_json(result)
    else:
        write_table(result)
    return 0


def print_list() -> None:
    queries = list_queries()
    width = max((len(q.name) for q in queries), default=0)
    for q in queries:
        params = f"  [--param {', '.join(p.name for p in q.params)}]" if q.params else ""
        print(f"{q.name:<{width}}  {q.title}{params}")


# --------------------------------------------------------------------------- output


def _width(text: str) -> int:
    """Columns a string takes in a terminal (combining marks 0, wide characters 2)."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _cell(term) -> str:
    return " ".join(display_term(term).split()) if term is not None else ""


def write_table(result: QueryResult, out=None) -> None:
    """Aligned columns; a variable ``?x`` is hidden when the query also selects ``?xLabel``."""
    out = out or sys.stdout
    shown = [i for i, v in enumerate(result.vars) if f"{v}Label" not in result.vars]
    headers = [result.vars[i] for i in shown]
    rows = [[_cell(row[i]) for i in shown] for row in result.rows]
    widths = [max([_width(h)] + [_width(r[c]) for r in rows]) for c, h in enumerate(headers)]
    out.write("  ".join(_pad(h, w) for h, w in zip(headers, widths)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for r in rows:
        out.write("  ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() + "\n")
    n = len(rows)
    out.write(f"({n} row{'s' if n != 1 else ''})\n")


def write_csv(result: QueryResult, out=None) -> None:
    """SPARQL 1.1 CSV results: full IRIs, lexical forms, empty cells for unbound."""
    writer = csv.writer(out or sys.stdout, lineterminator="\n")
    writer.writerow(result.vars)
    for row in result.rows:
        writer.writerow(["" if t is None else f"_:{t}" if isinstance(t, BNode) else str(t) for t in row])


def _json_term(term) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        value = {"type": "literal", "value": str(term)}
        if term.language:
            value["xml:lang"] = term.language
        elif term.datatype is not None:
            value["datatype"] = str(term.datatype)
        return value
    raise GeoKGError(f"cannot write {term!r} as JSON")


def write_json(result: QueryResult, out=None) -> None:
    """SPARQL 1.1 Query Results JSON."""
    out = out or sys.stdout
    bindings = [{v: _json_term(t) for v, t in zip(result.vars, row) if t is not None} for row in result.rows]
    json.dump({"head": {"vars": result.vars}, "results": {"bindings": bindings}}, out,
              ensure_ascii=False, indent=2)
    out.write("\n")
