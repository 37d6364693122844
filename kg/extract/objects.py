"""Objects found away from the plain "group marked with the trigger's preposition" slot:
the agent of a condemned event, the place or owner of what was hit, a pronoun; and the
groups that are no object (a victim, a news source)."""

from __future__ import annotations

import bisect

from kg.extract.context import DocContext, Group, Mark, SentenceState
from kg.extract.markers import marker, of_a_border
from kg.extract.groups import is_person
from kg.extract.triggers import bare_word, noun_form
from kg.extract.words import QUOTE_MARKS, clitic_word, crosses_boundary
from kg.lang import Trigger
from kg.nlp.tokens import indices_of


def event_agent(ctx: DocContext, st: SentenceState, trig: Mark, subject: Group | None) -> Group | None:
    """"أدانت تركيا بشدة الغارات الإسرائيلية", "أشاد خامنئي بهجوم حماس على إسرائيل": the
    object of a verb is an event noun whose agent is what the verb targets: the nisba
    right after a definite event noun, or the actor right after the noun when the
    event's own object follows with its preposition."""
    T, cfg, groups = ctx.t, ctx.cfg, st.groups
    nxt = next((t for t in st.trigs if t.start >= trig.end), None)
    if nxt is None:
        return None
    # the words between, the verb's own subject not counted ("انتقد الأمين العام للأمم
    # المتحدة أنطونيو غوتيريش القصف الإسرائيلي")
    start = subject.end if subject is not None and trig.end <= subject.start < subject.end <= nxt.start else trig.end
    if len(T.words(start, nxt.start)) > 4 or crosses_boundary(ctx, trig.end, nxt.start):
        return None
    agent = next((g for g in groups if g.start == nxt.end and g is not subject and not T.proclitic(g.start)), None)
    if agent is None:  # "condemned the attack by Hamas on Israel": the agent marked as such
        agent = next((g for g in st.groups_starting(nxt.end, nxt.end + 3) if marker(ctx, g, cfg.all_preps) in cfg.agents
                      and all(T.norm[k] in cfg.agents or T.norm[k] in cfg.determiners for k in T.words(nxt.end, g.start))), None)
        if agent is not None and agent is not subject:
            return agent
        return _relative_agent(ctx, st, nxt, subject) or _told_before(ctx, st, nxt, subject)
    if agent.label == "demonym":
        return agent if T.norm[nxt.start].startswith(cfg.definite) else None
    event = cfg.triggers[nxt.label_]
    marked = any(g.start >= agent.end and g.start - agent.end <= 3 and marker(ctx, g, cfg.all_preps) in event.obj_preps
                 for g in groups)
    # "أدان مجلس الأمن إطلاق كوريا الشمالية صاروخا": the weapon after the agent is the event's object
    armed = bool(event.instruments) and any(T.norm[k] in event.instruments for k in T.words(agent.end, agent.end + 2))
    return agent if marked or armed else None


def _relative_agent(ctx: DocContext, st: SentenceState, event: Mark, subject: Group | None) -> Group | None:
    """"rejected the sanctions imposed by Washington", "رفض العقوبات التي فرضتها واشنطن": the
    agent of the event noun in a reduced passive (a light verb, then the agent preposition)
    or a relative clause (a relative pronoun and its verb, then the agent)."""
    T, cfg = ctx.t, ctx.cfg
    words = T.words(event.end, min(st.sent.end, event.end + 4))
    if len(words) < 2:
        return None
    if T.norm[words[0]] in cfg.relative_pronouns:  # "التي فرضتها واشنطن", "which Washington imposed"
        k = words[1] if cfg.verb_first else words[0] + 1
        g = next(iter(st.groups_starting(k + 1 if cfg.verb_first else k, k + 2)), None)
        return g if g is not None and g is not subject and marker(ctx, g, cfg.all_preps) is None else None
    i = 0
    while i < len(words) - 1 and i < 2 and T.norm[words[i]] in cfg.light_verbs:
        i += 1  # "imposed", "carried out"
    if i and T.norm[words[i]] in cfg.agents:  # "imposed by Washington"
        g = next(iter(st.groups_starting(words[i] + 1, words[i] + 3)), None)
        return g if g is not None and g is not subject else None
    return None


def deployer(ctx: DocContext, st: SentenceState, trig: Mark, subject: Group | None) -> Group | None:
    """"condemned the deployment of US warships", "rejected the presence of Turkish troops",
    "نددت بنشر سفن حربية أمريكية": what is condemned is forces being deployed or present,
    and their owner (the actor among or right after the force nouns) is what the verb targets.
    Only "of", determiners and force nouns stand between the deployment noun and the owner:
    "the deployment of troops to Guyana" names where, not whose."""
    T, cfg = ctx.t, ctx.cfg
    if not cfg.deployment_nouns:
        return None
    start = subject.end if subject is not None and trig.end <= subject.start <= trig.end + 3 else trig.end
    words = T.words(start, min(st.sent.end, start + 10))
    lead = 0
    while lead < len(words) and lead < 3 and (T.norm[words[lead]] in cfg.determiners or T.norm[words[lead]] in cfg.manner_adverbs):
        lead += 1
    if lead == len(words):
        return None
    noun = bare_word(cfg, T.norm[words[lead]])
    if lead + 2 < len(words) and T.text[words[lead + 1]] == "-":  # "build-up"
        noun, lead = f"{noun}-{T.norm[words[lead + 2]]}", lead + 2
    if noun not in cfg.deployment_nouns:
        return None
    forces = False
    for k in words[lead + 1:lead + 6]:
        g = st.group_at(k)
        if g is not None and g.start == k:
            after = T.words(g.end, min(st.sent.end, g.end + 2))
            forces = forces or any(bare_word(cfg, T.norm[j]) in cfg.deployed_forces for j in after)
            return g if forces and g is not subject and g.label != "person" else None
        word = bare_word(cfg, T.norm[k])
        if word in cfg.deployed_forces:
            forces = True
        elif word not in cfg.genitive_preps and word not in cfg.determiners:
            return None
    return None


def _told_before(ctx: DocContext, st: SentenceState, event: Mark, subject: Group | None) -> Group | None:
    """"Turkey struck Kurdish militants in Iraq. Baghdad condemned the strikes.", "وأدانت بغداد
    الضربات": a definite event noun that ends its clause, with no actor of its own, is the
    event told before; its agent is the agent of the latest claim of that relation, unless it
    is the condemner itself."""
    T, cfg = ctx.t, ctx.cfg
    relation = cfg.triggers[event.label_].relation
    agent = ctx.last_agent.get(relation)
    if agent is None or (subject is not None and agent in subject.keys):
        return None
    definite = T.norm[event.start].startswith(cfg.definite) or \
        (event.start > 0 and T.norm[event.start - 1] in cfg.determiners and T.norm[event.start - 1] not in cfg.indefinite)
    after = T.words(event.end, min(st.sent.end, event.end + 1))
    if not definite or (after and T.alpha[after[0]]) or any(g.start >= event.end for g in st.groups):
        return None
    return Group([agent], event.start, event.end, "coref")


def victim(ctx: DocContext, g: Group) -> bool:
    """Whether ``g`` names the victim of an event noun right before it ("the killing of
    X", "اغتيال X"); the victim is not the object of the verb that governs the noun."""
    at = ctx.victim_at
    i = bisect.bisect_left(at, g.start - 6)
    if i == len(at) or at[i] >= g.start:
        return False  # no event noun in reach: the common case, decided by bisect
    T, cfg = ctx.t, ctx.cfg
    words = T.words(max(0, g.start - 6), g.start)[-3:]  # "the killing of two Israeli soldiers"
    while words and (T.norm[words[0]] in cfg.boundaries or ctx.in_mention(words[0])):
        words = words[1:]
    if any(T.norm[k] in cfg.boundaries or ctx.in_mention(k) for k in words):
        return False
    norms = [T.norm[k] for k in words]
    return any(n in cfg.victim_nouns for n in norms) or \
        any(" ".join(norms[i:i + 2]) in cfg.victim_nouns for i in range(len(norms) - 1))


def located_target(ctx: DocContext, g: Group, spec: Trigger) -> bool:
    """Whether ``g`` is the place an object phrase is in ("targets in Syria"); for
    some relations only a single place is ("companies in China, Russia and Turkey" are
    third parties of a sanction, not its target)."""
    return marker(ctx, g, ctx.cfg.locative) is not None and not (spec.locative_single and len(g.keys) > 1) \
        and not (g.label == "demonym" and of_a_border(ctx, g))  # "near the Afghan border": either side of it


def owned_object(ctx: DocContext, trig: Mark, subject: Group | None, g: Group) -> bool:
    """Whether the words between the verb (or its subject after it) and ``g`` are one
    bare noun, maybe with an adjective: the verb's object, owned by ``g``."""
    T, cfg = ctx.t, ctx.cfg
    start = subject.end if subject is not None and subject.start >= trig.end else trig.end
    words = T.words(start, g.start)
    if words and T.norm[words[-1]] in cfg.owner_preps:
        words = words[:-1]  # the marker as a token of its own
    quoted = [k for k in words if T.text[k] in QUOTE_MARKS]
    if len(quoted) == 2 and words[0] == quoted[0] and words[-1] == quoted[1]:
        words = words[1:-1]  # the noun in quotes: ""الأفعال المتهورة" للصين", "China's "reckless actions""
    return 1 <= len(words) <= 2 + bool(quoted) and all(
        T.alpha[k] and T.norm[k] not in cfg.all_preps and T.norm[k] not in cfg.boundaries
        and not T.proclitic(k) and not ctx.in_mention(k) for k in words)


def governed_owner(ctx: DocContext, st: SentenceState, trig: Mark, spec: Trigger, subject: Group | None) -> Group | None:
    """"أعربت … عن رفضها القاطع لمصادقة الحكومة الإسرائيلية على مخطط": where adjectives follow
    their noun, a noun that carries the trigger's preposition as a clitic, after at most two
    adjectives, names an act whose owner (the actor in construct right after it, or the nisba
    of its head noun) is the trigger's object."""
    cfg, T = ctx.cfg, ctx.t
    if not cfg.adjective_after:
        return None
    preps = set(spec.obj_preps) | set(spec.noun_obj_preps) | {"ل"}
    for k in T.words(trig.end, min(st.sent.end, trig.end + 4)):
        if ctx.in_mention(k) or k in ctx.trig_tokens or not T.alpha[k]:
            return None
        # ل read off an unlisted noun of five letters or more ("لمصادقة"); ب opens too many nouns (برنامج، برلمان)
        procl = T.proclitic(k).lstrip("وف") or ("ل" if len(T.norm[k]) >= 5 and T.norm[k][:1] == "ل" else "")
        if procl in preps:
            g = next(iter(st.groups_starting(k + 1, k + 3)), None)
            if g is None or (g.start == k + 2 and g.label != "demonym") or marker(ctx, g, cfg.all_preps) is not None \
                    or (subject is not None and set(g.keys) & set(subject.keys)):
                return None
            return g
        if T.norm[k] in cfg.all_preps or T.proclitic(k):
            return None
    return None


def source_between(st: SentenceState, start: int, end: int) -> bool:
    """"… in Syria, according to the Syrian news agency SANA": whoever follows "according
    to" or a speech verb is the source, not the object."""
    return not st.cue_names.isdisjoint(("according_to", "speech")) and \
        any(c in ("according_to", "speech") and start <= s < end for c, s, _ in st.cues)


def carried_object(ctx: DocContext, st: SentenceState, trig: Mark, subject: Group | None) -> Group | None:
    """"فرضت … عقوبات على شركة X، متهمةً إياها بـ…": a pronoun carried by إيا right after the
    trigger (``[coreference] object_carriers``) is its object, and resumes the main clause's
    object: that of the last verb before it that made a claim (a state or a body for the
    feminine pronoun).
    Under a verb of speech or denial it resumes what was said or denied ("نفى … تقارير …،
    واصفاً إياها"): no actor."""
    cfg, T = ctx.cfg, ctx.t
    k = trig.end
    if not cfg.object_carriers or k >= st.sent.end or T.norm[k] not in cfg.object_carriers or st.main_object is None:
        return None
    key = st.main_object
    if any(st.main_at <= t.start < trig.start and not noun_form(ctx, t, cfg.triggers[t.label_]) for t in st.trigs):
        return None  # "… ثم انتقد الولايات المتحدة، متهما إياها": a verb between made no claim, its object unknown
    if (subject is not None and key in subject.keys) or (T.norm[k] in cfg.feminine_carriers and is_person(ctx, key)):
        return None
    return Group([key], k, k + 1, "pronoun")


def pronoun_object(ctx: DocContext, st: SentenceState, trig: Mark, limit: int, preps: tuple[str, ...],
                   subject: Group | None) -> Group | None:
    """"فرضت … عقوبات عليها": a pronoun on an object preposition is the most recent
    claim subject of the right kind that is not this claim's subject."""
    discourse, cfg = ctx.discourse, ctx.cfg
    if discourse is not None and cfg.object_pronouns:
        return _free_pronoun_object(ctx, st, trig, subject)
    if discourse is None or not cfg.hosts:
        return None
    exclude = set(subject.keys) if subject else set()
    T = ctx.t
    norm, clitics = T.norm, T.clitics
    first_person_ends = cfg.first_person
    speaker = st.speaker
    speaker_object = bool(speaker) and speaker not in exclude  # "علينا": only a speaker can be "us"
    hosts = _pronoun_hosts(ctx)
    for i in hosts[bisect.bisect_left(hosts, trig.end):bisect.bisect_left(hosts, min(limit, len(T)))]:
        enclitic = clitics[i][1] if i in clitics else ""
        if speaker_object and (enclitic in first_person_ends or norm[i].endswith(first_person_ends) and any(
                norm[i].endswith(e) and len(norm[i]) >= len(e) + 3 for e in first_person_ends)):  # endswith: most words, in C
            if (i > 0 and norm[i - 1] in preps) or T.proclitic(i).lstrip("وف") in preps:
                return Group([speaker], i, i + 1, "pronoun")
        if not enclitic or norm[i] not in cfg.hosts or norm[i] not in preps:
            continue
        sent = ctx.sent_at(i)
        if any(clitics[k][1] and norm[k] in cfg.subject_hosts for k in range(sent.start, i) if k in clitics):
            exclude |= st.subjects  # "… فإنها لم … المفروضة عليها": not the same actor
            speaker_object = speaker_object and speaker not in exclude
        types = ("Country", "Organization") if enclitic in cfg.fem else ("Person",) if enclitic in cfg.masc else ()
        if not types:
            continue
        key = discourse.last_subject(types, exclude)
        if key is not None:
            return Group([key], i, i + 1, "pronoun")
    return None


def _pronoun_hosts(ctx: DocContext) -> list[int]:
    """The doc's tokens where :func:`pronoun_object` can find its pronoun, in order: a host
    word carrying an enclitic ("عليها"), or a first-person form ("علينا"); found once per doc,
    where the rule would read every word after each trigger."""
    if ctx.pronoun_hosts is None:
        T, cfg = ctx.t, ctx.cfg
        norm, clitics, first_person_ends = T.norm, T.clitics, cfg.first_person
        found = {i for i, (_, enclitic) in clitics.items() if enclitic and norm[i] in cfg.hosts}
        found.update(i for i, (_, enclitic) in clitics.items() if enclitic in first_person_ends)
        if first_person_ends:  # the doc's distinct words tested, then found where they stand
            for word in T.forms():
                if word.endswith(first_person_ends) and any(word.endswith(e) and len(word) >= len(e) + 3
                                                            for e in first_person_ends):
                    found.update(indices_of(norm, word))
        ctx.pronoun_hosts = sorted(found)
    return ctx.pronoun_hosts


def _free_pronoun_object(ctx: DocContext, st: SentenceState, trig: Mark, subject: Group | None) -> Group | None:
    """"Ukraine has held out since Russia invaded it": an object pronoun right after a verb of
    attack, threat or sanction is the latest other state or body named bare (a subject)
    before it in the sentence."""
    T, cfg = ctx.t, ctx.cfg
    words = T.words(trig.end, min(trig.end + 1, st.sent.end))
    if not words or T.norm[words[0]] not in cfg.object_pronouns \
            or ctx.cfg.triggers[trig.label_].relation.casefold() not in cfg.object_pronoun_relations:
        return None
    exclude = set(subject.keys) if subject else set()
    types = {"Country", "Organization"}
    for g in reversed(st.groups_before(trig.start)):
        # a bare group (a subject), not "his trip to the United States … since Russia invaded it"
        if not set(g.keys) & exclude and g.types(ctx.discourse) & types and marker(ctx, g, cfg.all_preps) is None:
            return Group(list(g.keys), words[0], words[0] + 1, "pronoun")
    return None  # the sentences before: too often a state named in passing ("… since Russia invaded it")


def owner_object(ctx: DocContext, st: SentenceState, trig: Mark, subject: Group | None) -> Group | None:
    """"Chad said Sudan struck its border posts", "قصف السودان مواقعها": the owner of what was
    hit, named by a possessive ("its", "their") or a pronoun on the noun right after the
    trigger, is the target: the sentence's speaker, else the latest other subject."""
    T, cfg, discourse = ctx.t, ctx.cfg, ctx.discourse
    if discourse is None:
        return None
    exclude = set(subject.keys) if subject else set()
    for i in range(trig.end, min(trig.end + 2, st.sent.end)):
        enclitic = T.enclitic(i) or next((e for e in cfg.fem if T.norm[i].endswith(e) and len(T.norm[i]) >= len(e) + 3), "")
        if enclitic and (T.norm[i][: -len(enclitic)] in cfg.all_preps or T.norm[i] in cfg.all_preps):
            return None  # "المفروضة عليها": a pronoun on a preposition is pronoun_object's, not an owner
        if not (T.norm[i] in cfg.possessive_pronouns or (enclitic and enclitic in cfg.fem)):
            continue
        candidates = ([st.speaker] if st.speaker else []) + list(reversed(discourse.recent_subjects))
        for key in candidates:
            actor = discourse.actors.get(key)
            if key not in exclude and actor is not None and actor.type in ("Country", "Organization"):
                return Group([key], i, i + 1, "pronoun")
        return None
    return None


def owner_of_object(ctx: DocContext, trig: Mark, spec: Trigger, after: list[Group]) -> Group | None:
    """The owner of the noun an event noun's preposition marks ("strikes on positions of the
    Houthis", "غارات على مواقع للحوثيين"): one or two bare nouns after the preposition, then
    the owner with its marker. A body or a group: what a state owns is mostly its land ("على
    الساحل الغربي لليمن"), which the place rules read."""
    T, cfg, discourse = ctx.t, ctx.cfg, ctx.discourse
    for g in after:
        if marker(ctx, g, cfg.owner_preps) is None:
            continue
        if discourse is not None and "Country" in g.types(discourse):
            return None
        words = T.words(trig.end, g.start)
        if words and T.norm[words[-1]] in cfg.owner_preps:
            words = words[:-1]
        # from the last object preposition ("شنت القوات الأمريكية غارات على مواقع للحوثيين")
        at = next((n for n in range(len(words) - 1, -1, -1) if T.norm[words[n]] in spec.obj_preps), None)
        if at is None or crosses_boundary(ctx, trig.end, g.start):
            return None
        nouns = words[at + 1:]
        if 1 <= len(nouns) <= 2 and all(T.alpha[k] and not ctx.in_mention(k) and T.norm[k] not in cfg.all_preps
                                        and T.norm[k] not in cfg.boundaries for k in nouns):
            return g
        return None
    return None


def nisba_of_the_object(ctx: DocContext, trig: Mark, g: Group, subject: Group | None, preps: tuple[str, ...]) -> bool:
    """"احتجت فيتنام على أعمال البناء الصينية": a nisba whose head noun phrase opens with the
    trigger's preposition right after the trigger (past a verb-first subject) is its object,
    however many plain words the noun phrase has (up to three)."""
    if not ctx.cfg.adjective_after or g.label != "demonym":
        return False
    T = ctx.t
    words = [k for k in T.words(trig.end, g.start) if subject is None or not subject.start <= k < subject.end]
    if not words or len(words) > 4 or any(ctx.in_mention(k) or k in ctx.trig_tokens for k in words):
        return False
    first = words[0]
    opens = T.norm[first] in preps or T.proclitic(first).lstrip("وف") in preps
    return opens and all(T.alpha[k] and T.norm[k] not in ctx.cfg.all_preps for k in words[1:])


def complement_after(ctx: DocContext, st: SentenceState, trig: Mark, words: frozenset[str]) -> bool:
    """One of the complement nouns among the first words after the trigger, past a verb-first
    subject and determiners, with or without its "ب" ("بالرد", "a new military operation")."""
    T, determiners = ctx.t, ctx.cfg.determiners
    return any(clitic_word(T, k, ctx.cfg.all_preps, words)[0]
               for k in [k for k in T.words(trig.end, min(st.sent.end, trig.end + 8))
                         if not ctx.in_mention(k) and T.norm[k] not in determiners][:3])
