"""Read article files into plain text, refusing bad input with a one-line reason.

Supported: ``.txt``/``.md`` (title on the first line), ``.html``/``.htm`` (text of the
body, title from ``<title>`` or the first heading), ``.jsonl`` (one article per line with
a ``text`` field; ``id``, ``title``, ``url``, ``published``, ``publisher``, ``lang`` optional).
"""

from __future__ import annotations

import datetime as dt
import errno
import functools
import json
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path

from kg.errors import InputError

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
MAX_BYTES = 20 * 1024 * 1024  # one article (a file, or one JSONL record); larger is almost certainly not an article
META_FIELDS = ("title", "url", "published", "publisher", "lang")


@dataclass
class RawDocument:
    identifier: str  # path below the input folder without suffix ("d1/index"), or the JSONL record id
    text: str
    source_path: str  # path below the input argument's parent ("dev/ar-001.txt", "feed.jsonl:3")
    meta: dict = field(default_factory=dict)  # title, url, published, publisher, lang


@dataclass(frozen=True)
class InputFile:
    """One input file and the names it gives its articles.

    ``identifier``: its path below the folder given on the command line, without the
    suffix and with ``/`` between folders (``d1/index``), so two files of the same name in
    different folders stay two articles; ``%`` and ``#`` in names are escaped (``%25``,
    ``%23``) so that ``#`` only ever separates a page from its segments (``page#2``).
    ``source``: the path from the input argument's parent (``dev/ar-001.txt`` for
    ``kg build /data/dev``), the same wherever the build runs; a file given by itself is
    its name.
    """

    path: Path
    identifier: str
    source: str

    @classmethod
    def of(cls, path: Path | str) -> "InputFile":
        path = Path(path)
        return cls(path, escape_identifier(path.stem), _undecodable_as_percent(path.name))


@dataclass
class ReadNotes:
    """What reading a file reported without rejecting it: records skipped (with file and
    line) and warnings (a field dropped, a language detected)."""

    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    in_order: list[tuple[bool, str]] = field(default_factory=list)  # (skipped?, message) in file order

    def skip(self, message: str) -> None:
        self.skipped.append(message)
        self.in_order.append((True, message))

    def warn(self, message: str) -> None:
        self.warnings.append(message)
        self.in_order.append((False, message))


def escape_identifier(name: str) -> str:
    """A file or folder name in an identifier: ``%`` and ``#`` percent-escaped, and the bytes
    of a name that is not UTF-8 (held as surrogates by Python) as ``%XX``."""
    return _undecodable_as_percent(name.replace("%", "%25").replace("#", "%23"))


_UNDECODABLE = re.compile("[\udc80-\udcff]")


def _undecodable_as_percent(text: str) -> str:
    """Bytes of a file name that is not UTF-8 (``os.fsdecode`` surrogates) as ``%XX``; no
    UTF-8 file can hold the surrogates themselves."""
    if _UNDECODABLE.search(text) is None:
        return text
    return _UNDECODABLE.sub(lambda m: f"%{ord(m.group()) - 0xDC00:02X}", text)


def iter_input_files(paths: list[str | Path]) -> Iterator[Path]:
    """Files under the given files/folders, in a stable order; unknown suffixes skipped in
    folders; a missing or unusable argument raises :class:`InputError`."""
    for item in iter_inputs(paths):
        yield item.path


def iter_inputs(paths: list[str | Path], on_error: Callable[[str], None] | None = None,
                on_skip: Callable[[str], None] | None = None) -> Iterator[InputFile]:
    """:class:`InputFile` of every file under the given files and folders, in a stable
    order (sorted paths; unknown suffixes and hidden files skipped in folders).

    An argument that is missing, a symbolic link loop or not a file or folder, and a
    subfolder that cannot be read, are one line each to ``on_error`` (without it: an
    argument raises :class:`InputError`, an unreadable subfolder too). Symbolic links to
    folders are not followed inside folders, so a loop cannot recurse. A file of a type
    no reader takes (a ``.docx`` beside the articles) is one line to ``on_skip``: a user
    who dropped it there expected it read (gold annotations ``*.gold.json`` are passed
    over without a word: they sit beside their articles on purpose)."""
    seen: set[tuple[int, int]] = set()  # (device, inode): a file given twice is read once

    def first_time(path: Path, info: os.stat_result | None = None) -> bool:
        try:
            info = info or path.stat()
        except OSError:
            return True
        key = (info.st_dev, info.st_ino)
        if key in seen:
            return False
        seen.add(key)
        return True

    for raw in paths:
        path = Path(raw)
        try:
            info = path.stat()
        except OSError as err:
            _fail(InputError(path, _os_reason(err, path)), on_error)
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from (item for item in _walk(path, on_error, on_skip) if first_time(item.path))
        elif stat.S_ISREG(info.st_mode):
            if first_time(path, info):
                yield InputFile.of(path)
        else:
            _fail(InputError(path, "not a regular file or folder"), on_error)


def _fail(err: InputError, on_error: Callable[[str], None] | None) -> None:
    if on_error is None:
        raise err
    on_error(str(err))


def _os_reason(err: OSError, path: Path | None = None) -> str:
    if err.errno == errno.ELOOP:
        return "symbolic link loop"
    if err.errno == errno.ENOENT:
        if path is not None and path.is_symlink():
            return "broken symbolic link"
        return "no such file or directory"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return (err.strerror or "cannot read").lower()


SILENTLY_SKIPPED = (".gold.json",)  # companion files of articles, never articles


def _walk(root: Path, on_error: Callable[[str], None] | None,
          on_skip: Callable[[str], None] | None = None) -> Iterator[InputFile]:
    errors: list[OSError] = []
    found: list[Path] = []
    for folder, dirs, names in os.walk(root, onerror=errors.append):
        base = Path(folder)
        for name in names:
            child = base / name
            if name.startswith("."):
                continue
            if child.suffix.lower() in SUFFIXES:
                if child.is_file():
                    found.append(child)
            elif on_skip is not None and not name.lower().endswith(SILENTLY_SKIPPED) and child.is_file():
                kind = child.suffix.lower() or "without an extension"
                on_skip(f"{child}: skipped, a file type geokg does not read ({kind}; it reads "
                        f"{' '.join(SUFFIXES)})")
    for err in errors:
        _fail(InputError(err.filename or root, f"folder skipped ({_os_reason(err)})"), on_error)
    top = root.name or root.resolve().name
    for child in sorted(found):
        rel = child.relative_to(root)
        parts = [escape_identifier(p) for p in rel.parent.parts] + [escape_identifier(rel.stem)]
        source = _undecodable_as_percent("/".join(([top] if top else []) + list(rel.parts)))
        yield InputFile(child, "/".join(parts), source)


def _decode(path: Path | str, data: bytes) -> str:
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "binary file, not text")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(path, f"not valid {codec.upper()} text despite its byte-order mark") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        if _control_share(data) > 0.01:
            raise InputError(path, "binary file, not text") from None
        for codec in ("cp1256",):  # Windows Arabic, common in older Arabic sites
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if re.search("[\u0600-\u06ff]{3}", text) and _reads_as_text(text):
                return text
        raise InputError(path, f"not UTF-8 text (invalid byte at offset {err.start})") from None
    if _control_share(data) > 0.10:
        raise InputError(path, "binary file, not text")
    return text


_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0c") + b"\x7f"


def _control_share(data: bytes) -> float:
    """Share of control bytes (other than tab, line ends, form feed) in the first 8 KiB:
    text has almost none, binary data about one byte in eight."""
    sample = data[:8192]
    if not sample:
        return 0.0
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / len(sample)


def _reads_as_text(text: str) -> bool:
    """Whether text decoded with a legacy code page looks like prose: spaces between words
    and mostly letters of one script, as random bytes never do."""
    sample = text[:8192]
    spaces = sum(ch.isspace() for ch in sample)
    letters = sum(ch.isalpha() for ch in sample)
    return spaces >= 0.05 * len(sample) and letters >= 0.5 * len(sample)


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


def read_documents(path: Path | str | InputFile, notes: ReadNotes | None = None) -> list[RawDocument]:
    """All documents in one file; raises :class:`InputError` with the reason when the file
    as a whole cannot be read.

    A ``.jsonl`` file is read line by line (split on ``\\n`` only) and each record is
    checked on its own: with ``notes``, a bad record is skipped and noted with its file and
    line, a bad field is dropped with a warning, and the other records are read; without
    ``notes`` the first bad record raises."""
    item = path if isinstance(path, InputFile) else InputFile.of(path)
    path = item.path
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return list(_read_jsonl(item, notes))
    try:
        size = path.stat().st_size
    except OSError as err:
        raise InputError(path, _os_reason(err, path)) from None
    if size > MAX_BYTES:
        raise InputError(path, f"too large ({size // (1024 * 1024)} MiB; "
                               f"limit {MAX_BYTES // (1024 * 1024)} MiB per article)")
    data = _read_bytes(path)
    text = _decode(path, data)
    if not text.strip():
        raise InputError(path, "empty file")
    meta: dict = {}
    if suffix in (".html", ".htm"):
        text, title = html_to_text(text)
        if not text.strip():
            raise InputError(path, "HTML page has no text")
        meta["title"] = title
    elif suffix == ".md":
        text = re.sub(r"^#{1,6}\s*", "", text, count=1)  # markdown heading marker of the title
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [RawDocument(item.identifier, text, item.source, meta)]


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise InputError(path, _os_reason(err, path)) from None


def _jsonl_lines(path: Path) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes without the line end) of a JSONL file, split on ``\\n`` only; a
    line over the per-article limit is given as ``None`` without being held in memory."""
    try:
        fh = path.open("rb")
    except OSError as err:
        raise InputError(path, _os_reason(err, path)) from None
    with fh:
        head = fh.read(8192)
        if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise InputError(path, "binary file, not text")
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: decode the whole file, then split
            data = head + fh.read(MAX_BYTES * 4)
            text = _decode(path, data)
            for lineno, line in enumerate(text.split("\n"), 1):
                yield lineno, line.encode("utf-8")
            return
        fh.seek(0)
        lineno = 0
        while True:
            try:
                line = fh.readline(MAX_BYTES + 1)
            except OSError as err:
                raise InputError(path, _os_reason(err, path)) from None
            if not line:
                return
            lineno += 1
            if len(line) > MAX_BYTES and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):  # skip the rest of the line
                    line = fh.readline(1 << 20)
                yield lineno, None
                continue
            if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            yield lineno, line.rstrip(b"\n").rstrip(b"\r")


class _BadRecord(Exception):
    pass


def _read_jsonl(item: InputFile, notes: ReadNotes | None) -> Iterator[RawDocument]:
    path = item.path
    seen: dict[str, int] = {}
    empty = True
    for lineno, line in _jsonl_lines(path):
        where = f"{path}:{lineno}"
        if line is None:
            _bad(notes, where, f"too large (over {MAX_BYTES // (1024 * 1024)} MiB per article)")
            continue
        if not line.strip():
            continue
        empty = False
        warnings: list[str] = []
        try:
            doc = _record(item, lineno, line, warnings)
        except _BadRecord as err:
            _bad(notes, where, str(err))
            continue
        if notes is not None:
            for warning in warnings:
                notes.warn(f"{where}: {warning}")
        if doc.identifier in seen:
            if notes is None:
                raise InputError(where, f"duplicate id '{doc.identifier}' (also on line {seen[doc.identifier]})")
        else:
            seen[doc.identifier] = lineno
        yield doc
    if empty:
        raise InputError(path, "empty file")


def _bad(notes: ReadNotes | None, where: str, reason: str) -> None:
    if notes is None:
        raise InputError(where, reason)
    notes.skip(f"{where}: {reason}")


def _record(item: InputFile, lineno: int, line: bytes, warnings: list[str]) -> RawDocument:
    """One JSONL record, checked field by field (see :func:`read_documents`)."""
    try:
        raw = line.decode("utf-8")
    except UnicodeDecodeError:
        try:
            raw = _decode(item.path, line)  # a legacy Arabic code page, or a clear reason
        except InputError as err:
            raise _BadRecord(err.reason) from None
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as err:
        raise _BadRecord(f"malformed JSON ({err.msg})") from None
    except RecursionError:
        raise _BadRecord("malformed JSON (nested too deeply)") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise _BadRecord("JSON line has no 'text' string field")
    text = _clean_string(record["text"])
    if not text.strip():
        raise _BadRecord("empty 'text'")
    ident = record.get("id")
    if isinstance(ident, bool) or not isinstance(ident, (str, int, float)) or not str(ident).strip():
        default = f"{item.identifier}-{lineno}"
        if ident not in (None, ""):
            warnings.append(f"'id' is not a string or a number ({_shown(ident)}); named '{default}' after its line")
        ident = default
    else:
        ident = escape_identifier(_clean_string(str(ident)).strip())
    meta: dict = {}
    for key in META_FIELDS:
        value = record.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            warnings.append(f"'{key}' is not a string ({_shown(value)}); dropped")
            continue
        value = _clean_string(value).strip()
        if not value:
            continue
        if key == "published":
            date = parse_date(value)
            if date is None:
                warnings.append(f"'published' is not a date ({_shown(value)}); dropped")
                continue
            value = date
        elif key == "lang":
            lang = supported_language(value)
            if lang is None:
                from kg.ingest.segment import detect_language

                detected = detect_language(text)
                warnings.append(f"language {_shown(value)} is not supported ({', '.join(_languages())}); "
                                f"read as '{detected}', the language of its text")
                value = detected
            else:
                value = lang
        meta[key] = value
    return RawDocument(ident, text.replace("\r\n", "\n"), f"{item.source}:{lineno}", meta)


def _shown(value) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean_string(text: str) -> str:
    """``text`` without lone UTF-16 surrogates (JSON ``"\\ud800"``), which no UTF-8 file can
    hold; each becomes U+FFFD, so offsets do not move."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


@functools.lru_cache(maxsize=1)
def _languages() -> tuple[str, ...]:
    from kg.lang import available_languages

    return tuple(available_languages())


@functools.lru_cache(maxsize=256)
def supported_language(value: str) -> str | None:
    """The supported language a ``lang`` value names ("en", "EN", "en-US", "ar_EG"), or None."""
    primary = re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]
    return primary if primary in _languages() else None


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value: str) -> str | None:
    """An ISO date (``YYYY-MM-DD``) from an ISO 8601 date or date-time or an RFC 2822 date
    ("Tue, 05 Mar 2024 10:00:00 GMT"); None for anything else ("yesterday", "05/03/2024")."""
    value = value.strip()
    if _ISO_DATE.match(value):
        try:
            if len(value) == 10:
                return dt.date.fromisoformat(value).isoformat()
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00")).date().isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
