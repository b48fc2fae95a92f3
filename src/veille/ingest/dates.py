"""Dates written in news text and metadata: "le 1 septembre 2020", "1er septembre 2020",
"01/09/2020", "2020-09-01", "September 1, 2020". Month names come from data/dates.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

from veille.ingest.lexicon import date_names

MIN_YEAR, MAX_YEAR = 1900, 2100
DATELINE_WINDOW = 60  # a dateline date starts within this many characters of its paragraph


@dataclass(frozen=True, slots=True)
class FoundDate:
    value: date
    start: int
    end: int


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    names = date_names()
    months = _alternation(names.months)
    weekdays = _alternation(names.weekdays)
    suffix = _alternation(names.ordinal_suffixes)
    day_month_year = (
        rf"(?:(?:{weekdays})\.?,?\s+)?(?P<d>\d{{1,2}})(?:{suffix})?\s+(?P<m>{months})\.?,?\s+(?P<y>\d{{4}})"
    )
    month_day_year = rf"(?P<m2>{months})\.?\s+(?P<d2>\d{{1,2}})(?:{suffix})?,?\s+(?P<y2>\d{{4}})"
    numeric = r"(?P<nd>\d{1,2})[/.](?P<nm>\d{1,2})[/.](?P<ny>\d{4})"
    iso = r"(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
    return re.compile(rf"(?<!\w)(?:{day_month_year}|{month_day_year}|{numeric}|{iso})(?!\w)", re.IGNORECASE)


def _make_date(year: str, month: str | int, day: str) -> date | None:
    if isinstance(month, str) and not month.isdigit():
        month = date_names().months.get(month.casefold(), 0)
    try:
        value = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return value if MIN_YEAR <= value.year <= MAX_YEAR else None


def _from_match(m: re.Match[str]) -> date | None:
    g = m.groupdict()
    if g["d"]:
        return _make_date(g["y"], g["m"], g["d"])
    if g["d2"]:
        return _make_date(g["y2"], g["m2"], g["d2"])
    if g["nd"]:
        return _make_date(g["ny"], g["nm"], g["nd"])  # day first, as written in French
    return _make_date(g["iy"], g["im"], g["id"])


def find_dates(text: str) -> list[FoundDate]:
    """Every valid date written in ``text``, in order."""
    found = []
    for m in _pattern().finditer(text):
        value = _from_match(m)
        if value is not None:
            found.append(FoundDate(value, m.start(), m.end()))
    return found


def first_date(text: str) -> FoundDate | None:
    for m in _pattern().finditer(text):
        value = _from_match(m)
        if value is not None:
            return FoundDate(value, m.start(), m.end())
    return None


_DATELINE_BEFORE = re.compile(r"^[^\W\d][\w'’ ().-]{0,40},\s*(?:le\s+)?$|^(?:le\s+)?$", re.IGNORECASE)
_DATELINE_AFTER = re.compile(r"^(?:,\s*[^.,\n]{1,40})?\.?\s*(?:\([^)\n]{1,30}\)\s*)?[-–—]")


def dateline_date(paragraph: str) -> date | None:
    """The date of a dateline opening a paragraph: "3 juillet 2012. - …", "22 août 2012, Espagne. - …",
    "PARIS, 3 juillet 2012 (AFP) - …". A date in a sentence ("Le 14 juillet 1789, …") is not one."""
    head = paragraph[: DATELINE_WINDOW + 60]
    found = first_date(head)
    if found is None or found.start > DATELINE_WINDOW:
        return None
    if _DATELINE_BEFORE.match(head[: found.start]) and _DATELINE_AFTER.match(head[found.end :]):
        return found.value
    return None


def parse_date_value(value: object) -> date | None:
    """A date from a metadata value: ISO date or datetime, RFC 2822, or any form ``find_dates`` reads."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    found = first_date(text)
    return found.value if found is not None else None
