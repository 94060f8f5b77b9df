"""Name lists compiled into one matching table, with canonical records.

Sources (all under ``../shared/data``, attribution in the model MANIFEST): ANERGazet
(locations, organisations, persons), world cities with Arabic names (Wikidata, CC BY 4.0),
countries with Arabic names (mledoze/countries, ODbL), pycountry's Arabic country names, the
UniversalPetrarch Arabic actor dictionary (MIT), and the project's own ``data/ar/places.yaml``.

Entries are keyed by the loose key of each word (``words.loose``): names in the actor
dictionary are lemmas (سلطة_فلسطيني_ for «السلطة الفلسطينية»), so both sides drop the article
and fold the feminine nisba ending.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
from collections import defaultdict
from pathlib import Path

from ..lexicon import load
from . import MODEL_DIR
from .words import loose, norm, split

GAZ_FILE = "gazetteer.json.gz"
# which record wins as an entity's canonical record when a name has several
_RANK = {"country": 0, "region": 1, "city": 2, "actor": 3, "list": 4}


def phrase_key(text: str) -> str:
    return " ".join(loose(norm(w)) for w in text.split() if w)


def _org_head_words() -> set[str]:
    return {loose(norm(w)) for w in load("ar/ner.yaml")["triggers"]["organisation"]}


def compile_gazetteer(data_dir: Path) -> dict:
    """Build the table from the public lists. Returns the JSON-ready structure."""
    entries: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))  # key -> type -> kb ids
    records: dict[str, dict] = {}

    def add(name: str, typ: str, kb: str | None = None):
        name = re.sub(r"[\u0640\u064B-\u065F\u0670]", "", name).strip()
        k = phrase_key(name)
        if not k or len(k) < 2:
            return
        entries[k][typ]
        if kb:
            entries[k][typ].add(kb)

    # countries: mledoze (ODbL) + pycountry
    iso3_of_name: dict[str, str] = {}
    for line in (data_dir / "gazetteers/countries_ar/countries.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        kb = f"iso:{d['cca3']}"
        records[kb] = {"kind": "country", "name": d["name_ar_common"], "name_en": d["name_en_common"],
                       "iso2": d["cca2"], "iso3": d["cca3"]}
        iso3_of_name[d["name_en_common"].lower()] = d["cca3"]
        for nm in {d["name_ar_common"], d["name_ar_official"], *((d.get("native_ara") or {}).values() if isinstance(d.get("native_ara"), dict) else [])}:
            if nm:
                add(nm, "LOC", kb)
    try:
        import gettext

        import pycountry

        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
        for c in pycountry.countries:
            kb = f"iso:{c.alpha_3}"
            ar = tr.gettext(c.name)
            if ar != c.name:
                add(ar, "LOC", kb)
                records.setdefault(kb, {"kind": "country", "name": ar, "name_en": c.name, "iso2": c.alpha_2, "iso3": c.alpha_3})
    except Exception:  # pragma: no cover - pycountry without Arabic locale
        pass

    # cities (Wikidata labels; province labels lose their «ولاية/محافظة» head as a second form)
    prov = re.compile(r"^(ولاية|محافظة|مقاطعة|إقليم)\s+")
    for line in (data_dir / "gazetteers/world_cities_ar/world-cities.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        ar = d["CityNameAr"]
        iso3 = iso3_of_name.get(d["Country"].lower())
        kb = f"city:{d['CityNameEn']}|{iso3 or d['Country']}"
        rec = {"kind": "city", "name": prov.sub("", ar), "name_en": d["CityNameEn"], "country": iso3 or d["Country"],
               "population": d["Population"]}
        if kb in records and records[kb]["population"] >= rec["population"]:
            continue
        records[kb] = rec
        add(ar, "LOC", kb)
        if prov.match(ar):
            add(prov.sub("", ar), "LOC", kb)

    # regions and territories of the project's own list
    places = load("ar/places.yaml")
    for rid, r in places["regions"].items():
        kb = f"region:{rid}"
        records[kb] = {"kind": "region", "name": r["names"][0], "name_en": r["en"], **({"country": r["country"]} if r.get("country") else {})}
        for nm in r["names"]:
            add(nm, "LOC", kb)

    # ANERGazet
    for fname, typ in (("AlignedLocGazetteer.txt", "LOC"), ("AlignedOrgGazetteer.txt", "ORG"), ("AlignedPersGazetteer.txt", "PER")):
        for line in (data_dir / "gazetteers/anergazet" / fname).open(encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith(("====", "****")):
                add(line, typ)

    # UniversalPetrarch actors: an entry with dated codes is mostly a person; an entry headed by
    # an organisation word, or with a bare code, a group
    org_heads = _org_head_words()
    trig = load("ar/ner.yaml")["triggers"]
    loc_heads = {loose(norm(w)) for w in trig["location"]}
    generic = org_heads | loc_heads | {loose(norm(w)) for w in trig["person_title"]}
    actor_file = data_dir / "ontology/petrarch_arabic/dictionaries/actor_dict_ar_v4.txt"
    cur = None
    for raw in actor_file.open(encoding="utf-8"):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if raw[0] in " \t" and raw.strip().startswith("["):
            if cur:
                m = re.match(r"\[([A-Z~]+)\s*(\d*)-?(\d*)\]", raw.strip())
                if m:
                    cur["codes"].append({"code": m.group(1), **({"from": m.group(2)} if m.group(2) else {}), **({"to": m.group(3)} if m.group(3) else {})})
            continue
        m = re.match(r"\s*([^\s\[]+)\s*(?:\[([A-Z~]+)[^\]]*\])?", raw)
        if not m:
            continue
        name = m.group(1).strip("_").replace("_", " ")
        if not name or not re.search(r"[\u0600-\u06FF]", name):
            cur = None
            continue
        kb = f"actor:{name.replace(' ', '_')}"
        rec = records.setdefault(kb, {"kind": "actor", "name": name, "codes": []})
        if m.group(2):
            rec["codes"].append({"code": m.group(2)})
        cur = rec
    for kb, rec in list(records.items()):
        if rec["kind"] != "actor":
            continue
        seen, codes = set(), []
        for c in rec["codes"]:
            t = tuple(sorted(c.items()))
            if t not in seen:
                seen.add(t)
                codes.append(c)
        rec["codes"] = codes
        name = rec["name"]
        words = name.split()
        first = loose(norm(words[0]))
        k = phrase_key(name)
        known = entries.get(k, {})
        if any(kb.startswith(("iso:", "city:", "region:")) for kb in known.get("LOC", ())):
            typ = "LOC"
        elif first in org_heads:
            typ = "ORG"
        elif first in loc_heads:
            typ = "LOC"
        elif len(words) == 1 and (first in generic or (first.endswith("ي") and all(len(c["code"]) <= 3 for c in codes))):
            continue  # a title or a nationality adjective, not a name
        elif any("from" in c for c in codes) and len(words) >= 2:
            typ = "PER"
        else:
            typ = "ORG"
        rec["type"] = typ
        add(name, typ, kb)

    out_entries = {k: {t: sorted(v) for t, v in types.items()} for k, types in entries.items()}
    used = {kb for types in out_entries.values() for v in types.values() for kb in v}
    return {"entries": out_entries, "records": {k: v for k, v in records.items() if k in used}}


def save(gaz: dict, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / GAZ_FILE
    raw = json.dumps(gaz, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    with path.open("wb") as fh:  # mtime 0: the same lists give the same bytes (sha256 in the manifest)
        with gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
            gz.write(raw)
    return path


class Gazetteer:
    """Matching over a compiled table: longest match of word keys, first word with or without
    its proclitics."""

    def __init__(self, gaz: dict):
        self.entries: dict[str, dict[str, list[str]]] = gaz["entries"]
        self.records: dict[str, dict] = gaz["records"]
        self.max_len = 1
        self.prefixes: set[str] = set()
        self.word_types: dict[str, set[str]] = defaultdict(set)  # a word seen inside a name of type T
        for k, types in self.entries.items():
            ws = k.split(" ")
            self.max_len = max(self.max_len, len(ws))
            for i in range(1, len(ws)):
                self.prefixes.add(" ".join(ws[:i]))
            for w in ws:
                for t in types:
                    self.word_types[w].add(t)
        self.max_len = min(self.max_len, 8)
        self.starts = {k.split(" ")[0] for k in self.entries}
        self._wkeys: dict[str, tuple[str, str, bool]] = {}

    @classmethod
    def from_file(cls, path: Path) -> "Gazetteer":
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return cls(json.load(fh))

    def lookup(self, text: str) -> dict[str, list[str]] | None:
        return self.entries.get(phrase_key(text))

    def match(self, words: list[str]) -> list[tuple[int, int, dict[str, list[str]], bool]]:
        """Longest non-overlapping matches over a sentence's words: (i, j, types, stripped)
        where ``stripped`` says the first word matched without its proclitics."""
        wk = self._wkeys
        pairs = []
        for w in words:
            x = wk.get(w)
            if x is None:
                if len(wk) > 500_000:
                    wk.clear()
                f = loose(norm(w))
                c = loose(split(w)[1])
                x = wk[w] = (f, c, f in self.starts or c in self.starts)
            pairs.append(x)
        if not any(p[2] for p in pairs):
            return []
        full = [p[0] for p in pairs]
        keys = [p[1] for p in pairs]
        out = []
        i, n = 0, len(words)
        while i < n:
            best = None
            for first, stripped in ((full[i], False), (keys[i], True)):
                if stripped and first == full[i]:
                    continue
                k = first
                j = i + 1
                while True:
                    if k in self.entries and (best is None or j > best[1]):
                        best = (i, j, self.entries[k], stripped)
                    if j >= n or j - i >= self.max_len or k not in self.prefixes:
                        break
                    k = k + " " + full[j]
                    j += 1
            if best:
                out.append(best)
                i = best[1]
            else:
                i += 1
        return out

    def best_record(self, kb_ids) -> tuple[str, dict] | None:
        best = None
        for kb in kb_ids:
            rec = self.records.get(kb)
            if not rec:
                continue
            rank = (_RANK.get(rec["kind"], 9), -(rec.get("population") or 0))
            if best is None or rank < best[0]:
                best = (rank, kb, rec)
        return (best[1], best[2]) if best else None


@functools.cache
def shipped() -> Gazetteer:
    return Gazetteer.from_file(MODEL_DIR / GAZ_FILE)
