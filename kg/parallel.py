"""Extraction in worker processes (``kg build --jobs N``).

The parent reads the input files (cheap, and where bad files are reported, one line each,
in file order), cuts the documents into small chunks and hands the chunks to a process
pool; a worker segments and extracts each document exactly as :func:`kg.build.extract_paths`
does in one process and sends back the :class:`~kg.model.ArticleResult` records. Chunks
are collected in order, so the graph is byte-for-byte the one a single process builds.
Chunks of documents rather than whole files keep the workers busy to the end and let a
single big JSONL file (a day of news) use every CPU.

Workers are forked where the platform allows it (Linux): they start at once and share the
pipelines the parent has loaded; elsewhere they are spawned and load them on first use.
"""

from __future__ import annotations

import math
import multiprocessing as mp
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from kg.errors import InputError
from kg.ingest.language_check import language_warnings
from kg.ingest.readers import InputFile, RawDocument, ReadNotes, read_documents
from kg.model import ArticleResult
from kg.runtime import SETTLE_EVERY, bulk_allocation, settle

MAX_CHUNK = 64  # documents per task at most
TASKS_PER_JOB = 16  # at least this many tasks per worker when there are enough documents


def read_file(path: Path | str | InputFile) -> tuple[list[RawDocument], str | None, ReadNotes]:
    """The documents of one file, or none and the one-line error that rejects it; and the
    records skipped and warnings of a file read (:class:`~kg.ingest.readers.ReadNotes`)."""
    notes = ReadNotes()
    try:
        return read_documents(path if isinstance(path, InputFile) else Path(path), notes), None, notes
    except InputError as err:
        return [], str(err), notes


def extract_documents(docs: Sequence[RawDocument],
                      on_error: Callable[[str], None] | None = None) -> list[ArticleResult]:
    """Segment and extract documents, as one process does (see :func:`kg.build.extract_paths`).

    A document whose extraction fails (a bug that input found) is left out with one line
    to ``on_error`` naming it, and the others are extracted; without ``on_error`` the
    exception is raised (so are all of them with ``GEOKG_TRACEBACK=1``)."""
    articles, errors = extract_chunk(docs, keep_going=on_error is not None)
    for message in errors:
        on_error(message)
    return articles


def extract_chunk(docs: Sequence[RawDocument], keep_going: bool = True) -> tuple[list[ArticleResult], list[str]]:
    """(articles, one-line errors of the documents left out) of ``docs``."""
    from kg.extract.article import extract_page
    from kg.ingest.segment import segment_page
    from kg.lang import load_language

    keep_going = keep_going and not os.environ.get("GEOKG_TRACEBACK")
    articles: list[ArticleResult] = []
    errors: list[str] = []
    with bulk_allocation():
        for n, doc in enumerate(docs, 1):
            if n % SETTLE_EVERY == 0:
                settle()
            try:
                page = segment_page(doc, load_language(language_hint(doc)))
                if page.lang != language_hint(doc):
                    page = segment_page(doc, load_language(page.lang))
                articles.extend(extract_page(page))
            except Exception as err:
                if not keep_going or isinstance(err, MemoryError):
                    raise
                first = " ".join(str(err).split())[:160]
                errors.append(f"{doc.source_path}: extraction failed on this article ({type(err).__name__}: {first}); "
                              "the others are built (please report it)")
    return articles, errors


def language_hint(doc: RawDocument) -> str:
    """The language a reader declared for the document when it is supported, else the one
    its text shows."""
    from kg.ingest.readers import supported_language
    from kg.ingest.segment import detect_language

    declared = doc.meta.get("lang")
    if isinstance(declared, str) and supported_language(declared) == declared:
        return declared
    return detect_language(doc.text)


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _context():
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else "spawn")


def chunks(docs: Sequence[RawDocument], jobs: int) -> list[Sequence[RawDocument]]:
    size = max(1, min(MAX_CHUNK, math.ceil(len(docs) / (jobs * TASKS_PER_JOB))))
    return [docs[i:i + size] for i in range(0, len(docs), size)]


def iter_extract(docs: Sequence[RawDocument], jobs: int) -> Iterator[tuple[int, list[ArticleResult], list[str]]]:
    """(documents in the chunk, their articles, the errors of documents left out) for each
    chunk of ``docs``, in order, extracted by ``jobs`` processes."""
    tasks = chunks(docs, jobs)
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield len(task), *extract_chunk(task)
        return
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=_context()) as pool:
        for n, (found, errors) in zip(map(len, tasks), pool.map(extract_chunk, tasks)):
            yield n, found, errors


def extract_files(files: Sequence[Path | str | InputFile], jobs: int, *, on_error: Callable[[str], None] | None = None,
                  progress: bool = False, on_warning: Callable[[str], None] | None = None
                  ) -> tuple[list[ArticleResult], list[str]]:
    """All articles of ``files`` in order, and the one-line errors of the files and
    records skipped (warnings go to ``on_warning``)."""
    docs: list[RawDocument] = []
    errors: list[str] = []
    for path in files:
        found, error, notes = read_file(path)
        docs.extend(found)
        for skipped, message in notes.in_order + ([(True, error)] if error is not None else []):
            if skipped:
                errors.append(message)
                if on_error:
                    on_error(message)
            elif on_warning:
                on_warning(message)
        if on_warning:
            language_warnings(found, on_warning)
    from kg.progress import bar as progress_bar

    bar = progress_bar(total=len(docs), desc="extracting", unit="article", show=None if progress else False)
    articles: list[ArticleResult] = []
    collected = 0
    with bulk_allocation():  # unpickling results makes objects that all survive: collecting them was 3/4 of its cost
        for n, found, failed in iter_extract(docs, jobs):
            articles.extend(found)
            for message in failed:
                errors.append(message)
                if on_error:
                    on_error(message)
            collected += n
            if collected >= SETTLE_EVERY:
                settle()
                collected = 0
            bar.update(n)
    bar.close()
    return articles, errors
