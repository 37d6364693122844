"""The SPARQL cookbook against the contract graph: exact rows, in rdflib and in Oxigraph."""

from __future__ import annotations

import shutil

import pytest
from rdflib import Literal, URIRef

from kg.errors import GeoKGError
from kg.rdf.cookbook import (
    OxigraphEngine, Param, RdflibEngine, display_term, get_query, list_queries, load_query,
    ontology_dir, parse_param_args, parse_query, prepare, resolve_param, run_query,
)
from kg.rdf.namespaces import ACTOR, GKG

try:
    from tests.fixtures.contract_graph import contract_graph
except ImportError:  # tests/ itself on sys.path
    from fixtures.contract_graph import contract_graph

N = None  # an unbound cell

# Every cookbook query, run without parameters on the contract graph: (columns, rows).
EXPECTED = {
    "country-dyads": (
        ["source", "sourceLabel", "relation", "target", "targetLabel", "polarity", "claims", "articles"],
        [('actor:RUS', 'Russia', 'gkg:supplied', 'actor:IRN', 'Iran', 'gkg:Positive', '2', '2'),
         ('actor:EU', 'European Union', 'gkg:sanctioned', 'actor:IRN', 'Iran', 'gkg:Negative', '1', '1'),
         ('actor:EU', 'European Union', 'gkg:sanctioned', 'actor:RUS', 'Russia', 'gkg:Positive', '1', '1'),
         ('actor:IRN', 'Iran', 'gkg:cooperatedWith', 'actor:RUS', 'Russia', 'gkg:Positive', '1', '1'),
         ('actor:IRN', 'Iran', 'gkg:metWith', 'actor:RUS', 'Russia', 'gkg:Positive', '1', '1'),
         ('actor:IRN', 'Iran', 'gkg:visited', 'actor:RUS', 'Russia', 'gkg:Positive', '1', '1'),
         ('actor:IRN', 'Iran', 'gkg:threatened', 'actor:USA', 'United States', 'gkg:Positive', '1', '1'),
         ('actor:RUS', 'Russia', 'gkg:criticized', 'actor:EU', 'European Union', 'gkg:Positive', '1', '1'),
         ('actor:RUS', 'Russia', 'gkg:metWith', 'actor:IRN', 'Iran', 'gkg:Positive', '1', '1'),
         ('actor:RUS', 'Russia', 'gkg:metWith', 'actor:USA', 'United States', 'gkg:Negative', '1', '1'),
         ('actor:RUS', 'Russia', 'gkg:attacked', 'actor:UKR', 'أوكرانيا', 'gkg:Positive', '1', '1'),
         ('actor:USA', 'United States', 'gkg:accused', 'actor:RUS', 'Russia', 'gkg:Positive', '1', '1'),
         ('actor:USA', 'United States', 'gkg:sanctioned', 'actor:RUS', 'Russia', 'gkg:Positive', '1', '1'),
         ('actor:USA', 'United States', 'gkg:supplied', 'actor:UKR', 'أوكرانيا', 'gkg:Positive', '1', '1')],
    ),
    "who-sanctioned": (
        ["source", "sourceLabel", "target", "targetLabel", "articles", "first", "last"],
        [("actor:USA", "United States", "actor:RUS", "Russia", "1", "2024-03-04", "2024-03-04")],
    ),
    "meetings": (
        ["actor1", "actor1Label", "actor2", "actor2Label", "date", "place", "placeLabel", "modality", "article"],
        [("actor:person-karim-haddad", "Karim Haddad", "actor:person-olga-fenn", "Olga Fenn", N, N, N,
          "gkg:Asserted", "article:en-002/2"),  # a symmetric pair in one order (issue 18)
         ("actor:person-karim-haddad", "Karim Haddad", "actor:person-olga-fenn", "Olga Fenn", "2024-03-04",
          "actor:RUS", "Russia", "gkg:Asserted", "article:en-001")],
    ),
    "supplied-to": (
        ["targetLabel", "sourceLabel", "item", "modality", "attributedToLabel", "date", "article"],
        [("Iran", "Russia", "drones", "gkg:Possible", "Lena Osmani", "2024-03-04", "article:en-001"),
         ("Iran", "Russia", "spare parts", "gkg:Possible", "Lena Osmani", "2024-03-04", "article:en-001"),
         ("Iran", "Russia", "ذخائر", "gkg:Alleged", "United States", "2024-03-05", "article:ar-001"),
         ("Iran", "Russia", "صواريخ", "gkg:Alleged", "United States", "2024-03-05", "article:ar-001"),
         ("أوكرانيا", "United States", "ذخيرة مدفعية", "gkg:Asserted", N, "2024-03-05", "article:ar-001")],
    ),
    "analyst-claims": (
        ["analystLabel", "subjectLabel", "relation", "objectLabel", "polarity", "modality", "evidence", "article"],
        [("Lena Osmani", "Russia", "gkg:supplied", "Iran", "gkg:Positive", "gkg:Possible",
          "Analyst Lena Osmani said Russia may supply drones and spare parts to Iran.", "article:en-001"),
         ("Lena Osmani", "European Union", "gkg:sanctioned", "Russia", "gkg:Positive", "gkg:Alleged",
          "the EU reportedly considered sanctions on Russia", "article:en-002/2")],
    ),
    "negated-claims": (
        ["subjectLabel", "relation", "objectLabel", "modality", "attributedTo", "date", "evidence", "article"],
        [("European Union", "gkg:sanctioned", "Iran", "gkg:Asserted", N, "2024-03-04",
          "The European Union has not imposed sanctions on Iran", "article:en-001"),
         ("Russia", "gkg:metWith", "United States", "gkg:Asserted", N, "2024-03-05",
          "ولم يُعقد أي لقاء بين موسكو وواشنطن.", "article:ar-001")],
    ),
    "hypothetical-claims": (
        ["subjectLabel", "relation", "objectLabel", "modality", "polarity", "attributedToLabel", "date", "article"],
        [("European Union", "gkg:sanctioned", "Russia", "gkg:Alleged", "gkg:Positive", "Lena Osmani", N,
          "article:en-002/2"),
         ("Russia", "gkg:supplied", "Iran", "gkg:Possible", "gkg:Positive", "Lena Osmani", "2024-03-04",
          "article:en-001"),
         ("Iran", "gkg:threatened", "United States", "gkg:Possible", "gkg:Positive", N, "2024-03-05",
          "article:ar-001"),
         ("Russia", "gkg:supplied", "Iran", "gkg:Alleged", "gkg:Positive", "United States", "2024-03-05",
          "article:ar-001")],
    ),
    "actors-by-articles": (
        ["actor", "actorLabel", "type", "articles"],
        [("actor:RUS", "Russia", "gkg:Country", "3"),
         ("actor:EU", "European Union", "gkg:Organization", "2"),
         ("actor:IRN", "Iran", "gkg:Country", "2"),
         ("actor:person-karim-haddad", "Karim Haddad", "gkg:Person", "2"),
         ("actor:person-lena-osmani", "Lena Osmani", "gkg:Person", "2"),
         ("actor:person-olga-fenn", "Olga Fenn", "gkg:Person", "2"),
         ("actor:USA", "United States", "gkg:Country", "2"),
         ("actor:UKR", "أوكرانيا", "gkg:Country", "1")],
    ),
    "edge-evidence": (
        ["subject", "relation", "object", "polarity", "modality", "startChar", "date", "article"],
        [("actor:person-olga-fenn", "gkg:metWith", "actor:person-karim-haddad", "gkg:Positive", "gkg:Asserted",
          "15", N, "article:en-002/2"),
         ("actor:person-olga-fenn", "gkg:criticized", "actor:EU", "gkg:Positive", "gkg:Asserted",
          "64", N, "article:en-002/2"),
         ("actor:EU", "gkg:sanctioned", "actor:RUS", "gkg:Positive", "gkg:Alleged", "145", N, "article:en-002/2"),
         ("actor:USA", "gkg:sanctioned", "actor:RUS", "gkg:Positive", "gkg:Asserted",
          "53", "2024-03-04", "article:en-001"),
         ("actor:EU", "gkg:sanctioned", "actor:IRN", "gkg:Negative", "gkg:Asserted",
          "114", "2024-03-04", "article:en-001"),
         ("actor:person-karim-haddad", "gkg:metWith", "actor:person-olga-fenn", "gkg:Positive", "gkg:Asserted",
          "184", "2024-03-04", "article:en-001"),
         ("actor:person-karim-haddad", "gkg:affiliatedWith", "actor:IRN", "gkg:Positive", "gkg:Asserted",
          "184", "2024-03-04", "article:en-001"),
         ("actor:person-karim-haddad", "gkg:visited", "actor:RUS", "gkg:Positive", "gkg:Asserted",
          "201", "2024-03-04", "article:en-001"),
         ("actor:RUS", "gkg:supplied", "actor:IRN", "gkg:Positive", "gkg:Possible",
          "262", "2024-03-04", "article:en-001"),
         ("actor:IRN", "gkg:cooperatedWith", "actor:RUS", "gkg:Positive", "gkg:Asserted",
          "337", "2024-03-04", "article:en-001"),
         ("actor:RUS", "gkg:supplied", "actor:IRN", "gkg:Positive", "gkg:Alleged", "41", "2024-03-05", "article:ar-001"),
         ("actor:USA", "gkg:accused", "actor:RUS", "gkg:Positive", "gkg:Asserted", "41", "2024-03-05", "article:ar-001"),
         ("actor:USA", "gkg:supplied", "actor:UKR", "gkg:Positive", "gkg:Asserted", "99", "2024-03-05", "article:ar-001"),
         ("actor:RUS", "gkg:attacked", "actor:UKR", "gkg:Positive", "gkg:Asserted", "150", "2024-03-05", "article:ar-001"),
         ("actor:RUS", "gkg:metWith", "actor:USA", "gkg:Negative", "gkg:Asserted", "190", "2024-03-05", "article:ar-001"),
         ("actor:IRN", "gkg:threatened", "actor:USA", "gkg:Positive", "gkg:Possible",
          "227", "2024-03-05", "article:ar-001")],
    ),
}

# (query, params, columns, rows)
WITH_PARAMS = [
    ("who-sanctioned", {"target": "Russia"}, ["sourceLabel", "targetLabel"], [("United States", "Russia")]),
    ("who-sanctioned", {"target": "روسيا"}, ["sourceLabel", "targetLabel"], [("United States", "Russia")]),
    ("who-sanctioned", {"source": "washington", "target": "RUS"}, ["sourceLabel", "targetLabel"],
     [("United States", "Russia")]),
    ("who-sanctioned", {"target": "Iran"}, ["sourceLabel"], []),  # the EU's sanction was negated
    ("meetings", {"actor": "Fenn"}, ["actor1Label", "actor2Label", "placeLabel"],
     [("Karim Haddad", "Olga Fenn", N), ("Karim Haddad", "Olga Fenn", "Russia")]),
    ("meetings", {"actor": "United States"}, ["actor1Label"], []),  # the only one did not happen
    ("supplied-to", {"target": "أوكرانيا"}, ["sourceLabel", "item"], [("United States", "ذخيرة مدفعية")]),
    ("supplied-to", {"target": "Iran", "source": "actor:RUS"}, ["item", "modality"],
     [("drones", "gkg:Possible"), ("spare parts", "gkg:Possible"), ("ذخائر", "gkg:Alleged"),
      ("صواريخ", "gkg:Alleged")]),
    ("analyst-claims", {"analyst": "osmani"}, ["relation", "modality"],
     [("gkg:supplied", "gkg:Possible"), ("gkg:sanctioned", "gkg:Alleged")]),
    ("negated-claims", {"actor": "Moscow"}, ["relation", "objectLabel"], [("gkg:metWith", "United States")]),
    ("hypothetical-claims", {"actor": "the EU"}, ["relation", "objectLabel", "modality"],
     [("gkg:sanctioned", "Russia", "gkg:Alleged")]),
    ("actors-by-articles", {"class": "Country"}, ["actor", "articles"],
     [("actor:RUS", "3"), ("actor:IRN", "2"), ("actor:USA", "2"), ("actor:UKR", "1")]),
    ("actors-by-articles", {"class": "gkg:Analyst"}, ["actorLabel"], [("Lena Osmani",)]),
    ("edge-evidence", {"source": "Karim Haddad", "relation": "metWith", "target": "Olga Fenn"},
     ["subject", "evidence", "article"],
     [("actor:person-olga-fenn", "Olga Fenn held talks with Karim Haddad by phone.", "article:en-002/2"),
      ("actor:person-karim-haddad", "Iranian official Karim Haddad visited Moscow and met Russian envoy Olga Fenn.",
       "article:en-001")]),
    ("edge-evidence", {"source": "USA", "relation": "gkg:sanctioned", "target": "Russia"},
     ["evidence", "startChar", "endChar"],
     [("The United States imposed new sanctions on Russia on Monday.", "53", "113")]),
    ("edge-evidence", {"source": "Russia", "relation": "supplied", "target": "Iran"}, ["modality", "attributedTo"],
     [("gkg:Possible", "actor:person-lena-osmani"), ("gkg:Alleged", "actor:USA")]),
]


@pytest.fixture(scope="module")
def graph():
    return contract_graph()


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def engine(request, graph):
    return RdflibEngine(graph) if request.param == "rdflib" else OxigraphEngine.from_graph(graph)


def pick(result, columns):
    data = result.as_dicts()
    return [tuple(display_term(row[c]) if row[c] is not None else None for c in columns) for row in data]


def test_the_cookbook_answers_every_question_of_the_issue():
    queries = list_queries()
    assert [q.name for q in queries] == sorted(EXPECTED)
    for q in queries:
        assert q.title and q.title[0].isupper() and q.path.suffix == ".rq", q.name
        assert "# @values" in q.text, q.name
        assert q.params, q.name
        for p in q.params:
            assert p.description, (q.name, p.name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_query_rows(engine, name):
    columns, rows = EXPECTED[name]
    result = run_query(engine, name)
    assert set(columns) <= set(result.vars)
    assert pick(result, columns) == rows


@pytest.mark.parametrize("name, params, columns, rows", WITH_PARAMS,
                         ids=[f"{n}-{'-'.join(p.values())}" for n, p, _, _ in WITH_PARAMS])
def test_query_with_params(engine, name, params, columns, rows):
    assert pick(run_query(engine, name, params), columns) == rows


@pytest.mark.parametrize("value", ["Russia", "russia", "RUSSIA", "  Russia ", "روسيا", "Moscow", "موسكو",
                                   "RUS", "actor:RUS", "https://w3id.org/geokg/actor/RUS",
                                   "<https://w3id.org/geokg/actor/RUS>"])
def test_actor_resolution(engine, value):
    assert resolve_param(engine, Param("target", "actor"), value) == [ACTOR.RUS]


def test_repeated_param_matches_either(engine):
    result = run_query(engine, "negated-claims", {"actor": ["Iran", "United States"]})
    assert pick(result, ["subjectLabel", "objectLabel"]) == [("European Union", "Iran"), ("Russia", "United States")]


def test_relation_and_class_params(engine):
    assert resolve_param(engine, Param("r", "relation"), "gkg:metWith") == [GKG.metWith]
    assert resolve_param(engine, Param("r", "relation"), "supplied") == [GKG.supplied]
    assert resolve_param(engine, Param("c", "class"), "organization") == [GKG.Organization]
    with pytest.raises(GeoKGError, match="not a relation"):
        resolve_param(engine, Param("r", "relation"), "likes")
    with pytest.raises(GeoKGError, match="not an actor class"):
        resolve_param(engine, Param("c", "class"), "Claim")


@pytest.mark.parametrize("name, params, message", [
    ("who-sanctioned", {"victim": "Russia"}, "has no parameter 'victim'"),
    ("who-sanctioned", {"target": "Narnia"}, "no actor with that label"),
    ("who-sanctioned", {"target": 'Russia" } } SELECT * { ?s ?p ?o'}, "no actor with that label"),
    ("edge-evidence", {"relation": "rdfs:label"}, "not a relation"),
    ("who-sanctioned", {"target": "<https://example.org/a b>"}, "not a valid IRI"),
])
def test_bad_params(engine, name, params, message):
    with pytest.raises(GeoKGError, match=message):
        run_query(engine, name, params)


def test_values_are_escaped_never_pasted(engine):
    """A hostile value stays one literal: the query keeps its shape."""
    query = parse_query("SELECT ?v WHERE { }")
    for hostile in ['x" } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o . FILTER("\\n', "tab\there\r\n", "back\\slash'"]:
        text = prepare(engine, query, {"v": hostile})
        assert engine.query(text).rows == [(Literal(hostile),)]
    with pytest.raises(GeoKGError, match="contains"):
        prepare(engine, query, {"v": "a\\u0022 } SELECT"})


def test_own_query_with_trailing_values(engine):
    query = load_query("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                       "SELECT ?label WHERE { ?actor rdfs:label ?label } ORDER BY STR(?label)")
    result = run_query(engine, query, {"actor": "actor:IRN"})
    assert [str(r[0]) for r in result.rows] == ["Iran", "إيران"]


def test_ask_and_construct(engine):
    assert run_query(engine, "ASK { ?c a <https://w3id.org/geokg/ontology#Claim> }").boolean is True
    out = run_query(engine, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o . FILTER(?s = <https://w3id.org/geokg/actor/EU>) }")
    assert len(out.graph) == 4


def test_syntax_error_is_a_geokg_error(engine):
    with pytest.raises(GeoKGError, match="SPARQL error"):
        engine.query("SELECT ?x WHERE { ?x ")


def test_lookup_by_name_path_or_text(tmp_path):
    assert load_query("meetings").name == "meetings"
    path = tmp_path / "mine.rq"
    path.write_text("# Everything.\nSELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    mine = load_query(str(path))
    assert (mine.name, mine.title, mine.params) == ("mine", "Everything.", ())
    assert load_query("SELECT * WHERE { ?s ?p ?o }").name == "query"
    with pytest.raises(GeoKGError, match="no cookbook query named 'nope'"):
        get_query("nope")
    with pytest.raises(GeoKGError, match="no such query file"):
        load_query(str(tmp_path / "missing.rq"))


def test_parse_param_args():
    assert parse_param_args(["target=Russia", "target=Iran", "lang = ar"]) == {
        "target": ["Russia", "Iran"], "lang": ["ar"]}
    for bad in ["target", "=x", "no space=x"]:
        with pytest.raises(GeoKGError):
            parse_param_args([bad])


def test_ontology_dir_override(tmp_path, monkeypatch):
    copy = tmp_path / "onto"
    shutil.copytree(ontology_dir(), copy)
    (copy / "queries" / "count.rq").write_text(
        "# How many triples.\n# @param s iri  a subject\nSELECT (COUNT(*) AS ?n) WHERE {\n  # @values\n"
        "  ?s ?p ?o }\n", encoding="utf-8")
    monkeypatch.setenv("GEOKG_ONTOLOGY_DIR", str(copy))
    assert ontology_dir() == copy
    assert "count" in [q.name for q in list_queries()]
    result = run_query(RdflibEngine(contract_graph()), "count", {"s": "actor:EU"})
    assert result.rows == [(Literal(4),)]


def test_bad_param_declaration():
    with pytest.raises(GeoKGError, match="bad parameter line"):
        parse_query("# Title.\n# @param x colour  nope\nSELECT * WHERE {}", "bad")


def test_display_term():
    assert display_term(ACTOR.RUS) == "actor:RUS"
    assert display_term(URIRef("https://example.org/x")) == "<https://example.org/x>"
    assert display_term(Literal("روسيا", lang="ar")) == "روسيا"
    assert display_term(None) == ""


@pytest.mark.parametrize("value", ["ايران", "إيرَان", "IRAN", "طهران"])
def test_arabic_spelling_variants_resolve(engine, value):
    assert resolve_param(engine, Param("actor", "actor"), value) == [ACTOR.IRN]
