"""The extraction pipeline of one language: ``spacy.blank(lang)`` plus our components.

Assembled here, above the two layers it joins: ``kg.nlp`` (sentences, normalizer, actors,
organizations, persons, coreference) and ``kg.extract`` (claims). ``kg.extract`` reads what
``kg.nlp`` annotates; ``kg.nlp`` never imports ``kg.extract``.
"""

from __future__ import annotations

import functools

import spacy
from spacy.attrs import ORTH
from spacy.language import Language

import kg.extract.claims  # noqa: F401  (registers geokg_claims)
from kg.gazetteer import user_actor_files
import kg.nlp.bodies  # noqa: F401  (registers geokg_state_bodies)
import kg.nlp.components  # noqa: F401  (registers geokg_sentences, geokg_normalizer, geokg_actors)
import kg.nlp.coref  # noqa: F401
import kg.nlp.groups  # noqa: F401
import kg.nlp.orgs  # noqa: F401
import kg.nlp.persons  # noqa: F401
import kg.nlp.syntax  # noqa: F401  (registers geokg_syntax)

PIPE_NAMES = ("geokg_sentences", "geokg_normalizer", "geokg_actors", "geokg_state_bodies", "geokg_named_groups", "geokg_orgs", "geokg_persons", "geokg_coref", "geokg_syntax", "geokg_claims")


# word forms whose tokens the tokenizer remembers (spaCy's default, 10,000, is used up by the
# gazetteer's names while the pipeline loads: after a few hundred Arabic articles no new word
# form was remembered). An entry costs some 250 bytes.
TOKENIZER_CACHE = 100_000


def make_nlp(lang: str, config: dict[str, dict] | None = None) -> Language:
    """A fresh pipeline; ``config`` overrides component settings by pipe name."""
    nlp = spacy.blank(lang)
    _split_punctuation_after_quotes(nlp)
    _cache_after_line_breaks(nlp)
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE
    for name in PIPE_NAMES:
        nlp.add_pipe(name, config=(config or {}).get(name, {}))
    return nlp


# a full stop or comma after a closing quote or bracket: spaCy's Arabic rules keep
# 'واهية".' and 'حماس».' whole, so the word before the quote never matches
CLOSING_PUNCTUATION = r'(?<=["»”’\)\]])[.,،!?؟:;؛]'


def _split_punctuation_after_quotes(nlp: Language) -> None:
    suffixes = list(nlp.Defaults.suffixes or []) + [CLOSING_PUNCTUATION]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search


def _cache_after_line_breaks(nlp: Language) -> None:
    """Drop the tokenizer's special cases of one character that say no more than its
    default rules do: one token, the same text, no other attribute ("\\n", "\\t", " ", "'",
    "’", "—"; not "\\xa0", whose rule sets a norm).

    Why: spaCy's tokenizer stops caching a doc's word forms after the first special case
    that doc meets (the flag is per doc, not per word: spaCy #1250), and a line break is
    one, an apostrophe another. Every word after an article's first line break was split by
    the prefix, suffix and infix expressions again, in every article (a tenth of
    extraction's instructions). A single character is never split, so where such a rule
    matched the default rules give the same token (tests/test_pipeline.py compares them
    around every affix); only the cache works again."""
    rules = nlp.tokenizer.rules or {}
    kept = {text: pieces for text, pieces in rules.items() if not (len(text) == 1 and pieces == [{ORTH: text}])}
    if len(kept) < len(rules):
        nlp.tokenizer.rules = kept


def get_nlp(lang: str) -> Language:
    """The shared pipeline of a language, built once per process (and per set of the user's
    own actor files, whose names its matchers hold)."""
    return _nlp(lang, user_actor_files())


@functools.lru_cache(maxsize=None)
def _nlp(lang: str, user_files: tuple[str, ...]) -> Language:
    return make_nlp(lang)
