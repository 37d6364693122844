"""Where a trigger's reach ends: at the next trigger of another relation that is a predicate of
its own, else a window of words after it; the objects of a trigger are looked for up to there."""

from __future__ import annotations

import bisect

from kg.extract.context import DocContext, Mark, SentenceState
from kg.extract.triggers import relative_on_a_thing
from kg.extract.words import actor_next
from kg.lang import Trigger


def reach_limit(ctx: DocContext, st: SentenceState, trig: Mark, spec: Trigger) -> int:
    """Where the trigger's reach ends: at the next trigger of another relation, else a
    window of words after it."""
    norm = ctx.t.norm
    enders, starts = st.reach_enders or _reach_enders(ctx, st)
    # the sentence's triggers are in order: the first that ends the reach is the nearest
    other = next((t.start for t in enders[bisect.bisect_left(starts, trig.end):] if t.label_ != trig.label_
                  and not (spec.object_adjacent and t.start - trig.end <= 1)
                  and norm[t.start] not in spec.instruments  # "تبادلت إسرائيل القصف مع …": its own weapon
                  and not (t.start > 0 and norm[t.start - 1] in spec.instruments)  # "drones launched by Russia": the weapon's participle
                  and not (t.label_ != spec.relation and norm[t.start] in ctx.cfg.weapons)), None)  # "supplying artillery shells to"
    reach = trig.end + ctx.cfg.window
    if ctx.cfg.verb_first:  # "وصل رئيس المكتب السياسي لحركة حماس إسماعيل هنية … إلى القاهرة": a long
        first = next(iter(st.groups_starting(trig.end, trig.end + 2)), None)  # subject does not use up the window
        if first is not None:
            reach += first.end - first.start
    return reach if other is None else min(other, reach)


def _reach_enders(ctx: DocContext, st: SentenceState) -> tuple[list[Mark], list[int]]:
    """The sentence's triggers that end the reach of a trigger of another relation before
    them, whichever trigger reads them (the tests :func:`reach_limit` makes for each reader
    aside), and their starts; found once per sentence, not for each trigger."""
    enders = [t for t in st.trigs
              if not (ctx.in_mention(t.start) and ctx.in_mention(t.end - 1))  # "تحالف دول الساحل": a name
              # "احتجت فيتنام على نشر الصين سفينة": no predicate here, in construct with an actor
              and not ((t.start, t.label_) in st.unarmed and actor_next(ctx, t.end))
              and t.start not in ctx.modifier_tokens  # "Russian shipping company Sovcomflot": a body's descriptor
              and not (ctx.cfg.triggers[t.label_].unless_after and relative_on_a_thing(ctx, st, t, ctx.cfg.triggers[t.label_]))]
    st.reach_enders = enders, [t.start for t in enders]
    return st.reach_enders
