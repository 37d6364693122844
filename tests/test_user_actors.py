"""A user's own actor file (kg build --actors FILE.toml): aliases and actors no list knows."""

from kg.cli import main
from kg.gazetteer import USER_ACTORS_ENV

ACTORS = '''
[person-zara-voss]
type = "Person"
role = "Official"
affiliation = "NOR"
en.names = ["Zara Voss", "Voss"]
ar.names = ["زارا فوس"]

[NOR]
en.names = ["the Nordic kingdom"]
'''


def test_build_with_the_users_actors(tmp_path, monkeypatch):
    monkeypatch.delenv(USER_ACTORS_ENV, raising=False)
    actors = tmp_path / "mine.toml"
    actors.write_text(ACTORS, encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Talks\nZara Voss met Sweden on Monday. The Nordic kingdom criticized Russia.\n",
                                           encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("محادثات\nالتقت زارا فوس وزير الخارجية السويدي في ستوكهولم.\n", encoding="utf-8")
    assert main(["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-view", "--actors", str(actors)]) == 0
    ttl = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert "actor:person-zara-voss" in ttl and "زارا فوس" in ttl  # one node, both languages
    assert "gkg:criticized actor:RUS" in ttl  # "the Nordic kingdom" is Norway


def test_a_bad_actor_file_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(USER_ACTORS_ENV, raising=False)
    bad = tmp_path / "bad.toml"
    bad.write_text("[x\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Chile met Peru.\n", encoding="utf-8")
    code = main(["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--actors", str(bad)])
    err = capsys.readouterr().err
    assert code != 0 and "bad.toml: not valid TOML" in err and "Traceback" not in err
    assert not (tmp_path / "out" / "graph.ttl").exists()
