"""Receiving verbs: the subject of "enjoys the backing of", "came under attack from",
"تعرض لهجوم من", "received a loan from" receives the act of the noun after the verb, whose
agent follows it; the pairs a trigger read with its own frame turn round."""

from __future__ import annotations

from kg.extract.context import DocContext, Group, Mark, SentenceState
from kg.extract.markers import marker
from kg.extract.pairs import Pair
from kg.extract.words import crosses_boundary, filler, plain_word
from kg.lang import Trigger
from kg.nlp.normalize import match_key


def received_pairs(ctx: DocContext, st: SentenceState, trig: Mark, spec: Trigger, found: list[Pair],
                   keys: list[str]) -> tuple[list[Pair], list[str]]:
    """The pairs and subject keys of a trigger after a receiving verb ("Lukashenko enjoys the
    backing of Russia", "تحظى إيران بدعم روسيا"): the noun's agent is the actor after it and
    the verb's subject receives (the subject stays the clause's, for the verbs that share it).
    ``found`` and ``keys`` as the trigger's own frame read them; returned as they are where no
    receiving verb stands before the trigger."""
    if spec.relation not in ctx.cfg.receiving_relations or not (found or keys or st.groups):
        return found, keys
    cue = _received(ctx, st, trig, spec)
    if cue is None:
        return found, keys
    marked = _marked_agent(ctx, st, trig)
    if found and marked is not None and ((marked.start - trig.end <= 1 and not set(marked.keys) & {k for pair in found for k in pair})
                               or all(s in marked.keys for s, _ in found)):
        # "صد الجيش هجوما لقوات الدعم السريع على الفاشر", "repelled an attack by the RSF on El Fasher":
        # the marked agent acts on the receiver, not on the place its noun names
        found = []
    if not found:
        # "تعرضت أرمينيا لهجوم من أذربيجان", "Armenia came under attack from Azerbaijan", "received a
        # loan from the World Bank": the agent marked as a source; "Ukraine came under Russian
        # attack": the noun's own modifier; the receiving verb's subject is the target
        receiver = _receiver(ctx, st, cue)
        receivers = receiver.keys if receiver is not None else keys
        if receiver is None and st.prev is not None and st.prev[0].start == cue[0] and st.prev[2]:
            receivers = st.prev[2]  # the receiving verb is a trigger read before: "it repelled an attack by …"
        agent = marked or _nisba_agent(ctx, st, trig)
        if agent is not None:
            return [(a, k) for a in agent.keys for k in receivers if a != k], receivers
        if receiver is None or any(k in receiver.keys for k in keys):
            return found, keys
        return [(k, r) for k in keys for r in receiver.keys if k != r], receiver.keys
    # the noun's agent: after it, bare or marked as a source ("of Russia", "من روسيا"; "for the Houthis" is the object)
    agent_marks = ctx.cfg.receiving_agent_preps | {None}
    agents = {k for g in st.groups if g.start >= trig.end and marker(ctx, g, ctx.cfg.all_preps) in agent_marks
              for k in g.keys}
    return [(o, s) if o in agents and s not in agents else (s, o) for s, o in found], keys


def _receiver(ctx: DocContext, st: SentenceState, cue: tuple[int, int]) -> Group | None:
    """The receiving verb's subject: right before it, or right after it where the verb comes
    first ("حصلت بنغلاديش على قرض")."""
    T = ctx.t
    # one word between, or up to three that may stand between a subject and its verb ("Iran has
    # long been under", "Iran, already under"), in a subject-first language
    before = next((g for g in reversed(st.groups) if g.end <= cue[0] and (
        len(gap := T.words(g.end, cue[0])) <= 1 or (not ctx.cfg.verb_first and len(gap) <= 3 and all(
            filler(ctx, k) or T.text[k] in (",", "،") for k in gap)))), None)
    if before is not None and not (ctx.cfg.verb_first and marker(ctx, before, ctx.cfg.all_preps) is not None):
        return before
    if ctx.cfg.verb_first:
        return next((g for g in st.groups_starting(cue[1], cue[1] + 2) if marker(ctx, g, ctx.cfg.all_preps) is None), None)
    return None


def _marked_agent(ctx: DocContext, st: SentenceState, trig: Mark) -> Group | None:
    """The first actor after a received noun marked as its source ("from", "من"), within the
    words of the noun's phrase (no clause boundary, no other trigger between)."""
    preps = ctx.cfg.receiving_agent_preps
    for g in st.groups_starting(trig.end, trig.end + 6):
        if crosses_boundary(ctx, trig.end, g.start) or any(trig.end <= t.start < g.start for t in st.trigs):
            return None
        if marker(ctx, g, ctx.cfg.all_preps) in preps:
            return g
    return None


def _nisba_agent(ctx: DocContext, st: SentenceState, trig: Mark) -> Group | None:
    """"تواجه إثيوبيا عقوبات أمريكية": the nationality adjective right after the received
    noun (one plain adjective between at most) is its agent, where adjectives follow nouns."""
    if not ctx.cfg.adjective_after:
        return None
    T, cfg = ctx.t, ctx.cfg
    g = next(iter(st.groups_starting(trig.end, trig.end + 2)), None)
    if g is None or g.label != "demonym" or T.proclitic(g.start) \
            or any(T.norm[k] in cfg.all_preps or T.norm[k] in cfg.name_stop for k in T.words(trig.end, g.start)):
        return None
    return g


def _received(ctx: DocContext, st: SentenceState, trig: Mark, spec: Trigger) -> tuple[int, int] | None:
    """The receiving verb ending within three words before the trigger, with only determiners,
    adjectives or the verb-first subject between, where the trigger is a noun ("the backing",
    "بدعم"; not "has supported")."""
    T, cfg = ctx.t, ctx.cfg
    if "receiving" not in st.cue_names:
        return None
    noun = match_key(trig.text) in spec.nouns
    for cue, s, e in st.cues:
        if cue != "receiving" or e > trig.start:
            continue
        gap = T.words(e, trig.start)
        # a noun of the section, or any trigger after the verb-first subject ("تحظى إيران بدعم")
        # … and the verb's own preposition right before the noun ("حصلت بنغلاديش على قرض")
        # where the data marks no noun forms (Arabic), a trigger right after the verb is its noun ("صد هجوما")
        if (noun or any(ctx.in_mention(k) for k in gap) or (not gap and not spec.nouns)) and len(gap) <= 3 \
                and not crosses_boundary(ctx, e, trig.start) \
                and all(T.norm[k] in cfg.determiners or plain_word(ctx, k) or ctx.in_mention(k)
                        or (k == gap[-1] and T.norm[k] in cfg.all_preps) for k in gap):
            return s, e
    return None
