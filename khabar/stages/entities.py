"""``entities``: named mentions tagged by the shipped CRF, grouped into document-level entities.

Per body sentence (paragraphs and headings, not boilerplate nor related-link titles) the tagger
labels words PER/ORG/LOC/MISC. Mentions then merge into entities: the same name, a person's
surname or first name alone (بلينكن for the full name), a short form given in brackets after
the long one («... الفلسطينية (حماس)»), a place with its trigger word
(غزة with its قطاع), or two names of one gazetteer record. A clitic-attached mention (للعراق)
spans the whole word, with a head span over the name. Titles come from apposition: the words
between a title head (وزير، رئيس، ...) and the name. Known entities get a canonical record
(ISO country, city with coordinates, region, UniversalPetrarch actor codes). Countries and
regions the tagger missed are added from the gazetteer, and well-known epithets of a place
named in the article (data/ar/places.yaml) become mentions of it.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict

from ..document import Document, Span
from ..facts import Entity, Mention
from ..lexicon import clitics, load
from ..ner.conll import spans as conll_spans
from ..ner.propagate import extend_nisba, propagate
from ..ner.words import loose, norm, split
from ..pipeline import Stage

_RECORD_KINDS_SAFE = ("country", "region")
_NONE = ("", "", "", 0)


@functools.cache
def _lists():
    ner = load("ar/ner.yaml")
    trig = ner["triggers"]
    heads = frozenset(loose(norm(w)) for w in trig["person_title"])
    loc_heads = frozenset(loose(norm(w)) for w in trig["location"])
    org_heads = frozenset(loose(norm(w)) for w in trig["organisation"])
    breaks = frozenset(norm(w) for w in ner["title_breaks"])
    ambiguous = frozenset(" ".join(loose(norm(x)) for x in w.split()) for w in ner["ambiguous_names"])
    places = load("ar/places.yaml")
    epithets: dict[str, list[str]] = defaultdict(list)  # target key (loose phrase) -> epithets
    for r in places["regions"].values():
        for e in r.get("epithets", []):
            epithets[_pkey(r["names"][0])].append(e)
    for target, eps in (places.get("epithets") or {}).items():
        epithets[_pkey(target)].extend(eps)
    return heads, loc_heads, org_heads, breaks, ambiguous, dict(epithets), int(ner.get("title_max_words", 6))


@functools.cache
def _trigger_words() -> frozenset:
    return frozenset(loose(norm(w)) for ws in load("ar/ner.yaml")["triggers"].values() for w in ws)


@functools.cache
def _org_name_heads() -> frozenset:
    return frozenset(loose(norm(w)) for w in load("ar/ner.yaml").get("org_name_heads", []))


@functools.cache
def _new_np_heads() -> frozenset:
    return frozenset(loose(norm(w)) for w in load("ar/ner.yaml").get("new_np_heads", []))


def _split_org(words: list[str], i: int, j: int, gaz) -> list[tuple[int, int, str]]:
    """An organisation the tagger ran into the next name: «المنظمة السلطات السعودية» (a second
    definite head), «منظمة هيومن رايتس ووتش السعودية» (a country after a word that takes no
    adjective with the article)."""
    det = clitics()["det"]
    heads = _new_np_heads()
    for k in range(i + 1, j):
        if loose(norm(words[k])) in heads and split(words[k - 1])[1].startswith(det):
            return [(i, k, "ORG"), *_split_org(words, k, j, gaz)]
    prev = split(words[j - 2])
    # («الجبهة الشعبية لتحرير فلسطين»: a word with a preposition on it governs the country)
    if j - i > 2 and not prev[0] and not prev[1].startswith(det) and _country(gaz, words[j - 1 : j]):
        return [(i, j - 1, "ORG"), (j - 1, j, "LOC")]
    return [(i, j, "ORG")]


def _country(gaz, words: list[str]) -> bool:
    """Whether the words name a country in the gazetteer (a place with an ISO code)."""
    return "iso:" in str((gaz.lookup(" ".join(words)) or {}).get("LOC", ""))


def _split_loc(words: list[str], i: int, j: int, gaz) -> list[tuple[int, int, str]]:
    """Two countries the tagger ran together: «اتهمت قطر السعودية» (the subject, then the
    object), where the whole is no place of its own («كوريا الشمالية», «جنوب السودان» are)."""
    if gaz.lookup(" ".join(words[i:j])) is None:
        for k in range(i + 1, j):
            if _country(gaz, words[i:k]) and _country(gaz, words[k:j]):
                return [(i, k, "LOC"), (k, j, "LOC")]
    return [(i, j, "LOC")]


def _pkey(text: str) -> str:
    return " ".join(loose(norm(w)) for w in text.split())


@functools.cache
def _epithet_res():
    *_, epithets, _ = _lists()
    out = {}
    c = clitics()
    conj = "".join(map(re.escape, c["conj"]))
    prep = "".join(re.escape(c[k]) for k in ("bi", "li", "ka"))
    for target, eps in epithets.items():
        alts = "|".join(sorted((re.escape(norm(e)) for e in eps), key=len, reverse=True))
        out[target] = re.compile(rf"(?<![\w])([{conj}]?[{prep}]?)({alts})(?![\w])")
    return out


def _fallback(gaz, types, nwords, first=""):
    """The record of a name the gazetteer may add on its own: a country or region, or an
    organisation of several words with a country-specific actor code («الجيش الإسرائيلي»),
    not a role (a name headed by رئيس is a title)."""
    if first in _lists()[0]:
        return None
    if "LOC" in types:
        rec = gaz.best_record(types["LOC"])
        if rec and rec[1]["kind"] in _RECORD_KINDS_SAFE:
            return ("LOC", rec)
    if "ORG" in types and nwords >= 1:
        rec = gaz.best_record(types["ORG"])
        if rec and any(len(c["code"]) > 3 and c["code"][:3].isalpha() and c["code"][:1] != "~" for c in rec[1].get("codes", ())):
            return ("ORG", rec)
    return None


def _is_word(s: str) -> bool:
    return s[:1].isalnum()


class _Bare:
    """The normalised words of the article, built on first use (only clitic-attached names
    ask)."""

    __slots__ = ("words", "_set")

    def __init__(self, words):
        self.words, self._set = words, None

    def __contains__(self, x) -> bool:
        if self._set is None:
            self._set = set(map(norm, set(self.words)))
        return x in self._set


class _M:
    """A mention while grouping."""

    __slots__ = ("start", "end", "head_start", "type", "name", "key", "words", "ti", "tj", "entity", "paren_after", "kb", "title")

    def __init__(self, start, end, head_start, typ, name, ti, tj):
        self.start, self.end, self.head_start, self.type, self.name = start, end, head_start, typ, name
        self.key = _pkey(name)
        self.words = self.key.split()
        self.ti, self.tj = ti, tj
        self.entity = None
        self.paren_after = None
        self.kb = None
        self.title = None


class Entities(Stage):
    name = "entities"
    version = "2"
    requires = ("tokens", "sentences", "blocks", "view")
    assigns = ("entities",)

    def __init__(self, settings=None):
        super().__init__(settings)
        self._tagger = None

    def __getstate__(self):
        d = dict(self.__dict__)
        d["_tagger"] = None  # the native CRF tagger does not pickle; reopened on first use
        return d

    @property
    def tagger(self):
        if self._tagger is None:
            from ..ner.tagger import shipped

            t = shipped()
            if "fallback" not in t.gazetteer._index:
                g = t.gazetteer
                # one-word organisations only when the training text does not mostly use the
                # word otherwise (the noisy names pruned from the features)
                g.subset("fallback", lambda k, types: _fallback(g, types, len(k.split(" ")), k.split(" ")[0]) is not None
                         and (" " in k or "LOC" in types or ("ORG" in g.matchable.get(k, ()) and k not in _trigger_words())))
            self._tagger = t
        return self._tagger

    # -- sentences of the body, as token index ranges
    def _body_sentences(self, doc: Document) -> list[tuple[int, int]]:
        blocks = doc.body_blocks()
        starts = [b.start for b in blocks]
        tok_starts = [t.start for t in doc.tokens]
        out = []
        for s in doc.sentences:
            k = bisect.bisect_right(starts, s.start) - 1
            if k < 0 or not (blocks[k].start <= s.start and s.end <= blocks[k].end):
                continue
            a = bisect.bisect_left(tok_starts, s.start)
            b = bisect.bisect_left(tok_starts, s.end)
            if b > a:
                out.append((a, b))
        return out

    def _words(self, doc: Document):
        text = doc.text
        sents = self._body_sentences(doc)
        words_all = [text[t.start : t.end] for t in doc.tokens]
        return sents, words_all, [words_all[a:b] for a, b in sents]

    def prepare_batch(self, docs: list[Document]) -> None:
        """Tag the body sentences of several documents in one decoding pass (the per-position
        cost of the decoder is paid once for the batch, not once per article); ``__call__``
        then takes each document's tags. The tags equal those of one document at a time."""
        tagger = self.tagger
        if tagger.featurizer.gaz is not None or len(docs) < 2:
            return
        prepared, batch = [], []
        for doc in docs:
            sents, words_all, sent_words = self._words(doc)
            prepared.append((doc, sents, words_all, sent_words, len(batch)))
            batch.extend(sent_words)
        tags = tagger.tag_many(batch)
        for doc, sents, words_all, sent_words, k in prepared:
            doc.__dict__["_entities_pre"] = (doc.tokens, sents, words_all, sent_words, tags[k : k + len(sent_words)])

    def __call__(self, doc: Document) -> None:
        tagger = self.tagger
        gaz = tagger.gazetteer
        heads, loc_heads, _, breaks, ambiguous, _, title_max = _lists()
        org_name_heads = _org_name_heads()
        text = doc.text
        toks = doc.tokens
        pre = doc.__dict__.pop("_entities_pre", None)
        if pre is not None and pre[0] is toks:
            _, sents, words_all, sent_words, raw_tags = pre
        else:
            sents, words_all, sent_words = self._words(doc)
            sent_matches = [gaz.match(w) for w in sent_words] if tagger.featurizer.gaz is not None else None
            raw_tags = tagger.tag_many(sent_words, sent_matches)
        bare = _Bare(words_all)
        mentions: list[_M] = []
        covered = [False] * len(toks)
        in_body = [False] * len(toks)
        # a name tagged once is the same name where the tagger missed it in the same article
        sent_tags = propagate(sent_words, extend_nisba(sent_words, raw_tags))
        for (a, b), words, tags in zip(sents, sent_words, sent_tags):
            for k in range(a, b):
                in_body[k] = True
            spans = sorted(_spans(tags)) if tags.count("O") != len(tags) else []
            if any(t == "ORG" and j - i > 1 for i, j, t in spans):
                spans = [p for i, j, t in spans for p in (_split_org(words, i, j, gaz) if t == "ORG" and j - i > 1 else [(i, j, t)])]
            if any(t == "LOC" and j - i > 1 for i, j, t in spans):
                spans = [p for i, j, t in spans for p in (_split_loc(words, i, j, gaz) if t == "LOC" and j - i > 1 else [(i, j, t)])]
            found: list[tuple[int, int, str, tuple | None, bool]] = []
            for i, j, typ in spans:
                # a title head tagged as part of a person's name is the title, not the name
                while typ == "PER" and j - i > 1 and loose(split(words[i])[1]) in heads:
                    i += 1
                if i > 0 and not (found and found[-1][1] > i - 1):
                    prev = loose(split(words[i - 1])[1])
                    if typ == "ORG" and prev in org_name_heads:
                        i -= 1
                    elif typ == "LOC" and prev in loc_heads and "LOC" in (gaz.lookup(" ".join(words[i - 1 : j])) or {}):
                        i -= 1
                found.append((i, j, typ, None, False))
            # names the tagger missed that the gazetteer knows well: countries, regions, and
            # organisations with a country-specific actor code («الجيش الإسرائيلي»)
            taken = [False] * (b - a)
            for i, j, *_ in found:
                for k in range(i, j):
                    taken[k] = True
            for i, j, types, stripped in gaz.match(words, "fallback"):
                if any(taken[i:j]):
                    continue
                add = _fallback(gaz, types, j - i, loose(split(words[i])[1]))
                if add:
                    found.append((i, j, add[0], add[1], stripped))
            found.sort()
            for i, j, typ, rec, stripped in found:
                m = self._mention(doc, a + i, a + j, typ, bare, gaz, force_strip=stripped)
                if m is None or (rec is not None and m.key in ambiguous):
                    continue
                m.kb = rec
                for k in range(a + i, a + j):
                    covered[k] = True
                if typ == "PER":
                    m.title = self._title(doc, a, a + i, heads, breaks, title_max, mentions)
                mentions.append(m)
        # «حركة ... (حماس)»: the words before a bracketed name, from an organisation head on,
        # are its long form
        for m in list(mentions):
            if m.type != "ORG" or m.ti < 2 or m.tj >= len(toks) or words_all[m.ti - 1] != "(" or words_all[m.tj] != ")":
                continue
            k = m.ti - 2
            while k >= 0 and m.ti - 1 - k <= title_max and in_body[k] and not covered[k] and _is_word(words_all[k]):
                if loose(split(words_all[k])[1]) in org_name_heads:
                    long = self._mention(doc, k, m.ti - 1, "ORG", bare, gaz, force_strip=True)
                    if long is not None:
                        for x in range(k, m.ti - 1):
                            covered[x] = True
                        mentions.append(long)
                    break
                k -= 1
        mentions.sort(key=lambda m: m.start)
        # brackets right after a mention: «... الفلسطينية (حماس)»
        by_tok = {m.ti: m for m in mentions}
        for m in mentions:
            if m.tj + 2 < len(toks) and words_all[m.tj] == "(":
                nxt = by_tok.get(m.tj + 1)
                if nxt is not None and nxt.tj < len(toks) and words_all[nxt.tj] == ")":
                    m.paren_after = nxt
        doc.entities = self._group(doc, mentions, gaz)
        for m in mentions:
            m.entity = m.paren_after = None  # no reference cycles: a document frees without the collector
        self._epithets(doc)

    def _mention(self, doc, ti, tj, typ, bare, gaz, force_strip=False):
        toks = doc.tokens
        text = doc.text
        first = toks[ti]
        w = text[first.start : first.end]
        head = first.start
        lil = False
        if first.parts and split(w)[0]:
            rest = " ".join(text[t.start : t.end] for t in toks[ti + 1 : tj])
            counts = self.tagger.featurizer.clusters or {}
            c_full = counts.get(norm(w), _NONE)[3]
            whole_known = gaz.lookup((w + " " + rest).strip()) is not None
            # the places a name may start after its clitics, longest split first: «وكندا» may
            # be و + ك + ندا or و + كندا, and a name may itself begin with a clitic letter
            # (بلينكن, بغداد), so a split is taken only when its bare form is attested: in this
            # article, in the gazetteer while the whole word is not, or far more often in the news
            parts = first.parts
            cuts = []
            for k, (_s, e, role) in enumerate(parts):
                if role not in ("conj", "prep"):
                    break
                nxt = parts[k + 1] if k + 1 < len(parts) else None
                is_lil = role == "prep" and nxt is not None and nxt[2] == "det" and text[e : e + 1] == clitics()["li"]
                cuts.append((e, is_lil))
            for cut, is_lil in reversed(cuts):
                core = (clitics()["det_alef"] if is_lil else "") + norm(text[cut : first.end])
                c_core = counts.get(core, _NONE)[3]
                ok = force_strip or loose(core) in _trigger_words() or (
                    not whole_known
                    and (
                        core in bare
                        or gaz.lookup((core + " " + rest).strip()) is not None
                        or (c_core >= 5 and c_core >= 3 * max(c_full, 1))
                    )
                )
                if ok:
                    head, lil = cut, is_lil
                    break
        end = toks[tj - 1].end
        name = text[head:end]
        if lil:
            name = clitics()["det_alef"] + name  # lil-: the article's alef is not written after the preposition
        if not any(ch.isalpha() for ch in name):
            return None
        m = _M(first.start, end, head, typ, name, ti, tj)
        return m if m.key else None

    def _title(self, doc, sent_a, ti, heads, breaks, title_max, mentions):
        toks = doc.tokens
        text = doc.text
        start_tok = None
        c = clitics()
        title_ends = (c["bi"], c["ka"])  # «بصفته», «كرئيس»: no longer the title itself
        prev_end = {m.tj for m in mentions if m.type == "PER"}
        j = ti - 1
        while j >= sent_a and ti - j <= title_max:
            w = text[toks[j].start : toks[j].end]
            if not _is_word(w) or norm(w) in breaks or (j + 1) in prev_end or split(w)[0][-1:] in title_ends:
                break
            if loose(split(w)[1]) in heads:
                start_tok = j
            j -= 1
        if start_tok is None:
            return None
        t = toks[start_tok]
        s = t.start
        for ps, _pe, role in t.parts:
            if role not in ("conj", "prep"):
                s = ps
                break
        if split(text[t.start : t.end])[0] and not t.parts:
            s = t.start
        return (s, toks[ti - 1].end)

    def _group(self, doc, mentions, gaz):
        loc_heads = _lists()[1]
        ents: list[dict] = []

        def new(m):
            e = {"mentions": [], "keys": set(), "types": Counter(), "kb": {}, "long": None, "short": None}
            ents.append(e)
            return e

        def attach(m, e):
            m.entity = e
            e["mentions"].append(m)
            e["keys"].add(m.key)
            e["types"][m.type] += 1
            if e["long"] is None or len(m.words) > len(e["long"].words):
                e["long"] = m

        by_key: dict[tuple[str, str], dict] = {}
        by_kb: dict[str, dict] = {}
        by_headless: dict[str, dict] = {}
        order = sorted(range(len(mentions)), key=lambda k: (-len(mentions[k].words), mentions[k].start))
        for k in order:
            m = mentions[k]
            cls = "PER" if m.type == "PER" else "X"
            e = by_key.get((cls, m.key))
            if e is None:
                kb = self._kb(m, gaz)
                if kb and kb[0] in by_kb:
                    e = by_kb[kb[0]]
                if e is None and len(m.words) > 1 and m.words[0] in loc_heads and m.type == "LOC":
                    e = by_key.get((cls, " ".join(m.words[1:])))
                if e is None and m.type == "PER" and len(m.words) < 3:
                    cands = [x for x in ents if x["long"].type == "PER" and len(x["long"].words) > len(m.words)
                             and (x["long"].words[-len(m.words):] == m.words or x["long"].words[: len(m.words)] == m.words)]
                    if len(cands) == 1:
                        e = cands[0]
                if e is None and m.type != "PER":
                    # the bare name of a trigger-headed form seen first (غزة after its قطاع form)
                    cands = by_headless.get(m.key, ())
                    if len(cands) == 1:
                        e = next(iter(cands.values()))
                if e is None:
                    e = new(m)
                if kb:
                    e["kb"][kb[0]] = kb[1]
                    by_kb.setdefault(kb[0], e)
            attach(m, e)
            by_key.setdefault((cls, m.key), e)
            if len(m.words) > 1 and m.words[0] in loc_heads:
                by_headless.setdefault(" ".join(m.words[1:]), {})[id(e)] = e
        # a short form in brackets names the same entity
        for m in mentions:
            p = m.paren_after
            if p is not None and p.entity is not m.entity and p.entity is not None:
                a, b = m.entity, p.entity
                for x in b["mentions"]:
                    x.entity = a
                a["mentions"].extend(b["mentions"])
                a["keys"] |= b["keys"]
                a["types"] += b["types"]
                a["kb"].update(b["kb"])
                a["short"] = p
                ents.remove(b)
        out = []
        ents.sort(key=lambda e: min(x.start for x in e["mentions"]))
        for e in ents:
            ms = sorted(e["mentions"], key=lambda x: x.start)
            kb = min(e["kb"].items(), key=lambda r: ({"country": 0, "region": 1, "city": 2}.get(r[1]["kind"], 3), r[0])) if e["kb"] else None
            typ = e["types"].most_common(1)[0][0]
            if kb and kb[1]["kind"] in ("country", "region", "city"):
                typ = "LOC"
                # the record's name when the article uses it (list spellings can be odd)
                heads = Counter(x.name for x in ms)
                canonical = kb[1]["name"] if _pkey(kb[1]["name"]) in {_pkey(h) for h in heads} else max(heads, key=lambda h: (heads[h], len(h)))
            elif e["short"] is not None:
                canonical = e["short"].name
            elif typ == "PER":
                canonical = e["long"].name
            else:
                names = Counter(x.name for x in ms)
                canonical = max(names, key=lambda s: (names[s], len(s)))
            ent = Entity(id=f"E{len(out) + 1}", type=typ, canonical=canonical, kb_id=kb[0] if kb else None,
                         kb={k: v for k, v in kb[1].items() if k != "type"} if kb else None)
            seen = set()
            for x in ms:
                if (x.start, x.end) in seen:
                    continue
                seen.add((x.start, x.end))
                ent.mentions.append(Mention(x.start, x.end, x.head_start if x.head_start != x.start else None,
                                            x.end if x.head_start != x.start else None))
            for m in ms:
                if m.title:
                    s, t = m.title
                    title = " ".join(doc.text[s:t].split())
                    if title not in ent.titles:
                        ent.titles.append(title)
                    ent.title_spans.append(Span(s, t))  # every occurrence is evidence
            out.append(ent)
        return out

    @staticmethod
    def _kb(m, gaz):
        if m.kb:
            return m.kb
        hit = gaz.entries.get(m.key)
        if not hit:
            return None
        ids = hit.get(m.type) or (hit.get("LOC") if m.type in ("ORG", "MISC") else None) or []
        if m.type == "PER" and len(m.words) < 2:
            return None
        rec = gaz.best_record(ids)
        if rec and m.type == "PER" and rec[1]["kind"] != "actor":
            return None
        return rec

    def _epithets(self, doc):
        if not doc.entities:
            return
        res = _epithet_res()
        view = doc.view
        vt = view.text
        blocks = [(view.from_source(b.start), view.from_source(b.end)) for b in doc.body_blocks()]
        taken = [(mm.start, mm.end) for e in doc.entities for mm in e.mentions]
        for e in doc.entities:
            keys = {_pkey(e.canonical)} | {_pkey(doc.text[(mm.head_start or mm.start) : mm.end]) for mm in e.mentions}
            for key in keys:
                rx = res.get(key)
                if rx is None:
                    continue
                for va, vb in blocks:
                    for hit in rx.finditer(vt, va, vb):
                        s, t = view.to_source(hit.start(), hit.end())
                        hs, _ = view.to_source(hit.start(2), hit.end(2))
                        if any(s < b and a < t for a, b in taken):
                            continue
                        taken.append((s, t))
                        e.mentions.append(Mention(s, t, hs if hs != s else None, t if hs != s else None))
            e.mentions.sort(key=lambda mm: mm.start)


def _spans(tags):
    return conll_spans(tags)
