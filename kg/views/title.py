"""The title of a whole-graph view: what the graph was built from, by name only.

The title is read from the graph itself (each article's ``dcterms:source``), not from
the command line of the last build: after ``kg build --append`` the graph holds every
input so far, and a title made from the last command's arguments named only the last
folder, as typed (an absolute path of the machine that built it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import urlsplit

from kg.analysis import i18n

MAX_NAMES = 4  # more inputs than this: "a, b, c, d + 3 more"
_LINE = re.compile(r":\d+$")  # "feed.jsonl:12" is record 12 of feed.jsonl


def input_name(source: str | None) -> str | None:
    """The name of the input an article came from, given its recorded ``dcterms:source``.

    ``dev/ar-001.txt`` → ``dev`` (the folder given on the command line); ``feed.jsonl:3``
    → ``feed.jsonl``; a URL → its host; an absolute path (graphs written before sources
    were relative) → the name of the file's folder, never the path.
    """
    if not source:
        return None
    if "://" in source:
        host = urlsplit(source).hostname or ""
        return host.removeprefix("www.") or None
    path = _LINE.sub("", source)
    for flavour in (PurePosixPath, PureWindowsPath):
        p = flavour(path)
        if p.is_absolute() or (flavour is PureWindowsPath and p.drive):
            return p.parent.name or p.name or None
    parts = PurePosixPath(path.replace("\\", "/")).parts
    return parts[0] if parts else None


def input_names(sources: Iterable[str | None]) -> list[str]:
    """Distinct input names, sorted (the graph does not record the order of the builds)."""
    return sorted({n for n in map(input_name, sources) if n})


def whole_graph_title(articles: Mapping[str, Mapping], lang: str | None) -> str:
    """``Geopolitical actors — dev, seeds`` (in ``lang``) for the articles table of
    :func:`kg.analysis.graph.to_networkx`; the bare title when no source is recorded."""
    title = i18n.t(lang, "title")
    names = input_names(a.get("source") for a in articles.values())
    if not names:
        return title
    shown = i18n.comma(lang).join(names[:MAX_NAMES])
    if len(names) > MAX_NAMES:
        shown += " " + i18n.t(lang, "more", n=len(names) - MAX_NAMES)
    return f"{title} — {shown}"
