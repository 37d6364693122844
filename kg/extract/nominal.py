"""Arguments of nominal and passive triggers: "Zelenskiy's visit to Washington", "U.S.
supplies of missiles to Ukraine", "talks between X and Y", "was sanctioned by the
Treasury". A noun takes its object only with a preposition and its subject only right
before it (or as a possessor, or after an agent preposition)."""

from __future__ import annotations

from kg.extract.context import DocContext, Group, Mark, SentenceState
from kg.extract.joining import joiner
from kg.extract.markers import marker
from kg.extract.objects import located_target, owner_of_object
from kg.extract.pairs import Pair, between_pairs, combine
from kg.extract.places import city_target, compound_place
from kg.extract.subjects import complement_pronoun_subject, coordinated_verb_subject, means_agent, pronoun_subject, purpose_subject, relative_subject
from kg.extract.triggers import control
from kg.extract.words import crosses_boundary, filler
from kg.lang import Trigger


def noun_arguments(ctx: DocContext, st: SentenceState, trig: Mark, spec: Trigger, before: list[Group],
                   after: list[Group], *, passive_voice: bool) -> tuple[list[Pair], list[str]]:
    """The (subject, object) pairs of a noun or a passive, and the subject's keys."""
    T, cfg = ctx.t, ctx.cfg
    all_preps = cfg.all_preps
    subject = obj = None
    between = between_pairs(ctx, spec, after)
    place = compound_place(ctx, trig, spec) if not passive_voice else None
    if place is not None:  # "the Istanbul bombing", "the Kyiv strike": the place hit, no agent
        before = [g for g in before if g.start != place.start]
    for g in after:
        mark = marker(ctx, g, all_preps)
        if mark in cfg.agents and subject is None:
            subject = g
        elif mark is not None and mark in spec.obj_preps and obj is None and not passive_voice:
            obj = g
    if passive_voice and before:
        g = before[-1]
        if trig.start - g.end <= 3 and marker(ctx, g, all_preps) is None:
            obj = g
    if obj is None and spec.locative_object and not passive_voice:
        obj = owner_of_object(ctx, trig, spec, after)  # "غارات على مواقع للحوثيين في اليمن": the owner, not the place
    if obj is None and spec.locative_object and not passive_voice:
        # "sanctions on entities in Belarus", "غارات على أهداف في سوريا": the place of the
        # object phrase stands for the target; for some events the place right after the
        # noun does too ("air strikes in Kabul", "غارات جوية في كابل")
        obj = next((g for g in after if g is not subject and located_target(ctx, g, spec)
                    and (any(T.norm[k] in spec.obj_preps or T.proclitic(k) in spec.obj_preps
                             for k in T.words(trig.end, g.start)) or _place_after(ctx, trig, spec, g))), None)
    if obj is None and (spec.city_object or (spec.locative_object and not spec.locative_single)) and not passive_voice:
        # "a drone strike on Odesa", "a planned trip to Johannesburg"
        obj = city_target(ctx, trig, min(st.sent.end, trig.end + cfg.window), spec.obj_preps)
    if obj is None:
        obj = place
    if subject is None and obj is None and len(before) >= 2 and not passive_voice and not spec.symmetric \
            and before[-1].end == trig.start and _possessor_of(ctx, before[-2], before[-1]) \
            and "Person" not in before[-1].types(ctx.discourse):
        subject, obj = before[-2], before[-1]  # "the UK's Iran sanctions": the UK sanctions Iran
    if subject is None and before and not passive_voice:
        subject = relative_subject(ctx, st, trig, before, nominal=True)  # "Israel, which has carried out … strikes"
    if subject is None and before and not passive_voice:
        g = before[-1]
        gap = [k for k in T.words(g.end, trig.start) if k not in ctx.adjuncts  # "has so far held off on"
               and not (place is not None and place.start <= k < place.end)]  # "carried out the Istanbul bombing"
        possessive = bool(gap) and T.text[gap[0]] in cfg.possessive
        light = all(filler(ctx, t) for t in gap)
        between_trigs = any(g.end <= t.start < trig.start and not control(ctx, t) and (t.start, t.label_) not in st.unarmed
                            for t in st.trigs)
        words = sum(not T.num[k] for k in gap)  # an amount is one phrase: "pledged 500 million euros in aid"
        mark = marker(ctx, g, all_preps)
        # a modifier right before the noun is its agent whatever marks the phrase: "the sale of American
        # weapons", "were wounded in a Russian attack on Kharkiv"
        if (mark is None or possessive or (not gap and g.end == trig.start)) and not crosses_boundary(ctx, g.end, trig.start) \
                and not between_trigs and (possessive and (len(gap) <= 3 or _quantity_of(ctx, gap))
                                           or len(gap) <= 1 or (light and words <= 6)):
            subject = g
    if subject is not None and subject.end == trig.start and cfg.joining_verbs:
        subject = joiner(ctx, subject, before) or subject
    if not passive_voice and (subject is None or subject.end < trig.start - 1 or T.proclitic(trig.start)):
        subject = means_agent(ctx, st, trig, before) or subject  # "قياديا في حماس بغارة": not Hamas's
    if subject is None and not passive_voice:
        subject = pronoun_subject(ctx, trig) or coordinated_verb_subject(ctx, st, trig) \
            or complement_pronoun_subject(ctx, st, trig, before, nominal=True) or _speaker_during(ctx, st, trig, before)
    discourse = ctx.discourse
    if spec.object_types and obj is not None and not (obj.types(discourse) & set(spec.object_types)):
        obj = None
    if subject is None and obj is not None:
        subject = purpose_subject(ctx, st, trig, obj)
    keys = subject.keys if subject is not None and subject.start >= 0 else []
    return combine(spec, subject, obj, between), keys


def _speaker_during(ctx: DocContext, st: SentenceState, trig: Mark, before: list[Group]) -> Group | None:
    """"Jaishankar said during a visit to Washington …", "قال الوزير خلال زيارة إلى واشنطن": an
    event noun that is the circumstance of a speech is the speaker's."""
    T, cfg = ctx.t, ctx.cfg
    if st.speaker is None or st.speaker_cue is None or st.speaker_cue > trig.start or not any(
            T.norm[k] in cfg.circumstance_preps or T.proclitic(k).lstrip("وف") in cfg.circumstance_preps - {""}
            for k in T.words(max(st.sent.start, trig.start - 2), trig.start + 1)):
        return None
    return next((g for g in reversed(before) if st.speaker in g.keys), None)


def _quantity_of(ctx: DocContext, gap: list[int]) -> bool:
    """"the EU's new package of sanctions", "Washington's latest round of tariffs": a possessed
    noun of amount and "of" before the event noun, in at most five words."""
    T, cfg = ctx.t, ctx.cfg
    return len(gap) <= 5 and T.norm[gap[-1]] in cfg.genitive_preps and all(T.lower[k] or T.num[k] or T.text[k] in cfg.possessive
                                                                          for k in gap)


def _possessor_of(ctx: DocContext, owner: Group, head: Group) -> bool:
    """``owner`` possesses ``head``: a possessive mark alone stands between them ("UK's Iran")."""
    gap = ctx.t.words(owner.end, head.start)
    return len(gap) == 1 and ctx.t.text[gap[0]] in ctx.cfg.possessive


def _place_after(ctx: DocContext, trig: Mark, spec: Trigger, g: Group) -> bool:
    """A place right after an event noun whose frame says the place is hit ("strikes in
    Kabul"): only the locative marker and, where adjectives follow their noun, one
    adjective stand between ("غارات جوية في كابل")."""
    if not spec.locative_direct or len(g.keys) > 1:
        return False
    T = ctx.t
    words = [k for k in T.words(trig.end, g.start) if not T.proclitic(k) or k != g.start]
    if words and T.norm[words[-1]] in ctx.cfg.locative:
        words = words[:-1]
    return len(words) <= (1 if ctx.cfg.adjective_after else 0) and \
        all(T.alpha[k] and not ctx.in_mention(k) and T.norm[k] not in ctx.cfg.all_preps for k in words)
