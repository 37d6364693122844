"""Allies named by a noun: "Belarus, Russia's close ally", "Belarus, an ally of Russia",
"Russia's ally Belarus", "بيلاروسيا، حليفة روسيا", "روسيا وحليفتها بيلاروسيا".

An alliance is cooperation (the annotation convention reads "X, Russia's close ally" as
``cooperatedWith``), stated by the noun that links two actors, not by a verb: the owner of
the noun (a possessor, the actor after "of", the actor after the noun in an Arabic
construct, the actor a pronoun on the noun points back to) and the ally (the actor in
apposition before it, or right after it). The nouns are language data (``[cues]
ally_nouns``); the shapes are the same for every language, read in the order the language
writes a possessor.
"""

from __future__ import annotations

import bisect

from kg.extract.context import DocContext, Group, SentenceState
from kg.extract.records import sentence_claim
from kg.model import Claim
from kg.nlp.tokens import TokenTable, positions

APPOSITION = frozenset({",", "،"})
ARTICLES = frozenset({"a", "an", "the"})


def alliance_claims(ctx: DocContext, st: SentenceState) -> list[Claim]:
    hits = [i for i in _noun_positions(ctx) if st.sent.start <= i < st.sent.end and not ctx.in_mention(i)]
    if not hits:
        return []
    actors = _actors(ctx, st)
    found: list[Claim] = []
    for i in hits:
        owner, start = _owner(ctx, st, actors, i)
        if owner is None:
            continue
        ally = _apposed(ctx, st, actors, start) or _after(actors, i, owner)
        if ally is None:
            continue
        for a in ally.keys:
            for o in owner.keys:
                if a != o:
                    found.append(sentence_claim(ctx.text, st.sent, ctx.offset, a, "cooperatedWith", o,
                                                attributed_to=st.speaker))
    return found


def _actors(ctx: DocContext, st: SentenceState) -> list[Group]:
    """The sentence's argument groups, and the mentions they leave out (a possessor before a
    noun is no argument of the sentence's verbs, but it owns the ally)."""
    covered = {k for g in st.groups for k in range(g.start, g.end)}
    left = bisect.bisect_left
    marks = ctx.spans[left(ctx.span_starts, st.sent.start):left(ctx.span_starts, st.sent.end)]
    extra = [Group([m.kb_id_], m.start, m.end, m.label_) for m in marks if m.start not in covered and m.kb_id_]
    return sorted(st.groups + extra, key=lambda g: g.start)


def _owner(ctx: DocContext, st: SentenceState, actors: list[Group], i: int) -> tuple[Group | None, int]:
    """(the actor the ally belongs to, where the noun phrase starts)."""
    T, cfg = ctx.t, ctx.cfg
    if _written(T, i) in cfg.ally_written_with_pronoun:  # "وحليفتها": the pronoun points back
        return _last_before(actors, i), i
    words = T.words(max(st.sent.start, i - 4), i)
    if cfg.adjective_after:  # "حليفة روسيا": the owner follows in a construct
        return next((g for g in actors if g.start == i + 1), None), i
    # "Russia's close ally", "its ally": the possessor, maybe two adjectives before the noun
    for k in range(len(words) - 1, max(-1, len(words) - 4), -1):
        j = words[k]
        if T.text[j] in cfg.possessive:
            owner = next((g for g in actors if g.end == j), None)
            return owner, (owner.start if owner is not None else j)
        if T.norm[j] in cfg.possessive_pronouns:
            return _last_before(actors, j), j
        if not (T.lower[j] and T.alpha[j]) or T.norm[j] in ARTICLES:
            break
    # "an ally of Russia"
    after = T.words(i + 1, min(st.sent.end, i + 3))
    if after and T.norm[after[0]] == "of":
        k = after[1] if len(after) > 1 and T.norm[after[1]] in ARTICLES else (after[0] + 1)
        owner = next((g for g in actors if g.start == k), None)
        start = i
        while start - 1 >= st.sent.start and T.lower[start - 1] and T.alpha[start - 1]:
            start -= 1  # "a close ally": the phrase starts at its article
        return owner, start
    return None, i


def _noun_positions(ctx: DocContext) -> list[int]:
    """Where the doc's ally nouns stand, found once per doc (most docs hold none)."""
    found = ctx.doc.user_data.get("ally_nouns")
    if found is None:
        T = ctx.t
        cfg = ctx.cfg
        pronominal, keys = cfg.ally_written_with_pronoun, cfg.ally_nouns_with_pronoun
        found = positions(T.norm, cfg.ally_nouns, T.forms())
        if keys and not keys.isdisjoint(T.forms()):  # then by the written form: "حليفة" and "حليفه" share a key
            found = sorted(set(found) | {i for i in positions(T.norm, keys, T.forms()) if _written(T, i) in pronominal})
        ctx.doc.user_data["ally_nouns"] = found
    return found


def _written(T: TokenTable, i: int) -> str:
    return T.text[i][len(T.proclitic(i)):]


def _last_before(actors: list[Group], i: int) -> Group | None:
    before = [g for g in actors if g.end <= i]
    return before[-1] if before else None


def _apposed(ctx: DocContext, st: SentenceState, actors: list[Group], start: int) -> Group | None:
    """The actor right before a comma that opens the noun phrase: "Belarus, Russia's ally"."""
    words = ctx.t.words(max(st.sent.start, start - 2), start)
    if not words or ctx.t.text[words[-1]] not in APPOSITION:
        return None
    return next((g for g in actors if g.end == words[-1]), None)


def _after(actors: list[Group], i: int, owner: Group) -> Group | None:
    """The actor right after the noun, named by it: "Russia's ally Belarus", "وحليفتها بيلاروسيا"."""
    return next((g for g in actors if g.start == i + 1 and g is not owner), None)
