"""What a reader remembers while reading one page: who has been named, by which surname,
who spoke last and which actor the text is about. Shared by the segments of a page, so a
headline's "زعيم كوريا الشمالية" can be the leader the article named.
"""

from __future__ import annotations

from collections import Counter
from itertools import count
from dataclasses import dataclass, field

from kg.model import Actor


@dataclass
class Discourse:
    actors: dict[str, Actor] = field(default_factory=dict)
    surnames: dict[str, str] = field(default_factory=dict)  # surname key -> person key
    names: dict[str, str] = field(default_factory=dict)  # names learnt from the text ("JNIM") -> actor key
    recent: list[str] = field(default_factory=list)  # actor keys, most recent last
    recent_subjects: list[str] = field(default_factory=list)  # claim subjects, most recent last
    speaker: str | None = None  # whoever the last attributed sentence quoted
    government: str | None = None  # the state whose government the text named last ("الحكومة اللبنانية")
    bodies: dict[str, str] = field(default_factory=dict)  # a state body's kind -> the one named last ("army": "mli_army")
    counts: Counter = field(default_factory=Counter)  # mentions per actor so far
    last_sentence: tuple[str, ...] = ()  # the actors of the sentence read last, in order
    memo: dict = field(default_factory=dict)  # what components derive from the above, kept while it holds

    def register(self, actor: Actor) -> Actor:
        known = self.actors.get(actor.key)
        if known is None:
            self.actors[actor.key] = actor
            return actor
        known.merge(actor)
        return known

    def touch(self, key: str) -> None:
        counts, recent = self.counts, self.recent  # read once: a hundred thousand calls per 2,000 articles
        counts[key] += 1
        actor = self.actors.get(key)
        if actor is not None and actor.type == "Person" and actor.affiliation:
            counts[actor.affiliation] += 1  # a leader's mention keeps his country in view
        if recent and recent[-1] == key:
            return
        recent.append(key)
        if len(recent) > 200:
            del recent[:100]

    def note_subject(self, key: str) -> None:
        self.recent_subjects.append(key)
        if len(self.recent_subjects) > 50:
            del self.recent_subjects[:25]

    def last_subject(self, types, exclude: set[str] | frozenset[str] = frozenset()) -> str | None:
        """The latest claim subject of one of ``types`` (what a pronoun subject stands for)."""
        actors = self.actors
        return next((k for k in reversed(self.recent_subjects)
                     if k not in exclude and k in actors and actors[k].type in types), None)

    def last(self, *, types: tuple[str, ...] = (), role: str | None = None, affiliation: str | None = None,
             exclude: set[str] | frozenset[str] = frozenset(), n: int = 1) -> list[str]:
        """The ``n`` most recent distinct actors that fit, most recent first."""
        found: list[str] = []
        for key in reversed(self.recent):
            if key in exclude or key in found:
                continue
            actor = self.actors.get(key)
            if actor is None:
                continue
            if types and actor.type not in types:
                continue
            if role and actor.role != role:
                continue
            if affiliation and actor.affiliation != affiliation:
                continue
            found.append(key)
            if len(found) == n:
                break
        return found

    def salient(self, *, types: tuple[str, ...] = (), role: str | None = None, n: int = 2,
                exclude: set[str] | frozenset[str] = frozenset()) -> list[str]:
        """The ``n`` most mentioned actors that fit ("the two countries", "the two leaders"),
        ties broken by recency."""
        actors, counts = self.actors, self.counts
        cands = [k for k in counts if k not in exclude and k in actors
                 and (not types or actors[k].type in types) and (role is None or actors[k].role == role)]
        if len(cands) > 1:  # ties broken by the last mention of each (the later index wins in the dict)
            order = dict(zip(self.recent, count()))
            cands.sort(key=lambda k: (-counts[k], -order.get(k, -1)))
        return cands[:n]

    def topic(self, *, types: tuple[str, ...] = (), exclude: set[str] | frozenset[str] = frozenset()) -> str | None:
        """What the page is about: its most mentioned actor of the given types."""
        found = self.salient(types=types, n=1, exclude=exclude)
        return found[0] if found else None
