"""Paradigms by affixation, driven by the tables of a language's data file (``[paradigms]``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def forms(entry: str, kind: str, tables: Mapping[str, Any]) -> list[str]:
    raise NotImplementedError("affix paradigms: being written")
