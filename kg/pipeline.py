"""The extraction pipeline of one language: ``spacy.blank(lang)`` plus our components.

Assembled here, above the two layers it joins: ``kg.nlp`` (sentences, normalizer, actors,
organizations, persons, coreference) and ``kg.extract`` (claims). ``kg.extract`` reads what
``kg.nlp`` annotates; ``kg.nlp`` never imports ``kg.extract``.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

import kg.extract.claims  # noqa: F401  (registers geokg_claims)
from kg.gazetteer import user_actor_files
from kg.nlp.tokenizer import make_tokenizer
import kg.nlp.bodies  # noqa: F401  (registers geokg_state_bodies)
import kg.nlp.components  # noqa: F401  (registers geokg_sentences, geokg_normalizer, geokg_actors)
import kg.nlp.coref  # noqa: F401
import kg.nlp.groups  # noqa: F401
import kg.nlp.orgs  # noqa: F401
import kg.nlp.persons  # noqa: F401
import kg.nlp.syntax  # noqa: F401  (registers geokg_syntax)

PIPE_NAMES = ("geokg_sentences", "geokg_normalizer", "geokg_actors", "geokg_state_bodies", "geokg_named_groups", "geokg_orgs", "geokg_persons", "geokg_coref", "geokg_syntax", "geokg_claims")


def make_nlp(lang: str, config: dict[str, dict] | None = None) -> Language:
    """A fresh pipeline; ``config`` overrides component settings by pipe name."""
    nlp = spacy.blank(lang)
    nlp.tokenizer = make_tokenizer(nlp)
    for name in PIPE_NAMES:
        nlp.add_pipe(name, config=(config or {}).get(name, {}))
    return nlp


def get_nlp(lang: str) -> Language:
    """The shared pipeline of a language, built once per process (and per set of the user's
    own actor files, whose names its matchers hold)."""
    return _nlp(lang, user_actor_files())


@functools.lru_cache(maxsize=None)
def _nlp(lang: str, user_files: tuple[str, ...]) -> Language:
    return make_nlp(lang)
