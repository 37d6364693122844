"""SHACL shapes: the contract graph conforms, and each kind of breakage is reported in words."""

from __future__ import annotations

import dataclasses
import time

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH

from kg.cli import main
from kg.rdf.cookbook import ontology_dir
from kg.rdf.namespaces import ACTOR, ARTICLE, GKG, RELATIONS
from kg.rdf.validate import validate_graph
from kg.rdf.writer import build_graph, serialize_turtle

try:
    from tests.fixtures.contract_graph import contract_articles, contract_graph
except ImportError:  # tests/ itself on sys.path
    from fixtures.contract_graph import contract_articles, contract_graph


def claim_of(g: Graph, subject: str, relation: str, obj: str, article: str) -> URIRef:
    found = [c for c in g.subjects(RDF.predicate, GKG[relation])
             if (c, RDF.subject, ACTOR[subject]) in g and (c, RDF.object, ACTOR[obj]) in g
             and (c, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), ARTICLE[article]) in g]
    assert len(found) == 1
    return found[0]


def curie(iri: URIRef) -> str:
    return "claim:" + str(iri).rsplit("/", 1)[1]


@pytest.fixture()
def graph() -> Graph:
    return contract_graph()


def test_shapes_parse_and_list_the_relations():
    shapes = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    lists = [Collection(shapes, o) for o in shapes.objects(URIRef("https://w3id.org/geokg/shapes#ClaimPredicateRelation"), SH["in"])]
    assert len(lists) == 1
    assert [str(t).rsplit("#", 1)[1] for t in lists[0]] == list(RELATIONS)
    for shape in shapes.subjects(SH.path, None):
        assert {m.language for m in shapes.objects(shape, SH.message)} == {"en", "ar"}, shape


def test_shapes_are_valid_shacl(graph):
    from pyshacl import validate

    shapes = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    onto = Graph().parse(ontology_dir() / "geokg.ttl", format="turtle")
    conforms, _, text = validate(graph, shacl_graph=shapes, ont_graph=onto, meta_shacl=True, inference="none")
    assert conforms, text


def test_contract_graph_conforms(graph):
    report = validate_graph(graph)
    assert report.conforms, report.violations
    assert report.violations == []
    assert report.text() == "conforms"


def test_validation_does_not_touch_the_data(graph):
    before = set(graph)
    validate_graph(graph)
    assert set(graph) == before


def test_broken_graph_reports_each_violation(graph):
    no_evidence = claim_of(graph, "USA", "sanctioned", "RUS", "en-001")
    two_subjects = claim_of(graph, "RUS", "attacked", "UKR", "ar-001")
    not_relation = claim_of(graph, "USA", "accused", "RUS", "ar-001")
    no_polarity = claim_of(graph, "IRN", "threatened", "USA", "ar-001")
    graph.remove((no_evidence, GKG.evidence, None))
    graph.add((two_subjects, RDF.subject, ACTOR.IRN))
    graph.set((not_relation, RDF.predicate, RDFS.label))
    graph.remove((no_polarity, GKG.polarity, None))
    graph.remove((ACTOR.EU, RDFS.label, None))
    graph.remove((ARTICLE["ar-001"], DCTERMS.language, None))

    report = validate_graph(graph)
    assert not report.conforms
    assert report.violations == sorted([
        "actor actor:EU has no label (rdfs:label)",
        "article article:ar-001 has no language (dcterms:language)",
        f"claim {curie(no_evidence)} has no evidence",
        f"claim {curie(two_subjects)} has more than one subject (rdf:subject): actor:IRN, actor:RUS",
        f"claim {curie(not_relation)} has a predicate that is not a geokg relation property: rdfs:label",
        f"claim {curie(no_polarity)} has no polarity",
    ])


def test_more_breakage(graph):
    claim = claim_of(graph, "USA", "supplied", "UKR", "ar-001")
    other = claim_of(graph, "IRN", "cooperatedWith", "RUS", "en-001")
    graph.set((claim, GKG.evidence, Literal("   ", lang="ar")))
    graph.set((claim, GKG.polarity, GKG.Asserted))
    graph.set((claim, GKG.startChar, Literal(200)))
    graph.set((other, GKG.evidence, Literal("no language tag")))
    graph.remove((other, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), None))
    graph.add((ACTOR.ghost, RDFS.label, Literal("Ghost", lang="en")))
    graph.add((ARTICLE["en-001"], GKG.mentions, ACTOR.ghost))
    graph.add((ACTOR.UKR, RDF.type, GKG.Organization))
    graph.add((ACTOR.RUS, OWL.sameAs, URIRef("https://example.org/russia")))
    graph.remove((ARTICLE["en-001"], DCTERMS.identifier, None))

    violations = validate_graph(graph).violations
    assert violations == sorted([
        "actor actor:RUS has an owl:sameAs that is not a Wikidata item IRI: <https://example.org/russia>",
        "actor actor:UKR has more than one of the classes gkg:Country, gkg:Organization, gkg:Person: "
        "gkg:Country, gkg:Organization",
        "actor actor:ghost has no actor class (gkg:Country, gkg:Organization or gkg:Person)",
        "article article:en-001 has no identifier (dcterms:identifier)",
        f"claim {curie(claim)} has a polarity other than gkg:Positive or gkg:Negative: gkg:Asserted",
        f"claim {curie(claim)} has a start offset that is not before its end offset: 200",
        f"claim {curie(claim)} has empty evidence: \"   \"",
        f"claim {curie(other)} has evidence without a language tag: \"no language tag\"",
        f"claim {curie(other)} has no source article (prov:wasDerivedFrom)",
    ])


def test_messages_in_arabic(graph):
    claim = claim_of(graph, "USA", "sanctioned", "RUS", "en-001")
    graph.remove((claim, GKG.evidence, None))
    assert validate_graph(graph, lang="ar").violations == [f"الادعاء {curie(claim)} ليس له دليل (gkg:evidence)"]


def test_fast_on_ten_thousand_triples():
    articles = [dataclasses.replace(a, identifier=f"{a.identifier}-{i}")
                for i in range(40) for a in contract_articles()]
    graph = build_graph(articles)
    assert len(graph) > 8000
    start = time.perf_counter()
    report = validate_graph(graph)
    assert report.conforms
    assert time.perf_counter() - start < 15


# --------------------------------------------------------------------------- kg validate


def test_cli_conforms(tmp_path, capsys):
    path = tmp_path / "graph.ttl"
    path.write_text(serialize_turtle(contract_graph()), encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("conforms")


def test_cli_reports_violations(tmp_path, capsys):
    graph = contract_graph()
    claim = claim_of(graph, "USA", "sanctioned", "RUS", "en-001")
    graph.remove((claim, GKG.evidence, None))
    graph.remove((ACTOR.EU, RDFS.label, None))
    path = tmp_path / "broken.ttl"
    path.write_text(serialize_turtle(graph), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "actor actor:EU has no label (rdfs:label)",
        f"claim {curie(claim)} has no evidence",
    ]
    assert "2 violations" in captured.err


def test_cli_json(tmp_path, capsys):
    import json

    graph = contract_graph()
    graph.remove((ARTICLE["ar-001"], DCTERMS.language, None))
    path = tmp_path / "broken.nt"
    path.write_text(graph.serialize(format="nt"), encoding="utf-8")
    assert main(["validate", str(path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["conforms"] is False
    assert [v["text"] for v in data["violations"]] == ["article article:ar-001 has no language (dcterms:language)"]
    assert data["violations"][0]["path"] == "dcterms:language"


@pytest.mark.parametrize("name, content, message", [
    ("missing.ttl", None, "no such file"),
    ("broken.ttl", "this is { not turtle", "not valid turtle"),
    ("graph.xyz", "", "unknown RDF file type"),
])
def test_cli_bad_file_is_one_line(tmp_path, capsys, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kg validate: error: ") and message in err
    assert len(err.strip().splitlines()) == 1


def test_store_is_validated_like_its_file(tmp_path, capsys):
    """A store is read for the shapes alone (the predicates they name) and validated in
    place: the same violations as its file, and the store's own triple count."""
    import json

    from kg.rdf.store import load_into_store
    from kg.rdf.validate import shape_predicates

    graph = contract_graph()
    claim = claim_of(graph, "USA", "sanctioned", "RUS", "en-001")
    graph.remove((claim, GKG.evidence, None))
    graph.remove((ACTOR.EU, RDFS.label, None))
    path, store = tmp_path / "broken.ttl", tmp_path / "store"
    path.write_text(serialize_turtle(graph), encoding="utf-8")
    load_into_store(graph, store)
    assert GKG.evidence in shape_predicates() and DCTERMS.source not in shape_predicates()
    assert main(["validate", str(path), "--json"]) == 1
    from_file = json.loads(capsys.readouterr().out)
    assert main(["validate", str(store), "--json"]) == 1
    from_store = json.loads(capsys.readouterr().out)
    assert from_store["violations"] == from_file["violations"] and len(from_store["violations"]) == 2
    assert from_store["triples"] == from_file["triples"] == len(graph)
