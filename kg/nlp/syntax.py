"""A shallow syntax layer, computed once per document and stored on it for the rules.

What it marks so far (``doc.user_data["syntax"]``, a :class:`Syntax`):

* adjuncts: time phrases ("يوم الأحد", "on Sunday", "last week", "في 12 مارس") and the
  commas that set them off ("اتهمت الحكومة العراقية، يوم الأحد، تركيا"): the rules measure
  the distance between a trigger and its arguments without them;
* parentheticals: a phrase set off by commas right after an actor and opened by a preposition
  ("اتهمت الحكومة العراقية، في بيان صدر عن مكتبها، تركيا بقصف …"), read past like a time phrase;
* reciprocals ("each other", "بعضهما البعض"): the coordinated subject acts on itself, each
  member on each other one.

The words are language data (``[syntax] time_words``, ``time_anchors``, ``reciprocals``);
the layer is the same for every language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.nlp.components import Normalizer, actor_spans
from kg.nlp.lexicon import get_lexicon
from kg.nlp.tokens import indices_of, sentence_bounds, token_table

COMMAS = frozenset({",", "،"})
STOPS = frozenset({".", "؛", ";", ":", "?", "؟", "!"})


@dataclass(frozen=True)
class Syntax:
    adjuncts: frozenset[int] = frozenset()  # tokens of time adjuncts and the commas around them
    reciprocals: dict[int, int] = field(default_factory=dict)  # start -> end of "each other", "بعضهما"


def syntax_of(doc: Doc) -> Syntax:
    """The layer of ``doc``, empty when the component did not run (a pipeline without it)."""
    return doc.user_data.get("syntax") or Syntax()


@Language.factory("geokg_syntax", default_config={})
def make_syntax(nlp: Language, name: str):
    return SyntaxLayer(nlp)


class SyntaxLayer:
    def __init__(self, nlp: Language) -> None:
        data = get_lexicon(nlp.lang).data
        self.time_words = data.keys("syntax", "time_words")
        self.anchors = data.keys("syntax", "time_anchors")
        self.parenthetical = data.keys("syntax", "parenthetical_prepositions")
        self.hosts = data.keys("syntax", "parenthetical_hosts")
        self.fronting = data.keys("syntax", "fronted_prepositions")  # "Under a truce brokered by X, …"
        self.reciprocal_matcher = PhraseMatcher(nlp.vocab, attr="NORM" if nlp.lang != "en" else "LOWER")
        normalizer = Normalizer(nlp)
        forms = data.strings("syntax", "reciprocals")
        if forms:
            self.reciprocal_matcher.add("reciprocal", [normalizer(nlp.make_doc(f)) if nlp.lang != "en"
                                                       else nlp.make_doc(f.lower()) for f in forms])

    def __call__(self, doc: Doc) -> Doc:
        T = token_table(doc)
        adjuncts: set[int] = set()
        present = self.anchors & T.forms() if self.anchors else ()
        if present:
            # a run of time words and numbers with an anchor in it ("on Sunday", "في 12 مارس"):
            # found from the anchors (a few per text) rather than from every time word ("the", "في")
            norm, num, text = T.norm, T.num, T.text
            words = self.time_words
            n = len(norm)
            done = 0  # end of the last run taken
            for a in sorted(k for w in present for k in indices_of(norm, w)):
                if a < done or not (norm[a] in words or num[a]):
                    continue
                i, j = a, a + 1
                while i > 0 and (norm[i - 1] in words or num[i - 1]):
                    i -= 1
                while j < n and (norm[j] in words or num[j]):
                    j += 1
                done = j
                adjuncts.update(range(i, j))
                if i > 0 and j < n and text[i - 1] in COMMAS and text[j] in COMMAS:
                    adjuncts.update((i - 1, j))  # "، يوم الأحد،": the commas go with it
        if self.parenthetical:
            adjuncts |= self._parentheticals(doc, T)
        if self.fronting and not self.fronting.isdisjoint(T.forms()):
            adjuncts |= self._fronted(doc, T)
        reciprocals = {s: e for _, s, e in self.reciprocal_matcher(doc)} if len(self.reciprocal_matcher) else {}
        doc.user_data["syntax"] = Syntax(frozenset(adjuncts), reciprocals)
        return doc

    def _fronted(self, doc: Doc, T) -> set[int]:
        """A prepositional phrase that opens a sentence, up to the comma that ends it ("Under a
        truce brokered by the United States, Israel and Lebanon agreed …", "Despite U.S.
        sanctions, Iran …"): the clause's arguments are after it, and no list runs across."""
        text, norm = T.text, T.norm
        found: set[int] = set()
        for s, e in sentence_bounds(doc):
            k = s
            while k < e and not T.alpha[k]:  # an opening quote or dash
                k += 1
            if k >= e or norm[k] not in self.fronting:
                continue
            j = next((i for i in range(k + 1, min(e, k + 16)) if text[i] in COMMAS or text[i] in STOPS), None)
            if j is not None and text[j] in COMMAS and j + 1 < e:
                found.update(range(k, j + 1))
        return found

    def _parentheticals(self, doc: Doc, T) -> set[int]:
        """A phrase set off by commas right after an actor or a word of ``[syntax]
        parenthetical_hosts``, opened by one of ``[syntax] parenthetical_prepositions``
        ("اتهمت الحكومة العراقية، في بيان صدر عن مكتبها، تركيا", "Iran, in a statement, accused
        …", "will not, for now, impose"): no clause of its own, read past like a time phrase."""
        text, norm, n = T.text, T.norm, len(T)
        # the prepositions first (a few per text), the commas before them, then the actors
        opened = [k - 1 for w in self.parenthetical & T.forms() for k in indices_of(norm, w) if k > 0 and text[k - 1] in COMMAS]
        if not opened:
            return set()
        ends = {s.end for s in actor_spans(doc)}
        found: set[int] = set()
        for i in opened:
            if i not in ends and norm[i - 1] not in self.hosts:
                continue
            j = next((k for k in range(i + 2, min(n, i + 15)) if text[k] in COMMAS or text[k] in STOPS), None)
            if j is not None and text[j] in COMMAS:
                found.update(range(i, j + 1))
        return found
