"""Our Turtle writer (kg.rdf.turtle): what it writes must read back as the same graph in
rdflib and in Oxigraph (two independent parsers), and not depend on insertion order."""

from __future__ import annotations

import random
import re

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

from kg.model import Actor, ArticleResult, Claim
from kg.rdf.turtle import write_turtle
from kg.rdf.writer import build_graph, serialize_turtle

EX = Namespace("http://example.org/x/")
OTHER = Namespace("http://example.org/x/deeper/")  # longer namespace inside EX
UNBOUND = "http://unbound.example/"
# Not rdflib's XSD at module level: pytest probes module globals, and XSD warns on them.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

TRICKY_TEXTS = [
    'say "hi"', "back\\slash", "ends with a backslash\\", "line one\nline two", "tab\there", "cr\r\nlf",
    "nul\x00 bell\x07 esc\x1b unit\x1f del\x7f nel\x85", '"""triple quotes"""', "'single'", "",
    "روسيا تدعم كوريا الشمالية", "emoji 🚀👍🏽", "mixed English و عربي", "\\u0041 is not an escape",
]
# Local parts after EX: some are safe prefixed names, the others need a full <IRI>.
LOCALS = ["plain", "a.b", "_under", "9lives", "a%20b", "%D8%B1", "-dash", "end.", "", "a/b", "with#hash",
          "f(x)", "a~b", "a:b", "ünï", "a'b", "a,b", "a;b", "."]


def tricky_triples() -> list[tuple]:
    s = EX.subject
    triples = [(s, RDF.type, EX.Thing), (s, RDF.type, EX.Other), (s, RDFS.label, Literal("x", lang="en"))]
    triples += [(s, EX.text, Literal(text)) for text in TRICKY_TEXTS]
    triples += [(s, EX.ar, Literal(text, lang="ar")) for text in TRICKY_TEXTS]
    triples += [(s, EX.link, URIRef(EX + local)) for local in LOCALS]
    triples += [(URIRef(EX + local), EX.back, s) for local in LOCALS]  # the same IRIs as subjects
    triples += [
        (s, EX.link, OTHER.inner), (s, EX.link, URIRef(UNBOUND + "thing")), (s, EX["p.q"], Literal(1)),
        (s, URIRef(UNBOUND + "pred"), Literal("unbound predicate")),
        (s, EX.date, Literal("2024-05-01", datatype=XSD.date)),
        (s, EX.int, Literal(42)), (s, EX.int, Literal(-3)), (s, EX.int, Literal(0)),
        (s, EX.int, Literal("abc", datatype=XSD.integer)),  # ill-typed, kept as written
        (s, EX.dec, Literal("1.50", datatype=XSD.decimal)), (s, EX.dbl, Literal(1e10)), (s, EX.dbl, Literal(-0.5)),
        (s, EX.bool, Literal(True)), (s, EX.bool, Literal(False)),
        (s, EX.custom, Literal("v", datatype=URIRef(UNBOUND + "dt#type"))),
        (s, EX.lang, Literal("colour", lang="en-GB")), (s, EX.lang, Literal("繁體", lang="zh-Hant-TW")),
        (s, EX.string, Literal("typed", datatype=XSD.string)),
    ]
    return triples


def graph_of(triples, bind=(("ex", EX), ("deep", OTHER), ("rdf", RDF), ("rdfs", RDFS), ("xsd", XSD))) -> Graph:
    g = Graph(bind_namespaces="none")
    for prefix, ns in bind:
        g.bind(prefix, ns)
    for triple in triples:
        g.add(triple)
    return g


def parse_rdflib(text: str) -> Graph:
    return Graph().parse(data=text, format="turtle")


def parse_oxigraph(text: str) -> Graph:
    """Oxigraph's reading of ``text`` as an rdflib graph, lexical forms kept exactly."""
    g = Graph()
    for quad in ox.parse(text, format=ox.RdfFormat.TURTLE):
        g.add((_from_ox(quad.subject), _from_ox(quad.predicate), _from_ox(quad.object)))
    return g


def _from_ox(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = None if term.datatype.value == str(XSD.string) else URIRef(term.datatype.value)
    return Literal(term.value, datatype=datatype, normalize=False)


def assert_round_trips(g: Graph) -> str:
    text = write_turtle(g)
    for parse in (parse_rdflib, parse_oxigraph):
        back = parse(text)
        assert len(back) == len(g), parse.__name__
        if any(isinstance(t, BNode) for triple in g for t in triple):
            assert isomorphic(back, g), parse.__name__
        else:
            assert set(back) == set(g), (parse.__name__, set(back) ^ set(g))
    return text


def test_tricky_terms_round_trip_through_rdflib_and_oxigraph():
    g = graph_of(t for t in tricky_triples() if t[2] != Literal("typed", datatype=XSD.string))
    assert_round_trips(g)


def test_invalid_iris_are_escaped_and_read_back_by_rdflib():
    # Not valid IRIs (a space, braces, a broken %-escape): Oxigraph rejects them whatever we write.
    invalid = [EX["bad type"], EX["x{y}"], EX["a%2"]]
    g = graph_of([(EX.s, EX.p, iri) for iri in invalid] + [(EX.s, EX.p, Literal("w", datatype=EX["bad type"]))])
    text = write_turtle(g)
    assert r"<http://example.org/x/bad\u0020type>" in text and r"<http://example.org/x/x\u007By\u007D>" in text
    assert "<http://example.org/x/a%2>" in text
    assert set(parse_rdflib(text)) == set(g)


def test_explicit_xsd_string_is_kept_for_rdflib():
    # RDF 1.1 makes "x"^^xsd:string and "x" the same literal, rdflib does not.
    g = graph_of([(EX.s, EX.p, Literal("typed", datatype=XSD.string)), (EX.s, EX.p, Literal("typed"))])
    assert set(parse_rdflib(write_turtle(g))) == set(g)


def test_safe_local_parts_become_prefixed_names_and_the_others_full_iris():
    text = write_turtle(graph_of(tricky_triples()))
    for local in ["plain", "a.b", "_under", "9lives", "a%20b", "%D8%B1", ""]:
        assert re.search(rf"^ex:{re.escape(local)}$", text, re.M), local
    for local in ["-dash", "end.", "a/b", "with#hash", "f(x)", "a~b", "a:b", "ünï", "a'b", "a,b", "a;b", "."]:
        assert re.search(rf"^<{re.escape(EX + local)}>$", text, re.M), local
    assert "deep:inner" in text  # the longest bound namespace wins
    assert f"<{UNBOUND}thing>" in text and f'"v"^^<{UNBOUND}dt#type>' in text


def test_literal_forms():
    text = write_turtle(graph_of(tricky_triples()))
    assert "ex:date \"2024-05-01\"^^xsd:date ;" in text
    assert '    ex:int\n        -3 ,\n        0 ,\n        42 ,\n        "abc"^^xsd:integer ;' in text
    assert "    ex:bool\n        false ,\n        true ;" in text and "    ex:p.q 1 ;" in text
    assert '"1.50"^^xsd:decimal' in text and '"-0.5"^^xsd:double' in text
    assert '"روسيا تدعم كوريا الشمالية"@ar' in text and "🚀👍🏽" in text  # UTF-8, not \u escapes
    assert '"colour"@en-GB' in text
    assert r'"nul\u0000 bell\u0007 esc\u001B unit\u001F del\u007F nel\u0085"' in text
    assert r'"line one\nline two"' in text and r'"say \"hi\""' in text and r'"ends with a backslash\\"' in text


def test_non_canonical_lexical_forms_survive():
    odd = [Literal("007", datatype=XSD.integer, normalize=False), Literal("+5", datatype=XSD.integer, normalize=False),
           Literal("1", datatype=XSD.boolean, normalize=False), Literal("TRUE", datatype=XSD.boolean, normalize=False)]
    g = graph_of((EX.s, EX.p, lit) for lit in odd)
    text = write_turtle(g)
    assert set(parse_oxigraph(text)) == set(g)  # Oxigraph keeps lexical forms as written
    by_rdflib = {lit.datatype: set() for lit in odd}
    for lit in parse_rdflib(text).objects(EX.s, EX.p):  # rdflib normalises them while parsing
        by_rdflib[lit.datatype].add(lit.value)
    assert by_rdflib == {XSD.integer: {7, 5}, XSD.boolean: {True}}


def test_subjects_come_in_iri_order():
    subjects = [EX[f"s{i:03d}"] for i in range(100)] + [URIRef(UNBOUND + "z"), URIRef("http://a.example/")]
    g = graph_of((s, EX.p, Literal(1)) for s in subjects)
    lines = [line for line in write_turtle(g).split("\n") if line.startswith(("ex:", "<"))]
    iris = [URIRef(EX + line[3:]) if line.startswith("ex:") else URIRef(line[1:-1]) for line in lines]
    assert iris == sorted(subjects, key=str)


def test_prefixes_turtle_cannot_declare_are_not_used():
    g = graph_of([(URIRef("http://p/one/x"), EX.p, URIRef("http://p/two/y"))])
    g.bind("1abc", "http://p/one/")  # rdflib accepts it; Turtle prefixes start with a letter
    g.bind("ex.", "http://p/two/")  # nor may they end with "."
    text = assert_round_trips(g)
    assert "<http://p/one/x>" in text and "<http://p/two/y>" in text


def test_the_longest_bound_namespace_wins():
    g = graph_of([(URIRef("http://p/inside"), EX.p, URIRef("http://p/x"))], bind=[("outer", "http://p/"), ("ex", EX)])
    g.bind("inner", "http://p/in")
    assert write_turtle(g).split("\n")[4] == "inner:side"


def test_layout():
    g = graph_of([(EX.b, EX.p, Literal("one")), (EX.a, EX.q, EX.c), (EX.a, RDF.type, EX.T), (EX.a, EX.q, EX.b),
                  (EX.a, EX.p, Literal(2))])
    assert write_turtle(g) == (
        "PREFIX ex: <http://example.org/x/>\n"
        "\n"
        "ex:a\n"
        "    a ex:T ;\n"
        "    ex:p 2 ;\n"
        "    ex:q\n"
        "        ex:b ,\n"
        "        ex:c ;\n"
        ".\n"
        "\n"
        "ex:b\n"
        "    ex:p \"one\" ;\n"
        ".\n"
    )


def test_no_statement_spreads_over_lines():
    """Strings never use the long form, so every line is one piece of the layout (line-based
    diffs and exports.to_trig see whole statements)."""
    lines = write_turtle(graph_of(tricky_triples())).split("\n")
    for before, line, after in zip([""] + lines, lines, lines[1:] + [""]):
        if line.startswith("    "):  # "verb object ;", "object ,", or a verb followed by its objects
            assert line.endswith((" ;", " ,")) or after.startswith(" " * 8), line
        elif line not in ("", ".") and not line.startswith("PREFIX "):
            assert before == "" and after.startswith("    "), line  # a subject


def test_only_used_prefixes_are_declared_and_none_invented():
    g = Graph()  # rdflib binds some thirty prefixes by default
    g.add((URIRef(UNBOUND + "s"), RDF.type, RDFS.Class))
    text = write_turtle(g)
    assert [line for line in text.split("\n") if line.startswith("PREFIX")] == [
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"]
    assert text.split("\n")[2] == f"<{UNBOUND}s>"


def test_empty_graph():
    assert write_turtle(Graph()) == ""


def test_same_graph_same_text_whatever_the_insertion_order():
    triples = tricky_triples() + [(BNode("n1"), EX.p, BNode("n2")), (BNode("n2"), EX.p, Literal("leaf"))]
    texts = set()
    for seed in range(5):
        random.Random(seed).shuffle(triples)
        bind = [("ex", EX), ("deep", OTHER), ("rdf", RDF), ("rdfs", RDFS), ("xsd", XSD)]
        random.Random(seed).shuffle(bind)
        texts.add(write_turtle(graph_of(triples, bind)))
    assert len(texts) == 1


def test_blank_nodes_get_labels_in_order_of_appearance():
    a, b, c = BNode(), BNode(), BNode()
    g = graph_of([(EX.s, EX.p, a), (a, EX.p, b), (b, EX.p, Literal("x")), (c, EX.q, c), (a, RDFS.label, Literal("a"))])
    text = assert_round_trips(g)
    labels = re.findall(r"_:b\d+", text)
    assert sorted(set(labels), key=lambda label: int(label[3:])) == list(dict.fromkeys(labels))
    assert set(labels) == {"_:b0", "_:b1", "_:b2"}


def test_terms_turtle_cannot_hold_are_refused():
    g = Graph()
    g.add((Literal("subject"), EX.p, EX.o))
    with pytest.raises(ValueError, match="subject"):
        write_turtle(g)


def _article(identifier: str, lang: str, title: str, evidence: str) -> ArticleResult:
    a = ArticleResult(identifier, lang, title=title, publisher="Wire", published="2024-05-01",
                      url="https://news.example/a?id=1&x=(2)")
    a.actors["RUS"] = Actor("RUS", "Country", wikidata="Q159", labels={"en": "Russia", "ar": "روسيا"},
                            alt_labels={"en": {"Moscow"}, "ar": {"موسكو"}})
    a.actors["PRK"] = Actor("PRK", "Country", wikidata="Q423", labels={"en": "North Korea"})
    a.actors["person-ivan-petrov"] = Actor("person-ivan-petrov", "Person", role="Analyst", affiliation="RUS",
                                           labels={"en": "Ivan Petrov"})
    a.actors["حزب"] = Actor("حزب", "Organization", labels={"ar": "حزب"})  # percent-encoded key
    a.claims += [
        Claim("RUS", "supplied", "PRK", evidence=evidence, start=0, end=len(evidence)),
        Claim("PRK", "metWith", "RUS", polarity="negative", modality="alleged", attributed_to="person-ivan-petrov",
              evidence='"No" meeting,\nwas held.', start=40, end=61, items=("fuel", "shells")),
    ]
    return a


def test_a_built_graph_round_trips():
    g = build_graph([_article("a1", "en", 'Title with "quotes"', "Russia sent fuel to North Korea."),
                     _article("page#2", "ar", "عنوان", "أرسلت روسيا الوقود إلى كوريا الشمالية.")])
    text = assert_round_trips(g)
    assert serialize_turtle(g) == text
    assert "actor:%D8%AD%D8%B2%D8%A8" in text and '"روسيا"@ar' in text
