"""Scraped-text structure: paragraphs, headings and marked boilerplate, from the phrase data file."""

import pytest

import khabar
from khabar.stages.clean import classify_line


@pytest.mark.parametrize(
    "line, kind",
    [
        ("قم بمشاركة المقال", "share"),
        ("اقرأ أيضاً", "related"),
        ("إقرأ أيضا: ترامب يلتقي كيم في سنغافورة", "related"),
        ("قد يهمك أيضا: أسعار النفط ترتفع", "related"),
        ("اقرأ المزيد: الأمم المتحدة تحذر من مجاعة", "related"),
        ("يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي", "app_promo"),
        ("// انتهى //", "end_marker"),
        ("// يتبع //", "end_marker"),
        ("للتواصل مع الكاتب ارسل رسالة SMS إلى 88548 تبدأ بالرمز 135", "contact"),
        ("Next Previous", "navigation"),
        ("-----", "separator"),
        ("فرانس24/ أ ف ب", "credit"),
        ("** جميع المقالات المنشورة تمثل رأي كتابها فقط.", "disclaimer"),
    ],
)
def test_clean_boilerplate_kinds(line, kind):
    assert classify_line(line)[0] == kind


@pytest.mark.parametrize(
    "line",
    [
        "قال وزير الخارجية إن المحادثات كانت جيدة.",
        "اقتصاد مصر ينمو بنسبة 5 في المئة",
        "الأمم المتحدة: مليون نازح في اليمن",
    ],
)
def test_clean_body_lines_are_not_boilerplate(line):
    assert classify_line(line)[0] is None


def test_clean_blocks_keep_offsets_and_mark_boilerplate():
    text = "قم بمشاركة المقال\nقال الرئيس إن الوضع صعب جدا في المنطقة وإن الحكومة تعمل على حل الأزمة بسرعة.\nاقرأ أيضاً\nعنوان مقال آخر مرتبط\n-----\n"
    doc = khabar.extract(text)
    kinds = [(b.kind, b.reason) for b in doc.blocks]
    assert kinds == [("boilerplate", "share"), ("paragraph", None), ("boilerplate", "related"), ("heading", "related_title"), ("boilerplate", "separator")]
    for b in doc.blocks:
        assert text[b.start : b.end].strip() == text[b.start : b.end]
    # fact stages read paragraphs and headings, not boilerplate nor related titles
    assert [doc.text[s.start : s.end] for s in doc.body_sentences()] == [text.splitlines()[1]]


def test_clean_fact_stages_read_a_headline():
    doc = khabar.extract("مقتل امرأة وإصابة 13 شخصا في إطلاق نار بمدينة تورونتو\nوقالت الشرطة إن المهاجم قتل.\n")
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]
    assert (13, "injured") in [(c.value, c.category) for c in doc.claims]


def test_clean_heading_is_short_line_without_final_stop():
    doc = khabar.extract("بلينكن يزور الضفة ويلتقي عباس\nوصل الوزير إلى رام الله صباح اليوم في زيارة لم يعلن عنها مسبقاً.\n")
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]


def test_clean_source_list_applies_to_its_source_only(tmp_path, monkeypatch):
    from khabar.stages import clean

    monkeypatch.setattr(clean, "source_lines", lambda source: frozenset({clean._norm("تابعونا على تويتر")}) if source == "demo" else frozenset())
    assert classify_line("تابعونا على تويتر", "demo")[0] == "source"
    assert classify_line("تابعونا على تويتر", "other")[0] is None


def test_clean_contact_block_glued_to_last_paragraph_is_split_off():
    body = "وختاماً فإن هذه القضية تحتاج إلى معالجة عاجلة من الجهات المختصة في أقرب وقت ممكن."
    tail = "للتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (3) ثم مسافة ثم نص الرسالة إلى 88591"
    text = f"{body}x@y.com{tail}\n"
    doc = khabar.extract(text)
    assert [(b.kind, b.reason, text[b.start : b.end]) for b in doc.blocks] == [
        ("paragraph", None, body + "x@y.com"),
        ("boilerplate", "contact", tail),
    ]
    assert all(s.end <= doc.blocks[0].end for s in doc.body_sentences())


def test_clean_end_marker_after_text_on_same_line():
    text = "وأكد المجلس على أهمية القرار الصادر اليوم في جلسته العادية برئاسة خادم الحرمين الشريفين. // انتهى //"
    doc = khabar.extract(text)
    assert [(b.kind, b.reason) for b in doc.blocks] == [("paragraph", None), ("boilerplate", "end_marker")]


def test_clean_contact_block_continues_over_its_number_lines():
    text = "نص المقال الطويل الذي يتحدث عن قضية مهمة في المجتمع ويطرح حلولا لها.\nللتواصل مع الكاتب ارسل رسالة SMS\n88591 - Stc\n635031 - Mobily\n"
    doc = khabar.extract(text)
    assert [(b.kind, b.reason) for b in doc.blocks] == [("paragraph", None)] + [("boilerplate", "contact")] * 3


@pytest.mark.parametrize("line", ["عين اليوم – متابعات", "فايز الحسيكي – عين اليوم", "* خدمة «نيويورك تايمز»", "*نقلاً عن الرؤية الإماراتية"])
def test_clean_bylines_and_credits(line):
    assert classify_line(line)[0] == "credit"
