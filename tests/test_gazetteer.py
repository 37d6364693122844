"""Tests for the known-actor gazetteer (kg/gazetteer.py + ontology/actors/*.toml)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from kg.gazetteer import (
    KINDS,
    LANGS,
    ROLES,
    TYPES,
    KnownActor,
    SurfaceForm,
    load_known_actors,
    nisba_forms,
    ontology_dir,
)

UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH
BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB
CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA
GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN
KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT
MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK
PLW PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC
SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO
TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()

# QIDs of the most frequent news actors.  Each was confirmed in public data files
# (see the comments at the top of the TOML files), not typed from memory alone.
EXPECTED_QIDS = {
    "RUS": "Q159",
    "USA": "Q30",
    "PRK": "Q423",
    "KOR": "Q884",
    "CHN": "Q148",
    "JPN": "Q17",
    "UKR": "Q212",
    "ISR": "Q801",
    "IRN": "Q794",
    "PSE": "Q219060",
    "nato": "Q7184",
    "un": "Q1065",
    "unsc": "Q37470",
    "eu": "Q458",
    "iaea": "Q41984",
    "putin": "Q7747",
    "kim_jong_un": "Q56226",
    "xi": "Q15031",
    "trump": "Q22686",
    "biden": "Q6279",
    "zelensky": "Q3874799",
    "netanyahu": "Q43723",
    "erdogan": "Q39259",
    "macron": "Q3052772",
}

# Surface forms that legitimately name two actors.  Keep this empty unless the
# data cannot be fixed (and say why next to the entry).
COLLISION_ALLOW_LIST: dict[tuple[str, str], set[str]] = {}


def simple_norm(text: str) -> str:
    text = text.strip().casefold()
    text = re.sub("[أإآ]", "ا", text)
    return text.replace("ة", "ه").replace("ى", "ي")


@pytest.fixture(scope="module")
def actors() -> dict[str, KnownActor]:
    return load_known_actors()


def form_index(actors):
    """(lang, text) -> {(key, kind)}"""
    idx = defaultdict(set)
    for key, actor in actors.items():
        for f in actor.forms:
            idx[(f.lang, f.text)].add((key, f.kind))
    return idx


def has_form(actor: KnownActor, text: str, lang: str, kind: str | None = None) -> bool:
    return any(f.text == text and f.lang == lang and (kind is None or f.kind == kind) for f in actor.forms)


# ------------------------------------------------------------------ structure


def _curated_keys() -> set[str]:
    import tomllib

    from kg.gazetteer import ontology_dir

    keys: set[str] = set()
    for name in ("countries.toml", "organizations.toml", "persons.toml"):
        keys |= {k for k in tomllib.loads((ontology_dir() / "actors" / name).read_text(encoding="utf-8")) if not k.startswith("_")}
    return keys


def test_interface_types(actors):
    assert actors, "no actors loaded"
    curated = _curated_keys()
    for key, actor in actors.items():
        assert isinstance(actor, KnownActor)
        assert actor.key == key
        assert actor.type in TYPES, key
        assert isinstance(actor.forms, tuple) and actor.forms, key
        for f in actor.forms:
            assert isinstance(f, SurfaceForm)
            assert f.lang in LANGS and f.kind in KINDS, (key, f)
            assert f.text and f.text == f.text.strip() and "  " not in f.text, (key, f)
        assert actor.labels.get("en"), f"{key} has no en label"
        for lang in LANGS:
            label = actor.labels.get(lang)
            # curated actors carry both languages; derived ones (phoenix-groups.toml) carry an
            # Arabic name only where it is known as the press writes it
            assert label or key not in curated, f"{key} has no {lang} label"
            if label:
                assert has_form(actor, label, lang, "name"), f"{key}: label {label!r} is not a name form"
        if actor.wikidata is not None:
            assert re.fullmatch(r"Q[1-9]\d*", actor.wikidata), (key, actor.wikidata)
    with pytest.raises(Exception):
        actors["RUS"].key = "XXX"  # frozen


def test_script_of_forms(actors):
    arabic = re.compile("[\u0600-\u06ff]")
    latin = re.compile("[A-Za-z]")
    harakat = re.compile("[\u064b-\u0652\u0640]")
    for key, actor in actors.items():
        for f in actor.forms:
            if f.lang == "ar":
                assert arabic.search(f.text) and not latin.search(f.text), (key, f.text)
                assert not harakat.search(f.text), (key, f.text)
            else:
                assert not arabic.search(f.text), (key, f.text)


def test_country_set(actors):
    countries = {k for k, a in actors.items() if a.type == "Country"}
    missing = set(UN_MEMBERS) - countries
    assert not missing, f"UN members missing: {sorted(missing)}"
    for extra in ("PSE", "TWN", "XKX", "VAT"):
        assert extra in countries
    for key in countries:
        a = actors[key]
        assert a.wikidata, f"country {key} has no QID"
        assert a.role is None


def test_unique_qids(actors):
    seen = {}
    for key, actor in actors.items():
        if actor.wikidata:
            assert actor.wikidata not in seen, f"{actor.wikidata}: {seen.get(actor.wikidata)} and {key}"
            seen[actor.wikidata] = key


# ------------------------------------------------------------------ content


def test_cldr_country_names(actors):
    rus = actors["RUS"]
    assert has_form(rus, "روسيا", "ar", "name")
    assert has_form(rus, "Russia", "en", "name")
    assert rus.labels == {"ar": "روسيا", "en": "Russia"}
    # names that come from CLDR only (not typed in the TOML)
    assert has_form(actors["FRA"], "فرنسا", "ar", "name")
    assert has_form(actors["CHN"], "China", "en", "name")
    assert has_form(actors["MMR"], "Burma", "en", "name")  # "Myanmar (Burma)" split
    assert has_form(actors["BIH"], "Bosnia and Herzegovina", "en", "name")  # "&" spelled out
    assert has_form(actors["CIV"], "Cote d'Ivoire", "en", "name")  # ASCII variant


@pytest.mark.parametrize(
    "key, text, lang, kind",
    [
        ("RUS", "موسكو", "ar", "metonym"),
        ("RUS", "الكرملين", "ar", "metonym"),
        ("RUS", "the Kremlin", "en", "metonym"),
        ("RUS", "الروسية", "ar", "demonym"),
        ("RUS", "الروسيين", "ar", "demonym"),
        ("RUS", "الروس", "ar", "demonym"),
        ("RUS", "Russians", "en", "demonym"),
        ("USA", "البيت الأبيض", "ar", "metonym"),
        ("USA", "the White House", "en", "metonym"),
        ("USA", "الأمريكيون", "ar", "demonym"),
        ("USA", "الأميركيون", "ar", "demonym"),
        ("USA", "الولايات المتحدة الأميركية", "ar", "name"),
        ("USA", "الولايات المتحدة الأمريكية", "ar", "name"),
        ("USA", "U.S.", "en", "name"),
        ("USA", "America", "en", "name"),
        ("GBR", "Britain", "en", "name"),
        ("GBR", "Downing Street", "en", "metonym"),
        ("FRA", "الإليزيه", "ar", "metonym"),
        ("PRK", "الكوري الشمالي", "ar", "demonym"),
        ("PRK", "الكورية الشمالية", "ar", "demonym"),
        ("PRK", "كوري شمالي", "ar", "demonym"),
        ("PRK", "North Korean", "en", "demonym"),
        ("PRK", "كوريا الشمالية", "ar", "name"),
        ("PRK", "DPRK", "en", "name"),
        ("PRK", "بيونغ يانغ", "ar", "metonym"),
        ("PRK", "بيونج يانج", "ar", "metonym"),
        ("KOR", "الكوري الجنوبي", "ar", "demonym"),
        ("KOR", "South Korean", "en", "demonym"),
        ("KOR", "سيئول", "ar", "metonym"),
        ("UKR", "كييف", "ar", "metonym"),
        ("UKR", "Kyiv", "en", "metonym"),
        ("TUR", "الأتراك", "ar", "demonym"),
        ("TUR", "Turkey", "en", "name"),
        ("IRN", "الإيرانيون", "ar", "demonym"),
        ("ISR", "تل أبيب", "ar", "metonym"),
        ("PSE", "فلسطين", "ar", "name"),
        ("OMN", "سلطنة عمان", "ar", "name"),
        ("JOR", "Amman", "en", "metonym"),
        ("nato", "الناتو", "ar", "name"),
        ("nato", "حلف شمال الأطلسي", "ar", "name"),
        ("unsc", "مجلس الأمن", "ar", "name"),
        ("un", "الأممية", "ar", "demonym"),
        ("eu", "Brussels", "en", "metonym"),
        ("west", "الغرب", "ar", "name"),
        ("houthis", "الحوثيون", "ar", "name"),
        ("isis", "داعش", "ar", "name"),
        ("pentagon", "the Pentagon", "en", "name"),
        ("rus_mod", "وزارة الدفاع الروسية", "ar", "name"),
        ("rus_mfa", "Russia's Foreign Ministry", "en", "name"),
        ("kpa", "الجيش الكوري الشمالي", "ar", "name"),
        ("putin", "بوتين", "ar", "name"),
        ("putin", "Putin", "en", "name"),
        ("lavrov", "سيرجي لافروف", "ar", "name"),
        ("shoigu", "شويجو", "ar", "name"),
        ("kim_jong_un", "Kim Jong-un", "en", "name"),
        ("erdogan", "إردوغان", "ar", "name"),
    ],
)
def test_expected_forms(actors, key, text, lang, kind):
    assert has_form(actors[key], text, lang, kind), f"{key} lacks {kind} {text!r} ({lang})"


@pytest.mark.parametrize(
    "lang, text",
    [
        ("ar", "الكوري"),
        ("ar", "كوري"),
        ("ar", "الكورية"),
        ("ar", "كوريا"),
        ("ar", "عمان"),  # Oman and Amman
        ("ar", "مالي"),  # Mali and "financial"
        ("ar", "كيف"),  # Kyiv and "how"
        ("ar", "عربي"),
        ("ar", "الأوروبي"),
        ("ar", "القاعدة"),  # al-Qaeda and "the base"
        ("en", "Korean"),
        ("en", "Arab"),
        ("en", "European"),
        ("en", "Congo"),
        ("en", "Kim"),
        ("en", "Victoria"),
        ("en", "Tripoli"),
    ],
)
def test_excluded_forms_absent(actors, lang, text):
    holders = [k for k, a in actors.items() if has_form(a, text, lang)]
    assert not holders, f"ambiguous form {text!r} present in {holders}"


def test_no_cross_actor_collisions(actors):
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, actor in actors.items():
        for f in actor.forms:
            owners[(f.lang, simple_norm(f.text))].add(key)
    collisions = {
        form: keys
        for form, keys in owners.items()
        if len(keys) > 1 and keys != COLLISION_ALLOW_LIST.get(form)
    }
    for form, keys in sorted(collisions.items()):
        print("COLLISION", form, sorted(keys))
    assert not collisions, f"{len(collisions)} surface forms map to several actors"


def test_expected_qids(actors):
    for key, qid in EXPECTED_QIDS.items():
        assert actors[key].wikidata == qid, (key, actors[key].wikidata, qid)


def test_persons_roles_and_affiliations(actors):
    persons = [a for a in actors.values() if a.type == "Person"]
    assert len(persons) >= 150
    for p in persons:
        assert p.role in ROLES, (p.key, p.role)
        assert p.affiliation, f"{p.key} has no affiliation"
        assert p.affiliation in actors, (p.key, p.affiliation)
        assert actors[p.affiliation].type in ("Country", "Organization"), p.key


def test_affiliations_exist_and_roles_only_for_persons(actors):
    for key, a in actors.items():
        if a.affiliation is not None:
            assert a.affiliation in actors, (key, a.affiliation)
            assert a.affiliation != key
        if a.type != "Person":
            assert a.role is None, key
    orgs = [a for a in actors.values() if a.type == "Organization"]
    assert len(orgs) >= 80


# ------------------------------------------------------------------ loader behaviour


def test_nisba_forms():
    assert nisba_forms("روسي") == [
        "روسي", "الروسي", "روسية", "الروسية", "روسيون", "الروسيون", "روسيين", "الروسيين",
        "روسيان", "الروسيان", "روسيتان", "الروسيتان", "روسيتين", "الروسيتين", "روسيا",  # duals: "المسؤولان الروسيان"
    ]
    assert "الكوريون الشماليون" in nisba_forms("كوري شمالي")
    assert "كوريا شماليا" in nisba_forms("كوري شمالي")  # "11 مسؤولا كوريا شماليا"
    with pytest.raises(ValueError):
        nisba_forms("روس")


def test_cached():
    """Loaded once per process (its speed is benchmarks/bench_gazetteer.py's, not a unit test's)."""
    first = load_known_actors()
    assert load_known_actors() is first
    load_known_actors.cache_clear()
    again = load_known_actors()
    assert again is not first and again.keys() == first.keys()


def test_ontology_dir_env_override(monkeypatch, tmp_path):
    assert (ontology_dir() / "actors" / "countries.toml").is_file()
    monkeypatch.setenv("GEOKG_ONTOLOGY_DIR", str(tmp_path))
    assert ontology_dir() == tmp_path


def test_extra_files(tmp_path: Path):
    extra = tmp_path / "extra.toml"
    extra.write_text(
        """
[_exclude]
en = ["Moscow"]

[RUS]
ar.names = ["بلاد الروس"]

[jane_doe]
type = "Person"
role = "Analyst"
affiliation = "RUS"
en.names = ["Jane Doe", "Doe"]
ar.names = ["جين دو"]
""",
        encoding="utf-8",
    )
    actors = load_known_actors(extra)
    assert has_form(actors["RUS"], "بلاد الروس", "ar", "name")
    assert not has_form(actors["RUS"], "Moscow", "en")
    assert has_form(actors["RUS"], "موسكو", "ar", "metonym")
    doe = actors["jane_doe"]
    assert doe.role == "Analyst" and doe.labels == {"ar": "جين دو", "en": "Jane Doe"}
    # the default load is unaffected
    assert has_form(load_known_actors()["RUS"], "Moscow", "en", "metonym")


def test_trigger_forms_get_definite_variants_where_the_language_asks():
    from kg.lang import load_language
    ar, en = load_language("ar"), load_language("en")
    assert "الضربات" in ar.trigger_forms("attacked") and "ضربات" in ar.trigger_forms("attacked")
    assert "الضربات" in ar.triggers["attacked"].forms
    assert all(not f.startswith("the ") for f in en.trigger_forms("attacked"))


def test_a_ministry_written_in_lower_case_after_its_state_is_found():
    from kg.nlp.components import actor_spans
    from kg.pipeline import get_nlp

    doc = get_nlp("en")("The Russian foreign ministry said Ukraine had attacked a border town.")
    assert "rus_mfa" in {s.kb_id_ for s in actor_spans(doc)}
    doc = get_nlp("en")("In the west of the country, the army moved.")
    assert "west" not in {s.kb_id_ for s in actor_spans(doc)}
