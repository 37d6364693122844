"""Known geopolitical actors: countries, organizations and persons.

The gazetteer merges two sources:

* Country names from CLDR (via Babel), in Arabic and English, for every
  country listed in ``ontology/actors/countries.toml``.  CLDR gives the
  standard names; the TOML tables add what CLDR lacks: Wikidata QIDs,
  alternative names, capitals and seats of power used as metonyms
  ("موسكو", "the Kremlin"), Arabic nisba stems from which demonym forms are
  generated, and irregular demonyms ("الروس", "Americans").
* Organizations and persons, entirely from ``organizations.toml`` and
  ``persons.toml``.

TOML schema (one table per actor; countries are keyed by ISO 3166-1 alpha-3,
everything else by a short lowercase slug)::

    [RUS]
    wikidata = "Q159"
    iso2 = "XK"                 # only when pycountry does not know the key
    ar.label = "..."            # optional preferred label (else CLDR / first name)
    ar.names = ["روسيا الاتحادية"]
    ar.metonyms = ["موسكو", "الكرملين"]
    ar.nisba = ["روسي"]         # -> روسي روسية الروسي الروسية روسيون روسيين ...
    ar.demonyms = ["الروس"]
    en.names = ["Russian Federation"]
    en.metonyms = ["Moscow", "the Kremlin"]
    en.demonyms = ["Russian", "Russians"]

    [putin]
    type = "Person"             # "Organization" | "Person"; countries.toml implies "Country"
    role = "Leader"             # persons only
    affiliation = "RUS"
    ...

    [hamid_karzai]              # persons only: roles bounded by dates (ISO, inclusive)
    type = "Person"
    roles = [{affiliation = "AFG", role = "Leader", start = "2001-12-22", end = "2015-12-31"}]

A dated role holds for an article whose date falls within it (:meth:`KnownActor.role_on`);
``role``/``affiliation`` of such a person are the latest role's, what holds without a date.

A table named ``[_exclude]`` with ``ar = [...]`` / ``en = [...]`` removes
surface forms (exact text after light cleaning) from every actor, including
CLDR-derived ones.  It is how ambiguous forms ("عمان" = Oman and Amman,
"Korean") are kept out.
"""

from __future__ import annotations

import functools
import os
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kg.runtime import collector_paused

__all__ = [
    "SurfaceForm",
    "KnownActor",
    "DatedRole",
    "load_known_actors",
    "ontology_dir",
    "LANGS",
    "KINDS",
    "ROLES",
    "TYPES",
]

LANGS = ("ar", "en")
KINDS = ("name", "metonym", "demonym")
ROLES = ("Leader", "Official", "Analyst", "Other")
TYPES = ("Country", "Organization", "Person")

_KIND_RANK = {k: i for i, k in enumerate(KINDS)}  # name beats metonym beats demonym
_FIELDS = {"names": "name", "metonyms": "metonym", "demonyms": "demonym", "nisba": "demonym"}


@dataclass(frozen=True)
class SurfaceForm:
    text: str  # as written in news, e.g. "روسيا", "موسكو", "الروسية", "the Kremlin", "Russian"
    lang: str  # "ar" | "en"
    kind: str  # "name" | "metonym" | "demonym"


@dataclass(frozen=True)
class DatedRole:
    affiliation: str
    role: str  # "Leader" | "Official" | ...
    start: str | None  # ISO date, inclusive; None: since ever
    end: str | None  # ISO date, inclusive; None: still


@dataclass(frozen=True)
class KnownActor:
    key: str  # ISO 3166-1 alpha-3 for countries ("RUS"); short lowercase slug otherwise
    type: str  # "Country" | "Organization" | "Person"
    role: str | None  # persons: "Leader" | "Official" | "Analyst" | "Other"; else None
    wikidata: str | None  # "Q159"
    affiliation: str | None  # key of the country/org (persons, ministries, armies)
    labels: dict[str, str]  # preferred label per language
    forms: tuple[SurfaceForm, ...]  # every surface form, both languages, incl. labels
    body: str | None = None  # which of its state's bodies it is ("mod", "army"): see kg/nlp/bodies.py
    roles: tuple[DatedRole, ...] = ()  # date-bounded roles (persons), oldest first

    def role_on(self, date: str | None) -> tuple[str | None, str | None]:
        """(role, affiliation) that hold on an ISO ``date``: without dated roles the actor's
        own; with them the role whose dates hold the date (the latest of several), none
        when no role holds then, the latest role when there is no date."""
        if not self.roles:
            return self.role, self.affiliation
        if not date:
            return self.role, self.affiliation
        day = date[:10]
        held = [r for r in self.roles if (r.start is None or r.start <= day) and (r.end is None or day <= r.end)]
        if not held:
            return None, None
        r = held[-1]
        return r.role, r.affiliation

    @functools.cached_property
    def other_names(self) -> dict[str, frozenset[str]]:
        """Names and metonyms per language, the preferred label left out (worked out once per
        record: every article that mentions the actor writes them as alternative labels)."""
        names: dict[str, set[str]] = {}
        for form in self.forms:
            text = " ".join(form.text.split())
            if form.kind != "demonym" and text != self.labels.get(form.lang):
                names.setdefault(form.lang, set()).add(text)
        return {lang: frozenset(texts) for lang, texts in names.items()}

    def forms_for(self, lang: str, kind: str | None = None) -> tuple[SurfaceForm, ...]:
        return tuple(f for f in self.forms if f.lang == lang and (kind is None or f.kind == kind))


# --------------------------------------------------------------------------- paths


def ontology_dir() -> Path:
    """The repository's ``ontology/`` directory (``GEOKG_ONTOLOGY_DIR`` overrides)."""
    env = os.environ.get("GEOKG_ONTOLOGY_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "ontology"


# --------------------------------------------------------------------------- text helpers

# Arabic harakat, tanwin, shadda, sukun, superscript alef, Quranic marks; tatweel.
_AR_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_SPACES = re.compile(r"\s+")
_PAREN = re.compile(r"^(.*?)\s*\((.*?)\)\s*$")


def _clean(text: str, lang: str) -> str:
    if text.isascii():  # most English forms: nothing to normalise but spaces
        return " ".join(text.split())
    text = unicodedata.normalize("NFC", text)
    if lang == "ar":
        text = _AR_MARKS.sub("", text)
    return _SPACES.sub(" ", text).strip()


def _ascii_fold(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _cldr_variants(name: str, lang: str) -> list[str]:
    """Usable surface forms from one CLDR territory name.

    "Myanmar (Burma)" -> Myanmar, Burma; "Bosnia & Herzegovina" -> also "and";
    "St. Kitts & Nevis" -> also "Saint Kitts and Nevis"; "Côte d’Ivoire" ->
    also "Cote d'Ivoire"; Arabic diacritics are stripped ("عُمان" -> "عمان").
    """
    name = _clean(name, lang)
    out = [name]
    m = _PAREN.match(name)
    if m:
        out = [m.group(1), m.group(2)]
    if lang == "en":
        spelled = []
        for n in out:
            v = n.replace(" & ", " and ")
            v = re.sub(r"^St\. ", "Saint ", v)
            spelled.append(v)
        # the spelled-out form first: it becomes the label
        out = spelled + out + [_ascii_fold(v) for v in spelled]
    return list(dict.fromkeys(x for x in out if x))


def nisba_forms(stem: str) -> list[str]:
    """Generate the regular Arabic nisba forms of a stem ending in ي.

    "روسي" -> روسي روسية الروسي الروسية روسيون روسيين الروسيون الروسيين, the duals روسيان
    روسيتان روسيتين ("المسؤولان الروسيان", "سفينتين روسيتين"), and the indefinite
    accusative روسيا ("11 مسؤولا إيرانيا", "جنديا إسرائيليا"; it is often the country's own
    name, the same actor). Multi-word stems inflect every word: "كوري شمالي" -> "الكورية الشمالية" ...
    """
    words = _clean(stem, "ar").split(" ")
    if not all(w.endswith("ي") for w in words):
        raise ValueError(f"nisba stem must end in ي: {stem!r}")
    out = []
    for suffix in ("", "ة", "ون", "ين", "ان", "تان", "تين"):
        for article in ("", "ال"):
            out.append(" ".join(article + w + suffix for w in words))
    out.append(" ".join(w + "ا" for w in words))
    return out


# --------------------------------------------------------------------------- loading


def _read_toml(path: Path) -> dict:
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def _cldr_names() -> dict[str, dict[str, str]]:
    """ISO alpha-2 -> {lang: CLDR name}."""
    from babel import Locale

    return {lang: dict(Locale(lang).territories) for lang in LANGS}  # type: ignore[misc]


def _alpha2_for(key: str, table: dict) -> str | None:
    if "iso2" in table:
        return table["iso2"]
    import pycountry

    c = pycountry.countries.get(alpha_3=key)
    return c.alpha_2 if c else None


class _Builder:
    """Mutable accumulator for one actor before it is frozen into KnownActor."""

    __slots__ = ("key", "type", "role", "wikidata", "affiliation", "body", "labels", "forms", "roles")

    def __init__(self, key: str, type_: str):
        self.key = key
        self.type = type_
        self.role: str | None = None
        self.wikidata: str | None = None
        self.affiliation: str | None = None
        self.body: str | None = None
        self.labels: dict[str, str] = {}
        self.forms: dict[tuple[str, str], str] = {}  # (lang, text) -> kind
        self.roles: tuple[DatedRole, ...] = ()

    def add(self, text: str, lang: str, kind: str) -> None:
        text = _clean(text, lang)
        if not text:
            return
        k = (lang, text)
        old = self.forms.get(k)
        if old is None or _KIND_RANK[kind] < _KIND_RANK[old]:
            self.forms[k] = kind

    def update(self, table: dict, source: str) -> None:
        for field in ("role", "wikidata", "affiliation", "body"):
            if field in table:
                setattr(self, field, table[field])
        if "type" in table:
            self.type = table["type"]
        if "roles" in table:
            self.roles = _dated_roles(table["roles"], f"{source}: [{self.key}]")
            latest = self.roles[-1]  # what holds when an article has no date
            self.role, self.affiliation = latest.role, latest.affiliation
        for lang in LANGS:
            spec = table.get(lang, {})
            if not isinstance(spec, dict):
                raise ValueError(f"{source}: [{self.key}].{lang} must be a table")
            unknown = set(spec) - set(_FIELDS) - {"label"}
            if unknown:
                raise ValueError(f"{source}: [{self.key}].{lang} has unknown keys {sorted(unknown)}")
            if "label" in spec:
                self.labels[lang] = _clean(spec["label"], lang)
            for field, kind in _FIELDS.items():
                values = spec.get(field, [])
                if isinstance(values, str):
                    values = [values]
                for v in values:
                    if field == "nisba":
                        for f in nisba_forms(v):
                            self.add(f, lang, kind)
                    else:
                        self.add(v, lang, kind)

    def freeze(self, excluded: dict[str, set[str]]) -> KnownActor:
        for lang, label in self.labels.items():
            self.add(label, lang, "name")
        forms = [
            SurfaceForm(text, lang, kind)
            for (lang, text), kind in self.forms.items()
            # forms are clean already (add): folding is case alone
            if (text.casefold() if lang == "en" else text) not in excluded.get(lang, ())
        ]
        labels: dict[str, str] = {}
        for lang in LANGS:
            names = [f.text for f in forms if f.lang == lang and f.kind == "name"]
            label = self.labels.get(lang)
            if label not in names:  # excluded (or never set): first remaining name
                label = names[0] if names else None
            if label:
                labels[lang] = label
        # labels first, then names, metonyms, demonyms; stable within a kind
        order = {f: i for i, f in enumerate(forms)}
        forms.sort(
            key=lambda f: (
                LANGS.index(f.lang),
                labels.get(f.lang) != f.text,
                _KIND_RANK[f.kind],
                order[f],
            )
        )
        return KnownActor(
            key=self.key,
            type=self.type,
            role=self.role,
            wikidata=self.wikidata,
            affiliation=self.affiliation,
            labels=labels,
            forms=tuple(forms),
            body=self.body,
            roles=self.roles,
        )


def _dated_roles(values, where: str) -> tuple[DatedRole, ...]:
    if not isinstance(values, list) or not values:
        raise ValueError(f"{where}.roles must be a non-empty list of tables")
    out = []
    for v in values:
        if not isinstance(v, dict) or not isinstance(v.get("affiliation"), str) or v.get("role") not in ROLES:
            raise ValueError(f"{where}.roles: each needs affiliation and role in {ROLES}")
        unknown = set(v) - {"affiliation", "role", "start", "end"}
        if unknown:
            raise ValueError(f"{where}.roles has unknown keys {sorted(unknown)}")
        start, end = v.get("start") or None, v.get("end") or None
        for d in (start, end):
            if d is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(d)):
                raise ValueError(f"{where}.roles: {d!r} is not an ISO date (YYYY-MM-DD)")
        out.append(DatedRole(v["affiliation"], v["role"], start and str(start), end and str(end)))
    # oldest first by end (open ends last), so the last is the latest
    out.sort(key=lambda r: (r.end or "9999", r.start or ""))
    return tuple(out)


def _fold(text: str, lang: str) -> str:
    """Key used only for the exclusion list: exact text, case-insensitive for English."""
    text = _clean(text, lang)
    return text.casefold() if lang == "en" else text


# curated files first, then generated ones: a generated table never overrides a curated one
# (scripts/derive_phoenix_groups.py checks that no key or name of it collides with them)
CURATED_FILES = ("countries.toml", "organizations.toml", "persons.toml")
GENERATED_FILES = ("phoenix-groups.toml", "phoenix-persons.toml")  # scripts/derive_phoenix_*.py
_DEFAULT_FILES = CURATED_FILES + GENERATED_FILES


def curated_actors() -> dict[str, KnownActor]:
    """The known actors of the curated files alone (what generated data must not collide with)."""
    return _load(str(ontology_dir()), (), files=CURATED_FILES)


def _load(root: str, extra: tuple[str, ...], files: tuple[str, ...] = _DEFAULT_FILES) -> dict[str, KnownActor]:
    actors_dir = Path(root) / "actors"
    files = [actors_dir / name for name in files] + [Path(p) for p in extra]
    builders: dict[str, _Builder] = {}
    excluded: dict[str, set[str]] = {lang: set() for lang in LANGS}
    cldr = None

    for path in files:
        data = _read_toml(path)
        is_countries = path.name == "countries.toml"
        for key, table in data.items():
            if key == "_exclude":
                for lang in LANGS:
                    excluded[lang].update(_fold(t, lang) for t in table.get(lang, []))
                continue
            if not isinstance(table, dict):
                raise ValueError(f"{path}: top-level key {key!r} is not a table")
            b = builders.get(key)
            if b is None:
                type_ = table.get("type", "Country" if is_countries else None)
                if type_ not in TYPES:
                    raise ValueError(f"{path}: [{key}] needs type in {TYPES}")
                b = builders[key] = _Builder(key, type_)
                if type_ == "Country":
                    alpha2 = _alpha2_for(key, table)
                    if alpha2 is None:
                        raise ValueError(f"{path}: [{key}] is not an ISO alpha-3 country (give iso2)")
                    if cldr is None:
                        cldr = _cldr_names()
                    for lang in LANGS:
                        name = cldr[lang].get(alpha2)
                        if name:
                            variants = _cldr_variants(name, lang)
                            b.labels.setdefault(lang, variants[0])
                            for v in variants:
                                b.add(v, lang, "name")
            b.update(table, str(path))

    return {key: b.freeze(excluded) for key, b in builders.items()}


@functools.lru_cache(maxsize=8)
def _load_cached(root: str, extra: tuple[str, ...]) -> dict[str, KnownActor]:
    # thousands of small objects, none of them garbage: the cyclic collector would only walk
    # the process's heap again and again (in a big process, most of the loading time)
    with collector_paused():
        return _load(root, extra)


def load_known_actors(*extra_files: str | Path) -> dict[str, KnownActor]:
    """All known actors by key.  Loaded once per (ontology dir, extra files).

    ``extra_files`` are further TOML files in the same schema; a table whose key
    already exists extends that actor (adds forms, overrides scalars).  The
    returned dict is shared between callers: do not mutate it.
    """
    return _load_cached(str(ontology_dir()), tuple(str(p) for p in extra_files) + user_actor_files())


USER_ACTORS_ENV = "GEOKG_ACTORS"


def user_actor_files() -> tuple[str, ...]:
    """The user's own known-actor files (``kg build --actors FILE.toml``; the environment
    carries them to worker processes): aliases and actors of their own, same schema as
    ``ontology/actors/``, read after the curated files so they extend or override them."""
    value = os.environ.get(USER_ACTORS_ENV, "")
    return tuple(p for p in value.split(os.pathsep) if p)


def check_actor_file(path: str | Path) -> None:
    """One clear line for a user's actor file that cannot be used, before any work starts."""
    from kg.errors import InputError

    try:
        data = _read_toml(Path(path))
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(path, f"cannot read ({err.__class__.__name__})") from None
    except tomllib.TOMLDecodeError as err:
        raise InputError(path, f"not valid TOML ({err})") from None
    for key, table in data.items():
        if not isinstance(table, dict):
            raise InputError(path, f"[{key}] must be a table")
        if table.get("type") not in (None, *TYPES):
            raise InputError(path, f"[{key}] type must be one of {', '.join(TYPES)}")


load_known_actors.cache_clear = _load_cached.cache_clear  # type: ignore[attr-defined]
