"""The metadata line of scraped text: "Parredaction Catégorie Politique le 1 septembre 2020 Étiquettes : , , , ,".

Labels and values are often glued together by the scrape, so the line is cut at the
cues of data/metadata.yaml (and at its date), and each cue takes the text up to the next one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from veille.ingest.dates import first_date
from veille.ingest.lexicon import MetadataCues, metadata_cues

MAX_META_LINE = 250
MAX_BYLINE = 80
MAX_SECTION = 60
_TAG_SPLIT = re.compile(r"[,;|]")


@dataclass(frozen=True, slots=True)
class MetaLine:
    byline: str | None = None
    section: str | None = None
    published: date | None = None
    tags: tuple[str, ...] | None = None  # None: no tag field; (): an empty one


@dataclass(frozen=True, slots=True)
class _Cut:
    start: int
    value_start: int
    field: str


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in words)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    cues = metadata_cues()
    return {
        "section": re.compile(rf"(?:{_alternation(cues.section_cues)})\s*:?\s*"),
        "tags": re.compile(rf"(?:{_alternation(cues.tag_cues)})\s*:\s*"),
        "byline": re.compile(rf"(?:^|[|•·–—]\s*)(?:{_alternation(cues.byline_cues)})\s*"),
        "date_cue": re.compile(rf"(?<!\w)(?:{_alternation(cues.date_cues)})\s*$", re.IGNORECASE),
    }


def _byline(value: str, cues: MetadataCues) -> str | None:
    """The author after a byline cue: a staff alias ("redaction", "la rédaction") or a name
    with a capital ("Jean Dupont"); anything else means the cue began a sentence."""
    value = value.strip(" ,;:-–—|•·")
    if not value or len(value) > MAX_BYLINE:
        return None
    if value.casefold() in cues.staff_aliases:
        return cues.staff_byline
    return value if value[0].isupper() else None


def _cuts(line: str) -> tuple[list[_Cut], date | None]:
    patterns = _patterns()
    cuts: list[_Cut] = []
    found = first_date(line)
    date_span = None
    if found is not None:
        cue = patterns["date_cue"].search(line[: found.start])
        date_span = (cue.start() if cue else found.start, found.end)
        cuts.append(_Cut(date_span[0], date_span[1], "date"))
    for field in ("section", "tags"):
        match = patterns[field].search(line)
        if match and not (date_span and date_span[0] <= match.start() < date_span[1]):
            cuts.append(_Cut(match.start(), match.end(), field))
    match = patterns["byline"].search(line)
    if match:
        cuts.append(_Cut(match.start(), match.end(), "byline"))
    cuts.sort(key=lambda c: c.start)
    return cuts, (found.value if found else None)


def parse_meta_line(line: str) -> MetaLine | None:
    """The fields of a metadata line, or None when ``line`` is not one (a body sentence)."""
    line = line.strip()
    if not line or len(line) > MAX_META_LINE or line.endswith("."):
        return None
    cuts, published = _cuts(line)
    if not cuts or line[: cuts[0].start].strip():
        return None  # no cue, or text before the first one: a sentence that mentions a date
    cues = metadata_cues()
    fields: dict[str, object] = {}
    for cut, following in zip(cuts, [*cuts[1:], None]):
        value = line[cut.value_start : following.start if following else len(line)]
        if cut.field == "date":
            if value.strip(" ,;:-–—|"):
                return None  # "Le 1 septembre 2020, la junte a reçu …": a sentence
            fields["published"] = published
        elif cut.field == "tags":
            fields["tags"] = tuple(t.strip() for t in _TAG_SPLIT.split(value) if t.strip())
        elif cut.field == "section":
            section = value.strip(" ,;:-–—|•·")
            if section and len(section) <= MAX_SECTION:
                fields["section"] = section
        elif cut.field == "byline":
            byline = _byline(value, cues)
            if byline is None:
                return None  # "Par ailleurs, …": a sentence, not a byline
            fields["byline"] = byline
    return MetaLine(**fields) if fields else None
