"""spaCy components of geokg, registered with ``@Language.factory``.

Pipeline order (see :func:`kg.pipeline.make_nlp`): sentences → normalizer → actors →
persons → coref → claims. Each component reads the data of its language through
:func:`kg.nlp.lexicon.get_lexicon`, loaded once per process.
"""

from __future__ import annotations

import json
from itertools import compress, count
from typing import NamedTuple

import numpy
from spacy.language import Language
from spacy.attrs import IDX, NORM, ORTH, SENT_START
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

from kg import cache
from kg.nlp.extensions import doc_value  # (registers Token._.proclitic etc.)
from kg.nlp.clitics import CliticAnalyzer
from kg.nlp.lexicon import PLACE, get_lexicon
from kg.nlp.ambiguous import AmbiguousNames, SharedNames
from kg.nlp.normalize import match_key
from kg.nlp.tokens import TokenTable, longest_first, positions, token_table

ACTOR_SPANS = "actors"
ENCLOSED_SPANS = "enclosed"  # states named inside their bodies' names: mentions, not arguments
SPAN_GROUPS = (ACTOR_SPANS, "consumed", ENCLOSED_SPANS)
WRITE_SPAN_GROUPS = "write_span_groups"  # user_data key: False where no reader wants ``doc.spans``
ORTH_IDX = "orth_idx"  # user_data key: the token forms and offsets, from the sentence splitter to the normalizer


class ActorSpan(NamedTuple):
    """An actor mention as the components pass it on (``label_``: "name", "demonym",
    "person", "coref" …; ``kb_id_``: the actor's key), named as a Span's attributes. A Span
    costs three Token objects to make and decodes its label and key from the string store
    on every read; a mention is read many times by the components after the one that made
    it, and most matches are dropped before the end."""

    start: int
    end: int
    label_: str
    kb_id_: str


def actor_spans(doc: Doc, group: str = ACTOR_SPANS) -> list[ActorSpan]:
    """The doc's actor mentions of ``group`` as a new list, from ``user_data`` where the
    components keep them (``doc.spans`` of a doc made elsewhere otherwise)."""
    kept = doc.user_data.get(("spans", group))
    if kept is not None:
        return list(kept)
    return [ActorSpan(s.start, s.end, s.label_, s.kb_id_) for s in doc.spans.get(group, [])]


def set_actor_spans(doc: Doc, spans: list[ActorSpan], group: str = ACTOR_SPANS) -> None:
    doc.user_data[("spans", group)] = tuple(spans)


def write_span_groups(doc: Doc) -> None:
    """``doc.spans[group]`` of each group of mentions, as Spans, for readers of spaCy's API:
    written once, after the last component that changes them (:mod:`kg.nlp.coref`), and not
    where the caller reads the mentions by :func:`actor_spans` alone (extraction says so by
    ``user_data[WRITE_SPAN_GROUPS] = False``)."""
    if doc.user_data.get(WRITE_SPAN_GROUPS) is False:
        return
    for group in SPAN_GROUPS:
        kept = doc.user_data.get(("spans", group))
        if kept is not None:
            doc.spans[group] = [Span(doc, s, e, label=label, kb_id=key) for s, e, label, key in kept]


@Language.factory("geokg_sentences", default_config={"break_on_newline": True})
def make_sentences(nlp: Language, name: str, break_on_newline: bool):
    """Sentence starts after sentence-final punctuation (spaCy's Sentencizer list, Arabic
    included) and after line ends (headlines and captions carry no full stop), set in one
    array operation: no Token object per token."""
    strings = nlp.vocab.strings
    final_marks = list(Sentencizer.default_punct_chars) + ["…", ".."]
    punct = frozenset(strings.add(p) for p in final_marks)
    seen: set[int] = set()  # word forms already checked for a line break (a bounded memo)
    line_breaks: set[int] = set()  # whitespace forms holding one

    def split(doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        # the forms and offsets the normalizer reads next (ORTH_IDX): one array for both
        columns = doc.to_array([ORTH, IDX])
        orth = columns[:, 0]
        doc.user_data[ORTH_IDX] = orth_idx = columns.T.tolist()
        forms = set(orth_idx[0])
        enders = forms & punct
        if break_on_newline:
            if len(seen) > 200_000:
                seen.clear()
            for h in forms - seen:
                seen.add(h)
                if "\n" in strings[h]:
                    line_breaks.add(h)
            enders |= forms & line_breaks
        is_end = numpy.zeros(n, dtype=bool)
        for h in enders:  # a handful of distinct marks per doc: compare arrays, not tokens
            is_end |= orth == h
        starts = numpy.zeros(n, dtype="int64")  # 0: "not a start" for spaCy's doc.sents
        starts[-1] = -1  # marks the boundaries as set
        starts[0] = 1
        starts[1:][is_end[:-1] & ~is_end[1:]] = 1  # after the last of a run of end marks
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
        doc.user_data["sentence_starts"] = (starts == 1).nonzero()[0].tolist()
        return doc
    return split


PATTERN_BATCH = 2000  # texts tokenized together by pattern_keywords


def pattern_keywords(nlp: Language, texts: list[str], attr: str, normalizer: Normalizer | None = None) -> list[list[int]]:
    """What ``PhraseMatcher.add`` reads of one pattern Doc per text (each token's ``attr``
    value: ``NORM`` after ``normalizer``, ``ORTH``, ``LOWER``), kept in :mod:`kg.cache`
    between runs under a key of everything the values depend on."""
    depends = ["-"] if normalizer is None else \
        [json.dumps(normalizer.lexicon.data.raw, sort_keys=True, default=_plain), *sorted(normalizer.vocab)]
    key = cache.key_of(nlp.lang, attr, depends, texts)
    return cache.int_rows("patterns", key, lambda: _pattern_keywords(nlp, texts, attr, normalizer))


def _plain(value: object) -> object:
    """A JSON value of what ``json`` does not write, the same in every process (sets sorted)."""
    return sorted(map(str, value)) if isinstance(value, (set, frozenset)) else str(value)


def _pattern_keywords(nlp: Language, texts: list[str], attr: str, normalizer: Normalizer | None) -> list[list[int]]:
    """The values found from a few docs of many texts one per line rather than a Doc each:
    the tokenizer reads each run of non-space characters on its own and the normalizer each
    word form, so the values are the same. A batch whose lines do not come back as its
    texts is made one Doc a text."""
    strings = nlp.vocab.strings
    newline = strings.add("\n")
    out: list[list[int]] = []
    for b in range(0, len(texts), PATTERN_BATCH):
        batch = texts[b:b + PATTERN_BATCH]
        out += _batch_keywords(nlp, batch, attr, normalizer, strings, newline) or \
            [_keyword(normalizer(nlp.make_doc(t)) if normalizer is not None else nlp.make_doc(t), attr) for t in batch]
    return out


def _batch_keywords(nlp: Language, batch: list[str], attr: str, normalizer: Normalizer | None, strings,
                    newline: int) -> list[list[int]] | None:
    if any("\n" in t or not t or t.isspace() for t in batch):
        return None
    doc = nlp.make_doc("\n".join(batch))
    if normalizer is not None:
        doc = normalizer(doc)
    pieces: list[list[int]] = [[]]
    written = [""]
    for orth, space, value in doc.to_array(["ORTH", "SPACY", attr]).tolist():
        if orth == newline:
            pieces.append([])
            written.append("")
            continue
        pieces[-1].append(value)
        written[-1] += strings[orth] + (" " if space else "")
    return pieces if written == batch else None


def _keyword(doc: Doc, attr: str) -> list[int]:
    return doc.to_array([attr]).reshape(-1).tolist() if len(doc) else []


def doc_text(doc: Doc) -> str:
    """The doc's text, from the copy the reader put in ``user_data`` when there is one:
    ``Doc.text`` rebuilds the string token by token on every call."""
    text = doc.user_data.get("text")
    return text if text is not None else doc.text


def _orth_idx(doc: Doc) -> list[list[int]]:
    """[forms, character offsets] of the doc's tokens, as ``geokg_sentences`` left them."""
    found = doc.user_data.pop(ORTH_IDX, None)
    if found is not None and len(found[0]) == len(doc):
        return found
    return doc.to_array([ORTH, IDX]).T.tolist() if len(doc) else [[], []]


@Language.factory("geokg_normalizer", default_config={})
def make_normalizer(nlp: Language, name: str):
    return Normalizer(nlp)


class Normalizer:
    """Puts the matching key in ``Token.norm_`` with clitics stripped where the lexicon
    knows the remainder; the text and offsets stay as published."""

    def __init__(self, nlp: Language) -> None:
        self.lexicon = get_lexicon(nlp.lang)
        self.analyzer = CliticAnalyzer(self.lexicon.data)
        self.vocab = frozenset(self.lexicon.vocabulary)
        self._cache: dict[int, tuple] = {}  # orth hash -> see _analyze

    def __call__(self, doc: Doc) -> Doc:
        """One array pass: norms by ``Doc.from_array``, clitics in ``doc.user_data`` and the
        doc's :class:`TokenTable`, so no Token object is made for the thousands of tokens
        that need nothing else. Everything is cached per distinct word form."""
        get, vocab = self._cache.get, doc.vocab
        orth, idx = _orth_idx(doc)
        rows = list(map(get, orth))  # a row is a non-empty tuple: a form not seen yet is None
        if not all(rows):
            rows = [row or self._row(vocab, h) for row, h in zip(rows, orth)]
        if rows:
            norm_hashes, clitic_col, *columns = zip(*rows)
            doc.from_array([NORM], numpy.array(norm_hashes, dtype="uint64").reshape(-1, 1))
            # the few tokens with a clitic, picked in C: (proclitic, enclitic) by index
            clitics = dict(zip(compress(count(), clitic_col), filter(None, clitic_col)))
        else:
            columns, clitics = [()] * 6, {}
        doc.user_data["clitics"] = clitics
        doc.user_data["token_table"] = TokenTable(*columns, clitics=clitics, idx=idx)
        return doc

    def _row(self, vocab, orth: int) -> tuple:
        """The row of a word form not seen yet, kept for the next docs (up to a bound)."""
        row = self._analyze(vocab, orth)
        if len(self._cache) < 500_000:
            self._cache[orth] = row
        return row

    def _analyze(self, vocab, orth: int) -> tuple:
        """(norm hash, (proclitic, enclitic) or None) and the TokenTable columns of one word form."""
        lex = vocab[orth]
        text = lex.orth_
        if text.isspace():
            stem, procl, encl = text, "", ""
        else:
            key = match_key(text)
            reading = self.analyzer.analyze(key, self.vocab) if self.analyzer.active else None
            stem, procl, encl = (key, "", "") if reading is None else (reading.stem, reading.proclitic, reading.enclitic)
        return (vocab.strings.add(stem), (procl, encl) if procl or encl else None, text, stem, lex.is_space,
                lex.is_alpha, lex.is_lower, lex.like_num)


@Language.factory("geokg_actors", default_config={})
def make_actor_matcher(nlp: Language, name: str):
    return ActorMatcher(nlp)


class ActorMatcher:
    """Known actors (countries, capitals, demonyms, organizations, known persons) by a
    PhraseMatcher on normalised tokens: cost does not grow with the size of the gazetteer."""

    def __init__(self, nlp: Language) -> None:
        self.lexicon = get_lexicon(nlp.lang)
        normalizer = Normalizer(nlp)
        self.norm_matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.orth_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.entries: dict[str, tuple[str, str]] = {}
        case_sensitive = self.case_sensitive = nlp.lang == "en"
        self.stop_words = self.lexicon.data.keys("names", "stop")
        self.particles = frozenset(p.lower() for p in self.lexicon.data.strings("names", "inner_particles"))
        lowercase_heads = {w.lower() for w in self.lexicon.data.strings("names", "lowercase_heads")}
        norm_patterns: dict[str, list[str]] = {}
        orth_patterns: dict[str, list[str]] = {}
        for text, (key, kind) in self.lexicon.forms.items():
            label = f"{key}|{kind}"
            if case_sensitive:
                variants = {text}
                if text[:1].islower() and not text.startswith("the "):
                    variants.add(text[:1].upper() + text[1:])
                if text.startswith("the "):
                    variants.add("The " + text[4:])
                words = text.split()
                if len(words) >= 2 and words[0][:1].isupper() and words[-1].lower() in lowercase_heads:
                    variants.add(" ".join([words[0]] + [w.lower() for w in words[1:]]))  # "Russian foreign ministry"
                for v in list(variants):  # news writes both apostrophes: People's / People’s
                    if "'" in v:
                        variants.add(v.replace("'", "’"))
                    if "’" in v:
                        variants.add(v.replace("’", "'"))
                for v in sorted(variants):  # a stable order: the patterns key the load cache
                    orth_patterns.setdefault(label, []).append(v)
            else:
                norm_patterns.setdefault(label, []).append(text)
        for matcher, patterns, attr, norm in ((self.norm_matcher, norm_patterns, "NORM", normalizer),
                                              (self.orth_matcher, orth_patterns, "ORTH", None)):
            found = iter(pattern_keywords(nlp, [t for texts in patterns.values() for t in texts], attr, norm))
            for label, texts in patterns.items():
                matcher.add(label, [next(found) for _ in texts])
        self.matchers = [m for m in (self.norm_matcher, self.orth_matcher) if len(m)]  # an empty one still scans the doc
        data = self.lexicon.data
        ambiguous = data.value("ambiguous_demonyms", "forms", default={}) or {}
        self.ambiguous = {match_key(f) if not case_sensitive else f: tuple(keys) for f, keys in ambiguous.items()}
        self.ambiguous_heads = data.keys("ambiguous_demonyms", "heads")
        self.head_before = data.value("syntax", "adjective_position", default="before") == "after"
        self.ambiguous_names = AmbiguousNames(data)
        self.shared_names = SharedNames(data, case_sensitive)
        self._labels: dict[int, tuple[str, str]] = {}  # match id -> kind and key
        self._affiliations = {k: a.affiliation for k, a in self.lexicon.known.items() if a.affiliation}
        self.known_persons = frozenset(k for k, a in self.lexicon.known.items() if a.type == "Person")

    def __call__(self, doc: Doc) -> Doc:
        """Matches are read as plain :class:`ActorSpan` records, overlaps resolved and
        filtered (most matches are dropped as parts of longer names)."""
        masked = doc_value(doc, "masked") or []
        offset = doc_value(doc, "offset")
        table = token_table(doc)
        labels, strings = self._labels, doc.vocab.strings
        new = tuple.__new__  # an ActorSpan made in C: sixty thousand matches per 2,000 articles
        found = []
        for matcher in self.matchers:
            for match_id, start, end in matcher(doc):
                if masked:
                    s, e = table.start_char(start) + offset, table.end_char(end) + offset
                    if any(ms < e and s < me for ms, me in masked):
                        continue
                found.append(new(ActorSpan, (start, end, *(labels.get(match_id) or self._label(strings, match_id)))))
        spans = longest_first(found)
        if any(m.label_ == PLACE for m in spans):  # "the Sea of Japan": no mention of Japan
            found = [m for m in found if m.label_ != PLACE]
            spans = [m for m in spans if m.label_ != PLACE]
        states = self._states_in_names(found, spans) if len(found) > len(spans) else []
        if states:  # "the U.S. State Department": the state is mentioned too (not made salient)
            set_actor_spans(doc, states, ENCLOSED_SPANS)
        if self.ambiguous:
            extra = self._ambiguous_demonyms(doc, spans)
            if extra:  # longest_first of matches it returned gives them back: only with new ones
                spans = longest_first(spans + extra)
        if self.ambiguous_names.forms:  # "في مالي", "حكومة مالي"; not "دعم مالي"
            countries = [m for m in spans if m.kb_id_ in self.lexicon.countries]
            extra = [ActorSpan(i, i + 1, "name", key) for i, key in self.ambiguous_names.find(table, countries)]
            if extra:
                spans = longest_first(spans + extra)
        if self.shared_names.forms:  # "Congo": the state the article names, else the one news means
            discourse = doc_value(doc, "discourse")
            named = {m.kb_id_ for m in spans} | (set(discourse.actors) if discourse is not None else set())
            taken = {k for m in spans for k in range(m.start, m.end)}
            extra = [ActorSpan(i, i + 1, "name", key) for i, key in self.shared_names.find(table, named, taken)]
            if extra:
                spans = longest_first(spans + extra)
        if self.case_sensitive:  # "Abbas Kamel" is not Mahmoud Abbas: a surname alone must stand alone
            persons = self.known_persons  # the tests' own first conditions, asked here of every span
            spans = [m for m in spans if not (m.kb_id_ in persons and self._inside_longer_name(doc, m))
                     and not (m.label_ == "metonym" and self._place_name_tail(doc, m))]
        set_actor_spans(doc, spans)
        return doc

    def _states_in_names(self, found: list[ActorSpan], kept: list[ActorSpan]) -> list[ActorSpan]:
        """Country mentions inside a kept name of one of that country's bodies."""
        affiliation = self._affiliations
        owners = {(s.start, s.end): owner for s in kept if (owner := affiliation.get(s.kb_id_))}
        if not owners:
            return []
        kept_ids = {(s.start, s.end, s.kb_id_) for s in kept}
        owned = set(owners.values())  # only a mention of an owner can be one
        return [s for s in found if s.kb_id_ in owned and (s.start, s.end, s.kb_id_) not in kept_ids and any(
            a <= s.start and s.end <= b and owner == s.kb_id_ for (a, b), owner in owners.items())]

    def _label(self, strings, match_id: int) -> tuple[str, str]:
        """(kind, key) of a match id ("key|kind"), split once per id."""
        found = self._labels.get(match_id)
        if found is None:
            key, kind = strings[match_id].split("|", 1)
            found = self._labels[match_id] = (kind, key)
        return found

    def _ambiguous_demonyms(self, doc: Doc, spans: list[ActorSpan]) -> list[ActorSpan]:
        """"الجيش المالي", "the Congolese army": a demonym no list takes alone (مالي is also
        "financial", Congolese names two states) names a country next to a state's head noun
        (army, government, president …), when the article names exactly one of its countries
        unambiguously elsewhere ("باماكو", "Kinshasa"). Forms and heads are language data
        (``[ambiguous_demonyms]``)."""
        table = token_table(doc)
        column = "text" if self.case_sensitive else "norm"
        keys = getattr(table, column)
        at = positions(keys, self.ambiguous.keys(), table.forms(column))  # none in the common case, tested in C
        if not at:
            return []
        named = {s.kb_id_ for s in spans}
        found = []
        for i in at:
            candidates = self.ambiguous[keys[i]]
            if not candidates:
                continue
            head = i - 1 if self.head_before else i + 1
            if not (0 <= head < len(doc)) or table.norm[head] not in self.ambiguous_heads:
                continue
            mentioned = [c for c in candidates if c in named]
            if len(mentioned) == 1:
                found.append(ActorSpan(i, i + 1, "demonym", mentioned[0]))
        return found

    def _place_name_tail(self, doc: Doc, span: ActorSpan) -> bool:
        """"Mocimboa da Praia" is a town, not Cape Verde's capital: a capital after a name
        particle ("da", "de", "del") that follows a capitalised word ends a longer name."""
        if span.label_ != "metonym" or span.start < 2:
            return False
        particle, before = doc[span.start - 1], doc[span.start - 2]
        return particle.text.lower() in self.particles and particle.is_lower and before.text[:1].isupper() and before.is_alpha

    def _inside_longer_name(self, doc: Doc, span: ActorSpan) -> bool:
        known = self.lexicon.known.get(span.kb_id_)
        if known is None or known.type != "Person" or span.end - span.start != 1 or span.end >= len(doc):
            return False
        nxt = doc[span.end]
        return (nxt.text[:1].isupper() and nxt.is_alpha and match_key(nxt.text) not in self.stop_words
                and not nxt.is_sent_start)
