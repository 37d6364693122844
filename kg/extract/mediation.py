"""Mediators: "talks in Doha mediated by Qatar and Turkey", "بوساطة قطرية", "China, which
brokered the pact", "Egypt's mediation".

The annotation convention (docs and FORMAT): the parties that reach a deal cooperate with
each other; the mediators cooperate with each other and with each party when they brokered
it, and meet each party when they only held talks. So a mediator is no party of the
sentence's own deal or talks ("وقعت الحكومة والحركة اتفاقا … بوساطة قطرية": Qatar signed
nothing with the government), and a claim that paired it with a party is replaced by the
mediation's claims.

The words are language data (``[cues]``): ``mediated_by`` names the mediator after it
("mediated by", "بوساطة", "برعاية"), ``mediator_before`` before it ("Egypt's mediation",
"Qatari-mediated"), ``mediator_verb`` is a verb whose subject mediates ("brokered",
"توسطت").
"""

from __future__ import annotations

from kg.extract.context import DocContext, Group, SentenceState
from kg.extract.records import sentence_claim
from kg.model import Claim

PARTY_RELATIONS = ("cooperatedWith", "metWith")  # what mediated parties do with each other


def mediation_claims(ctx: DocContext, st: SentenceState, claims: list[Claim],
                     prior_pair: tuple[str, str] | None) -> list[Claim]:
    """``claims`` of the sentence, with the mediators' claims added and the claims that
    made a mediator a party left out; unchanged without a mediation cue. ``prior_pair``:
    the parties of the latest deal or talks before the sentence."""
    mediators, of_deal = _mediators(ctx, st)
    if not mediators:
        return claims
    mediated = [c for c in claims if c.relation in PARTY_RELATIONS and (c.subject in mediators or c.object in mediators)]
    dropped = {id(c) for c in mediated}
    kept = [c for c in claims if id(c) not in dropped]
    parties = [c for c in kept if c.relation in PARTY_RELATIONS and c.polarity == "positive"]
    # "وقعت إسرائيل وحماس اتفاقا برعاية أميركية" read as each signing with "أميركية": the
    # members paired with a mediator are the parties
    sides = list(dict.fromkeys(k for c in mediated for k in (c.subject, c.object) if k not in mediators))
    if parties:
        pairs = [(c.subject, c.object, c) for c in parties]
    elif len(sides) >= 2:
        base = mediated[0]
        pairs = [(a, b, base) for i, a in enumerate(sides) for b in sides[i + 1:]]
        kept += [sentence_claim(ctx.text, st.sent, ctx.offset, a, base.relation, b, modality=base.modality,
                                attributed_to=base.attributed_to) for a, b, _ in pairs]
    elif sides:
        return claims  # one party with the mediator ("the deal with China, which brokered it")
    elif prior_pair is not None and not set(prior_pair) & set(mediators) \
            and not any(set(g.keys) - set(mediators) for g in st.groups):
        # "… وذلك بوساطة قطرية" in a sentence of its own: the parties of the latest deal
        pairs = [(*prior_pair, None)]
    else:
        return kept
    # "يلتقي الوزيران … بموجب اتفاق بوساطة صينية": what was mediated is the deal named before
    # the cue, done, whatever the parties do now
    relation = "cooperatedWith" if of_deal or any(c is None or c.relation == "cooperatedWith" for _, _, c in pairs) \
        else "metWith"
    modality = "asserted" if of_deal else next((c.modality for _, _, c in pairs if c is not None), "asserted")
    party_keys = list(dict.fromkeys(k for s, o, _ in pairs for k in (s, o)))  # no mediator among them
    ordered = list(mediators)
    added = []
    for m in ordered:
        for side in party_keys:
            added.append(sentence_claim(ctx.text, st.sent, ctx.offset, m, relation, side, modality=modality,
                                        attributed_to=st.speaker))
    for i, m in enumerate(ordered):  # co-mediators work together
        for other in ordered[i + 1:]:
            added.append(sentence_claim(ctx.text, st.sent, ctx.offset, m, "cooperatedWith", other,
                                        modality=modality, attributed_to=st.speaker))
    return kept + added


def _mediators(ctx: DocContext, st: SentenceState) -> tuple[dict[str, None], bool]:
    """The actor keys that mediate in the sentence, in order (a dict as an ordered set),
    and whether a deal is named right before a "mediated by" cue ("اتفاق بوساطة صينية")."""
    found: dict[str, None] = {}
    of_deal = False
    for cue, start, end in st.cues:
        group = None
        if cue == "mediated_by":
            group = _group_after(ctx, st, end)
            of_deal = of_deal or (group is not None and any(
                t.label_ == "cooperatedWith" and 0 <= start - t.end <= 2 for t in st.trigs))
        elif cue == "mediator_before":
            group = _group_before(ctx, st, start, gap=1)
        elif cue == "mediator_verb":
            group = _group_before(ctx, st, start, gap=2) if not ctx.cfg.verb_first else _group_after(ctx, st, end)
        if group is not None:
            found.update(dict.fromkeys(group.keys))
    return found, of_deal


def _group_after(ctx: DocContext, st: SentenceState, end: int) -> Group | None:
    """The group right after a cue; a determiner or a quote may stand between."""
    T = ctx.t
    for g in st.groups:
        if g.start >= end:
            words = [k for k in T.words(end, g.start) if T.norm[k] not in ctx.cfg.determiners]
            return g if not words or (len(words) == 1 and ctx.cfg.adjective_after and g.label == "demonym") else None
    return None


def _group_before(ctx: DocContext, st: SentenceState, start: int, gap: int) -> Group | None:
    """The group right before a cue: a possessive, "which" or a hyphen may stand between
    ("Egypt's mediation", "China, which brokered", "Qatari-mediated")."""
    T, cfg = ctx.t, ctx.cfg
    before = [g for g in st.groups if g.end <= start]
    if not before:
        return None
    g = before[-1]
    words = [k for k in T.words(g.end, start) if T.text[k] not in cfg.possessive and T.text[k] not in {",", "-", "،"}
             and T.norm[k] not in cfg.relative_pronouns and T.norm[k] not in cfg.light_verbs]
    return g if len(words) <= gap - 1 else None
