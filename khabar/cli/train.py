"""``khabar train ner [--data PATH] [--out DIR]``: rebuild a shipped model from public data."""

from __future__ import annotations

from pathlib import Path

_ROOT = Path(__file__).resolve().parents[2]


def register(sub) -> None:
    p = sub.add_parser("train", help="train a model from public data (ner)")
    tsub = p.add_subparsers(dest="model", metavar="MODEL")
    ner = tsub.add_parser("ner", help="the Arabic NER tagger (CRF) with its gazetteer and word clusters")
    ner.add_argument("--data", type=Path, default=_ROOT.parent / "shared" / "data" / "ner" / "anercorp",
                     help="ANERcorp folder with train.conll/test.conll (default ../shared/data/ner/anercorp); "
                     "the gazetteers and news are read from the data root two levels up")
    ner.add_argument("--out", type=Path, default=None, help="output folder (default khabar/models/ner)")
    ner.add_argument("--relearn-clusters", action="store_true", help="learn the word clusters (and vectors) again from the ANT news")
    ner.add_argument("--iterations", type=int, default=None, help="L-BFGS iterations (default 100)")
    ner.add_argument("--groups", default=None, help="comma-separated feature groups (default: all but gazetteer; see khabar.ner.features.GROUPS)")
    ner.set_defaults(func=run_ner)
    p.set_defaults(func=lambda args: p.print_help() or 2)


def run_ner(args) -> int:
    from ..ner import MODEL_DIR
    from ..ner.train import train_ner

    params = {"max_iterations": args.iterations} if args.iterations else None
    kw = {"groups": tuple(args.groups.split(","))} if args.groups else {}
    m = train_ner(args.data, args.out or MODEL_DIR, relearn_clusters=args.relearn_clusters, params=params, **kw)
    print(f"micro-F1 {m['scores']['anercorp_test']['micro']['f1']:.4f}; files: " + ", ".join(m["files"]))
    return 0
