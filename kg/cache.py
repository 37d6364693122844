"""What loading a pipeline derives from the language data, kept on disk between runs.

Loading both pipelines spends most of its time deriving the same values from the same inputs
on every run: the token values of some 30,000 matcher patterns (each pattern text run through
spaCy's tokenizer and our normaliser) and the inflections of the English lemmas (lemminflect
loads its whole table for them). Both are pure functions of their inputs, so they are kept in
a cache folder under a key that hashes everything they depend on: the input itself, the
versions of spaCy and lemminflect, and the source of this package (any change of code starts
afresh). A missing, unreadable or stale entry is recomputed, never an error.

The folder is ``$GEOKG_CACHE_DIR``, else ``$XDG_CACHE_HOME/geokg``, else ``~/.cache/geokg``;
``GEOKG_CACHE_DIR=off`` turns the cache off. Entries are written atomically (two processes
loading at once write the same bytes) and hold only numbers and strings (NumPy arrays read
with ``allow_pickle=False``, JSON), so reading one runs no code.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy

PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is off."""
    chosen = os.environ.get("GEOKG_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "none") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "geokg"


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of this package's source and of the libraries whose behaviour the entries hold."""
    import spacy

    digest = hashlib.sha1(f"spacy {spacy.__version__}\n".encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def key_of(*parts: Iterable[str] | str) -> str:
    """A key over the code fingerprint and ``parts`` (strings or iterables of strings)."""
    digest = hashlib.sha1(code_fingerprint().encode())
    for part in parts:
        digest.update((part if isinstance(part, str) else "\x00".join(part)).encode("utf-8", "surrogatepass"))
        digest.update(b"\x01")
    return digest.hexdigest()[:24]


def _path(name: str, key: str, suffix: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"{name}-{key}{suffix}"


def _write(path: Path, data: bytes) -> None:
    """Atomically, and silently not at all where the folder cannot be written."""
    from kg.atomic import write_bytes_atomic
    from kg.errors import GeoKGError

    try:
        write_bytes_atomic(path, data)
    except (GeoKGError, OSError):
        pass  # a read-only home: every run derives the values again


def int_rows(name: str, key: str, compute: Callable[[], list[list[int]]]) -> list[list[int]]:
    """Rows of unsigned 64-bit integers (hash values), from the cache or from ``compute``."""
    path = _path(name, key, ".npz")
    if path is not None and path.is_file():
        try:
            with numpy.load(path, allow_pickle=False) as stored:
                values, lengths = stored["values"].tolist(), stored["lengths"].tolist()
            rows, at = [], 0
            for n in lengths:
                rows.append(values[at:at + n])
                at += n
            if at == len(values):
                return rows
        except Exception:  # noqa: BLE001 - a damaged entry of any kind (a truncated zip too) is made again
            pass
    rows = compute()
    if path is not None:
        buffer = io.BytesIO()
        numpy.savez(buffer, values=numpy.array([v for row in rows for v in row], dtype="uint64"),
                    lengths=numpy.array([len(row) for row in rows], dtype="int64"))
        _write(path, buffer.getvalue())
    return rows


def read_json(name: str, key: str) -> object | None:
    """A JSON entry, or None when it is missing or unreadable."""
    path = _path(name, key, ".json")
    if path is None or not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_json(name: str, key: str, value: object) -> None:
    path = _path(name, key, ".json")
    if path is not None:
        _write(path, json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8"))
