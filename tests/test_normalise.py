"""The normalised view folds for matching and always maps back into the original text."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.normalise import (
    View,
    fold_alef,
    fold_alef_maksura,
    fold_teh_marbuta,
    normalise,
    strip_diacritics,
    strip_tatweel,
    western_digits,
)


@pytest.mark.parametrize(
    "src, view",
    [
        ("أحمد إبراهيم آمنة ٱلله", "احمد ابراهيم امنه الله"),
        ("مستشفى", "مستشفي"),
        ("غزة", "غزه"),
        ("مُحَمَّدٌ", "محمد"),
        ("بـــلينكن", "بلينكن"),
        ("٢٠٢٣ و۱۴۰۰", "2023 و1400"),
        ("\ufefb", "لا"),  # lam-alef ligature (presentation form) expands to two letters
        ("ا\u0654", "ا"),  # decomposed hamza above: NFC composes to أ, then folds
    ],
)
def test_normalise_view_folds(src, view):
    assert normalise(src) == view


def test_normalise_named_normalisers_are_each_one_rule():
    assert fold_alef("أإآ") == "ااا"
    assert fold_alef_maksura("على") == "علي"
    assert fold_teh_marbuta("مدينة") == "مدينه"
    assert strip_diacritics("كَتَبَ") == "كتب"
    assert strip_tatweel("كـتـب") == "كتب"
    assert western_digits("٣٤۵") == "345"


def test_normalise_maps_word_back_with_its_harakat():
    src = "قالَ مُحَمَّدٌ"
    v = View(src)
    a = v.text.index("محمد")
    s, e = v.to_source(a, a + 4)
    assert src[s:e] == "مُحَمَّدٌ"


def test_normalise_expanded_ligature_maps_to_the_one_source_char():
    src = "x\ufefby"
    v = View(src)
    assert v.text == "xلاy"
    assert v.to_source(1, 2) == (1, 2)
    assert v.to_source(2, 3) == (1, 2)
    assert v.to_source(1, 4) == (1, 3)


def test_normalise_from_source_inverts_to_source_on_word_starts():
    src = "وَقَالَ الرئيسُ: ٢٠٢٣"
    v = View(src)
    for pos in (0, src.index("ا", 5), src.index("٢")):
        vp = v.from_source(pos)
        assert v.to_source(vp, vp + 1)[0] == pos


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_normalise_every_view_span_maps_into_the_source(text):
    v = View(text)
    n = len(v.text)
    for a in range(0, n + 1, max(1, n // 7)):
        for b in range(a, n + 1, max(1, n // 5)):
            s, e = v.to_source(a, b)
            assert 0 <= s <= e <= len(text)
            if a < b:
                assert s < e


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["ا", "أ", "\u0654", "\u064e", "\u0651", "ـ", "ة", "ى", "٣", "۴", "\ufefb", "\ufdfd", "e", "\u0301", " ", "ب", "\u200f", "\u1100", "\u1161"]
        ),
        max_size=40,
    ).map("".join)
)
def test_normalise_view_is_the_concatenation_of_its_mapped_pieces(text):
    """Walking the view character by character, each character's source slice normalises to
    exactly the view characters it produced: the map loses nothing and invents nothing."""
    v = View(text)
    i = 0
    rebuilt = []
    covered = []
    while i < len(v.text):
        s, e = v.to_source(i, i + 1)
        j = i + 1
        while j < len(v.text) and v.to_source(j, j + 1) == (s, e):
            j += 1
        piece = text[s:e]
        assert View(piece).text == v.text[i:j], (text, piece, v.text[i:j])
        rebuilt.append(v.text[i:j])
        covered.append((s, e))
        i = j
    assert "".join(rebuilt) == v.text
    assert all(a[1] <= b[0] for a, b in zip(covered, covered[1:]))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_normalise_view_matches_nfc_then_folding(text):
    v = View(text)
    # folding only shortens or keeps length per character, except presentation-form expansion
    assert len(v.text) <= len(unicodedata.normalize("NFKC", unicodedata.normalize("NFC", text))) + text.count("\ufdfa") * 20 + 20
    assert View(v.text).text == v.text  # idempotent
