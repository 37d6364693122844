"""A cheap warning for articles in a language geokg does not read.

Language detection in :mod:`kg.ingest.segment` is by script only (Arabic letters or Latin
letters), so a French or Spanish article is read by the English pipeline and yields few,
odd actors and claims without a word. Here the commonest function words of a few
languages written in Latin script are counted (they make up a third of any running
text), and letters of other scripts (Cyrillic, Greek, Hebrew, CJK…) are noticed: enough
for one warning line naming the file. Nothing is dropped: the article is still built as
before, the user only learns why it gave little.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from kg.ingest.readers import RawDocument

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SAMPLE = 4000  # characters read: function words are frequent, a paragraph is enough
MIN_WORDS = 30  # shorter texts (a headline, a caption) are not judged

STOP_WORDS: dict[str, frozenset[str]] = {
    "English": frozenset("the of and to in is that for on with as was by it at from are be this an which".split()),
    "French": frozenset("le la les des du de et est une un dans pour que qui sur au aux pas par avec ce sont".split()),
    "Spanish": frozenset("el la los las de del y que en un una por con para es se no al su lo".split()),
    "German": frozenset("der die das und ist nicht ein eine mit den dem von zu auf für im sich des auch".split()),
    "Italian": frozenset("il di che la le per un una con non sono del della gli nel alla ed si".split()),
    "Portuguese": frozenset("o os de da do das dos que em um uma para com não se por na no ao".split()),
    "Dutch": frozenset("de het een en van in is dat op te met voor zijn niet aan er ook als".split()),
}
_OTHER_SCRIPTS = {
    "Russian or another Cyrillic-script language": re.compile("[\u0400-\u04ff]"),
    "Greek": re.compile("[\u0370-\u03ff]"),
    "Hebrew": re.compile("[\u0590-\u05ff]"),
    "Chinese, Japanese or Korean": re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"),
    "Persian": re.compile("[\u067e\u0686\u0698\u06af]"),  # پ چ ژ گ: letters Arabic does not use
}
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_ARABIC = re.compile("[\u0600-\u06ff]")


def unsupported_language(text: str) -> str | None:
    """The name of the language ``text`` seems written in when geokg does not read it
    (Arabic and English), else None (also when unsure)."""
    sample = text[:SAMPLE]
    latin = len(_LATIN.findall(sample))
    arabic = len(_ARABIC.findall(sample))
    for name, script in _OTHER_SCRIPTS.items():
        n = len(script.findall(sample))
        if name == "Persian":
            if arabic and n * 40 > arabic:  # a few such letters per line: Persian, not an Arabic loan word
                return name
        elif n > max(latin, arabic):
            return name
    if arabic >= latin:
        return None
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    counts = {lang: sum(w in stops for w in words) for lang, stops in STOP_WORDS.items()}
    best = max(counts, key=counts.get)
    if best != "English" and counts[best] >= max(5, 0.08 * len(words)) and counts[best] > 2 * counts["English"]:
        return best
    return None


def language_warnings(docs: Iterable[RawDocument], on_warning: Callable[[str], None]) -> None:
    """One warning line per document that seems written in a language geokg does not read."""
    for doc in docs:
        if isinstance(doc.meta.get("lang"), str):
            continue  # declared: trusted (an unsupported declaration is warned about when read)
        found = unsupported_language(doc.text)
        if found is not None:
            where = doc.source_path or doc.identifier
            on_warning(f"{where}: looks like {found}, which geokg does not read (Arabic and English); "
                       "built anyway, expect few or wrong actors and claims")
