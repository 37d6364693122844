"""``kg query``: cookbook by name, parameters, table/CSV/JSON output, one-line errors."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kg.cli import main
from kg.rdf.exports import write_exports

try:
    from tests.fixtures.contract_graph import contract_graph
except ImportError:  # tests/ itself on sys.path
    from fixtures.contract_graph import contract_graph


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    directory = tmp_path_factory.mktemp("graph")
    write_exports(contract_graph(), directory, ["ttl", "trig", "jsonld"])
    return directory


@pytest.fixture(scope="module")
def ttl(out):
    return str(out / "graph.ttl")


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list(capsys):
    code, out, _ = run(capsys, "query", "--list")
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == [
        "actors-by-articles", "analyst-claims", "country-dyads", "edge-evidence", "hypothetical-claims", "meetings",
        "negated-claims", "supplied-to", "who-sanctioned"]
    sanction = next(line for line in lines if line.startswith("who-sanctioned"))
    assert "Who sanctioned whom" in sanction and "--param source, target" in sanction


def test_list_after_a_graph(capsys, ttl):
    code, out, _ = run(capsys, "query", ttl, "--list")
    assert code == 0 and "meetings" in out


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_table_prefers_labels(capsys, ttl, engine):
    code, out, _ = run(capsys, "query", ttl, "who-sanctioned", "--param", "target=روسيا", "--engine", engine)
    assert code == 0
    assert out.splitlines() == [
        "sourceLabel    targetLabel  articles  first       last",
        "-------------  -----------  --------  ----------  ----------",
        "United States  Russia       1         2024-03-04  2024-03-04",
        "(1 row)",
    ]


def test_table_aligns_arabic(capsys, ttl):
    code, out, _ = run(capsys, "query", ttl, "supplied-to", "-p", "target=أوكرانيا")
    assert code == 0
    cells = [("targetLabel", "أوكرانيا"), ("sourceLabel", "United States"), ("item", "ذخيرة مدفعية"),
             ("modality", "gkg:Asserted"), ("attributedToLabel", ""), ("date", "2024-03-05"),
             ("article", "article:ar-001")]
    widths = [max(len(h), len(v)) for h, v in cells]
    assert out.splitlines() == [
        "  ".join(h.ljust(w) for (h, _), w in zip(cells, widths)).rstrip(),
        "  ".join("-" * w for w in widths),
        "  ".join(v.ljust(w) for (_, v), w in zip(cells, widths)),
        "(1 row)",
    ]


def test_combining_marks_take_no_column():
    from kg.commands.query import _width

    assert _width("روسيا") == 5
    assert _width("يُعقد") == 4  # damma is a combining mark


def test_table_from_trig_and_empty_result(capsys, out):
    code, text, _ = run(capsys, "query", str(out / "graph.trig"), "who-sanctioned", "--param", "target=Iran")
    assert code == 0
    assert text.splitlines()[-1] == "(0 rows)"


def test_csv(capsys, out):
    code, text, _ = run(capsys, "query", str(out / "graph.jsonld"), "actors-by-articles", "--format", "csv",
                        "--param", "class=Organization")
    assert code == 0
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["actor", "actorLabel", "type", "articles"],
                    ["https://w3id.org/geokg/actor/EU", "European Union",
                     "https://w3id.org/geokg/ontology#Organization", "2"]]


def test_json_is_sparql_results_json(capsys, ttl):
    code, text, _ = run(capsys, "query", ttl, "meetings", "--format", "json", "--param", "actor=Haddad")
    assert code == 0
    data = json.loads(text)
    assert data["head"]["vars"][:2] == ["actor1", "actor1Label"]
    first, second = data["results"]["bindings"]
    assert "date" not in first and "place" not in first  # unbound cells are left out
    assert second["placeLabel"] == {"type": "literal", "value": "Russia", "xml:lang": "en"}
    assert second["date"] == {"type": "literal", "value": "2024-03-04",
                              "datatype": "http://www.w3.org/2001/XMLSchema#date"}
    assert second["place"] == {"type": "uri", "value": "https://w3id.org/geokg/actor/RUS"}


def test_rq_file_and_sparql_text(capsys, ttl, tmp_path):
    path = tmp_path / "count.rq"
    path.write_text("# Count claims.\nPREFIX gkg: <https://w3id.org/geokg/ontology#>\n"
                    "SELECT (COUNT(?c) AS ?claims) WHERE { ?c a gkg:Claim }\n", encoding="utf-8")
    code, out, _ = run(capsys, "query", ttl, str(path))
    assert code == 0 and out.splitlines()[2].strip() == "16"
    code, out, _ = run(capsys, "query", ttl, "ASK { ?s ?p ?o }")
    assert (code, out) == (0, "true\n")


@pytest.mark.parametrize("argv, message", [
    (["missing.ttl", "meetings"], "no such file"),
    (["GRAPH", "nope"], "no cookbook query named 'nope'"),
    (["GRAPH", "who-sanctioned", "--param", "target"], "bad --param 'target'"),
    (["GRAPH", "who-sanctioned", "--param", "country=Russia"], "has no parameter 'country'"),
    (["GRAPH", "who-sanctioned", "--param", "target=Atlantis"], "no actor with that label"),
    (["GRAPH", "SELECT ?x WHERE { ?x"], "SPARQL error"),
    (["GRAPH"], "give a graph file and a query"),
])
def test_errors_are_one_line(capsys, ttl, tmp_path, argv, message):
    argv = [ttl if a == "GRAPH" else str(tmp_path / a) if a == "missing.ttl" else a for a in argv]
    code, out, err = run(capsys, "query", *argv)
    assert code == 2
    assert err.startswith("kg query: error: ") and message in err
    assert len(err.strip().splitlines()) == 1


def test_python_dash_m_kg_is_the_cli():
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True)
    assert run.returncode == 0 and "build" in run.stdout
