"""A name two states share ("Congo", "الكونغو"): the one the article names, else the one news
means ([shared_names]); sentences written for these tests."""

import pytest


@pytest.mark.parametrize("lang, text, edge", [
    ("en", "Rwanda accused Congo of backing the FDLR militia.", ("RWA", "accused", "COD")),
    ("en", "Rwandan President Paul Kagame accused Congo's army of shelling Rwandan territory.", ("cod_army", "attacked", "RWA")),
    ("en", "Angola hosted talks between Rwanda and Congo in Luanda.", ("RWA", "metWith", "COD")),
    ("ar", "واتهمت رواندا الكونغو بدعم متمردين.", ("RWA", "accused", "COD")),
    ("ar", "وقال الرئيس الرواندي إن جيش الكونغو قصف أراضي بلاده.", ("COD", "attacked", "RWA")),
    ("ar", "واستضافت أنغولا محادثات بين رواندا والكونغو.", ("RWA", "metWith", "COD")),
])
def test_congo_is_the_democratic_republic_by_default(lang, text, edge, ar_edges, en_edges):
    assert (*edge, "positive") in (ar_edges if lang == "ar" else en_edges)(text)


@pytest.mark.parametrize("lang, text", [
    ("en", "Gabon signed a deal with the Republic of Congo. Congo will supply Gabon with oil."),
    ("ar", "ووقعت الغابون اتفاقا مع الكونغو برازافيل. وستزود الكونغو الغابون بالنفط."),
])
def test_congo_is_the_republic_where_the_article_names_it(lang, text, ar_edges, en_edges):
    found = (ar_edges if lang == "ar" else en_edges)(text)
    assert ("COG", "supplied", "GAB", "positive") in found
    assert not {e for e in found if "COD" in (e[0], e[2])}
