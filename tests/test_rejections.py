"""Rejected accusations, on sentences written for these tests: who rejects an actor's
accusations opposes that actor, and the act the rejected accusation names is denied by the
rejecter (negative, asserted, attributed to the rejecter)."""

import pytest


@pytest.mark.parametrize("lang, text, row", [
    ("en", "Colombia rejected Washington's accusations on social media.", ("COL", "opposed", "USA", "positive")),
    ("en", "Iran dismissed the US allegations as baseless.", ("IRN", "opposed", "USA", "positive")),
    ("ar", "ورفضت إيران الاتهامات الأميركية.", ("IRN", "opposed", "USA", "positive")),
    ("ar", "ورفضت إيران اتهامات واشنطن.", ("IRN", "opposed", "USA", "positive")),
    ("en", "Iran rejected accusations that it supplied drones to Russia.", ("IRN", "supplied", "RUS", "negative")),
    ("en", "Iran rejected Israel's accusations that it attacked Israel.", ("IRN", "attacked", "ISR", "negative")),
    ("ar", "ورفضت إيران الاتهامات بتزويد روسيا بالمسيرات.", ("IRN", "supplied", "RUS", "negative")),
    ("ar", "ورفضت إيران الاتهامات الأميركية بتزويد روسيا بالمسيرات.", ("IRN", "supplied", "RUS", "negative")),
])
def test_rejected_accusations(ar_rows, en_rows, lang, text, row):
    rows = (ar_rows if lang == "ar" else en_rows)(text)
    assert any(r[:4] == row for r in rows), rows
    if row[3] == "negative":
        assert any(r[:4] == row and r[4] == "asserted" and r[5] == row[0] for r in rows), rows


@pytest.mark.parametrize("lang, text, absent", [
    # a verb of its own after the rejection
    ("en", "Iran rejected the accusations and attacked Israel.", ("IRN", "attacked", "ISR", "negative")),
    ("ar", "ورفضت إيران الاتهامات وهاجمت إسرائيل.", ("IRN", "attacked", "ISR", "negative")),
    # the accuser is no rejecter of itself, and a rejected plan is no rejected accusation
    ("ar", "ورفضت إيران الاتهامات الأميركية بتزويد روسيا بالمسيرات.", ("USA", "supplied", "RUS")),
    ("en", "Iran rejected the US plan to supply Ukraine.", ("IRN", "opposed", "USA", "negative")),
])
def test_rejections_that_must_not_fire(ar_rows, en_rows, lang, text, absent):
    rows = (ar_rows if lang == "ar" else en_rows)(text)
    assert not any(r[:len(absent)] == absent for r in rows), rows


@pytest.mark.parametrize("lang, text, row", [
    # a denial verb before an involvement noun denies the event named after it
    ("en", "Hamas denied any involvement in the attack on Israel.", ("hamas", "attacked", "ISR", "negative")),
    ("en", "Iran denied involvement in the drone strike on the Saudi oil plant.", ("IRN", "attacked", "SAU", "negative")),
    ("en", "Russia denied any role in the bombing in Kyiv.", ("RUS", "attacked", "UKR", "negative")),
    ("ar", "نفت حماس أي صلة لها بالهجوم على إسرائيل.", ("hamas", "attacked", "ISR", "negative")),
    ("ar", "نفت إيران تورطها في الهجوم على السفن السعودية.", ("IRN", "attacked", "SAU", "negative")),
    ("ar", "نفت تركيا أي علاقة لها بالضربات على العراق.", ("TUR", "attacked", "IRQ", "negative")),
])
def test_denied_involvement(ar_rows, en_rows, lang, text, row):
    rows = (ar_rows if lang == "ar" else en_rows)(text)
    assert any(r[:4] == row and r[4] == "asserted" and r[5] == row[0] for r in rows), rows
    assert not any(r[:3] == row[:3] and r[3] == "positive" for r in rows), rows


@pytest.mark.parametrize("lang, text, row", [
    # the denial ends before a clause of its own
    ("en", "Iran denied the report and attacked Israel.", ("IRN", "attacked", "ISR", "positive")),
    ("en", "Iran denied involvement, and Israel attacked Iran on Sunday.", ("ISR", "attacked", "IRN", "positive")),
    ("ar", "نفت إيران التقارير، وقصفت إسرائيل مواقع إيرانية.", ("ISR", "attacked", "IRN", "positive")),
])
def test_denial_keeps_its_clause(ar_rows, en_rows, lang, text, row):
    rows = (ar_rows if lang == "ar" else en_rows)(text)
    assert any(r[:4] == row for r in rows), rows


@pytest.mark.parametrize("lang, text, row", [
    # a negated evidence noun whose complement names the act: negative, the speaker's, not the actor's denial
    ("en", "The Pentagon said it had no evidence that China was supplying Russia with lethal weapons.",
     ("CHN", "supplied", "RUS", "negative", "asserted", "pentagon")),
    ("en", "Washington has seen no sign that Beijing is supplying weapons to Moscow.", ("CHN", "supplied", "RUS", "negative")),
    ("en", "Officials found no proof that Turkey supplied drones to Sudan.", ("TUR", "supplied", "SDN", "negative")),
    ("ar", "قال البنتاغون إنه لا يملك أدلة على أن الصين تزود روسيا بأسلحة فتاكة.",
     ("CHN", "supplied", "RUS", "negative", "asserted", "pentagon")),
    ("ar", "لا يوجد دليل على أن إيران أرسلت صواريخ إلى روسيا.", ("IRN", "supplied", "RUS", "negative")),
    ("ar", "ليست هناك أي مؤشرات على أن القوات الروسية هاجمت خاركيف.", ("RUS", "attacked", "UKR", "negative")),
])
def test_no_evidence_negates_the_complement(ar_rows, en_rows, lang, text, row):
    rows = (ar_rows if lang == "ar" else en_rows)(text)
    assert any(r[:len(row)] == row for r in rows), rows
    assert not any(r[:3] == row[:3] and r[3] == "positive" for r in rows), rows


@pytest.mark.parametrize("lang, text, row", [
    # evidence that is had, and an accusation made without evidence, leave the act as said
    ("en", "Ukraine said it had evidence that Russia attacked the dam.", ("RUS", "attacked", "UKR", "positive")),
    ("en", "Iran accused Israel without evidence of attacking the consulate.", ("IRN", "accused", "ISR", "positive")),
    ("ar", "اتهمت إيران إسرائيل دون دليل بمهاجمة القنصلية.", ("ISR", "attacked", "IRN", "positive")),
])
def test_evidence_that_must_not_negate(ar_rows, en_rows, lang, text, row):
    rows = (ar_rows if lang == "ar" else en_rows)(text)
    assert any(r[:4] == row for r in rows), rows


@pytest.mark.parametrize("lang, text, row", [
    # a rejected report that names the act's own subject: the subject stays, the rejecter only denies
    ("en", "The Pentagon denied reports that US troops had struck Iraqi militias.",
     ("USA", "attacked", "IRQ", "negative", "asserted", "pentagon")),
    ("ar", "نفى البنتاغون التقارير التي تحدثت عن قصف القوات الأمريكية فصائل عراقية.",
     ("USA", "attacked", "IRQ", "negative", "asserted", "pentagon")),
    # a report's relative clause ("التي تحدثت عن") introduces what it says
    ("ar", "نفت إيران التقارير التي تحدثت عن تزويد روسيا بالصواريخ.", ("IRN", "supplied", "RUS", "negative")),
])
def test_rejected_reports_keep_their_subject(ar_rows, en_rows, lang, text, row):
    rows = (ar_rows if lang == "ar" else en_rows)(text)
    assert any(r[:len(row)] == row for r in rows), rows
    assert not any(r[:3] == row[:3] and r[3] == "positive" for r in rows), rows


@pytest.mark.parametrize("text, row", [
    # a reversal reaches its noun past a nisba subject's head noun (the talks suspended are negative)
    ("علقت الحكومة الكولومبية محادثات السلام مع جيش التحرير الوطني بعد هجوم دام.", ("COL", "metWith", "eln", "negative")),
    ("رفعت الإدارة الأمريكية العقوبات عن سوريا.", ("USA", "sanctioned", "SYR", "negative")),
])
def test_reversal_past_a_nisba_subject(ar_rows, text, row):
    rows = ar_rows(text)
    assert row in {r[:4] for r in rows}, rows
    assert not any(r[:3] == row[:3] and r[3] == "positive" for r in rows), rows
