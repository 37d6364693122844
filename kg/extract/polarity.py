"""Whether a claim is said to hold or not: negation, reversal ("lifted", "رفع"),
cancellation ("was called off") and denial cues read against the trigger."""

from __future__ import annotations

from kg.extract.context import DocContext, Mark, SentenceState
from kg.extract.markers import marker
from kg.extract.places import compound_place
from kg.extract.triggers import bare_word, circumstantial, modified_event_noun, text_noun_before
from kg.extract.words import bare_count, complement_between, crosses_boundary, plain_word
from kg.nlp.normalize import match_key


def polarity(ctx: DocContext, st: SentenceState, trig: Mark) -> str:
    """Negative when a negation cue stands right before the trigger, with at most light
    verbs or articles, a verb carrying the trigger noun or the clause's subject between
    ("عدم عقد اجتماع", "did not meet", "لن يفرض عقوبات", "نفت إيران تزويد"), or when a
    reversal ("lifted", "رفع") does, unless that reversal is negated itself."""
    cues, sent = st.cues, st.sent
    if rejected_accusation(ctx, st, trig):
        return "negative"
    if st.cue_names.isdisjoint(("negation", "reversal", "cancelled")):
        return "positive"
    modified = modified_event_noun(ctx, st, trig)
    if modified is not None:  # "لن تنضم إلى العقوبات الغربية المفروضة على روسيا": the noun's polarity
        noun, own_agent = modified
        return "positive" if own_agent else polarity(ctx, st, noun)
    if _unsupported(ctx, st, trig):
        return "negative"
    if circumstantial(ctx, trig):  # "نفت أن تكون الجزائر قدمت دعما، واصفة …": a clause of its own
        cues = [c for c in cues if c[1] >= trig.start]
    T, cfg = ctx.t, ctx.cfg
    nominal = match_key(trig.text) in cfg.triggers[trig.label_].nouns  # "no military cooperation"
    for cue, s, e in cues:  # "the meeting between X and Y did not take place", "… was called off"
        if cue == "cancelled" and trig.end <= s and s - trig.end <= 30 \
                and bare_count(ctx, T.words(trig.end, s)) <= 8 \
                and not crosses_boundary(ctx, trig.end, s, punctuation=False) and not any(trig.end <= t.start < s for t in st.trigs):
            return "negative"
    heads = {g.start - 1 for g in st.groups if g.label == "demonym"} if cfg.adjective_after else set()
    for cue, s, e in cues:  # "lifted sanctions on Syria": the state ends, unless the lifting is negated
        if cue != "reversal" or e > trig.start or s < sent.start:
            continue
        if "conditional" in st.cue_names and any(c == "conditional" and c_e <= s and sum(
                not ctx.in_mention(k) for k in T.words(c_e, s)) <= 1 for c, c_s, c_e in cues):
            continue  # "unless Moscow halted its attacks": a condition, nothing ended
        gap = T.words(e, trig.start)  # light words, the subject of a verb-first clause, a noun's modifiers ("cut gas supplies")
        # … and the head noun of a nisba subject ("علقت الحكومة الكولومبية محادثات السلام")
        # (a group's words are the actor's: "أنهى المجلس العسكري في النيجر التعاون")
        if len(gap) <= 5 and all(T.norm[k] in cfg.light_verbs or ctx.in_mention(k) or k in heads or st.group_at(k) is not None
                                 or (nominal and plain_word(ctx, k)) for k in gap) \
                and sum(not ctx.in_mention(k) and st.group_at(k) is None for k in gap) <= 2:
            negated = any(c == "negation" and c_e <= s and len(T.words(c_e, s)) <= 4
                          and not crosses_boundary(ctx, c_e, s) for c, c_s, c_e in cues)
            return "positive" if negated else "negative"  # "لم تسع إلى رفع العقوبات": they stay
    carriers = {k for t in st.trigs if t.label_ == trig.label_ and t.end <= trig.start
                for k in range(t.start, t.end)}  # "لن يفرض عقوبات": the verb carries its noun
    carriers |= {k for k in heads if k < trig.start}  # "نفى مسؤولون إيرانيون إرسال": the head noun of a nisba subject
    coordinated = _coordinated_verb(ctx, trig, nominal)
    text_at = text_noun_before(ctx, trig)
    for cue, s, e in cues:
        if cue != "negation" or e > trig.start or s < sent.start:
            continue
        if "involvement_nouns" in st.cue_names and cfg.triggers[trig.label_].symmetric \
                and any(c == "involvement_nouns" and e <= c_s < trig.start for c, c_s, _ in cues):
            continue  # "denied any role in the talks between X and Y": a part denied, not the event
        between = T.words(e, trig.start)
        if text_at is not None and _through_a_text(ctx, between, text_at):
            return "negative"  # "refused to sign a declaration condemning Russia"
        if coordinated and between and T.norm[s] not in cfg.negation_near:
            continue  # "نفت أرمينيا الاتهامات واتهمت أذربيجان", "denied the charges and accused": a verb of its own
        carried = [k for k in between if T.norm[k] in cfg.light_verbs or k in carriers
                   or (nominal and plain_word(ctx, k))]
        if len(between) <= 2 and len(carried) == len(between):
            return "negative"
        # (a verb-first subject's name and title and a phrase set off by commas are read past: "امتنع وزير
        # الخارجية الهندي X، خلال مؤتمر صحفي في نيودلهي، عن انتقاد موسكو")
        if between and (len(between) <= 5 or (len(between) <= 30 and bare_count(ctx, between) <= 3)) \
                and all(k in carried or ctx.in_mention(k) or _light_preposition(ctx, k, between)
                                                 or _joins_mentions(ctx, k) or k in ctx.adjuncts
                                                 or (k == trig.start - 1 and T.norm[k] in cfg.all_preps) for k in between):
            return "negative"  # the subject after the verb: "لم ترسل فرنسا مساعدات", "نفت إيران تزويد"
        if any(c == "denial" and c_s == s for c, c_s, _ in cues):
            if complement_between(ctx, e, trig.start):
                return "negative"  # "نفى … أن تكون بلاده زودت …", "denied that X supplied …"
            if len(between) <= 6 and not crosses_boundary(ctx, e, trig.start) and not coordinated \
                    and not any(c in ("speech", "according_to") and e <= c_s < trig.start for c, c_s, _ in cues):
                return "negative"  # a denial's object phrase: "نفت الكويت استخدام أراضيها لشن هجمات على العراق"
    return "positive"


def _through_a_text(ctx: DocContext, between: list[int], text_at: int) -> bool:
    """The words from a negation to a text's act are light words, actors, the verbs that
    make a text one's own and the text noun itself ("refused to sign a declaration
    condemning", "رفض الرئيس التوقيع على بيان يدين")."""
    T, cfg = ctx.t, ctx.cfg
    return len(between) <= 8 and all(
        k == text_at or T.norm[k] in cfg.light_verbs or T.norm[k] in cfg.determiners or ctx.in_mention(k)
        or T.norm[k] in cfg.relative_pronouns or bare_word(cfg, T.norm[k]) in cfg.text_verbs for k in between)


def _unsupported(ctx: DocContext, st: SentenceState, trig: Mark) -> bool:
    """"had no evidence that China was supplying Russia", "لا يوجد دليل على أن روسيا زودت",
    "found no sign of Russian troops attacking": a negated evidence noun (``[cues]
    evidence_nouns``, at most three words after the negation) whose complement ("that",
    "أن") or preposition ("of", "على") leads to the trigger, with no other trigger between."""
    if "evidence_nouns" not in st.cue_names:
        return False
    T, cfg, cues = ctx.t, ctx.cfg, st.cues
    for cue, s, e in cues:
        if cue != "evidence_nouns" or e > trig.start or s < st.sent.start or e >= len(T):
            continue
        # a clause's negation ("no", "لم", "لا"), not "without evidence" / "دون دليل" (an accusation's manner)
        if not any(c == "negation" and c_e <= s and T.norm[c_s] in cfg.negation_near and len(T.words(c_e, s)) <= 3
                   and not any(ctx.in_mention(k) for k in range(c_e, s)) for c, c_s, c_e in cues):
            continue
        if not (T.norm[e] in cfg.all_preps or T.norm[e] in cfg.complementizers or T.proclitic(e).lstrip("وف")):
            continue  # "no evidence, Iran said, …": nothing introduced
        opens = e  # past the preposition and complementizer that introduce the clause ("على أن")
        while opens < trig.start and (T.norm[opens] in cfg.all_preps or T.norm[opens] in cfg.complementizers):
            opens += 1
        if any(e <= t.start < trig.start for t in st.trigs) or crosses_boundary(ctx, opens, trig.start, punctuation=False):
            continue
        if complement_between(ctx, e, trig.start) or len(T.words(e, trig.start)) <= 4:
            return True
    return False


def _joins_mentions(ctx: DocContext, k: int) -> bool:
    """A hyphen between two actors' names ("no plans for a Putin-Zelensky meeting")."""
    return ctx.t.text[k] == "-" and 0 < k < len(ctx.t) - 1 and ctx.in_mention(k - 1) and ctx.in_mention(k + 1) \
        and not ctx.in_mention(k)


def _light_preposition(ctx: DocContext, k: int, between: list[int]) -> bool:
    """A preposition of the light verb between ("لم تتوصل إيران والولايات المتحدة إلى اتفاق") or
    of the negating verb ("فشلت روسيا وأوكرانيا في التوصل إلى اتفاق")."""
    norm, cfg = ctx.t.norm, ctx.cfg
    if norm[k] not in cfg.all_preps:
        return False
    before = [j for j in between if j < k]  # nothing of content before it: "refused to comment on the talks" is no such verb
    return any(norm[j] in cfg.light_verbs for j in between) and all(
        norm[j] in cfg.light_verbs or norm[j] in cfg.all_preps or ctx.in_mention(j) for j in before)


def denial(ctx: DocContext, st: SentenceState, trig: Mark) -> bool:
    """"X denied supplying Y": the negated claim is X's own statement."""
    sent = st.sent
    return "denial" in st.cue_names and any(cue == "denial" and sent.start <= s and e <= trig.start and
               (trig.start - e <= 3 or complement_between(ctx, e, trig.start)) for cue, s, e in st.cues) \
        or rejected_accusation(ctx, st, trig)


def _complement_of(ctx: DocContext, noun_end: int, trig: Mark) -> bool:
    """The trigger is what the accusation noun ending at ``noun_end`` says: right after it
    ("الاتهامات بتزويد"), after a preposition ("accusations of supplying") or a
    complementizer right after it ("accusations that it supplied")."""
    T, cfg = ctx.t, ctx.cfg
    if T.proclitic(trig.start)[:1] in cfg.conjunctions and T.proclitic(trig.start):
        return False  # "رفضت الاتهامات وهاجمت": a verb of its own
    while noun_end < trig.start and ctx.in_mention(noun_end):
        noun_end += 1  # the accuser's nisba or name: "الاتهامات الأميركية بتزويد"
    if noun_end < trig.start and T.norm[noun_end] in cfg.relative_pronouns:
        # "التقارير التي تحدثت عن قصف …", "reports which said that …": the report's verb and its
        # preposition or complementizer introduce what it says
        words = T.words(noun_end + 1, trig.start)
        if words and len(words) <= 3 and not any(ctx.in_mention(k) for k in words[:1]) \
                and not any(noun_end < t.start < trig.start for t in ctx.trigs):
            tail = words[1:]
            if all(T.norm[k] in cfg.all_preps or T.norm[k] in cfg.complementizers for k in tail):
                return True
    if trig.start == noun_end:
        return True
    if noun_end < trig.start and T.norm[noun_end] in cfg.complementizers:
        return not crosses_boundary(ctx, noun_end + 1, trig.start)
    # a preposition, then the event noun's determiners, modifiers or a place ("involvement in the
    # Istanbul bombing", "أي صلة لها بالهجوم"), or the trigger's own preposition clitic
    gap = T.words(noun_end, trig.start)
    preps = [k for k in gap if T.norm[k] in cfg.all_preps]
    # … or the noun's own adjective before its preposition ("تقارير غربية عن", "تقارير إعلامية عن")
    if len(gap) > 4 or len(preps) > 1 or (gap and gap[0] not in preps and not T.proclitic(trig.start)
                                          and not (len(gap) > 1 and gap[1] in preps and (_hosted_pronoun(ctx, gap[0])
                                                                                        or _adjective(ctx, gap[0])))):
        return False
    place = compound_place(ctx, trig, cfg.triggers[trig.label_]) if gap and not all(T.lower[k] for k in gap) else None
    adjective = gap[0] if len(gap) > 1 and gap[1] in preps and _adjective(ctx, gap[0]) else None
    return all(k in preps or k == adjective or T.norm[k] in cfg.determiners or plain_word(ctx, k) or ctx.in_mention(k)
               or _hosted_pronoun(ctx, k) or (place is not None and place.start <= k < place.end)
               or k in ctx.adjuncts or (T.text[k] in cfg.possessive and k - 1 in ctx.adjuncts) for k in gap)  # "in Saturday's rocket fire"


def _adjective(ctx: DocContext, k: int) -> bool:
    """A word that may modify the noun before it in a language whose adjectives follow their
    noun: a plain word of letters, no preposition, trigger, clause boundary or name."""
    T, cfg = ctx.t, ctx.cfg
    return bool(cfg.adjective_after) and T.alpha[k] and T.norm[k] not in cfg.all_preps and T.norm[k] not in cfg.boundaries \
        and k not in ctx.trig_tokens and not T.proclitic(k)


def _hosted_pronoun(ctx: DocContext, k: int) -> bool:
    """"لها", "له": a preposition carrying the denier's own pronoun, split or written whole."""
    T, cfg = ctx.t, ctx.cfg
    procl, norm = T.proclitic(k), T.norm[k]
    if procl:
        return procl in cfg.hosts
    return norm[:1] in cfg.hosts and norm[1:] in (cfg.masc | cfg.fem)


def rejected_accusation(ctx: DocContext, st: SentenceState, trig: Mark) -> bool:
    """"Iran rejected accusations that it supplied drones", "رفضت إيران الاتهامات بتزويد روسيا",
    "Hamas denied any involvement in the attack", "نفت أي صلة لها بالهجوم": the act an
    accusation noun names, after a dispute or denial verb, is denied."""
    return _dispute_cue(ctx, st, trig) is not None


def reported_subject(ctx: DocContext, st: SentenceState, trig: Mark, subject: list[str]) -> bool:
    """The rejected report names the act's own subject, after a complementizer or after the
    trigger ("denied reports that US troops had struck", "نفى البنتاغون التقارير عن قصف القوات
    الأمريكية"): the rejecter is then no accused, only the one who denies."""
    cue = _dispute_cue(ctx, st, trig)
    if cue is None or not subject:
        return False
    noun_end = cue[2]
    return any(set(g.keys) == set(subject) and (g.start >= trig.end or complement_between(ctx, noun_end, g.start))
               for g in st.groups)


def reported_agent(ctx: DocContext, st: SentenceState, trig: Mark) -> str | None:
    """The agent a rejected report names right before a verbal noun ("dismissed reports of
    Beijing supplying engines to Russia"): the accused, not the one who rejects."""
    cue = _dispute_cue(ctx, st, trig)
    if cue is None:
        return None
    g = st.group_at(trig.start - 1)  # marked ("of Beijing"), no accuser's nisba ("الاتهامات الأميركية بتزويد")
    return g.keys[0] if g is not None and g.end == trig.start and g.start >= cue[2] and len(g.keys) == 1 \
        and g.label != "demonym" and marker(ctx, g, ctx.cfg.all_preps) is not None else None


def rejecter(ctx: DocContext, st: SentenceState, trig: Mark) -> list[str]:
    """Who rejects the accusation that names ``trig``: the actor right before the dispute
    verb, or right after it where the verb comes first ("رفضت إيران")."""
    cue = _dispute_cue(ctx, st, trig)
    if cue is None:
        return []
    s, e, _noun_end = cue
    after = next((g for g in st.groups if 0 <= g.start - e <= 1), None)
    before = next((g for g in reversed(st.groups) if 0 <= s - g.end <= 3), None)
    found = (after or before) if ctx.cfg.verb_first else (before or after)
    return list(found.keys) if found is not None else []


def _dispute_cue(ctx: DocContext, st: SentenceState, trig: Mark) -> tuple[int, int, int] | None:
    """The dispute or denial verb (start, end) and the end of its accusation noun; asked of
    one trigger by polarity, denial, the rejecter and the object rules: found once."""
    if "accusation_nouns" not in st.cue_names and "involvement_nouns" not in st.cue_names:
        return None
    key = (trig.start, trig.end)
    if key not in st.disputes:
        st.disputes[key] = _find_dispute_cue(ctx, st, trig)
    return st.disputes[key]


def _find_dispute_cue(ctx: DocContext, st: SentenceState, trig: Mark) -> tuple[int, int, int] | None:
    # a part in a symmetric event ("denied any role in the talks between …") denies no event
    kinds = ("accusation_nouns",) if ctx.cfg.triggers[trig.label_].symmetric else ("accusation_nouns", "involvement_nouns")
    nouns = [(s, e) for c, s, e in st.cues if c in kinds and e <= trig.start]
    if not nouns:
        return None
    for cue, s, e in st.cues:
        if cue not in ("disputes", "denial") or e > trig.start:
            continue  # "rejected accusations of …", "denied any involvement in …"
        for ns, ne in nouns:
            # three words at most between, quotes, the denier's name and a phrase set off by commas aside
            # ('dismissed as "baseless" reports that …', "نفى المتحدث باسم الخارجية الصينية لين جيان، خلال
            # مؤتمر صحفي، تقارير عن …")
            if 0 <= ns - e <= 24 and bare_count(ctx, (k for k in range(e, ns) if ctx.t.alpha[k])) <= 3 \
                    and _complement_of(ctx, ne, trig) and not any(ne <= t.start < trig.start for t in st.trigs):
                return s, e, ne
    return None


def _coordinated_verb(ctx: DocContext, trig: Mark, nominal: bool) -> bool:
    """A verbal trigger that opens a coordinated clause ("واتهمت", "and accused"): a denial
    or refusal verb before the conjunction is not its negation (a particle still is: "did
    not meet and talk")."""
    if nominal:
        return False
    T, cfg = ctx.t, ctx.cfg
    proclitic = T.proclitic(trig.start)
    if proclitic and proclitic[0] in cfg.conjunctions:
        return True
    return trig.start > 0 and T.norm[trig.start - 1] in cfg.coord and T.alpha[trig.start - 1]
