"""``quotes``: who said what. Direct quotes in any quotation style and reported speech after
speech verbs, each with its cue, content and speaker (``data/ar/speech.yaml``).

Reading order inside a sentence: cue, then the speaker phrase, then circumstances (في تغريدة،
الأحد، للصحفيين), then the content: a complementizer (إن/أن...) opens reported speech, quotation
marks open a direct quote. A cue followed by neither is not speech («أعلن اعتقال»). A cue with no
subject of its own («وأضاف», «كذلك قال», «مشيراً إلى») continues the previous speaker;
«نقل X عن Y قوله» makes Y the speaker and X the conveyor (``Quote.via``). Words in quotation marks
count as speech only when they are long enough and a cue governs them: «حرباً مدمرة» is a term.
"""

from __future__ import annotations

import bisect
import functools
import re

from ..document import Document, Span
from ..facts import Quote, SpanRef
from ..lexicon import clitics, load, punct
from ..pipeline import Stage
from ._factwords import PhraseIndex, Sent, body, fold, nisba_like, stem_of, variants
from ._refs import Mentions, best_entity, mentions_of, ref_text, span_ref

_TATWEEL = load("ar/chars.yaml")["delete"]["tatweel"]
_P = punct()
# quotation styles: opening mark -> closing marks
# a straight quote opens before a non-space and closes after one, not inside a word
_PAIRS = re.compile(
    r"«[^«»\n]*»|“[^“”\n]*”|„[^„“”\n]*[“”]"
    r"|\"(?=\S)[^\"\n]*?(?:(?<=\S)\"(?![^\W" + _TATWEEL + r"])|\s\"(?=[" + re.escape(_P["after_closing_quote"]) + r"]|$))"
    r"|(?<![\w])'[^'\n]{2,}?'(?![\w])"
)
_CLAUSE = _P["clause"]
_COMMA = _P["comma"]
_HASH = "#"  # «دونالد #ترمب»: a hashtag mark inside a name
_STOP = _P["stop"]
_STOP_OR_COLON = _P["stop"] | _P["colon"]
_MARKS = _P["quote_marks"] | {_TATWEEL}  # quotation marks, and tatweel drawn as a dash
_EDGE = _P["semicolon"] | _P["colon"]  # how far back a subject before the cue may reach
_SENT_ENDS = tuple(_P["stop"]) + ("\n",)
_EDGE_MARKS = _P["span_trim"]
# between two slogans: «"..." و"..."», «"..."، و"..."»
_AND_JOIN = frozenset({clitics()["wa"], *_P["comma"], *(c + " " + clitics()["wa"] for c in _P["comma"])})
_DASHES, _BRACKETS = _P["dashes"], _P["brackets"]


@functools.cache
def lexicon():
    sp = load("ar/speech.yaml")
    src = load("ar/sources.yaml")
    lx = _lexicon(sp, src)
    cues = (lx["verbs"], lx["parts"], lx["convey"], lx["impersonal"])
    lx["cue_forms"] = frozenset().union(*(ix.surfaces() for ix in cues))
    lx["may_cue"] = lx["cue_forms"].__contains__
    lx["loop_cue_forms"] = lx["cue_forms"] | lx["speech_nouns"].surfaces()  # nouns cue in the main loop only
    ner = load("ar/ner.yaml")["triggers"]
    lx["person_titles"] = frozenset(fold(w) for w in ner["person_title"])
    lx["noun_cue_heads"] = frozenset(fold(w) for w in ner["person_title"] + ner["organisation"] + sp["speech_noun_heads"])
    lx["talk"] = PhraseIndex(src["count_verbs"])
    return lx


def _lexicon(sp, src):
    verbs = {k: v + [v[0] + e for e in sp["agreement_endings"]] if " " not in v[0] else v for k, v in sp["verbs"].items()}
    return {
        "verbs": PhraseIndex(verbs, verbs=True),
        "chant_forms": PhraseIndex({"chant": verbs["chant"]}, verbs=True).surfaces(),
        "parts": PhraseIndex(sp["participles"], verbs=True),
        "speech_nouns": PhraseIndex({"speech_noun": sp["speech_nouns"]}, verbs=True),
        "particles": {fold(w) for w in sp["particles"]},
        "convey": PhraseIndex(sp["convey"]["verbs"], verbs=True),
        "feminine": tuple(sp["feminine_endings"]),
        "plural_cue": tuple(sp["plural_cue_endings"]),
        "from": {fold(w) for w in sp["convey"]["from"]},
        "saying": {fold(w) for w in sp["convey"]["saying"]},
        "cont": {fold(w) for w in sp["continuation"]},
        "comp": {fold(w) for w in sp["complementizers"]},
        "lil": clitics()["lil"],
        "cl": clitics(),
        "stop": {fold(w) for w in sp["speaker_stop"]},
        "not_speaker_first": {fold(w) for w in sp["not_speaker_first"]},
        "relative": {fold(w) for w in sp["relative"]},
        "min_words": sp["min_direct_words"],
        "min_words_colon": sp["min_direct_words_after_colon"],
        "unnamed": PhraseIndex(src["unnamed_heads"]),
        "statement": PhraseIndex(sp["nouns"]),
        "aux": {fold(w) for w in sp["auxiliaries"]},
        "new_clause": {fold(w) for w in sp["new_clause"]},
        "resumptive": {fold(w) for w in sp["resumptive"]},
        "temporal": {fold(w) for w in sp["not_speech_before_comp"]},
        "statement_links": PhraseIndex(sp["statement_links"], bare=True),
        "relay": PhraseIndex(sp["relay"], bare=True),
        "impersonal": PhraseIndex(sp["impersonal"]),
        "according": PhraseIndex(src["according_to"]),
        "from_pronoun": {fold(w) for w in sp["from_pronoun"]},
        "then_that": {fold(w) for w in sp["then_that"]},
        "li_cues": {fold(w) for w in sp["li_cues"]},
        "li": {fold(w) for w in sp["li"]} | {w for w in sp["li"]},
        "addressee_heads": {fold(w) for w in sp["addressee_heads"]},
        "not_left": {fold(w) for w in sp["not_left_subject"]},
        "publish": {fold(w) for w in sp["publishing_verbs"]},
        "pronoun_endings": tuple(load("ar/clitics.yaml")["enclitics"]["pron"]),
        "place_prep": {fold(w) for w in sp["place_prep"]},
        "trailing": {fold(w) for w in sp["trailing"]},
        "passive_after": {fold(w) for w in sp["passive_after"]},
        "pronoun_before": {fold(w) for w in sp["pronoun_before"]},
        "partitive": {fold(w) for w in sp["partitive"]},
        "link_heads": {fold(w).split()[0] for w in sp["statement_links"]},
        "filler": {fold(w) for w in src["filler"]},
        "report_verbs": PhraseIndex(src["report_verbs"], bare=True),
        "name_heads": {fold(w) for w in sp["quoted_name_heads"]},
        "nisba": tuple(fold(w) for w in load("ar/casualties.yaml")["demonym_endings"]),
        "negation": {fold(w) for w in sp["negation"]},
        "without": {fold(w) for w in sp["without"]},
        "narration": {fold(w) for w in sp["narration"]},
        "bi_object": frozenset(sp["bi_object"]),
        "needs_comp": frozenset(sp["needs_comp"]),
        "subject_after": frozenset(sp["needs_subject_after"]),
        "li_nouns": {fold(w) for w in sp["li_nouns"]},
        "manner": {fold(w) for w in sp["manner"]},
        "name_article_words": {fold(w) for w in sp["name_article_words"]},
        "openers": PhraseIndex(sp["openers"]),
        "name_article_after": {fold(w) for w in sp["name_article_after"]},
        "subject_leads": PhraseIndex(sp["subject_leads"], bare=True),
        "to_whom": {fold(w) for w in sp["to_whom"]},
        "topic": {fold(w) for w in sp["topic"]},
        "object_after": frozenset(sp["object_after"]),
        "however": {fold(w) for w in sp["however"]},
    }


def quote_pairs(doc: Document) -> list[tuple[int, int, int]]:
    """(open, close, words) of every pair of quotation marks in paragraphs: open is the offset of
    the opening mark, close of the closing one."""
    out = []
    text = doc.text
    for b in doc.blocks:
        if b.kind != "paragraph":
            continue
        for m in _PAIRS.finditer(text, b.start, b.end):
            inner = text[m.start() + 1 : m.end() - 1]
            out.append((m.start(), m.end() - 1, len(inner.split())))
    out.sort()
    return out


class _Cue:
    __slots__ = ("sent", "i", "j", "kind", "part")

    def __init__(self, sent, i, j, kind, part=False):
        self.sent, self.i, self.j, self.kind, self.part = sent, i, j, kind, part


class Quotes(Stage):
    name = "quotes"
    version = "8"
    requires = ("sentences", "entities", "view")
    assigns = ("quotes",)

    def __call__(self, doc: Document) -> None:
        lx = lexicon()
        sents = body(doc)
        pairs = quote_pairs(doc)
        mentions = mentions_of(doc)
        # («أفاد "المرصد السوري لحقوق الإنسان" عن»: a name in quotation marks is no speech)
        speech_pairs = [p for p in pairs if (p[2] >= lx["min_words"] or (p[2] >= lx["min_words_colon"] and doc.text[max(0, p[0] - 3) : p[0]].strip().endswith(tuple(_P["colon"])))) and not _quoted_name(mentions, p) and not _subject_in_marks(doc, p, lx) and not _named_by_head(doc, p, lx)]
        text = doc.text
        if len(speech_pairs) < len(pairs):
            # «هتف بعض أنصاره "عار"», «وهتف متظاهرون "..." و"سئمنا منك"»: a chanted slogan is
            # speech however short
            kept = set(speech_pairs)
            for k, p in enumerate(pairs):
                if p not in kept and p[2] and _chanted(text, pairs, k, kept, lx):
                    kept.add(p)
            if len(kept) > len(speech_pairs):
                speech_pairs = sorted(kept)
        quotes: list[Quote] = []
        used_pairs: set[int] = set()
        last_speaker = None
        opens = {p[0]: (k, p) for k, p in enumerate(speech_pairs)}
        pair_at = opens.get
        cue_forms = lx["loop_cue_forms"]

        # pairs never overlap (one regex pass per block) and are sorted: only the last pair that
        # opens before a position can hold it
        open_at = [p[0] for p in speech_pairs]

        def inside_pair(pos: int) -> bool:
            k = bisect.bisect_left(open_at, pos) - 1
            return k >= 0 and pos < speech_pairs[k][1]

        for s in sents:
            words = s.words
            n = len(words)
            sent_quotes: list[Quote] = []
            lead = self._according(doc, s, lx, mentions, pair_at)
            if lead is not None:
                sent_quotes.append(lead)
                quotes.append(lead)
                last_speaker = lead.speaker
                if lead.kind == "direct":
                    used_pairs.add(pair_at(lead.content.start - 1)[0])
            nxt = 0
            for i in [i for i, w in enumerate(words) if w in cue_forms]:
                if i < nxt or inside_pair(s.starts[i]) or lx["impersonal"].match(words, i) or (i > 0 and words[i - 1] in lx["negation"]) or (i > 1 and words[i - 1] in lx["comp"] and words[i - 2] in lx["without"]):
                    continue
                hit = lx["convey"].match(words, i)
                kind = "convey" if hit else None
                part = False
                if not hit:
                    hit = lx["verbs"].match(words, i)
                    kind = "verb" if hit else None
                if not hit:
                    hit = lx["parts"].match(words, i)
                    kind, part = ("verb", True) if hit else (None, False)
                noun = False
                if not hit and words[i][:1] != lx["cl"]["li"]:
                    hit = lx["speech_nouns"].match(words, i)  # («في مراسم لإعلان النتائج»: a purpose)
                    kind, noun = ("verb", True) if hit else (None, False)
                if not hit:
                    continue
                j = i + hit[1]
                if kind == "verb" and not part and hit[0] in lx["bi_object"] and j < n and _commends(s, j, lx, mentions):
                    continue  # «ونوه بأهمية اللقاء»: praised, not said
                if kind == "verb" and hit[0] in lx["needs_comp"] and not next((words[t] in lx["comp"] and (t > j or (hit[0] not in lx["subject_after"] and i > 0 and words[i - 1] not in _CLAUSE)) for t in range(j, min(n, j + 9)) if words[t] in lx["comp"] or (words[t] in _CLAUSE and not _dated_aside(doc, s, t)) or inside_pair(s.starts[t])), False):
                    continue  # «وأظهر مقطع فيديو رجلا يشهر مسدسا», «ويتوقع أن»: no one's words, or no one named
                if j < n and words[j] in lx["particles"]:
                    j += 1
                q = self._read(doc, s, _Cue(s, i, j, kind, part), lx, speech_pairs, used_pairs, pair_at, mentions, sent_quotes, last_speaker)
                if q is None and kind == "convey" and (lx["verbs"].match(words, i) or _reports_on_own(words, i, j, lx)):
                    # «أوردت الوكالة أن», «ونقلت وكالة الأناضول أن»: a conveying verb with no «عن»
                    # reports on its own
                    q = self._read(doc, s, _Cue(s, i, i + (lx["verbs"].match(words, i) or hit)[1], "verb"), lx, speech_pairs, used_pairs, pair_at, mentions, sent_quotes, last_speaker)
                if q is not None and noun and isinstance(q[0].speaker, SpanRef) and not _source_head(words, s.index_at(q[0].speaker.start), lx):
                    q = None  # «مزاعم التدخل الروسي في الانتخابات إن»: what is alleged, not who alleges it
                if q is None:
                    continue
                quote, next_i = q
                sent_quotes.append(quote)
                quotes.append(quote)
                if quote.speaker is not None and not noun:
                    last_speaker = quote.speaker  # («بعد يوم من ادعاء زميلته أنه ...» ... «وأضاف»: not hers)
                nxt = max(next_i, i + 1)
            if not sent_quotes:
                head = self._headline(doc, s, lx, mentions)
                if head is not None:
                    sent_quotes.append(head)
                    quotes.append(head)
            if not sent_quotes and len(words) > 2 and (lx["verbs"].match(words, 0) or lx["talk"].match(words, 0)):
                # «وتحدثت ميركل منتقدة القرار. وقالت "..."»: a person who spoke without a quote
                # of their own is who the next subject-less cue goes on with
                r = mentions.at(s.starts[1])
                if r is not None and r[0] == s.starts[1] and r[2].type == "PER" and r[0] not in mentions.clitic:
                    last_speaker = r[2].id
            if lead is not None and lead.speaker is not None:
                # «وبحسب الأناضول، فقد اعترف نازك بأنه ساعد»: a cue right inside what the source
                # reports is the quote; the source conveyed it
                inner = [q for q in sent_quotes if q is not lead and q.cue is not None and q.kind == "indirect" and lead.content.start <= q.cue.start and s.index_at(q.cue.start) - s.index_at(lead.content.start) <= 2]
                if inner:
                    sent_quotes.remove(lead)
                    quotes.remove(lead)
                    for q in inner:
                        if q.via is None and q.speaker != lead.speaker:
                            q.via = lead.speaker
            # quotation marks not read by a cue: speech when a cue of the sentence governs them
            for k, p in enumerate(speech_pairs):
                if k in used_pairs or not (s.start <= p[0] < s.end):
                    continue
                if any(o[0] < p[0] and p[1] < o[1] for kk, o in enumerate(speech_pairs) if kk in used_pairs):
                    continue
                if p[2] <= lx["min_words"] and any(q.kind == "indirect" and q.content.start <= p[0] and p[1] < q.content.end for q in sent_quotes):
                    continue  # a few quoted words inside reported speech: scare quotes, not a quote
                joined = next((q for q in reversed(sent_quotes) if q.kind == "direct" and q.content.end <= p[0]), None)
                if joined is not None and _slogans_joined(text, joined.content.end, p[0]):
                    # «وهتف متظاهرون "الولاية الرابعة في السجن" و"سئمنا منك"»: a second slogan
                    # joined to the first is the same speakers'
                    used_pairs.add(k)
                    q = Quote(kind="direct", speaker=joined.speaker, cue=joined.cue, content=Span(p[0] + 1, p[1]), via=joined.via)
                    quotes.append(q)
                    sent_quotes.append(q)
                    continue
                trailing = self._cue_after(doc, s, p, lx, mentions, speech_pairs, last_speaker)
                if trailing is not None:
                    used_pairs.add(k)
                    q = Quote(kind="direct", speaker=trailing[1], cue=trailing[0], content=Span(p[0] + 1, p[1]))
                    quotes.append(q)
                    sent_quotes.append(q)
                    last_speaker = q.speaker
                    continue
                gov = sent_quotes[-1] if sent_quotes else None
                after_colon = text[max(s.start, p[0] - 3) : p[0]].strip().endswith(":")
                if gov is None and not (after_colon and last_speaker is not None):
                    continue
                used_pairs.add(k)
                q = Quote(
                    kind="direct",
                    speaker=gov.speaker if gov else last_speaker,
                    cue=gov.cue if gov else None,
                    content=Span(p[0] + 1, p[1]),
                    via=gov.via if gov else None,
                )
                quotes.append(q)
        quotes.sort(key=lambda q: q.content.start)
        doc.quotes = quotes

    def _cue_after(self, doc, s: Sent, p, lx, mentions, speech_pairs, last_speaker):
        """«"نحن مستعدون"، قال المتحدث باسم الجيش.»: a cue right after the closing mark, with no
        content of its own, names who said the words before it."""
        words, n = s.words, len(s.words)
        t = s.index_at(p[1] + 1)
        while t < n and words[t] in _CLAUSE:
            t += 1
        if t >= n:
            return None
        hit = lx["verbs"].match(words, t) if lx["may_cue"](words[t]) else None
        if not hit:
            # «"..."، بحسب المتحدث»
            hit = lx["according"].match(words, t)
            if not hit:
                return None
            j = t + hit[1]
            if j < n and _says_own(words[j], lx):
                # «"..."، وفقاً لقوله»: the pronoun is the speaker before
                return (Span(s.starts[t], s.ends[j]), last_speaker) if last_speaker is not None else None
            while j < n and words[j] in lx["filler"]:
                j += 1
            if j < n and lx["may_cue"](words[j]):
                v = lx["verbs"].match(words, j) or lx["convey"].match(words, j)
                if v:
                    j += v[1]  # «بحسب ما قال المتحدث», «حسب ما نقلت الوكالة»
            elif j < n and lx["report_verbs"].match(words, j):
                j += lx["report_verbs"].match(words, j)[1]  # «وفقاً لما ذكره المنسق»
        else:
            j = t + hit[1]
        end = np_end(s, j, lx, speech_pairs)
        if end < n and words[end] not in _CLAUSE and words[end] not in _STOP:
            # «قال X إن ...»: the cue reports what follows it; but «حسبما أعلنت محامية من هيئة
            # الدفاع عنه.» ends the sentence with the rest of the source's description
            # (not after «نقلا عن»: a relayed source's description is no end of the words)
            rest = next((x for x in range(end, min(n, end + 7)) if words[x] in _CLAUSE or words[x] in _STOP), None)
            if rest is None or lx["relay"].match(words, t) or any(words[x] in lx["comp"] or lx["may_cue"](words[x]) for x in range(end, rest)):
                return None
        cue = Span(s.starts[t], s.ends[j - 1])
        if end <= j:
            return (cue, last_speaker) if last_speaker is not None else None
        speaker = self._np_ref(doc, s, j, end, mentions, lx)
        if isinstance(speaker, SpanRef) and words[j][:1] == lx["cl"]["li"] and j > 0 and (words[j - 1] in lx["li_cues"] or stem_of(words[j - 1]) in lx["li_cues"]):
            speaker = span_ref(doc, speaker.start + _li_len(doc.text, speaker.start), speaker.end)  # «وفقاً لمصدر أمني»
        comma = end
        if end < n and words[end] in lx["place_prep"]:
            # («منسق الشؤون الإنسانية في حالات الطوارئ، مارك لوكوك»: the title's «في» phrase first)
            comma = next((x for x in range(end + 1, min(n, end + 5)) if words[x] in _CLAUSE), end)
        if not (isinstance(speaker, str) and mentions.by_id[speaker].type == "PER") and comma + 1 < n and words[comma] in _CLAUSE:
            # «وفقاً لما ذكره منسق الشؤون الإنسانية، مارك لوكوك،»: the name after the title
            r = mentions.at(s.starts[comma + 1])
            if r is not None and r[0] == s.starts[comma + 1] and r[2].type == "PER":
                speaker = r[2].id
        return (cue, speaker) if speaker is not None else None

    def _according(self, doc, s: Sent, lx, mentions, pair_at):
        """«وبحسب بيان للجيش، فإن ...», «ووفقاً لمصادر محلية، قتل ...»: a sentence that opens on
        its source reports that source's words."""
        words, n = s.words, len(s.words)
        hit = lx["according"].match(words, 0) if n else None
        if not hit:
            return None
        a = hit[1]
        if a < n and pair_at(s.starts[a]) is not None:
            return None  # «كما قال "سنبذل ..."، مضيفا»: what follows is the speech, not its source
        while a < n and words[a] in lx["filler"]:
            a += 1  # «ووفق ما أوردت صحيفة "تلغراف"»: the verb after «ما»
        verb = (lx["verbs"].match(words, a) or lx["convey"].match(words, a)) if a < n and lx["may_cue"](words[a]) else None
        if verb is None and a < n:
            verb = lx["report_verbs"].match(words, a)  # «وبحسب ما نقلته وكالة سانا»
        if verb:
            a += verb[1]  # «وبحسب ما نقل موقع "إنغادجت" فإن»: who reported, after the verb
        b = a
        # («وبحسب إفادات أدلى بها عدد من الركاب فإن المحرك انفجر»: «فإن» with no comma before it)
        hedge = None
        while b < n and words[b] not in _CLAUSE and words[b] not in lx["then_that"] and b - a < 10:
            if b > a and (hedge := lx["impersonal"].match(words, b)) and words[b + hedge[1] - 1] in lx["comp"]:
                break  # «ووفقا لشهود من الناجين يُعتقد أن 21 آخرين»: the source's hedged words
            hedge = None
            b += 1
        if b >= n - 1 or b == a or (hedge is None and words[b] not in _CLAUSE and words[b] not in lx["then_that"]):
            return None
        c = b + (hedge[1] if hedge else 1)
        if c < n and words[b] in _CLAUSE and (words[c] in lx["then_that"] or words[c] in lx["comp"]):
            c += 1
        if c >= n:
            return None
        end = n
        while end > c + 1 and (words[end - 1] in _STOP or words[end - 1] == _P["ar_comma"]):
            end -= 1
        speaker = self._np_ref(doc, s, a, b, mentions, lx)
        if isinstance(speaker, SpanRef) and words[a][:1] == lx["cl"]["li"] and (words[a - 1] in lx["li_cues"] or stem_of(words[a - 1]) in lx["li_cues"]):
            speaker = span_ref(doc, speaker.start + _li_len(doc.text, speaker.start), speaker.end)  # «وفقاً لوزارة الصحة»
        cue = Span(s.starts[0], s.ends[a - 1])
        pa = pair_at(s.starts[c])
        if pa is not None and s.index_at(pa[1][1] + 1) >= end:
            # «وبحسب التقرير فإن "..."»: the quotation is all that is reported
            return Quote(kind="direct", speaker=speaker, cue=cue, content=Span(pa[1][0] + 1, pa[1][1]))
        return Quote(kind="indirect", speaker=speaker, cue=cue, content=Span(s.starts[c], s.ends[end - 1]))

    # one cue -> one quote (or None when what follows is not speech)
    def _read(self, doc, s: Sent, cue: _Cue, lx, speech_pairs, used_pairs, pair_at, mentions, sent_quotes, last_speaker):
        words, n = s.words, len(s.words)
        text = doc.text
        via = None
        speaker = None
        k = cue.j
        np_stop = None  # end (token index) of the speaker phrase after the cue
        object_next = False  # the speaker phrase was cut before the verb's object
        np_start = cue.j
        if cue.kind == "convey":
            # «نقل X عن Y قوله»: X up to عن, Y after it
            f = next((t for t in range(cue.j, min(n, cue.j + 12)) if words[t] in lx["from"] or stem_of(words[t]) in lx["from"]), None)
            if f is None:
                return None
            if words[f] in lx["from_pronoun"]:
                speaker = last_speaker
                g = next((t for t in range(f + 1, min(n, f + 10)) if words[t] in lx["saying"] or words[t] in lx["comp"]), None)
                if g is None:
                    return None
                via = self._np_ref(doc, s, f + 1, g, mentions, lx)
                k = g
            else:
                via = self._np_ref(doc, s, cue.j, min(f, np_end(s, cue.j, lx, speech_pairs)), mentions, lx) if f > cue.j else None
                y, y_end = f + 1, np_end(s, f + 1, lx, speech_pairs)
                k = y_end
                if y < y_end < n - 2:
                    y, y_end = self._apposed_name(s, y, y_end, mentions, lx)  # «عن وزير المخابرات، محمود علوى، قوله»
                speaker = self._np_ref(doc, s, y, y_end, mentions, lx)
                k = max(k, y_end)
            while k < n and (words[k] in lx["saying"] or words[k] in _CLAUSE):
                k += 1
            if k < n and words[k] in lx["saying"]:
                k += 1
        elif not cue.part:
            if cue.j < n and words[cue.j] in lx["resumptive"]:
                np_start += 1  # «في الوقت الذي قال فيه سكان إن»
            if np_start < n and words[np_start] in lx["passive_after"]:
                return None  # «لافتات كتب عليها»: written, not said
            if np_start < n and words[np_start] in lx["manner"]:
                np_start += 1  # «قالت بوضوح إنه»
            lead = lx["subject_leads"].match(words, np_start) if np_start < n else None
            if lead:
                np_start += lead[1]  # «قال كل من نائب المحافظ ومسؤولون أمنيون إن»
            if np_start < n and words[np_start] == lx["cl"]["bi"]:
                return None  # «التي وصفها بـ"الخائنة"»: a description, not speech
            np_stop = np_end(s, np_start, lx, speech_pairs)
            close = next((t for t in range(np_start + 2, min(n, np_start + 10)) if words[t] in _BRACKETS), None) if np_start < n and words[np_start] in _BRACKETS else None
            if close is not None and all(w not in _CLAUSE for w in words[np_start + 1 : close]):
                np_start, np_stop = np_start + 1, close  # «وقالت (إس.أو.إس ميديتريني) في بيان إن»: the name in brackets
            # («لبي بي سي»: a three-letter word may carry «لـ» when a name goes on after it)
            said_to = np_start < n and words[np_start][:1] == lx["cl"]["li"] and words[np_start] not in lx["li_nouns"] and (len(words[np_start]) > 3 or len(words[np_start]) == 3 and words[np_start] not in lx["stop"] and np_stop > np_start + 1) and (mentions.at(s.starts[np_start]) is None or s.starts[np_start] in mentions.clitic)
            if np_stop > np_start and (_addressee(words[np_start], lx) or said_to or any(t.start <= s.starts[np_start] < t.end for t in doc.times)):
                # «وقال لـ"الشرق الأوسط" إن», «قال لوكالة تسنيم», «قد قال أول من أمس، إن»: no speaker after the cue
                np_stop = np_start
            elif np_start < np_stop < n - 2 and (_addressee(words[np_stop], lx) or words[np_stop] in _COMMA):
                a0, k0 = np_start, np_stop
                if _addressee(words[np_stop], lx):
                    np_start, np_stop = self._name_after_title(doc, s, np_start, np_stop, mentions, lx)
                if (np_start, np_stop) == (a0, k0):
                    np_start, np_stop = self._apposed_name(s, np_start, np_stop, mentions, lx)
            elif np_start < np_stop < n - 2 and words[np_stop] in lx["place_prep"]:
                a0, k0 = np_start, np_stop
                np_start, np_stop = self._name_after_place(s, np_start, np_stop, mentions, lx)
                if (np_start, np_stop) == (a0, k0):
                    np_start, np_stop = self._apposed_name(s, np_start, np_stop, mentions, lx)
            elif np_start < np_stop < n - 2:
                # «المتحدث باسم وكالة التخفيف من الكوارث، سوتوبوبو بورو نوغروهو، إن»: the title goes on
                # to a comma, the name follows it
                np_start, np_stop = self._apposed_name(s, np_start, np_stop, mentions, lx)
            cue_key = lx["verbs"].match(words, cue.i)
            if np_stop > np_start + 1 and cue_key and cue_key[0] in lx["object_after"]:
                r = mentions.at(s.starts[np_start])
                det = lx["cl"]["det"]
                if r is not None and r[0] == s.starts[np_start] and r[1] < s.starts[np_stop - 1]:
                    np_stop = s.index_at(r[1])  # «واتهمت تركيا غولن بأنه»: the object follows the subject
                    object_next = True
                elif r is None and words[np_start].startswith(det) and words[np_start + 1].startswith(det) and not nisba_like(words, np_start + 1, lx["nisba"]):
                    np_stop = np_start + 1  # «ووصفت الصحيفة الهجوم بأنه»: a noun, then another, not its adjective
                    object_next = True
            while np_stop > np_start + 1 and any(t.start <= s.starts[np_stop - 1] < t.end for t in doc.times):
                np_stop -= 1  # «وأكدت المجموعة الأسبوع الماضي أنه»: the date is when, not who
            k = via_end = np_stop
            relay = lx["relay"].match(words, k) if k < n else None
            if not relay and np_stop > np_start:
                # «وذكرت وسائل إعلام فرنسية في وقت لاحق نقلا عن وزارة الخارجية أن»
                r = next((t for t in range(k, min(n, k + 5)) if words[t] in lx["comp"] or words[t] in _CLAUSE or lx["relay"].match(words, t) or pair_at(s.starts[t]) is not None), None)
                if r is not None and lx["relay"].match(words, r):
                    k, relay = r, lx["relay"].match(words, r)
            if relay:
                # «وأضاف تقرير الأهرام نقلا عن المصدر الذي لم يسمه أن»
                via = self._np_ref(doc, s, np_start, via_end, mentions, lx) if via_end > np_start else None
                y = k + relay[1]
                y_end = np_end(s, y, lx, speech_pairs)
                if y < y_end < n - 2:
                    y, y_end = self._apposed_name(s, y, y_end, mentions, lx)  # «عن وزير المخابرات، محمود علوى، قوله»
                speaker = self._np_ref(doc, s, y, y_end, mentions, lx)
                np_stop = None
                k = y_end
        # circumstances until the complementizer or the quotation mark
        limit = min(n, k + 24)
        comp = quote_open = None
        while k < limit:
            w = words[k]
            pos = s.starts[k]
            pa = pair_at(pos)
            if pa is not None:
                quote_open = pa
                break
            if w in lx["comp"] or (w.startswith(lx["cl"]["bi"]) and w[1:] in lx["comp"]):
                if k > 0 and (words[k - 1] in lx["temporal"] or words[k - 1] in lx["however"]):
                    return None  # («أشارت التقارير إلى مقتل عشرة، غير أن»: «however», not «that»)
                comp = k
                break
            if w == ":":
                nxt = k + 1
                if nxt < n and pair_at(s.starts[nxt]) is not None:
                    quote_open = pair_at(s.starts[nxt])
                else:
                    comp = nxt if nxt < n and words[nxt] in lx["comp"] else k  # («شيرر: إن ما ارتكبه»)
                break
            if lx["may_cue"](w) and (lx["verbs"].match(words, k) or lx["convey"].match(words, k)) and words[k - 1] not in lx["negation"]:
                return None
            if k > cue.j and w in lx["loop_cue_forms"] and w[:1] != lx["cl"]["li"] and lx["speech_nouns"].match(words, k) and k + 1 < n and (_source_head(words, k + 1, lx) or (r := mentions.at(s.starts[k + 1])) is not None and r[0] == s.starts[k + 1] and r[2].type in ("PER", "ORG")):
                return None  # «كشفوا استمرار ...، على الرغم من تأكيد المنظمات أن»: the nearer noun of speech owns «أن»
            k += 1
        if comp is None and quote_open is None:
            return None
        if comp is None and cue.i > 0 and words[cue.i - 1] in lx["relative"] and cue.j < n and words[cue.j] in lx["resumptive"]:
            return None  # «الاتفاق الذي كشفت عنه الأنباء "ينص على ..."»: the quotation is the outer cue's
        if comp is not None and comp + 1 < n:
            pa = pair_at(s.starts[comp + 1])
            after = s.index_at(pa[1][1] + 1) if pa is not None else n
            # («بأن "آلاف الأطفال فقط" تمكنوا من الهرب»: a few quoted words the clause goes on
            # after are its subject, the clause is what was said)
            # (not «أنها "هجوم شخصي مجحف" على أحد»: a preposition after them goes on their own phrase)
            if pa is not None and not (pa[1][2] <= lx["min_words"] and after < n and words[after][:1].isalpha() and words[after] not in lx["stop"] and not _has_clitic_prep(words[after], lx)):
                quote_open = pa
        # the speaker
        if cue.kind != "convey" and speaker is None:
            if np_stop is not None and np_stop > np_start:
                speaker = self._np_ref(doc, s, np_start, np_stop, mentions, lx)
                # «نائبة المتحدث الرسمي للأمين العام للأمم المتحدة إري كانكو إن»: the name
                # comes after the title's own genitive
                is_per = isinstance(speaker, str) and mentions.by_id[speaker].type == "PER"
                end_at = comp if comp is not None else k
                # (none of it after a subject cut before its verb's object: «واتهمت تركيا غولن»)
                if not is_per and not object_next and end_at > np_stop and not any(words[t] in lx["stop"] for t in range(np_stop, end_at)):
                    # (a name carrying «لـ» itself is whom it was said to: «لفرانس برس»)
                    pers = [r for r in mentions.within(s.starts[np_stop], s.ends[end_at - 1]) if r[2].type == "PER" and not (r[0] in mentions.clitic and text[r[0]] == lx["cl"]["li"])]
                    if pers:
                        speaker = pers[-1][2].id
                elif not is_per and not object_next:
                    named = False
                    if comp is not None and comp - np_stop <= 10 and not any(words[t] in _CLAUSE for t in range(np_stop, comp)):
                        # «وقالت المسؤولة الإقليمية عن الصحة العامة في موتريال ميلين دروان إن»: a
                        # person named right before «إن», past the title's own phrases
                        last = mentions.at(s.starts[comp - 1])
                        x = s.index_at(last[0]) if last is not None else 0
                        # (not «في مقابلة مع جون سميث إن»: whom it was said to)
                        if last is not None and last[2].type == "PER" and last[1] == s.ends[comp - 1] and last[0] not in mentions.clitic and last[0] >= s.starts[np_stop] and words[x - 1] not in lx["to_whom"] and not any(lx["statement"].match(words, t) for t in range(np_stop, x)):
                            speaker, named = last[2].id, True
                    # «وزير الداخلية اللبناني، نهاد المشنوق، منتصف ليل الأحد، أن», «المسؤولة في
                    # المنظمة، تيرانا حسن، لوكالة»: the name between commas right after the title
                    # (and a short «في» phrase of it)
                    open_ = next((t for t in range(np_stop, min(n, np_stop + 4)) if words[t] in _CLAUSE), None) if not named else None
                    # («مدير مكتب المجلس النرويجي للاجئين في سوريا، إريك أبيلد:»: the title's «لـ» genitive too)
                    if open_ is not None and (open_ == np_stop or words[np_stop] in lx["place_prep"] or words[np_stop].startswith(lx["lil"])):
                        close = next((t for t in range(open_ + 1, min(n, open_ + 6)) if words[t] in _CLAUSE or words[t] == ":"), None)
                        if close is not None:
                            pers = [r for r in mentions.within(s.starts[open_ + 1], s.ends[close - 1]) if r[2].type == "PER" and r[0] == s.starts[open_ + 1]]
                            if pers:
                                speaker = pers[0][2].id
            if speaker is None and cue.i > 0 and words[cue.i - 1] in lx["pronoun_before"]:
                prev = sent_quotes[-1] if sent_quotes else None
                speaker = prev.speaker if prev is not None and prev.speaker is not None else last_speaker
            if speaker is None and words[cue.i][:1] == lx["cl"]["fa"] and not cue.part:
                # «أما وكالة "إسنا" فقالت إن»: the topic speaks
                t0 = next((t for t in range(cue.i - 1, max(-1, cue.i - 9), -1) if words[t] in lx["topic"] or words[t] in _CLAUSE), None)
                if t0 is not None and words[t0] in lx["topic"] and t0 + 1 < cue.i:
                    speaker = self._np_ref(doc, s, t0 + 1, cue.i, mentions, lx)
            if speaker is None and cue.i > 1 and words[cue.i - 1] in lx["relative"] and not cue.part:
                # «حسب المنظمة الدولية للهجرة التي أعلنت أن»: the relative's antecedent said it
                speaker = self._antecedent(doc, s, cue.i - 1, lx, mentions)
            if speaker is None:
                speaker = self._left_subject(doc, s, cue, lx, mentions)
            if speaker is None and cue.part and not sent_quotes:
                # «ووصفت الأناضول العملية بـ"..."، مضيفة أن»: a participle goes with the subject
                # of its sentence's verb, not with an earlier speaker
                speaker = self._main_subject(doc, s, cue, lx, mentions, speech_pairs)
                if speaker is None:
                    speaker = self._clause_subject(s, cue, lx, mentions)
            if speaker is None and not cue.part:
                # «... بومبيو، اجتمع مع زعيم كوريا الشمالية، وقال إن»: the person the sentence
                # is about, outside any quote, speaks on
                since = sent_quotes[-1].content.end if sent_quotes else s.start
                pers = [r for r in mentions.within(since, s.starts[cue.i]) if r[2].type == "PER"]
                # «جاء ذلك في مقابلة لبانيتا مع الزميلة كريستيان امانبور، حيث قال»: whose the
                # statement is, not whom it was given to
                own = [r for r in pers if r[0] in mentions.clitic and doc.text[r[0]] == lx["cl"]["li"] and s.index_at(r[0]) > 0 and lx["statement"].match(words, s.index_at(r[0]) - 1)]
                if own:
                    pers = own[:1]
                if pers:
                    speaker = pers[-1][2].id
                elif not sent_quotes and words[cue.i][:1] in lx["cl"]["conj"]:
                    # «وكانت إسرائيل قد أطلقت ... ونفذت غارات ... وصرحت بعدها أن»: a joined cue
                    # with no subject of its own has the subject of the sentence's first verb
                    speaker = self._main_subject(doc, s, cue, lx, mentions, speech_pairs, types=("PER", "ORG", "LOC"))
            if speaker is None:
                if sent_quotes and sent_quotes[-1].speaker is not None:
                    speaker = sent_quotes[-1].speaker
                    via = sent_quotes[-1].via
                    prev_cue = sent_quotes[-1].cue
                    if cue.part and via is not None and prev_cue is not None and lx["convey"].match(words, s.index_at(prev_cue.start)) and not self._disagrees(doc, cue, s, via, lx):
                        # «ونقلت الصحيفة عن شهود قولهم إن ...، مشيرة إلى أن»: the participle goes
                        # with the subject of the verb «نقل», the conveyor (not after «نقلا عن»)
                        speaker, via = via, None
                else:
                    speaker = last_speaker
            if speaker is None and not cue.part and words[cue.i][:1] in lx["cl"]["conj"] and (np_stop is None or np_stop == np_start):
                # «ودعا بانوس مومسيس القوى الكبرى ... وقال في جنيف:»: a continuing «وقال» with no
                # quote before it goes with the person last named
                pers = [r for r in mentions.within(max(0, s.start - 600), s.starts[cue.i]) if r[2].type == "PER"]
                if pers:
                    speaker = pers[-1][2].id
        if speaker is None:
            return None  # «حيث اعتُبر أنهم»: no one said it
        cue_span = Span(s.starts[cue.i], s.ends[cue.j - 1])
        if quote_open is not None:
            kq, p = quote_open
            used_pairs.add(kq)
            q = Quote(kind="direct", speaker=speaker, cue=cue_span, content=Span(p[0] + 1, p[1]), via=via)
            nxt = s.index_at(p[1] + 1)
            return q, nxt
        # reported speech: from after the complementizer to the end of what the cue governs
        start_tok = comp + 1
        if start_tok >= n:
            return None
        relative = cue.i > 0 and words[cue.i - 1] in lx["relative"]
        end_tok = n
        for t in range(start_tok + 1, n):
            w = words[t]
            if relative and w in _CLAUSE:
                end_tok = t
                break
            if pair_at(s.starts[t]) is not None:
                end_tok = t
                break
            if lx["may_cue"](w) and (lx["parts"].match(words, t) or ((words[t - 1] in _CLAUSE or t > 1 and words[t - 2] in _CLAUSE and words[t - 1] in lx["new_clause"]) and lx["verbs"].match(words, t))) and not lx["impersonal"].match(words, t):
                # («...، فيما أوضحت أن»: another cue; but «عشرات آخرين، يعتقد أن من بينهم أطفال،
                # لا يزالون مفقودين»: a hedge goes on inside what was said)
                end_tok = t if words[t - 1] in _CLAUSE else t - 1
                break
            if lx["may_cue"](w) and t > 2 and words[t - 3] in _CLAUSE and f"{words[t - 2]} {words[t - 1]}" in lx["new_clause"] and lx["verbs"].match(words, t):
                end_tok = t - 2  # («...، في حين ذكرت قوات الإنقاذ»)
                break
            if w in lx["narration"] and words[t - 1] in _CLAUSE:
                end_tok = t
                break
        # trailing punctuation and a dangling «لكن»/«و» stay out of the content
        while end_tok > start_tok + 1 and (words[end_tok - 1] in _CLAUSE or words[end_tok - 1] in _STOP or words[end_tok - 1] in lx["trailing"]):
            end_tok -= 1
        content = Span(s.starts[start_tok], s.ends[end_tok - 1])
        # reading goes on inside: «أفادت تقارير بأن سكان القرية قالوا إن ...» nests a quote
        return Quote(kind="indirect", speaker=speaker, cue=cue_span, content=content, via=via), start_tok

    def _headline(self, doc, s: Sent, lx, mentions: Mentions):
        """«اليونيسيف: مليونا طفل يمني باتوا خارج المدرسة»: a line that opens with a person, an
        organisation or an unnamed source and a colon gives that speaker's words (not a place: «القاهرة:»
        is a dateline)."""
        words, n = s.words, len(s.words)
        if s.start > 0 and doc.text[s.start - 1] != "\n":
            return None
        c = next((x for x in range(1, min(n, 8)) if words[x] in _P["colon"]), None)
        if c is None or n - c < 4 or any(w in _MARKS for w in words[c + 1 :]):
            return None
        # «جيش الإسلام لـCNN:»: the outlet it spoke to ends the speaker's words; «منظمة "أنقذوا
        # الأطفال":» a name in marks
        b = c
        if b > 1 and words[b - 1][:1] == lx["cl"]["li"] and (mentions.at(s.starts[b - 1]) is not None or not words[b - 1][1:2].isalpha() or words[b - 1][1:].isascii()):
            b -= 1
        said_to = b < c
        while b > 1 and words[b - 1] in _MARKS:
            b -= 1
        r = mentions.at(s.starts[0])
        named = r is not None and r[0] == s.starts[0] and r[1] >= s.ends[b - 1] and r[1] <= s.ends[c - 1] and r[2].type in ("PER", "ORG")
        # «وزير الخارجية السعودي:» (a person's title), «جيش الإسلام لـCNN:» (said to an outlet),
        # «منظمة "أنقذوا الأطفال":»: a speaker the entities did not name; a short line naming a topic
        # («الانتخابات الباكستانية: أبرز الشخصيات») is a headline, not speech
        named_words = [w for w in words[:b] if w not in _MARKS]
        if not named_words:
            return None
        head = named_words[0][1:] if named_words[0][:1] in lx["cl"]["conj"] and named_words[0][1:] in lx["person_titles"] else named_words[0]
        titled = n <= 30 and len(named_words) <= 4 and (head in lx["person_titles"] or said_to and all(w[:1].isalpha() and not lx["may_cue"](w) for w in named_words))
        if not named and not titled and not (lx["unnamed"].match(words, 0) and len(named_words) <= 3):
            return None
        end = n
        while end > c + 1 and words[end - 1] in _STOP_OR_COLON:
            end -= 1
        speaker = r[2].id if named else self._np_ref(doc, s, 0, b, mentions, lx)
        return Quote(kind="direct", speaker=speaker, cue=Span(s.starts[c], s.ends[c]), content=Span(s.starts[c + 1], s.ends[end - 1]))

    def _np_ref(self, doc, s: Sent, a: int, b: int, mentions: Mentions, lx):
        """The speaker named by tokens [a, b): a person named there, an unnamed source as its
        words, else the organisation or place named there, else the words."""
        while b > a and s.words[b - 1] in _MARKS:
            b -= 1
        opened = a < b and s.words[a] in _MARKS
        while a < b and s.words[a] in _MARKS:
            a += 1
        if opened:
            # «"المرصد السوري لحقوق الإنسان" المعارض»: the name is what the marks hold
            b = next((t for t in range(a, b) if s.words[t] in _MARKS), b)
        if b <= a or s.words[a] in lx["not_speaker_first"]:
            return None
        # «بيان للقصر الملكي», «بيان المحكمة»: a statement speaks for its author
        st = lx["statement"].match(s.words, a)
        if st and a + st[1] >= b:
            st = None
        if st:
            # «بيان المحكمة», «بيان للقصر», «بيان صادر عن»: an author follows; «تقرير حقوقي»: none
            nxt = s.words[a + st[1]]
            if not (nxt.startswith(lx["cl"]["det"]) or nxt.startswith(lx["lil"]) or nxt in lx["li"] or lx["statement_links"].match(s.words, a + st[1])):
                st = None
            elif nxt in lx["link_heads"] and not lx["statement_links"].match(s.words, a + st[1]):
                st = None  # «البيان الصادر، الجمعة»: issued, by no one named here
        if st:
            a += st[1]
            while a < b and (s.words[a] in lx["li"] or lx["statement"].match(s.words, a)):
                a += 1
            link = lx["statement_links"].match(s.words, a) if a < b else None
            if link and a + link[1] < b:
                a += link[1]
        start, end = s.starts[a], s.ends[b - 1]
        if st and s.words[a].startswith(lx["lil"]):
            start += len(lx["lil"])  # «بيان للقصر الملكي»: the author, without the preposition and article
        # «متحدثة ... لفرانس برس»: a name written with «لـ» inside the phrase is spoken to
        rows = [r for r in mentions.within(start, end) if not (r[0] > start and r[0] in mentions.clitic and doc.text[r[0]] == lx["cl"]["li"])]
        pers = [r for r in rows if r[2].type == "PER"]
        if pers:
            after = s.index_at(pers[0][1])
            if pers[0][0] == start and len(pers) > 1 and after < b and s.words[after] in lx["person_titles"]:
                return pers[0][2].id  # «ابراهيم كالين المتحدث باسم الرئيس التركي رجب طيب أردوغان»: the name, then his title
            return pers[-1][2].id  # «رئيس منظمة "..." عبد العزيز ديالو»: the name after the title
        if lx["unnamed"].match(s.words, a) is not None:
            return span_ref(doc, start, end)
        # an organisation or place speaks when the phrase is its name, not when it is named
        # inside another phrase («قيادة عمليات بغداد»)
        e = best_entity([r for r in rows if r[0] <= start + 2])
        if e is not None:
            return e.id
        return span_ref(doc, start, end)

    @staticmethod
    def _name_after_place(s: Sent, a: int, k: int, mentions: Mentions, lx) -> tuple[int, int]:
        """«وقال المسؤول في حركة التغيير الديمقراطي تنداي بيتي إن»: a title with its «في» phrase,
        then the person's name right before the complementizer. Else the phrase [a, k)."""
        words, n = s.words, len(s.words)
        if any(r[2].type == "PER" for r in mentions.within(s.starts[a], s.ends[k - 1])):
            return a, k
        for t in range(k + 2, min(n, k + 7)):
            w = words[t - 1]
            if w in _CLAUSE or w in lx["comp"] or w in lx["stop"] and t - 1 > k or _addressee(w, lx) or lx["may_cue"](w):
                return a, k  # («في مقابلة مع جون»: whom he spoke with)
            r = mentions.at(s.starts[t])
            if r is not None and r[0] == s.starts[t] and r[2].type == "PER":
                if r[0] in mentions.clitic and words[t][:1] == lx["cl"]["li"]:
                    return a, k  # «في البنتاغون لفرانس برس أن»: whom it was said to
                e = s.index_at(r[1])
                while e < n and (nxt := mentions.at(s.starts[e])) is not None and nxt[0] == s.starts[e] and nxt[2].type == "PER":
                    e = s.index_at(nxt[1])  # «غول» «محمد منغال»: one name the entities cut in two
                # («ديفيد شيرر: إن»: a colon may come before the complementizer; «منصور العتيبي بعد
                # ظهر الجمعة لصحافيين إنّ», «رياض منصور على أنه»: when and to whom in between)
                said_to = False
                for x in range(e, min(n, e + 12)):
                    if words[x] in lx["comp"] or words[x] == ":":
                        return t, e
                    if words[x] in _CLAUSE or lx["may_cue"](words[x]):
                        break
                    if _addressee(words[x], lx) or words[x][:1] == lx["cl"]["li"]:
                        said_to = True  # «لوكالة فرانس برس»: to whom, with the outlet's name
                    elif not (said_to or words[x] in lx["stop"] or words[x] in lx["particles"] or words[x] in _MARKS or lx["statement"].match(words, x)):
                        break  # («في تصريح لقناتي "العربية" و"الحدث"»: where and to whom he said it)
                return a, k
        return a, k

    @staticmethod
    def _apposed_name(s: Sent, a: int, k: int, mentions: Mentions, lx) -> tuple[int, int]:
        """«وقال وزير الخارجية، آلان بيتر كايتانو، في بيان، إنه»: a title, then the person's name
        between commas: the speaker is the name. Else the phrase [a, k)."""
        words, n = s.words, len(s.words)
        inside = [r for r in mentions.within(s.starts[a], s.ends[k - 1]) if r[2].type == "PER"]
        if inside:
            # «وقال مدير معسكر أرتيك، أليكساي كاسبارزاك، لخدمة»: a one-word «person» ending the
            # title (a place the tagger mistook) gives way to a full name between commas after it
            r = mentions.at(s.starts[k + 1]) if k + 1 < n and words[k] in _COMMA else None
            one_word = len(inside) == 1 and s.index_at(inside[0][0]) == k - 1 and s.index_at(inside[0][1]) == k
            if one_word and r is not None and r[0] == s.starts[k + 1] and r[2].type == "PER" and s.index_at(r[1]) > k + 2:
                e = s.index_at(r[1])
                if e < n and (words[e] in _COMMA or words[e] in lx["comp"]):
                    return k + 1, e
            return a, k
        # «وزير الدولة للشؤون الخارجية في الإمارات، أنور قرقاش، أن»: the title may go on a little
        c = next((t for t in range(k, min(n, k + 7)) if words[t] in _COMMA or words[t] in lx["comp"] or words[t] in _STOP_OR_COLON), None)
        if c is None or words[c] not in _COMMA:
            return a, k
        for t in (c + 1, c + 2):
            if t >= n:
                break  # the sentence ends at the comma
            if t == c + 2 and (lx["may_cue"](words[c + 1]) or words[c + 1] in lx["stop"]):
                break  # «...، قال بلينكن إن»: another cue, not a name
            r = mentions.at(s.starts[t])
            if r is not None and r[0] == s.starts[t] and r[2].type == "PER":
                e = s.index_at(r[1])
                if e >= n or words[e] in _COMMA or words[e] in lx["comp"] or words[e] in _STOP:
                    return c + 1, e  # «آلان بيتر كايتانو»: the first name may be outside the mention
                return a, k
        # «وقال عمدة المدينة، أمان توليفيف، صباح الإثنين، إن»: after a person's title, two or three
        # words between commas that are no date, preposition or article-led noun are a name the
        # entities did not know (or took for a place or an organisation: «ماي آيك كياو»)
        head = words[a][1:] if words[a][:1] in lx["cl"]["conj"] and words[a][1:] in lx["person_titles"] else words[a]
        e = next((t for t in range(c + 1, min(n, c + 6)) if words[t] in _COMMA or words[t] in lx["comp"]), None)
        name = [t for t in range(c + 1, e) if words[t] != _HASH] if e is not None else []
        if head in lx["person_titles"] and 2 <= len(name) <= 3 and all(
            w[:1].isalpha() and not (w.startswith(lx["cl"]["det"]) and not _name_article(words, t, lx)) and w not in lx["stop"] and not lx["may_cue"](w) and w not in lx["relative"] and not _has_clitic_prep(w, lx)
            and ((r := mentions.at(s.starts[t])) is None or r[2].type != "PER")
            for t, w in ((t, words[t]) for t in name)
        ):
            return c + 1, e
        return a, k

    @staticmethod
    def _name_after_title(doc, s: Sent, a: int, k: int, mentions: Mentions, lx) -> tuple[int, int]:
        """«وقال رئيس اللجنة الرئاسية لتنسيق إدخال البضائع للقطاع رائد فتوح إن»: a title that
        goes on with «لـ» and then a name right before the complementizer: the speaker is the name
        (the «لـ» word ends the title, it is not whom he spoke to). Else the phrase [a, k)."""
        words, n = s.words, len(s.words)
        if any(r[2].type == "PER" for r in mentions.within(s.starts[a], s.ends[k - 1])):
            return a, k
        e = next((t for t in range(k + 1, min(n, k + 8)) if words[t] in lx["comp"]), None)
        if e is None or e == k + 1:
            return a, k  # «قال للصحفيين إن»
        if words[k].endswith(lx["pronoun_endings"]) and not words[k].startswith(lx["lil"]):
            return a, k  # «لنظيره جون كيري»: spoke to his counterpart
        r = mentions.at(s.starts[k + 1])
        if r is not None and r[0] == s.starts[k + 1] and r[2].type == "PER" and s.index_at(r[1]) == e:
            return k + 1, e
        # «منسق الأمم المتحدة للشؤون الإنسانية في سوريا بانوس مومتزيس إن»: the title goes on, the
        # person is named right before the complementizer
        last = mentions.at(s.ends[e - 1] - 1)
        if last is not None and last[2].type == "PER" and s.index_at(last[1]) == e and last[0] > s.starts[k] and last[0] not in mentions.clitic and not any(w in _CLAUSE for w in words[k:e]):
            return s.index_at(last[0]), e
        # a name the entities layer missed: two or three words with no article, no preposition, no
        # date («للصحفيين صباحا» is when he spoke)
        if e - k - 1 < 2:
            return a, k
        for t in range(k + 1, e):
            w = words[t]
            if not w[:1].isalpha() or w.startswith(lx["cl"]["det"]) or w in lx["stop"] or _addressee(w, lx) or mentions.at(s.starts[t]) is not None or any(x.start <= s.starts[t] < x.end for x in doc.times):
                return a, k
        return k + 1, e

    def _main_subject(self, doc, s: Sent, cue: _Cue, lx, mentions, speech_pairs, types=("PER", "ORG")):
        """The subject of the verb that opens the sentence of a participle cue: after a speech
        verb with no content of its own («أعلنت السلطات الكوبية عن تحطم طائرة، مشيرة إلى أن»),
        or a person or organisation named right after the first word («ووصفت الأناضول»)."""
        words = s.words
        # «هافانا، كوبا (CNN)-- أعلنت»: the sentence begins after a dateline
        h = next((t + 1 for t in range(min(len(words), 12) - 1, -1, -1) if words[t] in _DASHES and t + 1 < cue.i), 0)
        opener = lx["openers"].match(words, h) if h < cue.i else None
        if opener and h + opener[1] < cue.i and words[h + opener[1]] in _COMMA:
            h += opener[1] + 1  # «من جهتها، نددت تركيا»
        if h < cue.i - 2 and any(v in lx["aux"] for v, _ in variants(words[h])) and lx["may_cue"](words[h + 1]):
            h += 1  # «وقد أكدت وكالة الأنباء ...، وذكرت»: a speech verb after the auxiliary
        if h < cue.i - 3 and (words[h] in lx["negation"] or words[h][:1] in lx["cl"]["conj"] and words[h][1:] in lx["negation"]):
            h += 1  # «ولم تتمكن السلطات من تحديد عددهم، وتقول إنها»: the verb after the negation
        if cue.i < h + 2:
            return None
        if lx["may_cue"](words[h]):
            hit = lx["verbs"].match(words, h)
            if hit:
                j = h + hit[1]
                if j < cue.i and _commends(s, j, lx, mentions):
                    return None  # «ونوه بأهمية اللقاء، مشيراً إلى»: what was praised, no subject named
                end = min(np_end(s, j, lx, speech_pairs), cue.i)
                return self._np_ref(doc, s, j, end, mentions, lx) if end > j else None
        w0 = words[h]
        # (the view folds «أ»: «ألقى» reads «القي», so the article is checked on the source text)
        if not w0[:1].isalpha() or w0 in lx["stop"] or doc.text.startswith(lx["cl"]["conj_det"], s.starts[h]):
            return None
        r = mentions.at(s.starts[h + 1]) if len(words) > h + 1 else None
        if r is None and cue.part and h + 1 < cue.i and words[h + 1] in lx["partitive"] and not doc.text.startswith(lx["cl"]["det"], s.starts[h]):
            # «وامتنع أحد مسؤولي داموج ... عن التعليق قائلاً إن»: a count of people is the subject
            end = min(np_end(s, h + 1, lx, speech_pairs), cue.i)
            return self._np_ref(doc, s, h + 1, end, mentions, lx) if end > h + 2 else None
        if r is None and (cue.part or words[cue.i][:1] in lx["cl"]["conj"]) and h + 1 < cue.i and words[h + 1].startswith(lx["cl"]["det"]) and not doc.text.startswith(lx["cl"]["det"], s.starts[h]):
            # «وألقى الحزب اللوم على إيران، قائلا إن»: an unnamed subject after the verb
            # the noun and its adjectives («الحزب الديمقراطي»), not the verb's object after them
            end = h + 2
            while end < cue.i and words[end].startswith(lx["cl"]["det"]) and nisba_like(words, end, lx["nisba"]):
                end += 1
            # «وقدمت الخبيرة الدولية في الأمم المتحدة د.أستريد ستوكيلبيرغر عرضا»: the title's name
            edge = next((t for t in range(end, cue.i) if words[t] in _CLAUSE), cue.i)
            if edge - end <= 5:
                pers = [r for r in mentions.within(s.starts[end], s.ends[edge - 1]) if r[2].type == "PER" and r[0] not in mentions.clitic] if edge > end else []
                if pers:
                    return pers[0][2].id
            return self._np_ref(doc, s, h + 1, end, mentions, lx)
        if r is None and cue.part and h + 1 < cue.i:
            # «دعا رجل الدين الشيعي العراقي، مقتدى الصدر، الخميس، إلى ...، قائلاً»: the name
            # between commas after the title that follows the first verb
            c = next((t for t in range(h + 1, min(cue.i, h + 8)) if words[t] in _CLAUSE), None)
            p = mentions.at(s.starts[c + 1]) if c is not None and c + 1 < cue.i else None
            if p is not None and p[0] == s.starts[c + 1] and p[2].type == "PER" and s.index_at(p[1]) < cue.i and words[s.index_at(p[1])] in _COMMA:
                return p[2].id
        # («نددت تركيا بقرار ...، معتبرة أنه»: a country is the subject a participle goes with)
        if r is None or r[0] != s.starts[h + 1] or r[0] in mentions.clitic or (r[2].type not in types and not (cue.part and r[2].type == "LOC")) or r[1] > s.starts[cue.i]:
            return None
        return r[2].id

    @staticmethod
    def _clause_subject(s: Sent, cue: _Cue, lx, mentions):
        """«في الوقت الذي تشهد فيه أوروبا ... جدلاً، دعا الرئيس الفرنسي إيمانويل ماكرون، إلى ...،
        مشيراً إلى أنه»: after an opening clause, the person named right after the verb that
        opens the last clause before the participle."""
        words = s.words
        for t in range(cue.i - 2, 0, -1):
            if words[t] not in _COMMA:
                continue
            v = t + 1
            w = words[v]
            if not w[:1].isalpha() or w in lx["stop"] or w.startswith(lx["cl"]["det"]) or v + 1 >= cue.i:
                continue
            for x in range(v + 1, min(cue.i, v + 5)):
                if words[x] in _CLAUSE:
                    break
                r = mentions.at(s.starts[x])
                if r is not None and r[0] == s.starts[x]:
                    if r[2].type == "PER" and r[0] not in mentions.clitic:
                        return r[2].id
                    break
        return None

    @staticmethod
    def _disagrees(doc, cue, s: Sent, via, lx) -> bool:
        """A masculine participle with a feminine conveyor («ونقلت القناة ...، مشيرا»)."""
        part = doc.text[s.starts[cue.i] : s.ends[cue.i]]
        conveyor = ref_text(doc, via) or ""
        return not part.endswith(lx["feminine"]) and conveyor.endswith(lx["feminine"])

    def _antecedent(self, doc, s: Sent, rel: int, lx, mentions):
        """What the relative word at token ``rel`` refers to: the name ending right before it, or
        an unnamed source's words back to a clause edge («مصادر أمنية التي»)."""
        r = mentions.at(s.starts[rel - 1])
        if r is not None and r[1] == s.ends[rel - 1] and r[2].type in ("PER", "ORG"):
            return r[2].id
        a = rel
        while a > 0 and rel - a < 5 and s.words[a - 1] not in _EDGE and s.words[a - 1] not in _CLAUSE and s.words[a - 1] not in lx["stop"] and not lx["according"].match(s.words, a - 1):
            a -= 1
        if a < rel and lx["unnamed"].match(s.words, a):
            ref = self._np_ref(doc, s, a, rel, mentions, lx)
            if isinstance(ref, SpanRef) and a > 0 and s.words[a][:1] == lx["cl"]["li"] and lx["according"].match(s.words, a - 1):
                ref = span_ref(doc, ref.start + _li_len(doc.text, ref.start), ref.end)  # «وفقا للوكالة التي أشارت»
            return ref
        return None

    def _left_subject(self, doc, s: Sent, cue: _Cue, lx, mentions):
        """SVO order: «وزير الخارجية ... بلينكن قال إن», «وكان مدير الشركة، فلان، أفاد»:
        the subject before a bare cue, auxiliaries and an apposition between commas allowed."""
        w0 = s.words[cue.i]
        if cue.part or w0[:1] in lx["cl"]["conj"] and lx["verbs"].match([w0[1:]], 0):
            return None
        if cue.i > 1:
            # «رجل أعمال فرنسي لبناني يدعى زياد تقي الدين يقول إنه»: a person named right before
            # a bare cue, not after a preposition, is its subject wherever the clause began
            last = mentions.at(s.starts[cue.i - 1])
            if last is not None and last[2].type == "PER" and last[1] == s.ends[cue.i - 1] and last[0] not in mentions.clitic:
                x = s.index_at(last[0])
                if x > 0 and s.words[x - 1] not in lx["stop"] and s.words[x - 1] not in _CLAUSE and s.words[x - 1] not in lx["comp"]:
                    return last[2].id
        if s.words[cue.i].endswith(lx["plural_cue"]):
            # «مقابلات مع ثمانية ناجين قالوا إنه»: a counted noun right before a plural cue is its
            # subject (who said it), wherever the clause began
            for a in range(cue.i - 2, max(0, cue.i - 4), -1):
                if any(q.start == s.starts[a] for q in doc.quantities) and all(w[:1].isalpha() and w not in lx["stop"] and not lx["verbs"].match([w], 0) for w in s.words[a + 1 : cue.i]):
                    return self._np_ref(doc, s, a, cue.i, mentions, lx)
        b = cue.i
        def aux(w):
            return any(v in lx["aux"] for v, _ in variants(w))

        while b > 0 and (aux(s.words[b - 1]) or s.words[b - 1] in _CLAUSE):
            b -= 1
        a = b

        def opens(x):  # the clause of the subject begins at word x
            return s.words[x - 1] in _EDGE or s.words[x - 1] in lx["comp"] or s.words[x - 1] in lx["new_clause"] or (s.words[x - 1] in _CLAUSE and s.words[x] in lx["new_clause"])

        # («... ومعالجة المياه لكن منظمة الصحة العالمية قالت إنها»: «لكن» opens it without a comma)
        while a > 0 and b - a < 12 and not opens(a):
            a -= 1
        if a > 0 and not opens(a):
            return None  # the clause began further back: this is not its subject
        while a < b and (aux(s.words[a]) or s.words[a] in lx["cont"]):
            a += 1
        if a >= b or s.words[a] in _MARKS:
            return None  # («وصفته الشرطة بأنه "حدث خاص"، فيما أوضحت أن»: quoted words are no subject)
        w0 = s.words[a]
        core = w0[1:] if w0[:1] in lx["cl"]["conj"] and len(w0) > 2 else w0
        if a + 1 < b and (core in lx["publish"] or w0 in lx["publish"]):
            # «نشرت صحيفة "صباح" أسماء 15 شخصا تقول إنهم»: the subject follows the verb that opens the clause
            a += 1
            w0 = core = s.words[a]
            # («أصدرت الوزارة بيانا قالت فيه»: the statement published is not part of who said it)
            b = next((t for t in range(a + 1, b) if lx["statement"].match(s.words, t)), b)
        if core in lx["not_left"] or core in lx["stop"] or s.words[b - 1] in lx["not_left"]:
            return None  # «وبعدما رافق الجنرال إلى سيارته، أضاف», «جاء ذلك في كلمة ... حيث قال»: a circumstance
        if any(s.words[t] in lx["cont"] for t in range(a, b)):
            return None
        # «سكان قرية طيبة في المحافظة نفسها قالوا»: the subject ends where a circumstance begins
        # «لكن اثنين من السكان قالا»: a number keeps the «من» phrase that says of whom
        counted = any(q.start <= s.starts[a] < q.end for q in doc.quantities)
        stop = next((t for t in range(a + 1 if counted else a, b) if s.words[t] in lx["stop"] and not (counted and t == a + 1)), None)
        if stop is not None:
            # «كبير المستشارين في البيت الأبيض لاري كادلو قال»: a person named right before the cue
            last = mentions.at(s.starts[b - 1])
            if last is not None and last[2].type == "PER" and last[1] == s.ends[b - 1] and last[0] > s.starts[stop]:
                return last[2].id
            b = stop
            if b <= a:
                return None
        if any(lx["verbs"].match(s.words, t) for t in range(a, b)):
            return None
        return self._np_ref(doc, s, a, b, mentions, lx)


def _source_head(words: list[str], x: int, lx) -> bool:
    """Word x can head a speaker phrase: an unnamed source, a person's title, an organisation word."""
    return x < len(words) and (lx["unnamed"].match(words, x) is not None or words[x] in lx["noun_cue_heads"])


def _reports_on_own(words: list[str], i: int, j: int, lx) -> bool:
    """«ونقلت وكالة الأناضول أن»: «أن» follows the conveyor's name with no «عن» before it; the verb
    opens its clause («قرار نقل السيادة بأن» is a transfer)."""
    if i > 0 and words[i - 1] not in _CLAUSE and words[i][:1] not in lx["cl"]["conj"]:
        return False
    for t in range(j, min(len(words), j + 8)):
        if words[t] in lx["comp"]:
            return t > j
        if words[t] in _CLAUSE or words[t] in lx["from"] or stem_of(words[t]) in lx["from"]:
            return False
    return False


def _chanted(text: str, pairs, k: int, kept: set, lx) -> bool:
    """Whether the quotation marks pairs[k] follow a verb of chanting in their sentence (a few
    words before), or follow such a slogan joined by «و»."""
    p = pairs[k]
    if k > 0 and pairs[k - 1] in kept and _slogans_joined(text, pairs[k - 1][1], p[0]):
        return True
    before = text[max(0, p[0] - 80) : p[0]]
    cut = max(before.rfind(c) for c in _SENT_ENDS)
    words = before[cut + 1 :].split()[-5:]
    return any(fold(w.strip(_EDGE_MARKS)) in lx["chant_forms"] for w in words)


def _slogans_joined(text: str, close: int, open_: int) -> bool:
    """Whether only «و» or a comma stands between a closing mark and the next opening one."""
    return text[close + 1 : open_].strip() in _AND_JOIN


def _name_article(words: list[str], t: int, lx) -> bool:
    """Whether the article-led word t is part of a name («عطاء الله», «عبد الرحمن»)."""
    return t > 0 and (words[t] in lx["name_article_words"] or words[t - 1] in lx["name_article_after"])


def _dated_aside(doc: Document, s: Sent, t: int) -> bool:
    """The comma at token t opens or closes a date between commas («نتائج التعداد، الأربعاء، أن»)."""
    def dated(x):
        return 0 <= x < len(s.words) and any(tm.start <= s.starts[x] < tm.end for tm in doc.times)
    return dated(t + 1) or dated(t - 1)


def _has_clitic_prep(w: str, lx) -> bool:
    """«بالقرب», «لشبكة»: a word opened by «بـ» or «لـ» and more than a short name."""
    return w[:1] in (lx["cl"]["bi"], lx["cl"]["li"]) and len(w) > 4


def _commends(s: Sent, j: int, lx, mentions) -> bool:
    """«نوه بأهمية اللقاء»: a noun with «بـ» right after the verb, not a name, is what it praises."""
    w = s.words[j]
    return w[:1] == lx["cl"]["bi"] and len(w) > 2 and w not in lx["comp"] and mentions.at(s.starts[j]) is None


def np_end(s: Sent, j: int, lx, speech_pairs=()) -> int:
    """End (token index) of the speaker phrase that starts at token j."""
    words, n = s.words, len(s.words)
    head_unnamed = j < n and lx["unnamed"].match(words, j) is not None
    head_statement = j < n and lx["statement"].match(words, j) is not None
    k = j
    while k < n:
        w = words[k]
        pos = s.starts[k]
        if any(p[0] == pos for p in speech_pairs):
            break
        if w in lx["comp"] or w in _CLAUSE or w in lx["saying"] or w in _STOP_OR_COLON or w in _BRACKETS or w in _DASHES or w in lx["negation"]:
            break  # («مصدر دبلوماسي لم تذكر اسمه»: a negated clause describes the speaker)
        link = lx["statement_links"].match(words, k) if head_statement and k > j else None
        if link:
            k += link[1]  # «التقرير الصادر عن الحركة»: the author follows the link
            continue
        if w in lx["stop"] and k not in s.names and not (k == j + 1 and words[j] in lx["partitive"] and k + 1 < n and words[k + 1] not in lx["comp"]):
            # «مسؤولو الصحة في غزة إنها», «مسؤول في الدفاع المدني إن»: a short «في» phrase
            # right before the content belongs to an unnamed source
            if head_unnamed and w in lx["place_prep"] and not lx["statement"].match(words, k + 1):
                for t in (k + 2, k + 3):
                    if t < n and words[t] in lx["comp"] and not any(words[x] in lx["stop"] or words[x] in _CLAUSE for x in range(k + 1, t)):
                        k = t
                        break
            break
        # «قال للصحفيين»: an addressee, not the speaker; but «بيان للقصر» names the author
        if k > j and (w.startswith(lx["lil"]) or w in lx["li"] or (w[:1] == lx["cl"]["li"] and w[1:] in lx["addressee_heads"] and not any(stem_of(x) in lx["addressee_heads"] for x in words[j:k]))) and not (head_statement and k == j + 1):
            break  # («لصحيفة "جاكرتا بوست"», «لوكالة رويترز»: whom he spoke to; but «الموقع الإلكتروني لشبكة» is the network's)
        if lx["may_cue"](w) and (lx["verbs"].match(words, k) or lx["parts"].match(words, k)) or lx["relay"].match(words, k):
            break
        k += 1
    return k


def _subject_in_marks(doc: Document, pair, lx) -> bool:
    """«أفاد "المرصد السوري لحقوق الإنسان" عن», «قال "X" إن»: words in quotation marks followed by
    «عن» or a complementizer are who speaks, not what is said."""
    pos = pair[1] + 1
    for _ in range(3):  # («ويقول "المرصد السوري" المعارض إن»: an adjective of the name may come first)
        m = _NEXT_WORD.match(doc.text, pos)
        if m is None:
            return False
        w = fold(m.group(1))
        if w in lx["comp"] or w in lx["from"]:
            return True
        if not w.startswith(lx["cl"]["det"]):
            return False
        pos = m.end()
    return False


_WORD = r"([^\s" + re.escape(_P["word_edges"]) + r"]+)"
_NEXT_WORD = re.compile(r"\s*" + _WORD)
_PREV_WORD = re.compile(_WORD + r"\s*$")


def _named_by_head(doc: Document, pair, lx) -> bool:
    """«منظمة "أطباء بلا حدود"», «تلفزيون "المسيرة"»: a few words in quotation marks right after a
    noun that heads names are a name."""
    if pair[2] > 4:
        return False
    m = _PREV_WORD.search(doc.text, max(0, pair[0] - 40), pair[0])
    if m is None:
        return False
    # a name follows its head in the construct state: «التحالف "..."» is a speaker, then speech
    w = fold(m.group(1))
    return any(v in lx["name_heads"] for v, cut in variants(w) if not w[:cut].endswith(lx["cl"]["det"]))



def _quoted_name(mentions: Mentions, pair) -> bool:
    """Whether the words between a pair of quotation marks are one named entity."""
    r = mentions.at(pair[0] + 1)
    return r is not None and r[0] == pair[0] + 1 and r[1] == pair[1]


def _li_len(text: str, pos: int) -> int:
    """Letters of «لـ» at ``pos``: «للأرصاد» loses «لل» (the article's alef is gone), «لوزارة» «ل»."""
    lil = clitics()["lil"]
    return len(lil) if text.startswith(lil, pos) else 1


def _says_own(word: str, lx) -> bool:
    """«لقوله», «لقولها»: «لـ» on a saying noun whose pronoun is a speaker already named."""
    return word[:1] == lx["cl"]["li"] and word[1:] in lx["saying"]


def _addressee(word: str, lx) -> bool:
    """«لـ"رويترز"», «للصحفيين»: a word addressed to, written with «لـ»."""
    return word in lx["li"] or word.startswith(lx["lil"])


def speaker_of(doc: Document, start: int, end: int):
    """The quote whose content holds [start, end), or None."""
    for q in doc.quotes:
        if q.content.start <= start and end <= q.content.end:
            return q
    return None


__all__ = ["Quotes", "quote_pairs", "speaker_of", "SpanRef"]
