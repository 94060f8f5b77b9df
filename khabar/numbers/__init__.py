"""Numbers as Arabic newsrooms write them: digits in three scripts, number words in every case
ending, digits with a scale word («24 ألفاً»), vague amounts, ordinals, hedges, ranges,
percentages and money.

``find_quantities(view_text)`` scans the normalised view once with compiled patterns (built
lazily, once per process, from ``data/ar/numbers.yaml``) and returns :class:`Found` records in
view offsets; the stage maps them to the source.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from ..lexicon import clitics, load
from ..textre import anchored_matches, ends_with, fold, scan_words, trie_pattern, trigger_vocab

# digits: Western (the view folds Eastern and Persian ones), thousands with , ٬ or ، (three
# digits after), decimals with . or ٫; 1.200.000 with two or more dotted groups is thousands
DIGITS = (
    r"\d{1,3}(?:\.\d{3}){2,}(?![\d.])"
    r"|\d{1,3}(?:[,\u066C\u060C]\d{3})+(?:[.\u066B]\d+)?(?!\d)"
    r"|\d+(?:[.\u066B]\d+)?"
)
# «1,7 مليون»: one or two digits after a comma are decimals when a scale word follows
_DECIMAL_COMMA = r"\d{1,3},\d{1,2}"
_LB = r"(?<![^\W_])"  # start of a word
_RB = r"(?![^\W_])"  # end of a word


@dataclass(slots=True)
class Found:
    start: int
    end: int
    value: float | int | None
    number_start: int
    number_end: int
    approximate: bool = False
    bound: str | None = None
    vague: bool = False
    kind: str = "cardinal"
    unit: str | None = None
    high: float | int | None = None


class _Lex:
    """The folded vocabulary and the compiled patterns."""

    def __init__(self):
        d = load("ar/numbers.yaml")
        self.words: dict[str, tuple[str, float]] = {}  # form -> (type, value)
        for v, forms in d["units"].items():
            for f in forms:
                self.words[fold(f)] = ("unit", v)
        for v, forms in d["teens"].items():
            for f in forms:
                self.words[fold(f)] = ("unit", v)
        for v, forms in d["tens"].items():
            for f in forms:
                self.words[fold(f)] = ("unit", v)
        for v, forms in d["hundreds"].items():
            for f in forms:
                self.words[fold(f)] = ("unit", v)
        for v, forms in d["fractions"].items():
            for f in forms:
                self.words[fold(f)] = ("fraction", v)
        self.scale_one: dict[str, int] = {}
        self.scale_two: dict[str, int] = {}
        self.scale_many: dict[str, int] = {}
        for v, kinds in d["scales"].items():
            for f in kinds["one"]:
                self.scale_one[fold(f)] = v
            for f in kinds["two"]:
                self.scale_two[fold(f)] = v
            for f in kinds["many"]:
                self.scale_many[fold(f)] = v
        for table, typ in ((self.scale_one, "scale"), (self.scale_two, "scale2"), (self.scale_many, "scales")):
            for f, v in table.items():
                self.words[f] = (typ, v)
        # «ثلاثة عشر»: unit + 10
        for f in d["teen_suffix"]:
            self.words.setdefault(fold(f), ("unit", 10))
        self.teen_suffix = {fold(f) for f in d["teen_suffix"]}
        self.vague = {fold(f): v for v, forms in d["vague"].items() for f in forms}
        self.ordinals = {fold(f): v for v, forms in d["ordinals"].items() for f in forms}
        self.ordinal_units = {fold(f): v for v, forms in d["ordinal_units"].items() for f in forms}
        self.hedge = {fold(f): k for k, forms in d["hedges"].items() for f in forms}
        self.hedge_after = {fold(f): k for k, forms in d["hedges_after"].items() for f in forms}
        self.percent = {fold(f) for f in d["percent_words"]}
        self.currency = {fold(f): code for code, forms in d["currencies"].items() for f in forms}
        self.range_open = [fold(f) for f in d["range_open"]]
        self.range_join = {fold(f) for f in d["range_join"]}
        self.range_between, self.range_and, self.range_from = fold(d["range_between"]), fold(d["range_and"]), fold(d["range_from"])
        self.range_to = {fold(f) for f in d["range_to"]}
        self.clitics = tuple(fold(f) for f in d["clitics"])
        self.clitic_letters = "".join(c for c in self.clitics if len(c) == 1)
        self.not_alone = {fold(f) for f in d["not_alone"]}
        c = clitics()
        wa, li = c["wa"], c["li"]
        self.wa = wa
        # a clitic before a number word: و، ف، بـ, or لـ when it does not begin «لل» (the article)
        cl = rf"(?:[{''.join(c['conj'])}{c['bi']}]|{li}(?!{c['lil'][len(li):]}))?"
        # the letters glued to digits that still start a number («و5», «بـ10»)
        glued = "".join(c["conj"]) + c["bi"] + li + c["ka"]
        # Arabic letters that, right before digits, make them part of a word; all but «و», after
        # which a number may start
        wa_cp = ord(wa)
        letters = rf"\u0621-\u{wa_cp - 1:04X}\u{wa_cp + 1:04X}-\u064A\u0671-\u06D3"
        # «الحادي والعشرين»: an ordinal unit, «و», an ordinal ten
        self.compound_re = re.compile(rf"(\S+)\s+{wa}\s*(\S+)")

        word_alt = trie_pattern(self.words)
        scale_alt = trie_pattern(list(self.scale_one) + list(self.scale_two) + list(self.scale_many))
        # a run of number words joined by «و» or a scale word
        # «الخمسة», «الاثنا عشر»: a definite number from three to nineteen (not «الاثنين», Monday,
        # nor a definite ten, which is mostly an ordinal: «الذكرى السبعين»)
        self.definite = {w for w, (typ, v) in self.words.items() if typ == "unit" and 3 <= v <= 19}
        def_alt = trie_pattern(sorted(self.definite))
        words_re = rf"{_LB}{cl}(?:{word_alt}|{c['det']}(?:{def_alt})){_RB}(?:\s+{wa}?\s*(?:{word_alt}){_RB})*"
        # («مقتل25 شخصا», «نحو500»: a listed word glued to digits by a lost space still leaves
        # them a number; «فرانس24», «إف16» stay names; «140عنصرا»: Arabic letters glued after the
        # digits are the next word, Latin ones a code, «F16», «10km»)
        self.glued_words = {fold(w) for w in d["glued_words"]}
        self.arabic_letter = re.compile(rf"[{letters}]")
        num = rf"(?:(?:(?<![0-9A-Za-z.,/\u066B\u066C_-])|(?<=(?<![^\W_])[{glued}]))(?:{_DECIMAL_COMMA}(?=\s*(?:{scale_alt}){_RB})|{DIGITS})(?![0-9A-Za-z_\u066B\u066C]|[.,]\d)(?:\s*(?:{scale_alt}){_RB})?|{words_re})"
        self.num_re = num
        ord_compound = rf"(?:{trie_pattern(self.ordinal_units)})\s+{wa}\s*(?:{trie_pattern([w for w in self.ordinals if w.startswith(c['det'])])})"
        ord_alt = rf"{_LB}[{''.join(c['conj'])}{c['bi']}]?(?:{ord_compound}|{trie_pattern(self.ordinals)}){_RB}"
        vague_alt = rf"{_LB}{cl}(?:{trie_pattern(self.vague)}){_RB}"
        hedge_alt = rf"{_LB}{cl}(?:{trie_pattern(self.hedge)})"
        after_alt = trie_pattern(list(self.hedge_after))
        pct_alt = trie_pattern(self.percent)
        cur_alt = trie_pattern(self.currency)
        join_alt = trie_pattern(self.range_join)
        ropen_alt = "|".join(r"\s+".join(map(re.escape, f.split())) for f in sorted(self.range_open, key=len, reverse=True))
        # trigger words: the first word of every number word, vague amount, ordinal and currency
        # sign; digits trigger on their own. Hedges come before them: tried from up to 24
        # characters back («ما لا يزيد على»).
        first = lambda forms: {f.split()[0] for f in forms}  # noqa: E731
        self.vocab = trigger_vocab({"n": first(self.words) | first(self.vague) | first(self.ordinals) | {"$"}})
        self.re = re.compile(
            rf"(?:(?P<hedge>{hedge_alt})\s+)?"
            rf"(?:(?P<ropen>{_LB}{cl}(?:{ropen_alt}))\s+(?P<lo>{num})\s*(?P<join>{join_alt})\s*(?P<hi>{num})"
            rf"|(?P<cur0>\$)\s*(?P<n0>{num})"
            rf"|(?P<n>{num})"
            rf"|(?P<vague>{vague_alt})"
            rf"|(?P<ord>{ord_alt}))"
            rf"(?:\s*(?P<pct>{pct_alt}){_RB}?)?"
            rf"(?:\s*(?P<cur>{cur_alt}){_RB})?"
            # («19,811 طفلاً وأكثر من 12500 امرأة»: «وأكثر من» opens the next figure)
            rf"(?:(?P<gap>\s+[^\W\d_]+)??\s+(?P<after>{after_alt}){_RB}(?!\s+{re.escape(self.range_from)}{_RB}))?"
        )
        # hedges and range words sit up to 24 characters before a number («ما لا يزيد على»)
        lead = {f.split()[-1] for f in self.hedge} | {f.split()[-1] for f in self.range_open} | {"$"}
        self.kinds = {"n": ([(0, self.re)], 24, True, ends_with(lead))}


@functools.cache
def lex() -> _Lex:
    return _Lex()


def parse_number(s: str) -> float | int | None:
    """Value of one number phrase in view form: digits, words, or digits with a scale word."""
    L = lex()
    s = s.strip()
    dc = _DECIMAL_COMMA_REST.match(s)
    if dc and dc.group(3).strip():
        s = f"{dc.group(1)}.{dc.group(2)}{dc.group(3)}"  # «1,7 مليون»: a decimal comma before a scale word
    m = _DIGITS_REST.match(s)
    if m:
        rest = m.group(2).strip()
        v = _digits(m.group(1), scaled=bool(rest))
        if rest:
            scale = L.scale_one.get(rest) or L.scale_many.get(rest) or L.scale_two.get(rest)
            if scale is None:
                return None
            v = v * scale
        return _tidy(v)
    return _words(s)


_DIGITS_REST = re.compile(rf"({DIGITS})\s*(.*)$", re.S)
_DECIMAL_COMMA_REST = re.compile(r"(\d{1,3}),(\d{1,2})(\s*\D.*)$", re.S)
_DOTTED = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")
_DOTTED_ONE = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_THOUSANDS = re.compile(r"[,\u066C\u060C]")


def _digits(s: str, scaled: bool = False) -> float | int:
    if _DOTTED.fullmatch(s) or (not scaled and _DOTTED_ONE.fullmatch(s)):
        # «10.000»: one dotted group of three digits and no scale word is thousands («8.500
        # مليون» is 8.5 million; a decimal is seldom written with three places)
        return int(s.replace(".", ""))
    s = _THOUSANDS.sub("", s).replace("\u066B", ".")
    return float(s) if "." in s else int(s)


def _tidy(v):
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return int(v)
    return v


def _words(s: str) -> float | int | None:
    L = lex()
    # split into known forms, longest first (forms may hold spaces: «ثلاث مئة»)
    toks = []
    rest = s
    while rest:
        rest = rest.lstrip()
        if not rest:
            break
        best = _form_at(rest)
        if best is None and rest[0] in L.clitic_letters:
            # «وخمسون», or a clitic before the first word («بثلاثة»)
            best = _form_at(rest[1:])
            if best is not None:
                rest = rest[1:]
        det = clitics()["det"]
        if best is None and not toks:
            # «الخمسة», «والاثنا عشر»: the article on the first word
            bare = rest[1:] if rest[:1] in L.clitic_letters and rest[1:].startswith(det) else rest
            if bare.startswith(det):
                best = _form_at(bare[len(det) :])
                if best is not None and best in L.definite:
                    rest = bare[len(det) :]
                else:
                    best = None
        if best is None:
            return None
        toks.append(L.words[best])
        rest = rest[len(best) :]
    if not toks:
        return None
    total = 0.0
    cur = 0.0
    seen = False
    for typ, v in toks:
        if typ == "unit":
            if v == 10 and cur and cur < 10 and seen:  # «ثلاثة عشر»
                cur += 10
            else:
                cur += v
        elif typ == "fraction":
            cur += v
        elif typ == "scale":
            total += (cur or 1) * v
            cur = 0
        elif typ == "scale2":
            total += (cur or 1) * 2 * v
            cur = 0
        elif typ == "scales":
            if not cur:
                return None  # «آلاف» alone is vague, not a value
            total += cur * v
            cur = 0
        seen = True
    return _tidy(total + cur)


def _form_at(rest: str) -> str | None:
    m = _form_re().match(rest)
    return m.group() if m else None


@functools.cache
def _form_re() -> re.Pattern:
    # the longest number word at the start, as a whole word (forms may hold spaces)
    return re.compile(rf"(?:{trie_pattern(lex().words)})(?![^\W_])")


@functools.cache
def _forms_by_length() -> tuple[str, ...]:
    return tuple(sorted(lex().words, key=len, reverse=True))


def _ordinal(s: str) -> int | None:
    L = lex()
    s = s.strip()
    for pre in ("", *lex().clitics):
        if pre and not s.startswith(pre):
            continue
        body = s[len(pre) :]
        if body in L.ordinals:
            return L.ordinals[body]
        m = L.compound_re.fullmatch(body)
        if m and m.group(1) in L.ordinal_units and m.group(2) in L.ordinals:
            return L.ordinal_units[m.group(1)] + L.ordinals[m.group(2)]
    return None


def _strip_clitic(s: str, table) -> str:
    if s in table:
        return s
    for pre in lex().clitics:
        if s.startswith(pre) and s[1:] in table:
            return s[1:]
    return s


def find_quantities(text: str, start: int = 0, end: int | None = None, *, regions=None, skip=()) -> list[Found]:
    """Quantities in ``text[start:end]`` (a normalised view), or in each of ``regions`` (view
    ``(start, end)`` pairs), in order, not overlapping. No number starting inside one of the
    sorted view spans ``skip`` (time expressions) is read."""
    L = lex()
    end = len(text) if end is None else end
    regions = regions if regions is not None else [(start, end)]
    hits = scan_words(text, min((a for a, _ in regions), default=0), max((b for _, b in regions), default=0), L.vocab, "n")
    if skip:
        starts = [s for s, _ in skip]
        kept = []
        for h in hits:
            k = bisect.bisect_right(starts, h[0]) - 1
            if k < 0 or h[0] >= skip[k][1]:
                kept.append(h)
        hits = kept
    pos = [h[0] for h in hits]
    out: list[Found] = []
    for a, b in regions:
        i, j = bisect.bisect_left(pos, a), bisect.bisect_left(pos, b)
        if i == j:
            continue
        cands = anchored_matches(hits[i:j], L.kinds, text, a, b)
        cands.sort(key=lambda c: (c[0], c[1]))
        last = -1
        for s, _, _, m in cands:
            if s < last:
                continue
            f = _build(m, L)
            if f is not None:
                out.append(f)
                last = m.end()
    return _join_compounds(text, out)


def _join_compounds(text: str, found: list[Found]) -> list[Found]:
    """«ستة آلاف و259», «ألف و500»: a round figure of thousands (or hundreds) and a smaller one
    joined to it by «و» are one number."""
    wa = clitics()["wa"]
    out: list[Found] = []
    for f in found:
        p = out[-1] if out else None
        if (
            p is not None and p.kind == f.kind == "cardinal" and not p.vague and not f.vague
            and p.high is None and f.high is None and p.unit is None and f.unit is None
            and f.bound is None and not f.approximate
            and (text[p.number_end : f.number_start].strip() == wa or (not text[p.number_end : f.number_start].strip() and text.startswith(wa, f.number_start)))
            # (written with a scale word: «1000 و500 جريح» are two figures)
            and any(ch.isalpha() for ch in text[p.number_start : p.number_end])
            and isinstance(p.value, int) and isinstance(f.value, int)
            and any(p.value >= r and p.value % r == 0 and f.value < r for r in (1000, 100))
        ):
            out[-1] = Found(p.start, f.end, p.value + f.value, p.number_start, f.number_end, p.approximate, p.bound)
            continue
        out.append(f)
    return out


def _build(m: re.Match, L: _Lex) -> Found | None:
    g = m.group
    hedge = g("hedge")
    approximate, bound = False, None
    if hedge:
        h = " ".join(_strip_clitic(" ".join(hedge.split()), L.hedge).split())
        kind_h = L.hedge.get(h)
        if kind_h == "approximate":
            approximate = True
        elif kind_h:
            bound = kind_h
    kind, unit, high, vague = "cardinal", None, None, False
    if g("lo") is not None:
        lo, hi = parse_number(_num_text(g("lo"))), parse_number(_num_text(g("hi")))
        if lo is None or hi is None:
            return None
        opener = " ".join(g("ropen").split())
        join = g("join")
        # «من 10 إلى 15» and «بين 10 و15» are ranges; «من 10 و15» is not
        if (L.range_between in opener) != (join == L.range_and) and not (join in L.range_to and L.range_from in opener):
            return None
        if not hi > lo:
            return None
        value, high, kind = lo, hi, "range"
        ns, ne = m.start("ropen"), m.end("hi")
    elif g("n0") is not None:
        value = parse_number(_num_text(g("n0")))
        if value is None:
            return None
        unit, kind = "USD", "money"
        ns, ne = m.start("cur0"), m.end("n0")
    elif g("n") is not None:
        text_n = _num_text(g("n"))
        if _strip_clitic(text_n, L.not_alone) in L.not_alone:
            return None
        value = parse_number(text_n)
        ns, ne = m.start("n"), m.end("n")
        if ns > 0 and text_n[:1].isdigit() and L.arabic_letter.match(m.string, ns - 1) and not _glued_ok(m.string, ns, L):
            return None
        if value is None:
            return None
    elif g("vague") is not None:
        value, vague = None, True
        ns, ne = m.start("vague"), m.end("vague")
    else:
        value = _ordinal(" ".join(g("ord").split()))
        if value is None:
            return None
        kind = "ordinal"
        ns, ne = m.start("ord"), m.end("ord")
    end = ne
    if kind != "ordinal":
        if g("pct"):
            kind = "percent"
            unit = "%"
            end = m.end("pct")
        elif g("cur"):
            kind = "money"
            unit = L.currency.get(" ".join(g("cur").split()))
            end = m.end("cur")
        if g("after"):
            k = L.hedge_after.get(" ".join(g("after").split()))
            if k == "approximate":
                approximate = True
            elif k and bound is None:
                bound = k
            end = m.end("after")
    elif g("pct") or g("cur"):
        end = ne
    if hedge and L.wa in m.string[m.end("hedge") : ns + 1]:
        # «قتيلين على الأقل وخمسة جرحى»: the hedge ends the figure before; «و» opens another
        hedge, approximate, bound = None, False, None
    start = m.start("hedge") if hedge else ns
    if hedge and bound is None and not approximate:
        start = ns
    return Found(start, end, value, ns, ne, approximate, bound, vague, kind, unit, high)


def _glued_ok(text: str, ns: int, L) -> bool:
    """Digits right after Arabic letters: a number only after a clitic letter at a word's start
    («و5», «بـ10») or a listed word whose space was lost («مقتل25»)."""
    a = ns
    while a > 0 and not text[a - 1].isspace() and not text[a - 1].isdigit():
        a -= 1
    word = text[a:ns]
    return len(word) == 1 or word in L.glued_words or (word[:1] in L.clitic_letters and word[1:] in L.glued_words)


def _num_text(s: str) -> str:
    return " ".join(s.split())
