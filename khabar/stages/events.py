"""``events``: PLOVER events (type, mode, actor, recipient, place, date, trigger) from an Arabic
trigger lexicon (``data/ar/events.yaml``).

A trigger is a verb or noun of the lexicon; some need a word after them («شن ... هجوماً»). The actor
is the entity governing the trigger: a genitive right after a noun trigger («زيارة بلينكن»), else
the nearest entity before it in its clause, else in its sentence (a person or organisation; a
place only inside the clause, where it is a subject: «تواصل إسرائيل الضربات»), else the speaker of
the sentence. The recipient is the next entity after the trigger in its clause (a person named
after an organisation is the person: «رئيس السلطة الفلسطينية محمود عباس»), or an unnamed party
after a preposition («من مسؤولين عرب»). A date of the sentence belongs to the trigger nearest to
it; an event with none is dated by the article. Fatality, injury and arrest claims of the
sentence attach to the nearest violent or coercive event. Mentions of one visit by one actor
(«زيارة للعراق» ... «زيارة للعاصمة العراقية بغداد») are one event placed at the most precise place.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re

from ..document import Document, Span
from ..facts import Event, SpanRef
from ..lexicon import clitics, load, punct
from ..pipeline import Stage
from ._factwords import PhraseIndex, Sent, body, fold, nisba_like, stem_of, variants
from ._refs import Mentions, mentions_of, ref_text, span_ref
from .quotes import _dated_aside, _li_len, lexicon as speech_lexicon

_P = punct()
_CLAUSE = _P["boundary"]
_QUOTES = _P["quote_marks"]
_COMMA = _P["comma"]
_DASHES = _P["dashes"]
_STOP = _P["stop"]
_STOP_OR_AR_SEMICOLON = _P["stop"] | {_P["ar_semicolon"]}
_CL = clitics()
_CONJ = _CL["conj"]  # و، ف
_WA, _BI, _LI, _DET, _LIL = (_CL[k] for k in ("wa", "bi", "li", "det", "lil"))
_PREFIXED = (*_CONJ, _BI, _LI)


@functools.cache
def _ev() -> dict:
    """Letters and endings of ``events.yaml`` some rules test words against."""
    ev = load("ar/events.yaml")
    keys = ("do_noun_initials", "do_attached_initials", "plural_verb_endings", "fem_endings", "fem_plural_endings", "adjective_endings", "object_pronouns")
    out = {k: tuple(ev[k]) for k in keys}
    out.update({k: ev[k] for k in ("partitive", "nisba_ya", "participle_prefix", "masc_plural", "heh")})
    out["before_heh_pronoun"] = frozenset(ev["before_heh_pronoun"])
    return out
_PLACE_RANK = {"city": 0, "region": 1, "country": 2}
_TOLL = frozenset({"killed", "injured", "arrested", "missing", "hostages"})


def _with_pronouns(trig: list[dict], ev: dict) -> list[dict]:
    """The trigger entries, and for each verb one entry of its one-word forms with an object
    pronoun on them («أدانتها»): its object was named before, its subject follows."""
    out = list(trig)
    pronouns, skip = ev["object_pronouns"], tuple(ev["object_pronoun_skip_endings"])
    agents = {fold(m) for m in ev["agent_markers"]}
    for t in trig:
        if t.get("pos") != "verb" or t.get("with") or t.get("passive"):
            continue
        forms = [f + p for f in t["forms"] if " " not in f and len(f) > 2 and not f.endswith(skip) for p in pronouns]
        forms = [f for f in forms if fold(f) not in agents]
        if forms:
            out.append({**t, "forms": forms, "pronoun_object": True})
    return out


def _inflected(trig: list[dict], ev: dict) -> list[dict]:
    """The trigger entries, and for each the rest of its one-word forms' paradigm (``inflections``
    of ``events.yaml``): plural verbs, «ه» and plural objects, plural and dual nouns. A generated
    form already listed anywhere is left to its own entry."""
    inf = ev["inflections"]
    have = {fold(f) for t in trig for f in t["forms"]}
    skip = {fold(w) for w in ev["not_inflected"]}
    out = list(trig)

    def add(t: dict, forms: list[str], **flags) -> None:
        forms = sorted({f for f in forms if fold(f) not in have})
        if forms:
            have.update(fold(f) for f in forms)
            out.append({**t, "forms": forms, **flags})

    for t in trig:
        if t.get("pronoun_object") or t.get("passive"):
            continue
        one = [f for f in t["forms"] if " " not in f and len(f) > 2 and fold(f) not in skip]
        if t.get("pos") == "verb":
            plain = [f + inf["imperfect_plural"] for f in one if f.startswith(inf["imperfect_prefix"]) and len(f) > 3]
            plain += [f + inf["perfect_plural"] for f in one if f + inf["perfect_fem"] in t["forms"]]
            add(t, plain)
            if not t.get("with"):
                objs = [f + inf["object_h"] for f in one if not f.endswith(tuple(inf["object_h_skip_endings"]))]
                objs += [f[: -len(inf["perfect_plural"])] + p for f in one + plain if f.endswith(inf["perfect_plural"]) for p in inf["plural_objects"]]
                add(t, objs, pronoun_object=True, h_object=True)
        elif t.get("pos") == "noun":
            forms = []
            for f in one:
                if f.endswith(tuple(inf["noun_skip_endings"])):
                    continue
                if f.endswith(inf["feminine"]):
                    forms += [f[:-1] + e for e in inf["feminine_forms"]]
                else:
                    forms += [f + e for e in inf["noun_duals"]]
                    if not f.startswith(inf["definite"]):
                        forms.append(f + inf["noun_plural"])
            add(t, forms)
    return out


@functools.cache
def lexicon():
    ev = load("ar/events.yaml")
    trig = _inflected(_with_pronouns(ev["triggers"], ev), ev)
    # forms with the object «ه» live apart: only a trigger when the source word has no «ة»,
    # and never a word other rules stop at («وزارة»)
    index = PhraseIndex({str(k): t["forms"] for k, t in enumerate(trig) if not t.get("h_object")})
    h_index = PhraseIndex({str(k): t["forms"] for k, t in enumerate(trig) if t.get("h_object")})
    withs = [{fold(w) for w in t.get("with", ())} for t in trig]
    cas = load("ar/casualties.yaml")
    src = load("ar/sources.yaml")
    return {
        "triggers": trig,
        "index": index,
        "forms": index.surfaces(),
        "h_index": h_index,
        "h_forms": h_index.surfaces(),
        "with": withs,
        "window": ev.get("window", 4),
        "quad": ev["quad"],
        "directions": PhraseIndex(cas["directions"], bare=True),
        "unnamed": PhraseIndex(src["unnamed_heads"]),
        "preps": {fold(w) for w in ev["recipient_preps"]},
        "place_preps": {fold(w) for w in ev["place_preps"]},
        "in": {fold(w) for w in load("ar/speech.yaml")["place_prep"]},
        "agent": PhraseIndex(ev["agent_markers"], bare=True),
        "agent_next": PhraseIndex(ev["agent_next"], bare=True),
        "name_heads": {stem_of(fold(w)) for w in ev["name_heads"]},
        "nisba": tuple(fold(w) for w in ev["nisba_endings"]),
        "li": {fold(w) for w in load("ar/speech.yaml")["li"]},
        "cities": {fold(w) for w in ev["city_nouns"]},
        "protesters": PhraseIndex(ev["protesters"]),
        "attackers": PhraseIndex(ev["attackers"]),
        "crowd_nouns": PhraseIndex(ev["crowd_nouns"]),
        "against": PhraseIndex(ev["protest_against"]),
        "against_li": {fold(w) for w in ev["protest_against_li"]},
        "crowd_counts": {fold(w) for w in ev["crowd_counts"]},
        "agent_next_words": {fold(w) for w in ev["agent_next"]},
        "comp": {fold(w) for w in load("ar/speech.yaml")["complementizers"]},
        "subordinators": {fold(w) for w in load("ar/speech.yaml")["not_speech_before_comp"]},
        "causal_before": {fold(w) for w in ev["causal_before"]},
        "causal_types": set(ev["causal_types"]),
        "according": PhraseIndex(load("ar/sources.yaml")["according_to"]),
        "according_forms": PhraseIndex(load("ar/sources.yaml")["according_to"]).surfaces(),
        "site_preps": {fold(w) for w in ev["site_preps"]},
        "sites": PhraseIndex(ev["attacked_sites"]),
        "bare_recipient": {fold(p): frozenset(types) for p, types in ev["bare_recipient"].items()},
        "li_recipient_types": frozenset(ev["li_recipient_types"]),
        "attempt": frozenset(p + fold(w) for w in ev["attempt_verbs"] for p in ("", *_CONJ)),
        "function": {fold(w) for w in ev["function_words"]} | {fold(w) for w in load("ar/speech.yaml")["speaker_stop"]},
        "anaphora": {fold(w) for w in ev["anaphora"]},
        "not_real": {fold(w) for w in (*ev["background_before"], *ev["alleged_before"], *ev["negation_before"])},
        "alleged": {fold(w) for w in ev["alleged_before"]},
        "alleged_after": {fold(w) for w in ev["alleged_after"]},
        "self_comp": {fold(w) for w in ev["self_comp"]},
        "not_by_speaker": set(ev["not_by_speaker"]),
        "object_types": set(ev["object_types"]),
        "unjoined_types": set(ev["unjoined_types"]),
        "place_target_types": set(ev["place_target_types"]),
        "declare": fold_set(ev["declare_words"]),
        "attack_adjectives": fold_set(ev["attack_adjectives"]),
        "what": fold_set(ev["relative_what"]["words"]),
        "what_after": fold_set(ev["relative_what"]["after"]),
        "counted_subject_types": set(ev["counted_subject_types"]),
        "struck_preps": fold_set(ev["struck_preps"]),
        "people_nisba": tuple(ev["people_nisba_endings"]),
        "adjective_shape": re.compile("|".join(f"(?:{p})" for p in ev["adjective_shapes"])),
        "shaped_nouns": fold_set(ev["shaped_nouns"]),
        "mutual_types": frozenset(ev["mutual_types"]),
        "passive_mark": ev["passive_mark"],
        "trend_words": {stem_of(w) for w in fold_set(ev["trend_words"])},
        "between": fold_set(ev["between"]),
        "joined_heads": fold_set(ev["joined_heads"]),
        "genitive_heads": {stem_of(fold(w)) for w in ev["genitive_heads"]},
        "content_types": set(ev["content_types"]),
        "to": {fold(w) for w in ev["content_to"]},
        "possessive": tuple(ev["possessive_endings"]),  # matched on the source: the view writes «ة» as «ه»
        "passive_agents": PhraseIndex(ev["passive_agents"], bare=True),
        "undergo": {fold(w) for w in ev["undergo_verbs"]},
        "feminine": ev["inflections"]["feminine"],
        "set_up": frozenset(p + fold(w) for w in ev["set_up_verbs"] for p in ("", *_CONJ)),
        "weak_forms": {fold(f) for t in trig if t.get("weak") for f in t["forms"]},
        "verb_forms": {fold(f) for t in trig if t.get("pos") == "verb" for f in t["forms"]},
        "unnamed_ok": set(ev["unnamed_actor_types"]),
        "witness": {fold(w) for w in ev["witness_verbs"]},
        "may_cue": _speech_cues(),
        "aux": {fold(w) for w in load("ar/speech.yaml")["auxiliaries"]} | {_WA + fold(w) for w in load("ar/speech.yaml")["auxiliaries"]},
        "relative": {fold(w) for w in load("ar/speech.yaml")["relative"]},
        "target_preps": {fold(w) for w in ev["target_preps"]},
        "planned": {fold(w) for w in ev["planned_after"]},
        "planned_before": {fold(w) for w in ev["planned_before"]},
        "another": {fold(w) for w in ev["another_after"]},
        "since": {fold(w) for w in ev["background_before"]},
        "passive_aux": {fold(w) for w in ev["passive_aux"]},
        "no_place_modes": set(ev["no_place_modes"]),
        "not_announced": set(ev["not_announced"]),
        "object_skip": {fold(w) for w in ev["object_skip"]},
        "aside_preps": {fold(w) for w in ev["object_aside_preps"]},
        "object_site_words": {fold(w) for w in ev["object_site_words"]},
        "aside_in_heads": {fold(w) for w in ev["object_aside_in_heads"]},
        "quantifiers": {fold(w) for w in ev["object_quantifiers"]},
        "manner": {fold(w) for w in ev["manner_words"]},
        "held_by": PhraseIndex(ev["held_by"], bare=True),
        "threat_types": set(ev["threat_types"]),
        "ala": fold(ev["target_preps"][0]),
        "not_targets": {fold(w) for w in ev["not_targets_after_ala"]},
        "do_verbs": {fold(w) for w in ev["do_verbs"]},
        "issue_verbs": {fold(w) for w in ev["issue_verbs"]},
        "do_forms": frozenset(p + fold(w) for w in ev["do_verbs"] for p in ("", *_CONJ)),
        "do_preps": {fold(w) for w in ev["do_preps"]},
        "light": frozenset(p + fold(w) for w in ev["light_verbs"] for p in ("", *_CONJ)),
        "ground": {fold(w) for w in ev["ground_words"]},
        "resumptive": {fold(w) for w in ev["resumptive"]},
        "lam_types": set(ev["lam_agent_types"]),
        "lam_agents": PhraseIndex(ev["lam_agents"], bare=True),
    }


class _Trig:
    __slots__ = ("sent", "a", "v", "b", "entry", "clause", "clauses", "after_verb", "continues", "mutual")

    def __init__(self, sent, a, v, b, entry, clauses):
        # tokens [a, v) are the trigger word(s), [a, b) with the word it needs («شن ... هجوماً»)
        self.sent, self.a, self.v, self.b, self.entry = sent, a, v, b, entry
        self.clauses = clauses  # clause number of every token of the sentence
        self.clause = clauses[a]
        self.after_verb = 0  # end of a verb trigger before it in its clause (its governor)
        self.continues = None  # the noun trigger before a verb that tells more of it («الغارات التي استهدفت»)
        self.mutual = False  # «اشتباكات بين X وY»: both sides are the actor


def _clauses(words: list[str]) -> list[int]:
    """Clause number of every token (clauses split at commas and semicolons)."""
    return list(itertools.accumulate(map(_CLAUSE.__contains__, words), initial=0))[1:]


class Events(Stage):
    name = "events"
    version = "8"
    requires = ("claims", "entities", "times")
    assigns = ("events",)

    def __call__(self, doc: Document) -> None:
        lx = lexicon()
        mentions = mentions_of(doc)
        times = sorted((t for t in doc.times if t.value), key=lambda t: t.start)
        tstarts = [t.start for t in times]
        events: list[Event] = []
        meta: list[dict] = []  # per event: sentence, trigger token, target row (for merging)
        ref_date = doc.reference_date.isoformat() if doc.reference_date else None
        forms, h_forms, fem = lx["forms"], lx["h_forms"], lx["feminine"]
        for si, s in enumerate(body(doc)):
            words = s.words
            if forms.isdisjoint(words) and h_forms.isdisjoint(words):
                continue  # most sentences tell no event
            n = len(words)
            # (the object-«ه» forms only where the source word has no «ة»)
            h_ok = [w in h_forms and doc.text[s.ends[i] - 1] != fem for i, w in enumerate(words)]
            cands = [i for i, w in enumerate(words) if w in forms or h_ok[i]]
            clause = _clauses(words)
            trigs: list[_Trig] = []
            nxt = 0
            for i in cands:
                # («لجنة التحقيق الروسية»: a trigger word inside a name is part of the name)
                if i < nxt or mentions.in_name(s.starts[i], ("ORG", "MISC", "PER")) or (i > 0 and stem_of(words[i - 1]) in lx["name_heads"]) or (i > 1 and words[i - 1] in _QUOTES and stem_of(words[i - 2]) in lx["name_heads"]):
                    continue
                t = self._trigger(words, i, clause, lx, h_ok=h_ok[i])
                if t is None:
                    continue
                entry, v, end = t
                if _unreal(words, i, end, lx):
                    nxt = end  # «المزعوم في أعمال شغب»: no word of it starts another trigger
                    continue
                gov = trigs[-1] if trigs else None
                if gov is not None and (gov.entry["type"] in lx["content_types"] or gov.entry.get("content")) and entry["type"] not in lx["content_types"] and i - gov.b <= (6 if words[i][:1] == _BI else 3) and gov.clause == clause[i] and any(w[:1] in (_BI, _LI) or w in lx["to"] for w in words[gov.b : i + 1]):
                    nxt = end  # «هدد بالانسحاب من الاتفاق»: threatened, not done
                    continue
                if (entry.get("weak") or entry.get("named_actor")) and entry.get("pos") == "verb" and i > 0 and (words[i - 1] in lx["preps"] or words[i - 1] in lx["place_preps"]) and not _done_by(words, i, lx):
                    continue  # «أدت إلى قتل مئات», «مع تراجع قيمة العملة»: after a preposition the word is a noun
                if entry.get("not_followed_by") and end < n and fold_set(entry["not_followed_by"]).__contains__(words[end]):
                    continue  # «الطعن في الحكم»: an appeal
                if entry.get("no_purpose") and (words[i][:1] == _LI or words[i][:1] in _CONJ and words[i][1:2] == _LI):
                    continue  # «بدء عملية للسيطرة على درنة»: what it is for, not done
                if entry.get("set_up") and not any(words[y] in lx["set_up"] for y in range(max(0, i - 3), i) if clause[y] == clause[i]):
                    continue  # «ومر بلينكن عبر نقاط التفتيش»: a place passed, not a control set up
                if entry.get("needs_bi") and not _called_as(words, end, lx):
                    continue  # «ووصف وضعا يائسا»: described, not judged
                if entry.get("not_before_name") and (end < n and (mentions.at(s.starts[end]) is not None or words[end] in _QUOTES) or i > 0 and words[i - 1] in lx["in"]):
                    continue  # «شرطة مقاطعة لوغان», «في مقاطعة الباثيتي»: a county
                if entry.get("backs_before") and words[i].startswith(_DET) and i > 0 and words[i - 1] not in _CLAUSE:
                    continue  # «المتمردين المدعومين من إيران»: who backs them, said of them, not a deed
                if entry["type"] in lx["causal_types"] and i > 0 and words[i - 1] in lx["causal_before"]:
                    continue  # «ما دعا الشرطة إلى إيقافه»: which prompted, not a call
                if entry.get("declared_as") and any(words[y] in lx["declare"] for y in range(max(0, i - 4), i) if clause[y] == clause[i]):
                    entry = {**entry, "type": entry["declared_as"]}  # «أعلنت طالبان وقفا لإطلاق النار»
                if entry.get("pos") == "verb" and not entry.get("passive") and _voweled_passive(doc.text[s.starts[i] : s.ends[i]], lx):
                    entry = {**entry, "passive": True}  # «قُبض عليهم», «أُطلق سراح»: voweled as done to
                crowd_ix = lx["protesters"] if entry.get("crowd") == "people" else lx["crowd_nouns"]
                if entry.get("crowd") and not any(crowd_ix.match(words, x) for x in range(max(0, i - 3), min(n, end + 4)) if not i <= x < end):
                    # «هاجم مسلحون»: without protesters the word has its other reading
                    t = self._trigger(words, i, clause, lx, crowd=False, h_ok=h_ok[i])
                    if t is None:
                        continue
                    entry, v, end = t
                nxt = end
                if entry.get("weak") and self._absorbed(doc, s, trigs, i) and not (i > 0 and _done_by(words, i, lx)):
                    continue
                prev = trigs[-1] if trigs else None
                killed_by = prev is not None and prev.entry.get("weak") and entry.get("means") and i > prev.b and lx["passive_agents"].match(words, i)
                if killed_by:
                    if entry.get("mode") and not prev.entry.get("mode"):
                        prev.entry = {**prev.entry, "mode": entry["mode"]}
                    continue  # «قتل شاب برصاص الشرطة»: who was killed, then by whose fire (the verb reads it)
                if prev is not None and prev.entry["type"] == entry["type"] and i - prev.b <= 1 and clause[i] == prev.clause and (prev.entry.get("pos") != "verb" or prev.entry.get("weak") or entry.get("means")) and (entry.get("pos") != "verb" or prev.entry.get("pos") == "verb"):
                    # «هجوم بقنبلة»: one attack told by two words; the second may name the means
                    if entry.get("mode") and (not prev.entry.get("mode") or prev.entry.get("means")):
                        prev.entry = {**entry, "means": prev.entry.get("means", False) and entry.get("means", False)}
                    prev.b = end
                    continue
                t_new = _Trig(s, i, v, end, entry, clause)
                gov = next((t for t in reversed(trigs) if t.entry.get("pos") == "verb" and t.clause == clause[i]), None)
                if gov is not None and entry.get("pos") == "noun":
                    t_new.after_verb = gov.b  # «ووجه الحوثيون اللوم في الغارة»: the raid is not theirs
                if prev is not None and entry.get("pos") == "verb" and prev.entry.get("pos") == "noun" and not prev.entry.get("means") and prev.entry["type"] == entry["type"] and prev.clause == clause[i] and i - prev.b <= 1 and all(w in lx["relative"] for w in words[prev.b : i]):
                    # «الاعتداء الذي استهدف مدينة الريحانية», «الغارات استهدفت مناطق سكنية»: the
                    # noun is the verb's subject; what follows the verb is whom it hit
                    t_new.continues = prev
                trigs.append(t_new)
            if not trigs:
                continue
            # dates: each to the nearest trigger, preferring its own clause
            a = bisect.bisect_left(tstarts, s.start)
            b = bisect.bisect_left(tstarts, s.end)
            when = {}
            for tm in times[a:b]:
                ti = s.index_at(tm.start)
                if ti < n and (words[ti] in lx["since"] or ti > 0 and words[ti - 1] in lx["since"]):
                    continue  # «منذ عام»: since when, not when it happened
                tc = clause[min(ti, n - 1)]
                # a date modifies a verb before a noun («رفض دعوات ... أمس السبت»)
                best = min(trigs, key=lambda tr: (tr.clause != tc, tr.entry.get("pos") != "verb", min(abs(tr.a - ti), abs(tr.b - ti))))
                when.setdefault(id(best), tm.value)
            sent_rows = mentions.within(s.start, s.end)
            sent_quotes = [q for q in doc.quotes if q.content.start < s.end and s.start < q.content.end] if doc.quotes else []
            speaker = next((q.speaker for q in doc.quotes if q.cue and s.start <= q.cue.start < s.end), None) if doc.quotes else None
            zones = self._zones(s, sent_quotes, lx)
            made, made_trigs = [], []
            for tr in trigs:
                rows, inside = self._region(s, tr, sent_rows, sent_quotes, zones)
                # «ويقول منتقدو الزيارة إنه»: a trigger inside the speaker's own words is not the speaker's deed
                in_zone = any(za <= s.starts[tr.a] < zb for za, zb in zones)
                e = self._event(doc, s, tr, lx, rows, None if inside or in_zone else speaker, inside)
                e.when = when.get(id(tr), ref_date)
                made.append(e)
                made_trigs.append(tr)
            # figures of the sentence to its violent or coercive events
            self._sizes(doc, s, made, trigs)
            for k, (e, tr) in enumerate(zip(made, made_trigs)):
                if e.actor is None and e.target is not None and tr.after_verb and tr.entry.get("pos") == "noun":
                    # «ووجه الحوثيون اللوم في الغارة إلى التحالف»: the party blamed for the deed is
                    # who is said to have done it
                    gov = next((g for g, gt in zip(made[:k], made_trigs[:k]) if gt.b == tr.after_verb), None)
                    if gov is not None and gov.type == "ACCUSE" and gov.mode == "allege" and gov.target == e.target:
                        e.actor, e.target = e.target, None
            for k, (e, tr) in enumerate(zip(made, made_trigs)):
                if tr.entry.get("agent_after") and e.actor is not None and e.target is None:
                    if tr.entry.get("backs_before"):
                        e.target = self._backed(doc, s, tr, lx, sent_rows)
                        continue
                    # who is backed: the doer of the deed before it, else the sentence's first party
                    prev = next((pe for pe in reversed(made[:k]) if pe.actor is not None and ref_text(doc, pe.actor) != ref_text(doc, e.actor)), None)
                    if prev is not None:
                        e.target = prev.actor
                    else:
                        row = next((r for r in sent_rows if r[1] <= s.starts[tr.a] and r[2].type in ("PER", "ORG", "LOC") and tr.clauses[s.index_at(r[0])] == 0), None)
                        e.target = row[2].id if row is not None else self._clause_head(doc, s, tr, lx)
            for e, tr in zip(made, made_trigs):
                if tr.continues is not None:
                    # «غارة جوية استهدفت مدرسة»: one attack; the noun keeps whom the verb says it hit
                    noun = next((ne for ne, nt in zip(made, made_trigs) if nt is tr.continues), None)
                    # (a place the noun was said to hit gives way to whom the verb names)
                    if noun is not None and (noun.target is None or noun.target == noun.where) and e.target is not None:
                        noun.target, e.target = e.target, None
                        noun.actor = noun.actor or e.actor
                        e.actor = None
            kept_types = set()
            by_type_loc = {r[2].id for r in sent_rows if r[2].type == "LOC"}
            for k, (e, tr) in enumerate(zip(made, made_trigs)):
                pe, pt = (made[k - 1], made_trigs[k - 1]) if k > 0 else (None, None)
                if e.actor is not None and pe is not None and pe.actor not in (None, e.actor) and pt.entry.get("pos") == "verb" and not pt.entry.get("passive") and pt.clause == tr.clause and tr.entry.get("pos") == "verb" and not tr.entry.get("passive") and words[tr.a][:1] in _CONJ and self._fills(s, pt.b, tr.a, e.actor, sent_rows):
                    # «بلينكن يزور الضفة ويلتقي عباس»: the words between two verbs joined by «و» are
                    # the first one's object, not the second one's subject; both are the first subject's
                    if pe.target is None or pe.target == e.target:
                        pe.target = e.actor
                    e.actor = pe.actor
                if e.actor is None and k > 0 and tr.entry.get("pos") == "verb" and not tr.entry.get("passive") and not tr.entry.get("weak") and words[tr.a][:1] in _CONJ and lx["index"].match([words[tr.a][1:]], 0):
                    # «قام المهاجم بإطلاق النار ... ويحتجز عدداً من الرهائن»: a verb joined by «و/ف»
                    # with no subject of its own has the subject of the deed before it
                    prev_e = made[k - 1]
                    if prev_e.actor is not None and prev_e.actor != e.target:
                        e.actor = prev_e.actor
                elif e.actor is None and k == 0 and tr.a > 0 and words[tr.a - 1] in _COMMA and tr.entry.get("pos") == "verb" and not tr.entry.get("passive") and not tr.entry.get("weak") and words[tr.a][:1] in _CONJ and lx["index"].match([words[tr.a][1:]], 0):
                    # «وأشار المجلس إلى ضرورة ...، وحث جميع الدول»: after a comma, a verb joined by
                    # «و» with no subject of its own goes on with the sentence's speaker
                    who = self._opening_speaker(doc, s, lx, sent_rows)
                    if who is not None and who != e.target:
                        e.actor = who
                if e.actor is None:
                    # nobody named: coded once per sentence and type, and only when the text
                    # says whom it hit (not just where) or what it cost; a bare «قتل» with no
                    # one named is a death toll, not an attack
                    hit = e.target is not None
                    if tr.entry.get("weak") or e.type in kept_types or not (hit or e.fatalities or e.injuries or e.arrests):
                        continue
                told_done = tr.a > 0 and words[tr.a - 1] in lx["passive_aux"] and e.target is not None  # «جرى الإفراج عن بعض الفتيات»
                if e.actor is None and tr.entry.get("pos") == "noun" and e.type not in lx["unnamed_ok"] and not told_done:
                    continue  # «الاتفاق النووي», «توزيع المساعدات»: a thing named, not a deed by someone
                if tr.entry.get("ground") and not _ground(doc, s, tr, e, lx, by_type_loc):
                    continue  # «سيطر الفريق على مجريات اللعب»: no ground taken
                if tr.entry.get("needs_place") and e.where is None and not (isinstance(e.target, str) and e.target in by_type_loc):
                    continue  # «وصلت الجهود إلى طريق مسدود»: reached no place
                if tr.entry.get("means") and not (e.fatalities or e.injuries):
                    continue  # «زرعهم عبوات ناسفة»: a weapon named, nothing done with it yet
                kept_types.add(e.type)
                events.append(e)
                meta.append({"sent": s, "trig": tr, "si": si, "dated": id(tr) in when})
        events, meta = self._merge_visits(doc, events, meta, mentions)
        doc.events = _merge_repeats(doc, events, meta, lx)

    @staticmethod
    def _fills(s: Sent, a: int, b: int, ref, rows) -> bool:
        """Whether ``ref`` is written as tokens [a, b) and nothing else."""
        if not a < b:
            return False
        start, end = s.starts[a], s.ends[b - 1]
        if isinstance(ref, SpanRef):
            return ref.start == start and ref.end == end
        return any(r[0] == start and r[1] == end and r[2].id == ref for r in rows)

    def _announcer(self, doc, s: Sent, tr: _Trig, lx, rows):
        from .quotes import np_end

        sp = speech_lexicon()
        words = s.words
        if tr.a > 0 and words[tr.a - 1] in lx["place_preps"]:
            # «أكدت السلطات مقتل 3 أشخاص في الهجوم»: the toll is announced, the deed only named
            # (but «أعلنت الشرطة عن اعتقال»: «عن» is the announcing verb's own)
            return None
        for x in range(tr.a - 1, max(-1, tr.a - 9), -1):
            if words[x] in _CLAUSE or words[x] in lx["comp"]:
                return None  # «وتقول طهران إن ... العقوبات»: reported speech, not a deed announced
            if words[x] in sp["cue_forms"] and sp["verbs"].match(words, x):
                end = np_end(s, x + 1, sp)
                if end <= x + 1 or end > tr.a:
                    return None  # «ويقول منتقدو الزيارة»: the trigger is in the speaker's name
                if words[x + 1] in lx["anaphora"]:
                    return None  # «ويعتبر هذا الحادث الأحدث في سلسلة من هجمات»: no one announces
                return self._cue_subject(doc, s, x, end, rows)
        return None

    @staticmethod
    def _cue_subject(doc, s: Sent, x: int, end: int, rows):
        """The subject of the speech verb at word ``x``, its words up to ``end``: the person or
        organisation it opens with, else those words."""
        per = [r for r in rows if r[0] == s.starts[x + 1] and r[1] <= s.ends[end - 1] and r[2].type in ("PER", "ORG")]
        return per[0][2].id if per else span_ref(doc, s.starts[x + 1], s.ends[end - 1])

    def _opening_speaker(self, doc, s: Sent, lx, rows):
        """«وأشار المجلس إلى ...»: the subject of a speech verb opening the sentence."""
        from .quotes import np_end

        sp = speech_lexicon()
        words = s.words
        if not words or words[0] not in sp["cue_forms"] or not sp["verbs"].match(words, 0):
            return None
        end = np_end(s, 1, sp)
        if end <= 1 or words[1] in lx["anaphora"] or words[1] in lx["function"]:
            return None
        return self._cue_subject(doc, s, 0, end, rows)

    @staticmethod
    def _zones(s: Sent, quotes, lx) -> list[tuple[int, int]]:
        """Where the speakers and reporters of a sentence are named: between a cue and its
        quote, and after «بحسب» («- بحسب وكالة رويترز للأنباء -»)."""
        zones = [(q.cue.start, q.content.start) for q in quotes if q.cue and q.cue.start < q.content.start]
        words = s.words
        if lx["according_forms"].isdisjoint(words):
            return zones
        for x, w in enumerate(words):
            if w in lx["according_forms"] and lx["according"].match(words, x):
                y = x + lx["according"].match(words, x)[1]
                while y < len(words) and y - x < 8 and words[y] not in _CLAUSE and words[y] not in _DASHES:
                    y += 1
                zones.append((s.starts[x], s.ends[y - 1] if y > x else s.starts[x]))
        return zones

    @staticmethod
    def _region(s: Sent, tr: _Trig, rows, quotes, zones):
        """Who may act in a trigger's event: inside a quote, those named in the quote; outside,
        not the speakers and outlets named around quotes, nor the reporters of the sentence."""
        pos = s.starts[tr.a]
        holding = [q for q in quotes if q.content.start <= pos < q.content.end]
        if holding:
            q = min(holding, key=lambda q: q.content.end - q.content.start)
            return [r for r in rows if q.content.start <= r[0] < q.content.end], q
        # («واتهمت تركيا غولن بأنه»: a trigger that is itself the cue keeps the names after it)
        zones = [z for z in zones if z[0] != pos]
        if not zones:
            return rows, None
        return [r for r in rows if not any(a <= r[0] < b for a, b in zones)], None

    @staticmethod
    def _absorbed(doc, s: Sent, trigs, i) -> bool:
        """«شن هجوماً ... وقتلوا 1400»: a bare killing verb after an attack of the same sentence
        tells that attack's toll, unless another toll was given in between."""
        prev = next((t for t in reversed(trigs) if t.entry["type"] == "ASSAULT"), None)
        if prev is None:
            return False
        a, b = s.starts[prev.a], s.starts[i]
        return not any(a < c.evidence.start < b and c.category == "killed" for c in doc.claims)

    def _trigger(self, words, i, clause, lx, crowd=True, h_ok=False):
        hits = lx["index"].match_all(words, i) or (lx["h_index"].match_all(words, i) if h_ok else None)
        if not hits:
            return None
        n = len(words)
        best = None
        for key, length, _cut in hits:
            k = int(key)
            if not crowd and lx["triggers"][k].get("crowd"):
                continue
            need = lx["with"][k]
            if need:
                for x in range(i + length, min(n, i + length + lx["triggers"][k].get("window", lx["window"]))):
                    if clause[x] != clause[i]:
                        break
                    if any(v in need for v, _ in variants(words[x])):
                        return lx["triggers"][k], i + length, x + 1
                continue
            if best is None:
                best = (lx["triggers"][k], i + length, i + length)
            elif best[0].get("pos") == "verb" and lx["triggers"][k].get("pos") == "noun" and length == best[1] - i and (words[i].startswith((_DET, _WA + _DET, _BI + _DET, _LIL)) or (i > 0 and _in_any(words[i - 1], lx["function"], lx["preps"])) or (words[i][:1] in (_BI, _LI) and words[i] not in lx["verb_forms"])):
                # «إثر قصف للنظام», «القصف», «لقصف القوات»: after a preposition, with the article or
                # with «بـ/لـ» on it, a noun
                best = (lx["triggers"][k], i + length, i + length)
        return best

    def _event(self, doc, s: Sent, tr: _Trig, lx, rows, speaker, quote=None) -> Event:
        entry = tr.entry
        words = s.words
        clause = tr.clauses
        t_start, t_end = s.starts[tr.a], s.ends[tr.b - 1]
        v_end = s.ends[tr.v - 1]
        in_clause = [r for r in rows if clause[min(s.index_at(r[0]), len(words) - 1)] == tr.clause]
        before = [r for r in in_clause if r[1] <= t_start]
        after = [r for r in in_clause if r[0] >= v_end and not (t_start <= r[0] < t_end and entry.get("pos") == "noun")]
        actor = None
        if entry["type"] == "PROTEST":
            crowd = self._crowd(doc, s, tr, lx)
            if crowd is not None:
                return self._finish(doc, s, tr, lx, entry, crowd, after, None, t_start, t_end)
        actor_ref = None
        is_verb = entry.get("pos") == "verb"
        if entry.get("pronoun_object"):
            return self._pronoun_object(doc, s, tr, lx, rows, entry, t_start, t_end)
        if tr.continues:
            if tr.b < len(words) and words[tr.b] in _QUOTES and (obj := self._object(doc, s, tr, lx, tr.b)) is not None:
                # «غارة جوية استهدفت "تجمعا لمدنيين"»: the quoted words are whom it hit
                return Event(type=entry["type"], mode=entry.get("mode"), trigger=Span(t_start, t_end), target=obj)
            return self._finish(doc, s, tr, lx, entry, None, after, None, t_start, t_end)
        if entry.get("no_subject"):
            # «انفجرت عبوة ناسفة قرب مقر الشرطة»: done by no one named, unless «من قبل»
            y = (_phrase(words, tr.b, lx) or tr.b) if tr.b < len(words) else tr.b
            rest = [r for r in after if s.index_at(r[0]) >= y]
            return self._finish(doc, s, tr, lx, entry, self._passive_agent(doc, s, tr, lx, rows), rest, None, t_start, t_end)
        if entry.get("agent_after"):
            # «بدعم من التحالف العربي»: the name or the words right after
            row = next((r for r in after if s.index_at(r[0]) == tr.b and r[2].type != "MISC"), None)
            if row is not None:
                return Event(type=entry["type"], mode=entry.get("mode"), trigger=Span(t_start, t_end), actor=row[2].id)
            end = _phrase(words, tr.b, lx) if tr.b < len(words) else None
            ref = span_ref(doc, s.starts[tr.b], s.ends[end - 1]) if end else None
            return Event(type=entry["type"], mode=entry.get("mode"), trigger=Span(t_start, t_end), actor=ref)
        w0 = words[tr.a]
        # «قام المهاجم المسلح بإطلاق النار», «قامت القوات الجوية باستهداف»: the subject of
        # «قام/تمكن/نجح» did what the noun after it names; «وفتحت السلطات تحقيقاً»: so does the
        # subject of a light verb whose object the noun is
        doer = None
        if tr.a > 1 and (not is_verb or w0[:1] == _BI or entry.get("weak")) and (w0[:1] in _ev()["do_noun_initials"] or words[tr.a - 1] in lx["do_preps"] or _after_attempt(words, tr.a, lx)):  # «بإطلاق النار» is a noun
            doer = self._doer(doc, s, tr, lx, rows)
        if doer is None and not is_verb and not _has_prep(w0) and w0[:1] not in (_BI, _LI, _WA):  # («فتح الملف والتحقيق»: joined to the object)
            doer = self._light_subject(doc, s, tr, lx, rows)
        if doer is not None:
            actor_ref, row = doer
            if row is not None:
                after = [r for r in after if r is not row]
            return self._finish(doc, s, tr, lx, entry, actor_ref, after, row, t_start, t_end)
        if not is_verb and tr.a > 0 and words[tr.a - 1] in lx["passive_aux"]:
            # «أنه جرى إغلاق حسابات», «تم اعتقال خمسة»: done by no one named, unless «من قبل»
            return self._finish(doc, s, tr, lx, entry, self._passive_agent(doc, s, tr, lx, rows), after, None, t_start, t_end)
        wider = [r for r in rows if r[1] <= t_start and r[2].type in ("PER", "ORG")]
        # 0. «شن مقاتلو حماس هجوماً», «إطلاق قوات إسرائيلية النار»: the words between a verb and
        # the word it needs are its subject
        if is_verb and tr.b - tr.v > 2 and not any(t.start <= s.starts[tr.v] < t.end for t in doc.times):  # («شنت العام الماضي ضربة»: when)
            inner = [r for r in in_clause if s.starts[tr.v] <= r[0] and r[1] <= s.ends[tr.b - 2] and r[2].type != "MISC"]
            # («قضت محكمة في مدينة يانجون بسجن»: a place after «في» is where the subject sits)
            inner = [r for r in inner if not any(words[y] in lx["place_preps"] for y in range(tr.v, s.index_at(r[0])))]
            if inner:
                actor = inner[0]
            elif not entry.get("named_actor") and words[tr.v] not in lx["place_preps"]:  # («بحث في طهران مع»: where)
                # «أطلق بعض الفدائيين النار»: a count before the subject stays with it
                y = tr.v + 1 if words[tr.v] in lx["function"] and tr.v + 1 < tr.b - 1 else tr.v
                end = _phrase(words, y, lx)
                if end and (end == tr.b - 1 or end < tr.b - 1 and (self._nounish(words, y, end, lx) or words[end] in lx["in"])):
                    actor_ref = span_ref(doc, s.starts[tr.v], s.ends[end - 1])
        # 1. «زيارة بلينكن»: the agent of a noun trigger is its genitive
        if not is_verb and not entry.get("patient_genitive") and after and s.index_at(after[0][0]) == tr.b and after[0][2].type in ("PER", "ORG"):
            actor = after[0]
            after = after[1:]
        elif not is_verb and not entry.get("patient_genitive") and entry["type"] in lx["lam_types"] and tr.b < len(words) and stem_of(words[tr.b]) in lx["genitive_heads"] and words[tr.b][:1] not in _CONJ and not _has_prep(words[tr.b]):
            # «قصف جيش الإسلام للمناطق السكنية», «قصف القوات الحكومية»: a force in the genitive did it
            end = _phrase(words, tr.b, lx)
            row = next((r for r in after if s.starts[tr.b] < r[0] and r[1] <= s.ends[end - 1]), None) if end else None
            if end and (row is None or row[2].type != "LOC"):
                actor_ref = span_ref(doc, s.starts[tr.b], s.ends[end - 1])
                after = [r for r in after if r[0] >= s.ends[end - 1]]
        # «غارات جوية للطيران الروسي», «قصف للنظام»: an attack's agent written with «لـ»
        if actor is None and actor_ref is None and not is_verb and entry["type"] in lx["lam_types"]:
            actor_ref, actor, after = self._lam_agent(doc, s, tr, lx, after)
        # «هجوم نسب إلى صيادين», «اشتباكات بين المليشيات»: a noun trigger names its agent after it
        if actor is None and actor_ref is None and not is_verb:
            for x in range(tr.b, min(len(words), tr.b + 3)):
                ag = lx["agent"].match(words, x) or (lx["agent_next"].match(words, x) if x == tr.b else None)
                if ag:
                    y = x + ag[1]
                    row = next((r for r in after if s.index_at(r[0]) == y and r[2].type != "LOC"), None)
                    if row is None:
                        # «بين رئيس جنوب السودان سلفاكير ميرديت»: the person after a title
                        row = next((r for r in after if y < s.index_at(r[0]) <= y + 4 and tr.clauses[s.index_at(r[0])] == tr.clause and r[2].type == "PER" and r[0] not in mentions_of(doc).clitic and not any(w in lx["function"] or w in _CLAUSE for w in words[y : s.index_at(r[0])])), None)
                    if row is not None:
                        actor = row
                        after = [r for r in after if r is not row]
                    elif y < len(words) and lx["unnamed"].match(words, y):
                        actor_ref = self._unnamed_span(doc, s, y, lx)  # «من مسؤولين عرب»
                    else:
                        end = _phrase(words, y, lx) if y < len(words) else None
                        if end:
                            actor_ref = span_ref(doc, s.starts[y], s.ends[end - 1])
                    break
        # («مسؤولية بالهجمات التي استهدفت»: a noun with «بـ» on it right after another noun is its
        # complement, the names before it are not its actors)
        governed = not is_verb and words[tr.a][:1] == _BI and tr.a > 0 and words[tr.a - 1][:1].isalpha() and words[tr.a - 1] not in lx["function"] and mentions_of(doc).at(s.starts[tr.a - 1]) is None
        # 2. the subject right before the trigger («تواصل إسرائيل الضربات», «الشرطة اعتقلت»)
        # («أدان مجلس الأمن الهجوم»: the subject of a verb trigger before the noun is not the noun's doer)
        if actor is None and actor_ref is None and not governed and before and tr.a - s.index_at(before[-1][1] - 1) <= 2 and before[-1][2].type != "MISC" and not (tr.after_verb and s.index_at(before[-1][0]) >= tr.after_verb):
            x = s.index_at(before[-1][0])
            w = words[x] if x < len(words) else ""
            gap = words[s.index_at(before[-1][1]) : tr.a]
            # «في فنزويلا اعتقال», «وسط مالي في هجوم»: a place by a preposition is where, not who
            # «شهدت طرابلس هجمات»: a place that witnessed it is where it happened
            # «مع إيران بعد أن انسحب منه ترمب»: a name before «بعد أن» is not the verb's subject
            # («وفي ليبيا قتل السفير»: «و» + «في» too)
            if not (x > 0 and (words[x - 1] in lx["place_preps"] or words[x - 1][:1] in _CONJ and words[x - 1][1:] in lx["place_preps"]) or _has_prep(w) and not before[-1][2].type == "PER" or any(g in lx["place_preps"] or g in lx["comp"] or g in lx["subordinators"] for g in gap) or (x > 0 and words[x - 1] in lx["witness"]) or (not is_verb and self._victim(words, x, tr.a))):
                actor = before[-1]
        # (a noun before a bare «قتلوا» is whom it killed: «عشرات الأشخاص قتلوا»)
        if actor is None and actor_ref is None and is_verb and not entry.get("named_actor") and (not entry.get("weak") or self._has_object(doc, s, tr, lx)):
            actor_ref = self._subject_before(doc, s, tr, lx)
            if actor_ref is None and words[tr.a].endswith(_ev()["plural_verb_endings"]):
                actor_ref = self._described_by(doc, s, tr, lx)
        # «فجر مجهولون عبوة», «هاجم مفجرون انتحاريون سياسيين»: an unnamed doer right after the verb
        if actor is None and actor_ref is None and is_verb and not entry.get("named_actor") and not entry.get("passive") and tr.b < len(words) and not (entry.get("object_first") and (wider or speaker)):
            x = tr.b if tr.b == tr.v + 1 and entry.get("with") else tr.v  # the needed word right after the verb is its object; the subject follows it
            if x < len(words) and (lx["attackers"].match(words, x) or (entry["type"] == "PROTEST" and lx["protesters"].match(words, x)) or _nominative_plural(words[x])) and not _has_prep(words[x]):
                # a noun in «ـون» takes no genitive (that would be «منتقدو الرئيس»)
                end = x + 1 if _nominative_plural(words[x]) and not lx["attackers"].match(words, x) else _phrase(words, x, lx)
                if end and x < tr.b - 1 < end:
                    end = tr.b - 1  # «وألقى الجيش اللوم»: the subject stops before the word the verb needs
                row = next((r for r in after if r[0] == s.starts[x] and r[2].type in ("PER", "ORG")), None)
                if row is not None:
                    actor = row  # «اعتقلت الشرطة العراقية»: the doer is a name, kept out of the recipients
                    after = [r for r in after if r is not row]
                elif end:
                    actor_ref = span_ref(doc, s.starts[x], s.ends[end - 1])
        if actor is None and actor_ref is None and is_verb and entry["type"] in lx["counted_subject_types"] and not entry.get("passive") and tr.b < len(words):
            # «ودعت أكثر من 150 شخصية دولية إلى»: a counted noun right after the verb is its subject
            q = next((q for q in doc.quantities if q.start == s.starts[tr.b]), None)
            if q is not None and q.end < s.end:
                y = s.index_at(q.end)
                end = _phrase(words, y, lx) if y < len(words) and words[y][:1].isalpha() else None
                if end:
                    actor_ref = span_ref(doc, s.starts[tr.b], s.ends[end - 1])
        # 3. verb, then its subject: «شن مقاتلو حماس هجوماً», «رفض وزير الخارجية بلينكن»; but
        # «ناشد إسرائيل» names whom the earlier subject urged
        if actor is None and actor_ref is None and is_verb and entry.get("passive"):
            pass  # «أدين فلان», «اغتيل فلان»: who follows a passive verb underwent it
        elif actor is None and actor_ref is None and is_verb and after and after[0][2].type != "MISC":
            # «قُتلت الناشطة سعاد العلي بإطلاق نار»: after a bare killing verb a name with no object
            # after it is whom it killed
            passive_kill = entry.get("weak") and not self._object_after(doc, s, after[0], lx)
            if entry.get("person_patient") and after[0][2].type == "PER" and s.index_at(after[0][0]) == tr.b and not self._object_after(doc, s, after[0], lx):
                # «وأوقف نازك في اللاذقية», «واعتقلت ماريا بوتينا الأحد»: a person right after an
                # arrest verb with nothing after is who was arrested (the verb is read as passive)
                passive_kill = True
                entry = {**entry, "passive": True}
            # «وطالبت الحكومة إسرائيل بوقف»: a noun before the name is the subject, the name whom it urged
            # (a person right after a title is the title's name: «دعا الزعيم الشيعي مقتدى الصدر»)
            subject_first = entry.get("object_first") and after[0][2].type != "PER" and s.index_at(after[0][0]) > tr.b and words[tr.b].startswith(_DET) and _phrase(words, tr.b, lx) == s.index_at(after[0][0])
            if after[0][0] not in mentions_of(doc).clitic and self._no_prep_between(words, tr.v, s.index_at(after[0][0]), lx) and not (entry.get("object_first") and (wider or speaker)) and not passive_kill and not subject_first:
                actor = after[0]
                after = after[1:]
                if actor[2].type == "LOC" and s.index_at(actor[0]) > tr.b and after and after[0][2].type == "PER" and s.index_at(after[0][0]) - s.index_at(actor[1] - 1) <= 2:
                    # «التقى رئيس دولة جنوب السودان سلفاكير ميرديت»: the person the title names
                    actor = after[0]
                    after = after[1:]
        # «المتمردين الذين سيطروا على العاصمة»: a verb right after a relative word was done by the
        # noun phrase that word points back to
        own_subject = tr.b < len(words) and (words[tr.b] in lx["resumptive"] or any(s.index_at(r[0]) == tr.b and r[2].type in ("PER", "ORG") for r in rows))
        if actor is None and actor_ref is None and is_verb and tr.b == tr.a + 1 and tr.a > 1 and (words[tr.a - 1] in lx["relative"] or words[tr.a - 1] in lx["what"] and words[tr.a - 2] in lx["what_after"]) and words[tr.a].endswith(lx["possessive"]) and not entry.get("passive"):
            # «وهو ما نفته الجماعة وإيران»: a verb with the relative as its object pronoun has its
            # own subject after it
            return self._pronoun_object(doc, s, tr, lx, rows, entry, t_start, t_end)
        if actor is None and actor_ref is None and is_verb and not entry.get("passive") and not entry.get("weak") and tr.a > 1 and words[tr.a - 1] in lx["relative"] and not tr.continues and not own_subject:
            actor, actor_ref = self._antecedent(doc, s, tr, lx, rows)
            if actor is not None:
                after = [r for r in after if r is not actor]
        # «قالت الهيئة إنها فتحت تحقيقاً»: what a speaker reports first, it did (most often)
        c0 = s.index_at(quote.content.start) if quote is not None else 0
        if actor is None and actor_ref is None and quote is not None and c0 >= tr.a - 2 and quote.speaker is not None and c0 > 0 and words[c0 - 1] in lx["self_comp"] and tr.a <= c0 + 1:
            actor_ref = quote.speaker
        # «أصدرت السلطات في تركيا، الاثنين، أوامر بتوقيف»: who issues the order
        if actor is None and actor_ref is None and not is_verb:
            actor_ref = self._issuer(doc, s, tr, lx, rows)
        # «أعلن المدعي العام في فنزويلا اعتقال خمسة»: who announces a deed as its own did it
        if actor is None and actor_ref is None and not is_verb:
            actor_ref = self._announcer(doc, s, tr, lx, rows) if entry["type"] not in lx["not_announced"] else None
        # «غارات إسرائيلية»: a noun trigger qualified by a nationality names who acted
        if actor is None and not is_verb and tr.b < len(words) and not entry.get("patient_genitive"):
            # («اعتقال الروسية ماريا بوتينا»: after these nouns the nationality names who underwent it)
            nat = self._nationality(words[tr.b])
            if nat:
                actor_ref = span_ref(doc, s.starts[tr.b], s.ends[tr.b])
            elif tr.b - tr.a > 1 and self._nationality(words[tr.b - 1]):
                actor_ref = span_ref(doc, s.starts[tr.b - 1], s.ends[tr.b - 1])  # («الضربات الإسرائيلية» is one trigger)
        # 4. a person or organisation earlier in the clause (then in the sentence, for a verb);
        # a noun trigger takes only one written close before it
        if actor is None and actor_ref is None:
            # «واتهم روحاني ... بالضلوع في الهجوم»: a noun governed by a verb trigger takes no
            # earlier name (the governor's subject is not its actor)
            cand = [r for r in before if r[2].type in ("PER", "ORG") and (is_verb or not self._victim(words, s.index_at(r[0]), tr.a))] if not tr.after_verb and not governed else []
            if cand:
                actor = cand[-1]
            elif wider and (is_verb or doc.text[s.starts[tr.b - 1] : s.ends[tr.b - 1]].endswith(lx["possessive"])):
                actor = wider[-1]  # «أعرب لافروف، الجمعة، عن رفضه»: «ـه» is the sentence's subject
        if entry.get("passive") and actor is not None:
            # «وكان الباحث فلان قد أدين»: the subject of a passive verb underwent it
            after = [actor, *after]
            actor = None
        if actor is not None and entry["type"] == "PROTEST" and actor[2].type == "LOC":
            actor = None  # «وقطاع غزة احتجاجا على»: a place does not protest, its people do
        if actor is not None:
            actor_ref = actor[2].id
        if actor_ref is None and not entry.get("passive") and not entry.get("weak"):
            # («والتقت الهيئة العليا للإغاثة»: a body the entity layer did not name may act where a name must)
            actor_ref = self._phrase_actor(doc, s, tr, lx, rows, body_only=entry.get("named_actor", False))
        if actor_ref is None and (entry.get("weak") or entry.get("passive") or entry["type"] == "ASSAULT"):
            actor_ref = self._passive_agent(doc, s, tr, lx, rows)
        if actor_ref is None and entry["type"] not in lx["not_by_speaker"]:
            actor_ref = speaker
        if actor is None and isinstance(actor_ref, SpanRef) and actor_ref.start >= t_end:
            # «دعا رجل الدين الشيعي العراقي، مقتدى الصدر، الخميس، إلى»: the name between commas
            # after the subject's title is the subject
            named = self._named_after_title(doc, s, actor_ref, rows)
            if named is not None:
                actor, actor_ref = named, named[2].id
                after = [r for r in after if r is not named]
        elif actor is not None and actor[0] >= t_end:
            # «اتهم قائد الحرس الثوري الإيراني، محمد علي جعفري، بعض الدول»: the same for a title
            # the entity layer took as a name
            named = self._named_after_title(doc, s, SpanRef(actor[0], actor[1], doc.text[actor[0] : actor[1]]), rows)
            if named is not None:
                actor, actor_ref = named, named[2].id
                after = [r for r in after if r is not named]
        if not is_verb and words[tr.a][:1] == _LI:
            hit = self._undergone(doc, s, tr, lx, rows)
            if hit is not None and actor is None and actor_ref is None:
                actor_ref = self._undergone_from(doc, s, tr, lx)
            if hit is not None:
                ev = self._finish(doc, s, tr, lx, entry, actor_ref, after, actor, t_start, t_end)
                ev.target = hit
                if ev.actor == hit:
                    ev.actor = None
                return ev
        ev = self._finish(doc, s, tr, lx, entry, actor_ref, after, actor, t_start, t_end)
        if entry.get("weak") and actor is None and ev.target is None:
            ev.target = self._killed(doc, s, tr, lx, rows)
        return ev

    @staticmethod
    def _site(doc, s: Sent, tr: _Trig, lx):
        """«هجوم انتحاري في المعبد», «غارة جوية أمام مستشفى الصورة»: a building right after an
        attack noun, with «في/أمام/قرب», is what it hit."""
        words, n = s.words, len(s.words)
        x = tr.b
        if x < n and words[x] not in lx["site_preps"] and nisba_like(words, x, lx["nisba"]) and not words[x].startswith(_DET):
            x += 1  # «تفجير انتحاري» already in the trigger; an adjective more
        if x + 1 >= n or words[x] not in lx["site_preps"] or tr.clauses[x + 1] != tr.clause:
            return None
        w = words[x + 1]
        core = w[len(_DET) :] if w.startswith(_DET) else w
        if not (lx["sites"].match(words, x + 1) or lx["sites"].match([core], 0)):
            return None
        end = _phrase(words, x + 1, lx) or x + 2
        return span_ref(doc, s.starts[x + 1], s.ends[end - 1])

    @staticmethod
    def _killed(doc, s: Sent, tr: _Trig, lx, rows):
        """«قتل ثلاثة فلسطينيين برصاص الجيش»: a bare killing verb read as passive has the victim
        between it and the words that name whose fire it was."""
        words, n = s.words, len(s.words)
        for x in range(tr.b + 1, min(n, tr.b + 6)):
            if words[x] in _CLAUSE or tr.clauses[x] != tr.clause:
                return None
            if lx["passive_agents"].match(words, x):
                inner = [r for r in rows if s.starts[tr.b] <= r[0] and r[1] <= s.ends[x - 1] and r[2].type in ("PER", "ORG")]
                if inner:
                    return inner[0][2].id
                if words[tr.b] in lx["function"] or _has_prep(words[tr.b]):
                    return None
                return span_ref(doc, s.starts[tr.b], s.ends[x - 1])
        return None

    @staticmethod
    def _pronoun_object(doc, s: Sent, tr: _Trig, lx, rows, entry, t_start, t_end) -> Event:
        """«أدانتها السلطات», «المواقع التي قصفها الطيران»: the subject follows the verb; the object
        is the pronoun's referent, the name before a relative word, else named in no clause here."""
        words, n = s.words, len(s.words)
        actor = target = None
        if tr.b < n and tr.clauses[tr.b] == tr.clause:
            row = next((r for r in rows if r[0] == s.starts[tr.b]), None)
            if row is not None and row[2].type != "MISC":
                actor = row[2].id
            elif words[tr.b] not in lx["function"] and words[tr.b] not in lx["manner"] and not _has_prep(words[tr.b]):  # («ينفيه بشدة»)
                end = _phrase(words, tr.b, lx)
                if end:
                    actor = span_ref(doc, s.starts[tr.b], s.ends[end - 1])
        if tr.a > 1 and words[tr.a - 1] in lx["relative"]:
            row = next((r for r in rows if s.index_at(r[1] - 1) == tr.a - 2 and r[2].type != "MISC"), None)
            if row is not None and (actor is None or row[2].id != actor):
                target = row[2].id
            elif row is None:
                # «الغوطة الشرقية التي تحاصرها القوات»: the words the relative points back to
                named, words_before = Events._np_before(doc, s, tr.a - 1, tr, lx, rows, ("PER", "ORG", "LOC"))
                if named is not None and named[2].id != actor:
                    target = named[2].id
                elif words_before is not None and (not isinstance(actor, SpanRef) or words_before.start != actor.start):
                    target = words_before
        return Event(type=entry["type"], mode=entry.get("mode"), trigger=Span(t_start, t_end), actor=actor, target=target, where=None)

    def _finish(self, doc, s: Sent, tr: _Trig, lx, entry, actor_ref, after, actor, t_start, t_end) -> Event:
        """The recipient and the place of an event whose actor is known."""
        words = s.words
        span = (actor_ref.start, actor_ref.end) if isinstance(actor_ref, SpanRef) else (actor[0], actor[1]) if actor is not None and actor[2].type in ("ORG", "LOC") else None
        if span is not None and span[0] >= t_end and after:
            # «اتهم قائد الحرس الثوري الإيراني محمد علي جعفري بعض الدول», «لوح وزير الخارجية
            # الروسي سيرغي لافروف»: a title, then the name of who acts, not whom it was done to
            a = s.index_at(span[0])
            first = next((r for r in after if r[0] >= span[1] and r[2].type == "PER"), None)
            # («وزير الخارجية الروسي», «ممثل أنشطة الأمم المتحدة في سوريا علي الزعتري»)
            titled = any(_title_head(words[y]) for y in range(max(tr.b, a - 3), a + 1))
            if first is not None and titled and s.index_at(first[0]) - a <= 6 and not any(w in _CLAUSE for w in words[a : s.index_at(first[0])]):
                actor, actor_ref = first, first[2].id  # («المتحدث باسم وزارة الدفاع شرف لقمان»)
                after = [r for r in after if not (span[0] <= r[0] < first[1])]  # («الأمين العام للأمم المتحدة»: the title's own names)
        joined = None
        first = actor_ref.start if isinstance(actor_ref, SpanRef) else actor[0] if actor is not None else None
        if first is not None and first >= t_end and entry["type"] not in lx["unjoined_types"] and not (entry["type"] in lx["mutual_types"] and words[s.index_at(first) - 1] in lx["between"]):
            # «وفضت قوات الشرطة والجيش المصريان اعتصامي», «هجمات شنتها حكومة جنوب السودان وقوات
            # حليفة لها على قرى»: the actor's words go on past a named genitive and «و» + a second
            # party; whom it was done to comes after them
            last = s.index_at(actor_ref.end if isinstance(actor_ref, SpanRef) else actor[1])
            a0 = s.index_at(first)
            # (a phrase of two definite nouns, «الائتلاف المنظمات», has already run into the object)
            glued = sum(1 for k in range(a0, last) if s.words[k].startswith(_DET) and not nisba_like(s.words, k, lx["nisba"])) > 1
            one = last - a0 == 1 and (isinstance(actor_ref, SpanRef) or stem_of(s.words[a0]) in lx["genitive_heads"])
            end = last if glued else self._joined(doc, s, tr, lx, last, one)
            if end > last:
                joined = end
                if isinstance(actor_ref, SpanRef):
                    actor_ref = span_ref(doc, actor_ref.start, s.ends[end - 1])
                elif s.words[last][:1] != _WA:
                    # «قصف ميليشيا الحوثي»: a one-word name the entity layer cut from its genitive
                    actor_ref, actor = span_ref(doc, actor[0], s.ends[end - 1]), None
                after = [r for r in after if not (s.starts[last] <= r[0] <= s.ends[end - 1])]
        target = None
        # the recipient: a person named right after an organisation or place is the person
        target_ref = None
        cand = [r for r in after if (actor is None or r[2].id != actor[2].id) and r[2].type != "MISC"]
        if isinstance(actor_ref, SpanRef):
            # «ضربات شنتها قوات النظام السوري على دوما»: a name inside the actor's words is not whom it hit
            cand = [r for r in cand if not (actor_ref.start <= r[0] < actor_ref.end)]
        # «التحالف الذي تقوده السعودية»: who is named in a relative clause is not the recipient
        rel = next((x for x in range(tr.b, len(words)) if tr.clauses[x] == tr.clause and words[x] in lx["relative"]), None)
        if rel is not None:
            cand = [r for r in cand if s.index_at(r[0]) < rel]
        if actor is not None:
            # «سفراء فرنسا وإيطاليا وبريطانيا»: names joined to the actor by «و» act with it
            x = s.index_at(actor[1])
            while cand and s.index_at(cand[0][0]) == x and words[x][:1] == _WA:
                x = s.index_at(cand[0][1])
                cand = cand[1:]
        # after the trigger, or after its subject when that follows it (VSO)
        start = s.index_at(actor[1]) if actor is not None and actor[0] >= t_end else tr.b
        if actor is not None and actor[0] >= t_end:
            # «أعدمت ولاية تكساس الأميركية، الأربعاء، رجلا»: the name's adjectives go with it
            while start < len(words) and words[start].startswith(_DET) and nisba_like(words, start, lx["nisba"]) and mentions_of(doc).at(s.starts[start]) is None:
                start += 1
        if entry.get("no_subject") and tr.b < len(words):
            start = _phrase(words, tr.b, lx) or tr.b  # past what exploded
        if isinstance(actor_ref, SpanRef) and actor_ref.start >= t_end and s.index_at(actor_ref.start) <= tr.b + 1:
            start = s.index_at(actor_ref.end)  # VSO: the object follows the subject
        if joined is not None:
            start = max(start, joined)
        # «في ليبيا», «وسط عمان»: a place is whom it was aimed at only as the object, after a
        # preposition of recipients, or with «لـ» on it («زيارة للعراق»); else it is where
        clitic = mentions_of(doc).clitic
        # («هجوم تريب», «هجوم باريس»: a place as the genitive of an attack noun is where it was)
        genitive_place = entry.get("pos") == "noun" and not entry.get("patient_genitive") and start == tr.b
        # («بالعاصمة مقديشو»: a place with «بـ» on it is where, with «لـ» whom)
        cand = [r for r in cand if r[2].type != "LOC" or (s.index_at(r[0]) == start and not genitive_place) or (r[0] in clitic and doc.text[r[0]] == _LI) or _after_prep(words, s.index_at(r[0]), start, lx)]
        obj = addressed = None
        if entry["type"] in lx["content_types"] and entry.get("pos") == "verb" and start < len(words) and (words[start][:1] == _BI or (words[start] in lx["to"] and start + 1 < len(words) and mentions_of(doc).at(s.starts[start + 1]) is None)) and mentions_of(doc).at(s.starts[start]) is None:
            # «طالب بإطلاق سراح فلان», «هدد بقتل»: what follows «بـ» is what is asked or threatened,
            # and those it names are not whom the demand is made to
            content_end = next((x for x in range(start, len(words)) if tr.clauses[x] != tr.clause), len(words))
            cand = [r for r in cand if not (s.starts[start] <= r[0] < (s.starts[content_end] if content_end < len(words) else s.end))]
            no_addressee = True
            if entry["type"] in lx["threat_types"]:
                obj = self._threatened(doc, s, tr, lx, start + 1)  # «هدد بقتل الجميع»: whom the threat is against
        else:
            no_addressee = False
        if entry.get("patient_genitive") and start == tr.b:
            # «تدمير ثلاثة مخازن», «اعتقال الصحفي»: the genitive of these nouns underwent them
            if cand and s.index_at(cand[0][0]) == tr.b:
                target = cand[0]
                cand = cand[1:]
            else:
                obj = self._object(doc, s, tr, lx, start)
        elif entry.get("pos") == "verb" and not entry.get("no_subject") and (entry["type"] in lx["object_types"] or entry.get("crowd") or entry.get("takes_object")) and not (cand and s.index_at(cand[0][0]) <= start):
            # «خطفوا أربعة مهندسين»: the object written right after the verb comes before a
            # name further on
            obj = self._object(doc, s, tr, lx, start)
        if obj is None and target is None and entry.get("object_first") and entry.get("pos") == "verb" and not no_addressee:
            # «دعا الصدر الخميس جميع الساسة إلى»: whom a call is made to comes before what is asked
            addr = self._addressee(doc, s, tr, lx, start)
            if addr is not None and not (cand and cand[0][0] < addr.start):
                obj = addressed = addr
        if obj is not None and cand and 0 <= s.index_at(cand[0][0]) - s.index_at(obj.end) <= 2 and not (obj is addressed and any(
            w in lx["preps"] or w[:1] in (_BI, _LI) for w in words[s.index_at(obj.end) : s.index_at(cand[0][0])]
        )):  # («طالبت القوات التركية بالانسحاب من عفرين»: whom a call is made to keeps a name after a preposition)
            obj = None  # «مركز "سنيماش"», «رجل الدين هشام», «الرئيس رجب طيب أردوغان»: the name the object goes on with
        against = self._against(doc, s, tr, lx) if entry["type"] == "PROTEST" else None
        if against is not None:
            target_ref = against
        elif obj is not None:
            target_ref = obj
        elif target is not None:
            target_ref = target[2].id
        elif entry["type"] == "ASSAULT" and entry.get("pos") == "noun" and (site := self._site(doc, s, tr, lx)) is not None:
            target_ref = site  # «تفجير انتحاري في مسجد بالعاصمة كابول»: the building it hit
        elif cand:
            target = cand[0]
            if target[2].type != "PER" and len(cand) > 1 and cand[1][2].type == "PER" and s.index_at(cand[1][0]) - s.index_at(target[1] - 1) <= 2:
                target = cand[1]
            target_ref = target[2].id
        elif not no_addressee:
            target_ref = self._unnamed_after(doc, s, tr, lx, start)
            if target_ref is None:
                target_ref = self._apposition(doc, s, tr, actor)
            if target_ref is None and entry.get("object_first") and entry.get("pos") == "verb":
                target_ref = self._addressee(doc, s, tr, lx, start)
        if target_ref is None and entry.get("pos") == "verb" and not no_addressee and not entry.get("passive") and not entry.get("no_subject") and (actor is not None and actor[0] >= t_end or isinstance(actor_ref, SpanRef) and actor_ref.start >= t_end):
            target_ref = self._object_past_aside(doc, s, tr, lx, start)
        if target_ref is None and (actor is not None or actor_ref is not None):
            target_ref = self._past_aside(doc, s, start, lx, actor)
        if target_ref is None and entry["type"] == "ASSAULT":
            target_ref = self._holder(doc, s, tr, lx, start, actor)
        if target_ref is None and entry.get("target_after"):
            target_ref = self._after_prep_of(doc, s, tr, lx, entry)
        if entry["type"] in lx["mutual_types"]:
            other = self._other_side(doc, s, tr, lx, actor, actor_ref)
            if other is not None:
                target_ref = target = None
                # «اشتباكات بين المتظاهرين ورجال الأمن»: each side fights the other; both are the
                # actor and neither is the one hit
                actor_ref, actor = span_ref(doc, first, other), None
                tr.mutual = True
        # the place: «في X» after the trigger, or the recipient when it is a place
        where = where_row = None
        for r in after:
            if r[2].type == "LOC":
                x = s.index_at(r[0])
                if any(w in lx["place_preps"] for w in words[max(0, x - 2) : x]) or _has_prep(s.words[x]) or r is target:
                    where, where_row = self._with_direction(doc, s, r, lx), r
                    break
        if where is None and target is not None and target[2].type == "LOC":
            where = self._with_direction(doc, s, target, lx)
        if target_ref is None and entry.get("object_with") and tr.b > tr.v:
            target_ref = span_ref(doc, s.starts[tr.v], s.ends[tr.b - 1])  # «يحتجز عدداً من الرهائن»
        if target_ref is None and entry.get("pos") == "verb" and tr.b - tr.v >= 2 and first is not None and first < t_start:
            # «باريس منحت لبنان مساعدة»: with the subject before the verb, a name between the verb
            # and the word it needs is whom it was given to (after the verb it would be the subject)
            row = mentions_of(doc).at(s.starts[tr.v])
            if row is not None and row[0] == s.starts[tr.v] and s.index_at(row[1]) <= tr.b - 1 and row[2].type in ("PER", "ORG", "LOC") and (actor is None or row[2].id != actor[2].id):
                target_ref = row[2].id
        if entry.get("no_target"):
            target_ref = None  # «أعادت إسرائيل فتح معبر»: what was reopened is a place, not a party
        if target_ref is not None and (target_ref == actor_ref or _same_party(doc, actor_ref, target_ref)):
            target_ref = None  # «صدامات ... بين غزة وإسرائيل»: no one is both sides
        if target is not None and target[2].type == "LOC" and entry.get("mode") in lx["no_place_modes"]:
            target_ref = None  # «واعتقل وهو في طريقه إلى إسبانيا»: a place is not who was arrested
        if target_ref is None and where_row is not None and entry["type"] in lx["place_target_types"] and not entry.get("weak") and not tr.mutual and (actor_ref is not None or actor is not None) and self._struck(doc, s, where_row, lx):
            # «الهجوم الذي شنه تنظيم الدولة في المحافظة»: with no one named as hit, the place the
            # attack struck is its target (places and land can be targets)
            target_ref = where
        return Event(
            type=entry["type"],
            mode=entry.get("mode"),
            trigger=Span(t_start, t_end),
            actor=actor_ref,
            target=target_ref,
            where=where,
        )

    @staticmethod
    def _after_prep_of(doc, s: Sent, tr: _Trig, lx, entry):
        """«عن قلقهم البالغ من هذه الهجمات»: the entry's own prepositions name what it is about."""
        words, n = s.words, len(s.words)
        preps = fold_set(entry["target_after"])
        for x in range(tr.b, min(n - 1, tr.b + 4)):
            if tr.clauses[x] != tr.clause:
                return None
            if words[x] in preps:
                row = mentions_of(doc).at(s.starts[x + 1])
                if row is not None and row[0] == s.starts[x + 1] and row[2].type != "MISC":
                    return row[2].id
                if stem_of(words[x + 1]) in lx["trend_words"]:
                    return None  # «عن قلقها من ارتفاع مستوى الهجمات»: a trend, no party
                y = x + 2 if words[x + 1] in lx["function"] and x + 2 < n else x + 1  # «من هذه الهجمات»
                end = _phrase(words, y, lx)
                return span_ref(doc, s.starts[x + 1], s.ends[end - 1]) if end else None
        return None

    @staticmethod
    def _other_side(doc, s: Sent, tr: _Trig, lx, actor, actor_ref):
        """«اشتباكات بين الجيش البورمي ومجموعة إثنية مسلحة»: where the party joined by «و» to the
        actor after «بين», the other side, ends (or None)."""
        words, n = s.words, len(s.words)
        first = actor[0] if actor is not None else actor_ref.start if isinstance(actor_ref, SpanRef) else None
        if first is None or tr.b >= n or first < s.starts[tr.b]:
            return None
        a = s.index_at(first)
        if not (0 < a <= tr.b + 2 and words[a - 1] in lx["between"]):
            return None
        x = s.index_at(actor[1] if actor is not None else actor_ref.end)
        mentions = mentions_of(doc)
        row = mentions.at(s.starts[x]) if x < n else None
        if row is not None and row[0] == s.starts[x] and words[x][:1] not in _CONJ:
            x = s.index_at(row[1])  # «بين مقاتلي طالبان وتنظيم داعش»: the actor's named genitive
        if x >= n or words[x][:1] not in _CONJ or len(words[x]) < 3 or tr.clauses[x] != tr.clause:
            return None
        row = mentions.at(s.starts[x] + 1)
        if row is not None and row[0] == s.starts[x] + 1 and row[2].type in ("PER", "ORG", "LOC"):
            return row[1]
        if words[x][1:] in lx["function"] and x + 1 < n and tr.clauses[x + 1] == tr.clause:
            end = _phrase(words, x + 1, lx)  # «وهذه العناصر»: the demonstrative and its noun
        else:
            end = _phrase(words, x, lx)
        if not end:
            return None
        row = mentions.at(s.starts[end]) if end < n else None
        if row is not None and row[0] == s.starts[end]:
            return row[1]  # «وتنظيم داعش»: the phrase's head and the name after it
        return s.ends[end - 1]

    @staticmethod
    def _struck(doc, s: Sent, row, lx) -> bool:
        """A place written as what was struck: after «في/على/...» or with «بـ» on it."""
        x = s.index_at(row[0])
        return x > 0 and any(w in lx["struck_preps"] for w in s.words[max(0, x - 2) : x]) or (row[0] in mentions_of(doc).clitic and doc.text[row[0]] == _BI)

    @staticmethod
    def _joined(doc, s: Sent, tr: _Trig, lx, x: int, phrase: bool) -> int:
        """Where an actor's words end when they go on at word ``x``: for a one-word head
        (``phrase``), its named genitive («مقاتلي طالبان») or «من» + the organisation it is of
        («مسلحون من حركة طالبان»); the adjectives its name left behind («القوات اليمنية المشتركة»);
        then a party joined by «و» («والجيش المصريان», «وحلفائها»), twice at most; ``x`` when they
        do not go on."""
        words, n = s.words, len(s.words)
        mentions = mentions_of(doc)
        for _ in range(2):
            if phrase and 0 < x < n and tr.clauses[x] == tr.clause:
                head = words[x - 1]
                quoted = words[x] in _QUOTES and x + 1 < n and (r := mentions.at(s.starts[x + 1])) is not None and r[0] == s.starts[x + 1] and s.index_at(r[1]) < n and words[s.index_at(r[1])] in _QUOTES
                row = mentions.at(s.starts[x + 1 if quoted else x])  # («تنظيم "الدولة الإسلامية"»: the name in quotation marks)
                if row is not None and row[0] == s.starts[x + 1 if quoted else x] and row[2].type in ("ORG", "LOC", "PER") and head[:1].isalpha() and not head.startswith((_DET, _WA + _DET)) and head not in lx["function"]:
                    x = s.index_at(row[1]) + (1 if quoted else 0)
                elif words[x] == _ev()["partitive"] and x + 1 < n and (row := mentions.at(s.starts[x + 1])) is not None and row[0] == s.starts[x + 1] and row[2].type == "ORG":
                    x = s.index_at(row[1])  # «اقتحم مسلحون من حركة طالبان قاعدة»: of whom they are
            # «اقتحمت القوات اليمنية المشتركة حرم المطار»: adjectives the name did not take
            while 0 < x < n and tr.clauses[x] == tr.clause and words[x - 1].startswith((_DET, _WA + _DET)) and words[x].startswith(_DET) and _adjective(words, x, lx) and not words[x].endswith(lx["people_nisba"]) and not _in_any(words[x], lx["function"], lx["preps"]) and not any(t.start <= s.starts[x] < t.end for t in doc.times) and not (words[x] in lx["forms"] and lx["index"].match(words, x)):
                x += 1
            if x >= n or tr.clauses[x] != tr.clause:
                break
            w = words[x]
            if w[:1] != _WA or len(w) < 4 or w in lx["function"] or (w in lx["forms"] and lx["index"].match(words, x)) or any(t.start <= s.starts[x] < t.end for t in doc.times):
                break
            row = mentions.at(s.starts[x] + 1)
            if row is not None and row[0] <= s.starts[x] + 1 and row[2].type in ("ORG", "PER"):
                end = s.index_at(row[1])
            elif w[1:].startswith(_DET) or w[1:] in lx["joined_heads"]:
                end = _phrase(words, x, lx)
                if end is None:
                    break
            else:
                break
            x, phrase = end, True
        return x

    @staticmethod
    def _object_past_aside(doc, s: Sent, tr: _Trig, lx, start: int):
        """«واتهم فيلق الرحمن، أحد فصائل المعارضة، روسيا», «واتهم الحوثيون الذين يسيطرون على
        المنطقة، التحالف»: after the subject, an aside closed by a comma, then the verb's object."""
        words, n = s.words, len(s.words)
        if start >= n or not (words[start] in _COMMA or words[start] in lx["relative"]):
            return None
        y = next((x for x in range(start + 1, min(n, start + 12)) if words[x] in _CLAUSE), None)
        if y is None or words[y] not in _COMMA or y + 1 >= n:
            return None
        x = y + 1
        w = words[x]
        if w in lx["function"] or _has_prep(w) or w in _QUOTES or w[:1] in _CONJ or lx["may_cue"](w) or lx["index"].may_start(w):
            return None
        row = mentions_of(doc).at(s.starts[x])
        if row is not None and row[0] == s.starts[x]:
            return row[2].id if row[2].type != "MISC" else None
        end = _phrase(words, x, lx)
        return span_ref(doc, s.starts[x], s.ends[end - 1]) if end else None

    @staticmethod
    def _holder(doc, s: Sent, tr: _Trig, lx, start: int, actor):
        """«غارات على مناطق تسيطر عليها فصائل المعارضة»: the party holding the ground attacked."""
        words, n = s.words, len(s.words)
        for x in range(start, min(n, start + 6)):
            if tr.clauses[x] != tr.clause or words[x] in lx["relative"]:
                return None
            hit = lx["held_by"].match(words, x)
            if not hit:
                continue
            y = x + hit[1]
            if y >= n:
                return None
            r = mentions_of(doc).at(s.starts[y])
            if r is not None and r[0] == s.starts[y] and r[2].type in ("PER", "ORG"):
                return r[2].id if actor is None or r[2].id != actor[2].id else None
            end = _phrase(words, y, lx)
            return span_ref(doc, s.starts[y], s.ends[end - 1]) if end else None
        return None

    @staticmethod
    def _past_aside(doc, s: Sent, start: int, lx, actor):
        """«والتقى سلفاكير، الأربعاء، مع مشار»: a date between commas after the subject, then the
        recipient after a preposition."""
        words, n = s.words, len(s.words)
        if start >= n or words[start] not in _COMMA:
            return None
        y = start + 1
        while y < n and any(t.start <= s.starts[y] < t.end for t in doc.times):
            y += 1
        if y == start + 1 or y + 2 >= n or words[y] not in _COMMA or words[y + 1] not in lx["preps"]:
            return None
        # «مع المستشارة الألمانية أنغيلا ميركل»: the person after a title
        for z in range(y + 2, min(n, y + 6)):
            if words[z] in _CLAUSE or words[z] in lx["function"]:
                return None
            r = mentions_of(doc).at(s.starts[z])
            if r is not None and r[0] == s.starts[z] and (r[2].type == "PER" or r[2].type == "ORG" and z == y + 2):
                return r[2].id if actor is None or r[2].id != actor[2].id else None
        return None

    def _doer(self, doc, s: Sent, tr: _Trig, lx, rows):
        """«قام X بـ», «تمكنت X من», «نجح X في» before a noun trigger: X, as (ref, row)."""
        words = s.words
        w = words[tr.a]
        if tr.a < 2 or w[:1] not in _ev()["do_noun_initials"] and words[tr.a - 1] not in lx["do_preps"] and not _after_attempt(words, tr.a, lx):
            return None
        lo = max(-1, tr.a - 8)
        if lx["do_forms"].isdisjoint(words[lo + 1 : tr.a]):
            return None
        for x in range(tr.a - 1, lo, -1):
            if words[x] in _CLAUSE or words[x] in lx["comp"]:
                return None
            core = words[x][1:] if words[x][:1] in _CONJ and len(words[x]) > 3 else words[x]
            if words[x] in lx["do_verbs"] or core in lx["do_verbs"]:
                direct = words[x] in lx["attempt"] and w[:1] not in _ev()["do_noun_initials"] and words[tr.a - 1] not in lx["do_preps"]
                a, b = x + 1, tr.a if direct or (w[:1] in _ev()["do_attached_initials"] and words[tr.a - 1] not in lx["do_preps"]) else tr.a - 1
                while a < b and words[a] in _QUOTES:
                    a += 1
                if b <= a:
                    return None
                # «قام وزير الخارجية الأمريكي أنتوني بلينكن الأحد بزيارة»: the person the title names
                inner = [r for r in rows if s.starts[a] <= r[0] and r[1] <= s.ends[b - 1] and r[2].type in ("PER", "ORG") and r[0] not in mentions_of(doc).clitic]
                row = next((r for r in inner if r[2].type == "PER"), inner[0] if inner else None)
                if row is not None:
                    return row[2].id, row
                if tr.entry.get("named_actor"):
                    return None
                end = _phrase(words, a, lx)
                if end and end <= b and self._nounish(words, a, end, lx):
                    return span_ref(doc, s.starts[a], s.ends[end - 1]), None
                return None
        return None

    def _light_subject(self, doc, s: Sent, tr: _Trig, lx, rows):
        """«وفتحت السلطات تحقيقاً», «قوات الأمن فتحت تحقيقا»: a noun trigger that is the object
        of a light verb in its clause was done by the verb's subject, as (ref, row)."""
        words = s.words
        for x in range(tr.a - 1, max(-1, tr.a - 7), -1):
            w = words[x]
            if w in _CLAUSE or w in lx["comp"] or tr.clauses[x] != tr.clause or w in lx["preps"] or w in lx["place_preps"]:
                return None  # («ووجه الحوثيون اللوم في الغارة»: a noun after a preposition is not the verb's object)
            if w not in lx["light"]:
                if w in lx["forms"] and lx["index"].match(words, x):
                    return None
                continue
            timed = x + 1 < tr.a and any(t.start <= s.starts[x + 1] and s.ends[tr.a - 1] <= t.end for t in doc.times)
            if x + 1 < tr.a and not timed:
                # verb, subject, object: the subject is a name or a noun phrase between them
                inner = [r for r in rows if s.starts[x + 1] <= r[0] and r[1] <= s.ends[tr.a - 1] and r[2].type in ("PER", "ORG") and r[0] not in mentions_of(doc).clitic]
                row = next((r for r in inner if r[2].type == "PER"), inner[0] if inner else None)
                if row is not None:
                    return row[2].id, row
                if tr.entry.get("named_actor") or tr.a - x > 5 or any(t.start < s.ends[tr.a - 1] and s.starts[x + 1] < t.end for t in doc.times):
                    return None
                # («شرطة مكافحة الإرهاب»: a chain of nouns with no word of grammar in it)
                between = words[x + 1 : tr.a]
                if all(w[:1].isalpha() and w not in lx["function"] and not _has_prep(w) for w in between) and (self._nounish(words, x + 1, tr.a, lx) or len(between) > 1 and between[-1].startswith(_DET)):
                    return span_ref(doc, s.starts[x + 1], s.ends[tr.a - 1]), None
                return None
            # subject, verb, object: a name right before the verb
            row = next((r for r in rows if r[1] <= s.starts[x] and s.index_at(r[1]) == x and r[2].type in ("PER", "ORG")), None)
            if row is not None and not (s.index_at(row[0]) > 0 and words[s.index_at(row[0]) - 1] in lx["place_preps"]):
                return row[2].id, row
            if tr.entry.get("named_actor"):
                return None
            verb = _Trig(s, x, x + 1, x + 1, {**tr.entry, "pos": "verb"}, tr.clauses)
            ref = self._subject_before(doc, s, verb, lx)
            return (ref, None) if ref is not None else None
        return None

    @staticmethod
    def _clause_head(doc, s: Sent, tr: _Trig, lx):
        """The noun phrase that opens the sentence before trigger tr («وتقدمت القوات الحكومية
        بدعم من»: after a first verb), or None."""
        words = s.words
        x = 0
        while x < tr.a and (words[x] in _QUOTES or words[x] in lx["aux"] or words[x] in lx["function"]):
            x += 1
        head = words[x][1:] if x < tr.a and words[x][:1] in _CONJ else (words[x] if x < tr.a else "")
        if not head.startswith(_DET):
            x += 1  # a verb first: its subject follows, definite
            if x >= tr.a or not words[x].startswith(_DET):
                return None
        end = _phrase(words, x, lx) if x < tr.a else None
        if end and end <= tr.a and Events._nounish(words, x, end, lx):
            return span_ref(doc, s.starts[x], s.ends[end - 1])
        return None

    @staticmethod
    def _backed(doc, s: Sent, tr: _Trig, lx, rows):
        """«الحوثيين المدعومين من إيران»: the name or the noun phrase right before a participle."""
        row, span = Events._np_before(doc, s, tr.a, tr, lx, rows, ("PER", "ORG", "LOC"))
        return row[2].id if row is not None else span

    @staticmethod
    def _antecedent(doc, s: Sent, tr: _Trig, lx, rows):
        """The noun phrase before the relative word before trigger tr, as (row, None) for a name,
        (None, span) for words, or (None, None)."""
        return Events._np_before(doc, s, tr.a - 1, tr, lx, rows, ("PER", "ORG"))

    @staticmethod
    def _np_before(doc, s: Sent, end: int, tr: _Trig, lx, rows, types):
        """The name or the noun phrase that ends right before token ``end`` in tr's clause, with the
        definite words before it («الميليشيات الحوثية المسلحة»), as (row, None), (None, span) or
        (None, None) when nothing or an event noun ends there."""
        words = s.words
        row = next((r for r in rows if r[1] <= s.starts[end] and s.index_at(r[1]) == end and r[2].type in types), None)
        if row is not None:
            return row, None
        best = None
        for h in range(end - 1, max(-1, end - 5), -1):
            if words[h] in _CLAUSE or tr.clauses[h] != tr.clause or words[h] in lx["function"]:
                break
            if best is not None and not words[h].startswith(_DET):
                break
            if words[h] in lx["forms"] and lx["index"].match(words, h):
                return None, None  # «الهجوم الكيميائي المفترض الذي اتهم»: an event, not a doer
            if _phrase(words, h, lx) == end and not _has_prep(words[h]) and words[h][:1] not in (_BI, _LI) and Events._nounish(words, h, end, lx):
                best = h
            elif best is not None:
                break
        return (None, span_ref(doc, s.starts[best], s.ends[end - 1])) if best is not None else (None, None)

    def _described_by(self, doc, s: Sent, tr: _Trig, lx):
        """«مسلحين من الروهينغا هاجموا مراكز»: attackers named right before a plural verb that
        describes them did it (the verb agrees with them)."""
        words = s.words
        for h in range(tr.a - 1, max(-1, tr.a - 5), -1):
            if words[h] in _CLAUSE:
                return None
            if not lx["attackers"].match(words, h):
                continue
            end = _phrase(words, h, lx) or h + 1
            if end < tr.a and words[end] in lx["agent_next_words"]:
                end = _phrase(words, end + 1, lx) or end  # «مسلحين من الروهينغا»
            return span_ref(doc, s.starts[h], s.ends[end - 1]) if end == tr.a and not _has_prep(words[h]) else None
        return None

    def _lam_agent(self, doc, s: Sent, tr: _Trig, lx, after):
        """«غارات جوية للطيران الروسي», «قصف للنظام», «هجوم لتنظيم الدولة»: a party written with
        «لـ» right after an attack noun (past its adjectives) is who carried it out, when it is a
        named person or organisation or a word for forces that act."""
        words, n = s.words, len(s.words)
        x = tr.b
        while x < n and x - tr.b < 3 and (nisba_like(words, x, lx["nisba"]) or words[x] in lx["attack_adjectives"]) and words[x][:1] != _LI:
            x += 1  # «غارات جوية للطيران», «قصف جوي مكثف لقوات النظام»
        if x >= n or words[x][:1] != _LI or len(words[x]) < 4:
            return None, None, after
        row = next((r for r in after if s.index_at(r[0]) == x and r[2].type in ("PER", "ORG")), None)
        if row is not None:
            return row[2].id, row, [r for r in after if r is not row]
        # «للطيران» is «لـ» + «الطيران»: the span starts after the prefix, at the noun
        core, cut = (_DET + words[x][len(_LIL):], len(_LIL)) if words[x].startswith(_LIL) else (words[x][1:], 1)
        seq = [core] + words[x + 1 :]
        if not (lx["attackers"].match(seq, 0) or lx["lam_agents"].match(seq, 0)):
            return None, None, after
        end = _phrase(seq, 0, lx)
        if not end:
            return None, None, after
        return span_ref(doc, s.starts[x] + cut, s.ends[x + end - 1]), None, after

    def _subject_before(self, doc, s: Sent, tr: _Trig, lx):
        """«مقاتلات إسرائيلية استهدفت», «مسلحون هاجموا», «أن «المتمردين شنوا»: an unnamed subject
        written before its verb, at the head of its clause (or right after «أن»); one who attacks
        may be described between («انتحارياً يقود سيارة مفخخة فجر نفسه»)."""
        words = s.words
        a = tr.a
        while a > 0 and tr.a - a < 7 and words[a - 1] not in _CLAUSE and words[a - 1] not in lx["comp"]:
            a -= 1
        if a == tr.a or (a > 0 and words[a - 1] not in _CLAUSE and words[a - 1] not in lx["comp"]):
            return None
        while a < tr.a and (words[a] in _QUOTES or words[a] in lx["aux"]):
            a += 1
        if a >= tr.a:
            return None
        # «ثمانية جنود أميركيين نفذوا»: a figure before the subject stays with it
        h = a + 1 if a + 1 < tr.a and any(q.start <= s.starts[a] < q.end for q in doc.quantities) else a
        if h > a and tr.entry["type"] in ("ASSAULT", "COERCE") and tr.b == tr.v and not self._has_object(doc, s, tr, lx):
            return None  # «19 شخصا اعتقلوا بالفعل»: counted people before a verb with no object underwent it
        end = _phrase(words, h, lx)
        if not end or end > tr.a or not self._nounish(words, h, end, lx):
            return None
        if end < tr.a and not (tr.a - end <= 4 and lx["attackers"].match(words, h)):
            return None
        return span_ref(doc, s.starts[a], s.ends[end - 1])

    @staticmethod
    def _has_object(doc, s: Sent, tr: _Trig, lx) -> bool:
        """«قتلت 11 مسلحاً» is active; «قتلوا في مواجهات», «قتلوا على الأقل» are passive."""
        words = s.words
        if tr.b >= len(words):
            return False
        w = words[tr.b]
        if any(q.start <= s.starts[tr.b] < q.end for q in doc.quantities):
            return True
        return w[:1].isalpha() and w not in lx["function"] and not _has_prep(w) and w[:1] not in _PREFIXED and _phrase(words, tr.b, lx) is not None

    @staticmethod
    def _object_after(doc, s: Sent, row, lx) -> bool:
        """Whether a figure or a noun phrase follows the mention ``row`` (so it was a subject)."""
        words = s.words
        y = s.index_at(row[1])
        if y >= len(words):
            return False
        if any(q.start <= s.starts[y] < q.end for q in doc.quantities):
            return True
        w = words[y]
        return w[:1].isalpha() and w not in lx["function"] and not _has_prep(w) and w[:1] not in _PREFIXED and _phrase(words, y, lx) is not None

    @staticmethod
    def _victim(words, a, b) -> bool:
        """«وفاة الشاب عمر أبو فول ... خلال المواجهات»: a name told with a casualty word before a
        noun trigger is whom it hit, not who did it."""
        from .claims import lexicon as claims_lexicon

        lx = claims_lexicon()
        lo = max(0, a - 3)
        weak = lexicon()["weak_forms"]
        return any(words[x] in weak or words[x] in lx["forms"] and (lx["before"].match(words, x) or lx["after"].match(words, x)) for x in range(lo, b))

    @staticmethod
    def _nationality(word: str) -> bool:
        from .claims import demonym, lexicon as claims_lexicon

        return demonym(word, claims_lexicon()) is not None

    @staticmethod
    def _nounish(words, a, end, lx) -> bool:
        """A phrase that reads as a noun: definite head, a word for people, or a nisba after it."""
        head = words[a]
        core = head[1:] if head[:1] in _CONJ else head
        if core.startswith(_DET) or lx["protesters"].match(words, a) or lx["unnamed"].match(words, a) or lx["attackers"].match(words, a):
            return True
        if _people_at(words, a, groups=True):
            return True  # «ألقت القبض على مشتبه به»: a word for people
        if any(core.endswith(p) and core[: -len(p)] in lx["genitive_heads"] for p in lx["possessive"]):
            return True  # «أن جيشها قتل 11 متشددا»: a force with a possessive pronoun is definite
        # «قوات الأمن الفيدرالية»: a noun with its genitive
        return end - a >= 2 and (nisba_like(words, a + 1, lx["nisba"]) or words[a + 1].startswith(_DET))

    def _phrase_actor(self, doc, s: Sent, tr: _Trig, lx, rows, body_only=False):
        """No named actor: the words naming one («تظاهر آلاف الطلاب»), a noun phrase right after
        a verb trigger; never a word with a preposition on it or a number. With ``body_only``, only
        a phrase headed by a word for a body («الهيئة العليا للإغاثة»)."""
        words, n = s.words, len(s.words)
        if tr.entry.get("pos") == "verb" and tr.v < n:
            # «قطع الطرق»: when the needed word is the object, the subject follows it
            x = tr.b if tr.b == tr.v + 1 and tr.b > tr.v else tr.v
            if body_only and (x >= n or stem_of(words[x]) not in lx["name_heads"]):
                return None
            if x == tr.b and words[tr.v] in lx["preps"]:
                return None  # «سيطروا على العاصمة»: after a needed preposition comes whom it hit
            if x >= n or any(q.start <= s.starts[x] < q.end for q in doc.quantities):
                return None
            w = words[x]
            if _has_prep(w) or (w[:1] in (_BI, _LI) and mentions_of(doc).at(s.starts[x]) is None):
                return None  # «تطالب بتوفير الخدمات»: what is asked for, not who asks
            end = _phrase(words, x, lx)
            if end and tr.b > tr.v + 1 and x <= tr.b - 1:
                end = min(end, tr.b - 1)  # «ووجه الحوثيون اللوم»: the subject stops before «اللوم»
            if end and end > x and self._nounish(words, x, end, lx):
                return span_ref(doc, s.starts[x], s.ends[end - 1])
        return None

    def _crowd(self, doc, s: Sent, tr: _Trig, lx):
        """The crowd of a protest: the nearest phrase headed by a word for protesters."""
        words, n = s.words, len(s.words)
        best = None
        # («قتل 11 شخصا في الاحتجاجات»: people a casualty figure counts are its victims)
        counted = {y for c in doc.claims if s.start <= c.evidence.start < s.end and c.category in _TOLL for y in range(s.index_at(c.evidence.start), s.index_at(c.evidence.end - 1) + 2)}
        for x in range(max(0, tr.a - 12), min(n, tr.b + 8)):
            if tr.a <= x < tr.b or not lx["protesters"].match(words, x) or x in counted and x - 1 in counted:
                continue
            # a word for protesters before a bare count of people
            d = abs(x - tr.a) + (0 if lx["crowd_nouns"].match(words, x) else 4)
            if best is None or d < best[0]:
                best = (d, x)
        if best is None:
            return None
        x = best[1]
        end = _phrase(words, x, lx) or x + 1
        # «عشرات من أعضاء حزب الغد», «الآلاف من النيباليين»: a count goes on with whom it counts
        if words[x] in lx["crowd_counts"] and end < n - 1 and words[end] in lx["agent_next_words"]:
            more = _phrase(words, end + 1, lx)
            if more:
                end = more
        return span_ref(doc, s.starts[x], s.ends[end - 1])

    def _against(self, doc, s: Sent, tr: _Trig, lx):
        """Whom a protest is against: a name or noun phrase after «ضد», «احتجاجا على»,
        «مطالبين برحيل» later in its sentence."""
        words, n = s.words, len(s.words)
        for x in range(tr.a, min(n, tr.b + 16)):
            hit = lx["against"].match(words, x)
            if not hit:
                continue
            y = x + hit[1]
            if y >= n:
                return None
            row = mentions_of(doc).at(s.starts[y])
            if row is not None and row[2].type != "MISC":
                return row[2].id
            end = _phrase(words, y, lx)
            if not end:
                return None
            # «مناهضة للأمريكيين»: an adjective of opposing takes its object with «لـ»
            start = s.starts[y] + (_li_len(doc.text, s.starts[y]) if words[x + hit[1] - 1] in lx["against_li"] and words[y][:1] == _LI else 0)
            return span_ref(doc, start, s.ends[end - 1])
        return None

    @staticmethod
    def _no_prep_between(words, a, b, lx) -> bool:
        """Whether the entity at word b can be the subject of the verb ending at word a: near,
        with no preposition before it nor on it («لحركة حماس» is no subject)."""
        if b - a > 4 or any(words[x] in lx["preps"] or words[x] in lx["place_preps"] or words[x] in _QUOTES or words[x] in lx["li"] for x in range(a, b)):
            return False
        return not _has_prep(words[b] if b < len(words) else "")

    def _unnamed_after(self, doc, s: Sent, tr: _Trig, lx, start: int):
        """«دعوات لوقف إطلاق النار من مسؤولين عرب»: an unnamed party after a preposition."""
        words, n = s.words, len(s.words)
        clause = tr.clauses
        if tr.entry["type"] == "ASSAULT" and tr.entry.get("pos") == "noun" and not tr.after_verb:
            # (not under a verb: «ألقى اللوم في الهجوم على جماعة» blames the group)
            hit = self._attacked(doc, s, tr, lx, start)
            if hit is not None:
                return hit
        for x in range(start, min(n, start + 8)):
            if clause[x] != tr.clause:
                break
            if words[x] in lx["relative"]:
                break
            if words[x] in lx["preps"] and x + 1 < n and lx["unnamed"].match(words, x + 1):
                return self._unnamed_span(doc, s, x + 1, lx)
            # «وجه اللوم ... إلى التحالف», «هجوم على الطائفة اليزيدية»
            # a noun's own recipient follows it at once (a protest says further what it is against)
            # «باتجاه أربعة من رجال الشرطة»: a counted party
            if words[x] in lx["target_preps"] and x + 2 < n and x - start < 4 and any(q.start <= s.starts[x + 1] < q.end for q in doc.quantities):
                # («القبض على 30 مشتبها بهم»: counted people)
                y = x + 3 if words[x + 2] in lx["agent_next_words"] else x + 2
                end = _phrase(words, y, lx) if y < n else None
                if end:
                    return span_ref(doc, s.starts[x + 1], s.ends[end - 1])
            # «اشتبكت الشرطة مع محتجين», «ألقت القبض على مشتبه به», «وجهت الشكر للمارة»: a bare
            # noun right after the trigger's own preposition
            if x - start < 2 and x + 2 < n and words[x + 1] in lx["quantifiers"] and tr.entry["type"] in lx["bare_recipient"].get(words[x], ()):
                end = _phrase(words, x + 2, lx)  # «ألقت القبض على أحد أفراد جيشها»
                if end:
                    return span_ref(doc, s.starts[x + 1], s.ends[end - 1])
            if x - start < 2 and x + 1 < n and words[x + 1][:1].isalpha() and words[x + 1] not in lx["function"] and not _has_prep(words[x + 1]):
                bare_prep = lx["bare_recipient"].get(words[x])
                if bare_prep is not None and tr.entry["type"] in bare_prep:
                    end = _phrase(words, x + 1, lx)
                    people = _people_at(words, x + 1)
                    if end and people:
                        end = max(end, x + 1 + people)  # «مشتبه به»
                    if end and self._nounish(words, x + 1, end, lx):
                        return span_ref(doc, s.starts[x + 1], s.ends[end - 1])
                    whom = _of_whom(words, x + 1, end, lx) if end else end
                    if end and whom > end:
                        return span_ref(doc, s.starts[x + 1], s.ends[whom - 1])  # «أطلق النار على حشد من المصلين»
            if x - start < 2 and tr.entry["type"] in lx["li_recipient_types"] and words[x][:1] == _LI and len(words[x]) > 3:
                end = _phrase(words, x, lx)
                if end:
                    return span_ref(doc, s.starts[x] + _li_len(doc.text, s.starts[x]), s.ends[end - 1])
            # («على جماعة ماركسية»: an indefinite noun with its adjective)
            if words[x] in lx["target_preps"] and x + 1 < n and x - start < (4 if tr.entry.get("pos") == "verb" or tr.entry["type"] == "PROTEST" else 2) and (words[x + 1].startswith(_DET) or x + 2 < n and nisba_like(words, x + 2, lx["nisba"]) and words[x + 1] not in lx["function"]):
                end = _phrase(words, x + 1, lx)
                if end and self._nounish(words, x + 1, end, lx):
                    return span_ref(doc, s.starts[x + 1], s.ends[end - 1])
        return None

    @staticmethod
    def _issuer(doc, s: Sent, tr: _Trig, lx, rows):
        """The subject of «أصدر» before a noun trigger (past a place and a date between commas)."""
        words = s.words
        for x in range(tr.a - 1, max(-1, tr.a - 10), -1):
            w = words[x]
            if w in _STOP_OR_AR_SEMICOLON or w in lx["comp"]:
                return None
            core = w[1:] if w[:1] in _CONJ and len(w) > 3 else w
            if w not in lx["issue_verbs"] and core not in lx["issue_verbs"]:
                continue
            y = x + 1
            if y >= tr.a:
                return None
            row = next((r for r in rows if r[0] == s.starts[y] and r[2].type in ("PER", "ORG")), None)
            if row is not None:
                return row[2].id
            end = _phrase(words, y, lx)
            if end and end <= tr.a and Events._nounish(words, y, end, lx):
                return span_ref(doc, s.starts[y], s.ends[end - 1])
            return None
        return None

    @staticmethod
    def _threatened(doc, s: Sent, tr: _Trig, lx, y: int):
        """The object of the deed a threat names: «بقتل الجميع», «بمعاقبة المسؤولين»."""
        words, n = s.words, len(s.words)
        if y >= n or tr.clauses[y] != tr.clause:
            return None
        r = mentions_of(doc).at(s.starts[y])
        if r is not None and r[0] == s.starts[y] and r[2].type in ("PER", "ORG", "LOC"):
            return span_ref(doc, r[0], r[1])
        if stem_of(words[y]) in lx["quantifiers"]:
            return span_ref(doc, s.starts[y], s.ends[y])  # «الجميع»
        if words[y][:1] in _PREFIXED or words[y] in lx["function"]:
            return None
        end = _phrase(words, y, lx)
        return span_ref(doc, s.starts[y], s.ends[end - 1]) if end and words[y].startswith(_DET) else None

    @staticmethod
    def _attacked(doc, s: Sent, tr: _Trig, lx, start: int):
        """«هجوم بالأسلحة والقنابل على مسجد في سيناء»: «على» + an indefinite noun after an attack
        noun and the means it names."""
        words, n = s.words, len(s.words)
        x = start
        while x < n and x - start < 3 and tr.clauses[x] == tr.clause and (words[x][:1] == _BI and x == start or x > start and (words[x][:1] == _WA or words[x].startswith(_DET))):
            x += 1  # «بالأسلحة والقنابل», «بالأسلحة الرشاشة»
        if x + 1 >= n or words[x] != lx["ala"] or tr.clauses[x + 1] != tr.clause:
            return None
        w = words[x + 1]
        if not w[:1].isalpha() or w.startswith(_DET) or w[:1] in _PREFIXED or w in lx["function"] or w in lx["not_targets"] or mentions_of(doc).at(s.starts[x + 1]) is not None:
            return None  # a definite noun or a name is left to the other rules
        if any(q.start <= s.starts[x + 1] < q.end for q in doc.quantities) or any(t.start <= s.starts[x + 1] < t.end for t in doc.times):
            return None
        end = _phrase(words, x + 1, lx)
        return span_ref(doc, s.starts[x + 1], s.ends[end - 1]) if end else None

    def _object(self, doc, s: Sent, tr: _Trig, lx, start: int):
        """«اغتالوا العميد جبار مساعد», «خطفوا أربعة مهندسين»: the noun phrase right after a verb
        (and its subject) is whom it was done to; a date or a figure may come first."""
        words, n = s.words, len(s.words)
        x = start
        times = [(t.start, t.end) for t in doc.times]
        counted = False
        clause = tr.clause
        while x < n and x - start < 5:
            pos = s.starts[x]
            if words[x] in _COMMA and x + 1 < n and _dated_aside(doc, s, x):
                if x == start:
                    start += 1  # «أوقفت قوات الأمن، الجمعة، 5 أشخاص»: a day between commas
                x += 1
                clause = tr.clauses[x]
            elif words[x] in _CLAUSE:
                break
            elif any(a <= pos < b for a, b in times):
                if x == start and not counted:
                    start += 1  # «وقتل الاثنين 60 فلسطينيا»: the day is when, not whom
                x += 1
            elif any(q.start <= pos < q.end for q in doc.quantities):
                counted = True
                x += 1
            elif words[x] in lx["in"] and x + 1 < n and (loc := _place_at(doc, s, x + 1)) is not None:
                x = loc  # «أوقفت الأجهزة في سوريا أحد المشتبه بهم»: where, then whom
            elif (aside := self._aside(doc, s, x, lx)) is not None:
                if x == start:
                    start = aside
                x = aside
            else:
                break
        if x < n and words[x] in lx["object_skip"] and not counted:
            return self._object(doc, s, tr, lx, x + 1) if x + 1 < n and tr.clauses[x + 1] == clause else None  # «أعدم فيها 10 من الروهينغا»
        if x >= n or words[x] in _CLAUSE or tr.clauses[x] != clause:
            return None
        if not counted and words[x] in lx["object_site_words"] and x + 1 < n and tr.clauses[x + 1] == clause and mentions_of(doc).at(s.starts[x]) is None:
            x += 1  # «فجر نفسه وسط حشد»: what is there is whom it hit
        w = words[x]
        if not counted and w in lx["quantifiers"] and x + 1 < n and tr.clauses[x + 1] == clause:
            y = x + 2 if words[x + 1] in lx["agent_next_words"] and x + 2 < n else x + 1  # «عدداً من الرهائن»
            end = _phrase(words, y, lx)  # «أحد أبرز المشتبه بهم»: the quantity word heads it
            return span_ref(doc, s.starts[x], s.ends[end - 1]) if end else None
        if counted and x > start and w[:1] in _CONJ and len(w) > 3:
            # «قتل المهاجمون سبعة أشخاص على الأقل وأصابوا نحو 50»: the count alone, the next verb is another deed
            return span_ref(doc, s.starts[start], s.ends[x - 1])
        if counted and w in lx["agent_next_words"] and x + 1 < n and tr.clauses[x + 1] == clause:
            # «10 من الروهينغا»: whom the count is of
            end = _phrase(words, x + 1, lx)
            return span_ref(doc, s.starts[start if start < x else x], s.ends[end - 1]) if end else None
        if w in _QUOTES and not counted:
            # «غارة جوية استهدفت "تجمعا لمدنيين"»: a few words in quotation marks are the object
            # (not «داهم "إف بي آي" مكتبه»: quoted words with a noun after them are the subject;
            # not «تلقت خبر الاعتقال "بقلق"»: a manner)
            y = next((y for y in range(x + 2, min(n, x + 6)) if words[y] in _QUOTES), None)
            z = y + 1 if y is not None else n
            ends = z >= n or words[z] in _CLAUSE or _has_prep(words[z]) or words[z] in lx["function"] or words[z] in lx["place_preps"] or words[z] in lx["object_site_words"]
            if y is not None and ends and tr.clauses[y] == clause and not _has_prep(words[x + 1]) and words[x + 1][:1] not in (_BI, _LI) and all(words[k][:1].isalpha() and words[k] not in lx["function"] for k in range(x + 1, y)):
                return span_ref(doc, s.starts[x + 1], s.ends[y - 1])
            return None
        if _has_prep(w) or w in lx["function"] or (w[:1] in _CONJ and (w[1:] in lx["function"] or w[1:] in lx["comp"])):
            return None
        if (w[:1] == _LI and len(w) > 3 and mentions_of(doc).at(s.starts[x]) is None) or w in lx["manner"]:
            return None  # «سحب الجيش لجانب من قواته», «بشكل مفاجئ»: not whom it was done to
        end = _phrase(words, x, lx)
        if not end or lx["may_cue"](w):
            return None
        # an adjective after the verb's own noun or its subject is not an object («شنت حملة
        # عسكرية», «اقتحمت مجموعة مسلحة»)
        prev = words[x - 1] if x > 0 else ""
        fem = _ev()["fem_endings"]
        if not counted and (nisba_like(words, x, lx["nisba"]) or (w.endswith(fem) and not prev.startswith(_DET) and not w.startswith(_DET) and (prev.endswith(fem) or (x == tr.b and prev.endswith(_ev()["fem_plural_endings"]))))):
            return None
        a = s.starts[x] if not counted else s.starts[start if start < x else x]
        end = _of_whom(words, x, _named_genitive_end(doc, s, end, lx), lx)
        return span_ref(doc, s.starts[x], s.ends[end - 1]) if not counted else span_ref(doc, a, s.ends[end - 1])

    @staticmethod
    def _aside(doc, s: Sent, x: int, lx) -> int | None:
        """End of a circumstance at word x («إثر الحادث», «في الأيام الأخيرة») that a counted or
        named object follows, or None."""
        words, n = s.words, len(s.words)
        w = words[x]
        if w not in lx["aside_preps"] or x + 1 >= n or not words[x + 1].startswith(_DET) or mentions_of(doc).at(s.starts[x + 1]) is not None:
            return None
        end = _phrase(words, x + 1, lx)
        if not end or end >= n:
            return None
        row = mentions_of(doc).at(s.starts[end])
        named = row is not None and row[0] == s.starts[end] and row[2].type in ("PER", "ORG", "LOC")
        counted = any(q.start <= s.starts[end] < q.end for q in doc.quantities)
        if w in lx["in"] and words[x + 1] not in lx["aside_in_heads"]:
            named = False  # («في المدينة 10 أشخاص»: where, then a count; «في» + a word before a name is no aside)
        return end if named or counted else None

    @staticmethod
    def _named_after_title(doc, s: Sent, phrase: SpanRef, rows):
        """The person named between commas right after ``phrase`` (a title), or None."""
        words, n = s.words, len(s.words)
        x = s.index_at(phrase.end)
        if x + 1 >= n or words[x] not in _COMMA:
            return None
        # («العاهل المغربي، الملك محمد السادس،»: a title word may come before the name)
        row = next((r for r in rows if r[0] in (s.starts[x + 1], s.starts[min(x + 2, n - 1)]) and r[2].type == "PER"), None)
        if row is None:
            return None
        y = s.index_at(row[1])
        return row if y >= n or words[y] in _CLAUSE else None

    def _apposition(self, doc, s: Sent, tr: _Trig, actor):
        """«رفضه لعقوبات إدارة الرئيس الأمريكي، دونالد ترامب،»: a name between commas right after
        the trigger's clause names its last noun."""
        words, n = s.words, len(s.words)
        x = next((t for t in range(tr.b, min(n, tr.b + 6)) if words[t] in _CLAUSE), None)
        if x is None or x + 1 >= n or words[x] not in _COMMA:
            return None
        r = mentions_of(doc).at(s.starts[x + 1])
        if r is None or r[0] != s.starts[x + 1] or r[2].type != "PER" or (actor is not None and r[2].id == actor[2].id):
            return None
        return r[2].id

    def _passive_agent(self, doc, s: Sent, tr: _Trig, lx, rows):
        """«قتل أحد عناصر الشرطة بنيران مسلحين مجهولين»: who did a deed told in the passive."""
        words, n = s.words, len(s.words)
        for x in range(tr.b, min(n, tr.b + 8)):
            if words[x] in _STOP_OR_AR_SEMICOLON:
                return None
            hit = lx["passive_agents"].match(words, x)
            if not hit:
                continue
            y = x + hit[1]
            if y >= n:
                return None
            row = next((r for r in rows if r[0] == s.starts[y] and r[2].type in ("PER", "ORG")), None)
            if row is not None:
                return row[2].id
            h = y + 1 if words[y] in lx["function"] and y + 1 < n else y
            end = _phrase(words, h, lx)
            return span_ref(doc, s.starts[y], s.ends[end - 1]) if end else None
        return None

    @staticmethod
    def _undergone_from(doc, s: Sent, tr: _Trig, lx):
        """«تتعرض الغوطة لقصف مكثف من القوات الحكومية»: who an undergone attack came from, after
        «من» within two words of it."""
        words, n = s.words, len(s.words)
        for x in range(tr.b, min(n - 1, tr.b + 3)):
            if tr.clauses[x] != tr.clause or words[x] in _CLAUSE:
                return None
            if words[x] == _ev()["partitive"]:
                row = mentions_of(doc).at(s.starts[x + 1])
                if row is not None and row[0] == s.starts[x + 1] and row[2].type in ("ORG", "PER"):
                    return row[2].id
                end = _phrase(words, x + 1, lx) if words[x + 1].startswith(_DET) or stem_of(words[x + 1]) in lx["genitive_heads"] else None
                return span_ref(doc, s.starts[x + 1], s.ends[end - 1]) if end else None
            if _in_any(words[x], lx["function"], lx["preps"]) or any(t.start <= s.starts[x] < t.end for t in doc.times):
                return None
        return None

    def _undergone(self, doc, s: Sent, tr: _Trig, lx, rows):
        """«تعرضت قافلته الدبلوماسية لهجوم», «تعرض سفير بولندا لمحاولة اغتيال»: who underwent a
        noun trigger written with «لـ» after a verb of undergoing."""
        words = s.words
        for x in range(tr.a - 1, max(-1, tr.a - 10), -1):
            core = words[x][1:] if words[x][:1] in _CONJ and len(words[x]) > 3 else words[x]
            if words[x] in lx["undergo"] or core in lx["undergo"]:
                a, b = x + 1, tr.a
                while b > a and words[b - 1] in _CLAUSE:
                    b -= 1
                if b <= a:
                    # «أن المنطقة الخضراء تعرضت لهجوم»: the subject came before the verb
                    a = x
                    while a > 0 and x - a < 6 and words[a - 1] not in _CLAUSE and words[a - 1] not in lx["comp"]:
                        a -= 1
                    b = x
                    if a == x or (a > 0 and words[a - 1] not in _CLAUSE and words[a - 1] not in lx["comp"]):
                        return None
                inner = [r for r in rows if s.starts[a] <= r[0] and r[1] <= s.ends[b - 1] and r[2].type in ("PER", "ORG")]
                if inner:
                    return inner[0][2].id
                while a < b - 1 and (words[a] in lx["aux"] or words[a] in _QUOTES):
                    a += 1  # «وكان آري فولد تعرض للطعن»
                end = _phrase(words, a, lx)
                return span_ref(doc, s.starts[a], s.ends[end - 1]) if end else None
        return None

    def _addressee(self, doc, s: Sent, tr: _Trig, lx, start: int):
        """«وحث سفراء فرنسا وإيطاليا في ليبيا، في بيان مشترك، الجماعات المسلحة على»: whom a call
        is made to, past the subject's names, «في» phrases and asides between commas."""
        words, n = s.words, len(s.words)
        x = start
        times = [(t.start, t.end) for t in doc.times]
        while x < n and x - start < 14:
            w = words[x]
            if w in _STOP:
                return None
            if w in _CLAUSE or w[:1] == _WA and mentions_of(doc).at(s.starts[x]) is not None or any(a <= s.starts[x] < b for a, b in times):
                x += 1
            elif w in lx["quantifiers"] and x + 1 < n and words[x + 1].startswith(_DET):
                end = _phrase(words, x + 1, lx)  # «جميع الساسة»
                return span_ref(doc, s.starts[x], s.ends[end - 1]) if end else None
            elif w in fold_set(tuple(tr.entry.get("addressee_prep", ()))) and x + 1 < n:
                # «وطلبت الشرطة من المواطنين»: the one asked, after the subject
                r = mentions_of(doc).at(s.starts[x + 1])
                end = s.index_at(r[1]) if r is not None and r[0] == s.starts[x + 1] else _phrase(words, x + 1, lx)
                return span_ref(doc, s.starts[x + 1], s.ends[end - 1]) if end else None
            elif w in lx["place_preps"] or w in lx["in"]:
                # the «في» phrase runs to the next comma (or a few words)
                p = x
                x += 1
                while x < n and x - p < 4 and words[x] not in _CLAUSE:
                    x += 1
            elif mentions_of(doc).at(s.starts[x]) is not None and mentions_of(doc).at(s.starts[x])[2].type == "LOC":
                x += 1
            elif w.startswith(_DET) and not _has_prep(w):
                end = _phrase(words, x, lx)
                return span_ref(doc, s.starts[x], s.ends[end - 1]) if end else None
            elif not _has_prep(w) and w not in lx["function"] and mentions_of(doc).at(s.starts[x]) is None and (_pronoun_suffixed(doc, s, x) or x + 1 < n and ((words[x + 1].startswith(_DET) and words[x + 1] not in lx["function"]) or mentions_of(doc).at(s.starts[x + 1]) is not None or (x + 2 < n and not _has_prep(words[x + 1]) and words[x + 1] not in lx["function"] and mentions_of(doc).at(s.starts[x + 2]) is not None))):
                # «دعت البحرين مواطنيها», «دعا ترودو مواطنيه», «تطالب السلطات سكان منطقة
                # كابوهو»: a noun with its pronoun or its genitive after the subject
                if _pronoun_suffixed(doc, s, x):
                    return span_ref(doc, s.starts[x], s.ends[x])
                y = x + 1 if mentions_of(doc).at(s.starts[x + 1]) is not None or words[x + 1].startswith(_DET) else x + 2
                r = mentions_of(doc).at(s.starts[y])
                end = s.index_at(r[1]) if r is not None and r[0] == s.starts[y] else (_phrase(words, y, lx) or y + 1)
                return span_ref(doc, s.starts[x], s.ends[end - 1])
            else:
                return None
        return None

    @staticmethod
    def _unnamed_span(doc, s: Sent, a: int, lx):
        """An unnamed party from word a: up to three words, not into a date or a preposition."""
        words, n = s.words, len(s.words)
        b = a + 1
        times = [(t.start, t.end) for t in doc.times]
        while b < min(n, a + 3) and words[b] not in _CLAUSE and words[b] not in lx["preps"] and not _has_prep(words[b]) and words[b][:1] != _LI and not any(ts <= s.starts[b] < te for ts, te in times):
            b += 1
        return span_ref(doc, s.starts[a], s.ends[b - 1])

    def _with_direction(self, doc, s: Sent, row, lx):
        start, end, e = row
        x = s.index_at(start)
        for back in (1, 2):
            y = x - back
            if y >= 0:
                seq = [variants(s.words[y])[-1][0]] + s.words[y + 1 : x]
                hit = lx["directions"].match(seq, 0)
                if hit and hit[1] == back:
                    cut = len(s.words[y]) - len(seq[0])
                    return span_ref(doc, s.starts[y] + cut, end)
        return e.id

    def _sizes(self, doc, s: Sent, events: list[Event], trigs: list[_Trig]) -> None:
        weak = {id(e) for e, t in zip(events, trigs) if t.entry.get("weak")}
        mutual = {id(e) for e, t in zip(events, trigs) if t.mutual}
        want = {"killed": ("fatalities", ("ASSAULT", "PROTEST", "COERCE")), "injured": ("injuries", ("ASSAULT", "PROTEST", "COERCE")), "arrested": ("arrests", ("COERCE", "PROTEST", "ASSAULT"))}
        for c in doc.claims:
            if not (s.start <= c.evidence.start < s.end) or c.category not in want or c.part_of is not None:
                continue
            field, types = want[c.category]
            best = None
            for e in events:
                if e.type not in types:
                    continue
                d = abs(e.trigger.start - c.evidence.start) + (0 if e.trigger.start <= c.evidence.start else 10_000)
                d += types.index(e.type) * 50_000
                if id(e) in weak:
                    d += 20_000  # «قتل 18 ... في انفجار»: the toll is the attack's, the bare verb only tells it
                if best is None or d < best[0]:
                    best = (d, e)
            if best is not None and getattr(best[1], field) is None and isinstance(c.value, (int, float)):
                e = best[1]
                setattr(e, field, int(c.value))
                if e.type == "ASSAULT" and field in ("fatalities", "injuries") and e.target is None and e.actor is not None and id(e) not in mutual:
                    # «وقتل 40 شخصا جراء قصف القوات الحكومية»: with no one else named as hit, an attack
                    # by a named party hit the people its toll counts (an unnamed one keeps none: it
                    # is coded only when the text names whom it hit)
                    e.target = self._counted(doc, s, c, lexicon())
                # «الضربات الجوية التي ... قتلت 9770 فلسطينياً» in Gaza: the toll's place is where
                # the attack hit when the text names no other
                if e.where is None and c.where is not None:
                    e.where = c.where
                    if e.target is None and e.type == "ASSAULT" and isinstance(c.where, str) and id(e) not in mutual:
                        e.target = c.where

    @staticmethod
    def _counted(doc, s: Sent, c, lx):
        """The figure of claim c with the people it counts («أكثر من 120 شخصا», «تسعة مدنيين»), or None."""
        words, n = s.words, len(s.words)
        y = s.index_at(c.evidence.end)
        if y >= n:
            return None
        people = _people_at(words, y, groups=True)
        if not people:
            return None
        end = y + people
        if end < n and nisba_like(words, end, lx["nisba"]) and not words[end].startswith(_DET):
            end += 1  # «20 مدنيا سوريا»
        return span_ref(doc, c.evidence.start, s.ends[end - 1])

    def _merge_visits(self, doc, events, meta, mentions):
        """One visit by one actor, told several times, is one event at the most precise place."""
        by_id = mentions.by_id
        out, out_meta = [], []
        for e, m in zip(events, meta):
            if e.type == "CONSULT" and e.mode == "visit" and isinstance(e.actor, str):
                prev = next((x for x in out if x.type == "CONSULT" and x.mode == "visit" and x.actor == e.actor and _same_place(by_id, x.target, e.target, doc)), None)
                if prev is not None:
                    if _precision(by_id, e.where, doc) < _precision(by_id, prev.where, doc):
                        prev.where = e.where
                    if prev.target is None:
                        prev.target = e.target
                    _add_triggers(prev, e)
                    continue
            out.append(e)
            out_meta.append(m)
        # a meeting told in the sentence of a visit by the same actor took place there
        visits = [(m["sent"], e) for e, m in zip(events, meta) if e.type == "CONSULT" and e.mode == "visit"]
        for e, m in zip(out, out_meta):
            if e.type == "CONSULT" and e.mode != "visit" and e.where is None:
                for sent, v in visits:
                    if sent is m["sent"] and v.actor == e.actor:
                        merged = next((x for x in out if x.type == "CONSULT" and x.mode == "visit" and x.actor == v.actor and _same_place(by_id, x.target, v.target, doc)), v)
                        e.where = merged.where
                        break
        return out, out_meta


def _voweled_passive(surface: str, lx) -> bool:
    """A verb written with `passive_mark` on its first letter (after «و/ف»), the passive voice."""
    mark = lx["passive_mark"]
    return surface[1:2] == mark or (surface[:1] in _CONJ and surface[2:3] == mark)


def _after_attempt(words: list[str], i: int, lx) -> bool:
    """A verb of trying stands a few words before word i («حاول المسلحون استهداف»)."""
    return not lx["attempt"].isdisjoint(words[max(0, i - 6) : i])


def _ground(doc: Document, s: Sent, tr: _Trig, e: Event, lx, locs) -> bool:
    """Whether what was taken is ground: a place named as where or whom, or the words after the
    trigger begin with a word for ground («مناطق كبيرة», «معظم محافظة درعا»)."""
    if e.where is not None or (isinstance(e.target, str) and e.target in locs):
        return True
    for x in range(tr.b, min(len(s.words), tr.b + 2)):
        w = s.words[x]
        core = w[len(_DET) :] if w.startswith(_DET) else w
        if w in lx["ground"] or core in lx["ground"] or stem_of(w) in lx["ground"]:
            return True
    return False


def _people_at(words: list[str], x: int, groups: bool = False) -> int:
    """Length of the word for people («شخص», «مشتبه به»; with ``groups`` also «مدنيين») at word x, or 0."""
    from .claims import lexicon as claims_lexicon  # (claims imports quotes, which events reads too)

    cl = claims_lexicon()
    hit = cl["persons"].match(words, x) or (cl["groups"].match(words, x) if groups else None)
    return hit[1] if hit else 0


def _title_head(word: str) -> bool:
    """«قائد», «المتحدث», «ووزير»: a word that heads a person's title."""
    titles = speech_lexicon()["person_titles"]
    return word in titles or (word[:1] in _CONJ and word[1:] in titles) or (word.startswith(_DET) and word[len(_DET):] in titles)


def _pronoun_suffixed(doc: Document, s: Sent, x: int) -> bool:
    """«مواطنيها», «مواطنيه»: a noun with a possessive pronoun (the source text tells «ـه» from
    «ـة», which the view folds together)."""
    w = s.words[x]
    if w.endswith(_ev()["object_pronouns"]):
        return True
    end = s.ends[x]
    return len(w) >= 5 and doc.text[end - 1] == _ev()["heh"] and w[-2:-1] in _ev()["before_heh_pronoun"]


def _in_any(word: str, *sets) -> bool:
    """The word, or the word without a leading «و/ف» («وفي قصف»), is in one of the sets."""
    bare = word[1:] if word[:1] in _CONJ and len(word) > 2 else None
    return any(word in st or bare in st for st in sets)


@functools.lru_cache(maxsize=64)
def _fold_set(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


def fold_set(words) -> frozenset[str]:
    """A data list of words as the view writes them (cached)."""
    return _fold_set(tuple(words))


def _place_at(doc: Document, s: Sent, x: int) -> int | None:
    """The token after a place named from token x, or None when no place starts there."""
    r = mentions_of(doc).at(s.starts[x])
    if r is None or r[0] != s.starts[x] or r[2].type != "LOC":
        return None
    return s.index_at(r[1])


def _done_by(words: list[str], i: int, lx) -> bool:
    """«وتمكنت الشرطة من قتل المنفذ»: a killing noun after «تمكن/نجح ... من/في» is a deed."""
    if words[i - 1] not in lx["do_preps"]:
        return False
    for x in range(i - 2, max(-1, i - 8), -1):
        if words[x] in _CLAUSE:
            return False
        if words[x] in lx["do_forms"]:
            return True
    return False


def _adjective(words: list[str], x: int, lx) -> bool:
    """Definite word x shaped as an adjective: a nisba, or a shape of `adjective_shapes`."""
    bare = words[x][len(_DET) :]
    return bare not in lx["shaped_nouns"] and (nisba_like(words, x, lx["nisba"]) or lx["adjective_shape"].match(bare) is not None)


def _called_as(words: list[str], x: int, lx) -> bool:
    """«بأنه», «بالإرهابي», «بـ"..."» after word x, before a full stop (as far as «ووصف ... وضع
    مراكز إيواء نازحي ... قرب العاصمة بالمأساوي»): what a description calls its object."""
    for y in range(x, len(words)):
        w = words[y]
        if w in _STOP_OR_AR_SEMICOLON:
            return False
        if w[:1] == _BI and (w[1:] in lx["comp"] or w[1:].startswith(_DET) or len(w) == 1 or w[1:] in _QUOTES):
            return True
    return False


def _of_whom(words: list[str], x: int, end: int, lx) -> int:
    """«حشد من المتظاهرين»: a one-word indefinite noun at x (its phrase ending at ``end``) goes on
    with «من» + the people it is of; not «منعت منافسيها من المنافسة». ``end`` when it does not."""
    n = len(words)
    if end == x + 1 and end + 1 < n and words[end] == _ev()["partitive"] and not words[x].startswith(_DET) and (lx["protesters"].match(words, end + 1) or _people_at(words, end + 1, groups=True)):
        return _phrase(words, end + 1, lx) or end
    return end


def _named_genitive_end(doc: Document, s: Sent, end: int, lx) -> int:
    """«مركز مدينة عفرين», «مساحات واسعة من أراضي العراق» stop at their first noun in `_phrase`;
    an indefinite head goes on through one more indefinite noun to a name in its genitive."""
    words, n = s.words, len(s.words)
    if end >= n or words[end - 1].startswith(_DET) or words[end - 1][:1] in _PREFIXED:
        return end
    mentions = mentions_of(doc)
    for y in (end, end + 1):
        if y >= n or not words[y][:1].isalpha() or words[y] in lx["function"] or _has_prep(words[y]):
            return end
        row = mentions.at(s.starts[y])
        if row is not None and row[0] == s.starts[y] and row[2].type in ("LOC", "ORG", "PER"):
            return s.index_at(row[1])  # («حكومة أردوغان», «زوجها بيل كلينتون»)
        if words[y][:1] in _PREFIXED or words[y].startswith(_DET) or nisba_like(words, y, lx["nisba"]):
            return end
    return end


def _phrase(words: list[str], x: int, lx) -> int | None:
    """End of a noun phrase starting at word x: a noun, then definite words after a definite head
    (السلطات الروسية) or nisba adjectives and one genitive after an indefinite one (قوات أمنية،
    آلاف الطلاب). None when word x cannot head one."""
    n = len(words)
    w = words[x]
    if not w[:1].isalpha() or w in lx["function"] or stem_of(w) in lx["function"] or (w[:1] in _CONJ and w[1:] in lx["function"]) or len(w) < 3 or (w in lx["forms"] and lx["index"].match(words, x)):
        return None
    stem = w[1:] if w[:1] in _CONJ and len(w) > 4 else w
    definite = stem.startswith(_DET)
    end = x + 1
    nisba = False
    while end < n and end - x < 4:
        nxt = words[end]
        if not nxt[:1].isalpha() or nxt in lx["function"] or (nxt in lx["forms"] and lx["index"].match(words, end) and stem_of(words[end - 1]) not in lx["name_heads"]):
            break
        if definite and nxt.startswith(_DET):
            if nisba and not nisba_like(words, end, lx["nisba"]):
                break  # «الرئيس اليمني العناصر الإرهابية»: after a nisba adjective, a noun begins the next phrase
            if not nisba_like(words, end, lx["nisba"]) and stem not in lx["crowd_counts"] and (lx["protesters"].match(words, end) or lx["attackers"].match(words, end)):
                break  # «فرقت الشرطة المتظاهرين»: a word for people is a noun of its own
            if nxt.endswith(lx["people_nisba"]) and not words[end - 1].endswith(lx["people_nisba"]) and stem not in lx["crowd_counts"]:
                break  # «ويتهم التحالف الحوثيين»: people after a head that is not a plural of people
            nisba = nisba_like(words, end, lx["nisba"])
            if not _adjective(words, end, lx) and stem not in lx["crowd_counts"]:
                break  # «قوات الأمن المبنى»: a noun, the next phrase («آلاف الطلاب» folds to a definite look)
            end += 1
        elif not definite and (nisba_like(words, end, lx["nisba"]) or (nxt.startswith(_DET) and end == x + 1)):
            end += 1
            definite = definite or nxt.startswith(_DET)
        else:
            break
    return end


@functools.cache
def _prefixes() -> tuple[str, ...]:
    c = load("ar/clitics.yaml")["proclitics"]
    det = c["det"][0]
    lil = load("ar/clitics.yaml")["lil"]
    heads = [p + det for p in c["prep"]] + [lil]
    return tuple(cj + h for cj in ("", *c["conj"]) for h in heads)


def _key(doc: Document, ref):
    if isinstance(ref, SpanRef):
        return " ".join(doc.view.text[doc.view.from_source(ref.start) : doc.view.from_source(ref.end)].split())
    return ref


def _merge_repeats(doc: Document, events: list[Event], meta: list[dict], lx) -> list[Event]:
    """«الانفجار ... الانفجار ... الانفجار»: one event told again with the same type, mode, actor
    and recipient is kept once, with what the other mentions add (date, place, figures). A noun
    trigger written definite or after a demonstrative («وجاءت الغارة الإسرائيلية», «هذه
    المواجهات») points back to the last event of its type when it names no other party."""
    if len(events) < 2:
        return events
    out: list[Event] = []
    seen: dict[tuple, Event] = {}
    last: dict[str, tuple[Event, int]] = {}
    kept: dict[str, list[tuple[Event, dict]]] = {}  # by type
    seen_meta: dict[int, dict] = {}
    cache: dict[tuple[int, int], str] = {}
    by_id = mentions_of(doc).by_id

    def key(ref):
        if not isinstance(ref, SpanRef):
            return ref
        k = (ref.start, ref.end)
        if k not in cache:
            cache[k] = _key(doc, ref)
        return cache[k]

    for e, m in zip(events, meta):
        m["distinct"] = _distinct(m, lx)
        k = (e.type, e.mode, key(e.actor), key(e.target))
        first = seen.get(k)
        if first is not None and not _same_time(first, seen_meta[id(first)], e, m):
            first = None  # «التقى ... الأربعاء» after talks set for Monday: another meeting
        if first is None and e.type in last and not m["distinct"] and _anaphoric(m, lx):
            # the event pointed back to is told in the two sentences before at most
            prev, psi = last[e.type]
            # (what it hit may be described where it was named before: «زردنا» ... «مناطق سكنية»)
            if m["si"] - psi <= 2 and _compatible(doc, prev.actor, e.actor, key) and (_compatible(doc, prev.target, e.target, key) or isinstance(prev.target, SpanRef) != isinstance(e.target, SpanRef)):
                first = prev
        if first is None and not m["distinct"]:
            # one happening told again: the same type and mode (or one without), and parties
            # that are the same or one of them unnamed («شنت روسيا غارات» ... «الغارات الروسية»)
            first = next((f for f, fm in reversed(kept.get(e.type, ())) if _same_happening(doc, f, fm, e, m, key)), None)
        if first is None:
            seen[k] = e
            seen_meta[id(e)] = m
            last[e.type] = (e, m["si"])
            out.append(e)
            kept.setdefault(e.type, []).append((e, m))
            continue
        if first.actor is None and first.target is None:
            # the mention that names its parties tells who did what to whom
            first.actor, first.target = e.actor, e.target
        elif seen_meta[id(first)]["si"] == m["si"]:
            # «هجوم انتحاري ... وورد أن انتحارية نفذت الهجوم»: one sentence tells the parties in turn
            first.actor = first.actor if first.actor is not None else e.actor
            first.target = first.target if first.target is not None else e.target
        for f in ("fatalities", "injuries", "arrests"):
            if getattr(first, f) is None and getattr(e, f) is not None:
                setattr(first, f, getattr(e, f))
        if e.where is not None and (first.where is None or _precision(by_id, e.where, doc) < _precision(by_id, first.where, doc)):
            first.where = e.where  # «يلتقي عباس» (in the West Bank) ... «للقاء عباس في مدينة رام الله»
        _add_triggers(first, e)
    return out


def _add_triggers(first: Event, e: Event) -> None:
    """Keep every trigger span of one happening, in text order (``Event.triggers``)."""
    spans = (first.triggers or [first.trigger]) + (e.triggers or [e.trigger])
    first.triggers = sorted({(t.start, t.end): t for t in spans}.values(), key=lambda t: t.start)


def _distinct(m: dict, lx) -> bool:
    """«وانفجار آخر», «الانفجار الثاني»: a trigger told as another one of its kind."""
    tr = m["trig"]
    words = m["sent"].words
    return not lx["another"].isdisjoint(words[tr.b : tr.b + 2])


def _same_happening(doc, f: Event, fm: dict, e: Event, m: dict, key) -> bool:
    if f.type != e.type or (f.mode and e.mode and f.mode != e.mode) or fm["distinct"]:
        return False
    if bool(fm["trig"].entry.get("ground")) != bool(m["trig"].entry.get("ground")):
        return False  # «قصف» ... «استعادة السيطرة»: ground taken is a deed of its own
    if not _same_time(f, fm, e, m):
        return False
    return _compatible(doc, f.actor, e.actor, key) and _compatible(doc, f.target, e.target, key)


def _same_time(f: Event, fm: dict, e: Event, m: dict) -> bool:
    """Two mentions dated by their sentences on two different days are two events («في عام 2013»
    and «في مايو 2013» may tell one)."""
    if not (fm["dated"] and m["dated"] and f.when and e.when):
        return True
    return f.when.startswith(e.when) or e.when.startswith(f.when)


def _speech_cues():
    return speech_lexicon()["may_cue"]


def _anaphoric(m: dict, lx) -> bool:
    tr = m["trig"]
    if tr.continues is not None:
        tr = tr.continues  # «الغارات استهدفت»: the noun before the verb tells which event
    if tr.entry.get("pos") != "noun":
        return False
    words = m["sent"].words
    w = words[tr.a]
    core = w[1:] if w[:1] in _PREFIXED and len(w) > 4 else w
    return core.startswith(_DET) or (tr.a > 0 and words[tr.a - 1] in lx["anaphora"])


def _same_party(doc, a, b) -> bool:
    """An entity and the words of one of its mentions («الجيش السوري» twice)."""
    if a is None or b is None:
        return False
    if isinstance(a, SpanRef) == isinstance(b, SpanRef):
        return _key(doc, a) == _key(doc, b)
    name, span = (a, b) if isinstance(b, SpanRef) else (b, a)
    ent = mentions_of(doc).by_id.get(name)
    if ent is None:
        return False
    text = doc.text
    return any(text[m.start : m.end] == span.text for m in ent.mentions)


def _compatible(doc, a, b, key=None) -> bool:
    """Two mentions of one party, or one of them silent about it."""
    if a is None or b is None or a == b:
        return True
    if isinstance(a, str) and isinstance(b, str):
        return False  # two entities
    ka, kb = (key(a), key(b)) if key else (_key(doc, a), _key(doc, b))
    if ka == kb:
        return True
    if isinstance(a, SpanRef) and isinstance(b, SpanRef):
        # «خمسة من مسؤولي الشرطة»: whom a count is of
        ka, kb = (" ".join(k.split()[2:]) if len(k.split()) > 2 and k.split()[1] == _ev()["partitive"] else k for k in (ka, kb))
        if ka in kb or kb in ka:
            return True
        # «مسؤولي الشرطة» and «مسؤولي شرطة كارابوبو»: every word of one in the other
        wa, wb = ({w.removeprefix(_DET) for w in k.split()} for k in (ka, kb))
        return len(wa) > 1 and len(wb) > 1 and (wa <= wb or wb <= wa)
    # «إسرائيل» and «الغارة الإسرائيلية»: a name and its adjective
    name, adj = (a, kb) if isinstance(b, SpanRef) else (b, ka)
    ent = next((x for x in doc.entities if x.id == name), None)
    if ent is None or " " in adj:
        return False
    stem = adj[len(_DET):] if adj.startswith(_DET) else adj
    for end in _ev()["adjective_endings"]:
        if stem.endswith(end):
            stem = stem[: -len(end)]
            break
    canon = fold(ent.canonical)
    canon = canon[len(_DET):] if canon.startswith(_DET) else canon
    return len(stem) >= 3 and canon.startswith(stem)


def _unreal(words: list[str], i: int, end: int, lx) -> bool:
    """A trigger told as background, allegation or negation («منذ صدامات», «اتهامات باغتصاب»,
    «لم تطلقا النار»)."""
    if i > 0:
        w = words[i - 1]
        if w in lx["not_real"] or (w[:1] in _CONJ and w[1:] in lx["not_real"]):
            return True
    if i > 1 and words[i - 2] in lx["alleged"]:
        return True  # «لدورهم المزعوم في أعمال شغب»
    for x in range(i - 1, max(-1, i - 5), -1):
        w = words[x]
        if w in _CLAUSE:
            break
        if w in lx["planned_before"] or (w[:1] in _CONJ and w[1:] in lx["planned_before"]):
            return True  # «تقرر أن تنطلق المحادثات»: still to come
    return end < len(words) and (words[end] in lx["alleged_after"] or words[end] in lx["planned"])


def _after_prep(words: list[str], x: int, lo: int, lx) -> bool:
    """«على جنوب إسرائيل», «للعاصمة العراقية بغداد»: a recipient's preposition before the place,
    with only directions, city nouns or adjectives between (not «مسؤولي شرطة كارابوبو»)."""
    y = x - 1
    while y >= max(lo, x - 3):
        w = words[y]
        if w in lx["preps"] or w.startswith(_LIL):
            return True
        core = w[len(_DET):] if w.startswith(_DET) else w
        if w[:1] == _BI and w[1:] in lx["cities"]:
            return False  # «بالعاصمة مقديشو»: in the capital, where
        if not (lx["directions"].match(words, y) or w in lx["cities"] or core in lx["cities"] or nisba_like(words, y, lx["nisba"]) or (w[:1] == _LI and w[1:] in lx["cities"])):
            return False
        y -= 1
    return False


def _nominative_plural(word: str) -> bool:
    """«ويتهم منتقدون الرئيس»: a participle in «ـون» after a verb is its subject (the case ending
    says so; the object would end in «ـين»)."""
    core = word[len(_DET):] if word.startswith(_DET) else word
    return len(core) > 4 and core.startswith(_ev()["participle_prefix"]) and core.endswith(_ev()["masc_plural"])


def _has_prep(word: str) -> bool:
    """Whether ``word`` is a preposition + article («بالفعل», «للقصر», «وبالضفة»; not the nouns of
    `clitics.yaml` that only look so: «وكالات» is agencies, not «و» + «كـ» + «ال» + «ات»)."""
    return word.startswith(_prefixes()) and word not in _look_like_prep()


@functools.cache
def _look_like_prep() -> frozenset[str]:
    return frozenset(fold(w) for w in load("ar/clitics.yaml")["look_like_prep_article"])


def _kb(by_id, ref):
    if isinstance(ref, str) and ref in by_id:
        return by_id[ref].kb or {}
    return {}


def _precision(by_id, ref, doc) -> int:
    if ref is None:
        return 9
    kind = _kb(by_id, ref).get("kind")
    if kind in _PLACE_RANK:
        return _PLACE_RANK[kind]
    if isinstance(ref, str) and ref in by_id:
        # «العاصمة العراقية بغداد»: a place named after a city noun is a city
        cities = lexicon()["cities"]
        for m in by_id[ref].mentions:
            before = doc.view.text[max(0, doc.view.from_source(m.start) - 30) : doc.view.from_source(m.start)].split()
            if any(v in cities for w in before[-3:] for v, _ in variants(w)):
                return 0
    return 5


def _same_place(by_id, a, b, doc) -> bool:
    """Two targets of one visit: the same entity, or one place inside the other."""
    if a == b:
        return True
    if not (isinstance(a, str) and isinstance(b, str)):
        return False
    ka, kb = _kb(by_id, a), _kb(by_id, b)
    if ka.get("iso3") and kb.get("country") == ka.get("iso3") or kb.get("iso3") and ka.get("country") == kb.get("iso3"):
        return True
    # without a record: «العاصمة العراقية بغداد» names the country in an adjective
    for inner, outer in ((a, b), (b, a)):
        if inner in by_id and outer in by_id:
            stem = fold(by_id[outer].canonical)
            stem = stem[len(_DET):] if stem.startswith(_DET) else stem
            for m in by_id[inner].mentions:
                v = doc.view.from_source(m.start)
                near = doc.view.text[max(0, v - 25) : v]
                if len(stem) >= 3 and (stem + _ev()["nisba_ya"]) in near:
                    return True
    return False


__all__ = ["Events", "SpanRef"]
