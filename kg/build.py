"""Build a knowledge graph from files and folders of articles: ingest → segment →
extract → RDF. Bad files are reported one line each and skipped; what was built from the
others is kept."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from rdflib import Graph

from kg.errors import InputError
from kg.ingest.readers import iter_input_files, read_documents
from kg.model import ArticleResult
from kg.parallel import extract_documents, extract_files
from kg.runtime import bulk_allocation
from kg.rdf.namespaces import ACTOR
from kg.rdf.records import TripleIndex, TurtleRender, can_render
from kg.rdf.writer import build_graph, serialize_turtle
from kg.nlp.romanize import merge_person_keys


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
                  on_error: Callable[[str], None] | None = None, jobs: int = 1) -> BuildReport:
    files = list(iter_input_files(list(paths)))
    report = BuildReport(graph=Graph())
    # --- issue 6 (performance): jobs > 1 extracts in worker processes, same results, same order
    if jobs > 1:
        report.articles, report.errors = extract_files(files, jobs, on_error=on_error, progress=progress)
        report.files = len(files)
        return report
    # --- end issue 6
    iterator = files
    if progress:
        from tqdm import tqdm
        iterator = tqdm(files, unit="file", disable=len(files) < 20, file=sys.stderr)
    with bulk_allocation():
        for path in iterator:
            report.files += 1
            try:
                report.articles.extend(extract_documents(read_documents(path)))
            except InputError as err:
                report.errors.append(str(err))
                if on_error:
                    on_error(str(err))
    return report


def merge_persons(articles: list[ArticleResult], existing_keys: Sequence[str] = ()) -> None:
    """One key per person across articles and scripts (see :func:`kg.nlp.romanize.merge_person_keys`);
    keys already in a graph being appended to win, so their IRIs stay stable."""
    keys = set(existing_keys)
    for a in articles:
        keys.update(k for k in a.actors if k.startswith("person-"))
    mapping = merge_person_keys(keys)
    existing = set(existing_keys)
    for key, target in list(mapping.items()):  # prefer a key the graph already has
        group = [k for k, t in mapping.items() if t == target] + [target]
        kept = next((k for k in sorted(group) if k in existing), target)
        for k in group:
            mapping[k] = kept
    mapping = {k: v for k, v in mapping.items() if k != v}
    if not mapping:
        return
    for a in articles:
        for old, new in mapping.items():
            if old in a.actors:
                actor = a.actors.pop(old)
                actor.key = new
                if new in a.actors:
                    a.actors[new].merge(actor)
                else:
                    a.actors[new] = actor
        a.mentions = [replace(m, actor=mapping.get(m.actor, m.actor)) for m in a.mentions]
        a.claims = [replace(c, subject=mapping.get(c.subject, c.subject), object=mapping.get(c.object, c.object),
                            attributed_to=mapping.get(c.attributed_to, c.attributed_to) if c.attributed_to else None)
                    for c in a.claims]
        for actor in a.actors.values():
            if actor.affiliation in mapping:
                actor.affiliation = mapping[actor.affiliation]


def build_paths(paths: Sequence[str | Path], graph: Graph | None = None, **kwargs) -> Graph:
    """The graph of the given files and folders (added to ``graph`` when given)."""
    report = extract_paths(paths, **kwargs)
    merge_persons(report.articles, existing_person_keys(graph) if graph is not None else ())
    return build_graph(report.articles, graph)


def existing_person_keys(graph: Graph) -> list[str]:
    prefix = str(ACTOR)
    return sorted({str(s)[len(prefix):] for s in graph.subjects() if str(s).startswith(prefix + "person-")})


def write_graph(articles: list[ArticleResult], graph: Graph, jobs: int = 1,
                keep: Literal["graph", "index"] | None = "graph") -> tuple[str, int, Graph | TripleIndex | None]:
    """(``graph.ttl`` text, number of triples, what later stages read) of the articles
    added to ``graph``.

    ``keep``: ``"graph"`` fills ``graph`` (the other formats are written from it);
    ``"index"`` gives a :class:`~kg.rdf.records.TripleIndex`, all the view needs
    (:func:`kg.analysis.graph.to_networkx` reads either); ``None`` keeps nothing. An
    rdflib graph of a large build costs more time and memory than everything else after
    extraction, so the Turtle is rendered straight from the records, the articles' blocks
    in ``jobs`` forked processes (:mod:`kg.rdf.records`) while this process makes what is
    kept. ``graph`` is always filled when it already holds triples (``--append``: old and
    new descriptions merge there) or when two articles share an identifier.
    """
    direct = len(graph) == 0 and can_render(articles) and (jobs > 1 or keep != "graph")
    if not direct:
        build_graph(articles, graph)
        return serialize_turtle(graph), len(graph), graph
    render = TurtleRender(articles, jobs)
    kept: Graph | TripleIndex | None = None
    if keep == "graph":
        kept = build_graph(articles, graph)
    elif keep == "index":
        kept = TripleIndex.of_articles(articles)
    return (*render.result(), kept)
