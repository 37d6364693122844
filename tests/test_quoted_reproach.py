"""What a speaker calls an actor's act in quotation marks is a reproach unless the quotation
praises ([triggers.described] quoted_unless); sentences written for these tests."""

import pytest

from tests.conftest import claim_triples


@pytest.mark.parametrize("text, lang, edge", [
    ('Venezuelan Foreign Minister Yvan Gil called the U.S. strikes "extrajudicial executions".', "en",
     ("person-fn-gl", "criticized", "USA")),
    ('Iran described the Israeli raids as "state terror with a new face".', "en", ("IRN", "criticized", "ISR")),
    ('ووصف وزير الخارجية الفنزويلي إيفان خيل الضربات الأمريكية بأنها "إعدامات خارج نطاق القانون".', "ar",
     ("person-fn-hl", "criticized", "USA")),
    ('ووصفت إيران الغارات الإسرائيلية بأنها "إرهاب دولة بوجه جديد".', "ar", ("IRN", "criticized", "ISR")),
])
def test_a_quoted_name_for_an_act_is_a_reproach(text, lang, edge):
    assert edge in claim_triples(text, lang), claim_triples(text, lang)


@pytest.mark.parametrize("text, lang", [
    ('Oman described the talks with Iran as "serious and constructive".', "en"),
    ('Egypt called the U.S. proposal "a step in the right direction".', "en"),
    ('Egypt called for "maximum restraint" from Israel and Iran.', "en"),  # a call for, not a name
    ('ووصفت سلطنة عمان المحادثات مع إيران بأنها "جادة وبناءة".', "ar"),
    ('واعتبرت مصر المقترح الأمريكي "خطوة في الاتجاه الصحيح".', "ar"),
])
def test_a_quotation_that_praises_is_no_reproach(text, lang):
    assert not any(r == "criticized" for _s, r, _o in claim_triples(text, lang)), claim_triples(text, lang)
