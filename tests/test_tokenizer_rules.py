"""The one-character special cases the pipeline drops from spaCy's tokenizer (so that its
word cache keeps working after a line break, see ``kg.pipeline._cache_after_line_breaks``)
change no token: around every affix, alone or repeated, the tokens are spaCy's own."""

import itertools

import numpy
import pytest
import spacy
from spacy import attrs

from kg.pipeline import _cache_after_line_breaks, _split_punctuation_after_quotes

ATTRS = [attrs.ORTH, attrs.NORM, attrs.LOWER, attrs.SHAPE, attrs.PREFIX, attrs.SUFFIX, attrs.IDX, attrs.SPACY,
         attrs.LEMMA, attrs.IS_ALPHA, attrs.IS_PUNCT, attrs.IS_SPACE, attrs.LIKE_NUM]
PIECES = list(".,;:!?()[]{}\"'’‘“”«»—–-…،؛؟/%$#@&*+=") + [
    "", " ", "\n", "a", "A", "ب", "ال", "1", "...", "'s", "n't", "Co.", "Feb.", "U.S.", "can't", ":)", "\xa0"]


def _tokenizers(lang: str):
    base = spacy.blank(lang)
    _split_punctuation_after_quotes(base)
    ours = spacy.blank(lang)
    _split_punctuation_after_quotes(ours)
    _cache_after_line_breaks(ours)
    return base.tokenizer, ours.tokenizer


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
