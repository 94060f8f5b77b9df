"""Stage contracts are checked before the first document; one failing document does not stop a batch."""

import pytest

import khabar
from khabar.document import Document
from khabar.errors import PipelineConfigError
from khabar.pipeline import Pipeline, Stage


class Boom(Stage):
    name = "boom"
    version = "1"
    requires = ("sentences",)
    assigns = ("boom",)

    def __call__(self, doc):
        if "انفجار" in doc.text:
            raise ValueError("cannot read this one")


class NeedsBoom(Stage):
    name = "needs_boom"
    requires = ("boom",)
    assigns = ("after",)

    def __call__(self, doc):
        doc.meta["after"] = True


def test_pipeline_rejects_unmet_requirement_before_any_document():
    with pytest.raises(PipelineConfigError, match="requires"):
        Pipeline(["segment"])  # segment needs blocks (clean) and the view


def test_pipeline_rejects_unknown_stage():
    with pytest.raises(PipelineConfigError, match="unknown stage"):
        Pipeline(["normalise", "nope"])


def test_pipeline_rejects_duplicate_stage():
    with pytest.raises(PipelineConfigError, match="twice"):
        Pipeline(["normalise", "normalise"])


def test_pipeline_failure_is_recorded_and_batch_goes_on():
    pipe = Pipeline(["normalise", "clean", "segment", Boom(), NeedsBoom()])
    docs = [Document("خبر عادي."), Document("خبر فيه انفجار."), Document("خبر آخر.")]
    out = list(pipe.pipe(docs))
    assert len(out) == 3
    assert out[0].errors == [] and out[0].meta["after"] is True
    bad = out[1]
    assert [(e.stage, e.code) for e in bad.errors] == [("boom", "K020"), ("needs_boom", "K021")]
    assert "cannot read this one" in bad.errors[0].message
    assert bad.sentences  # earlier layers survive
    assert pipe.report.documents == 3 and pipe.report.failed_documents == 1
    assert "1 with errors" in pipe.report.summary()


def test_pipeline_records_stage_versions():
    doc = khabar.extract("نص قصير.")
    assert doc.stages["clean"] and doc.stages["segment"]
    assert doc.to_dict()["stages"] == doc.stages


def test_pipeline_document_id_is_content_hash():
    a = khabar.extract("قال الرئيس إن الوضع صعب.")
    b = khabar.extract("قال  الرئيسُ إن الوضع صعب.")  # same content after normalisation
    c = khabar.extract("قال الرئيس إن الوضع سهل.")
    assert a.id == b.id != c.id


def test_pipeline_stages_pickle():
    import pickle

    pipe = khabar.pipeline()
    clone = pickle.loads(pickle.dumps(pipe))
    assert clone.names == pipe.names
    assert clone(Document("نص.")).sentences


class BrokenBatchHook(Boom):
    """A stage whose shared batch step fails: each document must still get its own run."""

    name = "broken_hook"

    def prepare_batch(self, docs):
        raise RuntimeError("shared step failed")


def test_batches_equal_one_document_at_a_time(seed_text):
    texts = [seed_text, "قال وزير الخارجية الأمريكي أنتوني بلينكن في بغداد أمس إن 5 أشخاص قتلوا.", "", "خبر فيه انفجار."]
    one = khabar.pipeline()
    expected = [one(Document(t, reference_date="2023-11-05")).to_dict() for t in texts]
    got = [d.to_dict() for d in khabar.pipeline().pipe((Document(t, reference_date="2023-11-05") for t in texts), batch_size=3)]
    assert got == expected
    assert any(d["entities"] for d in got)  # the batched NER path really ran


def test_failing_batch_hook_falls_back_per_document():
    pipe = Pipeline(["normalise", "clean", "segment", BrokenBatchHook(), NeedsBoom()])
    out = pipe.run_many([Document("خبر عادي."), Document("خبر فيه انفجار.")])
    assert out[0].errors == [] and out[0].meta["after"] is True
    assert [(e.stage, e.code) for e in out[1].errors] == [("broken_hook", "K020"), ("needs_boom", "K021")]
    assert out[0].stages["broken_hook"] == "1"


def test_pipeline_makes_no_reference_cycles(seed_text):
    # run_many pauses the cycle collector on the promise that reference counting frees
    # everything a batch allocates: a cycle here would leak until the next collection
    import gc
    import gzip
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "examples" / "ant-sample.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        texts = [seed_text] + [json.loads(line)["text"] for _, line in zip(range(60), fh)]
    pipe = khabar.pipeline()
    list(pipe.pipe(Document(t) for t in texts[:2]))  # lazy resources load outside the count
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        docs = list(pipe.pipe((Document(t, reference_date="2023-11-05") for t in texts), batch_size=16))
        assert sum(len(d.entities) for d in docs) > 100 and not gc.isenabled()
        del docs
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()


def test_collector_is_resumed_after_a_batch():
    import gc

    assert gc.isenabled()
    khabar.pipeline().run_many([Document("خبر فيه انفجار.")])
    assert gc.isenabled()
