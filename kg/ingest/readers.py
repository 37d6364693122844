"""Read article files into plain text, refusing bad input with a one-line reason.

Supported: ``.txt``/``.md`` (title on the first line), ``.html``/``.htm`` (text of the
body, title from ``<title>`` or the first heading), ``.jsonl`` (one article per line with
a ``text`` field; ``id``, ``title``, ``url``, ``published``, ``publisher``, ``lang`` optional).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from kg.errors import InputError

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
MAX_BYTES = 20 * 1024 * 1024  # one article file; larger is almost certainly not an article


@dataclass
class RawDocument:
    identifier: str  # file stem, or "stem#N" / the record id for JSONL lines
    text: str
    source_path: str
    meta: dict = field(default_factory=dict)  # title, url, published, publisher, lang


def iter_input_files(paths: list[str | Path]) -> Iterator[Path]:
    """Files under the given files/folders, in a stable order; unknown suffixes skipped in folders."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUFFIXES and not child.name.startswith("."):
                    yield child
        elif path.is_file():
            yield path
        else:
            raise InputError(path, "no such file or directory")


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "binary file, not text")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(path, f"not valid {codec.upper()} text despite its byte-order mark") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        for codec in ("cp1256",):  # Windows Arabic, common in older Arabic sites
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if re.search("[\u0600-\u06ff]{3}", text):
                return text
        raise InputError(path, f"not UTF-8 text (invalid byte at offset {err.start})") from None


class _TextExtractor(HTMLParser):
    SKIP = {"script", "style", "noscript", "nav", "footer", "header", "aside", "form", "svg"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: str | None = None
        self._skip = 0
        self._in_title = False
        self._heading: list[str] | None = None
        self.first_heading: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "h1" and self.first_heading is None:
            self._heading = []
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False
        elif tag == "h1" and self._heading is not None:
            self.first_heading = " ".join("".join(self._heading).split()) or None
            self._heading = None
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title = ((self.title or "") + data).strip()
        elif not self._skip:
            self.parts.append(data)
            if self._heading is not None:
                self._heading.append(data)


def html_to_text(html: str) -> tuple[str, str | None]:
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    title = parser.first_heading or parser.title
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return text, title


def read_documents(path: Path) -> list[RawDocument]:
    """All documents in one file; raises :class:`InputError` with the reason."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise InputError(path, err.strerror or "cannot read") from None
    if size > MAX_BYTES:
        raise InputError(path, f"too large ({size // (1024 * 1024)} MiB; limit {MAX_BYTES // (1024 * 1024)} MiB)")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(path, err.strerror or "cannot read") from None
    text = _decode(path, data)
    if not text.strip():
        raise InputError(path, "empty file")
    suffix = path.suffix.lower()
    stem = path.stem
    if suffix == ".jsonl":
        return list(_read_jsonl(path, text))
    meta: dict = {}
    if suffix in (".html", ".htm"):
        text, title = html_to_text(text)
        if not text.strip():
            raise InputError(path, "HTML page has no text")
        meta["title"] = title
    elif suffix == ".md":
        text = re.sub(r"^#{1,6}\s*", "", text, count=1)  # markdown heading marker of the title
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [RawDocument(stem, text, str(path), meta)]


def _read_jsonl(path: Path, text: str) -> Iterator[RawDocument]:
    seen: set[str] = set()
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{path}:{lineno}", f"malformed JSON ({err.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(f"{path}:{lineno}", "JSON line has no 'text' string field")
        if not record["text"].strip():
            raise InputError(f"{path}:{lineno}", "empty 'text'")
        ident = str(record.get("id") or f"{path.stem}-{lineno}")
        if ident in seen:
            raise InputError(f"{path}:{lineno}", f"duplicate id '{ident}'")
        seen.add(ident)
        meta = {k: record[k] for k in ("title", "url", "published", "publisher", "lang") if record.get(k)}
        yield RawDocument(ident, record["text"].replace("\r\n", "\n"), f"{path}:{lineno}", meta)
