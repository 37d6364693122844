"""Plain-Python columns of a doc's token attributes, built once per doc.

The rules of our components read the same few attributes (text, norm, clitics, a few
lexical flags) of the same tokens many times. spaCy makes a new ``Token`` object on
every ``doc[i]`` and resolves ``norm_`` through the string store and ``._.proclitic``
through an ``Underscore`` object on every access; on a news article that object churn
cost more than the rules themselves (benchmarks/README.md, hot spots). A table of lists,
filled from ``Doc.to_array`` in one call, gives the same answers by index.
"""

from __future__ import annotations

from collections.abc import Sequence, Set as AbstractSet
from dataclasses import dataclass, field
from bisect import bisect_left
from operator import itemgetter
from typing import TypeVar

from spacy.attrs import IDX, IS_ALPHA, IS_LOWER, IS_SPACE, LIKE_NUM, NORM, ORTH, SENT_START
from spacy.tokens import Doc

# the quotation marks of both scripts; the first two open only, the last two close only
QUOTE_MARKS = frozenset({'"', "“", "”", "«", "»"})
OPENING_QUOTES = QUOTE_MARKS - {"”", "»"}
CLOSING_QUOTES = QUOTE_MARKS - {"“", "«"}

_ATTRS = [ORTH, NORM, IS_SPACE, IS_ALPHA, IS_LOWER, LIKE_NUM, IDX]
_STRINGS: dict[int, str] = {}  # hash -> string, shared by every doc of the process (bounded below)
_EMPTY = ("", "")
Marks = TypeVar("Marks", bound=tuple)  # tuples whose first two items are a start and an end


@dataclass(slots=True)
class TokenTable:
    """Column ``k`` of every list describes token ``k`` of the doc."""

    text: Sequence[str]
    norm: Sequence[str]
    space: Sequence[bool]
    alpha: Sequence[bool]
    lower: Sequence[bool]
    num: Sequence[bool]
    clitics: dict[int, tuple[str, str]]  # token index -> (proclitic, enclitic), only where any
    idx: Sequence[int] = ()  # character offset of each token in the doc's text
    _forms: dict[str, frozenset[str]] = field(default_factory=dict)  # see forms()
    _spaces: list[int] | None = None  # indices of the space tokens, made on the first words()

    def forms(self, column: str = "norm") -> frozenset[str]:
        """The distinct values of a column (``"norm"``, ``"text"``), made once per doc.
        Several components ask whether a doc holds any word of a short list (victim
        nouns, ally nouns, first names, time anchors); against this set the test costs
        the smaller of the two, where against the column it reads the whole doc each time."""
        found = self._forms.get(column)
        if found is None:
            found = self._forms[column] = frozenset(getattr(self, column))
        return found

    def start_char(self, start: int) -> int:
        return self.idx[start]

    def end_char(self, end: int) -> int:
        """Character offset just after token ``end - 1`` (a span's ``end_char``)."""
        return self.idx[end - 1] + len(self.text[end - 1])

    def __len__(self) -> int:
        return len(self.text)

    def proclitic(self, i: int) -> str:
        return self.clitics.get(i, _EMPTY)[0]

    def enclitic(self, i: int) -> str:
        return self.clitics.get(i, _EMPTY)[1]

    def between(self, start: int, end: int) -> range:
        """Indices of ``tokens[start:end]``, with Python's slice meaning of negative bounds.
        The rules ask this tens of thousands of times per thousand articles, nearly always
        with bounds inside the doc: those skip building a slice."""
        n = len(self.text)
        if start >= 0 and end >= 0:
            return range(start if start < n else n, end if end < n else n)
        return range(*slice(start, end).indices(n))

    def words(self, start: int, end: int) -> list[int]:
        """Indices of the non-space tokens of ``tokens[start:end]``. Asked some 150,000
        times per 2,000 articles, mostly of a few words with no space token among them:
        those are a range, found by one bisect over the doc's space tokens."""
        spaces = self._spaces
        if spaces is None:
            spaces = self._spaces = [i for i, v in enumerate(self.space) if v]
        span = self.between(start, end)
        if not spaces:
            return list(span)
        i = bisect_left(spaces, span.start)
        if i == len(spaces) or spaces[i] >= span.stop:
            return list(span)
        space = self.space
        return [i for i in span if not space[i]]


def token_table(doc: Doc) -> TokenTable:
    """The doc's table: the normalizer (``geokg_normalizer``) fills it while it sets the
    norms; a doc that did not pass through it gets one built here."""
    table = doc.user_data.get("token_table")
    if table is None or len(table) != len(doc):
        table = doc.user_data["token_table"] = _build(doc)
    return table


def _build(doc: Doc) -> TokenTable:
    strings = doc.vocab.strings
    cache = _STRINGS
    if len(cache) > 1_000_000:
        cache.clear()
    if not len(doc):
        return TokenTable([], [], [], [], [], [], {})
    cols = doc.to_array(_ATTRS).T.tolist()

    def resolve(hashes: list[int]) -> list[str]:
        out = []
        for h in hashes:
            s = cache.get(h)
            if s is None:
                s = cache[h] = strings[h]
            out.append(s)
        return out

    as_bool = [list(map(bool, col)) for col in cols[2:-1]]
    return TokenTable(resolve(cols[0]), resolve(cols[1]), *as_bool, clitics=doc.user_data.get("clitics", {}),
                      idx=cols[-1])


def quoted_tokens(words: Sequence[str], start: int, end: int) -> set[int]:
    """Indices in ``words[start:end]`` inside a quotation, pairing marks as they come (a
    straight quote opens when none is open). A quotation still open at ``end`` counts."""
    inside: set[int] = set()
    opened: int | None = None
    for k in range(start, end):
        w = words[k]
        if w not in QUOTE_MARKS:
            continue
        if opened is None and (w in OPENING_QUOTES):
            opened = k
        elif opened is not None and w in CLOSING_QUOTES:
            inside.update(range(opened + 1, k))
            opened = None
    if opened is not None:
        inside.update(range(opened + 1, end))
    return inside


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indices of the sentences, from the SENT_START column: ``doc.sents``
    makes a Span per sentence and checks every token through a Token object."""
    n = len(doc)
    if not n:
        return []
    starts = doc.user_data.get("sentence_starts")  # left by geokg_sentences
    if starts is None:
        if not doc.has_annotation("SENT_START"):
            return [(0, n)]
        starts = [i for i, v in enumerate(doc.to_array(SENT_START).tolist()) if v == 1 or i == 0]
    return list(zip(starts, starts[1:] + [n]))


def positions(words: Sequence[str], wanted: AbstractSet[str], forms: AbstractSet[str] | None = None) -> list[int]:
    """Indices of the words that are in ``wanted``, in order. Found in C rather than by a
    loop over the tokens: most docs hold none of a short list (one set test passes them
    over), the others a few of its words, each looked up by ``indices_of``. ``forms``:
    the set of ``words`` where the caller has it (:meth:`TokenTable.forms`), which makes
    the set test cost the size of the smaller set rather than of the doc."""
    if not wanted or wanted.isdisjoint(words if forms is None else forms):
        return []
    present = wanted & (set(words) if forms is None else forms)
    return sorted(i for w in present for i in indices_of(words, w))


def indices_of(seq: Sequence[str], item: str) -> list[int]:
    """Every index of ``item`` in ``seq`` (``seq.index`` runs in C)."""
    found = []
    i = -1
    try:
        while True:
            i = seq.index(item, i + 1)
            found.append(i)
    except ValueError:
        return found


def without_proclitic(text: str, proclitic: str) -> str:
    """The surface form without a leading clitic ("لروسيا" → "روسيا") for labels."""
    if proclitic and text.startswith(proclitic):
        rest = text[len(proclitic):]
        if proclitic.endswith("ل") and rest.startswith("ل"):
            return "ا" + rest  # لل → ال
        return rest
    return text


def longest_first(marks: list[Marks]) -> list[Marks]:
    """Non-overlapping marks, longer ones first, by start: what ``spacy.util.filter_spans``
    does with Spans, for plain tuples whose first two items are the start and the end (an
    actor match, a trigger's (start, end, label)) that need no Span."""
    seen: set[int] = set()
    out = []
    for m in sorted(marks, key=_longest_then_first, reverse=True):
        if m[0] not in seen and m[1] - 1 not in seen:
            out.append(m)
            seen.update(range(m[0], m[1]))
    out.sort(key=_START)
    return out


def _longest_then_first(m: tuple) -> tuple[int, int]:
    return m[1] - m[0], -m[0]


_START = itemgetter(0)
