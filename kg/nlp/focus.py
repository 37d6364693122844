"""The state a passage is about, for an office named without its state.

Wire copy names the state once and then its officials by bare title: "Algeria denied arming
the rebels. Foreign Minister Ahmed Attaf called the accusation …", "… arrived in Bamako. He met
transitional President Assimi Goïta". A reader takes the title's state from the passage: the
state named in the sentence before the title and in its own sentence up to it (a person named
there stands for the state he serves: "Maduro said …. Foreign Minister Yván Gil …"), or the
place the passage happens in ("flew to Asmara and held talks with President Isaias Afwerki").
A passage that names two states ("Guyana accused Venezuela …. President Irfaan Ali said")
leaves the office without a state: which one holds it is world knowledge, and a wrong guess
costs more than none. What a quotation names is no part of the passage ('"Russia is putting
lives at risk," Defence Minister Tore Sandvik said').
"""

from __future__ import annotations

from typing import Callable, Iterable

def focus_state(before: Iterable[tuple[str, bool]], own: Iterable[tuple[str, bool]],
                state_of: Callable[[str], str | None]) -> str | None:
    """The state of the passage, or None when it names several. ``before``, ``own``: (actor
    key, named as the place) of the actors of the sentence before the title and of the title's
    own sentence up to it, outside quotations; ``state_of`` maps a key to the state it names
    or serves."""
    states = _states(before, state_of) + _states(own, state_of)
    placed = {s for s, place in states if place}
    if len(placed) == 1:  # "… arrived in Bamako. He met transitional President …"
        return next(iter(placed))
    named = {s for s, _ in states}
    return next(iter(named)) if len(named) == 1 else None


def _states(found: Iterable[tuple[str, bool]], state_of: Callable[[str], str | None]) -> list[tuple[str, bool]]:
    return [(state, place) for key, place in found if (state := state_of(key)) is not None]
