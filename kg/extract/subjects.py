"""Subjects found away from the plain "actor right before the verb" slot: shared with the
verb before, borrowed from a trip or a control verb, described by an apposition, a
pronoun, a modal construction, or the actor the page is about."""

from __future__ import annotations

from kg.extract.context import DocContext, Group, Mark, SentenceState
from kg.extract.markers import marker
from kg.extract.participation import demonym_heads
from kg.extract.triggers import circumstantial, is_argument
from kg.extract.words import crosses_boundary, filler, plain_word
from kg.lang import Trigger


def shared_subject(ctx: DocContext, st: SentenceState, g: Group, trig: Mark) -> Group | None:
    """"Iran's minister visited Damascus and met Assad": in a subject-first language, an
    actor that is the object of the verb before, joined to this verb by "and" alone, is
    not its subject; the verbs share theirs."""
    if ctx.cfg.verb_first or st.prev is None:
        return None
    prev, _spec, keys = st.prev
    # "… visited Beirut last week and met Aoun": a time phrase may stand before the "and"
    words = [k for k in ctx.t.words(g.end, trig.start) if k not in ctx.adjuncts]
    norm, coord = ctx.t.norm, ctx.cfg.coord
    if not keys or set(keys) & set(g.keys) or not (prev.end <= g.start) or not words \
            or not all(norm[k] in coord for k in words):
        return None
    return Group(list(keys), -1, -1, None)


def coordinated_verb_subject(ctx: DocContext, st: SentenceState, trig: Mark) -> Group | None:
    """"the two sides agreed to a truce and would hold follow-up meetings", "… and will hold
    talks": in a subject-first language, an event noun carried by a light verb (modals before
    it), or a verb phrase opened by one, that "and" joins to the clause before shares that
    clause's subject."""
    if ctx.cfg.verb_first or st.prev is None:
        return None
    prev, _spec, keys = st.prev
    if not keys or prev.end > trig.start:
        return None
    T, cfg = ctx.t, ctx.cfg
    words = T.words(prev.end, trig.start)
    # back from the trigger: its determiners and modifiers, the light verb, modals, then "and"
    k = len(words) - 1
    stops = cfg.light_verbs | cfg.modal_verbs | cfg.coord
    while k >= 0 and (T.norm[words[k]] in cfg.determiners or T.text[words[k]] == "-"
                      or (plain_word(ctx, words[k]) and T.norm[words[k]] not in stops)):
        k -= 1  # "follow-up", "joint military"
    if k >= 0 and T.norm[words[k]] in cfg.light_verbs:
        k -= 1  # "hold", unless the trigger holds it ("hold talks")
    elif T.norm[trig.start] not in cfg.light_verbs:
        return None
    while k >= 0 and T.norm[words[k]] in cfg.modal_verbs:
        k -= 1
    if k < 0 or T.norm[words[k]] not in cfg.coord or any(ctx.in_mention(w) for w in words[k:]):
        return None
    return Group(list(keys), -1, -1, None)


def coordinated_subject(ctx: DocContext, st: SentenceState, trig: Mark, after: list[Group]) -> Group | None:
    """"نفت أرمينيا الاتهامات واتهمت من جانبها أذربيجان": in a verb-first language, a verb
    joined by a conjunction with no bare actor right after it shares the subject of the
    clause before (the actor further on is its object)."""
    if not ctx.cfg.verb_first or not _conjoined(ctx, trig):
        return None
    if after and after[0].start - trig.end <= 1:
        return None  # "واتهمت أذربيجان أرمينيا": a subject of its own
    return _clause_before_subject(st, trig)


def coordinated_object(ctx: DocContext, st: SentenceState, trig: Mark, spec: Trigger, subject: Group) -> Group | None:
    """"زارت المبعوثة الأمريكية بيروت والتقت الرئيس جوزيف عون": in a verb-first language, a
    verb joined by a conjunction whose only actor, bare and right after it, leaves it with no
    object is the verb's object; the subject is the clause's before (the verbs share it)."""
    T = ctx.t
    if not ctx.cfg.verb_first or spec.require_object_prep or subject.start - trig.end > 1:
        return None
    # joined by a conjunction, or opened by an adverb of the clause before ("وصل … إلى بنغازي، حيث التقى حفتر")
    joined = _conjoined(ctx, trig) or (trig.start > 0 and T.norm[trig.start - 1] in ctx.cfg.shared_subject_openers)
    if not joined or marker(ctx, subject, ctx.cfg.all_preps) is not None or T.enclitic(trig.end - 1):
        return None  # "حيث استقبله ولي العهد": a verb with its object pronoun has the actor after as subject
    k = subject.end
    if k < len(T) and (T.norm[k] in spec.obj_preps or T.proclitic(k).lstrip("وف") in spec.obj_preps):
        return None  # "واحتجت السودان على القرار": the trigger's object comes after its subject
    return _clause_before_subject(st, trig, other_than=subject)


def _conjoined(ctx: DocContext, trig: Mark) -> bool:
    """The trigger carries a conjunction ("واتهمت", "والتقت")."""
    proclitic = ctx.t.proclitic(trig.start)
    return bool(proclitic) and proclitic[0] in ctx.cfg.conjunctions


def _clause_before_subject(st: SentenceState, trig: Mark, other_than: Group | None = None) -> Group | None:
    """The subject of the trigger read last, before this one, as a group of its own (none
    where it shares an actor with ``other_than``)."""
    if st.prev is None:
        return None
    prev, _spec, keys = st.prev
    if not keys or prev.end > trig.start or (other_than is not None and set(keys) & set(other_than.keys)):
        return None
    return Group(list(keys), -1, -1, None)


def purpose_subject(ctx: DocContext, st: SentenceState, trig: Mark, obj: Group) -> Group | None:
    """"will travel to Moscow for talks with Lavrov", "وصل … إلى القاهرة لبحث … مع": an
    event noun governed by a preposition right after a trip is what the trip is for; the
    traveller is its subject."""
    if st.prev is None or not is_argument(ctx, trig):
        return None
    prev, prev_spec, keys = st.prev
    if not prev_spec.purpose_subject or not keys or set(keys) & set(obj.keys) \
            or len(ctx.t.words(prev.end, trig.start)) > 8 or crosses_boundary(ctx, prev.end, trig.start, punctuation=False):
        return None
    return Group(list(keys), -1, -1, None)


def apposition_head(ctx: DocContext, trig: Mark, before: list[Group]) -> Group | None:
    """The actor an apposition right before the trigger describes: "X, a … , has accused",
    "X, the … group, fired": the comma-closed phrase opens with a determiner."""
    T, cfg = ctx.t, ctx.cfg
    j = trig.start - 1
    while j >= 0 and (T.space[j] or T.norm[j] in cfg.particles):
        j -= 1
    if j < 2 or T.text[j] not in (",", "،"):
        return None
    for c in range(j - 1, max(j - 20, 0), -1):
        if T.text[c] in (".", ";", ":", "!", "?"):
            return None
        if T.text[c] in (",", "،"):
            if T.norm[c + 1] not in cfg.determiners:
                return None
            return next((g for g in reversed(before) if g.end == c), None)
    return None


def modal_subject(ctx: DocContext, g: Group, trig: Mark) -> bool:
    """"يمكن لروسيا أن تمنح …": modal, the actor marked with لـ, complementizer, verb."""
    cfg = ctx.cfg
    if not cfg.modals or g.start == 0:
        return False
    T = ctx.t
    gap = T.words(g.end, trig.start)
    return (len(gap) == 1 and T.norm[gap[0]] == cfg.modal_comp and T.proclitic(g.start).endswith("ل")
            and T.norm[g.start - 1] in cfg.modals)


def pronoun_subject(ctx: DocContext, trig: Mark) -> Group | None:
    """"it plans a ground operation", "he said": a pronoun subject is the most recent
    claim subject of the right kind."""
    discourse, cfg = ctx.discourse, ctx.cfg
    if discourse is None or not (cfg.personal or cfg.group_pronouns):
        return None
    j = trig.start - 1
    norm, pronouns = ctx.t.norm, cfg.pronouns
    while j >= 0 and j > trig.start - 6 and filler(ctx, j) and norm[j] not in pronouns:
        j -= 1
    if j < 0 or norm[j] not in pronouns:
        return None
    types = ("Person",) if norm[j] in cfg.personal else ("Country", "Organization")
    sent = ctx.sent_at(j)
    text = ctx.t.text
    for span in sorted(ctx.spans, key=lambda s: -s.start):
        if sent.start <= span.start and span.end <= j and discourse.actors.get(span.kb_id_) is not None \
                and discourse.actors[span.kb_id_].type in types \
                and text[span.end] not in cfg.possessive:  # "Belarus, Russia's close ally, said it": not Russia
            return Group([span.kb_id_], j, j + 1, "pronoun")
    key = discourse.last_subject(types)
    return Group([key], j, j + 1, "pronoun") if key is not None else None


def complement_pronoun_subject(ctx: DocContext, st: SentenceState, trig: Mark, before: list[Group],
                               nominal: bool = False) -> Group | None:
    """"أكدت روسيا أنها ستزود سوريا بالأسلحة", "قال أردوغان إنه لن يزور إسرائيل": a verb right
    after a complementizer carrying a pronoun (particles between) has that pronoun as its
    subject, which stands for the nearest bare actor before it (a feminine one for a state or
    a body), else the latest subject of the discourse; the actor after the verb is its object.
    A ``nominal`` trigger may stand after a light verb and its preposition ("قالت تركيا إنها
    لن تشارك في العقوبات على روسيا")."""
    cfg, T = ctx.cfg, ctx.t
    if not cfg.pronoun_complementizers:
        return None
    j = trig.start - 1
    if nominal and j > st.sent.start and T.norm[j] in cfg.all_preps and T.norm[j - 1] in cfg.light_verbs:
        j -= 2
    elif nominal and j >= st.sent.start and T.norm[j] in cfg.light_verbs:
        j -= 1
    while j >= st.sent.start and T.norm[j] in cfg.particles:
        j -= 1
    if j < st.sent.start:
        return None
    enclitic = T.enclitic(j)
    if T.norm[j] in cfg.pronoun_complementizers:  # written whole: "أنها"
        feminine = T.norm[j].endswith(tuple(cfg.fem))
    elif enclitic and T.norm[j] in cfg.subject_hosts and T.norm[j] in cfg.complementizers:  # split: "أن" + "هم"
        feminine = enclitic in cfg.fem
    else:
        return None
    discourse = ctx.discourse
    types = {"Country", "Organization"} if feminine else {"Person", "Country", "Organization"}
    for g in reversed(before):
        if g.end <= j and marker(ctx, g, cfg.all_preps) is None and (discourse is None or g.types(discourse) & types):
            return Group(list(g.keys), j, j + 1, "pronoun")
    key = discourse.last_subject(types) if discourse is not None else None
    return Group([key], j, j + 1, "pronoun") if key is not None else None


def fallback_subject(ctx: DocContext, st: SentenceState, trig: Mark, spec: Trigger, before: list[Group],
                     obj: Group) -> Group | None:
    """A subjectless nominal trigger ("تعزيز التعاون مع X") belongs to the nearest bare
    actor before it in the sentence; cooperation and meetings with no actor in sight
    belong to what the page is about."""
    for g in reversed(before):
        if trig.start - g.end <= 20 and marker(ctx, g, ctx.cfg.all_preps) is None and not set(g.keys) & set(obj.keys):
            return None if condemned_event(ctx, st, trig, g) else g
    discourse = ctx.discourse
    if discourse is None or not spec.symmetric:
        return None
    topic = discourse.topic(types=("Country", "Organization"), exclude=set(obj.keys))
    return Group([topic], -1, -1, None) if topic else None


OPPOSING = frozenset({"opposed", "criticized"})  # a subject that opposes an event is not its agent


def condemned_event(ctx: DocContext, st: SentenceState, trig: Mark, g: Group) -> bool:
    """"نددت الصين بصفقة الأسلحة الأمريكية", "أدانت مصر الهجوم على …", "أدانت قطر زيارة
    بن غفير": the trigger is an event noun (governed by a preposition, definite, or
    right after the verb's subject, where its object stands) that is the object of a
    verb like condemning whose subject is ``g``: ``g`` is the condemner, not the event's agent;
    so is a subject before a verb of opposing that governs the event ("روسيا تعارض تشديد
    العقوبات", "Russia opposes new sanctions")."""
    T, cfg = ctx.t, ctx.cfg
    if not st.trig_starts or st.trig_starts[0] >= trig.start:
        return False  # no verb before the trigger: nothing condemns or opposes it
    object_slot = len(T.words(g.end, trig.start)) <= 1 and not T.proclitic(trig.start)  # "أدانت قطر زيارة …"
    if not (is_argument(ctx, trig) or T.norm[trig.start].startswith(cfg.definite) or object_slot):
        return False
    refusals = st.refusals  # "رفضت البرازيل إدانة …": one subject
    return any(cfg.triggers[t.label_].event_object and t.end <= g.start and len(T.words(t.end, g.start)) <= 1
               and t.start not in refusals for t in st.trigs if t.end <= trig.start) \
        or any(cfg.triggers[t.label_].relation in OPPOSING and g.end <= t.start and len(T.words(t.end, trig.start)) <= 2
               and t.start not in refusals for t in st.trigs if t.end <= trig.start)  # "روسيا تعارض تشديد العقوبات"


def circumstantial_subject(ctx: DocContext, st: SentenceState, trig: Mark, before: list[Group]) -> Group | None:
    """"هاجمت روسيا كييف، متهمة أوكرانيا بقصف …": a participle set off by a comma describes
    the main clause's subject (the speaker of a reported clause before it, else the subject
    of the sentence's first verb, else the sentence's first bare actor); the actor after it is its object, not its subject."""
    if not circumstantial(ctx, trig):
        return None
    if st.speaker and st.speaker_cue is not None and st.speaker_cue < trig.start:
        return Group([st.speaker], -1, -1, None)  # "Israel said Hamas attacked …, accusing Iran": the speaker's
    if st.first_subject:  # "رفضت الخارجية …، ونفت أن تكون الجزائر قدمت …، واصفة": the main clause's
        return Group(list(st.first_subject), -1, -1, None)
    return next((g for g in before if marker(ctx, g, ctx.cfg.all_preps) is None), None)


def possessor_subject(ctx: DocContext, st: SentenceState, trig: Mark, before: list[Group]) -> Group | None:
    """"قال ترامب خلال استقباله ولي العهد": a verbal noun after a temporal preposition (language
    data ``[syntax] nominal_markers``) whose possessive pronoun names its agent; the pronoun
    stands for the sentence's last bare actor before it, else the latest subject. The bare
    actor after the noun is then its object, not its subject."""
    cfg, T = ctx.cfg, ctx.t
    if not cfg.nominal_markers or trig.start == 0 or T.norm[trig.start - 1] not in cfg.nominal_markers:
        return None
    enclitic = T.enclitic(trig.end - 1)
    if enclitic not in cfg.masc | cfg.fem:
        return None
    discourse = ctx.discourse
    # a masculine pronoun is a person's, a feminine one a state's or a body's
    types = {"Person"} if enclitic in cfg.masc else {"Country", "Organization"}
    owner = next((g for g in reversed(before) if marker(ctx, g, cfg.all_preps) is None
                  and (discourse is None or g.types(discourse) & types)), None)
    if owner is not None:
        return Group(list(owner.keys), -1, -1, None)
    key = discourse.last_subject(types) if discourse is not None else None
    return Group([key], -1, -1, None) if key is not None else None


def relative_before(ctx: DocContext, st: SentenceState, start: int) -> int | None:
    """The relative pronoun ("which", "التي") among the three tokens before ``start``, nearest first."""
    rel, norm = ctx.cfg.relative_pronouns, ctx.t.norm
    if not rel:
        return None
    return next((i for i in range(start - 1, max(st.sent.start, start - 3) - 1, -1) if norm[i] in rel), None)


def unnamed_antecedent(ctx: DocContext, st: SentenceState, trig: Mark) -> bool:
    """The verb's relative pronoun stands for armed men of no named actor ("terrorists who have
    killed thousands of Haitians", "المسلحين الذين هاجموا"): the verb has no actor subject, and
    none farther back may stand in."""
    T, cfg = ctx.t, ctx.cfg
    if not cfg.unnamed_agents:
        return False
    k = relative_before(ctx, st, trig.start)
    if k is None or any(T.alpha[j] and T.norm[j] not in cfg.particles and T.norm[j] not in cfg.light_verbs
                        for j in range(k + 1, trig.start)):
        return False
    j = k - 1 if k > st.sent.start and T.text[k - 1] not in (",", "،") else k - 2
    return j >= st.sent.start and T.norm[j] in cfg.unnamed_agents and not ctx.in_mention(j)


def relative_subject(ctx: DocContext, st: SentenceState, trig: Mark, before: list[Group],
                     nominal: bool = False) -> Group | None:
    """"جبهة تحرير أزواد التي تقاتل الجيش المالي", "the Front, which fights the army": a
    relative pronoun right before the verb makes the actor right before the pronoun its
    subject (the actor after the verb is then its object, not a verb-first subject). A verb
    that carries a pronoun ("الخطة التي رفضتها مصر") resumes the antecedent as its object:
    no subject here. A trigger noun is reached over its light verb and a quantity ("Israel,
    which has carried out hundreds of strikes in Syria")."""
    T = ctx.t
    if not before or T.enclitic(trig.start):
        return None
    if nominal:
        k = _relative_over_light_words(ctx, st, trig.start)
    else:
        k = relative_before(ctx, st, trig.start)
        if k is not None and any(T.alpha[j] and T.norm[j] not in ctx.cfg.particles and T.norm[j] not in ctx.cfg.light_verbs
                                 for j in range(k + 1, trig.start)):
            return None  # "which fights", "who also held talks"
    if k is None:
        return None
    antecedent = before[-1]
    if antecedent.label == "demonym" or antecedent.end > k:
        return None  # "خط الأنابيب البيلاروسي، الذي يمد أوروبا": the pipeline supplies, not Belarus
    if nominal and marker(ctx, antecedent, ctx.cfg.all_preps) is not None:
        return None  # "the report on Iran, which has carried out …": maybe the report's clause
    between = T.words(antecedent.end, k)
    if any(T.alpha[j] for j in between) or len(between) > 2:
        return None  # "the report on Iran, which …": the pronoun's antecedent is no actor
    return antecedent


def _relative_over_light_words(ctx: DocContext, st: SentenceState, start: int) -> int | None:
    """The relative pronoun within eight tokens before ``start`` with only light verbs,
    particles, numbers and plain words of a quantity between ("which has carried out
    hundreds of"), no actor, trigger or other preposition."""
    T, cfg = ctx.t, ctx.cfg
    for k in range(start - 1, max(st.sent.start, start - 8) - 1, -1):
        norm = T.norm[k]
        if norm in cfg.relative_pronouns:
            return k
        if ctx.in_mention(k) or k in ctx.trig_tokens:
            return None
        if not (norm in cfg.light_verbs or norm in cfg.particles or T.num[k] or norm in cfg.genitive_preps
                or (T.lower[k] and T.alpha[k] and norm not in cfg.all_preps and norm not in cfg.boundaries)):
            return None
    return None


def text_author(ctx: DocContext, st: SentenceState, text_at: int, before: list[Group]) -> Group | None:
    """"رفض الرئيس البرازيلي التوقيع على بيان يدين روسيا": the author of a text whose act the
    trigger is, the nearest unmarked actor before the text noun in its clause."""
    for g in reversed(before):
        if g.end > text_at:
            continue
        if len(ctx.t.words(g.end, text_at)) > 6 or crosses_boundary(ctx, g.end, text_at):
            return None
        if marker(ctx, g, ctx.cfg.all_preps) is None:
            return g
    return None


def weapon_maker(ctx: DocContext, group: Group) -> bool:
    """"Russia used Iranian drones in its war", "طائرات مسيرة إيرانية": a nationality of a
    weapon names its maker, not the agent of the event the weapon serves."""
    if group.label != "demonym" or not ctx.cfg.weapons:
        return False
    T = ctx.t
    return any(T.norm[k] in ctx.cfg.weapons for k in demonym_heads(T, group.start, group.end, ctx.cfg.adjective_after))


def means_agent(ctx: DocContext, st: SentenceState, trig: Mark, before: list[Group]) -> Group | None:
    """"Israel killed a Hezbollah commander in an airstrike on Beirut", "اغتالت إسرائيل قياديا
    بغارة على بيروت": an event noun of the relation the verb before it read, after a
    preposition of means, is how the verb's subject did it: its agent is that subject, not
    the actor nearest before it (the victim's side); so is a talk's ("X discussed the truce in
    a phone call with Y")."""
    prev = st.subject_of.get(ctx.cfg.triggers[trig.label_].relation)
    if prev is None or prev[0].end > trig.start:
        return None
    T, cfg = ctx.t, ctx.cfg
    procl = T.proclitic(trig.start).lstrip("وف")
    k = trig.start - 1
    while k > prev[0].end and T.norm[k] in cfg.determiners:
        k -= 1
    if not (procl and procl in cfg.means_preps) and not (k >= prev[0].end and T.norm[k] in cfg.means_preps):
        return None
    if crosses_boundary(ctx, prev[0].end, trig.start, punctuation=False):
        return None
    keys = set(prev[2])
    return next((g for g in reversed(before) if set(g.keys) == keys), None)


def fronted_participle_subject(ctx: DocContext, st: SentenceState, trig: Mark) -> Group | None:
    """"Speaking to Morocco's parliament in Rabat, Macron said …": a participle opening the sentence has
    the main clause's subject, the actor right after its comma (subject-first languages)."""
    T, cfg = ctx.t, ctx.cfg
    if cfg.verb_first or trig.start != st.sent.start or not cfg.progressive or not T.norm[trig.start].endswith(tuple(cfg.progressive)):
        return None
    comma = next((k for k in range(trig.end, st.sent.end) if T.text[k] == ","), st.sent.end)
    return next((g for g in st.groups if comma < g.start <= comma + 1 and marker(ctx, g, cfg.all_preps) is None), None)
