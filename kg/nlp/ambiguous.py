"""Country names that are also common words, read as the country only where the context
says so: "مالي" is Mali and "financial" ("دعم مالي" is financial support, "في مالي" is in
Mali). The forms, the nouns they may follow in construct and the rest are language data
(``[ambiguous_names]``), so the test is the same for any such name in any language."""

from __future__ import annotations

from collections.abc import Sequence

from kg.lang import LanguageData
from kg.nlp.normalize import match_key
from kg.nlp.tokens import TokenTable, positions


class AmbiguousNames:
    """The ``[ambiguous_names]`` of a language, loaded once per pipeline."""

    def __init__(self, data: LanguageData) -> None:
        forms = data.value("ambiguous_names", "forms", default={}) or {}
        self.forms = {match_key(f): key for f, key in forms.items()}
        self.heads = data.keys("ambiguous_names", "heads")  # "حكومة مالي", "شمال مالي"
        self.prepositions = data.keys("syntax", "prepositions")  # "في مالي", "لمالي"
        self.conjunctions = data.keys("morphology", "conjunctions")

    def find(self, table: TokenTable, named_at: dict[int, str]) -> list[tuple[int, str]]:
        """(token, country key) of the names read as their country: right after a preposition
        (a word of its own or a clitic on the name), after one of the head nouns, or in a list
        with a country named unambiguously next to it ("مالي وبوركينا فاسو والنيجر").
        ``named_at``: the country mentions already found, by start and by end."""
        if not self.forms:
            return []
        norm = table.norm
        found = []
        for i in positions(norm, self.forms.keys(), table.forms()):
            proclitic = table.proclitic(i)
            core = proclitic.lstrip("".join(self.conjunctions))
            before = i - 1
            while before >= 0 and table.space[before]:
                before -= 1
            if (core and core in self.prepositions) or (before >= 0 and (norm[before] in self.prepositions
                                                                         or norm[before] in self.heads)) \
                    or self._listed(table, i, proclitic, before, named_at):
                found.append((i, self.forms[norm[i]]))
        return found

    def _listed(self, table: TokenTable, i: int, proclitic: str, before: int,
                named_at: dict[int, str]) -> bool:
        """A member of a list of countries: joined by a conjunction to a country right before
        it ("النيجر ومالي") or right after it ("مالي وبوركينا فاسو")."""
        if proclitic[:1] in self.conjunctions and before >= 0 and named_at.get(-(before + 1)) is not None:
            return True
        nxt = i + 1
        while nxt < len(table) and table.space[nxt]:
            nxt += 1
        return nxt < len(table) and table.proclitic(nxt)[:1] in self.conjunctions and named_at.get(nxt) is not None


def country_ends(spans: Sequence, countries: frozenset[str]) -> dict[int, str]:
    """Country mentions by start and, negated and less one, by end (``-(end)``): what
    :meth:`AmbiguousNames.find` asks of the tokens around a name."""
    out: dict[int, str] = {}
    for s in spans:
        if s.kb_id_ in countries:
            out[s.start] = s.kb_id_
            out[-s.end] = s.kb_id_
    return out
