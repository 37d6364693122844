"""Paradigms by affixation, driven by the tables of a language's data file (``[paradigms]``).

The code knows no language: it splits an entry into its fields, picks a paradigm by the
regular expressions of the tables, derives stems by the alternations the tables name and
puts the tables' affixes on them. Arabic is ``kg/data/lang/ar.toml``; the entry syntax is
documented there, beside the tables. In short, with ``|`` between fields and ``;`` before
the extras::

    verb:  PAST[ TAIL]|PRESENT[|TAGS][; EXTRAS]      "اتهم|يتهم", "دمر|يدمر|II -participle"
    noun:  SINGULAR[|PLURALS][|TAGS][; EXTRAS]      "هجوم|هجمات", "اعتداء", "قصف|-"

TAGS name the verb's pattern or paradigm when the letters cannot tell it ("II", "doubled"),
a noun's extra stem ("fem"), or drop a group of slots ("-participle"). EXTRAS are forms
added as written (irregulars) and ``-GLOB`` exclusions of generated forms that are also
common unrelated words ("-مدين*": مدينة is a city, not the one condemned).

Templates: ``+`` is the stem ("ي+ون" → يتهمون); digits are the stem's letters by position
("1ا23" on دعم → داعم).
"""

from __future__ import annotations

import fnmatch
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_DIGIT = re.compile(r"[1-9]")


@dataclass(frozen=True)
class Entry:
    fields: tuple[str, ...]  # the "|" fields but the tags: past and present, or singular and plurals
    tail: str  # fixed words after the inflected one ("حمل المسؤولية": "المسؤولية")
    tags: tuple[str, ...]
    extras: tuple[str, ...]
    excluded: tuple[str, ...]  # glob patterns


def _plain(text: str) -> str:
    """The letters of ``text``: combining marks (harakat, shadda) are dropped."""
    return "".join(ch for ch in unicodedata.normalize("NFC", text) if not unicodedata.category(ch).startswith("M"))


def parse(entry: str, kind: str, tables: Mapping[str, Any]) -> Entry:
    """Split ``entry`` into its fields. The last ``|`` field holds tags when every word of it
    is a tag the tables know (or a ``-group``); verbs have two fields before it, nouns one or two."""
    head, _, extra = _plain(entry).partition(";")
    fields = [f.strip() for f in head.split("|")]
    if not fields[0]:
        raise ValueError(f"empty {kind} entry {entry!r}")
    known = _known_tags(kind, tables) | {"-" + g for g in _groups(kind, tables)}
    tags: list[str] = []
    least = 2 if kind == "verb" else 1
    if len(fields) > least and fields[-1] and all(t in known for t in fields[-1].split()):
        tags = fields.pop().split()
    elif len(fields) > least and re.fullmatch(r"[\sA-Za-z-]+", fields[-1]) and fields[-1] != "-":
        raise ValueError(f"unknown tag(s) {fields[-1]!r} in {entry!r} (known: {sorted(known)})")
    if len(fields) != least and not (kind == "noun" and len(fields) == 2):
        raise ValueError(f"{kind} entry {entry!r}: expected {'PAST|PRESENT' if kind == 'verb' else 'SINGULAR[|PLURALS]'}")
    first = fields[0].split()
    if kind == "noun" and len(first) > 1:
        raise ValueError(f"noun entry {entry!r}: one word (phrases go in `forms`)")
    if kind == "verb" and len(fields[1].split()) != 1:
        raise ValueError(f"verb entry {entry!r}: the present is one word (a tail follows the past)")
    words = extra.split()
    return Entry(fields=(first[0], *fields[1:]), tail=" ".join(first[1:]), tags=tuple(tags),
                 extras=tuple(w for w in words if not w.startswith("-")),
                 excluded=tuple(w[1:] for w in words if w.startswith("-") and len(w) > 1))


def _known_tags(kind: str, tables: Mapping[str, Any]) -> set[str]:
    if kind == "verb":
        verb = tables.get("verb", {})
        return set(verb.get("patterns", [])) | set(verb.get("types", {}))
    return set(tables.get("noun", {}).get("stems", {}))


def _groups(kind: str, tables: Mapping[str, Any]) -> set[str]:
    if kind == "verb":
        slots = [s for t in tables.get("verb", {}).get("types", {}).values() for s in t.get("slots", [])]
    else:
        noun = tables.get("noun", {})
        slots = list(noun.get("slots", [])) + list(noun.get("plural", []))
    return {s.get("group", "") for s in slots} - {""}


def _dropped(slot: Mapping[str, Any], dropped: set[str]) -> bool:
    """Whether a "-GROUP" tag drops ``slot``: its group or a group it is a subgroup of
    ("-participle" drops "participle_passive" too)."""
    group = slot.get("group", "")
    return any(group == d or group.startswith(d + "_") for d in dropped)


def _first_rule(rules: list, key: str, what: str, entry: str) -> str:
    for name, pattern in rules:
        if re.search(pattern, key):
            return name
    raise ValueError(f"no {what} rule fits {entry!r}: tag it")


def _affixes(names: Any, tables: Mapping[str, Any]) -> list[str]:
    """A slot's affix list: names of lists in ``[paradigms.affixes]`` and templates."""
    lists = tables.get("affixes", {})
    out: list[str] = []
    for item in [names] if isinstance(names, str) else list(names or []):
        if item in lists:
            out.extend(lists[item])
        else:
            out.append(item)
    return out


def _alternate(stem: str, names: Any, tables: Mapping[str, Any]) -> str:
    """The stem after the named alternations (regex rewrites; a stem they do not fit stays)."""
    alternations = tables.get("alternations", {})
    for name in [names] if isinstance(names, str) else list(names or []):
        if name not in alternations:
            raise ValueError(f"unknown alternation {name!r}")
        pattern, replacement = alternations[name]
        stem = re.sub(pattern, replacement, stem, count=1)
    return stem


def _attach(template: str, stem: str, merge: str) -> str:
    """``template`` on ``stem``: "+" is the stem, digits its letters. A suffix that starts with
    the letter the stem ends with, when that letter is one of ``merge``, is written once
    (تعاون + نا → تعاونا)."""
    if "+" in template:
        prefix, _, suffix = template.partition("+")
        if suffix and stem and suffix[0] == stem[-1] and suffix[0] in merge:
            suffix = suffix[1:]
        return prefix + stem + suffix
    if _DIGIT.search(template):
        if any(int(d) > len(stem) for d in _DIGIT.findall(template)):
            return ""
        return _DIGIT.sub(lambda m: stem[int(m.group()) - 1], template)
    raise ValueError(f"template {template!r} has no '+' and no letter positions")


def _slot_forms(slot: Mapping[str, Any], stem: str, tables: Mapping[str, Any], merge: str) -> list[str]:
    if "if" in slot and not re.search(slot["if"], stem):
        return []
    if "unless" in slot and re.search(slot["unless"], stem):
        return []
    stem = _alternate(stem, slot.get("alternation"), tables)
    made = [f for f in (_attach(t, stem, merge) for t in _affixes(slot.get("affixes", ["+"]), tables)) if f]
    if "endings" in slot:
        made = [_attach(e, f, merge) for f in made for e in _affixes(slot["endings"], tables)]
    return made


def _respell(forms: list[str], tables: Mapping[str, Any]) -> list[str]:
    """Spelling rules of the tables: ``rewrite`` replaces (أأ → آ), ``variants`` adds (أو → ؤو)."""
    spelling = tables.get("spelling", {})
    out = []
    for form in forms:
        for pattern, replacement in spelling.get("rewrite", []):
            form = re.sub(pattern, replacement, form)
        out.append(form)
        for pattern, replacement in spelling.get("variants", []):
            variant = re.sub(pattern, replacement, form)
            if variant != form:
                out.append(variant)
    return out


def _verb(entry: Entry, raw_entry: str, tables: Mapping[str, Any], groups: set[str] | None = None) -> list[str]:
    """The verb's forms; with ``groups``, only those of slots in these groups."""
    verb = tables.get("verb", {})
    past, present = entry.fields[0], entry.fields[1]
    prefix = verb.get("present_prefix", "")
    if prefix and not present.startswith(prefix):
        raise ValueError(f"{raw_entry!r}: the present should start with {prefix!r}")
    key = f"{past}|{present}"
    patterns, types = set(verb.get("patterns", [])), verb.get("types", {})
    pattern = next((t for t in entry.tags if t in patterns), None) \
        or _first_rule(verb.get("pattern_rules", []), key, "pattern", raw_entry)
    vtype = next((t for t in entry.tags if t in types), None) \
        or _first_rule(verb.get("type_rules", []), key, "type", raw_entry)
    stems = {"past": past, "present": present[len(prefix):]}
    dropped = {t[1:] for t in entry.tags if t.startswith("-")}
    merge = tables.get("spelling", {}).get("merge", "")
    out: list[str] = []
    for slot in types[vtype].get("slots", []):
        if _dropped(slot, dropped):
            continue
        if "only" in slot and pattern not in slot["only"]:
            continue
        if "except" in slot and pattern in slot["except"]:
            continue
        if groups is not None and slot.get("group") not in groups:
            continue
        out += _slot_forms(slot, stems[slot.get("stem", "past")], tables, merge)
    return out


def _noun(entry: Entry, tables: Mapping[str, Any]) -> list[str]:
    noun = tables.get("noun", {})
    singular = entry.fields[0]
    plurals = entry.fields[1].split() if len(entry.fields) > 1 else []
    merge = tables.get("spelling", {}).get("merge", "")
    dropped = {t[1:] for t in entry.tags if t.startswith("-")}
    stems = [(singular, plurals)]
    for tag in entry.tags:  # "fem": the feminine singular, inflected with its own plural
        if tag in noun.get("stems", {}):
            stems.append((_attach(noun["stems"][tag], singular, merge), []))
    out: list[str] = []
    for stem, given in stems:
        for slot in noun.get("slots", []):
            if not _dropped(slot, dropped):
                out += _slot_forms(slot, stem, tables, merge)
        if given == ["-"]:
            continue
        if given:
            out += given
        elif "plural" not in dropped:
            for slot in noun.get("plural", []):
                out += _slot_forms(slot, stem, tables, merge)
    return out


def forms(entry: str, kind: str, tables: Mapping[str, Any]) -> list[str]:
    """Every form of one lexicon entry (``kind`` "verb" or "noun") as the tables inflect it,
    with the entry's extras and without its exclusions, in a stable order. ``kind``
    "verb_nominal" gives only the verb's forms that are nouns or adjectives (the slots of the
    groups ``[paradigms.verb] nominal_groups`` names: participles take the article)."""
    if kind == "verb_nominal":
        parsed = parse(entry, "verb", tables)
        nominal = set(tables.get("verb", {}).get("nominal_groups", []))
        made = _respell(_verb(parsed, entry, tables, nominal), tables)
        if parsed.tail:
            made = [f"{f} {parsed.tail}" for f in made]
        return list(dict.fromkeys(f for f in made if not any(fnmatch.fnmatchcase(f, g) for g in parsed.excluded)))
    parsed = parse(entry, kind, tables)
    made = _verb(parsed, entry, tables) if kind == "verb" else _noun(parsed, tables)
    made = _respell(made, tables)
    if parsed.tail:
        made = [f"{f} {parsed.tail}" for f in made]
    made = [f for f in made if not any(fnmatch.fnmatchcase(f, g) for g in parsed.excluded)]
    return list(dict.fromkeys(made + list(parsed.extras)))
