"""Issue 17: IRIs valid by construction (RFC 3987); an unusable URL is kept as a string;
kg validate checks IRIs; every built graph parses in Oxigraph (see conftest)."""

from __future__ import annotations

import json
import random

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.cli import main
from kg.model import ArticleResult
from kg.rdf.iri import is_absolute_iri, iri_segment, web_iri
from kg.rdf.writer import article_iri, build_graph, serialize_turtle
from strict_graphs import check_graph_text

TEXT = "France supplied tanks to Ukraine. Russia criticized Paris."


def _oxigraph_accepts(text: str) -> bool:
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("url, expected", [
    ("https://example.com/news/1", "https://example.com/news/1"),
    ("https://ar.example/الحوثي", "https://ar.example/الحوثي"),  # non-ASCII letters are IRI characters
    (" https://x.org/a b ", "https://x.org/a%20b"),
    ("https://x.org/a[1]", "https://x.org/a%5B1%5D"),
    ("https://x.org/%zz", "https://x.org/%25zz"),
    ("https://x.org/a#b#c", "https://x.org/a#b%23c"),
    ("http://[::1]/x", "http://[::1]/x"),
    ("www.example.com/news/1", None),
    ("relative/path", None),
    ("C:\\news\\x.txt", None),
    ("", None),
])
def test_web_iri_repairs_or_refuses(url, expected):
    assert web_iri(url) == expected
    if expected is not None:
        assert is_absolute_iri(expected) and _oxigraph_accepts(expected)


def test_the_iri_check_agrees_with_oxigraph():
    alphabet = list("abXZ09:/?#[]@!$&'()*+,;=%~-._ <>\"{}|^`\\") + ["é", "ح", "\u2028", "\x85", "\ue000", "%4", "%41"]
    rnd = random.Random(17)
    for _ in range(5000):
        text = rnd.choice(["http:", "https://", "a:", "urn:x:", "http://[", ""]) + \
            "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 10)))
        assert is_absolute_iri(text) == _oxigraph_accepts(text), text
        repaired = web_iri(text)
        assert repaired is None or _oxigraph_accepts(repaired), (text, repaired)


def test_article_iris_keep_hash_and_slash_apart():
    iris = {ident: str(article_iri(ident)) for ident in ("a#2", "a/2", "a%232", "a/2#2", "..", "d 1/é#x")}
    assert len(set(iris.values())) == len(iris)
    assert iris["a#2"].endswith("/article/a/2") and iris["a/2"].endswith("/article/a%2F2")
    assert all(_oxigraph_accepts(iri) for iri in iris.values())
    assert iri_segment("..") == "%2E%2E"


def _article(ident: str, url) -> ArticleResult:
    return ArticleResult(identifier=ident, lang="en", text=TEXT, url=url, source_path=f"{ident}.txt")


def test_unusable_urls_are_strings_and_the_graph_parses_in_oxigraph():
    urls = ["www.example.com/news/1", "relative/path", "https://x.org/a[1]", "https://x.org/%zz", {"href": "x"}, 42]
    articles = [_article(f"u{i}", url) for i, url in enumerate(urls)]
    g = build_graph(articles)
    text = serialize_turtle(g)
    check_graph_text(text, "ttl")
    sources = {str(s).rsplit("/", 1)[1]: o for s, o in g.subject_objects(DCTERMS.source)}
    assert sources["u0"] == Literal("www.example.com/news/1") and sources["u1"] == Literal("relative/path")
    assert sources["u2"] == URIRef("https://x.org/a%5B1%5D") and sources["u3"] == URIRef("https://x.org/%25zz")
    assert sources["u4"] == Literal("u4.txt") and sources["u5"] == Literal("u5.txt")  # not a string: the file


def _feed(path, records):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def test_bad_urls_build_query_and_store(tmp_path, capsys):
    feed = _feed(tmp_path / "feed.jsonl", [
        {"id": "a", "text": TEXT, "url": "www.example.com/news/1"},
        {"id": "b", "text": TEXT, "url": "relative/path"},
        {"id": "c", "text": TEXT, "url": "https://x.org/a[1]?q=%zz"},
        {"id": "d", "text": TEXT, "url": {"href": "https://x.org"}},
    ])
    out, store = tmp_path / "out", tmp_path / "store"
    assert main(["build", str(feed), "--out", str(out), "--store", str(store), "--quiet", "--no-view"]) == 0
    err = capsys.readouterr().err
    assert "feed.jsonl:4: 'url' is not a string" in err and "Traceback" not in err
    list(ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE))  # strict parse
    assert main(["query", str(out / "graph.ttl"), "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?o }"]) == 0
    assert main(["query", str(store), "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?o }"]) == 0
    # appending keeps them strings: rdflib never gets a relative IRI to resolve against the folder
    feed2 = _feed(tmp_path / "more.jsonl", [{"id": "e", "text": TEXT, "url": "another/relative"}])
    assert main(["build", str(feed2), "--out", str(out), "--append", "--quiet", "--no-view"]) == 0
    text = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "file:" not in text and '"www.example.com/news/1"' in text
    list(ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE))
    assert main(["validate", str(out / "graph.ttl")]) == 0


def test_validate_checks_iris(tmp_path, capsys):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix dcterms: <http://purl.org/dc/terms/> .\n"
                   "<https://w3id.org/geokg/article/x> dcterms:source <www.example.com/news/1> .\n"
                   "<https://w3id.org/geokg/article/y> dcterms:source <https://x.org/%zz> .\n", encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "does not parse in a strict RDF reader" in out and "No scheme" in out
    assert "<https://x.org/%zz> is not a valid absolute IRI" in out


def test_the_strict_check_of_the_suite_catches_a_bad_graph():
    with pytest.raises(AssertionError, match="Oxigraph"):
        check_graph_text("<https://x.org/a> <https://x.org/p> <relative> .\n", "ttl")
