"""Rule-based coreference inside a page: surnames ("بيرسانوف", "Peskov"), titles without a
name ("الرئيس الروسي", "the president"), dual group nouns ("الزعيمين", "البلدين", "the two
leaders") and pronoun clitics on prepositions ("عليها" → the salient country).

Resolved mentions are added to ``doc.spans["actors"]`` with label ``coref``; a dual noun
gives two spans over the same tokens.
"""

from __future__ import annotations

import bisect
import functools
from operator import itemgetter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.nlp.clitics import CliticAnalyzer
from kg.nlp.components import ActorSpan, Normalizer, actor_spans, doc_text, set_actor_spans, write_span_groups
from kg.nlp.extensions import doc_value
from kg.nlp.lexicon import get_lexicon
from kg.nlp.normalize import match_key
from kg.nlp.tokens import positions, sentence_bounds, token_table
from kg.gazetteer import KnownActor
from kg.model import Actor

STATE_TYPES = ("Country", "Organization")
_POSITION = itemgetter(0, 1)  # an event's token and rank, read in C


@Language.factory("geokg_coref", default_config={"min_surname_chars": 4})
def make_coref(nlp: Language, name: str, min_surname_chars: int):
    return Coref(nlp, min_surname_chars=min_surname_chars)


class Coref:
    def __init__(self, nlp: Language, *, min_surname_chars: int) -> None:
        self.lang = nlp.lang
        self.lex = get_lexicon(nlp.lang)
        data = self.lex.data
        self.min_surname = min_surname_chars
        self.analyzer = CliticAnalyzer(data)
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM" if nlp.lang != "en" else "LOWER")
        normalizer = Normalizer(nlp)
        for label in ("dual_countries", "dual_leaders", "dual_officials", "his_country",
                      "definite_organization", "definite_country", "definite_government"):
            forms = data.strings("coreference", label)
            if forms:
                docs = [normalizer(nlp.make_doc(f)) if nlp.lang != "en" else nlp.make_doc(f) for f in forms]
                self.matcher.add(label, docs)
        # "the army" alone: the body of that kind the text named last ("the Malian army … the army")
        self.definite_bodies = dict(data.raw.get("coreference", {}).get("definite_bodies", {}))
        self._body_kinds: dict[str, str | None] = {}
        self.adjective_endings = tuple(match_key(e) for e in data.strings("state_bodies", "bare", "name_continues_with_endings")) or ("\0",)
        for body, forms in self.definite_bodies.items():
            self.matcher.add(f"definite_body {body}", [normalizer(nlp.make_doc(f)) if nlp.lang != "en" else nlp.make_doc(f)
                                                      for f in forms])
        self.fem = data.keys("coreference", "feminine_pronouns")
        self.masc = data.keys("coreference", "masculine_pronouns")
        self.hosts = data.keys("coreference", "pronoun_hosts")
        self.personal = data.keys("coreference", "personal_pronouns")
        self.possessive = frozenset(data.strings("morphology", "possessive"))  # "Qatar's"
        self.not_names = data.keys("names", "stop")
        self.counterparts = data.keys("titles", "counterpart")  # "نظيره": another side's title
        self.prepositions = data.keys("syntax", "prepositions")
        # "the government" once a state's government was named: where the state stands by the head
        self.government_heads = data.keys("coreference", "government_heads")
        self.state_after = data.value("state_bodies", "state_position", default="before") == "after"
        self.article = match_key(data.value("morphology", "definite_article", default="") or "")  # written on the noun (ال)  # "علي" is also "على" once folded: never a surname

    def __call__(self, doc: Doc) -> Doc:
        """Mentions resolved; the last component to change them writes ``doc.spans``."""
        self._resolve(doc)
        write_span_groups(doc)
        return doc

    def _resolve(self, doc: Doc) -> None:
        discourse = doc_value(doc, "discourse")
        if discourse is None:
            return
        spans = actor_spans(doc)
        keys = [s.kb_id_ for s in spans]
        for key in keys:
            if key not in discourse.actors and key in self.lex.known:
                discourse.register(known_to_actor(self.lex.known[key], doc.user_data.get("published")))
        taken = {i for s in spans for i in range(s.start, s.end)}
        for r in doc.user_data.get("titled_persons", []):
            taken |= set(range(r.start, r.end))
        added: list[ActorSpan] = []
        for s in actor_spans(doc, "consumed"):
            discourse.touch(s.kb_id_)  # "وزير الدفاع الروسي": Russia is mentioned too
        names = doc.user_data.get("person_names", {})
        # known persons seen so far give their surnames
        for s, key in zip(spans, keys):
            actor = discourse.actors.get(key)
            if actor is not None and actor.type == "Person":
                name = names.get((s.start, s.end))
                self._learn_surname(discourse, key, _text(doc, s.start, s.end) if name is None else name)
        for r in doc.user_data.get("titled_persons", []):
            if r.has_name:
                continue
            found = discourse.last(types=("Person",), role=r.role, affiliation=r.affiliation)
            if not found:  # "… خلال لقائه الرئيس الروسي" in a caption before "الرئيس الروسي فلاديمير بوتين"
                found = [o.person for o in doc.user_data.get("titled_persons", []) if o.has_name and o.start > r.end
                         and o.role == r.role and o.affiliation == r.affiliation and o.person][:1]
            if found:
                r.person = found[0]
                r.has_name = True
                added.append(ActorSpan(r.start, r.end, "coref", found[0]))
            else:  # "رئيس جهاز المخابرات الإسرائيلي": the office stands for the body that holds it
                added.append(ActorSpan(r.start, r.end, "title", r.affiliation))
        # surnames and pronouns, in text order so that salience follows reading
        matches = [(doc.vocab.strings[m], s, e) for m, s, e in self.matcher(doc)]  # read twice: matched once
        group_matches = [(label, s, e) for label, s, e in matches if not any(i in taken for i in range(s, e))]
        group_starts = {s for _, s, _ in group_matches}
        # the words beside a mention that say it names a government, read from the token table
        # (no Token objects), only where a government head stands in the doc at all
        T = token_table(doc)
        heads_here = bool(self.government_heads) and not self.government_heads.isdisjoint(T.forms())
        events = sorted([(s.start, 0, "span", s) for s in spans] +
                        [(s, 1, "group", (label, s, e)) for label, s, e in group_matches] +
                        [(i, 2, "tok", doc[i]) for i in self._surname_candidates(doc, discourse)
                         if i not in taken and i not in group_starts],
                        key=_POSITION)
        for _, _, kind, item in events:
            if kind == "span":
                discourse.touch(item.kb_id_)
                if heads_here and self._government_of(T, item.start, item.end) is not None \
                        and self._country(item.kb_id_):
                    discourse.government = item.kb_id_  # "رحبت الحكومة اللبنانية", "the Lebanese government"
                if self.definite_bodies and (body := self._body_kind(item.kb_id_)) in self.definite_bodies:
                    discourse.bodies[body] = item.kb_id_  # "the Malian army", "الجيش المالي"
                continue
            if kind == "group":
                added.extend(self._group(doc, discourse, *item))
                continue
            token = item
            if token.is_punct or token.is_space:
                continue
            key = self._surname(discourse, token)
            if key is not None:
                added.append(ActorSpan(token.i, token.i + 1, "coref", key))
                discourse.touch(key)
                continue
        self._affiliate_by_head(doc, discourse, matches)
        if added:
            set_actor_spans(doc, sorted(spans + added, key=lambda s: (s.start, s.end)))

    def _reporters_before(self, doc: Doc, discourse, start: int) -> set[str]:
        """"Qatar's foreign ministry said the two sides …": the state whose body or possessive
        opens the sentence reports on the two sides and is not one of them."""
        bounds = doc.user_data.get("sentence_starts") or [0]
        sent_start = bounds[bisect.bisect_right(bounds, start) - 1]
        text = token_table(doc).text
        found: set[str] = set()
        for span in actor_spans(doc):
            if not sent_start <= span.start < start:
                continue
            actor = discourse.actors.get(span.kb_id_)
            if actor is None:
                continue
            if actor.type == "Organization" and actor.affiliation:
                found.add(actor.affiliation)
            elif actor.type == "Country" and span.end < len(doc) and text[span.end] in self.possessive:
                found.add(actor.key)
        return found

    def _affiliate_by_head(self, doc: Doc, discourse, matches: list[tuple[str, int, int]]) -> None:
        """"المتحدث باسم الحركة لورانس كانيوكا", "the group's spokesman": a named person whose
        title names its body by a definite head noun speaks for the organization that noun
        stands for (the persons component runs before the discourse knows it). ``matches``:
        the (label, start, end) hits of the component's matcher in ``doc``."""
        records = [r for r in doc.user_data.get("titled_persons", []) if r.has_name and not r.affiliation]
        if not records:
            return
        for r in records:
            found = next(((label, s, e) for label, s, e in matches if (label == "definite_organization" or label.startswith("definite_body "))
                          and (r.start <= s and e <= r.end or 0 <= r.start - e <= 1  # "the movement's spokesman"
                               or (s == r.end + 1 and doc[r.end].norm_ in self.prepositions))), None)  # ", a spokeswoman for the group"
            if found is None:
                continue
            keys = self._group(doc, discourse, *found)  # "المتحدث باسم الجيش": the army named last
            key = keys[0].kb_id_ if keys else None
            if not key or key == r.person:
                continue
            r.affiliation = key
            person = discourse.actors.get(r.person)
            if person is not None and not person.affiliation:
                person.affiliation = key

    def _surname_candidates(self, doc: Doc, discourse) -> list[int]:
        """Tokens that may be a known surname, found by hash without making Token objects:
        a surname with any proclitic the language allows ("وبيرسانوف")."""
        if not discourse.surnames:
            return []
        memo = discourse.memo.get("surname_forms")
        if memo is None or memo[0] != len(discourse.surnames):  # surnames are only ever added
            forms = {p + s for s in discourse.surnames for p in self.analyzer.prefixes}
            if self.lang == "en":
                forms |= {s.lower() for s in discourse.surnames}
            memo = discourse.memo["surname_forms"] = (len(discourse.surnames), forms)
        forms = memo[1]
        table = token_table(doc)
        if self.lang == "en":  # by lower case: the doc's distinct forms are tested, not each token
            written = {text for text in table.forms("text") if text.lower() in forms}
            return positions(table.text, written, table.forms("text"))
        return positions(table.norm, forms, table.forms())

    def _group(self, doc: Doc, discourse, label: str, start: int, end: int) -> list[ActorSpan]:
        """Dual nouns ("البلدين", "the two leaders") and "his country"."""
        if label == "dual_leaders":
            if any(end <= sp.start <= end + 2 and not self._country(sp.kb_id_) for sp in actor_spans(doc)):
                return []  # "قادة حماس": the leaders of the body named after (a state's are its salient leaders)
            keys = discourse.salient(types=("Person",), role="Leader", n=2)
        elif label in ("dual_officials", "dual_countries"):
            if label == "dual_officials" and self._owners_follow(doc, end):
                return []  # "وزيري خارجية الكونغو ورواندا": the two are named right after
            keys = discourse.salient(types=("Country",), n=2, exclude=self._reporters_before(doc, discourse, start))
        elif label == "definite_organization":
            # "the movement", "the bloc" name a group or a union, never a state's own body (a ministry)
            keys = self._named_by_head(doc, discourse, start, end) or self._titled_body(doc, start) or [
                k for k in discourse.salient(types=("Organization",), n=20) if not self._state_body(discourse, k)][:1]
        elif label.startswith("definite_body "):
            # not before an adjective that may name another one ("أطلق الجيش الجنوبي طلقات تحذيرية")
            key = None if end < len(doc) and doc[end].norm_.startswith(self.article or "\0") \
                and doc[end].norm_.endswith(self.adjective_endings) else \
                discourse.bodies.get(label.split(" ", 1)[1])
            keys = [key] if key else []
        elif label == "definite_government":
            # "the government" alone: the state whose government the text named last; none before that
            named = self._named_state(doc, start, end)
            keys = [] if named or discourse.government is None else [discourse.government]
        elif label == "definite_country":
            # "أكد ولي العهد السعودي أن المملكة تدعم سوريا": the state of a title just before, else the salient one
            aff = self._title_affiliation(doc, start)
            # else the state a sentence before opened with ("Saudi Arabia condemned … The kingdom also
            # voiced support"), else the salient one
            opener = self._sentence_opener(doc, start) if not (aff and self._country(aff)) else None
            keys = [aff] if aff and self._country(aff) else \
                [opener] if opener is not None else discourse.salient(types=("Country",), n=1)
        else:  # his_country: the country of the speaker, of a title just before, or of the last person
            titled = self._titled_before(doc, start)
            person = discourse.speaker or next(iter(discourse.last(types=("Person",))), None)
            aff = discourse.actors[person].affiliation if person and person in discourse.actors else None
            if titled and (start - titled[-1].end <= 8 or aff is None):
                aff = titled[-1].affiliation  # "نفى وزير الخارجية الإيراني أن تكون بلاده …"
            body = (discourse.actors.get(aff) or self.lex.known.get(aff)) if aff else None
            if body is not None and body.type == "Organization" and body.affiliation:
                aff = body.affiliation  # "المتحدث باسم الخارجية الصينية … بلاده": the ministry's state
            keys = [aff] if aff else []
        if label.startswith("dual") and len(keys) < 2:
            return []
        kind = "dual" if label.startswith("dual") else "coref"
        return [ActorSpan(start, end, kind, k) for k in keys]

    def _body_kind(self, key: str) -> str | None:
        """The kind of state body ``key`` is ("army" for idf and for mli_army), if it is one
        (kept per key: every mention asks)."""
        kinds = self._body_kinds
        if key not in kinds:
            known = self.lex.known.get(key)
            state, _, kind = key.partition("_")
            kinds[key] = known.body if known is not None else (kind if kind and self._country(state.upper()) else None)
        return kinds[key]

    def _government_of(self, T, start: int, end: int) -> int | None:
        """The government head noun the state mention at start..end names ("الحكومة اللبنانية",
        "حكومة لبنان"; "the Lebanese government", "Lebanon's government"), by its position."""
        if self.state_after:
            return start - 1 if start > 0 and T.norm[start - 1] in self.government_heads else None
        n = len(T.text)
        k = end + (end < n and T.text[end] in self.possessive)
        return k if k < n and T.norm[k] in self.government_heads else None

    def _named_state(self, doc: Doc, start: int, end: int) -> bool:
        """A state named with the head right there: "الحكومة اللبنانية", "the Lebanese government"."""
        return any((s.start == end if self.state_after else s.end in (start, start - 1)) and self._country(s.kb_id_)
                   for s in actor_spans(doc))

    def _sentence_opener(self, doc: Doc, start: int) -> str | None:
        """For a description that opens its sentence (nothing but a conjunction or a verb before
        it: "The kingdom also …", "وأعربت المملكة …"), the first state named in the nearest
        sentence before that names one (a sentence's first actor is mostly its subject, in
        either word order)."""
        bounds = [b for b in sentence_bounds(doc) if b[0] <= start]
        if not bounds or start - bounds[-1][0] > 1:
            return None
        countries = [s for s in actor_spans(doc) if s.end <= start and self._country(s.kb_id_)]
        for s_start, s_end in reversed(bounds[:-1]):  # not the description's own sentence
            first = next((s for s in countries if s_start <= s.start < s_end), None)
            if first is not None:
                return first.kb_id_
        return None

    def _country(self, key: str) -> bool:
        known = self.lex.known.get(key)
        return known is not None and known.type == "Country"

    def _titled_body(self, doc: Doc, start: int) -> list[str]:
        """"EU foreign policy chief Kaja Kallas said the bloc's …": the body of a title just
        before, when it is an organization of no state (a state's body is no bloc or movement)."""
        aff = self._title_affiliation(doc, start)
        known = self.lex.known.get(aff) if aff else None
        return [aff] if known is not None and known.type == "Organization" and not known.affiliation else []

    def _title_affiliation(self, doc: Doc, start: int) -> str | None:
        """The affiliation of a title at most eight tokens before token ``start``."""
        titled = self._titled_before(doc, start)
        return titled[-1].affiliation if titled and start - titled[-1].end <= 8 else None

    def _titled_before(self, doc: Doc, start: int) -> list:
        """The titled persons before token ``start`` with an affiliation, not a counterpart's
        title ("خلال لقائه نظيره الأردني، رفض بلاده": the counterpart is the other side)."""
        return [r for r in doc.user_data.get("titled_persons", []) if r.end <= start and r.affiliation
                and not any(match_key(t.text) in self.counterparts for t in doc[r.start:r.end])]

    @staticmethod
    def _owners_follow(doc: Doc, end: int) -> bool:
        """An actor named within two words after the group noun: its owners are in the text."""
        spans = actor_spans(doc)
        return any(end <= s.start <= end + 2 for s in spans)

    def _state_body(self, discourse, key: str) -> bool:
        affiliation = discourse.actors[key].affiliation
        known = self.lex.known.get(affiliation) if affiliation else None
        return (known is not None and known.type == "Country") or \
            (affiliation in discourse.actors and discourse.actors[affiliation].type == "Country")

    def _named_by_head(self, doc: Doc, discourse, start: int, end: int) -> list[str]:
        """"the movement", "الحركة": the most mentioned organization whose name holds that
        head noun ("حركة «إم 23»", "the Houthi movement"), before any other organization."""
        head = match_key(doc[end - 1].text)  # the description's last word: its head noun
        bare = head[len(self.article):] if self.article and head.startswith(self.article) else head  # "الحركة" -> "حركة"
        words = {w for w in (head, bare) if len(w) >= 3}
        if not words:
            return []  # no label holds a head of less than three letters

        def holds(label: str) -> bool:  # a word of the label is the head, perhaps with a proclitic ("وحركة")
            return any(x.endswith(w) for x in _label_words(label) for w in words)

        return next(([k] for k in discourse.salient(types=("Organization",), n=50)  # the first that fits
                     if any(holds(label) for label in _all_labels(discourse.actors[k]))), [])

    def _learn_surname(self, discourse, key: str, name: str) -> None:
        """The surname of the person ``key`` named ``name``."""
        parts = match_key(name).split()
        if len(parts) >= 2 and len(parts[-1]) >= self.min_surname and parts[-1] not in self.not_names:
            discourse.surnames.setdefault(parts[-1], key)
        # family name first (كيم جونغ أون, Xi Jinping): a short first part is the family name
        if len(parts) >= 2 and 2 <= len(parts[0]) <= 3 and key in self.lex.known and parts[0] not in self.not_names:
            discourse.surnames.setdefault(parts[0], key)

    def _surname(self, discourse, token) -> str | None:
        if not discourse.surnames:
            return None
        if self.lang == "en" and not token.text[:1].isupper():
            return None
        for analysis in self.analyzer.readings(match_key(token.text)):
            key = discourse.surnames.get(analysis.stem)
            if key is not None:
                return key
        return None



def _text(doc: Doc, start: int, end: int) -> str:
    """What tokens ``start:end`` read in the text (a Span's ``text``)."""
    table = token_table(doc)
    return doc_text(doc)[table.start_char(start):table.end_char(end)]


@functools.lru_cache(maxsize=65536)
def _label_words(label: str) -> tuple[str, ...]:
    """A label's words as a head noun is looked for in them (keyed, quotes and brackets
    stripped): the same organisations' labels are read at every "the movement" of a page."""
    return tuple(x.strip('"«»“”()') for x in match_key(label).split())


def _all_labels(actor) -> list[str]:
    return list(actor.labels.values()) + [t for texts in actor.alt_labels.values() for t in texts]


def known_to_actor(known: KnownActor, date: str | None = None) -> Actor:
    """A fresh graph record of a known actor, with its preferred labels; a person with dated
    roles has the role that holds on the article's ``date`` (ISO; none when no role holds then,
    the latest when the article has no date)."""
    # (role_on gives the actor's own role and affiliation where it has no dated roles: twenty
    # thousand calls per 2,000 articles, most of them for states and bodies)
    role, affiliation = known.role_on(date) if known.roles else (known.role, known.affiliation)
    # its other names, so that a query finds it by any ("State Department"); fields in order
    return Actor(known.key, known.type, role, known.wikidata, affiliation, dict(known.labels),
                 {lang: set(names) for lang, names in known.other_names.items()})
