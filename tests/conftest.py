"""Shared fixtures: run the extraction pipeline on sentences of our own."""

from __future__ import annotations

import pytest

from kg.ingest.readers import RawDocument
from kg.ingest.segment import segment_page
from kg.lang import load_language
from kg.extract.article import extract_page


def run_extraction(text: str, lang: str, identifier: str = "t"):
    doc = RawDocument(identifier, text, f"{identifier}.txt", {"lang": lang})
    return extract_page(segment_page(doc, load_language(lang)))


def claim_rows(text: str, lang: str) -> set[tuple]:
    """(subject, relation, object, polarity, modality, attributed_to) with persons shown by
    their label in the text's language and other actors by key."""
    rows = set()
    for art in run_extraction(text, lang):
        names = {k: (a.labels.get(lang) if a.type == "Person" else k) for k, a in art.actors.items()}
        for c in art.claims:
            rows.add((names.get(c.subject, c.subject), c.relation, names.get(c.object, c.object),
                      c.polarity, c.modality, names.get(c.attributed_to, c.attributed_to)))
    return rows


def claim_triples(text: str, lang: str) -> set[tuple[str, str, str]]:
    """(subject, relation, object) of every claim, by actor key."""
    return {(c.subject, c.relation, c.object) for art in run_extraction(text, lang) for c in art.claims}


def edges(text: str, lang: str) -> set[tuple]:
    return {(s, r, o, pol) for s, r, o, pol, _m, _a in claim_rows(text, lang)}


@pytest.fixture
def ar_edges():
    return lambda text: edges(text, "ar")


@pytest.fixture
def en_edges():
    return lambda text: edges(text, "en")


@pytest.fixture
def ar_rows():
    return lambda text: claim_rows(text, "ar")


@pytest.fixture
def en_rows():
    return lambda text: claim_rows(text, "en")


@pytest.fixture
def lang_rows():
    """The rows of a text in the language a parametrized test names: ``lang_rows(lang, text)``."""
    return lambda lang, text: claim_rows(text, lang)


# --- issue 17: every graph the suite builds must parse in a strict reader (Oxigraph) as well
# as in rdflib. Graphs made by kg build and kg.build (write_graph, build_paths) and the
# other formats a build writes are recorded during each test and parsed at its end.

@pytest.fixture(autouse=True)
def _built_graphs_parse_in_oxigraph_and_rdflib(monkeypatch):
    import kg.build
    import kg.commands.build
    import kg.rdf.exports
    from strict_graphs import check_graph_terms, check_graph_text

    built: list[tuple[str, str]] = []
    problems: list[str] = []  # checked when built (a test may break a graph on purpose later)
    write_graph, build_graph, export_graph = kg.build.write_graph, kg.build.build_graph, kg.rdf.exports.export_graph

    def recording_write_graph(*args, **kwargs):
        result = write_graph(*args, **kwargs)
        built.append(("ttl", result[0]))
        return result

    def recording_build_graph(*args, **kwargs):
        graph = build_graph(*args, **kwargs)
        try:
            check_graph_terms(graph)
        except AssertionError as err:
            problems.append(str(err))
        return graph

    def recording_export_graph(graph, fmt="ttl", *args, **kwargs):
        text = export_graph(graph, fmt, *args, **kwargs)
        built.append((fmt, text))
        return text

    monkeypatch.setattr(kg.build, "write_graph", recording_write_graph)
    monkeypatch.setattr(kg.commands.build, "write_graph", recording_write_graph)
    monkeypatch.setattr(kg.build, "build_graph", recording_build_graph)
    monkeypatch.setattr(kg.rdf.exports, "export_graph", recording_export_graph)
    yield
    assert not problems, problems[0]
    for fmt, text in built:
        check_graph_text(text, fmt)
