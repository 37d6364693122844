"""spaCy's tokenizer of a language with geokg's settings, made in one go.

Three changes of tokens and three of cost, none of which changes a token:

* a full stop or comma after a closing quote or bracket is split off (spaCy's Arabic rules
  keep 'واهية".' and 'حماس».' whole, so the word before the quote never matched);
* an opening quote after a proclitic drawn out with a tatweel is split off ('لـ"حزب' held the
  name's first word, so "حزب الله" never matched);
* a hyphen after an abbreviation is split off ("U.S.-led": "U.S." never matched);
* the special cases of one character that say no more than the default rules ("\\n", "'")
  are dropped: spaCy stops caching a doc's word forms after the first special case that
  doc meets (the flag is per doc, spaCy #1250), and a line break is one;
* the cache holds more word forms than spaCy's 10,000, which the gazetteer's names fill
  while the pipeline loads;
* the prefix, suffix, infix and URL expressions remember their answers per string, for
  the chunks the cache still misses (in a doc after "Feb." or "can't").

The tokenizer is made once with all of them: each of spaCy's setters reloads every special
case (over a thousand in English).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_suffix_regex

# a full stop or comma after a closing quote or bracket
CLOSING_PUNCTUATION = r'(?<=["»”’\)\]])[.,،!?؟:;؛]'
# an opening quote after a proclitic drawn out with a tatweel ('لـ"حزب الله"', 'بـ"رد موجع"'): the
# quote and the word after it are tokens of their own, as after a space
TATWEEL_QUOTE = r'(?<=\u0640)["«“]'
# a hyphen after an abbreviation's full stop ("U.S.-led", "U.N.-brokered", "U.S.-China"): spaCy's
# hyphen infix wants a letter before it, so the state's name stayed inside one token
ABBREVIATION_HYPHEN = r'(?<=[A-Z]\.)-(?=[A-Za-z])'
# word forms whose tokens the tokenizer remembers; an entry costs some 250 bytes
CACHE_SIZE = 100_000
LIMIT = 200_000  # strings an expression remembers before starting afresh (some 200 bytes each)
_MISSING = object()


def make_tokenizer(nlp: Language) -> Tokenizer:
    """The tokenizer of ``nlp`` (a blank pipeline of the language) with the settings above."""
    spacy_tokenizer = nlp.tokenizer
    suffixes = compile_suffix_regex(list(nlp.Defaults.suffixes or []) + [CLOSING_PUNCTUATION])
    infixes = compile_infix_regex(list(nlp.Defaults.infixes or []) + [TATWEEL_QUOTE, ABBREVIATION_HYPHEN])
    return Tokenizer(
        nlp.vocab, rules=plain_rules_dropped(spacy_tokenizer.rules or {}),
        prefix_search=remembered(spacy_tokenizer.prefix_search), suffix_search=remembered(suffixes.search),
        infix_finditer=remembered(infixes.finditer), token_match=remembered(spacy_tokenizer.token_match),
        url_match=remembered(spacy_tokenizer.url_match), faster_heuristics=spacy_tokenizer.faster_heuristics,
        max_cache_size=CACHE_SIZE)


def plain_rules_dropped(rules: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The special cases without those of one character that set nothing but the text
    ("\\n", "\\t", " ", "'", "’", "—"; "\\xa0" stays, its rule sets a norm). A single
    character is never split, so where such a rule matched the default rules give the same
    token (``tests/test_tokenizer_rules.py`` compares them around every affix)."""
    return {text: pieces for text, pieces in rules.items() if not (len(text) == 1 and pieces == [{ORTH: text}])}


class Remembered:
    """One compiled expression's answers by string (they are pure functions of it).
    spaCy reads the expression of a tokenizer's function as ``function.__self__.pattern``
    to serialise it: the methods here are such functions."""

    __slots__ = ("pattern", "_regex", "_seen")

    def __init__(self, regex: re.Pattern) -> None:
        self.pattern = regex.pattern
        self._regex = regex
        self._seen: dict[str, object] = {}

    def __reduce__(self):
        return Remembered, (self._regex,)  # a pickled tokenizer carries the expression, not the answers

    def _remember(self, string: str, value: object) -> object:
        if len(self._seen) >= LIMIT:
            self._seen.clear()
        self._seen[string] = value
        return value

    def search(self, string: str) -> re.Match | None:
        found = self._seen.get(string, _MISSING)
        return self._remember(string, self._regex.search(string)) if found is _MISSING else found

    def match(self, string: str) -> re.Match | None:
        found = self._seen.get(string, _MISSING)
        return self._remember(string, self._regex.match(string)) if found is _MISSING else found

    def finditer(self, string: str) -> Iterator[re.Match]:
        found = self._seen.get(string, _MISSING)
        if found is _MISSING:
            found = self._remember(string, tuple(self._regex.finditer(string)))
        return iter(found)


def remembered(function):
    """The remembering version of a compiled expression's ``search``, ``match`` or
    ``finditer``; any other function (or None) as it is."""
    regex = getattr(function, "__self__", None)
    name = getattr(function, "__name__", "")
    if isinstance(regex, re.Pattern) and name in ("search", "match", "finditer"):
        return getattr(Remembered(regex), name)
    return function
