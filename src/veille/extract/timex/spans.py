"""Candidates for spans longer than a year, or parts of one, in ISO 8601 reduced precision and
the TIMEX3 codes (GUIDELINES §5):

    "les années 1990"               decade 199     "années 1950 et 1960" both decades
    "XVe siècle", "7e et 8e siècles" century 14, 06 and 07
    "en 1985-1992", "en 2016-17"    range 1985/1992, 2016/2017
    "52 av. J.-C."                 year -0051 (astronomical numbering: 1 BC is year 0)
    "été 2019", "premier trimestre 2018"   2019-SU, 2018-Q1

A span of two years inside parentheses after a name, "Lincoln (1861-1865)", is two years
(the dates of a life or a term), left to the year scanner of timex/grammar.py.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from veille.extract.timex.grammar import (
    _GLUED,
    Candidate,
    Kind,
    _key,
    _left,
    _year_follower_ok,
    is_old_year_cued,
)
from veille.extract.timex.lexicon import TimexGrammar

_ORDINAL = r"(?:[IVX]{1,5}|\d{1,2})\s?(?:e|è|ème|eme|ᵉ)"
_CENTURY = re.compile(r"(?<![\w-])(?P<n>[IVX]{1,5}|\d{1,2})\s?(?:e|è|ème|eme|ᵉ)\s+siècles?(?!\w)")
_CENTURY_LIST_ITEM = re.compile(
    rf"(?<![\w-])(?P<n>[IVX]{{1,5}}|\d{{1,2}})\s?(?:e|è|ème|eme|ᵉ)"
    rf"(?=\s*(?:,|et|ou|au|à|-|–)\s*(?:(?:{_ORDINAL})\s*(?:,|et|ou|au|à|-|–)\s*)*(?:{_ORDINAL})\s+siècles(?!\w))")
_ROMAN = {"I": 1, "V": 5, "X": 10}
_PARENTHESISED = re.compile(r"\(\s*$")
_CLOSING = re.compile(r"\s*\)")
_PART_COUNT = {"Q": 4, "H": 2}  # quarters and halves in a year


def scan_decades(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    """"les années 1990" (the left words kept in the text), and the decades listed after it."""
    for m in g.decade.finditer(text):
        left = _left(g.decade_left, text, m.start())
        yield Candidate(Kind.DECADE, left.start() if left else m.start(), m.end(), year=_decade(m))
        end, width = m.end(), len(m.group("dec"))
        while (nxt := g.decade_next.match(text, end)) and len(nxt.group("dec")) == width:
            yield Candidate(Kind.DECADE, nxt.start("dec"), nxt.end(), year=_decade(nxt))
            end = nxt.end()


def _decade(m: re.Match) -> int:
    raw = m.group("dec")
    return int(raw) // 10 if len(raw) == 4 else 190 + int(raw) // 10


def scan_centuries(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    """ "XVe siècle", "21e siècle", and "7e" in "7e et 8e siècles" (a century is a reduced ISO
    8601 date: the XVe siècle is "14")."""
    for pattern in (_CENTURY, _CENTURY_LIST_ITEM):
        for m in pattern.finditer(text):
            raw = m.group("n")
            n = int(raw) if raw.isdigit() else _roman(raw)
            if n is not None and 1 <= n <= 21:
                yield Candidate(Kind.CENTURY, m.start(), m.end(), year=n)


def _roman(numeral: str) -> int | None:
    """XIV -> 14; None for an ill-formed numeral."""
    values = [_ROMAN[c] for c in numeral]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if total > 0 and _to_roman(total) == numeral else None


def _to_roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def scan_year_ranges(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    """"1985-1992", "2016-17", "2002/2003": one expression, unless parenthesised on its own."""
    lex = g.lexicon
    for m in g.year_range.finditer(text):
        first, second = int(m.group("year")), _second_year(int(m.group("year")), m.group("y2"))
        before = text[max(0, m.start() - 30):m.start()]
        if second is None or not lex.year_old_min <= first <= lex.year_max or second > lex.year_max:
            continue
        if _GLUED.search(before) or not _year_follower_ok(text, m.end(), g):
            continue  # "A-2000-2010", "1500-2000 soldats"
        if _PARENTHESISED.search(before) and _CLOSING.match(text, m.end()):
            continue  # "Lincoln (1861-1865)": two years
        if first < lex.year_min and not is_old_year_cued(text, m.start(), g):
            continue
        yield Candidate(Kind.RANGE, m.start(), m.end(), year=first, offset=second)


def _second_year(first: int, raw: str) -> int | None:
    """The later year of a range, "2001" or the "14" of "2016-17"; None when not later."""
    second = int(raw)
    if len(raw) == 2:
        second += first // 100 * 100
        second += 100 if second <= first else 0
    return second if first < second <= first + 100 else None


def scan_before_christ(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    """"52 av. J.-C." is year -51 of ISO 8601's astronomical numbering."""
    for m in g.before_christ.finditer(text):
        if (n := int(m.group("n"))) >= 1:
            yield Candidate(Kind.YEAR, m.start(), m.end(), year=1 - n)


def scan_year_parts(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    """"été 2019" -> 2019-SU; "premier trimestre de l'année 2020" -> 2018-Q1."""
    lex = g.lexicon
    for m in g.season.finditer(text):
        if not _year_follower_ok(text, m.end(), g):
            continue
        year = int(m.group("year"))
        if pair := _left(g.season_pair_left, text, m.start()):  # "printemps/été 2019": the year
            yield Candidate(Kind.YEAR, pair.start(), m.end(), year=year)
        else:
            yield Candidate(Kind.YEAR_PART, m.start(), m.end(), year=year, unit=lex.seasons[_key(m.group("season"))])
    for m in g.year_part.finditer(text):
        part = lex.year_parts[_key(m.group("part"))]
        rank = lex.ordinals[_key(m.group("ord"))]
        rank = _PART_COUNT[part] if rank < 0 else rank
        if 1 <= rank <= _PART_COUNT[part]:
            yield Candidate(Kind.YEAR_PART, m.start(), m.end(), year=int(m.group("year")), unit=f"{part}{rank}")


SPAN_SCANNERS = (scan_decades, scan_centuries, scan_year_ranges, scan_before_christ, scan_year_parts)


def scan_spans(text: str, g: TimexGrammar, published: date | None) -> list[Candidate]:
    return [c for scanner in SPAN_SCANNERS for c in scanner(text, g, published)]
