"""`kg bench` runs every stage end to end on a small folder (no timing is asserted)."""

from __future__ import annotations

import json

from kg.cli import main

ARTICLES = {
    "b1-en.txt": "Canada imposed sanctions on Iran on Friday. Ottawa did not impose sanctions on Iraq.\n",
    "b2-ar.txt": "زار وزير الخارجية المصري سامح شكري أنقرة، والتقى نظيره التركي.\n",
    "b3-en.txt": "Germany supplied tanks to Poland, and France criticized Russia.\n",
}


def test_bench_runs_all_stages_single_and_parallel(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path / "bench.json"
    assert main(["bench", str(src), "--jobs", "2", "--repeat", "1", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    for line in ("ratio (b)/(a), jobs=1", "speed-up (c) with 2 jobs", "graph: "):
        assert line in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    stages = {(m["stage"][:3], m["jobs"]) for m in data["measures"]}
    assert stages == {(s, j) for s in ("(a)", "(b)", "(c)") for j in (1, 2)}
    assert all(m["articles"] == len(ARTICLES) for m in data["measures"])
    builds = [m for m in data["measures"] if m["stage"].startswith("(c)")]
    assert builds[0]["triples"] == builds[1]["triples"] > 20
