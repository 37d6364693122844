"""Cities that stand for the state they are in, as the place an attack hit: "struck Kharkiv",
"a drone strike on Odesa", "غارات على حلب". A city is no actor (it does not speak or act, and
"talks in Istanbul" are no meeting with Turkey), so cities are no actor mentions: they are read
only where an attack's target is missing, from ``kg/data/places/cities.tsv`` (large cities
that are no capital, with their English and Arabic names; scripts/derive_places.py).

Towns (``kg/data/places/towns.tsv``, 15,000 to 150,000 inhabitants) are a second tier: their
names collide with common words and persons' names far more often, so a town counts only right
after a place noun of the language data ("the town of Kupiansk", "the city of Sumy's",
"بلدة كوبيانسك", "ببلدة", "لمدينة").
"""

from __future__ import annotations

import bisect
import functools
from pathlib import Path

from kg.extract.config import claim_config
from kg.extract.context import DocContext, Group, Mark
from kg.lang import Trigger
from kg.nlp.normalize import match_key
from kg.nlp.tokens import positions
from kg.runtime import collector_paused

CITIES = Path(__file__).resolve().parent.parent / "data" / "places" / "cities.tsv"
TOWNS = CITIES.with_name("towns.tsv")
Index = dict[str, list[tuple[tuple[str, ...], str]]]  # first word key -> [(word keys, state)], longest first
FirstWords = tuple[frozenset[str], frozenset[str], dict[str, frozenset[str]]]


class Places(dict):
    """The doc's city names by start (a dict[int, Group]), and its towns that follow a place
    noun in ``towns``."""

    __slots__ = ("towns",)

    def __init__(self, cities: dict[int, Group], towns: dict[int, Group]) -> None:
        super().__init__(cities)
        self.towns = towns


@functools.lru_cache(maxsize=None)
def city_index(lang: str) -> Index:
    """The cities of ``lang`` by their first word, keyed as the token table keys words (the
    pipeline asks for this when it is made, not its first doc; the towns are loaded by the
    first doc that holds a place noun: a run over docs with none never reads them)."""
    return _index(CITIES, lang)


@functools.lru_cache(maxsize=None)
def town_index(lang: str) -> Index:
    """The towns of ``lang`` by their first word (the second tier)."""
    return _index(TOWNS, lang)


def _index(path: Path, lang: str) -> Index:
    with collector_paused():  # tens of thousands of small objects, none of them garbage
        return _read_index(path, lang)


def _read_index(path: Path, lang: str) -> Index:
    index: Index = {}
    if not path.exists():
        return index
    # the tab-separated rows read by hand, not by csv.DictReader: the towns are 27,000 rows
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    header = lines[0].split("\t")
    if lang not in header:
        return index
    column, state = header.index(lang), header.index("country")
    for line in lines[1:]:
        row = line.split("\t")
        for name in filter(None, row[column].split("|")):
            # an ASCII name without a backtick keys as match_key would, without its Unicode passes
            key = name.casefold() if name.isascii() and "`" not in name else match_key(name)
            words = tuple(key.split())
            index.setdefault(words[0], []).append((words, row[state]))
    for found in index.values():
        if len(found) > 1:
            found.sort(key=_longest_first)
    return index


def _longest_first(name: tuple[tuple[str, ...], str]) -> int:
    return -len(name[0])


@functools.lru_cache(maxsize=None)
def city_first_words(lang: str) -> FirstWords:
    """The first words of the cities of ``lang`` (a doc holding none has no city), those
    that are a whole name alone, and the second words of the others' names by first word."""
    return _first_words(city_index(lang))


@functools.lru_cache(maxsize=None)
def town_first_words(lang: str) -> FirstWords:
    return _first_words(town_index(lang))


def _first_words(index: Index) -> FirstWords:
    alone: set[str] = set()
    seconds: dict[str, set[str]] = {}
    for w, names in index.items():
        for words, _ in names:
            if len(words) == 1:
                alone.add(w)
            else:
                seconds.setdefault(w, set()).add(words[1])
    return frozenset(index), frozenset(alone), {w: frozenset(s) for w, s in seconds.items()}


def city_at(ctx: DocContext, k: int, index: Index) -> Group | None:
    """The city whose name starts at token ``k``, as a group of its state."""
    norm = ctx.t.norm
    for words, state in index.get(norm[k], ()):
        end = k + len(words)
        if tuple(norm[k:end]) == words:  # a slice shorter than the name (at the doc's end) differs
            return Group([state], k, end, label="place")
    return None


def _names_at(ctx: DocContext, index: Index, first_words: FirstWords) -> dict[int, Group]:
    """The names of ``index`` in the doc by start (none in most docs: the first words are
    tested against the doc's distinct words in C first)."""
    T = ctx.t
    forms = T.forms()
    # a first word counts where it is a name alone or the doc holds a second word of one
    # of its names ("new" alone is no city)
    heads, alone, seconds = first_words
    firsts = {w for w in forms & heads if w in alone or not forms.isdisjoint(seconds.get(w, ()))}
    return {k: g for k in positions(T.norm, firsts, forms) if not ctx.in_mention(k) and not _inside_a_name(ctx, k)
            and (g := city_at(ctx, k, index)) is not None} if firsts else {}


def _inside_a_name(ctx: DocContext, k: int) -> bool:
    """In a script with capitals, a capitalised word right before the city's first word, not
    opening its sentence, makes a longer name of which the city is a part ("New York" is no
    York, "East Jerusalem" stays with its city only where listed)."""
    T = ctx.t
    return k > 0 and T.text[k - 1][:1].isupper() and ctx.sent_at(k).start != k - 1


def doc_cities(ctx: DocContext) -> Places:
    """The doc's city names by start, and its towns after a place noun, found once."""
    if ctx.cities is None:
        lang = ctx.doc.lang_
        cities = _names_at(ctx, city_index(lang), city_first_words(lang))
        towns = {}
        if not ctx.t.forms().isdisjoint(_place_noun_keys(lang)):  # no place noun, no town: most docs load none
            towns = {k: g for k, g in _names_at(ctx, town_index(lang), town_first_words(lang)).items()
                     if k not in cities and after_place_noun(ctx, k)}
        ctx.cities = Places(cities, towns)
    return ctx.cities  # type: ignore[return-value]


@functools.lru_cache(maxsize=None)
def _place_noun_keys(lang: str) -> frozenset[str]:
    """Every key a place noun may have in the token table, clitics kept in it included (a
    conjunction, a one-letter preposition, the article, the lam contraction: "وببلدة", "لمدينة",
    "البلدة", "للمدينة"): a doc holding none has no town, tested in C."""
    cfg = claim_config(lang)
    nouns = cfg.place_nouns - cfg.genitive_preps
    definite = cfg.definite if cfg.definite != "\0" else ""
    bare = set(nouns) | ({definite + n for n in nouns} if definite else set())
    preps = [p for p in cfg.all_preps if len(p) == 1]
    with_prep = bare | {p + w for p in preps for w in bare}
    if cfg.lam_contraction and definite:
        with_prep |= {cfg.lam_contraction + definite[1:] + n for n in nouns}  # "للمدينة"
    return frozenset(with_prep | {c + w for c in cfg.conjunctions for w in with_prep})


@functools.lru_cache(maxsize=None)
def _place_words(lang: str) -> frozenset[str]:
    """The place nouns with their clitics and the "of" of "the city of": what may stand between
    a preposition and a place's name."""
    return _place_noun_keys(lang) | claim_config(lang).place_nouns


def after_place_noun(ctx: DocContext, k: int) -> bool:
    """Token ``k`` follows a place noun, past determiners: "the town of", "the city", "بلدة",
    "البلدة", "ببلدة", "لمدينة" (a preposition clitic or the article kept in the word's key)."""
    T, cfg = ctx.t, ctx.cfg
    j = k - 1
    while j >= 0 and T.norm[j] in cfg.determiners:
        j -= 1
    if j >= 0 and T.norm[j] in cfg.genitive_preps:  # "the town of": the noun before "of"
        j -= 1
    return j >= 0 and T.norm[j] in _place_noun_keys(ctx.doc.lang_)


def city_target(ctx: DocContext, trig: Mark, limit: int, preps: frozenset[str] | tuple[str, ...]) -> Group | None:
    """The first city after the trigger, within its reach, that is its direct object or sits
    after a locative or object preposition ("struck Kharkiv", "strikes on Odesa", "في حلب")."""
    cities = doc_cities(ctx)
    towns = cities.towns
    if not cities and not towns:
        return None
    T, cfg = ctx.t, ctx.cfg
    markers = cfg.locative | frozenset(preps)
    place_nouns = _place_words(ctx.doc.lang_)
    adjuncts = ctx.adjuncts
    for k in range(trig.end, min(limit, len(T))):
        if k in adjuncts:
            continue  # "وصل …، الأحد، إلى بنغازي": a time phrase set off by commas ends nothing
        if T.norm[k] in cfg.boundaries:
            return None
        city = cities.get(k) or towns.get(k)
        if city is None:
            continue
        j = k - 1
        while j >= trig.end and (j in adjuncts or T.norm[j] in cfg.determiners or T.norm[j] in cfg.region_words
                                 or T.norm[j] in place_nouns or ctx.in_mention(j)
                                 or (cfg.adjective_after and ctx.in_mention(j + 1) and T.norm[j] not in markers
                                     and not T.proclitic(j))):
            # "the eastern city of", "ببلدة" (its clitic kept), a verb-first subject ("قصفت
            # روسيا خاركيف"), the noun a subject's nisba qualifies ("قصفت القوات الروسية بلدة")
            j -= 1
        procl = T.proclitic(k).lstrip("وف")
        if j < trig.end or T.norm[j] in markers or (procl and procl in markers):
            return city
    return None


def compound_place(ctx: DocContext, trig: Mark, spec: Trigger) -> Group | None:
    """The place hit named before the trigger noun (:func:`_compound_place`), found once per trigger."""
    if not spec.locative_direct or ctx.cfg.adjective_after:
        return None
    key = (trig.start, trig.end, trig.label_)
    if key not in ctx.compound_places:
        ctx.compound_places[key] = _compound_place(ctx, trig, spec)
    return ctx.compound_places[key]


def _compound_place(ctx: DocContext, trig: Mark, spec: Trigger) -> Group | None:
    """A place named before an event noun of a place hit (``locative_direct``), after an
    article, in a noun compound ("the Istanbul bombing", "the Kyiv strike", "the Moscow
    concert hall attack": at most two lower-case words between), where adjectives come first:
    the place hit, as a group of its state, when no object or actor follows the noun. A
    state's name or demonym there is the agent ("a US strike", "the Russian attack"), a
    capital used so is not ("the Kremlin attacks Ukraine": an actor after it, a verb)."""
    T, cfg = ctx.t, ctx.cfg
    if trig.start < 2:
        return None
    nxt = trig.end
    if nxt < len(T) and nxt not in ctx.adjuncts and (T.norm[nxt] in spec.obj_preps or T.norm[nxt] in cfg.determiners
                                                     or ctx.in_mention(nxt)):
        return None  # "the Kyiv strike on Moscow": the object is marked, the name before is the agent
    k, gap = trig.start, 0
    while k > 0 and gap < 3 and T.lower[k - 1] and T.alpha[k - 1] and not ctx.in_mention(k - 1) \
            and T.norm[k - 1] not in cfg.determiners and T.norm[k - 1] not in cfg.all_preps:
        k, gap = k - 1, gap + 1
    if gap > 2:
        return None
    i = bisect.bisect_left(ctx.span_starts, k) - 1
    mention = next((m for m in ctx.spans[max(0, i - 2):i + 1] if m.end == k and m.label_ == "metonym"), None)
    place = Group([mention.kb_id_], mention.start, mention.end, label="place") if mention is not None else \
        next((g for g in doc_cities(ctx).values() if g.end == k), None)
    return place if place is not None and place.start > 0 and T.norm[place.start - 1] in cfg.determiners else None
