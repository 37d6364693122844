"""The load cache (kg/cache.py): values derived from the language data, kept between runs."""

import json

import pytest

from kg import cache
from kg.nlp.components import _pattern_keywords, pattern_keywords
from kg.pipeline import get_nlp


@pytest.fixture
def cache_in(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOKG_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_rows_are_computed_once_then_read(cache_in):
    calls = []

    def compute():
        calls.append(1)
        return [[1, 2**63 + 5], [], [7]]

    assert cache.int_rows("t", "k1", compute) == [[1, 2**63 + 5], [], [7]]
    assert cache.int_rows("t", "k1", compute) == [[1, 2**63 + 5], [], [7]]
    assert len(calls) == 1
    assert cache.int_rows("t", "k2", compute) == [[1, 2**63 + 5], [], [7]]  # another key: computed again
    assert len(calls) == 2


def test_a_damaged_entry_is_made_again(cache_in):
    cache.int_rows("t", "k", lambda: [[3]])
    (entry,) = cache_in.glob("t-k*")
    entry.write_bytes(b"not an npz file")
    assert cache.int_rows("t", "k", lambda: [[4]]) == [[4]]
    assert cache.int_rows("t", "k", lambda: [[5]]) == [[4]]  # rewritten


def test_a_truncated_entry_is_made_again(cache_in):
    cache.int_rows("t", "k", lambda: [[3, 4], [5]])
    (entry,) = cache_in.glob("t-k*")
    entry.write_bytes(entry.read_bytes()[:40])  # a zip cut short: its magic bytes stay
    assert cache.int_rows("t", "k", lambda: [[6]]) == [[6]]


def test_off_and_an_unwritable_folder_only_cost_time(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOKG_CACHE_DIR", "off")
    assert cache.cache_dir() is None
    assert cache.int_rows("t", "k", lambda: [[1]]) == [[1]]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("GEOKG_CACHE_DIR", str(blocker / "sub"))  # a folder under a file: cannot be made
    assert cache.int_rows("t", "k", lambda: [[2]]) == [[2]]
    cache.write_json("j", "k", {"a": 1})
    assert cache.read_json("j", "k") is None


def test_keys_depend_on_every_part_and_on_the_order():
    assert cache.key_of("en", ["a", "b"]) == cache.key_of("en", ["a", "b"])
    assert cache.key_of("en", ["a", "b"]) != cache.key_of("en", ["b", "a"])
    assert cache.key_of("en", ["a b"]) != cache.key_of("en", ["a", "b"])
    assert cache.key_of("en", "x") != cache.key_of("ar", "x")


@pytest.mark.parametrize("lang, texts, normalised", [
    ("en", ["imposed sanctions on", "the Kremlin", "U.S.-backed", "hold talks"], False),
    ("ar", ["فرضت عقوبات على", "والولايات المتحدة", "بالاتفاق", "لروسيا"], True),
])
def test_pattern_values_from_the_cache_are_the_values_made(cache_in, lang, texts, normalised):
    nlp = get_nlp(lang)
    normalizer = nlp.get_pipe("geokg_normalizer") if normalised else None
    attr = "NORM" if normalised else "LOWER"
    made = _pattern_keywords(nlp, texts, attr, normalizer)
    assert pattern_keywords(nlp, texts, attr, normalizer) == made  # computed and kept
    assert list(cache_in.glob("patterns-*.npz"))
    assert pattern_keywords(nlp, texts, attr, normalizer) == made  # read back


def test_english_inflections_are_kept_for_the_next_run(cache_in):
    from kg.morphology import english

    english._inflections.cache_clear()
    english._KEPT.clear()
    english._STATE.update(read=False, new=False)
    try:
        assert "sanctioned" in english._inflections("sanction", "VERB")
        english.save()
        (entry,) = cache_in.glob("inflections-*.json")
        assert "sanctioned" in json.loads(entry.read_text(encoding="utf-8"))["VERB sanction"]
        # a next run reads the entry: a word planted there is what it answers
        entry.write_text(json.dumps({"VERB sanction": ["sanction", "planted"]}), encoding="utf-8")
        english._inflections.cache_clear()
        english._KEPT.clear()
        english._STATE.update(read=False, new=False)
        assert english._inflections("sanction", "VERB") == ("sanction", "planted")
        # an entry of another shape is no answer: lemminflect is asked again
        entry.write_text(json.dumps(["not", "a", "table"]), encoding="utf-8")
        english._inflections.cache_clear()
        english._KEPT.clear()
        english._STATE.update(read=False, new=False)
        assert "sanctioned" in english._inflections("sanction", "VERB")
    finally:
        english._inflections.cache_clear()
        english._KEPT.clear()
        english._STATE.update(read=False, new=False)
