"""Generate the benchmark corpus: the seed and dev articles of ``../shared``, replicated with
actor names substituted, to N articles (default 10,000) as JSONL shards.

    python benchmarks/make_corpus.py                 # benchmarks/data/corpus-10000/part-*.jsonl
    python benchmarks/make_corpus.py -n 100000       # benchmarks/data/corpus-100000/
    python benchmarks/make_corpus.py --synthetic-actors 10   # benchmarks/data/actors-x10.toml

Each article is one of the templates (read from ``../shared``, never copied into the repo)
in which every known actor found by its surface form (countries, organizations, persons,
from :func:`kg.gazetteer.load_known_actors`) is swapped for another actor of the same type
(and role, for persons), the same way throughout the article: a name becomes the other
actor's name, a surname its surname, a capital its capital, a nisba form the same nisba
form. So the benchmark texts have the length, the vocabulary and the structure of real news
while the graph they give has many more actors, articles and claims than the templates.

Output is deterministic for a given ``--seed``. Shards hold ``--shard`` articles each (500;
``kg build`` reads one file per task with ``--jobs``, and a JSONL file must stay under the
reader's 20 MiB limit). ``benchmarks/data/`` is git-ignored.

``--synthetic-actors K`` also writes a TOML file of (K-1) × (number of known actors)
invented organizations and persons with Arabic and English names, so that the known-actor
set passed to :func:`load_known_actors` is K times larger (used by ``bench_gazetteer.py``).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from kg.gazetteer import KnownActor, load_known_actors  # noqa: E402

_AR_LETTER = "\u0621-\u063a\u0640-\u065f\u0670-\u06d3"  # letters and marks, not punctuation (،)
_PROCLITIC = "(?:[وف]?[بلك]?)"  # kept as written before the substituted name


@dataclass
class Template:
    name: str
    lang: str
    text: str
    matches: list[tuple[int, int, str, str, int]]  # start, end (of the form), actor key, kind, index


def template_files(shared: Path = SHARED) -> list[Path]:
    files = sorted((shared / "seeds").glob("*.txt")) + sorted((shared / "corpus" / "dev").glob("*.txt"))
    if not files:
        raise SystemExit(f"no templates under {shared}/seeds or {shared}/corpus/dev")
    return files


def _lang(text: str) -> str:
    arabic = len(re.findall(f"[{_AR_LETTER}]", text[:20000]))
    latin = len(re.findall("[A-Za-z]", text[:20000]))
    return "ar" if arabic >= latin else "en"


def _form_index(known: dict[str, KnownActor], lang: str) -> dict[str, tuple[str, str, int]]:
    """Surface form → (actor key, kind, position among that actor's forms of that kind)."""
    index: dict[str, tuple[str, str, int]] = {}
    for actor in known.values():
        counters: dict[str, int] = {}
        for form in actor.forms:
            if form.lang != lang:
                continue
            i = counters.get(form.kind, 0)
            counters[form.kind] = i + 1
            index.setdefault(form.text, (actor.key, form.kind, i))
    return index


def _pattern(forms: list[str], lang: str) -> re.Pattern:
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    if lang == "ar":
        return re.compile(f"(?<![{_AR_LETTER}]){_PROCLITIC}({alternation})(?![{_AR_LETTER}])")
    return re.compile(rf"(?<![\w])({alternation})(?![\w])")


def load_templates(known: dict[str, KnownActor], files: list[Path]) -> list[Template]:
    indexes, patterns = {}, {}
    templates = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        lang = _lang(text)
        if lang not in indexes:
            indexes[lang] = _form_index(known, lang)
            patterns[lang] = _pattern(list(indexes[lang]), lang)
        matches = []
        for m in patterns[lang].finditer(text):
            key, kind, i = indexes[lang][m.group(1)]
            matches.append((m.start(1), m.end(1), key, kind, i))
        templates.append(Template(path.stem, lang, text, matches))
    return templates


def _shape(text: str, lang: str) -> tuple:
    """What a replacement must share with the form it replaces: the article and the nisba
    ending in Arabic ("الروسية" ~ "الألمانية"), the plural in English, the word count."""
    words = len(text.split())
    if lang == "ar":
        last = text.split()[-1]
        ending = next((e for e in ("ية", "يون", "يين", "ي") if last.endswith(e)), "")
        return words, text.startswith("ال"), ending
    return words, text.endswith("s"), text.startswith("the ")


class Substituter:
    """Swap actors for others of the same type (and role), consistently within an article."""

    def __init__(self, known: dict[str, KnownActor]) -> None:
        self.known = known
        self.pools: dict[tuple[str, str, str | None], list[str]] = {}
        for actor in known.values():
            for lang in ("ar", "en"):
                if lang in actor.labels:
                    self.pools.setdefault((lang, actor.type, actor.role), []).append(actor.key)
        self.forms: dict[tuple[str, str], dict[str, list[str]]] = {}
        for actor in known.values():
            for form in actor.forms:
                self.forms.setdefault((actor.key, form.lang), {}).setdefault(form.kind, []).append(form.text)

    def mapping(self, template: Template, rng: random.Random) -> dict[str, str]:
        out: dict[str, str] = {}
        used: set[str] = set()
        for _, _, key, _, _ in template.matches:
            if key in out:
                continue
            actor = self.known[key]
            pool = self.pools.get((template.lang, actor.type, actor.role), [key])
            target = key
            for _ in range(8):
                target = rng.choice(pool)
                if target not in used:
                    break
            used.add(target)
            out[key] = target
        return out

    def replacement(self, template: Template, match: tuple[int, int, str, str, int], target: str) -> str:
        start, end, key, kind, i = match
        surface = template.text[start:end]
        if target == key:
            return surface
        lang = template.lang
        old, new = self.known[key], self.known[target]
        forms = self.forms.get((target, lang), {})
        label = new.labels.get(lang)
        if kind == "name" and label:
            old_label = old.labels.get(lang, "")
            if surface == old_label or " " in surface:
                return label
            if old_label.split() and surface == old_label.split()[-1]:
                return label.split()[-1]  # a surname stays a surname
            if old_label.split() and surface == old_label.split()[0]:
                return label.split()[0]
            return label
        same_kind = forms.get(kind, [])
        shaped = [f for f in same_kind if _shape(f, lang) == _shape(surface, lang)]
        if shaped:
            return shaped[0]  # "الألمانية" → "الروسية", "Germans" → "Russians"
        if i < len(same_kind):
            return same_kind[i]
        return surface  # the other actor has no such form ("Moscow" for an actor without a capital)

    def article(self, template: Template, rng: random.Random) -> str:
        mapping = self.mapping(template, rng)
        parts, pos = [], 0
        for match in template.matches:
            start, end = match[0], match[1]
            parts.append(template.text[pos:start])
            parts.append(self.replacement(template, match, mapping[match[2]]))
            pos = end
        parts.append(template.text[pos:])
        return "".join(parts)


def generate(n: int, out: Path, *, seed: int = 13, shard: int = 500, shared: Path = SHARED,
             known: dict[str, KnownActor] | None = None) -> list[Path]:
    """Write ``n`` articles as JSONL shards into ``out``; returns the shard paths."""
    known = known if known is not None else load_known_actors()
    templates = load_templates(known, template_files(shared))
    sub = Substituter(known)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("part-*.jsonl"):
        old.unlink()
    rng = random.Random(seed)
    paths: list[Path] = []
    fh = None
    for i in range(n):
        if i % shard == 0:
            if fh:
                fh.close()
            path = out / f"part-{i // shard:05d}.jsonl"
            paths.append(path)
            fh = open(path, "w", encoding="utf-8")
        template = templates[i % len(templates)]
        text = template.text if i < len(templates) else sub.article(template, rng)
        record = {"id": f"{template.name}-{i:06d}", "lang": template.lang, "text": text,
                  "published": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"}
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    if fh:
        fh.close()
    return paths


# --------------------------------------------------------------------------- synthetic actors

_EN_SYL = ["zor", "vak", "quin", "trel", "mab", "dux", "ferr", "olt", "kesh", "vram", "ynd", "plo",
           "grav", "esk", "thun", "wib", "jax", "orr", "lum", "brez"]
_AR_SYL = ["زور", "فاك", "قين", "ترل", "ماب", "دخ", "فير", "ولط", "كش", "فرم", "ظند", "بلو",
           "غرف", "ئسك", "ثن", "وب", "جخ", "ضر", "لم", "برز"]


def _name(rng: random.Random, syllables: list[str], parts: int, used: set[str], cap: bool) -> str:
    while True:
        words = ["".join(rng.choice(syllables) for _ in range(3)) for _ in range(parts)]
        if cap:
            words = [w.capitalize() for w in words]
        name = " ".join(words)
        if name not in used:
            used.add(name)
            return name


def write_synthetic_actors(path: Path, count: int, *, seed: int = 7) -> Path:
    """A TOML file of ``count`` invented actors (half organizations, half persons) whose
    names no article contains: matching cost is measured, not extraction output."""
    rng = random.Random(seed)
    used: set[str] = set()
    lines = []
    for i in range(count):
        if i % 2:
            en = _name(rng, _EN_SYL, 2, used, True)
            ar = _name(rng, _AR_SYL, 2, used, False)
            lines += [f"[synthetic-person-{i}]", 'type = "Person"', 'role = "Official"',
                      f'ar.names = ["{ar}", "{ar.split()[-1]}"]', f'en.names = ["{en}", "{en.split()[-1]}"]', ""]
        else:
            en = _name(rng, _EN_SYL, 3, used, True)
            ar = _name(rng, _AR_SYL, 3, used, False)
            lines += [f"[synthetic-org-{i}]", 'type = "Organization"',
                      f'ar.names = ["{ar}"]', f'en.names = ["{en}", "the {en}"]', ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--articles", type=int, default=10_000)
    ap.add_argument("--out", type=Path, help="output folder (default benchmarks/data/corpus-N)")
    ap.add_argument("--shard", type=int, default=500, help="articles per JSONL file")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared folder with seeds/ and corpus/dev/")
    ap.add_argument("--synthetic-actors", type=int, metavar="K", default=0,
                    help="also write benchmarks/data/actors-xK.toml: (K-1)× the known actors, invented")
    args = ap.parse_args(argv)
    out = args.out or DATA / f"corpus-{args.articles}"
    paths = generate(args.articles, out, seed=args.seed, shard=args.shard, shared=args.shared)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {args.articles} articles in {len(paths)} files to {out} ({size / 1e6:.1f} MB)")
    if args.synthetic_actors > 1:
        n = len(load_known_actors()) * (args.synthetic_actors - 1)
        path = write_synthetic_actors(DATA / f"actors-x{args.synthetic_actors}.toml", n)
        print(f"wrote {n} synthetic actors to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
