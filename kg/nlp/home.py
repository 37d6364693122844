"""The home state of an article at a point: whose office a title or a ministry named alone is.

News names the state it reports on and then its bodies and officials alone: "Colombia recalled
its ambassador. The Foreign Ministry said …", "Interior Minister Armando Benedetti said …",
"أغلقت الجزائر مجالها الجوي … ورفضت وزارة الخارجية". The state meant is the one the article
has named most as an actor so far: mentions after a preposition ("strikes on Kyiv", "أمام
مالي") are places or targets and do not count; of states named as often, the first named.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from typing import TYPE_CHECKING

from kg.nlp.tokens import TokenTable

if TYPE_CHECKING:
    from kg.nlp.components import ActorSpan

STATE_LABELS = frozenset({"name", "demonym", "metonym"})


def home_state(spans: Iterable[ActorSpan], before: int, countries: Container[str], table: TokenTable,
               prepositions: Container[str]) -> str | None:
    """The key of the state named most as an actor in ``spans`` before token ``before``."""
    counts: dict[str, tuple[int, int]] = {}  # state -> (times named as an actor, -first position)
    for s in spans:
        if s.start >= before:
            break
        if s.label_ in STATE_LABELS and s.kb_id_ in countries and not _marked(s, table, prepositions):
            n, first = counts.get(s.kb_id_, (0, -s.start))
            counts[s.kb_id_] = (n + 1, first)
    return max(counts, key=lambda k: counts[k]) if counts else None


def _marked(span: ActorSpan, table: TokenTable, prepositions: Container[str]) -> bool:
    procl = table.proclitic(span.start).lstrip("وف")
    return bool(procl and procl in prepositions) or (span.start > 0 and table.norm[span.start - 1] in prepositions)
