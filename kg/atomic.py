"""Atomic file writes: a crash half way never leaves a truncated graph behind.

The text goes to a temporary file beside the target (``.NAME.PID-TOKEN.tmp``), flushed to
disk, then renamed over it. Temporary files that killed processes left beside the same
target are removed first; an ``OSError`` (read-only folder, disk full, a file where a
folder should be) becomes one :class:`~kg.errors.GeoKGError` line naming the path.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from kg.errors import GeoKGError
from kg.fsutil import clean_stale, os_error, temp_name, write_file


def write_text_atomic(path: Path | str, text: str) -> Path:
    """Write UTF-8 text to a temporary file beside ``path`` and rename it into place."""
    return write_bytes_atomic(path, text.encode("utf-8"))


def write_chunks_atomic(path: Path | str, chunks: Iterable[str]) -> Path:
    """Write UTF-8 text given in pieces (never joined in memory) atomically to ``path``."""
    return write_bytes_atomic(path, (chunk.encode("utf-8") for chunk in chunks))


def write_bytes_atomic(path: Path | str, data: bytes | Iterable[bytes]) -> Path:
    """Write bytes (or pieces of bytes) to a temporary file beside ``path`` and rename it into place."""
    path = Path(path)
    if path.is_dir():
        raise GeoKGError(f"{path}: is a folder, cannot write a file there")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise GeoKGError(f"{path.parent}: is a file, not a folder") from None
    except OSError as err:
        raise os_error(path.parent, err, "create the folder") from None
    clean_stale(path, kinds=("tmp",))
    tmp = temp_name(path)
    try:
        write_file(tmp, data)
        os.replace(tmp, path)
    except OSError as err:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise os_error(path, err) from None
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path
