"""``segment``: sentences and tokens, with clitic boundaries as sub-token offsets.

Sentences end at ؟ ! . ؛ and line ends, never at the Arabic comma; a full stop between digits
(2.5) or after a listed abbreviation does not end one. Tokens are words (letters, marks and
tatweel), numbers (with their separators) or single punctuation characters.
"""

from __future__ import annotations

import functools
import re

from ..document import Document, Span, Token
from ..lexicon import load
from ..normalise import View
from ..pipeline import Stage

_MARKS = "\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C\u200D"
_MARK_CHARS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0640"
TOKEN_RE = re.compile(
    rf"\d+(?:[.,\u066B\u066C]\d+)*%?"  # numbers: 2.5, 24,000, ٢٫٥
    # («مقتل25»: digits glued to an Arabic word, where a space was lost, are a token of their own)
    rf"|[\u0621-\u064A\u066E-\u06D3][\u0621-\u065F\u066E-\u06D3{_MARKS}]*(?![^\W\d]|[{_MARKS}])"
    rf"|[^\W\d_][\w{_MARKS}]*|[\w{_MARKS}]+"  # words (letters first), then any other word chars
    rf"|[^\s]",  # one punctuation or symbol character
)


@functools.cache
def _rules():
    seg = load("ar/segment.yaml")
    end = re.escape(seg["sentence_end"])
    closers = re.escape(seg["closers"])
    ends = re.compile(rf"[{end}]+[{closers}]*")
    abbrevs = {View(a).text for a in seg["abbreviations"]}
    elision = re.compile(rf"[{re.escape(seg['elision_marks'])}]+[{closers}]")
    q = seg["quotations"]
    pairs = {p[0]: p[1] for p in q["pairs"]}
    marks = re.compile("[" + re.escape("".join(sorted(set(pairs) | set(pairs.values())))) + "]")
    return ends, abbrevs, (seg["elision_open"], elision), (pairs, q["reach"], marks)


def _quotations(text: str, start: int, end: int, pairs: dict[str, str], reach: int, marks: re.Pattern) -> list[tuple[int, int]]:
    """(opening, closing) offsets of the quotations of text[start:end] that close within ``reach``."""
    out, open_at, same = [], {}, []
    for m in marks.finditer(text, start, end):
        i, ch = m.start(), m.group()
        closing = next((o for o, c in pairs.items() if c == ch and o in open_at), None)
        if closing is not None:
            a = open_at.pop(closing)
            if i - a <= reach:
                (same if ch == closing else out).append((a, i))
        elif ch in pairs:
            open_at[ch] = i
    # a mark that opens and closes alike pairs up only where every pair looks like one: opened
    # after a space and before a word, closed after a word (else one mark is missing or stray,
    # «لإذاعة "مونت كارلو الدولية إن»)
    if same and not any(ch in open_at and pairs[ch] == ch for ch in pairs) and all(
        (a == start or text[a - 1].isspace() or text[a - 1] in ":(") and not text[a + 1].isspace()
        and not text[b - 1].isspace() and (b + 1 == end or not text[b + 1].isalnum())
        for a, b in same
    ):
        out += same
    return out


@functools.cache
def _clitic_rules():
    c = load("ar/clitics.yaml")
    return c


@functools.cache
def clitic_split(word: str, teh_marbuta: bool = False) -> tuple[tuple[int, int, str], ...]:
    """Clitic boundaries of a normalised word, as (start, end, role) relative to the word.

    Returns () when nothing is split off. Proposes the longest safe split; matching code may
    still try the whole word (a name may start with a clitic letter). ``teh_marbuta`` says the
    source word ends in teh marbuta, which the view folds to heh: that heh is no pronoun.
    """
    c = _clitic_rules()
    min_stem = c["min_stem"]
    parts = []
    i = 0
    n = len(word)
    for role in ("conj", "prep", "det"):
        for p in c["proclitics"][role]:
            if word.startswith(p, i) and n - i - len(p) >= min_stem:
                if role == "prep" and p == c["li"] and word.startswith(c["lil"], i) and n - i - 2 >= min_stem:
                    parts.append((i, i + 1, "prep"))
                    parts.append((i + 1, i + 2, "det"))  # the alef of ال is dropped after ل
                    i += 2
                    break
                parts.append((i, i + len(p), role))
                i += len(p)
                break
        if role == "det" and parts and parts[-1][2] == "det":
            break
    if len(parts) == 1 and parts[0][1] - parts[0][0] == 1 and n - i < c["min_stem_single"]:
        parts, i = [], 0
    end = n
    has_det = any(r == "det" for _, _, r in parts)
    if not has_det and not teh_marbuta:
        for p in c["enclitics"]["pron"]:
            if word.endswith(p) and end - len(p) - i >= min_stem:
                end -= len(p)
                break
    if not parts and end == n:
        return ()
    parts.append((i, end, "stem"))
    if end < n:
        parts.append((end, n, "pron"))
    return tuple(parts)


_PARTS: dict[str, tuple] = {}


def word_parts(word: str) -> tuple[tuple[int, int, str], ...]:
    """Clitic parts of a source word, as offsets relative to the word (cached per spelling)."""
    view = View(word)
    split = clitic_split(view.text, word.rstrip(_MARK_CHARS).endswith("\u0629"))
    return tuple((*view.to_source(x, y), role) for x, y, role in split)


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06FF" or "\u0750" <= ch <= "\u077F"


class Segment(Stage):
    name = "segment"
    version = "1"
    requires = ("blocks", "view")
    assigns = ("sentences", "tokens")

    def __call__(self, doc: Document) -> None:
        ends, abbrevs, (elision_open, elision), quotations = _rules()
        text = doc.text
        sentences: list[Span] = []
        # every block is a line or a run of lines: sentences never cross a block
        regions = [(b.start, b.end) for b in doc.blocks] if doc.blocks else _lines(text)
        for bstart, bend in regions:
            start = bstart
            quoted = None
            for m in ends.finditer(text, bstart, bend):
                p = m.start()
                if quoted is None:
                    quoted = _quotations(text, bstart, bend, *quotations)
                if any(a < p and m.end() <= b for a, b in quoted):
                    continue  # a full stop inside a quotation that closes further on
                if p > bstart and text[p - 1] in elision_open and elision.fullmatch(m.group()):
                    continue  # «الخسائر البشرية (...) إلى 27»: words left out, the sentence goes on
                if text[p] == "." and m.end() - p == 1:
                    if p > 0 and p + 1 < len(text) and text[p - 1].isdigit() and text[p + 1].isdigit():
                        continue
                    if p > 0 and p + 1 < len(text) and text[p - 1].isalpha() and text[p + 1].isalpha():
                        continue  # «سي.إن.إن», «U.S»: a full stop inside a word is no sentence end
                    w = re.search(r"[\w\u0640]+$", text[max(bstart, p - 12) : p])
                    if w and View(w.group()).text in abbrevs:
                        continue
                _add(sentences, text, start, m.end())
                start = m.end()
            _add(sentences, text, start, bend)
        doc.sentences = sentences

        # sentences cover every non-space character of the blocks, so one pass over the text
        # gives the same tokens, in order
        tokens: list[Token] = []
        append = tokens.append
        cache = _PARTS
        for m in TOKEN_RE.finditer(text):
            w = m.group()
            rel = cache.get(w)
            if rel is None:
                if len(cache) > 500_000:  # bounded by vocabulary; a guard for odd inputs
                    cache.clear()
                rel = cache[w] = word_parts(w) if _is_arabic(w[0]) else ()
            append(Token(m.start(), m.end(), rel))
        doc.tokens = tokens


def _add(out: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end))


def _lines(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^\n]+", text)]
