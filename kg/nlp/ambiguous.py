"""Country names that are also common words, read as the country only where the context
says so: "مالي" is Mali and "financial" ("دعم مالي" is financial support, "في مالي" is in
Mali). The forms, the nouns they may follow in construct and the rest are language data
(``[ambiguous_names]``), so the test is the same for any such name in any language.

Names that two states share ("Congo", "الكونغو") are read as the one the article names
unambiguously, else as the one news most often means (``[shared_names]``, the first key)."""

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

    def find(self, table: TokenTable, countries: Sequence) -> list[tuple[int, str]]:
        """(token, country key) of the names read as their country: right after a preposition
        (a word of its own or a clitic on the name), after one of the head nouns, or in a list
        with a country named unambiguously next to it ("مالي وبوركينا فاسو والنيجر").
        ``countries``: the country mentions already found (records with a start and an end)."""
        if not self.forms:
            return []
        norm = table.norm
        starts, ends = {c.start for c in countries}, {c.end for c in countries}
        found = []
        for i in positions(norm, self.forms.keys(), table.forms()):
            proclitic = table.proclitic(i)
            core = proclitic.lstrip("".join(self.conjunctions))
            before = _word_before(table, i)
            after = _word_after(table, i)
            listed = (proclitic[:1] in self.conjunctions and before + 1 in ends) or \
                (after is not None and after in starts and table.proclitic(after)[:1] in self.conjunctions)
            if (core and core in self.prepositions) or listed or \
                    (before >= 0 and (norm[before] in self.prepositions or norm[before] in self.heads)):
                found.append((i, self.forms[norm[i]]))
        return found


def _word_before(table: TokenTable, i: int) -> int:
    """The last non-space token before ``i`` (-1 where none)."""
    k = i - 1
    while k >= 0 and table.space[k]:
        k -= 1
    return k


def _word_after(table: TokenTable, i: int) -> int | None:
    """The first non-space token after ``i``, if any."""
    k = i + 1
    while k < len(table) and table.space[k]:
        k += 1
    return k if k < len(table) else None


class SharedNames:
    """The ``[shared_names]`` of a language: a one-word name of two states, with the state
    read when the article names neither ("Congo" is the Democratic Republic in news of the
    Great Lakes; "Republic of Congo" or "Brazzaville" named anywhere makes it the other)."""

    def __init__(self, data: LanguageData, case_sensitive: bool) -> None:
        forms = data.value("shared_names", "forms", default={}) or {}
        self.case_sensitive = case_sensitive
        self.forms = {(f if case_sensitive else match_key(f)): tuple(keys) for f, keys in forms.items()}

    def find(self, table: TokenTable, named: set[str], taken: set[int]) -> list[tuple[int, str]]:
        """(token, state key) of each shared name outside the mentions found (``taken``);
        ``named``: the keys the article has named so far, this doc's mentions included."""
        if not self.forms:
            return []
        column = "text" if self.case_sensitive else "norm"
        keys = getattr(table, column)
        found = []
        for i in positions(keys, self.forms.keys(), table.forms(column)):
            if i in taken:
                continue
            candidates = self.forms[keys[i]]
            mentioned = [c for c in candidates if c in named]
            found.append((i, mentioned[0] if len(mentioned) == 1 else candidates[0]))
        return found
