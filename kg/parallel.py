"""Extraction of many files in worker processes (``kg build --jobs N``).

One task is one input file: a worker reads it, segments and extracts every document in it
exactly as :func:`kg.build.extract_paths` does in one process, and sends back the
:class:`~kg.model.ArticleResult` records (pickled) and the one-line error of a bad file.
Results come back in input order, so the graph is byte-for-byte the one a single process
builds. Each worker loads the spaCy pipelines and lexicons once (lazily, on first use).

Workers are forked where the platform allows it (Linux): they start in milliseconds and
share the parent's loaded modules; elsewhere they are spawned.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from kg.errors import InputError
from kg.model import ArticleResult

FileResult = tuple[list[ArticleResult], str | None]


def extract_file(path: Path | str) -> FileResult:
    """The articles of one file and the error that stopped it (``None`` when it was read
    whole); what was extracted before an error is kept, as in a single process."""
    from kg.build import _lang_hint  # late: kg.build imports this module
    from kg.extract.article import extract_page
    from kg.ingest.readers import read_documents
    from kg.ingest.segment import segment_page
    from kg.lang import load_language

    articles: list[ArticleResult] = []
    try:
        for doc in read_documents(Path(path)):
            page = segment_page(doc, load_language(_lang_hint(doc)))
            if page.lang != _lang_hint(doc):
                page = segment_page(doc, load_language(page.lang))
            articles.extend(extract_page(page))
    except InputError as err:
        return articles, str(err)
    return articles, None


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _context():
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else "spawn")


def iter_extract(files: Sequence[Path], jobs: int) -> Iterator[FileResult]:
    """``extract_file`` over ``files`` in ``jobs`` processes, yielding results in file order."""
    jobs = max(1, min(jobs, len(files)))
    if jobs == 1:
        for path in files:
            yield extract_file(path)
        return
    # small chunks keep both workers busy to the end; large ones save pickling round trips
    chunksize = max(1, min(16, len(files) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context()) as pool:
        yield from pool.map(extract_file, files, chunksize=chunksize)


def extract_files(files: Sequence[Path], jobs: int, *,
                  on_result: Callable[[FileResult], None] | None = None) -> tuple[list[ArticleResult], list[str]]:
    """All articles of ``files`` (in order) and the error lines of the bad ones."""
    articles: list[ArticleResult] = []
    errors: list[str] = []
    for result in iter_extract(files, jobs):
        found, error = result
        articles.extend(found)
        if error is not None:
            errors.append(error)
        if on_result:
            on_result(result)
    return articles, errors
