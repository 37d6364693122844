"""What speakers say happened, read at the level of the document.

* "Chad said Sudan struck its border posts": a speaker who reports a hostile act of
  another actor accuses it (the accusation a claim of its own, attributed to the speaker),
  for the relations the language data lists (``[cues] accusing_speech``). Both data files
  list none today: on the dev corpus the rule found one accusation the annotators made and
  seven they did not (a victim's statement of an attack is reported, not an accusation),
  so it is off until annotation settles the convention;
* "Petro rejected Washington's accusations", "رفضت الخارجية الاتهامات المالية": who rejects
  an actor's accusations opposes that actor;
* "Trump said he would impose sanctions on Colombia", "Iran vowed to strike Israel", "قال
  ترامب إنه سيقطع المساعدات عن كولومبيا": an actor that announces its own hostile act to come
  (by its own word or a spokesman's, or a vow) threatens the target (CAMEO 13); "analysts
  said Russia could attack" is no threat, nor is "would not attack";
* "Sudan denied the accusations", "نفت أرمينيا الاتهامات": the acts earlier claims of the
  document allege against the denier are, by the denier's word, negative; the accusation
  noun itself is no claim of the denier's.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from kg.extract.context import DocContext, Sentence
from kg.extract.records import sentence_claim
from kg.model import Claim
from kg.nlp.syntax import COMMAS



def reported_claims(ctx: DocContext, claims: list[Claim]) -> list[Claim]:
    """``claims`` with the accusations speakers make and the denials of earlier allegations."""
    out = list(claims) + _accusations(ctx, claims) + _rejected_accusers(ctx) + _announced_threats(ctx, claims)
    denials = [(sent, denier, False, None) for sent, denier in _denials(ctx)] + \
        [(sent, denier, True, None) for sent, denier in _appended_denials(ctx)] + \
        [(sent, denier, True, relation) for sent, denier, relation in _blanket_denials(ctx)]
    for sent, denier, same_sentence, only in denials:
        start, end = sent.start_char + ctx.offset, sent.end_char + ctx.offset
        actor = ctx.discourse.actors.get(denier) if ctx.discourse is not None else None
        accused = {denier} | ({actor.affiliation} if actor is not None and actor.affiliation else set())  # a spokesman's body
        # "نفت أرمينيا الاتهامات": the accusation noun negated by the denial is no claim that the
        # denier did not accuse (its own accusation after "واتهمت" stays)
        out = [c for c in out if not (start <= c.start < end and c.relation == "accused" and c.subject in accused
                                      and c.polarity == "negative")]
        for c in list(out):
            alleged = c.modality == "alleged" or c.attributed_to not in (None, *accused)  # by others' word
            if (c.start < start or (same_sentence and c.start == start)) and c.subject in accused and alleged \
                    and c.polarity == "positive" and (only is None or c.relation == only) \
                    and c.relation != "accused":
                denial = sentence_claim(ctx.text, sent, ctx.offset, c.subject, c.relation, c.object,
                                        polarity="negative", modality="asserted", attributed_to=denier)
                out.append(denial)
                if same_sentence and c.start == start:
                    # "…, a charge Abu Dhabi denied": the sentence reports the act as denied, not as
                    # happened (its accusation stays a claim of its own)
                    out.remove(c)
    return out


def _accusations(ctx: DocContext, claims: list[Claim]) -> list[Claim]:
    discourse = ctx.discourse
    accusable = ctx.cfg.accusing_speech  # e.g. attacked, supplied, threatened (CAMEO 112)
    if not accusable:
        return []
    found = []
    for c in claims:
        speaker = c.attributed_to
        if speaker is None or c.relation.casefold() not in accusable or c.polarity != "positive" or c.modality == "possible" \
                or speaker == c.subject or not _said(ctx, c):
            continue
        actor = discourse.actors.get(speaker) if discourse is not None else None
        if actor is not None and actor.affiliation == c.subject:
            continue  # "the Kremlin's spokesman said Russia struck …": its own side's act
        found.append(replace(c, subject=speaker, relation="accused", object=c.subject, modality="asserted",
                             attributed_to=speaker, items=()))
    return found


def _said(ctx: DocContext, claim: Claim) -> bool:
    """The claim's sentence has a speech verb (not only "according to": a source is no accuser)."""
    sent = ctx.sent_at_char(claim.start - ctx.offset)
    return any(cue == "speech" for cue, _, _ in ctx.cues_in(sent))


def _denials(ctx: DocContext) -> list[tuple[Sentence, str]]:
    """Sentences where an actor denies accusations ("denied the accusations", "rejected the
    charge", "نفت … الاتهامات"): a denial cue with an accusation noun within a few words, and
    the actor right before or after the cue."""
    nouns = [s for s, _ in _accusation_nouns(ctx)]
    if not nouns:
        return []
    found = []
    for cue, s, e in ctx.cues:
        if cue not in ("denial", "disputes") and not (cue == "negation" and ctx.t.norm[s] not in ctx.cfg.negation_near):
            continue
        if not any(0 <= n - e <= 3 for n in nouns):
            continue
        sent = ctx.sent_at(s)
        near = [m for m in ctx.spans if sent.start <= m.start < sent.end and (0 <= s - m.end <= 3 or 0 <= m.start - e <= 1)]
        if near:
            found.append((sent, near[-1].kb_id_ if near[-1].end <= s else near[0].kb_id_))
    return found


def _accusation_nouns(ctx: DocContext, *, involvement: bool = True) -> list[tuple[int, int]]:
    """(start, end) of the document's accusation triggers and accusation nouns, and of its
    nouns of a part in an act ("involvement", "أي صلة") unless ``involvement`` is false."""
    kinds = ("accusation_nouns", "involvement_nouns") if involvement else ("accusation_nouns",)
    return [(t.start, t.end) for t in ctx.trigs if t.label_ == "accused"] + \
        [(s, e) for c, s, e in ctx.cues if c in kinds]


def _appended_denials(ctx: DocContext) -> list[tuple[Sentence, str]]:
    """A denial told after the accusation in its own sentence: "…, a charge Abu Dhabi has
    repeatedly denied", "…, claims that Kigali rejects", "…, which Moscow denies" (an
    accusation noun or a relative, then the denier, a few words, the verb), "، وهو ما تنفيه
    أبوظبي", "، وهي اتهامات نفتها الإمارات" (the verb resumes the accusation by its pronoun and
    the denier follows it)."""
    T, cfg = ctx.t, ctx.cfg
    nouns = {s for s, _ in _accusation_nouns(ctx)}
    found = []
    for cue, s, e in ctx.cues:
        if cue not in ("denial", "disputes"):
            continue
        sent = ctx.sent_at(s)
        comma = next((k for k in range(s - 1, max(sent.start, s - 9) - 1, -1) if T.text[k] in COMMAS), None)
        if comma is None:
            continue
        opening = [k for k in T.words(comma + 1, s) if not ctx.in_mention(k)]
        if not any(k in nouns or T.norm[k] in cfg.relative_pronouns for k in opening) and not T.enclitic(e - 1):
            continue
        before = [m for m in ctx.spans if comma < m.start and m.end <= s and len(T.words(m.end, s)) <= 3]
        after = [m for m in ctx.spans if e <= m.start <= e + 1 and m.start < sent.end] if T.enclitic(e - 1) else []
        denier = before[-1] if before else (after[0] if after else None)
        if denier is not None:
            found.append((sent, denier.kb_id_))
    return found


def _blanket_denials(ctx: DocContext) -> list[tuple[Sentence, str, str]]:
    """A denial of any act of a kind, in the clause after an accusation: "…, while Nairobi
    denied providing any support", "، فيما نفت نيروبي أن تكون قد قدمت أي دعم" (the denier
    next to the verb, a trigger after a free-choice word within a few words): the alleged
    acts of that relation by the denier are denied. A denial of some other act ("Moscow
    denied targeting civilians") leaves them."""
    T, cfg = ctx.t, ctx.cfg
    if not cfg.free_choice:
        return []
    found = []
    for cue, s, e in ctx.cues:
        if cue != "denial" or s == 0:
            continue
        sent = ctx.sent_at(s)
        first = bisect.bisect_left(ctx.trig_starts, e)
        trig = next((t for t in ctx.trigs[first:] if t.start <= e + 8 and t.start < sent.end
                     and T.norm[t.start - 1] in cfg.free_choice), None)
        if trig is None:
            continue
        before = [m for m in ctx.spans if sent.start <= m.start and m.end <= s and len(T.words(m.end, s)) <= 2]
        after = [m for m in ctx.spans if e <= m.start <= e + 1 and m.start < trig.start]
        denier = after[0] if cfg.verb_first and after else (before[-1] if before else None)
        if denier is not None:
            found.append((sent, denier.kb_id_, cfg.triggers[trig.label_].relation))
    return found


def _rejected_accusers(ctx: DocContext) -> list[Claim]:
    """"Petro rejected Washington's accusations", "Iran dismissed the US allegations",
    "رفضت الخارجية الاتهامات المالية", "رفضت اتهامات واشنطن": a dispute verb before an
    accusation noun whose owner is an actor (a possessor or modifier before it, a nisba
    or a genitive right after it): the rejecter opposes the accuser, and the accuser has
    accused the rejecter (also when it is only denied: "Azerbaijan denied Armenian claims",
    "نفت إيران الاتهامات الأمريكية")."""
    T, possessive = ctx.t, ctx.cfg.possessive
    nouns = _accusation_nouns(ctx, involvement=False)  # "rejected Russia's involvement in the talks": no accusation of Russia's
    found = []
    for cue, s, e in ctx.cues:
        if cue not in ("disputes", "denial"):
            continue
        noun = next(((ns, ne) for ns, ne in nouns if 0 <= ns - e <= 3), None)
        if noun is None:
            continue
        sent = ctx.sent_at(s)
        rejecter = [m for m in ctx.spans if sent.start <= m.start < sent.end and (0 <= s - m.end <= 3 or 0 <= m.start - e <= 1)]
        if ctx.cfg.adjective_after:  # "الاتهامات المالية", "اتهامات واشنطن"
            owner = next((m for m in ctx.spans if m.start == noun[1]), None)
        else:  # "Washington's accusations", "the US allegations"
            owner = next((m for m in ctx.spans if m.start >= e and (m.end == noun[0] or (
                m.end == noun[0] - 1 and T.text[m.end] in possessive))), None)
        if not rejecter or owner is None:
            continue
        who = rejecter[-1] if rejecter[-1].end <= s else rejecter[0]
        if who.kb_id_ and owner.kb_id_ and who.kb_id_ != owner.kb_id_ and who is not owner:
            if cue == "disputes":
                found.append(sentence_claim(ctx.text, sent, ctx.offset, who.kb_id_, "opposed", owner.kb_id_))
            found.append(sentence_claim(ctx.text, sent, ctx.offset, owner.kb_id_, "accused", who.kb_id_))
    return found


def _announced_threats(ctx: DocContext, claims: list[Claim]) -> list[Claim]:
    """Threats made by announcing a hostile act to come: a ``possible`` claim of one of
    ``[cues] threatening_acts`` (or the announced end of one of ``threatening_reversals``)
    that its own side states, or that follows a vow in its sentence."""
    cfg = ctx.cfg
    acts, reversals = cfg.threatening_acts, cfg.threatening_reversals
    if not acts and not reversals:
        return []
    found = []
    for c in claims:
        if c.modality != "possible" or c.subject == c.object:
            continue
        relation = c.relation.casefold()
        reversed_ = c.polarity == "negative" and relation in reversals
        if not ((c.polarity == "positive" and relation in acts) or reversed_):
            continue
        sent = ctx.sent_at_char(c.start - ctx.offset)
        kinds = {cue for cue, _, _ in ctx.cues_in(sent)}
        if reversed_ and "reversal" not in kinds:
            continue  # "would not supply jets" is a refusal, "would cut off aid" a threat
        if "deliberation" in kinds:
            continue  # "EU states are considering wider sanctions on Iran": a measure weighed, no threat made
        if "vow" in kinds or (_own_word(ctx, c) and "future_time" not in kinds):  # a date set is a schedule:
            # "will impose new sanctions … in the coming days, Borrell said" announces a decision
            found.append(replace(c, relation="threatened", polarity="positive", modality="asserted", items=()))
    return found


def _own_word(ctx: DocContext, claim: Claim) -> bool:
    """The claim is stated by its subject or by someone speaking for it (a spokesman)."""
    speaker = claim.attributed_to
    if speaker is None:
        return False
    if speaker == claim.subject:
        return True
    actor = ctx.discourse.actors.get(speaker) if ctx.discourse is not None else None
    return actor is not None and actor.affiliation == claim.subject
