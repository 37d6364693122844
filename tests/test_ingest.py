"""Reading article files and segmenting scraped pages; bad input fails with one line."""

import json

import pytest

from kg.errors import InputError
from kg.ingest.readers import html_to_text, iter_input_files, read_documents
from kg.ingest.segment import detect_language, segment_page
from kg.lang import load_language

PAGE = """القاهرة- قال وزير الخارجية المصري إن بلاده ترفض أي تصعيد.

وأضاف أن الاجتماع المقبل سيعقد في عمان (رويترز) الأسبوع المقبل.

المصدر: وكالة الأنباء

كلمات دلالية: مصر الأردن

إقرأ أيضاً:

مصر والأردن يبحثان التعاون الاقتصادي

تابع أحدث الأخبار عبر تطبيق

قال مسؤول أردني إن البلدين اتفقا على خطة جديدة.
وأضاف المسؤول أن التنفيذ يبدأ قريبا.

مقالات مشابهة

  • الأردن يرحب بالمبادرة المصرية
  • مصر تستضيف قمة إقليمية
"""


def test_segments_of_a_scraped_page(tmp_path):
    f = tmp_path / "page.txt"
    f.write_text(PAGE, encoding="utf-8")
    doc = read_documents(f)[0]
    page = segment_page(doc, load_language("ar"))
    assert page.lang == "ar"
    assert page.publisher == "وكالة الأنباء"
    kinds = {s.kind: s for s in page.segments}
    assert set(kinds) == {"article", "related-article", "headlines"}
    main = " ".join(doc.text[a:b] for a, b in kinds["article"].spans)
    assert "كلمات دلالية" not in main and "المصدر" not in main and "تابع أحدث" not in main
    second = kinds["related-article"]
    assert second.title == "مصر والأردن يبحثان التعاون الاقتصادي"
    assert second.identifier == "page#2"
    heads = [doc.text[a:b] for a, b in kinds["headlines"].spans]
    assert "الأردن يرحب بالمبادرة المصرية" in heads and "مصر تستضيف قمة إقليمية" in heads
    masked = {doc.text[a:b] for a, b in page.masked}
    assert "(رويترز)" in masked and "القاهرة" in masked  # photo credit and dateline


def test_segment_offsets_point_into_the_original_text(tmp_path):
    f = tmp_path / "page.txt"
    f.write_text(PAGE, encoding="utf-8")
    doc = read_documents(f)[0]
    for seg in segment_page(doc, load_language("ar")).segments:
        for a, b in seg.spans:
            assert doc.text[a:b].strip() == doc.text[a:b] and doc.text[a:b]


def test_language_detection():
    assert detect_language("روسيا تفرض عقوبات") == "ar"
    assert detect_language("Russia imposes sanctions") == "en"


@pytest.mark.parametrize("content, message", [
    (b"", "empty file"),
    (b"   \n\t ", "empty file"),
    (b"\x00\x01\x02binary\x00", "binary"),
    (b"\xfa\xfb bad \xc3\x28", "not UTF-8"),
    (b"\xff\xfeabc", "byte-order mark"),
])
def test_bad_files_give_one_line_errors(tmp_path, content, message):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_documents(f)
    assert message in str(err.value) and str(f) in str(err.value)
    assert "\n" not in str(err.value)


def test_huge_file_is_refused(tmp_path, monkeypatch):
    import kg.ingest.readers as readers
    monkeypatch.setattr(readers, "MAX_BYTES", 10)
    f = tmp_path / "big.txt"
    f.write_text("x" * 100)
    with pytest.raises(InputError, match="too large"):
        read_documents(f)


def test_jsonl_records_and_malformed_line(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps({"id": "a1", "text": "Russia met Iran.", "title": "T", "published": "2024-01-02"}) + "\n"
                 + json.dumps({"text": "Second one."}) + "\n", encoding="utf-8")
    docs = read_documents(f)
    assert [d.identifier for d in docs] == ["a1", "feed-2"]
    assert docs[0].meta["published"] == "2024-01-02"
    f.write_text('{"text": "ok"}\n{broken\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"feed.jsonl:2: malformed JSON"):
        read_documents(f)


def test_html_text_and_title():
    text, title = html_to_text("<html><head><title>T</title><script>evil()</script></head>"
                               "<body><h1>Heading</h1><p>First &amp; para.</p><p>Second.</p></body></html>")
    assert title == "Heading"
    assert "evil" not in text and "First & para." in text and "Second." in text


def test_folders_are_walked_in_order_and_missing_paths_fail(tmp_path):
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.md").write_text("a")
    (tmp_path / "skip.bin").write_text("x")
    assert [p.name for p in iter_input_files([tmp_path])] == ["a.md", "b.txt"]
    with pytest.raises(InputError, match="no such file"):
        list(iter_input_files([tmp_path / "nope"]))


def test_wire_datelines_are_metadata(tmp_path):
    f = tmp_path / "wire.txt"
    f.write_text("Talks resume\n\nDOHA, Qatar (AP) — Egypt and Israel met on Monday.\n", encoding="utf-8")
    doc = read_documents(f)[0]
    page = segment_page(doc, load_language("en"))
    masked = [doc.text[a:b] for a, b in page.masked]
    assert any("Qatar (AP)" in m for m in masked)


@pytest.mark.parametrize("lang, cue_line", [
    ("ar", "أقرأ أيضا"),  # a hamza on the first letter: folded as the key folds it before the test
    ("ar", "\u0627\u0642\u0631\u0623 \u0623\u064a\u0636\u0627\u064b:"),  # harakat and a colon
    ("en", "READ ALSO:"),  # capitals fold
])
def test_a_cue_is_found_whatever_its_first_letter_is_written_as(tmp_path, lang, cue_line):
    body = "مصر والأردن يبحثان التعاون." if lang == "ar" else "Egypt and Jordan held talks."
    second = "الأردن يرحب بالمبادرة." if lang == "ar" else "Jordan welcomes the plan."
    f = tmp_path / "page.txt"
    f.write_text(f"{body}\n\n{cue_line}\n\nعنوان\n\n{second}\n", encoding="utf-8")
    doc = read_documents(f)[0]
    page = segment_page(doc, load_language(lang))
    main = [doc.text[a:b] for a, b in page.segments[0].spans]
    assert main == [body]  # the cue line and what follows it are no part of the article
