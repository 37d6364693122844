"""Whether a claim is asserted, possible (a modal, a future, a threat, a schedule) or
alleged (an accusation, "reportedly", an unnamed source)."""

from __future__ import annotations

from kg.extract.context import DocContext, Mark, SentenceState
from kg.extract.words import crosses_boundary


def modality(ctx: DocContext, st: SentenceState, trig: Mark) -> str:
    """The modality the cues before the trigger and the triggers around it give."""
    sent, cues, sent_trigs, names = st.sent, st.cues, st.trigs, st.cue_names
    lo = max(sent.start, trig.start - ctx.cfg.modality_window)
    if "possible" in names and any(cue == "possible" and sent.start <= s < lo for cue, s, _ in cues):
        lo = _wide_start(ctx, st, trig, lo)
    if "possible" in names and any(cue == "possible" and lo <= s and e <= trig.start + 1 and not _perfect_after(ctx, s, e)
                                   for cue, s, e in cues):
        return "possible"
    if "invitation" in names and any(cue == "invitation" and 0 <= trig.start - e <= 10 for cue, s, e in cues):
        return "possible"  # "invited Iran to visit Ankara": the visit is to come
    procl = ctx.t.proclitic(trig.start)
    if procl and procl[-1:] in ctx.cfg.future or _future_light_verb(ctx, sent.start, trig.start):
        return "possible"
    if "future_time" in names and any(cue == "future_time" and abs(s - trig.start) <= 12 and not crosses_boundary(ctx, min(e, trig.end), max(s, trig.start), punctuation=False)
           for cue, s, e in cues):  # across the commas of an apposition: "يصل أمير قطر الشيخ تميم بن حمد، إلى القاهرة غدا"
        return "possible"  # "يصل … إلى القاهرة غدا", "will visit … next week"
    if "alleged" in names and any(cue == "alleged" and sent.start <= s < trig.start and not _own_part(st, e) for cue, s, e in cues):
        return "alleged"
    if any(t.label_ == "threatened" and t is not trig and 0 <= trig.start - t.end <= 6 for t in sent_trigs):
        return "possible"  # "هددت … بفرض عقوبات", "threatened to impose sanctions"
    if any(t.label_ == "accused" and t.start < trig.start and len(ctx.t.words(t.end, trig.start)) <= 10 for t in sent_trigs):
        return "alleged"  # "accused X of supplying …", not a clause far after it
    return "asserted"


def _own_part(st: SentenceState, claim_end: int) -> bool:
    """"claimed responsibility for the attack": a claim of one's own part in an act (an
    involvement noun right after it) is the actor's statement, not an allegation."""
    return "involvement_nouns" in st.cue_names and any(c == "involvement_nouns" and s == claim_end for c, s, _ in st.cues)


def _wide_start(ctx: DocContext, st: SentenceState, trig: Mark, lo: int) -> int:
    """Over actors' names the window counts words ("اقتربت إيران والولايات المتحدة من …"),
    unless another predicate or a clause boundary stands between."""
    wide, n = trig.start, 0
    while wide > st.sent.start and n < ctx.cfg.modality_window:
        wide -= 1
        n += not ctx.in_mention(wide)
    if wide < lo and not any(wide <= t.start < trig.start and t is not trig for t in st.trigs) \
            and not crosses_boundary(ctx, wide, trig.start):
        return wide
    return lo


def unnamed_source(st: SentenceState) -> bool:
    """An unnamed source right after "according to"/a speech verb, or as its subject."""
    if "unnamed_sources" not in st.cue_names:
        return False
    cues = st.cues
    heads = [(s, e) for c, s, e in cues if c in ("according_to", "speech")]
    return any(c == "unnamed_sources" and any(abs(s - he) <= 2 or abs(hs - e) <= 2 for hs, he in heads)
               for c, s, e in cues)


def _perfect_after(ctx: DocContext, s: int, e: int) -> bool:
    """"قد قدمت" (has given) is a fact, "قد تقدم" (may give) a possibility: a cue of
    ``[cues] possible_before_imperfect`` makes a claim possible only before an imperfect
    verb, whose first letter is one of ``[morphology] imperfect_prefixes``."""
    cfg, T = ctx.cfg, ctx.t
    if T.norm[s] not in cfg.possible_before_imperfect or e >= len(T):
        return False
    return not T.norm[e].startswith(tuple(cfg.imperfect_prefixes))


def _future_light_verb(ctx: DocContext, start: int, at: int) -> bool:
    """"ستجري مصر مناورات", "أنها ستجري … مناورات": a light verb with the future prefix
    before a noun trigger makes the event one to come (the prefix may stay unsplit)."""
    T, cfg = ctx.t, ctx.cfg
    if not cfg.future:
        return False
    for k in T.words(max(start, at - 4), at):
        norm, procl = T.norm[k], T.proclitic(k)
        if (procl and procl[-1:] in cfg.future and norm in cfg.light_verbs) or \
                (norm[:1] in cfg.future and norm[1:] in cfg.light_verbs):
            return True
    return False
