"""State bodies by pattern: a state (name, demonym or possessor) with a body noun.

"the Egyptian army", "Mali's defence ministry", "الجيش المصري", "وزارة الخارجية الليبية",
"الخارجية القطرية" name an Organization of that state, whatever the state: the body nouns
are language data (``[state_bodies]``), the key is the state's code and the body's id
(``egy_army``, ``lby_mfa``), so the same body is one node in every article and language,
and known-actor data that uses the same key (``rus_mod``) supplies its labels and QID.
Unnamed troops ("Turkish forces", "قواتها") are not bodies: they stay the state.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from kg.model import Actor
from kg.nlp.components import ENCLOSED_SPANS, ActorSpan, Normalizer, actor_spans, doc_text, set_actor_spans
from kg.nlp.extensions import doc_value
from kg.nlp.home import STATE_LABELS, home_state
from kg.nlp.coref import known_to_actor
from kg.nlp.lexicon import get_lexicon
from kg.nlp.normalize import match_key
from kg.nlp.tokens import positions, token_table, without_proclitic


def body_key(state: str, body: str) -> str:
    return f"{state.lower()}_{body}"


@Language.factory("geokg_state_bodies", default_config={})
def make_state_bodies(nlp: Language, name: str):
    return StateBodies(nlp)


class StateBodies:
    def __init__(self, nlp: Language) -> None:
        self.lex = get_lexicon(nlp.lang)
        data = self.lex.data
        spec = data.raw.get("state_bodies", {})
        self.state_first = spec.get("state_position", "before") == "before"
        self.possessive = frozenset(data.strings("morphology", "possessive"))
        agreement = spec.get("agreement", {})
        self.feminine_heads = tuple(match_key(x) for x in agreement.get("feminine_endings", []))
        self.feminine_adjective = tuple(match_key(x) for x in agreement.get("feminine_adjective_endings", []))
        # known actors that say which body of their state they are ("the Pentagon": USA, mod)
        self.known_bodies = {(k.affiliation, k.body): k.key for k in self.lex.known.values() if k.body and k.affiliation}
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM" if nlp.lang != "en" else "LOWER")
        normalizer = Normalizer(nlp)
        # bodies that stand in another state ("the U.S. embassy in Manila", "السفارة الأميركية لدى
        # الفلبين"): the host is part of the name and of the key, one embassy per host
        self.hosted = frozenset(spec.get("hosted", []))
        self.host_prepositions = frozenset(match_key(p) if nlp.lang != "en" else p for p in spec.get("host_prepositions", []))
        # a group's branch in a state: "Islamic State's Mozambique branch", "فرع تنظيم الدولة في
        # موزمبيق": an Organization of its own, affiliated with the group
        self.branch_nouns = frozenset(match_key(b) if nlp.lang != "en" else b for b in spec.get("branch_nouns", []))
        # bodies named alone ("the Foreign Ministry said", "قال الجيش إن") are the home state's
        # (the state the article has named most so far); not before a word that may continue
        # the name (a capital, a nisba: "the Army Corps", "الجيش الوطني الشعبي")
        bare = spec.get("bare", {})
        self.bare_bodies = frozenset(bare.get("bodies", []))
        self.bare_before = frozenset(bare.get("after_words", []))
        self.name_endings = tuple(match_key(e) for e in bare.get("name_continues_with_endings", []))
        self.bare_forms = frozenset(match_key(f) for f in bare.get("forms", []))  # none listed: every form
        self.prepositions = data.keys("syntax", "prepositions")
        for body, forms in spec.get("bodies", {}).items():
            docs = [normalizer(nlp.make_doc(f)) if nlp.lang != "en" else nlp.make_doc(f.lower()) for f in forms]
            self.matcher.add(body, docs)

    def __call__(self, doc: Doc) -> Doc:
        if self.branch_nouns:
            self._branches(doc)
        if not len(self.matcher):
            return doc
        matches = self.matcher(doc, as_spans=True)
        if not matches:
            return doc
        spans = actor_spans(doc)
        by_end = {s.end: s for s in spans}
        by_start = {s.start: s for s in spans}
        table = token_table(doc)
        text = doc_text(doc)
        taken = {i for s in spans for i in range(s.start, s.end)}
        replaced: dict[tuple[int, int], ActorSpan | None] = {}
        added: list[ActorSpan] = []  # bodies named alone: spans of their own
        span_at = {i: s for s in spans for i in range(s.start, s.end)}
        for body in sorted(matches, key=lambda m: (m.start, -len(m))):
            if any(i in taken for i in range(body.start, body.end)):
                self._name_known_body(doc, span_at.get(body.start), body, table)
                continue
            state = self._state(body, by_end, by_start, table)
            if state is None and body.label_ in self.bare_bodies and self._alone(body, table, taken):
                alone = self._bare_body(doc, body, spans, table, text)
                if alone is not None:
                    added.append(alone)
                    taken.update(range(body.start, body.end))
                continue
            if state is None or (state.start, state.end) in replaced or not self._agrees(body, state, table):
                continue
            start, end = min(state.start, body.start), max(state.end, body.end)
            key = self.known_bodies.get((state.kb_id_, body.label_)) or body_key(state.kb_id_, body.label_)
            host = self._host(body, end, by_start, table)
            if host is not None:
                key, end = f"{key}_{host.kb_id_.lower()}", host.end
            whole = _surface(text, table, start, end)
            self._register(doc, key, state.kb_id_, whole,
                           without_proclitic(text[body.start_char:body.end_char], table.proclitic(body.start)))
            replaced[(state.start, state.end)] = ActorSpan(start, end, "org", key)
            if host is not None:
                replaced[(host.start, host.end)] = None  # the host is part of the body's name
            taken.update(range(start, end))
        if replaced or added:
            # "the U.S. State Department": the state is mentioned too, as in a title ("Russian foreign minister")
            states = [s for s in spans if (s.start, s.end) in replaced and replaced[(s.start, s.end)] is not None]
            set_actor_spans(doc, actor_spans(doc, ENCLOSED_SPANS) + states, ENCLOSED_SPANS)
            _replace_spans(doc, spans, replaced, added)
        return doc

    def _alone(self, body: Span, table, taken: set[int]) -> bool:
        """The body is named by its noun alone: after one of ``[state_bodies.bare] after_words``
        where the language lists them ("the"), by one of its ``forms`` where it lists them, and
        with no word after it that could continue its name (a capital, a nisba ending)."""
        if self.bare_before and (body.start == 0 or table.norm[body.start - 1] not in self.bare_before):
            return False
        if self.bare_forms and " ".join(table.norm[body.start:body.end]) not in self.bare_forms:
            return False
        nxt = body.end
        if nxt >= len(table):
            return True
        if nxt in taken:  # an actor right after it: a longer name
            return False
        word = table.text[nxt]
        return not (word[:1].isupper() or (self.name_endings and table.alpha[nxt] and table.norm[nxt].endswith(self.name_endings)))

    def _bare_body(self, doc: Doc, body: Span, spans: list[ActorSpan], table, text: str) -> ActorSpan | None:
        """"the Foreign Ministry", "وزارة الخارجية" named alone: the body of the home state
        (kg/nlp/home.py); no state named before it, no body."""
        state = home_state(spans, body.start, self.lex.countries, table, self.prepositions)
        if state is None:
            return None
        key = self.known_bodies.get((state, body.label_)) or body_key(state, body.label_)
        surface = _surface(text, table, body.start, body.end)
        self._register(doc, key, state, surface, surface)
        return ActorSpan(body.start, body.end, "org", key)

    def _branches(self, doc: Doc) -> None:
        table = token_table(doc)
        column = "norm" if self.lex.lang != "en" else "text"
        nouns = positions(getattr(table, column), self.branch_nouns, table.forms(column))
        if not nouns:
            return
        spans = actor_spans(doc)
        by_end = {s.end: s for s in spans}
        by_start = {s.start: s for s in spans}
        text = doc_text(doc)
        found: dict[tuple[int, int], ActorSpan | None] = {}  # the group's span -> the branch's; the state's -> None
        for i in nouns:
            if self.state_first:  # "ORG's STATE branch"
                state = by_end.get(i)
                group = by_end.get(state.start - 1) if state is not None and state.start > 0 \
                    and table.text[state.start - 1] in self.possessive else None
                start, end = (group.start, i + 1) if group is not None else (0, 0)
            else:  # "فرع ORG في STATE"
                group = by_start.get(i + 1)
                words = table.words(group.end, group.end + 2) if group is not None else []
                state = by_start.get(words[1]) if len(words) == 2 and table.norm[words[0]] in self.host_prepositions else None
                start, end = (i, state.end) if state is not None else (0, 0)
            if group is None or state is None or not self._is_type(group, "Organization") or not self._is_type(state, "Country"):
                continue
            key = f"{group.kb_id_}_{state.kb_id_.lower()}"
            whole = _surface(text, table, start, end)
            self._register(doc, key, group.kb_id_, whole, whole)
            found[(group.start, group.end)] = ActorSpan(start, end, "org", key)
            found[(state.start, state.end)] = None
        if found:
            _replace_spans(doc, spans, found)

    def _is_type(self, span: ActorSpan, type_: str) -> bool:
        known = self.lex.known.get(span.kb_id_)
        return known is not None and known.type == type_

    def _state(self, body: Span, by_end, by_start, table) -> ActorSpan | None:
        """The country span the body belongs to: right before it ("Egyptian army", "Mali's
        defence ministry") or right after it ("الجيش المصري"), as the language orders them."""
        if self.state_first:
            span = by_end.get(body.start)
            if span is None and body.start > 0 and table.text[body.start - 1] in self.possessive:
                span = by_end.get(body.start - 1)
        else:
            span = by_start.get(body.end)
        if span is None or span.label_ not in STATE_LABELS:
            return None
        return span if self._is_type(span, "Country") else None

    def _host(self, body: Span, end: int, by_start, table) -> ActorSpan | None:
        """The state a hosted body stands in: a country named right after a host preposition
        ("embassy in Manila", "السفارة … لدى الفلبين")."""
        if body.label_ not in self.hosted:
            return None
        words = table.words(end, end + 3)
        if len(words) < 2 or table.norm[words[0]] not in self.host_prepositions:
            return None
        span = by_start.get(words[1])
        if span is None or span.label_ not in STATE_LABELS:
            return None
        return span if self._is_type(span, "Country") else None

    def _agrees(self, body: Span, state: ActorSpan, table) -> bool:
        """An adjective after the body agrees with its head: "الخارجية الإيرانية" is the
        ministry, while in "المتحدث باسم الخارجية الإيراني" the masculine nisba goes with the
        spokesman. Languages without agreement list no endings."""
        if not self.feminine_heads or state.start < body.end:
            return True
        head = table.norm[body.start]
        adjective = table.norm[state.end - 1]
        return head.endswith(self.feminine_heads) == adjective.endswith(self.feminine_adjective)

    def _name_known_body(self, doc: Doc, span: ActorSpan | None, body: Span, table) -> None:
        """"Russia's defence ministry" matched whole as a known actor: the body alone ("defence
        ministry") is one of its names too, as the text goes on naming it."""
        if span is None or body.end > span.end or doc_value(doc, "discourse") is None:
            return
        known = self.lex.known.get(span.kb_id_)
        if known is None or known.body != body.label_:
            return
        text = doc_text(doc)
        self._register(doc, known.key, known.affiliation or "", text[doc[span.start].idx:doc[span.end - 1].idx + len(doc[span.end - 1].text)],
                       without_proclitic(text[body.start_char:body.end_char], table.proclitic(body.start)))

    def _register(self, doc: Doc, key: str, state: str, whole: str, body_text: str) -> None:
        """The body's record, labelled by the whole mention and by the body alone, as the
        text goes on naming it ("the defence ministry", "الخارجية")."""
        discourse = doc_value(doc, "discourse")
        if discourse is None:
            return
        known = self.lex.known.get(key)
        actor = discourse.register(known_to_actor(known, doc.user_data.get("published")) if known is not None
                                   else Actor(key=key, type="Organization", affiliation=state))
        actor.add_label(doc.lang_, whole)
        actor.add_label(doc.lang_, body_text)


def _surface(text: str, table, start: int, end: int) -> str:
    """What tokens ``start:end`` read in the text, without a proclitic on the first."""
    return without_proclitic(text[table.start_char(start):table.end_char(end)], table.proclitic(start))


def _replace_spans(doc: Doc, spans: list[ActorSpan], replaced: dict[tuple[int, int], ActorSpan | None],
                   added: list[ActorSpan] = ()) -> None:
    """The doc's actor spans with ``replaced`` ones swapped in (None: dropped, part of another)
    and ``added`` ones joined."""
    kept = [k for s in spans if (k := replaced.get((s.start, s.end), s)) is not None]
    set_actor_spans(doc, sorted(kept + list(added), key=lambda s: (s.start, s.end)))
