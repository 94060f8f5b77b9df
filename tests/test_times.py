"""The ``times`` stage and ``khabar.temporal``: dates of every locale resolved against the
reference date, counts never read as years, and a fuzz over arbitrary text."""

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.document import Document
from khabar.lexicon import load
from khabar.normalise import normalise
from khabar.pipeline import Pipeline

CASES = yaml.safe_load((Path(__file__).parent / "data" / "times_cases.yaml").read_text(encoding="utf-8"))
PIPE = Pipeline(["normalise", "clean", "segment", "times", "quantities"])
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def run(text, ref=None, meta=None):
    return PIPE(Document(text=text, reference_date=ref, meta=meta or {}))


def _n(s):
    return " ".join(normalise(s).split())


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:30] for c in CASES])
def test_time_cases(case):
    ref = case["ref"]
    doc = run(case["text"], ref)
    assert not doc.errors
    got = [(_n(doc.text[t.start : t.end]), t.value) for t in doc.times]
    want = [(_n(s), v) for s, v in case["times"]]
    assert got == want
    for t, flags in zip(doc.times, case.get("flags", [])):
        for f in flags:
            assert f in t.flags


def test_counts_never_become_times_and_stay_quantities():
    doc = run("قتلوا 1400 شخص واعتقل 2080 في الضفة في 5 نوفمبر 2023", "2023-11-05")
    assert [t.value for t in doc.times] == ["2023-11-05"]
    # the day and year of the date are no quantities
    assert [q.value for q in doc.quantities] == [1400, 2080]


def test_no_reference_date_leaves_relative_times_unresolved():
    doc = run("قال الوزير أمس إن المفاوضات مستمرة.")
    assert doc.reference_date is None
    (t,) = doc.times
    assert t.value is None and "unresolved:no_reference_date" in t.flags


def test_reference_date_from_a_dateline():
    doc = run("القاهرة - 5 نوفمبر 2023: قال الوزير أمس إن المفاوضات مستمرة.")
    assert doc.reference_date == dt.date(2023, 11, 5)
    assert doc.meta["reference_date_source"] == "dateline"
    assert [t.value for t in doc.times] == ["2023-11-05", "2023-11-04"]


def test_reference_date_from_metadata():
    doc = run("قال الوزير أمس إن المفاوضات مستمرة.", meta={"date": "2018-02-18T21:35:43+04:00"})
    assert doc.reference_date == dt.date(2018, 2, 18)
    assert [t.value for t in doc.times] == ["2018-02-17"]


def test_weekday_disagreeing_with_the_written_date_is_flagged():
    doc = run("وصل الوفد الاثنين 5 نوفمبر 2023 إلى بغداد.", "2023-11-06")
    (t,) = doc.times
    assert t.value == "2023-11-05" and "weekday_mismatch" in t.flags


def test_boilerplate_is_not_read():
    doc = run("قم بمشاركة المقال\nقال الوزير الأحد إن المفاوضات مستمرة في بغداد والعواصم الأخرى.", "2023-11-05")
    assert all(not doc.in_boilerplate(t.start, t.end) for t in doc.times)
    assert [t.value for t in doc.times] == ["2023-11-05"]


def test_every_month_name_of_every_locale_resolves():
    data = load("ar/times.yaml")
    for num, locales in data["months"].items():
        for forms in locales.values():
            for form in forms:
                doc = run(f"وقع الحادث في 3 {form} 2020 قرب الحدود.", "2021-01-01")
                assert [t.value for t in doc.times] == [f"2020-{num:02d}-03"], form


# fuzz ------------------------------------------------------------------------------------------
_data = load("ar/times.yaml")
_FRAGMENTS = sorted(
    {f for loc in _data["months"].values() for fs in loc.values() for f in fs}
    | {f for fs in _data["weekdays"].values() for f in fs}
    | {f for fs in _data["relative_days"].values() for f in fs}
    | {f for fs in _data["hijri_months"].values() for f in fs}
    | set(_data["past_words"]) | set(_data["future_words"]) | set(_data["year_words"]) | set(_data["date_words"])
)
_PIECES = st.one_of(
    st.sampled_from(_FRAGMENTS),
    st.integers(min_value=0, max_value=30000).map(str),
    st.sampled_from(["/", "-", ".", "(", ")", "،", " ", "\n", "هـ", "م", "من", "في", "٢٠٢٣", "۱۴۰۰", "\u064b", "\u0640"]),
    st.text(alphabet=st.characters(min_codepoint=0x600, max_codepoint=0x6FF), max_size=6),
    st.text(max_size=4),
)
TEXTS = st.lists(_PIECES, max_size=25).map(" ".join)


def _check_times(doc):
    assert not doc.errors, doc.errors
    n = len(doc.text)
    for t in doc.times:
        assert 0 <= t.start < t.end <= n
        assert t.precision in ("day", "month", "year", None)
        if t.value is not None:
            assert ISO.match(t.value), t.value
            parts = [int(x) for x in t.value.split("-")]
            if len(parts) == 3:
                dt.date(*parts)
            elif len(parts) == 2:
                assert 1 <= parts[1] <= 12
            assert t.precision == {1: "year", 2: "month", 3: "day"}[len(parts)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))))
def test_fuzz_times_never_raise_and_stay_well_formed(text, ref):
    _check_times(run(text, ref))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200), st.one_of(st.none(), st.dates()))
def test_fuzz_times_on_any_unicode(text, ref):
    _check_times(run(text, ref))
