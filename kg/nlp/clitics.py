"""Lexicon-guided clitic stripping for languages whose data file lists clitics.

A prefix is removed only when what remains is a form we know ("لروسيا" → "روسيا"), so
names that merely start with a clitic letter (ليبيا، بكين، فرنسا) stay whole.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from kg.lang import LanguageData
from kg.nlp.normalize import match_key


@dataclass(frozen=True)
class Analysis:
    stem: str  # the known form left after stripping
    proclitic: str = ""  # e.g. "و", "ل", "ول"; "" when none
    enclitic: str = ""  # e.g. "ها"


class CliticAnalyzer:
    def __init__(self, lang_data: LanguageData) -> None:
        morph = lang_data.raw.get("morphology", {})
        conj = [match_key(c) for c in morph.get("conjunctions", [])]
        preps = [match_key(p) for p in morph.get("prepositions", [])]
        future = [match_key(f) for f in morph.get("future", [])]
        self.article = match_key(morph.get("definite_article", "")) if morph.get("definite_article") else ""
        self.lam = bool(morph.get("lam_contraction", False))
        self.enclitics = sorted((match_key(e) for e in morph.get("enclitics", [])), key=len, reverse=True)
        prefixes = {""}
        for c in [""] + conj:
            for p in [""] + preps + future:
                prefixes.add(c + p)
        self.prefixes = sorted(prefixes, key=len)
        self.active = len(self.prefixes) > 1 or bool(self.enclitics)
        self._cache: dict[str, tuple[Analysis, ...]] = {}

    def candidates(self, key: str) -> Iterator[Analysis]:
        """Readings of a token key, the whole token first, then ever longer prefixes."""
        yield Analysis(key)
        if not self.active:
            return
        for prefix in self.prefixes:
            if not prefix or not key.startswith(prefix):
                continue
            rest = key[len(prefix):]
            if len(rest) < 2:
                continue
            yield Analysis(rest, prefix)
            if self.lam and prefix.endswith("ل") and rest.startswith("ل") and self.article:
                yield Analysis(self.article + rest[1:], prefix)  # لل = ل + ال
        for prefix in self.prefixes:
            if not key.startswith(prefix):
                continue
            rest = key[len(prefix):]
            shortest = 3 if prefix else 2  # "بنوك" is banks, not ب + نو + ك: two clitics leave a real stem
            for enc in self.enclitics:
                if rest.endswith(enc) and len(rest) - len(enc) >= shortest:
                    stem = rest[: -len(enc)]
                    yield Analysis(stem, prefix, enc)
                    if stem.endswith("ت"):  # ta marbuta before a suffix: قمته → قمه
                        yield Analysis(stem[:-1] + "ه", prefix, enc)
                    elif stem.endswith("ي"):  # hamza seat before a suffix: لقائه → لقاء
                        yield Analysis(stem[:-1] + "ء", prefix, enc)

    def analyze(self, key: str, known: frozenset[str] | set[str]) -> Analysis | None:
        for analysis in self.readings(key):
            if analysis.stem in known:
                return analysis
        return None

    def readings(self, key: str) -> tuple[Analysis, ...]:
        """All readings of a key, computed once per distinct key (news repeats its words)."""
        found = self._cache.get(key)
        if found is None:
            found = tuple(self.candidates(key))
            if len(self._cache) < 500_000:
                self._cache[key] = found
        return found


@functools.lru_cache(maxsize=None)
def analyzer_for(lang_data: LanguageData) -> CliticAnalyzer:
    return CliticAnalyzer(lang_data)
