"""The document contract: JSON Schema valid, spans slice the original, round trip."""

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import khabar
from khabar.document import Document, _walk_spans

SCHEMA = json.loads((Path(__file__).parent.parent / "docs" / "document.schema.json").read_text(encoding="utf-8"))


def test_document_seed_validates_against_schema(seed_doc):
    jsonschema.validate(seed_doc, SCHEMA)


def test_document_example_corpus_validates_and_spans_slice():
    import gzip

    root = Path(__file__).parent.parent
    with gzip.open(root / "examples" / "ant-sample.jsonl.gz", "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(40), fh)]
    for row in rows:
        d = khabar.extract(row["text"], reference_date=row["date"][:10], meta={"source": row["source"]}).to_dict(tokens=True)
        jsonschema.validate(d, SCHEMA)
        for layer, s, e in _walk_spans(d):
            assert 0 <= s <= e <= len(row["text"]), (row["id"], layer, s, e)


ARABICISH = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("قالوزيرالخارجيةأإآىةـًٌٍَُِّْ٠١٢٣٤٥٦٧٨٩.،؟!؛:\"«»“”()\n -/")),
        st.characters(codec="utf-8"),
    ),
    max_size=300,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARABICISH)
def test_document_every_span_of_every_layer_slices_the_original(text):
    doc = khabar.extract(text, reference_date="2023-11-05")
    d = doc.to_dict(tokens=True)
    assert d["text"] == text
    for layer, s, e in _walk_spans(d):
        assert 0 <= s <= e <= len(text), (layer, s, e)
    for b in doc.blocks:
        assert b.start < b.end and text[b.start : b.end].strip()
    assert not doc.errors, doc.errors


def test_document_round_trip_keeps_structure(seed_text):
    doc = khabar.extract(seed_text, reference_date="2023-11-05")
    back = Document.from_dict(json.loads(json.dumps(doc.to_dict())))
    assert back.id == doc.id and back.text == doc.text and back.blocks == doc.blocks and back.sentences == doc.sentences


def test_document_refuses_bytes():
    with pytest.raises(TypeError, match="decode"):
        Document(b"bytes")
