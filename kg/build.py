"""Build a knowledge graph from files and folders of articles: ingest → segment →
extract → RDF. Bad files are reported one line each and skipped; what was built from the
others is kept."""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from rdflib import Graph

from kg.errors import GeoKGError
from kg.ingest.language_check import language_warnings
from kg.ingest.readers import iter_inputs
from kg.model import ArticleResult
from kg.parallel import extract_documents, extract_files, read_file
from kg.runtime import SETTLE_EVERY, bulk_allocation, settle
from kg.rdf.namespaces import ACTOR
from kg.rdf.records import TripleIndex, TurtleRender, can_render, render_with_index
from kg.rdf.writer import build_graph, relativize_sources, serialize_turtle
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
                  on_error: Callable[[str], None] | None = None, jobs: int = 1,
                  on_warning: Callable[[str], None] | None = None) -> BuildReport:
    """Read and extract every article under ``paths``.

    A file, a JSONL record or an input argument that cannot be read is one line to
    ``on_error`` (and in ``report.errors``) and the rest is built; when no argument at
    all can be read, :class:`GeoKGError` says why in one line. Warnings (a field dropped,
    a language detected, an identifier that two articles share) go to ``on_warning``.
    Every article comes out with an identifier of its own (:func:`unique_identifiers`).
    """
    report = BuildReport(graph=Graph())

    def error(message: str) -> None:
        report.errors.append(message)
        if on_error:
            on_error(message)

    bad_arguments: list[str] = []
    files = list(iter_inputs(list(paths), on_error=bad_arguments.append, on_skip=on_warning))
    if not files and bad_arguments:
        raise GeoKGError("; ".join(bad_arguments))
    for message in bad_arguments:
        error(message)
    # --- issue 6 (performance): jobs > 1 extracts in worker processes, same results, same order
    if jobs > 1:
        report.articles, errors = extract_files(files, jobs, on_error=on_error, progress=progress,
                                                on_warning=on_warning)
        report.errors += errors
        report.files = len(files)
        unique_identifiers(report.articles, on_warning=on_warning)
        return report
    # --- end issue 6
    # every file is read first, so the bar counts articles (a .jsonl file holds thousands)
    reads = [(item, *read_file(item)) for item in files]
    from kg.progress import bar

    with bulk_allocation(), bar(total=sum(len(docs) for _, docs, _, _ in reads), desc="extracting",
                                unit="article", show=None if progress else False) as shown:
        for n, (item, docs, failure, notes) in enumerate(reads):
            reads[n] = None  # the documents are freed as they are extracted
            report.files += 1
            for skipped, message in notes.in_order:
                if skipped:
                    error(message)
                elif on_warning:
                    on_warning(message)
            if failure:
                error(failure)
            if on_warning:
                language_warnings(docs, on_warning)
            for doc in docs:  # one at a time, so that the bar moves inside a large .jsonl
                report.articles.extend(extract_documents([doc], on_error=error))
                shown.update(1)
                if shown.n % SETTLE_EVERY == 0:
                    settle()
    unique_identifiers(report.articles, on_warning=on_warning)
    return report


COLLISION_MARK = "~"  # "index" taken: the next article of that name is "index~2"


def _origin(article: ArticleResult) -> str:
    return article.url or article.source_path or ""


def _same_origin(a: str, b: str) -> bool:
    """Whether two recorded sources name the same article: equal, or one a path ending in
    the other (graphs written before sources were relative hold the path as typed); a
    JSONL line number does not count (a record may move in its file)."""
    a, b = (re.sub(r":\d+$", "", x) for x in (a, b))
    return a == b or a.endswith("/" + b) or b.endswith("/" + a)


def unique_identifiers(articles: list[ArticleResult], existing: dict[str, str] | None = None,
                       on_warning: Callable[[str], None] | None = None) -> int:
    """Give every page (an article and its segments ``ID#2``, ``ID#headlines``) identifiers
    no other page has: not an earlier page of ``articles``, nor an article of ``existing``
    (identifier → recorded source, for ``--append``) from another source. A page whose
    identifier is taken becomes ``ID~2`` (``~3``…), with one warning line; both articles are
    kept. An existing article from the same source is replaced, as re-ingesting means.
    Returns the number of pages renamed."""
    existing = existing or {}
    used: dict[str, str] = {}
    renamed = 0
    groups: list[list[ArticleResult]] = []
    for article in articles:
        if article.part_of is None or not groups or groups[-1][0].identifier != article.part_of:
            groups.append([article])
        else:
            groups[-1].append(article)
    for group in groups:
        base = group[0].identifier
        origin = _origin(group[0])

        def taken(ident: str) -> str | None:
            if ident in used:
                return used[ident]
            if ident in existing and not _same_origin(existing[ident], origin):
                return existing[ident] or "the existing graph"
            return None

        clash = next((t for t in (taken(a.identifier) for a in group) if t is not None), None)
        if clash is not None:
            n = 2
            while any(taken(f"{base}{COLLISION_MARK}{n}{a.identifier[len(base):]}") is not None for a in group):
                n += 1
            new_base = f"{base}{COLLISION_MARK}{n}"
            for a in group:
                a.identifier = new_base + a.identifier[len(base):]
                if a.part_of is not None:
                    a.part_of = new_base
            renamed += 1
            if on_warning:
                on_warning(f"{origin or base}: identifier '{base}' is already used by {clash}; "
                           f"this article is kept as '{new_base}'")
        for a in group:
            used[a.identifier] = origin or a.identifier
    return renamed


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
    apply_person_map(articles, {k: v for k, v in mapping.items() if k != v})


def apply_person_map(articles, mapping: dict[str, str]) -> None:
    """Rename merged person keys in the records (actors, mentions, claims, affiliations);
    the Dask driver applies the same map it makes from every article's keys."""
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
        relativize_sources(graph)  # an appended-to graph may be older than relative sources
        build_graph(articles, graph)
        return serialize_turtle(graph), len(graph), graph
    if keep == "index" and jobs <= 1:  # one process: each article's triples made once for both
        return render_with_index(articles)
    render = TurtleRender(articles, jobs)
    kept: Graph | TripleIndex | None = None
    if keep == "graph":
        kept = build_graph(articles, graph)
    elif keep == "index":
        kept = TripleIndex.of_articles(articles)
    return (*render.result(), kept)
