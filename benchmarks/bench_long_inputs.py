"""Time per word of one article as it grows, whatever its shape (issue 17).

    python benchmarks/bench_long_inputs.py                       # 1k … 100k words, three shapes
    python benchmarks/bench_long_inputs.py --words 1000 200000 --shapes sentence
    python benchmarks/bench_long_inputs.py --json out.json

For each shape and size, one article is extracted (read → segment → spaCy pipeline and
our components → claims, :func:`kg.parallel.extract_documents`) in a forked process, so
that every measure starts from the same warmed-up state and its memory is its own:

* ``paragraphs``: the English dev articles (``../shared/corpus/dev/en-*.txt``) repeated,
  news prose of normal paragraphs and sentences;
* ``arabic``: the same with the Arabic dev articles;
* ``sentence``: the English text with every sentence end and line break removed: one
  sentence of N words;
* ``quotes``: a normal article with a run of N ``"`` characters in its middle (N counts
  characters here, not words).

Printed per measure: seconds, microseconds per word, the ratio to the smallest size of the
same shape (1.0 = linear; the issue asks for ≤ 2) and the peak memory the child process
added (MiB). Not a test: the numbers depend on the machine (see benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("GEOKG_SHARED", ROOT.parent / "shared"))  # the seeds and dev corpus
sys.path.insert(0, str(ROOT))

SHAPES = ("paragraphs", "arabic", "sentence", "quotes")


def _base(lang: str) -> str:
    files = sorted((SHARED / "corpus" / "dev").glob(f"{lang}-*.txt"))
    if not files:
        raise SystemExit(f"no {lang} articles under {SHARED}/corpus/dev")
    return "\n\n".join(p.read_text(encoding="utf-8") for p in files)


def make_text(shape: str, words: int) -> tuple[str, str]:
    """(language, text) of one article of about ``words`` words (characters for ``quotes``)."""
    if shape == "quotes":
        head = _base("en")[:3000]
        return "en", head + " " + '"' * words + " " + head
    lang = "ar" if shape == "arabic" else "en"
    base = _base(lang)
    if shape == "sentence":
        base = re.sub(r"\s+", " ", re.sub(r"[.!?؟\n]+", " ", base))
    tokens = re.findall(r"\S+\s*", base)
    text = "".join((tokens * (words // len(tokens) + 1))[:words])
    return lang, text


def _child(shape: str, words: int, conn) -> None:
    from kg.ingest.readers import RawDocument
    from kg.parallel import extract_documents

    lang, text = make_text(shape, words)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    articles = extract_documents([RawDocument("long", text, "long.txt", {"lang": lang})])
    seconds = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    conn.send({"shape": shape, "words": words, "chars": len(text), "seconds": seconds,
               "claims": sum(len(a.claims) for a in articles), "peak_mib": peak / 1024,
               "added_mib": max(0, peak - before) / 1024})
    conn.close()


def measure(shape: str, words: int) -> dict:
    parent, child = mp.Pipe()
    proc = mp.get_context("fork").Process(target=_child, args=(shape, words, child))
    proc.start()
    child.close()
    try:
        result = parent.recv()
    except EOFError:  # the child died: say so instead of waiting for ever
        proc.join()
        raise SystemExit(f"{shape} {words}: the measuring process died (exit {proc.exitcode})") from None
    proc.join()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, nargs="+", default=[1_000, 3_000, 10_000, 30_000, 100_000])
    parser.add_argument("--shapes", nargs="+", choices=SHAPES, default=list(SHAPES))
    parser.add_argument("--repeat", type=int, default=1, help="best of R runs per measure (1)")
    parser.add_argument("--json", metavar="FILE", help="also write the measures as JSON")
    args = parser.parse_args(argv)

    from kg.ingest.readers import RawDocument
    from kg.parallel import extract_documents

    for lang in ("en", "ar"):  # load pipelines and lexicons before forking
        extract_documents([RawDocument("warm", _base(lang)[:2000], "warm.txt", {"lang": lang})])
    results = []
    print(f"{'shape':<11}{'words':>8}{'chars':>10}{'seconds':>9}{'µs/word':>9}{'ratio':>7}{'claims':>8}{'+MiB':>7}")
    for shape in args.shapes:
        first = None
        for words in sorted(args.words):
            m = min((measure(shape, words) for _ in range(max(1, args.repeat))), key=lambda r: r["seconds"])
            m["us_per_word"] = m["seconds"] / words * 1e6
            first = first or m["us_per_word"]
            m["ratio"] = m["us_per_word"] / first
            results.append(m)
            print(f"{shape:<11}{words:>8}{m['chars']:>10}{m['seconds']:>9.2f}{m['us_per_word']:>9.1f}"
                  f"{m['ratio']:>7.2f}{m['claims']:>8}{m['added_mib']:>7.0f}", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
