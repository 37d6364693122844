"""The phrase matchers that find a document's triggers and cue words, built once per
pipeline from the language data (they hold patterns made with the pipeline's vocab)."""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.extract.context import Cue, Mark
from kg.lang import LanguageData
from kg.nlp.components import Normalizer, pattern_keywords
from kg.nlp.tokens import TokenTable, longest_first

CUES = ("negation", "possible", "alleged", "speech", "according_to", "continuation", "interviewer", "denial",
        "disputes", "accusation_nouns", "involvement_nouns", "evidence_nouns", "invitation", "receiving", "led_by",
        "future_time", "vow", "unnamed_sources", "reversal", "cancelled", "mediated_by", "mediator_before", "mediator_verb",
        "deliberation", "conditional")


@dataclass(frozen=True, slots=True)
class Matchers:
    phrases: PhraseMatcher  # match id: a trigger section's name or one of CUES; one pass finds both
    cue_ids: frozenset[int]  # the match ids that are cues
    # sections whose forms all wait for a word after them ("designated … terrorist" / "… ally"):
    # the same form may open two of them, each read with its own words
    armed_only: frozenset[str] = frozenset()

    def find(self, doc: Doc, T: TokenTable, text: str) -> tuple[list[Cue], list[Mark]]:
        """(cue, start, end) of every cue word, by start; and the trigger matches,
        overlapping ones resolved longest first, by start. Matches are plain tuples until
        a trigger is kept (a document has about one match in seven tokens)."""
        strings, cue_ids = doc.vocab.strings, self.cue_ids
        cues: list[Cue] = []
        marks: list[tuple[int, int, str]] = []
        for m, s, e in self.phrases(doc):
            if m in cue_ids:
                cues.append((strings[m], s, e))
            else:
                marks.append((s, e, strings[m]))
        cues.sort(key=_START)
        kept = longest_first(marks)
        if self.armed_only:
            kept = self._armed_only(marks, kept)
        idx, words = T.idx, T.text  # a span's characters as TokenTable.start_char/end_char give them, inline
        return cues, [Mark(s, e, label, "", text[idx[s]:idx[e - 1] + len(words[e - 1])]) for s, e, label in kept]

    def _armed_only(self, marks: list[tuple[int, int, str]], kept: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """A form of an armed-only section ("sent" troops) is also a form of another section
        ("sent" tanks): every section's mark of that span stays, and the weapon decides."""
        if self.armed_only.isdisjoint(map(_LABEL, marks)):
            return kept  # no armed-only section among the doc's marks (kept ones included): nothing to add
        label_at = {(s, e): label for s, e, label in kept}
        seen = set(kept)
        extra = [m for m in marks if m[:2] in label_at and m not in seen
                 and (m[2] in self.armed_only or label_at[m[:2]] in self.armed_only)]
        if not extra:
            return kept
        return sorted(kept + list(dict.fromkeys(extra)), key=_FIRST)


_START = itemgetter(1)  # a cue's start
_FIRST = itemgetter(0)  # a trigger tuple's start
_LABEL = itemgetter(2)  # a trigger tuple's section


def build_matchers(nlp: Language, data: LanguageData) -> Matchers:
    """Matchers over the normalised forms (lower case in English), as the text is read."""
    attr = "NORM" if nlp.lang != "en" else "LOWER"
    sections = [(relation, data.trigger_forms(relation)) for relation in data.triggers]
    cue_lists = [(cue, forms) for cue in CUES if (forms := data.strings("cues", cue))]
    if clash := {name for name, _ in sections} & set(CUES):  # one matcher holds both: a name says which
        raise ValueError(f"trigger sections named like cues: {sorted(clash)}")
    texts = [f for _, forms in sections + cue_lists for f in forms]
    # the patterns of every list made in one go (the tokens of normalised docs, lower case in English)
    if nlp.lang != "en":
        found = iter(pattern_keywords(nlp, texts, attr, Normalizer(nlp)))
    else:
        found = iter(pattern_keywords(nlp, [t.lower() for t in texts], attr))
    phrases = PhraseMatcher(nlp.vocab, attr=attr)
    for relation, forms in sections:
        phrases.add(relation, [next(found) for _ in forms])
    for cue, forms in cue_lists:
        phrases.add(cue, [next(found) for _ in forms])
    cue_ids = frozenset(nlp.vocab.strings.add(cue) for cue, _ in cue_lists)
    armed_only = frozenset(name for name, spec in data.raw.get("triggers", {}).items()
                           if spec.get("with_instrument") and not any(spec.get(k) for k in ("lemmas", "forms", "noun_lemmas", "nouns")))
    return Matchers(phrases, cue_ids, armed_only)
