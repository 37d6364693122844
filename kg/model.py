"""The records that flow from extraction to the RDF graph.

Extraction produces :class:`ArticleResult` objects; :mod:`kg.rdf.writer` turns them into
triples. Keeping this layer plain (no spaCy, no rdflib) lets tests build graphs by hand
and lets other stores be fed the same records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ACTOR_TYPES = ("Country", "Organization", "Person")
ROLES = ("Leader", "Official", "Analyst", "Other")
POLARITIES = ("positive", "negative")
MODALITIES = ("asserted", "possible", "alleged")


@dataclass
class Actor:
    """One real-world actor. ``key`` is stable across articles and languages.

    Countries use their ISO 3166-1 alpha-3 code, known actors the key of the known-actor
    data, persons no list knows a romanized slug of their name (``person-sergei-bersanov``).
    """

    key: str
    type: str  # Country | Organization | Person
    role: str | None = None  # Leader | Official | Analyst | Other (persons only)
    wikidata: str | None = None
    affiliation: str | None = None  # key of a Country or Organization
    labels: dict[str, str] = field(default_factory=dict)  # preferred label per language
    alt_labels: dict[str, set[str]] = field(default_factory=dict)  # other surface forms per language

    def add_label(self, lang: str, text: str) -> None:
        if text == self.labels.get(lang):  # the label again (labels are kept normalised)
            return
        text = " ".join(text.split())
        if not text:
            return
        if lang not in self.labels:
            self.labels[lang] = text
        elif text != self.labels[lang]:
            self.alt_labels.setdefault(lang, set()).add(text)

    def merge(self, other: "Actor") -> None:
        """Fold another record of the same actor into this one (labels, missing facts)."""
        for lang, text in other.labels.items():
            self.add_label(lang, text)
        for lang, texts in other.alt_labels.items():
            for text in sorted(texts):
                self.add_label(lang, text)
        self.wikidata = self.wikidata or other.wikidata
        self.affiliation = self.affiliation or other.affiliation
        if other.role and (self.role in (None, "Other")):
            self.role = other.role


@dataclass(frozen=True)
class Mention:
    actor: str  # Actor.key
    start: int  # character offsets into the article's source text
    end: int
    text: str


@dataclass(frozen=True)
class Claim:
    subject: str  # Actor.key
    relation: str  # one of kg.rdf.namespaces.RELATIONS
    object: str  # Actor.key
    polarity: str = "positive"
    modality: str = "asserted"
    attributed_to: str | None = None  # Actor.key
    evidence: str = ""
    start: int = 0  # offsets of the evidence in the source text
    end: int = 0
    items: tuple[str, ...] = ()  # what was supplied, when the text says


@dataclass
class ArticleResult:
    """One article (or one segment of a scraped page) after extraction."""

    identifier: str  # input file stem; segments of one page are "stem#2", "stem#3"
    lang: str
    text: str = ""  # the source text the offsets point into (the whole file)
    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date
    url: str | None = None
    source_path: str | None = None
    part_of: str | None = None  # identifier of the page this segment came from
    kind: str = "article"  # article | headline-list | related-article
    actors: dict[str, Actor] = field(default_factory=dict)
    referenced: dict[str, Actor] = field(default_factory=dict)  # described, not mentioned (affiliations)
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
