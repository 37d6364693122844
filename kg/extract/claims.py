"""Claims from triggers and the actors around them: the ``geokg_claims`` component.

For each relation trigger of the language data the arguments are found by position and
marking, which generalises across verb-first (Arabic), subject-first (English, Arabic
headlines) and nominal ("زيارة X إلى Y", "sanctions on X by Y") constructions:

* the object is the first following actor group marked by one of the trigger's object
  prepositions ("على", "to", a clitic "لـ"), else the next unmarked group;
* the subject is the group just before the trigger, else a group marked as agent
  ("عن", "by"), else the first unmarked group after it, else the sentence's or the
  discourse's salient actor;
* coordinated actors ("X و Y", "X, Y and Z") give one claim each; symmetric relations with
  "بين/between" pair every member.

Polarity, modality and attribution come from cue words of the language data.

The flow per document: :class:`DocContext` (mentions, triggers, cues, sentences) → per
sentence: backers (:mod:`groups`), actor groups (:mod:`groups`), speaker
(:mod:`attribution`) → per trigger: is it a predicate (:mod:`triggers`), its arguments
(:mod:`arguments`, :mod:`nominal`, :mod:`receiving`), polarity and modality (:mod:`polarity`,
:mod:`modality`) → claims implied by threats and titles, repeats dropped (:mod:`records`).
"""

from __future__ import annotations

import bisect
from operator import itemgetter

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.alliances import alliance_claims
from kg.extract.arguments import arguments
from kg.extract.attribution import speaker
from kg.extract.config import claim_config
from kg.extract.context import DocContext, Group, Mark, Sentence, SentenceState
from kg.extract.groups import actor_groups, backers, deal_place_names, is_person
from kg.extract.hosting import meeting_visits
from kg.extract.matchers import build_matchers
from kg.extract.leaders import led_groups
from kg.extract.markers import marker
from kg.extract.mediation import mediation_claims
from kg.extract.places import city_index, city_target, compound_place
from kg.extract.reported import reported_claims
from kg.nlp.extensions import doc_value, set_doc_value
from kg.nlp.syntax import syntax_of
from kg.extract.modality import modality, unnamed_source
from kg.extract.participation import participation
from kg.extract.polarity import denial, polarity, rejecter, reported_agent, reported_subject
from kg.extract.records import government_claims, sentence_claim, threat_claims, title_claims, unique_claims
from kg.extract.triggers import armed, claim_trigger, means_after, noun_form
from kg.extract.words import actor_next, complement_between
from kg.lang import Trigger
from kg.model import Claim
from kg.nlp.components import actor_spans, doc_text
from kg.nlp.lexicon import get_lexicon
from kg.nlp.normalize import match_key
from kg.nlp.tokens import indices_of, positions, sentence_bounds, token_table


@Language.factory("geokg_claims", default_config={"window": 12, "subject_gap": 2, "modality_window": 6,
                                                  "negation_window": 4, "instrument_window": 6})
def make_claims(nlp: Language, name: str, window: int, subject_gap: int, modality_window: int,
                negation_window: int, instrument_window: int):
    return ClaimExtractor(nlp, window=window, subject_gap=subject_gap, modality_window=modality_window,
                          negation_window=negation_window, instrument_window=instrument_window)


class ClaimExtractor:
    """Sets ``doc._.claims``. Holds only what is fixed per pipeline: the language's
    settings, the matchers and the lexicon's actor forms; a document's state lives in
    its :class:`DocContext`."""

    def __init__(self, nlp: Language, *, window: int, subject_gap: int, modality_window: int,
                 negation_window: int, instrument_window: int = 6) -> None:
        lex = get_lexicon(nlp.lang)
        self.cfg = claim_config(nlp.lang).with_windows(
            window=window, subject_gap=subject_gap, modality_window=modality_window,
            negation_window=negation_window, instrument_window=instrument_window)
        self.matchers = build_matchers(nlp, lex.data)
        self.forms = lex.forms  # actor forms: "Chinese" in "Chinese military aid" names China
        self.participation = participation(nlp.lang)
        city_index(nlp.lang)  # the cities an attack may hit, loaded with the pipeline, not by its first doc

    def __call__(self, doc: Doc) -> Doc:
        ctx = self.context(doc)
        claims = title_claims(ctx) + government_claims(ctx)
        text = ctx.text
        for sent in ctx.sents:
            if not text[sent.start_char:sent.end_char].strip():
                continue  # a line break alone: the speaker goes on
            claims += sentence_claims(ctx, sent, self.forms)
        set_doc_value(doc, "claims", unique_claims(reported_claims(ctx, threat_claims(ctx, claims))))
        return doc

    def context(self, doc: Doc) -> DocContext:
        """What the rules read of ``doc``, found once: mentions, cues, triggers, sentences."""
        text = doc_text(doc)
        T = token_table(doc)
        spans = [Mark(s.start, s.end, s.label_, s.kb_id_) for s in actor_spans(doc)]
        spans.sort(key=_START)  # stable: mentions that start together keep their order
        cues, trigs = self.matchers.find(doc, T, text)
        heads = self.cfg.victim_heads
        idx, words = T.idx, T.text  # TokenTable.start_char/end_char, inline
        sents = [Sentence(s, e, idx[s], idx[e - 1] + len(words[e - 1])) for s, e in sentence_bounds(doc)]
        layer = syntax_of(doc)
        return DocContext(
            adjuncts=layer.adjuncts, reciprocals=layer.reciprocals,
            doc=doc, cfg=self.cfg, t=T, text=text, offset=doc_value(doc, "offset"), discourse=doc_value(doc, "discourse"),
            spans=spans, span_starts=[m.start for m in spans], covered={k for m in spans for k in range(m.start, m.end)},
            brackets=indices_of(T.text, "(") if "(" in text else [],
            hyphens=frozenset(indices_of(T.text, "-")) if "-" in text else frozenset(),
            cues=cues, cue_starts=[s for _, s, _ in cues],
            trigs=trigs, trig_starts=[t.start for t in trigs], trig_tokens={k for t in trigs for k in range(t.start, t.end)},
            victim_at=positions(T.norm, heads, T.forms()), members=frozenset(self.participation.members(T, spans)),
            sents=sents, sent_starts=[x.start for x in sents])


_START = itemgetter(0)  # a Mark's start, read in C


def sentence_claims(ctx: DocContext, sent: Sentence, forms: dict[str, tuple[str, str]]) -> list[Claim]:
    """The claims of one sentence, its triggers read in order."""
    claims: list[Claim] = []
    discourse = ctx.discourse
    prior_pair = ctx.last_pair
    start, end, left = sent.start, sent.end, bisect.bisect_left
    sent_spans = ctx.spans[left(ctx.span_starts, start):left(ctx.span_starts, end)]
    if ctx.members:  # "the alliance, which includes Niger and Chad, condemned …": the members describe it
        sent_spans = [m for m in sent_spans if m.start not in ctx.members]
    backed = backers(ctx, sent_spans, sent) if ctx.cfg.backer_suffixes else []
    if backed:  # a backer is a modifier: no argument of the sentence's other triggers
        claims += [sentence_claim(ctx.text, sent, ctx.offset, backer, "supported", head)
                   for backer, head, _ in backed if head is not None]
        modifiers = {id(m) for _, _, m in backed}
        for _, _, m in backed:  # "strikes on the Iranian-backed Houthis": the head keeps "on"
            ctx.modifier_tokens.update(range(m.start, min(m.end + 2, sent.end)))
        sent_spans = [m for m in sent_spans if id(m) not in modifiers]
    groups = actor_groups(ctx, sent_spans)
    cues = ctx.cues_in(sent)
    led, groups = led_groups(ctx, sent, groups, cues)  # "a delegation led by X": X is no argument
    claims += led
    sent_trigs = ctx.trigs[left(ctx.trig_starts, start):left(ctx.trig_starts, end)]
    if ctx.cfg.actor_next_sections:
        sent_trigs = [t for t in sent_trigs if t.label_ not in ctx.cfg.actor_next_sections or actor_next(ctx, t.end)]
    if ctx.hyphens:  # "close-range missiles", "long-range strikes": the first half of a compound is no trigger
        sent_trigs = [t for t in sent_trigs if not _compound_half(ctx, t)]
    groups = deal_place_names(ctx, groups, sent_trigs)
    leader_cues = {s for c, s, _ in cues if c == "led_by"}
    if leader_cues:  # "التحالف بقيادة السعودية", "the alliance led by Russia": a body named by its leader, no predicate
        sent_trigs = [t for t in sent_trigs if t.end not in leader_cues]
    said, cue_at = speaker(ctx, sent, groups, cues)
    if backed:
        compounds = {m.end + 1 for _, _, m in backed}
        sent_trigs = [t for t in sent_trigs if t.start not in compounds]
    # "launched an initiative in Ukraine", "fired the minister": no claim of their own,
    # and no trigger between an actor and "strikes" in "Israel launched strikes on …";
    # they still end the reach of other triggers ("صفقة إطلاق الأسرى")
    # a trigger word inside an actor's name ("the Alliance of Sahel States", "تحالف دول الساحل") is a name
    unarmed = {(t.start, t.label_) for t in sent_trigs if not armed(ctx, t, sent, ctx.cfg.triggers[t.label_])
               or (ctx.in_mention(t.start) and ctx.in_mention(t.end - 1))}
    st = SentenceState(sent, cues, sent_trigs, groups, speaker=said, speaker_cue=cue_at, unarmed=unarmed,
                       refusals=frozenset(s for c, s, _ in cues if c == "negation"))
    for trig in sent_trigs:
        found = claim_trigger(ctx, st, trig, forms)
        if found is not None:
            claims += _trigger_claims(ctx, st, *found)
    claims += alliance_claims(ctx, st)
    claims = mediation_claims(ctx, st, claims, prior_pair)
    if discourse is not None:
        for g in groups:
            for k in g.keys:
                discourse.touch(k)
        discourse.last_sentence = tuple(k for g in groups for k in g.keys)
    return claims


def _trigger_claims(ctx: DocContext, st: SentenceState, trig: Mark, spec: Trigger) -> list[Claim]:
    """The claims of one trigger, with polarity, modality and speaker. A form with
    another reading ("received": a guest, else tanks from someone) is read with the other
    section's frame when its own finds no pair."""
    discourse, sent, T = ctx.discourse, st.sent, ctx.t
    pairs, keys = arguments(ctx, st, trig, spec)
    if not pairs and spec.otherwise and match_key(trig.text) in spec.otherwise[1] \
            and not any(T.norm[k] in spec.otherwise[2] for k in T.words(trig.end, min(sent.end, trig.end + 6))):
        spec = ctx.cfg.triggers[spec.otherwise[0]]
        pairs, keys = arguments(ctx, st, trig, spec)
    if not pairs and spec.relation in HOSTILE_TO_OTHERS:
        pairs, keys = _blamed_for(ctx, st, trig, keys) or (pairs, keys)
    if not pairs and keys and spec.relation == "threatened":
        pairs = _threatened_act(ctx, st, trig, keys)  # "threatened a new military operation against the SDF"
    if not pairs and not keys and spec.symmetric:
        pairs = _pair_of_the_clause(ctx, st, trig)  # "X and Y pledged to deepen ties during talks in Moscow"
    if pairs and spec.means and means_after(ctx, st, trig, spec.means):
        spec = ctx.cfg.triggers[spec.means[0]]  # "دعمت تركيا أذربيجان بالطائرات المسيرة": supply
    st.prev = (trig, spec, list(keys))
    if keys:
        st.subject_of[spec.relation] = st.prev
    if keys and st.first_subject is None:
        st.first_subject = list(keys)
    st.subjects |= set(keys)
    if not pairs and discourse is not None and keys:
        for k in keys:
            discourse.note_subject(k)
        if spec.relation in HOSTILE_TO_OTHERS and len(keys) == 1 and polarity(ctx, st, trig) == "positive" \
                and modality(ctx, st, trig) == "asserted":
            ctx.last_agent[spec.relation] = keys[0]  # "U.S. forces struck a boat …. Cuba condemned the attack"
    if not pairs and spec.symmetric and ctx.last_pair is not None \
            and all(set(g.keys) <= {st.speaker, *ctx.last_pair} for g in st.groups) \
            and polarity(ctx, st, trig) == "negative":
        # "Pakistan and Afghanistan held talks. No agreement was reached": the parties of the talks
        pairs = [ctx.last_pair]
    claims: list[Claim] = []
    if not pairs and not keys:
        if "denial" in st.cue_names or "disputes" in st.cue_names:
            pairs = _denied_act(ctx, st, trig, spec)  # "Iran denied US allegations of arming the Houthis"
        if not pairs:
            return claims  # no pair and no subject: a rejecter would have nothing to pair (half the triggers)
    denier = rejecter(ctx, st, trig)
    if denier and not (pairs and reported_subject(ctx, st, trig, keys)):
        # "رفضت إيران الاتهامات بتزويد روسيا": the rejecter is the accused
        accused = reported_agent(ctx, st, trig) or denier[0]
        pairs = [(accused, obj) for _subj, obj in pairs] or [(accused, k) for k in keys if k != accused]
    pairs = [(subj, obj) for subj, obj in pairs if subj and obj and subj != obj and not _own_state(ctx, spec, subj, obj)]
    if not pairs:
        return claims
    if spec.person_reading and match_key(trig.text) in spec.person_reading[1] and _in_words(ctx, st, trig, spec, pairs):
        spec = ctx.cfg.triggers[spec.person_reading[0]]  # "Macron attacked Washington over its tariffs": in words
    # polarity, modality and speaker are the trigger's, the same for each of its pairs
    pol = polarity(ctx, st, trig)
    if pol == "positive" and trig.start > 0 and T.norm[trig.start - 1] in ctx.cfg.free_choice:
        return claims  # "warned Israel against any strike on Iran", "رفض أي هجوم": no event, unless negated
    denied = pol == "negative" and denial(ctx, st, trig)
    mode = modality(ctx, st, trig)
    if denied and mode == "alleged":
        mode = "asserted"  # the denial is the denier's own statement
    cue_at = st.speaker_cue
    trailing = cue_at is not None and not any(t.start > cue_at for t in st.trigs) \
        and not complement_between(ctx, cue_at, sent.end)  # "…, Foreign Minister X said."
    said = st.speaker if (cue_at is None or cue_at < trig.start or trailing) else None
    if mode == "asserted" and unnamed_source(st):
        mode = "alleged"  # "according to officials": reported, not established
    if spec.relation == "accused" and pol == "positive":
        st.accusation = (pairs[0][0], pairs[0][1], trig.end)
    st.claimed = (trig.end, spec.relation)
    if any(s < trig.start for c, s, _ in st.cues if c in GOVERNING_VERBS):
        st.main_object = None  # "نفى … تقارير عن تزويد بلاده روسيا، واصفاً إياها": what is denied, no actor
    elif st.main_object is None or not noun_form(ctx, trig, spec):
        st.main_object = pairs[0][1]  # a verb's object; an event noun after it ("أدانت … الغارات على …") keeps it
        st.main_at = trig.end
    for subj, obj in pairs:
        claims.append(sentence_claim(ctx.text, sent, ctx.offset, subj, spec.relation, obj, polarity=pol,
                                     modality=mode, attributed_to=(denier[0] if denier else subj) if denied else said))
        if spec.symmetric and pol == "positive":
            ctx.last_pair = (subj, obj)
        if pol == "positive" and mode == "asserted":
            ctx.last_agent[spec.relation] = subj
        if discourse is not None:
            discourse.note_subject(subj)
    if spec.relation == "metWith" and pol == "positive":  # "hosted Pezeshkian in Caracas": the guest visited
        claims += meeting_visits(ctx, st, trig, spec, pairs, modality=mode, attributed_to=said)
    return claims


HOSTILE_TO_OTHERS = frozenset({"attacked", "sanctioned"})
GOVERNING_VERBS = frozenset({"speech", "denial", "negation", "according_to"})  # a clause under them is no main clause


def _pair_of_the_clause(ctx: DocContext, st: SentenceState, trig: Mark) -> list[tuple[str, str]]:
    """A symmetric event with no party of its own, the circumstance of the clause ("during talks
    in Moscow", "خلال محادثات في موسكو", ``[syntax] circumstance_prepositions``), is held by the sentence's subject pair ("Putin and Xi pledged to deepen their
    partnership during talks"), when no other actor stands between them but a place."""
    first = list(dict.fromkeys(st.first_subject or ()))
    T = ctx.t
    if len(first) < 2 or trig.start == 0 or not (T.norm[trig.start - 1] in ctx.cfg.circumstance_preps
                                                 or T.proclitic(trig.start).lstrip("وف") in ctx.cfg.circumstance_preps - {""}):
        return []
    subject = next((g for g in st.groups if g.keys == first and g.end <= trig.start), None)
    if subject is None or any(subject.end <= g.start < trig.start and marker(ctx, g, ctx.cfg.all_preps) not in ctx.cfg.locative
                              for g in st.groups):
        return []
    return [(a, b) for i, a in enumerate(first) for b in first[i + 1:]]


def _blamed_for(ctx: DocContext, st: SentenceState, trig: Mark, keys: list[str]) -> tuple[list, list[str]] | None:
    """"Turkey blamed the PKK for the attack", "Russia accused Ukraine of the drone attack":
    a hostile act the accusation right before it names, with no target of its own, was done
    by the accused to the accuser, when the accuser is a state (a victim's accusation); a
    body's or a state body's accusation names no victim."""
    acc = st.accusation
    if acc is None or not 0 <= trig.start - acc[2] <= 6 or ctx.discourse is None:
        return None
    accuser, accused, _ = acc
    actor = ctx.discourse.actors.get(accuser)
    if actor is None or actor.type != "Country" or (keys and accused not in keys):
        return None
    T = ctx.t
    after = T.words(trig.end, min(trig.end + 1, st.sent.end))
    spec = ctx.cfg.triggers[trig.label_]
    if after and (T.norm[after[0]] in spec.obj_preps or T.proclitic(after[0]).lstrip("وف") in spec.obj_preps):
        return None  # "blamed Tehran for the attack on the tanker": a target of its own, no actor's
    return [(accused, accuser)], [accused]


def _compound_half(ctx: DocContext, trig: Mark) -> bool:
    """The trigger is written fast against a hyphen and the word after it ("close-range")."""
    T, k = ctx.t, trig.end
    return k in ctx.hyphens and k + 1 < len(T) and T.idx[k] == T.idx[k - 1] + len(T.text[k - 1]) \
        and T.idx[k + 1] == T.idx[k] + 1


def _threatened_act(ctx: DocContext, st: SentenceState, trig: Mark, keys: list[str]) -> list[tuple[str, str]]:
    """A hostile act threatened as a noun right after the verb, past determiners and
    adjectives ("threatened a new military operation against the SDF", "warned of strikes on
    Israel"): whom the act would hit is threatened."""
    T, cfg = ctx.t, ctx.cfg
    act = next((t for t in st.trigs_from(trig.end) if cfg.triggers[t.label_].relation in HOSTILE_TO_OTHERS), None)
    if act is None or act.start - trig.end > 4 or any(
            ctx.in_mention(k) or not T.alpha[k] or (T.norm[k] in cfg.all_preps and k != trig.end) for k in T.words(trig.end, act.start)):
        return []
    preps = cfg.triggers[act.label_].obj_preps
    own = act.text.split()[-1] in preps  # "operation against": the act ends in its own preposition
    obj = _marked_after(ctx, st, act.end, preps, bare_within=0 if own else None)
    return [(k, o) for k in keys for o in obj.keys if k != o] if obj is not None else []


def _denied_act(ctx: DocContext, st: SentenceState, trig: Mark, spec: Trigger) -> list[tuple[str, str]]:
    """An act named by a denied accusation with no subject of its own ("Iran denied US
    allegations of arming the Houthis"): the denier did it, if at all, to the actor right
    after it (bare or with the trigger's preposition)."""
    denier = rejecter(ctx, st, trig)
    if not denier:
        return []
    obj = _marked_after(ctx, st, trig.end, spec.obj_preps, bare_within=4)
    if obj is None and spec.locative_object:  # "نفى أي تورط له في تفجير إسطنبول", "in the Istanbul bombing": the city hit
        obj = city_target(ctx, trig, min(st.sent.end, trig.end + 4), spec.obj_preps) or compound_place(ctx, trig, spec)
    return [(denier[0], k) for k in obj.keys if k not in denier] if obj is not None else []


def _marked_after(ctx: DocContext, st: SentenceState, end: int, preps: tuple[str, ...], *,
                  bare_within: int | None) -> Group | None:
    """The first group within four tokens after ``end`` marked by one of ``preps``, or by none
    when it starts at most ``bare_within`` tokens after ``end``."""
    for g in st.groups_starting(end, min(st.sent.end, end + 4)):
        mark = marker(ctx, g, ctx.cfg.all_preps)
        if mark in preps or (mark is None and bare_within is not None and g.start - end <= bare_within):
            return g
    return None


def _in_words(ctx: DocContext, st: SentenceState, trig: Mark, spec: Trigger, pairs: list[tuple[str, str]]) -> bool:
    """A person's attack is verbal (``person_reading``): every subject a person, and the object a
    person or a word of speech after the trigger ("over", "in a speech", "في كلمة"), no weapon."""
    if not all(is_person(ctx, subj) for subj, _ in pairs):
        return False
    T = ctx.t
    words = [T.norm[k] for k in T.words(trig.end, min(st.sent.end, trig.end + 14))]  # past a verb-first subject
    if any(w in ctx.cfg.weapons for w in words):
        return False
    return all(is_person(ctx, obj) for _, obj in pairs) or any(w in spec.person_reading[2] for w in words)


def _own_state(ctx: DocContext, spec: Trigger, subj: str, obj: str) -> bool:
    """"Sudan's army shelled RSF positions in Khartoum": a state's own body strikes in its
    state, not at it; the place is where, not whom. Nor does one visit one's own state
    ("Libyan commander Haftar … arrived in Benghazi"), a body's state included."""
    if (spec.relation not in HOSTILE_TO_OTHERS and spec.relation != "visited") or ctx.discourse is None:
        return False
    actors = ctx.discourse.actors
    actor = actors.get(subj)
    if actor is None or not actor.affiliation:
        return False
    if actor.affiliation == obj:
        return True
    body = actors.get(actor.affiliation)
    return spec.relation == "visited" and body is not None and body.affiliation == obj
