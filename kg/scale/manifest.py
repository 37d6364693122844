"""The manifest of a scaled build: what each input file was and what it put in the store.

An incremental rerun compares the inputs with it: a file is extracted again only when no
cached extraction exists for its content (:func:`content_key`), and its named graphs are
replaced in the store only when what they would hold changed (:func:`render_key`: its
content, the identifiers it finally got, the person keys it mentions that the cross-article
merge maps elsewhere). Graphs of files no longer given are dropped. The manifest is written
atomically after the store is updated, so a build killed half way is repaired by the next
one (it drops and reloads every graph it is not sure of).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path

from kg.atomic import write_chunks_atomic
from kg.errors import GeoKGError

MANIFEST_NAME = "manifest.json"
CACHE_NAME = ".kg-cache"
FORMAT = 1
# bumped when what a cached extraction holds changes shape (a cache entry of another
# version is never read: the file is extracted again)
CACHE_VERSION = "geokg-scale-1"


@dataclass
class FileEntry:
    """One input file of the build.

    ``articles``: (identifier, part_of, url, source_path) of each article the file gave,
    before identifiers are made unique across files; ``persons``: the person keys of its
    articles' actors (what the cross-article merge looks at); ``touches``: every person
    key its records refer to; ``graphs``: the named graphs it owns in the store;
    ``messages``: what reading it reported (a record skipped, a warning), repeated by
    every build as a build from scratch would."""

    path: str
    sha256: str
    key: str
    render: str = ""
    articles: list[list] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    touches: list[str] = field(default_factory=list)
    graphs: list[str] = field(default_factory=list)
    messages: list[list] = field(default_factory=list)  # [skipped?, line]: said again on every build


@dataclass
class Manifest:
    store: str = ""
    triples: int = 0
    files: dict[str, FileEntry] = field(default_factory=dict)

    def to_json(self) -> str:
        return "".join(self.json_pieces())

    def json_pieces(self) -> Iterator[str]:
        """The manifest's JSON, one file entry at a time (a large build's manifest is never
        held twice in memory, nor as one string)."""
        dump = partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
        yield dump({"format": FORMAT, "store": self.store, "triples": self.triples})[:-1] + ',"files":{'
        for n, (name, entry) in enumerate(sorted(self.files.items())):
            yield ("," if n else "") + dump(name) + ":" + dump(asdict(entry))
        yield "}}"

    def write(self, out: Path) -> Path:
        return write_chunks_atomic(out / MANIFEST_NAME, self.json_pieces())


def read_manifest(out: Path) -> Manifest | None:
    """The manifest of the build in ``out``, or None when there is none; an unreadable
    one is one line (delete it, or pass ``--rebuild``)."""
    path = out / MANIFEST_NAME
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        files = {k: FileEntry(**v) for k, v in data["files"].items()}
        return Manifest(store=data.get("store", ""), triples=int(data.get("triples", 0)), files=files)
    except (OSError, ValueError, TypeError, KeyError) as err:
        raise GeoKGError(f"{path}: not a readable build manifest ({type(err).__name__}); "
                         "run kg build again with --rebuild") from None


def file_sha256(path: Path) -> str | None:
    """The SHA-256 of a file's bytes, or None when it cannot be read (the worker that
    reads it reports why, one line)."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


def content_key(sha: str | None, identifier: str, source: str) -> str:
    """The cache key of one file's extraction: its bytes and the names it gives its
    articles (the same text under another name is another article)."""
    raw = "\x1f".join((CACHE_VERSION, sha or "unreadable", identifier, source))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def render_key(key: str, identifiers: list[list], mapping: dict[str, str]) -> str:
    """What a file's named graphs depend on besides its own extraction: the identifiers
    its articles finally got and the merge of the person keys it refers to."""
    raw = json.dumps([key, identifiers, sorted(mapping.items())], ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()
