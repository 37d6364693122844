"""``kg eval`` as a person reads it: aligned tables, edges written as sentences.

:func:`kg.evaluate.evaluate` gives the numbers (the same as the reference scorer); here
they are laid out: one row per article, one per relation, one per language, then the
totals. Tuples such as ``(('threatened', 'JPN', 'CHN'), 'positive')`` become
``JPN threatened CHN``; a negated edge reads ``JPN threatened CHN (negated)``.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.evaluate import by_language


def edge_text(key: tuple, polarity: str) -> str:
    """``(('metWith', 'PRK', 'RUS'), 'positive')`` → ``PRK metWith RUS``."""
    relation, source, target = key
    return f"{source} {relation} {target}" + ("" if polarity == "positive" else f" ({polarity_word(polarity)})")


def polarity_word(polarity: str) -> str:
    return "negated" if polarity == "negative" else polarity


def table(header: Sequence[str], rows: Sequence[Sequence[str]], right: set[int] = frozenset()) -> list[str]:
    """Columns aligned, numbers (columns in ``right``) flush right."""
    widths = [max([len(header[i])] + [len(r[i]) for r in rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    return [line(header), "  ".join("-" * w for w in widths).rstrip(" "), *(line(r) for r in rows)]


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def render(result: dict, errors: bool = False) -> str:
    """The whole report as text."""
    out: list[str] = []
    rows = []
    for name, v in result["per_article"].items():
        (ap, ar, af), (rp, rr, rf) = v["actors"], v["relations"]
        rows.append([name, v.get("lang") or "?", _f(ap), _f(ar), _f(af), _f(rp), _f(rr), _f(rf),
                     str(v["gold_edges"]), str(v["pred_edges"]), "missing" if v["missing"] else ""])
    out += ["Per article (actors and relations: precision, recall, F1; edges in the gold and found)"]
    header = ["article", "lang", "act P", "act R", "act F1", "rel P", "rel R", "rel F1", "gold", "found"]
    if any(r[-1] for r in rows):
        header.append("")
    else:
        rows = [r[:-1] for r in rows]
    out += table(header, rows, right={2, 3, 4, 5, 6, 7, 8, 9})
    if errors:
        for name, v in result["per_article"].items():
            lines = []
            for label, title in (("false_actors", "actor not in the gold"), ("missed_actors", "actor missed"),
                                 ("false_edges", "edge not in the gold"), ("missed_edges", "edge missed")):
                lines += [f"    {title:<22} {item}" for item in v[label]]
            if lines:
                out += ["", f"  {name}", *lines]
    out += ["", "Per relation"]
    rel_rows = []
    for k, v in result["per_relation"].items():
        gold, pred, tp = v.get("gold", 0), v.get("pred", 0), v.get("tp", 0)
        rel_rows.append([k, str(gold), str(pred), str(tp), _f(tp / pred if pred else None),
                         _f(tp / gold if gold else None)])
    out += table(["relation", "gold", "found", "right", "P", "R"], rel_rows, right={1, 2, 3, 4, 5})
    langs = by_language(result)
    if len(langs) > 1:
        out += ["", "Per language"]
        out += table(["lang", "act P", "act R", "act F1", "rel P", "rel R", "rel F1"],
                     [[lang, _f(v["actor_p"]), _f(v["actor_r"]), _f(v["actor_f1"]), _f(v["relation_p"]),
                       _f(v["relation_r"]), _f(v["relation_f1"])] for lang, v in langs.items()],
                     right={1, 2, 3, 4, 5, 6})
    n = result["articles"]
    out += ["", f"Total ({n} gold article{'s' if n != 1 else ''}"
                + (f", {len(result['missing_articles'])} not in the graph" if result["missing_articles"] else "") + ")"]
    out += table(["", "P", "R", "F1"], [
        ["actors", _f(result["actor_p"]), _f(result["actor_r"]), _f(result["actor_f1"])],
        ["relations", _f(result["relation_p"]), _f(result["relation_r"]), _f(result["relation_f1"])],
        ["edges, polarity ignored", "", "", _f(result["edge_polarity_blind_f1"])],
    ], right={1, 2, 3})
    out += ["",
            f"negated edges found            {result['negative_found']} of {result['negative_gold']}",
            f"negated edges read as positive {result['negated_as_positive']}",
            f"modality right                 {_f(result['modality_acc'])} (of the edges found)"]
    return "\n".join(out) + "\n"
