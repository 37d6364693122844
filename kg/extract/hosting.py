"""Who travelled to a meeting: of two parties that meet in the state of one of them, the
other visited it. "Venezuelan President Maduro hosted his Iranian counterpart Pezeshkian in
Caracas", "استقبل الرئيس التشادي في نجامينا وزير الخارجية الروسي", "Belousov held talks in
Pyongyang with Kim Jong Un". The place is a locative phrase of a state after the trigger
(its capital, the state named as a place, or one of its cities); a meeting in a third state
("met at the UN in New York") makes no visit, nor does a meeting "between" parties (a venue
of many) or talks a state hosts between others
(the hosting forms are language data: ``host_lemmas`` of the meeting section)."""

from __future__ import annotations

import bisect

from kg.extract.config import BETWEEN
from kg.extract.context import DocContext, Mark, SentenceState
from kg.extract.places import city_target
from kg.extract.records import sentence_claim
from kg.lang import Trigger
from kg.model import Claim


def meeting_visits(ctx: DocContext, st: SentenceState, trig: Mark, spec: Trigger, pairs: list[tuple[str, str]],
                   **cues) -> list[Claim]:
    """The visits of the parties of a meeting trigger's pairs held in the other party's state."""
    if ctx.discourse is None or not pairs:
        return []
    T = ctx.t
    if spec.hosting and " ".join(T.norm[trig.start:trig.end]) in spec.hosting \
            and any(trig.end <= t.start <= trig.end + 3 and t.label_ == trig.label_ for t in st.trigs):
        return []  # "hosted talks between …", "استضافت قطر محادثات بين …": the parties need not have travelled
    if any(T.norm[k] in BETWEEN for k in T.words(trig.end, min(st.sent.end, trig.end + 8))):
        return []  # "a three-way meeting in Doha between …": a venue of many parties, whoever travelled
    state = _place_state(ctx, st, trig)
    if state is None:
        return []
    actors = ctx.discourse.actors
    found = []
    for a, b in pairs:
        state_a, state_b = _state_of(actors, a), _state_of(actors, b)
        visitor = b if state_a == state and state_b not in (None, state) else \
            a if state_b == state and state_a not in (None, state) else None
        if visitor is not None:
            found.append(sentence_claim(ctx.text, st.sent, ctx.offset, visitor, "visited", state, **cues))
    return found


def _place_state(ctx: DocContext, st: SentenceState, trig: Mark) -> str | None:
    """The state named by the first locative phrase after the trigger in its sentence: a
    capital or a state named as a place ("in Caracas", "في نجامينا"), else a city of it."""
    T, cfg = ctx.t, ctx.cfg
    actors = ctx.discourse.actors if ctx.discourse is not None else {}
    # within the trigger's own clause: before the next trigger, a dozen words at most
    end = min([t.start for t in st.trigs if t.start >= trig.end] + [st.sent.end, trig.end + 12])
    first = bisect.bisect_left(ctx.span_starts, trig.end)
    for m in ctx.spans[first:bisect.bisect_left(ctx.span_starts, end)]:  # mentions, not groups: a title may hold the place
        actor = actors.get(m.kb_id_)
        if actor is not None and actor.type == "Country" and (
                T.norm[m.start - 1] in cfg.locative or T.proclitic(m.start).lstrip("وف") in cfg.locative - {""}):
            return m.kb_id_
    fronted = _fronted_place(ctx, st, trig)
    if fronted is not None:
        return fronted
    place = city_target(ctx, trig, end, ())
    return place.keys[0] if place is not None and len(place.keys) == 1 else None


def _fronted_place(ctx: DocContext, st: SentenceState, trig: Mark) -> str | None:
    """A state named as the place that opens the sentence, set off by a comma before the
    trigger ("وفي الرياض، استقبل …", "In Riyadh, the minister received …")."""
    T, cfg = ctx.t, ctx.cfg
    actors = ctx.discourse.actors if ctx.discourse is not None else {}
    first = bisect.bisect_left(ctx.span_starts, st.sent.start)
    for m in ctx.spans[first:bisect.bisect_left(ctx.span_starts, trig.start)]:
        if m.start - st.sent.start > 3:
            return None
        actor = actors.get(m.kb_id_)
        marked = m.start > st.sent.start and T.norm[m.start - 1] in cfg.locative \
            or T.proclitic(m.start).lstrip("وف") in cfg.locative - {""}
        if actor is not None and actor.type == "Country" and marked and m.end < trig.start and T.text[m.end] in (",", "،"):
            return m.kb_id_
    return None


def _state_of(actors: dict, key: str) -> str | None:
    """The state an actor is or belongs to (a person's or a body's affiliation)."""
    actor = actors.get(key)
    if actor is None:
        return None
    return key if actor.type == "Country" else actor.affiliation
