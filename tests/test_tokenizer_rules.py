"""geokg's tokenizer (``kg.nlp.tokenizer``: one-character special cases dropped so that the
word cache keeps working after a line break, a bigger cache, expressions that remember
their answers) gives spaCy's own tokens: around every affix, alone or repeated."""

import itertools
import pickle

import numpy
import pytest
import spacy
from spacy import attrs
from spacy.util import compile_suffix_regex

from kg.nlp.tokenizer import CLOSING_PUNCTUATION, make_tokenizer

ATTRS = [attrs.ORTH, attrs.NORM, attrs.LOWER, attrs.SHAPE, attrs.PREFIX, attrs.SUFFIX, attrs.IDX, attrs.SPACY,
         attrs.LEMMA, attrs.IS_ALPHA, attrs.IS_PUNCT, attrs.IS_SPACE, attrs.LIKE_NUM]
PIECES = list(".,;:!?()[]{}\"'’‘“”«»—–-…،؛؟/%$#@&*+=") + [
    "", " ", "\n", "a", "A", "ب", "ال", "1", "...", "'s", "n't", "Co.", "Feb.", "U.S.", "can't", ":)", "\xa0"]


def _tokenizers(lang: str):
    base = spacy.blank(lang)  # spaCy's tokenizer with the one change of tokens (quotes)
    base.tokenizer.suffix_search = compile_suffix_regex(list(base.Defaults.suffixes) + [CLOSING_PUNCTUATION]).search
    return base.tokenizer, make_tokenizer(spacy.blank(lang))


def _same(a, b) -> bool:
    return [t.text_with_ws for t in a] == [t.text_with_ws for t in b] \
        and numpy.array_equal(a.to_array(ATTRS), b.to_array(ATTRS))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_dropped_rules_are_one_character_without_attributes(lang):
    base, ours = _tokenizers(lang)
    dropped = set(base.rules) - set(ours.rules)
    assert {"\n", "'"} <= dropped
    assert all(len(text) == 1 and base.rules[text] == [{attrs.ORTH: text}] for text in dropped)
    assert "\xa0" in ours.rules  # its rule sets a norm


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_tokens_equal_around_every_affix(lang):
    base, ours = _tokenizers(lang)
    dropped = sorted(set(base.rules) - set(ours.rules))
    words = [p + c + q for c in dropped for p, q in itertools.product(PIECES, repeat=2)]
    for word in words:  # alone: no other special case in the doc
        assert _same(base(word), ours(word)), word
    for i in range(0, len(words), 40):  # in running text after a special case, twice (then cached)
        text = "Feb. " + " ".join(words[i:i + 40]) + "\n" + "  ".join(words[i:i + 40])
        assert _same(base(text), ours(text)), text


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_expressions_remember_and_serialise(lang):
    base, ours = _tokenizers(lang)
    assert ours.suffix_search.__self__.pattern == base.suffix_search.__self__.pattern
    assert ours.max_cache_size > base.max_cache_size
    again = spacy.blank(lang).tokenizer.from_bytes(ours.to_bytes())  # spaCy reads ``__self__.pattern``
    text = "Russia's envoy (IRNA) said: \"no.\" — وقالت روسيا «لا»."
    assert [t.text for t in again(text)] == [t.text for t in ours(text)] == [t.text for t in base(text)]
    assert [t.text for t in pickle.loads(pickle.dumps(ours))(text)] == [t.text for t in base(text)]
    first = ours.infix_finditer("well-known")
    assert [m.span() for m in first] == [m.span() for m in ours.infix_finditer("well-known")]
