"""Claims from triggers and the actors around them.

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
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from kg.lang import Trigger
from kg.model import Claim
from kg.nlp.components import Normalizer, actor_spans, doc_text
from kg.nlp.lexicon import get_lexicon
from kg.nlp.tokens import sentence_bounds, token_table
from kg.nlp.normalize import match_key

LIST_PUNCTUATION = frozenset({",", "،", "&", "-"})  # the words that join a list are in each language's data


class Mark(NamedTuple):
    """An actor mention or a trigger as the rules read it: spaCy ``Span`` attributes
    resolve their strings on every access, these are plain fields."""

    start: int
    end: int
    label_: str
    kb_id_: str = ""
    text: str = ""


class Sentence(NamedTuple):
    start: int
    end: int
    start_char: int
    end_char: int


def longest_first(marks: list[Mark]) -> list[Mark]:
    """Non-overlapping marks, longer ones first (what ``spacy.util.filter_spans`` does)."""
    seen: set[int] = set()
    out = []
    for m in sorted(marks, key=lambda m: (m.end - m.start, -m.start), reverse=True):
        if m.start not in seen and m.end - 1 not in seen:
            out.append(m)
            seen.update(range(m.start, m.end))
    return sorted(out, key=lambda m: m.start)


@dataclass
class Group:
    keys: list[str]
    start: int  # token span over all members
    end: int
    label: str = ""
    members: list = field(default_factory=list)
    conjoined: bool = False  # joined by a real conjunction, not commas alone

    def types(self, discourse) -> set[str]:
        return {discourse.actors[k].type for k in self.keys if k in discourse.actors}


@Language.factory("geokg_claims", default_config={"window": 12, "subject_gap": 2, "modality_window": 6,
                                                  "negation_window": 4, "instrument_window": 6})
def make_claims(nlp: Language, name: str, window: int, subject_gap: int, modality_window: int,
                negation_window: int, instrument_window: int):
    return ClaimExtractor(nlp, window=window, subject_gap=subject_gap, modality_window=modality_window,
                          negation_window=negation_window, instrument_window=instrument_window)


class ClaimExtractor:
    _PUNCT = frozenset({",", "،", ";", "؛", ":"})

    def __init__(self, nlp: Language, *, window: int, subject_gap: int, modality_window: int,
                 negation_window: int, instrument_window: int = 6) -> None:
        self.lang = nlp.lang
        self.lex = get_lexicon(nlp.lang)
        data = self.lex.data
        self.window, self.subject_gap = window, subject_gap
        self.modality_window, self.negation_window = modality_window, negation_window
        self.instrument_window = instrument_window  # words after "launched" in which a weapon must stand
        attr = "NORM" if nlp.lang != "en" else "LOWER"
        normalizer = Normalizer(nlp)

        def pattern(text: str) -> Doc:
            return normalizer(nlp.make_doc(text)) if nlp.lang != "en" else nlp.make_doc(text.lower())

        self.triggers: dict[str, Trigger] = data.triggers
        self.trigger_matcher = PhraseMatcher(nlp.vocab, attr=attr)
        for relation, trig in data.triggers.items():
            self.trigger_matcher.add(relation, [pattern(f) for f in data.trigger_forms(relation)])
        self.cue_matcher = PhraseMatcher(nlp.vocab, attr=attr)
        for cue in ("negation", "possible", "alleged", "speech", "according_to", "continuation", "interviewer", "denial",
                    "future_time", "unnamed_sources", "reversal", "cancelled"):
            forms = data.strings("cues", cue)
            if forms:
                self.cue_matcher.add(cue, [pattern(f) for f in forms])
        self.negation_near = data.keys("cues", "negation_near")
        # particles that stand between a subject and its verb without breaking SVO ("موسكو لن تزود")
        self.particles = self.negation_near | {k for k in data.keys("cues", "possible") if " " not in k and len(k) <= 4} \
            | data.keys("syntax", "light_verbs")
        self.verb_first = data.value("syntax", "word_order", default="SVO") == "VSO"
        self.all_preps = tuple(data.keys("syntax", "prepositions"))
        self.boundaries = data.keys("syntax", "clause_boundaries") | {",", "،", ";", "؛", ":"}
        self.light_verbs = data.keys("syntax", "light_verbs")
        self.passive_aux = data.keys("syntax", "passive_auxiliaries")
        self.progressive = tuple(data.keys("syntax", "progressive_endings")) or ("\0",)
        modal = data.value("syntax", "modal_subject", default={}) or {}
        self.modals = frozenset(match_key(m) for m in modal.get("modals", []))
        self.modal_comp = match_key(modal["complementizer"]) if modal.get("complementizer") else None
        self.agents = data.keys("syntax", "agent_prepositions")
        self.possessive = frozenset(data.strings("morphology", "possessive"))
        self.fem = data.keys("coreference", "feminine_pronouns")
        self.personal = data.keys("coreference", "personal_pronouns")
        self.group_pronouns = data.keys("coreference", "group_pronouns")
        self.pronouns = self.personal | self.group_pronouns
        self.name_stop = data.keys("names", "stop")
        self.determiners = data.keys("syntax", "determiners")
        self.delegations = data.keys("syntax", "delegations")  # "وفد من حماس": Hamas
        self.membership_nouns = data.keys("syntax", "membership_nouns")  # "Sweden's NATO membership"
        self.delegation_preps = data.keys("syntax", "delegation_prepositions")
        self.coord = LIST_PUNCTUATION | data.keys("syntax", "coordinators")  # "X and Y", "X nor Y"
        self.noun_determiners = data.keys("syntax", "noun_determiners")
        self.control_markers = data.keys("syntax", "control_markers")
        self.passive_control = data.keys("syntax", "passive_control_markers")
        self.complementizers = data.keys("syntax", "complementizers")
        self.adjective_after = data.value("syntax", "adjective_position", default="before") == "after"
        self.demonstratives = data.keys("syntax", "demonstratives")
        self.modal_verbs = data.keys("syntax", "modal_verbs")
        self.masc = data.keys("coreference", "masculine_pronouns")
        self.hosts = data.keys("coreference", "pronoun_hosts")
        self.subject_hosts = data.keys("coreference", "subject_pronoun_hosts")
        self.first_person = data.keys("coreference", "first_person_enclitics")
        self.between = {match_key(w) for w in ("بين", "between")}
        self.future = {match_key(f) for f in data.strings("morphology", "future")}
        self.backer_suffixes = data.keys("syntax", "backer_suffixes")
        self.locative = tuple(data.keys("syntax", "locative"))
        self.owner_preps = tuple(data.keys("syntax", "owner_prepositions"))
        self.victim_nouns = data.keys("syntax", "victim_nouns")
        self.definite = match_key(data.value("morphology", "definite_article", default="") or "") or "\0"
        # the preposition that contracts with the article ("لل" = ل + ال), where the language has one
        self.lam_contraction = self.definite[-1:] if data.value("morphology", "lam_contraction", default=False) else ""
        self._victim_heads = frozenset(v.split()[0] for v in self.victim_nouns)

    # ------------------------------------------------------------------ groups
    def _sent_at(self, i: int):
        """The sentence holding token i (Token.sent rescans the doc each time)."""
        return self._sents[bisect.bisect_right(self._sent_starts, i) - 1]

    def _drop_modifiers(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A nationality adjective or a possessor next to another actor modifies it; the head
        takes part: "Syrian Kurdish People's Protection Units", "Minsk's Alexander Lukashenko",
        "زعيمي البلدين" (a dual noun in the genitive of another)."""
        T = self._t
        spans = sorted(spans, key=lambda s: (s.start, s.end))
        keep = []
        self._dropped_heads: set[int] = set()
        for i, s in enumerate(spans):
            prev = keep[-1] if keep else None
            label = s.label_
            if label == "dual" and prev is not None and prev.label_ == "dual" and prev.end == s.start \
                    and prev.kb_id_ not in {x.kb_id_ for x in spans if x.start == s.start}:
                continue
            if self.adjective_after:
                if label == "demonym" and prev is not None and prev.end == s.start and prev.label_ != "dual" \
                        and not T.proclitic(s.start):
                    continue
            elif label in ("demonym", "name", "metonym"):
                nxt = next((t for t in spans[i + 1:] if t.start >= s.end), None)
                if nxt is not None and nxt.kb_id_ != s.kb_id_:
                    gap = T.words(s.end, nxt.start)
                    possessive = bool(gap) and T.text[gap[0]] in self.possessive and len(gap) <= 2
                    adjective = label == "demonym" and len(gap) <= 1 and all(
                        T.alpha[k] and T.norm[k] not in self.coord and T.norm[k] not in self.all_preps for k in gap)
                    if adjective:  # the head keeps the preposition before its adjectives ("against the Syrian Kurdish YPG")
                        self._modifier_tokens.update(range(s.start, nxt.start))
                    if possessive and nxt.end < len(T) and T.norm[nxt.end] in self.membership_nouns:
                        self._dropped_heads.add(id(nxt))  # "Sweden's NATO membership": Sweden is meant, NATO qualifies the noun
                        keep.append(s)
                        continue
                    if possessive or adjective:
                        continue
            if id(s) in self._dropped_heads:
                continue
            keep.append(s)
        return keep

    def _parenthetical(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """"رئيس جهاز المخابرات الإسرائيلي (الموساد)", "the People's Protection Units (YPG)": an
        actor in brackets right after another names the same one; an office takes the name
        of the body in brackets."""
        text = self._t.text
        out: list[Span] = []
        skip: set[int] = set()
        flat: list[Span] = []
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
                    and nxt.end < len(doc) and text[nxt.end] == ")":
                skip.add(i + 1)
                if s.label_ == "title":
                    s = Mark(s.start, nxt.end + 1, "title", nxt.kb_id_)
            out.append(s)
        return out

    def _groups(self, doc: Doc, spans: list[Span]) -> list[Group]:
        groups: list[Group] = []
        if not spans:
            return groups
        for s in self._parenthetical(doc, self._drop_modifiers(doc, spans)):
            if groups and s.start == groups[-1].start and s.label_ == "dual":
                if s.kb_id_ not in groups[-1].keys:
                    groups[-1].keys.append(s.kb_id_)
                    groups[-1].members.append(s)
                groups[-1].conjoined = True  # "the two leaders" is a pair by itself
                continue
            if groups and s.start < groups[-1].end:  # overlapping mention: keep the first
                continue
            if groups and self._coordinated(groups[-1].end, s):
                g = groups[-1]
                if s.kb_id_ not in g.keys:
                    g.keys.append(s.kb_id_)
                    g.members.append(s)
                g.conjoined = g.conjoined or self._conjunction_between(g.end, s)
                g.end = s.end
                continue
            groups.append(Group([s.kb_id_], s.start, s.end, s.label_, members=[s]))
        # "Russia, Iranian Foreign Minister X said": commas alone do not make a list
        out: list[Group] = []
        for g in groups:
            if len(g.keys) > 1 and not g.conjoined:
                out.extend(Group([m.kb_id_], m.start, m.end, m.label_, members=[m]) for m in g.members)
            else:
                out.append(g)
        return out

    def _conjunction_between(self, prev_end: int, span: Span) -> bool:
        T = self._t
        between = self._outside_brackets(T.words(prev_end, span.start))
        return T.proclitic(span.start).startswith("و") or self._conjoined_noun(between, span) or any(
            (T.norm[k] in self.coord or T.text[k] in self.coord) and T.text[k] not in {",", "،"} for k in between)

    def _conjoined_noun(self, between: list[int], span: Span) -> bool:
        """"بين حماس والمسؤولين الإسرائيليين": "and the Israeli officials" is a member."""
        T = self._t
        return self.adjective_after and span.label_ == "demonym" and len(between) == 1 \
            and (T.proclitic(between[0]).startswith("و") or match_key(T.text[between[0]]).startswith("و" + self.definite))

    def _outside_brackets(self, indices: list[int]) -> list[int]:
        """Token indices with bracketed asides ("(سي.آي.إيه)", "(AFP)") left out."""
        text = self._t.text
        out, depth = [], 0
        for k in indices:
            t = text[k]
            if t == "(":
                depth += 1
            elif t == ")" and depth:
                depth -= 1
            elif not depth:
                out.append(k)
        return out

    _QUOTES = frozenset({'"', "“", "”", "«", "»", ")", "("})

    def _coordinated(self, prev_end: int, span: Span) -> bool:
        T = self._t
        if span.start - prev_end > 3 and not self._bracket_in(prev_end, span.start):
            words = 0  # a list has at most 3 words between its members: stop counting there
            for k in range(prev_end, span.start):
                if not T.space[k] and T.text[k] not in self._QUOTES:
                    words += 1
                    if words > 3:
                        return False
        words = T.words(prev_end, span.start)
        if any(T.text[k] == "(" for k in words):
            words = self._outside_brackets(words)
        between = [k for k in words if T.text[k] not in self._QUOTES]
        if not between:
            return T.proclitic(span.start).startswith("و")
        if self._conjoined_noun(between, span):
            return True
        norm, text = T.norm, T.text
        coord = self.coord
        return len(between) <= 3 and any(norm[k] in coord or text[k] in coord for k in between) and \
            all(norm[k] in coord or text[k] in coord or norm[k] in self.determiners for k in between)

    def _bracket_in(self, start: int, end: int) -> bool:
        """Whether an opening bracket stands in tokens ``[start, end)``."""
        i = bisect.bisect_left(self._brackets, start)
        return i < len(self._brackets) and self._brackets[i] < end

    def _marker(self, doc: Doc, group: Group, preps: tuple[str, ...]) -> str | None:
        """The preposition that marks a group, if any; "وفد من حماس", "a delegation from
        Hamas": the body a delegation comes from stands for it, unmarked."""
        found = self._raw_marker(doc, group, preps)
        if found is not None and found in self.delegation_preps and group.start >= 2:
            j = group.start - 1 if self._t.norm[group.start - 1] == found else group.start
            if self._t.norm[j - 1] in self.delegations:
                return None
        return found

    def _contracted_lam(self, k: int) -> str:
        """"للخطة الإسرائيلية": ل + ال written "لل" is a preposition on any noun, known or not."""
        if not self.lam_contraction:
            return ""
        key = match_key(self._t.text[k]).lstrip("وف")
        return self.lam_contraction if key.startswith(self.lam_contraction * 2) and len(key) >= 5 else ""

    def _raw_marker(self, doc: Doc, group: Group, preps: tuple[str, ...]) -> str | None:
        """The preposition that marks a group (a clitic or the token before it)."""
        T = self._t
        procl = T.proclitic(group.start)
        if procl:
            core = procl.lstrip("وف")
            if core and core in preps:
                return core
        if group.label == "pronoun" and T.norm[group.start] in preps:
            return T.norm[group.start]
        j = group.start - 1
        if self.adjective_after and group.label == "demonym":
            # "على ثلاث شركات إيرانية": an adjective after its noun takes the noun's marker
            for k in range(j, max(-1, j - 4), -1):
                if k in self._trig_tokens:
                    break  # "للعقوبات الأممية": the adjective of a trigger noun is its agent, not a place
                if T.norm[k] in self.all_preps:
                    return T.norm[k] if T.norm[k] in preps and k < j else None
                procl = T.proclitic(k).lstrip("وف") or self._contracted_lam(k)
                if procl:
                    return procl if procl in preps else None
                if not T.alpha[k] or self._in_mention(k) or T.norm[k] in self.boundaries:
                    break
        while j >= 0 and (T.text[j] in {'"', "“", "«"} or T.norm[j] in self.determiners or j in self._modifier_tokens):
            j -= 1  # "an attack on a US warship", "talks with its Chinese counterpart"
        if j >= 0 and T.norm[j] in preps:
            return T.norm[j]
        return None

    # ------------------------------------------------------------------ component
    def __call__(self, doc: Doc) -> Doc:
        discourse = doc._.discourse
        offset = doc._.offset
        text = doc_text(doc)
        T = self._t = token_table(doc)  # token attributes by index, read by every rule below
        spans = self._spans = [Mark(s.start, s.end, s.label_, s.kb_id_) for s in actor_spans(doc)]
        span_starts = [m.start for m in spans]
        self._covered = {k for m in spans for k in range(m.start, m.end)}
        if span_starts != sorted(span_starts):
            spans.sort(key=lambda m: m.start)
            span_starts.sort()
        self._brackets = [i for i, t in enumerate(T.text) if t == "("] if "(" in text else []
        self._modifier_tokens: set[int] = set()  # nationality adjectives dropped before their head
        claims: list[Claim] = []
        cue_hits = sorted([(doc.vocab.strings[m], s, e) for m, s, e in self.cue_matcher(doc)], key=lambda c: c[1])
        cue_starts = [s for _, s, _ in cue_hits]
        strings = doc.vocab.strings
        trig_spans = longest_first([Mark(s, e, strings[m], text=text[T.start_char(s):T.end_char(e)])
                                    for m, s, e in self.trigger_matcher(doc)])
        trig_starts = [t.start for t in trig_spans]
        self._trig_tokens = {k for t in trig_spans for k in range(t.start, t.end)}
        heads = self._victim_heads
        self._victim_at = [i for i, n in enumerate(T.norm) if n in heads] if heads else []
        for r in doc.user_data.get("titled_persons", []):
            if not r.person or not r.affiliation or r.person == r.affiliation:
                continue
            relation = {"Leader": "leaderOf", "Official": "affiliatedWith"}.get(r.role)
            if relation:
                ev = doc[r.start:r.end]
                claims.append(Claim(r.person, relation, r.affiliation, evidence=text[ev.start_char:ev.end_char],
                                    start=ev.start_char + offset, end=ev.end_char + offset))
        self._sents = [Sentence(s, e, T.start_char(s), T.end_char(e)) for s, e in sentence_bounds(doc)]
        self._sent_starts = [x.start for x in self._sents]
        for sent in self._sents:
            if not text[sent.start_char:sent.end_char].strip():
                continue  # a line break alone: the speaker goes on
            sent_spans = spans[bisect.bisect_left(span_starts, sent.start):bisect.bisect_left(span_starts, sent.end)]
            backed = self._backers(sent_spans, sent) if self.backer_suffixes else []
            if backed:  # a backer is a modifier: no argument of the sentence's other triggers
                claims += [self._sentence_claim(text, sent, offset, backer, "supported", head)
                           for backer, head, _ in backed if head is not None]
                modifiers = {id(m) for _, _, m in backed}
                for _, _, m in backed:  # "strikes on the Iranian-backed Houthis": the head keeps "on"
                    self._modifier_tokens.update(range(m.start, min(m.end + 2, sent.end)))
                sent_spans = [m for m in sent_spans if id(m) not in modifiers]
            groups = self._groups(doc, sent_spans)
            sent_cues = cue_hits[bisect.bisect_left(cue_starts, sent.start):bisect.bisect_left(cue_starts, sent.end)]
            self._sent_cues = sent_cues
            speaker = self._speaker(doc, sent, groups, sent_cues, discourse)
            self._speaker_now = speaker
            sent_trigs = trig_spans[bisect.bisect_left(trig_starts, sent.start):bisect.bisect_left(trig_starts, sent.end)]
            if backed:
                compounds = {m.end + 1 for _, _, m in backed}
                sent_trigs = [t for t in sent_trigs if t.start not in compounds]
            # "launched an initiative in Ukraine", "fired the minister": no claim of their own,
            # and no trigger between an actor and "strikes" in "Israel launched strikes on …";
            # they still end the reach of other triggers ("صفقة إطلاق الأسرى")
            self._unarmed = {t.start for t in sent_trigs if not self._armed(t, sent, self.triggers[t.label_])}
            self._sentence_subjects: set[str] = set()
            self._prev = None  # (trigger, spec, subject keys) of the trigger handled last in the sentence
            for trig in sent_trigs:
                inside = next((g for g in groups if g.start <= trig.start < g.end), None)
                if inside is not None:
                    if trig.end <= inside.end:
                        continue  # a word of an actor's name
                    # "Chinese military aid": the name ("Chinese military") and the trigger
                    # ("military aid") share a word; the trigger wins it when the words
                    # before it name an actor ("Chinese"), else the name keeps it
                    head = self.lex.forms.get(text[T.start_char(inside.start):T.end_char(trig.start)].strip()) \
                        if len(inside.keys) == 1 and trig.start > inside.start else None
                    if head is not None:
                        inside.keys[:] = [head[0]]
                        inside.end = trig.start
                        inside.label = head[1]
                    else:
                        trig = trig._replace(start=inside.end, text=text[T.start_char(inside.end):T.end_char(trig.end)])
                if any(c == "negation" and s_ == trig.start for c, s_, _ in sent_cues) and \
                        any(0 <= t.start - trig.end <= 3 for t in sent_trigs):
                    continue  # "رفضت الهند إدانة روسيا": a refusal verb negates the trigger after it
                if trig.start > 0 and self._t.norm[trig.start - 1] in self.demonstratives \
                        and not (trig.end < sent.end and T.norm[trig.end] in self.between):
                    continue  # "this summit": an event told before, its actors are not here ("this meeting between X and Y": they are)
                spec = self.triggers[trig.label_]
                if trig.start in self._unarmed:
                    continue
                if self.noun_determiners and trig.start > 0 and T.norm[trig.start - 1] in self.noun_determiners \
                        and match_key(trig.text) not in spec.nouns:
                    continue  # "the hit was accurate", "the bombed hospital": no predicate
                pairs = self._arguments(doc, sent, trig, spec, groups, discourse, sent_trigs)
                if not pairs and spec.otherwise and match_key(trig.text) in spec.otherwise[1] \
                        and not any(T.norm[k] in spec.otherwise[2] for k in T.words(trig.end, min(sent.end, trig.end + 6))):
                    spec = self.triggers[spec.otherwise[0]]  # "received": a guest, else tanks from someone
                    pairs = self._arguments(doc, sent, trig, spec, groups, discourse, sent_trigs)
                self._prev = (trig, spec, list(self._last_subject))
                self._sentence_subjects |= set(self._last_subject)
                if not pairs and discourse is not None and self._last_subject:
                    for k in self._last_subject:
                        discourse.note_subject(k)
                for subj, obj in pairs:
                    if subj == obj or not subj or not obj:
                        continue
                    polarity = self._polarity(doc, sent, trig, sent_cues)
                    denied = polarity == "negative" and self._denial(doc, sent, trig, sent_cues)
                    modality = self._modality(doc, sent, trig, sent_cues, sent_trigs)
                    cue_at = self._speaker_cue
                    trailing = cue_at is not None and not any(t.start > cue_at for t in sent_trigs) \
                        and not self._complement_between(doc, cue_at, sent.end)  # "…, Foreign Minister X said."
                    said = speaker if (cue_at is None or cue_at < trig.start or trailing) else None
                    if modality == "asserted" and self._unnamed_source(sent, trig, sent_cues):
                        modality = "alleged"  # "according to officials": reported, not established
                    claims.append(self._sentence_claim(text, sent, offset, subj, spec.relation, obj, polarity=polarity,
                                                       modality=modality, attributed_to=subj if denied else said))
                    if discourse is not None:
                        discourse.note_subject(subj)
            for g in groups:
                if discourse is not None:
                    for k in g.keys:
                        discourse.touch(k)
        claims = self._threat_objects(doc, claims, trig_spans, offset, cue_hits)
        hedged = {(c.subject, c.relation, c.object, c.polarity, c.start) for c in claims if c.modality != "asserted"}
        seen, unique = set(), []
        for c in claims:
            k = (c.subject, c.relation, c.object, c.polarity, c.modality, c.start)
            if c.modality == "asserted" and k[:4] + (c.start,) in hedged and c.relation != "threatened":
                continue  # "ستقدم … مساعدات": the verb's future covers its noun
            if k not in seen:
                seen.add(k)
                unique.append(c)
        doc._.claims = unique
        return doc

    def _backers(self, spans: list[Mark], sent) -> list[tuple[str, str | None, Mark]]:
        """(backer, backed or None, backer mention) for "Iran-backed Houthis", "the US-backed SDF" and
        "Hezbollah, the Iranian-backed militant group": the body after the compound within a
        few words, else the one an apposition (", the …") describes."""
        T = self._t
        found = []
        for i, m in enumerate(spans):
            k = m.end
            if k + 1 >= sent.end or T.text[k] not in ("-", "‐") or T.norm[k + 1] not in self.backer_suffixes:
                continue
            after = next((n for n in spans[i + 1:] if n.start >= k + 2), None)
            head = None
            if after is not None and after.start - (k + 2) <= 3 and not self._crosses_boundary(None, k + 2, after.start) \
                    and not any(j in self._trig_tokens for j in range(k + 2, after.start)):
                head = after.kb_id_  # ("Iran-backed militias attacked US bases": a verb between, no head)
            else:
                j = m.start - 1
                while j > sent.start and T.norm[j] in self.determiners:
                    j -= 1
                if j < m.start - 1 and T.text[j] in (",", "،"):
                    before = next((n for n in reversed(spans[:i]) if n.end in (j, j - 1)), None)
                    if before is not None and (before.end == j or T.text[j - 1] == ")"):
                        head = before.kb_id_
            if head != m.kb_id_:  # no head: "Iran-backed militias" still only modifies its noun
                found.append((m.kb_id_, head, m))
        return found

    @staticmethod
    def _sentence_claim(text: str, sent, offset: int, subject: str, relation: str, obj: str, **cues) -> Claim:
        """A claim whose evidence is its sentence, trimmed, with offsets into the page."""
        sent_text = text[sent.start_char:sent.end_char]
        return Claim(subject, relation, obj, **cues, evidence=sent_text.strip(),
                     start=sent.start_char + offset + (len(sent_text) - len(sent_text.lstrip())),
                     end=sent.end_char + offset - (len(sent_text) - len(sent_text.rstrip())))

    # ------------------------------------------------------------------ arguments
    def _crosses_boundary(self, doc, start: int, end: int, punctuation: bool = True) -> bool:
        """A clause boundary between the positions; with ``punctuation=False`` only a word that
        opens another clause ("which", "when", "الذي"), not a comma."""
        norm, text, boundaries, punct = self._t.norm, self._t.text, self.boundaries, self._PUNCT
        return any((norm[k] in boundaries or text[k] in boundaries) and (punctuation or text[k] not in punct)
                   for k in self._t.between(start, end))

    def _arguments(self, doc, sent, trig, spec: Trigger, groups: list[Group], discourse, sent_trigs):
        self._last_subject = []
        self._sent_trigs = sent_trigs
        T = self._t
        preps = spec.obj_preps
        other_trigs = [t for t in sent_trigs if t.start >= trig.end and t.label_ != trig.label_
                       and not (spec.object_adjacent and t.start - trig.end <= 1)
                       and T.norm[t.start] not in spec.instruments]  # "تبادلت إسرائيل القصف مع …": its own weapon
        reach = trig.end + self.window
        if self.verb_first:  # "وصل رئيس المكتب السياسي لحركة حماس إسماعيل هنية … إلى القاهرة": a long
            first = next((g for g in groups if trig.end <= g.start <= trig.end + 1), None)  # subject does not use up the window
            if first is not None:
                reach += first.end - first.start
        limit = min([t.start for t in other_trigs] + [reach])
        before = [g for g in groups if g.end <= trig.start]
        after = [g for g in groups if trig.end <= g.start < limit]
        subject: Group | None = None
        obj: Group | None = None
        strong_subject = False
        between_pairs = self._between_pairs(doc, spec, after)
        is_noun = match_key(trig.text) in spec.nouns and self._nominal_reading(doc, trig, spec)
        if is_noun or self._passive(doc, trig):
            return self._noun_arguments(doc, trig, spec, before, after, discourse, passive=not is_noun)
        if self.adjective_after and after and after[0].start == trig.end and after[0].label == "demonym" \
                and T.norm[trig.start].startswith(self.definite) and not T.proclitic(after[0].start):
            # "الهجوم الروسي على أوكرانيا": a definite trigger is a noun, and the nisba right
            # after it is its agent; the object needs the trigger's preposition
            agent = after[0]
            obj = next((g for g in after[1:] if self._marker(doc, g, self.all_preps) in preps), None)
            self._last_subject = agent.keys
            return self._combine(spec, agent, obj, between_pairs)
        if not self.verb_first:  # "Turkey, a NATO member, criticized …": the described actor
            subject = self._apposition_head(trig, before)
        # subject right before the trigger (SVO; headlines in any language)
        if subject is None and before:
            g = before[-1]
            gap = [k for k in T.words(g.end, trig.start) if T.norm[k] not in self.particles]
            accusation_before = any(t.label_ == "accused" and 0 <= g.start - t.end <= 1 for t in sent_trigs)
            between_trigs = any(g.end <= t.start < trig.start and not self._control(doc, t) for t in sent_trigs)
            condemned = self._condemned_event(doc, trig, g, sent_trigs)
            shared = self._shared_subject(g, trig)
            if shared is not None:
                subject = shared
            elif len(gap) <= self.subject_gap and not between_trigs and not condemned \
                    and not self._crosses_boundary(doc, g.end, trig.start) \
                    and (self._marker(doc, g, self.all_preps) is None or accusation_before):
                subject = g
            elif self._modal_subject(doc, g, trig):
                subject = g
                strong_subject = True
        if subject is None and not self.verb_first:
            if before:
                g = before[-1]
                gap = T.words(g.end, trig.start)
                if len(gap) <= 6 and all(self._filler(k) or self._in_control(doc, k, sent_trigs) for k in gap) \
                        and self._marker(doc, g, self.all_preps) is None \
                        and not any(g.end <= t.start < trig.start and not self._control(doc, t) for t in sent_trigs):
                    subject = g
            if subject is None:
                subject = self._pronoun_subject(doc, trig, discourse)
        # verb-first: the bare actor right after the trigger (gap 0) is its subject, unless an
        # actor stands right before it too ("الكرملين يشيد ب…")
        if self.verb_first and after and after[0].start - trig.end <= 1 and self._marker(doc, after[0], self.all_preps) is None:
            subject_gap = [k for k in T.between(subject.end, trig.start) if T.norm[k] not in self.particles] if subject else []
            if subject is None or (not strong_subject and (subject_gap or T.proclitic(trig.start).startswith("و"))):
                subject = after[0]
            elif not strong_subject and not T.proclitic(after[0].start) \
                    and any(self._marker(doc, g, self.all_preps) in preps for g in after[1:]):
                # "أشاد خامنئي بهجوم حماس على إسرائيل", "إمداد دول حلف الناتو لأوكرانيا": the
                # actor right after the trigger is its agent when the object follows with the
                # trigger's preposition
                subject = after[0]
        for g in after:
            if g is subject:
                continue
            if self._victim(g):
                continue  # "condemned the killing of X": X is no argument of the verb
            marker = self._marker(doc, g, self.all_preps)
            if marker is not None and marker in preps:
                if obj is None and (not spec.object_adjacent or g.start - trig.end <= 2):
                    obj = g
                continue
            if marker is not None and spec.agent_preps and marker in spec.agent_preps and subject is None:
                subject = g
                continue
            if obj is None and marker is not None and marker in self.owner_preps and not spec.require_object_prep \
                    and self._owned_object(trig, subject, g):
                obj = g  # "قصفت إسرائيل مواقع لحركة حماس": the owner of what was hit is the target
                continue
            if marker is not None:
                continue
            if subject is None and self.verb_first and g.start - trig.end <= 3:
                subject = g
                continue
            if obj is None and not spec.require_object_prep:
                near = g.start - trig.end <= 3 or (subject is not None and subject.start > trig.start and g.start - subject.end <= 2)
                # "اتفقت إسرائيل وحماس على هدنة … بوساطة قطرية": a pair that agrees is the
                # relation; an actor far after it is no party unless marked ("مع")
                paired = spec.symmetric and subject is not None and len(subject.keys) >= 2
                # "تهديداته بإغلاق خط الأنابيب البيلاروسي", "هاجمها": a trigger carrying a pronoun
                # (possessor or object) takes no bare object further on
                suffixed = bool(T.enclitic(trig.end - 1))
                if (near or not (spec.object_adjacent or paired)) and not suffixed \
                        and not self._crosses_boundary(None, trig.end, g.start, punctuation=False) and not self._source_between(trig.end, g.start) \
                        and (self.verb_first or not self._crosses_boundary(doc, trig.end, g.start)):
                    obj = g  # not across "which", "when", "الذي": "China, which brokered the pact when President Xi …"
        if obj is None and spec.event_object:
            obj = self._event_agent(doc, trig, groups, sent_trigs, subject)
        if obj is None:
            obj = self._pronoun_object(doc, trig, limit, preps, subject, discourse)
        if obj is None and spec.locative_object:
            obj = next((g for g in after if g is not subject and self._located_target(g, spec)
                        and not (subject is not None and set(g.keys) & set(subject.keys))), None)
        # type-driven repair: a visit goes to a place, the visitor is a person or a body
        if spec.object_types and subject is not None and obj is not None:
            if subject.types(discourse) <= set(spec.object_types) and "Person" in obj.types(discourse):
                subject, obj = obj, subject
        if spec.object_types and obj is not None and not (obj.types(discourse) & set(spec.object_types)):
            obj = None
        if spec.symmetric and subject is None and obj is not None and len(obj.keys) >= 2:
            subject, obj = obj, None  # "تفاهمات بوتين-كيم": the pair met
        if subject is None and obj is not None and not self._is_argument(doc, trig):
            subject = self._fallback_subject(doc, trig, spec, before, obj, discourse)
        if subject is None and obj is not None:
            subject = self._purpose_subject(doc, trig, obj)
        self._last_subject = subject.keys if subject is not None and subject.start >= 0 else []
        return self._combine(spec, subject, obj, between_pairs)

    def _shared_subject(self, g, trig) -> Group | None:
        """"Iran's minister visited Damascus and met Assad": in a subject-first language, an
        actor that is the object of the verb before, joined to this verb by "and" alone, is
        not its subject; the verbs share theirs."""
        if self.verb_first or self._prev is None:
            return None
        prev, _spec, keys = self._prev
        words = self._t.words(g.end, trig.start)
        if not keys or set(keys) & set(g.keys) or not (prev.end <= g.start) or not words \
                or not all(self._t.norm[k] in self.coord for k in words):
            return None
        return Group(list(keys), -1, -1, None)

    def _purpose_subject(self, doc, trig, obj) -> Group | None:
        """"will travel to Moscow for talks with Lavrov", "وصل … إلى القاهرة لبحث … مع": an
        event noun governed by a preposition right after a trip is what the trip is for; the
        traveller is its subject."""
        if self._prev is None or not self._is_argument(doc, trig):
            return None
        prev, prev_spec, keys = self._prev
        if not prev_spec.purpose_subject or not keys or set(keys) & set(obj.keys) \
                or len(self._t.words(prev.end, trig.start)) > 8 or self._crosses_boundary(None, prev.end, trig.start, punctuation=False):
            return None
        return Group(list(keys), -1, -1, None)

    def _source_between(self, start: int, end: int) -> bool:
        """"… in Syria, according to the Syrian news agency SANA": whoever follows "according
        to" or a speech verb is the source, not the object."""
        return any(c in ("according_to", "speech") and start <= s < end for c, s, _ in self._sent_cues)

    def _condemned_event(self, doc, trig, g, sent_trigs) -> bool:
        """"نددت الصين بصفقة الأسلحة الأمريكية", "أدانت مصر الهجوم على …", "أدانت قطر زيارة
        بن غفير": the trigger is an event noun (governed by a preposition, definite, or
        right after the verb's subject, where its object stands) that is the object of a
        verb like condemning whose subject is ``g``: ``g`` is the condemner, not the event's agent."""
        T = self._t
        object_slot = len(T.words(g.end, trig.start)) <= 1 and not T.proclitic(trig.start)  # "أدانت قطر زيارة …"
        if not (self._is_argument(doc, trig) or T.norm[trig.start].startswith(self.definite) or object_slot):
            return False
        refusals = {s for c, s, _ in self._sent_cues if c == "negation"}  # "رفضت البرازيل إدانة …": one subject
        return any(self.triggers[t.label_].event_object and t.end <= g.start and len(T.words(t.end, g.start)) <= 1
                   and t.start not in refusals for t in sent_trigs if t.end <= trig.start)

    def _event_agent(self, doc, trig, groups, sent_trigs, subject) -> Group | None:
        """"أدانت تركيا بشدة الغارات الإسرائيلية", "أشاد خامنئي بهجوم حماس على إسرائيل": the
        object of a verb is an event noun whose agent is what the verb targets: the nisba
        right after a definite event noun, or the actor right after the noun when the
        event's own object follows with its preposition."""
        T = self._t
        nxt = next((t for t in sent_trigs if t.start >= trig.end), None)
        if nxt is None:
            return None
        # the words between, the verb's own subject not counted ("انتقد الأمين العام للأمم
        # المتحدة أنطونيو غوتيريش القصف الإسرائيلي")
        start = subject.end if subject is not None and trig.end <= subject.start < subject.end <= nxt.start else trig.end
        if len(T.words(start, nxt.start)) > 4 or self._crosses_boundary(doc, trig.end, nxt.start):
            return None
        agent = next((g for g in groups if g.start == nxt.end and g is not subject and not T.proclitic(g.start)), None)
        if agent is None:
            return None
        if agent.label == "demonym":
            return agent if T.norm[nxt.start].startswith(self.definite) else None
        preps = self.triggers[nxt.label_].obj_preps
        marked = any(g.start >= agent.end and g.start - agent.end <= 3 and self._marker(doc, g, self.all_preps) in preps
                     for g in groups)
        return agent if marked else None

    def _victim(self, g) -> bool:
        """Whether ``g`` names the victim of an event noun right before it ("the killing of
        X", "اغتيال X"); the victim is not the object of the verb that governs the noun."""
        at = self._victim_at
        i = bisect.bisect_left(at, g.start - 6)
        if i == len(at) or at[i] >= g.start:
            return False  # no event noun in reach: the common case, decided by bisect
        T = self._t
        words = T.words(max(0, g.start - 6), g.start)[-3:]  # "the killing of two Israeli soldiers"
        while words and (T.norm[words[0]] in self.boundaries or self._in_mention(words[0])):
            words = words[1:]
        if any(T.norm[k] in self.boundaries or self._in_mention(k) for k in words):
            return False
        norms = [T.norm[k] for k in words]
        return any(n in self.victim_nouns for n in norms) or \
            any(" ".join(norms[i:i + 2]) in self.victim_nouns for i in range(len(norms) - 1))

    def _located_target(self, g, spec: Trigger) -> bool:
        """Whether ``g`` is the place an object phrase is in ("targets in Syria"); for
        some relations only a single place is ("companies in China, Russia and Turkey" are
        third parties of a sanction, not its target)."""
        return self._marker(None, g, self.locative) is not None and not (spec.locative_single and len(g.keys) > 1)

    def _owned_object(self, trig, subject, g) -> bool:
        """Whether the words between the verb (or its subject after it) and ``g`` are one
        bare noun, maybe with an adjective: the verb's object, owned by ``g``."""
        T = self._t
        start = subject.end if subject is not None and subject.start >= trig.end else trig.end
        words = T.words(start, g.start)
        if words and T.norm[words[-1]] in self.owner_preps:
            words = words[:-1]  # the marker as a token of its own
        return 1 <= len(words) <= 2 and all(
            T.alpha[k] and T.norm[k] not in self.all_preps and T.norm[k] not in self.boundaries
            and not T.proclitic(k) and not self._in_mention(k) for k in words)

    def _apposition_head(self, trig, before: list[Group]) -> Group | None:
        """The actor an apposition right before the trigger describes: "X, a … , has accused",
        "X, the … group, fired": the comma-closed phrase opens with a determiner."""
        T = self._t
        j = trig.start - 1
        while j >= 0 and (T.space[j] or T.norm[j] in self.particles):
            j -= 1
        if j < 2 or T.text[j] not in (",", "،"):
            return None
        for c in range(j - 1, max(j - 20, 0), -1):
            if T.text[c] in (".", ";", ":", "!", "?"):
                return None
            if T.text[c] in (",", "،"):
                if T.norm[c + 1] not in self.determiners:
                    return None
                return next((g for g in reversed(before) if g.end == c), None)
        return None

    def _between_pairs(self, doc, spec: Trigger, after: list[Group]) -> list[tuple[str, str]]:
        """"talks between X and Y", "the participation of X, Y and Z": every pair."""
        if not spec.symmetric:
            return []
        for g in after:
            j = g.start - 1
            norm = self._t.norm
            while j >= 0 and norm[j] in self.determiners:
                j -= 1
            if j >= 0 and (norm[j] in self.between or norm[j] == "of") and len(g.keys) >= 2:
                return self._pairs(g.keys)
        return []

    def _combine(self, spec: Trigger, subject, obj, between_pairs) -> list[tuple[str, str]]:
        """Subject × object, and for symmetric relations the pairs of a coordinated subject
        (mediators cooperate with each other) and of a "between" group; object × subject for
        a converse trigger ("India bought missiles from Russia": Russia supplied India)."""
        if spec.converse:
            return [(o, s) for s in subject.keys for o in obj.keys if s != o] if subject is not None and obj is not None else []
        if spec.mutual:  # symmetric pairing, then each direction: "India and Pakistan exchanged fire"
            pairs = self._combine(replace(spec, mutual=False), subject, obj, between_pairs)
            return list(dict.fromkeys(pairs + [(o, s) for s, o in pairs]))
        pairs = list(between_pairs)
        if spec.symmetric and subject is not None and len(subject.keys) >= 2 and (obj is None or between_pairs):
            pairs += self._pairs(subject.keys)
        if subject is not None and obj is not None and not between_pairs:
            pairs += [(s, o) for s in subject.keys for o in obj.keys if s != o]
        return pairs

    def _modal_subject(self, doc, g, trig) -> bool:
        """"يمكن لروسيا أن تمنح …": modal, the actor marked with لـ, complementizer, verb."""
        if not self.modals or g.start == 0:
            return False
        T = self._t
        gap = T.words(g.end, trig.start)
        return (len(gap) == 1 and T.norm[gap[0]] == self.modal_comp and T.proclitic(g.start).endswith("ل")
                and T.norm[g.start - 1] in self.modals)

    def _nominal_reading(self, doc, trig, spec: Trigger) -> bool:
        """"supplies" is a noun in "U.S. supplies of missiles to Kyiv" and a verb in "China
        supplies Serbia": a determiner or possessive before, or "of"/"between"/an object
        preposition after, make the noun reading."""
        if match_key(trig.text) not in spec.forms - spec.nouns and " " in trig.text:
            return True
        T = self._t
        prev = trig.start - 1 if trig.start > 0 else None
        nxt = trig.end if trig.end < len(T) else None
        if prev is not None and (T.norm[prev] in self.determiners or T.text[prev] in self.possessive):
            return True
        if nxt is not None and (T.norm[nxt] in self.between or T.norm[nxt] == "of" or T.norm[nxt] in spec.obj_preps):
            return True
        if prev is not None and (T.norm[prev] in self.modal_verbs or T.norm[prev] == "to"):
            return False
        return prev is None or not (T.alpha[prev] and (T.text[prev][:1].isupper() or T.norm[prev] in self.pronouns))

    def _threat_objects(self, doc, claims, trig_spans, offset, cues) -> list[Claim]:
        """"X threatened to impose sanctions on Y": X also threatened Y; the threat holds
        whatever the act threatened ("threatened to cut gas supplies to Europe"), unless the
        threatening itself is negated ("did not threaten")."""
        out = list(claims)
        for t in trig_spans:
            if t.label_ != "threatened":
                continue
            if not self._control(doc, t) and not any(u is not t and 0 <= u.start - t.end <= 6 for u in trig_spans):
                continue
            sent = self._sent_at(t.start)
            in_sent = [c for c in claims if sent.start_char + offset <= c.start < sent.end_char + offset]
            warned = {c.object for c in in_sent if c.relation == "threatened"}
            polarity = "negative" if any(c == "negation" and 0 <= t.start - e <= 3 for c, _, e in cues) else "positive"
            for c in in_sent:  # "حذرت روسيا فرنسا من إرسال قوات": the warned party's act threatens no one
                if c.relation != "threatened" and c.modality == "possible" and c.subject not in warned:
                    out.append(Claim(c.subject, "threatened", c.object, polarity=polarity, modality="asserted",
                                     attributed_to=c.attributed_to, evidence=c.evidence, start=c.start, end=c.end))
        return out

    def _armed(self, trig, sent, spec: Trigger) -> bool:
        """Whether a trigger form that attacks only with a weapon ("launched", "أطلقت") has
        one in the words after it ("launched ballistic missiles at", "أطلقت إيران صواريخ على")."""
        if not spec.instrument_forms:
            return True
        norm = self._t.norm
        if " ".join(norm[k] for k in range(trig.start, trig.end)) not in spec.instrument_forms:
            return True
        return any(norm[k] in spec.instruments for k in self._t.words(trig.end, min(sent.end, trig.end + self.instrument_window)))

    def _control(self, doc, trig) -> bool:
        """"threatened to impose", "plans to attack", "هددت بفرض", "was accused of
        attacking": a trigger that takes a following verb lends its subject to it."""
        if trig.end >= len(self._t):
            return False
        after = self._t.norm[trig.end]
        # "Iran was accused of supplying drones": the passive's subject is the next verb's
        return after in self.control_markers or (after in self.passive_control and self._passive(doc, trig))

    def _in_control(self, doc, i: int, sent_trigs) -> bool:
        return any(t.start <= i < t.end + 1 and self._control(doc, t) for t in sent_trigs)

    def _filler(self, i: int) -> bool:
        """Words that may stand between a subject and its trigger: light verbs, adverbs,
        adjectives, days ("Turkey on Friday launched new strikes")."""
        T = self._t
        norm = T.norm[i]
        return (norm in self.light_verbs or (T.lower[i] and T.alpha[i]) or norm in self.name_stop
                or T.num[i] or T.text[i] in {"-", "–", "$", "€", "£", "¥"}) and norm not in self.boundaries

    def _pronoun_subject(self, doc, trig, discourse) -> Group | None:
        """"it plans a ground operation", "he said": a pronoun subject is the most recent
        claim subject of the right kind."""
        if discourse is None or not (self.personal or self.group_pronouns):
            return None
        j = trig.start - 1
        norm = self._t.norm
        while j >= 0 and j > trig.start - 6 and self._filler(j) and norm[j] not in self.pronouns:
            j -= 1
        if j < 0 or norm[j] not in self.pronouns:
            return None
        types = ("Person",) if norm[j] in self.personal else ("Country", "Organization")
        sent = self._sent_at(j)
        for span in sorted(self._spans, key=lambda s: -s.start):
            if sent.start <= span.start and span.end <= j and discourse.actors.get(span.kb_id_) is not None \
                    and discourse.actors[span.kb_id_].type in types:
                return Group([span.kb_id_], j, j + 1, "pronoun")
        for key in reversed(discourse.recent_subjects):
            actor = discourse.actors.get(key)
            if actor is not None and actor.type in types:
                return Group([key], j, j + 1, "pronoun")
        return None

    def _passive(self, doc, trig) -> bool:
        """"was sanctioned by X": an auxiliary before and an agent after."""
        if not self.passive_aux or trig.start == 0:
            return False
        if self._t.norm[trig.start].endswith(self.progressive):  # "was targeting": progressive, not passive
            return False
        return any(self._t.norm[k] in self.passive_aux for k in range(max(0, trig.start - 2), trig.start))

    def _noun_arguments(self, doc, trig, spec: Trigger, before, after, discourse, *, passive: bool):
        """Nominal and passive triggers: "Zelenskiy's visit to Washington", "U.S. supplies of
        missiles to Ukraine", "talks between X and Y", "was sanctioned by the Treasury"."""
        subject = obj = None
        between_pairs = self._between_pairs(doc, spec, after)
        for g in after:
            marker = self._marker(doc, g, self.all_preps)
            if marker in self.agents and subject is None:
                subject = g
            elif marker is not None and marker in spec.obj_preps and obj is None and not passive:
                obj = g
        if passive and before:
            g = before[-1]
            if trig.start - g.end <= 3 and self._marker(doc, g, self.all_preps) is None:
                obj = g
        if obj is None and spec.locative_object and not passive:
            # "sanctions on entities in Belarus", "غارات على أهداف في سوريا": the place of the
            # object phrase stands for the target
            obj = next((g for g in after if g is not subject and self._located_target(g, spec)
                        and any(self._t.norm[k] in spec.obj_preps or self._t.proclitic(k) in spec.obj_preps
                                for k in self._t.words(trig.end, g.start))), None)
        if subject is None and before and not passive:
            g = before[-1]
            gap = self._t.words(g.end, trig.start)
            possessive = bool(gap) and self._t.text[gap[0]] in self.possessive
            light = all(self._filler(t) for t in gap)
            between_trigs = any(g.end <= t.start < trig.start and not self._control(doc, t) and t.start not in self._unarmed
                                for t in self._sent_trigs)
            if self._marker(doc, g, self.all_preps) is None and not self._crosses_boundary(doc, g.end, trig.start) \
                    and not between_trigs and (possessive and len(gap) <= 3 or len(gap) <= 1 or (light and len(gap) <= 6)):
                subject = g
        if subject is None and not passive:
            subject = self._pronoun_subject(doc, trig, discourse)
        if spec.object_types and obj is not None and not (obj.types(discourse) & set(spec.object_types)):
            obj = None
        if subject is None and obj is not None:
            subject = self._purpose_subject(doc, trig, obj)
        self._last_subject = subject.keys if subject is not None and subject.start >= 0 else []
        return self._combine(spec, subject, obj, between_pairs)

    def _pronoun_object(self, doc, trig, limit, preps, subject, discourse) -> Group | None:
        """"فرضت … عقوبات عليها": a pronoun on an object preposition is the most recent
        claim subject of the right kind that is not this claim's subject."""
        if discourse is None or not self.hosts:
            return None
        exclude = set(subject.keys) if subject else set()
        T = self._t
        norm, clitics = T.norm, T.clitics
        first_person_ends = self.first_person
        for i in range(trig.end, min(limit, len(T))):
            enclitic = clitics[i][1] if i in clitics else ""
            first_person = enclitic in first_person_ends or any(
                norm[i].endswith(e) and len(norm[i]) >= len(e) + 3 for e in first_person_ends)
            if first_person and self._speaker_now and self._speaker_now not in exclude:
                if (i > 0 and norm[i - 1] in preps) or T.proclitic(i).lstrip("وف") in preps:
                    return Group([self._speaker_now], i, i + 1, "pronoun")
            if not enclitic or norm[i] not in self.hosts or norm[i] not in preps:
                continue
            sent = self._sent_at(i)
            if any(clitics[k][1] and norm[k] in self.subject_hosts for k in range(sent.start, i) if k in clitics):
                exclude |= self._sentence_subjects  # "… فإنها لم … المفروضة عليها": not the same actor
            types = ("Country", "Organization") if enclitic in self.fem else ("Person",) if enclitic in self.masc else ()
            if not types:
                continue
            for key in reversed(discourse.recent_subjects):
                actor = discourse.actors.get(key)
                if key not in exclude and actor is not None and actor.type in types:
                    return Group([key], i, i + 1, "pronoun")
        return None

    def _is_argument(self, doc, trig) -> bool:
        """A trigger noun governed by a preposition ("دعم … للعقوبات") is an argument of
        another predicate, not a predicate of its own: it gets no borrowed subject."""
        procl = self._t.proclitic(trig.start)
        if procl and procl.lstrip("وف") in self.all_preps:
            return True
        return trig.start > 0 and self._t.norm[trig.start - 1] in self.all_preps

    def _fallback_subject(self, doc, trig, spec, before, obj, discourse) -> Group | None:
        """A subjectless nominal trigger ("تعزيز التعاون مع X") belongs to the nearest bare
        actor before it in the sentence; cooperation and meetings with no actor in sight
        belong to what the page is about."""
        for g in reversed(before):
            if trig.start - g.end <= 20 and self._marker(doc, g, self.all_preps) is None and not set(g.keys) & set(obj.keys):
                return None if self._condemned_event(doc, trig, g, self._sent_trigs) else g
        if discourse is None or not spec.symmetric:
            return None
        topic = discourse.topic(types=("Country", "Organization"), exclude=set(obj.keys))
        return Group([topic], -1, -1, None) if topic else None

    @staticmethod
    def _pairs(keys: list[str]):
        return [(a, b) for i, a in enumerate(keys) for b in keys[i + 1:] if a != b]

    # ------------------------------------------------------------------ cues
    def _polarity(self, doc, sent, trig, cues) -> str:
        """Negative when a negation cue stands right before the trigger, with at most light
        verbs or articles, a verb carrying the trigger noun or the clause's subject between
        ("عدم عقد اجتماع", "did not meet", "لن يفرض عقوبات", "نفت إيران تزويد"), or when a
        reversal ("lifted", "رفع") does, unless that reversal is negated itself."""
        if not any(c == "negation" or c == "reversal" or c == "cancelled" for c, _, _ in cues):
            return "positive"
        T = self._t
        nominal = match_key(trig.text) in self.triggers[trig.label_].nouns  # "no military cooperation"
        for cue, s, e in cues:  # "the meeting between X and Y did not take place", "… was called off"
            if cue == "cancelled" and trig.end <= s and len(T.words(trig.end, s)) <= 8 \
                    and not self._crosses_boundary(None, trig.end, s, punctuation=False) and not any(trig.end <= t.start < s for t in self._sent_trigs):
                return "negative"
        for cue, s, e in cues:  # "lifted sanctions on Syria": the state ends, unless the lifting is negated
            if cue != "reversal" or e > trig.start or s < sent.start:
                continue
            gap = T.words(e, trig.start)  # light words, the subject of a verb-first clause, a noun's modifiers ("cut gas supplies")
            if len(gap) <= 5 and all(T.norm[k] in self.light_verbs or self._in_mention(k) or
                                     (nominal and self._plain_word(k)) for k in gap) \
                    and sum(not self._in_mention(k) for k in gap) <= 2:
                negated = any(c == "negation" and c_e <= s and len(T.words(c_e, s)) <= 4
                              and not self._crosses_boundary(doc, c_e, s) for c, c_s, c_e in cues)
                return "positive" if negated else "negative"  # "لم تسع إلى رفع العقوبات": they stay
        carriers = {k for t in self._sent_trigs if t.label_ == trig.label_ and t.end <= trig.start
                    for k in range(t.start, t.end)}  # "لن يفرض عقوبات": the verb carries its noun
        for cue, s, e in cues:
            if cue != "negation" or e > trig.start or s < sent.start:
                continue
            between = self._t.words(e, trig.start)
            carried = [k for k in between if self._t.norm[k] in self.light_verbs or k in carriers
                       or (nominal and self._plain_word(k))]
            if len(between) <= 2 and len(carried) == len(between):
                return "negative"
            if between and len(between) <= 5 and all(k in carried or self._in_mention(k) for k in between):
                return "negative"  # the subject after the verb: "لم ترسل فرنسا مساعدات", "نفت إيران تزويد"
            if any(c == "denial" and c_s == s for c, c_s, _ in cues) and self._complement_between(doc, e, trig.start):
                return "negative"  # "نفى … أن تكون بلاده زودت …", "denied that X supplied …"
        return "positive"

    def _plain_word(self, k: int) -> bool:
        """A lower-case word that is no preposition: what may stand between a cue and the
        noun it bears on ("no military cooperation", "cut gas supplies")."""
        T = self._t
        return T.lower[k] and T.alpha[k] and T.norm[k] not in self.all_preps

    def _in_mention(self, i: int) -> bool:
        """Whether token i is part of an actor mention (nested mentions included)."""
        return i in self._covered

    def _unnamed_source(self, sent, trig, cues) -> bool:
        """An unnamed source right after "according to"/a speech verb, or as its subject."""
        heads = [(s, e) for c, s, e in cues if c in ("according_to", "speech")]
        return any(c == "unnamed_sources" and any(abs(s - he) <= 2 or abs(hs - e) <= 2 for hs, he in heads)
                   for c, s, e in cues)

    def _denial(self, doc, sent, trig, cues) -> bool:
        """"X denied supplying Y": the negated claim is X's own statement."""
        return any(cue == "denial" and sent.start <= s and e <= trig.start and
                   (trig.start - e <= 3 or self._complement_between(doc, e, trig.start)) for cue, s, e in cues)

    def _complement_between(self, doc, start: int, end: int) -> bool:
        norm = self._t.norm
        return any(norm[k] in self.complementizers for k in self._t.between(start, end))

    def _modality(self, doc, sent, trig, cues, sent_trigs) -> str:
        lo = max(sent.start, trig.start - self.modality_window)
        if any(cue == "possible" and lo <= s and e <= trig.start + 1 for cue, s, e in cues):
            return "possible"
        procl = self._t.proclitic(trig.start)
        if procl and procl[-1:] in self.future:
            return "possible"
        if any(cue == "future_time" and abs(s - trig.start) <= 12 and not self._crosses_boundary(None, min(e, trig.end), max(s, trig.start), punctuation=False)
               for cue, s, e in cues):  # across the commas of an apposition: "يصل أمير قطر الشيخ تميم بن حمد، إلى القاهرة غدا"
            return "possible"  # "يصل … إلى القاهرة غدا", "will visit … next week"
        if any(cue == "alleged" and sent.start <= s < trig.start for cue, s, e in cues):
            return "alleged"
        if any(t.label_ == "threatened" and t is not trig and 0 <= trig.start - t.end <= 6 for t in sent_trigs):
            return "possible"  # "هددت … بفرض عقوبات", "threatened to impose sanctions"
        if any(t.label_ == "accused" and t.start < trig.start and len(self._t.words(t.end, trig.start)) <= 10 for t in sent_trigs):
            return "alleged"  # "accused X of supplying …", not a clause far after it
        return "asserted"

    def _speaker(self, doc, sent, groups, cues, discourse) -> str | None:
        """Whom the sentence is attributed to: the actor of a speech verb or of "according
        to"; a sentence opening with a continuation verb ("ويضيف") keeps the last speaker."""
        self._speaker_cue = None  # token where the attribution is said ("قال", "according to")
        if discourse is None:  # a doc made by nlp() alone, outside an article
            return None
        speaker = None
        for cue, s, e in sorted(cues, key=lambda c: c[1]):
            if cue in ("speech", "according_to"):
                nxt = [g for g in groups if 0 <= g.start - e <= 3 and not self._crosses_boundary(doc, e, g.start)
                       and not any(self._t.norm[k] in self.boundaries for k in range(e, g.start))]
                prv = [g for g in groups if 0 <= s - g.end <= 2 and not self._crosses_boundary(doc, g.end, s)]
                inverted = s > 0 and self._t.text[s - 1] in {",", "”", '"', "’", "'", "«", "»"}
                if not self.verb_first and not inverted and cue == "speech":
                    nxt = []  # "Officials said Iran …": what follows "said" is the content, not the speaker
                ordered = nxt + prv if self.verb_first else prv + nxt
                for g in ordered:
                    if g.types(discourse) & {"Person", "Organization", "Country"}:
                        speaker = g.keys[0]
                        break
                if speaker is None and cue == "speech" and (s - sent.start <= 2 or sent.end - e <= 4):
                    speaker = discourse.speaker
            elif cue == "continuation" and s - sent.start <= 2:
                speaker = speaker or discourse.speaker
            if speaker:
                self._speaker_cue = s if cue != "continuation" else None
                break
        discourse.speaker = speaker
        return speaker
