"""The corpus-level detector proposes lines that recur across one source's articles."""

from khabar.clean_corpus import propose, scan, write_source_lists


def _rows():
    plug = "تابعونا على قناتنا في تيليغرام للمزيد من الأخبار"
    for i in range(20):
        yield "demo", f"خبر رقم {i} عن الاقتصاد والسياسة في المنطقة.\n{plug}\n"
    for i in range(20):
        yield "other", f"خبر آخر رقم {i}.\n{plug if i < 2 else 'سطر عادي ' + str(i)}\n"


def test_clean_corpus_proposes_repeated_lines_per_source(tmp_path):
    stats = scan(_rows())
    assert stats["demo"].articles == 20
    props = propose(stats, min_articles=5, min_share=0.1)
    assert [(p.source, p.articles) for p in props] == [("demo", 20)]
    assert props[0].already is None
    paths = write_source_lists(props, tmp_path)
    assert paths and "تيليغرام" in open(paths[0], encoding="utf-8").read()


def test_clean_corpus_counts_rule_flagged_lines():
    stats = scan([("s", "قم بمشاركة المقال\nنص الخبر هنا.\n-----\n")])
    assert dict(stats["s"].flagged) == {"share": 1, "separator": 1}
