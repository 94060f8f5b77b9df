"""The NER recipe: development split, cluster bit paths, and what the shipped manifest records
(repo files only: no /work/shared)."""

import gzip
import json

from khabar.ner import MODEL_DIR
from khabar.ner import clusters as cl
from khabar.ner.features import BIT_PREFIXES, Featurizer
from khabar.ner.train import DEFAULT_GROUPS, DEV_FRACTION, dev_split


def test_dev_split_is_the_last_tenth_in_file_order():
    sents = [([f"w{i}"], ["O"]) for i in range(1003)]
    tr, dev = dev_split(sents)
    assert len(dev) == 1003 // DEV_FRACTION
    assert tr + dev == sents
    assert dev_split(sents) == (tr, dev)


def test_clusters_read_bit_paths_and_share_strings(tmp_path):
    p = tmp_path / cl.CLUSTER_FILE
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write("# word\tfine\tmid\tcoarse\tcount\tpath\n")
        fh.write("بغداد\t7\t3\t1\t1200\t10110011100101\n")
        fh.write("دمشق\t7\t3\t1\t900\t10110011100111\n")
        fh.write("العراق\t7\t3\t1\t5000\t10110011100001\n")
        fh.write("قال\t2\t1\t0\t50000\n")  # a file without paths still reads
    c = cl.read(p)
    assert c["بغداد"] == ("7", "3", "1", 1200, "10110011100101")
    assert c["قال"] == ("2", "1", "0", 50000)
    assert c["بغداد"][0] is c["دمشق"][0]
    f = Featurizer(None, c, (*DEFAULT_GROUPS, "xclusters"))
    own, near, _ = f._word("بغداد")
    assert [x for x in own if x.startswith("b")] == [f"b{b}=" + "10110011100101"[:b] for b in BIT_PREFIXES]
    assert "b4=1011" in near
    # the clitic-split fallback finds the path of the bare word (والعراق -> العراق)
    assert "b14=10110011100001" in f._word("والعراق")[0]
    # without the group, or for a file without paths, no path features
    assert not any(x.startswith("b4=") for x in Featurizer(None, c, DEFAULT_GROUPS)._word("بغداد")[0])
    assert not any(x.startswith("b4=") for x in f._word("قال")[0])


def test_shipped_manifest_records_dev_and_test():
    m = json.loads((MODEL_DIR / "MANIFEST.json").read_text(encoding="utf-8"))
    assert list(m["feature_groups"]) == list(DEFAULT_GROUPS)
    for name in ("anercorp_dev", "anercorp_dev_system", "anercorp_test", "anercorp_test_system"):
        s = m["scores"][name]
        assert set(s) >= {"micro", "PER", "LOC", "ORG", "MISC"}
        assert 0.5 < s["micro"]["f1"] < 1.0
    assert m["params"]["max_iterations"] > 0 and "dev" in m
