"""English trigger lemmas and their generated forms (kg/morphology/english.py)."""

import pytest

from kg.lang import load_language
from kg.morphology import expand
from kg.pipeline import get_nlp


def test_verbs_inflect_their_first_word_and_nouns_their_head():
    raw = load_language("en").raw
    assert {"hold talks", "held talks", "holding talks", "holds talks"} <= set(expand(raw, ["hold talks"], "verb"))
    assert {"recalled its ambassador", "recall the ambassador"} <= set(expand(raw, ["recall ambassador"], "verb"))
    assert "shot the down" not in expand(raw, ["shoot down"], "verb")  # a particle takes no determiner
    assert set(expand(raw, ["ban"], "verb")) == {"ban", "bans", "banned", "banning"}
    assert "targetted" not in expand(raw, ["target"], "verb")  # a variant news does not write
    assert set(expand(raw, ["phone call"], "noun")) == {"phone call", "phone calls"}
    assert set(expand(raw, ["exchange of fire"], "noun")) == {"exchange of fire", "exchanges of fire"}


def test_every_generated_form_is_matched_as_its_relation():
    nlp = get_nlp("en")
    data = load_language("en")
    claims = nlp.get_pipe("geokg_claims")
    matcher = claims.matchers.phrases
    for section, spec in data.raw["triggers"].items():
        generated = expand(data.raw, spec.get("lemmas", []), "verb") + expand(data.raw, spec.get("noun_lemmas", []), "noun")
        for form in generated:
            doc = nlp.make_doc(form.lower())
            labels = {nlp.vocab.strings[m] for m, s, e in matcher(doc) if s == 0 and e == len(doc)}
            assert section in labels, (section, form)


@pytest.mark.parametrize("text, edge", [
    ("Chile warns Peru against any incursion.", ("CHL", "threatened", "PER", "positive")),
    ("Kenya menaced Somalia with new strikes.", ("KEN", "threatened", "SOM", "positive")),
    ("Norway bans Belarus from the talks.", ("NOR", "sanctioned", "BLR", "positive")),
    ("Ghana vowed to punish Togo.", ("GHA", "sanctioned", "TGO", "possible")),
    ("Ecuador supports Colombia in the dispute.", ("ECU", "supported", "COL", "positive")),
    ("Chad is speaking with Sudan about the border.", ("TCD", "metWith", "SDN", "positive")),
    ("Nepal was targeting India with its statements.", ("NPL", "attacked", "IND", "positive")),
])
def test_forms_no_data_file_lists(en_rows, text, edge):
    subject, relation, obj, pol = edge
    rows = en_rows(text)
    assert any(r[:3] == (subject, relation, obj) and (r[3] == pol or r[4] == pol) for r in rows), rows


@pytest.mark.parametrize("text", [
    "Chile is in charge of the talks, Peru said.",  # "charge" is no accusation here
    "Protests in Iran spread to Iraq.",  # street protests are no opposition between states
    "The armed forces of Sudan met on Monday.",  # "armed" is no supply
])
def test_forms_left_out_on_purpose(en_rows, text):
    rows = en_rows(text)
    assert not [r for r in rows if r[1] in ("accused", "opposed", "supplied")], rows


@pytest.mark.parametrize("text, edges", [
    ("India and Pakistan traded accusations over the attack.", {("IND", "accused", "PAK"), ("PAK", "accused", "IND")}),
    ("Peru exchanged accusations with Chile.", {("PER", "accused", "CHL"), ("CHL", "accused", "PER")}),
    # a recalled envoy is a protest (FORMAT.md: "Bogota recalled its ambassador in Washington")
    ("Algeria recalled its ambassador from Morocco.", {("DZA", "opposed", "MAR")}),
    ("Mali withdrew its ambassador from France on Friday.", {("MLI", "opposed", "FRA")}),
    ("Iraq summoned the Turkish ambassador over the strikes.", {("IRQ", "opposed", "TUR")}),
])
def test_frames_of_their_own(en_rows, text, edges):
    assert edges <= {r[:3] for r in en_rows(text)}


def test_an_ambassador_recalled_for_consultations_names_no_state(en_rows):
    assert not [r for r in en_rows("Peru recalled the ambassador for consultations, Chile said.") if r[1] == "opposed"]
    assert not en_rows("The army recalled 5,000 reservists, Russia said.")


@pytest.mark.parametrize("text, lang, edge", [
    # cue verbs by lemma: forms no cue list writes
    ("Chile is refusing to sanction Peru.", "en", ("CHL", "sanctioned", "PER", "negative")),
    ("Kenya is denying that it supplied Somalia with arms.", "en", ("KEN", "supplied", "SOM", "negative")),
    ("رفضوا فرض عقوبات على إيران، قالت ألمانيا.", "ar", None),
    ("ونفوا أن تكون تركيا زودت ليبيا بالسلاح.", "ar", ("TUR", "supplied", "LBY", "negative")),
])
def test_cue_verbs_by_lemma(en_rows, ar_rows, text, lang, edge):
    rows = (en_rows if lang == "en" else ar_rows)(text)
    if edge is None:
        assert not [r for r in rows if r[1] == "sanctioned" and r[3] == "positive"], rows
    else:
        assert any(r[:3] == edge[:3] and r[3] == edge[3] for r in rows), rows


def test_generated_verb_forms_take_no_article():
    from kg.lang import load_language

    forms = load_language("ar").triggers["accused"].forms
    assert "اتهموا" in forms and "الاتهموا" not in forms  # a verb takes no article
    assert "الاتهامات" in forms  # a noun does
