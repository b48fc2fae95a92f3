"""Find candidate time expressions in French text: spans plus the calendar fields they name.

Each scanner runs one compiled pattern of timex_lexicon.TimexGrammar and applies the
context checks a regex cannot express (is "2000" a year or a crowd? is "mars" the month?).
Values are computed later, in timex.py, once overlaps are settled and ranges completed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Iterator

from veille.extract.timex_calendar import expand_year, safe_date
from veille.extract.timex_lexicon import TimexGrammar

_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n«\"(]\s*|[-–]\s+)$")
_HABITUAL = re.compile(r"(?:^|\W)(?:les|chaque|tous\s+les|toutes\s+les)\s+$", re.IGNORECASE)
_RANGE_START = re.compile(r"(?:^|[^\w])[12]\d{3}\s*[-/–]\s*$")
_GLUED = re.compile(r"(?:[\w][-/]|\d[\s.,]|[€$£])$")
_AFTER_NUMBER = re.compile(r"^\s*(?:%|€|\$|£|h\b|heures\b|km\b|m\b|kg\b|t\b)", re.IGNORECASE)


class Kind(str, Enum):
    DATE = "date"  # day + month [+ year]
    FRAGMENT = "fragment"  # "les 16" in "les 16 et 17 juin": month taken from the next date
    MONTH = "month"
    YEAR = "year"
    WEEKDAY = "weekday"
    DAY_WORD = "day_word"  # aujourd'hui, hier, demain, ce soir
    ANAPHOR = "anaphor"  # la veille, le lendemain: relative to the last date mentioned
    PERIOD = "period"  # la semaine dernière, cette année, le mois prochain
    SHIFT = "shift"  # il y a trois jours, dans deux semaines


@dataclass(frozen=True, slots=True)
class Candidate:
    kind: Kind
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    direction: int = 0  # -1 "dernier", +1 "prochain"
    offset: int = 0  # days (DAY_WORD, ANAPHOR) or units (SHIFT)
    unit: str | None = None  # day, week, weekend, month, year
    this: bool = False  # introduced by "ce/cette"


def _key(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower().replace("’", "'"))


def _day_number(raw: str) -> int:
    return 1 if raw.lower() in ("1er", "1re", "1ère", "premier") else int(raw)


def _direction(g: TimexGrammar, m: re.Match) -> int:
    mod = m.groupdict().get("mod")
    return g.lexicon.direction[_key(mod)] if mod else 0


def _weekday(g: TimexGrammar, m: re.Match) -> int | None:
    wd = m.groupdict().get("wd")
    return g.lexicon.weekdays[_key(wd)] if wd else None


def _year_follower_ok(text: str, end: int, g: TimexGrammar) -> bool:
    """After a bare number: end of clause, a capitalised word, or a function word."""
    if _AFTER_NUMBER.match(text, end):
        return False
    word = g.follower.match(text, end).group(1)
    if not word or word[0].isupper() or word[0].isdigit() or word[0] in "-–":
        return True
    return _key(word) in g.lexicon.year_followers


def _two_digit_year(text: str, m: re.Match, g: TimexGrammar, published: date | None) -> int | None:
    if not m.group("yy") or not _year_follower_ok(text, m.end("yy"), g):
        return None
    return expand_year(int(m.group("yy").lstrip("'’")), published)


def scan_dates(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    for m in g.date.finditer(text):
        month, day = g.lexicon.months[_key(m.group("month"))], _day_number(m.group("day"))
        year, end, direction = None, m.end(), _direction(g, m)
        if m.group("year"):
            year = int(m.group("year"))
        elif m.group("yy"):
            year = _two_digit_year(text, m, g, published)
            if year is None:
                end, direction = m.end("month"), 0
        if safe_date(year or 2000, month, day):
            yield Candidate(Kind.DATE, m.start(), end, year, month, day, _weekday(g, m), direction)


def scan_day_lists(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    for m in g.day_list.finditer(text):
        yield Candidate(Kind.FRAGMENT, m.start(), m.end(), day=_day_number(m.group("day")),
                        weekday=_weekday(g, m))


def scan_numeric(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    for pattern in (g.numeric, g.iso):
        for m in pattern.finditer(text):
            year = int(m.group("y"))
            year = expand_year(year, published) if len(m.group("y")) == 2 else year
            if safe_date(year, int(m.group("m")), int(m.group("d"))):
                yield Candidate(Kind.DATE, m.start(), m.end(), year, int(m.group("m")), int(m.group("d")))


def scan_month_years(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    for m in g.month_year.finditer(text):
        year = int(m.group("year")) if m.group("year") else _two_digit_year(text, m, g, published)
        if year is not None:
            yield Candidate(Kind.MONTH, m.start(), m.end(), year, g.lexicon.months[_key(m.group("month"))])


def _is_cued_month(text: str, m: re.Match, g: TimexGrammar) -> bool:
    if m.group("mod") or m.start() != m.start("month"):
        return True  # "début mars", "mars dernier", "(le) mois de mars"
    before = text[max(0, m.start() - 20):m.start()]
    if m.group("month")[0].isupper() and not _SENTENCE_START.search(before):
        return False  # "Mars" mid-sentence is the planet or a name, not the month
    return bool(g.month_cue_tail.search(before) or g.month_range_next.match(text, m.end()))


def scan_months(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    for m in g.month.finditer(text):
        if _is_cued_month(text, m, g):
            yield Candidate(Kind.MONTH, m.start(), m.end(), month=g.lexicon.months[_key(m.group("month"))],
                            direction=_direction(g, m))


def _is_year(text: str, m: re.Match, g: TimexGrammar) -> bool:
    year = int(m.group("year"))
    if not g.lexicon.year_min <= year <= g.lexicon.year_max:
        return False
    if m.group("pre") or m.group("yr_det"):
        return True
    before = text[max(0, m.start() - 30):m.start()]
    if _RANGE_START.search(before):
        return True  # "1982-1990", "2002/2003"
    if _GLUED.search(before) or g.year_quantity_tail.search(before):
        return False  # "A-2000", "1 2000", "plus de 2000"
    if _year_follower_ok(text, m.end(), g):
        return True
    return bool(g.year_strong_tail.search(before)) and not _AFTER_NUMBER.match(text, m.end())


def scan_years(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    for m in g.year.finditer(text):
        if _is_year(text, m, g):
            yield Candidate(Kind.YEAR, m.start(), m.end(), year=int(m.group("year")))


def scan_weekdays(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    for m in g.weekday.finditer(text):
        det = _key(m.group("det") or "")
        direction = _direction(g, m)
        if (det == "le" and not direction) or _HABITUAL.search(text[max(0, m.start() - 15):m.start()]):
            continue  # "le lundi", "chaque lundi": a habit, not a date
        yield Candidate(Kind.WEEKDAY, m.start(), m.end(), weekday=_weekday(g, m), direction=direction,
                        this=det == "ce")


def scan_day_words(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    lex = g.lexicon
    for m in g.day_word.finditer(text):
        yield Candidate(Kind.DAY_WORD, m.start(), m.end(), offset=lex.day_words[_key(m.group("rel"))])
    for m in g.day_part.finditer(text):
        yield Candidate(Kind.DAY_WORD, m.start(), m.end(), offset=0)
    for m in g.anaphor.finditer(text):
        yield Candidate(Kind.ANAPHOR, m.start(), m.end(), offset=lex.anaphoric_days[_key(m.group("ana"))])


def scan_periods(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    for m in g.period.finditer(text):
        unit, det = g.lexicon.units[_key(m.group("unit"))], _key(m.group("det"))
        this, direction = det in ("ce", "cet", "cette"), _direction(g, m)
        if unit == "day" or not (this or direction or m.group("pre")):
            continue  # "le jour", "la semaine" alone are not dates
        if this and re.match(r"\s+d(?:e\s|['’])", text[m.end():m.end() + 4]):
            continue  # "ce mois de mars": the month pattern has it
        yield Candidate(Kind.PERIOD, m.start(), m.end(), direction=direction, unit=unit, this=this)


def scan_shifts(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    lex = g.lexicon
    for m in g.ago.finditer(text):
        n = m.group("n")
        amount = int(n) if n.isdigit() else lex.numbers[_key(n)]
        unit = lex.units[_key(m.group("unit"))]
        if unit != "weekend":
            sign = 1 if _key(m.group("dir")) == "dans" else -1
            yield Candidate(Kind.SHIFT, m.start(), m.end(), offset=sign * amount, unit=unit)


SCANNERS = (scan_dates, scan_day_lists, scan_numeric, scan_month_years, scan_months, scan_years,
            scan_weekdays, scan_day_words, scan_periods, scan_shifts)


def scan(text: str, g: TimexGrammar, published: date | None) -> list[Candidate]:
    """Every candidate of every scanner, overlapping ones included."""
    return [c for scanner in SCANNERS for c in scanner(text, g, published)]


def is_future(text: str, start: int, end: int, g: TimexGrammar) -> bool:
    """Is the clause around text[start:end] in the future tense? The nearest tense marker
    wins ("a annoncé mardi", "se rendra mardi"); markers after the timex count 1.5x further."""
    left = max(text.rfind(c, max(0, start - 200), start) for c in ".!?\n") + 1
    right = min((i for c in ".!?\n" if (i := text.find(c, end, end + 200)) >= 0), default=len(text))
    window = text[left:right]

    def nearest(pattern: re.Pattern[str], skip: frozenset[str]) -> float:
        best = float("inf")
        for m in pattern.finditer(window):
            if _key(m.group(0)) in skip:
                continue
            s, e = m.start() + left, m.end() + left
            best = min(best, start - e if e <= start else (s - end) * 1.5 if s >= end else best)
        return best

    return nearest(g.future_word, g.lexicon.future_exceptions) < nearest(g.past_word, frozenset())
