"""Claim records: built from a sentence, from the persons component's titles, from the
threats a sentence implies; and the final list, with repeats and the asserted copies of
hedged claims left out."""

from __future__ import annotations

import functools

from kg.extract.context import DocContext, Sentence
from kg.extract.triggers import control
from kg.model import Claim
from kg.nlp.lexicon import get_lexicon

_TITLE_RELATIONS = {"Leader": "leaderOf", "Official": "affiliatedWith"}


def sentence_claim(text: str, sent: Sentence, offset: int, subject: str, relation: str, obj: str, **cues) -> Claim:
    """A claim whose evidence is its sentence, trimmed, with offsets into the page."""
    evidence, start, end = _evidence(text, sent.start_char, sent.end_char)
    return Claim(subject, relation, obj, **cues, evidence=evidence, start=start + offset, end=end + offset)


@functools.lru_cache(maxsize=64)
def _evidence(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The sentence ``text[start:end]`` trimmed, and its bounds in ``text``: one sentence
    gives several claims (a string's hash is kept by the string, so the key costs little)."""
    sent_text = text[start:end]
    return sent_text.strip(), start + len(sent_text) - len(sent_text.lstrip()), end - (len(sent_text) - len(sent_text.rstrip()))


def title_claims(ctx: DocContext) -> list[Claim]:
    """"Iranian Foreign Minister X": X is an official of Iran; the evidence is the title."""
    doc, text, offset = ctx.doc, ctx.text, ctx.offset
    claims = []
    for r in doc.user_data.get("titled_persons", []):
        if not r.person or not r.affiliation or r.person == r.affiliation:
            continue
        relation = _TITLE_RELATIONS.get(r.role)
        if relation == "affiliatedWith" and _heads_a_body(ctx, r):
            relation = "leaderOf"  # "NATO chief Mark Rutte", "المدير العام للوكالة الدولية للطاقة الذرية"
        if relation:
            ev = doc[r.start:r.end]
            claims.append(Claim(r.person, relation, r.affiliation, evidence=text[ev.start_char:ev.end_char],
                                start=ev.start_char + offset, end=ev.end_char + offset))
    return claims


def _heads_a_body(ctx: DocContext, r) -> bool:
    """The title phrase of ``r`` holds a head-of-body word (``[titles] heads_of_bodies``) and its
    affiliation is an organization of no state (FORMAT.md: the head of an intergovernmental
    body, a party or an armed group leads it; a ministry's director is its official)."""
    heads = ctx.cfg.heads_of_bodies
    if not heads or not r.affiliation:
        return False
    body = (ctx.discourse.actors.get(r.affiliation) if ctx.discourse is not None else None) \
        or get_lexicon(ctx.doc.lang_).known.get(r.affiliation)  # a known body is registered after the doc is read
    if body is None or body.type != "Organization" or (body.affiliation and not _commanded(ctx, r.affiliation)):
        return False
    T, cfg = ctx.t, ctx.cfg
    k = r.start
    while k < r.end and T.norm[k] in cfg.determiners:
        k += 1
    if cfg.adjective_after:  # the head opens the phrase, the body right after it: "المدير العام للوكالة"
        for n in (2, 1):
            if " ".join(T.norm[k:k + n]) in heads and k + n < r.end:
                return True
        return False
    # the title's own words are only head words: "NATO chief", "IAEA Director General"; not
    # "EU foreign policy chief" (an official of the body)
    lower = [j for j in range(k, r.end) if T.lower[j] and T.alpha[j] and T.norm[j] not in cfg.determiners
             and T.norm[j] not in cfg.all_preps and T.norm[j] not in cfg.commanded_words]  # "Lebanese army chief"
    words = T.norm[k:r.end]
    head = any(w in heads for w in words) or any(f"{a} {b}" in heads for a, b in zip(words, words[1:]))
    return head and all(T.norm[j] in heads for j in lower)


def _commanded(ctx: DocContext, key: str) -> bool:
    """A state's armed force, which its commander leads (FORMAT.md: the head of an armed force
    is a leader; "قائد الجيش العماد رودولف هيكل"): a known body of one of the kinds of ``[titles]
    commanded_bodies``, or one found by pattern (kg/nlp/bodies.py keys it by state and kind)."""
    kinds = ctx.cfg.commanded_bodies
    known = get_lexicon(ctx.doc.lang_).known
    if key in known:
        return known[key].body in kinds
    state, _, kind = key.partition("_")  # a body found by pattern is keyed by its state and kind ("irn_army")
    return kind in kinds and state.upper() in known and known[state.upper()].type == "Country"


def government_claims(ctx: DocContext) -> list[Claim]:
    """"حكومة بنيامين نتنياهو", "the Trump administration": a person whose name gives a
    government its name leads the state (or body) the person belongs to. The government nouns are
    language data (``[titles] government_of``); they stand before the name where adjectives
    follow their noun, after it elsewhere."""
    nouns, discourse = ctx.cfg.government_nouns, ctx.discourse
    if not nouns or discourse is None:
        return []
    T, text, offset = ctx.t, ctx.text, ctx.offset
    claims = []
    for m in ctx.spans:
        actor = discourse.actors.get(m.kb_id_)
        if actor is None or actor.type != "Person" or not actor.affiliation:
            continue
        k = m.start - 1 if ctx.cfg.adjective_after else m.end
        if not (0 <= k < len(T)) or T.norm[k] not in nouns:
            continue
        s, e = min(k, m.start), max(k + 1, m.end)
        claims.append(Claim(m.kb_id_, "leaderOf", actor.affiliation, evidence=text[T.start_char(s):T.end_char(e)],
                            start=T.start_char(s) + offset, end=T.end_char(e) + offset))
    return claims


def threat_claims(ctx: DocContext, claims: list[Claim]) -> list[Claim]:
    """"X threatened to impose sanctions on Y": X also threatened Y; the threat holds
    whatever the act threatened ("threatened to cut gas supplies to Europe"), unless the
    threatening itself is negated ("did not threaten"). ``claims`` with those added."""
    out = list(claims)
    trig_spans, offset = ctx.trigs, ctx.offset
    for t in trig_spans:
        if t.label_ != "threatened":
            continue
        if not control(ctx, t) and not any(u is not t and 0 <= u.start - t.end <= 6 for u in trig_spans):
            continue
        sent = ctx.sent_at(t.start)
        in_sent = [c for c in claims if sent.start_char + offset <= c.start < sent.end_char + offset]
        warned = {c.object for c in in_sent if c.relation == "threatened"}
        polarity = "negative" if any(c == "negation" and 0 <= t.start - e <= 3 for c, _, e in ctx.cues) else "positive"
        for c in in_sent:  # "حذرت روسيا فرنسا من إرسال قوات": the warned party's act threatens no one
            if c.relation != "threatened" and c.modality == "possible" and c.subject not in warned:
                out.append(Claim(c.subject, "threatened", c.object, polarity=polarity, modality="asserted",
                                 attributed_to=c.attributed_to, evidence=c.evidence, start=c.start, end=c.end))
    return out


def unique_claims(claims: list[Claim]) -> list[Claim]:
    """Each claim once; an asserted claim also found hedged at the same place is the
    hedged one ("ستقدم … مساعدات": the verb's future covers its noun), threats aside."""
    hedged = {(c.subject, c.relation, c.object, c.polarity, c.start) for c in claims if c.modality != "asserted"}
    seen, unique = set(), []
    for c in claims:
        k = (c.subject, c.relation, c.object, c.polarity, c.modality, c.start)
        if c.modality == "asserted" and k[:4] + (c.start,) in hedged and c.relation != "threatened":
            continue
        if k not in seen:
            seen.add(k)
            unique.append(c)
    return unique
