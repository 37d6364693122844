"""Script-independent keys for persons no list knows, so that "سيرغي بيرسانوف" in an Arabic
article and "Sergei Bersanov" in an English one become one node.

Each language file says how its letters are read (``[romanization]``): ``letters`` maps
letters and letter sequences to shared consonant classes (``^`` and ``$`` anchor a sequence
to the start or end of a word); what it does not list (vowels, alef, waw, ya, ain) is dropped
and doubled classes fold, so a name part becomes its consonant skeleton ("Shoigu" and
"شويغو" → ``sg``). The file also lists the name parts that are left out (``particles``:
"al", "آل"), generational suffixes and regnal numbers kept as one marker in both scripts
(``suffixes``: "Jr." = "الابن"), given names that share a skeleton but are different names,
keyed by one spelling (``given_names``: Mohammed / Mahmoud), how an initial is spelled out
in the other script (``letter_names``: "F." = "إف") and the classes one of its letters may be
written as elsewhere (``alternations``: an English "j" is ج, خ or ي).

:func:`person_key` keeps every name part; :func:`merge_person_keys` then joins keys that are
one person: every part matches in order, within a tolerance that grows with its length,
parts written apart in one script may be one part in the other ("Jinping" = "جين بينغ"), and
a name may be a longer form of another ("Lula da Silva") when only one person fits. Two
different first names with one surname stay two people.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from kg.lang import available_languages, load_language
from kg.nlp.normalize import is_arabic, match_key

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c-\u200f\u0640]")
_EDGE_PUNCT = ".,;:!?()[]\"'«»“”‘’"
MAX_JOINED = 3  # parts written apart in one script that may be one part in the other


@dataclass(frozen=True)
class _Rule:
    src: str
    dst: str
    at_start: bool
    at_end: bool


@dataclass
class _Script:
    rules: dict[str, list[_Rule]]  # by first character, longest first
    own_letters: frozenset[str]  # letters with rules of their own, not folded to ASCII
    particles: frozenset[str]
    patronymics: list[str]
    suffixes: dict[str, str]
    given_names: dict[str, str]
    letter_names: dict[str, str]
    alternations: list[str]


def _folded(code: str, word: str) -> str:
    """A word as the lists in the data file are looked up: "Hüseyin," → "huseyin"."""
    if code == "ar":
        return match_key(word)
    return unicodedata.normalize("NFKD", match_key(word)).encode("ascii", "ignore").decode().strip(_EDGE_PUNCT)


@functools.lru_cache(maxsize=None)
def _scripts() -> dict[str, _Script]:
    scripts = {}
    for code in available_languages():
        data = load_language(code).raw.get("romanization", {})
        rules: dict[str, list[_Rule]] = {}
        for src, dst in data.get("letters", {}).items():
            start, end = src.startswith("^"), src.endswith("$") and len(src) > 1
            body = src[1 if start else 0:len(src) - 1 if end else len(src)]
            rules.setdefault(body[0], []).append(_Rule(body, dst, start, end))
        for group in rules.values():
            group.sort(key=lambda r: (-len(r.src), not (r.at_start or r.at_end)))
        scripts[code] = _Script(
            rules=rules,
            own_letters=frozenset(c for group in rules.values() for rule in group for c in rule.src if not c.isascii()),
            particles=frozenset(_folded(code, p) for p in data.get("particles", [])),
            patronymics=list(data.get("patronymics", [])),
            suffixes={_folded(code, k): v for k, v in data.get("suffixes", {}).items()},
            given_names={_folded(code, k): v for k, v in data.get("given_names", {}).items()},
            letter_names={k.casefold(): v for k, v in data.get("letter_names", {}).items()},
            alternations=list(data.get("alternations", [])),
        )
    return scripts


def _script(text: str) -> tuple[str, _Script | None]:
    code = "ar" if is_arabic(text) else "en"
    return code, _scripts().get(code)


def _prepared(word: str, script: _Script, arabic: bool) -> str:
    if arabic:  # harakat and tatweel go; hamza forms stay (إلهام is not الهام with an article)
        return _MARKS.sub("", unicodedata.normalize("NFKC", word))
    text = unicodedata.normalize("NFC", word).casefold()
    return "".join(c if c.isascii() or c in script.own_letters
                   else unicodedata.normalize("NFKD", c).encode("ascii", "ignore").decode() for c in text)


@functools.lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """Consonant skeleton of one name part: "Shoigu" → "sg", "شويغو" → "sg"."""
    code, script = _script(word)
    if script is None:
        return ""
    text = _prepared(word, script, code == "ar")
    out, i, n = [], 0, len(text)
    while i < n:
        for rule in script.rules.get(text[i], ()):
            if (rule.at_start and i) or not text.startswith(rule.src, i) or (rule.at_end and i + len(rule.src) != n):
                continue
            out.append(rule.dst)
            i += len(rule.src)
            break
        else:
            i += 1
    return _fold("".join(out))


def name_parts(name: str) -> list[str]:
    """Name parts as written: split at spaces and hyphens ("Kim Yo-jong" → Kim, Yo, jong)."""
    return [p for p in re.split(r"[\s\-‐]+", name) if p.strip(_EDGE_PUNCT)]


def _key_parts(name: str) -> list[str]:
    code, script = _script(name)
    if script is None:
        return []
    words = name_parts(name)
    marker = None
    if words and _folded(code, words[-1]) in script.suffixes:
        marker = script.suffixes[_folded(code, words.pop())]
    parts = []
    for word in words:
        folded = _folded(code, word)
        if folded in script.particles:
            continue
        if folded in script.given_names:
            parts.append(script.given_names[folded])
        elif folded in script.letter_names:  # an initial: "F." is read "إف" in Arabic
            parts.append(skeleton(script.letter_names[folded]))
        else:
            parts.append(skeleton(word))
    return [p for p in parts if p] + ([marker] if marker else [])


@functools.lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    return "person-" + ("-".join(_key_parts(name)) or "unknown")


# --- matching keys ---------------------------------------------------------------------

@dataclass(frozen=True)
class _Vocabulary:
    markers: frozenset[str]  # suffix markers ("junior", "ii")
    given: dict[str, str]  # given name as keyed -> its skeleton
    pairs: frozenset[tuple[str, str]]  # classes that may stand for each other
    bases: dict[str, tuple[str, ...]]  # class -> the plain classes it may be, for blocking
    patronymics: frozenset[str]  # skeletons of "bin", "بن"


@functools.lru_cache(maxsize=None)
def _vocabulary() -> _Vocabulary:
    scripts = _scripts()
    pairs = {(a, b) for s in scripts.values() for a, b in s.alternations}
    # a class that alternates with several (j: g, h, y) stands for them in blocking keys
    wild = {a for a, _ in pairs}
    bases = {a: tuple(sorted(b for x, b in pairs if x == a)) for a in wild}
    return _Vocabulary(
        markers=frozenset(v for s in scripts.values() for v in s.suffixes.values()),
        given={v: skeleton(v) for s in scripts.values() for v in s.given_names.values()},
        pairs=frozenset(pairs | {(b, a) for a, b in pairs}),
        bases=bases,
        patronymics=frozenset(skeleton(p) for s in scripts.values() for p in s.patronymics),
    )


@dataclass(frozen=True)
class _Name:
    parts: tuple[str, ...]  # skeletons, or given names as keyed
    skeletons: tuple[str, ...]
    marker: str | None

    @functools.cached_property
    def given(self) -> tuple[bool, ...]:
        return tuple(p != s for p, s in zip(self.parts, self.skeletons))


def _parse(key: str) -> _Name:
    vocab = _vocabulary()
    parts = key[len("person-"):].split("-")
    marker = parts.pop() if parts and parts[-1] in vocab.markers else None
    parts = [p for p in parts if p and p != "unknown"]
    return _Name(tuple(parts), tuple(vocab.given.get(p, p) for p in parts), marker)


def _same_class(a: str, b: str) -> bool:
    return a == b or (a, b) in _vocabulary().pairs


def _indels(a: str, b: str, limit: int) -> int:
    """Letters left out or added between two skeletons (alternating classes are the same
    letter; a letter for another costs two), ``limit + 1`` once it is over ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (0 if _same_class(ca, cb) else 2)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


MIN_TOLERANT = 4  # consonants a part needs, on both sides, before one may be missing


def _tolerance(a: str, b: str) -> int:
    """Letters one spelling of a name part may lack: none below four consonants ("Sami" is
    not "Samir", "Bessent" not "Pashinyan"), one up to seven (Barnier / بارنييه, Devlet /
    دولت), two beyond."""
    shorter, longer = min(len(a), len(b)), max(len(a), len(b))
    return 0 if shorter < MIN_TOLERANT else 1 if longer <= 7 else 2


def _variants(skel: str) -> set[str]:
    """A skeleton with and without its optional letters (upper case: the final r of
    "Barnier" that French does not say and Arabic does not write)."""
    if skel.islower() or not skel:
        return {skel}
    optional = [i for i, c in enumerate(skel) if c.isupper()]
    out = set()
    for mask in range(1 << min(len(optional), 3)):
        drop = {optional[k] for k in range(len(optional)) if mask >> k & 1}
        out.add(_fold("".join(c for i, c in enumerate(skel) if i not in drop).lower()))
    return out


def _fold(text: str) -> str:
    return re.sub(r"(.)\1+", r"\1", text)


def _same_letters(a: str, b: str) -> bool:
    return len(a) == len(b) and all(_same_class(ca, cb) for ca, cb in zip(a, b))


@functools.lru_cache(maxsize=262144)
def _close(a: str, b: str) -> bool:
    """Two skeletons of one name part: the same first letter, within the tolerance."""
    if a.islower() and b.islower():
        return _close_plain(a, b)
    return any(_close_plain(va, vb) for va in _variants(a) for vb in _variants(b))


def _close_plain(a: str, b: str) -> bool:
    if _same_letters(a, b):
        return True
    if not a or not b or not _same_class(a[0], b[0]):
        return False
    limit = _tolerance(a, b)
    return _indels(a, b, limit) <= limit


@functools.lru_cache(maxsize=262144)
def _joined(parts: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_fold(v) for v in _variants("".join(parts)))


def _segment_matches(x: _Name, i: int, i2: int, y: _Name, j: int, j2: int) -> bool:
    if i2 - i == 1 and j2 - j == 1:
        if x.given[i] and y.given[j]:  # two given names: the same one, or two people
            return x.parts[i] == y.parts[j]
        return _close(x.skeletons[i], y.skeletons[j])
    # parts written apart on one side are one part on the other: the same letters, no edits
    return any(_same_letters(a, b) for a in _joined(x.skeletons[i:i2]) for b in _joined(y.skeletons[j:j2]))


_STEPS = [(1, k) for k in range(1, MAX_JOINED + 1)] + [(k, 1) for k in range(2, MAX_JOINED + 1)]


def _ends(x: _Name, y: _Name, start: int, segments: int = 1) -> set[int]:
    """Where in ``y`` an alignment of all of ``x`` from ``y``'s part ``start`` can end: parts
    match in order, one part against up to three written apart, in ``segments`` steps at least."""
    nx, ny = len(x.parts), len(y.parts)
    reach = {(0, start, 0)}
    todo = [(0, start, 0)]
    ends = set()
    while todo:
        i, j, done = todo.pop()
        if i == nx:
            if done >= segments:
                ends.add(j)
            continue
        for di, dj in _STEPS:
            i2, j2, state = i + di, j + dj, (i + di, j + dj, min(done + 1, segments))
            if i2 <= nx and j2 <= ny and state not in reach and _segment_matches(x, i, i2, y, j, j2):
                reach.add(state)
                todo.append(state)
    return ends


def _same_person(x: _Name, y: _Name) -> bool:
    return x.marker == y.marker and bool(x.parts) and len(y.parts) in _ends(x, y, 0)


def _within(x: _Name, y: _Name, start: int, end: int) -> bool:
    """``x`` is a shorter form of ``y``: all of ``x``, two parts at least, matches ``y``'s parts
    from ``start`` to ``end``, which leave out its first parts ("Lula da Silva") or, for a name
    of descent, its last ("Mohammed bin Salman" of "Mohammed bin Salman bin Abdulaziz")."""
    if x.marker != y.marker or len(x.parts) < 2 or len(x.parts) >= len(y.parts):
        return False
    patronymics = _vocabulary().patronymics
    if start and y.skeletons[start - 1] in patronymics:
        return False  # "Khalid bin Mohammed bin Salman" is the son of "Mohammed bin Salman"
    if end < len(y.parts) and not patronymics.intersection(x.skeletons):
        return False  # only a name of descent runs on: "Mohammed Ali" may not be "Mohammed Ali Khan"
    return end in _ends(x, y, start, segments=2)  # not "Jean Sk" read as one part "Gnsk"


SIGNATURE = 4  # classes in a blocking key


@functools.lru_cache(maxsize=262144)
def _signatures(skeletons: tuple[str, ...]) -> frozenset[str]:
    """Blocking keys of parts read as one: their first classes, a class that stands for
    several once for each, and, where a part is long enough to lack a letter (or the letter
    is optional), those with one letter left out: two spellings that can match share one."""
    text, deletable = "", []
    for part in skeletons:
        deletable += [len(part) >= MIN_TOLERANT or c.isupper() for c in part]
        text += part.lower()
        if len(text) > SIGNATURE:
            break
    bases = _vocabulary().bases
    heads = [""]
    for c in text[:SIGNATURE + 1]:
        heads = [h + b for h in heads for b in bases.get(c, (c,))]
    out = set()
    for head in heads:
        out.add(head[:SIGNATURE])
        out.update((head[:k] + head[k + 1:])[:SIGNATURE] for k in range(1, len(head)) if deletable[k])
    return frozenset(out)


def _blocks(name: _Name, start: int, end: int) -> set[str]:
    """Blocking keys of ``name``'s parts from ``start`` to ``end``: how they begin and how
    their last part (or the last two or three, read as one) begins, and all of their letters
    for the one part that other scripts write apart. Two names that match share one."""
    sk = name.skeletons[start:end]
    heads = _signatures(sk)
    tails = set().union(*(_signatures(sk[k:]) for k in range(max(1, len(sk) - MAX_JOINED), len(sk)))) \
        if len(sk) > 1 else heads
    blocks = {h + "|" + t for h in heads for t in tails}
    if len(sk) <= MAX_JOINED:  # "Jinping" and "جين بينغ" as one part: the same letters
        bases = _vocabulary().bases
        for text in _joined(sk):
            whole = [""]
            for c in text:
                whole = [w + b for w in whole for b in bases.get(c, (c,))]
            blocks.update("=" + w for w in whole)
    return blocks


def merge_person_keys(keys) -> dict[str, str]:
    """Map person keys that name one person to one canonical key (the smallest): spellings
    across scripts ("قسطنطين" has no n: ``kstntn`` / ``knstntn``), parts joined or apart, a
    shorter form of one longer name. Every part must match, so people who share a surname but
    not a first name stay apart. Candidates meet through blocking keys (how a name's first and
    last parts begin), so the cost grows with the number of keys, not with its square."""
    keys = sorted(set(k for k in keys if k.startswith("person-")))
    names = {k: _parse(k) for k in keys}
    parent = {k: k for k in keys}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    whole: dict[str, list[str]] = {}  # blocking key -> names
    parts_of: dict[str, list[tuple[str, int, int]]] = {}  # blocking key -> (name, first part, end)
    for k in keys:
        name = names[k]
        n = len(name.parts)
        if not n:
            continue
        for block in _blocks(name, 0, n):
            whole.setdefault(block, []).append(k)
        for start, end in [(0, e) for e in range(1, n)] + [(s, n) for s in range(1, n)]:
            for block in _blocks(name, start, end):
                parts_of.setdefault(block, []).append((k, start, end))
    seen: set[tuple[str, str]] = set()
    for bucket in whole.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                if (a, b) not in seen:
                    seen.add((a, b))
                    if _same_person(names[a], names[b]):
                        union(a, b)
    # a shorter form joins the one longer name it fits; fitting two people, it stays apart
    shorter: dict[str, set[str]] = {}
    for a in keys:
        x = names[a]
        if len(x.parts) < 2:
            continue
        for block in _blocks(x, 0, len(x.parts)):
            for b, start, end in parts_of.get(block, ()):
                if b not in shorter.get(a, ()) and _within(x, names[b], start, end):
                    shorter.setdefault(a, set()).add(b)
    for a, longer in sorted(shorter.items()):
        roots = {find(b) for b in longer}
        if len(roots) == 1 and find(a) not in roots:
            union(a, roots.pop())
    return {k: find(k) for k in keys if find(k) != k}
