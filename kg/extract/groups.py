"""From a sentence's actor mentions to the groups that fill argument slots.

A modifier (a nationality adjective, a possessor, a backer in "Iran-backed") is no
argument of its own: it is dropped before its head. An actor in brackets after another
names the same one. Mentions joined by a conjunction ("X and Y", "X, Y and Z", "X و Y")
make one group, which gives one claim per member; commas alone do not make a list.
"""

from __future__ import annotations

import bisect

from operator import attrgetter

from kg.extract.context import DocContext, Group, Mark, Sentence
from kg.extract.words import QUOTES, bracket_in, crosses_boundary, outside_brackets, slashed_start
from kg.extract.triggers import armed
from kg.nlp.normalize import match_key

Backer = tuple[str, str | None, Mark]  # (backer, backed or None, the backer's mention)
_START_END = attrgetter("start", "end")  # a sort key read in C, not a lambda call per mention


def actor_groups(ctx: DocContext, spans: list[Mark]) -> list[Group]:
    """The argument groups of a sentence's mentions, in order."""
    groups: list[Group] = []
    if not spans:
        return groups
    for s in _parenthetical(ctx, _drop_modifiers(ctx, spans)):
        if groups and s.start == groups[-1].start and s.label_ == "dual":
            if s.kb_id_ not in groups[-1].keys:
                groups[-1].keys.append(s.kb_id_)
                groups[-1].members.append(s)
            groups[-1].conjoined = True  # "the two leaders" is a pair by itself
            continue
        if groups and s.start < groups[-1].end:  # overlapping mention: keep the first
            continue
        if groups and _coordinated(ctx, _past_state_noun(ctx, groups[-1].end), s):
            g = groups[-1]
            if s.kb_id_ not in g.keys:
                g.keys.append(s.kb_id_)
                g.members.append(s)
            g.conjoined = g.conjoined or _conjunction_between(ctx, g.end, s)
            g.end = s.end
            continue
        groups.append(Group([s.kb_id_], s.start, s.end, s.label_, members=[s]))
    # "Russia, Iranian Foreign Minister X said": commas alone do not make a list, but for a
    # headline's subject ("Russia, China hold naval drills")
    out: list[Group] = []
    for g in groups:
        if len(g.keys) > 1 and not g.conjoined and not _headline_list(ctx, g):
            out.extend(Group([m.kb_id_], m.start, m.end, m.label_, members=[m]) for m in g.members)
        else:
            out.append(g)
    if ctx.cfg.state_nouns:
        for g in out:
            _with_state_noun(ctx, g)
    if ctx.cfg.state_nouns_in:
        for g in out:
            _state_noun_in(ctx, g)
    return out


def _state_noun_in(ctx: DocContext, g: Group) -> None:
    """"the junta in Mali", "the authorities in Tehran", "المجلس العسكري في ميانمار": a state's
    government named by its place is the state; the group runs from the noun, unmarked by the
    place's preposition."""
    T, cfg = ctx.t, ctx.cfg
    k = g.start - 1
    if k < 1 or T.norm[k] not in cfg.state_places or len(g.keys) != 1 or g.label not in ("name", "metonym"):
        return
    for n in (2, 1, 3):  # "المجلس العسكري", "the junta", "the military junta"
        if k - n >= 0 and " ".join(T.norm[k - n:k]) in cfg.state_nouns_in:
            g.start = k - n
            return


def _past_state_noun(ctx: DocContext, end: int) -> int:
    """Where a mention ending at ``end`` ends with its state noun after a possessive ("Congo's
    government and the M23": the list goes on after it)."""
    T, cfg = ctx.t, ctx.cfg
    if cfg.state_nouns and end + 1 < len(T) and T.text[end] in cfg.possessive and T.norm[end + 1] in cfg.state_nouns:
        return end + 2
    return end


def _with_state_noun(ctx: DocContext, g: Group) -> None:
    """"Colombia's government suspended talks": a state's government, authorities or
    leadership after its possessive is the state; the group runs over them."""
    T, cfg = ctx.t, ctx.cfg
    if g.end + 1 < len(T) and T.text[g.end] in cfg.possessive and T.norm[g.end + 1] in cfg.state_nouns:
        g.end += 2


def _headline_list(ctx: DocContext, g: Group) -> bool:
    """"Russia, China hold joint drills", "US, UK strike Houthi targets": two actors joined by
    a comma alone that open a sentence and stand before a trigger are a headline's subject
    pair; a verb of no relation may stand between, with its object's modifiers ("Morocco,
    Israel ink drone deal", "Armenia, Azerbaijan fail to reach peace deal")."""
    T = ctx.t
    if len(g.members) != 2 or [T.text[k] for k in T.words(g.members[0].end, g.members[1].start)] != [","]:
        return False
    sent = ctx.sent_at(g.start)
    if any(T.alpha[k] for k in T.words(sent.start, g.start)):
        return False  # "In Syria, Turkey struck …": not the sentence's opening
    after = T.words(g.end, min(g.end + 5, sent.end))
    i = bisect.bisect_left(ctx.trig_starts, after[0]) if after else len(ctx.trig_starts)
    if i == len(ctx.trig_starts) or ctx.trig_starts[i] > after[-1]:
        return False
    # the words before the trigger: lower-case words of no actor and no clause boundary
    return all(T.lower[k] and T.alpha[k] and not ctx.in_mention(k) and T.norm[k] not in ctx.cfg.boundaries
               for k in after if k < ctx.trig_starts[i])


def _drop_modifiers(ctx: DocContext, spans: list[Mark]) -> list[Mark]:
    """A nationality adjective or a possessor next to another actor modifies it; the head
    takes part: "Syrian Kurdish People's Protection Units", "Minsk's Alexander Lukashenko",
    "زعيمي البلدين" (a dual noun in the genitive of another)."""
    T, cfg = ctx.t, ctx.cfg
    spans = sorted(spans, key=_START_END)
    keep: list[Mark] = []
    dropped_heads: set[int] = set()
    for i, s in enumerate(spans):
        prev = keep[-1] if keep else None
        label = s.label_
        if label == "dual" and prev is not None and prev.label_ == "dual" and prev.end == s.start \
                and prev.kb_id_ not in {x.kb_id_ for x in spans if x.start == s.start}:
            continue
        if cfg.adjective_after:
            if label == "demonym" and prev is not None and prev.end == s.start and prev.label_ != "dual" \
                    and not T.proclitic(s.start):
                continue
        elif label in ("demonym", "name", "metonym"):
            nxt = next((t for t in spans[i + 1:] if t.start >= s.end), None)
            if nxt is not None and nxt.kb_id_ != s.kb_id_:
                gap = T.words(s.end, nxt.start)
                possessive = bool(gap) and T.text[gap[0]] in cfg.possessive and len(gap) <= 2
                # … and up to three lower-case words before a body's name ("US defence firm Lockheed
                # Martin", "Russian shipping company Sovcomflot": the company's nationality)
                # ("US defence firms Lockheed Martin and Raytheon": a state's name used so too)
                adjective = (label == "demonym" and len(gap) <= 1 or _descriptor(ctx, gap, nxt)) and all(
                    T.alpha[k] and T.norm[k] not in cfg.coord and T.norm[k] not in cfg.all_preps for k in gap)
                if adjective:  # the head keeps the preposition before its adjectives ("against the Syrian Kurdish YPG")
                    ctx.modifier_tokens.update(range(s.start, nxt.start))
                if possessive and nxt.end < len(T) and T.norm[nxt.end] in cfg.membership_nouns:
                    dropped_heads.add(id(nxt))  # "Sweden's NATO membership": Sweden is meant, NATO qualifies the noun
                    keep.append(s)
                    continue
                if possessive and nxt.end < len(T) and T.norm[nxt.end] in cfg.event_nouns and nxt.label_ != "person" \
                        and not is_person(ctx, nxt.kb_id_):
                    keep.append(s)  # "the UK's Iran sanctions": the possessor acts, the head is acted on
                    continue
                if possessive or adjective:
                    continue
        if id(s) in dropped_heads:
            continue
        keep.append(s)
    return keep


def _descriptor(ctx: DocContext, gap: list[int], body: Mark) -> bool:
    """Up to three lower-case words ending in a body's descriptor (``[named_groups]`` heads:
    "defence firm", "shipping company") before the name of an organization."""
    T, cfg = ctx.t, ctx.cfg
    if not 2 <= len(gap) <= 3 or not all(T.lower[k] for k in gap):
        return False
    last, two = T.norm[gap[-1]], " ".join(T.norm[k] for k in gap[-2:])
    if not (last in cfg.company_heads or last in cfg.armed_heads or two in cfg.company_heads or two in cfg.armed_heads):
        return False
    actor = ctx.discourse.actors.get(body.kb_id_) if ctx.discourse is not None else None
    return actor is not None and actor.type == "Organization"


def _parenthetical(ctx: DocContext, spans: list[Mark]) -> list[Mark]:
    """"رئيس جهاز المخابرات الإسرائيلي (الموساد)", "the People's Protection Units (YPG)": an
    actor in brackets right after another names the same one; an office takes the name
    of the body in brackets."""
    text = ctx.t.text
    out: list[Mark] = []
    skip: set[int] = set()
    flat: list[Mark] = []
    for s in spans:  # nested mentions ("الإسرائيلي" inside its office) give way to the outer one
        if flat and s.start < flat[-1].end and s.label_ != "dual":
            continue
        flat.append(s)
    spans = flat
    for i, s in enumerate(spans):
        if i in skip:
            continue
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        if nxt is not None and nxt.start == s.end + 1 and text[s.end] == "(" \
                and nxt.end < len(ctx.t) and text[nxt.end] == ")":
            skip.add(i + 1)
            if s.label_ == "title":
                s = Mark(s.start, nxt.end + 1, "title", nxt.kb_id_)
        out.append(s)
    return out


def _conjunction_between(ctx: DocContext, prev_end: int, span: Mark) -> bool:
    T, coord = ctx.t, ctx.cfg.coord
    between = outside_brackets(T, T.words(prev_end, span.start))
    return T.proclitic(span.start).startswith("و") or _conjoined_noun(ctx, between, span) or any(
        ((T.norm[k] in coord or T.text[k] in coord) and T.text[k] not in {",", "،"}) or _coordinated_delegation(ctx, k)
        for k in between)


def _coordinated_delegation(ctx: DocContext, k: int) -> bool:
    """A delegation noun that carries the conjunction ("ووفد من الحوثيين")."""
    T, cfg = ctx.t, ctx.cfg
    norm = T.norm[k]
    return (norm[:1] in cfg.coord and norm[1:] in cfg.delegations) or (norm in cfg.delegations and T.proclitic(k)[:1] in cfg.coord)


def _past_delegations(ctx: DocContext, words: list[int], nouns: frozenset[str]) -> list[int]:
    """``words`` without the delegation nouns of a list, their prepositions and the
    determiners before them ("delegation and a delegation from the" leaves "and"); a noun
    with the coordinator as proclitic ("ووفد") stays, as a conjunction."""
    T, cfg = ctx.t, ctx.cfg
    kept: list[int] = []
    after_noun = False
    for k in words:
        norm = T.norm[k]
        if norm in nouns or (norm[:1] in cfg.coord and norm[1:] in nouns):
            while kept and T.norm[kept[-1]] in cfg.determiners:
                kept.pop()
            if norm not in nouns or T.proclitic(k)[:1] in cfg.coord:
                kept.append(k)  # "ووفد": its proclitic coordinator joins the list
            after_noun = True
            continue
        if after_noun and (norm in cfg.delegation_preps or norm in cfg.determiners):
            continue
        after_noun = False
        kept.append(k)
    return kept


def _conjoined_noun(ctx: DocContext, between: list[int], span: Mark) -> bool:
    """"بين حماس والمسؤولين الإسرائيليين": "and the Israeli officials" is a member."""
    T = ctx.t
    return ctx.cfg.adjective_after and span.label_ == "demonym" and len(between) == 1 \
        and (T.proclitic(between[0]).startswith("و") or match_key(T.text[between[0]]).startswith("و" + ctx.cfg.definite))


def _coordinated(ctx: DocContext, prev_end: int, span: Mark) -> bool:
    """Whether ``span`` continues the list that ends at ``prev_end``: at most three words
    between, all conjunctions, list punctuation or determiners."""
    T = ctx.t
    if ctx.adjuncts and ((prev_end - 1) in ctx.adjuncts) != (span.start in ctx.adjuncts):
        return False  # "Under a truce brokered by the United States, Israel and Lebanon agreed": no list across
    start = slashed_start(ctx, span.start)  # "and the AFC/M23"
    if start - prev_end > 1 and _kin_next(ctx, prev_end) and _through_kin(ctx, prev_end, span.start):
        return True
    if start - prev_end > 3 and not bracket_in(ctx, prev_end, start) and not ctx.cfg.delegations.intersection(T.norm[prev_end:start]):
        words = 0  # a list has at most 3 words between its members: stop counting there
        for k in range(prev_end, start):
            if not T.space[k] and T.text[k] not in QUOTES:
                words += 1
                if words > 3:
                    return False
    words = T.words(prev_end, start)
    delegations = ctx.cfg.delegations
    if delegations and any(T.norm[k] in delegations or T.norm[k][1:] in delegations for k in words):
        words = _past_delegations(ctx, words, delegations)
    if any(T.text[k] == "(" for k in words):
        words = outside_brackets(T, words)
    between = [k for k in words if T.text[k] not in QUOTES]
    if not between:
        return T.proclitic(span.start).startswith("و")
    if _conjoined_noun(ctx, between, span):
        return True
    norm, text = T.norm, T.text
    coord, determiners = ctx.cfg.coord, ctx.cfg.determiners
    if any(norm[k] in ctx.cfg.indefinite for k in between) and all(text[k] in (",", "،") or norm[k] not in coord for k in between):
        return False  # "from Russia and China, a UN expert said": a comma and an indefinite article open a new phrase

    def joins(k: int) -> bool:  # a conjunction, or one written on a delegation noun ("ووفد")
        return norm[k] in coord or text[k] in coord or _coordinated_delegation(ctx, k)
    return len(between) <= 3 and any(joins(k) for k in between) and \
        all(joins(k) or norm[k] in determiners for k in between) \
        and not _opens_clause(ctx, prev_end, span)


def _opens_clause(ctx: DocContext, prev_end: int, span: Mark) -> bool:
    """"Russia struck Kyiv and China held talks with Ukraine": in a subject-first language an
    actor followed by a verb (a trigger read as one, modals or adverbs between) after "and",
    where the list before it follows a verb of its own, is the subject of a clause of its
    own, not the last member of the list ("India and China will hold talks" is one list)."""
    cfg = ctx.cfg
    if cfg.verb_first:
        return False
    sent = ctx.sent_at(span.start)
    lo, hi = bisect.bisect_left(ctx.trig_starts, sent.start), bisect.bisect_left(ctx.trig_starts, prev_end)
    verb = next((t for t in reversed(ctx.trigs[lo:hi]) if match_key(t.text) not in cfg.triggers[t.label_].nouns), None)
    if verb is None or crosses_boundary(ctx, verb.end, span.start):
        return False  # "Thanks to Egypt's mediation, Israel and Hamas signed …": the list is a subject
    T = ctx.t
    k = span.end
    while k < len(T) and T.norm[k] in cfg.modal_verbs:  # "China will hold talks"
        k += 1
    i = bisect.bisect_left(ctx.trig_starts, k)
    if i == len(ctx.trig_starts) or ctx.trig_starts[i] != k:
        return False
    trig = ctx.trigs[i]
    spec = cfg.triggers[trig.label_]
    # "Kyiv and China's talks" stay a list, and so does "… the Taliban ended" (a form that acts only with its word)
    return match_key(trig.text) not in spec.nouns and armed(ctx, trig, sent, spec)


def _kin_next(ctx: DocContext, k: int) -> bool:
    """Whether a list over kin may start at token k: "وزوجته", ", his wife" (a cheap test
    before :func:`_through_kin`)."""
    T, cfg = ctx.t, ctx.cfg
    if k + 1 >= len(T):
        return False
    if cfg.kin_nouns:
        norm = T.norm[k]
        return norm in cfg.kin_nouns or (norm[:1] == "و" and norm[1:] in cfg.kin_nouns)
    return bool(cfg.list_item_openers) and T.text[k] in (",", "،") and T.norm[k + 1] in cfg.list_item_openers


def _through_kin(ctx: DocContext, prev_end: int, start: int) -> bool:
    """"sanctions on Petro, his wife, his eldest son and Interior Minister Benedetti": a list
    goes on over members that are no actors, each opened by a possessive ("his wife"), to
    the actor after its last conjunction."""
    T, cfg = ctx.t, ctx.cfg
    if start - prev_end > 14:
        return False
    words = T.words(prev_end, start)
    if cfg.kin_nouns:  # "بيترو وزوجته ونجله الأكبر ووزير الداخلية بينيديتي": kin joined by و, then the actor
        kin = [k for k in words if (T.proclitic(k).startswith("و") and T.norm[k] in cfg.kin_nouns)
               or (T.norm[k][:1] == "و" and T.norm[k][1:] in cfg.kin_nouns)]
        rest = [k for k in words if k not in kin]
        return bool(kin) and T.proclitic(start).startswith("و") and words[0] in kin and \
            all(T.norm[k].startswith(cfg.definite) for k in rest) and len(rest) <= len(kin)
    if not words or T.norm[words[0]] not in (",", "،") or T.norm[words[-1]] not in cfg.coord:
        return False
    cue_tokens = {k for _c, s, e in ctx.cues for k in range(s, e)} | ctx.trig_tokens  # "X, his wife said, and Y"
    item: list[int] = []
    items = 0
    for k in words[1:] + [None]:
        if k is None or T.norm[k] in cfg.coord or T.text[k] in cfg.coord:
            if item:
                if T.norm[item[0]] not in cfg.list_item_openers or len(item) > 4 \
                        or not all(T.alpha[j] and T.lower[j] and j not in cue_tokens for j in item):
                    return False
                items += 1
            item = []
            continue
        item.append(k)
    return items >= 1


def backers(ctx: DocContext, spans: list[Mark], sent: Sentence) -> list[Backer]:
    """(backer, backed or None, backer mention) for "Iran-backed Houthis", "the US-backed SDF" and
    "Hezbollah, the Iranian-backed militant group": the body after the compound within a
    few words, else the one an apposition (", the …") describes."""
    T, cfg = ctx.t, ctx.cfg
    found = []
    for i, m in enumerate(spans):
        k = m.end
        if k + 1 >= sent.end or T.text[k] not in ("-", "‐") or T.norm[k + 1] not in cfg.backer_suffixes:
            continue
        after = next((n for n in spans[i + 1:] if n.start >= k + 2), None)
        head = None
        if after is not None and after.start - (k + 2) <= 3 and not crosses_boundary(ctx, k + 2, after.start) \
                and not any(j in ctx.trig_tokens for j in range(k + 2, after.start)):
            head = after.kb_id_  # ("Iran-backed militias attacked US bases": a verb between, no head)
        else:
            j = m.start - 1
            while j > sent.start and T.norm[j] in cfg.determiners:
                j -= 1
            if j < m.start - 1 and T.text[j] in (",", "،"):
                before = next((n for n in reversed(spans[:i]) if n.end in (j, j - 1)), None)
                if before is not None and (before.end == j or T.text[j - 1] == ")"):
                    head = before.kb_id_
        if head != m.kb_id_:  # no head: "Iran-backed militias" still only modifies its noun
            found.append((m.kb_id_, head, m))
    return found


def is_person(ctx: DocContext, key: str) -> bool:
    """The actor of ``key`` in the document is a person."""
    actor = ctx.discourse.actors.get(key) if ctx.discourse is not None else None
    return actor is not None and actor.type == "Person"


def deal_place_names(ctx: DocContext, groups: list[Group], trigs: list[Mark]) -> list[Group]:
    """``groups`` without the capitals that name a deal or talks ("اتفاق الدوحة", "the Minsk
    agreement", "the Doha talks"): a place joined to a symmetric event noun, right after it
    where adjectives follow their noun (the genitive), right before it elsewhere, is the
    event's name, no party to it. A possessive keeps the party ("Washington's deal with X").
    The event nouns are language data (``[syntax] deal_nouns``): a verb ("وقعت الدوحة") is no name."""
    cfg, T = ctx.cfg, ctx.t
    nouns = [t for t in trigs if T.norm[t.end - 1] in cfg.deal_nouns
             or (cfg.definite and T.norm[t.end - 1][len(cfg.definite):] in cfg.deal_nouns)]
    if not nouns:
        return groups
    def named(g: Group) -> bool:
        if g.label != "metonym" or len(g.keys) != 1:
            return False
        if cfg.adjective_after:
            return any(g.start == t.end and not T.proclitic(g.start) for t in nouns)
        return any(g.end == t.start for t in nouns)
    return [g for g in groups if not named(g)]
