"""Which mentions make an actor one of an article's actors.

An article names many countries and bodies that take no part in what it reports: places
("companies in China"), the country of a thing ("the Turkish port of Ceyhan", "the French
energy group", "النفط الخام الروسي"), a modifier ("an al Qaeda-linked group") and the
agencies it quotes ("Reuters reported", "نقلت وكالة رويترز"). The annotation convention
(docs/annotation.md) counts only actors that take part in an interaction or a statement,
and analysts filter by the actors an article *mentions*: a mention of this kind does not
make the actor one of them. An actor in a claim is one whatever its mentions say
(:func:`kg.extract.article.extract_page` adds claim participants back).

Heads and suffixes are language data (``[participation]``), read once per language.
"""

from __future__ import annotations

from functools import lru_cache
from operator import attrgetter

from kg.extract.words import QUOTE_MARKS
from kg.model import Actor
from kg.nlp.components import ActorSpan
from kg.nlp.lexicon import get_lexicon
from kg.nlp.tokens import TokenTable

_START = attrgetter("start")  # a sort key read in C


class Participation:
    """Whether one mention shows its actor taking part (see the module docstring)."""

    def __init__(self, lang: str) -> None:
        lex = get_lexicon(lang)
        data = lex.data
        self.locative = data.keys("syntax", "locative")
        self.coordinators = data.keys("syntax", "coordinators") | {","}
        self.member_verbs = data.keys("participation", "member_verbs")
        self.adverbs = data.keys("participation", "adverbs")
        self.two_word_verbs = any(" " in v for v in self.member_verbs)
        # "convoys on the routes from Senegal": an origin is a place, unless a delegation comes from it
        self.origins = data.keys("participation", "origin_prepositions")
        self.delegations = data.keys("syntax", "delegations")
        self.list_openers = self.locative | self.member_verbs | self.origins
        self.member_heads = frozenset(v.split()[0] for v in self.member_verbs)
        self.thing_heads = data.keys("participation", "thing_heads")
        self.modifier_suffixes = data.keys("participation", "modifier_suffixes")
        self.head_before = data.value("syntax", "adjective_position", default="before") == "after"
        # news agencies report what others do: they act only where a claim says so
        self.reporters = frozenset(k for k, a in lex.known.items() if a.body == "news_agency")

    def members(self, table: TokenTable, spans: list) -> set[int]:
        """Starts of the mentions listed after a verb of membership ("the alliance, which
        includes Niger and Chad", "الذي يضم النيجر وبوركينا فاسو"): the members named to
        describe a body, which are no argument of the sentence's claims."""
        if self.member_heads.isdisjoint(table.forms()):
            return set()  # no verb of membership in the doc: the common case, decided in C
        return self.places(table, spans, openers=self.member_verbs)

    def places(self, table: TokenTable, spans: list[ActorSpan], openers: frozenset[str] | None = None) -> set[int]:
        """Starts of the mentions that name a place or a member: after a locative preposition
        ("in Syria") or a verb of membership ("the confederation, which includes Niger", "التي
        تضم أيضا النيجر"), or a member of a list that one opens ("in Syria and Iraq", "in Mali,
        Niger, and Chad", "في سوريا والعراق"); "in Syria, and Iraq condemned …" joins clauses."""
        found: set[int] = set()
        listed: set[int] = set()  # places reached through a list
        previous: ActorSpan | None = None
        openers = self.list_openers if openers is None else openers
        for span in sorted(spans, key=_START):
            s = span.start
            if self._opens_list(table, s, openers):
                found.add(s)
            elif previous is not None and previous.start in found and self._listed(table, previous, span, listed):
                found.add(s)
                listed.add(s)
            previous = span
        return found

    def _opens_list(self, table: TokenTable, start: int, openers: frozenset[str]) -> bool:
        j = start - 1
        if j >= 0 and table.space[j]:
            j = _word_before(table, j)
        if j >= 0 and table.norm[j] in self.adverbs:  # "تضم أيضا", "includes also"
            j = _word_before(table, j)
        if j < 0:
            return False
        last = table.norm[j]
        if last in openers:
            if last in self.origins and last not in self.locative:
                k = _word_before(table, j)
                return not (k >= 0 and table.norm[k] in self.delegations)  # "a delegation from Hamas" acts
            return True
        i = _word_before(table, j) if self.two_word_verbs else -1
        return i >= 0 and f"{table.norm[i]} {last}" in openers

    def _listed(self, table: TokenTable, previous: ActorSpan, span: ActorSpan, listed: set[int]) -> bool:
        between = [table.norm[i] for i in table.words(previous.end, span.start)]
        if not between:  # "والعراق": the conjunction is a proclitic of the next name
            return table.proclitic(span.start) in self.coordinators
        if len(between) == 1 and between[0] != ",":
            return between[0] in self.coordinators
        if between == [","]:  # a middle member: the list goes on after it
            after = table.words(span.end, span.end + 1)
            return bool(after) and table.norm[after[0]] in self.coordinators
        return len(between) == 2 and between[0] == "," and between[1] in self.coordinators and previous.start in listed

    def counts(self, table: TokenTable, key: str, label: str, s: int, e: int, actor: Actor, places: set[int]) -> bool:
        """Whether the mention ``s:e`` of ``key`` (a span's key and label, read once by the
        caller) shows ``actor`` taking part."""
        if actor.type == "Person":
            return True
        if key in self.reporters or s in places:
            return False
        if self._modifier(table, e):
            return False
        return not (label == "demonym" and self._of_a_thing(table, s, e))

    def _modifier(self, table: TokenTable, end: int) -> bool:
        """"al Qaeda-linked": the name is half of a compound adjective."""
        if not self.modifier_suffixes or end + 1 >= len(table) or table.text[end] != "-":
            return False
        return table.norm[end + 1] in self.modifier_suffixes

    def _of_a_thing(self, table: TokenTable, start: int, end: int) -> bool:
        """A demonym whose head noun is a place or a thing ("Japanese lenders", "ميناء جيهان
        التركي")."""
        return any(table.norm[i] in self.thing_heads for i in demonym_heads(table, start, end, self.head_before))


def demonym_heads(table: TokenTable, start: int, end: int, head_before: bool) -> list[int]:
    """The words that may head a demonym at ``start:end``: the two after it ("French energy
    group"), or, where adjectives follow their noun, the two before it, over other demonyms'
    coordination ("القيادة البولندية والليتوانية") and a quoted name ("شركة "دي إن أو" النرويجية")."""
    if not head_before:
        return table.words(end, end + 2)
    words = table.words(max(0, start - 12), start)
    if words and table.text[words[-1]] in QUOTE_MARKS:
        opening = next((k for k in range(len(words) - 2, -1, -1) if table.text[words[k]] in QUOTE_MARKS), None)
        if opening is None:
            return []
        return words[max(0, opening - 1):opening]
    return words[-2:]


def _word_before(table: TokenTable, i: int) -> int:
    """The index of the last non-space token before ``i``, -1 at the start."""
    j = i - 1
    while j >= 0 and table.space[j]:
        j -= 1
    return j


@lru_cache(maxsize=None)
def participation(lang: str) -> Participation:
    return Participation(lang)
