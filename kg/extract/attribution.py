"""Who says what a sentence claims: the actor of a speech verb or of "according to"; a
sentence opening with a continuation verb ("ويضيف") keeps the last speaker."""

from __future__ import annotations

from kg.extract.context import Cue, DocContext, Group, Sentence
from kg.extract.words import crosses_boundary

_BEFORE_INVERSION = frozenset({",", "”", '"', "’", "'", "«", "»"})  # '…," said X': the speaker follows the verb


def speaker(ctx: DocContext, sent: Sentence, groups: list[Group], cues: list[Cue]) -> tuple[str | None, int | None]:
    """The sentence's speaker and the token where the attribution is said ("قال",
    "according to"; None after a continuation verb). Notes the speaker in the discourse."""
    discourse = ctx.discourse
    if discourse is None:  # a doc made by nlp() alone, outside an article
        return None, None
    T, cfg = ctx.t, ctx.cfg
    found = None
    cue_at = None
    for cue, s, e in cues:  # by start (DocContext.cues_in)
        if cue in ("speech", "according_to"):
            nxt = [g for g in groups if 0 <= g.start - e <= 3 and not crosses_boundary(ctx, e, g.start)
                   and not any(T.norm[k] in cfg.boundaries for k in range(e, g.start))]
            # not the subject of a relative clause with no clause of its own: "the border that
            # Caracas claims as its own" (but "strikes, which officials said had targeted …")
            prv = [g for g in groups if 0 <= s - g.end <= 2 and not crosses_boundary(ctx, g.end, s)
                   and not (g.start > 0 and T.norm[g.start - 1] in cfg.relative_pronouns and _no_clause_after(ctx, e, sent))]
            inverted = s > 0 and T.text[s - 1] in _BEFORE_INVERSION
            if not cfg.verb_first and not inverted and cue == "speech":
                nxt = []  # "Officials said Iran …": what follows "said" is the content, not the speaker
            elif not cfg.verb_first and inverted:  # "…, said Putin", "…, said the ministry"; not "…, said it had warned Poland"
                nxt = [g for g in nxt if all(T.norm[k] in cfg.determiners for k in T.words(e, g.start))]
            ordered = nxt + prv if cfg.verb_first else prv + nxt
            for g in ordered:
                if g.types(discourse) & {"Person", "Organization", "Country"}:
                    found = g.keys[0]
                    break
            if found is None and cue == "speech" and (s - sent.start <= 2 or sent.end - e <= 4):
                found = discourse.speaker
        elif cue == "continuation" and s - sent.start <= 2:
            found = found or discourse.speaker
        if found:
            cue_at = s if cue != "continuation" else None
            break
    discourse.speaker = found
    return found, cue_at


def _no_clause_after(ctx: DocContext, end: int, sent: Sentence) -> bool:
    """Nothing is said after the speech verb ending at ``end``: the sentence or a clause ends,
    or a preposition follows ("claims as its own")."""
    T = ctx.t
    return end >= sent.end or not T.alpha[end] or T.norm[end] in ctx.cfg.all_preps
