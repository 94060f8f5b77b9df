"""The mission's example, layer by layer. Layers not delivered yet are listed in PENDING:
they run and are expected to fail (strict xfail), so they show as pending in every run and turn
into a failure the moment they start passing without being moved out of PENDING."""

import pytest

from golden import CHECKS

# layer -> the issue that delivers it
PENDING = {
}


def _params():
    for layer in CHECKS:
        marks = [pytest.mark.xfail(strict=True, reason=f"pending: {PENDING[layer]}")] if layer in PENDING else []
        yield pytest.param(layer, marks=marks, id=layer)


@pytest.mark.parametrize("layer", list(_params()))
def test_golden_seed_layer(layer, seed_doc, seed_expected):
    problems = CHECKS[layer](seed_doc, seed_expected)
    assert not problems, f"{layer}: {len(problems)} difference(s)\n  " + "\n  ".join(problems)


def test_golden_seed_every_span_slices_the_original(seed_doc, seed_text):
    from khabar.document import _walk_spans

    assert seed_doc["text"] == seed_text
    for layer, s, e in _walk_spans(seed_doc):
        assert 0 <= s <= e <= len(seed_text), (layer, s, e)
