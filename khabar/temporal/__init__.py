"""Arabic time expressions resolved to calendar values.

``find_times(text, ref)`` scans a normalised view (see ``khabar.normalise``) with patterns built
once per process from ``data/ar/times.yaml`` and returns :class:`Found` records in view offsets,
in text order. Resolution needs a reference date (the day the article speaks from); without one,
absolute dates still resolve and relative ones carry an ``unresolved:`` flag. The parser never
looks at the clock.

Anaphoric days («اليوم السابق») resolve against the last day-precision date before them; bare
weekdays against the reference date, backwards unless the sentence speaks of the future.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from ..lexicon import clitics, load
from ..numbers import lex as nlex
from ..numbers import parse_number
from ..textre import anchored_matches, ends_with, fold, scan_words, trie_pattern, trigger_vocab

_LB = r"(?<![^\W_])"
_RB = r"(?![^\W_])"
_C = clitics()
# clitics before a time word: a conjunction, then a preposition («وبالأمس», «للعام»)
_CL = rf"(?:[{''.join(_C['conj'])}]?[{_C['bi']}{_C['li']}{_C['ka']}]?)"
_CLITIC_LETTERS = "".join(_C["conj"]) + _C["bi"] + _C["li"] + _C["ka"]
_DET, _LIL, _WA = _C["det"], _C["lil"], _C["wa"]


# how far before its first trigger word an expression may start («صباح يوم الخميس الموافق»)
_BACK = 48


@dataclass(slots=True)
class Found:
    start: int
    end: int
    value: str | None
    precision: str | None
    anchor: str | None
    calendar: str = "gregorian"
    flags: tuple[str, ...] = ()
    kind: str = "date"
    day: dt.date | None = field(default=None, repr=False)  # the resolved day, for anaphora


def _alt(forms) -> str:
    """Alternation of folded forms; a form with the article also in its «لل» shape («للعام»)."""
    folded = [fold(f) for f in forms]
    return trie_pattern(folded + [_LIL + f[len(_DET):] for f in folded if f.startswith(_DET) and len(f) > 3])


def _seq(forms) -> str:
    """Alternation of folded forms in their order in the data file (a space matches any run)."""
    return "|".join(r"\s+".join(map(re.escape, fold(f).split())) for f in forms)


class _Lex:
    def __init__(self):
        d = load("ar/times.yaml")
        self.month = {}
        self.month_locale: dict[str, set[str]] = {}
        for num, locales in d["months"].items():
            for loc, forms in locales.items():
                for f in forms:
                    self.month[fold(f)] = num
                    self.month_locale.setdefault(fold(f), set()).add(loc)
        self.ambiguous_months = {fold(f) for f in d["ambiguous_months"]}
        self.hijri = {fold(f): n for n, forms in d["hijri_months"].items() for f in forms}
        self.ambiguous_hijri = {fold(f) for f in d["ambiguous_hijri_months"]}
        self.weekday = {fold(f): n for n, forms in d["weekdays"].items() for f in forms}
        self.past = {fold(f) for f in d["past_words"]}
        self.future = {fold(f) for f in d["future_words"]}
        self.before_month = {fold(f) for f in d["before_month"]}
        self.current = {fold(f) for f in d["current_words"]}
        self.future_cues = {fold(f) for f in d["future_cues"]}
        self.future_exceptions = tuple(fold(f) for f in d["future_prefix_exceptions"])
        self.future_verbs = {fold(f) for f in d["future_verbs"]}
        self.future_phrases = tuple(c for c in self.future_cues if " " in c)
        self.past_cues = {fold(f) for f in d["past_cues"]}
        self.rel_pronouns = {fold(f) for f in d["relative_pronouns"]}
        self.reldays = {fold(f): int(k) for k, forms in d["relative_days"].items() for f in forms}
        self.last_night = {fold(f) for f in d["last_night"]}
        self.anaphoric = {fold(f): int(k) for k, forms in d["anaphoric_days"].items() for f in forms}
        self.unit_forms = {}
        for unit, kinds in d["units"].items():
            for k, forms in kinds.items():
                for f in forms:
                    self.unit_forms[fold(f)] = (unit, k)
        self.unit_def = {fold(f): u for u, forms in d["unit_definite"].items() for f in forms}
        self.ago = {fold(f) for f in d["ago_words"]}
        self.later = {fold(f) for f in d["later_words"]}
        self.ordday = {fold(f): n for n, forms in d["ordinal_days"].items() for f in forms}
        self.year_cues = {fold(f) for f in d["year_cues"]}
        self.hijri_suffix = {fold(f) for f in d["hijri_suffix"]}
        self.greg_suffix = {fold(f) for f in d["gregorian_suffix"]}
        self.since = {fold(f) for f in d["since_words"]}
        self.month_preps = {fold(f) for f in d["month_prepositions"]}
        self.year_ordinals = {fold(f) for f in d["year_after_ordinals"]}
        self.weak_year_cues = {fold(f) for f in d["weak_year_cues"]}
        self.count_nouns = {fold(f) for f in d["count_nouns_before"]}
        self.after_year_ok = {fold(f) for f in d["after_year_ok"]}
        # «للعام»: after the preposition ل the alef of ال drops
        for k, u in list(self.unit_def.items()):
            if k.startswith(_DET):
                self.unit_def[_LIL + k[len(_DET):]] = u
        self.not_monday_after = {fold(f) for f in d["not_monday_after"]}
        self.future_prefix = fold(d["future_prefix"])
        self.future_persons = "".join(fold(f) for f in d["future_person_prefixes"])
        self.definite_prefixes = tuple(fold(f) for f in d["definite_prefixes"])

        month = _alt(self.month)
        hmonth = _alt(self.hijri)
        wday = _alt(self.weekday)
        rel = _alt(d["past_words"] + d["future_words"] + [w for w in d["current_words"] if " " not in w and w.startswith(_DET)])
        parts = _alt(d["period_parts"])
        dateword = _alt(d["date_words"])
        yword = _alt(d["year_words"])
        wprefix = _alt(d["weekday_prefix"])
        ordday = _alt(self.ordday)
        ysuf = _alt(d["gregorian_suffix"] + d["hijri_suffix"])
        hsuf = _alt(d["hijri_suffix"])
        self.ysuf_re = ysuf
        # a year after a month: «2023», «، 2023», «عام 2023», «( 1950 )», «من عام 2014»
        year_tail = (
            rf"(?:\s*[,،/]?\s*(?:(?:{_seq(d['month_year_links'])})\s+(?=(?:{yword})))?(?:(?:{yword})\s*)?(?P<yp>\(\s*)?(?P<year>\d{{4}}|\d{{3}}(?=\s*(?:{ysuf}){_RB}))"
            rf"(?(yp)\s*\))(?:\s*(?P<ysuf>{ysuf}){_RB})?(?!\d|\s*[/.-]\s*\d|\s*[%٪]))?"
        )
        pair = rf"(?:\s*(?:/|\\|-|–)\s*(?P<m2a>{month})|\s*\(\s*(?P<m2b>{month})\s*\)|\s+(?P<m2c>{month}))?"
        numdate = (
            r"(?P<na>\d{1,4})\s*(?P<sep>[/.-])\s*(?:(?P<nd2>\d{1,2})\s*/\s*(?=\d{1,2}\s*/\s*\(?\s*\d{4}))?(?P<nb>\d{1,2})\s*(?P=sep)"
            r"\s*(?P<ncp>\(\s*)?(?P<nc>\d{4}|\d{2})(?(ncp)\s*\))"
        )
        day = rf"(?:(?<![^\W_]){_DET}(?=\d))?(?P<day>(?<![\d.,/])\d{{1,2}}(?![\d%٪])|{_LB}(?:{ordday}))"
        reld = trie_pattern(self.reldays)
        # «الخميس الموافق 5 نوفمبر», «الخميس الموافق لـ 5 نوفمبر»
        date_link = _seq(d["weekday_date_links"])
        date_link_li = _seq(f"{f} {_C['li']}" for f in d["weekday_date_links"])
        day_of = _seq(d["day_month_links"])
        shahr = _alt(d["month_word"])
        wd_head = rf"(?:(?P<rdp>{_LB}{_CL}(?:(?:{_alt(d['day_parts'])})\s+)?(?:{reld}))\s+)?(?:(?P<wdp>{_CL}(?:{wprefix}))\s+)?(?P<wd>{_LB}{_CL}(?:{wday}){_RB})\s*[,،]?\s*(?:(?:{date_link}|{date_link_li})\s+|\(\s*)?"
        self.greg = re.compile(
            rf"(?:(?P<pre>{_LB}{_CL}(?:{dateword}|{parts}|{_seq(d['day_openers'])})){_RB}\s+)?"
            rf"(?:{wd_head})?"
            rf"(?:{day}(?:\s+(?:{day_of}))?(?:\s*/\s*|\s+|(?<=\d)(?=\D)))?"
            rf"(?:(?P<shahr>{_LB}{_CL}(?:{shahr}))\s+)?"
            rf"(?P<m1>{_LB}{_CL}(?:{month}))(?!\w){pair}"
            rf"(?:\s*\(\s*(?P<inner>{numdate})\s*\)"
            rf"|\s*/\s*(?P<ys>\d{{4}}){_RB}"
            rf"|\s+(?P<same>{_alt(d['same_year'])}){_RB}"
            rf"|\s+(?:{_alt(d['of_year'])})\s+(?P<yrel>{rel}){_RB}"
            rf"|{year_tail})"
            rf"(?:\s+(?P<rel>{rel}){_RB})?"
        )
        coord = _alt(d["month_coordinators"])
        # «جوان وجويلية من سنة 2017», «نوفمبر أو ديسمبر المقبلين»: what follows the second month
        self.coord_re = re.compile(
            rf"\s*(?:{coord})\s*(?:\d{{1,2}}\s+)?(?:{month})(?:\s*/\s*(?:{month}))?"
            rf"(?:\s*[,،]?\s*(?:(?:{_seq(d['paired_months_year_links'])})\s+)?(?:(?:{yword})\s*)?(?P<cyear>\d{{4}}){_RB}|\s+(?P<crel>{rel}){_RB})"
        )
        self.numeric = re.compile(
            rf"(?:(?P<pre>{_LB}{_CL}(?:{dateword}|{_seq(d['numeric_date_openers'])})){_RB}\s*:?\s*)?"
            rf"(?:(?P<wd>{_LB}{_CL}(?:{wday}))\s*[,،]?\s*(?:(?:{date_link})\s+)?)?"
            rf"(?P<open>\(\s*)?"
            rf"(?<![\d/.-])(?:{numdate}|(?P<pa>\d{{1,2}})\s*/\s*(?P<pb>\d{{1,2}})(?=\s*\)?\s*(?:[.,،]|$)))(?![\d/]|\.\d)"
            rf"(?(open)\s*\))"
            rf"(?:\s*(?P<suf>{ysuf}){_RB})?"
        )
        self.hijri_re = re.compile(
            rf"(?:(?P<day>(?<![\d.,/])\d{{1,2}}|{_LB}(?:{ordday}))(?:\s+(?:{day_of}))?\s*(?:/\s*)?)?"
            rf"(?:(?P<shahr>{_LB}{_CL}(?:{shahr}))\s+)?"
            rf"(?P<m>{_LB}{_CL}(?:{hmonth}))(?!\w)"
            rf"(?:\s*/?\s*(?:(?:{yword})\s+)?(?P<year>\d{{4}}|\d{{3}}))?"
            rf"(?:\s*(?P<suf>{hsuf}){_RB})?"
            rf"(?:\s+(?:{_alt(d['hijri_epithets'])}){_RB})?"
        )
        self.year_re = re.compile(
            rf"(?P<yw>{_LB}{_CL}(?:{yword}|{dateword}|(?:{parts})\s+(?:{yword}))){_RB}?\s*:?\s*(?P<yp>\(\s*)?(?P<year>\d{{4}}|\d{{3}}(?=\s*\)?\s*(?:{ysuf}){_RB}))"
            rf"(?:\s*[/-]\s*(?P<y2>\d{{4}}))?(?(yp)\s*\))(?:\s*(?P<suf>{ysuf}){_RB})?(?![\d%٪]|[.,]\d)"
            rf"|(?P<bp>\(\s*)?(?:(?<![\w.,/٫٬-])|(?<=(?<![^\W_]){_WA}))(?P<bare>\d{{4}})(?:\s*[-–]\s*(?P<b2>\d{{4}}))?(?(bp)\s*\))(?:\s*(?P<bsuf>{ysuf}){_RB})?(?![\w%٪]|[.,]\d)"
        )
        reldays = trie_pattern(list(self.reldays) + list(self.last_night))
        units_1m = trie_pattern([f for f, (u, k) in self.unit_forms.items() if k != "two"])
        units_2 = trie_pattern([f for f, (u, k) in self.unit_forms.items() if k == "two"])
        anaph = trie_pattern(self.anaphoric)
        dpart = _alt(d["day_parts"])
        not_today = _alt(d["not_today_after"])
        self.rel_re = re.compile(
            rf"(?P<ana>{_LB}{_CL}(?:(?:{dpart})\s+)?(?:{anaph})){_RB}"
            rf"|(?P<rd>{_LB}{_CL}(?:(?:{dpart})\s+)?(?:{reldays})){_RB}(?!\s+(?:{not_today}){_RB})"
            rf"(?:\s*[,،]?\s*(?P<rwd>{wday}){_RB})?"
            rf"|(?P<wdx>{_LB}{_CL}(?:(?:{wprefix})\s+)?(?:{wday})){_RB}(?:\s+(?P<wrel>{rel}){_RB})?"
            rf"|(?P<ud>{_LB}{_CL}(?:(?:{_seq(d['demonstratives'])})\s+)?(?:{_alt(self.unit_def)})){_RB}(?:\s+(?P<urel>{rel}){_RB})?"
            rf"|(?P<dur>{_LB}{_CL}(?:(?:{nlex().num_re}|{_alt(d['duration_quantifiers'])})\s+(?:{units_1m})|{units_2})){_RB}"
            rf"|(?P<era>{_LB}{_CL}(?:{_alt(d['era_words'])})\s+{_DET}[^\W\d_]{{3,}}(?:{_C['nisba_fem']}|{_C['nisba']})){_RB}"
            rf"|(?P<freq>{_LB}{_CL}(?:{_alt(d['frequency_words'])})){_RB}"
            rf"|(?P<vague>{_LB}{_CL}(?:{_alt(d['vague_periods'])})(?:\s+(?:{nlex().num_re}))?\s+(?:{_alt(d['vague_modifiers'])})){_RB}"
            rf"|(?P<ago>{_LB}{_CL}(?:{_alt(list(self.ago) + list(self.later))}))\s+(?:(?P<agonum>{nlex().num_re})\s+)??(?P<agounit>{_alt(self.unit_forms)}){_RB}(?!\s+(?:{wday})|\s*\(?\s*\d{{3,4}})"
        )
        # the words every expression holds at least one of: a month's first word, a phrase's
        # last word («أول أمس» -> «أمس»)
        stop = {fold(f) for f in d["trigger_stop"]}

        def words(forms, last=False):
            return {(f.split()[-1] if last and f.split()[-1] not in stop else f.split()[0]) for f in forms}

        self.vocab = trigger_vocab({
            "g": words(self.month),
            "h": words(self.hijri),
            "y": {fold(f) for f in d["year_words"] + d["date_words"]},
            "u": set(self.unit_forms),
            "a": set(self.ago) | set(self.later),
            "r": words(set(self.weekday) | set(self.reldays) | set(self.last_night) | set(self.anaphoric)
                       | set(self.unit_def) | {fold(f) for f in d["vague_periods"]}, last=True)
                 | {fold(f).split()[-1] for f in d["frequency_words"]},
            "e": {fold(f).split()[0] for f in d["era_words"]},
        })
        # per trigger: the patterns to try, how far back they may start, and whether a pattern
        # that does not match at the trigger itself can still match with words before it
        # words that may open an expression before its trigger word
        openers = set()
        for forms in (self.reldays, self.anaphoric, self.last_night, self.weekday):
            for f in forms:
                openers.update(f.split()[:-1])
        openers |= {fold(f) for f in d["day_parts"] + d["weekday_prefix"] + d["date_words"] + d["period_parts"]
                    + d["year_words"] + d["ago_words"] + d["later_words"] + d["duration_quantifiers"] + d["current_words"]}
        openers |= set(self.weekday)
        left_r = ends_with(openers)
        # before a month: a day (digits or ordinal), «من», «شهر», a weekday, a period word...
        left_g = ends_with(openers | set(self.ordday) | {w.split()[-1] for w in self.ordday} | set(self.reldays)
                           | self.before_month, digits=True)
        left_u = ends_with(openers | set(nlex().words) | {w.split()[-1] for w in nlex().words}, digits=True)
        self.kinds = {
            "g": ([(0, self.greg)], _BACK, False, left_g),
            "h": ([(2, self.hijri_re)], _BACK, False, left_g),
            # a number of three or four digits may be a year; «( 1948 )» starts at the bracket.
            # Other numbers begin durations, found from their unit word
            "d": ([(4, self.year_re)], 3, True, None),
            "n": ([(1, self.numeric), (4, self.year_re), (3, self.rel_re)], 32, True, left_r),
            "y": ([(4, self.year_re), (1, self.numeric), (3, self.rel_re)], 8, True, None),
            "u": ([(3, self.rel_re)], 32, True, left_u),
            "a": ([(3, self.rel_re)], 0, False, None),
            "e": ([(3, self.rel_re)], 0, False, None),
            "r": ([(3, self.rel_re)], 16, True, left_r),
        }


@functools.cache
def lex() -> _Lex:
    return _Lex()


def _word(s: str | None) -> str:
    if not s:
        return ""
    if "  " not in s and "\n" not in s and "\t" not in s:
        return s
    return " ".join(s.split())


def _strip(s: str, table) -> str:
    """A surface without its clitic (one or two letters), as a key of ``table``."""
    s = _word(s)
    if s in table:
        return s
    if s[:1] in _CLITIC_LETTERS:
        if s[1:] in table:
            return s[1:]
        if s[1:2] in _CLITIC_LETTERS and s[2:] in table:
            return s[2:]
    return s


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


class _Ctx:
    """What resolution needs to know around one match; whether the sentence speaks of what is
    to come is looked up only when asked."""

    __slots__ = ("ref", "day_first", "_args", "_future")

    def __init__(self, ref, day_first, args):
        self.ref, self.day_first, self._args, self._future = ref, day_first, args, None

    @property
    def future(self) -> bool:
        if self._future is None:
            self._future = _future_context(*self._args)
        return self._future


def _nearest_year(month: int, day: int | None, ref: dt.date, future: bool, since: bool = False) -> int:
    """Year of a month (and day) written without one: the closest to the reference date (ties go
    to the past); the next one on or after it when the sentence speaks of the future; the last
    one on or before it after «منذ»."""
    if day is None:
        if since:
            return ref.year if month <= ref.month else ref.year - 1
        if future:
            return ref.year if month >= ref.month else ref.year + 1
        back = (ref.month - month) % 12
        return (ref.year if month <= ref.month else ref.year - 1) if back <= 6 else (ref.year if month > ref.month else ref.year + 1)
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        d = _valid(y, month, min(day, 28) if month == 2 and day == 29 else day)
        if d is None:
            continue
        if future and d < ref or since and d > ref:
            continue
        dist = abs((d - ref).days) + (0.5 if d > ref else 0)
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else ref.year


def _expand_year(y: int, ref: dt.date | None) -> int:
    if y >= 100:
        return y
    base = ref.year if ref else 2000
    cands = [c * 100 + y for c in (base // 100 - 1, base // 100)]
    return min((c for c in cands if c <= base + 10), key=lambda c: abs(c - base), default=cands[0])


def find_times(text: str, ref: dt.date | None, *, regions=None, sentences=None, day_first: bool = True, skip=None) -> list[Found]:
    """Time expressions in the view ``text`` within ``regions`` (view (start, end) pairs, default
    the whole text), in text order. The look-back for future cues stops at sentence-final
    punctuation found on the view (``sentences`` and ``skip`` are accepted and not needed: counts
    are told apart by the year rules themselves)."""
    L = lex()
    regions = regions or [(0, len(text))]
    cands: list[tuple[int, int, int, object]] = []  # start, -len, priority, builder
    hits = scan_words(text, 0, len(text), L.vocab, None, "n", "d")
    pos = [h[0] for h in hits]
    for a, b in regions:
        i, j = bisect.bisect_left(pos, a), bisect.bisect_left(pos, b)
        if i < j:
            cands.extend(anchored_matches(hits[i:j], L.kinds, text, a, b))
    cands.sort(key=lambda c: (c[0], c[1], c[2]))
    # dates first, earliest and longest winning; durations and vague periods («9 عام» in «رقم 9
    # عام 1921») only where no date lies. A candidate that does not resolve to a time («بعد ثورة
    # الخميني عام» is no "after N years") leaves its place to the others.
    taken: list[tuple[int, int]] = []
    flagged = [(s, negl, prio, m, prio == 3 and m.group("ago") is None and m.group("rd") is None and m.group("ana") is None
                 and m.group("wdx") is None and m.group("ud") is None) for s, negl, prio, m in cands]
    out: list[Found] = []
    prev_day: dt.date | None = None
    prev_year: int | None = None
    for weak in (False, True):
        for s, negl, prio, m, is_weak in flagged:
            if is_weak != weak:
                continue
            e = s - negl
            if any(s < te and ts < e for ts, te in taken):
                continue
            ctx = _Ctx(ref, day_first, (text, max(0, s - 80), s, e, L))
            try:
                if prio == 0:
                    f = _greg(m, ctx, L, prev_day, text, prev_year)
                else:
                    f = (_greg, _numeric, _hijri, _relative, _year)[prio](m, ctx, L, prev_day, text)
            except (ValueError, OverflowError):
                f = None
            found = f if isinstance(f, list) else [] if f is None else [f]
            if not found:
                continue
            taken.append((s, e))
            for f in found:
                out.append(f)
                if f.value and f.anchor == "absolute" and f.calendar == "gregorian":
                    prev_year = int(f.value[:4])
                if f.day is not None:
                    prev_day = f.day
    out.sort(key=lambda f: f.start)
    return out


def _is_future_verb(w: str, L: _Lex) -> bool:
    if w[:1] in _C["conj"] and w[1:2] == L.future_prefix:
        w = w[1:]
    return len(w) >= 4 and w[0] == L.future_prefix and w[1] in L.future_persons and not w.startswith(L.future_exceptions)


_LAST_SENTENCE = re.compile(r"[^.!?؟\n]*$")


def _sentence_start(text: str, a: int, s: int) -> int:
    """Where the sentence holding position ``s`` begins, looking back no further than ``a``."""
    return _LAST_SENTENCE.search(text, a, s).start()


def _past_context(text: str, a: int, s: int, L: _Lex) -> bool:
    a = _sentence_start(text, a, s)
    return any(w in L.past_cues for w in text[a:s].split())


def _future_context(text: str, a: int, s: int, e: int, L: _Lex) -> bool:
    after = [w.strip("،,") for w in text[e : e + 40].split()[:3]]
    after = [w for w in after if w]
    if after and after[0] in L.future:
        return True
    if len(after) >= 2 and after[0] in L.rel_pronouns and _is_future_verb(after[1], L):
        return True  # «الخميس، الذي سيعلن فيه»
    a = _sentence_start(text, a, s)  # look back within the sentence only
    window = " ".join(text[a:s].split())
    if any(c in window for c in L.future_phrases):
        return True
    for w in text[a:s].split():
        w = w.strip("،,.:;\"'()«»")
        if w in L.future_cues or _strip(w, L.future_cues) in L.future_cues or _strip(w, L.future_verbs) in L.future_verbs:
            return True
        if _is_future_verb(w, L):  # «سيزور», «وسيقضي»
            return True
    return False


def _weekday_check(d: dt.date, wd: str | None, L: _Lex) -> tuple[str, ...]:
    if not wd:
        return ()
    n = L.weekday.get(_strip(wd, L.weekday))
    if n is None or n == d.weekday():
        return ()
    return ("weekday_mismatch",)


def _greg(m: re.Match, ctx: _Ctx, L: _Lex, prev_day, text, prev_year=None, listed=False) -> Found | None:
    g = m.group
    m1 = _strip(g("m1"), L.month)
    mon = L.month.get(m1)
    if mon is None:
        return None
    m2s = g("m2a") or g("m2b") or g("m2c")
    flags: list[str] = []
    if m2s:
        k2 = _word(m2s)
        mon2 = L.month.get(k2)
        if mon2 is not None and mon2 != mon:
            if g("m2c"):
                return None
            if L.month_locale.get(m1, set()) & L.month_locale.get(k2, set()):
                # two names of one naming system are two months («تشرين الثاني / كانون الأول»),
                # not one month in two systems: each is its own time
                grp = "m2a" if g("m2a") else "m2b"
                out = []
                for sub in (L.greg.match(text, m.start(), m.end("m1")), L.greg.match(text, m.start(grp))):
                    f = _greg(sub, ctx, L, prev_day, text, prev_year, listed=True) if sub else None
                    if isinstance(f, Found):
                        out.append(f)
                return out
            flags.append("month_mismatch")
    start, end = m.start(), m.end()
    day_s, year_s = g("day"), g("year") or g("ys")
    pre = _strip(g("pre"), {}) if g("pre") else ""
    # a bare month needs something that makes it a date
    rel = _word(g("rel") or g("yrel"))
    coord = None
    if not (year_s or rel or g("same")):
        coord = L.coord_re.match(text, m.end())
        if coord:
            year_s = coord.group("cyear")
            rel = _word(coord.group("crel"))
    # a month listed with another one («تشرين الثاني / كانون الأول») is a month by that company
    has_cue = bool(day_s or year_s or m2s or g("shahr") or g("inner") or rel or g("same") or coord or listed)
    if not has_cue:
        before = text[max(0, m.start() - 14) : m.start()].split()
        prev = before[-1] if before else ""
        cue = pre or prev in L.year_cues or _strip(prev, L.year_cues) in L.year_cues
        # «في مارس» is the month, «مارس الضغط» the verb: an ambiguous name needs a preposition
        if not cue or m1 in L.ambiguous_months and _strip(prev, L.month_preps) not in L.month_preps:
            return None
    if g("inner"):
        # «نيسان ( 26 / 4 / 1947 )»: the date in brackets, checked against the month
        f = _from_numeric(g("na"), g("nb"), g("nc"), ctx)
        if f is None:
            return None
        d, fl = f
        if d.month != mon:
            fl = (*fl, "month_mismatch")
        return Found(start, end, d.isoformat(), "day", "absolute", flags=tuple(flags) + fl, kind="date", day=d)
    day = None
    if day_s:
        day = int(day_s) if day_s.isdigit() else L.ordday.get(_strip(day_s, L.ordday))
        if day is None or not 1 <= day <= 31:
            return None
    year = None
    calendar = "gregorian"
    if year_s:
        year = int(year_s)
        suf = _word(g("ysuf"))
        if suf in L.hijri_suffix:
            return None  # a Hijri year after a Gregorian month is a mixed form we do not guess
        if year < 1000:
            return None
    anchor = "absolute"
    if year is None and g("same"):
        if prev_year is None:
            return Found(start, end, None, "day" if day_s else "month", None, flags=("unresolved:no_previous_year",), kind="date")
        year, anchor = prev_year, f"previous:{prev_year:04d}"
    if year is None:
        if ctx.ref is None:
            return Found(start, end, None, "day" if day else "month", None, flags=("unresolved:no_reference_date",), kind="date" if day else "month")
        anchor = "reference_date"
        if rel in L.past:
            year = ctx.ref.year if mon < ctx.ref.month or (day and mon == ctx.ref.month and day < ctx.ref.day) else ctx.ref.year - 1
        elif rel in L.future:
            year = ctx.ref.year if mon > ctx.ref.month or (day and mon == ctx.ref.month and day > ctx.ref.day) else ctx.ref.year + 1
        elif rel in L.current:
            year = ctx.ref.year
        else:
            before = text[max(0, start - 10) : start].split()
            since = bool(before) and _strip(before[-1], L.since) in L.since or _strip(pre, L.since) in L.since
            if not since and not ctx.future:
                since = _past_context(text, max(0, start - 80), start, L)
            year = _nearest_year(mon, day, ctx.ref, ctx.future and not since, since)
    if day:
        d = _valid(year, mon, day)
        if d is None:
            return None
        if g("rdp") and ctx.ref is not None:
            # «اليوم الأحد 19 فيفري 2016»: when the relative day and the weekday agree with each
            # other and not with the written date, the date is the slip
            off = _reloffset(g("rdp"), L)
            if off is not None:
                rd = ctx.ref + dt.timedelta(days=off)
                if rd != d:
                    wdn = L.weekday.get(_strip(g("wd"), L.weekday))
                    if wdn == rd.weekday() and wdn != d.weekday():
                        return Found(start, end, rd.isoformat(), "day", "reference_date", calendar, (*flags, "date_mismatch"), "date", day=rd)
                    flags.append("relative_mismatch")
        flags.extend(_weekday_check(d, g("wd"), L))
        return Found(start, end, d.isoformat(), "day", anchor, calendar, tuple(flags), "date", day=d)
    if g("wd") or g("rdp"):
        # «الأحد مارس» is no date: keep the month only
        start = m.start("m1") if not g("shahr") else m.start("shahr")
    return Found(start, end, f"{year:04d}-{mon:02d}", "month", anchor, calendar, tuple(flags), "month")


def _from_numeric(a: str, b: str, c: str, ctx: _Ctx):
    x, y, z = int(a), int(b), c
    flags: tuple[str, ...] = ()
    if len(a) == 4:  # 2023-11-05
        d = _valid(x, y, int(z)) if len(z) <= 2 else None
        return (d, flags) if d else None
    year = _expand_year(int(z), ctx.ref)
    if len(z) == 2:
        flags = ("two_digit_year",)
    day, mon = (x, y) if ctx.day_first else (y, x)
    if mon > 12 and day <= 12:
        day, mon = mon, day
        flags = (*flags, "month_first")
    d = _valid(year, mon, day)
    return (d, flags) if d else None


def _numeric(m: re.Match, ctx: _Ctx, L: _Lex, prev_day, text) -> Found | None:
    g = m.group
    if g("na") is not None:
        if g("sep") == "." and not g("pre"):
            # 5.11.2023 is a date, 2.5.10 may be a version: require four-digit years
            if len(g("nc")) != 4:
                return None
        f = _from_numeric(g("na"), g("nb"), g("nc"), ctx)
        if f is None:
            return None
        d, flags = f
        if len(g("nc")) == 2 and len(g("na")) != 4 and not g("pre"):
            return None
        if g("nd2"):
            # «9 / 10 / 10 / 1940»: days 9 to 10 of one month; the first day, the last in a flag
            if g("sep") != "/" or not d.day < int(g("nd2")) <= 31:
                return None
            last = _valid(d.year, d.month, int(g("nd2")))
            if last is None:
                return None
            flags = (*flags, f"range_end:{last.isoformat()}")
        flags = flags + _weekday_check(d, g("wd"), L)
        s, e = m.start(), m.end()
        if g("open") and not (g("pre") or g("wd")):
            s, e = m.start("na"), m.end("nc")  # «( 21 / 8 / 1943 )»: the date, not its brackets
        return Found(s, e, d.isoformat(), "day", "absolute", flags=flags, kind="numeric", day=d)
    # «بتاريخ 20/7»: a day and month only after a date word
    if not g("pre"):
        return None
    x, y = int(g("pa")), int(g("pb"))
    day, mon = (x, y) if ctx.day_first else (y, x)
    if not (1 <= mon <= 12 and 1 <= day <= 31):
        return None
    if ctx.ref is None:
        return Found(m.start(), m.end(), None, "day", None, flags=("unresolved:no_reference_date",), kind="numeric")
    d = _valid(_nearest_year(mon, day, ctx.ref, ctx.future), mon, day)
    if d is None:
        return None
    return Found(m.start(), m.end(), d.isoformat(), "day", "reference_date", kind="numeric", day=d)


def _hijri_to_greg(y: int, m: int, d: int) -> dt.date | None:
    from hijridate import Hijri

    try:
        return dt.date(*Hijri(y, m, d).to_gregorian().datetuple())
    except (ValueError, OverflowError):
        return None


def _greg_to_hijri(d: dt.date):
    from hijridate import Gregorian

    try:
        return Gregorian(d.year, d.month, d.day).to_hijri()
    except (ValueError, OverflowError):
        return None


def _hijri(m: re.Match, ctx: _Ctx, L: _Lex, prev_day, text) -> Found | None:
    g = m.group
    key = _strip(g("m"), L.hijri)
    mon = L.hijri.get(key)
    if mon is None:
        return None
    day_s, year_s = g("day"), g("year")
    if key in L.ambiguous_hijri and not (day_s or year_s or g("shahr")):
        return None
    if not (day_s or year_s or g("suf") or g("shahr")):
        return None
    day = None
    if day_s:
        day = int(day_s) if day_s.isdigit() else L.ordday.get(_strip(day_s, L.ordday))
        if day is None or not 1 <= day <= 30:
            return None
    flags: list[str] = []
    anchor = "absolute"
    if year_s:
        year = int(year_s)
    else:
        if ctx.ref is None:
            return Found(m.start(), m.end(), None, "day" if day else "month", None, "hijri", ("unresolved:no_reference_date",), "date" if day else "month")
        h = _greg_to_hijri(ctx.ref)
        if h is None:
            return None
        anchor = "reference_date"
        year = h.year
        # nearest occurrence of that Hijri month
        diff = mon - h.month
        if diff > 6:
            year -= 1
        elif diff < -6:
            year += 1
    if day:
        d = _hijri_to_greg(year, mon, day)
        if d is None:
            return Found(m.start(), m.end(), None, "day", anchor, "hijri", ("unresolved:hijri_out_of_range",), "date")
        return Found(m.start(), m.end(), d.isoformat(), "day", anchor, "hijri", tuple(flags), "date", day=d)
    # a Hijri month straddles two Gregorian ones: name the one holding its 15th day
    d = _hijri_to_greg(year, mon, 15)
    if d is None:
        return Found(m.start(), m.end(), None, "month", anchor, "hijri", ("unresolved:hijri_out_of_range",), "month")
    return Found(m.start(), m.end(), f"{d.year:04d}-{d.month:02d}", "month", anchor, "hijri", ("hijri_month_approx",), "month")


def _reloffset(surface: str, L: _Lex) -> int | None:
    words = _word(surface).split()
    for i in range(len(words)):
        k = _strip(" ".join(words[i:]), L.reldays)
        if k in L.reldays:
            return L.reldays[k]
    return None


def _relative(m: re.Match, ctx: _Ctx, L: _Lex, prev_day, text) -> Found | None:
    g = m.group
    s, e = m.start(), m.end()
    ref = ctx.ref
    if g("ana"):
        words = _word(g("ana")).split()
        off = None
        for i in range(len(words)):
            k = _strip(" ".join(words[i:]), L.anaphoric)
            if k in L.anaphoric:
                off = L.anaphoric[k]
                break
        if off is None:
            return None
        if prev_day is not None:
            d = prev_day + dt.timedelta(days=off)
            return Found(s, e, d.isoformat(), "day", f"previous:{prev_day.isoformat()}", kind="relative", day=d)
        if ref is None:
            return Found(s, e, None, None, None, flags=("unresolved:no_previous_date",), kind="relative")
        d = ref + dt.timedelta(days=off)
        return Found(s, e, d.isoformat(), "day", "reference_date", flags=("no_previous_date",), kind="relative", day=d)
    if g("rd"):
        words = _word(g("rd")).split()
        off = None
        for i in range(len(words)):
            k = _strip(" ".join(words[i:]), L.reldays)
            if k in L.reldays:
                off = L.reldays[k]
                break
            if k in L.last_night:
                off = -1
                break
        if off is None:
            return None
        if ref is None:
            return Found(s, e, None, "day", None, flags=("unresolved:no_reference_date",), kind="relative")
        d = ref + dt.timedelta(days=off)
        flags = _weekday_check(d, g("rwd"), L)
        return Found(s, e, d.isoformat(), "day", "reference_date", flags=flags, kind="relative", day=d)
    if g("wdx"):
        words = _word(g("wdx")).split()
        n = L.weekday.get(_strip(words[-1], L.weekday))
        if n is None:
            return None
        # «الاثنين» after «بين»/«كلا» is «the two», not Monday
        before = text[max(0, s - 6) : s].split()
        if n == 0 and before and before[-1] in L.not_monday_after:
            return None
        if ref is None:
            return Found(s, e, None, "day", None, flags=("unresolved:no_reference_date",), kind="weekday")
        rel = _word(g("wrel"))
        delta = (ref.weekday() - n) % 7
        if rel in L.past:
            d = ref - dt.timedelta(days=delta or 7)
        elif rel in L.future:
            d = ref + dt.timedelta(days=((n - ref.weekday()) % 7) or 7)
        elif rel in L.current:
            d = ref - dt.timedelta(days=delta)
        elif ctx.future:
            d = ref + dt.timedelta(days=(n - ref.weekday()) % 7)
        else:
            d = ref - dt.timedelta(days=delta)
            if g("wrel") and rel not in L.past:
                e = m.end("wdx")
        return Found(s, e, d.isoformat(), "day", "reference_date", kind="weekday", day=d)
    if g("ud"):
        words = _word(g("ud")).split()
        unit = L.unit_def.get(_strip(words[-1], L.unit_def))
        if unit is None:
            return None
        this = len(words) > 1
        rel = _word(g("urel"))
        if rel in L.past:
            k = -1
        elif rel in L.future:
            k = 1
        elif rel in L.current or this:
            k = 0
        else:
            return None
        if not g("urel"):
            e = m.end("ud")
        if ref is None:
            return Found(s, e, None, "month" if unit == "week" else unit, None, flags=("unresolved:no_reference_date",), kind="relative")
        return _unit_value(s, e, ref, unit, k)
    if g("dur"):
        return _duration(m, L)
    if g("vague") or g("era"):
        return Found(s, e, None, None, None, flags=("vague",), kind="vague")
    if g("freq"):
        return Found(s, e, None, None, None, flags=("frequency",), kind="set")
    if g("ago"):
        word = _strip(g("ago"), L.ago | L.later)
        sign = -1 if word in L.ago else 1
        unit, form = L.unit_forms[_word(g("agounit"))]
        if form == "one":
            n = 1
            if g("agonum"):
                n = parse_number(_word(g("agonum")))
                if n is None:
                    return None
        elif form == "two":
            if g("agonum"):
                return None
            n = 2
        else:
            if not g("agonum"):
                return None  # «منذ أيام» is vague
            n = parse_number(_word(g("agonum")))
            if n is None:
                return None
        if not isinstance(n, int) or n <= 0 or n > 400:
            return None
        if ref is None:
            return Found(s, e, None, "month" if unit == "week" else unit, None, flags=("unresolved:no_reference_date",), kind="relative")
        return _unit_value(s, e, ref, unit, sign * n)
    return None


_ISO_UNIT = {"day": "D", "week": "W", "month": "M", "year": "Y"}


def _duration(m: re.Match, L: _Lex) -> Found | None:
    words = _word(m.group("dur")).split()
    unit, form = L.unit_forms.get(words[-1], (None, None))
    if unit is None:
        return None
    n = 2 if form == "two" else parse_number(" ".join(words[:-1])) if len(words) > 1 else 1
    flags = ("duration",) if not isinstance(n, (int, float)) or n <= 0 else (f"duration:P{n:g}{_ISO_UNIT[unit]}",)
    return Found(m.start(), m.end(), None, None, None, flags=flags, kind="duration")


def _unit_value(s: int, e: int, ref: dt.date, unit: str, k: int) -> Found:
    if unit == "day":
        d = ref + dt.timedelta(days=k)
        return Found(s, e, d.isoformat(), "day", "reference_date", kind="relative", day=d)
    if unit == "week":
        d = ref + dt.timedelta(weeks=k)
        # the contract has no week precision: the month of the week's Thursday, and the ISO
        # week in a flag
        y, w, _ = d.isocalendar()
        thu = dt.date.fromisocalendar(y, w, 4)
        return Found(s, e, f"{thu.year:04d}-{thu.month:02d}", "month", "reference_date", flags=(f"week:{y:04d}-W{w:02d}",), kind="relative")
    if unit == "month":
        y, mo = _shift_month(ref.year, ref.month, k)
        return Found(s, e, f"{y:04d}-{mo:02d}", "month", "reference_date", kind="relative")
    return Found(s, e, f"{ref.year + k:04d}", "year", "reference_date", kind="relative")


def _bare_year(text: str, s: int, e: int, L: _Lex) -> bool:
    """A number alone is a year after a year cue («في 2014», «منذ 2011») or after a definite
    noun («الانتفاضة الأولى 1987», «انتخابات 2018» has a cue), when no counted noun follows:
    «واعتقل 2080 في» and «1400 شخص» are counts."""
    before = text[max(0, s - 30) : s].split()
    prev = before[-1].strip("،,:;\"'«»") if before else ""
    prev2 = " ".join(before[-2:]) if len(before) >= 2 else ""
    after = text[e : e + 20].split()
    nxt = after[0] if after else ""
    if _strip(prev, L.count_nouns) in L.count_nouns:
        return False
    if len(before) >= 2 and before[-1] == _WA and len(before[-2]) == 4 and before[-2].isdigit():
        return True  # «عامي 1986 و1989»
    if prev in L.year_ordinals and len(before) >= 2 and before[-2].startswith(_DET):
        return True  # «الانتفاضة الأولى 1987»
    if prev in L.year_cues or _strip(prev, L.year_cues) in L.year_cues or prev2 in L.year_cues:
        if _strip(prev, L.weak_year_cues) not in L.weak_year_cues:
            return True  # «منذ 2014 أدى», «مواليد 1983»
        if nxt[:1] == _WA and nxt[1:2].isdigit():
            return True  # «بين 2010 و2014»
        return not (nxt and nxt[0].isalpha() and not nxt.startswith(_DET) and _strip(nxt, L.after_year_ok) not in L.after_year_ok and nxt not in L.after_year_ok)
    if _strip(prev, {}).startswith(L.definite_prefixes) and len(prev) > 3:
        # a definite word then the number at a clause end
        return not nxt or not nxt[0].isalpha() or _strip(nxt, L.after_year_ok) in L.after_year_ok
    return False


def _year(m: re.Match, ctx: _Ctx, L: _Lex, prev_day, text) -> Found | None:
    g = m.group
    flags: list[str] = []
    if g("year"):
        y = int(g("year"))
        suf = _word(g("suf"))
        y2 = g("y2")
        s = m.start()
    else:
        y = int(g("bare"))
        suf = _word(g("bsuf"))
        y2 = g("b2")
        s = m.start("bare") if not g("bp") else m.start("bare")
        if suf and len(suf) == 1 and suf in L.greg_suffix and not 1800 <= y <= 2100:
            return None  # «1000 م» is a length
        if not (suf or g("bp") or y2):
            if not 1800 <= y <= 2099 or not _bare_year(text, s, m.end(), L):
                return None
        elif not (suf or y2) and g("bp"):
            if not 1800 <= y <= 2099:
                return None
    e = m.end()
    if g("bp") and not g("year"):
        # «( 1948 )»: the year, not its brackets
        e = m.end("b2") if y2 else m.end("bare")
        if suf:
            s, e = m.start(), m.end()
    calendar = "gregorian"
    if suf in L.hijri_suffix:
        calendar = "hijri"
        from hijridate import Hijri

        try:
            gy = Hijri(y, 1, 1).to_gregorian()
        except (ValueError, OverflowError):
            return Found(s, e, None, "year", "absolute", "hijri", ("unresolved:hijri_out_of_range",), "year")
        return Found(s, e, f"{gy.year:04d}", "year", "absolute", "hijri", ("hijri_year_starts",), "year")
    if y2:
        y2i = int(y2)
        if not y < y2i <= y + 100:
            return None
        flags.append(f"range_end:{y2i}")
    if not 1000 <= y <= 2200:
        return None
    return Found(s, e, f"{y:04d}", "year", "absolute", calendar, tuple(flags), "year")
