"""Split a scraped page into its parts: the article, "read also" headlines, a second
article, lists of related headlines; publisher lines, photo credits and app boilerplate
become metadata or are dropped, so they never turn into actors.

Cue phrases come from the language data file (``[segmentation]``), not from code.

Spans handed to the pipeline are bounded (:func:`bounded_spans`): a span longer than
:data:`MAX_PIECE` characters is cut at line ends, then at sentence ends, then at a space
(or, in a run of text without any, at the hard limit), and runs of punctuation longer than
:data:`MAX_RUN` characters are left out. Every piece is still a pair of offsets into the
original text, so mentions and evidence offsets keep pointing into it, and the cost of an
article grows with its length, not with its square, whatever its shape (spaCy refuses docs
over a million characters; several per-sentence steps compare every mention with every
other).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from kg.ingest.readers import RawDocument
from kg.lang import LanguageData
from kg.nlp.normalize import match_key

MAX_PIECE = 10_000  # characters per pipeline doc (about 1,600 English words); shorter spans are untouched
MAX_SENTENCE = 3_000  # characters without a sentence end or line break (news sentences stay under 1,000)
MAX_RUN = 32  # a longer run of punctuation and symbols ('"' × 10⁶, "-=-=…") is not read
# punctuation and symbols: ASCII, Latin-1, general punctuation, Arabic, arrows to dingbats,
# CJK, fullwidth forms, emoji (a class first, so the regex engine skips letters quickly)
_PUNCT = ("!-/:-@\\[-`{-~\u00a1-\u00bf\u00d7\u00f7\u2010-\u2027\u2030-\u205e\u060c\u061b\u061e\u061f"
          "\u066a-\u066d\u06d4\u2190-\u2bff\u3000-\u303f\ufe10-\ufe6f\uff01-\uff0f\U0001f000-\U0001faff")
_RUN = re.compile(f"[{_PUNCT}](?:\\s?[{_PUNCT}]){{{MAX_RUN - 1},}}")
_LINE_BREAK = re.compile(r"\n\s*")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?\u061f\u2026\u3002])\s+")
_BOUNDARY = re.compile(r"\n|[.!?\u061f\u2026\u3002](?=\s)")  # where the two above may cut
_BULLET = re.compile(r"^[\s•·\-–—*▪►●◦]+")
_ARABIC = re.compile("[\u0600-\u06ff]")
_LATIN = re.compile("[A-Za-z]")


@dataclass
class Segment:
    identifier: str
    kind: str  # article | headlines | related-article
    spans: list[tuple[int, int]] = field(default_factory=list)  # character spans of the source text
    title: str | None = None


@dataclass
class Page:
    doc: RawDocument
    lang: str
    segments: list[Segment]
    masked: list[tuple[int, int]]  # spans never read as actors (photo credits, datelines)
    publisher: str | None = None
    title: str | None = None
    dateline: str | None = None


def detect_language(text: str) -> str:
    """Script-based: Arabic letters make an Arabic document, Latin letters an English one.
    Read 20,000 characters at a time until 200 letters are seen (a page may open with a
    long run of punctuation or markup leftovers)."""
    arabic = latin = 0
    for start in range(0, max(len(text), 1), 20000):
        sample = text[start:start + 20000]
        arabic += len(_ARABIC.findall(sample))
        latin += len(_LATIN.findall(sample))
        if arabic + latin >= 200:
            break
    return "ar" if arabic >= latin else "en"


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


CUE_PREFIX = 120  # characters of a line read for its cue: cues are short phrases at its start


@functools.lru_cache(maxsize=64)
def _prefixes(cues: frozenset[str]) -> tuple[str, ...]:
    """A cue list as ``str.startswith`` takes it, made once per list rather than per line."""
    return tuple(cues)


CUE_LISTS = ("read_also", "related_list", "boilerplate", "keywords", "source")  # [segmentation] lists


@functools.lru_cache(maxsize=64)
def _cue_keys(*lists: frozenset[str]) -> tuple[tuple[frozenset[str], ...], frozenset[str]]:
    """The cue lists as a line's key reads them (it loses its closing colon: "Read also:" →
    "read also"), and the first characters of all their cues (a line starting with none is
    no cue), made once per language."""
    keys = tuple(frozenset(cue.rstrip(":：").strip() for cue in cues) for cues in lists)
    return keys, frozenset(cue[0] for cues in keys for cue in cues if cue)


def _starts_with_any(key: str, cues: frozenset[str]) -> str | None:
    if not key.startswith(_prefixes(cues)):  # one C-level test for the common case: no cue
        return None
    return max((cue for cue in cues if key.startswith(cue)), key=len)


def _merge_adjacent(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Consecutive paragraphs (only white space between) are read as one span: fewer, longer
    docs for the pipeline; line ends still break sentences."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not text[merged[-1][1]:start].strip():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def segment_page(doc: RawDocument, lang_data: LanguageData) -> Page:
    text = doc.text
    (read_also, related, boiler, keywords, source), initials = _cue_keys(
        *(lang_data.keys("segmentation", name) for name in CUE_LISTS))
    credit_re = lang_data.credit_re

    main = Segment(doc.identifier, "article")
    headlines = Segment(f"{doc.identifier}#headlines", "headlines")
    related_articles: list[Segment] = []
    masked: list[tuple[int, int]] = []
    publisher = doc.meta.get("publisher")
    mode = "main"  # main | read-also | after-read-also | list | related
    pending_headline: tuple[int, int] | None = None

    for start, end in _lines(text):
        raw = text[start:end]
        stripped = raw.strip()
        if not stripped:
            continue
        lead = start + (len(raw) - len(raw.lstrip()))
        # only the start of a paragraph can hold a cue: long paragraphs are not folded whole, and
        # none whose first character (folded as the key folds it) starts no cue is folded at all
        initial = match_key(stripped[:1])
        key = "" if initial and initial[0] not in initials else match_key(stripped[:CUE_PREFIX]).rstrip(":：").strip()
        cue = _starts_with_any(key, source)
        if cue is not None and len(stripped) < 80 and (key == cue or key[len(cue):].lstrip().startswith(":")):
            value = stripped.split(":", 1)[1].strip() if ":" in stripped else ""
            publisher = publisher or value or None
            continue
        if _starts_with_any(key, keywords) is not None:
            continue
        if _starts_with_any(key, boiler) is not None:
            if mode in ("read-also", "after-read-also"):
                mode = "after-read-also"
            continue
        if _starts_with_any(key, read_also) is not None and len(stripped) < 40:
            mode = "read-also"
            continue
        if _starts_with_any(key, related) is not None and len(stripped) < 60:
            mode = "list"
            continue
        if credit_re is not None:
            masked.extend(m.span() for m in credit_re.finditer(text, start, end))
        if mode == "main":
            main.spans.append((lead, end))
        elif mode == "read-also":
            pending_headline = (lead, end)  # the headline of what is "read also"
            headlines.spans.append((lead, end))
        elif mode == "after-read-also":
            seg = Segment(f"{doc.identifier}#{len(related_articles) + 2}", "related-article")
            if pending_headline:
                seg.title = text[pending_headline[0]:pending_headline[1]].strip()
            seg.spans.append((lead, end))
            related_articles.append(seg)
            mode = "related"
        elif mode == "related":
            related_articles[-1].spans.append((lead, end))
        elif mode == "list":
            bullet = _BULLET.match(raw)
            offset = start + (bullet.end() if bullet else 0)
            headlines.spans.append((offset, end))

    lang = _declared_language(doc) or detect_language(text)
    title = doc.meta.get("title")
    dateline = None
    if main.spans:
        first_start, first_end = main.spans[0]
        first = text[first_start:first_end]
        if title is None and len(main.spans) > 1 and len(first) < 160 and not first.rstrip().endswith((".", "؟", "?", "!", ":")):
            title = first.strip()
        pattern = lang_data.value("segmentation", "dateline_pattern")
        for s_start, s_end in main.spans[:2]:  # the dateline opens the first body paragraph
            line = text[s_start:s_end]
            wire = re.match(pattern, line) if pattern else None
            if wire:
                dateline = wire.group(0).strip()
                masked.append((s_start + wire.start(), s_start + wire.end()))
                break
            m = re.match(r"^\s*([^\s\-–—:,،.]{2,20}(?:\s[^\s\-–—:,،.]{2,20})?)\s?[\-–—]\s", line)
            if m and title is None:
                dateline = m.group(1)
                masked.append((s_start + m.start(1), s_start + m.end(1)))
                break
    for seg in (main, *related_articles, headlines):
        seg.spans = bounded_spans(text, _merge_adjacent(text, seg.spans))
    segments = [s for s in [main, *related_articles, headlines] if s.spans]
    if not segments:
        segments = [Segment(doc.identifier, "article", bounded_spans(text, [(0, len(text))]) or [(0, len(text))])]
    segments[0].title = title
    if segments[0].identifier != doc.identifier:  # a page that is only headlines
        segments[0].identifier = doc.identifier
    return Page(doc=doc, lang=lang, segments=segments, masked=masked,
                publisher=publisher, title=title, dateline=dateline)


def _declared_language(doc: RawDocument) -> str | None:
    from kg.ingest.readers import supported_language

    declared = doc.meta.get("lang")
    return supported_language(declared) if isinstance(declared, str) else None


# --------------------------------------------------------------------------- bounded spans


def bounded_spans(text: str, spans: list[tuple[int, int]], limit: int = MAX_PIECE,
                  sentence: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    """``spans`` with runs of punctuation over :data:`MAX_RUN` characters left out, every
    span longer than ``limit`` cut into pieces of at most ``limit`` characters at line
    ends, else at sentence ends, and every stretch of more than ``sentence`` characters
    without a sentence end or line break cut at the last space before that length (else
    at that length), each part a span of its own. Pieces are offsets into ``text``; white
    space between them is dropped. Spans within the limits come back unchanged."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        for s, e in _without_runs(text, start, end):
            if e - s <= sentence or (e - s <= limit and not _long_stretch(text, s, e, sentence)):
                out.append((s, e))
                continue
            units = _units(text, s, e, sentence)
            if e - s <= limit and not any(hard for _, _, hard in units):
                out.append((s, e))
            else:
                out.extend(_pack(units, limit))
    return out


def _long_stretch(text: str, start: int, end: int, sentence: int) -> bool:
    """Whether ``text[start:end]`` holds more than ``sentence`` characters between two
    places where a line or a sentence ends (a quick test, no lists made: most spans of
    news have none, and :func:`_units` then needs not run)."""
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.start() - pos > sentence:
            return True
        pos = m.end()
    return end - pos > sentence


def _without_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if _RUN.search(text, start, end) is None:
        return [(start, end)]
    pieces, pos = [], start
    for m in _RUN.finditer(text, start, end):
        if text[pos:m.start()].strip():
            pieces.append((pos, m.start()))
        pos = m.end()
    if text[pos:end].strip():
        pieces.append((pos, end))
    return pieces


def _split(text: str, start: int, end: int, pattern: re.Pattern) -> list[tuple[int, int]]:
    """The parts of ``text[start:end]`` between matches of ``pattern`` (empty parts dropped)."""
    parts, pos = [], start
    for m in pattern.finditer(text, start, end):
        if m.start() > pos:
            parts.append((pos, m.start()))
        pos = m.end()
    if end > pos:
        parts.append((pos, end))
    return parts


def _units(text: str, start: int, end: int, sentence: int) -> list[tuple[int, int, bool]]:
    """(start, end, cut by length) of the lines of the span, a line longer than ``sentence``
    as its sentences, a sentence longer than that in hard pieces."""
    units: list[tuple[int, int, bool]] = []
    for ls, le in _split(text, start, end, _LINE_BREAK):
        if le - ls <= sentence:
            units.append((ls, le, False))
            continue
        for ss, se in _split(text, ls, le, _SENTENCE_BREAK):
            if se - ss <= sentence:
                units.append((ss, se, False))
            else:
                units.extend((a, b, True) for a, b in _hard_pieces(text, ss, se, sentence))
    return units


def _hard_pieces(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at the last space before each ``limit`` characters (in the
    second half of the piece), else at the limit, never before a combining mark."""
    pieces = []
    while end - start > limit:
        cut = start + limit
        space = next((i for i in range(cut, start + limit // 2, -1) if text[i].isspace()), None)
        if space is not None:
            pieces.append((start, space))
            start = space
            while start < end and text[start].isspace():
                start += 1
            continue
        while cut > start + 1 and unicodedata.combining(text[cut]):
            cut -= 1
        pieces.append((start, cut))
        start = cut
    if start < end:
        pieces.append((start, end))
    return pieces


def _pack(units: list[tuple[int, int, bool]], limit: int) -> list[tuple[int, int]]:
    """Consecutive units joined while the joined span stays within ``limit``; a piece cut
    by length stays a span of its own (joined, it would be one sentence again)."""
    packed: list[tuple[int, int]] = []
    alone = True
    for s, e, hard in units:
        if packed and not hard and not alone and e - packed[-1][0] <= limit:
            packed[-1] = (packed[-1][0], e)
        else:
            packed.append((s, e))
        alone = hard
    return packed
