"""``claims``: figures of people and aid as claims, each with the source the article gives.

A figure from the quantities layer becomes a claim when a casualty word governs it
(``data/ar/casualties.yaml``): a noun or verb after it («68 قتيلا», «7 أشخاص مصرعهم») or before it
(«مقتل 4», «اعتقل 2080»). A figure right after «منهم/بينهم» is part of the previous one and
takes its category; a figure joined by «و» to a previous claim with no word of its own takes its
category too. The source is, in order: the speaker of a quote holding the figure, the phrase after
an attribution cue of the sentence («بحسب مصادر فلسطينية رسمية»), the subject of a speech verb
before it («أعلنت الوزارة مقتل»), else the article itself.
"""

from __future__ import annotations

import bisect
import functools

from ..document import Document, Span
from ..facts import Claim, Quantity, SpanRef
from ..lexicon import clitics, load, punct
from ..pipeline import Stage
from ._factwords import PhraseIndex, Sent, body, fold, stem_of, variants
from ._refs import mentions_of, best_entity, span_ref
from .quotes import Quotes, lexicon as speech_lexicon
from .quotes import _li_len, _says_own, np_end

_CLAUSE = punct()["boundary"]
_STOP_OR_COLON = punct()["stop"] | punct()["colon"]
_QUOTES = punct()["quote_marks"]
_STOP = punct()["stop"]
_DASHES = punct()["dashes"]


_OWN = tuple(fold(w) for w in load("ar/clitics.yaml")["enclitics"]["pron"])


@functools.cache
def lexicon():
    c = load("ar/casualties.yaml")
    s = load("ar/sources.yaml")
    duals = c["duals"]
    verb_forms = {k: [w + e for w in v.get("after_verbs", ()) for e in c["agreement_endings"]] for k, v in c["categories"].items()}
    cats = {k: {"before": v["before"], "after": v["after"] + duals.get(k, []) + verb_forms[k]} for k, v in c["categories"].items()}
    persons = PhraseIndex(c["persons"] + duals["persons"])
    groups = PhraseIndex({k: v + duals.get(k, []) for k, v in c["groups"].items()})
    return {
        "after_verb_forms": frozenset(fold(f) for forms in verb_forms.values() for f in forms),
        "before": PhraseIndex({k: v["before"] for k, v in cats.items()}, short_conj=True),
        "after": PhraseIndex({k: v["after"] for k, v in cats.items()}, short_conj=True),
        "forms": frozenset().union(
            *(PhraseIndex({k: v[side] for k, v in cats.items()}, short_conj=True).surfaces() for side in ("before", "after")),
            PhraseIndex(c["aid_units"]).surfaces(), persons.surfaces(), groups.surfaces(),
        ),
        # dual nouns («قتيلين», «طفلين») without the article: «القتيلين» names two already counted
        "duals": frozenset(
            conj + prep + fold(w) for forms in duals.values() for w in forms for conj in ("", *clitics()["conj"]) for prep in ("", *_prep_letters())
        ),
        # «فلسطينيين قتلا»: a dual verb after a nationality in «ـين» makes it two
        "dual_verbs": frozenset(fold(w + c["dual_ending"]) for v in c["categories"].values() for w in v.get("after_verbs", ())),
        "dual_after": frozenset(fold(w) for w in c["dual_after"]),
        "dual_noun_endings": tuple(c["dual_noun_endings"]),
        "dual_nisba": tuple(c["dual_nisba"]),
        "injured_context": PhraseIndex(c["injured_context"]),
        "injured_forms": PhraseIndex(c["injured_context"]).surfaces(),
        "gap_ok": PhraseIndex(c["gap_ok"], bare=True),
        "out_of": PhraseIndex(c["out_of"]),
        "of": {fold(w) for w in c["of"]},
        "hedge_after": PhraseIndex(load("ar/numbers.yaml")["hedges_after"]),
        "adjacent_only": frozenset(fold(cj + w) for w in c["adjacent_only"] for cj in ("", *clitics()["conj"])),
        "planned": PhraseIndex(c["planned_before"]),
        "total": PhraseIndex(c["total_words"]),
        "status": PhraseIndex(c["status_nouns"]),
        "planned_forms": PhraseIndex(c["planned_before"]).surfaces(),
        "aid_units": PhraseIndex(c["aid_units"]),
        "aid_words": {fold(w) for w in c["aid_words"]},
        "vehicle_units": frozenset(c["vehicle_units"]),
        "diseases": {stem_of(fold(w)) for w in c["diseases"]},
        "restating": {fold(w) for w in c["restating"]},
        "not_displaced_groups": frozenset(c["not_displaced_groups"]),
        "marching": {stem_of(fold(w)) for w in c["marching"]},
        "going_out": {stem_of(fold(w)) for w in c["going_out"]},
        "population": {stem_of(fold(w)) for w in c["population"]} | {fold(w) for w in c["population"]},
        "aid_context": {fold(w) for w in c["aid_words"] + c["aid_context"]},
        "persons": persons,
        "persons_forms": persons.surfaces() | groups.surfaces(),
        "groups": groups,
        "demonym_endings": tuple(fold(w) for w in c["demonym_endings"]),
        "demonyms": {_demonym_base(fold(w), c): w for w in c["demonyms"]},
        "relay_from": {fold(w) for w in s["relay_from"]},
        "report_verbs": PhraseIndex(s["report_verbs"]),
        "count_verbs": PhraseIndex(s["count_verbs"]),
        "blame_verbs": PhraseIndex(s["blame_verbs"]),
        "blame_objects": {fold(w) for w in s["blame_objects"]},
        "not_asserting": frozenset(s["not_asserting"]),
        "then_words": {fold(w) for w in s["then_words"]},
        "anaphora": {fold(w) for w in load("ar/events.yaml")["anaphora"]},
        "filler": {fold(w) for w in s["filler"]},
        "part_of": PhraseIndex(c["part_of"], bare=True),
        "part_after": {fold(w) for w in c["part_after"]},
        "not_before": PhraseIndex(c["not_before"]),
        "apposition": PhraseIndex(c["apposition"], bare=True),
        "preps": {fold(w) for w in c["joining_preps"]},
        "after_ok": PhraseIndex(c["after_ok"], bare=True),
        "directions": PhraseIndex(c["directions"], bare=True),
        "according": PhraseIndex([w for w in s["according_to"] if w not in s["wording_only"]]),
        "not_source": PhraseIndex(s["not_source_heads"]),
        "unnamed": PhraseIndex(s["unnamed_heads"]),
        "source_nouns": PhraseIndex(s["source_nouns"]),
        "author_from": {fold(w) for w in s["author_from"]},
        "as_stated": {fold(w) for w in s["as_stated"]},
        "intent_categories": frozenset(c["intent_categories"]),
        "together": frozenset(c["counted_together"]),
        "one_of": {fold(w) for w in c["one_of"]},
        "part_reach": c["part_of_reach"],
        "alternative": {fold(w) for w in c["alternative"]},
        "most_of": {fold(w) for w in c["most_of"]},
        "toll_nouns": {fold(w) for w in c["toll_nouns"]},
        "toll_reached": {fold(w) for w in c["toll_reached"]},
        # vague amounts: «وآلاف الجرحى» after a figure counts others
        "vague": {fold(w) for forms in load("ar/numbers.yaml")["vague"].values() for w in forms if " " not in w},
    }


def _nisba_of_dual(word: str, lx) -> bool:
    """Whether a nominative dual in «ـيان» is of a nationality or a group of people
    («فلسطينيان» → «فلسطيني», «مدنيان» → «مدني»; not the name «ميناسيان»)."""
    end = next(e for e in lx["dual_nisba"] if word.endswith(e))
    base = word[: len(word) - len(end) + 1]  # the dual ending after the nisba's «ي»
    return bool(demonym(base, lx) or lx["groups"].match([base], 0))


def _one_person(s: Sent, q, lx) -> bool:
    """«رجلا واحدا», «شخص واحد», «وامرأة واحدة»: the word for one right after a noun of people."""
    x = s.index_at(q.start)
    if x == 0 or x >= len(s.words):
        return False
    w = s.words[x - 1]
    end = q.number_end if q.number_end is not None else q.end
    return bool(lx["persons"].match(s.words, x - 1) or lx["groups"].match(s.words, x - 1)) and s.index_at(end) == x + 1 and w not in lx["vague"]


def _people_word(word: str, lx) -> bool:
    """A word for people: «أشخاص», «مدنيين», a dual of people («شخصان», «مدنيان»)."""
    return word in lx["persons_forms"] or word in lx["duals"] or (word.endswith(lx["dual_nisba"]) and _nisba_of_dual(word, lx))


def _part_of_len(words: list[str], x: int, lx) -> int:
    """Words of a part-of phrase at x («بينهم», «من بينهم», «وبينهم», «ومنهم»), or 0."""
    hit = lx["part_of"].match(words, x)
    if hit is None and words[x][:1] in clitics()["conj"]:
        hit = lx["part_of"].match([words[x][1:], *words[x + 1 : x + 3]], 0)
    return hit[1] if hit else 0


def _prep_letters() -> tuple[str, ...]:
    cl = clitics()
    return (cl["bi"], cl["li"], cl["ka"])


def _demonym_base(w: str, c) -> str:
    """A demonym without its singular ending («فلسطيني» -> «فلسطين»), the key its inflections share."""
    last = fold(c["demonym_endings"][-1])
    return w[: -len(last)] if w.endswith(last) else w


def demonym(word: str, lx) -> str | None:
    for w, _ in variants(word):
        for end in lx["demonym_endings"]:
            if w.endswith(end) and len(w) > len(end) + 2:
                base = w[: -len(end)]
                if base in lx["demonyms"]:
                    return lx["demonyms"][base]
    return None


def _ordered(words, x, lx) -> bool:
    """«أوامر بالقبض على», «حكما نهائيا بإعدام»: the casualty word at x is ordered or sentenced
    (an order word up to three words before it in its clause)."""
    for y in range(x - 1, max(-1, x - 4), -1):
        if words[y] in _CLAUSE:
            return False
        if lx["not_before"].match(words, y) is not None:
            return True  # («أمر الادعاء التركي باحتجاز 70»: the order's subject between)
    return False


_PLANNED = object()  # what ``_claim`` returns for a figure announced for later


def _with_duals(s: Sent, quants: list, duals: list[int], lx, nouns=()) -> list:
    """The sentence's figures plus a figure of two for each dual noun no number stands next to.
    ``nouns`` are duals of nouns the lexicon does not list («طياران»): the figure is the word,
    what follows it tells the category."""
    out = list(quants)
    for k in duals:
        a = s.starts[k - 1] if k > 0 else s.starts[k]
        # («قتيلين وأكثر من 200 جريح»: a figure joined by «و» after it is another)
        b = s.ends[k + 1] if k + 1 < len(s.words) and s.words[k + 1][:1] not in clitics()["conj"] else s.ends[k]
        if any(q.start < b and a < q.end for q in quants):
            continue  # «طفلين اثنين»: the number is the figure
        start, end = s.starts[k], s.ends[k]
        w = s.words[k]
        if w[:1] in clitics()["conj"] and w[1:] in lx["duals"]:
            start += 1  # «ومسلحان»: the figure after «و», joined to the one before
        # «قتيلين على الأقل»: a hedge after the dual bounds it
        after = lx["hedge_after"].match(s.words, k + 1) if k + 1 < len(s.words) else None
        bound = after[0] if after and after[0] != "approximate" else None
        out.append(Quantity(start, end, 2, number_start=start, number_end=end if k in nouns else start, unit="person" if k in nouns else None, bound=bound, approximate=bool(after) and after[0] == "approximate"))
    out.sort(key=lambda q: q.start)
    return out


class Claims(Stage):
    name = "claims"
    version = "7"
    requires = ("quantities", "quotes", "entities", "times")
    assigns = ("claims",)

    def __call__(self, doc: Document) -> None:
        lx = lexicon()
        sents = body(doc)
        mentions = mentions_of(doc)
        quants = sorted((q for q in doc.quantities if q.value is not None and q.kind in ("cardinal", "range")), key=lambda q: q.start)
        qstarts = [q.start for q in quants]
        times = sorted(doc.times, key=lambda t: t.start)
        claims: list[Claim] = []
        for s in sents:
            a = bisect.bisect_left(qstarts, s.start)
            b = bisect.bisect_left(qstarts, s.end)
            sent_quants = [
                q for q in quants[a:b]
                if not any(t.start <= q.number_start < t.end for t in times)
                # «أحد السجناء», «عائلة واحدة»: the word for one is no figure, unless it counts
                # people named right before it («رجلا واحدا على الأقل قتل», «وامرأة واحدة»)
                and not (q.value == 1 and not any(ch.isdigit() for ch in doc.text[q.start : q.end]) and not _one_person(s, q, lx))
            ]
            dual_at = [k for k, w in enumerate(s.words) if w in lx["duals"]] if not lx["duals"].isdisjoint(s.words) else []
            if not lx["dual_verbs"].isdisjoint(s.words):
                dual_at += [k for k, w in enumerate(s.words[:-1]) if s.words[k + 1] in lx["dual_verbs"] and demonym(w, lx) and not w.startswith(clitics()["det"])]
            nouns = []
            if not lx["dual_after"].isdisjoint(s.words):
                # «لقي طياران حتفهما»: a noun in the dual before a dual casualty word
                nouns = [k for k, w in enumerate(s.words[:-1]) if s.words[k + 1] in lx["dual_after"] and len(w) > 4 and w.endswith(lx["dual_noun_endings"]) and not w.startswith(clitics()["det"]) and k not in dual_at]
            # «قتل فلسطينيان»: a nisba in the nominative dual right after a casualty word
            # (of a nationality or a group of people: «ميناسيان» is a name)
            nouns += [
                k for k, w in enumerate(s.words)
                if k > 0 and len(w) > 5 and w.endswith(lx["dual_nisba"]) and not w.startswith(clitics()["det"])
                and s.words[k - 1] in lx["forms"] and lx["before"].match(s.words, k - 1) and k not in dual_at and k not in nouns
                and _nisba_of_dual(w, lx)
            ]
            if dual_at or nouns:
                sent_quants = _with_duals(s, sent_quants, sorted(dual_at + nouns), lx, nouns)
            if not sent_quants:
                continue
            qtok = [(s.index_at(q.start), s.index_at(q.end)) for q in sent_quants]
            first_claim = len(claims)
            planned = -1  # index of the last figure announced for later
            for qi, q in enumerate(sent_quants):
                c = self._claim(doc, s, q, qi, qtok, sent_quants, claims, first_claim, lx, mentions, times, planned >= 0 and planned == qi - 1)
                if c is _PLANNED:
                    planned = qi
                elif c is not None:
                    claims.append(c)
        doc.claims = claims

    def _claim(self, doc, s: Sent, q, qi, qtok, sent_quants, claims, first_claim, lx, mentions, times, after_planned=False):
        words, n = s.words, len(s.words)
        ta, tb = qtok[qi]
        if q.number_end is not None:
            tb = s.index_at(q.number_end)
        # «سيتم إدخال نحو 700 شاحنة»: announced for later, not a figure of what happened
        for x in range(ta - 1, max(-1, ta - 7), -1):
            if words[x] in _CLAUSE:
                break
            if words[x] in lx["planned_forms"] and lx["planned"].match(words, x):
                return _PLANNED
        if ta > 1 and words[ta - 2] in lx["one_of"] and words[ta].startswith(clitics()["det"]):
            return None  # «سجن أحد الرجال الثلاثة»: one of the three
        if (tb < n and words[tb] in lx["population"]) or any(stem_of(words[x]) in lx["population"] for x in range(max(0, ta - 3), ta)):
            return None  # «يقطنها نحو 1.7 مليون», «البالغ عددهم 15 مليون نسمة»: who live there
        if qi > 0 and ta - qtok[qi - 1][1] <= 4 and any(lx["out_of"].match(words, x) and x + lx["out_of"].match(words, x)[1] == ta for x in (ta - 2, ta - 3) if x >= 0):
            return None  # «مقتل قرابة 100 شخص من بين 500 عنصر»: the whole, not a toll
        if after_planned and ta > 0 and (words[ta - 1] in lx["alternative"] or words[ta - 1] == clitics()["wa"]):
            return _PLANNED  # «أن يقتل ألفي أو 3 آلاف شخص»: the other figure of the same possibility
        # what follows the figure: category, people, group, aid unit
        category = None
        unit = None
        group = None
        counted = q.unit == "person"  # a dual noun («طياران», «فلسطينيان») is its own noun of people
        after_at = tb
        next_q = qtok[qi + 1][0] if qi + 1 < len(qtok) else n
        t = tb
        # «32 شخصا من الرعاة الرحل من إثنية الفولاني قتلوا»: after a noun of people the verb may
        # come several words later
        # («9 صحفيين من مؤسسات إعلامية مختلفة لقوا مصرعهم»: after a victim group too)
        # (but «بينهم 7 أطفال من جراء غارات ... للاجئين»: a part keeps to the words right after it)
        led_part = any(x >= 0 and x + _part_of_len(words, x, lx) == ta for x in (ta - 1, ta - 2))
        # («17 من عناصر قوات الأمن الأفغانية على الأقل قتلوا»: «من» and the noun)
        noun_at = tb + 1 if tb + 1 < n and words[tb] in lx["of"] else tb
        reach = 12 if noun_at < n and (lx["persons"].match(words, noun_at) or (lx["groups"].match(words, noun_at) and not led_part)) else 5
        # «قتل 5 وأصيب 3», «قتل مدنيان اثنان وأصيب»: a casualty word right before the figure (or
        # before the people it counts) governs it, a verb joined right after tells the next figure
        governed = any(
            x >= 0 and words[x] in lx["forms"] and (h := lx["before"].match(words, x)) is not None and (x + h[1] == ta or x + h[1] == ta - 1 and _people_word(words[ta - 1], lx))
            for x in (ta - 1, ta - 2)
        )
        while t < min(n, tb + reach, next_q):
            w = words[t]
            if w in _CLAUSE and counted and category is None and t + 1 < n and self._aside(words, t + 1, lx):
                # «إن 289 مدنيا على الأقل، بينهم 43 طفلا، قتلوا», «أن 11 شخصاً، معظمهم من المسنين،
                # لقوا مصرعهم», «إن 41 شخصا، ومنهم رجلا شرطة، أدخلوا إلى المستشفى»: the verb
                # comes after the aside
                close = next((y for y in range(t + 2, min(n, t + 9)) if words[y] in _CLAUSE), None)
                if close is None and qi + 1 < len(qtok) and qtok[qi + 1][0] <= t + 3:
                    # («إن 54 شخصا على الأقل، بينهم 28 مدنيا  قتلوا»: the aside not closed by a
                    # comma ends with the people its figure counts)
                    y = qtok[qi + 1][1]
                    while y < min(n, qtok[qi + 1][1] + 3) and words[y] not in _CLAUSE and (words[y] in lx["persons_forms"] or demonym(words[y], lx)):
                        y += 1
                    if y > qtok[qi + 1][1] and y < n and words[y] in lx["forms"] and words[y] not in lx["persons_forms"] and (hit := lx["after"].match(words, y)):
                        category, after_at = hit[0], y
                        break
                if close is not None and close + 1 < n:
                    hit = lx["after"].match(words, close + 1) if words[close + 1] in lx["forms"] and words[close + 1] not in lx["persons_forms"] else None
                    if hit:
                        category, after_at = hit[0], close + 1
                    elif self._hurt(words, close + 1, min(n, close + 5), lx):
                        category = "injured"
                break
            if w in _CLAUSE or (t > tb and w in speech_lexicon()["new_clause"]):
                break  # («تجاوز 500 شخص فيما بلغ عدد المصابين 250»: another clause)
            if t > tb and w[:1] in clitics()["conj"] and w[1:] in lx["vague"]:
                break  # «مقتل أكثر من 800 شخص وآلاف الجرحى»: what follows counts others
            if w not in lx["forms"]:
                # «12 يمنيا», «12 شخصا يمنيا»; not «12 محافظة يمنية»
                if group is None and (t == tb or (t == tb + 1 and words[tb] in lx["persons_forms"])):
                    d = demonym(w, lx)
                    if d:
                        group = d
                        counted = True
                t += 1
                continue
            au = lx["aid_units"].match(words, t)
            if au and unit is None and t == tb:
                unit = au[0]
                counted = True
            hit = lx["after"].match(words, t)
            if hit and t > tb and hit[2] and w[:1] in clitics()["conj"] and w[hit[2]:] in lx["after_verb_forms"]:
                break  # «وقتلوا 1400 شخص واحتجزوا أكثر من 240»: a joined verb is another deed
            if hit and governed and t == tb and hit[2] and w[:1] in clitics()["conj"]:
                break  # «قتل 5 وأصيب 3»: the deed word before counts it, the joined one the next
            if hit and category is None:
                # «8500 لأبناء الضحايا»: a noun after other words does not count the figure
                if t > tb and not counted and not all(lx["gap_ok"].match(words, y) for y in range(tb, t)):
                    break
                # «47 قتيلا وجريحا»: killed and injured together is no figure of either
                z = t + hit[1]
                if z < n and words[z][:1] == clitics()["wa"]:
                    other = lx["after"].match(words, z)
                    if other and other[0] != hit[0] and other[2] == 1 and {other[0], hit[0]} <= lx["together"]:
                        return None  # (but «38 عاملا خطفوا وقتلوا»: kidnapped, then killed, counts the kidnapped)
                category = hit[0]
                counted = True
                after_at = t
            g = lx["groups"].match(words, t)
            if g and group is None and t <= tb + 2:
                group = g[0]
                counted = True
            if group is None and (t == tb or (t == tb + 1 and words[tb] in lx["persons_forms"])):
                d = demonym(w, lx)
                if d:
                    group = d
                    counted = True
            if lx["persons"].match(words, t) and t <= tb + 1:
                counted = True
            t += 1
        # «وأوقفت مئات الأشخاص خلال مونديال روسيا 2018»: a year the times layer did not read is no
        # figure of people unless people are named with it
        digits = doc.text[q.number_start : q.number_end]
        if (
            category is None and not counted and len(digits) == 4 and digits.isdigit() and 1900 <= q.value <= 2100
            and q.bound is None and not q.approximate
            and not any(words[x] in lx["forms"] and lx["before"].match(words, x) for x in range(max(0, ta - 2), ta))
        ):  # (but «اعتقال 2080»: a casualty word right before counts people)
            return None
        # «36 شخصا بينهم 32 صينيا لقوا حتفهم»: the verb after a part-of figure tells the whole too
        # («أربعة جنود وثلاثة من ميليشيا القرى قد أصيبوا»: so does a figure joined by «و»)
        joined_next = qi + 1 < len(qtok) and t >= next_q and doc.text[sent_quants[qi + 1].start] == clitics()["wa"]
        if category is None and counted and qi + 1 < len(qtok) and (t >= next_q - 1 and lx["part_of"].match(words, next_q - 1) or joined_next):
            z = qtok[qi + 1][1]
            # (but «إلى 204 شخصا وأكثر من 22 ألف مصاب»: the noun right after the joined figure is its own)
            for y in range(z + 1 if joined_next else z, min(n, z + (6 if joined_next else 4))):
                if words[y] in _CLAUSE:
                    break
                hit = lx["after"].match(words, y) if words[y] in lx["forms"] else None
                if hit and words[y] not in lx["persons_forms"]:
                    category, after_at = hit[0], y
                    break
        # «قتل 5 معتقلين», «أفرجت السلطات عن 50 سجينا»: after a noun of what the people are, a deed
        # word before the figure (in its clause, no figure between) says what happened
        if category is not None and lx["status"].match(words, after_at):
            deed = self._deed_before(words, ta, qtok[qi - 1][1] if qi > 0 else -1, lx)
            if deed is not None and deed != category:
                category = deed
        # «مقتل سبعة أشخاص بينهم امرأة وطفل بتفجير ... شاحنة مفخخة»: a casualty word right before
        # the figure says what it counts, not a word found far after it
        if category is not None and after_at > tb + 2:
            for x in (ta - 1, ta - 2):
                hit = lx["before"].match(words, x) if x >= 0 and words[x] in lx["forms"] else None
                if hit and x + hit[1] == ta:
                    category = hit[0]
                    break
        # «مساعدات غذائية لأكثر من 400 ألف شخص»: people reached by aid
        if category is None and counted and unit is None and any(words[x] in lx["aid_words"] or stem_of(words[x]) in lx["aid_words"] for x in range(max(0, ta - 3), ta)):
            category = "aid_delivered"
        if unit is not None and category is None and any(
            words[x] in lx["aid_words"] or stem_of(words[x]) in lx["aid_words"] for x in range(max(0, ta - 4), min(n, tb + 3))
        ):
            category = "aid_delivered"
        # part of the previous figure («منهم 4800 طفل»)
        part_of = None
        prev = claims[-1] if len(claims) > first_claim else None
        lead = ta - 1
        if lead >= 0 and words[lead] in _CLAUSE:
            lead -= 1
        for back in (1, 2):
            x = ta - back
            if x >= 0 and x + _part_of_len(words, x, lx) == ta:
                if after_planned:
                    return _PLANNED  # part of a figure announced for later
                if prev is None and qi == 0 and claims and s.start - claims[-1].evidence.end < lx["part_reach"]:
                    prev = claims[-1]  # «... قتل 709 مدنيين. ويقول عبد الرحمن إن من بين هؤلاء 166 طفلا»: the figure told just before
                if prev is not None:
                    part_of = len(claims) - 1 if prev.part_of is None else prev.part_of
                break
        if part_of is None and prev is not None and category is None and ta > 0 and words[ta - 1] in _CLAUSE and tb < n and words[tb] in lx["part_after"]:
            # «نحو 62 شخصا استشهدوا، 50 منهم ينتمون لحماس»: «of them» right after the figure
            part_of = len(claims) - 1 if prev.part_of is None else prev.part_of
        # «و2550 سيدة», «وإلى 100 ألف», «أي ما يزيد عن 6500»: the same kind of figure again
        wa = clitics()["wa"]
        # (not after a new clause: «"خمسة جنود" قد قتلوا، بينما قالت وكالة الأناضول إن ... وثلاثة»)
        joined = prev is not None and (
            doc.text[max(0, q.start - 1) : q.start] == wa
            or (doc.text[q.start : q.start + 1] == wa and q.value != 1)  # «وعشرة مقاتلين»: the clitic is on the number word
            or (ta > 0 and (words[ta - 1] == wa or lx["apposition"].match(words, ta - 1) or (words[ta - 1][:1] == wa and words[ta - 1][1:] in lx["preps"])))
        ) and not any(words[y] in speech_lexicon()["new_clause"] for y in range(s.index_at(prev.evidence.end), ta))
        # what precedes it: the nearest casualty word with no other figure in between
        before_cat = None
        adjacent = False
        # «نقل 140 آخرون إلى المستشفى»: people taken to hospital were hurt
        # («ونقل أكثر من 12 ألفا إلى المستشفيات»: the hospital right after the figure counts it)
        # (but «لثلاث مستشفيات»: a hospital right after the figure is what is counted)
        hurt = category is None and unit is None and (self._hurt(words, tb, min(n, next_q), lx) if counted else self._hurt(words, tb + 1, min(n, next_q, tb + 3), lx))
        # «مقتل فلسطينيين اثنين»: a number word after its noun of people counts it
        noun_first = ta > 0 and (lx["persons"].match(words, ta - 1) is not None or lx["groups"].match(words, ta - 1) is not None or demonym(words[ta - 1], lx) is not None)
        if noun_first and not counted:
            counted = True
            if group is None:
                g = lx["groups"].match(words, ta - 1)
                group = g[0] if g else demonym(words[ta - 1], lx)
        if category is None:
            prev_q_end = qtok[qi - 1][1] if qi > 0 else -1
            x = ta - 1
            reach = ta if ta > 0 and lx["total"].match(words, ta - 1) else 8  # «ومجموعهم 66»
            # («بلغت "353,935 شخصاً"»: the figure may open a quotation)
            lead_q = ta - 2 if ta > 1 and words[ta - 1] in _QUOTES else ta - 1
            if reach == 8 and lead_q >= 0 and words[lead_q] in lx["toll_reached"]:
                # «وارتفع عدد القتلى في الهجمات ... إلى 45»: back to the toll's noun in the clause
                toll = next((y for y in range(lead_q - 1, max(-1, ta - 25), -1) if words[y] in _STOP_OR_COLON or stem_of(words[y]) in lx["toll_nouns"] or words[y] in lx["toll_nouns"]), None)
                if toll is not None and words[toll] not in _STOP_OR_COLON and ta - toll > 8:
                    reach = ta - toll
            while x >= max(0, ta - reach):
                if words[x] in _STOP_OR_COLON or words[x] in speech_lexicon()["new_clause"]:
                    break  # («أعلنت وفاتهم، فيما يعاني 13 آخرون»: another clause)
                if x == ta - 1 and x > 0 and words[x][:1] == clitics()["wa"] and len(words[x]) > 4 and words[x] not in lx["forms"] and words[x][1:] not in lx["forms"] and mentions.at(s.starts[x]) is None and words[x - 1] not in _STOP_OR_COLON and words[x] not in lx["restating"]:
                    break  # «بقتل مئتي مدني واغتصاب 120 امرأة»: a deed of its own joined by «و»
                if words[x] not in lx["forms"] or mentions.in_name(s.starts[x], ("ORG", "LOC"), inner=True):
                    x -= 1  # («هيئة تحرير الشام»: a deed word inside a name is none)
                    continue
                hit = lx["before"].match(words, x)
                if hit and x + hit[1] < ta and words[x] in lx["adjacent_only"]:
                    x -= 1  # «وقضت المحكمة ببراءة 47 متهما»: ruled, not died
                    continue
                if hit and x + hit[1] <= ta and _ordered(words, x, lx):
                    break  # «أوامر بالقبض على خمسة»: a warrant, not an arrest
                if hit and x > 0 and words[x - 1] in speech_lexicon()["negation"]:
                    return None  # «لماذا لم يعتقل الرجال الأربعة؟»: not done
                # («الحادث الذي قتل فيه جنديان»: a resumptive pronoun between is no other word)
                if hit and x + hit[1] < ta and q.number_end == q.start and not (noun_first and x + hit[1] == ta - 1) and not all(any(t.start <= s.starts[y] < t.end for t in times) or words[y] in speech_lexicon()["resumptive"] for y in range(x + hit[1], ta)):
                    break  # «عقوبة بالسجن لصفعها جنديين»: a dual noun takes only a deed word right before it
                if hit and x + hit[1] <= ta and x > 0 and words[x][:1] == clitics()["wa"] and words[x - 1] in lx["forms"]:
                    other = lx["before"].match(words, x - 1)
                    # (but «أن جنديا أميركيا قتل وأصيب 10 آخرون»: the first verb has its own subject)
                    own = any(lx["persons"].match(words, y) or lx["groups"].match(words, y) or demonym(words[y], lx) for y in range(max(0, x - 3), x - 1))
                    # «أن 29 طفلا على الأقل قتلوا وأصيب 48 شخصا»: a figure of its own just before it
                    own = own or (prev_q_end >= 0 and x - 6 <= prev_q_end <= x - 1)
                    if other and other[0] != hit[0] and x - 1 + other[1] == x and not own:
                        return None  # «مقتل وإصابة 10 أشخاص»: killed and injured together
                if hit and x + hit[1] <= ta and hit[2] and words[x][hit[2] - 1] == clitics()["li"] and hit[0] in lx["intent_categories"]:
                    return _PLANNED  # «مداهمات لاعتقال 346 شخصا»: what a deed was for, not what it did
                if hit and x + hit[1] < ta and words[x + hit[1]] in lx["alternative"]:
                    return None  # «توقيف أو إقالة 140 ألف»: one figure for either
                if hit and x + hit[1] <= ta:
                    if x < prev_q_end and prev is not None:
                        before_cat = "inherit"
                    else:
                        before_cat = hit[0]
                    adjacent = x + hit[1] == ta
                    break
                x -= 1
            if hurt and not (before_cat and before_cat != "inherit" and adjacent):
                category = "injured"
            elif before_cat and before_cat != "inherit":
                # «سقوط 68 قتيلا» is fine; «قتل ... منذ 20 عاما» is not a figure of people
                # (but «فقتل 39 شخصا وجرح 69 باستخدام رشاش»: a joined deed right before the figure
                # goes on counting the people of the figure before)
                elliptic = adjacent and prev is not None and prev.unit == "person" and first_claim < len(claims) and words[ta - 1][:1] == clitics()["wa"]
                # («أصيبوا، من بينهم 7 بحالة خطيرة»: a part of the figure before counts the same people)
                # («قتل 5 وأصيب 3»: a deed joined right after starts the next figure)
                next_deed = tb < n and governed and words[tb][:1] in clitics()["conj"] and (lx["before"].match(words, tb) or lx["after"].match(words, tb)) is not None
                if tb < n and not counted and not elliptic and part_of is None and words[tb] not in _CLAUSE and not lx["after_ok"].match(words, tb) and not next_deed:
                    return None
                category = before_cat
            elif (part_of is not None or joined or before_cat == "inherit") and prev is not None:
                if before_cat == "inherit" and part_of is None and tb < n and not counted and words[tb] not in _CLAUSE and not lx["after_ok"].match(words, tb):
                    return None  # «والقبض على 5 آخرين، وتدمير أكثر من 1200 وكر»: what follows says it counts something else
                category = prev.category
                if part_of is None and prev.part_of is not None and joined:
                    part_of = prev.part_of
                if unit is None and prev.unit != "person":
                    unit = prev.unit
        if category is None:
            return None
        if category == "displaced" and (group in lx["not_displaced_groups"] or (any(stem_of(words[x]) in lx["going_out"] for x in range(max(0, ta - 4), ta)) and any(stem_of(w) in lx["marching"] for w in words))):
            return None  # «وخرج 5 آلاف متظاهر», «خرج آلاف إلى الشوارع احتجاجا»: marchers, not people who fled
        if category == "aid_delivered" and unit is None and not counted:
            return None
        if category == "aid_delivered" and unit is None and before_cat == "aid_delivered" and not any(
            words[x] in lx["aid_words"] or stem_of(words[x]) in lx["aid_words"] for x in range(max(0, ta - 4), min(n, tb + 4))
        ):
            return None  # «وصول أكثر من مليون مهاجر»: arrivals, not aid
        if category == "injured" and any(words[x][:1] == clitics()["bi"] and stem_of(words[x]) in lx["diseases"] for x in range(max(0, ta - 3), min(n, tb + 6))):
            return None  # «820 ألف شخص أصيبوا بالمرض», «الإصابة بالكوليرا»: cases of a disease, not wounded
        if category == "aid_delivered" and unit in lx["vehicle_units"] and not any(
            words[x] in lx["aid_context"] or stem_of(words[x]) in lx["aid_context"] for x in range(n)
        ):
            return None  # «30 شاحنة وصلت ... محملة بالقطع الخرسانية»: trucks of something else
        if unit is None:
            unit = "person"
        source = self._source(doc, s, q, ta, lx, mentions)
        where = self._where(doc, s, q, ta, tb, lx, mentions)
        if where is None and part_of is not None:
            where = claims[part_of].where
        when = self._when(doc, s, q, times)
        if when is None and part_of is not None:
            when = claims[part_of].when
        actor = self._actor(doc, s, q, source, mentions) if category in ("killed", "injured", "arrested", "hostages", "displaced") else None
        return Claim(
            value=q.value,
            category=category,
            evidence=Span(q.start, s.ends[min(tb, n) - 1] if tb > ta and tb <= n else q.end),
            source=source,
            bound=q.bound,
            approximate=q.approximate,
            unit=unit,
            group=group,
            where=where,
            when=when,
            actor=actor,
            part_of=part_of,
        )

    @staticmethod
    def _deed_before(words, ta, prev_end, lx):
        """The category of the nearest casualty word before word ta in its clause, or None."""
        for x in range(ta - 1, max(prev_end - 1, ta - 9), -1):
            if words[x] in _CLAUSE:
                return None
            if words[x] not in lx["forms"]:
                continue
            hit = lx["before"].match(words, x)
            if hit and x + hit[1] <= ta:
                if x + hit[1] < ta and words[x] in lx["adjacent_only"]:
                    continue
                if _ordered(words, x, lx):
                    return None
                return hit[0]
        return None

    @staticmethod
    def _aside(words, x, lx) -> bool:
        """Whether word x opens an aside about part of the people just counted («بينهم 43 طفلا»,
        «ومنهم رجلا شرطة», «معظمهم من المسنين»)."""
        w = words[x]
        return bool(_part_of_len(words, x, lx) or w in lx["most_of"])

    @staticmethod
    def _hurt(words, a, b, lx) -> bool:
        """Whether the clause from word a on (to b) says the people were in hospital or critical."""
        for y in range(a, b):
            if words[y] in _CLAUSE:
                return False
            if words[y] in lx["injured_forms"] and lx["injured_context"].match(words, y):
                return True
        return False

    def _source(self, doc, s: Sent, q, ta, lx, mentions):
        holding = [x for x in doc.quotes if x.content.start <= q.start and q.end <= x.content.end and x.speaker is not None]
        if holding:
            # the innermost quote: «أفادت تقارير بأن سكان القرية قالوا إن أربعة ...»
            inner = min(holding, key=lambda x: x.content.end - x.content.start)
            if inner.cue is not None and s.start <= inner.cue.start < s.end:
                said = speech_lexicon()["verbs"].match(s.words, s.index_at(inner.cue.start))
                if said is not None and said[0] in lx["not_asserting"]:
                    return "article"  # «وتنفي الحكومة ... بأنها لعبت دورا في الهجوم، الذي خلف 53 قتيلا»
            aside = self._aside_source(doc, s, ta, lx, mentions)
            return aside if aside is not None else inner.speaker
        words, n = s.words, len(s.words)
        for x in range(n):
            hit = lx["according"].match(words, x)
            if not hit:
                continue
            a = x + hit[1]
            if a < n and _says_own(words[a], speech_lexicon()):
                # «وفقاً لقوله»: the speaker named before it
                said = [y for y in doc.quotes if y.cue is not None and y.cue.start <= s.starts[x] and y.speaker is not None]
                if said:
                    return max(said, key=lambda y: y.cue.start).speaker
                continue
            if a + 2 < n and words[a] in lx["as_stated"] and words[a + 2].endswith(_OWN):
                continue  # «حسبما جاء في حسابها الرسمي»: the subject's own words, no new source
            # «بحسب تقديرات الأمم المتحدة»: the source is who made the estimate
            b = a
            while b < n and b - a < 8 and words[b] not in _CLAUSE and words[b] not in _DASHES and not lx["according"].match(words, b):
                b += 1
            if x > 0 and words[x - 1] in _DASHES and b < n and words[b] in _DASHES and not (s.starts[x] <= q.start < s.ends[min(n - 1, b + 3)]):
                continue  # «كانوا - بحسب تقارير - يحضرون حفل زفاف»: the aside's own source (but «حيث قتل - بحسب تقارير - 10 أشخاص» sources the figure right after it)
            if ta < x and any(words[y] in lx["then_words"] for y in range(a, min(n, a + 10))):
                continue  # «...، وحسب التقارير الواردة فقد تحطمت»: it sources what follows it
            sp = speech_lexicon()
            if b < n:
                # «وفق ما أفادت المتحدثة باسم اللجنة الدولية للصليب الأحمر في دمشق، أنجي صدقي»
                a2, b2 = Quotes._apposed_name(s, a, b, mentions, sp)
                if (a2, b2) != (a, b):
                    return self._phrase_ref(doc, s, a2, b2, lx, mentions)
            ref = self._phrase_ref(doc, s, a, b, lx, mentions)
            r0 = s.index_at(ref.start) if isinstance(ref, SpanRef) else -1
            if r0 > 0 and ref.start == s.starts[r0] and words[r0][:1] == sp["cl"]["li"] and (words[r0 - 1] in sp["li_cues"] or stem_of(words[r0 - 1]) in sp["li_cues"] or (r0 > a and words[r0 - 1] in lx["filler"])):
                ref = span_ref(doc, ref.start + _li_len(doc.text, ref.start), ref.end)  # «وفقا للبيان», «في حصيلة جديدة للمرصد»
            if ref is not None:
                return ref
        # «أعلنت وزارة الصحة مقتل اثنين»: the subject of a speech verb before the figure
        sp = speech_lexicon()
        for x in range(ta - 1, -1, -1):
            if sp["may_cue"](words[x]) and sp["parts"].match(words, x):
                # «أعلنت الشركة أن الطائرة تحطمت، مؤكدة مصرع 66»: a participle's figure is
                # the earlier speaker's of its sentence
                said = [x2 for x2 in doc.quotes if x2.cue is not None and s.start <= x2.cue.start < s.starts[x] and x2.speaker is not None]
                if said:
                    return said[-1].speaker
                break
            verb = sp["verbs"].match(words, x)
            counts = not verb and lx["count_verbs"].match(words, x)
            if not verb and not counts and lx["blame_verbs"].match(words, x):
                # «وألقت الدول الغربية باللائمة على النظام في هجوم»: the accuser, up to the blame
                obj = next((y for y in range(x + 2, min(ta, x + 8)) if words[y] in lx["blame_objects"]), None)
                if obj is not None:
                    ref = self._phrase_ref(doc, s, x + 1, obj, lx, mentions)
                    if ref is not None:
                        return ref
            if counts and not (x + 1 < n and (mentions.at(s.starts[x + 1]) is not None or lx["unnamed"].match(words, x + 1) or words[x + 1].startswith(clitics()["det"]))):
                continue
            if counts or (verb and not sp["parts"].match(words, x)):
                if verb and verb[0] in lx["not_asserting"]:
                    break  # «نفت الوزارة مقتل 5 جنود»: a denier does not give the figure
                said = [y for y in doc.quotes if y.cue is not None and y.cue.start == s.starts[x]]
                if said and all(y.content.end <= q.start for y in said) and any(
                    words[y] in _CLAUSE and words[y + 1] in speech_lexicon()["narration"] for y in range(s.index_at(max(z.content.end for z in said)), ta - 1)
                ):
                    break  # «حذر وزيران من أن ...، وذلك بعد قصف أسفر عن مقتل 7»: the article's narration after what the verb reports
                if x + 1 < n and words[x + 1] in sp["resumptive"]:
                    continue  # «أورد المرصد حصيلة، أشار فيها إلى»: who issued the toll, further back
                if x + 1 < n and words[x + 1] in lx["anaphora"]:
                    break  # «ويعتبر هذا الاعتداء الأكثر دموية»: no subject here
                if any(words[y] in _CLAUSE and words[y + 1] in speech_lexicon()["relative"] for y in range(x + 1, ta - 1)) and any(words[z] in sp["comp"] for z in range(ta, n)):
                    break  # «وأضافت الحركة، التي ... سقط خلالها نحو 850 قتيلا، إن»: the speaker described, not what it says
                end = np_end(s, x + 1, sp)
                # «أفادت مصادر عسكرية بمقتل»: the subject ends where the figure's words begin
                end = next((y for y in range(x + 1, end) if words[y] in lx["forms"] and (lx["before"].match(words, y) or lx["after"].match(words, y))), end)
                # «أورد المرصد السوري حصيلة جديدة»: and before what it issued
                end = next((y for y in range(x + 2, end) if lx["source_nouns"].match(words, y)), end)
                if end > x + 1:
                    a2, b2 = x + 1, min(end, ta)
                    if b2 < ta:
                        # «أعلن المتحدث باسم قوى الأمن، العميد سعيد منتظر المهدي، عن اعتقال»: the name after the title
                        a2, b2 = Quotes._apposed_name(s, a2, b2, mentions, sp)
                    ref = self._phrase_ref(doc, s, a2, b2, lx, mentions)
                    if ref is not None:
                        return ref
                elif x > 0:
                    # «غير أن مصادر طبية، أشارت إلى ارتفاع»: the subject written before the verb
                    b = x
                    # «وكانت الميليشيات الحوثية قد أعلنت», «وكانت حصيلة سابقة السبت، قد أشارت»
                    while b > 1 and (words[b - 1] in _CLAUSE or words[b - 1] in sp["aux"]):
                        b -= 1
                    # «وكانت الحصيلة الأخيرة للمرصد في 24 تشرين الثاني أفادت»: the date is when, not who
                    dated = b
                    while dated > 1 and any(t.start <= s.starts[dated - 1] < t.end for t in doc.times):
                        dated -= 1
                    if dated < b:
                        b = dated - 1 if words[dated - 1] in lx["preps"] else dated
                    a = b
                    while a > 0 and b - a < 6 and words[a - 1] not in _CLAUSE and words[a - 1] not in sp["comp"] and words[a - 1] not in sp["stop"]:
                        a -= 1
                    opens = a == 0 or words[a - 1] in sp["comp"] or words[a - 1] in _CLAUSE
                    led = False
                    while a < b - 1 and any(v in sp["aux"] for v, _ in variants(words[a])):
                        a += 1  # «وكان تقرير حقوقي كشف عن مقتل»
                        led = True
                    # (after «وكان/وكانت» a definite noun is the subject too)
                    # («وكانت حصيلة رسمية سابقة أفادت بمقتل»: after «وكانت» a toll speaks too)
                    if a < b and opens and (lx["unnamed"].match(words, a) or mentions.at(s.starts[a]) is not None or (led and (words[a].startswith(clitics()["det"]) or lx["source_nouns"].match(words, a)))):
                        ref = self._phrase_ref(doc, s, a, b, lx, mentions)
                        if ref is not None:
                            return ref
                break
        return "article"

    def _aside_source(self, doc, s: Sent, ta, lx, mentions):
        """«قال المرصد إن ... حيث قتل - بحسب تقارير - 10 أشخاص»: an attribution between dashes right
        before the figure sources it, inside someone's words too."""
        words = s.words
        close = ta - 1 if ta > 0 and words[ta - 1] in _DASHES else ta - 2 if ta > 1 and words[ta - 2] in _DASHES else None
        if close is None:
            return None
        op = next((y for y in range(close - 1, max(-1, close - 9), -1) if words[y] in _DASHES), None)
        hit = lx["according"].match(words, op + 1) if op is not None else None
        if hit is None:
            return None
        a = op + 1 + hit[1]
        return self._phrase_ref(doc, s, a, close, lx, mentions) if a < close else None

    def _phrase_ref(self, doc, s: Sent, a, b, lx, mentions):
        words = s.words
        # «بوابة الأهرام عن مصدر بوزارة الداخلية»: the source is who the outlet quotes
        relay = next((x for x in range(a + 1, b - 1) if words[x] in lx["relay_from"]), None)
        if relay is not None:
            a = relay + 1
        sp = speech_lexicon()
        while a < b and (words[a] in _QUOTES or words[a] in lx["filler"] or (a + 1 < b and ((sp["may_cue"](words[a]) and sp["verbs"].match(words, a)) or lx["report_verbs"].match(words, a)))):
            a += 1  # «بحسب ما أوردت وزارة الصحة»: who reported it, not the verb
        while b > a and (words[b - 1] in _QUOTES or words[b - 1] in _STOP):
            b -= 1
        if a < b and lx["not_source"].match(words, a):
            return None  # «وأعلنت حالة الطوارئ»: what was declared
        # «بحسب بيان الجيش»: the source is who issued it; «وفقا للبيان» alone names the statement
        head = a
        while head < b and lx["source_nouns"].match(words, head):
            head += 1
        cl = clitics()
        authored = False
        if head > a:
            # «وفق تصريحات جديدة من المرصد»: the author after «من» within two words of the noun
            by = next((y for y in range(head, min(b - 1, head + 3)) if words[y] in lx["author_from"]), None)
            if by is not None and (mentions.at(s.starts[by + 1]) is not None or words[by + 1].startswith(cl["det"])):
                head = by + 1
            elif not words[head].startswith(cl["li"]):
                # «وفق حصيلة غير نهائية للصليب الأحمر», «الحصيلة الأخيرة للمرصد»: the author with «لـ»
                # after the noun's adjectives
                by = next((y for y in range(head + 1, min(b, head + 3)) if words[y].startswith(cl["li"] + cl["li"]) or (words[y][:1] == cl["li"] and mentions.at(s.starts[y]) is not None)), None)
                if by is not None:
                    head = by
        if head > a and head + 2 < b and words[head] in speech_lexicon()["relative"]:
            head += 2  # «حسب الأرقام التي أكدها المرصد»: who stated them, after the relative's verb
        if head < b and not (head > a and not words[head].startswith((cl["det"], cl["li"])) and mentions.at(s.starts[head]) is None):
            authored = head > a
            a = head  # («بحسب أرقام رسمية», «حسب حصيلة جديدة»: an indefinite word after the noun keeps the noun)
        # «وفق ما أعلن المركز الأمريكي لرصد الزلازل بعد أربعة أيام»: the source phrase ends where
        # a speaker phrase would
        b = min(b, max(a + 1, np_end(s, a, speech_lexicon())))
        # «نشرت الأجهزة الدعائية للتنظيم بيانا يعلن فيه»: who published it, not the statement
        b = next((y for y in range(a + 1, b) if words[y][:1].isalpha() and not words[y].startswith(cl["det"]) and sp["statement"].match(words, y) and mentions.at(s.starts[y]) is None), b)
        # «وبحسب مصادر أمنية فقد أفلحت جهود»: «فقد», «فإن» begin what the source says
        b = next((y for y in range(a + 1, b) if words[y] in sp["then_that"] or words[y] in lx["then_words"]), b)
        if b <= a:
            return None
        start, end = s.starts[a], s.ends[b - 1]
        if authored and words[a][:1] == cl["li"]:
            start += _li_len(doc.text, start)  # «بحسب بيان للجيش»: the author, without «لـ»
        rows = mentions.within(start, end)
        per = best_entity(rows, ("PER",))
        if per is not None:
            return per.id
        if lx["unnamed"].match(words, a):
            return span_ref(doc, start, end)
        e = best_entity(rows, ("ORG", "PER", "LOC", "MISC"))
        if e is not None and rows[0][0] == start:
            return e.id
        return span_ref(doc, start, end)

    def _where(self, doc, s: Sent, q, ta, tb, lx, mentions):
        clause_end = s.end
        for x in range(tb, len(s.words)):
            if s.words[x] in _CLAUSE:
                clause_end = s.starts[x]
                break
        locs = [r for r in mentions.within(s.start, s.end) if r[2].type == "LOC"]
        after = [r for r in locs if q.end <= r[0] < clause_end]
        before = [r for r in locs if r[1] <= q.start]
        pick = after[0] if after else (before[-1] if before else None)
        if pick is None:
            return None
        return self._with_direction(doc, s, pick, lx)

    def _with_direction(self, doc, s: Sent, row, lx):
        """«جنوب إسرائيل»: a compass word before the place makes the place a span."""
        start, end, e = row
        x = s.index_at(start)
        for back in (1, 2):
            y = x - back
            if y >= 0:
                hit = lx["directions"].match([stem_of(w) if k == 0 else w for k, w in enumerate(s.words[y:x])], 0)
                if hit and hit[1] == back:
                    return span_ref(doc, s.starts[y] + (len(s.words[y]) - len(stem_of(s.words[y]))), end)
        return e.id

    def _when(self, doc, s: Sent, q, times):
        best = None
        for t in times:
            # the contract keeps a claim's date to the day; a year or month alone is context
            if t.value is None or len(t.value) != 10 or not (s.start <= t.start < s.end):
                continue
            d = abs(t.start - q.start)
            if best is None or d < best[0]:
                best = (d, t.value)
        return best[1] if best else None

    def _actor(self, doc, s: Sent, q, source, mentions):
        rows = [r for r in mentions.within(s.start, q.start) if r[2].type in ("ORG", "PER") and r[2].id != source]
        return rows[-1][2].id if rows else None


__all__ = ["Claims", "SpanRef"]
