"""How a trigger match is read: whether it is a predicate at all, a verb or a noun, a
passive, a control verb lending its subject to the next one."""

from __future__ import annotations

import bisect

from kg.extract.config import BETWEEN, ClaimConfig
from kg.extract.context import DocContext, Mark, Sentence, SentenceState
from kg.extract.places import compound_place
from kg.extract.words import clitic_word, crosses_boundary
from kg.lang import Trigger
from kg.nlp.normalize import match_key
from kg.nlp.tokens import CLOSING_QUOTES, OPENING_QUOTES


def armed(ctx: DocContext, trig: Mark, sent: Sentence, spec: Trigger) -> bool:
    """Whether a trigger form that attacks only with a weapon ("launched", "أطلقت") has
    one in the words after it ("launched ballistic missiles at", "أطلقت إيران صواريخ على")."""
    if not spec.instrument_forms:
        return True
    norm = ctx.t.norm
    if " ".join(norm[trig.start:trig.end]) not in spec.instrument_forms \
            and match_key(trig.text) not in spec.instrument_forms:  # "re-designated": three tokens, one form
        return True
    window = spec.instrument_window or ctx.cfg.instrument_window
    words = ctx.t.words(trig.end, min(sent.end, trig.end + window))
    instruments = spec.instruments
    if ctx.spans and any(ctx.in_mention(k) for k in words):
        # an actor's name uses none of the window: "حمّلت حكومة إقليم كردستان "فصائل … الحشد الشعبي" مسؤولية"
        # (a title's word may be the instrument: "summoned Russia's ambassador")
        words = [k for k in ctx.t.words(trig.end, sent.end) if not ctx.in_mention(k) or norm[k] in instruments][:window]
    # one word or two ("tear gas", "الغاز المسيل" of "الغاز المسيل للدموع" is matched by its first word)
    return any(norm[k] in instruments for k in words) or \
        any(f"{norm[a]} {norm[b]}" in instruments for a, b in zip(words, words[1:])) or \
        (spec.quoted_unless is not None and _quoted_reproach(ctx, trig, words, spec.quoted_unless))


def _quoted_reproach(ctx: DocContext, trig: Mark, words: list[int], praise: frozenset[str]) -> bool:
    """A quotation in the window after a word or more of object, with no word of praise in
    it: what the speaker called the object ("called the strikes "extrajudicial
    executions"", "وصف القرار بأنه "انتقام سياسي""); not after a preposition right after the
    verb ("called for "restraint"", "called on Moscow")."""
    T = ctx.t
    if not words or T.norm[trig.end] in ctx.cfg.all_preps:  # words after the trigger: it ends before the doc does
        return False
    opening = next((k for k in words[1:] if T.text[k] in OPENING_QUOTES), None)
    if opening is None:
        return False
    quoted = []
    for k in range(opening + 1, min(len(T), opening + 10)):
        if T.text[k] in CLOSING_QUOTES:
            break
        quoted.append(T.norm[k])
    else:
        return False
    return bool(quoted) and not any(w in praise or w.removeprefix(ctx.cfg.definite) in praise for w in quoted)


def passive(ctx: DocContext, trig: Mark) -> bool:
    """"was sanctioned by X": an auxiliary before and an agent after."""
    aux = ctx.cfg.passive_aux
    if not aux or trig.start == 0:
        return False
    if ctx.cfg.progressive and ctx.t.norm[trig.start].endswith(tuple(ctx.cfg.progressive)):
        return False  # "was targeting": progressive, not passive
    return any(ctx.t.norm[k] in aux for k in range(max(0, trig.start - 2), trig.start))


def control(ctx: DocContext, trig: Mark) -> bool:
    """"threatened to impose", "plans to attack", "هددت بفرض", "was accused of
    attacking": a trigger that takes a following verb lends its subject to it."""
    if trig.end >= len(ctx.t):
        return False
    after = ctx.t.norm[trig.end]
    # "Iran was accused of supplying drones": the passive's subject is the next verb's
    return after in ctx.cfg.control_markers or (after in ctx.cfg.passive_control and passive(ctx, trig))


def in_control(ctx: DocContext, i: int, sent_trigs: list[Mark]) -> bool:
    """Whether token i is a control verb or the word right after it ("threatened to")."""
    return any(t.start <= i < t.end + 1 and control(ctx, t) for t in sent_trigs)


def is_argument(ctx: DocContext, trig: Mark) -> bool:
    """A trigger noun governed by a preposition ("دعم … للعقوبات") is an argument of
    another predicate, not a predicate of its own: it gets no borrowed subject."""
    all_preps = ctx.cfg.all_preps
    procl = ctx.t.proclitic(trig.start)
    if procl and procl.lstrip("وف") in all_preps:
        return True
    return trig.start > 0 and ctx.t.norm[trig.start - 1] in all_preps


def definite_noun(ctx: DocContext, trig: Mark) -> bool:
    """A trigger with the article, where nouns are not listed apart, reads as a noun ("العقوبات")."""
    cfg = ctx.cfg
    return bool(cfg.adjective_after) and ctx.t.norm[trig.start].startswith(cfg.definite)


def noun_form(ctx: DocContext, trig: Mark, spec: Trigger) -> bool:
    """The trigger is written as one of its section's nouns, or with the article."""
    return match_key(trig.text) in spec.nouns or definite_noun(ctx, trig)


def nominal_reading(ctx: DocContext, trig: Mark, spec: Trigger) -> bool:
    """"supplies" is a noun in "U.S. supplies of missiles to Kyiv" and a verb in "China
    supplies Serbia": a determiner or possessive before, or "of"/"between"/an object
    preposition after, make the noun reading."""
    if " " in trig.text:
        key = match_key(trig.text)  # not a verb form of the section (not in forms - nouns, without building that set)
        if key not in spec.forms or key in spec.nouns:
            return True
    T, cfg = ctx.t, ctx.cfg
    prev = trig.start - 1 if trig.start > 0 else None
    nxt = trig.end if trig.end < len(T) else None
    if prev is not None and (T.norm[prev] in cfg.determiners or T.text[prev] in cfg.possessive):
        return True
    if prev is not None and T.norm[prev] in cfg.relative_pronouns and T.norm[prev] not in cfg.determiners:
        return False  # "Iran, which supplies drones to Russia": the verb of a relative clause
    gerund = bool(cfg.progressive) and T.norm[trig.end - 1].endswith(tuple(cfg.progressive))
    if gerund and prev is not None and (T.norm[prev] in cfg.all_preps or _cue_ends_at(ctx, trig.start, ("denial", "negation"))):
        return False  # "Rwanda denies backing the M23 rebels", "accuses the UAE of backing the RSF": a gerund, an act
    if nxt is not None and (T.norm[nxt] in BETWEEN or T.norm[nxt] == "of" or T.norm[nxt] in spec.obj_preps):
        return True
    if gerund and prev is not None and T.text[prev] in (",", "،") and nxt is not None and ctx.in_mention(nxt):
        return False  # "…, warning Israel against any strike": a participle with its object, no noun
    if prev is not None and prev > 0 and T.norm[prev] in cfg.negation_near:
        prev -= 1  # "would never attack", "did not sanction": the verb after its negation
    if prev is not None and (T.norm[prev] in cfg.modal_verbs or T.norm[prev] == "to"):
        return False
    if prev is not None and prev > 0 and T.text[prev - 1] in cfg.possessive:
        return True  # "the UK's Iran sanctions": a possessed name before the noun
    if prev is not None and _demonym_ends_at(ctx, trig.start):
        return True  # "an Israeli strike", "Russian attacks": a nationality adjective modifies a noun
    if prev is not None and T.alpha[prev] and compound_place(ctx, trig, spec) is not None:
        return True  # "the Istanbul bombing", "the Moscow drone attack": a place modifies a noun
    if prev is not None and prev >= 2 and T.text[prev - 1] == "-" and ctx.in_mention(prev) and ctx.in_mention(prev - 2) \
            and not ctx.in_mention(prev - 1):  # two names, not one ("Timor-Leste sanctions …")
        return True  # "no plans for a Putin-Zelensky meeting", "US-China talks": a pair of actors modifies a noun
    # a verb after a name, a pronoun or a description standing for an actor ("the kingdom supports Syria")
    return prev is None or not (T.alpha[prev] and (T.text[prev][:1].isupper() or T.norm[prev] in cfg.pronouns
                                                   or ctx.in_mention(prev)))


# relations a text can carry for its author ("a resolution condemning Israel's strikes", "a
# statement accusing"): a participle after such a noun is still the subject's act
CARRIED_BY_TEXTS = frozenset({"opposed", "criticized", "supported", "accused", "threatened"})


def _participle_of_a_noun(ctx: DocContext, trig: Mark, spec: Trigger) -> bool:
    """A progressive form right after a determiner and a plain noun ("a network smuggling"):
    a reduced relative whose subject is that noun, no actor; a text's act stays its author's
    (``CARRIED_BY_TEXTS``)."""
    T, cfg = ctx.t, ctx.cfg
    k = trig.start - 1
    return bool(cfg.progressive) and k >= 1 and spec.relation not in CARRIED_BY_TEXTS \
        and T.norm[trig.end - 1].endswith(tuple(cfg.progressive)) and T.norm[k - 1] in cfg.determiners \
        and match_key(trig.text) not in spec.nouns \
        and T.lower[k] and T.alpha[k] and not ctx.in_mention(k) \
        and T.norm[k] not in cfg.light_verbs and T.norm[k] not in cfg.all_preps


def modified_event_noun(ctx: DocContext, st: SentenceState, trig: Mark) -> tuple[Mark, bool] | None:
    """The event noun of the same relation that a verb form right after it modifies, past at
    most two plain words ("the sanctions imposed on Russia", "العقوبات الغربية المفروضة على
    النفط الروسي"), and whether the participle names an agent of its own. Without one the
    participle is the noun's: whether it happened is the noun's ("India will not join the
    sanctions imposed on Russia"); with one it is a fact of its own ("refused to join the
    sanctions imposed by the EU": the EU did impose them)."""
    T, cfg = ctx.t, ctx.cfg
    spec = cfg.triggers[trig.label_]
    noun = next((t for t in reversed(st.trigs) if t.end <= trig.start), None) if trig.start else None
    if noun is None or noun.label_ != trig.label_:
        return None
    if spec.nouns:  # nouns listed apart: a verb form after one of them
        if match_key(trig.text) in spec.nouns or match_key(noun.text) not in spec.nouns:
            return None
    elif not (cfg.adjective_after and T.norm[noun.start].startswith(cfg.definite)
              and T.norm[trig.start].startswith(cfg.definite)):
        return None  # an adjective agrees with its noun: both definite ("العقوبات … المفروضة")
    gap = T.words(noun.end, trig.start)
    if len(gap) > 2 or any(ctx.in_mention(k) or not T.alpha[k] or T.norm[k] in cfg.all_preps
                           or T.norm[k] in cfg.relative_pronouns for k in gap):
        return None
    reach = [T.norm[k] for k in T.words(trig.end, min(st.sent.end, trig.end + 4))]
    agents = cfg.agents | set(spec.agent_preps)
    own_agent = any(w in agents for w in reach[:3]) or any(f"{a} {b}" in agents for a, b in zip(reach, reach[1:]))
    return noun, own_agent  # "imposed by the EU", "المفروضة من قبل الاتحاد الأوروبي"


def text_noun_before(ctx: DocContext, trig: Mark) -> int | None:
    """The text noun a trigger's clause describes ("a declaration condemning Russia",
    "بيان يدين روسيا", ``[syntax] text_nouns``), or None: an English progressive right after
    it, an Arabic imperfect verb with no proclitic right after it
    (an asyndetic relative: the text is the verb's subject, the actor after it its object); any
    verb after a relative pronoun that follows the text noun and at most one adjective."""
    cfg, T = ctx.cfg, ctx.t
    k = trig.start - 1
    if not cfg.text_nouns or k < 1:
        return None
    resumed = _resumed_text(ctx, trig)
    if resumed is not None:
        return resumed
    relative = T.norm[k] in cfg.relative_pronouns  # "the joint statement that condemns", "البيان المشترك الذي يدين"
    if relative:
        k -= 1 if bare_word(cfg, T.norm[k - 1]) in cfg.text_nouns or k < 2 else 2
    if bare_word(cfg, T.norm[k]) not in cfg.text_nouns or ctx.in_mention(k):
        return None
    word = T.norm[trig.start]
    if relative:
        shaped = True
    elif cfg.progressive:
        shaped = T.norm[trig.end - 1].endswith(tuple(cfg.progressive))
    else:
        shaped = not T.proclitic(trig.start) and word.startswith(tuple(cfg.imperfect_prefixes)) \
            and not T.norm[k].startswith(cfg.definite)
    return k if shaped else None


def _resumed_text(ctx: DocContext, trig: Mark) -> int | None:
    """"رفعت جنوب أفريقيا دعوى أمام محكمة العدل الدولية تتهم فيها إسرائيل": an imperfect verb
    followed by a preposition carrying the pronoun that resumes a text noun a few words before
    it (a relative clause with its own place phrase between) is the text's act."""
    cfg, T = ctx.cfg, ctx.t
    nxt = trig.end
    if cfg.progressive or nxt >= len(T) or T.norm[nxt] not in cfg.all_preps or not T.enclitic(nxt) \
            or T.proclitic(trig.start) or not T.norm[trig.start].startswith(tuple(cfg.imperfect_prefixes)):
        return None
    for k in range(trig.start - 1, max(-1, trig.start - 7), -1):
        if bare_word(cfg, T.norm[k]) in cfg.text_nouns and not ctx.in_mention(k):
            return k  # (the text noun may be a trigger of its own: "رفعت دعوى")
        if T.norm[k] in cfg.boundaries or k in ctx.trig_tokens:
            return None
    return None


def bare_word(cfg: ClaimConfig, word: str) -> str:
    """A word's key without the definite article ("القوات" is "قوات")."""
    d = cfg.definite
    return word[len(d):] if word.startswith(d) and len(word) > len(d) + 2 else word


def _demonym_ends_at(ctx: DocContext, k: int) -> bool:
    """A nationality adjective's mention ends at token ``k``."""
    i = bisect.bisect_left(ctx.span_starts, k - 3)
    return any(m.end == k and m.label_ == "demonym" for m in ctx.spans[i:bisect.bisect_left(ctx.span_starts, k)])


def _cue_ends_at(ctx: DocContext, k: int, names: tuple[str, ...]) -> bool:
    """One of the named cues ends at token ``k`` (cues start at most four tokens before)."""
    i = bisect.bisect_left(ctx.cue_starts, k - 4)
    return any(ctx.cues[j][2] == k and ctx.cues[j][0] in names for j in range(i, bisect.bisect_left(ctx.cue_starts, k)))


def claim_trigger(ctx: DocContext, st: SentenceState, trig: Mark,
                  forms: dict[str, tuple[str, str]]) -> tuple[Mark, Trigger] | None:
    """The trigger as a predicate with its section, or None where it makes no claim of
    its own: a word of an actor's name, a verb negated by a refusal verb before it, an
    event told before ("this summit"), a weapon-only form with no weapon, a noun after a
    noun determiner ("the hit was accurate"). ``forms`` are the lexicon's actor forms."""
    T, text = ctx.t, ctx.text
    inside = st.group_at(trig.start)
    if inside is not None:
        if trig.end <= inside.end:
            return None  # a word of an actor's name
        # "Chinese military aid": the name ("Chinese military") and the trigger
        # ("military aid") share a word; the trigger wins it when the words
        # before it name an actor ("Chinese"), else the name keeps it
        head = forms.get(text[T.start_char(inside.start):T.end_char(trig.start)].strip()) \
            if len(inside.keys) == 1 and trig.start > inside.start else None
        if head is not None:
            inside.keys[:] = [head[0]]
            inside.end = trig.start
            inside.label = head[1]
        else:
            trig = trig._replace(start=inside.end, text=text[T.start_char(inside.end):T.end_char(trig.end)])
    if trig.start in st.refusals and _refused_act(ctx, st, trig):
        return None  # "رفضت الهند إدانة روسيا": a refusal verb negates the trigger after it
    cfg = ctx.cfg
    if trig.start > 0 and T.norm[trig.start - 1] in cfg.demonstratives \
            and not (trig.end < st.sent.end and T.norm[trig.end] in BETWEEN) \
            and not (T.norm[trig.start - 1] in cfg.relative_pronouns and match_key(trig.text) not in cfg.triggers[trig.label_].nouns):
        return None  # "this summit": an event told before, its actors are not here ("this meeting between X and Y": they are)
    spec = cfg.triggers[trig.label_]
    if (trig.start, trig.label_) in st.unarmed:
        return None
    if st.claimed == (trig.start, spec.relation) and not T.proclitic(trig.start):
        return None  # "بتقديم دعم عسكري لموسكو", "providing military support to": the verb's own noun, read with it
    if spec.unless_after and _sent_thing(ctx, st, trig, spec):
        if not (spec.otherwise and match_key(trig.text) in spec.otherwise[1]):
            return None  # "sent a delegation to Cairo", "أرسلت رسالة إلى": what is sent is no supply
        spec = cfg.triggers[spec.otherwise[0]]  # "received tanks from Germany": no guest, the other reading
    if spec.circumstantial_forms and match_key(trig.text) in spec.circumstantial_forms and not circumstantial(ctx, trig):
        return None  # "روسيا متهمة بـ": a passive participle, not "، متهمة أوكرانيا"
    if _participle_of_a_noun(ctx, trig, spec):
        return None  # "sanctioned a network smuggling Iranian oil": the participle is the noun's, no actor's
    if cfg.noun_determiners and trig.start > 0 and T.norm[trig.start - 1] in cfg.noun_determiners \
            and match_key(trig.text) not in spec.nouns:
        return None  # "the hit was accurate", "the bombed hospital": no predicate
    return trig, spec


def _refused_act(ctx: DocContext, st: SentenceState, trig: Mark) -> bool:
    """The first trigger after a refusal verb, within three words, is an act refused ("رفضت
    الهند إدانة روسيا"), unless it is a plural event noun (``[morphology] plural_endings``):
    what is rejected ("رفضت فنزويلا العقوبات التي فرضتها واشنطن")."""
    nxt = next((t for t in st.trigs_from(trig.end)), None)
    if nxt is None or nxt.start - trig.end > 3:
        return False
    endings, word = ctx.cfg.plural_endings, ctx.t.norm[nxt.end - 1]
    return not (endings and len(word) > 4 and word.endswith(tuple(endings)))


def _sent_thing(ctx: DocContext, st: SentenceState, trig: Mark, spec: Trigger) -> bool:
    """One of the words of ``unless_after`` among the first words after the trigger (its
    instrument window, else 3), not counting an actor's name ("سترسل بريطانيا مزيدا من
    القوات": the subject after a verb-first trigger uses none of them)."""
    T, reach = ctx.t, spec.instrument_window or 3
    words = [k for k in T.words(trig.end, min(st.sent.end, trig.end + reach + 6)) if not ctx.in_mention(k)][:reach]
    if any(T.norm[k] in spec.unless_after for k in words):
        return True
    return relative_on_a_thing(ctx, st, trig, spec)


def relative_on_a_thing(ctx: DocContext, st: SentenceState, trig: Mark, spec: Trigger) -> bool:
    """The trigger's clause tells of the noun of ``unless_after`` right before it ("اتصال
    هاتفي تلقاه من", "a call he received from"), no actor between: no predicate of its own,
    and no end to the reach of the call before it."""
    T = ctx.t
    before = T.words(max(st.sent.start, trig.start - 3), trig.start)
    return any(T.norm[k] in spec.unless_after and not any(ctx.in_mention(j) for j in range(k + 1, trig.start))
               for k in before)


def circumstantial(ctx: DocContext, trig: Mark) -> bool:
    """A participle set off by a comma with no conjunction ("هاجمت روسيا كييف، متهمة أوكرانيا"),
    shaped as the language data says (``[syntax] circumstantial_endings/_patterns``)."""
    cfg, T = ctx.cfg, ctx.t
    if not cfg.circumstantial_endings or trig.start == 0 or T.text[trig.start - 1] not in (",", "،") \
            or T.proclitic(trig.start):
        return False
    word = T.norm[trig.start]
    return word.endswith(tuple(cfg.circumstantial_endings)) and any(p.search(word) for p in cfg.circumstantial_patterns)


def means_after(ctx: DocContext, st: SentenceState, trig: Mark, means: tuple[str, frozenset[str], frozenset[str]]) -> bool:
    """A means word within three words after one of the means prepositions, in the trigger's
    clause up to the next trigger ("backed Kyiv with advanced drones", "دعمت تركيا أذربيجان
    بالطائرات المسيرة"; not "backed Kyiv, which used drones"). The preposition stands alone or
    as the word's clitic, split off or kept in the word's key ("بالطائرات")."""
    section, preps, words = means
    T = ctx.t
    # up to the next trigger, unless it is a noun of the means' own section ("with humanitarian aid")
    end = min(st.sent.end, trig.end + 10, next((t.start for t in st.trigs_from(trig.end) if t.label_ != section), st.sent.end))
    marked = None
    for k in T.words(trig.end, end):
        if crosses_boundary(ctx, trig.end, k + 1, punctuation=False):
            return False
        if T.norm[k] in preps:
            marked = k
            continue
        is_word, has_clitic = clitic_word(T, k, preps, words)
        if has_clitic:
            marked = k
        if is_word and marked is not None and k - marked <= 3:
            return True
    return False
