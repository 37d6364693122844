"""From a trigger's subject and object groups to (subject, object) key pairs: one claim
per member of a coordinated group, every pair of a "between" group or of the parties to
a symmetric relation, both directions of a mutual one, reversed for a converse one."""

from __future__ import annotations

from dataclasses import replace

from kg.extract.config import BETWEEN
from kg.extract.context import DocContext, Group
from kg.extract.words import slashed_start
from kg.lang import Trigger

Pair = tuple[str, str]


def pairs(keys: list[str]) -> list[Pair]:
    """Every pair of distinct members, in order."""
    return [(a, b) for i, a in enumerate(keys) for b in keys[i + 1:] if a != b]


def between_pairs(ctx: DocContext, spec: Trigger, after: list[Group]) -> list[Pair]:
    """"talks between X and Y", "the participation of X, Y and Z": every pair."""
    if not spec.symmetric:
        return []
    T, cfg = ctx.t, ctx.cfg
    norm, determiners = T.norm, cfg.determiners
    for g in after:
        if len(g.keys) < 2:
            continue
        j = slashed_start(ctx, g.start) - 1
        while j >= 0 and (norm[j] in determiners or norm[j] in cfg.delegations):  # "between a Saudi delegation and …"
            j -= 1
        # "بين الوفدين الإيراني والأمريكي": nisbas after their head noun, the head right after "بين"
        if cfg.adjective_after and g.label == "demonym" and j >= 1 and not ctx.in_mention(j) and T.alpha[j] \
                and norm[j] not in cfg.all_preps:
            j -= 1
        if j >= 0 and (norm[j] in BETWEEN or norm[j] == "of"):
            return pairs(g.keys)
    return []


def combine(spec: Trigger, subject: Group | None, obj: Group | None, between: list[Pair]) -> list[Pair]:
    """Subject × object, and for symmetric relations the pairs of a coordinated subject
    (mediators cooperate with each other) and of a "between" group; object × subject for
    a converse trigger ("India bought missiles from Russia": Russia supplied India)."""
    if spec.converse:
        return [(o, s) for s in subject.keys for o in obj.keys if s != o] if subject is not None and obj is not None else []
    if spec.mutual:  # symmetric pairing, then each direction: "India and Pakistan exchanged fire"
        found = combine(replace(spec, mutual=False), subject, obj, between)
        return list(dict.fromkeys(found + [(o, s) for s, o in found]))
    found = list(between)
    if spec.symmetric and subject is not None and len(subject.keys) >= 2 and (obj is None or between):
        found += pairs(subject.keys)
    if subject is not None and obj is not None and not between:
        found += [(s, o) for s in subject.keys for o in obj.keys if s != o]
    return found
