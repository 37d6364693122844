"""Persons by title and name: "وزير الدفاع الروسي سيرغي شويغو", "أندريه رودنكو نائب وزير
الخارجية", "Kremlin spokesman Dmitry Peskov", "Wang Yi, China's top diplomat".

Found persons get a role from their title (Leader, Official, Analyst) and an affiliation
from the country, demonym or body the title names. Titles, first names, qualifiers and stop
words come from the language data file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import NamedTuple

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.model import ROLES, Actor
from kg.nlp.components import ActorSpan, Normalizer, actor_spans, doc_text, set_actor_spans
from kg.nlp.discourse import Discourse
from kg.nlp.extensions import doc_value
from kg.nlp.focus import focus_state
from kg.nlp.lexicon import get_lexicon
from kg.nlp.normalize import match_key
from kg.nlp.tokens import QUOTE_MARKS, longest_first, positions, quoted_tokens, sentence_bounds, token_table
from kg.nlp.romanize import person_key, skeleton

@dataclass
class TitledPerson:
    person: str  # actor key
    role: str
    affiliation: str | None
    start: int  # token span of the whole "title … name" phrase
    end: int
    has_name: bool


class Title(NamedTuple):
    """A matched title, read many times: a record (a Span makes Tokens on every read). ``stems``: its words' keys."""
    start: int
    end: int
    text: str
    stems: str


TATWEEL = "\u0640"


@Language.factory("geokg_persons", default_config={"max_name_tokens": 6, "max_title_gap": 6})
def make_person_finder(nlp: Language, name: str, max_name_tokens: int, max_title_gap: int):
    return PersonFinder(nlp, max_name_tokens=max_name_tokens, max_title_gap=max_title_gap)


class PersonFinder:
    def __init__(self, nlp: Language, *, max_name_tokens: int, max_title_gap: int) -> None:
        self.lang = nlp.lang
        self.lex = get_lexicon(nlp.lang)
        data = self.lex.data
        self.max_name = max_name_tokens
        self.max_gap = max_title_gap
        self.titles = data.titles
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM" if nlp.lang != "en" else "ORTH")
        normalizer = Normalizer(nlp)
        raw_titles = [t for role in ROLES for t in data.strings("titles", role)]
        article = data.value("morphology", "definite_article", default="")
        patterns = []
        for t in raw_titles:
            patterns.append(t)
            if data.value("morphology", "generate_definite_titles", default=False) and article and not t.startswith(article):
                patterns.append(article + t)
        if nlp.lang == "en":
            self.matcher.add("TITLE", [nlp.make_doc(p) for p in patterns])
        else:
            self.matcher.add("TITLE", [normalizer(nlp.make_doc(p)) for p in patterns])
        self.qualifiers = data.keys("titles", "qualifiers")
        self.analyst_mods = data.keys("titles", "analyst_modifiers")
        self.stop = data.keys("names", "stop")
        self.particles = data.keys("names", "inner_particles")
        self.inner_names = frozenset(data.strings("names", "inner_names"))  # as written: "علي", not "على"
        self.kunya = data.keys("names", "kunya")
        self.kin_nouns = data.keys("names", "kin_nouns")
        # qualifiers of titles that are also surnames after a name: "الناطق العسكري" / "أحمد العسكري"
        self.nisba_qualifiers = frozenset(q for q in self.qualifiers if self.lang != "en" and q.startswith("ال") and q.endswith("ي"))
        self.first = self.lex.first_names
        self.known_persons = frozenset(k for k, a in self.lex.known.items() if a.type == "Person")
        # the known persons' names of two words or more in this language, by surname: (first name, key)
        self.by_surname: dict[str, set[tuple[str, int, str]]] = {}  # … and its length in words
        for key in self.known_persons:
            for form in self.lex.known[key].forms_for(self.lang):
                words = match_key(form.text).split()
                if len(words) >= 2:
                    self.by_surname.setdefault(words[-1], set()).add((words[0], len(words), key))
        self.not_name = [re.compile(p) for p in data.strings("names", "not_name_patterns")]
        # the written ending, not the key: ة folds to ه there ("الله" is no feminine noun)
        self.definite_endings = tuple(data.strings("names", "not_name_definite_endings")) or ("\0",)
        self.article = match_key(data.value("morphology", "definite_article", default="") or "")
        # ل + ال contracts to لل: the preposition is the article's last letter (as kg/extract/config reads it)
        self.contracted = self.article[-1:] + self.article[1:] \
            if self.article and data.value("morphology", "lam_contraction", default=False) else ""
        # definite words a title steps over: "المسؤول الأمني للكتائب أبو علي العسكري"
        self.definite_heads = tuple(x for x in ("ال", self.contracted) if x)
        self.function_words = set(self.stop)
        for trig in data.triggers.values():
            self.function_words |= {f for f in trig.forms if " " not in f}
            if nlp.lang != "en":  # no capitals tell a name: "اتصالا هاتفيا" after a title is no name either
                self.function_words |= {w for f in trig.forms if " " in f for w in f.split()}
        for cue in ("negation", "possible", "alleged", "speech", "according_to", "continuation", "interviewer"):
            self.function_words |= {k for k in data.keys("cues", cue) if " " not in k}
        for pair in ("dual_countries", "dual_leaders", "dual_officials"):  # "محمود علي يوسف للطرفين": no name of one
            self.function_words |= {k for k in data.keys("coreference", pair) if " " not in k}
        # a verb right after a title opens its clause: "…, Brazil's president said" is no apposition
        self.clause_verbs = {k for k in data.keys("cues", "speech") if " " not in k} | \
            {f for trig in data.triggers.values() for f in trig.forms if " " not in f}
        self.title_words = {w for t in self.titles for w in t.split()}
        self.counterparts = data.keys("titles", "counterpart")
        self.deputies = data.keys("titles", "deputies")  # "deputy chairman": an official, not the leader
        self.plural_titles = data.plural_titles  # "ministers X and Y": each name, never a title alone
        self.affiliated_only = data.keys("titles", "affiliated_only")
        # an office of a state's government, bare or with the article ("الرئيس الانتقالي")
        self.passage_places = data.keys("titles", "passage_places")  # "arrived in Bamako"
        self.government_of = data.keys("titles", "government_of")
        self.state_offices = data.keys("titles", "state_offices") | {
            match_key(article + o) for o in data.strings("titles", "state_offices") if article} \
            if data.value("morphology", "generate_definite_titles", default=False) else data.keys("titles", "state_offices")
        self.affiliation_first = bool(data.value("titles", "affiliation_before_title", default=False))
        self.possessive = frozenset(data.strings("morphology", "possessive"))
        self.diplomatic = data.keys("titles", "diplomatic")  # "Sudan's UN ambassador": the post and whom it serves
        self.posting_preps = data.keys("titles", "posting_prepositions")
        self.body_heads = frozenset(data.strings("organizations", "heads"))  # a known body's organ: "African Union Commission"
        # a body with a possessive pronoun after a title ("وزير خارجيتها"): the stems and pronouns of the
        # data, a feminine stem's ة written ت before the pronoun
        self.possessed_bodies = frozenset(
            match_key((b[:-1] + "ت" if b.endswith("ة") else b) + p)
            for b in data.strings("titles", "possessed_bodies") for p in data.strings("titles", "possessive_pronouns"))
        self.prepositions = data.keys("syntax", "prepositions")
        self.coordinators = data.keys("syntax", "coordinators")

    # --- helpers ---------------------------------------------------------------------
    def _role(self, title_key: str, stems: str = "") -> str:
        """The role a title gives; ``stems`` is the title with clitics stripped ("بالرئيس" is
        read as "الرئيس")."""
        for key in (title_key, stems):
            if key and (key in self.titles or key.split()[0] in self.titles):
                return self.titles.get(key) or self.titles[key.split()[0]]
        return "Official"

    def _name_like(self, token, first: bool) -> bool:
        if token.is_punct or token.is_space or token.like_num:
            return False
        if self.lang == "en":
            text = token.text
            if token.norm_ in {p.lower() for p in self.particles} and not first:
                return True
            return (text[:1].isupper() and text not in self.stop and text.lower() not in self.title_words
                    and match_key(text) not in self.function_words) or bool(re.fullmatch(r"[A-Z]\.", text)) \
                or (not first and bool(re.fullmatch(r"(?:al|el|ad|as|an|ar|at|bin|ben|abu)-[A-Z][\w'’]+", text)))
        norm = token.norm_
        if not first and token_table(token.doc).proclitic(token.i).startswith("و"):
            return False  # "وأندريه": a new name is coordinated
        if not first and ((norm[:1] == "و" and norm[1:] in self.kin_nouns) or norm in self.kin_nouns):
            return False  # "بيترو وزوجته": his wife is coordinated, no part of his name
        if not first and (any(p.search(norm) for p in self.not_name) or
                          (self.article and norm.startswith(self.article) and token.text.endswith(self.definite_endings))):
            return False  # "عاصمي غويتا إنهاء العمل", "باتريك مويايا الحركة": the name has ended
        if norm in self.function_words or norm in self.title_words or norm in self.qualifiers:
            return False
        if first and norm.startswith("ال") and norm not in self.first:
            return False
        if first and self.contracted and norm.startswith(self.contracted):
            return False  # "المسؤول الأمني للكتائب": ل + ال opens no name
        return len(norm) >= 2

    def _scan_name(self, doc: Doc, k: int, actor_at: dict[int, ActorSpan]) -> tuple[int, int, str | None] | None:
        """(start, end, known key) of the name starting at token k, or None."""
        if k >= len(doc):
            return None
        span = actor_at.get(k)
        if span is not None:
            return (span.start, span.end, span.kb_id_) if self._is_person(span.kb_id_) else None
        tok = doc[k]
        if not self._name_like(tok, True):
            return None
        conj = self.lang != "en" and (token_table(doc).proclitic(k).startswith("و") or tok.norm_.startswith("و"))
        if conj and tok.norm_ not in self.first and tok.norm_[1:] not in self.first:
            return None  # "مسؤول إيراني وصحيفة …": a coordinated noun, not a name
        starts_with_first = tok.norm_ in self.first
        end = k + 1
        if tok.norm_ in self.kunya and end < len(doc) and doc[end].is_alpha and end not in actor_at:
            starts_with_first, end = True, end + 1  # "أبو علي", "أبو مازن": the father's name is a name whatever word it is
        while end < len(doc) and end - k < self.max_name:
            if end in actor_at:  # "سوبرامانيام جايشانكار": a first name spelled otherwise before a known person's name
                span = actor_at[end]
                if end == k + 1 and self._is_person(span.kb_id_):
                    # … but another first name is a namesake ("صدام حفتر" is not Khalifa Haftar)
                    return (k, span.end, None if self._namesake(tok.norm_, span.kb_id_) else span.kb_id_)
                break
            nxt = doc[end]
            if nxt.norm_ in self.particles and end + 1 < len(doc):
                end += 1
                continue
            if nxt.text in {"-", "‐"} and end + 1 < len(doc) and (doc[end - 1].norm_ in self.particles or (
                    self.lang == "en" and not doc[end - 1].whitespace_ and not nxt.whitespace_
                    and self._name_like(doc[end + 1], False))):
                end += 1  # "al-Aiban", "Yunus-Bek Yevkurov" (no space around; "بوتين-كيم" is a pair)
                continue
            if nxt.text in QUOTE_MARKS and end > k:
                close = next((j for j in range(end + 2, min(end + 4, len(doc))) if doc[j].text in QUOTE_MARKS), None)
                if close is not None and close + 1 < len(doc) and close + 1 not in actor_at \
                        and all(doc[j].is_alpha for j in range(end + 1, close)) and self._name_like(doc[close + 1], False):
                    end = close + 1  # 'Jimmy "Barbecue" Chérizier': a nickname in quotes inside the name
                    continue
            if nxt.text in self.inner_names and end + 1 < len(doc) and end + 1 not in actor_at \
                    and self._name_like(doc[end + 1], False):
                end += 1  # "محمود علي يوسف"
                continue
            if not self._name_like(nxt, False):
                if nxt.norm_ in self.nisba_qualifiers:
                    end += 1  # "أحمد العسكري": a nisba after a name is its surname, and ends it
                break
            end += 1
        if self.lang == "en":
            if end - k < 2 and not starts_with_first:
                return None
        elif not starts_with_first and end - k < 2:
            return None
        while end - 1 > k and doc[end - 1].norm_ in self.particles:
            end -= 1
        return (k, end, None)

    def _spelled_otherwise(self, doc: Doc, start: int, end: int) -> str | None:
        """The known person whose name this is in another spelling: the same surname, as many
        words, a first name alike letter skeleton for skeleton ("جوزاف عون" / "جوزيف عون"), and
        no other known person of that surname alike."""
        T = token_table(doc)
        words = [T.norm[k] for k in range(start, end) if T.alpha[k]]
        if len(words) < 2:
            return None
        found = {key for first, n, key in self.by_surname.get(words[-1], ()) if n == len(words) and not self._unlike(words[0], first)}
        return found.pop() if len(found) == 1 else None

    @staticmethod
    def _unlike(first: str, other: str) -> bool:
        """Two first names no spelling of one another: under 0.6 alike by letter skeleton."""
        return SequenceMatcher(None, skeleton(first), skeleton(other)).ratio() < 0.6

    def _namesake(self, first: str, key: str) -> bool:
        """Whether ``first`` before a known person's surname is another person's first name:
        unlike, letter skeleton for skeleton, every first name the data gives the person in
        this language (a spelling variant is alike: "سوبرامانيام" / "سوبراهمانيام")."""
        known = self.lex.known.get(key)
        firsts = {match_key(f.text).split()[0] for f in known.forms_for(self.lang) if len(f.text.split()) >= 2} if known else set()
        if not firsts or first in firsts:
            return False
        return all(self._unlike(first, f) for f in firsts)

    @staticmethod
    def name_text(doc: Doc, start: int, end: int) -> str:
        """The name as written, without a conjunction glued to it ("وأندريه رودنكو")."""
        if end <= start:
            return ""
        table = token_table(doc)
        text = doc_text(doc)[table.start_char(start):table.end_char(end)]
        procl = table.proclitic(start)
        if procl and text.startswith(procl):
            text = text[len(procl):]
        return text

    def _is_person(self, key: str) -> bool:
        return key in self.known_persons

    # --- component -------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        discourse = doc_value(doc, "discourse")
        # bodies and groups found by pattern in this article are affiliations as known ones are
        # ("المتحدث باسم خفر السواحل الفلبيني", "the spokesman of the M44 rebels")
        found = discourse.actors if discourse is not None else {}
        actors = actor_spans(doc)
        actor_at = {s.start: s for s in actors}
        covered = {i for s in actors for i in range(s.start, s.end)}
        table, text = token_table(doc), doc_text(doc)  # the longest of overlapping titles, as filter_spans keeps
        titles = matched_titles = [Title(s, e, text[table.start_char(s):table.end_char(e)], " ".join(table.norm[s:e]))
                                   for s, e in longest_first([m[1:] for m in self.matcher(doc)])]
        # "وزيرة الخارجية الألمانية": a body's name that starts inside a title and runs past
        # it ("الخارجية الألمانية") is the title's qualifier, not an actor of its own
        tails = {t.start: s for t in titles for s in (actor_at.get(i) for i in range(t.start + 1, t.end))
                 if s is not None and t.start < s.start < t.end < s.end and not self._is_person(s.kb_id_)}
        titles = [t for t in titles if t.start in tails or not (set(range(t.start, t.end)) & covered)]
        title_at: dict[int, Title] = {}
        for t in titles:
            title_at.setdefault(t.start, t)
        non_persons = {s.end: s for s in actors if s.kb_id_ not in self.known_persons}  # by end, for _actor_before
        records: list[TitledPerson] = []
        new_spans: list[ActorSpan] = []
        consumed: list[ActorSpan] = []
        used_titles: set[int] = set()
        replaced: set[tuple[int, int]] = set()  # known-person spans widened to their title phrase
        names: dict[tuple[int, int], str] = doc.user_data.setdefault("person_names", {})
        for t in titles:
            if t.start in used_titles:
                continue
            role = self._role(match_key(t.text), t.stems)
            if role == "Leader" and t.start > 0 and doc[t.start - 1].norm_ in self.deputies:
                role = "Official"  # "deputy chairman of Russia's Security Council"
            inherit_role = bool({w for w in t.text.split() if match_key(w) in self.counterparts}) or \
                match_key(t.text) in self.counterparts  # "نظيره": the counterpart keeps his own role
            affiliation, aff_spans = None, []
            if self.affiliation_first:
                left = self._actor_before(doc, t.start, non_persons)
                if left is not None:
                    posted = self._posting_state(doc, left, t, non_persons)
                    affiliation = self._affiliation_of((posted or left).kb_id_, found)
                    aff_spans.extend([posted, left] if posted is not None else [left])
            k = t.end
            gap = 0
            name = None
            tail = tails.get(t.start)
            if tail is not None:
                known_tail = self.lex.known.get(tail.kb_id_)
                affiliation = affiliation or (known_tail.affiliation if known_tail is not None else None) \
                    or self._affiliation_of(tail.kb_id_, found)
                aff_spans.append(tail)
                k = tail.end
            # an envoy's or ambassador's posting is no affiliation ("envoy to Syria Tom Barrack")
            posted = bool(self.posting_preps) and any(
                w in self.diplomatic or w[len(self.article):] in self.diplomatic for w in t.stems.split() if w)
            # "Ali Shamkhani, the secretary of Iran's …": the name is before; look ahead only
            # for the body the title belongs to
            apposition = self.lang == "en" and t.start >= 2 and (
                (doc[t.start - 1].lower_ in ("the", "a", "an") and doc[t.start - 2].text == ",")
                # "Jay Tarriela, spokesman of the coast guard": a bare title, with its body after it
                or (doc[t.start - 1].text == "," and t.end < len(doc) and doc[t.end].lower_ in ("of", "for", "at")))
            # "title [qualifiers|affiliation|, ] name"
            while k < len(doc) and gap <= self.max_gap:
                tok = doc[k]
                span = actor_at.get(k)
                if apposition and span is None:
                    if tok.lower_ in ("of", "at", "for", "the") or tok.text in self.possessive:
                        k += 1
                        gap += 1
                        continue
                    break
                if span is not None and not self._is_person(span.kb_id_) and self.lang == "en" and span.label_ == "name" \
                        and span.end < len(doc) and doc[span.end].is_lower and doc[span.end].is_alpha \
                        and doc[span.end].lower_ not in self.title_words and gap < 3:
                    k = span.end  # "director of the Iran project at …": a name that qualifies a noun is no affiliation
                    gap += 1
                    continue
                if span is not None and not self._is_person(span.kb_id_):
                    if affiliation is not None and aff_spans and not self._marked(doc, span):
                        break  # "وزير الخارجية الإيراني دمشق": a second bare place is the verb's, not the title's
                    if affiliation is None:
                        affiliation = self._affiliation_of(span.kb_id_, found)
                    aff_spans.append(span)
                    k = span.end
                    gap += 1
                    continue
                if tok.is_space:
                    break
                if tok.text in {",", "،", '"', "“", "”", "«", "»", "'s", "’s", "-", "–"} or tok.text.endswith(TATWEEL):
                    k += 1  # … and a proclitic drawn out before a quote: 'الأمين العام لـ"حزب الله"'
                    continue
                if posted and tok.norm_ in self.posting_preps and k + 1 < len(doc):
                    past = self._past_posting(doc, k + 1, actor_at)  # "المبعوث الأمريكي الخاص إلى سوريا توم باراك"
                    if past < len(doc) and self._scan_name(doc, past, actor_at) is not None:
                        k, posted = past, False  # else "وصل المبعوث الأمريكي إلى دمشق": the verb's destination
                        gap += 1
                        continue
                if tok.norm_ in self.coordinators and gap == 0 and k + 1 < len(doc) and k + 1 in title_at \
                        and not self._plural(title_at[k + 1]):
                    k += 1  # "Prime Minister and Foreign Minister Sheikh X": one person's two titles
                    continue
                if tok.norm_ in self.analyst_mods:
                    role = "Analyst"
                    k += 1
                    gap += 1
                    continue
                nxt_title = title_at.get(k)
                if nxt_title is not None and (token_table(doc).proclitic(k) or match_key(nxt_title.text) in self.counterparts
                                              or self._plural(nxt_title)):
                    break  # "… الروسي بنظيره الإيراني", "… and his counterpart", "… مسؤولين في حماس": others' titles
                if nxt_title is not None:  # "أمير قطر الشيخ تميم": a second title
                    used_titles.add(k)
                    k = nxt_title.end
                    gap += 1
                    continue
                if gap == 0 and tok.norm_ in self.possessed_bodies:
                    # "وزير خارجيتها بدر عبد العاطي": "its foreign minister", of the state named last before
                    # (a state named, not a nisba qualifying a noun: "خروج القوات من الأراضي الليبية")
                    owner = next((s for s in reversed(actors) if s.end <= t.start and t.start - s.end <= 40
                                  and s.label_ != "demonym" and self._state(s.kb_id_, found)), None)
                    if affiliation is None and owner is not None:
                        affiliation = owner.kb_id_
                    k += 1
                    gap += 1
                    continue
                name = self._scan_name(doc, k, actor_at)
                if name is not None:
                    break
                if self.lang == "en" and tok.lower_ in ("of", "at", "for") and gap < 2:
                    j = k + 1 + (k + 1 < len(doc) and doc[k + 1].lower_ == "the")
                    if j in actor_at and not self._is_person(actor_at[j].kb_id_):
                        k = j  # "the chairperson of the African Union Commission, …": the body it heads
                        gap += 1
                        continue
                if aff_spans and k == aff_spans[-1].end and tok.text in self.body_heads:
                    k += 1  # "the chairperson of the African Union Commission, Mahmoud Ali Youssouf": the body's organ
                    gap += 1
                    continue
                if tok.norm_ in self.qualifiers or (self.lang != "en" and tok.norm_.startswith(self.definite_heads) and gap < 3
                                                    and tok.norm_ not in self.function_words) or \
                        (self.lang == "en" and tok.is_lower and gap < 3 and tok.norm_ not in self.function_words) or \
                        (self.lang != "en" and gap < 2 and tok.is_alpha and tok.norm_ not in self.function_words
                         and k + 1 in actor_at and self._body(actor_at[k + 1].kb_id_)):
                    # … and a noun in construct before an organization ("رئيس مفوضية الاتحاد الأفريقي")
                    k += 1
                    gap += 1
                    continue
                break
            if affiliation is None and match_key(t.text) in self.affiliated_only:
                continue  # "المستشار الإعلامي": an adviser, not the chancellor
            plural = self._plural(t)
            if name is None and plural:
                continue  # "Russian officials said", "قال المسؤولون الروس": no one in particular
            if name is None and self.lang == "en" and not (
                    t.end < len(doc) and doc[t.end].is_lower and doc[t.end].norm_ in self.clause_verbs):
                name = self._name_before(doc, t, actor_at)  # "Wang Yi, China's top diplomat"; not "…, Brazil's president said"
            if name is not None:
                start, end, known = name
                known = known or self._spelled_otherwise(doc, start, end)  # "الرئيس جوزاف عون" is Joseph Aoun
                if known is not None:
                    end = self._extend_known(doc, end, actor_at)
                phrase_start, phrase_end = min(t.start, start), max(t.end, end)
                # "القياديين خالد مشعل وخليل الحية", "ministers X and Y": the next names share the title
                others = self._coordinated_names(doc, phrase_end, titles, non_persons, actor_at)
                if plural and not others:
                    continue  # "خبراء روس يتوقعون تطورا": a plural title names several, or a verb follows
                written = self.name_text(doc, start, end)  # an unknown name's end is not extended: its key's text
                key = known or person_key(written)
                title_affiliation = affiliation  # what the title phrase says, which a coordinated name shares
                if known and affiliation is None:
                    affiliation = self.lex.known[known].role_on(doc.user_data.get("published"))[1]
                if known is None and affiliation is None and not plural and self._state_office(t) \
                        and not any(table.norm[k] in self.government_of for k in range(t.end, end)):
                    # (not "رئيس حكومة الإقليم مسرور بارزاني": the office of a government it names)
                    # "Algeria denied …. Foreign Minister Ahmed Attaf said": the passage's state
                    affiliation = self._passage_state(doc, t.start, actors, records, found, discourse)
                actor = self._person(doc, key, written, role, affiliation, known, title_role=not inherit_role)
                actor = discourse.register(actor) if discourse is not None else actor
                if aff_spans and aff_spans[0].end <= t.start:  # "U.S. President Joe Biden"
                    phrase_start = min(phrase_start, aff_spans[0].start)
                replaced.add((start, end))
                if known is None:  # a namesake's name holds the known person's surname: no mention of them
                    replaced.update((s.start, s.end) for s in actors if start < s.start and s.end <= end)
                new_spans.append(ActorSpan(phrase_start, phrase_end, "person", key))
                names[(phrase_start, phrase_end)] = written
                records.append(TitledPerson(key, actor.role or role, affiliation, phrase_start, phrase_end, True))
                consumed.extend(aff_spans)
                for o_start, o_end, o_known in others:
                    written = self.name_text(doc, o_start, o_end)
                    o_key = o_known or person_key(written)
                    # "Foreign Ministers Sergei Lavrov and Wang Yi": not Lavrov's state for Wang Yi
                    o_actor = self._person(doc, o_key, written, role, title_affiliation, o_known)
                    if discourse is not None:
                        discourse.register(o_actor)
                    replaced.add((o_start, o_end))
                    new_spans.append(ActorSpan(o_start, o_end, "person", o_key))
                    names[(o_start, o_end)] = written
                    records.append(TitledPerson(o_key, o_actor.role or role, title_affiliation or o_actor.affiliation,
                                                o_start, o_end, True))
            elif affiliation is not None:
                # a title without a name ("مدير وكالة المخابرات المركزية", "the Russian president"):
                # coreference may find the person; until then the body it names stays a participant
                records.append(TitledPerson("", role, affiliation, t.start, k, False))
        # names that open with a known first name and carry a title after them
        taken = {i for s in new_spans for i in range(s.start, s.end)} | covered
        for r in records:
            taken |= set(range(r.start, r.end))
        if self.first:
            first = self.first
            for i in positions(table.norm, first, table.forms()):  # no Token objects for the rest
                if i in taken:
                    continue
                name = self._scan_name(doc, i, actor_at)
                if name is None or name[1] - name[0] < 2:
                    continue
                start, end, _ = name
                if any(j in taken for j in range(start, end)):
                    continue
                title = next((t for t in titles if t.start in (end, end + 1)), None)
                role, affiliation, phrase_end = "Other", None, end
                if title is not None:
                    role = self._role(match_key(title.text), title.stems)
                    phrase_end = title.end
                    after = actor_at.get(title.end)
                    if after is not None and not self._is_person(after.kb_id_):
                        affiliation = self._affiliation_of(after.kb_id_, found)
                        consumed.append(after)
                        phrase_end = after.end
                key = person_key(written := self.name_text(doc, start, end))
                actor = self._person(doc, key, written, role, affiliation, None)
                if discourse is not None:
                    discourse.register(actor)
                new_spans.append(ActorSpan(start, phrase_end, "person", key))
                names[(start, phrase_end)] = written
                records.append(TitledPerson(key, role, affiliation, start, phrase_end, True))
                taken |= set(range(start, phrase_end))
        records += self._titled_known_names(doc, actors, matched_titles, records, replaced)
        consumed_ids = {(s.start, s.end) for s in consumed} | replaced
        set_actor_spans(doc, sorted(
            [s for s in actors if (s.start, s.end) not in consumed_ids] + new_spans, key=lambda s: s.start))
        set_actor_spans(doc, consumed, "consumed")
        doc.user_data["titled_persons"] = records
        return doc

    def _plural(self, title: Title) -> bool:
        """The title names several holders ("ministers", "المسؤولين"): each needs a name."""
        return match_key(title.text) in self.plural_titles or title.stems in self.plural_titles

    def _coordinated_names(self, doc: Doc, end: int, titles: list[Title], non_persons: dict[int, ActorSpan],
                           actor_at: dict[int, ActorSpan]) -> list[tuple[int, int, str | None]]:
        """The names joined by "and", a comma or "و" to the titled name ending at ``end``, which
        share its title, up to one that carries a title of its own."""
        found = []
        clitic = token_table(doc).proclitic
        nxt = end
        while nxt < len(doc) and (clitic(nxt).startswith("و") or doc[nxt].norm_ in ("and", ",")):
            j = nxt + 1 if doc[nxt].norm_ in ("and", ",") else nxt
            if j >= len(doc):
                break  # the doc ends with "and" / ","
            other = self._scan_name(doc, j, actor_at) if not clitic(j) or clitic(j).startswith("و") else None
            if other is None and clitic(j).startswith("و"):
                other = self._scan_name_after_conjunction(doc, j, actor_at)
            if other is None or self._own_title_affiliation(doc, other[1], titles, non_persons, actor_at):
                break  # "… and Wang Yi, China's top diplomat": his own title says whose he is
            found.append(other)
            nxt = other[1]
        return found

    def _titled_known_names(self, doc: Doc, actors: list[ActorSpan], titles: list[Title], records: list[TitledPerson],
                            replaced: set[tuple[int, int]]) -> list[TitledPerson]:
        """"الملك سلمان", "Crown Prince Mohammed bin Salman": a known person whose name as
        written opens with a title still says whose leader or official they are."""
        recorded = {r.person for r in records}
        found = []
        for s in actors:
            key = s.kb_id_
            if key not in self.known_persons or key in recorded or (s.start, s.end) in replaced:
                continue
            title = next((t for t in titles if t.start == s.start and t.end < s.end), None)
            known = self.lex.known.get(key)
            if title is None or known is None:
                continue
            known_role, known_affiliation = known.role_on(doc.user_data.get("published"))
            if not known_affiliation:
                continue
            role = known_role if known_role in ("Leader", "Official") else \
                self._role(match_key(title.text), title.stems)
            found.append(TitledPerson(key, role, known_affiliation, s.start, s.end, True))
            recorded.add(key)
        return found

    def _marked(self, doc: Doc, span: ActorSpan) -> bool:
        """Whether a preposition (a clitic or the word before) introduces the span: "سفير روسيا
        لدى الأمم المتحدة" names a second body of the title, "الإيراني دمشق" does not."""
        if token_table(doc).proclitic(span.start):
            return True
        return span.start > 0 and (doc[span.start - 1].norm_ in self.prepositions or doc[span.start - 1].lower_ in self.prepositions)

    def _actor_before(self, doc: Doc, start: int, by_end: dict[int, ActorSpan]) -> ActorSpan | None:
        """The body a title belongs to when it is written first: "Kremlin spokesman",
        "Iran's foreign minister", "Saudi national security adviser". ``by_end``: the
        actor spans that are not persons, by end token (made once per doc)."""
        for end in range(start, max(-1, start - 4), -1):
            span = by_end.get(end)
            if span is None:
                continue
            gap = [t for t in doc[end:start] if not t.is_space]
            # "Saudi national security adviser", not "Damascus and met President …"
            # (a hyphen of a compound adjective too: "Israeli far-right minister")
            # … and a body's organ: "ECOWAS Commission President Omar Touray"
            if all(t.text in self.possessive or t.text in ("-", "–") or t.lower_ in self.qualifiers or t.text in self.body_heads
                   or (t.is_lower and t.norm_ not in self.function_words and t.lower_ not in self.coordinators) for t in gap):
                return span
            return None
        return None

    def _name_before(self, doc: Doc, title: Title, actor_at: dict[int, ActorSpan]):
        """English apposition: "Wang Yi, China's top diplomat" / "Lavrov, Russia's foreign minister"."""
        i = title.start - 1
        while i >= 0 and doc[i].text not in {",", "(", ".", ";", ":"} and title.start - i < 6:
            i -= 1
        if i < 1 or doc[i].text != ",":
            return None
        end = i
        start = end
        while start - 1 >= 0 and self._name_like(doc[start - 1], False) and end - start < self.max_name:
            start -= 1
        span = actor_at.get(start)
        if span is not None and self._is_person(span.kb_id_):
            return (span.start, span.end, span.kb_id_)
        if end - start >= 2:
            return (start, end, None)
        return None

    def _past_posting(self, doc: Doc, k: int, actor_at: dict[int, ActorSpan]) -> int:
        """Where the name may start after an envoy's posting: past the actor or the place
        named after the preposition (three words at most: "الشرق الأوسط", "the Middle East")."""
        span = actor_at.get(k)
        if span is not None:
            return span.end
        end = k
        while end < len(doc) and end - k < 3 and (doc[end].lower_ == "the" or (
                doc[end].is_alpha and doc[end].norm_ not in self.function_words and self._scan_name(doc, end, actor_at) is None)):
            end += 1
        return end

    def _state(self, key: str, found: dict) -> bool:
        actor = self.lex.known.get(key) or found.get(key)
        return actor is not None and actor.type == "Country"

    def _state_office(self, title: Title) -> bool:
        return bool(self.state_offices) and (match_key(title.text) in self.state_offices or title.stems in self.state_offices)

    def _passage_state(self, doc: Doc, at: int, actors: list[ActorSpan], found_persons: list[TitledPerson],
                       found: dict, discourse: Discourse | None) -> str | None:
        """The state named in the sentence before token ``at`` and in its own sentence up to
        it (:func:`kg.nlp.focus.focus_state`); a first sentence of the doc reads the discourse's
        last one."""
        bounds = sentence_bounds(doc)
        i = next((n for n, (s, e) in enumerate(bounds) if s <= at < e), 0)
        start = bounds[i - 1][0] if i > 0 else 0
        table, places = token_table(doc), self.passage_places
        placed = {s.start for s in actors if s.start > 0 and table.norm[s.start - 1] in places
                  or table.proclitic(s.start) in places}
        quoted = quoted_tokens(table.text, start, at)
        nisbas = {s.kb_id_ for s in actors if s.label_ == "demonym"} - {s.kb_id_ for s in actors if s.label_ != "demonym"}
        before = [(k, False) for k in discourse.last_sentence] if i == 0 and discourse is not None else \
            [(s.kb_id_, s.start in placed) for s in actors if start <= s.start and s.end <= bounds[i][0] and s.start not in quoted]
        own = [(s.kb_id_, s.start in placed) for s in actors if bounds[i][0] <= s.start and s.end <= at and s.start not in quoted]
        # a nationality word names no state of the passage ("the Russian envoy", "السوداني": a surname
        # too), a person found before with his title does ("sanctions on Colombian President Gustavo Petro")
        before = [(k, p) for k, p in before if k not in nisbas] + [(r.person, False) for r in found_persons if start <= r.start < bounds[i][0]]
        own = [(k, p) for k, p in own if k not in nisbas] + [(r.person, False) for r in found_persons if bounds[i][0] <= r.start and r.end <= at]

        def state_of(key: str) -> str | None:
            if self._state(key, found):
                return key
            actor = self.lex.known.get(key) or found.get(key)
            owner = actor.affiliation if actor is not None else None
            return owner if owner and self._state(owner, found) else None
        return focus_state(before, own, state_of)

    def _body(self, key: str) -> bool:
        known = self.lex.known.get(key)
        return known is not None and known.type == "Organization"

    def _posting_state(self, doc: Doc, body: ActorSpan, title: Title, by_end: dict[int, ActorSpan]) -> ActorSpan | None:
        """"Sudan's UN ambassador", "Russia's UN envoy": a diplomat's title after an international
        body is the post, and the state named right before the body is whom the diplomat serves
        (``[titles] diplomatic``)."""
        if not self.diplomatic or match_key(title.text) not in self.diplomatic:
            return None
        known = self.lex.known.get(body.kb_id_)
        if known is None or known.type != "Organization" or known.affiliation:
            return None
        for end in (body.start, body.start - 1):
            span = by_end.get(end)
            if span is not None and (end == body.start or doc[end].text in self.possessive):
                state = self.lex.known.get(span.kb_id_)
                return span if state is not None and state.type == "Country" else None
        return None

    def _affiliation_of(self, key: str, found: dict) -> str | None:
        """The affiliation a title takes from an actor: a known or found (``found``: the
        article's actors) state or body itself, a person's own affiliation."""
        actor = self.lex.known.get(key) or found.get(key)
        if actor is None:
            return None
        return key if actor.type in ("Country", "Organization") else actor.affiliation

    def _own_title_affiliation(self, doc: Doc, end: int, titles: list[Title], non_persons: dict[int, ActorSpan],
                               actor_at: dict[int, ActorSpan]) -> bool:
        """Whether a title right after a name (", China's top diplomat", "نائب وزير … الروسي")
        names a body of its own."""
        k = end
        while k < len(doc) and k - end < 3 and doc[k].text in {",", "،"}:
            k += 1
        left = self._actor_before(doc, k + 2, non_persons) if self.affiliation_first else None
        if left is not None and left.start == k:  # "… and Wang Yi, China's": not "… and X met Chinese envoy Y"
            return True
        title = next((t for t in titles if end <= t.start <= end + 3), None)
        if title is None or token_table(doc).proclitic(title.start):
            return False  # "… وبتسلئيل سموتريتش بالسفير الأمريكي": a title after a preposition is another's
        after = actor_at.get(title.end)
        # "… وأليكسي أوفرتشوك المبعوث الصيني لي هوي": a title with a name after it is the next person's
        return after is not None and not self._is_person(after.kb_id_) and self._scan_name(doc, after.end, actor_at) is None

    def _scan_name_after_conjunction(self, doc: Doc, k: int, actor_at: dict[int, ActorSpan]):
        """A name whose first token carries "و" (and): scanned as if the clitic were not there."""
        if k >= len(doc):
            return None
        span = actor_at.get(k)
        if span is not None:
            return (span.start, span.end, span.kb_id_) if self._is_person(span.kb_id_) else None
        norm = doc[k].norm_
        if norm in self.function_words or norm in self.title_words or norm in self.qualifiers:
            return None  # "ولا موعد": and no date, not a second name
        end = k + 1
        while end < len(doc) and end - k < self.max_name and end not in actor_at and self._name_like(doc[end], False):
            end += 1
        return (k, end, None) if end - k >= 2 else None

    def _extend_known(self, doc: Doc, end: int, actor_at: dict[int, ActorSpan]) -> int:
        """A known name that goes on in the text ("فيصل بن فرحان" + "آل سعود") keeps the
        longer form as a label."""
        k = end
        while k + 1 < len(doc) and doc[k].norm_ in self.particles and k + 1 not in actor_at \
                and self._name_like(doc[k + 1], False):
            k += 2
        return k

    def _person(self, doc: Doc, key: str, text: str, role: str, affiliation: str | None, known: str | None,
                *, title_role: bool = True) -> Actor:
        if known is not None:
            k = self.lex.known[known]
            k_role, k_affiliation = k.role_on(doc.user_data.get("published"))  # dated roles: the article's date
            actor = Actor(key=known, type="Person", role=(role if title_role and role else k_role) or role,
                          wikidata=k.wikidata, affiliation=k_affiliation or affiliation, labels=dict(k.labels))
        else:
            actor = Actor(key=key, type="Person", role=role, affiliation=affiliation)
        actor.add_label(self.lang, text)
        return actor
