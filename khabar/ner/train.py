"""Train the NER model from public data: compile the gazetteer, learn (or reuse) the word
clusters, fit the CRF on ANERcorp train minus its last tenth and score that development set, fit
the shipped CRF on all of train and score test, and write everything with a manifest of sha256
sums and both sets of scores.

``khabar train ner [--data PATH] [--out DIR]`` runs this; the defaults rebuild the shipped
artefacts under ``khabar/models/ner``.
"""

from __future__ import annotations

import hashlib
import json
import platform
import shutil
import time
from collections import Counter
from pathlib import Path

from . import MODEL_DIR
from . import clusters as clusters_mod
from . import conll
from .fastcrf import WEIGHTS_FILE, compile_model
from .features import VECTOR_DIMS, Featurizer
from .gazetteer import GAZ_FILE, Gazetteer, compile_gazetteer, save

MODEL_FILE = "model.crfsuite"
# 100 L-BFGS iterations, c1 0.05, c2 0.02. On dev (docs/entities.md) 200, 400 iterations gave 71.3,
# 71.5 against 72.1; c1 0.02/0.1 and c2 0.005/0.05 moved it by less than the dev set's noise
PARAMS = {"c1": 0.05, "c2": 0.02, "max_iterations": 100, "feature.possible_transitions": True}
# Gazetteer membership is left out of the tagger's features: the ablation (eval_ner --ablation)
# measured 72.3 F1 without it against 72.2 with it (75.3 against 74.7 with document
# propagation); the lists are noisy as features and serve the entities stage instead
# (canonical records, names the tagger missed). "xclusters" (prefixes of a bit path; with
# clusters learnt for words seen twice or more and 200 iterations) gained 2.9 F1 on dev but
# nothing in 5-fold cross-validation over train and lost 1.0 on test, so it is left out too
# (docs/entities.md).
# "vectors" (the words' SVD vectors as real-valued attributes) gained 1.2 F1 alone and 1.0 with
# propagation in 5-fold cross-validation over train, in every fold (docs/entities.md)
DEFAULT_GROUPS = ("lexical", "affix", "ngrams", "shape", "context", "trigger", "window", "clusters", "corecl", "vectors")
# words seen this often or less in training have their identity hidden while training
RARE = 0
# the last tenth of train.conll (sentences, in file order) is the development set: choices
# (parameters, feature groups, clusters) are made on it, and checked by cross-validation over
# train (eval/eval_ner.py --cv); test is only scored
DEV_FRACTION = 10
PROPAGATION_WINDOW = 20  # ANERcorp has no article boundaries: ±20 sentences stand for the article


def dev_split(train_sents: list) -> tuple[list, list]:
    """(train minus dev, dev): the last ``1/DEV_FRACTION`` of the sentences, deterministic."""
    cut = len(train_sents) - len(train_sents) // DEV_FRACTION
    return train_sents[:cut], train_sents[cut:]


def system_tags(sents, pred) -> list[list[str]]:
    """The tagger's output as the entities stage finishes it: family nisba, then propagation."""
    from .propagate import extend_nisba, propagate

    words = [w for w, _ in sents]
    return propagate(words, extend_nisba(words, pred), window=PROPAGATION_WINDOW)


def _round(scores: dict) -> dict:
    return {k: {m: round(v, 4) if isinstance(v, float) else v for m, v in s.items()} for k, s in scores.items()}


def fit(train_sents, featurizer: Featurizer, model_path: Path, params=None, log=print) -> Path:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in train_sents:
        trainer.append(featurizer.sentence(words), tags)
    trainer.select("lbfgs")
    trainer.set_params({**PARAMS, **(params or {})})
    t0 = time.time()
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))
    log(f"ner: trained {model_path.name} in {time.time() - t0:.0f}s ({len(train_sents)} sentences)")
    return model_path


def predict(model_path: Path, featurizer: Featurizer, sents) -> list[list[str]]:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    return [tagger.tag(featurizer.sentence(words)) for words, _ in sents]


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def train_ner(data_dir: Path, out_dir: Path = MODEL_DIR, *, groups=DEFAULT_GROUPS, relearn_clusters: bool = False,
              params=None, log=print) -> dict:
    data_dir = Path(data_dir)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    shared = data_dir.parent if (data_dir / "train.conll").exists() else data_dir
    # accept either the ANERcorp folder or the data root
    if (data_dir / "train.conll").exists():
        ner_dir = data_dir
        root = data_dir.parent.parent
    else:
        ner_dir = data_dir / "ner" / "anercorp"
        root = data_dir
    del shared
    train = conll.read(ner_dir / "train.conll")
    test = conll.read(ner_dir / "test.conll")
    gaz = compile_gazetteer(root, train)
    gpath = save(gaz, out_dir)
    log(f"ner: gazetteer {len(gaz['entries'])} names, {len(gaz['records'])} records -> {gpath}")
    cpath = out_dir / clusters_mod.CLUSTER_FILE
    if relearn_clusters or not cpath.exists():
        shipped = MODEL_DIR / clusters_mod.CLUSTER_FILE
        if not relearn_clusters and shipped.exists() and shipped != cpath:
            shutil.copyfile(shipped, cpath)
        else:
            clusters_mod.learn(root / "news", out_dir, vectors=VECTOR_DIMS if "vectors" in groups else 0, log=log)
    vectors = None
    if "vectors" in groups:  # the words' SVD vectors, learnt with the clusters (same clusters file)
        vpath = out_dir / clusters_mod.VECTOR_FILE
        shipped = MODEL_DIR / clusters_mod.VECTOR_FILE
        if not vpath.exists() and shipped.exists() and shipped != vpath:
            shutil.copyfile(shipped, vpath)
        elif not vpath.exists():
            clusters_mod.learn(root / "news", out_dir, vectors=VECTOR_DIMS, log=log)
        vectors = clusters_mod.read_vectors(vpath)
    feat = Featurizer(Gazetteer(gaz), clusters_mod.read(cpath), groups, vectors=vectors)

    def rare_words(sents):
        if not RARE:
            return frozenset()
        c = Counter(w for ws, _ in sents for w in ws)
        return frozenset(w for w, n in c.items() if n <= RARE)

    def show(name, s):
        log(f"ner: {name} micro-F1 {s['micro']['f1']:.4f} " + " ".join(f"{t}={x['f1']:.3f}" for t, x in s.items() if t != "micro"))

    # the same recipe on train minus dev, scored on dev: the figure choices were made on
    import tempfile

    tr, dev = dev_split(train)
    with tempfile.TemporaryDirectory() as tmp:
        dpath = fit(tr, Featurizer(feat.gaz, feat.clusters, groups, rare=rare_words(tr), vectors=vectors), Path(tmp) / MODEL_FILE, params, log)
        dpred = predict(dpath, feat, dev)
    gold = [t for _, t in dev]
    scores = {"anercorp_dev": conll.score(gold, dpred), "anercorp_dev_system": conll.score(gold, system_tags(dev, dpred))}
    # the shipped model: all of train
    mpath = fit(train, Featurizer(feat.gaz, feat.clusters, groups, rare=rare_words(train), vectors=vectors), out_dir / MODEL_FILE, params, log)
    compile_model(mpath, out_dir / WEIGHTS_FILE)
    pred = predict(mpath, feat, test)
    gold = [t for _, t in test]
    scores.update({"anercorp_test": conll.score(gold, pred), "anercorp_test_system": conll.score(gold, system_tags(test, pred))})
    for name, s in scores.items():
        show(name, s)
    return write_manifest(out_dir, groups, {**PARAMS, **(params or {})}, scores)


def write_manifest(out_dir: Path, groups, params: dict, scores: dict | None) -> dict:
    files = [out_dir / MODEL_FILE, out_dir / WEIGHTS_FILE, out_dir / GAZ_FILE, out_dir / clusters_mod.CLUSTER_FILE]
    if "vectors" in groups:
        files.append(out_dir / clusters_mod.VECTOR_FILE)
    manifest = {
        "model": "CRF (python-crfsuite, L-BFGS) over clitic-aware word features; weights.npz is the same model compiled for tagging (khabar.ner.fastcrf)",
        "rare_identity_hidden_at_or_below": RARE,
        "command": "khabar train ner --data ../shared/data/ner/anercorp",
        "params": params,
        "feature_groups": list(groups),
        "python": platform.python_version(),
        "data": {
            "train": {"name": "ANERcorp (CAMeL split, rebuilt) train.conll", "licence": "CC BY-SA 4.0",
                      "origin": "HassanAzzam/Arabic-NER ANERCorp, split rebuilt by the CAMeL recipe"},
            "clusters": {"name": "ANT Corpus v2.1 multisource + ANT v1.1 Jawhara FM (unlabelled news; SaudiNewsNet not used)",
                         "licence": "Apache-2.0 + citation licence (Chouigui et al. 2017, 2021)"},
            "gazetteers": [
                {"name": "ANERGazet (Benajiba)", "licence": "distributed with ANERcorp for research"},
                {"name": "world cities with Arabic names (Wikidata via jamsshhayd/world-cities-translations)", "licence": "CC BY 4.0"},
                {"name": "mledoze/countries Arabic names", "licence": "ODbL 1.0"},
                {"name": "pycountry iso3166-1 Arabic locale", "licence": "LGPL-2.1 (pycountry)"},
                {"name": "UniversalPetrarch actor_dict_ar_v4 (openeventdata)", "licence": "MIT"},
                {"name": "khabar/data/ar/places.yaml", "licence": "project"},
            ],
        },
        "dev": f"last 1/{DEV_FRACTION} of train.conll's sentences; the dev scores are of the same recipe trained on the rest",
        "scores": {name: _round(s) for name, s in scores.items()} if scores else {},
        "files": {p.name: {"sha256": sha256(p), "bytes": p.stat().st_size} for p in files},
    }
    (out_dir / "MANIFEST.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return manifest


__all__ = ["train_ner", "fit", "predict", "dev_split", "system_tags", "MODEL_FILE", "GAZ_FILE"]
