#!/usr/bin/env python3
"""Derive known persons with date-bounded roles from the Phoenix country actor dictionary.

Input: ``Phoenix.Countries.actors.txt`` of openeventdata/UniversalPetrarch (PETRARCH actor
dictionaries, MIT licence) and the ``LICENSE`` beside it. Output:
``ontology/actors/phoenix-persons.toml``, one table per person in the schema of
``ontology/actors/persons.toml`` extended with dated roles (see kg/gazetteer.py)::

    [hamid_karzai]
    type = "Person"
    roles = [{affiliation = "AFG", role = "Leader", start = "2001-12-22", end = "2015-12-31"}]
    en.names = ["Hamid Karzai"]

The file is loaded after the curated files; a role holds for an article whose date falls
within it (``KnownActor.role_on``), an undated article takes the latest role.

The dictionary format (PETRARCH): a record is a primary phrase, synonym lines ``+PHRASE`` and
code lines starting with a tab, ``[AFGGOV 011222-140929]``: a country code (three letters),
a sector (``GOV`` government, ``GOVMIL`` defence, ``GOVBUS`` economy ... ``MIL`` military,
``SPY`` intelligence, ``COP`` police, ``ELI`` elite, ``REB`` rebels), then dates ``YYMMDD``
(or ``YYYYMMDD``; two-digit years below 30 are 20xx, as PETRARCH reads them), a range
``A-B``, ``>A`` (from A on) or ``<B`` (until B). A code line without dates is a body's or a
title's code, not a person's role.

Roles (``ROLE_OF``): our Leader and Official only (volume: see "salient" below). ``GOV`` alone is any member of the
government, head of state or minister: it is a Leader only with the dictionary's own
evidence, a leader's title in one of the person's phrases (``PRESIDENT_MUBARAK_``) or the
record standing under a leaders' section comment (``# Presidents``, ``# Prime Ministers``,
``# Chancellors`` ...); otherwise an Official. ``GOV`` with a sector, ``MIL``, ``SPY``,
``COP`` are Officials; a plain ``GOV`` Official (a minister of unknown portfolio) is kept only
when the record is salient: added by hand (no ``# CountryInfo.txt`` mark) or given spelling
variants, as the maintainers did for names met in coding news; the ~2,000 other cabinet
members of CountryInfo's lists would double the gazetteer's loading time. ``ELI`` (elite: former office holders, notables), ``REB`` and the
opposition codes map to no role of ours (an opposition figure is not an official of the
state) and are dropped, as are codes of bodies that are not a country of
``ontology/actors/countries.toml`` (IGOs, the fictional Kinakuta).

Dates: an open end (``>A``) is closed at ``OPEN_END``: the dictionary was last revised in
2014-15 (its roles end around 2015) and says nothing of the years after. Roles that end
before ``OLDEST_END`` are left out (news of the 2010s-2020s rarely names those office holders
and every name is a chance of a false match); a person left without a role is left out.

Names: ``_`` -> space, words title-cased (``scripts/derive_phoenix_groups.py`` ``names_of``:
particles al-, bin, el in lower case). Precision, since English names match anywhere in news
text:

* a phrase that opens with a title (``PRESIDENT_X``) is evidence, not a name;
* a name of one word (``KARZAI_``) is never kept: surnames alone are the curated file's
  business; nor a name whose words are all ordinary English words or all common given
  names (a word that opens ``GIVEN_MIN`` or more person names of the file: "Ahmad Ali",
  "Abdul Rahim"), a place name, a name with digits, or a name of two persons of different
  countries in the source;
* persons of the curated files keep the curated entry: a person any of whose names collides
  with a curated actor (CLDR country names included) is left out whole; the same holds for
  the names of phoenix-groups.toml.

No Arabic names are written: Arabic reports of these persons meet them through
kg/nlp/romanize.py cross-script matching.

Run from anywhere (needs the repository's virtualenv)::

    .venv/bin/python scripts/derive_phoenix_persons.py [--source DIR] [--out PATH]
    .venv/bin/python scripts/derive_phoenix_persons.py --explain HAMID_KARZAI_ "Hamid Karzai"

The output is sorted by key and byte-stable, written atomically.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO_ROOT.parent / "shared" / "field-data" / "petrarch"
DEFAULT_OUTPUT = REPO_ROOT / "ontology" / "actors" / "phoenix-persons.toml"
COUNTRIES = "Phoenix.Countries.actors.txt"


# scripts/derive_phoenix_groups.py, beside this one: name spelling, collision keys, checks, output helpers
sys.path.insert(0, str(Path(__file__).resolve().parent))
import derive_phoenix_groups as G  # noqa: E402
SOURCE_REPO, SOURCE_COMMIT, SOURCE_DIR = G.SOURCE_REPO, G.SOURCE_COMMIT, G.SOURCE_DIR

OPEN_END = "2015-12-31"
OLDEST_END = "2012-01-01"
GIVEN_MIN = 8  # a word opening this many person names of the file is a common given name

# sector (the code after the country) -> our role; "GOV" alone is decided per record
ROLE_OF = {"GOV": None, "MIL": "Official", "SPY": "Official", "COP": "Official"}
# GOV + a sector of government is a minister: Official; only the sectors that act between
# states (defence, police and interior, intelligence) are kept: economy, health, education,
# labour, justice ... ministers (GOVBUS, GOVHLH, GOVEDU ...) seldom act in geopolitical news,
# and each kept name costs loading time and a chance of a false match
GOV_SECTORS = {"MIL", "COP", "SPY"}

# the words of a leader's title opening a phrase: the phrase is evidence that the person's
# plain GOV role is a leader's, never a name
LEADER_TITLES = ("PRESIDENT", "PRIME_MINISTER", "PREMIER", "KING", "QUEEN", "EMIR", "AMIR",
                 "SULTAN", "CHANCELLOR", "CROWN_PRINCE", "HEAD_OF_STATE")
OTHER_TITLES = ("VICE_PRESIDENT", "DEPUTY", "MINISTER", "ACTING", "FOREIGN_MINISTER", "DEFENSE_MINISTER",
                "DEFENCE_MINISTER", "GENERAL", "GEN.", "COLONEL", "COL.", "SECRETARY", "SENATOR", "SEN.",
                "GOVERNOR", "GOV.", "AMBASSADOR", "SHEIKH", "SHEIK", "PRINCE", "PRINCESS", "MR.", "MRS.",
                "MS.", "DR.", "SIR_", "LORD", "LADY", "ADMIRAL", "MARSHAL", "MAJOR", "CAPTAIN", "MULLAH",
                "AYATOLLAH", "REP.", "SPEAKER", "JUDGE", "JUSTICE", "MAYOR", "GENERAL_SECRETARY")
# section comments of the file that head a list of leaders (records until the next comment)
LEADER_SECTION = re.compile(r"^#\s*(U\.S\. )?(presidents?|prime ministers?|chancellors?|monarchs?|monarch\[s\]|"
                            r"leaders|greek prime ministers|roughly (presidents|prime ministers).*)\s*$", re.I)

# reviewed out: person phrases whose names are wrong in the source or name someone else
EXCLUDED: dict[str, str] = {}


# --------------------------------------------------------------------------- parsing


@dataclass
class Role:
    country: str
    sector: str
    start: str | None
    end: str | None
    line: int


@dataclass
class Record:
    line: int
    primary: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[str, str, int]] = field(default_factory=list)  # (code, dates, line)
    leader_section: bool = False  # in a country's list of leaders (see parse)
    by_hand: bool = False  # not generated from CountryInfo.txt (its records say "# CountryInfo.txt")

    @property
    def phrases(self) -> list[str]:
        return [self.primary] + self.synonyms


_CODE_LINE = re.compile(r"^\s+\[([A-Za-z]+)\s*([^\]]*)\]")


def parse(text: str) -> list[Record]:
    """The records of the file. ``leader_section``: the record opens a country's leader list
    (see the module docstring): right after the country's own record, or under a leaders'
    section comment, the run of records with an elite (``ELI``) line, the way the file's
    source, CountryInfo, writes its lists of heads of state and government; the first record
    with dated roles and no ``ELI`` line (the cabinet lists that follow) ends the run."""
    records: list[Record] = []
    cur: Record | None = None
    run = False

    def close(rec: Record | None) -> None:
        nonlocal run
        if rec is None or not any(dates for _, dates, _ in rec.codes):
            return
        if run and any(code[3:] == "ELI" for code, _, _ in rec.codes):
            rec.leader_section = True
        else:
            run = False

    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        if raw.startswith("#"):
            body = raw.lstrip("#").strip()
            # a section comment, not a commented-out record or code line
            if body and not body.startswith(("[", "+")) and not re.match(r"^[A-Z0-9'\-.]+_", body):
                close(cur)
                cur = None
                run = bool(LEADER_SECTION.match(raw.strip()))
            continue
        if raw[0] in " \t":
            m = _CODE_LINE.match(raw)
            if m and cur is not None:
                cur.codes.append((m.group(1).upper(), m.group(2).strip(), n))
            continue
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("+"):
            if cur is not None:
                cur.synonyms.append(line[1:].strip())
            continue
        close(cur)
        header = re.search(r"\[[A-Z]{3}\]\s*$", line) is not None  # "AFGHANISTAN_  [AFG]": a country
        if header:
            run = True
        line = re.sub(r"\s*\[[^\]]*\]\s*$", "", line).strip()
        cur = Record(n, line, by_hand="CountryInfo" not in raw)
        records.append(cur)
    close(cur)
    return records


def _date(s: str) -> str | None:
    s = s.strip()
    if len(s) == 6 and s.isdigit():
        yy = int(s[:2])
        s = ("20" if yy < 30 else "19") + s
    if len(s) != 8 or not s.isdigit():
        return None
    try:
        return dt.date(int(s[:4]), int(s[4:6]), int(s[6:])).isoformat()
    except ValueError:
        return None


def roles_of(rec: Record, countries: set[str]) -> tuple[list[Role], list[str]]:
    """The dated roles of a record (any sector), and the reasons lines were not read."""
    out, why = [], []
    for code, dates, line in rec.codes:
        if not dates:
            continue  # a body's or a title's code
        country, sector = code[:3], code[3:]
        if country not in countries:
            why.append(f"line {line}: {code} is not a country of countries.toml")
            continue
        d = dates.replace(" ", "")
        start = end = None
        if d.startswith(">"):
            start = _date(d[1:])
            ok = start is not None
        elif d.startswith("<"):
            end = _date(d[1:])
            ok = end is not None
        elif "-" in d:
            a, b = d.split("-", 1)
            start, end = _date(a), _date(b)
            ok = start is not None and end is not None and start <= end
        else:
            ok = False
        if not ok:
            why.append(f"line {line}: dates {dates!r} not read")
            continue
        out.append(Role(country, sector, start, end, line))
    return out, why


# --------------------------------------------------------------------------- deciding

# German particles, lower case inside a name ("Karl Theodor zu Guttenberg", "von der"); Dutch
# and Flemish "Van" keeps the source's capital ("Herman Van Rompuy")
PERSON_PARTICLES = {"von", "zu"}


def person_case(name: str) -> str:
    """A person's name as news writes it, from the groups script's spelling: capital after
    O' and D' and in Mc ("O'Connor", "McKenzie"), European particles in lower case, and a
    capital first letter ("Al Baghdadi Ali al Mahmudi")."""
    words = name.split()
    out = []
    for i, w in enumerate(words):
        if i and (w.lower() in PERSON_PARTICLES or (w.lower() == "der" and out[-1] == "von")):
            w = w.lower()
        w = re.sub(r"\b([OD])'([a-z])", lambda m: f"{m.group(1)}'{m.group(2).upper()}", w)
        w = re.sub(r"^Mc([a-z])", lambda m: "Mc" + m.group(1).upper(), w)
        out.append(w)
    name = " ".join(out)
    return name[:1].upper() + name[1:]


def _opens_with(phrase: str, titles) -> bool:
    p = phrase.upper().lstrip("_")
    return any(p == t or p.startswith(t if t.endswith("_") else t + "_") or
               (t.endswith(".") and p.startswith(t)) for t in titles)


def our_role(role: Role, leader_evidence: bool) -> str | None:
    s = role.sector
    if s == "GOV":
        return "Leader" if leader_evidence else "Official"
    if s.startswith("GOV") and s[3:] in GOV_SECTORS:
        return "Official"
    return ROLE_OF.get(s)


@dataclass
class Person:
    records: list[Record]
    names: list[str]
    roles: list[tuple[str, str, str, str]]  # (affiliation, role, start, end), sorted
    key: str = ""


@dataclass
class Result:
    persons: dict[str, Person]
    log: list[tuple[Record, str]]  # (record, what became of it)
    name_log: list[tuple[Record, str, str, str]]  # (record, phrase, name, fate)
    read: int


def decide(records: list[Record], ck, countries: set[str], group_names: set[str]) -> Result:
    log: list[tuple[Record, str]] = []
    name_log: list[tuple[Record, str, str, str]] = []
    # candidate person records: dated roles of ours after OLDEST_END
    cands: list[tuple[Record, list[tuple[str, str, str, str]], list[str]]] = []
    for rec in records:
        if rec.primary in EXCLUDED:
            log.append((rec, "reviewed: " + EXCLUDED[rec.primary]))
            continue
        roles, _ = roles_of(rec, countries)
        if not roles:
            continue  # a country, a body, a title: no dated role
        evidence = rec.leader_section or any(_opens_with(p, LEADER_TITLES) for p in rec.phrases)
        # a leader's record also lists offices held before or after ("Carl Bildt": prime
        # minister 1991-94 right after his ELI range, foreign minister from 2006): when a plain
        # GOV role starts where an ELI range ends, that one alone is the leader's
        eli_ends = {r.end for r in roles if r.sector == "ELI" and r.end}
        adjacent = {id(r) for r in roles if r.sector == "GOV" and r.start in eli_ends}
        # the news salience of a minister of unknown portfolio (plain GOV, not a leader): the
        # maintainers added the record by hand or spelling variants of the name, as they did for
        # names met in coding news; the other CountryInfo cabinet members are left out
        salient = rec.by_hand or bool(rec.synonyms)
        kept = []
        for r in roles:
            ours = our_role(r, evidence and (not adjacent or id(r) in adjacent))
            if ours == "Official" and r.sector == "GOV" and not salient:
                continue
            if ours is None:
                continue
            end = r.end or OPEN_END
            start = r.start or ""
            if end < OLDEST_END:
                continue
            kept.append((r.country, ours, start, min(end, OPEN_END) if r.end is None else end))
        if not kept:
            log.append((rec, "no Leader/Official role ending after " + OLDEST_END))
            continue
        names = []
        for p in rec.phrases:
            if _opens_with(p, LEADER_TITLES + OTHER_TITLES):
                name_log.append((rec, p, "", "opens with a title"))
                continue
            ns, why = G.names_of(p)
            if why:
                name_log.append((rec, p, "", why))
            # a parenthesised part is no name of a person
            names += [(p, person_case(n)) for n in ns[:1]]
        cands.append((rec, sorted(set(kept)), names))

    # given names: words that open many person names of the file
    opening = Counter()
    for rec, _, names in cands:
        for _, n in names:
            opening[n.split()[0].lower()] += 1
    given = {w for w, c in opening.items() if c >= GIVEN_MIN}

    def reason(n: str) -> str | None:
        words = G.content_words(n)
        if n.casefold() in ck.excluded:
            return "in a curated _exclude list"
        if G.collide_key(n) in ck.places:
            return "a place name"
        if re.search(r"\d", n):
            return "digits in the name"
        if '"' in n:
            return "a nickname in quotes"
        if len(words) <= 1:
            return "a single word"
        if any(len(w.rstrip(".")) <= 1 for w in words) and len(words) <= 2:
            return "an initial and one word"
        if all(ck.common(w) for w in words):
            return "ordinary English words"
        if all(w.lower() in given for w in words):
            return "common given names only"
        return None

    # persons: records sharing a kept name in one country are one person; across countries, nobody
    by_name: dict[str, list[int]] = defaultdict(list)
    kept_names: list[list[tuple[str, str]]] = []
    curated_hit: dict[int, str] = {}
    for i, (rec, roles, names) in enumerate(cands):
        ok = []
        for p, n in names:
            k = G.collide_key(n)
            hit = ck.curated.get(k)
            if hit is not None:
                curated_hit.setdefault(i, f"collides with curated actor [{hit}] ({n!r})")
                name_log.append((rec, p, n, f"collides with curated actor [{hit}]"))
                continue
            if k in group_names:
                curated_hit.setdefault(i, f"collides with a phoenix-groups.toml name ({n!r})")
                name_log.append((rec, p, n, "a phoenix-groups.toml name"))
                continue
            why = reason(n)
            name_log.append((rec, p, n, why or "kept"))
            if why is None:
                ok.append((p, n))
                by_name[k].append(i)
        kept_names.append(ok)
    for i, why in curated_hit.items():
        log.append((cands[i][0], why + ": the curated entry wins"))

    parent = list(range(len(cands)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    shared_across: set[str] = set()
    for k, idx in by_name.items():
        idx = [i for i in dict.fromkeys(idx) if i not in curated_hit]
        countries_of = {c for i in idx for c, *_ in cands[i][1]}
        if len(countries_of) > 1:
            shared_across.add(k)
            continue
        for i in idx[1:]:
            parent[find(i)] = find(idx[0])
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(cands)):
        if i not in curated_hit:
            clusters[find(i)].append(i)
    persons: dict[str, Person] = {}
    for root, idx in sorted(clusters.items()):
        recs = [cands[i][0] for i in idx]
        names, roles = [], set()
        for i in idx:
            roles.update(cands[i][1])
            for p, n in kept_names[i]:
                if G.collide_key(n) in shared_across:
                    name_log.append((cands[i][0], p, n, "names persons of several countries"))
                elif n not in names:
                    names.append(n)
        if not names:
            log.append((recs[0], "no usable name"))
            continue
        key = G.slug(names[0])
        if G.collide_key(key.replace("_", " ")) in ck.curated:
            log.append((recs[0], f"key {key} collides with a curated key"))
            continue
        if key in persons:  # another person of that name elsewhere: both ambiguous, keep the first
            log.append((recs[0], f"key {key} taken by line {persons[key].records[0].line}"))
            continue
        persons[key] = Person(recs, names, sorted(roles, key=lambda r: (r[2], r[3], r[0], r[1])), key)
        for r in recs:
            log.append((r, f"kept as [{key}]"))
    return Result(dict(sorted(persons.items())), log, name_log, len(records))


# --------------------------------------------------------------------------- output


def _role_table(r: tuple[str, str, str, str]) -> str:
    aff, role, start, end = r
    parts = [f"affiliation = {G._toml_str(aff)}", f"role = {G._toml_str(role)}"]
    if start:
        parts.append(f"start = {G._toml_str(start)}")
    parts.append(f"end = {G._toml_str(end)}")
    return "{" + ", ".join(parts) + "}"


def render(result: Result, licence: str, digest: str) -> str:
    lines = [
        "# Persons with date-bounded government and military roles, as known actors.",
        "# GENERATED by scripts/derive_phoenix_persons.py from Phoenix.Countries.actors.txt of",
        f"# {SOURCE_REPO} (commit {SOURCE_COMMIT}, {SOURCE_DIR}/;",
        f"# sha256 {digest}).",
        "# Do not edit by hand: change the review lists in the script and rerun it. Curated",
        "# actors (countries.toml, organizations.toml, persons.toml) are loaded first and win:",
        "# no name here collides with them or with phoenix-groups.toml.",
        "#",
        "# roles: {affiliation, role, start, end}, dates ISO and inclusive; a role holds for an",
        f"# article whose date falls within it. Open-ended roles of the source end at {OPEN_END}",
        "# (the dictionary's last revision); GOV roles are Leader only where the source shows a",
        "# leader's title or a leaders' section, else Official. The comment above each table",
        "# gives the source lines.",
        "#",
        "# The source is distributed under the MIT License; its notice follows.",
        "#",
    ]
    lines += G._comment(licence)
    lines.append("")
    for key, p in result.persons.items():
        lines.append("")
        lines.append(f"[{key}]")
        lines.append(f"# {COUNTRIES}:" + ", ".join(str(r.line) for r in p.records))
        lines.append('type = "Person"')
        lines.append("roles = [" + ", ".join(_role_table(r) for r in p.roles) + "]")
        lines.append(f"en.names = {G._toml_list(p.names)}")
    return "\n".join(lines) + "\n"


def load_checks():
    """The curated checker of derive_phoenix_groups (curated files only), the country keys,
    the collision keys of phoenix-groups.toml."""
    import tomllib

    ck = G.load_checker()
    countries = set(tomllib.loads((REPO_ROOT / "ontology" / "actors" / "countries.toml").read_text(encoding="utf-8")))
    countries.discard("_exclude")
    groups = tomllib.loads((REPO_ROOT / "ontology" / "actors" / "phoenix-groups.toml").read_text(encoding="utf-8"))
    group_names = {G.collide_key(n) for t in groups.values() if isinstance(t, dict)
                   for n in t.get("en", {}).get("names", [])}
    return ck, countries, group_names


def build(source: Path) -> tuple[Result, str]:
    raw = (source / COUNTRIES).read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    records = parse(raw.decode("utf-8", errors="replace"))
    ck, countries, group_names = load_checks()
    stale = [p for p in EXCLUDED if p not in {r.primary for r in records}]
    if stale:
        raise SystemExit(f"EXCLUDED entries that match nothing in the source: {stale}")
    result = decide(records, ck, countries, group_names)
    return result, render(result, G.licence_notice(source / "LICENSE"), digest)


def report(result: Result) -> str:
    fates = Counter(re.sub(r"\[.*", "", r).split(":")[0].split(" (")[0] for _, r in result.log)
    names = Counter(f for *_, f in result.name_log)
    roles = Counter(r[1] for p in result.persons.values() for r in p.roles)
    return "\n".join([f"records read: {result.read}",
                      f"persons kept: {len(result.persons)} "
                      f"({sum(len(p.names) for p in result.persons.values())} names; roles {dict(roles)})",
                      "record fates:"] + [f"  {n:5d}  {r}" for r, n in fates.most_common()] +
                     ["name fates:"] + [f"  {n:5d}  {r}" for r, n in names.most_common()])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder of the Phoenix dictionaries and LICENSE")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUTPUT)
    ap.add_argument("--explain", nargs="+", metavar="NAME", help="why these names or primary phrases are kept or dropped")
    args = ap.parse_args(argv)
    result, text = build(args.source)
    if args.explain:
        wanted = set(args.explain)
        for rec, fate in result.log:
            if rec.primary in wanted:
                print(f"RECORD {rec.line} {rec.primary} -> {fate}")
        for rec, phrase, n, fate in result.name_log:
            if n in wanted or phrase in wanted or rec.primary in wanted:
                print(f"NAME  {rec.line:5d} {phrase} -> {n or '-'}: {fate}")
        print(report(result), file=sys.stderr)
        return 0
    G.write_atomic(args.out, text)
    print(f"wrote {args.out}", file=sys.stderr)
    print(report(result), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
