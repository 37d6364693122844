"""The token table and sentence bounds give what spaCy's Token and Doc.sents would."""

import pytest

from kg.pipeline import get_nlp
from kg.nlp.tokens import _build, sentence_bounds, token_table

TEXTS = {
    "en": "Russia's envoy met Iran's (IRNA) minister on 3 May.\n\nThey signed 12 deals. Next?",
    "ar": "التقى وزير الخارجية الروسي بنظيره الإيراني في موسكو.\nووقعا 12 اتفاقية لروسيا وإيران!",
}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_table_columns_match_spacy_tokens(lang):
    nlp = get_nlp(lang)
    doc = nlp.make_doc(TEXTS[lang])
    for name in ("geokg_sentences", "geokg_normalizer"):
        doc = nlp.get_pipe(name)(doc)
    table = token_table(doc)
    assert list(table.text) == [t.text for t in doc]
    assert list(table.norm) == [t.norm_ for t in doc]
    assert list(table.space) == [t.is_space for t in doc]
    assert list(table.alpha) == [t.is_alpha for t in doc]
    assert list(table.lower) == [t.is_lower for t in doc]
    assert list(table.num) == [t.like_num for t in doc]
    assert [table.proclitic(i) for i in range(len(doc))] == [t._.proclitic for t in doc]
    assert [table.enclitic(i) for i in range(len(doc))] == [t._.enclitic for t in doc]
    assert [(table.start_char(s.start), table.end_char(s.end)) for s in doc.sents] == \
        [(s.start_char, s.end_char) for s in doc.sents]
    assert sentence_bounds(doc) == [(s.start, s.end) for s in doc.sents]
    rebuilt = _build(doc)  # a doc that did not pass the normalizer gets the same columns
    assert list(rebuilt.text) == list(table.text) and list(rebuilt.norm) == list(table.norm)


def test_sentences_break_after_end_marks_and_line_ends():
    nlp = get_nlp("en")
    doc = nlp.get_pipe("geokg_sentences")(nlp.make_doc("One. Two!! Three\nFour"))
    assert [s.text for s in doc.sents] == ["One.", "Two!!", "Three\n", "Four"]


def test_words_and_between_follow_slice_semantics():
    nlp = get_nlp("en")
    doc = nlp.get_pipe("geokg_normalizer")(nlp.make_doc("a  b c"))
    table = token_table(doc)
    assert list(table.between(-1, 2)) == list(range(len(doc)))[-1:2]
    assert [table.text[i] for i in table.words(0, len(doc))] == ["a", "b", "c"]


@pytest.mark.parametrize("text", ["a  b c\n\n d  e", "a b c d", "  a", "a  "])
def test_words_skip_space_tokens_in_every_window(text):
    nlp = get_nlp("en")
    table = token_table(nlp.get_pipe("geokg_normalizer")(nlp.make_doc(text)))
    n = len(table)
    for start in range(-n - 1, n + 2):
        for end in range(-n - 1, n + 2):
            assert table.words(start, end) == [i for i in table.between(start, end) if not table.space[i]]


def test_doc_values_are_the_extension_attributes():
    """``doc_value``/``set_doc_value`` read and write what ``doc._`` does (spaCy's key in user_data)."""
    from kg.nlp.extensions import doc_value, set_doc_value

    doc = get_nlp("en").make_doc("Iran and Iraq.")
    assert [doc_value(doc, n) for n in ("discourse", "claims", "masked", "offset")] == \
        [doc._.discourse, doc._.claims, doc._.masked, doc._.offset] == [None, None, None, 0]
    marker = object()
    doc._.discourse = marker
    set_doc_value(doc, "offset", 7)
    assert doc_value(doc, "discourse") is marker and doc._.offset == 7
    with pytest.raises(AttributeError):
        set_doc_value(doc, "unknown", 1)
