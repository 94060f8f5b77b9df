"""Small queries the pages need that the store does not offer as methods (yet)."""

from __future__ import annotations


def browse(store, *, entity: str | None, date_from: str | None, date_to: str | None, source: str | None, limit: int) -> list[dict]:
    """Articles without a text query, newest first, with the same filters as ``Store.search``."""
    if not entity:
        return store.articles(source=source, date_from=date_from, date_to=date_to, limit=limit)
    keys = store.resolve_entity(entity)
    if not keys:
        return []
    where, args = store._filters(source=source, date_from=date_from, date_to=date_to, entity=entity)
    sql = f"SELECT a.id, a.title, a.date, a.source, a.url, a.category FROM articles a {where} ORDER BY a.date DESC, a.n LIMIT ?"
    return [dict(r) for r in store.db.execute(sql, (*args, limit))]


def story(store, story_id: str) -> dict | None:
    row = store.db.execute("SELECT doc FROM stories WHERE story=? LIMIT 1", (story_id,)).fetchone()
    if row is None:
        return None
    found = store.stories(doc=row[0])
    return found[0] if found else None


def figure_groups(store, *, category: str | None, where: str | None, by: str = "claimed_by", limit: int = 12) -> list[dict]:
    """Figures grouped by (category, place), most claims first; each group holds one series per
    source (``by``: ``claimed_by`` is who the article says gave the figure, the outlet when the
    article states it itself; ``source`` is the outlet). A point is the highest figure that
    source gave that day, as ``Store.figures`` does."""
    groups: dict[tuple[str, str], dict] = {}
    for c in store.claims(category=category, where=where):
        if c["value"] is None or not c["category"]:
            continue
        g = groups.setdefault((c["category"], c["where"] or ""), {"category": c["category"], "where": c["where"], "claims": 0, "series": {}})
        g["claims"] += 1
        name = c.get(by) or "article"
        if name == "article":
            name = c["source"] or "article"
        day = (c["when"] or c["date"] or "")[:10]
        if not day:
            continue
        cur = g["series"].setdefault(name, {}).get(day)
        if cur is None or c["value"] > cur["value"]:
            g["series"][name][day] = {"date": day, "value": c["value"], "doc": c["doc"], "text": c["text"], "bound": c["bound"]}
    # placed figures first: a count with no place mixes unrelated events on one line
    ranked = sorted(groups.values(), key=lambda g: (not g["where"], -g["claims"], g["category"], g["where"] or ""))
    return ranked[:limit]
