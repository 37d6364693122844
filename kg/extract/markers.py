"""The preposition that marks an actor group: what makes it an object ("على", "to", a
clitic "لـ"), an agent ("by", "عن"), a place ("في", "in") or none of them."""

from __future__ import annotations

from collections.abc import Container

from kg.extract.context import DocContext, Group
from kg.nlp.normalize import match_key


def marker(ctx: DocContext, group: Group, preps: Container[str]) -> str | None:
    """The preposition that marks a group, if any; "وفد من حماس", "a delegation from
    Hamas": the body a delegation comes from stands for it, unmarked.

    Asked of the same groups by every trigger of a sentence: the answers over all
    prepositions are kept per document. They depend on the group's start and label and on
    ``ctx.modifier_tokens``, which only grows: its size tells when an answer may be stale."""
    if preps is not ctx.cfg.all_preps:
        return _marker(ctx, group, preps)
    key = (group.start, group.label, len(ctx.modifier_tokens))
    markers = ctx.markers
    if key in markers:
        return markers[key]
    found = markers[key] = _marker(ctx, group, preps)
    return found


def _marker(ctx: DocContext, group: Group, preps: Container[str]) -> str | None:
    found = _raw_marker(ctx, group, preps)
    cfg = ctx.cfg
    if found is not None and group.start >= 2:
        norm = ctx.t.norm
        if cfg.adjective_after and group.label == "demonym" and norm[group.start - 1] != found \
                and not ctx.t.proclitic(group.start):
            return found  # "عقوبات على مسؤولين إيرانيين": the nisba's head noun, no member link, carries it
        j = _before_determiners(ctx, group.start - 1)  # "commanders of the RSF"
        if norm[j] != found:
            j = group.start
        if found in cfg.delegation_preps and norm[j - 1] in cfg.delegations:
            # "وفد من حماس", "a delegation from Hamas": the body it comes from stands for it, marked
            # as the delegation is ("talks with a delegation from Hamas", "strikes on leaders of Hamas")
            return _phrase_marker(ctx, _phrase_start(ctx, j - 1), preps)
        if _member_link(ctx, j) is not None:
            # "فصائل منضوية في هيئة الحشد", "قياديا بارزا في حماس": the body they belong to, marked
            # as its members are ("عقوبات على قادة في قوات الدعم السريع")
            return _phrase_marker(ctx, member_phrase_start(ctx, group), preps)
    return found


def _phrase_marker(ctx: DocContext, start: int, preps: Container[str]) -> str | None:
    """The preposition before a phrase that starts at token ``start`` (a clitic on its first
    word or the word before, past determiners)."""
    T = ctx.t
    procl = T.proclitic(start).lstrip("وف") or _contracted_lam(ctx, start)
    if procl:
        return procl if procl in preps else None
    j = _before_determiners(ctx, start - 1)
    return T.norm[j] if j >= 0 and T.norm[j] in preps and not T.enclitic(j) else None


def _before_determiners(ctx: DocContext, j: int) -> int:
    """Token ``j`` or, where it is a determiner, the nearest token before it that is none
    (the first token at the most)."""
    norm, determiners = ctx.t.norm, ctx.cfg.determiners
    while j > 0 and norm[j] in determiners:
        j -= 1
    return j


def _member_link(ctx: DocContext, j: int) -> int | None:
    """The member-link word ("منضوية", "قياديا") right before token ``j`` (the preposition
    before a body), or two before it with one plain word between ("قياديا بارزا في")."""
    norm, cfg = ctx.t.norm, ctx.cfg
    if j >= 1 and norm[j - 1] in cfg.member_links:
        return j - 1
    if j >= 3 and norm[j - 2] in cfg.member_links and ctx.t.alpha[j - 1] and not ctx.in_mention(j - 1) \
            and norm[j - 1] not in cfg.all_preps:
        return j - 2
    return None


def member_phrase_start(ctx: DocContext, group: Group) -> int:
    """Where the words naming a body's members begin before the body ("فصائل مسلحة منضوية في
    هيئة الحشد", "قياديا بارزا في حماس"): the members stand for the body, so the phrase is where
    the group stands for distances. ``group.start`` where no member link precedes it."""
    T, cfg = ctx.t, ctx.cfg
    if not cfg.member_links or group.start < 2:
        return group.start
    j = _before_determiners(ctx, group.start - 1)  # "commanders of the RSF"
    if T.norm[j] not in cfg.all_preps:
        return group.start
    link = _member_link(ctx, j)
    return group.start if link is None else _phrase_start(ctx, link)


def _phrase_start(ctx: DocContext, head: int) -> int:
    """The start of the noun phrase whose head is token ``head``: at most two plain words
    before it ("فصائل مسلحة" before "منضوية", "senior" before "leaders")."""
    T, cfg = ctx.t, ctx.cfg
    k = head
    while k - 1 >= 0 and head - k < 3 and T.alpha[k - 1] and not ctx.in_mention(k - 1) and k - 1 not in ctx.trig_tokens \
            and T.norm[k - 1] not in cfg.all_preps and T.norm[k - 1] not in cfg.boundaries:
        k -= 1
    return k


def _contracted_lam(ctx: DocContext, k: int) -> str:
    """"للخطة الإسرائيلية": ل + ال written "لل" is a preposition on any noun, known or not."""
    lam = ctx.cfg.lam_contraction
    if not lam:
        return ""
    key = match_key(ctx.t.text[k]).lstrip("وف")
    return lam if key.startswith(lam * 2) and len(key) >= 5 else ""


def _raw_marker(ctx: DocContext, group: Group, preps: Container[str]) -> str | None:
    """The preposition that marks a group (a clitic or the token before it)."""
    T, cfg = ctx.t, ctx.cfg
    procl = T.proclitic(group.start)
    if procl:
        core = procl.lstrip("وف")
        if core and core in preps:
            return core
    if group.label == "pronoun" and T.norm[group.start] in preps:
        return T.norm[group.start]
    j = group.start - 1
    if cfg.adjective_after and group.label == "demonym":
        # "على ثلاث شركات إيرانية": an adjective after its noun takes the noun's marker
        for k in range(j, max(-1, j - 4), -1):
            if k in ctx.trig_tokens:
                break  # "للعقوبات الأممية": the adjective of a trigger noun is its agent, not a place
            if T.norm[k] in cfg.all_preps:  # "إليه فريق خبراء أممي": a preposition with its pronoun marks nothing after it
                return T.norm[k] if T.norm[k] in preps and k < j and not T.enclitic(k) else None
            procl = T.proclitic(k).lstrip("وف") or _contracted_lam(ctx, k)
            if procl:
                return procl if procl in preps else None
            if not (T.alpha[k] or T.num[k]) or ctx.in_mention(k) or T.norm[k] in cfg.boundaries:
                break  # a count goes on: "على 11 مسؤولا إيرانيا"
    modifiers = ctx.modifier_tokens
    while j >= 0 and (T.text[j] in {'"', "“", "«"} or T.norm[j] in cfg.determiners or j in modifiers
                      or T.norm[j] in cfg.region_words):
        j -= 1  # "an attack on a US warship", "talks with its Chinese counterpart", "في جنوب لبنان", "in northern Iraq"
    if j >= 0 and T.norm[j] in preps:
        return T.norm[j] if not T.enclitic(j) else None  # "تتهم فيها إسرائيل": "فيها" is a phrase of its own
    if j >= 1 and (pair := f"{T.norm[j - 1]} {T.norm[j]}") in preps:
        return pair  # a preposition of two words: "من قبل" (by)
    if cfg.adjective_after and j >= 1 and _idafa_head(ctx, j):
        # "دعمها لسيادة السودان", "الهجوم على مواقع حماس": the actor owns the noun before it,
        # which carries the preposition
        procl = T.proclitic(j).lstrip("وف")
        if procl:
            return procl if procl in preps else None
        if T.norm[j - 1] in preps:
            return T.norm[j - 1]
    return None


def _idafa_head(ctx: DocContext, j: int) -> bool:
    """Token j is a plain noun that heads an idafa with the actor after it: no actor, trigger,
    preposition, determiner or clause word."""
    T, cfg = ctx.t, ctx.cfg
    norm = T.norm[j]
    return T.alpha[j] and not ctx.in_mention(j) and j not in ctx.trig_tokens and norm not in cfg.all_preps \
        and norm not in cfg.determiners and norm not in cfg.boundaries \
        and norm not in cfg.compound_prep_nouns and not T.enclitic(j)  # a noun with a pronoun is in no construct


def of_a_border(ctx: DocContext, group: Group) -> bool:
    """"near the Afghan border", "على الحدود العراقية": a demonym of a border noun, which
    names the edge of a state (either side of it), not a place in it or a target."""
    T, cfg = ctx.t, ctx.cfg
    if cfg.adjective_after:
        return group.start > 0 and T.norm[group.start - 1] in cfg.border_words
    after = group.end + 1  # the border the head, not a modifier: "Ukrainian border villages" are Ukraine's
    return group.end < len(T) and T.norm[group.end] in cfg.border_words and (
        after >= len(T) or not T.alpha[after] or T.norm[after] in cfg.all_preps or T.norm[after] in cfg.boundaries)
