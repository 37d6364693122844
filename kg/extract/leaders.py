"""Who leads a body or a delegation, said by a participle phrase after it: "the RSF, led
by Mohamed Hamdan Dagalo", "a Hamas delegation headed by Khalil al-Hayya", "قوات الدعم السريع
بقيادة حميدتي", "وفد من حماس برئاسة خليل الحية".

The person after the phrase (``[cues] led_by``) describes the actor before it: a leader of
that actor, or, where a delegation noun stands between ("وفد", "delegation"), a member of it
who leads its envoys. Either way the person is no argument of the clause's verb ("وصل وفد من
حماس برئاسة خليل الحية إلى القاهرة": Hamas came to Cairo; al-Hayya did not visit Hamas).
"""

from __future__ import annotations

from kg.extract.context import Cue, DocContext, Group, Sentence
from kg.extract.records import sentence_claim
from kg.model import Claim

# a comma may stand between the led actor and the phrase ("the RSF, led by …"); so may a
# delegation noun, its preposition and determiners (language data, read in _led)
_SKIPPABLE = frozenset({",", "،"})


def led_groups(ctx: DocContext, sent: Sentence, groups: list[Group], sent_cues: list[Cue]) -> tuple[list[Claim], list[Group]]:
    """(the leadership claims of the sentence, its groups without the persons who lead).
    ``sent_cues``: the sentence's cues (the doc's are not read again for each sentence)."""
    cues = [(s, e) for c, s, e in sent_cues if c == "led_by"]
    if not cues:
        return [], groups
    T, cfg, discourse = ctx.t, ctx.cfg, ctx.discourse
    claims: list[Claim] = []
    leaders: set[int] = set()
    for s, e in cues:
        person = next((g for g in groups if e <= g.start and len(T.words(e, g.start)) <= 3), None)
        if person is None or len(person.keys) != 1 or "Person" not in person.types(discourse):
            continue
        led, between = _led(ctx, groups, s)
        if led is None:
            continue
        leaders.add(id(person))
        delegated = any(T.norm[k] in cfg.delegations for k in between)
        relation = "affiliatedWith" if delegated or "Person" in led.types(discourse) else "leaderOf"
        claims += [sentence_claim(ctx.text, sent, ctx.offset, person.keys[0], relation, k) for k in led.keys
                   if k != person.keys[0]]
    return claims, [g for g in groups if id(g) not in leaders]


def _led(ctx: DocContext, groups: list[Group], cue_start: int) -> tuple[Group | None, list[int]]:
    """The actor right before the phrase, over a comma, a delegation noun and its preposition
    ("a Hamas delegation", "وفد من حماس", "وفد حماس"): at most three words between."""
    T, cfg = ctx.t, ctx.cfg
    before = [g for g in groups if g.end <= cue_start]
    if not before:
        return None, []
    g = before[-1]
    between = T.words(g.end, cue_start)
    if len(between) > 3 or not all(T.text[k] in _SKIPPABLE or T.norm[k] in cfg.delegations
                                   or T.norm[k] in cfg.delegation_preps or T.norm[k] in cfg.determiners
                                   for k in between):
        return None, []
    if len(g.keys) != 1:  # "Kamel, Al Thani and a Hamas delegation led by al-Hayya": the last member
        if not g.members or not g.members[-1].kb_id_:
            return None, []
        last = g.members[-1]
        g = Group([last.kb_id_], last.start, last.end, last.label_)
    # "وفد من حماس": the delegation noun stands before the actor, not between
    opening = T.words(max(0, g.start - 2), g.start)
    return g, between + [k for k in opening if T.norm[k] in cfg.delegations or T.norm[k] in cfg.delegation_preps]
