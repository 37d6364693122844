"""Groups and companies that no list knows, from the way news introduces them.

* a name followed by its acronym in brackets: "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)",
  "Tehreek-e-Taliban Pakistan (TTP)": an Organization when the acronym's letters are the
  name's capitals in order and the name carries a hint that it is a body (a head noun of the
  language, a known actor inside it, a transliteration particle), so "Gross Domestic Product
  (GDP)" stays nothing; the acronym alone is the same actor further on;
* a head noun and a name in quotes: حركة "إم 23"، جبهة «فانو»، شركة تسويق النفط "سومو";
* a head noun and a capitalised name: "militant group al-Shabaab", "arms maker Lockheed
  Martin", "the M23 rebels" (the head after the name, where the language says so).
The head nouns are language data (``[named_groups]``); the patterns are the same for every
language written with quotes and brackets.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import Actor
from kg.nlp.components import ActorSpan, actor_spans, doc_text, set_actor_spans
from kg.nlp.extensions import doc_value
from kg.nlp.lexicon import get_lexicon
from kg.nlp.normalize import is_arabic, match_key
from kg.nlp.orgs import org_key
from kg.nlp.romanize import skeleton
from kg.nlp.tokens import OPENING_QUOTES, positions, token_table

QUOTED = r'[«"“]\s*([^"«»“”\n]{1,40}?)\s*[»"”]'
MAX_QUOTED_WORDS = 4  # a longer quotation is speech ("لا يعني التخلي عن مطالبنا السياسية"), not a name
CAPITALISED = r"[A-Z0-9][\w'’.-]*"
NAME_INITIALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")  # what CAPITALISED opens with
# one more name of a list after a plural head: ", ZTE", " and Lukoil" (two capitalised words at most)
LISTED_NAME = re.compile(rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)({CAPITALISED}(?:\s+{CAPITALISED})?)")
DESCRIPTION = re.compile(r",\s+an?\s+")  # "X, a …": an apposition that may say what X is
ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9-]{1,7})\s*\)")


@Language.factory("geokg_named_groups", default_config={"max_name_words": 7})
def make_named_groups(nlp: Language, name: str, max_name_words: int):
    return NamedGroups(nlp, max_name_words=max_name_words)


class NamedGroups:
    def __init__(self, nlp: Language, *, max_name_words: int) -> None:
        self.lex = get_lexicon(nlp.lang)
        spec = self.lex.data.raw.get("named_groups", {})
        self.max_words = max_name_words
        heads = sorted(spec.get("armed_heads", []) + spec.get("company_heads", []), key=len, reverse=True)
        self.hints = {match_key(w) for w in spec.get("hints", []) + heads} | \
            {match_key(w) for w in self.lex.data.strings("organizations", "heads")}
        self.particles = tuple(match_key(p) for p in spec.get("particles", []))
        self.stop = self.lex.data.keys("names", "stop")
        # a head and a quotation across one of these are not a name: "الحركة X إن التوقيع "…""
        self.boundaries = self.lex.data.keys("syntax", "clause_boundaries") | self.lex.data.keys("syntax", "complementizers")
        self.title_words = {w for t in self.lex.data.titles for w in t.split()}
        # "Kurdish militants", "Sunni rebels": a people or a creed with a group noun is no group's name
        self.group_adjectives = self.lex.data.keys("named_groups", "group_adjectives")
        proclitics = "|".join(map(re.escape, spec.get("proclitics", [])))
        alternation = "|".join(map(re.escape, heads))
        # an opening quote follows a space: in 'الشعبي" مسؤولية' the quote closes what came before
        self.quoted = re.compile(rf"(?<!\w)(?:{proclitics})?(?:{alternation})(?:\s+[^\s\"«“”»]+){{0,3}}?\s+{QUOTED}") \
            if heads and spec.get("quoted_names", True) else None
        flags = 0 if spec.get("case_sensitive_names", True) else re.I
        # lower-case words inside a name ("Tren de Aragua", "Cartel de los Soles")
        inner = "|".join(map(re.escape, sorted(spec.get("name_particles", []), key=len, reverse=True)))
        gap = rf"\s+(?:(?:{inner})\s+)?" if inner else r"\s+"
        self.head_first = re.compile(rf"\b(?:{alternation})\s+((?:al-|el-)?{CAPITALISED}(?:{gap}(?:al-|el-|bin\s)?{CAPITALISED}){{0,3}})",
                                     flags) if heads and spec.get("capitalised_names") else None
        # "حركة تحرير السودان", "جبهة تحرير أزواد": a head, a word that opens a group's name, one
        # word (and an adjective of the list) make the name, no quotes needed
        openers = "|".join(map(re.escape, spec.get("name_openers", [])))
        adjectives = "|".join(map(re.escape, spec.get("name_adjectives", [])))
        tail = rf"(?:\s+(?:{adjectives}))?" if adjectives else ""
        self.opened = re.compile(rf"(?<!\w)(?:{proclitics})?(?P<whole>(?:{alternation})\s+(?:{openers})\s+(?P<name>[^\s\"«“”»،,.:؛()]+{tail}))(?!\w)") \
            if heads and openers else None
        # a regex runs only on texts that hold one of its words (a substring test costs little)
        self.head_words = tuple(h.split()[0] for h in heads)
        # the patterns that open with a head (and a proclitic) are tried only where one stands
        # (see _head_starts), not at every character of the text
        self.heads = tuple(dict.fromkeys(heads))
        self.proclitics = tuple(p for p in spec.get("proclitics", []) if p)
        self.head_first_flags = flags
        # "UK Export Finance, Britain's export credit agency": a name and, in apposition, a known
        # actor's company or agency (languages that write possessives with 's)
        company = "|".join(map(re.escape, sorted(spec.get("company_heads", []), key=len, reverse=True)))
        self.company_words = tuple(spec.get("company_heads", []))  # the pattern runs only where one stands
        self.apposition = re.compile(
            rf"(?P<name>{CAPITALISED}(?:\s+{CAPITALISED}){{0,4}}),\s+(?P<owner>{CAPITALISED}(?:\s+{CAPITALISED})?)['’]s"
            rf"\s+(?:[a-z][\w-]*\s+){{0,3}}(?:{company})\b") if company and spec.get("apposition_names") else None
        self.after_words = tuple(spec.get("heads_after_name", []))
        after = "|".join(map(re.escape, spec.get("heads_after_name", [])))
        self.head_after = re.compile(rf"\b({CAPITALISED}(?:{gap}{CAPITALISED}){{0,2}})\s+(?:{after})\b") if after else None
        # "Vectus Global, a private security company founded by …": what the name is, after it
        self.described = re.compile(rf"(?:[\w-]+\s+){{0,3}}?(?:{company})(?=\s*[,.;:)]|\s+(?:that|which|whose|in|of|with|from|for|on|to|and)\b"
                                    rf"|\s+[a-z]+ed\b)") if company and spec.get("described_names") else None
        self.name_before = re.compile(rf"({CAPITALISED}(?:{gap}{CAPITALISED}){{0,4}})$")

    # ------------------------------------------------------------------ finding
    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        discourse = doc_value(doc, "discourse")
        spans = actor_spans(doc)
        new: list[ActorSpan] = []
        for start, end, name, short, holds_names, state in self._candidates(text):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            inside = [s for s in spans if span.start <= s.start and s.end <= span.end]
            crossing = [s for s in spans + new if s.start < span.end and span.start < s.end and s not in inside]
            # a name with its acronym or a liberation front may hold known names ("Tehreek-e-Taliban
            # Pakistan (TTP)", "حركة تحرير السودان"); others may not
            if crossing or any(s in new for s in inside) or (inside and not holds_names):
                continue
            known = self.lex.forms.get(name)  # "Islamic Revolutionary Guard Corps (IRGC)": a known actor's node
            key = known[0] if known is not None else group_key(name)
            if known is None:
                self._register(doc, key, name, short, text[start:end], state)
            spans = [s for s in spans if s not in inside]
            new.append(ActorSpan(span.start, span.end, "org", key))
        names = discourse.names if discourse is not None else {}
        present = [n for n in names if n in text] if names else []
        if present:  # "JNIM" or "Viv Ansanm" alone, once the text has introduced it
            taken = {i for s in spans + new for i in range(s.start, s.end)}
            table = token_table(doc)
            for i in positions(table.text, names.keys(), table.forms("text")):  # found in C, in order
                if i not in taken:
                    new.append(ActorSpan(i, i + 1, "org", names[table.text[i]]))
                    taken.add(i)
            for name in (n for n in present if " " in n):
                for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                    span = doc.char_span(m.start(), m.end())
                    if span is not None and not taken & set(range(span.start, span.end)):
                        new.append(ActorSpan(span.start, span.end, "org", names[name]))
                        taken.update(range(span.start, span.end))
        if new:
            set_actor_spans(doc, sorted(spans + new, key=lambda s: (s.start, s.end)))
        return doc

    def _candidates(self, text: str):
        """(start, end, name, acronym, may hold known names) of each introduced name, by
        character offsets."""
        if "(" in text:
            for m in ACRONYM.finditer(text):
                found = self._acronym_name(text, m)
                if found is not None:
                    yield found + (True, None)
        has_head = any(h in text for h in self.head_words)
        starts = self._head_starts(text) if has_head else []
        if self.quoted is not None and has_head and any(q in text for q in OPENING_QUOTES):
            for m in _finditer_at(self.quoted, text, starts):
                name = m.group(1).strip()
                between = text[m.start():m.start(1)].split()[1:]
                if name and len(name.split()) <= MAX_QUOTED_WORDS and not self.boundaries & {match_key(w) for w in between}:
                    yield m.start(), m.end(), name, None, False, None
        if self.opened is not None and has_head:
            for m in _finditer_at(self.opened, text, starts):
                if match_key(m.group("name").split()[-1]) not in self.boundaries | self.stop:
                    yield m.start("whole"), m.end(), m.group("whole").strip(), None, True, None
        if self.apposition is not None and ("'s " in text or "’s " in text) and any(w in text for w in self.company_words):
            for m in self.apposition.finditer(text):
                name = m.group("name")
                while name and match_key(name.split()[0]) in self.stop:  # "In March, …"
                    name = name[len(name.split()[0]):].lstrip()
                owner = self.lex.forms.get(m.group("owner"))
                if name and owner is not None and not self._stop(name):
                    state = owner[0] if owner[0] in self.lex.known and self.lex.known[owner[0]].type == "Country" else None
                    yield m.end("name") - len(name), m.end("name"), name, None, True, state
        if self.described is not None and (", a" in text) and any(w in text for w in self.company_words):
            yield from self._described_names(text)
        for pattern, present in ((self.head_first, has_head), (self.head_after, any(a in text for a in self.after_words))):
            if pattern is not None and present:
                if pattern is self.head_after:
                    found = _finditer_at(pattern, text, self._name_starts_before_heads(text))
                elif not self.head_first_flags:
                    found = _finditer_at(pattern, text, starts)
                else:
                    found = pattern.finditer(text)
                for m in found:
                    name = m.group(1)
                    while name and match_key(name.split()[0]) in self.stop:  # "The M23 rebels"
                        name = name[len(name.split()[0]):].lstrip()
                    start = m.end(1) - len(name)
                    name = _without_full_stop(name)
                    if name and not self._stop(name):
                        yield start, start + len(name), name, None, False, None
                        if pattern is self.head_first and text[m.start():m.start(1)].rstrip().endswith("s"):
                            yield from self._listed_names(text, start + len(name))  # "oil giants Rosneft and Lukoil"

    def _described_names(self, text: str):
        """A capitalised name before ", a … company" (the apposition says what it is)."""
        for m in DESCRIPTION.finditer(text):
            if self.described.match(text, m.end()) is None:
                continue
            found = self.name_before.search(text, max(0, m.start() - 80), m.start())
            if found is None:
                continue
            name = found.group(1)
            while name and match_key(name.split()[0]) in self.stop:  # "On Tuesday, a …"
                name = name[len(name.split()[0]):].lstrip()
            if name and not self._stop(name):
                yield m.start() - len(name), m.start(), name, None, False, None

    def _listed_names(self, text: str, end: int):
        """The names listed after the first one a plural head introduces ("firms Huawei, ZTE
        and Hikvision"): each after a comma or "and", capitalised."""
        while True:
            m = LISTED_NAME.match(text, end)
            if m is None:
                return
            name = _without_full_stop(m.group(1))
            if not name or self._stop(name):
                return
            yield m.start(1), m.start(1) + len(name), name, None, False, None
            end = m.start(1) + len(name)

    def _head_starts(self, text: str) -> list[int]:
        """Where a head (with a proclitic before it) stands in ``text``, in order: the only
        places where the head-first patterns can match."""
        found: set[int] = set()
        for head in self.heads:
            i = text.find(head)
            while i != -1:
                found.add(i)
                for p in self.proclitics:
                    if i >= len(p) and text.startswith(p, i - len(p)):
                        found.add(i - len(p))
                i = text.find(head, i + 1)
        return sorted(found)

    def _name_starts_before_heads(self, text: str) -> list[int]:
        """Where the name of ``head_after`` can start: a capital or digit in the three words
        (runs of non-space) before a head that follows a space; the only places where the
        pattern can match."""
        found: set[int] = set()
        for head in self.after_words:
            i = text.find(head)
            while i != -1:
                j = i
                if j > 0 and text[j - 1].isspace():
                    for _ in range(3):
                        while j > 0 and text[j - 1].isspace():
                            j -= 1
                        end = j
                        while j > 0 and not text[j - 1].isspace():
                            j -= 1
                        found.update(k for k in range(j, end) if text[k] in NAME_INITIALS)
                        if j == 0:
                            break
                i = text.find(head, i + 1)
        return sorted(found)

    def _stop(self, name: str) -> bool:
        """Not a name: a stop word or a title first ("the company CEO Patrick Pouyanne"), or
        a known actor's name (it has its own node)."""
        words = name.split()
        return not words or match_key(words[0]) in self.stop or match_key(words[0]) in self.title_words \
            or all(match_key(w) in self.group_adjectives for w in words) \
            or name in self.lex.forms

    def _acronym_name(self, text: str, m: re.Match) -> tuple[int, int, str, str] | None:
        acronym = m.group(1)
        before = text[:m.start()].rstrip()
        words = before.split()[-self.max_words:]
        # the shortest tail of capitalised words whose capitals spell the acronym
        for n in range(1, len(words) + 1):
            tail = words[-n:]
            if not tail[0][:1].isupper():
                continue
            capitals = "".join(c for w in tail for part in re.split(r"[-’']", w) for c in part[:1] if c.isupper())
            if capitals.upper() == acronym.replace("-", "").upper() or \
                    (len(acronym) >= 3 and _subsequence(acronym.upper(), capitals.upper()) and len(capitals) <= len(acronym) + 1):
                name = " ".join(tail)
                if not self._is_body(name):
                    return None
                start = len(before) - len(name)
                return start, m.end(), name, acronym
        return None

    def _is_body(self, name: str) -> bool:
        """A name is a body's when a head noun, a known actor or a transliteration particle
        is in it ("Tehreek-e-Taliban Pakistan", "UK Export Finance", "wal-Muslimin")."""
        keys = [match_key(w) for w in re.split(r"[\s]+", name)]
        if any(k in self.hints for k in keys) or any(k.startswith(self.particles) for k in keys[1:]):
            return True
        parts = [match_key(p) for w in name.split() for p in re.split(r"-", w)]
        return any(p in self.lex.forms or p.title() in self.lex.forms or p.upper() in self.lex.forms for p in parts if len(p) >= 2)

    def _register(self, doc: Doc, key: str, name: str, short: str | None, whole: str, state: str | None = None) -> None:
        discourse = doc_value(doc, "discourse")
        if discourse is None:
            return
        actor = discourse.register(Actor(key=key, type="Organization", affiliation=state))
        actor.add_label(doc.lang_, name)
        actor.add_label(doc.lang_, whole)  # with its head noun: "the movement" can then find it
        if " " in name:
            discourse.names.setdefault(name, key)  # "the Viv Ansanm gang coalition", then "Viv Ansanm leader …"
        if short:
            actor.add_label(doc.lang_, short)
            discourse.names.setdefault(short, key)


def group_key(name: str) -> str:
    """A stable key from the name: a slug of a Latin name, the consonant skeleton of an
    Arabic one (digits kept: حركة "إم 23" -> org-m23). A number joins a letter or two before it in
    both scripts, so "M23", "M 23" and "إم 23" are one key."""
    if not is_arabic(name):
        return _digits_joined(org_key(name))
    parts = [p if p.isdigit() else skeleton(p).lower() for p in re.split(r"[\s\-]+", match_key(name)) if p]
    return _digits_joined("org-" + ("-".join(p for p in parts if p) or "unknown"))


def _digits_joined(key: str) -> str:
    """"org-m-23" -> "org-m23": a letter or two before a number are one name with it."""
    return re.sub(r"(?<=-)([a-z]{1,2})-(?=\d)", r"\1", key)


def _finditer_at(pattern: re.Pattern, text: str, starts: list[int]):
    """The matches ``pattern.finditer(text)`` gives, for a pattern that can only match at
    one of ``starts`` (sorted): tried there alone, left to right, none overlapping."""
    end = 0
    for start in starts:
        if start >= end:
            m = pattern.match(text, start)
            if m is not None:
                end = max(m.end(), start + 1)
                yield m


def _without_full_stop(name: str) -> str:
    """A name up to the end of its sentence, without the full stop ("Cabo Ligado. About
    4,000 …" is "Cabo Ligado"); an abbreviation keeps its point ("Shahin Co.", "U.S.")."""
    words = name.split()
    for i, word in enumerate(words):
        if word.endswith(".") and len(word) > 4 and "." not in word[:-1]:
            return " ".join(words[:i] + [word[:-1]])
    return name


def _subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(c in it for c in needle)
