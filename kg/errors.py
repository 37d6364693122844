"""Errors a user sees as one line naming the file, never as a traceback."""

from __future__ import annotations

from pathlib import Path


class GeoKGError(Exception):
    """Base class: the CLI prints ``str(err)`` and exits non-zero."""


class InputError(GeoKGError):
    """An input file cannot be read as an article (empty, binary, malformed, huge)."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
