"""Forms from lemmas: lexicon entries name a word once, the forms news writes are generated.

Each language's data file says which inflector it uses (``[morphology] inflector``):
``"english"`` inflects with lemminflect's tables, ``"affix"`` runs the paradigm tables of the
data file itself (``[paradigms]``, Arabic). Surface forms listed in the data beside the lemmas
(``forms``) are kept as written: they are the irregular forms and fixed phrases.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

KINDS = ("verb", "noun", "verb_nominal")  # verb_nominal: the verb forms that are nouns (participles)


def expand(raw: Mapping[str, Any], entries: Iterable[str], kind: str) -> list[str]:
    """Every surface form of ``entries`` (lemmas of ``kind``) as the language's data says to
    generate them, in a stable order, without duplicates."""
    if kind not in KINDS:
        raise ValueError(f"unknown lemma kind {kind!r}")
    entries = list(entries)
    if not entries:
        return []
    inflector = raw.get("morphology", {}).get("inflector", "")
    if inflector == "english":
        from kg.morphology.english import forms
        out = [f for e in entries for f in forms(e, kind, raw)]
    elif inflector == "affix":
        from kg.morphology.affix import forms
        out = [f for e in entries for f in forms(e, kind, raw.get("paradigms", {}))]
    else:
        raise ValueError(f"lemmas given but no known [morphology] inflector ({inflector!r})")
    return list(dict.fromkeys(out))


def save() -> None:
    """Keep what the inflectors derived in this run for the next (see :mod:`kg.cache`)."""
    import sys

    english = sys.modules.get("kg.morphology.english")
    if english is not None:
        english.save()
