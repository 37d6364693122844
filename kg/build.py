"""Build a knowledge graph from files and folders of articles: ingest → segment →
extract → RDF. Bad files are reported one line each and skipped; what was built from the
others is kept."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.errors import InputError
from kg.ingest.readers import iter_input_files, read_documents
from kg.ingest.segment import segment_page
from kg.extract.article import extract_page
from kg.lang import load_language
from kg.model import ArticleResult
from kg.rdf.writer import build_graph


@dataclass
class BuildReport:
    graph: Graph
    articles: list[ArticleResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    files: int = 0

    def summary(self) -> dict[str, Counter]:
        actors: dict[str, str] = {}
        claims: Counter = Counter()
        for a in self.articles:
            for actor in a.actors.values():
                actors[actor.key] = actor.role if actor.type == "Person" and actor.role else actor.type
            for c in a.claims:
                claims[c.relation if c.polarity == "positive" else f"{c.relation} (negated)"] += 1
        return {"actors": Counter(actors.values()), "claims": claims}


def extract_paths(paths: Sequence[str | Path], *, progress: bool = False,
                  on_error: Callable[[str], None] | None = None) -> BuildReport:
    files = list(iter_input_files(list(paths)))
    report = BuildReport(graph=Graph())
    iterator = files
    if progress:
        from tqdm import tqdm
        iterator = tqdm(files, unit="file", disable=len(files) < 20, file=sys.stderr)
    for path in iterator:
        report.files += 1
        try:
            for doc in read_documents(path):
                page = segment_page(doc, load_language(_lang_hint(doc)))
                if page.lang != _lang_hint(doc):
                    page = segment_page(doc, load_language(page.lang))
                report.articles.extend(extract_page(page))
        except InputError as err:
            report.errors.append(str(err))
            if on_error:
                on_error(str(err))
    return report


def _lang_hint(doc) -> str:
    from kg.ingest.segment import detect_language
    return doc.meta.get("lang") or detect_language(doc.text)


def build_paths(paths: Sequence[str | Path], graph: Graph | None = None, **kwargs) -> Graph:
    """The graph of the given files and folders (added to ``graph`` when given)."""
    report = extract_paths(paths, **kwargs)
    return build_graph(report.articles, graph)
