"""Find candidate time expressions in French text: spans plus the calendar fields they name.

Each scanner runs one compiled pattern of timex_lexicon.TimexGrammar and applies the
context checks a regex cannot express (is "2000" a year or a crowd? is "mars" the month?).
Values are computed later, in timex.py, once overlaps are settled and ranges completed.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import Enum

from veille.extract.timex.calendar import expand_year, safe_date
from veille.extract.timex.lexicon import TimexGrammar

_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n«\"(]\s*|[-–]\s+)$")
_HABITUAL = re.compile(r"(?:^|\W)(?:les|chaque|tous\s+les|toutes\s+les)\s+$", re.IGNORECASE)
_RANGE_START = re.compile(r"(?:^|[^\w])(?P<y>[12]\d{3})\s*[-/–]\s*$")
_RANGE_END = re.compile(r"\s*[-/–]\s*(?P<y>[12]\d{3})(?!\d)")
_DIGIT_AFTER = re.compile(r"\s*[-/–]\s*\d")
_DECADE_LIST = re.compile(r"(?:^|\W)années\s+(?:[12]\d{3}\s*(?:,|et|ou|à|-)\s*)+$", re.IGNORECASE)
_LIST_LINK = re.compile(r"\s*(?:,|et|ou|à|au|-|–)\s*", re.IGNORECASE)
_GLUED = re.compile(r"(?:[\w][-/]|\d[\s.,]|[€$£])$")
_EVENT_ANCHORED = re.compile(r"(?<!\w)[àÀ]\s+$")
_AFTER_NUMBER = re.compile(r"\s*(?:%|€|\$|£|h\b|heures\b|km\b|m\b|kg\b|t\b)", re.IGNORECASE)


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
    CENTURY = "century"  # le XVe siècle, au 21e siècle: year holds the century's number
    DECADE = "decade"  # les années 1990: year holds 199
    RANGE = "range"  # 1985-1992: year holds the first year, offset the second
    YEAR_PART = "year_part"  # été 2019, premier trimestre 2018: unit holds "SU", "Q1"
    YEAR_ANAPHOR = "year_anaphor"  # l'année suivante, la même année: offset in years from the last year


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
    offset: int = 0  # days (DAY_WORD, ANAPHOR), units (SHIFT) or the last year of a RANGE
    unit: str | None = None  # day, week, weekend, month, year; the season or quarter of a YEAR_PART


def _key(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower().replace("’", "'"))


def _day_number(raw: str) -> int | None:
    """1-31 from "21", "1er", "premier"; None for "0", "45" or "2er"."""
    digits = raw.rstrip("erèERÈ")
    if not digits.isdigit():
        return 1 if raw.lower() == "premier" else None
    day = int(digits)
    return day if 1 <= day <= 31 and (digits == raw or day == 1) else None


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
    word = _key(word)
    return word in g.lexicon.year_followers or word[:word.find("'") + 1] in g.lexicon.year_followers  # "qu'elle"


def _two_digit_year(text: str, m: re.Match, g: TimexGrammar, published: date | None) -> int | None:
    if not m.group("yy") or not _year_follower_ok(text, m.end("yy"), g):
        return None
    return expand_year(int(m.group("yy").lstrip("'’")), published)


def _left(pattern: re.Pattern[str], text: str, start: int) -> re.Match | None:
    """The words just before `start` that belong to the expression ("le", "la fin de")."""
    m = pattern.search(text, max(0, start - 40), start)
    return m if m and m.start() < start else None


def scan_dates(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    for m in g.date.finditer(text):
        month, day = g.lexicon.months[_key(m.group("month"))], _day_number(m.group("day"))
        if day is None:
            continue
        year, end, direction = None, m.end(), _direction(g, m)
        if m.group("year"):
            year = int(m.group("year"))
        elif m.group("yy"):
            year = _two_digit_year(text, m, g, published)
            if year is None:
                end, direction = m.end("month"), 0
        left = _left(g.date_left, text, m.start())
        if safe_date(year or 2000, month, day):
            yield Candidate(Kind.DATE, left.start() if left else m.start(), end, year, month, day,
                            _weekday(g, left) if left else None, direction)


def scan_day_lists(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    for m in g.day_list.finditer(text):
        left = _left(g.date_left, text, m.start())
        if (day := _day_number(m.group("day"))) is not None:
            yield Candidate(Kind.FRAGMENT, left.start() if left else m.start(), m.end(),
                            day=day, weekday=_weekday(g, left) if left else None)


def scan_numeric(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    for m in g.numeric.finditer(text):
        if m.group("iy"):
            year, month, day = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
        else:
            year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
            year = expand_year(year, published) if len(m.group("y")) == 2 else year
        if safe_date(year, month, day):
            yield Candidate(Kind.DATE, m.start(), m.end(), year, month, day)


def _is_cued_month(text: str, m: re.Match, start: int, direction: int, g: TimexGrammar) -> bool:
    if direction or start != m.start():
        return True  # "mars dernier", "début mars", "le mois de mars"
    before = text[max(0, m.start() - 20):m.start()]
    if m.group("month")[0].isupper() and not _SENTENCE_START.search(before):
        return False  # "Mars" mid-sentence is the planet or a name, not the month
    return bool(g.month_cue_tail.search(before) or g.month_range_next.match(text, m.end("month"))
                or g.month_range_prev.search(text, max(0, m.start() - 30), m.start()))


def scan_months(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    """"janvier 2020", "mai 68", and a month alone when a cue says it is one ("en mars")."""
    for m in g.month.finditer(text):
        month = g.lexicon.months[_key(m.group("month"))]
        left = _left(g.part_left, text, m.start())
        start = left.start() if left else m.start()
        year = int(m.group("year")) if m.group("year") else _two_digit_year(text, m, g, published)
        if year is not None:
            yield Candidate(Kind.MONTH, start, m.end("year") if m.group("year") else m.end("yy"), year, month)
            continue
        end, direction = (m.end("month"), 0) if m.group("yy") else (m.end(), _direction(g, m))
        if _is_cued_month(text, m, start, direction, g):
            yield Candidate(Kind.MONTH, start, end, month=month, direction=direction)


def _is_year_range(text: str, m: re.Match, before: str, year: int) -> bool:
    """Two years joined by a dash or a slash, the second one later: "1982-1990", "2002/2003"."""
    if (first := _RANGE_START.search(before)) and int(first.group("y")) < year <= int(first.group("y")) + 100:
        return True
    second = _RANGE_END.match(text, m.end())
    return bool(second) and not _GLUED.search(before) and year < int(second.group("y")) <= year + 100


def is_old_year_cued(text: str, start: int, g: TimexGrammar, previous_end: int | None = None) -> bool:
    """A year before year.min needs a cue just before it ("en 1884"), or a year just before
    it in a list ("entre 1885 et 1887")."""
    return _listed(text, start, previous_end) or bool(g.year_old_tail.search(text[max(0, start - 30):start]))


def _is_old_year(text: str, m: re.Match, has_left: bool, g: TimexGrammar, previous_end: int | None) -> bool:
    """"fondée en 1884,", "(1848-1852)": an early year, cued and before a clause boundary."""
    second = _RANGE_END.match(text, m.end())
    if int(m.group("year")) < g.lexicon.year_old_min or not _year_follower_ok(text, (second or m).end(), g):
        return False  # "en 1500 soldats", "entre 1500-1600 soldats"
    before = text[max(0, m.start() - 30):m.start()]
    if has_left or _is_year_range(text, m, before, int(m.group("year"))):
        return True
    if _GLUED.search(before) or g.year_quantity_tail.search(before):
        return False
    return is_old_year_cued(text, m.start(), g, previous_end)


def _is_year(text: str, m: re.Match, has_left: bool, g: TimexGrammar, previous_end: int | None = None) -> bool:
    year = int(m.group("year"))
    if year < g.lexicon.year_min:
        return _is_old_year(text, m, has_left, g, previous_end)
    if year > g.lexicon.year_max:
        return False
    if has_left:
        return True  # "fin 2014", "l'année 2012"
    before = text[max(0, m.start() - 30):m.start()]
    if _is_year_range(text, m, before, year):  # "1982-1990", "2002/2003", not "1990-2000 soldats"
        return _year_follower_ok(text, (_RANGE_END.match(text, m.end()) or m).end(), g)
    if _DIGIT_AFTER.match(text, m.end()) or _DECADE_LIST.search(before):
        return False  # "la loi 2020-1234", "les années 1990 et 2000"
    if _GLUED.search(before) or g.year_quantity_tail.search(before):
        return False  # "A-2000", "1 2000", "plus de 2000"
    if _year_follower_ok(text, m.end(), g) or _listed(text, m.start(), previous_end):
        return True  # "en 1979 et 1994 respectivement"
    return bool(g.year_strong_tail.search(before)) and not _AFTER_NUMBER.match(text, m.end())


def _listed(text: str, start: int, previous_end: int | None) -> bool:
    """Just after another year, joined by a comma or a conjunction: "en 1852 et 1856"."""
    return previous_end is not None and _LIST_LINK.fullmatch(text, previous_end, start) is not None


def scan_years(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    previous_end = None
    for m in g.year.finditer(text):
        left = _left(g.year_left, text, m.start())
        if _is_year(text, m, left is not None, g, previous_end):
            previous_end = m.end()
            yield Candidate(Kind.YEAR, left.start() if left else m.start(), m.end(), year=int(m.group("year")))
    for m in g.short_year.finditer(text):
        yy = m.group("yy")
        yield Candidate(Kind.YEAR, m.start("yy"), m.end("yy"), year=expand_year(int(yy.lstrip("'’")), published))


def scan_weekdays(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    for m in g.weekday.finditer(text):
        left = _left(g.weekday_left, text, m.start())
        det = _key(left.group("det")) if left else ""
        direction = _direction(g, m)
        if (det == "le" and not direction) or _HABITUAL.search(text[max(0, m.start() - 15):m.start()]):
            continue  # "le lundi", "chaque lundi": a habit, not a date
        yield Candidate(Kind.WEEKDAY, left.start() if left else m.start(), m.end(), weekday=_weekday(g, m),
                        direction=direction)


def scan_day_words(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    lex = g.lexicon
    for m in g.day_word.finditer(text):
        yield Candidate(Kind.DAY_WORD, m.start(), m.end(), offset=lex.day_words[_key(m.group("rel"))])
    for m in g.day_part.finditer(text):
        yield Candidate(Kind.DAY_WORD, m.start(), m.end(), offset=0)
    for m in g.anaphor.finditer(text):
        if _EVENT_ANCHORED.search(text, max(0, m.start() - 4), m.start()):
            continue  # "à la veille des Jeux": the day before an event, not a date we know
        yield Candidate(Kind.ANAPHOR, m.start(), m.end(), offset=lex.anaphoric_days[_key(m.group("ana"))])


def scan_periods(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    for m in g.period.finditer(text):
        left = _left(g.period_left, text, m.start())
        if left is None:
            continue
        unit, det = g.lexicon.units[_key(m.group("unit"))], _key(left.group("det"))
        this, direction = det in ("ce", "cet", "cette"), _direction(g, m)
        if unit == "day" or not (this or direction or left.group("pre")):
            continue  # "le jour", "la semaine" alone are not dates
        if this and re.match(r"\s+d(?:e\s|['’])", text[m.end():m.end() + 4]):
            continue  # "ce mois de mars": the month pattern has it
        start = m.start() if det in ("du", "au") and not left.group("pre") else left.start()
        yield Candidate(Kind.PERIOD, start, m.end(), direction=direction, unit=unit)  # "(du) mois dernier"


def scan_shifts(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    lex = g.lexicon
    for m in g.ago.finditer(text):
        n = m.group("n")
        amount = int(n) if n.isdigit() else lex.numbers[_key(n)]
        unit = lex.units[_key(m.group("unit"))]
        if unit != "weekend":
            sign = lex.shift_markers[_key(m.group("dir"))]
            yield Candidate(Kind.SHIFT, m.start(), m.end(), offset=sign * amount, unit=unit)


SCANNERS = (scan_dates, scan_day_lists, scan_numeric, scan_months, scan_years,
            scan_weekdays, scan_day_words, scan_periods, scan_shifts)


def scan(text: str, g: TimexGrammar, published: date | None) -> list[Candidate]:
    """Every candidate of every scanner, overlapping ones included."""
    return [c for scanner in SCANNERS for c in scanner(text, g, published)]
