"""Sentences and tokens, with clitic boundaries as sub-token offsets."""

import pytest

import khabar
from khabar.stages.segment import clitic_split


def sents(text):
    doc = khabar.extract(text)
    return [text[s.start : s.end] for s in doc.sentences]


def test_segment_arabic_comma_is_not_a_sentence_end():
    assert sents("قال الوزير، في مؤتمر صحفي، إن الوضع صعب.") == ["قال الوزير، في مؤتمر صحفي، إن الوضع صعب."]


@pytest.mark.parametrize("mark", [".", "؟", "!", "؛"])
def test_segment_sentence_ends(mark):
    assert sents(f"وصل الوفد{mark} ثم غادر.") == [f"وصل الوفد{mark}", "ثم غادر."]


def test_segment_decimal_point_and_abbreviation_do_not_end_sentences():
    assert sents("نما الاقتصاد 2.5 في المئة. وقال د. أحمد إن ذلك جيد.") == ["نما الاقتصاد 2.5 في المئة.", "وقال د. أحمد إن ذلك جيد."]


def test_segment_an_elision_in_brackets_does_not_end_a_sentence():
    assert sents('وأكد "ارتفاع الخسائر (...) إلى 27". ثم غادر.') == ['وأكد "ارتفاع الخسائر (...) إلى 27".', "ثم غادر."]
    assert sents("قال [...] إنه بخير. ثم غادر.") == ["قال [...] إنه بخير.", "ثم غادر."]


def test_segment_an_acronym_spelt_in_arabic_letters_does_not_end_a_sentence():
    assert sents('وقال في تصريح لتلفزيون "إل. سي. إي" إن الهجوم فشل. ثم غادر.') == ['وقال في تصريح لتلفزيون "إل. سي. إي" إن الهجوم فشل.', "ثم غادر."]


def test_segment_line_end_ends_a_sentence_and_quote_closer_stays():
    assert sents('قال: "لا تفعلوا ذلك."\nسطر ثان') == ['قال: "لا تفعلوا ذلك."', "سطر ثان"]


def test_segment_tokens_cover_words_numbers_and_punctuation():
    text = "أطلق 24,000 صاروخ، (تقريباً)."
    doc = khabar.extract(text)
    assert [text[t.start : t.end] for t in doc.tokens] == ["أطلق", "24,000", "صاروخ", "،", "(", "تقريباً", ")", "."]


@pytest.mark.parametrize(
    "word, parts",
    [
        ("للعراق", [("ل", "prep"), ("ل", "det"), ("عراق", "stem")]),
        ("بالضفة", [("ب", "prep"), ("ال", "det"), ("ضفة", "stem")]),
        ("لحماس", [("ل", "prep"), ("حماس", "stem")]),
        ("وأضاف", [("و", "conj"), ("أضاف", "stem")]),
        ("جولته", [("جولت", "stem"), ("ه", "pron")]),
        ("الخارجية", [("ال", "det"), ("الخارجية"[2:], "stem")]),
    ],
)
def test_segment_clitic_parts_are_source_offsets(word, parts):
    text = f"قال {word} اليوم"
    doc = khabar.extract(text)
    tok = next(t for t in doc.tokens if text[t.start : t.end] == word)
    assert [(text[s:e], r) for s, e, r in tok.parts] == parts


def test_segment_short_words_keep_their_letters():
    assert clitic_split("وزير") == ()  # not و + زير
    assert clitic_split("مدينه", True) == ()  # teh marbuta is no pronoun


def test_segment_clitic_parts_keep_diacritics_in_source():
    text = "وَصَلَ لِلعِراقِ"
    doc = khabar.extract(text)
    tok = doc.tokens[1]
    assert "".join(text[s:e] for s, e, _ in tok.parts) == text[tok.start : tok.end]


def test_segment_a_full_stop_inside_a_word_does_not_end_a_sentence():
    assert sents("ذكرت محطة (سي.إن.إن ترك) أن الوضع هادئ. ثم غادر.") == ["ذكرت محطة (سي.إن.إن ترك) أن الوضع هادئ.", "ثم غادر."]


def test_segment_a_full_stop_inside_a_quotation_that_closes_further_on_does_not_end_a_sentence():
    text = '"لم يستطع الجميع الفرار. أعتقد أنهم دفنوا"، حسبما قالت إحدى السكان. ثم غادرت.'
    assert sents(text) == ['"لم يستطع الجميع الفرار. أعتقد أنهم دفنوا"، حسبما قالت إحدى السكان.', "ثم غادرت."]
    assert sents("قال: «وصلنا. ثم غادرنا». ثم صمت.") == ["قال: «وصلنا. ثم غادرنا».", "ثم صمت."]


def test_segment_straight_quotation_marks_that_do_not_pair_up_cleanly_are_not_trusted():
    # a mark is missing after «مونت كارلو الدولية»: the next one opens, it does not close
    text = 'وقال المحلل لإذاعة "مونت كارلو الدولية إن المرشح منافس مهم. في المقابل اعتبر أن حزب "الشعوب" ضعيف.'
    assert len(sents(text)) == 2


def test_segment_digits_glued_to_an_arabic_word_are_a_token_of_their_own():
    doc = khabar.extract("وبعد أسبوع من مقتل25 شخصا، قالت F16 إنها بخير.")
    words = [doc.text[t.start : t.end] for t in doc.tokens]
    assert "مقتل" in words and "25" in words and "F16" in words


def test_segment_a_one_letter_initial_does_not_end_a_sentence():
    text = 'وجاء في بيان النيابة أن كريم س. وسارة ن. "يشتبه بأنهما خططا لهجوم" في باريس. ثم غادر.'
    assert sents(text) == ['وجاء في بيان النيابة أن كريم س. وسارة ن. "يشتبه بأنهما خططا لهجوم" في باريس.', "ثم غادر."]
