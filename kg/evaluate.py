"""Precision, recall and F1 of a graph against gold annotations (shared/corpus/FORMAT.md).

Follows the reference scorer's matching exactly so that ``kg eval`` and ``score.py`` report
the same figures: actors match by Wikidata QID, else by normalised label with Arabic
clitics folded, else persons by surname; relations match as (source, relation, target,
polarity) per article, symmetric for metWith and cooperatedWith.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from kg.errors import GeoKGError
from kg.rdf.namespaces import GKG_NS, PERSON_CLASSES, SYMMETRIC_RELATIONS

ACTOR_TYPES = {"Country", "Organization"} | set(PERSON_CLASSES)
_DIAC = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ک": "ك", "ی": "ي",
                       "ؤ": "و", "ئ": "ي"})
_PUNCT = re.compile(r"[\"'“”«»()\[\].,،:;!?؟-]")


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", str(s)).strip().lower()
    s = _DIAC.sub("", s).translate(_FOLD)
    return " ".join(_PUNCT.sub(" ", s).split())


def variants(name: str) -> set[str]:
    n = norm(name)
    out = {n}
    m = re.match(r"^(و|ف)?(ب|ل|ك)?(.+)$", n)
    if m and len(m.group(3)) >= 3:
        out.add(m.group(3))
        if m.group(2) == "ل" and not m.group(3).startswith("ال"):
            out.add("ال" + m.group(3))
    if n.startswith("the "):
        out.add(n[4:])
    return out


def _local(term) -> str:
    return re.split(r"[#/]", str(term))[-1]


def _qid(term) -> str | None:
    m = re.search(r"wikidata\.org/(?:entity|wiki)/(Q\d+)", str(term))
    return m.group(1) if m else None


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_gold(dirs) -> dict[str, dict]:
    gold = {}
    for d in dirs:
        d = Path(d)
        if not d.is_dir():
            raise GeoKGError(f"{d}: not a directory of gold annotations")
        for f in sorted(d.glob("*.gold.json")):
            try:
                gold[f.name[: -len(".gold.json")]] = json.loads(f.read_text(encoding="utf-8"))
            except (json.JSONDecodeError, UnicodeDecodeError) as err:
                raise GeoKGError(f"{f}: malformed gold annotation ({err.__class__.__name__})") from None
    if not gold:
        raise GeoKGError("no *.gold.json files in " + ", ".join(map(str, dirs)))
    return gold


def evaluate(g: Graph, gold_dirs) -> dict:
    gold = load_gold(gold_dirs)
    # articles and their parts (a page's second article, its headline list), as the reference scorer reads them
    articles = {str(o): a for a, o in g.subject_objects(DCTERMS.identifier)
                if (a, RDF.type, GKG_NS.Article) in g or (a, DCTERMS.isPartOf, None) in g}

    def actor_info(node):
        types = {_local(t) for t in g.objects(node, RDF.type)}
        labels = set()
        for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
            labels |= {str(lit) for lit in g.objects(node, p)}
        qs = {_qid(o) for p in (OWL.sameAs, SKOS.exactMatch) for o in g.objects(node, p)} - {None}
        return types, labels, qs

    tot: Counter = Counter()
    per_rel: dict[str, Counter] = defaultdict(Counter)
    per_article, neg_errors, missing = {}, [], []
    for name, gd in gold.items():
        gact = {a["key"]: a for a in gd["actors"]}
        gnames = {k: set().union(*(variants(n) for n in a["names"])) for k, a in gact.items()}
        arts = [node for ident, node in articles.items()
                if ident == name or Path(ident).stem == name or re.match(re.escape(name) + r"(\W|$)", Path(ident).name)]
        claims = [c for a in arts for c in g.subjects(PROV.wasDerivedFrom, a) if (c, RDF.type, GKG_NS.Claim) in g]
        if not arts:
            missing.append(name)
        pred_actors = set()
        for a in arts:
            pred_actors |= set(g.objects(a, GKG_NS.mentions))
        for c in claims:
            for p in (RDF.subject, RDF.object, GKG_NS.attributedTo):
                pred_actors |= set(g.objects(c, p))
        mapping = {}
        for node in pred_actors:
            types, labels, qs = actor_info(node)
            if not (types & ACTOR_TYPES):
                continue
            hit = next((k for k, a in gact.items() if a.get("wikidata") and a["wikidata"] in qs), None)
            if hit is None:
                lv = set().union(*(variants(lbl) for lbl in labels)) if labels else set()
                hit = next((k for k in gact if lv & gnames[k]), None)
                if hit is None and types & PERSON_CLASSES:
                    lasts = {norm(lbl).split()[-1] for lbl in labels if norm(lbl)}
                    for k, a in gact.items():
                        if a["type"] == "Person" and any(
                                len(x) >= 4 and x in {norm(n).split()[-1] for n in a["names"]} for x in lasts):
                            hit = k
                            break
            mapping[node] = hit if hit is not None else f"?{node}"
        pa, ga = set(mapping.values()), set(gact)
        a_tp, a_fp, a_fn = len(pa & ga), len([x for x in pa if x not in ga]), len(ga - pa)

        def key(s, r, o):
            return (r,) + tuple(sorted((s, o))) if r in SYMMETRIC_RELATIONS else (r, s, o)

        gedges, gmods = {}, defaultdict(set)
        for r in gd["relations"]:
            k = (key(r["source"], r["relation"], r["target"]), r["polarity"])
            gedges.setdefault(k, r)
            gmods[k].add(r["modality"])
        pedges: dict = {}
        for c in claims:
            s = next(g.objects(c, RDF.subject), None)
            p = next(g.objects(c, RDF.predicate), None)
            o = next(g.objects(c, RDF.object), None)
            if s is None or p is None or o is None:
                continue
            pol = _local(next(g.objects(c, GKG_NS.polarity), "positive")).lower()
            mod = _local(next(g.objects(c, GKG_NS.modality), "asserted")).lower()
            ks, ko = mapping.get(s, f"?{s}"), mapping.get(o, f"?{o}")
            pedges.setdefault((key(ks, _local(p), ko), pol), set()).add(mod)
        r_tp = len(set(pedges) & set(gedges))
        r_fp, r_fn = len(set(pedges) - set(gedges)), len(set(gedges) - set(pedges))
        for (k, pol), _r in gedges.items():
            per_rel[k[0]]["gold"] += 1
            if (k, pol) in pedges:
                per_rel[k[0]]["tp"] += 1
                tot["mod_total"] += 1
                tot["mod_ok"] += bool(pedges[(k, pol)] & gmods[(k, pol)])
            if pol == "negative":  # negatives found, as the reference scorer counts them
                tot["neg_gold"] += 1
                tot["neg_found"] += (k, pol) in pedges
            if pol == "negative" and (k, "positive") in pedges and (k, "positive") not in gedges:
                neg_errors.append((name, k))
        for (k, _pol) in pedges:
            per_rel[k[0]]["pred"] += 1
        gb, pb = {k for k, _ in gedges}, {k for k, _ in pedges}
        tot.update(a_tp=a_tp, a_fp=a_fp, a_fn=a_fn, r_tp=r_tp, r_fp=r_fp, r_fn=r_fn,
                   b_tp=len(gb & pb), b_fp=len(pb - gb), b_fn=len(gb - pb))
        per_article[name] = dict(actors=prf(a_tp, a_fp, a_fn), relations=prf(r_tp, r_fp, r_fn),
                                 gold_edges=len(gedges), pred_edges=len(pedges), missing=not arts,
                                 lang=gd.get("lang"),
                                 counts=dict(a_tp=a_tp, a_fp=a_fp, a_fn=a_fn, r_tp=r_tp, r_fp=r_fp, r_fn=r_fn),
                                 false_actors=sorted(str(x) for x in pa - ga),
                                 missed_actors=sorted(ga - pa),
                                 false_edges=sorted(_edge_text(k) for k in set(pedges) - set(gedges)),
                                 missed_edges=sorted(_edge_text(k) for k in set(gedges) - set(pedges)))
    ap, ar_, af = prf(tot["a_tp"], tot["a_fp"], tot["a_fn"])
    rp, rr, rf = prf(tot["r_tp"], tot["r_fp"], tot["r_fn"])
    _, _, bf = prf(tot["b_tp"], tot["b_fp"], tot["b_fn"])
    return dict(articles=len(gold), missing_articles=missing,
                actor_p=ap, actor_r=ar_, actor_f1=af, relation_p=rp, relation_r=rr, relation_f1=rf,
                edge_polarity_blind_f1=bf,
                modality_acc=(tot["mod_ok"] / tot["mod_total"]) if tot["mod_total"] else None,
                negated_as_positive=len(neg_errors),
                negative_gold=tot["neg_gold"], negative_found=tot["neg_found"],
                negative_recall=(tot["neg_found"] / tot["neg_gold"]) if tot["neg_gold"] else None,
                per_relation={k: dict(v) for k, v in sorted(per_rel.items())},
                per_article=per_article)


def _edge_text(edge: tuple) -> str:
    """``(('threatened', 'JPN', 'CHN'), 'positive')`` → ``JPN threatened CHN``; a negated
    edge gets ``(negated)``; an actor not in the gold shows as ``?`` and its IRI."""
    (relation, source, target), polarity = edge
    return f"{source} {relation} {target}" + (" (negated)" if polarity == "negative" else "")


def by_language(result: dict) -> dict[str, dict[str, float]]:
    """Micro-averaged actor and relation F1 per language of the gold articles."""
    sums: dict[str, Counter] = defaultdict(Counter)
    for art in result["per_article"].values():
        sums[art.get("lang") or "?"].update(art["counts"])
    out = {}
    for lang, c in sorted(sums.items()):
        out[lang] = dict(zip(("actor_p", "actor_r", "actor_f1"), prf(c["a_tp"], c["a_fp"], c["a_fn"])))
        out[lang].update(zip(("relation_p", "relation_r", "relation_f1"), prf(c["r_tp"], c["r_fp"], c["r_fn"])))
    return out
