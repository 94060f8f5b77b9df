"""The ``quantities`` stage and ``khabar.numbers``: digits of three scripts, number words, scale
words, hedges, ranges, percentages and money; and a fuzz over arbitrary text."""

import math
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.document import Document
from khabar.lexicon import load
from khabar.numbers import find_quantities, parse_number
from khabar.normalise import normalise
from khabar.pipeline import Pipeline

CASES = yaml.safe_load((Path(__file__).parent / "data" / "quantities_cases.yaml").read_text(encoding="utf-8"))
PIPE = Pipeline(["normalise", "clean", "segment", "times", "quantities"])


def run(text, ref="2024-01-01"):
    return PIPE(Document(text=text, reference_date=ref))


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:30] for c in CASES])
def test_quantity_cases(case):
    doc = run(case["text"])
    assert not doc.errors
    got = [[q.value, q.bound, q.approximate, q.kind, q.unit, q.high] for q in doc.quantities]
    assert got == case["q"]
    for q in doc.quantities:
        assert q.vague == (q.value is None)
        # the number span sits inside the whole span
        assert q.start <= q.number_start < q.number_end <= q.end


def test_hedge_span_covers_hedge_and_number():
    doc = run("وأصاب أكثر من 24 ألفاً آخرين")
    (q,) = doc.quantities
    assert doc.text[q.start : q.end] == "أكثر من 24 ألفاً"
    assert doc.text[q.number_start : q.number_end] == "24 ألفاً"


@pytest.mark.parametrize("value", [1, 2, 3, 7, 10, 11, 12, 13, 19, 20, 21, 35, 99, 100, 101, 200, 250, 300, 999, 1000, 2000, 3000, 10000, 24000, 100000, 2000000])
def test_number_words_round_trip(value):
    """Every value written out with the data file's words parses back to itself."""
    d = load("ar/numbers.yaml")
    word = {**{v: f[-1] for v, f in d["units"].items()}, **{v: f[-1] for v, f in d["teens"].items()},
            **{v: f[-1] for v, f in d["tens"].items()}, **{v: f[-1] for v, f in d["hundreds"].items()}}
    scales = {v: k for v, k in d["scales"].items()}

    def below_1000(n):
        parts = []
        if n >= 100:
            parts.append(word[n // 100 * 100])
            n %= 100
        if n:
            if n in word:
                parts.append(word[n])
            elif n < 20:
                parts.append(word[n - 10] + " " + d["teen_suffix"][0])
            else:
                parts.append(word[n % 10])
                parts.append(word[n // 10 * 10])
        return " و".join(parts)

    def spell(n):
        for s in sorted(scales, reverse=True):
            if n >= s:
                k, r = divmod(n, s)
                head = scales[s]["one"][0] if k == 1 else scales[s]["two"][0] if k == 2 else below_1000(k) + " " + (scales[s]["many"][0] if k <= 10 else scales[s]["one"][1])
                return head + (" و" + spell(r) if r else "")
        return below_1000(n)

    assert parse_number(normalise(spell(value))) == value


def test_eastern_and_persian_digits_and_separators():
    for text, value in (("٢٤٬٠٠٠", 24000), ("۲۵۰", 250), ("1,250", 1250), ("٢٫٥", 2.5), ("1.200.000", 1200000)):
        (f,) = find_quantities(normalise(text))
        assert f.value == value, text


def test_one_dotted_group_of_three_digits_is_thousands_unless_a_scale_follows():
    assert parse_number("10.000") == 10000
    assert parse_number(normalise("8.500 مليون")) == 8500000
    assert parse_number("0.500") == 0.5 and parse_number("12.75") == 12.75
    (f,) = find_quantities(normalise("قتل أكثر من 10.000 شخص"))
    assert f.value == 10000


def test_decimal_comma_before_a_scale_word():
    assert [f.value for f in find_quantities(normalise("أكثر من 1,7 مليون لاجئ"))] == [1700000]
    assert [f.value for f in find_quantities(normalise("1,250 شخصا"))] == [1250]


# fuzz ------------------------------------------------------------------------------------------
_d = load("ar/numbers.yaml")
_FRAGMENTS = sorted(
    {f for k in ("units", "teens", "tens", "hundreds", "vague", "ordinals") for fs in _d[k].values() for f in fs}
    | {f for s in _d["scales"].values() for fs in s.values() for f in fs}
    | {f for fs in _d["hedges"].values() for f in fs}
    | {f for fs in _d["currencies"].values() for f in fs}
    | set(_d["percent_words"])
)
TEXTS = st.lists(
    st.one_of(
        st.sampled_from(_FRAGMENTS),
        st.integers(min_value=0, max_value=10**12).map(str),
        st.sampled_from(["و", ",", ".", "٫", "٬", "،", "%", "$", "-", " ", "٣", "۷", "\u064b", "بين", "من", "إلى"]),
        st.text(alphabet=st.characters(min_codepoint=0x600, max_codepoint=0x6FF), max_size=5),
        st.text(max_size=4),
    ),
    max_size=25,
).map(" ".join)


def _check(doc):
    assert not doc.errors, doc.errors
    n = len(doc.text)
    for q in doc.quantities:
        assert 0 <= q.start <= q.number_start < q.number_end <= q.end <= n
        assert q.bound in (None, "more_than", "at_least", "less_than", "up_to")
        assert q.kind in ("cardinal", "ordinal", "percent", "money", "range")
        for v in (q.value, q.high):
            assert v is None or (isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and v >= 0)
        assert (q.value is None) == q.vague
        if q.kind == "range":
            assert q.high is not None and q.high > q.value


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_fuzz_quantities_never_raise_and_stay_well_formed(text):
    _check(run(text))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_fuzz_quantities_on_any_unicode(text):
    _check(run(text, None))
