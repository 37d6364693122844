"""A guest received in the host's own state visits it: "Venezuelan President Maduro hosted
his Iranian counterpart Pezeshkian in Caracas", "استقبل الرئيس التشادي في نجامينا وزير
الخارجية الروسي". The hosting forms are language data (``host_lemmas`` of the meeting
section); the place is a locative phrase of the host's state after the verb (its capital or
one of its cities), so a meeting held abroad ("hosted … at the UN in New York") is none."""

from __future__ import annotations

from kg.extract.context import DocContext, Mark, SentenceState
from kg.extract.places import city_target
from kg.extract.records import sentence_claim
from kg.lang import Trigger
from kg.model import Claim


def hosted_visits(ctx: DocContext, st: SentenceState, trig: Mark, spec: Trigger, pairs: list[tuple[str, str]],
                  **cues) -> list[Claim]:
    """The visits of the guests of a hosting trigger's (host, guest) pairs."""
    T = ctx.t
    if not spec.hosting or " ".join(T.norm[trig.start:trig.end]) not in spec.hosting or ctx.discourse is None:
        return []
    if any(trig.end <= t.start <= trig.end + 3 and t.label_ == trig.label_ for t in st.trigs):
        return []  # "hosted talks between …", "استضافت قطر محادثات بين …": the parties need not have travelled
    state = _place_state(ctx, st, trig)
    if state is None:
        return []
    actors = ctx.discourse.actors
    found = []
    for host, guest in pairs:
        if _state_of(actors, host) != state or _state_of(actors, guest) == state:
            continue
        found.append(sentence_claim(ctx.text, st.sent, ctx.offset, guest, "visited", state, **cues))
    return found


def _place_state(ctx: DocContext, st: SentenceState, trig: Mark) -> str | None:
    """The state named by the first locative phrase after the trigger in its sentence: a
    capital or a state named as a place ("in Caracas", "في نجامينا"), else a city of it."""
    T, cfg = ctx.t, ctx.cfg
    actors = ctx.discourse.actors if ctx.discourse is not None else {}
    for m in ctx.spans:  # mentions, not groups: a title may hold the place ("نظيره الفرنسي في القاهرة")
        if m.start < trig.end or m.start >= st.sent.end or m.start == 0:
            continue
        actor = actors.get(m.kb_id_)
        if actor is not None and actor.type == "Country" and (
                T.norm[m.start - 1] in cfg.locative or T.proclitic(m.start).lstrip("وف") in cfg.locative - {""}):
            return m.kb_id_
    place = city_target(ctx, trig, st.sent.end, ())
    return place.keys[0] if place is not None and len(place.keys) == 1 else None


def _state_of(actors: dict, key: str) -> str | None:
    """The state an actor is or belongs to (a person's or a body's affiliation)."""
    actor = actors.get(key)
    if actor is None:
        return None
    return key if actor.type == "Country" else actor.affiliation
