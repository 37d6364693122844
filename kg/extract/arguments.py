"""Subject and object of a verbal trigger, found by position and marking.

The object is the first following group marked by one of the trigger's object
prepositions, else the next unmarked group; the subject is the group just before the
trigger (subject-first), or the bare group right after it (verb-first), else a group
marked as agent. What is left open is filled from farther away (see :mod:`subjects`
and :mod:`objects`), then repaired by the types the relation expects. Nominal and
passive triggers are read by :mod:`nominal`.
"""

from __future__ import annotations

from kg.extract.context import DocContext, Group, Mark, SentenceState
from kg.extract.joining import joiners
from kg.extract.markers import marker, member_phrase_start, of_a_border
from kg.extract.nominal import noun_arguments
from kg.extract.objects import (carried_object, complement_after, deployer, event_agent, governed_owner, located_target, nisba_of_the_object, owned_object,
                                owner_object, owner_of_object, pronoun_object, source_between, victim)
from kg.extract.reach import reach_limit
from kg.extract.receiving import received_pairs
from kg.extract.pairs import Pair, between_pairs, combine, pairs
from kg.extract.places import city_target
from kg.extract.polarity import rejected_accusation
from kg.extract.controllers import accused_means_subject, carried_accused_subject, passive_controller_subject
from kg.extract.subjects import (apposition_head, circumstantial_subject, complement_pronoun_subject,
                                 condemned_event, coordinated_object, coordinated_subject, coordinated_verb_subject, fallback_subject,
                                 fronted_participle_subject, modal_subject, means_agent, possessor_subject,
                                 pronoun_subject, purpose_subject, relative_before, relative_subject, shared_subject,
                                 text_author, unnamed_antecedent, weapon_maker)
from kg.extract.triggers import control, definite_noun, in_control, is_argument, nominal_reading, passive, text_noun_before
from kg.extract.words import crosses_boundary, distance, filler
from kg.lang import Trigger
from kg.nlp.normalize import match_key


def arguments(ctx: DocContext, st: SentenceState, trig: Mark, spec: Trigger) -> tuple[list[Pair], list[str]]:
    """The (subject, object) key pairs of a trigger read with ``spec``'s frame, and the
    keys of its subject (which later triggers may share or borrow). After a receiving verb
    ("Lukashenko enjoys the backing of Russia", "تحظى إيران بدعم روسيا") the noun's agent is
    the actor after it and the verb's subject receives: the pairs turn round (the subject
    stays the clause's, for the verbs that share it)."""
    found, keys = _arguments(ctx, st, trig, spec)
    if found and spec.aimed_elsewhere and any(
            g.start >= trig.end and marker(ctx, g, ctx.cfg.all_preps) in spec.aimed_elsewhere for g in st.groups):
        found = []  # "shot down drones launched by the Houthis toward Israel": the drones' target is Israel
    return received_pairs(ctx, st, trig, spec, found, keys)


def _arguments(ctx: DocContext, st: SentenceState, trig: Mark, spec: Trigger) -> tuple[list[Pair], list[str]]:
    T, cfg = ctx.t, ctx.cfg
    limit = reach_limit(ctx, st, trig, spec)
    before = st.groups_before(trig.start)
    after = st.groups_starting(trig.end, limit)
    if ctx.adjuncts and trig.start not in ctx.adjuncts:  # "نفت الصين، خلال مؤتمر صحفي في بكين، تقارير عن تزويد …"
        before, after = _outside_adjuncts(ctx, before), _outside_adjuncts(ctx, after)
    is_noun = match_key(trig.text) in spec.nouns and nominal_reading(ctx, trig, spec)
    if is_noun or passive(ctx, trig):
        return noun_arguments(ctx, st, trig, spec, before, after, passive_voice=not is_noun)
    between = between_pairs(ctx, spec, after)
    if cfg.adjective_after and after and after[0].start == trig.end and after[0].label == "demonym" \
            and T.norm[trig.start].startswith(cfg.definite) and not T.proclitic(after[0].start):
        # "الهجوم الروسي على أوكرانيا": a definite trigger is a noun, and the nisba right
        # after it is its agent; the object needs the trigger's preposition
        agent = after[0]
        preps = spec.obj_preps + spec.noun_obj_preps
        obj = next((g for g in after[1:] if marker(ctx, g, cfg.all_preps) in preps), None)
        if cfg.joining_verbs and (joined_by := joiners(ctx, st, trig)):  # "لن تنضم الصين إلى العقوبات الأمريكية على إيران"
            return [(k, o) for k in joined_by for o in (obj.keys if obj is not None else ()) if k != o], joined_by
        return combine(spec, agent, obj, between), agent.keys
    if unnamed_antecedent(ctx, st, trig):
        return [], []  # "terrorists who have killed thousands of Haitians": no actor acts
    possessed = possessor_subject(ctx, st, trig, before)
    invited = _invitee(ctx, st, trig, before) or fronted_participle_subject(ctx, st, trig) \
        or circumstantial_subject(ctx, st, trig, before) or possessed \
        or passive_controller_subject(ctx, st, trig, before) \
        or relative_subject(ctx, st, trig, before) or complement_pronoun_subject(ctx, st, trig, before, nominal=definite_noun(ctx, trig)) \
        or accused_means_subject(ctx, st, trig, before) or carried_accused_subject(ctx, st, trig)
    subject, strong_subject = (invited, True) if invited is not None else _subject_before(ctx, st, trig, before)
    if subject is not None and subject.start < trig.start and weapon_maker(ctx, subject):
        # "Russia used Iranian drones in its war against Ukraine": the user of the weapon
        # (in its clause: "قالت سانا إن طائرات مسيرة إسرائيلية استهدفت": the drones' maker strikes)
        user = next((g for g in reversed(before) if g.end <= subject.start and not weapon_maker(ctx, g)
                     and marker(ctx, g, cfg.all_preps) is None), None)
        subject = user if user is not None and not crosses_boundary(ctx, user.end, subject.start) else \
            (subject if user is not None else None)
    if T.proclitic(trig.start) or (trig.start > 0 and (T.norm[trig.start - 1] in cfg.determiners or T.norm[trig.start - 1] in cfg.means_preps)):
        # "قتلت إسرائيل قياديا في حماس بغارة على …", "discussed the truce in a phone call with": the verb's means
        subject = means_agent(ctx, st, trig, before) or subject
    text_at = text_noun_before(ctx, trig) if cfg.text_nouns and invited is None else None
    if text_at is not None:  # "بيان يدين روسيا", "the statement that condemns Russia": the text's author acts
        subject = text_author(ctx, st, text_at, before) if cfg.verb_first or subject is None else subject
    elif cfg.verb_first and invited is None:
        subject = _subject_after(ctx, st, trig, spec, after, subject, strong_subject)
        if subject is None:
            subject = coordinated_subject(ctx, st, trig, after)
    agent = _passive_agent(ctx, after) if cfg.passive_agents else None
    if agent is not None:  # "فرضت عقوبات على إيران من قبل الولايات المتحدة": the marked agent acts
        subject = agent
    if subject is not None and len(subject.keys) >= 2 and _reciprocal_object(ctx, trig, subject):
        # "Armenia and Azerbaijan accused each other", "اتهمت أرمينيا وأذربيجان بعضهما البعض"
        found = pairs(subject.keys)
        return list(dict.fromkeys(found + ([] if spec.symmetric else [(o, s) for s, o in found]))), subject.keys
    obj = carried_object(ctx, st, trig, subject)  # "متهماً إياه"
    if obj is None:
        subject, obj = _object_after(ctx, st, trig, spec, after, subject, possessed=possessed is not None)
    if possessed is not None and obj is not None and obj.label == "title" and ctx.t.norm[obj.start] not in cfg.counterparts:
        obj = None  # "خلال لقائه الرئيس الروسي": an office with no name found is too vague an object here
        # (not a counterpart's: "عقب لقائه نظيره اليوناني", the other side's holder of the office)
    if obj is None:
        obj = _distant_object(ctx, st, trig, spec, after, subject, limit)
    if obj is None and subject is not None and subject.start >= trig.end \
            and (shared := coordinated_object(ctx, st, trig, spec, subject)) is not None:
        subject, obj = shared, subject  # "… بيروت والتقت الرئيس جوزيف عون": the object of a shared subject
    if obj is not None and spec.named_object and obj.label == "demonym":
        obj = None  # "added two Russian fishing companies to its sanctions list": the companies, no state
    if obj is not None:
        subject, obj = _repair(ctx, st, trig, spec, before, subject, obj)
    keys = subject.keys if subject is not None and subject.start >= 0 else []
    return combine(spec, subject, obj, between), keys


GOVERNING_CUES = frozenset({"negation", "denial", "possible"})


def _outside_adjuncts(ctx: DocContext, groups: list[Group]) -> list[Group]:
    """``groups`` without those inside a phrase set off by commas or a time phrase: no argument
    of a trigger outside it."""
    adjuncts = ctx.adjuncts
    return [g for g in groups if g.start not in adjuncts or g.end - 1 not in adjuncts]


def _passive_agent(ctx: DocContext, after: list[Group]) -> Group | None:
    """The group after the trigger marked by a preposition that only marks a passive's
    agent ("من قبل"), if any."""
    norm, tails = ctx.t.norm, ctx.cfg.passive_agent_tails
    return next((g for g in after if g.start > 0 and norm[g.start - 1] in tails
                 and marker(ctx, g, ctx.cfg.all_preps) in ctx.cfg.passive_agents), None)


def _own_preposition(ctx: DocContext, trig: Mark, g: Group, mark: str) -> bool:
    """The preposition before ``g`` is the last word of the trigger's own phrase ("sided
    with", "lashed out at", "provided safe haven to"): it marks the phrase's object."""
    T = ctx.t
    between = T.words(trig.end, g.start)  # "… assets of the Russian central bank", "طلقات تحذيرية على زورق فلبيني"
    return trig.end - trig.start >= 2 and T.norm[trig.end - 1] == mark and g.start >= trig.end \
        and (all(T.norm[k] in ctx.cfg.determiners for k in between)
             or (ctx.cfg.adjective_after and g.label == "demonym" and len(between) == 1))


def _invitee(ctx: DocContext, st: SentenceState, trig: Mark, before: list[Group]) -> Group | None:
    """"Turkey invited Iran to visit Ankara", "دعا وزير الخارجية التركي نظيره الإيراني إلى زيارة
    أنقرة": after an invitation verb, the actor nearest before the trigger is its subject."""
    if "invitation" not in st.cue_names:
        return None
    cue = next((s for c, s, e in reversed(st.cues) if c == "invitation" and e <= trig.start), None)
    if cue is None or trig.start - cue > 10:
        return None
    return next((g for g in reversed(before) if g.start > cue and ctx.t.words(g.end, trig.start)
                 and len(ctx.t.words(g.end, trig.start)) <= 3), None)


def _antecedent(ctx: DocContext, st: SentenceState, trig: Mark, subject: Group) -> Group | None:
    """"Russia published a report, which Ukraine rejected", "الخطة التي رفضتها مصر": a relative
    clause whose verb has no object of its own acts on the antecedent, whose actor (the
    nearest before the relative word) is the object."""
    T = ctx.t
    if subject.start < 0:
        return None
    k = relative_before(ctx, st, min(subject.start, trig.start))
    if k is None or any(e in (k, k - 1) for c, _s, e in st.cues if c in ("speech", "according_to", "denial", "possible")) \
            or any(t.end in (k, k - 1) for t in st.trigs) or (k > 0 and T.norm[k - 1] in ctx.cfg.all_preps):
        return None  # "Iran said that Israel attacked" (a complementizer), "during which …" (a circumstance)
    return next((g for g in reversed(st.groups) if g.end <= k and g is not subject and k - g.end <= 6
                 and not set(g.keys) & set(subject.keys)), None)


def _reciprocal_object(ctx: DocContext, trig: Mark, subject: Group) -> bool:
    """A reciprocal ("each other", "بعضهما") as the trigger's object: right after it, or
    right after a verb-first subject."""
    starts = ctx.reciprocals
    if not starts:
        return False
    after = max(trig.end, subject.end) if subject.start >= trig.end else trig.end
    return any(k in starts for k in range(after, min(after + 2, len(ctx.t))))


def _subject_before(ctx: DocContext, st: SentenceState, trig: Mark, before: list[Group]) -> tuple[Group | None, bool]:
    """The subject standing before the trigger, and whether it is a strong one (a modal's
    actor, which an actor after a verb-first trigger does not replace)."""
    T, cfg = ctx.t, ctx.cfg
    all_preps, sent_trigs = cfg.all_preps, st.trigs
    subject: Group | None = None
    strong_subject = False
    if not cfg.verb_first:  # "Turkey, a NATO member, criticized …": the described actor
        subject = apposition_head(ctx, trig, before)
    # subject right before the trigger (SVO; headlines in any language)
    if subject is None and before:
        g = before[-1]
        shared = shared_subject(ctx, st, g, trig)
        if shared is not None:
            subject = shared
        elif _subject_right_before(ctx, st, trig, g):
            subject = g
        elif modal_subject(ctx, g, trig):
            subject = g
            strong_subject = True
    if subject is None and not cfg.verb_first:
        if before:
            g = before[-1]
            gap = T.words(g.end, trig.start)
            if len(gap) <= 6 and all(filler(ctx, k) or in_control(ctx, k, sent_trigs) for k in gap) \
                    and marker(ctx, g, all_preps) is None \
                    and not _predicate_between(ctx, st, g.end, trig.start):
                subject = g
        if subject is None:
            subject = pronoun_subject(ctx, trig) or coordinated_verb_subject(ctx, st, trig)
    return subject, strong_subject


def _predicate_between(ctx: DocContext, st: SentenceState, start: int, end: int) -> bool:
    """A trigger other than a control verb ("threatened to") starts between the positions:
    an actor before it is that predicate's subject. A verb whose purpose the trigger is
    ("sent troops to help Niger": no actor between, the control marker right before the
    trigger) lends its subject like a control verb."""
    purpose = end > 0 and ctx.t.norm[end - 1] in ctx.cfg.control_markers
    return any(start <= t.start < end and not control(ctx, t)
               and not (purpose and not st.groups_starting(t.end, end)) for t in st.trigs)


def _subject_right_before(ctx: DocContext, st: SentenceState, trig: Mark, g: Group) -> bool:
    """``g`` is the subject standing right before the trigger: few words between (particles
    and time adjuncts aside), no other predicate or clause boundary between, no event the
    subject condemns, unmarked (or the accused after "accused"). The tests run cheapest
    first and stop at the first that fails: most groups before a trigger are too far."""
    T, cfg, sent_trigs = ctx.t, ctx.cfg, st.trigs
    particles, adjuncts, space, norm = cfg.particles, ctx.adjuncts, T.space, T.norm
    room = cfg.subject_gap
    for k in T.between(g.end, trig.start):  # counted up to the first word too many, not listed
        if not space[k] and norm[k] not in particles and k not in adjuncts:
            room -= 1
            if room < 0:
                return False
    if _predicate_between(ctx, st, g.end, trig.start):
        return False
    if condemned_event(ctx, st, trig, g) or crosses_boundary(ctx, g.end, trig.start):
        return False
    return marker(ctx, g, cfg.all_preps) is None \
        or any(t.label_ == "accused" and 0 <= g.start - t.end <= 1 for t in sent_trigs)


def _subject_after(ctx: DocContext, st: SentenceState, trig: Mark, spec: Trigger, after: list[Group],
                   subject: Group | None, strong_subject: bool) -> Group | None:
    """Verb-first: the bare actor right after the trigger (gap 0) is its subject, unless an
    actor stands right before it too ("الكرملين يشيد ب…")."""
    T, all_preps = ctx.t, ctx.cfg.all_preps
    if not (after and after[0].start - trig.end <= 1 and marker(ctx, after[0], all_preps) is None) \
            or (after[0].start > trig.end and trig.end in ctx.trig_tokens):
        return subject  # not over another trigger: "إدانة الغزو الروسي لأوكرانيا"
    particles = ctx.cfg.particles
    # a verb of denial, refusal or intent between a subject and a verbal noun governs the noun:
    # "إيران تنفي تزويد روسيا", "روسيا تعتزم تزويد إيران" (the actor after the noun is its object)
    governing = {k for c, s, e in st.cues if c in GOVERNING_CUES for k in range(s, e)} \
        if subject and not GOVERNING_CUES.isdisjoint(st.cue_names) else set()
    subject_gap = [k for k in T.between(subject.end, trig.start) if T.norm[k] not in particles and k not in governing
                   and k not in ctx.adjuncts] if subject else []
    if subject_gap == [trig.start - 1] and T.norm[subject_gap[0]] in all_preps and governing and min(governing) < trig.start:
        subject_gap = []  # "وافقت ألمانيا على تزويد أوكرانيا": the governing verb's own preposition before its noun
    if subject is None or (not strong_subject and (subject_gap or T.proclitic(trig.start).startswith("و"))):
        return after[0]
    if not strong_subject and not T.proclitic(after[0].start) \
            and any(marker(ctx, g, all_preps) in spec.obj_preps for g in after[1:]):
        # "أشاد خامنئي بهجوم حماس على إسرائيل", "إمداد دول حلف الناتو لأوكرانيا": the
        # actor right after the trigger is its agent when the object follows with the
        # trigger's preposition
        return after[0]
    return subject


def _object_after(ctx: DocContext, st: SentenceState, trig: Mark, spec: Trigger, after: list[Group],
                  subject: Group | None, possessed: bool = False) -> tuple[Group | None, Group | None]:
    """The groups after the trigger in order: the first one marked with an object
    preposition is the object, one marked as agent the subject; else an owner ("مواقع
    لحركة حماس") or the first near bare group is the object. Returns (subject, object)."""
    T, cfg = ctx.t, ctx.cfg
    preps = spec.obj_preps
    if spec.reversal_obj_preps and any(c == "reversal" and e <= trig.start and sum(
            not ctx.in_mention(k) for k in T.words(e, trig.start)) <= 2 for c, _, e in st.cues):
        preps = preps + spec.reversal_obj_preps  # "رفعت … العقوبات عن سوريا": lifted from Syria
    if spec.noun_obj_preps and subject is not None and subject.start == trig.end and not T.proclitic(subject.start):
        preps = preps + spec.noun_obj_preps  # "غزو روسيا لأوكرانيا": the agent in construct, the object with ل
    if spec.complement and complement_after(ctx, st, trig, spec.complement[0]):
        preps = preps + spec.complement[1]  # "توعد حزب الله بالرد على إسرائيل": the retaliation's target
    obj: Group | None = None
    for i, g in enumerate(after):
        if g is subject:
            continue
        if victim(ctx, g) or (g.label == "demonym" and of_a_border(ctx, g)):
            continue  # "condemned the killing of X", "near the Afghan border": no argument of the verb
        if weapon_maker(ctx, g) and any(marker(ctx, h, cfg.all_preps) in preps for h in after[i + 1:]):
            continue  # "launched Iranian drones at Ukraine": the target follows; "shot down Russian drones" hits Russia
        if g.label == "demonym" and i + 1 < len(after) and after[i + 1].start - g.end <= 1 \
                and "Person" in after[i + 1].types(ctx.discourse):
            continue  # "ولي العهد … السعودي الأمير محمد بن سلمان": the nationality of the person's title
        mark = marker(ctx, g, cfg.all_preps)
        if mark is not None and (mark in preps or _own_preposition(ctx, trig, g, mark)):
            if obj is None and (not spec.object_adjacent or g.start - trig.end <= 2
                                or nisba_of_the_object(ctx, trig, g, subject, preps)):
                obj = g
                continue
            if obj is not None or mark not in cfg.owner_preps:
                continue  # too far for the verb's own preposition, maybe an owner: "أدانت الأفعال المتهورة للصين"
        if mark is not None and mark in cfg.agents and subject is not None and subject.start < trig.start and obj is None:
            break  # "shot down drones launched by the Houthis toward Israel": a reduced passive, a clause of its own
        if mark is not None and spec.agent_preps and mark in spec.agent_preps and subject is None:
            subject = g
            continue
        if obj is None and mark is not None and mark in cfg.owner_preps and not spec.require_object_prep \
                and owned_object(ctx, trig, subject, g):
            obj = g  # "قصفت إسرائيل مواقع لحركة حماس": the owner of what was hit is the target
            continue
        if mark is not None:
            continue
        if subject is None and cfg.verb_first and g.start - trig.end <= 3:
            subject = g
            continue
        if obj is None and not spec.require_object_prep:
            at = member_phrase_start(ctx, g)  # "حمّلت حكومة الإقليم فصائل منضوية في هيئة الحشد …"
            # (a pair that acts takes a bare object only right after the verb: "Putin and Xi met Modi", not
            # "X and Y signed a protocol extending Turkey's naval protection")
            near = distance(ctx, trig.end, at) <= (1 if spec.symmetric and subject is not None and len(subject.keys) >= 2 else 3) or \
                (subject is not None and subject.start > trig.start and distance(ctx, subject.end, at) <= 2)
            # "اتفقت إسرائيل وحماس على هدنة … بوساطة قطرية": a pair that agrees is the
            # relation; an actor far after it is no party unless marked ("مع")
            paired = spec.symmetric and subject is not None and len(subject.keys) >= 2
            # "تهديداته بإغلاق خط الأنابيب البيلاروسي", "هاجمها": a trigger carrying a pronoun
            # (possessor or object) takes no bare object further on
            suffixed = bool(T.enclitic(trig.end - 1)) and not possessed  # "خلال استقباله X": the pronoun is the agent
            if spec.object_next and any(T.norm[k] not in cfg.determiners for k in T.words(trig.end, g.start)):
                continue  # "won't help settle Ukraine conflict": only the actor right after is helped
            if (near or not (spec.object_adjacent or paired)) and not suffixed \
                    and not crosses_boundary(ctx, trig.end, g.start, punctuation=False) and not source_between(st, trig.end, g.start) \
                    and (cfg.verb_first or not crosses_boundary(ctx, trig.end, g.start)):
                obj = g  # not across "which", "when", "الذي": "China, which brokered the pact when President Xi …"
    return subject, obj


def _distant_object(ctx: DocContext, st: SentenceState, trig: Mark, spec: Trigger, after: list[Group],
                    subject: Group | None, limit: int) -> Group | None:
    """No object after the trigger: the agent of a condemned event, a pronoun, or the
    place of what was hit."""
    obj = None
    if spec.event_object:
        obj = event_agent(ctx, st, trig, subject) or deployer(ctx, st, trig, subject) \
            or governed_owner(ctx, st, trig, spec, subject)  # "رفضها لمصادقة الحكومة الإسرائيلية على …"
    if obj is None:
        obj = pronoun_object(ctx, st, trig, limit, spec.obj_preps, subject)
    if obj is None and spec.locative_object:  # "struck its border posts": the owner
        obj = owner_object(ctx, st, trig, subject)
    if obj is None and spec.locative_object:  # "غارات على مواقع للحوثيين في اليمن": the owner, not the place
        owner = owner_of_object(ctx, trig, spec, after)
        obj = owner if owner is not subject else None
    if obj is None and (spec.city_object or (spec.locative_object and not spec.locative_single)):
        obj = city_target(ctx, trig, limit, spec.obj_preps)  # "struck Kharkiv", "غارات على حلب", "visited Johannesburg"
    if obj is None and subject is not None and not spec.symmetric and not rejected_accusation(ctx, st, trig):
        obj = _antecedent(ctx, st, trig, subject)  # not "نفت إيران التقارير التي تحدثت عن تزويد روسيا": what is denied
    if obj is None and spec.locative_object:
        obj = next((g for g in after if g is not subject and located_target(ctx, g, spec)
                    and not (subject is not None and set(g.keys) & set(subject.keys))), None)
    return obj


def _repair(ctx: DocContext, st: SentenceState, trig: Mark, spec: Trigger, before: list[Group],
            subject: Group | None, obj: Group) -> tuple[Group | None, Group | None]:
    """Types the relation expects, and a subject from farther away for an object alone
    (with no object there is nothing to repair)."""
    discourse = ctx.discourse
    # type-driven repair: a visit goes to a place, the visitor is a person or a body
    if spec.object_types:
        if subject is not None and subject.types(discourse) <= set(spec.object_types) \
                and "Person" in obj.types(discourse):
            subject, obj = obj, subject
        if not (obj.types(discourse) & set(spec.object_types)):
            obj = None
    if spec.symmetric and subject is None and obj is not None and len(obj.keys) >= 2 \
            and marker(ctx, obj, ctx.cfg.all_preps) not in spec.obj_preps:
        subject, obj = obj, None  # "تفاهمات بوتين-كيم": the pair met; "… مع أمريكا واليابان" is the other side
    if subject is None and obj is not None and not is_argument(ctx, trig):
        subject = fallback_subject(ctx, st, trig, spec, before, obj)
    if subject is None and obj is not None:
        subject = purpose_subject(ctx, st, trig, obj)
    return subject, obj
