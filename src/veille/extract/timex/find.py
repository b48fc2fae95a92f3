"""French time expressions, normalised against the publication date (GUIDELINES §5).

    find_timexes("Ils se sont réunis vendredi 21 août.", date(2020, 9, 1))
    -> [Timex(text="vendredi 21 août", start=19, end=35, value="2020-08-21")]

Three steps, all pure: scan the text with a grammar compiled once from lexicon/time.yaml
(timex/grammar.py, and timex/spans.py for spans longer or shorter than a year), keep the
longest of overlapping candidates, then compute each value (timex/calendar.py) from the
publication date, the verb tense around bare weekdays and the neighbouring expressions ("du 27
juillet au 12 août 2012", "la veille"). Durations and vague expressions ("pendant trois jours",
"depuis longtemps", "bientôt") and times of day are left out. Long spans keep ISO 8601 reduced
precision and the TIMEX3 codes: "les années 1990" → "199", "XVe siècle" → "14", "en 1985-1992"
→ "1985/1992", "52 av. J.-C." → "-0051", "été 2019" → "2019-SU", "premier trimestre 2018" →
"2018-Q1". Without a publication date only expressions that carry their own year are kept.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from veille.extract.timex.anaphora import scan_anaphora
from veille.extract.timex.calendar import (
    day_value,
    month_value,
    nearest_day,
    nearest_month,
    safe_date,
    sane_published,
    shift_value,
    weekday_date,
    weekend_value,
    year_value,
)
from veille.extract.timex.context import complete
from veille.extract.timex.grammar import Candidate, Kind, scan
from veille.extract.timex.lexicon import TimexGrammar, grammar
from veille.extract.timex.spans import scan_spans
from veille.extract.timex.tense import lean
from veille.model import Timex

_DATED = re.compile(r"\d{4}(?:-\d\d){0,2}")  # a value that names a year: the anchor of "l'année suivante"


def find_timexes(text: str, published: date | None) -> list[Timex]:
    """Every date, month, year, weekday and relative expression of `text`, sorted by start,
    non-overlapping, with ISO 8601 values ("2020", "2020-01", "2020-08-21", "2020-W35")."""
    if isinstance(published, datetime):
        published = published.date()
    published = sane_published(published)
    g = grammar()
    found = scan(text, g, published) + scan_spans(text, g, published) + scan_anaphora(text, g, published)
    candidates = complete(text, select_longest(found), published)
    out, anchor, year = [], published, None
    for c in candidates:
        if c.kind is Kind.YEAR_ANAPHOR:
            value, day = _year_anaphor_value(c, year), None
        else:
            value, day = _value(c, text, published, anchor, g)
        if day is not None:
            anchor = day
        if value is not None:
            year = int(value[:4]) if _DATED.fullmatch(value) else year
            out.append(Timex(text=text[c.start:c.end], start=c.start, end=c.end, value=value))
    return out


def _year_anaphor_value(c: Candidate, year: int | None) -> str | None:
    """"dix ans plus tard" (offset 10), "juillet de la même année" (month 7) after a year."""
    if year is None or not 1 <= year + c.offset <= 9999:
        return None
    return year_value(year + c.offset) if c.month is None else month_value(year + c.offset, c.month)


def resolve_timex(expr: str, published: date | None) -> str | None:
    """The value of the longest time expression in `expr` ("depuis janvier 2020" -> "2020-01")."""
    found = find_timexes(expr, published)
    return max(found, key=lambda t: t.end - t.start).value if found else None


def select_longest(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, the longest winning (the earliest among equals), by start."""
    kept: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _value(c: Candidate, text: str, published: date | None, anchor: date | None,
           g: TimexGrammar) -> tuple[str | None, date | None]:
    """(value, the day it denotes when day-precise) of one candidate."""
    if c.kind is Kind.YEAR:
        return year_value(c.year), None
    if c.kind is Kind.CENTURY:
        return f"{c.year - 1:02d}", None
    if c.kind is Kind.DECADE:
        return f"{c.year:03d}", None
    if c.kind is Kind.RANGE:
        return f"{year_value(c.year)}/{year_value(c.offset)}", None
    if c.kind is Kind.YEAR_PART:
        return f"{year_value(c.year)}-{c.unit}", None
    if c.kind is Kind.MONTH and c.year is not None:
        return month_value(c.year, c.month), None
    if c.kind is Kind.DATE and c.year is not None:
        d = safe_date(c.year, c.month, c.day)
        return (day_value(d), d) if d else (None, None)
    if c.kind is Kind.ANAPHOR:
        d = date.fromordinal(anchor.toordinal() + c.offset) if anchor else None
        return (day_value(d), d) if d else (None, None)
    if published is None:
        return None, None
    return _relative_value(c, text, published, g)


def _relative_value(c: Candidate, text: str, published: date, g: TimexGrammar) -> tuple[str | None, date | None]:
    def tense() -> int:  # computed only for the kinds that need it, and only without "dernier"
        return 0 if c.direction else lean(text, c.start, c.end, g)

    if c.kind is Kind.DATE:
        d = nearest_day(c.month, c.day, published, c.weekday, c.direction, tense())
        return (day_value(d), d) if d else (None, None)
    if c.kind is Kind.MONTH:
        ym = nearest_month(c.month, published, c.direction, tense())
        return (month_value(*ym) if ym else None), None
    if c.kind is Kind.WEEKDAY:
        d = weekday_date(c.weekday, published, c.direction, tense() > 0)
        return day_value(d), d
    if c.kind is Kind.DAY_WORD:
        d = date.fromordinal(published.toordinal() + c.offset)
        return day_value(d), d
    if c.kind is Kind.PERIOD and c.unit == "weekend":
        return weekend_value(published, c.direction, tense() > 0), None
    if c.kind in (Kind.PERIOD, Kind.SHIFT):
        amount = c.direction if c.kind is Kind.PERIOD else c.offset
        value = shift_value(published, c.unit, amount)
        day = date.fromisoformat(value) if value and c.unit == "day" else None
        return value, day
    return None, None
