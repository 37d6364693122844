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
