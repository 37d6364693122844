"""Who takes part in another actor's event: after a joining verb (``[syntax] joining_verbs``:
"join", "انضم", "شارك") the owner named with the event noun ("EU sanctions", "العقوبات
الأمريكية") is joined, and the verb's subject acts ("Serbia will not join EU sanctions
against Russia": Serbia would sanction Russia)."""

from __future__ import annotations

from kg.extract.context import DocContext, Group, Mark, SentenceState
from kg.extract.words import crosses_boundary, filler


def joiner(ctx: DocContext, owner: Group, before: list[Group]) -> Group | None:
    """"Serbia will not join EU sanctions against Russia", "Japan joined US sanctions on Iran":
    after a joining verb (``[syntax] joining_verbs``) the owner of the event noun is joined;
    the subject of the verb, with light words between, acts."""
    T, cfg = ctx.t, ctx.cfg
    k = owner.start - 1
    while k >= 0 and T.norm[k] in cfg.determiners:
        k -= 1
    if k < 0 or T.norm[k] not in cfg.joining_verbs:
        return None
    prior = [g for g in before if g.end <= k]
    if not prior or crosses_boundary(ctx, prior[-1].end, k):
        return None
    gap = T.words(prior[-1].end, k)
    return prior[-1] if len(gap) <= 4 and all(filler(ctx, j) or T.norm[j] in cfg.negation_near for j in gap) else None


def joiners(ctx: DocContext, st: SentenceState, trig: Mark) -> list[str]:
    """The subject of a joining verb (``[syntax] joining_verbs``) whose preposition opens the
    trigger's phrase, verb first: "شاركت بريطانيا في الضربات", "لم تشارك لا السعودية ولا
    الإمارات في الضربات" (the actors between the verb and the preposition, "لا" and "و" aside)."""
    T, cfg = ctx.t, ctx.cfg
    k = trig.start - 1
    if k < 1 or T.norm[k] not in cfg.all_preps:
        return []
    keys: list[str] = []
    while k > 0:
        k -= 1
        g = st.group_at(k)
        if g is not None:
            keys = [*g.keys, *keys]
            k = g.start
        elif T.norm[k] in cfg.joining_verbs:
            return list(dict.fromkeys(keys))
        elif not (T.norm[k] in cfg.negation_near or T.norm[k] in cfg.coord or T.norm[k] in cfg.determiners):
            return []
    return []
