"""Questions about the words between two positions, asked by every rule module.

Arguments and cues are tied to a trigger by what stands between them: a clause boundary
cuts the tie, light words (adverbs, days, light verbs) do not.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable

from kg.extract.config import CLAUSE_PUNCTUATION
from kg.extract.context import DocContext
from kg.nlp.tokens import QUOTE_MARKS, TokenTable

QUOTES = QUOTE_MARKS | {")", "("}
SYMBOLS = frozenset({"-", "–", "$", "€", "£", "¥"})  # may stand between a subject and its trigger


def crosses_boundary(ctx: DocContext, start: int, end: int, punctuation: bool = True) -> bool:
    """A clause boundary between the positions; with ``punctuation=False`` only a word that
    opens another clause ("which", "when", "الذي"), not a comma."""
    norm, text, boundaries, punct = ctx.t.norm, ctx.t.text, ctx.cfg.boundaries, CLAUSE_PUNCTUATION
    adjuncts = ctx.adjuncts  # the commas around a time adjunct set off no clause ("أعلنت واشنطن، اليوم، عن")
    return any((norm[k] in boundaries or text[k] in boundaries) and (punctuation or text[k] not in punct)
               and k not in adjuncts for k in ctx.t.between(start, end))


def bare_count(ctx: DocContext, tokens: Iterable[int]) -> int:
    """How many of ``tokens`` stand outside actors' names and phrases set off by commas or
    time phrases: the words a rule's reach is counted in ("امتنع وزير الخارجية الهندي X، خلال
    مؤتمر صحفي، عن انتقاد …" has one)."""
    in_mention, adjuncts = ctx.in_mention, ctx.adjuncts
    return sum(not in_mention(k) and k not in adjuncts for k in tokens)


def complement_between(ctx: DocContext, start: int, end: int) -> bool:
    """A complementizer ("that", "أن") between the positions: what follows is reported."""
    norm = ctx.t.norm
    complementizers = ctx.cfg.complementizers
    return any(norm[k] in complementizers for k in ctx.t.between(start, end))


def filler(ctx: DocContext, i: int) -> bool:
    """Words that may stand between a subject and its trigger: light verbs, adverbs,
    adjectives, days ("Turkey on Friday launched new strikes")."""
    T, cfg = ctx.t, ctx.cfg
    norm = T.norm[i]
    return (norm in cfg.light_verbs or (T.lower[i] and T.alpha[i]) or norm in cfg.name_stop or norm in cfg.bloc_adjectives
            or T.num[i] or T.text[i] in SYMBOLS) and norm not in cfg.boundaries


def plain_word(ctx: DocContext, k: int) -> bool:
    """A lower-case word that is no preposition: what may stand between a cue and the
    noun it bears on ("no military cooperation", "cut gas supplies")."""
    T = ctx.t
    return (T.lower[k] and T.alpha[k] or T.norm[k] in ctx.cfg.bloc_adjectives) and T.norm[k] not in ctx.cfg.all_preps


def outside_brackets(T: TokenTable, indices: list[int]) -> list[int]:
    """Token indices with bracketed asides ("(سي.آي.إيه)", "(AFP)") left out."""
    text = T.text
    out, depth = [], 0
    for k in indices:
        t = text[k]
        if t == "(":
            depth += 1
        elif t == ")" and depth:
            depth -= 1
        elif not depth:
            out.append(k)
    return out


def bracket_in(ctx: DocContext, start: int, end: int) -> bool:
    """Whether an opening bracket stands in tokens ``[start, end)``."""
    brackets = ctx.brackets
    i = bisect.bisect_left(brackets, start)
    return i < len(brackets) and brackets[i] < end


def distance(ctx: DocContext, start: int, end: int) -> int:
    """Tokens from ``start`` to ``end`` that count: time adjuncts of the syntax layer and
    the commas around them do not ("اتهمت الحكومة العراقية، يوم الأحد، تركيا")."""
    adjuncts = ctx.adjuncts
    if not adjuncts:
        return end - start
    return sum(1 for k in range(start, end) if k not in adjuncts)


def clitic_word(T: TokenTable, k: int, clitics: Collection[str], words: Collection[str]) -> tuple[bool, bool]:
    """Whether word k is one of ``words`` and whether it carries one of the preposition
    ``clitics``, split off by the normalizer or kept in its key ("بالطائرات" keeps its ب where
    the rest is no known word): (is the word, has the clitic)."""
    key, split = T.norm[k], T.proclitic(k).lstrip("وف")
    if split:
        return key in words, split in clitics
    if key in words:
        return True, False
    kept = key[:1] in clitics and key[1:] in words
    return kept, kept


def actor_next(ctx: DocContext, k: int) -> bool:
    """An actor's mention starts at the first word from token ``k`` on."""
    words = ctx.t.words(k, k + 2)
    if not words:
        return False
    i = bisect.bisect_left(ctx.span_starts, words[0])
    return i < len(ctx.span_starts) and ctx.span_starts[i] == words[0]


def slashed_start(ctx: DocContext, start: int) -> int:
    """Where a name written fast against another with a slash starts ("AFC/M23" for M23)."""
    T = ctx.t
    if start >= 2 and T.text[start - 1] == "/" and T.idx[start - 1] + 1 == T.idx[start] \
            and T.idx[start - 2] + len(T.text[start - 2]) == T.idx[start - 1] and T.alpha[start - 2]:
        return start - 2
    return start
