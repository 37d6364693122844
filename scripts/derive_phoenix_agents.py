#!/usr/bin/env python3
"""Derive English agent nouns with their sectors from the Phoenix agents dictionary.

Input: ``Phoenix.agents.txt`` of openeventdata/UniversalPetrarch (PETRARCH agents dictionary,
MIT licence) and the ``LICENSE`` beside it. Output: ``kg/data/lang/en.agents.toml``, a
language-data supplement (see kg/lang.py ``_merge_supplements``) with one list per sector::

    [agents]
    military = ["admiral", "air force", "armed forces", "army", ...]
    police = ["border patrol", "gendarmerie", "police", ...]

The Arabic counterpart, ``kg/data/lang/ar.agents.toml``, is written by hand (a reviewed
translation of the common nouns), not by this script.

The dictionary format (PETRARCH): ``NOUN_PHRASE {IRREGULAR_PLURALS} [~CODE] # comment``; words
joined by ``_``; ``!PERSON!`` and ``!MINIST!`` are substitution sets defined at the top
(``FIRE!PERSON!`` = fireman, firemen, firewoman ...); a final ``MINIST`` is a stem
(minister, ministry). The code's first three letters are the sector (``~MIL`` military,
``~GOVMIL`` a government body of the military sector); regular plurals are not listed.

Kept (``SECTORS``): the sectors of state and armed actors only: government, military, police,
intelligence, judiciary, legislature, rebels, insurgents, opposition, unidentified armed
groups, parties. Dropped: weapons and vehicles (a digit, a slash or a weapon word:
"F-16", "attack helicopter", "cruise missile"), abbreviations ("Gen.", "Capt."), phrases that
end in a preposition and need a following name ("ambassador to"), phrases with commas, and
nouns listed under two sectors (ambiguous; ``SHARED_KEPT`` keeps a reviewed few in the
first). Lower case, ``_`` -> space, sorted: byte-stable output, written atomically.

    .venv/bin/python scripts/derive_phoenix_agents.py [--source DIR] [--out PATH]
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO_ROOT.parent / "shared" / "field-data" / "petrarch"
DEFAULT_OUTPUT = REPO_ROOT / "kg" / "data" / "lang" / "en.agents.toml"
AGENTS = "Phoenix.agents.txt"


# scripts/derive_phoenix_groups.py, beside this one: name spelling, collision keys, checks, output helpers
sys.path.insert(0, str(Path(__file__).resolve().parent))
import derive_phoenix_groups as G  # noqa: E402

# code prefix -> sector name in the output
SECTORS = {
    "GOV": "government", "MIL": "military", "COP": "police", "SPY": "intelligence",
    "JUD": "judiciary", "LEG": "legislature", "REB": "rebels", "INS": "insurgents",
    "OPP": "opposition", "UAF": "armed_groups", "PTY": "parties",
}
# a phrase with one of these words names a weapon, a vehicle or a place, not an agent
WEAPON_WORDS = {
    "missile", "missiles", "jet", "jets", "helicopter", "helicopters", "gunship", "gunships", "tank", "tanks",
    "ship", "ships", "carrier", "bomber", "bombers", "frigate", "destroyer", "cruiser", "corvette",
    "aircraft", "plane", "planes", "artillery", "humvee", "hmmwv", "gun", "guns", "rifle", "rocket",
    "rockets", "drone", "drones", "submarine", "battleship", "battlewagon", "craft", "raptor", "hornet",
    "falcon", "typhoon", "apache", "chinook", "dragonfly", "harrier", "jetfighter", "barracks",
    "building", "position", "system", "post", "prison", "jail", "house", "meeting", "mortar", "mortars",
    "grenade", "grenades", "bomb", "bombs", "weapon", "weapons", "vehicle", "vehicles", "boat", "boats",
    "mig", "kfir", "strike fighter",
}
TRAILING_PREPOSITIONS = {"to", "for", "at", "in", "of", "on", "from", "with"}
# nouns of two sectors kept in the sector given here (reviewed)
SHARED_KEPT: dict[str, str] = {}


def substitutions(text: str) -> dict[str, list[str]]:
    subs = {}
    for m in re.finditer(r"^(![A-Z]+!)\s*=\s*(.+)$", text, re.M):
        subs[m.group(1)] = [w.strip().lower() for w in m.group(2).split(",") if w.strip()]
    return subs


_LINE = re.compile(r"^([^\s\[{#][^\[{#]*?)\s*(\{[^}]*\})?\s*\[~?([A-Z]+)~?\]")


def parse(text: str) -> list[tuple[int, str, str, list[str]]]:
    """(line, phrase, code, irregular plurals) per agent line."""
    out = []
    for n, raw in enumerate(text.splitlines(), 1):
        if raw.startswith("#") or not raw.strip():
            continue
        m = _LINE.match(raw)
        if not m:
            continue
        plurals = [p for p in (m.group(2) or "{}")[1:-1].split() if p]
        out.append((n, m.group(1).strip(), m.group(3), plurals))
    return out


def expand(phrase: str, subs: dict[str, list[str]]) -> list[str]:
    """English forms of one phrase: substitution sets and the MINIST stem expanded."""
    forms = [phrase.lower()]
    for name, words in subs.items():
        key = name.lower()
        if key in forms[0]:
            forms = [f.replace(key, w) for f in forms for w in words]
    out = []
    for f in forms:
        f = " ".join(re.sub(r"_+", " ", f).split())
        if f.endswith(" minist") or f == "minist":
            out += [f + "er", f + "ry"]
        else:
            out.append(f)
    return out


def reason(form: str) -> str | None:
    words = form.split()
    if not words:
        return "empty"
    if re.search(r"[\d/,]", form):
        return "a digit, slash or comma (a model name or a list)"
    if "." in form:
        return "an abbreviation"
    if any(w in WEAPON_WORDS for w in words) or any(" " in w and w in form for w in WEAPON_WORDS):
        return "a weapon, vehicle or place"
    if words[-1] in TRAILING_PREPOSITIONS:
        return "ends in a preposition"
    if not re.fullmatch(r"[a-z][a-z' \-]*", form):
        return "not plain words"
    return None


def decide(entries, subs):
    sectors_of: dict[str, set[str]] = defaultdict(set)
    log = []
    for n, phrase, code, plurals in entries:
        sector = SECTORS.get(code[:3])
        if sector is None:
            log.append((n, phrase, f"sector {code} not kept"))
            continue
        for form in expand(phrase, subs) + [p.lower().replace("_", " ") for p in plurals]:
            why = reason(form)
            if why:
                log.append((n, form, why))
                continue
            sectors_of[form].add(sector)
    lists: dict[str, set[str]] = defaultdict(set)
    for form, secs in sectors_of.items():
        if len(secs) > 1 and form not in SHARED_KEPT:
            log.append((0, form, f"in several sectors {sorted(secs)}"))
            continue
        lists[SHARED_KEPT.get(form) or next(iter(secs))].add(form)
    return {s: sorted(v) for s, v in sorted(lists.items())}, log


def render(lists: dict[str, list[str]], licence: str, digest: str) -> str:
    lines = [
        "# Agent nouns by sector (English): who acts for a state or an armed or political body.",
        "# GENERATED by scripts/derive_phoenix_agents.py from Phoenix.agents.txt of",
        f"# {G.SOURCE_REPO} (commit {G.SOURCE_COMMIT}, {G.SOURCE_DIR}/;",
        f"# sha256 {digest}).",
        "# Do not edit by hand: change the lists in the script and rerun it.",
        "#",
        "# A language-data supplement (kg/lang.py): [agents] joins the language's data. Base",
        "# forms, lower case; regular plurals are not listed (irregular ones are). Weapons,",
        "# abbreviations and nouns of two sectors are left out.",
        "#",
        "# The source is distributed under the MIT License; its notice follows.",
        "#",
    ]
    lines += G._comment(licence)
    lines += ["", "", "[agents]"]
    for sector, words in lists.items():
        lines.append(f"{sector} = [")
        row = "  "
        for i, w in enumerate(words):
            item = G._toml_str(w) + ("," if i < len(words) - 1 else "")
            if len(row) + len(item) + 1 > 100:
                lines.append(row.rstrip())
                row = "  "
            row += item + " "
        lines.append(row.rstrip())
        lines.append("]")
    return "\n".join(lines) + "\n"


def build(source: Path):
    raw = (source / AGENTS).read_bytes()
    text = raw.decode("utf-8", errors="replace")
    subs = substitutions(text)
    lists, log = decide(parse(text), subs)
    return lists, log, render(lists, G.licence_notice(source / "LICENSE"), hashlib.sha256(raw).hexdigest())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUTPUT)
    ap.add_argument("--review", action="store_true", help="print what was dropped and why; write nothing")
    args = ap.parse_args(argv)
    lists, log, text = build(args.source)
    if args.review:
        for n, form, why in log:
            print(f"{n:5d} {form}: {why}")
    else:
        G.write_atomic(args.out, text)
        print(f"wrote {args.out}", file=sys.stderr)
    print("kept: " + ", ".join(f"{s} {len(v)}" for s, v in lists.items()), file=sys.stderr)
    fates = Counter("a sector not kept" if w.startswith("sector") else "in several sectors" if w.startswith("in several")
                    else w for *_, w in log)
    print("dropped: " + ", ".join(f"{r} {n}" for r, n in fates.most_common()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
