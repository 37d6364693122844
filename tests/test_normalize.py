"""Arabic orthographic normalisation and lexicon-guided clitic stripping."""

import pytest

from kg.lang import load_language
from kg.nlp.clitics import CliticAnalyzer
from kg.nlp.normalize import arabic_key, match_key


@pytest.mark.parametrize("raw, key", [
    ("أوكرانيا", "اوكرانيا"), ("إيران", "ايران"), ("آسيا", "اسيا"),
    ("مصطفى", "مصطفي"), ("القمة", "القمه"), ("کوریا", "كوريا"),
    ("عُقدت", "عقدت"), ("تصــعيد", "تصعيد"), ("٢٠١٩", "2019"), ("۲۰۲۳", "2023"),
])
def test_arabic_key_folds_orthographic_variants(raw, key):
    assert arabic_key(raw) == key


def test_match_key_casefolds_latin_and_apostrophes():
    assert match_key("Iran’s") == "iran's"
    assert match_key("  North   Korea ") == "north korea"


@pytest.fixture(scope="module")
def analyzer():
    return CliticAnalyzer(load_language("ar"))


KNOWN = {match_key(w) for w in ["روسيا", "الولايات", "بكين", "ليبيا", "لبنان", "كوريا", "لقاء", "على", "تزويد"]}


@pytest.mark.parametrize("token, stem, proclitic", [
    ("لروسيا", "روسيا", "ل"),
    ("للولايات", "الولايات", "ل"),
    ("وبكين", "بكين", "و"),
    ("بكوريا", "كوريا", "ب"),
    ("ولكوريا", "كوريا", "ول"),
    ("بتزويد", "تزويد", "ب"),
])
def test_proclitics_are_stripped_when_the_rest_is_known(analyzer, token, stem, proclitic):
    found = analyzer.analyze(match_key(token), KNOWN)
    assert found is not None and found.stem == stem and found.proclitic == proclitic


@pytest.mark.parametrize("name", ["ليبيا", "لبنان", "بكين"])
def test_names_starting_with_clitic_letters_stay_whole(analyzer, name):
    found = analyzer.analyze(match_key(name), KNOWN)
    assert found.stem == match_key(name) and found.proclitic == ""


def test_unknown_words_are_not_stripped(analyzer):
    assert analyzer.analyze(match_key("فرنسيس"), KNOWN) is None


def test_enclitics_with_hamza_seat(analyzer):
    found = analyzer.analyze(match_key("لقائه"), KNOWN)
    assert found.stem == "لقاء" and found.enclitic == "ه"
    assert analyzer.analyze(match_key("عليها"), KNOWN).enclitic == "ها"


def test_two_clitics_leave_a_stem_of_three_letters_at_least():
    from kg.lang import load_language
    from kg.nlp.clitics import Analysis, CliticAnalyzer
    analyzer = CliticAnalyzer(load_language("ar"))
    assert analyzer.analyze("بنوك", {"نو"}) is None  # banks, not ب + نو + ك
    assert analyzer.analyze("وبلدها", {"بلد"}) == Analysis("بلد", "و", "ها")  # three letters stay allowed
