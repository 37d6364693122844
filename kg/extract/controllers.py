"""Subjects lent by a governing verb: the accused of an accusation before the act ("accused
France of fuelling tensions by arming Armenia", "متهماً إياها بدعم إسرائيل"), and the subject of a
passive control verb ("Iran was accused by the United States of supplying drones")."""

from __future__ import annotations

from kg.extract.context import DocContext, Group, Mark, SentenceState
from kg.extract.markers import marker
from kg.extract.triggers import passive
from kg.extract.words import crosses_boundary


def carried_accused_subject(ctx: DocContext, st: SentenceState, trig: Mark) -> Group | None:
    """"متهماً إياها بدعم إسرائيل": the act right after an accusation whose object is a carried
    pronoun (``[coreference] object_carriers``) is the accused's."""
    acc = st.accusation
    if acc is None or trig.start != acc[2] + 1 or ctx.t.norm[acc[2]] not in ctx.cfg.object_carriers:
        return None
    return Group([acc[1]], -1, -1, None)


def accused_means_subject(ctx: DocContext, st: SentenceState, trig: Mark, before: list[Group]) -> Group | None:
    """"accused France of fuelling tensions by arming Armenia", "اتهم فرنسا بتأجيج التوتر عبر
    تسليح أرمينيا": an act after a manner preposition (``[syntax] manner_prepositions``) in the
    accusation's phrase is the accused's, when no other actor stands between but a place."""
    acc = st.accusation
    T, cfg = ctx.t, ctx.cfg
    if acc is None or not cfg.manner_preps or not 0 <= trig.start - acc[2] <= 14 or trig.start == 0:
        return None
    if T.norm[trig.start - 1] not in cfg.manner_preps and T.proclitic(trig.start).lstrip("وف") not in cfg.manner_preps - {""}:
        return None
    accused = next((g for g in reversed(before) if acc[1] in g.keys), None)
    if accused is None or crosses_boundary(ctx, accused.end, trig.start, punctuation=False) or any(
            accused.end <= g.start < trig.start and marker(ctx, g, cfg.all_preps) not in cfg.locative for g in before):
        return None
    return accused


def passive_controller_subject(ctx: DocContext, st: SentenceState, trig: Mark, before: list[Group]) -> Group | None:
    """"Iran was accused by the United States of supplying drones", "اتُهمت إيران من قبل
    الولايات المتحدة بتزويد روسيا": a passive control verb with its agent phrase right before
    the controlled verb lends the passive's subject (Iran), not its agent, to that verb."""
    cfg, T = ctx.cfg, ctx.t
    if trig.start == 0:
        return None
    marked = T.norm[trig.start - 1] in cfg.passive_control  # "… of supplying"
    if not marked and not T.proclitic(trig.start):  # "… بتزويد"
        return None
    end = trig.start - 1 if marked else trig.start
    agent = before[-1] if before and before[-1].end == end else None
    if agent is None or (not marked and not (agent.start > 0 and T.norm[agent.start - 1] in cfg.passive_agent_tails)):
        return None
    t = next((t for t in reversed(st.trigs) if t.end <= agent.start), None)
    if t is None:
        return None
    if marker(ctx, agent, cfg.all_preps) not in cfg.passive_agents and not (
            t.end + 1 == agent.start and T.norm[t.end] in cfg.agents and passive(ctx, t)):
        return None
    between = [g for g in before if t.end <= g.start and g.end <= agent.start and marker(ctx, g, cfg.all_preps) is None]
    if between:  # verb first: "اتُهمت إيران من قبل …"
        return between[0]
    return next((g for g in reversed(before) if g.end <= t.start and len(T.words(g.end, t.start)) <= 3), None)
