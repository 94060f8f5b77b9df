"""Corpus-level boilerplate detection (the C4/CCNet habit).

A line that recurs verbatim (after normalisation) in many articles of one source is that
source's furniture: a newsletter plug, a copyright line, a fixed byline. ``propose`` counts each
line once per article, per source, and proposes those seen in at least ``min_articles`` articles
and ``min_share`` of the source's articles, for review and for the per-source list
``khabar/data/sources/<source>.yaml`` that the clean stage reads.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .normalise import View
from .stages.clean import _TRIM, classify_line

_LINE = re.compile(r"[^\n]+")


def line_key(line: str) -> str:
    return " ".join(View(line).text.strip(_TRIM).split()).lower()


@dataclass
class SourceStats:
    articles: int = 0
    lines: int = 0
    flagged: Counter = field(default_factory=Counter)  # kind -> lines flagged by the rules
    counts: Counter = field(default_factory=Counter)  # line key -> articles containing it
    example: dict = field(default_factory=dict)  # line key -> one original spelling
    flagged_lines: list = field(default_factory=list)  # (kind, line), for review samples


@dataclass
class Proposal:
    source: str
    line: str
    articles: int
    share: float
    already: str | None  # the rule kind that flags it already, if any


def scan(rows: Iterable[tuple[str, str]], *, max_line_chars: int = 200) -> dict[str, SourceStats]:
    """Count rule-flagged lines and repeated lines per source over ``(source, text)`` rows."""
    stats: dict[str, SourceStats] = defaultdict(SourceStats)
    for source, text in rows:
        st = stats[source]
        st.articles += 1
        seen = set()
        for m in _LINE.finditer(text or ""):
            line = m.group().strip()
            if not line:
                continue
            st.lines += 1
            kind, _ = classify_line(line, source)
            if kind:
                st.flagged[kind] += 1
                st.flagged_lines.append((kind, line))
            if len(line) <= max_line_chars:
                key = line_key(line)
                if key and key not in seen:
                    seen.add(key)
                    st.counts[key] += 1
                    st.example.setdefault(key, line)
    return dict(stats)


def propose(stats: dict[str, SourceStats], *, min_articles: int = 5, min_share: float = 0.005) -> list[Proposal]:
    out = []
    for source, st in sorted(stats.items()):
        for key, n in st.counts.most_common():
            if n < min_articles:
                break
            share = n / st.articles
            if share < min_share:
                continue
            line = st.example[key]
            out.append(Proposal(source, line, n, share, classify_line(line, source)[0]))
    return out


def write_source_lists(proposals: list[Proposal], directory) -> list[str]:
    """Write one YAML list per source (new lines only) for review; returns the paths."""
    import yaml
    from pathlib import Path

    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    by_source = defaultdict(list)
    for p in proposals:
        if not p.already:
            by_source[p.source].append(p.line)
    paths = []
    for source, lines in by_source.items():
        path = d / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', source)}.yaml"
        path.write_text(
            "# Proposed by `khabar boilerplate`: lines repeated across this source's articles.\n"
            "# Review each before adding the file to khabar/data/sources/.\n"
            + yaml.safe_dump({"source": source, "lines": lines}, allow_unicode=True, sort_keys=False),
            encoding="utf-8",
        )
        paths.append(str(path))
    return paths
